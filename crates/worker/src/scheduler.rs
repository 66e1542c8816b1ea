//! Time-driven work on tokio-cron-scheduler. Its callbacks only call plain, tested async
//! functions; exactly-once effects come from conditional state transitions in the database,
//! never from hoping that one instance fires.

use placard_storage::{now, Store};
use std::time::Duration;
use tokio_cron_scheduler::{Job, JobScheduler};

/// One pass of the periodic duties. Safe to run from any number of instances at once:
/// announcing is a conditional transition in the database, so racing ticks announce a
/// contest exactly once.
pub async fn maintenance_tick(store: &Store) -> anyhow::Result<()> {
    let reaped = store.reap_expired_jobs(now()).await?;
    if reaped > 0 {
        tracing::warn!(
            jobs.reaped = reaped,
            "jobs whose last lease expired are now dead"
        );
    }
    for contest in store.due_contests(now()).await? {
        if store.announce(&contest, now()).await? {
            tracing::info!(contest.id = %contest.id, contest.slug = %contest.slug, "results announced");
        }
    }
    Ok(())
}

pub struct Scheduler {
    inner: JobScheduler,
}

impl Scheduler {
    /// Starts ticking every `every`.
    pub async fn start(store: Store, every: Duration) -> anyhow::Result<Self> {
        // Catch up at once (a contest whose announce_at passed while no scheduler ran),
        // rather than a tick later.
        if let Err(e) = maintenance_tick(&store).await {
            tracing::warn!(error = %e, "first scheduler tick failed; next tick retries");
        }
        let inner = JobScheduler::new().await?;
        inner
            .add(Job::new_repeated_async(every, move |_id, _sched| {
                let store = store.clone();
                Box::pin(async move {
                    if let Err(e) = maintenance_tick(&store).await {
                        tracing::warn!(error = %e, "scheduler tick failed; next tick retries");
                    }
                })
            })?)
            .await?;
        inner.start().await?;
        tracing::info!(
            scheduler.every_ms = every.as_millis() as u64,
            "scheduler started"
        );
        Ok(Self { inner })
    }

    pub async fn shutdown(mut self) {
        if let Err(e) = self.inner.shutdown().await {
            tracing::warn!(error = %e, "scheduler shutdown");
        }
    }
}
