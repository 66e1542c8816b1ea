//! Time-driven work on tokio-cron-scheduler. Its callbacks only call plain, tested async
//! functions; exactly-once effects come from conditional state transitions in the database,
//! never from hoping that one instance fires.

use chrono::{DateTime, Timelike, Utc};
use placard_domain::SweepStorage;
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
    // Addresses whose public-POST allowance has been full for a day are forgotten.
    store
        .prune_rate_limits(now - chrono::TimeDelta::days(1))
        .await?;
    // Expired staff sessions (they already sign no one in).
    store.prune_sessions(now).await?;
    for contest in store.due_contests(now).await? {
        if store.announce(&contest, now).await? {
            tracing::info!(contest.id = %contest.id, contest.slug = %contest.slug, "results announced");
        }
    }
    Ok(())
}

/// Claims the storage sweep of the tick at `now` and enqueues it, in one transaction: of
/// any number of schedulers ticking at the same moment, exactly one enqueues it. The slot is
/// `now` rounded to the second, so schedulers whose clocks differ by less than half a second
/// name the same run. Returns whether this call enqueued it.
pub async fn claim_sweep(store: &Store, now: DateTime<Utc>) -> anyhow::Result<bool> {
    let rounded = now + chrono::TimeDelta::milliseconds(500);
    let slot = rounded
        .with_nanosecond(0)
        .unwrap_or(rounded)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut tx = store.begin().await?;
    if !tx.claim_maintenance("storage.sweep", &slot, now).await? {
        return Ok(false);
    }
    tx.enqueue(&SweepStorage { slot: slot.clone() }, now)
        .await?;
    tx.commit().await?;
    tracing::info!(sweep.slot = %slot, "storage sweep enqueued");
    Ok(true)
}

/// The periodic duties, each a six-field cron expression (with seconds) and the plain async
/// function it calls.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// Reaping expired leases and announcing due contests: every 2 s by default, so an
    /// announcement is at most a couple of seconds late.
    pub deadlines: String,
    /// Retention and the orphan sweep (`PLACARD_MAINTENANCE_CRON`): every ten minutes.
    pub maintenance: String,
}

impl Default for Schedule {
    fn default() -> Self {
        Self {
            deadlines: "*/2 * * * * *".into(),
            maintenance: "0 */10 * * * *".into(),
        }
    }
}

impl Schedule {
    /// Whether `expr` is a cron expression the scheduler accepts.
    pub fn check(expr: &str) -> Result<(), String> {
        Job::new_async(expr, |_id, _sched| Box::pin(async {}))
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

type Duty = fn(
    Store,
    DateTime<Utc>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<()>> + Send>>;

/// A cron job that runs `duty` with the store and the clock's time at each tick; a failed
/// tick is logged and the next one tries again.
fn cron_job(
    name: &'static str,
    expr: &str,
    store: &Store,
    clock: &Clock,
    duty: Duty,
) -> anyhow::Result<Job> {
    let (store, clock) = (store.clone(), clock.clone());
    Job::new_async(expr, move |_id, _sched| {
        let (store, now) = (store.clone(), clock.now());
        Box::pin(async move {
            if let Err(e) = duty(store, now).await {
                tracing::warn!(scheduler.duty = name, error = %e, "scheduler tick failed; next tick retries");
            }
        })
    })
    .map_err(|e| anyhow::anyhow!("{name} schedule `{expr}`: {e}"))
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
        inner
            .add(cron_job(
                "deadlines",
                &schedule.deadlines,
                &store,
                clock,
                |store, now| Box::pin(async move { maintenance_tick(&store, now).await }),
            )?)
            .await?;
        inner
            .add(cron_job(
                "maintenance",
                &schedule.maintenance,
                &store,
                clock,
                |store, now| Box::pin(async move { claim_sweep(&store, now).await.map(|_| ()) }),
            )?)
            .await?;
        inner.start().await?;
        tracing::info!(scheduler.deadlines = %schedule.deadlines,
            scheduler.maintenance = %schedule.maintenance, "scheduler started");
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
        assert_eq!(Schedule::check(&Schedule::default().maintenance), Ok(()));
        assert!(Schedule::check("every ten minutes").is_err());
        assert!(Job::new_async("every two seconds", noop).is_err());
    }
}
