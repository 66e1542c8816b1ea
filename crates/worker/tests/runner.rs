//! The job runner against real databases: both backends, test names say which.

use async_trait::async_trait;
use chrono::TimeDelta;
use placard_domain::{BackgroundJob, JobState, RetryPolicy};
use placard_storage::jobs::NewJob;
use placard_storage::testing::TestDatabase;
use placard_storage::{now, Backend, Store};
use placard_worker::{JobError, JobHandler, Worker, WorkerMetrics, WorkerSettings};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

fn settings() -> WorkerSettings {
    WorkerSettings {
        concurrency: 3,
        outbound_concurrency: 2,
        lease: TimeDelta::seconds(30),
        heartbeat_every: Duration::from_millis(200),
        poll_interval: Duration::from_millis(20),
        shutdown_grace: Duration::from_millis(300),
        retry: RetryPolicy {
            max_attempts: 4,
            base_delay: TimeDelta::zero(),
            max_delay: TimeDelta::zero(),
        },
    }
}

/// One job type per kind the tests run, each with a field, so a payload can fail to fit.
macro_rules! test_jobs {
    ($($ty:ident = $kind:literal),* $(,)?) => { $(
        #[derive(Serialize, Deserialize)]
        struct $ty {
            n: u32,
        }

        impl BackgroundJob for $ty {
            const KIND: &'static str = $kind;
        }
    )* };
}

test_jobs!(
    FlakyJob = "flaky",
    BrokenJob = "broken",
    CountJob = "count",
    SlowJob = "slow",
    TimedJob = "timed",
);

/// Fails transiently `fail_first` times, then succeeds; counts runs and peak concurrency.
#[derive(Default)]
struct Flaky {
    fail_first: usize,
    runs: AtomicUsize,
    running: AtomicUsize,
    peak: AtomicUsize,
    sleep: Duration,
}

#[async_trait]
impl<J: BackgroundJob> JobHandler<J> for Flaky {
    async fn run(&self, _job: J) -> Result<(), JobError> {
        let n = self.runs.fetch_add(1, Ordering::SeqCst);
        let now_running = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now_running, Ordering::SeqCst);
        tokio::time::sleep(self.sleep).await;
        self.running.fetch_sub(1, Ordering::SeqCst);
        if n < self.fail_first {
            Err(JobError::Transient(format!("flake {n}")))
        } else {
            Ok(())
        }
    }
}

struct Broken;

#[async_trait]
impl JobHandler<BrokenJob> for Broken {
    async fn run(&self, _job: BrokenJob) -> Result<(), JobError> {
        Err(JobError::Permanent("cannot ever work".into()))
    }
}

/// Enqueues a job of `kind` with a payload that fits the test jobs.
async fn enqueue(store: &Store, kind: &str, max_attempts: u32) -> uuid::Uuid {
    enqueue_payload(store, kind, serde_json::json!({ "n": 1 }), max_attempts).await
}

async fn enqueue_payload(
    store: &Store,
    kind: &str,
    payload: serde_json::Value,
    max_attempts: u32,
) -> uuid::Uuid {
    store
        .enqueue_job(
            &NewJob {
                kind,
                payload,
                max_attempts,
            },
            now(),
        )
        .await
        .expect("enqueue")
}

fn worker<J: BackgroundJob>(store: &Store, handler: Arc<impl JobHandler<J>>) -> Worker {
    let mut w = Worker::new(store.clone(), settings(), WorkerMetrics::detached());
    w.register::<J>(handler);
    w
}

async fn transient_failures_are_retried_until_success(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let flaky = Arc::new(Flaky {
        fail_first: 2,
        ..Flaky::default()
    });
    let w = worker::<FlakyJob>(&db.store, flaky.clone());
    let id = enqueue(&db.store, "flaky", 4).await;
    assert_eq!(w.run_pending_jobs().await.expect("run"), 3);
    let job = db.store.job(id).await.expect("job");
    assert_eq!((job.state, job.attempts), (JobState::Done, 3));
}

async fn exhausted_retries_and_permanent_errors_end_dead(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let always = Arc::new(Flaky {
        fail_first: usize::MAX,
        ..Flaky::default()
    });
    let mut w = worker::<FlakyJob>(&db.store, always.clone());
    w.register::<BrokenJob>(Arc::new(Broken));
    let flaky = enqueue(&db.store, "flaky", 3).await;
    let broken = enqueue(&db.store, "broken", 3).await;
    let unknown = enqueue(&db.store, "no-such-kind", 3).await;
    let misfit = enqueue_payload(&db.store, "flaky", serde_json::json!({ "m": 1 }), 3).await;
    w.run_pending_jobs().await.expect("run");
    let f = db.store.job(flaky).await.expect("job");
    assert_eq!(
        (f.state, f.attempts),
        (JobState::Dead, 3),
        "three transient failures"
    );
    let b = db.store.job(broken).await.expect("job");
    assert_eq!(
        (b.state, b.attempts),
        (JobState::Dead, 1),
        "a permanent error is dead at once"
    );
    let u = db.store.job(unknown).await.expect("job");
    assert_eq!(u.state, JobState::Dead);
    assert!(u.last_error.unwrap_or_default().contains("no handler"));
    let m = db.store.job(misfit).await.expect("job");
    assert_eq!(
        (m.state, m.attempts),
        (JobState::Dead, 1),
        "a payload that does not fit its type is dead at once"
    );
    assert!(
        m.last_error
            .unwrap_or_default()
            .contains("does not fit `flaky`"),
        "the error says which type"
    );
    assert_eq!(
        always.runs.load(Ordering::SeqCst),
        3,
        "the handler never saw the misfit payload"
    );
}

