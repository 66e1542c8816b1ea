//! The append-only audit log. There is deliberately no update or delete here, and the
//! database refuses both by trigger.

use crate::{Store, StoreError, Tx};
use chrono::{DateTime, Utc};
use serde::Serialize;

pub struct NewAuditEntry<'a> {
    /// The staff member's name (or `supporter` / `scheduler`).
    pub actor: &'a str,
    /// Dotted verb, e.g. `photo.approve`, `job.retry`.
    pub action: &'a str,
    pub subject_type: &'a str,
    pub subject_id: &'a str,
    pub details: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    #[serde(skip)]
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub details: serde_json::Value,
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i64,
    at: DateTime<Utc>,
    actor: String,
    action: String,
    subject_type: String,
    subject_id: String,
    details: String,
}

/// Which entries to list.
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub subject_type: Option<String>,
    pub subject_id: Option<String>,
    pub actor: Option<String>,
}

impl Tx {
    /// Appends one entry, in the same transaction as the change it records.
    pub async fn append_audit(
        &mut self,
        entry: &NewAuditEntry<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        with_tx!(self, |c| sqlx::query(
            "INSERT INTO audit_log (at, actor, action, subject_type, subject_id, details)
             VALUES ($1, $2, $3, $4, $5, $6)"
        )
        .bind(now)
        .bind(entry.actor)
        .bind(entry.action)
        .bind(entry.subject_type)
        .bind(entry.subject_id)
        .bind(entry.details.to_string())
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }
}

impl Store {
    /// Newest first. `before` is the `seq` of the last entry of the previous page.
    pub async fn list_audit(
        &self,
        filter: &AuditFilter,
        limit: u32,
        before: Option<i64>,
    ) -> Result<(Vec<AuditEntry>, Option<i64>), StoreError> {
        let rows: Vec<AuditRow> = with_pool!(self, |p| sqlx::query_as(
            "SELECT id, at, actor, action, subject_type, subject_id, details FROM audit_log
             WHERE id < $1
               AND ($2 IS NULL OR subject_type = $2)
               AND ($3 IS NULL OR subject_id = $3)
               AND ($4 IS NULL OR actor = $4)
             ORDER BY id DESC LIMIT $5"
        )
        .bind(before.unwrap_or(i64::MAX))
        .bind(filter.subject_type.as_deref())
        .bind(filter.subject_id.as_deref())
        .bind(filter.actor.as_deref())
        .bind(i64::from(limit) + 1)
        .fetch_all(p)
        .await)?;
        let entries = rows
            .into_iter()
            .map(|r| {
                Ok(AuditEntry {
                    seq: r.id,
                    at: r.at,
                    actor: r.actor,
                    action: r.action,
                    subject_type: r.subject_type,
                    subject_id: r.subject_id,
                    details: serde_json::from_str(&r.details)
                        .map_err(|e| StoreError::Corrupt(format!("audit details: {e}")))?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(crate::cursor::trim_page(entries, limit, |e| Some(e.seq)))
    }
}
