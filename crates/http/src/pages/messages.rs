//! What a supporter reads when something goes wrong: every error code the forms can meet,
//! in plain words. One table serves the plain forms (rendered here) and the script (handed
//! the same table in the page), so the two never say different things.

use crate::{ApiError, HttpSettings};
use placard_domain::{FailureCode, PhotoStatus, RejectionReason, ReviewStatus};

/// The words for every error code a supporter's form can meet, with the limits of this
/// deployment written in (the operator may have raised the upload size or the minimum
/// side). Built once at startup.
pub struct Words {
    /// `(code, words)`. For `invalid_field` the API's own message (which field, what is
    /// wrong) is added after the words.
    table: Vec<(&'static str, String)>,
}

impl Words {
    pub fn new(settings: &HttpSettings) -> Self {
        let max_mib = settings.max_upload_bytes.div_ceil(1024 * 1024);
        let min_side = settings.image_limits.min_side;
        let table = vec![
            ("consent_required", "Please tick the consent box: we can only show your photo or slogan with your permission.".to_owned()),
            ("invalid_field", "Something in the form needs another look.".to_owned()),
            ("payload_too_large", format!("This photo is too big to send. Please choose one under {max_mib} MB, or a smaller copy of it.")),
            ("request_timeout", "The photo stopped arriving before it was complete: the connection may have dropped. Please try again.".to_owned()),
            ("unsupported_media_type", "We can only take JPEG, PNG or WebP photos. Please choose another file.".to_owned()),
            ("invalid_image", "We could not read this photo: the file may be damaged or incomplete. Please try another one.".to_owned()),
            ("image_too_large", "This photo has too many pixels for us to handle. Please send a smaller copy of it.".to_owned()),
            ("image_too_small", format!("This photo is too small to be seen well. Please choose one at least {min_side} pixels on its short side.")),
            ("submissions_closed", "This campaign is not taking photos at the moment.".to_owned()),
            ("entries_closed", "This contest is not taking entries any more.".to_owned()),
            ("invalid_slogan", "A slogan must be between 3 and 120 characters.".to_owned()),
            ("duplicate_entry", "Someone has already entered this slogan. Try putting it in your own words.".to_owned()),
            ("rate_limited", "Too many tries from your connection in a short time. Please wait a minute and try again.".to_owned()),
            ("not_found", "We could not find this page. The link may be mistyped, or the photo or entry has been withdrawn.".to_owned()),
            ("unauthenticated", "This link is not complete: use the whole link from your receipt.".to_owned()),
            ("internal_error", "Something went wrong on our side. Nothing was saved; please try again in a moment.".to_owned()),
        ];
        Self { table }
    }

    /// The words for an error, for a supporter.
    pub fn for_error(&self, err: &ApiError) -> String {
        let words = self
            .table
            .iter()
            .find(|(code, _)| *code == err.code())
            .map(|(_, w)| w.as_str());
        match (err.code(), words) {
            ("invalid_field", Some(w)) => format!("{w} {}", err.message()),
            (_, Some(w)) => w.to_owned(),
            // A code without words of its own: the API's sentence is written for people too.
            _ => err.message().to_owned(),
        }
    }

    /// The table as JSON, for the script.
    pub fn as_json(&self) -> String {
        let map: serde_json::Map<String, serde_json::Value> = self
            .table
            .iter()
            .map(|(c, w)| ((*c).to_owned(), serde_json::Value::from(w.as_str())))
            .collect();
        serde_json::Value::Object(map).to_string()
    }
}

/// Why a moderator turned a submission down, as the end of "… because …".
fn rejection(reason: Option<&str>) -> &'static str {
    match reason.and_then(|r| r.parse::<RejectionReason>().ok()) {
        Some(RejectionReason::NoLogo) => "the campaign logo could not be seen",
        Some(RejectionReason::Inappropriate) => "it was not suitable for the gallery",
        Some(RejectionReason::Duplicate) => "it repeats a photo we already have",
        Some(RejectionReason::PoorQuality) => "the picture was not clear enough",
        Some(RejectionReason::Privacy) => "it could put someone's privacy at risk",
        Some(RejectionReason::Spam) => "it did not belong to this campaign",
        Some(RejectionReason::Other) | None => "of a reason the moderators noted",
    }
}

