//! Receiving a photo: streamed to a staging file on local disk while its bytes are counted
//! and hashed, so memory stays flat whatever the size and however many arrive at once.
//! Both the staging file and the stored original are removed by guards unless the upload
//! commits: a refused or failed upload leaves nothing behind.

use crate::application::AppError;
use actix_multipart::Field;
use futures_util::StreamExt;
use placard_blob::{ObjectKey, ObjectStore};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::io::AsyncWriteExt;

/// How long the next piece of an upload may take to arrive. A client that stops sending
/// holds a connection and a staging file for this long at most, then gets 408.
const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The next item of a request body's stream, or 408 `request_timeout` if it takes longer
/// than [`READ_TIMEOUT`].
pub async fn next_in_time<T>(next: impl std::future::Future<Output = T>) -> Result<T, AppError> {
    tokio::time::timeout(READ_TIMEOUT, next)
        .await
        .map_err(|_| AppError::RequestTimeout)
}

/// A staging file, deleted when dropped.
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
        let dir = other.parent().unwrap_or(Path::new("."));
        Self {
            path: dir.join(format!("{}.part", uuid::Uuid::new_v4().simple())),
            bytes: 0,
            sha256: String::new(),
        }
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

/// Copies an upload without its metadata (blocking: run it off the async threads).
pub fn strip_file(from: &Path, to: &Path) -> Result<placard_media::Stripped, AppError> {
    use std::os::unix::fs::OpenOptionsExt;
    let input = std::fs::File::open(from).map_err(AppError::internal)?;
    let mut output = std::io::BufWriter::new(
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(to)
            .map_err(AppError::internal)?,
    );
    let stripped = placard_media::strip(input, &mut output).map_err(|e| match e {
        placard_media::StripError::Malformed(why) => {
            AppError::Image(placard_media::InspectError::InvalidImage(why.to_owned()))
        }
        placard_media::StripError::Io(e) => AppError::internal(e),
    })?;
    use std::io::Write;
    output.flush().map_err(AppError::internal)?;
    Ok(stripped)
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        std::fs::remove_file(&self.path).ok();
    }
}

/// Streams a multipart file field to a new staging file, refusing it once it passes `max`.
pub async fn stage(mut field: Field, dir: &Path, max: u64) -> Result<StagedFile, AppError> {
    tokio::fs::create_dir_all(dir)
        .await
        .map_err(AppError::internal)?;
    let path = dir.join(format!("{}.part", uuid::Uuid::new_v4().simple()));
    let mut staged = StagedFile {
        path,
        bytes: 0,
        sha256: String::new(),
    };
    let mut file = create_private(&staged.path)
        .await
        .map_err(AppError::internal)?;
    let mut hasher = Sha256::new();
    while let Some(chunk) = next_in_time(field.next()).await? {
        let chunk =
            chunk.map_err(|e| AppError::InvalidField(format!("The upload broke off: {e}.")))?;
        staged.bytes += chunk.len() as u64;
        if staged.bytes > max {
            return Err(AppError::PayloadTooLarge { max_bytes: max });
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await.map_err(AppError::internal)?;
    }
    file.flush().await.map_err(AppError::internal)?;
    staged.sha256 = hex::encode(hasher.finalize());
    Ok(staged)
}

/// Reads a small text field, refusing one longer than `max` bytes.
pub async fn text(mut field: Field, name: &str, max: usize) -> Result<String, AppError> {
    let mut buf = Vec::new();
    while let Some(chunk) = next_in_time(field.next()).await? {
        let chunk = chunk.map_err(|e| AppError::InvalidField(format!("{name}: {e}")))?;
        if buf.len() + chunk.len() > max {
            return Err(AppError::InvalidField(format!("{name}: too long.")));
        }
        buf.extend_from_slice(&chunk);
    }
    String::from_utf8(buf).map_err(|_| AppError::InvalidField(format!("{name}: not valid UTF-8.")))
}

/// Deletes a stored object when dropped, unless disarmed after the commit that makes it
/// reachable (pict-rs's session pattern).
pub struct ObjectGuard {
    objects: Arc<dyn ObjectStore>,
    key: Option<ObjectKey>,
}

impl ObjectGuard {
    pub fn new(objects: Arc<dyn ObjectStore>, key: ObjectKey) -> Self {
        Self {
            objects,
            key: Some(key),
        }
    }

    pub fn disarm(mut self) {
        self.key = None;
    }
}

impl Drop for ObjectGuard {
    fn drop(&mut self) {
        if let Some(key) = self.key.take() {
            let objects = self.objects.clone();
            tokio::spawn(async move {
                if let Err(e) = objects.delete(&key).await {
                    tracing::error!(object.key = %key, error = %e, "removing an uncommitted upload failed");
                }
            });
        }
    }
}
