//! The `photo.process` job: original in, metadata-free thumbnails and hashes out.

use crate::{JobError, JobHandler};
use placard_blob::ObjectStore;
use placard_domain::{DerivativeSize, FailureCode, FlagKind, PhotoKeys, ProcessPhoto};
use placard_media::{hamming_distance, Edits, Limits, ProcessError, Region};
use placard_storage::photos::{NearDuplicates, PhotoFlag, ProcessedPhoto, StoredDerivative};
use placard_storage::privacy::RewrittenOriginal;
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
        ProcessError::TooSlow => FailureCode::TooSlow,
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
        let keys = PhotoKeys::of(id);
        if photo.pixelated_at.is_some() && photo.original_key != keys.original() {
            // An earlier run rewrote the original and recorded it, then stopped before the
            // unpixelated bytes were deleted: delete them now.
            self.objects
                .delete(&keys.original())
                .await
                .map_err(transient)?;
        }
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
        // Once the rewrite is recorded the stored original is upright and pixelated: nothing
        // is left to apply.
        let regions: Vec<Region> = match (&photo.blur, photo.pixelated_at) {
            (Some(blur), None) => blur
                .rects()
                .iter()
                .map(|r| Region {
                    x: r.x,
                    y: r.y,
                    w: r.w,
                    h: r.h,
                })
                .collect(),
            _ => Vec::new(),
        };
        let orientation = photo.orientation;
        let outcome = tokio::task::spawn_blocking(move || {
            let edits = Edits {
                orientation,
                pixelate: &regions,
            };
            placard_media::process(&original, &limits, &edits)
        })
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

        let mut written = Vec::new();
        if let Some(rewritten) = &done.original {
            // The pixelated original under a key of its own, recorded, and only then the
            // unpixelated bytes deleted: at no point is the photo without an original, and
            // from the record on nobody is shown the unpixelated one.
            let key = keys.pixelated_original();
            self.objects
                .put_bytes(&key, rewritten.jpeg.clone().into(), "image/jpeg")
                .await
                .map_err(transient)?;
            written.push(key.clone());
            let rewrite = RewrittenOriginal {
                width: rewritten.width,
                height: rewritten.height,
                bytes: rewritten.jpeg.len() as u64,
            };
            let recorded = self
                .store
                .replace_original(id, &key, &rewrite, self.clock.now())
                .await
                .map_err(transient)?;
            if !recorded {
                self.objects.delete(&key).await.map_err(transient)?;
                return Ok(());
            }
            self.objects
                .delete(&photo.original_key)
                .await
                .map_err(transient)?;
            tracing::info!(photo.id = %id, photo.blur_regions = photo.blur.as_ref().map_or(0, |b| b.rects().len()), "original pixelated");
        }
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
        written.extend([small.key.clone(), large.key.clone()]);
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
            // Erased while we worked (after everything was written, so that the erasure's
            // own deletes cannot have run before our writes): remove what we just wrote.
            for key in &written {
                self.objects.delete(key).await.map_err(transient)?;
            }
            return Ok(());
        };
        tracing::info!(photo.id = %id, photo.flags = flags.len(), "photo processed");
        Ok(())
    }
}
