//! Objects in an S3-compatible service, through the AWS SDK.

use crate::{BlobError, ByteStream, Object, ObjectKey, ObjectStore};
use aws_sdk_s3::error::SdkError;
use aws_sdk_s3::primitives::ByteStream as SdkStream;
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use aws_sdk_s3::Client;
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;

/// Parts of a multipart upload. S3 requires at least 5 MiB for every part but the last;
/// this much is the most one upload holds in memory.
const PART_SIZE: usize = 8 * 1024 * 1024;

/// How to reach the service. Credentials and region come from the AWS SDK's standard
/// chain (environment, profile, instance role).
#[derive(Debug, Clone, Default)]
pub struct S3Settings {
    /// An S3-compatible endpoint (Garage, MinIO, Ceph); path-style addressing is used then.
    pub endpoint: Option<String>,
    /// Overrides the chain's region (tests pass it explicitly rather than mutate the
    /// process environment).
    pub region: Option<String>,
    /// Overrides the chain's credentials: (access key id, secret key).
    pub credentials: Option<(String, String)>,
    /// How long one attempt of a call may take before it is abandoned (and retried, up to
    /// three attempts in all); default [`S3Settings::DEFAULT_TIMEOUT`]. Connecting may take at
    /// most 5 s of it. A store that hangs costs a request this long at most, then 503.
    pub timeout: Option<std::time::Duration>,
}

impl S3Settings {
    pub const DEFAULT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
}

#[derive(Debug, Clone)]
pub struct S3Store {
    client: Client,
    /// The runtime every SDK call runs on: see [`S3Store::call`].
    home: tokio::runtime::Handle,
    bucket: String,
    /// Prepended to every key, with its trailing slash; empty for the bucket's root.
    prefix: String,
}

/// An SDK error as ours: what says the store is down, unreachable, too slow or failing
/// (timeouts, connection failures, unreadable responses, 5xx answers) is `Unavailable`, to be
/// retried; the rest (a refused request, a missing bucket) is a plain S3 error.
fn s3_err<E: std::error::Error + Send + Sync + 'static>(e: SdkError<E>) -> BlobError {
    use aws_sdk_s3::error::SdkError as E_;
    let unavailable = match &e {
        E_::TimeoutError(_) | E_::DispatchFailure(_) | E_::ResponseError(_) => true,
        E_::ServiceError(se) => se.raw().status().is_server_error(),
        _ => false,
    };
    // The SDK's Display is terse ("service error"); the debug chain names the cause.
    let text = format!("{}", aws_sdk_s3::error::DisplayErrorContext(e));
    if unavailable {
        BlobError::Unavailable(text)
    } else {
        BlobError::S3(text)
    }
}

impl S3Store {
    pub async fn connect(bucket: &str, prefix: &str, settings: &S3Settings) -> Self {
        let shared = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .load()
            .await;
        let mut config = aws_sdk_s3::config::Builder::from(&shared);
        if let Some(region) = &settings.region {
            config = config.region(aws_sdk_s3::config::Region::new(region.clone()));
        }
        if let Some((id, secret)) = &settings.credentials {
            config = config.credentials_provider(aws_sdk_s3::config::Credentials::new(
                id,
                secret,
                None,
                None,
                "placard-settings",
            ));
        }
        let attempt = settings.timeout.unwrap_or(S3Settings::DEFAULT_TIMEOUT);
        config = config.timeout_config(
            aws_sdk_s3::config::timeout::TimeoutConfig::builder()
                .connect_timeout(attempt.min(std::time::Duration::from_secs(5)))
                .operation_attempt_timeout(attempt)
                .operation_timeout(attempt * 3)
                .build(),
        );
        if let Some(endpoint) = &settings.endpoint {
            config = config.endpoint_url(endpoint).force_path_style(true);
            if shared.region().is_none() && settings.region.is_none() {
                // S3-compatible services accept any region name in signatures unless told
                // otherwise; the SDK refuses to sign without one.
                config = config.region(aws_sdk_s3::config::Region::new("us-east-1"));
            }
        }
        Self {
            home: tokio::runtime::Handle::current(),
            client: Client::from_conf(config.build()),
            bucket: bucket.to_owned(),
            prefix: if prefix.is_empty() {
                String::new()
            } else {
                format!("{prefix}/")
            },
        }
    }

