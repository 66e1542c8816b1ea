//! The photo petition end to end, on both deployments (`embedded::…` SQLite + files,
//! `scale::…` PostgreSQL + Garage): upload → worker → thumbnails, status, erasure, gallery.

use placard_domain::PhotoStatus;
use placard_e2e::{
    error_code, fixture, fixture_photos, on_both_deployments, Api, Deployment, Server, TestApp,
    TestEnv, Uploaded, PLANTED,
};
use std::time::Duration;

on_both_deployments!(
    every_fixture_photo_reaches_review_upright_bounded_and_clean,
    every_bad_file_gets_its_code_and_leaves_nothing_behind,
    form_mistakes_are_refused_and_leave_nothing_behind,
    erasure_leaves_no_object_and_no_personal_field,
    receipt_tokens_reach_only_their_own_photo,
    the_gallery_shows_exactly_the_approved_photos,
    duplicates_are_flagged_not_rejected,
    a_killed_worker_loses_nothing_and_duplicates_nothing,
    an_upload_arriving_while_the_api_stops_is_completed_and_stored,
    the_queue_age_says_how_long_the_oldest_photo_has_waited,
);

const PROCESSING: Duration = Duration::from_secs(120);

async fn admin_and_campaign(env: &TestEnv, app: &impl Api, slug: &str) -> String {
    let admin = env.create_user("admin", "ana").await;
    app.create_campaign(&admin, slug, serde_json::json!({}))
        .await;
    admin
}

async fn count(env: &TestEnv, sql: &str) -> i64 {
    env.db.store.count(sql).await.expect("count")
}

async fn every_fixture_photo_reaches_review_upright_bounded_and_clean(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let env = &app.env;
    admin_and_campaign(env, &app, "sdp").await;
    let mut uploads = Vec::new();
    for name in fixture_photos() {
        let up = app
            .upload_fixture("sdp", &name, &[("display_name", "Ana"), ("country", "PT")])
            .await;
        uploads.push((name, up));
    }
    for (name, up) in &uploads {
        let status = app.wait_processed(up, PROCESSING).await;
        assert_eq!(status["status"], "pending_review", "{name}: {status}");
        for (size, edge) in [("small", 320), ("large", 1280)] {
            let t = &status["thumbnails"][size];
            let resp = app
                .client
                .get(t["url"].as_str().expect("url"))
                .send()
                .await
                .expect("thumbnail");
            assert_eq!(resp.status(), 200, "{name} {size}");
            assert_eq!(
                resp.headers()["content-type"],
                "image/jpeg",
                "{name} {size}"
            );
            let bytes = resp.bytes().await.expect("bytes");
            let header = placard_media::inspect(
                &bytes,
                &placard_media::Limits {
                    min_side: 1,
                    ..Default::default()
                },
            )
            .unwrap_or_else(|e| panic!("{name} {size} is not a readable image: {e}"));
            assert_eq!(
                (u64::from(header.width), u64::from(header.height)),
                (
                    t["width"].as_u64().unwrap_or(0),
                    t["height"].as_u64().unwrap_or(0)
                )
            );
            assert!(
                header.width.max(header.height) <= edge,
                "{name} {size}: {}x{}",
                header.width,
                header.height
            );
            for needle in PLANTED {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == *needle),
                    "{name} {size} leaks {:?}",
                    String::from_utf8_lossy(needle)
                );
            }
            if name.contains("rotated") {
                assert!(
                    header.height > header.width,
                    "the rotated fixture's {size} is not portrait"
                );
            }
        }
    }
    assert!(app.stop().await);
}

async fn queue_age(app: &TestApp) -> String {
    let text = app.metrics().await;
    text.lines()
        .find(|l| l.starts_with("placard_queue_oldest_seconds "))
        .unwrap_or_else(|| panic!("/metrics lacks placard_queue_oldest_seconds:\n{text}"))
        .to_owned()
}

