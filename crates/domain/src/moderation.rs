//! Moderation decisions: one model for photos and slogan entries.

use crate::campaign::optional_text;
use std::str::FromStr;

/// Why a submission was rejected (shown to its supporter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RejectionReason {
    NoLogo,
    Inappropriate,
    Duplicate,
    PoorQuality,
    Privacy,
    Spam,
    Other,
}

impl RejectionReason {
    pub const ALL: [RejectionReason; 7] = [
        RejectionReason::NoLogo,
        RejectionReason::Inappropriate,
        RejectionReason::Duplicate,
        RejectionReason::PoorQuality,
        RejectionReason::Privacy,
        RejectionReason::Spam,
        RejectionReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RejectionReason::NoLogo => "no_logo",
            RejectionReason::Inappropriate => "inappropriate",
            RejectionReason::Duplicate => "duplicate",
            RejectionReason::PoorQuality => "poor_quality",
            RejectionReason::Privacy => "privacy",
            RejectionReason::Spam => "spam",
            RejectionReason::Other => "other",
        }
    }
}

impl FromStr for RejectionReason {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        RejectionReason::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or(())
    }
}

/// Where a submission is in moderation (the states a moderator sees and sets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewStatus {
    PendingReview,
    Approved,
    Rejected,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 3] = [
        ReviewStatus::PendingReview,
        ReviewStatus::Approved,
        ReviewStatus::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::PendingReview => "pending_review",
            ReviewStatus::Approved => "approved",
            ReviewStatus::Rejected => "rejected",
        }
    }

    pub fn is_decided(self) -> bool {
        self != ReviewStatus::PendingReview
    }
}

impl FromStr for ReviewStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown review status `{s}`"))
    }
}

/// A moderator's verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject {
        reason: RejectionReason,
        note: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecisionError {
    #[error("decision must be `approve` or `reject`")]
    UnknownDecision,
    #[error("a rejection needs a reason: no_logo, inappropriate, duplicate, poor_quality, privacy, spam or other")]
    InvalidReason,
    #[error("note: {0}")]
    InvalidNote(String),
}

impl Decision {
    pub const NOTE_MAX: usize = 1000;

    pub fn parse(
        decision: &str,
        reason: Option<&str>,
        note: Option<&str>,
    ) -> Result<Self, DecisionError> {
        let note = optional_text("note", note, Self::NOTE_MAX, true)
            .map_err(|e| DecisionError::InvalidNote(e.problem))?;
        match decision {
            "approve" => Ok(Decision::Approve),
            "reject" => {
                let reason = reason
                    .and_then(|r| r.parse().ok())
                    .ok_or(DecisionError::InvalidReason)?;
                Ok(Decision::Reject { reason, note })
            }
            _ => Err(DecisionError::UnknownDecision),
        }
    }

    /// `approve` or `reject`, as in URLs, bodies and the audit log.
    pub fn verb(&self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject { .. } => "reject",
        }
    }

    /// The status the decision leaves its submission in.
    pub fn outcome(&self) -> ReviewStatus {
        match self {
            Decision::Approve => ReviewStatus::Approved,
            Decision::Reject { .. } => ReviewStatus::Rejected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_parse() {
        assert_eq!(
            Decision::parse("approve", None, None),
            Ok(Decision::Approve)
        );
        assert_eq!(
            Decision::parse("reject", Some("no_logo"), Some(" blurry ")),
            Ok(Decision::Reject {
                reason: RejectionReason::NoLogo,
                note: Some("blurry".into())
            })
        );
        assert_eq!(
            Decision::parse("reject", None, None),
            Err(DecisionError::InvalidReason)
        );
        assert_eq!(
            Decision::parse("reject", Some("ugly"), None),
            Err(DecisionError::InvalidReason)
        );
        assert_eq!(
            Decision::parse("maybe", None, None),
            Err(DecisionError::UnknownDecision)
        );
        assert!(matches!(
            Decision::parse("approve", None, Some("a\0")),
            Err(DecisionError::InvalidNote(_))
        ));
        for r in RejectionReason::ALL {
            assert_eq!(r.as_str().parse(), Ok(r));
        }
    }
}
