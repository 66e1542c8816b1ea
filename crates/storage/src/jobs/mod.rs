//! The job queue, kept in the database so that any number of workers coordinate through it
//! alone (pict-rs's design, but dead jobs stay visible until retried).
//!
//! Every function takes `now` from the caller: the worker passes the clock, tests pass
//! chosen instants, so lease expiry and backoff are tested without sleeping.
//!
//! `lease` holds a run's life (claim, heartbeat, complete, fail, hand back, reap); this
//! module the records, enqueueing, notifications and the admin's view.

mod lease;

use crate::{Cursor, Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use placard_domain::{BackgroundJob, JobState};
use serde::Serialize;
use uuid::Uuid;

/// A job as listed to admins.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Job {
    pub id: Uuid,
    pub kind: String,
    pub payload: serde_json::Value,
    pub state: JobState,
    pub attempts: u32,
    pub max_attempts: u32,
    pub run_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A job this worker holds a lease on. Every later call about it checks the lease owner, so
/// a worker whose lease expired and was taken over cannot complete or fail someone else's run.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimedJob {
    pub id: Uuid,
    pub kind: String,
    pub payload: serde_json::Value,
    /// 1 for the first run.
    pub attempt: u32,
    pub max_attempts: u32,
    pub owner: String,
}

#[derive(sqlx::FromRow)]
struct JobRow {
    id: Uuid,
    kind: String,
    payload: String,
    state: String,
    attempts: i32,
    max_attempts: i32,
    run_at: DateTime<Utc>,
    last_error: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct ClaimRow {
    id: Uuid,
    kind: String,
    payload: String,
    attempts: i32,
    max_attempts: i32,
}

const JOB_COLUMNS: &str =
    "id, kind, payload, state, attempts, max_attempts, run_at, last_error, created_at, updated_at";

fn parse_payload(raw: &str) -> Result<serde_json::Value, StoreError> {
    serde_json::from_str(raw).map_err(|e| StoreError::Corrupt(format!("job payload: {e}")))
}

fn count(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

impl JobRow {
    fn into_job(self) -> Result<Job, StoreError> {
        Ok(Job {
            id: self.id,
            payload: parse_payload(&self.payload)?,
            kind: self.kind,
            state: self
                .state
                .parse()
                .map_err(|e: placard_domain::jobs::UnknownJobState| {
                    StoreError::Corrupt(e.to_string())
                })?,
            attempts: count(self.attempts),
            max_attempts: count(self.max_attempts),
            run_at: self.run_at,
            last_error: self.last_error,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// What to enqueue.
#[derive(Debug, Clone)]
pub struct NewJob<'a> {
    pub kind: &'a str,
    pub payload: serde_json::Value,
    pub max_attempts: u32,
}

/// Text kept of a failure: bounded, so a huge error cannot bloat the row.
fn clip_error(error: &str) -> String {
    const MAX: usize = 2000;
    if error.len() <= MAX {
        return error.to_owned();
    }
    let mut end = MAX;
    while !error.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &error[..end])
}

impl Tx {
    /// Enqueues a typed job in this transaction: it exists exactly when the caller's change
    /// commits, with its kind and attempt budget taken from its type.
    pub async fn enqueue<J: BackgroundJob>(
        &mut self,
        job: &J,
        now: DateTime<Utc>,
    ) -> Result<Uuid, StoreError> {
        let payload = serde_json::to_value(job)
            .map_err(|e| StoreError::Corrupt(format!("{} payload: {e}", J::KIND)))?;
        self.enqueue_job(
            &NewJob {
                kind: J::KIND,
                payload,
                max_attempts: J::MAX_ATTEMPTS,
            },
            now,
        )
        .await
    }

    /// Enqueues a job in this transaction: it exists exactly when the caller's change commits.
    pub async fn enqueue_job(
        &mut self,
        job: &NewJob<'_>,
        now: DateTime<Utc>,
    ) -> Result<Uuid, StoreError> {
        self.enqueue_job_at(job, now, now).await
    }

    /// The same, due at `run_at` rather than at once.
    pub async fn enqueue_job_at(
        &mut self,
        job: &NewJob<'_>,
        now: DateTime<Utc>,
        run_at: DateTime<Utc>,
    ) -> Result<Uuid, StoreError> {
        let id = Uuid::now_v7();
        let max_attempts = i32::try_from(job.max_attempts.max(1)).unwrap_or(i32::MAX);
        with_tx!(self, |c| {
            sqlx::query(
            "INSERT INTO jobs (id, kind, payload, state, attempts, max_attempts, run_at, created_at, updated_at)
             VALUES ($1, $2, $3, 'queued', 0, $4, $6, $5, $5)"
        )
        .bind(id)
        .bind(job.kind)
        .bind(job.payload.to_string())
        .bind(max_attempts)
        .bind(now)
        .bind(run_at)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
        })?;
        if let Tx::Postgres(t) = self {
            // Delivered when the transaction commits, so a worker never wakes for a job it
            // cannot see yet; a rollback sends nothing.
            sqlx::query("SELECT pg_notify($1, '')")
                .bind(JOBS_CHANNEL)
                .execute(&mut **t)
                .await?;
        }
        Ok(id)
    }
}

/// The PostgreSQL channel on which new jobs are announced.
pub const JOBS_CHANNEL: &str = "placard_jobs";

/// Wakes a waiting worker when a job is enqueued anywhere (PostgreSQL `LISTEN`).
pub struct JobListener {
    inner: sqlx::postgres::PgListener,
}

impl JobListener {
    /// Waits for the next announcement. Reconnects by itself after a dropped connection
    /// (notifications sent meanwhile are lost; the worker's poll covers them).
    pub async fn recv(&mut self) -> Result<(), StoreError> {
        self.inner.recv().await?;
        Ok(())
    }
}

/// Which jobs a claim may take: due queued jobs, and running jobs whose lease ran out with
/// attempts left (their worker died or stalled). Oldest due first.
const CLAIM_PICK: &str = "SELECT id FROM jobs
     WHERE ((state = 'queued' AND run_at <= $3)
        OR (state = 'running' AND lease_expires_at < $3 AND attempts < max_attempts))
       AND ($4 = '' OR kind = $4) AND ($5 = '' OR kind <> $5)
     ORDER BY run_at, id
     LIMIT 1";

/// Which jobs a claim may take: a worker runs jobs that wait on other hosts (webhook
/// deliveries) in a lane of their own, so a slow receiver never holds a slot that photo
/// processing needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    Any,
    Only(&'static str),
    Except(&'static str),
}

impl Store {
    /// A listener for new jobs, on PostgreSQL; `None` on SQLite, where every writer is in the
    /// one process and wakes its worker directly.
    pub async fn job_listener(&self) -> Result<Option<JobListener>, StoreError> {
        match &self.pool {
            crate::Pool::Postgres(p) => {
                let mut inner = sqlx::postgres::PgListener::connect_with(p).await?;
                inner.listen(JOBS_CHANNEL).await?;
                Ok(Some(JobListener { inner }))
            }
            crate::Pool::Sqlite(_) => Ok(None),
        }
    }

    /// Enqueues a job on its own (for jobs that belong to no other change).
    pub async fn enqueue_job(
        &self,
        job: &NewJob<'_>,
        now: DateTime<Utc>,
    ) -> Result<Uuid, StoreError> {
        let mut tx = self.begin().await?;
        let id = tx.enqueue_job(job, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn job(&self, id: Uuid) -> Result<Job, StoreError> {
        let sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE id = $1");
        let row: JobRow = with_pool!(self, |p| sqlx::query_as(&sql).bind(id).fetch_one(p).await)?;
        row.into_job()
    }

    /// Jobs in `state`, oldest first, after `cursor`. Returns the page and the next cursor.
    pub async fn list_jobs(
        &self,
        state: JobState,
        limit: u32,
        after: Option<Cursor>,
    ) -> Result<(Vec<Job>, Option<Cursor>), StoreError> {
        let sql = format!(
            "SELECT {JOB_COLUMNS} FROM jobs
             WHERE state = $1 AND ($2 OR (created_at, id) > ($3, $4))
             ORDER BY created_at, id LIMIT $5"
        );
        let (at, id) = after.map_or((crate::now(), Uuid::nil()), |c| (c.at, c.id));
        let fetch = i64::from(limit) + 1;
        let rows: Vec<JobRow> = with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(state.as_str())
            .bind(after.is_none())
            .bind(at)
            .bind(id)
            .bind(fetch)
            .fetch_all(p)
            .await)?;
        let jobs = rows
            .into_iter()
            .map(JobRow::into_job)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(crate::cursor::trim_page(jobs, limit, |j| {
            Some(Cursor {
                at: j.created_at,
                id: j.id,
            })
        }))
    }

    /// Brings a dead job back to the queue with a fresh attempt budget, and records who did
    /// it in the audit log, in one transaction.
    pub async fn retry_job(
        &self,
        id: Uuid,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Job, StoreError> {
        let mut tx = self.begin().await?;
        let done = with_tx!(&mut tx, |c| sqlx::query(
            "UPDATE jobs SET state = 'queued', attempts = 0, run_at = $1, updated_at = $1
             WHERE id = $2 AND state = 'dead'"
        )
        .bind(now)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        if done == 0 {
            drop(tx);
            // Either it does not exist (404) or it is not dead (409).
            self.job(id).await?;
            return Err(StoreError::InvalidState("only dead jobs can be retried"));
        }
        tx.append_audit(
            &crate::audit::NewAuditEntry {
                actor,
                action: "job.retry",
                subject_type: "job",
                subject_id: &id.to_string(),
                details: serde_json::json!({}),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        self.job(id).await
    }

    /// When the oldest job that is due (queued, `run_at` passed) became due: how long the
    /// queue keeps work waiting. A job backing off after a failure counts only from when its
    /// retry is due, so a failing job does not look like a slow queue.
    pub async fn oldest_due_job(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        let (oldest,): (Option<DateTime<Utc>>,) = with_pool!(self, |p| sqlx::query_as(
            "SELECT MIN(run_at) FROM jobs WHERE state = 'queued' AND run_at <= $1"
        )
        .bind(now)
        .fetch_one(p)
        .await)?;
        Ok(oldest)
    }

    /// How many jobs are in each state (every state present, zero included).
    pub async fn job_counts(&self) -> Result<Vec<(JobState, i64)>, StoreError> {
        let rows: Vec<(String, i64)> = with_pool!(self, |p| sqlx::query_as(
            "SELECT state, COUNT(*) FROM jobs GROUP BY state"
        )
        .fetch_all(p)
        .await)?;
        Ok(JobState::ALL
            .into_iter()
            .map(|s| {
                let n = rows
                    .iter()
                    .find(|(name, _)| name == s.as_str())
                    .map_or(0, |(_, n)| *n);
                (s, n)
            })
            .collect())
    }
}
