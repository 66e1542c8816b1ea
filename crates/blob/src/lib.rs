//! Object storage: photos' originals and derivatives live here, never in the database.
//!
//! One small trait, two implementations that behave alike (the suite in `tests/` runs every
//! case against both): [`FileStore`] for the embedded default, [`S3Store`] for any
//! S3-compatible service (AWS, Garage, MinIO, Ceph).
#![forbid(unsafe_code)]

mod file;
mod s3;
#[cfg(feature = "testing")]
pub mod testing;
mod url;

pub use file::FileStore;
/// Keys are a domain type: the layout of what is stored is decided there, once.
pub use placard_domain::{InvalidKey, ObjectKey};
pub use s3::{S3Settings, S3Store};
pub use url::{StorageUrl, StorageUrlError};

use bytes::Bytes;
use futures_util::stream::BoxStream;
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("object not found")]
    NotFound,
    #[error(transparent)]
    InvalidKey(#[from] InvalidKey),
    #[error("object storage I/O failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("S3 request failed: {0}")]
    S3(String),
    /// The store cannot be reached, timed out, or answered that it is overloaded or
    /// failing (5xx): worth retrying soon.
    #[error("object storage is unavailable: {0}")]
    Unavailable(String),
}

/// A stream of an object's bytes.
pub type ByteStream = BoxStream<'static, Result<Bytes, BlobError>>;

/// An object being read: its size, and its bytes as they arrive.
pub struct Object {
    pub size: u64,
    pub body: ByteStream,
}

impl Object {
    /// Reads the whole object into memory (for small objects: thumbnails, tests).
    pub async fn into_bytes(mut self) -> Result<Bytes, BlobError> {
        use futures_util::StreamExt;
        let mut buf = Vec::with_capacity(usize::try_from(self.size).unwrap_or(0));
        while let Some(chunk) = self.body.next().await {
            buf.extend_from_slice(&chunk?);
        }
        Ok(buf.into())
    }
}

/// Where Placard keeps its objects. Writes replace (so a retried job overwrites rather than
/// duplicates); deleting a missing object succeeds (so erasure can be retried).
#[async_trait::async_trait]
pub trait ObjectStore: Send + Sync + std::fmt::Debug {
    /// Stores a stream of bytes; returns how many were written. Large objects go up in
    /// parts, so memory stays bounded whatever the size.
    async fn put_stream(
        &self,
        key: &ObjectKey,
        body: ByteStream,
        content_type: &str,
    ) -> Result<u64, BlobError>;

    async fn put_bytes(
        &self,
        key: &ObjectKey,
        body: Bytes,
        content_type: &str,
    ) -> Result<(), BlobError> {
        let stream = futures_util::stream::once(async move { Ok(body) });
        self.put_stream(key, Box::pin(stream), content_type)
            .await
            .map(|_| ())
    }

    async fn put_file(
        &self,
        key: &ObjectKey,
        path: &Path,
        content_type: &str,
    ) -> Result<u64, BlobError> {
        use futures_util::TryStreamExt;
        let file = tokio::fs::File::open(path).await?;
        let stream =
            tokio_util::io::ReaderStream::with_capacity(file, 256 * 1024).map_err(BlobError::Io);
        self.put_stream(key, Box::pin(stream), content_type).await
    }

    async fn get(&self, key: &ObjectKey) -> Result<Object, BlobError>;

    /// The object's size, or `None` if it does not exist.
    async fn head(&self, key: &ObjectKey) -> Result<Option<u64>, BlobError>;

    async fn delete(&self, key: &ObjectKey) -> Result<(), BlobError>;

    /// Every key that starts with `prefix`, in lexical order.
    async fn list(&self, prefix: &str) -> Result<Vec<ObjectKey>, BlobError> {
        Ok(self
            .list_dated(prefix)
            .await?
            .into_iter()
            .map(|(key, _)| key)
            .collect())
    }

    /// The same, each key with when its object was last written (for sweeps that spare
    /// what is younger than a grace period).
    async fn list_dated(
        &self,
        prefix: &str,
    ) -> Result<Vec<(ObjectKey, std::time::SystemTime)>, BlobError>;

    /// A cheap round trip proving the store answers (readiness probes).
    async fn check(&self) -> Result<(), BlobError>;
}

/// Opens the store a [`StorageUrl`] names.
pub async fn open(url: &StorageUrl, s3: &S3Settings) -> Result<Arc<dyn ObjectStore>, BlobError> {
    Ok(match url {
        StorageUrl::File(root) => Arc::new(FileStore::open(root).await?),
        StorageUrl::S3 { bucket, prefix } => Arc::new(S3Store::connect(bucket, prefix, s3).await),
    })
}
