//! Photo submissions: their states and the supporter's form.

use crate::campaign::{field_error, optional_text, FieldError};
use crate::country::Country;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhotoStatus {
    /// Stored, waiting for the worker.
    Received,
    Processing,
    PendingReview,
    Approved,
    Rejected,
    /// Could not be decoded; the supporter sees why.
    Failed,
}

impl PhotoStatus {
    pub const ALL: [PhotoStatus; 6] = [
        PhotoStatus::Received,
        PhotoStatus::Processing,
        PhotoStatus::PendingReview,
        PhotoStatus::Approved,
        PhotoStatus::Rejected,
        PhotoStatus::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PhotoStatus::Received => "received",
            PhotoStatus::Processing => "processing",
            PhotoStatus::PendingReview => "pending_review",
            PhotoStatus::Approved => "approved",
            PhotoStatus::Rejected => "rejected",
            PhotoStatus::Failed => "failed",
        }
    }

    /// Whether thumbnails exist in this state.
    pub fn has_derivatives(self) -> bool {
        matches!(
            self,
            PhotoStatus::PendingReview | PhotoStatus::Approved | PhotoStatus::Rejected
        )
    }
}

impl fmt::Display for PhotoStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PhotoStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PhotoStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| format!("unknown photo status `{s}`"))
    }
}

/// The two thumbnails every processed photo has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DerivativeSize {
    /// Long edge at most 320 px.
    Small,
    /// Long edge at most 1280 px.
    Large,
}

impl DerivativeSize {
    pub const ALL: [DerivativeSize; 2] = [DerivativeSize::Small, DerivativeSize::Large];

    pub fn as_str(self) -> &'static str {
        match self {
            DerivativeSize::Small => "small",
            DerivativeSize::Large => "large",
        }
    }

    /// The size named in a media URL (`small`, `large`, with or without `.jpg`).
    pub fn from_url_segment(s: &str) -> Option<Self> {
        let name = s.strip_suffix(".jpg").unwrap_or(s);
        Self::ALL.into_iter().find(|z| z.as_str() == name)
    }
}

/// Why a photo is flagged for the moderator's attention (flags never reject by themselves).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// The same bytes as an earlier photo of the campaign.
    Duplicate,
    /// A perceptual hash within the configured distance of an earlier photo's.
    NearDuplicate,
}

impl FlagKind {
    pub const ALL: [FlagKind; 2] = [FlagKind::Duplicate, FlagKind::NearDuplicate];

    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Duplicate => "duplicate",
            FlagKind::NearDuplicate => "near_duplicate",
        }
    }
}

impl FromStr for FlagKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown flag kind `{s}`"))
    }
}

/// Why processing a photo failed: a stable code, stored and sent as it is; pages turn it
/// into a sentence in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FailureCode {
    /// The pixels could not be decoded (damaged or cut off).
    Unreadable,
    /// Decoded, but the thumbnails could not be made.
    EncodeFailed,
    /// Processing took longer than the worker's time budget for one photo.
    TooSlow,
}

impl FailureCode {
    pub const ALL: [FailureCode; 3] = [
        FailureCode::Unreadable,
        FailureCode::EncodeFailed,
        FailureCode::TooSlow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FailureCode::Unreadable => "unreadable",
            FailureCode::EncodeFailed => "encode_failed",
            FailureCode::TooSlow => "too_slow",
        }
    }

    /// A stored code; rows written before codes existed held a sentence, read as
    /// `Unreadable` (what every one of them said).
    pub fn from_stored(s: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .unwrap_or(FailureCode::Unreadable)
    }
}

/// The supporter's form fields, checked. Consent is required and must be exactly `true`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoForm {
    pub display_name: Option<String>,
    pub country: Option<Country>,
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoFormError {
    #[error("consent is required: send consent=true")]
    ConsentRequired,
    #[error(transparent)]
    Field(#[from] FieldError),
}

impl PhotoForm {
    pub const DISPLAY_NAME_MAX: usize = 60;
    pub const CAPTION_MAX: usize = 280;

    pub fn parse(
        consent: Option<&str>,
        display_name: Option<&str>,
        country: Option<&str>,
        caption: Option<&str>,
    ) -> Result<Self, PhotoFormError> {
        if consent.map(str::trim) != Some("true") {
            return Err(PhotoFormError::ConsentRequired);
        }
        let display_name =
            optional_text("display_name", display_name, Self::DISPLAY_NAME_MAX, false)?;
        let caption = optional_text("caption", caption, Self::CAPTION_MAX, true)?;
        let country =
            match country.map(str::trim).filter(|c| !c.is_empty()) {
                None => None,
                Some(c) => Some(Country::parse(c).ok_or_else(|| {
                    field_error("country", "an ISO 3166-1 alpha-2 code such as PT")
                })?),
            };
        Ok(Self {
            display_name,
            country,
            caption,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consent_is_required_and_exact() {
        for c in [None, Some("false"), Some("yes"), Some("TRUE ")] {
            assert_eq!(
                PhotoForm::parse(c, None, None, None),
                Err(PhotoFormError::ConsentRequired),
                "{c:?}"
            );
        }
        assert!(PhotoForm::parse(Some("true"), None, None, None).is_ok());
    }

    #[test]
    fn fields_are_bounded_and_clean() {
        let field = |r: Result<PhotoForm, PhotoFormError>| match r {
            Err(PhotoFormError::Field(f)) => f.field,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(PhotoForm::parse(
                Some("true"),
                Some(&"n".repeat(61)),
                None,
                None
            )),
            "display_name"
        );
        assert_eq!(
            field(PhotoForm::parse(Some("true"), Some("a\0"), None, None)),
            "display_name"
        );
        assert_eq!(
            field(PhotoForm::parse(Some("true"), None, Some("Portugal"), None)),
            "country"
        );
        assert_eq!(
            field(PhotoForm::parse(
                Some("true"),
                None,
                None,
                Some(&"c".repeat(281))
            )),
            "caption"
        );
        let ok = PhotoForm::parse(Some("true"), Some(" Ana "), Some("pt"), Some("line\nbreak"))
            .expect("ok");
        assert_eq!(ok.display_name.as_deref(), Some("Ana"));
        assert_eq!(
            ok.country.map(|c| c.as_str().to_owned()).as_deref(),
            Some("PT")
        );
        assert_eq!(ok.caption.as_deref(), Some("line\nbreak"));
        let empty = PhotoForm::parse(Some("true"), Some(""), Some(" "), Some("")).expect("ok");
        assert_eq!(
            empty,
            PhotoForm {
                display_name: None,
                country: None,
                caption: None
            }
        );
    }
}
