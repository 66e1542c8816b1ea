//! The one table from application errors to HTTP: every status and code.

use super::ApiError;
use crate::application::AppError;
use actix_web::http::StatusCode;
use placard_media::InspectError;
use placard_storage::StoreError;

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::from(&AppError::from(e))
    }
}

impl From<placard_blob::BlobError> for ApiError {
    fn from(e: placard_blob::BlobError) -> Self {
        ApiError::from(&AppError::from(e))
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError::from(&e)
    }
}

/// Every application error as HTTP: the one table of statuses and codes.
impl From<&AppError> for ApiError {
    fn from(e: &AppError) -> Self {
        let sentence = || format!("{}.", upper_first(&e.to_string()));
        match e {
            AppError::NotFound(what) => ApiError::not_found(what),
            AppError::Unauthenticated => ApiError::unauthenticated(),
            AppError::OutOfScope => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "This account moderates other campaigns only.",
            ),
            AppError::ConsentRequired => ApiError::bad_request(
                "consent_required",
                "Consent is required: send consent=true.",
            ),
            AppError::InvalidField(why) => ApiError::bad_request("invalid_field", why.clone()),
            AppError::RequestTimeout => ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                "The upload stopped arriving. Please send it again.",
            ),
            AppError::PayloadTooLarge { max_bytes } => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!(
                    "The photo is larger than the limit of {} MiB.",
                    max_bytes / (1024 * 1024)
                ),
            ),
            AppError::Image(InspectError::UnsupportedType) => ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Only JPEG, PNG and WebP photos are accepted.",
            ),
            AppError::Image(
                InspectError::InvalidImage(_)
                | InspectError::Truncated
                | InspectError::TooManyScans { .. },
            ) => ApiError::unprocessable("invalid_image", sentence()),
            AppError::Image(InspectError::TooLarge { .. }) => {
                ApiError::unprocessable("image_too_large", sentence())
            }
            AppError::Image(InspectError::TooSmall { .. }) => {
                ApiError::unprocessable("image_too_small", sentence())
            }
            AppError::SubmissionsClosed => ApiError::conflict(
                "submissions_closed",
                "This campaign is not taking photos at the moment.",
            ),
            AppError::EntriesClosed => {
                ApiError::conflict("entries_closed", "This contest is not taking entries.")
            }
            AppError::InvalidSlogan(why) => ApiError::unprocessable("invalid_slogan", why.clone()),
            AppError::DuplicateEntry => {
                ApiError::conflict("duplicate_entry", "This slogan has been entered already.")
            }
            AppError::Taken(what) => {
                ApiError::conflict("conflict", format!("{what} exists already."))
            }
            AppError::InvalidReason(why) => ApiError::unprocessable("invalid_reason", why.clone()),
            AppError::ClaimedByOther(item) => ApiError::conflict(
                "claimed_by_other",
                format!("Another moderator is reviewing this {}.", item.noun()),
            ),
            AppError::AlreadyDecided(item) => ApiError::conflict(
                "already_decided",
                format!("This {} has been decided; reopen it first.", item.noun()),
            ),
            AppError::NotReady(item) => ApiError::conflict(
                "not_ready",
                format!("This {} is not ready for review yet.", item.noun()),
            ),
            AppError::NotDecided(item) => ApiError::conflict(
                "not_decided",
                format!("Only a decided {} can be reopened.", item.noun()),
            ),
            AppError::JudgingClosed => {
                ApiError::conflict("judging_closed", "Judging closed at the announcement time.")
            }
            AppError::CsrfFailed => crate::session::csrf_failed(),
            AppError::Store(StoreError::NotFound) => ApiError::not_found("The resource"),
            AppError::Store(StoreError::Conflict(_)) => {
                ApiError::conflict("conflict", "That already exists.")
            }
            AppError::Store(StoreError::InvalidState(why)) => {
                ApiError::conflict("invalid_state", *why)
            }
            AppError::Blob(placard_blob::BlobError::NotFound) => ApiError::not_found("The object"),
            AppError::Store(StoreError::Unavailable(_))
            | AppError::Blob(placard_blob::BlobError::Unavailable(_)) => {
                ApiError::dependency_down(e)
            }
            AppError::Store(_) | AppError::Blob(_) | AppError::Internal(_) => ApiError::internal(e),
        }
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::Item;
    use crate::error::ErrorCause;
    use actix_web::ResponseError;

    #[test]
    fn every_application_error_has_its_status_and_code() {
        let cases: Vec<(AppError, u16, &str)> = vec![
            (AppError::NotFound("The photo"), 404, "not_found"),
            (AppError::Unauthenticated, 401, "unauthenticated"),
            (AppError::OutOfScope, 403, "forbidden"),
            (AppError::RequestTimeout, 408, "request_timeout"),
            (AppError::ConsentRequired, 400, "consent_required"),
            (
                AppError::InvalidField("caption: too long.".into()),
                400,
                "invalid_field",
            ),
            (
                AppError::PayloadTooLarge { max_bytes: 1 << 20 },
                413,
                "payload_too_large",
            ),
            (
                AppError::Image(InspectError::UnsupportedType),
                415,
                "unsupported_media_type",
            ),
            (
                AppError::Image(InspectError::Truncated),
                422,
                "invalid_image",
            ),
            (AppError::SubmissionsClosed, 409, "submissions_closed"),
            (AppError::EntriesClosed, 409, "entries_closed"),
            (
                AppError::InvalidSlogan("too short".into()),
                422,
                "invalid_slogan",
            ),
            (AppError::DuplicateEntry, 409, "duplicate_entry"),
            (
                AppError::Taken("A campaign with this slug"),
                409,
                "conflict",
            ),
            (
                AppError::InvalidReason("no such reason".into()),
                422,
                "invalid_reason",
            ),
            (
                AppError::ClaimedByOther(Item::Entry),
                409,
                "claimed_by_other",
            ),
            (
                AppError::AlreadyDecided(Item::Photo),
                409,
                "already_decided",
            ),
            (AppError::NotReady(Item::Photo), 409, "not_ready"),
            (AppError::NotDecided(Item::Entry), 409, "not_decided"),
            (AppError::JudgingClosed, 409, "judging_closed"),
            (AppError::Store(StoreError::NotFound), 404, "not_found"),
            (
                AppError::Store(StoreError::Conflict("x".into())),
                409,
                "conflict",
            ),
            (
                AppError::Store(StoreError::Unavailable("connection reset".into())),
                503,
                "unavailable",
            ),
            (
                AppError::Blob(placard_blob::BlobError::Unavailable("timed out".into())),
                503,
                "unavailable",
            ),
            (
                AppError::Blob(placard_blob::BlobError::S3("AccessDenied".into())),
                500,
                "internal_error",
            ),
            (
                AppError::Internal("a task panicked".into()),
                500,
                "internal_error",
            ),
        ];
        for (e, status, code) in cases {
            let api = ApiError::from(&e);
            assert_eq!((api.status().as_u16(), api.code()), (status, code), "{e:?}");
        }
        let entry = ApiError::from(AppError::ClaimedByOther(Item::Entry));
        assert!(entry.message().contains("entry"), "{}", entry.message());
    }

    #[test]
    fn a_unique_violation_is_the_callers_conflict_and_nothing_else_is() {
        let taken = AppError::on_unique(
            StoreError::Conflict("slug".into()),
            AppError::DuplicateEntry,
        );
        assert!(matches!(taken, AppError::DuplicateEntry));
        let other = AppError::on_unique(StoreError::NotFound, AppError::DuplicateEntry);
        assert!(matches!(other, AppError::Store(StoreError::NotFound)));
    }

    #[test]
    fn a_5xx_keeps_its_cause_for_the_log_and_out_of_the_body() {
        let res =
            ApiError::from(AppError::Internal("disk on fire at /srv/x".into())).error_response();
        let cause = res.extensions().get::<ErrorCause>().cloned();
        assert_eq!(
            cause.map(|c| c.0).as_deref(),
            Some("disk on fire at /srv/x")
        );
        let body = actix_web::body::to_bytes(res.into_body());
        let body = futures_util::FutureExt::now_or_never(body)
            .expect("a ready body")
            .unwrap_or_default();
        let text = String::from_utf8_lossy(&body);
        assert!(
            text.contains("internal_error") && !text.contains("disk"),
            "{text}"
        );
        let fine = ApiError::from(AppError::DuplicateEntry).error_response();
        assert!(fine.extensions().get::<ErrorCause>().is_none());
    }
}
