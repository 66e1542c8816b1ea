//! Staff accounts and their API tokens.

use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use placard_domain::{Role, StaffName, TokenHash};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: Uuid,
    pub name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct StaffRow {
    id: Uuid,
    name: String,
    role: String,
    token_hash: String,
    created_at: DateTime<Utc>,
    last_seen_at: Option<DateTime<Utc>>,
}

impl StaffRow {
    fn into_staff(self) -> Result<Staff, StoreError> {
        Ok(Staff {
            id: self.id,
            name: self.name,
            role: self
                .role
                .parse()
                .map_err(|e: placard_domain::role::UnknownRole| {
                    StoreError::Corrupt(e.to_string())
                })?,
            created_at: self.created_at,
        })
    }
}

impl Store {
    /// Creates an account. A name already taken is a [`StoreError::Conflict`].
    pub async fn create_staff(
        &self,
        name: &StaffName,
        role: Role,
        token: &TokenHash,
    ) -> Result<Staff, StoreError> {
        let id = Uuid::now_v7();
        let now = crate::now();
        with_pool!(self, |p| {
            sqlx::query(
            "INSERT INTO staff_users (id, name, role, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)"
        )
        .bind(id)
        .bind(name.as_str())
        .bind(role.as_str())
        .bind(token.as_str())
        .bind(now)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
        })?;
        Ok(Staff {
            id,
            name: name.as_str().to_owned(),
            role,
            created_at: now,
        })
    }

    /// The account a presented bearer token belongs to, if any. The lookup is by hash (a
    /// 256-bit random token's hash leaks nothing); the final check is constant-time.
    pub async fn staff_by_token(&self, presented: &str) -> Result<Option<Staff>, StoreError> {
        let hash = TokenHash::of(presented);
        let row: Option<StaffRow> = with_pool!(self, |p| {
            sqlx::query_as(
                "SELECT id, name, role, token_hash, created_at, last_seen_at FROM staff_users
             WHERE token_hash = $1 AND revoked_at IS NULL",
            )
            .bind(hash.as_str())
            .fetch_optional(p)
            .await
        })?;
        self.checked_staff(row, presented).await
    }

    /// The account of a row found by the hash of `presented`, after the constant-time check
    /// of that hash. Notes the use (written at most once a minute per account, and only when
    /// due: most authenticated requests write nothing).
    pub(crate) async fn checked_staff(
        &self,
        row: Option<StaffRow>,
        presented: &str,
    ) -> Result<Option<Staff>, StoreError> {
        match row {
            Some(row) if TokenHash::from_stored(row.token_hash.clone()).matches(presented) => {
                let due = row
                    .last_seen_at
                    .is_none_or(|t| t < crate::now() - chrono::TimeDelta::minutes(1));
                let staff = row.into_staff()?;
                if due {
                    self.seen(staff.id).await?;
                }
                Ok(Some(staff))
            }
            _ => Ok(None),
        }
    }
}

impl Store {
    /// Every staff member's name by id (a small table), to show who holds a claim.
    pub async fn staff_names(&self) -> Result<std::collections::HashMap<Uuid, String>, StoreError> {
        let rows: Vec<(Uuid, String)> =
            with_pool!(self, |p| sqlx::query_as("SELECT id, name FROM staff_users")
                .fetch_all(p)
                .await)?;
        Ok(rows.into_iter().collect())
    }
}

impl Store {
    /// Whether a presented bearer token exists anywhere: a staff token or any submission's
    /// receipt. Tells "unknown token" (401) from "someone else's token" (404).
    pub async fn token_is_known(&self, presented: &str) -> Result<bool, StoreError> {
        let hash = TokenHash::of(presented);
        let (n,): (i64,) = with_pool!(self, |p| sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM staff_users WHERE token_hash = $1)
                  + (SELECT COUNT(*) FROM photos WHERE receipt_hash = $1)
                  + (SELECT COUNT(*) FROM slogan_entries WHERE receipt_hash = $1)"
        )
        .bind(hash.as_str())
        .fetch_one(p)
        .await)?;
        Ok(n > 0)
    }
}

