//! Moderation (moderators and admins): the photo queue, claims, decisions one by one or in
//! bulk, reopening, the slogan entries' queue, and the audit log. The decisions themselves
//! are `application::moderation`'s, shared by photos and entries.

mod audit;
mod entries;
mod photos;
mod queue;
mod takedown;

pub use audit::*;
pub use entries::*;
pub use photos::*;
pub use queue::*;
pub use takedown::*;

use crate::application::moderation::parse_decision;
use crate::ApiError;
use placard_domain::Decision;
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    /// `approve` or `reject`.
    pub decision: String,
    /// Required to reject: `no_logo`, `inappropriate`, `duplicate`, `poor_quality`, `privacy`, `spam`, `other`.
    pub reason: Option<String>,
    pub note: Option<String>,
}

impl DecisionBody {
    fn decision(&self) -> Result<Decision, ApiError> {
        Ok(parse_decision(
            &self.decision,
            self.reason.as_deref(),
            self.note.as_deref(),
        )?)
    }
}
