//! `PLACARD_STORAGE_URL`: `file://PATH` or `s3://BUCKET[/PREFIX]`.

use std::path::PathBuf;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageUrl {
    File(PathBuf),
    S3 { bucket: String, prefix: String },
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StorageUrlError {
    #[error("unsupported scheme in `{0}`: expected file://PATH or s3://BUCKET[/PREFIX]")]
    UnsupportedScheme(String),
    #[error("`{0}` names no folder: expected file://PATH")]
    EmptyPath(String),
    #[error(
        "`{0}` names no valid bucket: expected s3://BUCKET[/PREFIX] (3–63 of a-z, 0-9, '.', '-')"
    )]
    InvalidBucket(String),
    #[error("`{0}` has an invalid prefix")]
    InvalidPrefix(String),
}

impl FromStr for StorageUrl {
    type Err = StorageUrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(path) = s.strip_prefix("file://") {
            if path.is_empty() {
                return Err(StorageUrlError::EmptyPath(s.to_owned()));
            }
            return Ok(StorageUrl::File(PathBuf::from(path)));
        }
        if let Some(rest) = s.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            let bucket_ok = (3..=63).contains(&bucket.len())
                && bucket
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
            if !bucket_ok {
                return Err(StorageUrlError::InvalidBucket(s.to_owned()));
            }
            let prefix = prefix.trim_end_matches('/');
            if !prefix.is_empty() && crate::ObjectKey::parse(prefix).is_err() {
                return Err(StorageUrlError::InvalidPrefix(s.to_owned()));
            }
            return Ok(StorageUrl::S3 {
                bucket: bucket.to_owned(),
                prefix: prefix.to_owned(),
            });
        }
        Err(StorageUrlError::UnsupportedScheme(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend() {
        assert_eq!(
            "file://./objects".parse(),
            Ok(StorageUrl::File("./objects".into()))
        );
        assert_eq!(
            "s3://placard".parse(),
            Ok(StorageUrl::S3 {
                bucket: "placard".into(),
                prefix: String::new()
            })
        );
        assert_eq!(
            "s3://placard/campaigns/2026/".parse(),
            Ok(StorageUrl::S3 {
                bucket: "placard".into(),
                prefix: "campaigns/2026".into()
            })
        );
        for bad in [
            "ftp://x",
            "s3://",
            "s3://UPPER",
            "s3://b",
            "file://",
            "objects",
        ] {
            assert!(bad.parse::<StorageUrl>().is_err(), "{bad}");
        }
    }
}
