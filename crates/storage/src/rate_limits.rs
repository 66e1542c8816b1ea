//! The public-POST rate limit, shared by every API process through the database: GCRA (the
//! generic cell rate algorithm, as `governor` implements in memory), one row per client
//! address holding its theoretical arrival time. Each check is one conditional upsert, so
//! concurrent requests from any number of processes are counted exactly.

use crate::{Store, StoreError};
use chrono::{DateTime, Utc};

/// A steady rate with a burst.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowance {
    pub per_minute: u32,
    pub burst: u32,
}

impl Allowance {
    /// Microseconds between two requests at the steady rate.
    fn interval_us(self) -> i64 {
        60_000_000 / i64::from(self.per_minute.max(1))
    }
}

impl Store {
    /// Takes one request from `key`'s allowance at `now`: `Ok(None)` if allowed, or
    /// `Ok(Some(seconds))` to wait before the next one is.
    pub async fn take_allowance(
        &self,
        key: &str,
        allowance: Allowance,
        now: DateTime<Utc>,
    ) -> Result<Option<u64>, StoreError> {
        let t = allowance.interval_us();
        let limit = t * i64::from(allowance.burst.max(1));
        let now_us = now.timestamp_micros();
        // The new arrival time is max(tat, now) + T; allowed while it is within the burst
        // of now. A refused request changes nothing.
        let taken: Option<(i64,)> = with_pool!(self, |p| {
            sqlx::query_as(
            "INSERT INTO rate_limits (key, tat) VALUES ($1, $2 + $3)
             ON CONFLICT (key) DO UPDATE
                SET tat = (CASE WHEN rate_limits.tat > $2 THEN rate_limits.tat ELSE $2 END) + $3
              WHERE (CASE WHEN rate_limits.tat > $2 THEN rate_limits.tat ELSE $2 END) + $3 - $2 <= $4
             RETURNING tat"
        )
        .bind(key)
        .bind(now_us)
        .bind(t)
        .bind(limit)
        .fetch_optional(p)
        .await
        })?;
        if taken.is_some() {
            return Ok(None);
        }
        let (tat,): (i64,) = with_pool!(self, |p| sqlx::query_as(
            "SELECT tat FROM rate_limits WHERE key = $1"
        )
        .bind(key)
        .fetch_one(p)
        .await)?;
        let wait_us = (tat + t - limit - now_us).max(1);
        let wait_us = u64::try_from(wait_us).unwrap_or(1);
        Ok(Some(wait_us.div_ceil(1_000_000)))
    }

    /// Forgets addresses whose allowance is full again since before `before`.
    pub async fn prune_rate_limits(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        Ok(with_pool!(self, |p| sqlx::query(
            "DELETE FROM rate_limits WHERE tat < $1"
        )
        .bind(before.timestamp_micros())
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?)
    }
}
