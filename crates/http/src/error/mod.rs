//! The one mapping from failures to HTTP responses: `{"error":{"code","message"}}` with a
//! stable snake_case code. 5xx bodies are generic; their cause rides in the response's
//! extensions ([`ErrorCause`]) and is logged once, by the request logger, whether a JSON
//! route or a page produced the response (crates.io's `ErrorField`).

mod mapping;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use std::fmt;
use utoipa::ToSchema;

#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    /// For 5xx: what went wrong, for the log only.
    cause: Option<String>,
    /// Seconds, for 429 and 503.
    retry_after: Option<u64>,
    /// For the pages: the form field the error is about, when the handler knows it.
    field: Option<&'static str>,
}

/// The error envelope every failure is rendered as.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable, snake_case: clients branch on it.
    pub code: String,
    /// A sentence for humans; may change.
    pub message: String,
}

/// Why a response is a 5xx, for the request log only: never sent to the client.
#[derive(Debug, Clone)]
pub struct ErrorCause(pub String);

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            cause: None,
            retry_after: None,
            field: None,
        }
    }

    pub fn rate_limited(retry_after: u64) -> Self {
        let mut e = Self::for_status(StatusCode::TOO_MANY_REQUESTS);
        e.retry_after = Some(retry_after.max(1));
        e
    }

    pub fn internal(cause: impl fmt::Display) -> Self {
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal_error",
            message: "Something went wrong on our side. Please try again later.".into(),
            cause: Some(cause.to_string()),
            retry_after: None,
            field: None,
        }
    }

    /// 503 `unavailable`: the database or object storage is down or too slow; the client
    /// may try again after `Retry-After` seconds. The cause is logged, never sent.
    pub fn dependency_down(cause: impl fmt::Display) -> Self {
        Self {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code: "unavailable",
            message: "The service is briefly unavailable. Please try again in a few seconds."
                .into(),
            cause: Some(cause.to_string()),
            retry_after: Some(5),
            field: None,
        }
    }

    pub fn unavailable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::SERVICE_UNAVAILABLE, "not_ready", message)
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} was not found."),
        )
    }

    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "A valid bearer token is required.",
        )
    }

    pub fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Your token does not allow this action.",
        )
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    /// The same error, about the form field `field` (for the pages, which show it there).
    pub fn placed(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    pub fn field(&self) -> Option<&'static str> {
        self.field
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Hands the cause of a 5xx to the request logger through `res`'s extensions: a page
    /// that renders an error itself calls this too, so no 500 goes unexplained in the log.
    pub fn attach_cause(&self, res: &mut HttpResponse) {
        if let Some(cause) = &self.cause {
            res.extensions_mut().insert(ErrorCause(cause.clone()));
        }
    }

    /// The envelope for a bare status (unknown route, wrong method, a limit hit before any
    /// handler ran), so that no response ever goes out without one.
    pub fn for_status(status: StatusCode) -> Self {
        let (code, message) = match status.as_u16() {
            400 => ("bad_request", "The request could not be understood."),
            401 => ("unauthenticated", "A valid bearer token is required."),
            403 => ("forbidden", "Your token does not allow this action."),
            404 => ("not_found", "There is nothing at this address."),
            405 => (
                "method_not_allowed",
                "This address does not accept that method.",
            ),
            406 => ("not_acceptable", "No acceptable representation."),
            408 => ("request_timeout", "The request took too long to arrive."),
            411 => ("length_required", "A Content-Length is required."),
            413 => ("payload_too_large", "The request body is too large."),
            414 => ("uri_too_long", "The address is too long."),
            415 => (
                "unsupported_media_type",
                "This content type is not accepted here.",
            ),
            429 => (
                "rate_limited",
                "Too many requests; please wait and try again.",
            ),
            431 => ("headers_too_large", "The request headers are too large."),
            s if s < 500 => ("bad_request", "The request could not be handled."),
            503 => ("not_ready", "The service is not ready."),
            _ => (
                "internal_error",
                "Something went wrong on our side. Please try again later.",
            ),
        };
        Self::new(status, code, message)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {}",
            self.status.as_u16(),
            self.code,
            self.message
        )
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut res = HttpResponse::build(self.status);
        if let Some(secs) = self.retry_after {
            res.insert_header((actix_web::http::header::RETRY_AFTER, secs.to_string()));
        }
        let mut res = res.json(ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message.clone(),
            },
        });
        self.attach_cause(&mut res);
        res
    }
}

impl From<actix_web::Error> for ApiError {
    /// Extractor failures arrive as actix errors; ours (from the configured error handlers)
    /// come back out unchanged, any other keeps its status.
    fn from(e: actix_web::Error) -> Self {
        match e.as_error::<ApiError>() {
            Some(api) => api.clone(),
            None => ApiError::for_status(e.as_response_error().status_code()),
        }
    }
}
