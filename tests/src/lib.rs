//! Harness for end-to-end tests: a fresh deployment per test (database + object space +
//! data folder), and the real `placard` binary started against it.
//!
//! The binary is the one `cargo build -p placard` left in the target folder; the test
//! command (`scripts/test.sh`) builds it first. A missing binary fails the test with that
//! instruction rather than testing something stale or nothing.

pub mod app;
pub mod browser;
pub mod proxy;
pub mod receiver;

pub use app::TestApp;

use placard_blob::testing::TestObjects;
use placard_storage::testing::TestDatabase;
use placard_storage::Backend;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// The two ways Placard is deployed; every behaviour test runs on both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deployment {
    /// SQLite file + local folder: the default `cargo run` gives.
    Embedded,
    /// PostgreSQL + a real S3 server (Garage).
    Scale,
}

pub fn placard_bin() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let bin = target.join("debug/placard");
    assert!(
        bin.exists(),
        "{} does not exist: build it first with `cargo build -p placard` (scripts/test.sh does)",
        bin.display()
    );
    bin
}

/// A deployment's state for one test; removed afterwards.
pub struct TestEnv {
    pub deployment: Deployment,
    pub db: TestDatabase,
    pub objects: TestObjects,
    pub data_dir: PathBuf,
}

impl TestEnv {
    pub async fn new(deployment: Deployment) -> Self {
        let (db, objects) = match deployment {
            Deployment::Embedded => (
                TestDatabase::new(Backend::Sqlite).await,
                TestObjects::file().await,
            ),
            Deployment::Scale => (
                TestDatabase::new(Backend::Postgres).await,
                TestObjects::s3().await,
            ),
        };
        let data_dir = std::env::temp_dir()
            .join("placard-tests")
            .join(format!("data-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&data_dir).expect("creating a data folder");
        Self {
            deployment,
            db,
            objects,
            data_dir,
        }
    }

    /// The environment a `placard` process of this deployment runs with.
    pub fn vars(&self) -> Vec<(String, String)> {
        let mut vars = vec![
            (
                "PLACARD_DATA_DIR".to_owned(),
                self.data_dir.display().to_string(),
            ),
            ("PLACARD_DATABASE_URL".to_owned(), self.db.url.clone()),
            ("PLACARD_STORAGE_URL".to_owned(), self.objects.url.clone()),
            ("PLACARD_BIND".to_owned(), "127.0.0.1:0".to_owned()),
        ];
        vars.extend(self.objects.env.iter().cloned());
        vars
    }

    /// Runs a one-shot command (`migrate`, `user create`) to completion.
    pub async fn cli(&self, args: &[&str]) -> std::process::Output {
        Command::new(placard_bin())
            .args(args)
            .env_clear()
            .envs(base_env())
            .envs(self.vars())
            .output()
            .await
            .expect("running placard")
    }

    /// Creates a staff account through the CLI and returns its token.
    pub async fn create_user(&self, role: &str, name: &str) -> String {
        let out = self
            .cli(&["user", "create", "--role", role, "--name", name])
            .await;
        assert!(
            out.status.success(),
            "user create failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .last()
            .expect("a token line")
            .trim()
            .to_owned()
    }

    pub async fn start(&self, roles: &str) -> Server {
        Server::start(self, roles, &[]).await
    }

    pub async fn cleanup(self) {
        if self.deployment == Deployment::Scale {
            self.objects.cleanup().await.ok();
        }
        std::fs::remove_dir_all(&self.data_dir).ok();
    }
}

/// PATH and HOME only: the processes see nothing of the developer's own configuration.
fn base_env() -> Vec<(String, String)> {
    ["PATH", "HOME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok().map(|v| ((*k).to_owned(), v)))
        .chain([("PLACARD_LOG".to_owned(), "info".to_owned())])
        .collect()
}

/// A running `placard serve`.
pub struct Server {
    child: Child,
    pub base: String,
    pub log: PathBuf,
    pub client: reqwest::Client,
}

impl Server {
    pub async fn start(env: &TestEnv, roles: &str, extra: &[(&str, &str)]) -> Self {
        let log = env
            .data_dir
            .join(format!("serve-{}.log", uuid::Uuid::new_v4().simple()));
        let mut child = Command::new(placard_bin())
            .args(["serve", "--roles", roles])
            .env_clear()
            .envs(base_env())
            .envs(env.vars())
            .envs(extra.iter().map(|(k, v)| (*k, *v)))
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .kill_on_drop(true)
            .spawn()
            .expect("starting placard serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let base = tokio::time::timeout(Duration::from_secs(60), async {
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(url) = line.strip_prefix("listening on ") {
                    return Some(url.trim().to_owned());
                }
            }
            None
        })
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| {
            panic!(
                "placard serve did not start; its log:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            )
        });
        // Keep draining stdout so the child never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Self {
            child,
            base,
            log,
            client: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM, then wait; returns whether it exited successfully.
    pub async fn stop(mut self) -> bool {
        if let Some(pid) = self.child.id() {
            Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status()
                .await
                .ok();
        }
        let ended = tokio::time::timeout(Duration::from_secs(40), self.child.wait()).await;
        let clean = matches!(ended, Ok(Ok(status)) if status.success());
        if !clean {
            // The failing test shows why, not just that it stopped badly.
            eprintln!(
                "placard serve did not stop cleanly ({ended:?}); its log:\n{}",
                self.log_text()
            );
        }
        clean
    }

    /// SIGKILL: the process gets no chance to clean up.
    pub async fn kill(mut self) {
        self.child.kill().await.ok();
    }
}

/// `{"error":{"code":…}}` of a response, asserting the envelope's shape.
pub async fn error_code(resp: reqwest::Response) -> (u16, String) {
    let status = resp.status().as_u16();
    let body: serde_json::Value = resp.json().await.expect("an error body in JSON");
    let code = body["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error envelope in {body}"));
    assert!(body["error"]["message"].is_string(), "no message in {body}");
    (status, code.to_owned())
}

/// Generates `embedded::NAME` and `scale::NAME` for each `async fn(Deployment)`.
#[macro_export]
macro_rules! on_both_deployments {
    ($($name:ident),* $(,)?) => {
        mod embedded { $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::Deployment::Embedded).await }
        )* }
        mod scale { $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::Deployment::Scale).await }
        )* }
    };
}

