//! Object keys: checked once, so neither backend can be steered outside its space.

use std::fmt;

/// A relative, slash-separated key of safe characters: no empty, `.` or `..` segment, no
/// leading slash, at most 512 bytes. The same key means the same object on every backend.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectKey(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid object key `{0}`")]
pub struct InvalidKey(pub String);

impl ObjectKey {
    pub const MAX_LEN: usize = 512;

    pub fn parse(key: &str) -> Result<Self, InvalidKey> {
        let ok_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-');
        let ok = !key.is_empty()
            && key.len() <= Self::MAX_LEN
            && key.chars().all(ok_char)
            && key
                .split('/')
                .all(|seg| !seg.is_empty() && seg != "." && seg != "..");
        if ok {
            Ok(Self(key.to_owned()))
        } else {
            Err(InvalidKey(key.chars().take(80).collect()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ObjectKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stay_inside_their_space() {
        for good in ["a", "photos/0190-ab/small.jpg", "x_y-z.1/2"] {
            assert!(ObjectKey::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "", "/abs", "a//b", "a/../b", "..", "./a", "a/", "sp ace", "ü", "a\\b", "a\0",
        ] {
            assert!(ObjectKey::parse(bad).is_err(), "{bad:?}");
        }
        assert!(ObjectKey::parse(&"a".repeat(513)).is_err());
    }
}
