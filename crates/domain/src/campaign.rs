//! Campaigns: where photo petitions live.

use chrono::{DateTime, Utc};

/// A URL slug: 2–64 of `a-z`, `0-9` and inner hyphens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Option<Self> {
        let ok = (2..=64).contains(&raw.len())
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && !raw.contains("--");
        ok.then(|| Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a field was refused; the message names the field for the client.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct FieldError {
    pub field: &'static str,
    pub problem: String,
}

pub fn field_error(field: &'static str, problem: impl Into<String>) -> FieldError {
    FieldError {
        field,
        problem: problem.into(),
    }
}

/// A free-text field cleaned by the one text rule (`crate::text::clean`: NFC, direction
/// controls refused, invisibles stripped, nothing visible = empty) and bounded: `None` when
/// empty, an error when too long or refused.
pub fn optional_text(
    field: &'static str,
    raw: Option<&str>,
    max_chars: usize,
    allow_newlines: bool,
) -> Result<Option<String>, FieldError> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    let Some(text) =
        crate::text::clean(raw, allow_newlines).map_err(|e| field_error(field, e.to_string()))?
    else {
        return Ok(None);
    };
    if text.chars().count() > max_chars {
        return Err(field_error(
            field,
            format!("at most {max_chars} characters"),
        ));
    }
    Ok(Some(text))
}

/// What a supporter agrees to when sending a photo, unless the campaign words its own.
pub const STANDARD_PHOTO_CONSENT: &str = "I agree that this campaign may show my photo, with the \
name, country and caption I give, in its public gallery once a moderator has approved it. I can \
withdraw it at any time with the link on my receipt.";

/// What an author agrees to when entering a slogan.
pub const STANDARD_ENTRY_CONSENT: &str = "I agree that my slogan and name may be published if it \
is shortlisted or wins. Judges see the slogan only, never who wrote it.";

/// A checked request to create a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCampaign {
    pub slug: Slug,
    pub title: String,
    pub description: Option<String>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    /// What supporters agree to; `None`: Placard's standard sentence.
    pub consent_text: Option<String>,
    pub retention: Retention,
}

/// How long a campaign keeps what it no longer needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// Days after the decision that a rejected photo's original and thumbnails are deleted.
    #[serde(default = "Retention::default_rejected_days")]
    pub rejected_days: u32,
    /// Days after the campaign closes that approved photos' originals are deleted (their
    /// thumbnails stay); `None`: kept.
    #[serde(default)]
    pub originals_after_close_days: Option<u32>,
}

impl Retention {
    /// Ten years: more is a mistake, not a policy.
    pub const MAX_DAYS: u32 = 3650;

    fn default_rejected_days() -> u32 {
        30
    }

    pub fn check(self) -> Result<Self, FieldError> {
        if self.rejected_days > Self::MAX_DAYS
            || self
                .originals_after_close_days
                .is_some_and(|d| d > Self::MAX_DAYS)
        {
            return Err(field_error("retention", "days must be from 0 to 3650"));
        }
        Ok(self)
    }
}

impl Default for Retention {
    fn default() -> Self {
        Self {
            rejected_days: Self::default_rejected_days(),
            originals_after_close_days: None,
        }
    }
}

impl NewCampaign {
    pub fn parse(
        slug: &str,
        title: &str,
        description: Option<&str>,
        opens_at: Option<DateTime<Utc>>,
        closes_at: Option<DateTime<Utc>>,
    ) -> Result<Self, FieldError> {
        let slug = Slug::parse(slug).ok_or_else(|| {
            field_error(
                "slug",
                "2–64 characters of a-z, 0-9 and single inner hyphens",
            )
        })?;
        let title = optional_text("title", Some(title), 120, false)?
            .ok_or_else(|| field_error("title", "is required"))?;
        let description = optional_text("description", description, 4000, true)?;
        if let (Some(o), Some(c)) = (opens_at, closes_at) {
            if c <= o {
                return Err(field_error("closes_at", "must be after opens_at"));
            }
        }
        Ok(Self {
            slug,
            title,
            description,
            opens_at,
            closes_at,
            consent_text: None,
            retention: Retention::default(),
        })
    }
}

/// Where a campaign stands at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignState {
    Upcoming,
    Open,
    Closed,
}

impl CampaignState {
    pub fn at(
        now: DateTime<Utc>,
        opens_at: Option<DateTime<Utc>>,
        closes_at: Option<DateTime<Utc>>,
    ) -> Self {
        if opens_at.is_some_and(|o| now < o) {
            CampaignState::Upcoming
        } else if closes_at.is_some_and(|c| now >= c) {
            CampaignState::Closed
        } else {
            CampaignState::Open
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CampaignState::Upcoming => "upcoming",
            CampaignState::Open => "open",
            CampaignState::Closed => "closed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn slugs() {
        for good in ["sdp", "support-dont-punish", "day-2026"] {
            assert!(Slug::parse(good).is_some(), "{good}");
        }
        for bad in [
            "",
            "a",
            "Caps",
            "-x",
            "x-",
            "a--b",
            "a b",
            "ü-x",
            &"a".repeat(65),
        ] {
            assert!(Slug::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn campaigns_check_fields_and_window() {
        let t = Utc::now();
        assert!(NewCampaign::parse(
            "sdp",
            "Support",
            None,
            Some(t),
            Some(t + TimeDelta::days(1))
        )
        .is_ok());
        assert_eq!(
            NewCampaign::parse("sdp", "  ", None, None, None).map_err(|e| e.field),
            Err("title")
        );
        assert_eq!(
            NewCampaign::parse("sdp", "x", None, Some(t), Some(t)).map_err(|e| e.field),
            Err("closes_at")
        );
        assert_eq!(
            NewCampaign::parse("sdp", "a\0b", None, None, None).map_err(|e| e.field),
            Err("title")
        );
    }

    #[test]
    fn state_follows_the_window() {
        let t = Utc::now();
        let (o, c) = (Some(t), Some(t + TimeDelta::hours(1)));
        assert_eq!(
            CampaignState::at(t - TimeDelta::seconds(1), o, c),
            CampaignState::Upcoming
        );
        assert_eq!(CampaignState::at(t, o, c), CampaignState::Open);
        assert_eq!(
            CampaignState::at(t + TimeDelta::hours(1), o, c),
            CampaignState::Closed
        );
        assert_eq!(CampaignState::at(t, None, None), CampaignState::Open);
    }
}
