//! Objects as files under one folder: the embedded default.

use crate::{BlobError, ByteStream, Object, ObjectKey, ObjectStore};
use futures_util::{StreamExt, TryStreamExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::io::AsyncWriteExt;

/// Half-written files live here until renamed into place, so a reader never sees a partial
/// object and a crash leaves nothing under a real key.
const STAGING_DIR: &str = ".incoming";

#[derive(Debug)]
pub struct FileStore {
    root: PathBuf,
    counter: AtomicU64,
}

impl FileStore {
    /// Opens (creating if needed) the folder.
    pub async fn open(root: &Path) -> Result<Self, BlobError> {
        tokio::fs::create_dir_all(root.join(STAGING_DIR)).await?;
        Ok(Self {
            root: root.to_owned(),
            counter: AtomicU64::new(0),
        })
    }

    fn path(&self, key: &ObjectKey) -> PathBuf {
        self.root.join(key.as_str())
    }

    fn staging_path(&self) -> PathBuf {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        self.root
            .join(STAGING_DIR)
            .join(format!("{}-{nanos}-{n}.part", std::process::id()))
    }
}

fn not_found_as(e: std::io::Error) -> BlobError {
    if e.kind() == std::io::ErrorKind::NotFound {
        BlobError::NotFound
    } else {
        BlobError::Io(e)
    }
}

#[async_trait::async_trait]
impl ObjectStore for FileStore {
    async fn put_stream(
        &self,
        key: &ObjectKey,
        mut body: ByteStream,
        _content_type: &str,
    ) -> Result<u64, BlobError> {
        let staging = self.staging_path();
        let result = async {
            // Readable by the owner only: these are supporters' photos.
            let mut file = tokio::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&staging)
                .await?;
            let mut written = 0u64;
            while let Some(chunk) = body.next().await {
                let chunk = chunk?;
                file.write_all(&chunk).await?;
                written += chunk.len() as u64;
            }
            file.sync_data().await?;
            drop(file);
            let target = self.path(key);
            if let Some(parent) = target.parent() {
                tokio::fs::create_dir_all(parent).await?;
            }
            tokio::fs::rename(&staging, &target).await?;
            Ok::<_, BlobError>(written)
        }
        .await;
        if result.is_err() {
            tokio::fs::remove_file(&staging).await.ok();
        }
        result
    }

    async fn get(&self, key: &ObjectKey) -> Result<Object, BlobError> {
        let file = tokio::fs::File::open(self.path(key))
            .await
            .map_err(not_found_as)?;
        let size = file.metadata().await?.len();
        let body =
            tokio_util::io::ReaderStream::with_capacity(file, 64 * 1024).map_err(BlobError::Io);
        Ok(Object {
            size,
            body: Box::pin(body),
        })
    }

    async fn head(&self, key: &ObjectKey) -> Result<Option<u64>, BlobError> {
        match tokio::fs::metadata(self.path(key)).await {
            Ok(m) if m.is_file() => Ok(Some(m.len())),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    async fn delete(&self, key: &ObjectKey) -> Result<(), BlobError> {
        match tokio::fs::remove_file(self.path(key)).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    async fn list_dated(
        &self,
        prefix: &str,
    ) -> Result<Vec<(ObjectKey, std::time::SystemTime)>, BlobError> {
        let mut keys = Vec::new();
        let mut dirs = vec![(self.root.clone(), String::new())];
        while let Some((dir, rel)) = dirs.pop() {
            let mut entries = match tokio::fs::read_dir(&dir).await {
                Ok(e) => e,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e.into()),
            };
            while let Some(entry) = entries.next_entry().await? {
                let name = entry.file_name().to_string_lossy().into_owned();
                if rel.is_empty() && name == STAGING_DIR {
                    continue;
                }
                let key = if rel.is_empty() {
                    name
                } else {
                    format!("{rel}/{name}")
                };
                if entry.file_type().await?.is_dir() {
                    // Only descend where a match is still possible.
                    if prefix.starts_with(&key) || key.starts_with(prefix) {
                        dirs.push((entry.path(), key));
                    }
                } else if key.starts_with(prefix) {
                    if let Ok(k) = ObjectKey::parse(&key) {
                        let modified = entry.metadata().await?.modified()?;
                        keys.push((k, modified));
                    }
                }
            }
        }
        keys.sort();
        Ok(keys)
    }

    async fn check(&self) -> Result<(), BlobError> {
        let meta = tokio::fs::metadata(self.root.join(STAGING_DIR)).await?;
        if meta.is_dir() && !meta.permissions().readonly() {
            Ok(())
        } else {
            Err(BlobError::Io(std::io::Error::other(
                "object folder is not writable",
            )))
        }
    }
}