/// `placard_queue_oldest_seconds` is how long the oldest photo has waited for a worker (what
/// the alert of docs/SCALE.md watches), counted from its upload, not from the youngest
/// one's, and 0 once the workers have caught up.
async fn the_queue_age_says_how_long_the_oldest_photo_has_waited(d: Deployment) {
    let app = TestApp::spawn(d).await;
    admin_and_campaign(&app.env, &app, "sdp").await;
    assert_eq!(queue_age(&app).await, "placard_queue_oldest_seconds 0");
    app.upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    app.advance(chrono::TimeDelta::seconds(90));
    app.upload_fixture("sdp", "aitzgorri-rotated8-gps.jpg", &[])
        .await;
    app.advance(chrono::TimeDelta::seconds(5));
    assert_eq!(queue_age(&app).await, "placard_queue_oldest_seconds 95");
    app.run_pending_jobs().await;
    assert_eq!(queue_age(&app).await, "placard_queue_oldest_seconds 0");
    assert!(app.stop().await);
}

async fn nothing_left(env: &TestEnv, what: &str) {
    assert_eq!(
        count(env, "SELECT COUNT(*) FROM photos").await,
        0,
        "{what}: a row remains"
    );
    assert_eq!(
        count(env, "SELECT COUNT(*) FROM jobs").await,
        0,
        "{what}: a job remains"
    );
    let objects = env.objects.store.list("").await.expect("list");
    assert!(objects.is_empty(), "{what}: objects remain: {objects:?}");
    let staged = std::fs::read_dir(env.data_dir.join("uploads"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(staged, 0, "{what}: a staging file remains");
}

async fn every_bad_file_gets_its_code_and_leaves_nothing_behind(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let env = &app.env;
    admin_and_campaign(env, &app, "sdp").await;
    let cases = [
        ("not-an-image.jpg", 415, "unsupported_media_type"),
        ("photo.gif", 415, "unsupported_media_type"),
        ("bomb-25000.png", 422, "image_too_large"),
        ("claims-40000x40000.jpg", 422, "image_too_large"),
        ("tiny-100x80.png", 422, "image_too_small"),
        ("truncated-half.jpg", 422, "invalid_image"),
        ("scan-bomb-2000.jpg", 422, "invalid_image"),
    ];
    for (name, status, code) in cases {
        let bytes = std::fs::read(fixture(&format!("bad/{name}"))).expect("fixture");
        let resp = app
            .upload("sdp", Some((name, bytes)), &[("consent", "true")])
            .await;
        assert_eq!(
            error_code(resp).await,
            (status, code.to_owned()),
            "did not fail right for bad/{name}"
        );
    }
    nothing_left(env, "bad files").await;
    let metrics = app.metrics().await;
    assert!(
        metrics.contains("placard_uploads_total{outcome=\"image_too_large\"} 2"),
        "{metrics}"
    );
    app.stop().await;
}

async fn form_mistakes_are_refused_and_leave_nothing_behind(d: Deployment) {
    let env = TestEnv::new(d).await;
    let app = Server::start(&env, "api", &[("PLACARD_MAX_UPLOAD_BYTES", "450000")]).await;
    let admin = admin_and_campaign(&env, &app, "sdp").await;
    let past = "2020-01-01T00:00:00Z";
    app.create_campaign(
        &admin,
        "over",
        serde_json::json!({"opens_at": "2019-01-01T00:00:00+02:00", "closes_at": past}),
    )
    .await;
    let photo = || {
        Some((
            "a.jpg",
            std::fs::read(fixture("photos/aitzgorri-rotated8-gps.jpg")).expect("fixture"),
        ))
    };
    let big = || {
        Some((
            "b.jpg",
            std::fs::read(fixture("photos/painting-6000x4000.jpg")).expect("fixture"),
        ))
    };
    let long = "x".repeat(281);
    /// What is wrong, campaign, file, fields, expected status and code.
    type Case<'a> = (
        &'a str,
        &'a str,
        Option<(&'a str, Vec<u8>)>,
        Vec<(&'a str, &'a str)>,
        u16,
        &'a str,
    );
    let cases: Vec<Case> = vec![
        (
            "no consent",
            "sdp",
            photo(),
            vec![],
            400,
            "consent_required",
        ),
        (
            "consent=false",
            "sdp",
            photo(),
            vec![("consent", "false")],
            400,
            "consent_required",
        ),
        (
            "no photo",
            "sdp",
            None,
            vec![("consent", "true")],
            400,
            "invalid_field",
        ),
        (
            "a bad country",
            "sdp",
            photo(),
            vec![("consent", "true"), ("country", "Narnia")],
            400,
            "invalid_field",
        ),
        (
            "a long caption",
            "sdp",
            photo(),
            vec![("consent", "true"), ("caption", long.as_str())],
            400,
            "invalid_field",
        ),
        (
            "a field the form does not have",
            "sdp",
            photo(),
            vec![("consent", "true"), ("nickname", "x")],
            400,
            "invalid_field",
        ),
        (
            "a field sent twice",
            "sdp",
            photo(),
            vec![("consent", "true"), ("caption", "a"), ("caption", "b")],
            400,
            "invalid_field",
        ),
        (
            "a name that reverses the text after it (U+202E)",
            "sdp",
            photo(),
            vec![("consent", "true"), ("display_name", "Ana\u{202E}gpj.exe")],
            400,
            "invalid_field",
        ),
        (
            "a NUL in the name",
            "sdp",
            photo(),
            vec![("consent", "true"), ("display_name", "a\u{0}b")],
            400,
            "invalid_field",
        ),
        (
            "a file over the limit",
            "sdp",
            big(),
            vec![("consent", "true")],
            413,
            "payload_too_large",
        ),
        (
            "an unknown campaign",
            "nope",
            photo(),
            vec![("consent", "true")],
            404,
            "not_found",
        ),
        (
            "a closed campaign",
            "over",
            photo(),
            vec![("consent", "true")],
            409,
            "submissions_closed",
        ),
    ];
    for (what, slug, file, fields, status, code) in cases {
        let resp = app.upload(slug, file, &fields).await;
        assert_eq!(
            error_code(resp).await,
            (status, code.to_owned()),
            "did not fail right for {what}"
        );
    }
    let not_multipart = app
        .client
        .post(app.url("/api/v1/campaigns/sdp/photos"))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .expect("post");
    assert!(matches!(error_code(not_multipart).await.0, 400 | 415));
    nothing_left(&env, "form mistakes").await;
    app.stop().await;
    env.cleanup().await;
}

async fn erasure_leaves_no_object_and_no_personal_field(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let env = &app.env;
    admin_and_campaign(env, &app, "sdp").await;
    let caption = "my-very-own-caption-7391";
    let up = app
        .upload_fixture(
            "sdp",
            "ladybird-2560x1600.jpg",
            &[("caption", caption), ("display_name", "Zoë")],
        )
        .await;
    app.wait_processed(&up, PROCESSING).await;
    assert_eq!(
        env.objects.store.list("").await.expect("list").len(),
        3,
        "original + two thumbnails"
    );
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/photos/{}", up.id)))
        .bearer_auth(&up.receipt)
        .send()
        .await
        .expect("delete");
    assert_eq!(resp.status(), 204);
    assert!(
        env.objects.store.list("").await.expect("list").is_empty(),
        "objects remain after erasure"
    );
    let traces = format!(
        "SELECT COUNT(*) FROM photos WHERE caption LIKE '%{caption}%' OR display_name = 'Zoë'"
    );
    assert_eq!(count(env, &traces).await, 0);
    assert_eq!(
        count(
            env,
            &format!("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%{caption}%'")
        )
        .await,
        0
    );
    assert_eq!(
        count(
            env,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'photo.erase' AND actor = 'supporter'"
        )
        .await,
        1,
        "the erasure itself is recorded"
    );
    let again = app
        .client
        .get(app.url(&format!("/api/v1/photos/{}", up.id)))
        .bearer_auth(&up.receipt)
        .send()
        .await
        .expect("get");
    assert_eq!(error_code(again).await, (404, "not_found".into()));
    app.stop().await;
}

async fn receipt_tokens_reach_only_their_own_photo(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let env = &app.env;
    admin_and_campaign(env, &app, "sdp").await;
    let moderator = app.create_user("moderator", "mo").await;
    let judge = app.create_user("judge", "jo").await;
    let a = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    let b = app
        .upload_fixture("sdp", "friends-portrait-2056x3088.jpg", &[])
        .await;
    let url = |id: &str| app.url(&format!("/api/v1/photos/{id}"));
    let no_token = app.client.get(url(&a.id)).send().await.expect("get");
    assert_eq!(error_code(no_token).await, (401, "unauthenticated".into()));
    let unknown = app
        .client
        .get(url(&a.id))
        .bearer_auth("rct_not_a_real_token")
        .send()
        .await
        .expect("get");
    assert_eq!(
        error_code(unknown).await,
        (401, "unauthenticated".into()),
        "an unknown token is 401"
    );
    let crossed = app
        .client
        .get(url(&a.id))
        .bearer_auth(&b.receipt)
        .send()
        .await
        .expect("get");
    assert_eq!(
        error_code(crossed).await,
        (404, "not_found".into()),
        "B's token must not reach A"
    );
    let crossed_delete = app
        .client
        .delete(url(&a.id))
        .bearer_auth(&b.receipt)
        .send()
        .await
        .expect("delete");
    assert_eq!(error_code(crossed_delete).await, (404, "not_found".into()));
    assert_eq!(app.photo_status(&a).await["id"], a.id, "A is still there");

    app.wait_processed(&a, PROCESSING).await;
    let original = |token: Option<&str>| {
        let mut r = app
            .client
            .get(app.url(&format!("/api/v1/moderation/photos/{}/original", a.id)));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send()
    };
    assert_eq!(error_code(original(None).await.expect("req")).await.0, 401);
    assert_eq!(
        error_code(original(Some(&a.receipt)).await.expect("req"))
            .await
            .0,
        401,
        "receipts are not staff tokens"
    );
    assert_eq!(
        error_code(original(Some(&judge)).await.expect("req"))
            .await
            .0,
        403
    );
    let ok = original(Some(&moderator)).await.expect("req");
    assert_eq!(ok.status(), 200);
    let bytes = ok.bytes().await.expect("bytes");
    // The original as stored: the bytes sent, less their metadata.
    let sent = std::fs::read(fixture("photos/ladybird-2560x1600.jpg")).expect("fixture");
    let (stripped, _) = placard_media::strip_bytes(&sent).expect("strip");
    assert_eq!(&bytes[..], &stripped[..]);
    app.stop().await;
}

async fn the_gallery_shows_exactly_the_approved_photos(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let env = &app.env;
    admin_and_campaign(env, &app, "sdp").await;
    let names = [
        "ladybird-2560x1600.jpg",
        "friends-portrait-2056x3088.jpg",
        "aitzgorri-rotated8-gps.jpg",
    ];
    let mut ups: Vec<Uploaded> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let caption = format!("caption {i}");
        ups.push(
            app.upload_fixture(
                "sdp",
                name,
                &[("caption", caption.as_str()), ("display_name", "Ana")],
            )
            .await,
        );
    }
    for up in &ups {
        app.wait_processed(up, PROCESSING).await;
    }
    // Approval belongs to moderation; here it is set through the repository.
    let t = placard_storage::now();
    let id = |up: &Uploaded| up.id.parse::<uuid::Uuid>().expect("uuid");
    env.db
        .store
        .force_photo_status(id(&ups[0]), PhotoStatus::Approved, t)
        .await
        .expect("approve");
    env.db
        .store
        .force_photo_status(
            id(&ups[2]),
            PhotoStatus::Approved,
            t + chrono::TimeDelta::seconds(1),
        )
        .await
        .expect("approve");
    env.db
        .store
        .force_photo_status(id(&ups[1]), PhotoStatus::Rejected, t)
        .await
        .expect("reject");

    let page: serde_json::Value = app
        .public_json("/api/v1/campaigns/sdp/gallery?limit=1")
        .await;
    let items = page["items"].as_array().expect("items");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], ups[2].id, "most recently approved first");
    assert_eq!(items[0]["caption"], "caption 2");
    assert!(items[0]["blurhash"].as_str().is_some_and(|b| b.len() == 28));
    for private in ["receipt_token", "receipt_hash", "original_key", "status"] {
        assert!(
            items[0].get(private).is_none(),
            "the gallery shows {private}"
        );
    }
    let cursor = page["next_cursor"].as_str().expect("a next page");
    let rest: serde_json::Value = app
        .public_json(&format!(
            "/api/v1/campaigns/sdp/gallery?limit=1&cursor={cursor}"
        ))
        .await;
    assert_eq!(rest["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(rest["items"][0]["id"], ups[0].id);
    let last = rest["next_cursor"].as_str().map(str::to_owned);
    if let Some(c) = last {
        let end: serde_json::Value = app
            .public_json(&format!("/api/v1/campaigns/sdp/gallery?limit=1&cursor={c}"))
            .await;
        assert_eq!(
            end["items"].as_array().map(Vec::len),
            Some(0),
            "the rejected photo is not in the gallery"
        );
    }

    // Approved thumbnails: stable public URLs, cacheable, with a strong ETag.
    let url = items[0]["thumbnails"]["large"]["url"]
        .as_str()
        .expect("url")
        .to_owned();
    assert!(
        !url.contains("signature"),
        "approved photos get stable URLs: {url}"
    );
    let first = app.client.get(&url).send().await.expect("image");
    assert_eq!(first.status(), 200);
    assert_eq!(
        first.headers()["cache-control"].to_str().unwrap_or(""),
        placard_http::PUBLIC_CACHE,
        "cached briefly, so that an erased photo stops being served"
    );
    let etag = first.headers()["etag"].to_str().expect("etag").to_owned();
    assert!(etag.starts_with('"'), "a strong ETag: {etag}");
    let again = app
        .client
        .get(&url)
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("image");
    assert_eq!(again.status(), 304);
    // A rejected photo has no public URL, and its signed one is useless once tampered with.
    let rejected = app
        .client
        .get(app.url(&format!("/media/photos/{}/large.jpg", ups[1].id)))
        .send()
        .await
        .expect("image");
    assert_eq!(rejected.status(), 404);
    let status = app.photo_status(&ups[1]).await;
    assert_eq!(status["status"], "rejected");
    let signed = status["thumbnails"]["small"]["url"]
        .as_str()
        .expect("signed url")
        .to_owned();
    assert_eq!(
        app.client
            .get(&signed)
            .send()
            .await
            .expect("signed")
            .status(),
        200
    );
    let forged = signed.replace("small.jpg", "large.jpg");
    assert_eq!(
        app.client
            .get(&forged)
            .send()
            .await
            .expect("forged")
            .status(),
        403
    );
    app.stop().await;
}

async fn duplicates_are_flagged_not_rejected(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let env = &app.env;
    admin_and_campaign(env, &app, "sdp").await;
    let first = app
        .upload_fixture("sdp", "dragonfly-4224x3168.jpg", &[])
        .await;
    app.wait_processed(&first, PROCESSING).await;
    let copy = app
        .upload_fixture("sdp", "dragonfly-4224x3168.jpg", &[])
        .await;
    assert_eq!(
        app.wait_processed(&copy, PROCESSING).await["status"],
        "pending_review",
        "flags never reject"
    );
    let other = app
        .upload_fixture("sdp", "painting-6000x4000.jpg", &[])
        .await;
    app.wait_processed(&other, PROCESSING).await;
    let flags = env
        .db
        .store
        .photo_flags(copy.id.parse().expect("uuid"))
        .await
        .expect("flags");
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert_eq!(
        (flags[0].kind.as_str(), flags[0].of.to_string()),
        ("duplicate", first.id.clone())
    );
    assert!(env
        .db
        .store
        .photo_flags(first.id.parse().expect("uuid"))
        .await
        .expect("flags")
        .is_empty());
    assert!(env
        .db
        .store
        .photo_flags(other.id.parse().expect("uuid"))
        .await
        .expect("flags")
        .is_empty());
    app.stop().await;
}

async fn a_killed_worker_loses_nothing_and_duplicates_nothing(d: Deployment) {
    let env = TestEnv::new(d).await;
    let api = env.start("api").await;
    admin_and_campaign(&env, &api, "sdp").await;
    let names = fixture_photos();
    let mut ups = Vec::new();
    for i in 0..10 {
        ups.push(
            api.upload_fixture("sdp", &names[i % names.len()], &[])
                .await,
        );
    }
    let lease = [
        ("PLACARD_JOB_LEASE_SECONDS", "2"),
        ("PLACARD_WORKER_CONCURRENCY", "2"),
    ];
    let doomed = Server::start(&env, "worker", &lease).await;
    // Kill it while it is in the middle of the batch.
    let deadline = std::time::Instant::now() + PROCESSING;
    loop {
        let done = count(
            &env,
            "SELECT COUNT(*) FROM photos WHERE status = 'pending_review'",
        )
        .await;
        if done >= 1 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the first worker processed nothing"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    doomed.kill().await;
    let before = count(
        &env,
        "SELECT COUNT(*) FROM photos WHERE status = 'pending_review'",
    )
    .await;
    assert!(
        before < 10,
        "the batch was already finished before the kill; nothing was tested"
    );
    // Two workers now share the rest (on PostgreSQL they claim with SKIP LOCKED).
    let w1 = Server::start(&env, "worker", &lease).await;
    let w2 = Server::start(&env, "worker", &lease).await;
    for up in &ups {
        assert_eq!(
            api.wait_processed(up, PROCESSING).await["status"],
            "pending_review"
        );
    }
    // A job the killed worker had finished but not yet marked done is taken over once its
    // lease expires (2 s) and completed without being processed again: wait for that.
    let deadline = std::time::Instant::now() + PROCESSING;
    loop {
        let left = count(&env, "SELECT COUNT(*) FROM jobs WHERE state <> 'done'").await;
        if left == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "jobs left over: {left}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Each photo has exactly its original and two thumbnails: nothing written twice.
    let keys = env.objects.store.list("").await.expect("list");
    assert_eq!(keys.len(), 30, "{keys:?}");
    for up in &ups {
        let mine = keys.iter().filter(|k| k.as_str().contains(&up.id)).count();
        assert_eq!(mine, 3, "photo {} has {mine} objects", up.id);
    }
    assert!(w1.stop().await && w2.stop().await);
    api.stop().await;
    env.cleanup().await;
}

/// The photo pays for a file that takes too long, not the worker: past
/// `PLACARD_DECODE_BUDGET_MS` the photo ends `failed` with `too_slow`, the supporter's status
/// page says what to do, and the worker is free for the next job at once.
#[tokio::test]
async fn a_photo_past_its_time_budget_fails_too_slow() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let api = env.start("api").await;
    admin_and_campaign(&env, &api, "sdp").await;
    let slow = api
        .upload_fixture("sdp", "dragonfly-4224x3168.jpg", &[])
        .await;
    let worker = Server::start(&env, "worker", &[("PLACARD_DECODE_BUDGET_MS", "1")]).await;
    let started = std::time::Instant::now();
    let status = api.wait_processed(&slow, PROCESSING).await;
    assert_eq!(status["status"], "failed", "{status}");
    assert_eq!(status["failure_reason"], "too_slow", "{status}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "ended after {:?}",
        started.elapsed()
    );
    let page = api
        .client
        .get(api.url(&format!("/p/{}?receipt={}", slow.id, slow.receipt)))
        .send()
        .await
        .expect("status page");
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("html");
    assert!(
        html.contains("takes far longer to open than a photo should"),
        "{html}"
    );
    // The job is done, not left to be retried: the photo's failure is final.
    assert_eq!(
        count(&env, "SELECT COUNT(*) FROM jobs WHERE state <> 'done'").await,
        0
    );
    assert!(worker.stop().await);
    api.stop().await;
    env.cleanup().await;
}

#[tokio::test]
async fn public_posts_are_rate_limited_per_address() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = Server::start(&env, "api", &[("PLACARD_RATE_LIMIT_PER_MINUTE", "1")]).await;
    admin_and_campaign(&env, &app, "sdp").await;
    for i in 0..20 {
        let resp = app
            .upload(
                "sdp",
                Some(("x.gif", b"GIF89a".to_vec())),
                &[("consent", "true")],
            )
            .await;
        assert_eq!(resp.status(), 415, "request {i} of the burst of 20");
    }
    let limited = app
        .upload(
            "sdp",
            Some(("x.gif", b"GIF89a".to_vec())),
            &[("consent", "true")],
        )
        .await;
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .expect("header")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(error_code(limited).await, (429, "rate_limited".into()));
    // Reads are never limited.
    assert_eq!(
        app.client
            .get(app.url("/api/v1/campaigns/sdp"))
            .send()
            .await
            .expect("get")
            .status(),
        200
    );
    app.stop().await;
    env.cleanup().await;
}

/// Behind the operator's load balancer (a trusted proxy), each client behind it has its own
/// allowance; from any other peer, `X-Forwarded-For` is ignored and cannot buy a new one.
#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_allowance() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let limits = [
        ("PLACARD_RATE_LIMIT_PER_MINUTE", "1"),
        ("PLACARD_RATE_LIMIT_BURST", "1"),
    ];
    let post = |app: &Server, client: &'static str| {
        let form = reqwest::multipart::Form::new()
            .part(
                "photo",
                reqwest::multipart::Part::bytes(b"GIF89a".to_vec()).file_name("x.gif"),
            )
            .text("consent", "true");
        app.client
            .post(app.url("/api/v1/campaigns/sdp/photos"))
            .header("x-forwarded-for", format!("198.51.100.99, {client}"))
            .multipart(form)
            .send()
    };
    let mut behind = limits.to_vec();
    behind.push(("PLACARD_TRUSTED_PROXIES", "127.0.0.0/8"));
    let app = Server::start(&env, "api", &behind).await;
    admin_and_campaign(&env, &app, "sdp").await;
    let status = |r: reqwest::Result<reqwest::Response>| r.expect("post").status().as_u16();
    assert_eq!(
        status(post(&app, "203.0.113.1").await),
        415,
        "first client, first post"
    );
    assert_eq!(
        status(post(&app, "203.0.113.1").await),
        429,
        "first client, over"
    );
    assert_eq!(
        status(post(&app, "203.0.113.2").await),
        415,
        "another client"
    );
    app.stop().await;
    // The same headers from a peer that is not trusted: one allowance, the peer's.
    let app = Server::start(&env, "api", &limits).await;
    assert_eq!(status(post(&app, "203.0.113.3").await), 415);
    assert_eq!(
        status(post(&app, "203.0.113.4").await),
        429,
        "a forged X-Forwarded-For buys nothing"
    );
    app.stop().await;
    env.cleanup().await;
}

