//! What a supporter reads about their photo or slogan: where it stands, why it was turned
//! down, why processing failed; in the page's language (the sentences are in
//! `locales/*.ftl`). The error codes' words are `Tr::error`.

use crate::l10n::Tr;
use placard_domain::{FailureCode, PhotoStatus, RejectionReason, ReviewStatus};

/// Why a moderator turned a submission down, as the end of "… because …".
fn rejection(t: &Tr<'_>, reason: Option<&str>) -> String {
    let id = match reason.and_then(|r| r.parse::<RejectionReason>().ok()) {
        Some(RejectionReason::NoLogo) => "because-no-logo",
        Some(RejectionReason::Inappropriate) => "because-inappropriate",
        Some(RejectionReason::Duplicate) => "because-duplicate",
        Some(RejectionReason::PoorQuality) => "because-poor-quality",
        Some(RejectionReason::Privacy) => "because-privacy",
        Some(RejectionReason::Spam) => "because-spam",
        Some(RejectionReason::Other) | None => "because-other",
    };
    t.get(id)
}

/// Why processing failed, as one whole sentence with its advice (said once).
fn failure(t: &Tr<'_>, code: FailureCode) -> String {
    t.get(match code {
        FailureCode::Unreadable => "failure-unreadable",
        FailureCode::EncodeFailed => "failure-encode-failed",
        FailureCode::TooSlow => "failure-too-slow",
    })
}

/// Where a supporter's photo stands, in words.
pub fn photo_status(
    t: &Tr<'_>,
    status: PhotoStatus,
    reason: Option<&str>,
    failure_code: Option<FailureCode>,
) -> String {
    match status {
        PhotoStatus::Received | PhotoStatus::Processing => t.get("photo-received"),
        PhotoStatus::PendingReview => t.get("photo-pending"),
        PhotoStatus::Approved => t.get("photo-approved"),
        PhotoStatus::Rejected => t.arg("photo-rejected", "reason", rejection(t, reason)),
        PhotoStatus::Failed => failure(t, failure_code.unwrap_or(FailureCode::Unreadable)),
    }
}

/// Where a supporter's slogan stands, in words.
pub fn entry_status(t: &Tr<'_>, status: ReviewStatus, reason: Option<&str>) -> String {
    match status {
        ReviewStatus::PendingReview => t.get("entry-pending"),
        ReviewStatus::Approved => t.get("entry-approved"),
        ReviewStatus::Rejected => t.arg("entry-rejected", "reason", rejection(t, reason)),
    }
}

/// A moderator's name for a rejection reason (the buttons and the bulk picker).
pub fn reason_label(t: &Tr<'_>, r: RejectionReason) -> String {
    t.of("reason", r.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::l10n::{Catalog, Locale};
    use crate::ApiError;
    use actix_web::http::StatusCode;

    #[test]
    fn codes_become_words() {
        let catalog = Catalog::new(20 * 1024 * 1024, 200);
        let t = catalog.tr(Locale::En);
        let e = ApiError::unprocessable("image_too_small", "Too small: 100x100.");
        assert!(t.error(&e).starts_with("This photo is too small"));
        let e = ApiError::bad_request("invalid_field", "caption: at most 280 characters.");
        assert!(t.error(&e).ends_with("caption: at most 280 characters."));
        let e = ApiError::new(StatusCode::CONFLICT, "something_new", "A sentence.");
        assert_eq!(t.error(&e), "A sentence.");
        assert!(t.errors_json().contains("\"rate_limited\""));
    }

    #[test]
    fn limits_in_the_words_are_the_deployments() {
        let catalog = Catalog::new(50 * 1024 * 1024, 480);
        for l in Locale::ALL {
            let t = catalog.tr(l);
            let big = t.error(&ApiError::for_status(StatusCode::PAYLOAD_TOO_LARGE));
            assert!(big.contains("50"), "{big}");
            let small = t.error(&ApiError::unprocessable("image_too_small", "x"));
            assert!(small.contains("480"), "{small}");
        }
    }

    #[test]
    fn a_failed_photo_gets_one_sentence_of_advice() {
        let catalog = Catalog::new(20 * 1024 * 1024, 200);
        let t = catalog.tr(Locale::En);
        for code in FailureCode::ALL {
            let words = photo_status(&t, PhotoStatus::Failed, None, Some(code));
            assert_eq!(words.matches("Please").count(), 1, "{words}");
            assert!(!words.contains(".."), "{words}");
        }
    }
}
