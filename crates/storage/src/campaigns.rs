//! Campaigns: where photo petitions live.

use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use placard_domain::NewCampaign;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Campaign {
    pub id: Uuid,
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// What supporters agree to; `None`: Placard's standard sentence.
    pub consent_text: Option<String>,
    /// Days after the decision that a rejected photo's objects are deleted.
    pub retention_rejected_days: i32,
    /// Days after the campaign closes that approved photos' originals are deleted; `None`:
    /// kept.
    pub retention_originals_after_close_days: Option<i32>,
}

pub(crate) const COLUMNS: &str =
    "id, slug, title, description, opens_at, closes_at, created_at, consent_text, \
    retention_rejected_days, retention_originals_after_close_days";

impl Store {
    /// Creates a campaign; a taken slug is a [`StoreError::Conflict`].
    pub async fn create_campaign(
        &self,
        new: &NewCampaign,
        now: DateTime<Utc>,
    ) -> Result<Campaign, StoreError> {
        let sql = format!(
            "INSERT INTO campaigns ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING {COLUMNS}"
        );
        let campaign = with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(Uuid::now_v7())
            .bind(new.slug.as_str())
            .bind(&new.title)
            .bind(new.description.as_deref())
            .bind(new.opens_at)
            .bind(new.closes_at)
            .bind(now)
            .bind(new.consent_text.as_deref())
            .bind(i32::try_from(new.retention.rejected_days).unwrap_or(i32::MAX))
            .bind(
                new.retention
                    .originals_after_close_days
                    .map(|d| i32::try_from(d).unwrap_or(i32::MAX)),
            )
            .fetch_one(p)
            .await)?;
        Ok(campaign)
    }

    pub async fn campaign_by_slug(&self, slug: &str) -> Result<Campaign, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM campaigns WHERE slug = $1");
        Ok(with_pool!(self, |p| sqlx::query_as(&sql)
            .bind(slug)
            .fetch_one(p)
            .await)?)
    }

    /// The newest campaigns first (at most 500), for staff pages' pickers.
    pub async fn campaigns(&self) -> Result<Vec<Campaign>, StoreError> {
        let sql =
            format!("SELECT {COLUMNS} FROM campaigns ORDER BY created_at DESC, id DESC LIMIT 500");
        Ok(with_pool!(self, |p| sqlx::query_as(&sql)
            .fetch_all(p)
            .await)?)
    }

    /// The key that signs media URLs: created once, shared by every instance.
    pub async fn media_signing_key(&self, fresh: &str) -> Result<String, StoreError> {
        with_pool!(self, |p| {
            sqlx::query(
            "INSERT INTO app_secrets (name, value) VALUES ('media_signing_key', $1) ON CONFLICT (name) DO NOTHING"
        )
        .bind(fresh)
        .execute(p)
        .await
        .map(|r| r.rows_affected())
        })?;
        let (value,): (String,) = with_pool!(self, |p| sqlx::query_as(
            "SELECT value FROM app_secrets WHERE name = 'media_signing_key'"
        )
        .fetch_one(p)
        .await)?;
        Ok(value)
    }
}
