//! A run's life: claimed with a lease, kept by heartbeats, ended done, failed (retried or
//! dead) or handed back; leases that ran out on a last attempt are reaped.

use super::{clip_error, count, parse_payload, ClaimRow, ClaimedJob, Lane, CLAIM_PICK};
use crate::{Store, StoreError, Tx};
use chrono::{DateTime, TimeDelta, Utc};
use placard_domain::jobs::AfterFailure;
use placard_domain::JobState;

impl Store {
    /// Claims one job for `owner` with a lease until `now + lease`, or `None` when nothing is
    /// due. One statement on both backends: PostgreSQL skips rows other claimers have locked;
    /// SQLite runs one writer at a time, so its statement is atomic as it stands.
    pub async fn claim_job(
        &self,
        owner: &str,
        lease: TimeDelta,
        now: DateTime<Utc>,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        self.claim_job_in(owner, lease, now, Lane::Any).await
    }

    /// The same, among the jobs of one [`Lane`].
    pub async fn claim_job_in(
        &self,
        owner: &str,
        lease: TimeDelta,
        now: DateTime<Utc>,
        lane: Lane,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        let (only, except) = match lane {
            Lane::Any => ("", ""),
            Lane::Only(k) => (k, ""),
            Lane::Except(k) => ("", k),
        };
        let sql = match self.backend() {
            crate::Backend::Postgres => format!(
                "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = $1,
                        lease_expires_at = $2, updated_at = $3
                 WHERE id = ({CLAIM_PICK} FOR UPDATE SKIP LOCKED)
                 RETURNING id, kind, payload, attempts, max_attempts"
            ),
            crate::Backend::Sqlite => format!(
                "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = $1,
                        lease_expires_at = $2, updated_at = $3
                 WHERE id = ({CLAIM_PICK})
                 RETURNING id, kind, payload, attempts, max_attempts"
            ),
        };
        let row: Option<ClaimRow> = with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(owner)
            .bind(now + lease)
            .bind(now)
            .bind(only)
            .bind(except)
            .fetch_optional(p)
            .await)?;
        row.map(|r| {
            Ok(ClaimedJob {
                id: r.id,
                payload: parse_payload(&r.payload)?,
                kind: r.kind,
                attempt: count(r.attempts),
                max_attempts: count(r.max_attempts),
                owner: owner.to_owned(),
            })
        })
        .transpose()
    }

    /// Extends the lease. `false` means the lease was lost (expired and taken by another
    /// worker, or the job was retried): the caller should stop working on it.
    pub async fn heartbeat_job(
        &self,
        job: &ClaimedJob,
        lease: TimeDelta,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = with_pool!(self, |p| sqlx::query(
            "UPDATE jobs SET lease_expires_at = $1, updated_at = $2
             WHERE id = $3 AND state = 'running' AND lease_owner = $4 AND attempts = $5"
        )
        .bind(now + lease)
        .bind(now)
        .bind(job.id)
        .bind(&job.owner)
        .bind(attempt_i32(job))
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done == 1)
    }

    /// Marks the job done. `false` if this run no longer holds the lease.
    pub async fn complete_job(
        &self,
        job: &ClaimedJob,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let done = tx.complete_job(job, now).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Records a failed run: back to the queue after the policy's delay, or dead. Returns the
    /// job's new state, or `None` if this run no longer holds the lease.
    pub async fn fail_job(
        &self,
        job: &ClaimedJob,
        error: &str,
        after: AfterFailure,
        now: DateTime<Utc>,
    ) -> Result<Option<JobState>, StoreError> {
        let (state, run_at) = match after {
            AfterFailure::RetryIn(delay) => (JobState::Queued, now + delay),
            AfterFailure::Dead => (JobState::Dead, now),
        };
        let done = with_pool!(self, |p| sqlx::query(
            "UPDATE jobs SET state = $1, run_at = $2, last_error = $3, lease_owner = NULL,
                    lease_expires_at = NULL, updated_at = $4
             WHERE id = $5 AND state = 'running' AND lease_owner = $6 AND attempts = $7"
        )
        .bind(state.as_str())
        .bind(run_at)
        .bind(clip_error(error))
        .bind(now)
        .bind(job.id)
        .bind(&job.owner)
        .bind(attempt_i32(job))
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok((done == 1).then_some(state))
    }

    /// Hands a job back untried (graceful shutdown): queued again at once, and the attempt
    /// it was charged is refunded.
    pub async fn release_job(
        &self,
        job: &ClaimedJob,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = with_pool!(self, |p| sqlx::query(
            "UPDATE jobs SET state = 'queued', attempts = attempts - 1, run_at = $1,
                    lease_owner = NULL, lease_expires_at = NULL, updated_at = $1
             WHERE id = $2 AND state = 'running' AND lease_owner = $3 AND attempts = $4"
        )
        .bind(now)
        .bind(job.id)
        .bind(&job.owner)
        .bind(attempt_i32(job))
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done == 1)
    }

    /// Running jobs whose lease expired on their last attempt can never be claimed again:
    /// mark them dead so they show up for an admin. Returns how many.
    pub async fn reap_expired_jobs(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let done = with_pool!(self, |p| {
            sqlx::query(
            "UPDATE jobs SET state = 'dead', lease_owner = NULL, lease_expires_at = NULL,
                    last_error = COALESCE(last_error || '; ', '') || 'lease expired on the last attempt',
                    updated_at = $1
             WHERE state = 'running' AND lease_expires_at < $1 AND attempts >= max_attempts"
        )
        .bind(now)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
        })?;
        Ok(done)
    }
}

impl Tx {
    /// Marks the job done inside the caller's transaction, so a job's effects and its
    /// completion commit together. `false` if this run no longer holds the lease.
    pub async fn complete_job(
        &mut self,
        job: &ClaimedJob,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = with_tx!(self, |c| sqlx::query(
            "UPDATE jobs SET state = 'done', lease_owner = NULL, lease_expires_at = NULL,
                    last_error = NULL, updated_at = $1
             WHERE id = $2 AND state = 'running' AND lease_owner = $3 AND attempts = $4"
        )
        .bind(now)
        .bind(job.id)
        .bind(&job.owner)
        .bind(attempt_i32(job))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done == 1)
    }
}

fn attempt_i32(job: &ClaimedJob) -> i32 {
    i32::try_from(job.attempt).unwrap_or(i32::MAX)
}
