//! URLs for thumbnails. Approved photos' thumbnails have stable public URLs (cacheable by a
//! CDN); all others only signed URLs that expire, handed to those allowed to see them (the
//! supporter holding the receipt, staff). The signature is an HMAC over the photo, the size
//! and the expiry, with a key shared by every instance through the database.

use hmac::{Hmac, Mac};
use placard_domain::{DerivativeSize as Size, PhotoStatus};
use placard_storage::photos::Photo;
use serde::Serialize;
use sha2::Sha256;
use utoipa::ToSchema;
use uuid::Uuid;

/// How long a signed URL lasts (at least); expiries are rounded up to ten minutes so that
/// one image keeps one URL for a while and browsers can cache it.
const SIGNED_FOR_SECS: i64 = 3600;
const ROUND_SECS: i64 = 600;

#[derive(Clone)]
pub struct MediaSigner {
    key: Vec<u8>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Thumbnail {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Thumbnails {
    /// Long edge at most 320 px.
    pub small: Thumbnail,
    /// Long edge at most 1280 px.
    pub large: Thumbnail,
}

type HmacSha256 = Hmac<Sha256>;

impl MediaSigner {
    pub fn new(key: &str) -> Self {
        Self {
            key: key.as_bytes().to_vec(),
        }
    }

    /// The shared secret itself, for other HMACs keyed by it (CSRF tokens).
    pub(crate) fn key(&self) -> &[u8] {
        &self.key
    }

    fn mac(&self, id: Uuid, size: Size, expires: i64) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC takes any key"));
        mac.update(format!("{id}/{}/{expires}", size.as_str()).as_bytes());
        mac
    }

    /// Whether a signed URL's parts are genuine and unexpired (constant-time comparison).
    pub fn verify(&self, id: Uuid, size: Size, expires: i64, signature: &str, now: i64) -> bool {
        if expires < now {
            return false;
        }
        let Ok(sig) = hex::decode(signature) else {
            return false;
        };
        self.mac(id, size, expires).verify_slice(&sig).is_ok()
    }

    fn signed_path(&self, id: Uuid, size: Size, now: i64) -> String {
        let expires = ((now + SIGNED_FOR_SECS) / ROUND_SECS + 1) * ROUND_SECS;
        let sig = hex::encode(self.mac(id, size, expires).finalize().into_bytes());
        format!(
            "/media/signed/{id}/{}.jpg?expires={expires}&signature={sig}",
            size.as_str()
        )
    }

    /// The thumbnails of a photo, if it has them: public URLs once approved, signed ones
    /// before (or after a rejection).
    pub fn thumbnails(&self, base: &str, photo: &Photo, now: i64) -> Option<Thumbnails> {
        if !photo.status.has_derivatives() {
            return None;
        }
        let url = |size: Size| {
            if photo.status == PhotoStatus::Approved {
                format!("{base}/media/photos/{}/{}.jpg", photo.id, size.as_str())
            } else {
                format!("{base}{}", self.signed_path(photo.id, size, now))
            }
        };
        let thumb = |size: Size| {
            photo.derivative(size).map(|d| Thumbnail {
                url: url(size),
                width: d.width,
                height: d.height,
            })
        };
        Some(Thumbnails {
            small: thumb(Size::Small)?,
            large: thumb(Size::Large)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_verify_only_their_own_photo_size_and_time() {
        let s = MediaSigner::new("k1");
        let id = Uuid::new_v4();
        let now = 1_800_000_000;
        let path = s.signed_path(id, Size::Small, now);
        let query = path.split_once('?').expect("query").1;
        let expires: i64 = query
            .split('&')
            .next()
            .and_then(|p| p.strip_prefix("expires="))
            .and_then(|v| v.parse().ok())
            .expect("expires");
        let sig = query.split("signature=").nth(1).expect("sig");
        assert!(expires >= now + 3600 && expires <= now + 3600 + 600);
        assert!(s.verify(id, Size::Small, expires, sig, now));
        assert!(!s.verify(id, Size::Large, expires, sig, now), "other size");
        assert!(
            !s.verify(Uuid::new_v4(), Size::Small, expires, sig, now),
            "other photo"
        );
        assert!(
            !s.verify(id, Size::Small, expires + 1, sig, now),
            "other expiry"
        );
        assert!(
            !s.verify(id, Size::Small, expires, sig, expires + 1),
            "expired"
        );
        assert!(
            !MediaSigner::new("k2").verify(id, Size::Small, expires, sig, now),
            "other key"
        );
        assert!(!s.verify(id, Size::Small, expires, "zz", now));
    }
}
