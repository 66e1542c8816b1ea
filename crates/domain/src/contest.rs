//! Slogan contests: their timeline and states.

use crate::campaign::{field_error, optional_text, FieldError, Slug};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContest {
    pub slug: Slug,
    pub title: String,
    pub description: Option<String>,
    pub opens_at: Option<DateTime<Utc>>,
    pub entries_close_at: DateTime<Utc>,
    pub announce_at: DateTime<Utc>,
    pub shortlist_size: u32,
    pub judging_mode: JudgingMode,
    /// Judgements each entry should have before the announcement: scores (scores mode) or
    /// comparisons it took part in (pairwise); the judges' report flags entries below it.
    pub min_judgements: u32,
}

/// How judges judge a contest: a 1–10 score per entry, or which of two slogans is better.
/// Fixed once judging has begun, since the two kinds of judgement do not mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum JudgingMode {
    #[default]
    Scores,
    Pairwise,
}

impl JudgingMode {
    pub fn as_str(self) -> &'static str {
        match self {
            JudgingMode::Scores => "scores",
            JudgingMode::Pairwise => "pairwise",
        }
    }
}

impl std::str::FromStr for JudgingMode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "scores" => Ok(JudgingMode::Scores),
            "pairwise" => Ok(JudgingMode::Pairwise),
            other => Err(format!("unknown judging mode {other:?}")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContestError {
    #[error(transparent)]
    Field(#[from] FieldError),
    #[error("the timeline is out of order: opens_at ≤ entries_close_at ≤ announce_at")]
    InvalidTimeline,
}

impl NewContest {
    pub const DEFAULT_SHORTLIST: u32 = 10;
    pub const DEFAULT_MIN_JUDGEMENTS: u32 = 3;

    /// The contest judged in `mode` (default: scores) with `min_judgements` (default 3,
    /// 1–100), each `None` keeping what the contest has.
    pub fn with_judging(
        mut self,
        mode: Option<&str>,
        min_judgements: Option<u32>,
    ) -> Result<Self, ContestError> {
        if let Some(mode) = mode {
            self.judging_mode = mode
                .parse()
                .map_err(|_| field_error("judging_mode", "\"scores\" or \"pairwise\""))?;
        }
        if let Some(min) = min_judgements {
            if !(1..=100).contains(&min) {
                return Err(field_error("min_judgements", "between 1 and 100").into());
            }
            self.min_judgements = min;
        }
        Ok(self)
    }

    pub fn parse(
        slug: &str,
        title: &str,
        description: Option<&str>,
        opens_at: Option<DateTime<Utc>>,
        entries_close_at: DateTime<Utc>,
        announce_at: DateTime<Utc>,
        shortlist_size: Option<u32>,
    ) -> Result<Self, ContestError> {
        let slug = Slug::parse(slug).ok_or_else(|| {
            field_error(
                "slug",
                "2–64 characters of a-z, 0-9 and single inner hyphens",
            )
        })?;
        let title = optional_text("title", Some(title), 120, false)?
            .ok_or_else(|| field_error("title", "is required"))?;
        let description = optional_text("description", description, 4000, true)?;
        let shortlist_size = shortlist_size.unwrap_or(Self::DEFAULT_SHORTLIST);
        if !(1..=100).contains(&shortlist_size) {
            return Err(field_error("shortlist_size", "between 1 and 100").into());
        }
        if announce_at < entries_close_at || opens_at.is_some_and(|o| o >= entries_close_at) {
            return Err(ContestError::InvalidTimeline);
        }
        Ok(Self {
            slug,
            title,
            description,
            opens_at,
            entries_close_at,
            announce_at,
            shortlist_size,
            judging_mode: JudgingMode::default(),
            min_judgements: Self::DEFAULT_MIN_JUDGEMENTS,
        })
    }
}

/// Where a contest stands at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContestState {
    Upcoming,
    /// Taking entries.
    Open,
    /// Entries closed; judges at work.
    Judging,
    /// `announce_at` passed; results frozen (or about to be, within a scheduler tick).
    Announced,
}

impl ContestState {
    pub fn at(
        now: DateTime<Utc>,
        opens_at: Option<DateTime<Utc>>,
        entries_close_at: DateTime<Utc>,
        announce_at: DateTime<Utc>,
        announced: bool,
    ) -> Self {
        if announced || now >= announce_at {
            ContestState::Announced
        } else if now >= entries_close_at {
            ContestState::Judging
        } else if opens_at.is_some_and(|o| now < o) {
            ContestState::Upcoming
        } else {
            ContestState::Open
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ContestState::Upcoming => "upcoming",
            ContestState::Open => "open",
            ContestState::Judging => "judging",
            ContestState::Announced => "announced",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn judging_mode_and_minimum_are_checked() {
        let t = Utc::now();
        let c = NewContest::parse("kk", "K", None, None, t, t, None).expect("ok");
        assert_eq!((c.judging_mode, c.min_judgements), (JudgingMode::Scores, 3));
        let p = c
            .clone()
            .with_judging(Some("pairwise"), Some(5))
            .expect("ok");
        assert_eq!(
            (p.judging_mode, p.min_judgements),
            (JudgingMode::Pairwise, 5)
        );
        assert!(c.clone().with_judging(Some("coin"), None).is_err());
        assert!(c.clone().with_judging(None, Some(0)).is_err());
        assert!(c.with_judging(None, Some(101)).is_err());
    }

    #[test]
    fn timelines_must_be_in_order() {
        let t = Utc::now();
        let ok = NewContest::parse("k", "K", None, None, t, t + TimeDelta::days(1), None);
        assert!(matches!(ok, Err(ContestError::Field(_))), "slug too short");
        let ok = NewContest::parse(
            "kk",
            "K",
            None,
            Some(t),
            t + TimeDelta::days(1),
            t + TimeDelta::days(2),
            None,
        )
        .expect("ok");
        assert_eq!(ok.shortlist_size, 10);
        assert_eq!(
            NewContest::parse("kk", "K", None, None, t, t - TimeDelta::seconds(1), None),
            Err(ContestError::InvalidTimeline)
        );
        assert_eq!(
            NewContest::parse("kk", "K", None, Some(t), t, t, None),
            Err(ContestError::InvalidTimeline)
        );
        assert!(matches!(
            NewContest::parse("kk", "K", None, None, t, t, Some(0)),
            Err(ContestError::Field(_))
        ));
    }

    #[test]
    fn states_follow_the_timeline() {
        let t = Utc::now();
        let (close, announce) = (t + TimeDelta::hours(1), t + TimeDelta::hours(2));
        assert_eq!(
            ContestState::at(t, None, close, announce, false),
            ContestState::Open
        );
        assert_eq!(
            ContestState::at(close, None, close, announce, false),
            ContestState::Judging
        );
        assert_eq!(
            ContestState::at(announce, None, close, announce, false),
            ContestState::Announced
        );
        assert_eq!(
            ContestState::at(t, Some(t + TimeDelta::seconds(1)), close, announce, false),
            ContestState::Upcoming
        );
    }
}
