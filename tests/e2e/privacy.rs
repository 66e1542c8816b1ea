//! Privacy by construction, on both deployments: no stored object carries metadata (the
//! originals included), pixelation chosen by the supporter reaches every stored image,
//! retention and orphan sweeps run once per scheduled run however many schedulers tick,
//! consent is on record, and erasure leaves no free text behind.

use chrono::TimeDelta;
use placard_e2e::{
    error_code, fixture_photos, on_both_deployments, Api, Deployment, TestApp, PLANTED,
};

on_both_deployments!(
    no_stored_object_holds_metadata_originals_included,
    pixelated_rectangles_hold_no_detail_in_any_stored_image,
    a_malformed_blur_is_refused_and_nothing_is_stored,
    retention_and_orphan_sweeps_run_once_across_two_schedulers,
    the_receipt_shows_everything_held_and_the_consent_agreed_to,
    the_audit_log_keeps_no_free_text_and_erased_photos_stop_being_served,
    a_withdrawal_racing_the_worker_leaves_no_object,
);

/// PNG chunk names that hold text or EXIF: looked for in PNG objects only (in compressed
/// JPEG data four given bytes can occur by chance).
const PNG_TEXT_CHUNKS: &[&[u8]] = &[b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"];

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

async fn setup(app: &TestApp, slug: &str, extra: serde_json::Value) -> String {
    let admin = app.create_user("admin", "ana").await;
    app.create_campaign(&admin, slug, extra).await;
    admin
}

async fn stored_keys(app: &TestApp) -> Vec<String> {
    let keys = app.env.objects.store.list("").await.expect("list");
    keys.iter().map(|k| k.as_str().to_owned()).collect()
}

async fn object_bytes(app: &TestApp, key: &placard_blob::ObjectKey) -> Vec<u8> {
    app.env
        .objects
        .store
        .get(key)
        .await
        .expect("get")
        .into_bytes()
        .await
        .expect("bytes")
        .to_vec()
}

async fn no_stored_object_holds_metadata_originals_included(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = setup(&app, "sdp", serde_json::json!({})).await;
    let mut uploads = Vec::new();
    for name in fixture_photos() {
        uploads.push((name.clone(), app.upload_fixture("sdp", &name, &[]).await));
    }
    // Before the worker runs, the originals are stored already stripped.
    let keys = app.env.objects.store.list("").await.expect("list");
    assert_eq!(keys.len(), uploads.len(), "{keys:?}");
    app.run_pending_jobs().await;
    let keys = app.env.objects.store.list("").await.expect("list");
    assert_eq!(
        keys.len(),
        uploads.len() * 3,
        "an original and two thumbnails each: {keys:?}"
    );
    for key in &keys {
        let bytes = object_bytes(&app, key).await;
        for needle in PLANTED {
            assert!(
                !contains(&bytes, needle),
                "{key} holds {:?}",
                String::from_utf8_lossy(needle)
            );
        }
        if bytes.starts_with(b"\x89PNG") {
            for needle in PNG_TEXT_CHUNKS {
                assert!(
                    !contains(&bytes, needle),
                    "{key} holds a {:?} chunk",
                    String::from_utf8_lossy(needle)
                );
            }
        }
    }
    if d == Deployment::Embedded {
        owner_only(&app);
    }
    for (name, up) in &uploads {
        let status = app.photo_status(up).await;
        assert_eq!(status["status"], "pending_review", "{name}: {status}");
        // The original staff fetch is the stripped one, and decodes.
        let resp = app
            .http()
            .get(app.url(&format!("/api/v1/moderation/photos/{}/original", up.id)))
            .bearer_auth(&admin)
            .send()
            .await
            .expect("original");
        assert_eq!(resp.status(), 200, "{name}");
        let bytes = resp.bytes().await.expect("bytes");
        for needle in PLANTED {
            assert!(
                !contains(&bytes, needle),
                "{name}'s original holds {:?}",
                String::from_utf8_lossy(needle)
            );
        }
        let sent = std::fs::read(placard_e2e::fixture(&format!("photos/{name}"))).expect("fixture");
        assert!(
            bytes.len() <= sent.len(),
            "{name}: the stored original grew"
        );
        if name.contains("rotated") {
            let large = &status["thumbnails"]["large"];
            assert!(
                large["height"].as_u64() > large["width"].as_u64(),
                "{name} is not upright: {large}"
            );
        }
    }
    assert!(app.stop().await);
}

/// The embedded deployment's files (the database, every object) are readable by their owner
/// only: they hold supporters' photos and names.
fn owner_only(app: &TestApp) {
    use std::os::unix::fs::PermissionsExt;
    let db = app
        .env
        .db
        .url
        .strip_prefix("sqlite://")
        .expect("a SQLite URL");
    let mut files = vec![std::path::PathBuf::from(db)];
    let mut dirs = vec![std::path::PathBuf::from(
        app.env
            .objects
            .url
            .strip_prefix("file://")
            .expect("a folder URL"),
    )];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).expect("read_dir") {
            let path = e.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 1, "{files:?}");
    for f in files {
        let mode = std::fs::metadata(&f)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o077,
            0,
            "{} is readable by others: {mode:o}",
            f.display()
        );
    }
}

