//! Campaigns: where photo petitions live.

use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use placard_domain::settings::{TranslatedTexts, Webhook, LANGUAGES};
use placard_domain::{ModeratorCare, NewCampaign, Retention};
use std::collections::BTreeMap;
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
    /// Bumped by every edit: an edit names the version it read (optimistic concurrency).
    pub version: i64,
    pub default_language: String,
    /// JSON, as parsed by `placard_domain::settings`; `None`: the default. Read them
    /// through the methods below.
    pub languages: Option<String>,
    pub translations: Option<String>,
    pub frame_ancestors: Option<String>,
    pub webhooks: Option<String>,
    pub logo_key: Option<String>,
    pub logo_content_type: Option<String>,
    pub logo_updated_at: Option<DateTime<Utc>>,
    /// JSON of `placard_domain::ModeratorCare`; `None`: the default. See `moderator_care()`.
    pub moderator_care: Option<String>,
    /// The operator's own privacy notice.
    pub privacy_url: Option<String>,
}

/// The reason an edit of a stale version is refused.
pub const STALE: &str = "edited by someone else since it was read";

pub(crate) const COLUMNS: &str =
    "id, slug, title, description, opens_at, closes_at, created_at, consent_text, \
    retention_rejected_days, retention_originals_after_close_days, version, default_language, \
    languages, translations, frame_ancestors, webhooks, logo_key, logo_content_type, \
    logo_updated_at, moderator_care, privacy_url";

fn json_or_default<T: serde::de::DeserializeOwned + Default>(v: &Option<String>) -> T {
    // Only parsed values are ever written, so a value that does not parse is a bug: it
    // reads as the default rather than failing every page of the campaign.
    v.as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default()
}

impl Campaign {
    /// The languages its pages may use (all of Placard's when none were chosen).
    pub fn languages(&self) -> Vec<String> {
        let chosen: Vec<String> = json_or_default(&self.languages);
        if chosen.is_empty() {
            LANGUAGES.iter().map(|l| l.to_string()).collect()
        } else {
            chosen
        }
    }

    pub fn translations(&self) -> BTreeMap<String, TranslatedTexts> {
        json_or_default(&self.translations)
    }

    pub fn frame_ancestors(&self) -> Vec<String> {
        json_or_default(&self.frame_ancestors)
    }

    pub fn webhooks(&self) -> Vec<Webhook> {
        json_or_default(&self.webhooks)
    }

    pub fn moderator_care(&self) -> ModeratorCare {
        json_or_default(&self.moderator_care)
    }
}

/// Everything an operator may change on a campaign, as it is to be after the edit (already
/// parsed; see `placard_domain::settings`).
#[derive(Debug, Clone)]
pub struct CampaignEdit {
    pub title: String,
    pub description: Option<String>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub consent_text: Option<String>,
    pub retention: Retention,
    pub default_language: String,
    /// `None`: all languages.
    pub languages: Option<Vec<String>>,
    pub translations: BTreeMap<String, TranslatedTexts>,
    pub frame_ancestors: Vec<String>,
    pub webhooks: Vec<Webhook>,
    pub moderator_care: ModeratorCare,
    pub privacy_url: Option<String>,
}

impl CampaignEdit {
    /// The campaign's current settings, to apply a partial edit to.
    pub fn of(c: &Campaign) -> Self {
        let languages: Vec<String> = json_or_default(&c.languages);
        Self {
            title: c.title.clone(),
            description: c.description.clone(),
            opens_at: c.opens_at,
            closes_at: c.closes_at,
            consent_text: c.consent_text.clone(),
            retention: Retention {
                rejected_days: u32::try_from(c.retention_rejected_days).unwrap_or(0),
                originals_after_close_days: c
                    .retention_originals_after_close_days
                    .and_then(|d| u32::try_from(d).ok()),
            },
            default_language: c.default_language.clone(),
            languages: (!languages.is_empty()).then_some(languages),
            translations: c.translations(),
            frame_ancestors: c.frame_ancestors(),
            webhooks: c.webhooks(),
            moderator_care: c.moderator_care(),
            privacy_url: c.privacy_url.clone(),
        }
    }
}

impl crate::Tx {
    /// The audit entry of an edit: who, what, the names of the fields changed (never their
    /// values: a webhook secret may be among them) and the version it made.
    pub(crate) async fn audit_edit(
        &mut self,
        actor: &str,
        subject_type: &str,
        id: Uuid,
        changed: &[&str],
        version: i64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let subject = id.to_string();
        let action = format!("{subject_type}.update");
        self.append_audit(
            &crate::audit::NewAuditEntry {
                actor,
                action: &action,
                subject_type,
                subject_id: &subject,
                details: serde_json::json!({ "fields": changed, "version": version }),
            },
            now,
        )
        .await
    }
}