/// `tests/fixtures/…` (in the repository: sources and licences in its README)
/// A locale file's one-line messages (`key = value`), to know what a page should say in
/// that language.
pub fn locale_messages(locale: &str) -> std::collections::BTreeMap<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../crates/http/locales/{locale}.ftl"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// Strings the metadata fixtures carry (camera make and model, software, a person named in
/// XMP, an address in a comment or text chunk, the EXIF header that holds the GPS position,
/// Photoshop's IPTC block) and that no stored or served byte may contain.
pub const PLANTED: &[&[u8]] = &[
    b"PlacardTestCam",
    b"Model 7",
    b"SecretEditor",
    b"Private Person",
    b"Secret St",
    b"x:xmpmeta",
    b"http://ns.adobe.com/xap",
    b"Exif\0\0",
    b"8BIM",
];

/// The fixture photos, by name.
pub fn fixture_photos() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture("photos"))
        .expect("tests/fixtures/photos")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// What a photo upload answered.
pub struct Uploaded {
    pub id: String,
    pub receipt: String,
}

/// The API as a client sees it, one helper per endpoint: the same for a real `placard`
/// process ([`Server`]) and for the app running in the test's own process ([`TestApp`]).
#[expect(
    async_fn_in_trait,
    reason = "used only by this crate's tests, never as a trait object or across threads"
)]
pub trait Api {
    /// `http://127.0.0.1:PORT`.
    fn base(&self) -> &str;
    fn http(&self) -> &reqwest::Client;
    /// What the app takes for "now" (a real process reads the system clock).
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now()
    }

    fn endpoint(&self, path: &str) -> String {
        format!("{}{path}", self.base())
    }

    /// The `/metrics` text, asked for on the app's own port without a token.
    async fn metrics(&self) -> String {
        self.http()
            .get(self.endpoint("/metrics"))
            .send()
            .await
            .expect("metrics")
            .text()
            .await
            .expect("metrics text")
    }

    /// Creates a campaign as `admin`; `extra` adds fields such as `closes_at`.
    async fn create_campaign(
        &self,
        admin: &str,
        slug: &str,
        extra: serde_json::Value,
    ) -> serde_json::Value {
        let body = serde_json::json!({"slug": slug, "title": format!("Campaign {slug}")});
        self.admin_create(admin, "/api/v1/admin/campaigns", body, extra)
            .await
            .json()
            .await
            .expect("campaign json")
    }

    /// POSTs `body` with `extra`'s fields added as `admin` and expects 201 Created.
    /// (A helper of the helpers: not for tests to call.)
    async fn admin_create(
        &self,
        admin: &str,
        path: &str,
        mut body: serde_json::Value,
        extra: serde_json::Value,
    ) -> reqwest::Response {
        if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
            b.extend(e.clone());
        }
        let resp = self
            .http()
            .post(self.endpoint(path))
            .bearer_auth(admin)
            .json(&body)
            .send()
            .await
            .expect("create");
        assert_eq!(resp.status(), 201, "POST {path} {body}");
        resp
    }

    /// Creates a contest as `admin` whose entries close `close_in` seconds from now and
    /// whose results are announced `announce_in` seconds from now (shortlist of 3); `extra`
    /// adds fields. Returns `announce_at`.
    async fn create_contest(
        &self,
        admin: &str,
        slug: &str,
        close_in: i64,
        announce_in: i64,
        extra: serde_json::Value,
    ) -> chrono::DateTime<chrono::Utc> {
        let now = self.now();
        let announce_at = now + chrono::TimeDelta::seconds(announce_in);
        let body = serde_json::json!({
            "slug": slug, "title": "Slogans",
            "entries_close_at": (now + chrono::TimeDelta::seconds(close_in)).to_rfc3339(),
            "announce_at": announce_at.to_rfc3339(),
            "shortlist_size": 3,
        });
        self.admin_create(admin, "/api/v1/admin/contests", body, extra)
            .await;
        announce_at
    }

    /// Enters a slogan (by "Ana", with consent) through the API.
    async fn enter(&self, slug: &str, slogan: &str) -> reqwest::Response {
        self.http()
            .post(self.endpoint(&format!("/api/v1/contests/{slug}/entries")))
            .json(&serde_json::json!({"slogan": slogan, "author_name": "Ana", "consent": true}))
            .send()
            .await
            .expect("enter")
    }

    /// GETs a public path (no credentials) and reads its JSON body.
    async fn public_json(&self, path: &str) -> serde_json::Value {
        self.read_json(None, path).await
    }

    /// (A helper of the helpers: not for tests to call.)
    async fn read_json(&self, token: Option<&str>, path: &str) -> serde_json::Value {
        let mut request = self.http().get(self.endpoint(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let resp = request.send().await.expect("get");
        resp.json().await.expect("json")
    }

    /// Polls a contest's public results until they are announced; returns them.
    async fn wait_announced(&self, slug: &str, within: Duration) -> serde_json::Value {
        let deadline = std::time::Instant::now() + within;
        loop {
            let r = self
                .public_json(&format!("/api/v1/contests/{slug}/results"))
                .await;
            if r["announced"] == true {
                return r;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "not announced within {within:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// A staff `GET` of JSON.
    async fn get_json(&self, token: &str, path: &str) -> serde_json::Value {
        self.read_json(Some(token), path).await
    }

    /// A moderator's decision on a photo (`photos`) or a slogan entry (`entries`), which
    /// must succeed.
    async fn decide(&self, token: &str, what: &str, id: &str, body: serde_json::Value) {
        let r = self
            .http()
            .post(self.endpoint(&format!("/api/v1/moderation/{what}/{id}/decision")))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("decide");
        assert_eq!(r.status(), 200, "deciding {what} {id}");
    }

    /// Withdraws a photo with its receipt, as its supporter does; expects 204.
    async fn withdraw(&self, up: &Uploaded) {
        let r = self
            .http()
            .delete(self.endpoint(&format!("/api/v1/photos/{}", up.id)))
            .bearer_auth(&up.receipt)
            .send()
            .await
            .expect("withdraw");
        assert_eq!(r.status(), 204, "withdrawing {}", up.id);
    }

    /// Approves every slogan entry of a contest awaiting review.
    async fn approve_pending_entries(&self, token: &str, slug: &str) {
        let pending = self
            .get_json(
                token,
                &format!("/api/v1/moderation/contests/{slug}/entries"),
            )
            .await;
        for e in pending["items"].as_array().expect("items") {
            let id = e["id"].as_str().expect("id");
            self.decide(
                token,
                "entries",
                id,
                serde_json::json!({"decision": "approve"}),
            )
            .await;
        }
    }

    /// Posts a multipart upload: the file (if any) as `photo`, plus text fields.
    async fn upload(
        &self,
        slug: &str,
        file: Option<(&str, Vec<u8>)>,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut form = reqwest::multipart::Form::new();
        if let Some((name, bytes)) = file {
            form = form.part(
                "photo",
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
            );
        }
        for (k, v) in fields {
            form = form.text((*k).to_owned(), (*v).to_owned());
        }
        self.http()
            .post(self.endpoint(&format!("/api/v1/campaigns/{slug}/photos")))
            .multipart(form)
            .send()
            .await
            .expect("upload")
    }

    /// Uploads a fixture photo with consent; asserts 202.
    async fn upload_fixture(&self, slug: &str, name: &str, fields: &[(&str, &str)]) -> Uploaded {
        let bytes = std::fs::read(fixture(&format!("photos/{name}"))).expect("fixture");
        let mut all = vec![("consent", "true")];
        all.extend_from_slice(fields);
        let resp = self.upload(slug, Some((name, bytes)), &all).await;
        assert_eq!(
            resp.status(),
            202,
            "uploading {name}: {}",
            resp.text().await.unwrap_or_default()
        );
        let body: serde_json::Value = resp.json().await.expect("receipt");
        Uploaded {
            id: body["id"].as_str().expect("id").to_owned(),
            receipt: body["receipt_token"].as_str().expect("receipt").to_owned(),
        }
    }

    async fn photo_status(&self, up: &Uploaded) -> serde_json::Value {
        self.get_json(&up.receipt, &format!("/api/v1/photos/{}", up.id))
            .await
    }

    /// Polls until the photo leaves `received`/`processing`; returns its status document.
    async fn wait_processed(&self, up: &Uploaded, within: Duration) -> serde_json::Value {
        let deadline = std::time::Instant::now() + within;
        loop {
            let status = self.photo_status(up).await;
            let s = status["status"].as_str().unwrap_or_default();
            if s != "received" && s != "processing" {
                return status;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "photo {} still {s} after {within:?}",
                up.id
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Api for Server {
    fn base(&self) -> &str {
        &self.base
    }

    fn http(&self) -> &reqwest::Client {
        &self.client
    }
}
