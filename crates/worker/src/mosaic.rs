//! The `mosaic.build` job: draws a campaign's mosaic from its approved photos' small
//! thumbnails (in the logo's shape when it has one: see `placard_media::mosaic`), stores it
//! under a new key with its cell map, and deletes the one it replaces. With no approved
//! photo left, the mosaic is removed.

use crate::runner::{JobError, JobHandler};
use futures_util::StreamExt;
use placard_blob::{ObjectKey, ObjectStore};
use placard_domain::object_key::campaign_mosaic;
use placard_domain::BuildMosaic;
use placard_media::mosaic::{self, Layout, Tile};
use placard_media::Limits;
use placard_storage::mosaics::Mosaic;
use placard_storage::{Clock, Store, StoreError};
use std::sync::Arc;
use uuid::Uuid;

/// Thumbnails fetched at once while a mosaic is built.
const FETCHES: usize = 16;

pub struct MosaicBuilder {
    pub store: Store,
    pub objects: Arc<dyn ObjectStore>,
    pub limits: Limits,
    pub clock: Clock,
}

fn transient(e: impl std::fmt::Display) -> JobError {
    JobError::Transient(e.to_string())
}

#[async_trait::async_trait]
impl JobHandler<BuildMosaic> for MosaicBuilder {
    async fn run(&self, job: BuildMosaic) -> Result<(), JobError> {
        let started = std::time::Instant::now();
        let campaign = match self.store.campaign_by_id(job.campaign_id).await {
            Ok(c) => c,
            Err(StoreError::NotFound) => return Ok(()),
            Err(e) => return Err(transient(e)),
        };
        let most = i64::from((mosaic::MAX_SIDE / mosaic::MIN_CELL).pow(2));
        let sources = self
            .store
            .mosaic_sources(campaign.id, most)
            .await
            .map_err(transient)?;
        if sources.is_empty() {
            let old = self
                .store
                .record_mosaic(campaign.id, None)
                .await
                .map_err(transient)?;
            self.delete(old).await;
            return Ok(());
        }
        // The logo's colours, cell by cell, when there is a logo.
        let logo = match campaign.logo_key.as_deref().map(ObjectKey::parse) {
            Some(Ok(key)) => match self.objects.get(&key).await {
                Ok(o) => Some(o.into_bytes().await.map_err(transient)?),
                Err(placard_blob::BlobError::NotFound) => None,
                Err(e) => return Err(transient(e)),
            },
            _ => None,
        };
        let n = sources.len();
        let limits = self.limits;
        let planned = tokio::task::spawn_blocking(move || {
            let Some(bytes) = logo else {
                return Ok::<_, placard_media::ProcessError>((mosaic::grid(n), None));
            };
            let (rgb, w, h) = placard_media::decode_rgb(&bytes, &limits)?;
            let (cols, rows, cell) = mosaic::logo_grid(n, w, h);
            let targets = mosaic::targets(&rgb, w, h, cols, rows)?;
            Ok((
                Layout {
                    cols,
                    rows,
                    cell,
                    cells: Vec::new(),
                },
                Some(targets),
            ))
        })
        .await
        .map_err(transient)?;
        let (mut layout, targets) = match planned {
            Ok(p) => p,
            // A logo that cannot be decoded is drawn without: the grid still shows everyone.
            Err(e) => {
                tracing::warn!(campaign.id = %campaign.id, error = %e, "the logo cannot be read: a plain mosaic");
                (mosaic::grid(n), None)
            }
        };
        let tiles = self.tiles(&sources, layout.cell).await?;
        // Photos whose thumbnail is gone (erased meanwhile) are left out.
        let (ids, tiles): (Vec<Uuid>, Vec<Tile>) = tiles.into_iter().unzip();
        if let Some(targets) = targets {
            let means: Vec<[f32; 3]> = tiles.iter().map(|t| t.mean).collect();
            layout.cells = tokio::task::spawn_blocking(move || mosaic::assign(&targets, &means))
                .await
                .map_err(transient)?;
        } else if ids.len() != n {
            layout = mosaic::grid(ids.len());
        }
        let cells_json: Vec<serde_json::Value> = layout
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| {
                let id = ids.get((*slot)?)?;
                let (x, y) = (i as u32 % layout.cols, i as u32 / layout.cols);
                Some(serde_json::json!({
                    "x": x * layout.cell, "y": y * layout.cell,
                    "w": layout.cell, "h": layout.cell, "photo_id": id,
                }))
            })
            .collect();
        let drawn = {
            let layout = layout.clone();
            tokio::task::spawn_blocking(move || mosaic::compose(&tiles, &layout))
                .await
                .map_err(transient)?
                .map_err(|e| JobError::Permanent(e.to_string()))?
        };
        let key = campaign_mosaic(campaign.id);
        self.objects
            .put_bytes(&key, drawn.jpeg.into(), "image/jpeg")
            .await
            .map_err(transient)?;
        let record = Mosaic {
            object_key: key.as_str().to_owned(),
            width: i64::from(drawn.width),
            height: i64::from(drawn.height),
            cells: serde_json::Value::Array(cells_json).to_string(),
            photos: ids.len() as i64,
            built_at: self.clock.now(),
        };
        let old = match self.store.record_mosaic(campaign.id, Some(&record)).await {
            Ok(old) => old,
            Err(e) => {
                self.delete(Some(key.as_str().to_owned())).await;
                return Err(transient(e));
            }
        };
        self.delete(old).await;
        tracing::info!(
            campaign.id = %campaign.id,
            mosaic.photos = ids.len(),
            mosaic.width = drawn.width,
            mosaic.height = drawn.height,
            mosaic.ms = started.elapsed().as_millis() as u64,
            "mosaic built"
        );
        Ok(())
    }
}

impl MosaicBuilder {
    /// Each photo's tile, fetched a few at a time and decoded off the async threads.
    async fn tiles(
        &self,
        sources: &[(Uuid, String)],
        side: u32,
    ) -> Result<Vec<(Uuid, Tile)>, JobError> {
        let fetched: Vec<Result<Option<(Uuid, Tile)>, JobError>> =
            futures_util::stream::iter(sources.iter().cloned())
                .map(|(id, key)| {
                    let objects = self.objects.clone();
                    async move {
                        let Ok(key) = ObjectKey::parse(&key) else {
                            return Ok(None);
                        };
                        let bytes = match objects.get(&key).await {
                            Ok(o) => o.into_bytes().await.map_err(transient)?,
                            Err(placard_blob::BlobError::NotFound) => return Ok(None),
                            Err(e) => return Err(transient(e)),
                        };
                        let tile = tokio::task::spawn_blocking(move || mosaic::tile(&bytes, side))
                            .await
                            .map_err(transient)?;
                        Ok(tile.ok().map(|t| (id, t)))
                    }
                })
                .buffered(FETCHES)
                .collect()
                .await;
        let mut out = Vec::with_capacity(fetched.len());
        for f in fetched {
            if let Some(t) = f? {
                out.push(t);
            }
        }
        Ok(out)
    }

    async fn delete(&self, key: Option<String>) {
        if let Some(key) = key.and_then(|k| ObjectKey::parse(&k).ok()) {
            if let Err(e) = self.objects.delete(&key).await {
                tracing::warn!(object.key = %key, error = %e, "deleting a replaced mosaic failed");
            }
        }
    }
}
