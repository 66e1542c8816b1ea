//! Reading a multipart form the way every form of Placard's is read: each named field at
//! most once; a field the form does not have refused before its content is read (junk
//! costs the sender, not us); text fields bounded; the one file field streamed to a staging
//! file, owner-readable only, counted and hashed as it arrives and refused once it passes its
//! limit; every piece of the body within a read timeout. With the per-field limits and the
//! fixed set of fields, that bounds the whole body whatever its transfer encoding.
//!
//! A crate of its own, with nothing of the HTTP layer but `actix-multipart`, so that the
//! fuzz target (`fuzz/fuzz_targets/form.rs`) can drive it without building the rest.

use actix_multipart::{Field, Multipart};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

/// How long the next piece of a request body may take to arrive. A client that stops
/// sending holds a connection and a staging file for this long at most.
pub const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum FormError {
    /// A piece of the body did not arrive within [`READ_TIMEOUT`].
    #[error("the request body stopped arriving")]
    Timeout,
    /// The file passed its limit.
    #[error("the file is larger than {max} bytes")]
    FileTooLarge { max: u64 },
    /// The form is malformed, has a field it should not, or a field twice: the sentence
    /// says which, for the person who sent it.
    #[error("{0}")]
    Invalid(String),
    /// The staging file could not be written: ours, not the sender's.
    #[error("staging the upload failed: {0}")]
    Io(#[from] std::io::Error),
}

/// What a form may hold.
#[derive(Debug, Clone, Copy)]
pub struct FormSpec<'a> {
    /// The file field's name.
    pub file: &'a str,
    /// The text fields' names.
    pub texts: &'a [&'a str],
    /// The file's largest size, in bytes.
    pub max_file: u64,
    /// Each text field's largest size, in bytes.
    pub max_text: usize,
    /// Where the file is staged.
    pub dir: &'a Path,
}

/// A form as read: the file, if one was sent, and the text fields that were.
#[derive(Debug)]
pub struct Form {
    pub file: Option<StagedFile>,
    texts: Vec<(String, String)>,
}

impl Form {
    /// A text field's value, if it was sent.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads the whole form under `spec`'s rules.
pub async fn read(payload: &mut Multipart, spec: &FormSpec<'_>) -> Result<Form, FormError> {
    let mut form = Form {
        file: None,
        texts: Vec::new(),
    };
    while let Some(field) = next_in_time(payload.next()).await? {
        let field =
            field.map_err(|e| FormError::Invalid(format!("The form could not be read: {e}.")))?;
        let name = field.name().unwrap_or_default().to_owned();
        if name == spec.file {
            if form.file.is_some() {
                return Err(FormError::Invalid(format!(
                    "{name}: send exactly one file."
                )));
            }
            form.file = Some(stage(field, spec.dir, spec.max_file).await?);
        } else if spec.texts.contains(&name.as_str()) {
            if form.text(&name).is_some() {
                return Err(FormError::Invalid(format!("{name}: send it once.")));
            }
            let value = text(field, &name, spec.max_text).await?;
            form.texts.push((name, value));
        } else {
            return Err(FormError::Invalid(format!(
                "`{}` is not a field of this form ({}, {}).",
                name.chars().take(40).collect::<String>(),
                spec.file,
                spec.texts.join(", ")
            )));
        }
    }
    Ok(form)
}

/// The next item of a request body's stream, or [`FormError::Timeout`] if it takes longer
/// than [`READ_TIMEOUT`].
pub async fn next_in_time<T>(next: impl std::future::Future<Output = T>) -> Result<T, FormError> {
    tokio::time::timeout(READ_TIMEOUT, next)
        .await
        .map_err(|_| FormError::Timeout)
}

/// A staging file, deleted when dropped.
#[derive(Debug)]
pub struct StagedFile {
    path: PathBuf,
    pub bytes: u64,
    pub sha256: String,
}

impl StagedFile {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A new, not yet created staging file in the same folder (removed when dropped).
    pub fn beside(other: &Path) -> Self {
        Self::in_dir(other.parent().unwrap_or(Path::new(".")))
    }

    fn in_dir(dir: &Path) -> Self {
        Self {
            path: dir.join(format!("{}.part", uuid::Uuid::new_v4().simple())),
            bytes: 0,
            sha256: String::new(),
        }
    }
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        std::fs::remove_file(&self.path).ok();
    }
}

/// Creates a staging file readable by its owner only: it holds a supporter's photo.
async fn create_private(path: &Path) -> std::io::Result<tokio::fs::File> {
    tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .await
}

/// Streams a multipart file field to a new staging file, refusing it once it passes `max`.
pub async fn stage(mut field: Field, dir: &Path, max: u64) -> Result<StagedFile, FormError> {
    tokio::fs::create_dir_all(dir).await?;
    let mut staged = StagedFile::in_dir(dir);
    let mut file = create_private(&staged.path).await?;
    let mut hasher = Sha256::new();
    while let Some(chunk) = next_in_time(field.next()).await? {
        let chunk = chunk.map_err(|e| FormError::Invalid(format!("The upload broke off: {e}.")))?;
        staged.bytes += chunk.len() as u64;
        if staged.bytes > max {
            return Err(FormError::FileTooLarge { max });
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await?;
    }
    file.flush().await?;
    staged.sha256 = hex::encode(hasher.finalize());
    Ok(staged)
}

/// Reads a small text field, refusing one longer than `max` bytes or not UTF-8.
pub async fn text(mut field: Field, name: &str, max: usize) -> Result<String, FormError> {
    let mut buf = Vec::new();
    while let Some(chunk) = next_in_time(field.next()).await? {
        let chunk = chunk.map_err(|e| FormError::Invalid(format!("{name}: {e}")))?;
        if buf.len() + chunk.len() > max {
            return Err(FormError::Invalid(format!("{name}: too long.")));
        }
        buf.extend_from_slice(&chunk);
    }
    String::from_utf8(buf).map_err(|_| FormError::Invalid(format!("{name}: not valid UTF-8.")))
}
