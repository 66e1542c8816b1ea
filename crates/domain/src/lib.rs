//! Placard's domain: the rules that hold whatever the storage, transport or deployment.
//!
//! Nothing here performs IO, so every rule can be unit-tested in isolation and shared by
//! the HTTP layer, the worker and the storage backends.
#![forbid(unsafe_code)]

pub mod agreement;
pub mod blur;
pub mod campaign;
pub mod care;
pub mod contest;
pub mod country;
pub mod jobs;
pub mod moderation;
pub mod object_key;
pub mod pairwise;
pub mod photo;
pub mod ranking;
pub mod results;
pub mod role;
pub mod settings;
pub mod slogan;
pub mod staff;
pub mod text;
pub mod token;
pub mod webhook;

pub use blur::{BlurError, BlurRect, BlurRegions, MAX_BLUR_REGIONS};
pub use campaign::{
    CampaignState, FieldError, NewCampaign, Retention, Slug, STANDARD_ENTRY_CONSENT,
    STANDARD_PHOTO_CONSENT,
};
pub use care::ModeratorCare;
pub use contest::{ContestError, ContestState, JudgingMode, NewContest};
pub use country::Country;
pub use jobs::{BackgroundJob, BuildMosaic, JobState, ProcessPhoto, RetryPolicy, SweepStorage};
pub use moderation::{Decision, DecisionError, RejectionReason, ReviewStatus};
pub use object_key::{InvalidKey, ObjectKey, PhotoKeys};
pub use photo::{DerivativeSize, FailureCode, FlagKind, PhotoForm, PhotoFormError, PhotoStatus};
pub use role::Role;
pub use slogan::{Slogan, SloganError};
pub use staff::StaffName;
pub use token::{SecretToken, TokenHash};
pub use webhook::DeliverWebhook;