    /// Runs an SDK call on the runtime the store was made on (the process's main one).
    ///
    /// The SDK's HTTP connections live as tasks on the runtime that opened them, and are
    /// pooled. actix-web runs each HTTP worker on a runtime of its own and stops them one by
    /// one at shutdown: a pooled connection opened from a stopped worker fails ("dispatch
    /// task is gone") for an upload still finishing on another — a 500 during a graceful
    /// restart. The main runtime outlives every HTTP worker.
    async fn call<T: Send + 'static>(
        &self,
        op: impl std::future::Future<Output = Result<T, BlobError>> + Send + 'static,
    ) -> Result<T, BlobError> {
        self.home
            .spawn(op)
            .await
            .map_err(|e| BlobError::S3(format!("the S3 call did not finish: {e}")))?
    }

    fn full(&self, key: &ObjectKey) -> String {
        format!("{}{}", self.prefix, key.as_str())
    }

    async fn put_single(
        &self,
        key: &str,
        body: Bytes,
        content_type: &str,
    ) -> Result<(), BlobError> {
        let req = self
            .client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .body(SdkStream::from(body));
        self.call(async move { req.send().await.map_err(s3_err) })
            .await?;
        Ok(())
    }

    async fn put_multipart(
        &self,
        key: &str,
        first: Bytes,
        rest: &mut ByteStream,
        content_type: &str,
    ) -> Result<u64, BlobError> {
        let req = self
            .client
            .create_multipart_upload()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type);
        let upload = self
            .call(async move { req.send().await.map_err(s3_err) })
            .await?;
        let upload_id = upload
            .upload_id()
            .ok_or_else(|| BlobError::S3("no upload id in CreateMultipartUpload".into()))?
            .to_owned();
        let result = self.upload_parts(key, &upload_id, first, rest).await;
        match result {
            Ok((parts, total)) => {
                let req = self
                    .client
                    .complete_multipart_upload()
                    .bucket(&self.bucket)
                    .key(key)
                    .upload_id(&upload_id)
                    .multipart_upload(
                        CompletedMultipartUpload::builder()
                            .set_parts(Some(parts))
                            .build(),
                    );
                self.call(async move { req.send().await.map_err(s3_err) })
                    .await?;
                Ok(total)
            }
            Err(e) => {
                // Leave no invisible half-upload behind to be billed for.
                let req = self
                    .client
                    .abort_multipart_upload()
                    .bucket(&self.bucket)
                    .key(key)
                    .upload_id(&upload_id);
                self.call(async move { req.send().await.map_err(s3_err) })
                    .await
                    .ok();
                Err(e)
            }
        }
    }

    async fn upload_parts(
        &self,
        key: &str,
        upload_id: &str,
        first: Bytes,
        rest: &mut ByteStream,
    ) -> Result<(Vec<CompletedPart>, u64), BlobError> {
        let mut parts = Vec::new();
        let mut total = 0u64;
        let mut pending = Some(first);
        let mut buf = BytesMut::with_capacity(PART_SIZE);
        loop {
            let part = match pending.take() {
                Some(p) => p,
                None => {
                    while buf.len() < PART_SIZE {
                        match rest.next().await {
                            Some(chunk) => buf.extend_from_slice(&chunk?),
                            None => break,
                        }
                    }
                    if buf.is_empty() {
                        break;
                    }
                    buf.split().freeze()
                }
            };
            let number = i32::try_from(parts.len() + 1)
                .map_err(|_| BlobError::S3("too many parts".into()))?;
            total += part.len() as u64;
            let req = self
                .client
                .upload_part()
                .bucket(&self.bucket)
                .key(key)
                .upload_id(upload_id)
                .part_number(number)
                .body(SdkStream::from(part));
            let done = self
                .call(async move { req.send().await.map_err(s3_err) })
                .await?;
            parts.push(
                CompletedPart::builder()
                    .part_number(number)
                    .set_e_tag(done.e_tag().map(str::to_owned))
                    .build(),
            );
        }
        Ok((parts, total))
    }
}

