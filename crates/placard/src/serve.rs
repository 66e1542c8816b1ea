//! `placard serve`: starts the roles asked for and stops them in order on SIGTERM/SIGINT.

use crate::app::App;
use crate::database::open_database;
use crate::settings::{Roles, Settings};
use anyhow::Context;
use placard_storage::Clock;
use placard_worker::Scheduler;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

pub async fn serve(settings: &Settings, roles: Roles) -> anyhow::Result<()> {
    // Before anything can announce itself: a SIGTERM that arrives while the roles are still
    // starting must mean "stop cleanly", not the default action (killed by the signal).
    let stop = StopSignal::listen().context("Failed to listen for SIGTERM/SIGINT")?;
    let pool = settings.pool_for(roles);
    tracing::info!(
        db.max_connections = pool.max_connections,
        "database pool sized for the roles"
    );
    let store = open_database(settings, pool).await?;
    let objects = placard_blob::open(&settings.storage.storage_url(), &settings.storage.s3())
        .await
        .context("Failed to open object storage (PLACARD_STORAGE_URL)")?;
    let App {
        http: app,
        worker,
        store,
        clock,
    } = App::build(settings, roles, store, objects, Clock::system()).await?;
    let addr = std::net::SocketAddr::new(settings.http.bind.ip(), app.port());
    tracing::info!(
        http.addr = %addr,
        db.backend = store.backend().as_str(),
        roles.api = roles.api,
        roles.worker = roles.worker,
        roles.scheduler = roles.scheduler,
        "placard is serving"
    );
    if roles.api {
        // Staging files a crashed process left: swept now, and every ten minutes (the
        // worker's sweep covers this machine's folders too, when it runs here).
        let (dirs, grace, clock) = (
            settings.staging_dirs(),
            settings.worker.orphan_grace(),
            clock.clone(),
        );
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(600));
            loop {
                every.tick().await;
                for dir in &dirs {
                    match placard_worker::sweep_staging(dir, clock.now(), grace).await {
                        Ok(0) => {}
                        Ok(n) => {
                            tracing::info!(staging.deleted = n, staging.dir = %dir.display(), "old staging files deleted")
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, staging.dir = %dir.display(), "staging sweep failed")
                        }
                    }
                }
            }
        });
    }
    let http = app.handle();
    let http_task = tokio::spawn(app.run_until_stopped());

    let stop_worker = CancellationToken::new();
    let worker_task = worker.map(|w| tokio::spawn(w.run(stop_worker.clone())));

    let scheduler = if roles.scheduler {
        Some(Scheduler::start(store.clone(), &settings.schedule(), &clock).await?)
    } else {
        None
    };

    // A plain line on stdout too, for scripts and tests that started it on port 0: written
    // once every role has started.
    println!("listening on http://{addr}");

    stop.wait().await;
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

/// SIGTERM and SIGINT, registered when made (tokio's `ctrl_c()` registers only when first
/// polled, too late for a signal sent during start-up).
struct StopSignal {
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
    #[cfg(unix)]
    int: tokio::signal::unix::Signal,
}

impl StopSignal {
    fn listen() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Ok(Self {
                term: signal(SignalKind::terminate())?,
                int: signal(SignalKind::interrupt())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Self {})
    }

    async fn wait(mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.term.recv() => {}
            _ = self.int.recv() => {}
        }
        #[cfg(not(unix))]
        tokio::signal::ctrl_c().await.ok();
    }
}
