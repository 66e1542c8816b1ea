//! When PostgreSQL or the S3 store stops answering — connections cut, or held without a byte
//! passing — requests that need it answer 503 `unavailable` with `Retry-After` within a
//! bounded time (never 500), `/readyz` says so, the work already accepted is retried, and once
//! the service is back everything accepted is processed, once. The services are real; a
//! fault-injecting TCP proxy sits between them and the app.

use chrono::TimeDelta;
use placard_blob::{ObjectStore, StorageUrl};
use placard_e2e::proxy::{Fault, FaultProxy};
use placard_e2e::{error_code, Api, Deployment, TestApp, Uploaded};
use placard_storage::{DatabaseUrl, PoolSettings, Store};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn port_of(url: &str) -> u16 {
    let after = url.split("://").nth(1).expect("a URL");
    let host = after.split(['/', '?']).next().expect("host");
    let host = host.rsplit('@').next().expect("host");
    host.rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port")
}

/// The test's S3 space, reached through `proxy`, with 2-second attempts.
async fn s3_through(app_env: &placard_e2e::TestEnv, proxy: &FaultProxy) -> Arc<dyn ObjectStore> {
    let StorageUrl::S3 { bucket, prefix } = app_env.objects.url.parse().expect("an s3:// URL")
    else {
        panic!("the scale deployment's objects are in S3");
    };
    let mut settings = placard_blob::testing::TestS3::from_env().settings();
    settings.endpoint = Some(format!("http://127.0.0.1:{}", proxy.port()));
    settings.timeout = Some(Duration::from_secs(2));
    Arc::new(placard_blob::S3Store::connect(&bucket, &prefix, &settings).await)
}

async fn upload(app: &TestApp) -> (u16, Option<String>, Option<Uploaded>, Duration) {
    let photo =
        std::fs::read(placard_e2e::fixture("photos/ladybird-2560x1600.jpg")).expect("fixture");
    let started = Instant::now();
    let resp = app
        .upload("sdp", Some(("p.jpg", photo)), &[("consent", "true")])
        .await;
    let took = started.elapsed();
    let status = resp.status().as_u16();
    let retry = resp
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if status == 202 {
        let body: serde_json::Value = resp.json().await.expect("receipt");
        let up = Uploaded {
            id: body["id"].as_str().expect("id").to_owned(),
            receipt: body["receipt_token"].as_str().expect("token").to_owned(),
        };
        return (status, retry, Some(up), took);
    }
    let (_, code) = error_code(resp).await;
    assert_eq!(code, "unavailable", "status {status}");
    (status, retry, None, took)
}