/// Mean absolute difference between horizontally neighbouring pixels (luma) inside a
/// rectangle of fractions: how much detail is left there.
fn detail(img: &image::RgbImage, (x, y, w, h): (f64, f64, f64, f64)) -> f64 {
    let (iw, ih) = (f64::from(img.width()), f64::from(img.height()));
    let (x0, x1) = ((x * iw) as u32, ((x + w) * iw) as u32 - 1);
    let (y0, y1) = ((y * ih) as u32, ((y + h) * ih) as u32);
    let luma = |p: &image::Rgb<u8>| {
        0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2])
    };
    let (mut sum, mut n) = (0.0, 0u64);
    for yy in y0..y1 {
        for xx in x0..x1 {
            sum += (luma(img.get_pixel(xx, yy)) - luma(img.get_pixel(xx + 1, yy))).abs();
            n += 1;
        }
    }
    sum / n.max(1) as f64
}

async fn pixelated_rectangles_hold_no_detail_in_any_stored_image(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = setup(&app, "sdp", serde_json::json!({})).await;
    // The rotated fixture: the rectangle is given on the upright photo, as the supporter
    // saw it, and the original is stored rotated.
    let rect = (0.25, 0.3, 0.5, 0.4);
    let blur =
        serde_json::json!([{"x": rect.0, "y": rect.1, "w": rect.2, "h": rect.3}]).to_string();
    let up = app
        .upload_fixture(
            "sdp",
            "aitzgorri-rotated8-gps.jpg",
            &[("blur", blur.as_str())],
        )
        .await;
    // Until the worker has pixelated it, no moderator sees the original.
    let original_url = app.url(&format!("/api/v1/moderation/photos/{}/original", up.id));
    let resp = app
        .http()
        .get(&original_url)
        .bearer_auth(&admin)
        .send()
        .await
        .expect("get");
    assert_eq!(error_code(resp).await, (409, "not_ready".to_owned()));
    app.run_pending_jobs().await;
    let status = app.photo_status(&up).await;
    assert_eq!(status["status"], "pending_review", "{status}");
    assert_eq!(status["blur"][0]["w"], rect.2);

    let resp = app
        .http()
        .get(&original_url)
        .bearer_auth(&admin)
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "image/jpeg");
    let original = image::load_from_memory(&resp.bytes().await.expect("bytes"))
        .expect("decodes")
        .to_rgb8();
    assert!(
        original.height() > original.width(),
        "the pixelated original is stored upright"
    );
    let large_url = status["thumbnails"]["large"]["url"].as_str().expect("url");
    let large = app
        .http()
        .get(large_url)
        .send()
        .await
        .expect("large")
        .bytes()
        .await
        .expect("bytes");
    let large = image::load_from_memory(&large).expect("decodes").to_rgb8();
    // Outside: a strip of the same size beside the rectangle.
    let outside = (0.0, 0.0, 1.0, 0.25);
    for (what, img) in [("original", &original), ("large", &large)] {
        let (inside, around) = (detail(img, rect), detail(img, outside));
        println!("{what}: detail inside {inside:.2}, outside {around:.2}");
        assert!(
            around > 2.0,
            "{what}: the photo has detail outside ({around:.2})"
        );
        assert!(
            inside < around / 4.0,
            "{what}: detail inside the rectangle {inside:.2} vs {around:.2} outside"
        );
    }
    // No unpixelated bytes remain: the stored original is the pixelated one only.
    let keys = stored_keys(&app).await;
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(
        keys.iter().any(|k| k.ends_with(".pixelated.jpg")),
        "{keys:?}"
    );
    assert!(
        !keys.contains(&format!("originals/{}", up.id)),
        "the unpixelated original remains"
    );
    assert!(app.stop().await);
}