/// Two API processes behind one load balancer draw on one allowance per client: the limit
/// is counted in the database, not in each process.
#[tokio::test]
async fn api_processes_share_each_clients_allowance() {
    let env = TestEnv::new(Deployment::Scale).await;
    let limits = [
        ("PLACARD_RATE_LIMIT_PER_MINUTE", "1"),
        ("PLACARD_RATE_LIMIT_BURST", "3"),
    ];
    let (a, b) = (
        Server::start(&env, "api", &limits).await,
        Server::start(&env, "api", &limits).await,
    );
    admin_and_campaign(&env, &a, "sdp").await;
    let post = |app: &Server| {
        let form = reqwest::multipart::Form::new()
            .part(
                "photo",
                reqwest::multipart::Part::bytes(b"GIF89a".to_vec()).file_name("x.gif"),
            )
            .text("consent", "true");
        app.client
            .post(app.url("/api/v1/campaigns/sdp/photos"))
            .multipart(form)
            .send()
    };
    let mut statuses = Vec::new();
    for app in [&a, &b, &a, &b] {
        statuses.push(post(app).await.expect("post").status().as_u16());
    }
    assert_eq!(
        statuses,
        [415, 415, 415, 429],
        "three in all, across both processes"
    );
    let limited = post(&a).await.expect("post");
    assert!(limited.headers().contains_key("retry-after"));
    assert!(a.stop().await && b.stop().await);
    env.cleanup().await;
}

