//! The foundation, from outside: the real binary on both deployments (test names say which:
//! `embedded::…` is SQLite + files, `scale::…` is PostgreSQL + Garage over S3).

use placard_domain::jobs::AfterFailure;
use placard_e2e::{
    error_code, on_both_deployments, placard_bin, Api, Deployment, Server, TestApp, TestEnv,
};
use placard_storage::jobs::NewJob;
use placard_storage::now;

fn lease() -> chrono::TimeDelta {
    chrono::TimeDelta::seconds(30)
}

on_both_deployments!(
    serves_health_readiness_and_metrics_then_stops_cleanly,
    admin_jobs_need_an_admin_and_dead_jobs_can_be_retried,
    errors_always_use_the_envelope,
    readiness_fails_when_object_storage_is_gone,
    probe_only_roles_serve_no_api,
    tokens_never_reach_the_log,
);

async fn serves_health_readiness_and_metrics_then_stops_cleanly(d: Deployment) {
    let env = TestEnv::new(d).await;
    let app = env.start("api,worker,scheduler").await;
    let health = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("healthz");
    assert_eq!(health.status(), 200);
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
    ] {
        assert_eq!(
            health.headers().get(name).and_then(|v| v.to_str().ok()),
            Some(value),
            "{name}"
        );
    }
    assert!(health.headers().contains_key("content-security-policy"));
    let ready = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("readyz");
    assert_eq!(ready.status(), 200, "{}", app.log_text());
    let metrics = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("metrics");
    assert_eq!(metrics.status(), 200);
    let text = metrics.text().await.expect("text");
    for series in [
        "placard_jobs{state=\"dead\"}",
        "placard_queue_depth",
        "placard_http_requests_total",
    ] {
        assert!(text.contains(series), "/metrics lacks {series}:\n{text}");
    }
    let doc: serde_json::Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("openapi")
        .json()
        .await
        .expect("OpenAPI is JSON");
    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
        "{}",
        doc["openapi"]
    );
    // Every route the app serves is documented, with its method (the document itself
    // excepted), and so are the staff pages' session forms.
    let session = [("POST", "/session"), ("POST", "/session/end")];
    for (method, path) in placard_http::ROUTES.iter().chain(&session) {
        if *path == "/api/v1/openapi.json" {
            continue;
        }
        let op = &doc["paths"][*path][method.to_ascii_lowercase()];
        assert!(op.is_object(), "OpenAPI lacks {method} {path}");
    }
    assert!(app.stop().await, "SIGTERM ends serve with status 0");
    env.cleanup().await;
}

async fn admin_jobs_need_an_admin_and_dead_jobs_can_be_retried(d: Deployment) {
    let env = TestEnv::new(d).await;
    let admin = env.create_user("admin", "ana").await;
    let moderator = env.create_user("moderator", "mo").await;
    let judge = env.create_user("judge", "jo").await;
    assert!(admin.starts_with("plc_") && admin != moderator);
    // A job that failed for good, made through the repository on the same database.
    let store = &env.db.store;
    let id = store
        .enqueue_job(
            &NewJob {
                kind: "test.doomed",
                payload: serde_json::json!({}),
                max_attempts: 1,
            },
            now(),
        )
        .await
        .expect("enqueue");
    let job = store
        .claim_job("test", lease(), now())
        .await
        .expect("claim")
        .expect("job");
    store
        .fail_job(&job, "broken for good", AfterFailure::Dead, now())
        .await
        .expect("fail");

    let app = env.start("api").await;
    let list = app.url("/api/v1/admin/jobs?state=dead");
    let get = |token: Option<&str>| {
        let mut req = app.client.get(&list);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send()
    };
    assert_eq!(
        error_code(get(None).await.expect("req")).await,
        (401, "unauthenticated".into())
    );
    assert_eq!(
        error_code(get(Some("plc_nope")).await.expect("req")).await,
        (401, "unauthenticated".into())
    );
    assert_eq!(
        error_code(get(Some(&moderator)).await.expect("req")).await,
        (403, "forbidden".into())
    );
    assert_eq!(
        error_code(get(Some(&judge)).await.expect("req")).await,
        (403, "forbidden".into())
    );
    let ok = get(Some(&admin)).await.expect("req");
    assert_eq!(ok.status(), 200);
    let body: serde_json::Value = ok.json().await.expect("json");
    let items = body["items"].as_array().expect("items");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], id.to_string());
    assert_eq!(items[0]["last_error"], "broken for good");
    assert!(body["next_cursor"].is_null());

    let retry = |token: &str, id: String| {
        app.client
            .post(app.url(&format!("/api/v1/admin/jobs/{id}/retry")))
            .bearer_auth(token)
            .send()
    };
    assert_eq!(
        error_code(retry(&moderator, id.to_string()).await.expect("req"))
            .await
            .0,
        403
    );
    let revived = retry(&admin, id.to_string()).await.expect("req");
    assert_eq!(revived.status(), 200);
    let revived: serde_json::Value = revived.json().await.expect("json");
    assert_eq!(
        (revived["state"].as_str(), revived["attempts"].as_u64()),
        (Some("queued"), Some(0))
    );
    assert_eq!(
        error_code(retry(&admin, id.to_string()).await.expect("req")).await,
        (409, "not_dead".into())
    );
    let unknown = uuid::Uuid::new_v4().to_string();
    assert_eq!(
        error_code(retry(&admin, unknown).await.expect("req")).await,
        (404, "not_found".into())
    );
    assert_eq!(
        error_code(retry(&admin, "not-a-uuid".into()).await.expect("req")).await,
        (404, "not_found".into())
    );
    app.stop().await;
    env.cleanup().await;
}

