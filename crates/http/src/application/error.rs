//! Why a use case refused or failed, in the application's own terms. `crate::error` maps
//! each to a status and a stable code, once; the use cases know nothing of HTTP.

use placard_media::InspectError;
use placard_storage::StoreError;

/// The kind of submission a moderation error is about (for its message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Photo,
    Entry,
}

impl Item {
    pub fn noun(self) -> &'static str {
        match self {
            Item::Photo => "photo",
            Item::Entry => "entry",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// What was looked for ("The campaign"), for the message.
    #[error("{0} was not found")]
    NotFound(&'static str),
    #[error("a valid token is required")]
    Unauthenticated,
    /// A valid token without the right: another campaign than the moderator's.
    #[error("this account may not act on that campaign")]
    OutOfScope,
    #[error("consent is required")]
    ConsentRequired,
    /// Which field and what is wrong with it, as a sentence.
    #[error("{0}")]
    InvalidField(String),
    #[error("the request body stopped arriving")]
    RequestTimeout,
    #[error("the upload is larger than {max_bytes} bytes")]
    PayloadTooLarge { max_bytes: u64 },
    /// The file's type or header was refused before decoding.
    #[error(transparent)]
    Image(#[from] InspectError),
    #[error("the campaign is not taking photos")]
    SubmissionsClosed,
    #[error("the contest is not taking entries")]
    EntriesClosed,
    #[error("{0}")]
    InvalidSlogan(String),
    #[error("the slogan has been entered already")]
    DuplicateEntry,
    /// A slug (or another unique name) that is taken.
    #[error("{0} exists already")]
    Taken(&'static str),
    #[error("{0}")]
    InvalidReason(String),
    #[error("another moderator holds the {}", .0.noun())]
    ClaimedByOther(Item),
    #[error("the {} has been decided", .0.noun())]
    AlreadyDecided(Item),
    #[error("the {} is not ready for review", .0.noun())]
    NotReady(Item),
    #[error("the {} is not decided", .0.noun())]
    NotDecided(Item),
    #[error("judging is closed")]
    JudgingClosed,
    /// A page's form without its session's CSRF token.
    #[error("the form's CSRF token is missing or wrong")]
    CsrfFailed,
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Blob(#[from] placard_blob::BlobError),
    /// Something that should not happen (a task that panicked): a 500, cause logged.
    #[error("{0}")]
    Internal(String),
}

impl AppError {
    /// A unique-constraint violation as `conflict`, any other store failure as itself: the
    /// one place a database conflict becomes an application answer.
    pub fn on_unique(e: StoreError, conflict: AppError) -> AppError {
        match e {
            StoreError::Conflict(_) => conflict,
            other => AppError::Store(other),
        }
    }

    /// A store lookup that found nothing, as `NotFound(what)`.
    pub fn on_missing(e: StoreError, what: &'static str) -> AppError {
        match e {
            StoreError::NotFound => AppError::NotFound(what),
            other => AppError::Store(other),
        }
    }

    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        AppError::Internal(cause.to_string())
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound("The resource"),
            other => AppError::Store(other),
        }
    }
}
