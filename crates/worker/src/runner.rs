//! Runs jobs claimed from the database queue, with bounded concurrency, a lease renewed by
//! heartbeat, retries with backoff and a graceful hand-back on shutdown.

use crate::WorkerMetrics;
use chrono::TimeDelta;
use placard_domain::jobs::AfterFailure;
use placard_domain::{BackgroundJob, DeliverWebhook, RetryPolicy};
use placard_storage::jobs::{ClaimedJob, Lane};
use placard_storage::{Clock, Store};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Notify, Semaphore};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

/// How a job run failed.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// Worth trying again later (storage or database unavailable, a timeout).
    #[error("transient: {0}")]
    Transient(String),
    /// Will fail the same way every time: dead at once, for an admin to look at.
    #[error("permanent: {0}")]
    Permanent(String),
}

/// What a kind of job does, given its payload already deserialized. Runs may repeat (a
/// lease can expire mid-run), so a handler must be idempotent: write to fixed keys, make
/// state changes conditional.
#[async_trait::async_trait]
pub trait JobHandler<J: BackgroundJob>: Send + Sync + 'static {
    async fn run(&self, job: J) -> Result<(), JobError>;
}

/// A registered handler with its job type erased: the one place a payload is deserialized.
#[async_trait::async_trait]
trait ErasedHandler: Send + Sync {
    async fn run(&self, job: &ClaimedJob) -> Result<(), JobError>;
}

struct Typed<J, H> {
    handler: Arc<H>,
    job: PhantomData<fn() -> J>,
}

#[async_trait::async_trait]
impl<J: BackgroundJob, H: JobHandler<J>> ErasedHandler for Typed<J, H> {
    async fn run(&self, job: &ClaimedJob) -> Result<(), JobError> {
        // A payload that does not fit its type will never fit: dead at once, visibly.
        let payload: J = serde_json::from_value(job.payload.clone()).map_err(|e| {
            JobError::Permanent(format!("the payload does not fit `{}`: {e}", J::KIND))
        })?;
        self.handler.run(payload).await
    }
}

#[derive(Debug, Clone)]
pub struct WorkerSettings {
    /// Jobs run at once by this process.
    pub concurrency: usize,
    /// Webhook deliveries in flight at once, besides those (they wait, not compute).
    pub outbound_concurrency: usize,
    /// How long a claim holds without a heartbeat.
    pub lease: TimeDelta,
    /// How often a running job renews its lease (well inside `lease`).
    pub heartbeat_every: Duration,
    /// How long to wait before asking an empty queue again (a wake-up cuts it short).
    pub poll_interval: Duration,
    /// On shutdown, how long running jobs may take to finish before they are handed back.
    pub shutdown_grace: Duration,
    pub retry: RetryPolicy,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Self {
            concurrency: cores.saturating_sub(1).max(1),
            outbound_concurrency: 16,
            lease: TimeDelta::seconds(60),
            heartbeat_every: Duration::from_secs(15),
            poll_interval: Duration::from_secs(1),
            shutdown_grace: Duration::from_secs(20),
            retry: RetryPolicy::default(),
        }
    }
}

pub struct Worker {
    store: Store,
    handlers: HashMap<&'static str, Arc<dyn ErasedHandler>>,
    settings: WorkerSettings,
    metrics: WorkerMetrics,
    /// This process's name in lease rows.
    id: String,
    /// Where "now" comes from (tests move a clock of their own).
    clock: Clock,
    /// One per lane of [`Worker::run`].
    wake: [Notify; 2],
}

/// What became of one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Done,
    Retry,
    Dead,
    LeaseLost,
    HandedBack,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Retry => "retry",
            Outcome::Dead => "dead",
            Outcome::LeaseLost => "lease_lost",
            Outcome::HandedBack => "handed_back",
        }
    }
}