async fn errors_always_use_the_envelope(d: Deployment) {
    let env = TestEnv::new(d).await;
    let admin = env.create_user("admin", "ana").await;
    let app = env.start("api").await;
    let c = &app.client;
    let cases: Vec<(&str, reqwest::RequestBuilder, u16, &str)> = vec![
        (
            "an unknown route",
            c.get(app.url("/nope")),
            404,
            "not_found",
        ),
        (
            "an unknown API route",
            c.get(app.url("/api/v1/nope")),
            404,
            "not_found",
        ),
        (
            "a wrong method",
            c.delete(app.url("/healthz")),
            405,
            "method_not_allowed",
        ),
        (
            "a limit over 200",
            c.get(app.url("/api/v1/admin/jobs?limit=1000"))
                .bearer_auth(&admin),
            400,
            "invalid_query",
        ),
        (
            "a limit that is not a number",
            c.get(app.url("/api/v1/admin/jobs?limit=ten"))
                .bearer_auth(&admin),
            400,
            "invalid_query",
        ),
        (
            "a forged cursor",
            c.get(app.url("/api/v1/admin/jobs?cursor=zzz"))
                .bearer_auth(&admin),
            400,
            "invalid_query",
        ),
    ];
    for (what, req, status, code) in cases {
        let resp = req.send().await.expect("request");
        assert_eq!(
            error_code(resp).await,
            (status, code.to_owned()),
            "did not fail right for {what}"
        );
    }
    app.stop().await;
    env.cleanup().await;
}

async fn readiness_fails_when_object_storage_is_gone(d: Deployment) {
    let env = TestEnv::new(d).await;
    let (app, gone) = match d {
        Deployment::Embedded => {
            let dir = env.data_dir.join("vanishing-objects");
            let url = format!("file://{}", dir.display());
            let app = Server::start(&env, "api", &[("PLACARD_STORAGE_URL", &url)]).await;
            assert_eq!(
                app.client
                    .get(app.url("/readyz"))
                    .send()
                    .await
                    .expect("readyz")
                    .status(),
                200
            );
            std::fs::remove_dir_all(&dir).expect("removing the object folder");
            (app, "removed folder")
        }
        Deployment::Scale => {
            let url = format!("s3://missing-{}", uuid::Uuid::new_v4().simple());
            (
                Server::start(&env, "api", &[("PLACARD_STORAGE_URL", &url)]).await,
                "missing bucket",
            )
        }
    };
    let resp = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("readyz");
    assert_eq!(
        error_code(resp).await,
        (503, "not_ready".into()),
        "readyz with a {gone}"
    );
    assert_eq!(
        app.client
            .get(app.url("/healthz"))
            .send()
            .await
            .expect("healthz")
            .status(),
        200
    );
    app.stop().await;
    env.cleanup().await;
}

async fn probe_only_roles_serve_no_api(d: Deployment) {
    let env = TestEnv::new(d).await;
    let app = env.start("worker,scheduler").await;
    for path in ["/healthz", "/readyz", "/metrics"] {
        assert_eq!(
            app.client
                .get(app.url(path))
                .send()
                .await
                .expect(path)
                .status(),
            200,
            "{path}"
        );
    }
    let api = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .expect("api");
    assert_eq!(error_code(api).await, (404, "not_found".into()));
    assert!(app.stop().await);
    env.cleanup().await;
}

async fn tokens_never_reach_the_log(d: Deployment) {
    let env = TestEnv::new(d).await;
    let admin = env.create_user("admin", "ana").await;
    let app = env.start("api").await;
    for path in [
        "/api/v1/admin/jobs",
        "/api/v1/admin/jobs?state=done",
        "/nope",
    ] {
        app.client
            .get(app.url(path))
            .bearer_auth(&admin)
            .send()
            .await
            .expect("req");
    }
    app.client
        .get(app.url("/api/v1/admin/jobs"))
        .bearer_auth("plc_wrong_secret")
        .send()
        .await
        .expect("req");
    let log = app.log_text();
    assert!(log.contains("http.route"), "requests are logged:\n{log}");
    assert!(
        !log.contains(&admin) && !log.contains("plc_wrong_secret"),
        "a token reached the log"
    );
    app.stop().await;
    env.cleanup().await;
}

