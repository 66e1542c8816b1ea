//! `placard serve`: starts the roles asked for and stops them in order on SIGTERM/SIGINT.

use crate::database::open_database;
use crate::settings::{Roles, Settings};
use anyhow::Context;
use placard_domain::ProcessPhoto;
use placard_http::{AppState, Application, HttpMetrics, HttpSettings};
use placard_storage::Clock;
use placard_worker::{PhotoProcessor, Schedule, Scheduler, Worker, WorkerMetrics, WorkerSettings};
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub async fn serve(settings: &Settings, roles: Roles) -> anyhow::Result<()> {
    let pool = settings.pool_for(roles);
    tracing::info!(
        db.max_connections = pool.max_connections,
        "database pool sized for the roles"
    );
    let store = open_database(settings, pool).await?;
    let objects = placard_blob::open(&settings.storage.storage_url(), &settings.storage.s3())
        .await
        .context("Failed to open object storage (PLACARD_STORAGE_URL)")?;
    let registry = prometheus::Registry::new();
    let http_metrics = HttpMetrics::register(&registry)?;
    let image_limits = settings.limits.image();

    let worker = if roles.worker {
        let lease = settings.worker.job_lease();
        let worker_settings = WorkerSettings {
            concurrency: settings.worker.concurrency(),
            lease,
            // Four heartbeats per lease: one lost to a slow database does not lose the job.
            heartbeat_every: Duration::from_secs(u64::from(settings.worker.job_lease_seconds)) / 4,
            ..WorkerSettings::default()
        };
        let mut worker = Worker::new(
            store.clone(),
            worker_settings,
            WorkerMetrics::register(&registry)?,
        );
        worker.register::<ProcessPhoto>(Arc::new(PhotoProcessor {
            store: store.clone(),
            objects: objects.clone(),
            limits: image_limits,
            near_duplicate_distance: settings.media.near_duplicate_distance,
            clock: Clock::system(),
        }));
        Some(Arc::new(worker))
    } else {
        None
    };

    let http = HttpSettings {
        bind: settings.http.bind,
        public_url: settings.http.public_url.clone().unwrap_or_default(),
        cors_origins: settings.http.cors_origins.clone(),
        rate_limit_per_minute: settings.limits.rate_limit_per_minute,
        rate_limit_burst: 20,
        serve_api: roles.api,
        max_upload_bytes: settings.limits.max_upload_bytes,
        image_limits,
        upload_dir: settings.storage.data_dir.join("uploads"),
        claim_hold: settings.worker.claim_hold(),
    };
    let mut state = AppState::new(store.clone(), objects.clone(), http_metrics, http).await?;
    if let Some(w) = &worker {
        let w = w.clone();
        state = state.with_waker(Arc::new(move || w.wake()));
    }
    // Every process answers probes and metrics, whatever its roles.
    let app = Application::build(state)?;
    let addr = std::net::SocketAddr::new(settings.http.bind.ip(), app.port());
    tracing::info!(
        http.addr = %addr,
        db.backend = store.backend().as_str(),
        roles.api = roles.api,
        roles.worker = roles.worker,
        roles.scheduler = roles.scheduler,
        "placard is serving"
    );
    // A plain line on stdout too, for scripts and tests that started it on port 0.
    println!("listening on http://{addr}");
    let http = app.handle();
    let http_task = tokio::spawn(app.run_until_stopped());

    let stop_worker = CancellationToken::new();
    let worker_task = worker.map(|w| tokio::spawn(w.run(stop_worker.clone())));

    let scheduler = if roles.scheduler {
        Some(Scheduler::start(store.clone(), &Schedule::default(), &Clock::system()).await?)
    } else {
        None
    };

    shutdown_signal().await;
    tracing::info!("shutting down: no new requests or jobs; letting running work finish");
    // Stop taking requests first (in-flight ones finish), then the worker (running jobs
    // finish or are handed back), then the scheduler.
    let http_stopped = http.stop(true);
    stop_worker.cancel();
    http_stopped.await;
    if let Some(t) = worker_task {
        t.await.ok();
    }
    if let Some(s) = scheduler {
        s.shutdown().await;
    }
    http_task.await.ok();
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                ctrl_c.await.ok();
            }
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await.ok();
}