async fn readyz(app: &TestApp) -> u16 {
    app.http()
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("readyz")
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_object_store_outage_answers_503_and_loses_nothing() {
    let garage = (
        [127, 0, 0, 1],
        port_of(&placard_blob::testing::TestS3::from_env().endpoint),
    )
        .into();
    let proxy = Arc::new(FaultProxy::start(garage).await);
    let through = proxy.clone();
    // The wiring needs the env's bucket prefix: built inside, on the test's runtime.
    let handle = tokio::runtime::Handle::current();
    let app = TestApp::spawn_with(Deployment::Scale, move |env| {
        let objects = tokio::task::block_in_place(|| handle.block_on(s3_through(env, &through)));
        (env.db.store.clone(), objects)
    })
    .await;
    let admin = app.create_user("admin", "ana").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;

    let (status, _, before, _) = upload(&app).await;
    assert_eq!(status, 202);
    let before = before.expect("accepted");
    // Accepted, then the store goes away before the worker gets to it.
    proxy.set(Fault::Cut);
    let (status, retry, _, took) = upload(&app).await;
    assert_eq!(
        (status, retry.as_deref()),
        (503, Some("5")),
        "a cut store: 503 and when to retry"
    );
    assert!(took < Duration::from_secs(15), "answered in {took:?}");
    assert_eq!(readyz(&app).await, 503);
    app.run_pending_jobs().await;
    let status = app.photo_status(&before).await;
    assert_ne!(
        status["status"], "pending_review",
        "processed without its original? {status}"
    );

    // A store that hangs: still a bounded 503.
    proxy.set(Fault::Blackhole);
    let (status, _, _, took) = upload(&app).await;
    assert_eq!(status, 503);
    assert!(
        took < Duration::from_secs(20),
        "a hanging store held the request {took:?}"
    );

    // Back: the retried job processes the photo accepted before the outage; new uploads work.
    proxy.set(Fault::Pass);
    assert_eq!(readyz(&app).await, 200);
    let (status, _, after, _) = upload(&app).await;
    assert_eq!(status, 202);
    app.advance(TimeDelta::minutes(15));
    app.run_pending_jobs().await;
    for up in [&before, &after.expect("accepted")] {
        assert_eq!(
            app.photo_status(up).await["status"],
            "pending_review",
            "{}",
            up.id
        );
    }
    let db = &app.env.db.store;
    assert_eq!(
        db.count("SELECT COUNT(*) FROM photos")
            .await
            .expect("count"),
        2,
        "the refused uploads left no row"
    );
    assert_eq!(
        db.count("SELECT COUNT(*) FROM jobs WHERE state = 'dead'")
            .await
            .expect("count"),
        0
    );
    assert_eq!(
        app.env.objects.store.list("").await.expect("list").len(),
        6,
        "two originals and their thumbnails, nothing from the refused uploads"
    );
    assert!(app.stop().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_outage_answers_503_and_loses_nothing() {
    let postgres = ([127, 0, 0, 1], 5432).into();
    let proxy = Arc::new(FaultProxy::start(postgres).await);
    let port = proxy.port();
    let handle = tokio::runtime::Handle::current();
    let app = TestApp::spawn_with(Deployment::Scale, move |env| {
        let url: DatabaseUrl = env
            .db
            .url
            .replacen(":5432/", &format!(":{port}/"), 1)
            .parse()
            .expect("url");
        let settings = PoolSettings {
            max_connections: 4,
            acquire_timeout: Duration::from_secs(2),
        };
        let store = tokio::task::block_in_place(|| handle.block_on(Store::connect(&url, settings)))
            .expect("connect through the proxy");
        (store, env.objects.store.clone())
    })
    .await;
    let admin = app.create_user("admin", "ana").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let (status, _, before, _) = upload(&app).await;
    assert_eq!(status, 202);

    proxy.set(Fault::Cut);
    let (status, retry, _, took) = upload(&app).await;
    assert_eq!((status, retry.as_deref()), (503, Some("5")));
    assert!(took < Duration::from_secs(15), "answered in {took:?}");
    let resp = app
        .http()
        .get(app.url("/api/v1/campaigns/sdp"))
        .send()
        .await
        .expect("get");
    assert_eq!(
        error_code(resp).await,
        (503, "unavailable".to_owned()),
        "reads too"
    );
    assert_eq!(readyz(&app).await, 503);

    proxy.set(Fault::Pass);
    // The pool reconnects by itself.
    let deadline = Instant::now() + Duration::from_secs(15);
    while readyz(&app).await != 200 {
        assert!(
            Instant::now() < deadline,
            "not ready again after the database came back"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (status, _, after, _) = upload(&app).await;
    assert_eq!(status, 202);
    app.run_pending_jobs().await;
    for up in [before.expect("accepted"), after.expect("accepted")] {
        assert_eq!(
            app.photo_status(&up).await["status"],
            "pending_review",
            "{}",
            up.id
        );
    }
    let db = &app.env.db.store;
    assert_eq!(
        db.count("SELECT COUNT(*) FROM photos")
            .await
            .expect("count"),
        2
    );
    assert_eq!(
        app.env.objects.store.list("").await.expect("list").len(),
        6,
        "no orphan of the refused upload"
    );
    assert!(app.stop().await);
}
