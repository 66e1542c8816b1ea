//! Webhook events: enqueued in the transaction of the change they report, one
//! `webhook.deliver` job per subscribed webhook, so an event exists exactly when its change
//! commits and a slow receiver delays nothing but its own deliveries. What `data` holds is
//! public already: the gallery's fields of an approved photo, the id of one that was
//! rejected or erased, a contest's published results.

use crate::{StoreError, Tx};
use chrono::{DateTime, Utc};
use placard_domain::settings::Webhook;
use placard_domain::webhook::{self, DeliverWebhook};
use uuid::Uuid;

/// Whose webhooks hear an event.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Audience {
    Campaign(Uuid),
    /// Contests belong to no campaign: their announcement goes to every campaign's webhooks
    /// that ask for `contest.announced` (the results are public anyway).
    EveryCampaign,
}

#[derive(sqlx::FromRow)]
struct Hooks {
    id: Uuid,
    webhooks: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PublicPhoto {
    campaign_id: Uuid,
    slug: String,
    display_name: Option<String>,
    country: Option<String>,
    caption: Option<String>,
    approved_at: Option<DateTime<Utc>>,
}

impl Tx {
    /// Enqueues `event` for every webhook of `audience` that asks for it. Nothing when none
    /// does; a stored webhook list that does not parse is corrupt data, and fails the change.
    pub(crate) async fn emit(
        &mut self,
        audience: Audience,
        event: &str,
        data: serde_json::Value,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let rows: Vec<Hooks> = match audience {
            Audience::Campaign(id) => with_tx!(self, |c| sqlx::query_as(
                "SELECT id, webhooks FROM campaigns WHERE id = $1 AND webhooks IS NOT NULL"
            )
            .bind(id)
            .fetch_all(c)
            .await)?,
            Audience::EveryCampaign => with_tx!(self, |c| sqlx::query_as(
                "SELECT id, webhooks FROM campaigns WHERE webhooks IS NOT NULL ORDER BY id"
            )
            .fetch_all(c)
            .await)?,
        };
        // One envelope (one event id) for every receiver of this event.
        let body = webhook::envelope(event, Uuid::now_v7(), now, data);
        for row in rows {
            let hooks: Vec<Webhook> = match row.webhooks.as_deref() {
                Some(text) => serde_json::from_str(text)
                    .map_err(|e| StoreError::Corrupt(format!("campaign webhooks: {e}")))?,
                None => Vec::new(),
            };
            for hook in hooks.iter().filter(|h| h.events.iter().any(|e| e == event)) {
                let job = DeliverWebhook {
                    campaign_id: row.id,
                    url: hook.url.clone(),
                    event: event.to_owned(),
                    body: body.clone(),
                };
                self.enqueue(&job, now).await?;
            }
        }
        Ok(())
    }

    /// `photo.approved`, `photo.rejected` or `photo.erased` for one photo, read in this
    /// transaction (before an erasure deletes the row). `reason`: a rejection's code.
    pub(crate) async fn emit_photo_event(
        &mut self,
        event: &str,
        photo: Uuid,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let row: Option<PublicPhoto> = with_tx!(self, |c| {
            sqlx::query_as(
            "SELECT c.id AS campaign_id, c.slug, p.display_name, p.country, p.caption, p.approved_at
             FROM photos p JOIN campaigns c ON c.id = p.campaign_id WHERE p.id = $1"
        )
        .bind(photo)
        .fetch_optional(c)
        .await
        })?;
        let Some(public) = row else {
            return Ok(());
        };
        let data = if event == webhook::PHOTO_APPROVED {
            // The gallery's item, with the thumbnails' public paths on this server.
            serde_json::json!({
                "campaign": public.slug,
                "photo": {
                    "id": photo,
                    "display_name": public.display_name,
                    "country": public.country,
                    "caption": public.caption,
                    "approved_at": public.approved_at,
                    "thumbnails": {
                        "small": format!("/media/photos/{photo}/small.jpg"),
                        "large": format!("/media/photos/{photo}/large.jpg"),
                    },
                    "page": format!("/c/{}/photos/{photo}", public.slug),
                },
            })
        } else {
            let mut d = serde_json::json!({"campaign": public.slug, "photo": {"id": photo}});
            if let Some(r) = reason {
                d["reason"] = r.into();
            }
            d
        };
        self.emit(Audience::Campaign(public.campaign_id), event, data, now)
            .await
    }
}