/// Why processing failed, as one whole sentence with its advice (said once).
fn failure(code: FailureCode) -> &'static str {
    match code {
        FailureCode::Unreadable => "We could not read this file as a photo: it may be damaged or cut off. Please try sending it again, or another one.",
        FailureCode::EncodeFailed => "We could not make the small copies of this photo that the gallery needs. Please try sending another one.",
        FailureCode::TooSlow => "This file takes far longer to open than a photo should, so we stopped. Please send the photo again as a plain JPEG (a screenshot of it works too).",
    }
}

/// Where a supporter's photo stands, in words.
pub fn photo_status(
    status: PhotoStatus,
    reason: Option<&str>,
    failure_code: Option<FailureCode>,
) -> String {
    match status {
        PhotoStatus::Received | PhotoStatus::Processing => {
            "We have your photo and are preparing it. This page updates by itself.".into()
        }
        PhotoStatus::PendingReview => {
            "Your photo is ready and waiting for a moderator to look at it.".into()
        }
        PhotoStatus::Approved => {
            "Your photo is approved and shown in the gallery. Thank you!".into()
        }
        PhotoStatus::Rejected => format!(
            "Your photo was not approved, because {}. You are welcome to send another.",
            rejection(reason)
        ),
        PhotoStatus::Failed => failure(failure_code.unwrap_or(FailureCode::Unreadable)).into(),
    }
}

/// Where a supporter's slogan stands, in words.
pub fn entry_status(status: ReviewStatus, reason: Option<&str>) -> String {
    match status {
        ReviewStatus::PendingReview => {
            "Your slogan is waiting for a moderator to look at it.".into()
        }
        ReviewStatus::Approved => {
            "Your slogan is approved and in the hands of the judges. Good luck!".into()
        }
        ReviewStatus::Rejected => format!(
            "Your slogan was not accepted, because {}.",
            rejection(reason)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::StatusCode;

    #[test]
    fn codes_become_words() {
        let words = Words::new(&HttpSettings::for_tests());
        let e = ApiError::unprocessable("image_too_small", "Too small: 100x100.");
        assert!(words.for_error(&e).starts_with("This photo is too small"));
        let e = ApiError::bad_request("invalid_field", "caption: at most 280 characters.");
        assert!(words
            .for_error(&e)
            .ends_with("caption: at most 280 characters."));
        let e = ApiError::new(StatusCode::CONFLICT, "something_new", "A sentence.");
        assert_eq!(words.for_error(&e), "A sentence.");
        assert!(words.as_json().contains("\"rate_limited\""));
    }

    #[test]
    fn limits_in_the_words_are_the_deployments() {
        let mut settings = HttpSettings::for_tests();
        settings.max_upload_bytes = 50 * 1024 * 1024;
        settings.image_limits.min_side = 480;
        let words = Words::new(&settings);
        let big = words.for_error(&ApiError::for_status(StatusCode::PAYLOAD_TOO_LARGE));
        assert!(big.contains("under 50 MB"), "{big}");
        let small = words.for_error(&ApiError::unprocessable("image_too_small", "x"));
        assert!(small.contains("at least 480 pixels"), "{small}");
    }

    #[test]
    fn a_failed_photo_gets_one_sentence_of_advice() {
        for code in FailureCode::ALL {
            let words = photo_status(PhotoStatus::Failed, None, Some(code));
            assert_eq!(words.matches("Please").count(), 1, "{words}");
            assert!(!words.contains(".."), "{words}");
        }
    }
}
