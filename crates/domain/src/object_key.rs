//! Object keys and the one layout of what Placard stores: keys are built here, from ids,
//! and never parsed back out of strings elsewhere.

use crate::photo::DerivativeSize;
use std::fmt;
use uuid::Uuid;

/// A relative, slash-separated key of safe characters: no empty, `.` or `..` segment, no
/// leading slash, at most 512 bytes. The same key means the same object on every backend.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectKey(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid object key `{0}`")]
pub struct InvalidKey(pub String);

impl ObjectKey {
    pub const MAX_LEN: usize = 512;

    /// Checks a key that came from outside this module (a listing, a configured prefix,
    /// a database row).
    pub fn parse(key: &str) -> Result<Self, InvalidKey> {
        let ok_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-');
        let ok = !key.is_empty()
            && key.len() <= Self::MAX_LEN
            && key.chars().all(ok_char)
            && key
                .split('/')
                .all(|seg| !seg.is_empty() && seg != "." && seg != "..");
        if ok {
            Ok(Self(key.to_owned()))
        } else {
            Err(InvalidKey(key.chars().take(80).collect()))
        }
    }

    /// A key of the layout below: made of fixed words and a UUID, valid by construction.
    fn of_layout(key: String) -> Self {
        debug_assert!(Self::parse(&key).is_ok(), "{key}");
        Self(key)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ObjectKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where one photo's objects live. The keys are fixed by the photo's id, so a retried job
/// overwrites rather than duplicates, and erasure knows every key without a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoKeys(Uuid);

impl PhotoKeys {
    pub fn of(photo_id: Uuid) -> Self {
        Self(photo_id)
    }

    /// The original: private, never served publicly.
    pub fn original(self) -> ObjectKey {
        ObjectKey::of_layout(format!("originals/{}", self.0))
    }

    /// The original rewritten with the supporter's rectangles pixelated: a key of its own,
    /// so that a crash between writing it and recording it can never leave a photo whose
    /// row and bytes disagree.
    pub fn pixelated_original(self) -> ObjectKey {
        ObjectKey::of_layout(format!("originals/{}.pixelated.jpg", self.0))
    }

    /// The photo an object of this layout belongs to, if it is one of ours.
    pub fn photo_of(key: &ObjectKey) -> Option<Uuid> {
        let rest = key
            .as_str()
            .strip_prefix("originals/")
            .or_else(|| key.as_str().strip_prefix("derivatives/"))?;
        let id = rest.split(['/', '.']).next()?;
        Uuid::parse_str(id).ok()
    }

    pub fn derivative(self, size: DerivativeSize) -> ObjectKey {
        ObjectKey::of_layout(format!("derivatives/{}/{}.jpg", self.0, size.as_str()))
    }

    /// Every key the photo can have an object under.
    pub fn all(self) -> Vec<ObjectKey> {
        [self.original(), self.pixelated_original()]
            .into_iter()
            .chain(DerivativeSize::ALL.map(|s| self.derivative(s)))
            .collect()
    }
}

/// A campaign's logo: a new key for every upload (`logos/{campaign}/{upload}.{ext}`), so a
/// cached copy of the old one is never served under the new one's URL.
pub fn campaign_logo(campaign_id: Uuid, extension: &str) -> ObjectKey {
    ObjectKey::of_layout(format!(
        "logos/{campaign_id}/{}.{extension}",
        Uuid::now_v7()
    ))
}

/// A campaign's mosaic: a new key per build, so a cached copy of an older one is never
/// served under the new one's name.
pub fn campaign_mosaic(campaign_id: Uuid) -> ObjectKey {
    ObjectKey::of_layout(format!("mosaics/{campaign_id}/{}.jpg", Uuid::now_v7()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stay_inside_their_space() {
        for good in ["a", "photos/0190-ab/small.jpg", "x_y-z.1/2"] {
            assert!(ObjectKey::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "", "/abs", "a//b", "a/../b", "..", "./a", "a/", "sp ace", "ü", "a\\b", "a\0",
        ] {
            assert!(ObjectKey::parse(bad).is_err(), "{bad:?}");
        }
        assert!(ObjectKey::parse(&"a".repeat(513)).is_err());
    }

    #[test]
    fn the_layout_is_stable() {
        // Stored objects are found by these keys: changing them orphans every object.
        let id: Uuid = "0190a4b2-7c3e-7a00-8000-000000000001"
            .parse()
            .expect("uuid");
        let keys = PhotoKeys::of(id);
        assert_eq!(keys.original().as_str(), format!("originals/{id}"));
        assert_eq!(
            keys.derivative(DerivativeSize::Small).as_str(),
            format!("derivatives/{id}/small.jpg")
        );
        assert_eq!(
            keys.derivative(DerivativeSize::Large).as_str(),
            format!("derivatives/{id}/large.jpg")
        );
        assert_eq!(
            keys.pixelated_original().as_str(),
            format!("originals/{id}.pixelated.jpg")
        );
        assert_eq!(keys.all().len(), 4);
        for k in keys.all() {
            assert_eq!(ObjectKey::parse(k.as_str()), Ok(k.clone()));
            assert_eq!(PhotoKeys::photo_of(&k), Some(id), "{k}");
        }
        for other in ["originals/x", "thumbs/a", "derivatives/y"] {
            assert_eq!(
                PhotoKeys::photo_of(&ObjectKey::parse(other).expect("key")),
                None
            );
        }
    }
}
