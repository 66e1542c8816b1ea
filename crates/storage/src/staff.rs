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
struct StaffRow {
    id: Uuid,
    name: String,
    role: String,
    token_hash: String,
    created_at: DateTime<Utc>,
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
            "SELECT id, name, role, token_hash, created_at FROM staff_users WHERE token_hash = $1"
        )
        .bind(hash.as_str())
        .fetch_optional(p)
        .await
        })?;
        match row {
            Some(row) if TokenHash::from_stored(row.token_hash.clone()).matches(presented) => {
                Ok(Some(row.into_staff()?))
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