/// A staff account as admins manage it: never its token or the token's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffAccount {
    pub id: Uuid,
    pub name: String,
    pub role: Role,
    /// Slugs of the campaigns a moderator is limited to; empty: all.
    pub campaigns: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: Uuid,
    name: String,
    role: String,
    created_at: DateTime<Utc>,
    last_seen_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Notes that the account used its token now: at most one write a minute per account.
    async fn seen(&self, id: Uuid) -> Result<(), StoreError> {
        let now = crate::now();
        with_pool!(self, |p| sqlx::query(
            "UPDATE staff_users SET last_seen_at = $1
             WHERE id = $2 AND (last_seen_at IS NULL OR last_seen_at < $3)"
        )
        .bind(now)
        .bind(id)
        .bind(now - chrono::TimeDelta::minutes(1))
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Every account, oldest first, with the campaigns each is limited to.
    pub async fn staff_accounts(&self) -> Result<Vec<StaffAccount>, StoreError> {
        let rows: Vec<AccountRow> = with_pool!(self, |p| sqlx::query_as(
            "SELECT id, name, role, created_at, last_seen_at, revoked_at FROM staff_users
             ORDER BY created_at, id"
        )
        .fetch_all(p)
        .await)?;
        let scopes: Vec<(Uuid, String)> = with_pool!(self, |p| {
            sqlx::query_as(
            "SELECT s.staff_id, c.slug FROM staff_campaigns s JOIN campaigns c ON c.id = s.campaign_id
             ORDER BY c.slug"
        )
        .fetch_all(p)
        .await
        })?;
        rows.into_iter()
            .map(|r| {
                let campaigns = scopes
                    .iter()
                    .filter(|(staff, _)| *staff == r.id)
                    .map(|(_, slug)| slug.clone())
                    .collect();
                Ok(StaffAccount {
                    id: r.id,
                    name: r.name,
                    role: r
                        .role
                        .parse()
                        .map_err(|e: placard_domain::role::UnknownRole| {
                            StoreError::Corrupt(e.to_string())
                        })?,
                    campaigns,
                    created_at: r.created_at,
                    last_seen_at: r.last_seen_at,
                    revoked_at: r.revoked_at,
                })
            })
            .collect()
    }

    pub async fn staff_account(&self, id: Uuid) -> Result<StaffAccount, StoreError> {
        self.staff_accounts()
            .await?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(StoreError::NotFound)
    }

    /// The campaigns an account is limited to (ids); empty: all.
    pub async fn staff_scope(&self, id: Uuid) -> Result<Vec<Uuid>, StoreError> {
        let rows: Vec<(Uuid,)> = with_pool!(self, |p| sqlx::query_as(
            "SELECT campaign_id FROM staff_campaigns WHERE staff_id = $1"
        )
        .bind(id)
        .fetch_all(p)
        .await)?;
        Ok(rows.into_iter().map(|(c,)| c).collect())
    }

    /// Limits an account to these campaigns (replacing any earlier list; empty: all).
    pub async fn set_staff_scope(&self, id: Uuid, campaigns: &[Uuid]) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        tx.replace_scope(id, campaigns).await?;
        tx.commit().await
    }

    /// Changes the campaigns a live moderator is limited to, audited with the actor and the
    /// number of campaigns, in one transaction.
    pub async fn change_staff_scope(
        &self,
        id: Uuid,
        campaigns: &[Uuid],
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let (role, revoked): (String, Option<DateTime<Utc>>) = with_tx!(&mut tx, |c| {
            sqlx::query_as("SELECT role, revoked_at FROM staff_users WHERE id = $1")
                .bind(id)
                .fetch_one(c)
                .await
        })?;
        if revoked.is_some() {
            return Err(StoreError::InvalidState(
                "a revoked account cannot be changed",
            ));
        }
        if role != Role::Moderator.as_str() {
            return Err(StoreError::InvalidState(
                "only a moderator is limited to campaigns",
            ));
        }
        tx.replace_scope(id, campaigns).await?;
        let subject = id.to_string();
        let mut entry = staff_entry(actor, "staff.scope", &subject);
        entry.details = serde_json::json!({ "campaigns": campaigns.len() });
        tx.append_audit(&entry, now).await?;
        tx.commit().await
    }

    /// Revokes an account: its token answers 401 from now on and its page sessions end. Revoking twice is the same as
    /// once (the first time is kept). Audited with the actor, in the same transaction.
    pub async fn revoke_staff(
        &self,
        id: Uuid,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let found = with_tx!(&mut tx, |c| sqlx::query(
            "UPDATE staff_users SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2"
        )
        .bind(now)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        if found == 0 {
            return Err(StoreError::NotFound);
        }
        tx.end_sessions_of(id).await?;
        let subject = id.to_string();
        tx.append_audit(&staff_entry(actor, "staff.revoke", &subject), now)
            .await?;
        tx.commit().await
    }

    /// Gives a live account a new token: the old one answers 401 from now on, and the
    /// account's page sessions end (whoever holds the old token may have signed in with it).
    pub async fn rotate_staff_token(
        &self,
        id: Uuid,
        token: &TokenHash,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let rotated = with_tx!(&mut tx, |c| sqlx::query(
            "UPDATE staff_users SET token_hash = $1 WHERE id = $2 AND revoked_at IS NULL"
        )
        .bind(token.as_str())
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        if rotated == 0 {
            drop(tx);
            return match self.staff_account(id).await {
                Ok(_) => Err(StoreError::InvalidState(
                    "a revoked account cannot be rotated",
                )),
                Err(e) => Err(e),
            };
        }
        tx.end_sessions_of(id).await?;
        let subject = id.to_string();
        tx.append_audit(&staff_entry(actor, "staff.rotate", &subject), now)
            .await?;
        tx.commit().await
    }

    /// Records that `actor` created account `id`.
    pub async fn audit_staff_created(
        &self,
        actor: &str,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let subject = id.to_string();
        tx.append_audit(&staff_entry(actor, "staff.create", &subject), now)
            .await?;
        tx.commit().await
    }
}

fn staff_entry<'a>(
    actor: &'a str,
    action: &'a str,
    subject: &'a str,
) -> crate::audit::NewAuditEntry<'a> {
    crate::audit::NewAuditEntry {
        actor,
        action,
        subject_type: "staff",
        subject_id: subject,
        details: serde_json::json!({}),
    }
}

impl crate::Tx {
    async fn replace_scope(&mut self, id: Uuid, campaigns: &[Uuid]) -> Result<(), StoreError> {
        with_tx!(self, |c| sqlx::query(
            "DELETE FROM staff_campaigns WHERE staff_id = $1"
        )
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        for campaign in campaigns {
            with_tx!(self, |c| {
                sqlx::query(
                    "INSERT INTO staff_campaigns (staff_id, campaign_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                )
                .bind(id)
                .bind(*campaign)
                .execute(c)
                .await
                .map(|r| r.rows_affected())
            })?;
        }
        Ok(())
    }
}
