//! Staff page sessions, held on the server: the cookie carries a random id, the table its
//! hash, the account it belongs to and when it expires. Ending a session is deleting its row,
//! so signing out, revoking an account or rotating its token takes effect on the very next
//! request, on every instance.

use crate::staff::Staff;
use crate::{Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use placard_domain::TokenHash;
use uuid::Uuid;

impl Store {
    /// Opens a session for `staff` that lasts until `expires_at`; `id` is the cookie's value
    /// (only its hash is stored).
    pub async fn create_session(
        &self,
        staff: Uuid,
        id: &TokenHash,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        with_pool!(self, |p| sqlx::query(
            "INSERT INTO staff_sessions (id_hash, staff_id, created_at, expires_at)
             VALUES ($1, $2, $3, $4)"
        )
        .bind(id.as_str())
        .bind(staff)
        .bind(now)
        .bind(expires_at)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The live account a presented session id belongs to at `now`: none when the session is
    /// unknown, expired or ended, or its account revoked.
    pub async fn staff_by_session(
        &self,
        presented: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Staff>, StoreError> {
        let hash = TokenHash::of(presented);
        let row: Option<crate::staff::StaffRow> = with_pool!(self, |p| sqlx::query_as(
            "SELECT u.id, u.name, u.role, s.id_hash AS token_hash, u.created_at, u.last_seen_at
             FROM staff_sessions s JOIN staff_users u ON u.id = s.staff_id
             WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.revoked_at IS NULL"
        )
        .bind(hash.as_str())
        .bind(now)
        .fetch_optional(p)
        .await)?;
        self.checked_staff(row, presented).await
    }

    /// Ends one session (signing out). Ending an unknown session does nothing.
    pub async fn end_session(&self, presented: &str) -> Result<(), StoreError> {
        let hash = TokenHash::of(presented);
        with_pool!(self, |p| sqlx::query(
            "DELETE FROM staff_sessions WHERE id_hash = $1"
        )
        .bind(hash.as_str())
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Deletes sessions that expired before `now`; returns how many.
    pub async fn prune_sessions(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        with_pool!(self, |p| sqlx::query(
            "DELETE FROM staff_sessions WHERE expires_at <= $1"
        )
        .bind(now)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))
        .map_err(StoreError::from)
    }
}

impl Tx {
    /// Ends every session of an account (revoked, or its token rotated).
    pub(crate) async fn end_sessions_of(&mut self, staff: Uuid) -> Result<(), StoreError> {
        with_tx!(self, |c| sqlx::query(
            "DELETE FROM staff_sessions WHERE staff_id = $1"
        )
        .bind(staff)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }
}
