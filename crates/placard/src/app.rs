//! The one composition root: a process's parts wired from its settings, over a store and an
//! object store already open. `placard serve` runs what it returns; the test harness builds
//! the same thing in its own process on a clock of its own, and drives the worker itself.

use crate::settings::{Roles, Settings};
use placard_blob::ObjectStore;
use placard_domain::{BuildMosaic, DeliverWebhook, ProcessPhoto, SweepStorage};
use placard_http::{AppState, Application, HttpMetrics, HttpSettings};
use placard_storage::{Clock, Store};
use placard_worker::{
    MosaicBuilder, PhotoProcessor, StorageSweeper, WebhookSender, Worker, WorkerMetrics,
    WorkerSettings,
};
use std::sync::Arc;
use std::time::Duration;

/// What a `serve` process runs: the HTTP server (bound, not yet running: probes and metrics
/// whatever the roles, the API and pages with the `api` role) and the worker, when its role
/// is asked for.
pub struct App {
    pub http: Application,
    pub worker: Option<Arc<Worker>>,
    pub store: Store,
    pub clock: Clock,
}

impl App {
    pub async fn build(
        settings: &Settings,
        roles: Roles,
        store: Store,
        objects: Arc<dyn ObjectStore>,
        clock: Clock,
    ) -> anyhow::Result<Self> {
        let registry = prometheus::Registry::new();
        let image_limits = settings.image_limits();
        let worker = if roles.worker {
            let worker_settings = WorkerSettings {
                concurrency: settings.worker.concurrency(roles),
                lease: settings.worker.job_lease(),
                // Four heartbeats per lease: one lost to a slow database does not lose the
                // job.
                heartbeat_every: Duration::from_secs(u64::from(settings.worker.job_lease_seconds))
                    / 4,
                ..WorkerSettings::default()
            };
            let mut worker = Worker::new(
                store.clone(),
                worker_settings,
                WorkerMetrics::register(&registry)?,
            )
            .with_clock(clock.clone());
            worker.register::<ProcessPhoto>(Arc::new(PhotoProcessor {
                store: store.clone(),
                objects: objects.clone(),
                limits: image_limits,
                near_duplicate_distance: settings.media.near_duplicate_distance,
                clock: clock.clone(),
            }));
            worker.register::<BuildMosaic>(Arc::new(MosaicBuilder {
                store: store.clone(),
                objects: objects.clone(),
                limits: image_limits,
                clock: clock.clone(),
            }));
            worker.register::<SweepStorage>(Arc::new(StorageSweeper {
                store: store.clone(),
                objects: objects.clone(),
                clock: clock.clone(),
                orphan_grace: settings.worker.orphan_grace(),
                staging_dirs: settings.staging_dirs(),
            }));
            worker.register::<DeliverWebhook>(Arc::new(WebhookSender::new(
                store.clone(),
                clock.clone(),
                settings.http.webhook_allow_private,
            )?));
            Some(Arc::new(worker))
        } else {
            None
        };
        let http = HttpSettings {
            bind: settings.http.bind,
            public_url: settings.http.public_url.clone().unwrap_or_default(),
            cors_origins: settings.http.cors_origins.clone(),
            rate_limit_per_minute: settings.limits.rate_limit_per_minute,
            rate_limit_burst: settings.limits.rate_limit_burst,
            trusted_proxies: settings.http.trusted_proxies.clone(),
            serve_api: roles.api,
            http_workers: settings.http.workers(),
            max_upload_bytes: settings.limits.max_upload_bytes,
            image_limits,
            upload_dir: settings.upload_dir(),
            claim_hold: settings.worker.claim_hold(),
            metrics_bind: settings.http.metrics_bind,
            metrics_token: settings
                .http
                .metrics_token
                .as_deref()
                .map(placard_domain::TokenHash::of),
            // Database gauges from the scheduler role only: a sum over instances then counts
            // each job once (embedded, one process runs every role).
            database_gauges: roles.scheduler,
            webhook_allow_private: settings.http.webhook_allow_private,
            source_archive: include_bytes!(concat!(env!("OUT_DIR"), "/source.tar.gz")),
        };
        let metrics = HttpMetrics::register(&registry)?;
        let mut state = AppState::new(store.clone(), objects, metrics, http)
            .await?
            .with_clock(clock.clone());
        if let Some(w) = &worker {
            let w = w.clone();
            state = state.with_waker(Arc::new(move || w.wake()));
        }
        Ok(Self {
            http: Application::build(state)?,
            worker,
            store,
            clock,
        })
    }
}