fn days(d: u32) -> i32 {
    i32::try_from(d).unwrap_or(i32::MAX)
}

fn json(v: &impl serde::Serialize) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}

impl Store {
    /// Creates a campaign; a taken slug is a [`StoreError::Conflict`].
    pub async fn create_campaign(
        &self,
        new: &NewCampaign,
        now: DateTime<Utc>,
    ) -> Result<Campaign, StoreError> {
        let sql = format!(
            "INSERT INTO campaigns (id, slug, title, description, opens_at, closes_at, created_at,
                                    consent_text, retention_rejected_days,
                                    retention_originals_after_close_days)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING {COLUMNS}"
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

    /// Applies an edit to the campaign at `version` and bumps its version; a campaign edited
    /// since (another version) is [`StoreError::InvalidState`] `STALE`, and nothing changes.
    /// Audited with the actor and the names of the fields changed (never their values: a
    /// webhook secret is among them), in the same transaction.
    pub async fn edit_campaign(
        &self,
        id: Uuid,
        version: i64,
        edit: &CampaignEdit,
        changed: &[&str],
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Campaign, StoreError> {
        let sql = format!(
            "UPDATE campaigns SET title = $1, description = $2, opens_at = $3, closes_at = $4,
                 consent_text = $5, retention_rejected_days = $6,
                 retention_originals_after_close_days = $7, default_language = $8,
                 languages = $9, translations = $10, frame_ancestors = $11, webhooks = $12,
                 moderator_care = $13, privacy_url = $14, version = version + 1
             WHERE id = $15 AND version = $16 RETURNING {COLUMNS}"
        );
        let languages = edit.languages.as_ref().map(json).transpose()?;
        let translations = (!edit.translations.is_empty())
            .then(|| json(&edit.translations))
            .transpose()?;
        let frames = (!edit.frame_ancestors.is_empty())
            .then(|| json(&edit.frame_ancestors))
            .transpose()?;
        let hooks = (!edit.webhooks.is_empty())
            .then(|| json(&edit.webhooks))
            .transpose()?;
        // The default is stored as NULL, so a campaign never edited and one set back to the
        // default read alike.
        let care = (edit.moderator_care != ModeratorCare::default())
            .then(|| json(&edit.moderator_care))
            .transpose()?;
        let mut tx = self.begin().await?;
        let updated: Option<Campaign> = with_tx!(&mut tx, |c| sqlx::query_as(&sql)
            .bind(&edit.title)
            .bind(edit.description.as_deref())
            .bind(edit.opens_at)
            .bind(edit.closes_at)
            .bind(edit.consent_text.as_deref())
            .bind(days(edit.retention.rejected_days))
            .bind(edit.retention.originals_after_close_days.map(days))
            .bind(&edit.default_language)
            .bind(languages.as_deref())
            .bind(translations.as_deref())
            .bind(frames.as_deref())
            .bind(hooks.as_deref())
            .bind(care.as_deref())
            .bind(edit.privacy_url.as_deref())
            .bind(id)
            .bind(version)
            .fetch_optional(c)
            .await)?;
        let Some(updated) = updated else {
            return Err(StoreError::InvalidState(STALE));
        };
        tx.audit_edit(actor, "campaign", id, changed, updated.version, now)
            .await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Records the campaign's new logo (already stored under `key`) and bumps its version.
    /// Returns the campaign and the key of the logo it replaced, if any, for the caller to
    /// delete.
    pub async fn set_campaign_logo(
        &self,
        id: Uuid,
        key: &str,
        content_type: &str,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(Campaign, Option<String>), StoreError> {
        let mut tx = self.begin().await?;
        let (old,): (Option<String>,) = with_tx!(&mut tx, |c| sqlx::query_as(
            "SELECT logo_key FROM campaigns WHERE id = $1"
        )
        .bind(id)
        .fetch_one(c)
        .await)?;
        let sql = format!(
            "UPDATE campaigns SET logo_key = $1, logo_content_type = $2, logo_updated_at = $3,
                 version = version + 1 WHERE id = $4 RETURNING {COLUMNS}"
        );
        let updated: Campaign = with_tx!(&mut tx, |c| sqlx::query_as(&sql)
            .bind(key)
            .bind(content_type)
            .bind(now)
            .bind(id)
            .fetch_one(c)
            .await)?;
        // The mosaic takes the logo's shape.
        tx.request_mosaic(id, false, now).await?;
        let subject = id.to_string();
        tx.append_audit(
            &crate::audit::NewAuditEntry {
                actor,
                action: "campaign.logo",
                subject_type: "campaign",
                subject_id: &subject,
                details: serde_json::json!({}),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok((updated, old.filter(|o| o != key)))
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