/// A graceful stop (a deploy, a scale-in) while an upload is still arriving: the upload
/// completes with 202 and is stored, after the API's idle HTTP workers have stopped (each
/// runs on its own runtime; the request must not depend on anything of theirs).
async fn an_upload_arriving_while_the_api_stops_is_completed_and_stored(d: Deployment) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let env = TestEnv::new(d).await;
    let first = env.start("api").await;
    admin_and_campaign(&env, &first, "sdp").await;
    assert!(first.stop().await);
    let photo = |shade: u8| {
        let img = image::RgbImage::from_fn(320, 240, |x, y| image::Rgb([x as u8, y as u8, shade]));
        let mut out = std::io::Cursor::new(Vec::new());
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
            .encode_image(&img)
            .expect("encode");
        out.into_inner()
    };
    let mut stored = 0;
    for round in 0..3u8 {
        let api = Server::start(&env, "api", &[("PLACARD_RATE_LIMIT_PER_MINUTE", "0")]).await;
        // Busy every HTTP worker at once, so each has used (and opened) pooled connections.
        let warm: Vec<_> = (0..16u8)
            .map(|i| {
                let (client, base, bytes) = (api.client.clone(), api.base.clone(), photo(i));
                tokio::spawn(async move {
                    let form = reqwest::multipart::Form::new()
                        .text("consent", "true")
                        .part(
                            "photo",
                            reqwest::multipart::Part::bytes(bytes).file_name("p.jpg"),
                        );
                    client
                        .post(format!("{base}/api/v1/campaigns/sdp/photos"))
                        .multipart(form)
                        .send()
                        .await
                        .expect("upload")
                        .status()
                        .as_u16()
                })
            })
            .collect();
        for w in warm {
            assert_eq!(w.await.expect("warm-up"), 202);
            stored += 1;
        }
        // One upload sends half its body, the API is told to stop, the rest follows.
        let boundary = "placard-boundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n\
             Content-Type: image/jpeg\r\n\r\n"
        )
        .into_bytes();
        body.extend(photo(200 + round));
        body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
        let address = api.base.trim_start_matches("http://").to_owned();
        let mut conn = tokio::net::TcpStream::connect(&address)
            .await
            .expect("connect");
        let head = format!(
            "POST /api/v1/campaigns/sdp/photos HTTP/1.1\r\nHost: {address}\r\n\
             Content-Type: multipart/form-data; boundary={boundary}\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        conn.write_all(head.as_bytes()).await.expect("head");
        let half = body.len() / 2;
        conn.write_all(&body[..half]).await.expect("first half");
        tokio::time::sleep(Duration::from_millis(200)).await;
        let log = api.log.clone();
        let stopping = tokio::spawn(api.stop());
        tokio::time::sleep(Duration::from_millis(400)).await;
        conn.write_all(&body[half..]).await.expect("second half");
        let mut answer = String::new();
        conn.read_to_string(&mut answer).await.expect("answer");
        assert!(
            answer.starts_with("HTTP/1.1 202"),
            "round {round}: {answer}\nlog:\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        stored += 1;
        assert!(stopping.await.expect("stop"), "the API stops gracefully");
    }
    assert_eq!(
        count(&env, "SELECT COUNT(*) FROM photos").await,
        stored,
        "every 202 stored, nothing else"
    );
    env.cleanup().await;
}
