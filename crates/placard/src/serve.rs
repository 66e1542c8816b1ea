//! `placard serve`: starts the roles asked for and stops them in order on SIGTERM/SIGINT.

use crate::cli::open_database;
use crate::config::{Config, Roles};
use anyhow::Context;
use placard_http::{AppState, Application, HttpMetrics, HttpSettings};
use placard_worker::{
    ProcessPhoto, Scheduler, Worker, WorkerMetrics, WorkerSettings, PROCESS_PHOTO,
};
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// How often the scheduler looks for due work.
const SCHEDULER_TICK: Duration = Duration::from_secs(2);

pub async fn serve(config: Config, roles: Roles) -> anyhow::Result<()> {
    let concurrency = config
        .worker_concurrency
        .unwrap_or_else(|| WorkerSettings::default().concurrency);
    let sized = Config {
        pool: config.pool_for(roles, concurrency),
        ..config.clone()
    };
    tracing::info!(
        db.max_connections = sized.pool.max_connections,
        "database pool sized for the roles"
    );
    let store = open_database(&sized).await?;
    let objects = placard_blob::open(&config.storage_url, &config.s3)
        .await
        .context("Failed to open object storage (PLACARD_STORAGE_URL)")?;
    let registry = prometheus::Registry::new();
    let http_metrics = HttpMetrics::register(&registry)?;

    let worker = if roles.worker {
        let mut settings = WorkerSettings::default();
        if let Some(n) = config.worker_concurrency {
            settings.concurrency = n;
        }
        settings.lease = chrono::TimeDelta::from_std(config.job_lease).unwrap_or(settings.lease);
        // Four heartbeats per lease: one lost to a slow database does not lose the job.
        settings.heartbeat_every = config.job_lease / 4;
        let mut worker = Worker::new(store.clone(), settings, WorkerMetrics::register(&registry)?);
        worker.register(
            PROCESS_PHOTO,
            Arc::new(ProcessPhoto {
                store: store.clone(),
                objects: objects.clone(),
                limits: config.image_limits,
                near_duplicate_distance: config.near_duplicate_distance,
            }),
        );
        Some(Arc::new(worker))
    } else {
        None
    };

    let settings = HttpSettings {
        bind: config.bind,
        public_url: config.public_url.clone().unwrap_or_default(),
        cors_origins: config.cors_origins.clone(),
        rate_limit_per_minute: config.rate_limit_per_minute,
        rate_limit_burst: 20,
        serve_api: roles.api,
        max_upload_bytes: config.max_upload_bytes,
        image_limits: config.image_limits,
        upload_dir: config.data_dir.join("uploads"),
        claim_hold: chrono::TimeDelta::from_std(config.claim_hold)
            .unwrap_or(chrono::TimeDelta::minutes(10)),
    };
    let mut state = AppState::new(store.clone(), objects.clone(), http_metrics, settings).await?;
    if let Some(w) = &worker {
        let w = w.clone();
        state = state.with_waker(Arc::new(move || w.wake()));
    }
    // Every process answers probes and metrics, whatever its roles.
    let app = Application::build(state)?;
    let addr = std::net::SocketAddr::new(config.bind.ip(), app.port());
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
        Some(Scheduler::start(store.clone(), SCHEDULER_TICK).await?)
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
