//! The `storage.sweep` job: retention and orphans. Enqueued by the scheduler once per
//! scheduled run (see [`crate::scheduler::claim_sweep`]); safe to run twice, since every step
//! is "delete what should not be there".
//!
//! 1. Rejected photos decided more than their campaign's `rejected_days` ago: every object
//!    deleted, the row marked `purged` (it keeps its status, for the counts).
//! 2. Approved photos of campaigns closed more than `originals_after_close_days` ago: the
//!    original deleted; the thumbnails stay.
//! 3. Objects with no live row: under a tombstoned (erased) id, or left over from a purge,
//!    deleted at once; under an id with no row at all (an upload that died between storing
//!    and committing), deleted once older than the orphan grace period.
//! 4. Staging files older than the grace period, where this process keeps them.
//!
//! One audit entry per run, counts only.

use crate::{JobError, JobHandler};
use chrono::{DateTime, TimeDelta, Utc};
use placard_blob::{ObjectKey, ObjectStore};
use placard_domain::{PhotoKeys, SweepStorage};
use placard_storage::audit::NewAuditEntry;
use placard_storage::{Clock, Store};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use uuid::Uuid;

/// Photos handled per query: bounds memory whatever the backlog.
const BATCH: u32 = 500;

/// Runs [`SweepStorage`] jobs.
pub struct StorageSweeper {
    pub store: Store,
    pub objects: Arc<dyn ObjectStore>,
    pub clock: Clock,
    /// Objects without a row, and staging files, younger than this are left alone: an
    /// upload may be between storing its original and committing its row.
    pub orphan_grace: Duration,
    /// Folders of staging files to sweep (the API's upload folder on this machine).
    pub staging_dirs: Vec<PathBuf>,
}

/// What one run deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SweepCounts {
    pub rejected_purged: u64,
    pub originals_deleted: u64,
    pub orphan_objects_deleted: u64,
    pub staging_files_deleted: u64,
}

fn transient(e: impl std::fmt::Display) -> JobError {
    JobError::Transient(e.to_string())
}

#[async_trait::async_trait]
impl JobHandler<SweepStorage> for StorageSweeper {
    async fn run(&self, job: SweepStorage) -> Result<(), JobError> {
        let counts = self.sweep().await.map_err(transient)?;
        let now = self.clock.now();
        let mut tx = self.store.begin().await.map_err(transient)?;
        // A run retried after a crash writes its entry once.
        if tx
            .claim_maintenance("storage.sweep.audit", &job.slot, now)
            .await
            .map_err(transient)?
        {
            tx.append_audit(
                &NewAuditEntry {
                    actor: "scheduler",
                    action: "storage.sweep",
                    subject_type: "maintenance",
                    subject_id: &job.slot,
                    details: serde_json::json!({
                        "rejected_purged": counts.rejected_purged,
                        "originals_deleted": counts.originals_deleted,
                        "orphan_objects_deleted": counts.orphan_objects_deleted,
                        "staging_files_deleted": counts.staging_files_deleted,
                    }),
                },
                now,
            )
            .await
            .map_err(transient)?;
        }
        tx.commit().await.map_err(transient)?;
        tracing::info!(
            sweep.slot = %job.slot,
            sweep.rejected_purged = counts.rejected_purged,
            sweep.originals_deleted = counts.originals_deleted,
            sweep.orphans_deleted = counts.orphan_objects_deleted,
            sweep.staging_deleted = counts.staging_files_deleted,
            "storage swept"
        );
        Ok(())
    }
}

impl StorageSweeper {
    pub async fn sweep(&self) -> anyhow::Result<SweepCounts> {
        let now = self.clock.now();
        let mut counts = SweepCounts::default();
        for campaign in self.store.campaigns().await? {
            let cutoff = now - TimeDelta::days(i64::from(campaign.retention_rejected_days));
            loop {
                let due = self
                    .store
                    .rejected_to_purge(campaign.id, cutoff, BATCH)
                    .await?;
                for photo in &due {
                    for key in photo.all_keys() {
                        self.objects.delete(&key).await?;
                    }
                    self.store.mark_purged(photo.id, now).await?;
                    counts.rejected_purged += 1;
                }
                if (due.len() as u32) < BATCH {
                    break;
                }
            }
            let originals_due = match (
                campaign.retention_originals_after_close_days,
                campaign.closes_at,
            ) {
                (Some(days), Some(closed)) => now >= closed + TimeDelta::days(i64::from(days)),
                _ => false,
            };
            if originals_due {
                loop {
                    let due = self.store.approved_originals(campaign.id, BATCH).await?;
                    for photo in &due {
                        let keys = PhotoKeys::of(photo.id);
                        for key in [
                            photo.original_key.clone(),
                            keys.original(),
                            keys.pixelated_original(),
                        ] {
                            self.objects.delete(&key).await?;
                        }
                        self.store.mark_original_purged(photo.id, now).await?;
                        counts.originals_deleted += 1;
                    }
                    if (due.len() as u32) < BATCH {
                        break;
                    }
                }
            }
        }
        counts.orphan_objects_deleted = self.sweep_orphans(now).await?;
        for dir in &self.staging_dirs {
            counts.staging_files_deleted += sweep_staging(dir, now, self.orphan_grace).await?;
        }
        Ok(counts)
    }

    /// Deletes every stored object that no live row accounts for (see the module's notes).
    async fn sweep_orphans(&self, now: DateTime<Utc>) -> anyhow::Result<u64> {
        let listed = self.objects.list_dated("").await?;
        let mut by_photo: BTreeMap<Uuid, Vec<(ObjectKey, SystemTime)>> = BTreeMap::new();
        for (key, modified) in listed {
            if let Some(id) = PhotoKeys::photo_of(&key) {
                by_photo.entry(id).or_default().push((key, modified));
            }
        }
        let ids: Vec<Uuid> = by_photo.keys().copied().collect();
        let known = self.store.known_photos(&ids).await?;
        let grace_start = SystemTime::from(now) - self.orphan_grace;
        let mut deleted = 0;
        for (id, objects) in by_photo {
            let live = known.rows.get(&id).map(|p| p.live_keys());
            for (key, modified) in objects {
                let delete = if known.erased.contains(&id) {
                    true
                } else {
                    match &live {
                        // A purge or a rewrite left it behind: nothing can still need it.
                        Some(live) => {
                            let purged = known.rows.get(&id).is_some_and(|p| p.purged_at.is_some());
                            purged || (!live.contains(&key) && modified < grace_start)
                        }
                        // No row: an upload that never committed, once it is old enough.
                        None => modified < grace_start,
                    }
                };
                if delete {
                    self.objects.delete(&key).await?;
                    deleted += 1;
                }
            }
        }
        Ok(deleted)
    }
}

/// Deletes staging files (`*.part`) in `dir` last written more than `older_than` before
/// `now`: what an upload or a store write left when its process died. Returns how many.
pub async fn sweep_staging(
    dir: &std::path::Path,
    now: DateTime<Utc>,
    older_than: Duration,
) -> std::io::Result<u64> {
    let mut entries = match tokio::fs::read_dir(dir).await {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let cutoff = SystemTime::from(now) - older_than;
    let mut deleted = 0;
    while let Some(entry) = entries.next_entry().await? {
        let meta = entry.metadata().await?;
        let old = meta.modified().is_ok_and(|m| m < cutoff);
        if meta.is_file() && old && entry.file_name().to_string_lossy().ends_with(".part") {
            tokio::fs::remove_file(entry.path()).await.ok();
            deleted += 1;
        }
    }
    Ok(deleted)
}
