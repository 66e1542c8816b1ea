//! A private object space per test: a temporary folder, or a fresh prefix in the test
//! bucket of a real S3-compatible server.
//!
//! The S3 server is found through `PLACARD_TEST_S3_ENDPOINT`, `PLACARD_TEST_S3_BUCKET`,
//! `PLACARD_TEST_S3_ACCESS_KEY`, `PLACARD_TEST_S3_SECRET_KEY` and `PLACARD_TEST_S3_REGION`,
//! or, when those are unset, the file `.test-services/env` that `scripts/test-services.sh`
//! writes at the workspace root. Without either the test fails and says so: the S3 half
//! of the suite never skips silently.

use crate::{BlobError, ObjectStore, S3Settings, S3Store};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Where the test S3 server is and how to sign for it.
#[derive(Debug, Clone)]
pub struct TestS3 {
    pub endpoint: String,
    pub bucket: String,
    pub access_key: String,
    pub secret_key: String,
    pub region: String,
}

impl TestS3 {
    pub fn from_env() -> Self {
        let file = read_services_file();
        let get = |name: &str| {
            std::env::var(name)
                .ok()
                .or_else(|| file.get(name).cloned())
                .unwrap_or_else(|| {
                    panic!(
                        "{name} is not set and .test-services/env does not name it: the S3 \
                         suite needs a real S3-compatible server. Run scripts/test-services.sh \
                         (it installs and starts Garage), then run the tests again"
                    )
                })
        };
        Self {
            endpoint: get("PLACARD_TEST_S3_ENDPOINT"),
            bucket: get("PLACARD_TEST_S3_BUCKET"),
            access_key: get("PLACARD_TEST_S3_ACCESS_KEY"),
            secret_key: get("PLACARD_TEST_S3_SECRET_KEY"),
            region: get("PLACARD_TEST_S3_REGION"),
        }
    }

    pub fn settings(&self) -> S3Settings {
        S3Settings {
            endpoint: Some(self.endpoint.clone()),
            region: Some(self.region.clone()),
            credentials: Some((self.access_key.clone(), self.secret_key.clone())),
            timeout: None,
        }
    }

    /// The environment a `placard` process needs to reach this server the standard way.
    pub fn process_env(&self) -> Vec<(String, String)> {
        vec![
            ("PLACARD_S3_ENDPOINT".into(), self.endpoint.clone()),
            ("AWS_ACCESS_KEY_ID".into(), self.access_key.clone()),
            ("AWS_SECRET_ACCESS_KEY".into(), self.secret_key.clone()),
            ("AWS_REGION".into(), self.region.clone()),
        ]
    }
}

fn read_services_file() -> HashMap<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.test-services/env");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let l = l.trim().strip_prefix("export ").unwrap_or(l.trim());
            let (k, v) = l.split_once('=')?;
            Some((
                k.to_owned(),
                v.trim_matches('"').trim_matches('\'').to_owned(),
            ))
        })
        .collect()
}

/// An object space that exists for one test.
pub struct TestObjects {
    pub store: Arc<dyn ObjectStore>,
    /// `PLACARD_STORAGE_URL` for a separate process reaching the same space.
    pub url: String,
    /// Extra environment such a process needs (the S3 endpoint and credentials).
    pub env: Vec<(String, String)>,
    dir: Option<PathBuf>,
}

impl TestObjects {
    pub async fn file() -> Self {
        let dir = std::env::temp_dir()
            .join("placard-tests")
            .join(format!("objects-{}", uuid::Uuid::new_v4().simple()));
        let store = crate::FileStore::open(&dir)
            .await
            .expect("creating a test object folder");
        Self {
            store: Arc::new(store),
            url: format!("file://{}", dir.display()),
            env: Vec::new(),
            dir: Some(dir),
        }
    }

    pub async fn s3() -> Self {
        let s3 = TestS3::from_env();
        let prefix = format!("test-{}", uuid::Uuid::new_v4().simple());
        let store = S3Store::connect(&s3.bucket, &prefix, &s3.settings()).await;
        store.check().await.unwrap_or_else(|e| {
            panic!(
                "the test S3 server at {} does not answer for bucket {} ({e}); run \
                 scripts/test-services.sh",
                s3.endpoint, s3.bucket
            )
        });
        Self {
            store: Arc::new(store),
            url: format!("s3://{}/{prefix}", s3.bucket),
            env: s3.process_env(),
            dir: None,
        }
    }

    /// Deletes everything the test wrote (S3 prefixes are not removed by `Drop`, which
    /// cannot wait for the network).
    pub async fn cleanup(&self) -> Result<(), BlobError> {
        for key in self.store.list("").await? {
            self.store.delete(&key).await?;
        }
        Ok(())
    }
}

impl Drop for TestObjects {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            std::fs::remove_dir_all(dir).ok();
        }
    }
}

/// Generates, for each named `async fn(&dyn ObjectStore)`, one test per backend:
/// `file::NAME` and `s3::NAME`.
#[macro_export]
macro_rules! blob_behaviour_suite {
    ($($name:ident),* $(,)?) => {
        mod file {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let objects = $crate::testing::TestObjects::file().await;
                    super::$name(objects.store.as_ref()).await;
                }
            )*
        }
        mod s3 {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let objects = $crate::testing::TestObjects::s3().await;
                    super::$name(objects.store.as_ref()).await;
                    objects.cleanup().await.expect("cleaning the test prefix");
                }
            )*
        }
    };
}
