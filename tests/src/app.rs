//! The real app in the test's own process (zero-to-production's `spawn_app`): the HTTP
//! layer on port 0 over a fresh database and object space, a clock the test moves, and the
//! worker and scheduler driven by the test — `run_pending_jobs()` and `run_scheduler()` —
//! instead of running on their own. Deadlines, announcements and processing are then tested
//! without sleeping or polling. Tests where separate processes are the point (several
//! schedulers, a SIGKILLed worker, a restart, configuration) keep using [`crate::Server`].

use crate::{Api, Deployment, TestEnv, Uploaded};

use chrono::{DateTime, TimeDelta, Utc};
use placard::{App, Roles, Settings};
use placard_blob::ObjectStore;
use placard_domain::{Role, SecretToken, StaffName};
use placard_storage::{Clock, Store};
use placard_worker::{Schedule, Scheduler, Worker};
use std::sync::Arc;
use std::time::Duration;

pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    pub client: reqwest::Client,
    /// The app's own store, for checks the API does not offer.
    pub store: Store,
    /// The app's clock: standing still at the instant the app was spawned until moved.
    pub clock: Clock,
    /// The database, object space and data folder, as for a real process.
    pub env: TestEnv,
    worker: Arc<Worker>,
    http: placard_http::AppHandle,
}

impl TestApp {
    pub async fn spawn(deployment: Deployment) -> Self {
        Self::spawn_with(deployment, |env| {
            (env.db.store.clone(), env.objects.store.clone())
        })
        .await
    }

    /// The same, with the database and object store the app uses chosen by `wire` from the
    /// test's environment: through a [`crate::proxy::FaultProxy`], or wrapped to act at the
    /// moment an object is written. `env.db` and `env.objects` stay direct, for checks.
    pub async fn spawn_with(
        deployment: Deployment,
        wire: impl FnOnce(&TestEnv) -> (Store, Arc<dyn ObjectStore>),
    ) -> Self {
        Self::spawn_configured(deployment, &[], wire).await
    }

    /// The app with these command-line flags added to the test's own.
    pub async fn spawn_with_flags(deployment: Deployment, flags: &[&str]) -> Self {
        Self::spawn_configured(deployment, flags, |env| {
            (env.db.store.clone(), env.objects.store.clone())
        })
        .await
    }

    async fn spawn_configured(
        deployment: Deployment,
        flags: &[&str],
        wire: impl FnOnce(&TestEnv) -> (Store, Arc<dyn ObjectStore>),
    ) -> Self {
        let env = TestEnv::new(deployment).await;
        let clock = Clock::manual(placard_storage::now());
        // Configured as the binary is, from its own flags: the same composition root.
        let mut args = vec![
            "--bind=127.0.0.1:0".to_owned(),
            format!("--data-dir={}", env.data_dir.display()),
        ];
        args.extend(flags.iter().map(|f| (*f).to_owned()));
        let settings = Settings::from_flags(args).expect("settings");
        let (store, objects) = wire(&env);
        let app = App::build(&settings, Roles::ALL, store, objects, clock.clone())
            .await
            .expect("the app");
        let base = format!("http://127.0.0.1:{}", app.http.port());
        let http = app.http.handle();
        tokio::spawn(app.http.run_until_stopped());
        Self {
            base,
            client: reqwest::Client::new(),
            store: app.store,
            clock,
            env,
            worker: app.worker.expect("the worker role"),
            http,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Moves the app's clock on.
    pub fn advance(&self, by: TimeDelta) {
        self.clock.advance(by);
    }

    /// Sets the app's clock.
    pub fn set_time(&self, at: DateTime<Utc>) {
        self.clock.set(at);
    }

    /// Runs every job that is due at the app's time, one after the other, until none is
    /// left; returns how many ran.
    pub async fn run_pending_jobs(&self) -> usize {
        self.worker.run_pending_jobs().await.expect("running jobs")
    }

    /// Runs the worker as `placard serve` does, claiming on its own until the returned
    /// token is cancelled (for tests of its concurrency, not of results: those use
    /// `run_pending_jobs`).
    pub fn start_worker(&self) -> tokio_util::sync::CancellationToken {
        let stop = tokio_util::sync::CancellationToken::new();
        tokio::spawn(self.worker.clone().run(stop.clone()));
        stop
    }

    /// One pass of the scheduler's duties at the app's time (what a cron tick runs).
    pub async fn run_scheduler(&self) {
        placard_worker::maintenance_tick(&self.store, self.clock.now())
            .await
            .expect("scheduler tick");
    }

    /// Starts a real scheduler on the app's clock (its first pass runs before this returns,
    /// as when a scheduler process starts), and stops it again.
    pub async fn start_and_stop_a_scheduler(&self) {
        let scheduler = Scheduler::start(self.store.clone(), &Schedule::default(), &self.clock)
            .await
            .expect("scheduler");
        scheduler.shutdown().await;
    }

    /// Starts a real scheduler on the app's store and clock, its maintenance on `cron`
    /// (six fields); the caller stops it with `shutdown`.
    pub async fn start_scheduler(&self, maintenance_cron: &str) -> Scheduler {
        let schedule = Schedule {
            maintenance: maintenance_cron.to_owned(),
            ..Schedule::default()
        };
        Scheduler::start(self.store.clone(), &schedule, &self.clock)
            .await
            .expect("scheduler")
    }

    /// Creates a staff account directly in the store; returns its token.
    pub async fn create_user(&self, role: &str, name: &str) -> String {
        let role: Role = role.parse().expect("role");
        let token = SecretToken::generate("plc");
        self.store
            .create_staff(&StaffName::parse(name).expect("name"), role, &token.hash())
            .await
            .expect("create staff");
        token.expose().to_owned()
    }

    /// Stops the HTTP server (in-flight requests finish) and removes the test's database,
    /// objects and folder. Returns true, like [`crate::Server::stop`] for a clean exit.
    pub async fn stop(self) -> bool {
        self.http.stop(true).await;
        self.env.cleanup().await;
        true
    }
}

impl Api for TestApp {
    fn base(&self) -> &str {
        &self.base
    }

    fn http(&self) -> &reqwest::Client {
        &self.client
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Nothing to wait for: the jobs run here, now.
    async fn wait_processed(&self, up: &Uploaded, _within: Duration) -> serde_json::Value {
        self.run_pending_jobs().await;
        let status = self.photo_status(up).await;
        let s = status["status"].as_str().unwrap_or_default();
        assert!(
            s != "received" && s != "processing",
            "photo {} still {s} after its jobs ran",
            up.id
        );
        status
    }

    /// The scheduler runs here, now: the results are announced or the test is wrong.
    async fn wait_announced(&self, slug: &str, _within: Duration) -> serde_json::Value {
        self.run_scheduler().await;
        let r = self
            .public_json(&format!("/api/v1/contests/{slug}/results"))
            .await;
        assert_eq!(
            r["announced"],
            true,
            "not announced at {}",
            self.clock.now()
        );
        r
    }
}