#[async_trait::async_trait]
impl ObjectStore for S3Store {
    async fn put_stream(
        &self,
        key: &ObjectKey,
        mut body: ByteStream,
        content_type: &str,
    ) -> Result<u64, BlobError> {
        let full = self.full(key);
        // Fill one part's worth; if the stream ends first, one PutObject is enough.
        let mut buf = BytesMut::new();
        while buf.len() < PART_SIZE {
            match body.next().await {
                Some(chunk) => buf.extend_from_slice(&chunk?),
                None => {
                    let n = buf.len() as u64;
                    self.put_single(&full, buf.freeze(), content_type).await?;
                    return Ok(n);
                }
            }
        }
        self.put_multipart(&full, buf.freeze(), &mut body, content_type)
            .await
    }

    async fn get(&self, key: &ObjectKey) -> Result<Object, BlobError> {
        let req = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(self.full(key));
        let resp = self
            .call(async move {
                req.send().await.map_err(|e| match e.as_service_error() {
                    Some(se) if se.is_no_such_key() => BlobError::NotFound,
                    _ => s3_err(e),
                })
            })
            .await?;
        let size = resp
            .content_length()
            .and_then(|n| u64::try_from(n).ok())
            .unwrap_or(0);
        let body = futures_util::stream::unfold(resp.body, |mut b| async move {
            b.next()
                .await
                .map(|r| (r.map_err(|e| BlobError::Unavailable(e.to_string())), b))
        });
        Ok(Object {
            size,
            body: Box::pin(body),
        })
    }

    async fn head(&self, key: &ObjectKey) -> Result<Option<u64>, BlobError> {
        let req = self
            .client
            .head_object()
            .bucket(&self.bucket)
            .key(self.full(key));
        self.call(async move {
            match req.send().await {
                Ok(h) => Ok(Some(
                    h.content_length()
                        .and_then(|n| u64::try_from(n).ok())
                        .unwrap_or(0),
                )),
                Err(e) if e.as_service_error().is_some_and(|se| se.is_not_found()) => Ok(None),
                Err(e) => Err(s3_err(e)),
            }
        })
        .await
    }

    async fn delete(&self, key: &ObjectKey) -> Result<(), BlobError> {
        let req = self
            .client
            .delete_object()
            .bucket(&self.bucket)
            .key(self.full(key));
        self.call(async move { req.send().await.map_err(s3_err) })
            .await?;
        Ok(())
    }

    async fn list_dated(
        &self,
        prefix: &str,
    ) -> Result<Vec<(ObjectKey, std::time::SystemTime)>, BlobError> {
        let mut keys = Vec::new();
        let req = self
            .client
            .list_objects_v2()
            .bucket(&self.bucket)
            .prefix(format!("{}{}", self.prefix, prefix));
        let pages = self
            .call(async move {
                let mut pages = req.into_paginator().send();
                let mut all = Vec::new();
                while let Some(page) = pages.next().await {
                    all.push(page.map_err(s3_err)?);
                }
                Ok(all)
            })
            .await?;
        for page in pages {
            for obj in page.contents() {
                if let Some(k) = obj.key().and_then(|k| k.strip_prefix(&self.prefix)) {
                    if let Ok(k) = ObjectKey::parse(k) {
                        // Without a date (no S3 service omits it), treat it as new: kept.
                        let modified = obj
                            .last_modified()
                            .and_then(|t| std::time::SystemTime::try_from(*t).ok())
                            .unwrap_or_else(std::time::SystemTime::now);
                        keys.push((k, modified));
                    }
                }
            }
        }
        keys.sort();
        Ok(keys)
    }

    async fn check(&self) -> Result<(), BlobError> {
        let req = self.client.head_bucket().bucket(&self.bucket);
        self.call(async move { req.send().await.map_err(s3_err) })
            .await?;
        Ok(())
    }
}
