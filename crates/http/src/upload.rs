//! Receiving a photo: streamed to a staging file on local disk while its bytes are counted
//! and hashed (`placard_forms`), so memory stays flat whatever the size and however many
//! arrive at once. Both the staging file and the stored original are removed by guards
//! unless the upload commits: a refused or failed upload leaves nothing behind.

use crate::application::AppError;
use placard_blob::{ObjectKey, ObjectStore};
use std::path::Path;
use std::sync::Arc;

pub use placard_forms::{next_in_time, stage, text, StagedFile};

impl From<placard_forms::FormError> for AppError {
    fn from(e: placard_forms::FormError) -> Self {
        use placard_forms::FormError;
        match e {
            FormError::Timeout => AppError::RequestTimeout,
            FormError::FileTooLarge { max } => AppError::PayloadTooLarge { max_bytes: max },
            FormError::Invalid(why) => AppError::InvalidField(why),
            FormError::Io(e) => AppError::internal(e),
        }
    }
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