async fn a_malformed_blur_is_refused_and_nothing_is_stored(d: Deployment) {
    let app = TestApp::spawn(d).await;
    setup(&app, "sdp", serde_json::json!({})).await;
    let photo =
        std::fs::read(placard_e2e::fixture("photos/ladybird-2560x1600.jpg")).expect("fixture");
    let many = format!(
        "[{}]",
        vec![r#"{"x":0,"y":0,"w":0.1,"h":0.1}"#; 21].join(",")
    );
    for bad in [
        "not json",
        r#"{"x":0,"y":0,"w":1,"h":1}"#,
        r#"[{"x":0,"y":0,"w":1.5,"h":0.5}]"#,
        r#"[{"x":-0.1,"y":0,"w":0.5,"h":0.5}]"#,
        r#"[{"x":0.2,"y":0.2,"w":0,"h":0.5}]"#,
        many.as_str(),
    ] {
        let resp = app
            .upload(
                "sdp",
                Some(("p.jpg", photo.clone())),
                &[("consent", "true"), ("blur", bad)],
            )
            .await;
        let (status, code) = error_code(resp).await;
        assert_eq!((status, code.as_str()), (400, "invalid_field"), "{bad}");
    }
    assert_eq!(
        app.store
            .count("SELECT COUNT(*) FROM photos")
            .await
            .expect("count"),
        0
    );
    assert!(app
        .env
        .objects
        .store
        .list("")
        .await
        .expect("list")
        .is_empty());
    let staged = std::fs::read_dir(app.env.data_dir.join("uploads"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(staged, 0, "a staging file remains");
    assert!(app.stop().await);
}

async fn sweep_jobs(app: &TestApp) -> i64 {
    app.store
        .count("SELECT COUNT(*) FROM jobs WHERE kind = 'storage.sweep'")
        .await
        .expect("count")
}

/// Two real schedulers on a cron firing every second, at the same instant (the app's
/// clock), until the sweep is enqueued; returns how many sweep jobs there are then.
async fn two_schedulers_tick(app: &TestApp) -> i64 {
    let before = sweep_jobs(app).await;
    let (a, b) = (
        app.start_scheduler("* * * * * *").await,
        app.start_scheduler("* * * * * *").await,
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while sweep_jobs(app).await == before {
        assert!(
            std::time::Instant::now() < deadline,
            "no sweep enqueued in 10 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Both fire a few more times at the same instant: nothing more is enqueued.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    a.shutdown().await;
    b.shutdown().await;
    sweep_jobs(app).await - before
}

async fn retention_and_orphan_sweeps_run_once_across_two_schedulers(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let closes_at = (app.now() + TimeDelta::days(1)).to_rfc3339();
    let admin = setup(
        &app,
        "sdp",
        serde_json::json!({"closes_at": closes_at, "retention": {"rejected_days": 30, "originals_after_close_days": 7}}),
    )
    .await;
    let kept = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    let rejected = app
        .upload_fixture("sdp", "dragonfly-4224x3168.jpg", &[])
        .await;
    app.run_pending_jobs().await;
    let decide = |id: &str, body: serde_json::Value| {
        let req = app
            .http()
            .post(app.url(&format!("/api/v1/moderation/photos/{id}/decision")))
            .bearer_auth(&admin)
            .json(&body);
        async move { req.send().await.expect("decide").status() }
    };
    assert_eq!(
        decide(&kept.id, serde_json::json!({"decision": "approve"})).await,
        200
    );
    assert_eq!(
        decide(
            &rejected.id,
            serde_json::json!({"decision": "reject", "reason": "no_logo"})
        )
        .await,
        200
    );
    // An object no row accounts for (an upload that died before committing), and a staging
    // file a crashed upload left.
    let stray = placard_domain::PhotoKeys::of(uuid::Uuid::now_v7()).original();
    app.env
        .objects
        .store
        .put_bytes(&stray, b"left over".to_vec().into(), "image/jpeg")
        .await
        .expect("put");
    let uploads = app.env.data_dir.join("uploads");
    std::fs::create_dir_all(&uploads).expect("uploads");
    std::fs::write(uploads.join("crashed.part"), b"half a photo").expect("staging");

    // Today: nothing is due, the stray object and staging file are within the grace period.
    assert_eq!(
        two_schedulers_tick(&app).await,
        1,
        "two schedulers, one sweep"
    );
    app.run_pending_jobs().await;
    // (The approval's mosaic aside: it is the campaign's, not the photos'.)
    let all: Vec<_> = app
        .env
        .objects
        .store
        .list("")
        .await
        .expect("list")
        .into_iter()
        .filter(|k| !k.as_str().starts_with("mosaics/"))
        .collect();
    assert_eq!(all.len(), 7, "{all:?}");
    assert!(uploads.join("crashed.part").exists());

    // 31 days on: the rejected photo's objects are due, the campaign closed 30 days ago (its
    // originals are due), the stray object and file are past the grace period.
    app.advance(TimeDelta::days(31));
    assert_eq!(
        two_schedulers_tick(&app).await,
        1,
        "two schedulers, one sweep"
    );
    app.run_pending_jobs().await;
    let left: Vec<String> = stored_keys(&app)
        .await
        .into_iter()
        .filter(|k| !k.starts_with("mosaics/"))
        .collect();
    assert_eq!(
        left,
        vec![
            format!("derivatives/{}/large.jpg", kept.id),
            format!("derivatives/{}/small.jpg", kept.id),
        ],
        "only the approved photo's thumbnails stay (and the campaign's mosaic of it)"
    );
    assert!(
        !uploads.join("crashed.part").exists(),
        "the staging file is swept"
    );
    let status = app.photo_status(&rejected).await;
    assert_eq!(status["status"], "rejected");
    assert_eq!(status["purged"], true, "{status}");
    assert!(status.get("thumbnails").is_none(), "{status}");
    let resp = app
        .http()
        .get(app.url(&format!("/api/v1/moderation/photos/{}/original", kept.id)))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("original");
    assert_eq!(
        resp.status(),
        404,
        "the approved original was deleted by retention"
    );
    let gallery = app.public_json("/api/v1/campaigns/sdp/gallery").await;
    assert_eq!(gallery["items"].as_array().map(Vec::len), Some(1));

    // One audit entry per run, with counts and nothing else.
    let audit = app
        .get_json(&admin, "/api/v1/moderation/audit?limit=200")
        .await;
    let sweeps: Vec<&serde_json::Value> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["action"] == "storage.sweep")
        .collect();
    assert_eq!(sweeps.len(), 2, "{audit}");
    assert_eq!(
        sweeps[0]["details"],
        serde_json::json!({"rejected_purged": 1, "originals_deleted": 1, "orphan_objects_deleted": 1, "staging_files_deleted": 1})
    );
    assert!(app.stop().await);
}

async fn the_receipt_shows_everything_held_and_the_consent_agreed_to(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = setup(&app, "sdp", serde_json::json!({})).await;
    app.create_campaign(
        &admin,
        "own-words",
        serde_json::json!({"consent_text": "You may show my photo on the campaign's site."}),
    )
    .await;
    let up = app
        .upload_fixture(
            "sdp",
            "ladybird-2560x1600.jpg",
            &[
                ("display_name", "Ana"),
                ("country", "CO"),
                ("caption", "Apoyo"),
            ],
        )
        .await;
    let status = app.photo_status(&up).await;
    assert_eq!(status["display_name"], "Ana");
    assert_eq!(status["country"], "CO");
    assert_eq!(status["caption"], "Apoyo");
    assert_eq!(
        status["consent"]["text"],
        placard_domain::STANDARD_PHOTO_CONSENT
    );
    assert_eq!(status["consent"]["version"], 1);
    assert!(status["consent"]["agreed_at"].is_string(), "{status}");
    assert_eq!(status["purged"], false);

    let own = app
        .upload_fixture("own-words", "ladybird-2560x1600.jpg", &[])
        .await;
    let status = app.photo_status(&own).await;
    assert_eq!(
        status["consent"]["text"],
        "You may show my photo on the campaign's site."
    );
    assert_eq!(status["display_name"], serde_json::Value::Null);
    let campaign = app.public_json("/api/v1/campaigns/own-words").await;
    assert_eq!(
        campaign["consent_text"],
        "You may show my photo on the campaign's site."
    );
    assert_eq!(
        campaign["retention"],
        serde_json::json!({"rejected_days": 30, "originals_after_close_days": null})
    );
    assert!(app.stop().await);
}

async fn the_audit_log_keeps_no_free_text_and_erased_photos_stop_being_served(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = setup(&app, "sdp", serde_json::json!({})).await;
    let up = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    app.run_pending_jobs().await;
    let resp = app
        .http()
        .post(app.url(&format!("/api/v1/moderation/photos/{}/decision", up.id)))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"decision": "approve", "note": "face visible, lives at 12 Secret St"}))
        .send()
        .await
        .expect("decide");
    assert_eq!(resp.status(), 200);
    let status = app.photo_status(&up).await;
    let small = status["thumbnails"]["small"]["url"]
        .as_str()
        .expect("url")
        .to_owned();
    let gallery = app.public_json("/api/v1/campaigns/sdp/gallery").await;
    let public = gallery["items"][0]["thumbnails"]["small"]["url"]
        .as_str()
        .expect("url")
        .to_owned();
    let resp = app.http().get(&public).send().await.expect("thumb");
    assert_eq!(resp.status(), 200);
    let cache = resp.headers()["cache-control"]
        .to_str()
        .expect("header")
        .to_owned();
    let max_age: u64 = cache
        .split(',')
        .find_map(|d| d.trim().strip_prefix("max-age="))
        .and_then(|v| v.parse().ok())
        .expect("max-age");
    assert!(max_age <= 600 && !cache.contains("immutable"), "{cache}");
    app.withdraw(&up).await;
    for url in [&public, &small] {
        let resp = app.http().get(url).send().await.expect("thumb");
        assert_eq!(resp.status(), 404, "{url}");
    }
    let audit = app
        .get_json(&admin, "/api/v1/moderation/audit?limit=200")
        .await;
    let text = audit.to_string();
    assert!(
        !text.contains("Secret St"),
        "the audit log keeps the note: {text}"
    );
    assert!(
        text.contains("photo.approve") && text.contains("photo.erase"),
        "{text}"
    );
    assert!(app
        .env
        .objects
        .store
        .list("")
        .await
        .expect("list")
        .is_empty());
    assert!(app.stop().await);
}

/// An object store that, the first time a thumbnail is written, first has the photo's
/// supporter withdraw it: the erasure lands while the worker is half-way, the worst moment.
#[derive(Debug, Default)]
struct WithdrawMidway {
    inner: std::sync::OnceLock<std::sync::Arc<dyn placard_blob::ObjectStore>>,
    /// `(DELETE url, receipt)`, taken by the first thumbnail write.
    withdraw: std::sync::Mutex<Option<(String, String)>>,
}

#[async_trait::async_trait]
impl placard_blob::ObjectStore for WithdrawMidway {
    async fn put_stream(
        &self,
        key: &placard_blob::ObjectKey,
        body: placard_blob::ByteStream,
        content_type: &str,
    ) -> Result<u64, placard_blob::BlobError> {
        let pending = if key.as_str().starts_with("derivatives/") {
            self.withdraw.lock().expect("lock").take()
        } else {
            None
        };
        if let Some((url, receipt)) = pending {
            let resp = reqwest::Client::new()
                .delete(&url)
                .bearer_auth(&receipt)
                .send()
                .await
                .expect("withdraw");
            assert_eq!(resp.status(), 204, "the withdrawal mid-way");
        }
        self.inner().put_stream(key, body, content_type).await
    }
    async fn get(
        &self,
        key: &placard_blob::ObjectKey,
    ) -> Result<placard_blob::Object, placard_blob::BlobError> {
        self.inner().get(key).await
    }
    async fn head(
        &self,
        key: &placard_blob::ObjectKey,
    ) -> Result<Option<u64>, placard_blob::BlobError> {
        self.inner().head(key).await
    }
    async fn delete(&self, key: &placard_blob::ObjectKey) -> Result<(), placard_blob::BlobError> {
        self.inner().delete(key).await
    }
    async fn list_dated(
        &self,
        prefix: &str,
    ) -> Result<Vec<(placard_blob::ObjectKey, std::time::SystemTime)>, placard_blob::BlobError>
    {
        self.inner().list_dated(prefix).await
    }
    async fn check(&self) -> Result<(), placard_blob::BlobError> {
        self.inner().check().await
    }
}

impl WithdrawMidway {
    fn inner(&self) -> &std::sync::Arc<dyn placard_blob::ObjectStore> {
        self.inner.get().expect("wrapped")
    }
}

async fn a_withdrawal_racing_the_worker_leaves_no_object(d: Deployment) {
    let hook = std::sync::Arc::new(WithdrawMidway::default());
    let wrapped = hook.clone();
    let app = TestApp::spawn_with(d, move |env| {
        wrapped.inner.set(env.objects.store.clone()).expect("once");
        (env.db.store.clone(), wrapped)
    })
    .await;
    setup(&app, "sdp", serde_json::json!({})).await;
    // With boxes, so that the pixelated original is written too before the thumbnails.
    let blur = r#"[{"x":0.1,"y":0.1,"w":0.3,"h":0.3}]"#;
    let up = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[("blur", blur)])
        .await;
    *hook.withdraw.lock().expect("lock") = Some((
        app.url(&format!("/api/v1/photos/{}", up.id)),
        up.receipt.clone(),
    ));
    app.run_pending_jobs().await;
    assert!(
        hook.withdraw.lock().expect("lock").is_none(),
        "the withdrawal happened mid-way"
    );
    assert!(
        stored_keys(&app).await.is_empty(),
        "left behind: {:?}",
        stored_keys(&app).await
    );
    assert_eq!(
        app.store
            .count("SELECT COUNT(*) FROM photos")
            .await
            .expect("count"),
        0
    );
    let resp = app
        .http()
        .get(app.url(&format!("/api/v1/photos/{}", up.id)))
        .bearer_auth(&up.receipt)
        .send()
        .await
        .expect("status");
    assert_eq!(resp.status(), 404);
    assert!(app.stop().await);
}
