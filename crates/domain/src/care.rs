//! What a campaign's operators set for the people working on it and for its supporters'
//! information: how moderators meet the photos (blurred until they choose to look, a pause
//! suggested after a number of them), and the operator's own privacy notice.

use crate::campaign::{field_error, FieldError};
use serde::{Deserialize, Serialize};

/// The most photos a sitting may be set to before a pause is suggested.
pub const MAX_PAUSE_AFTER: u32 = 5000;

/// How moderators meet a campaign's photos. A field left out keeps its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ModeratorCare {
    /// Previews start blurred, each revealed by a tap, a key or focus (never by hover
    /// alone), for campaigns whose photos may be hard to look at.
    pub blur_previews: bool,
    /// After this many photos reviewed in one sitting, the screen suggests a pause (0:
    /// never).
    pub pause_after: u32,
}

impl Default for ModeratorCare {
    /// Not blurred; a pause suggested after 200 photos, about an hour at a steady pace.
    fn default() -> Self {
        Self {
            blur_previews: false,
            pause_after: 200,
        }
    }
}

impl ModeratorCare {
    pub fn parse(raw: ModeratorCare) -> Result<Self, FieldError> {
        if raw.pause_after > MAX_PAUSE_AFTER {
            return Err(field_error(
                "moderation",
                format!("pause_after is 0 (never) to {MAX_PAUSE_AFTER}"),
            ));
        }
        Ok(raw)
    }
}

/// The operator's own privacy notice, linked from the supporters' privacy panel: an
/// absolute `https://` URL (at most 500 characters, no credentials, no spaces); empty or
/// absent means none.
pub fn privacy_url(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    let Some(url) = raw.map(str::trim).filter(|u| !u.is_empty()) else {
        return Ok(None);
    };
    let bad = || {
        field_error(
            "privacy_url",
            "an https:// address of at most 500 characters",
        )
    };
    let rest = url.strip_prefix("https://").ok_or_else(bad)?;
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    if url.len() > 500
        || host.is_empty()
        || host.contains('@')
        || !url.bytes().all(|b| b.is_ascii_graphic())
        || !host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
    {
        return Err(bad());
    }
    Ok(Some(url.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pause_is_never_or_a_sane_number() {
        let care = |n| ModeratorCare {
            blur_previews: true,
            pause_after: n,
        };
        assert_eq!(ModeratorCare::parse(care(0)), Ok(care(0)));
        assert_eq!(ModeratorCare::parse(care(150)), Ok(care(150)));
        assert!(ModeratorCare::parse(care(MAX_PAUSE_AFTER + 1)).is_err());
        assert_eq!(ModeratorCare::default().pause_after, 200);
    }

    #[test]
    fn privacy_links_are_https_addresses() {
        assert_eq!(privacy_url(None), Ok(None));
        assert_eq!(privacy_url(Some("  ")), Ok(None));
        assert_eq!(
            privacy_url(Some(" https://example.org/privacy#data ")),
            Ok(Some("https://example.org/privacy#data".into()))
        );
        for bad in [
            "http://example.org/privacy",
            "javascript:alert(1)",
            "https://",
            "https://user:pw@example.org/",
            "https://exa mple.org/",
            "https://example.org/\u{202e}",
            "//example.org/privacy",
        ] {
            assert!(privacy_url(Some(bad)).is_err(), "{bad}");
        }
        assert!(privacy_url(Some(&format!("https://e.org/{}", "a".repeat(500)))).is_err());
    }
}
