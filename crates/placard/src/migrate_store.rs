//! `placard migrate-store`: moving a campaign's objects to another store (typically from the
//! embedded folder to S3 when it outgrows one machine).
//!
//! Resumable by construction: both stores write objects atomically (a rename, a single PUT or
//! a completed multipart upload), so an object present at the destination with the source's
//! size is a finished copy and is skipped. Interrupted and run again, it copies only what is
//! missing.

use crate::settings::Settings;
use anyhow::Context;
use placard_blob::StorageUrl;

pub async fn run(settings: &Settings, from: &str, to: &str) -> anyhow::Result<()> {
    let from_url: StorageUrl = from.parse().map_err(|e| anyhow::anyhow!("--from: {e}"))?;
    let to_url: StorageUrl = to.parse().map_err(|e| anyhow::anyhow!("--to: {e}"))?;
    if from_url == to_url {
        anyhow::bail!("--from and --to name the same store");
    }
    let s3 = settings.storage.s3();
    let source = placard_blob::open(&from_url, &s3)
        .await
        .context("Failed to open --from")?;
    let target = placard_blob::open(&to_url, &s3)
        .await
        .context("Failed to open --to")?;
    source.check().await.context("--from does not answer")?;
    target.check().await.context("--to does not answer")?;
    let keys = source.list("").await.context("Failed to list --from")?;
    let (mut copied, mut skipped, mut bytes) = (0u64, 0u64, 0u64);
    for key in &keys {
        let object = source
            .get(key)
            .await
            .with_context(|| format!("Failed to read {key}"))?;
        if target
            .head(key)
            .await
            .with_context(|| format!("Failed to check {key}"))?
            == Some(object.size)
        {
            skipped += 1;
            continue;
        }
        let content_type = if key.as_str().ends_with(".jpg") {
            "image/jpeg"
        } else {
            "application/octet-stream"
        };
        let n = target
            .put_stream(key, object.body, content_type)
            .await
            .with_context(|| format!("Failed to write {key}"))?;
        copied += 1;
        bytes += n;
    }
    tracing::info!(
        objects.total = keys.len(),
        objects.copied = copied,
        objects.skipped = skipped,
        "store migrated"
    );
    println!(
        "{} objects: {copied} copied ({bytes} bytes), {skipped} already there",
        keys.len()
    );
    Ok(())
}