impl Worker {
    pub fn new(store: Store, settings: WorkerSettings, metrics: WorkerMetrics) -> Self {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "worker".into());
        let id = format!(
            "{host}-{}-{}",
            std::process::id(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        Self {
            store,
            handlers: HashMap::new(),
            settings,
            metrics,
            id,
            clock: Clock::system(),
            wake: [Notify::new(), Notify::new()],
        }
    }

    /// Reads the time from `clock`: leases, backoff and completions follow it.
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Runs jobs of type `J` with `handler`; a later registration of the same type wins.
    pub fn register<J: BackgroundJob>(&mut self, handler: Arc<impl JobHandler<J>>) {
        self.handlers.insert(
            J::KIND,
            Arc::new(Typed::<J, _> {
                handler,
                job: PhantomData,
            }),
        );
    }

    pub fn settings(&self) -> &WorkerSettings {
        &self.settings
    }

    /// Tells an idle worker to look at the queue now (used after an in-process enqueue).
    pub fn wake(&self) {
        for lane in &self.wake {
            lane.notify_one();
        }
    }

    /// Runs until `shutdown` is cancelled; then stops claiming, lets running jobs finish for
    /// up to `shutdown_grace`, and hands back any still running.
    ///
    /// Two lanes claim from the one queue: `concurrency` slots for the work this process
    /// does itself (photos, mosaics, sweeps), and `outbound_concurrency` slots for webhook
    /// deliveries, which mostly wait on another host. A slow or dead receiver then fills its
    /// own lane only; photos keep being processed.
    pub async fn run(self: Arc<Self>, shutdown: CancellationToken) {
        tracing::info!(worker.id = %self.id, worker.concurrency = self.settings.concurrency, "worker started");
        // On PostgreSQL, a LISTEN connection wakes this worker the moment any process
        // commits a job; the poll below is only the fallback.
        let listening = match self.store.job_listener().await {
            Ok(Some(mut listener)) => {
                let me = self.clone();
                let stop = shutdown.clone();
                Some(tokio::spawn(async move {
                    loop {
                        tokio::select! {
                            r = listener.recv() => match r {
                                Ok(()) => me.wake(),
                                Err(e) => {
                                    tracing::warn!(error = %e, "job notifications interrupted; polling meanwhile");
                                    tokio::time::sleep(Duration::from_secs(1)).await;
                                }
                            },
                            () = stop.cancelled() => return,
                        }
                    }
                }))
            }
            Ok(None) => None,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for job notifications; polling only");
                None
            }
        };
        let outbound = DeliverWebhook::KIND;
        tokio::join!(
            self.clone().lane(
                Lane::Except(outbound),
                self.settings.concurrency,
                0,
                shutdown.clone()
            ),
            self.clone().lane(
                Lane::Only(outbound),
                self.settings.outbound_concurrency,
                1,
                shutdown.clone()
            ),
        );
        if let Some(l) = listening {
            l.abort();
        }
        tracing::info!("worker stopped");
    }

    /// One lane's loop: claims jobs of `lane` while a slot of `slots` is free.
    async fn lane(
        self: Arc<Self>,
        lane: Lane,
        slots: usize,
        wake: usize,
        shutdown: CancellationToken,
    ) {
        let slots = Arc::new(Semaphore::new(slots.max(1)));
        let hard_stop = CancellationToken::new();
        let mut running = JoinSet::new();
        let mut last_reap: Option<Instant> = None;
        loop {
            let permit = tokio::select! {
                p = slots.clone().acquire_owned() => match p { Ok(p) => p, Err(_) => break },
                () = shutdown.cancelled() => break,
            };
            let reaps = wake == 0;
            if reaps && last_reap.is_none_or(|t| t.elapsed() > Duration::from_secs(30)) {
                if let Err(e) = self.store.reap_expired_jobs(self.clock.now()).await {
                    tracing::warn!(error = %e, "reaping expired leases failed");
                }
                last_reap = Some(Instant::now());
            }
            match self
                .store
                .claim_job_in(&self.id, self.settings.lease, self.clock.now(), lane)
                .await
            {
                Ok(Some(job)) => {
                    let worker = self.clone();
                    let stop = hard_stop.clone();
                    running.spawn(async move {
                        worker.execute(job, stop).await;
                        drop(permit);
                    });
                }
                Ok(None) => {
                    drop(permit);
                    tokio::select! {
                        () = tokio::time::sleep(self.settings.poll_interval) => {}
                        () = self.wake[wake].notified() => {}
                        () = shutdown.cancelled() => break,
                    }
                }
                Err(e) => {
                    drop(permit);
                    tracing::warn!(error = %e, "claiming a job failed; will retry");
                    tokio::select! {
                        () = tokio::time::sleep(self.settings.poll_interval) => {}
                        () = shutdown.cancelled() => break,
                    }
                }
            }
            while running.try_join_next().is_some() {}
        }
        tracing::info!(
            jobs.running = running.len(),
            "worker stopping: finishing running jobs"
        );
        let drained = tokio::time::timeout(self.settings.shutdown_grace, async {
            while running.join_next().await.is_some() {}
        })
        .await;
        if drained.is_err() {
            tracing::warn!(
                jobs.running = running.len(),
                "grace period over: handing running jobs back"
            );
            hard_stop.cancel();
            while running.join_next().await.is_some() {}
        }
    }

