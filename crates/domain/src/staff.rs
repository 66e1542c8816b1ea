//! Staff account names.

use crate::text::has_control_chars;
use std::fmt;

/// A staff member's display name, as recorded in the audit log: 1–60 characters after
/// trimming, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffName(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StaffNameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name is longer than 60 characters")]
    TooLong,
    #[error("the name contains control characters")]
    ControlChars,
}

impl StaffName {
    pub const MAX_CHARS: usize = 60;

    pub fn parse(raw: &str) -> Result<Self, StaffNameError> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(StaffNameError::Empty);
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(StaffNameError::TooLong);
        }
        if has_control_chars(name, false) {
            return Err(StaffNameError::ControlChars);
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StaffName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(StaffName::parse("  ana ").map(|n| n.0), Ok("ana".into()));
        assert_eq!(StaffName::parse("   "), Err(StaffNameError::Empty));
        assert_eq!(
            StaffName::parse(&"x".repeat(61)),
            Err(StaffNameError::TooLong)
        );
        assert_eq!(StaffName::parse("a\0b"), Err(StaffNameError::ControlChars));
        assert!(StaffName::parse(&"é".repeat(60)).is_ok());
    }
}