#[tokio::test]
async fn bad_configuration_stops_startup_and_names_the_variable() {
    let cases = [
        ("PLACARD_DATABASE_URL", "mysql://x"),
        ("PLACARD_STORAGE_URL", "ftp://x"),
        ("PLACARD_STORAGE_URL", "s3://"),
        ("PLACARD_BIND", "not-an-address"),
        ("PLACARD_S3_ENDPOINT", "garage:3900"),
        ("PLACARD_RATE_LIMIT_PER_MINUTE", "many"),
    ];
    for (var, value) in cases {
        let cwd =
            std::env::temp_dir().join(format!("placard-badcfg-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&cwd).expect("cwd");
        let out = tokio::process::Command::new(placard_bin())
            .arg("serve")
            .current_dir(&cwd)
            .env_clear()
            .env("PLACARD_BIND", "127.0.0.1:0")
            .env(var, value)
            .output()
            .await
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{var}={value} did not stop startup");
        assert!(
            stderr.contains(var),
            "the message for {var}={value} does not name it: {stderr}"
        );
        assert!(
            out.stdout.is_empty(),
            "nothing was served for {var}={value}"
        );
        assert!(
            !cwd.join("placard-data").exists(),
            "{var}={value} left files behind"
        );
        std::fs::remove_dir_all(&cwd).ok();
    }
}

#[tokio::test]
async fn an_unknown_setting_is_a_warning_that_names_it_and_the_likely_one() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let out = tokio::process::Command::new(placard_bin())
        .arg("migrate")
        .env_clear()
        .envs(env.vars())
        .env("PLACARD_FOO", "1")
        .env("PLACARD_WORKER_CONCURENCY", "4")
        .output()
        .await
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "an unknown variable stops nothing: {stderr}"
    );
    let warning = |name: &str| {
        stderr
            .lines()
            .find(|l| l.contains("WARN") && l.contains(name))
            .unwrap_or_else(|| panic!("no warning naming {name}: {stderr}"))
            .to_owned()
    };
    warning("PLACARD_FOO");
    assert!(
        warning("PLACARD_WORKER_CONCURENCY").contains("did you mean PLACARD_WORKER_CONCURRENCY"),
        "{stderr}"
    );
    env.cleanup().await;
}