    /// Claims and runs due jobs one at a time until none is left; returns how many ran.
    /// Tests drive the worker with this: deterministic, no sleeping.
    pub async fn run_pending_jobs(&self) -> anyhow::Result<usize> {
        let mut n = 0;
        while let Some(job) = self
            .store
            .claim_job(&self.id, self.settings.lease, self.clock.now())
            .await?
        {
            self.execute(job, CancellationToken::new()).await;
            n += 1;
        }
        Ok(n)
    }

    async fn execute(&self, job: ClaimedJob, hard_stop: CancellationToken) {
        let span = tracing::info_span!("job", job.id = %job.id, job.kind = %job.kind, job.attempt = job.attempt);
        async {
            let started = Instant::now();
            let outcome = self.run_with_lease(&job, &hard_stop).await;
            let secs = started.elapsed().as_secs_f64();
            self.metrics
                .job_duration
                .with_label_values(&[&job.kind, outcome.as_str()])
                .observe(secs);
            self.metrics
                .jobs_run
                .with_label_values(&[&job.kind, outcome.as_str()])
                .inc();
            tracing::info!(
                job.outcome = outcome.as_str(),
                job.duration_ms = secs * 1000.0,
                "job finished"
            );
        }
        .instrument(span)
        .await
    }

    async fn run_with_lease(&self, job: &ClaimedJob, hard_stop: &CancellationToken) -> Outcome {
        let result = match self.handlers.get(job.kind.as_str()) {
            None => Err(JobError::Permanent(format!(
                "no handler for job kind `{}`",
                job.kind
            ))),
            Some(handler) => {
                tokio::select! {
                    r = handler.run(job) => r,
                    () = self.keep_lease(job) => return Outcome::LeaseLost,
                    () = hard_stop.cancelled() => {
                        if let Err(e) = self.store.release_job(job, self.clock.now()).await {
                            tracing::warn!(error = %e, "handing the job back failed; its lease will expire");
                        }
                        return Outcome::HandedBack;
                    }
                }
            }
        };
        match result {
            Ok(()) => match self.store.complete_job(job, self.clock.now()).await {
                Ok(true) => Outcome::Done,
                Ok(false) => Outcome::LeaseLost,
                Err(e) => {
                    // The work is done but not recorded; the lease will expire and the
                    // (idempotent) job run again.
                    tracing::warn!(error = %e, "recording completion failed");
                    Outcome::Retry
                }
            },
            Err(err) => {
                let after = match &err {
                    // The job's own budget (from its type, in its row) says when it is
                    // dead; the policy says how long to wait before the next try.
                    JobError::Transient(_) => RetryPolicy {
                        max_attempts: job.max_attempts,
                        ..self.settings.retry
                    }
                    .after_failure(job.attempt),
                    JobError::Permanent(_) => AfterFailure::Dead,
                };
                let after = if job.attempt >= job.max_attempts {
                    AfterFailure::Dead
                } else {
                    after
                };
                tracing::warn!(error = %err, "job failed");
                match self
                    .store
                    .fail_job(job, &err.to_string(), after, self.clock.now())
                    .await
                {
                    Ok(Some(placard_domain::JobState::Dead)) => Outcome::Dead,
                    Ok(Some(_)) => Outcome::Retry,
                    Ok(None) => Outcome::LeaseLost,
                    Err(e) => {
                        tracing::warn!(error = %e, "recording the failure failed; the lease will expire");
                        Outcome::Retry
                    }
                }
            }
        }
    }

    /// Renews the lease until it is lost; returns only then.
    async fn keep_lease(&self, job: &ClaimedJob) {
        loop {
            tokio::time::sleep(self.settings.heartbeat_every).await;
            match self
                .store
                .heartbeat_job(job, self.settings.lease, self.clock.now())
                .await
            {
                Ok(true) => {}
                Ok(false) => {
                    tracing::warn!("lease lost: another worker owns this job now");
                    return;
                }
                Err(e) => tracing::warn!(error = %e, "heartbeat failed; trying again"),
            }
        }
    }
}
