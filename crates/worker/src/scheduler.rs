//! Time-driven work on tokio-cron-scheduler. Its callbacks only call plain, tested async
//! functions; exactly-once effects come from conditional state transitions in the database,
//! never from hoping that one instance fires.

use chrono::{DateTime, Utc};
use placard_storage::{Clock, Store};
use tokio_cron_scheduler::{Job, JobScheduler};

/// One pass of the periodic duties. Safe to run from any number of instances at once:
/// announcing is a conditional transition in the database, so racing ticks announce a
/// contest exactly once.
pub async fn maintenance_tick(store: &Store, now: DateTime<Utc>) -> anyhow::Result<()> {
    let reaped = store.reap_expired_jobs(now).await?;
    if reaped > 0 {
        tracing::warn!(
            jobs.reaped = reaped,
            "jobs whose last lease expired are now dead"
        );
    }
    for contest in store.due_contests(now).await? {
        if store.announce(&contest, now).await? {
            tracing::info!(contest.id = %contest.id, contest.slug = %contest.slug, "results announced");
        }
    }
    Ok(())
}

/// The periodic duties, each a six-field cron expression (with seconds) and the plain async
/// function it calls. More are registered here (maintenance, retention) as they come.
pub struct Schedule {
    /// Reaping expired leases and announcing due contests: every 2 s by default, so an
    /// announcement is at most a couple of seconds late.
    pub deadlines: String,
}

impl Default for Schedule {
    fn default() -> Self {
        Self {
            deadlines: "*/2 * * * * *".into(),
        }
    }
}

pub struct Scheduler {
    inner: JobScheduler,
}

impl Scheduler {
    /// Registers every duty on its cron schedule and starts; a bad expression is an error
    /// here, before anything runs.
    pub async fn start(store: Store, schedule: &Schedule, clock: &Clock) -> anyhow::Result<Self> {
        // Catch up at once (a contest whose announce_at passed while no scheduler ran),
        // rather than at the first cron tick.
        if let Err(e) = maintenance_tick(&store, clock.now()).await {
            tracing::warn!(error = %e, "first scheduler tick failed; next tick retries");
        }
        let inner = JobScheduler::new().await?;
        let clock = clock.clone();
        let job = Job::new_async(schedule.deadlines.as_str(), move |_id, _sched| {
            let store = store.clone();
            let now = clock.now();
            Box::pin(async move {
                if let Err(e) = maintenance_tick(&store, now).await {
                    tracing::warn!(error = %e, "scheduler tick failed; next tick retries");
                }
            })
        })
        .map_err(|e| anyhow::anyhow!("deadlines schedule `{}`: {e}", schedule.deadlines))?;
        inner.add(job).await?;
        inner.start().await?;
        tracing::info!(scheduler.deadlines = %schedule.deadlines, "scheduler started");
        Ok(Self { inner })
    }

    pub async fn shutdown(mut self) {
        if let Err(e) = self.inner.shutdown().await {
            tracing::warn!(error = %e, "scheduler shutdown");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_schedule_is_valid_cron_and_a_typo_is_refused() {
        let noop =
            |_id, _sched| -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> {
                Box::pin(async {})
            };
        assert!(Job::new_async(Schedule::default().deadlines.as_str(), noop).is_ok());
        assert!(Job::new_async("every two seconds", noop).is_err());
    }
}
