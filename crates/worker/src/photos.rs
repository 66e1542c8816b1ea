//! The `photo.process` job: original in, metadata-free thumbnails and hashes out.

use crate::{JobError, JobHandler};
use placard_blob::ObjectStore;
use placard_domain::{DerivativeSize, FailureCode, FlagKind, PhotoKeys, ProcessPhoto};
use placard_media::{hamming_distance, Limits, ProcessError};
use placard_storage::photos::{NearDuplicates, PhotoFlag, ProcessedPhoto, StoredDerivative};
use placard_storage::{Clock, Store, StoreError};
use std::sync::Arc;

/// Runs [`ProcessPhoto`] jobs.
pub struct PhotoProcessor {
    pub store: Store,
    pub objects: Arc<dyn ObjectStore>,
    pub limits: Limits,
    /// Perceptual-hash distance (bits of 64) at or under which two photos are flagged as
    /// near duplicates.
    pub near_duplicate_distance: u32,
    pub clock: Clock,
}

fn transient(e: impl std::fmt::Display) -> JobError {
    JobError::Transient(e.to_string())
}

/// Why a photo cannot be used, as the code stored for it (pages word it for the supporter).
fn failure_code(e: &ProcessError) -> FailureCode {
    match e {
        ProcessError::Encode(_) => FailureCode::EncodeFailed,
        _ => FailureCode::Unreadable,
    }
}

#[async_trait::async_trait]
impl JobHandler<ProcessPhoto> for PhotoProcessor {
    async fn run(&self, job: ProcessPhoto) -> Result<(), JobError> {
        let id = job.photo_id;
        // Nothing to do if it was erased, or an earlier run already finished it.
        let Some(photo) = self.store.start_processing(id).await.map_err(transient)? else {
            return Ok(());
        };
        let key = &photo.original_key;
        let original = match self.objects.get(key).await {
            Ok(o) => o.into_bytes().await.map_err(transient)?,
            // Erased while we started: the row goes with it, so nothing is left to do.
            Err(placard_blob::BlobError::NotFound) => match self.store.photo(id).await {
                Err(StoreError::NotFound) => return Ok(()),
                _ => return Err(JobError::Permanent(format!("original {key} is missing"))),
            },
            Err(e) => return Err(transient(e)),
        };
        let limits = self.limits;
        let outcome =
            tokio::task::spawn_blocking(move || placard_media::process(&original, &limits))
                .await
                .map_err(transient)?;
        let done = match outcome {
            Ok(done) => done,
            Err(e) => {
                tracing::warn!(photo.id = %id, error = %e, "photo cannot be processed");
                self.store
                    .fail_processing(id, failure_code(&e), self.clock.now())
                    .await
                    .map_err(transient)?;
                return Ok(());
            }
        };

        let keys = PhotoKeys::of(id);
        let small = StoredDerivative {
            key: keys.derivative(DerivativeSize::Small),
            width: done.small.width,
            height: done.small.height,
        };
        let large = StoredDerivative {
            key: keys.derivative(DerivativeSize::Large),
            width: done.large.width,
            height: done.large.height,
        };
        let written = [small.key.clone(), large.key.clone()];
        self.objects
            .put_bytes(&small.key, done.small.jpeg.into(), "image/jpeg")
            .await
            .map_err(transient)?;
        self.objects
            .put_bytes(&large.key, done.large.jpeg.into(), "image/jpeg")
            .await
            .map_err(transient)?;

        // Exact duplicates are known from the upload's digest; near duplicates are settled
        // inside the transaction, against the photos finished before this one.
        let exact = self
            .store
            .earlier_exact_duplicate(&photo)
            .await
            .map_err(transient)?;
        let exact: Vec<PhotoFlag> = exact
            .map(|of| PhotoFlag {
                kind: FlagKind::Duplicate,
                of,
                distance: None,
            })
            .into_iter()
            .collect();
        let near = NearDuplicates {
            max_distance: self.near_duplicate_distance,
            distance: hamming_distance,
        };
        let recorded = self
            .store
            .finish_processing(
                id,
                &ProcessedPhoto {
                    small,
                    large,
                    blurhash: done.blurhash,
                    phash: done.phash,
                },
                &exact,
                Some(near),
                self.clock.now(),
            )
            .await
            .map_err(transient)?;
        let Some(flags) = recorded else {
            // Erased while we worked: remove what we just wrote.
            for key in &written {
                self.objects.delete(key).await.map_err(transient)?;
            }
            return Ok(());
        };
        tracing::info!(photo.id = %id, photo.flags = flags.len(), "photo processed");
        Ok(())
    }
}