#[tokio::test]
async fn the_embedded_default_needs_no_configuration() {
    let cwd =
        std::env::temp_dir().join(format!("placard-default-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&cwd).expect("cwd");
    let mut child = tokio::process::Command::new(placard_bin())
        .arg("serve")
        .current_dir(&cwd)
        .env_clear()
        .env("PLACARD_BIND", "127.0.0.1:0")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("spawn");
    use tokio::io::AsyncBufReadExt;
    let mut lines = tokio::io::BufReader::new(child.stdout.take().expect("stdout")).lines();
    let line = tokio::time::timeout(std::time::Duration::from_secs(30), lines.next_line())
        .await
        .expect("started in time")
        .expect("read")
        .expect("a line");
    let base = line
        .strip_prefix("listening on ")
        .expect("listening line")
        .to_owned();
    let client = reqwest::Client::new();
    for path in ["/healthz", "/readyz"] {
        let status = client
            .get(format!("{base}{path}"))
            .send()
            .await
            .expect(path)
            .status();
        assert_eq!(status, 200, "{path}");
    }
    assert!(
        cwd.join("placard-data/placard.db").is_file(),
        "the SQLite file is in ./placard-data"
    );
    assert!(
        cwd.join("placard-data/objects").is_dir(),
        "the objects folder is in ./placard-data"
    );
    child.kill().await.ok();
    std::fs::remove_dir_all(&cwd).ok();
}

#[tokio::test]
async fn cors_allows_only_the_configured_origins() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = Server::start(
        &env,
        "api",
        &[("PLACARD_CORS_ORIGINS", "https://campaign.example")],
    )
    .await;
    let preflight = |origin: &'static str| {
        app.client
            .request(reqwest::Method::OPTIONS, app.url("/api/v1/openapi.json"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .send()
    };
    let allowed = preflight("https://campaign.example")
        .await
        .expect("preflight");
    assert_eq!(
        allowed
            .headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("https://campaign.example")
    );
    let refused = preflight("https://elsewhere.example")
        .await
        .expect("preflight");
    assert!(!refused
        .headers()
        .contains_key("access-control-allow-origin"));
    app.stop().await;
    env.cleanup().await;
}

#[tokio::test]
async fn migrate_applies_and_exits() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let out = env.cli(&["migrate"]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = env.cli(&["migrate"]).await;
    assert!(again.status.success(), "migrate twice is harmless");
    let dup = env
        .cli(&["user", "create", "--role", "judge", "--name", "x"])
        .await;
    assert!(dup.status.success());
    let dup = env
        .cli(&["user", "create", "--role", "judge", "--name", "x"])
        .await;
    assert!(!dup.status.success(), "a taken name is refused");
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
    env.cleanup().await;
}

/// Metrics on an address of their own, behind a token: not on the public port, refused
/// without the token; and the database gauges come from the scheduler role only, so that a
/// sum over instances counts each job once.
#[tokio::test]
async fn metrics_can_have_their_own_address_and_token_and_count_jobs_once() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let bind = format!("127.0.0.1:{port}");
    let app = Server::start(
        &env,
        "api,worker,scheduler",
        &[
            ("PLACARD_METRICS_BIND", &bind),
            ("PLACARD_METRICS_TOKEN", "metrics-secret-1"),
        ],
    )
    .await;
    let public = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("get");
    assert_eq!(public.status(), 404, "not on the public port");
    let url = format!("http://{bind}/metrics");
    let bare = app.client.get(&url).send().await.expect("get");
    assert_eq!(error_code(bare).await, (401, "unauthenticated".to_owned()));
    let wrong = app
        .client
        .get(&url)
        .bearer_auth("metrics-secret-2")
        .send()
        .await
        .expect("get");
    assert_eq!(wrong.status(), 401);
    let ok = app
        .client
        .get(&url)
        .bearer_auth("metrics-secret-1")
        .send()
        .await
        .expect("get");
    assert_eq!(ok.status(), 200);
    let text = ok.text().await.expect("text");
    assert!(
        text.contains("placard_build_info") && text.contains("placard_jobs{state=\"dead\"}"),
        "{text}"
    );
    assert!(app.stop().await);

    // An API-only process exports its own request counters, not the database's figures.
    let api = Server::start(&env, "api", &[]).await;
    let text = api.metrics().await;
    assert!(text.contains("placard_build_info"), "{text}");
    assert!(
        !text.contains("placard_jobs{"),
        "database gauges from an api-only process:\n{text}"
    );
    assert!(api.stop().await);
    env.cleanup().await;
}

/// The AGPL's source offer: every page links to the archive, which is this build's source.
#[tokio::test]
async fn every_user_is_offered_this_builds_source() {
    let app = TestApp::spawn(Deployment::Embedded).await;
    let offer: serde_json::Value = app
        .client
        .get(app.url("/api/v1/source"))
        .send()
        .await
        .expect("offer")
        .json()
        .await
        .expect("json");
    assert_eq!(offer["license"], "AGPL-3.0-or-later");
    assert_eq!(offer["archive"], app.url("/source.tar.gz"));
    let r = app
        .client
        .get(app.url("/source.tar.gz"))
        .send()
        .await
        .expect("archive");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/gzip");
    let etag = r.headers()["etag"].to_str().expect("etag").to_owned();
    let archive = r.bytes().await.expect("bytes");
    assert_eq!(Some(archive.len() as u64), offer["bytes"].as_u64());
    let path = app.env.data_dir.join("source.tar.gz");
    std::fs::write(&path, &archive).expect("write");
    let sum = std::process::Command::new("sha256sum")
        .arg(&path)
        .output()
        .expect("sha256sum");
    let sum = String::from_utf8_lossy(&sum.stdout);
    assert_eq!(sum.split_whitespace().next(), offer["sha256"].as_str());
    assert_eq!(
        etag,
        format!("\"{}\"", offer["sha256"].as_str().expect("sha"))
    );
    let listing = std::process::Command::new("tar")
        .arg("tzf")
        .arg(&path)
        .output()
        .expect("tar");
    assert!(listing.status.success(), "a valid .tar.gz");
    let listing = String::from_utf8_lossy(&listing.stdout);
    for file in [
        "placard/LICENSE",
        "placard/Cargo.toml",
        "placard/Cargo.lock",
        "placard/crates/placard/build.rs",
        "placard/crates/http/src/routes/source.rs",
        "placard/migrations/",
        "placard/vendor/jpeg-decoder/src/decoder.rs",
    ] {
        assert!(
            listing.lines().any(|l| l.starts_with(file)),
            "{file} missing"
        );
    }
    assert!(
        !listing
            .lines()
            .any(|l| l.contains("/target/") || l.contains("/.git")),
        "build output or history packed"
    );
    let again = app
        .client
        .get(app.url("/source.tar.gz"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .expect("again");
    assert_eq!(again.status(), 304);
    let home = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .expect("home")
        .text()
        .await
        .expect("html");
    assert!(home.contains("href=\"/source.tar.gz\""), "{home}");
}