async fn concurrency_is_bounded_and_every_job_runs_once(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let counting = Arc::new(Flaky {
        sleep: Duration::from_millis(50),
        ..Flaky::default()
    });
    let w = Arc::new(worker::<CountJob>(&db.store, counting.clone()));
    for _ in 0..12 {
        enqueue(&db.store, "count", 3).await;
    }
    let stop = CancellationToken::new();
    let run = tokio::spawn(w.clone().run(stop.clone()));
    for _ in 0..200 {
        if db.store.job_counts().await.expect("counts")[2].1 == 12 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    stop.cancel();
    run.await.expect("worker task");
    assert_eq!(
        counting.runs.load(Ordering::SeqCst),
        12,
        "each job ran exactly once"
    );
    let peak = counting.peak.load(Ordering::SeqCst);
    assert!(
        (1..=3).contains(&peak),
        "peak concurrency {peak} exceeds the bound of 3"
    );
}

async fn shutdown_hands_running_jobs_back(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let slow = Arc::new(Flaky {
        sleep: Duration::from_secs(30),
        ..Flaky::default()
    });
    let w = Arc::new(worker::<SlowJob>(&db.store, slow.clone()));
    let id = enqueue(&db.store, "slow", 3).await;
    let stop = CancellationToken::new();
    let run = tokio::spawn(w.clone().run(stop.clone()));
    for _ in 0..200 {
        if slow.runs.load(Ordering::SeqCst) == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    stop.cancel();
    tokio::time::timeout(Duration::from_secs(5), run)
        .await
        .expect("the worker stops within its grace period")
        .expect("worker task");
    let job = db.store.job(id).await.expect("job");
    assert_eq!(
        (job.state, job.attempts),
        (JobState::Queued, 0),
        "handed back uncharged"
    );
}

/// Records when it ran.
struct Stopwatch(std::sync::Mutex<Option<std::time::Instant>>);

#[async_trait]
impl JobHandler<TimedJob> for Stopwatch {
    async fn run(&self, _job: TimedJob) -> Result<(), JobError> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(std::time::Instant::now());
        Ok(())
    }
}

/// On PostgreSQL an idle worker hears of a job enqueued by another connection at once
/// (LISTEN/NOTIFY), not at its next poll (set here to a minute).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_idle_workers_wake_within_100ms_of_an_enqueue() {
    let db = TestDatabase::new(Backend::Postgres).await;
    let stopwatch = Arc::new(Stopwatch(std::sync::Mutex::new(None)));
    let mut w = Worker::new(
        db.store.clone(),
        WorkerSettings {
            poll_interval: Duration::from_secs(60),
            ..settings()
        },
        WorkerMetrics::detached(),
    );
    w.register::<TimedJob>(stopwatch.clone());
    let w = Arc::new(w);
    let stop = CancellationToken::new();
    let run = tokio::spawn(w.clone().run(stop.clone()));
    tokio::time::sleep(Duration::from_millis(500)).await; // idle, waiting
                                                          // Another connection (the API, in production) enqueues.
    let other = placard_storage::Store::connect(&db.url.parse().expect("url"), Default::default())
        .await
        .expect("connect");
    let enqueued = std::time::Instant::now();
    enqueue(&other, "timed", 3).await;
    let mut waited = Duration::ZERO;
    while stopwatch
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .is_none()
        && waited < Duration::from_secs(5)
    {
        tokio::time::sleep(Duration::from_millis(5)).await;
        waited += Duration::from_millis(5);
    }
    let ran = stopwatch
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .expect("the job ran");
    let latency = ran - enqueued;
    assert!(
        latency < Duration::from_millis(100),
        "picked up after {latency:?}"
    );
    stop.cancel();
    run.await.expect("worker");
}

macro_rules! on_both {
    ($($name:ident),*) => {
        mod sqlite { $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $name() { super::$name(placard_storage::Backend::Sqlite).await }
        )* }
        mod postgres { $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $name() { super::$name(placard_storage::Backend::Postgres).await }
        )* }
    };
}

on_both!(
    transient_failures_are_retried_until_success,
    exhausted_retries_and_permanent_errors_end_dead,
    concurrency_is_bounded_and_every_job_runs_once,
    shutdown_hands_running_jobs_back
);
