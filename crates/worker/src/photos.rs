//! The `photo.process` job: original in, metadata-free thumbnails and hashes out.

use crate::{JobError, JobHandler};
use placard_blob::{ObjectKey, ObjectStore};
use placard_media::{hamming_distance, Limits, ProcessError};
use placard_storage::jobs::ClaimedJob;
use placard_storage::photos::{
    derivative_key, NearDuplicates, PhotoFlag, ProcessedPhoto, StoredDerivative,
};
use placard_storage::{now, Store, StoreError};
use std::sync::Arc;
use uuid::Uuid;

pub use placard_storage::photos::PROCESS_PHOTO;

pub struct ProcessPhoto {
    pub store: Store,
    pub objects: Arc<dyn ObjectStore>,
    pub limits: Limits,
    /// Perceptual-hash distance (bits of 64) at or under which two photos are flagged as
    /// near duplicates.
    pub near_duplicate_distance: u32,
}

fn transient(e: impl std::fmt::Display) -> JobError {
    JobError::Transient(e.to_string())
}

/// What the supporter reads when their photo cannot be used.
fn reason(e: &ProcessError) -> String {
    match e {
        ProcessError::Encode(_) => "We could not make thumbnails of this photo. Please try another one.".into(),
        _ => "This file could not be read as a photo; it may be damaged or cut off. Please try another one.".into(),
    }
}

#[async_trait::async_trait]
impl JobHandler for ProcessPhoto {
    async fn run(&self, job: &ClaimedJob) -> Result<(), JobError> {
        let id: Uuid = job.payload["photo_id"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| JobError::Permanent("payload has no photo_id".into()))?;
        // Nothing to do if it was erased, or an earlier run already finished it.
        let Some(photo) = self.store.start_processing(id).await.map_err(transient)? else {
            return Ok(());
        };
        let key = ObjectKey::parse(&photo.original_key)
            .map_err(|e| JobError::Permanent(e.to_string()))?;
        let original = match self.objects.get(&key).await {
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
                    .fail_processing(id, &reason(&e), now())
                    .await
                    .map_err(transient)?;
                return Ok(());
            }
        };

        let small = StoredDerivative {
            key: derivative_key(id, "small"),
            width: done.small.width,
            height: done.small.height,
        };
        let large = StoredDerivative {
            key: derivative_key(id, "large"),
            width: done.large.width,
            height: done.large.height,
        };
        let keys = [
            ObjectKey::parse(&small.key).map_err(transient)?,
            ObjectKey::parse(&large.key).map_err(transient)?,
        ];
        self.objects
            .put_bytes(&keys[0], done.small.jpeg.into(), "image/jpeg")
            .await
            .map_err(transient)?;
        self.objects
            .put_bytes(&keys[1], done.large.jpeg.into(), "image/jpeg")
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
                kind: "duplicate".into(),
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
                now(),
            )
            .await
            .map_err(transient)?;
        let Some(flags) = recorded else {
            // Erased while we worked: remove what we just wrote.
            for key in &keys {
                self.objects.delete(key).await.map_err(transient)?;
            }
            return Ok(());
        };
        tracing::info!(photo.id = %id, photo.flags = flags.len(), "photo processed");
        Ok(())
    }
}
