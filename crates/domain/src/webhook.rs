//! Webhook deliveries as the contract has them: the event envelope `{"event","id","at",
//! "data"}`, fixed once when the event happens (a retry sends the same bytes), the
//! `Placard-Signature` header over it, and the `webhook.deliver` job that carries it.

use crate::jobs::BackgroundJob;
use chrono::{DateTime, SecondsFormat, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use uuid::Uuid;

pub const PHOTO_APPROVED: &str = "photo.approved";
pub const PHOTO_REJECTED: &str = "photo.rejected";
/// A photo that was public (approved) is gone: withdrawn by its supporter or taken down.
/// Sent so that a campaign's site or CDN drops its copies too.
pub const PHOTO_ERASED: &str = "photo.erased";
pub const CONTEST_ANNOUNCED: &str = "contest.announced";

/// The events a webhook may ask for.
pub const EVENTS: [&str; 4] = [
    PHOTO_APPROVED,
    PHOTO_REJECTED,
    PHOTO_ERASED,
    CONTEST_ANNOUNCED,
];

/// The body of one delivery: `data` holds only what the public gallery or results show.
pub fn envelope(event: &str, id: Uuid, at: DateTime<Utc>, data: serde_json::Value) -> String {
    serde_json::json!({
        "event": event,
        "id": id,
        "at": at.to_rfc3339_opts(SecondsFormat::Millis, true),
        "data": data,
    })
    .to_string()
}

/// `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: the receiver recomputes
/// it with the shared secret and rejects an old `t` (a replayed delivery).
pub fn signature(secret: &str, t: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key"));
    mac.update(format!("{t}.").as_bytes());
    mac.update(body.as_bytes());
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// Posts one event to one webhook of a campaign. The secret is not in the job (job rows are
/// shown to admins and kept): the worker signs with the campaign's current secret for `url`,
/// and a webhook removed or unsubscribed since is simply not called.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliverWebhook {
    pub campaign_id: Uuid,
    pub url: String,
    pub event: String,
    /// The envelope, exactly as it is sent and signed.
    pub body: String,
}

impl BackgroundJob for DeliverWebhook {
    const KIND: &'static str = "webhook.deliver";
    /// With the default backoff (2 s doubling, at most 10 min): tried for about 40 minutes
    /// before the delivery is a dead job an admin can retry.
    const MAX_ATTEMPTS: u32 = 10;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_hmac_of_the_time_and_the_body() {
        // Reference value from `printf '1700000000.{}' | openssl dgst -sha256 -hmac s3cret`.
        assert_eq!(
            signature("s3cret", 1_700_000_000, "{}"),
            "t=1700000000,v1=97926816e98fbb41ccb1673225ff29a2f35369099990e1b1561651e7bd097ebf"
        );
    }

    #[test]
    fn the_envelope_has_the_contract_fields() {
        let at = DateTime::parse_from_rfc3339("2026-12-02T10:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .expect("time");
        let body = envelope(PHOTO_ERASED, Uuid::nil(), at, serde_json::json!({"x": 1}));
        let v: serde_json::Value = serde_json::from_str(&body).expect("json");
        assert_eq!(v["event"], "photo.erased");
        assert_eq!(v["id"], Uuid::nil().to_string());
        assert_eq!(v["at"], "2026-12-02T10:00:00.000Z");
        assert_eq!(v["data"]["x"], 1);
    }
}
