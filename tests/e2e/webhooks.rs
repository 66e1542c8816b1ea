//! Webhooks, on both deployments: each event delivered to a real receiver on a local port,
//! signed so that the receiver (here, with its own HMAC) can trust it; a failing receiver
//! retried with backoff, then a dead job an admin retries; nothing in `data` that the
//! public gallery or results do not show; and a receiver that hangs holds up no photo.

use chrono::TimeDelta;
use hmac::{Hmac, Mac};
use placard_e2e::receiver::{Received, Receiver};
use placard_e2e::{on_both_deployments, Api, Deployment, TestApp};
use serde_json::{json, Value};
use sha2::Sha256;
use std::time::Duration;

on_both_deployments!(
    photo_events_are_signed_retried_and_end_as_dead_jobs_an_admin_retries,
    an_announcement_reaches_the_campaigns_that_ask_for_it,
    a_receiver_that_hangs_holds_up_no_photo,
);

const SECRET: &str = "whsec-0123456789abcdef";

async fn spawn(d: Deployment) -> TestApp {
    // The receiver is on the loopback, which webhooks may reach only when allowed.
    TestApp::spawn_with_flags(d, &["--webhook-allow-private=true"]).await
}

async fn set_webhooks(app: &TestApp, admin: &str, slug: &str, hooks: Value) {
    let r = app
        .http()
        .patch(app.url(&format!("/api/v1/admin/campaigns/{slug}")))
        .bearer_auth(admin)
        .json(&json!({ "webhooks": hooks }))
        .send()
        .await
        .expect("patch");
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
}

/// Checks the delivery's signature as a receiver would, with its own HMAC: returns `t`.
fn verified(r: &Received, secret: &str) -> i64 {
    let header = r.header("placard-signature").expect("signed");
    let (t, v1) = header
        .split_once(',')
        .and_then(|(t, v)| Some((t.strip_prefix("t=")?, v.strip_prefix("v1=")?)))
        .expect("t=…,v1=…");
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(format!("{t}.{}", r.body).as_bytes());
    let want = hex::encode(mac.finalize().into_bytes());
    assert_eq!(v1, want, "the signature of {}", r.body);
    t.parse().expect("unix seconds")
}

async fn photo_events_are_signed_retried_and_end_as_dead_jobs_an_admin_retries(d: Deployment) {
    let app = spawn(d).await;
    let admin = app.create_user("admin", "ana").await;
    app.create_campaign(&admin, "sdp", json!({})).await;
    let hooks = Receiver::start().await;
    set_webhooks(
        &app,
        &admin,
        "sdp",
        json!([{"url": hooks.url("/placard"), "secret": SECRET,
                "events": ["photo.approved", "photo.rejected", "photo.erased"]}]),
    )
    .await;
    let a = app
        .upload_fixture(
            "sdp",
            "ladybird-2560x1600.jpg",
            &[
                ("country", "CO"),
                ("caption", "Bogotá dice: apoyo, no castigo"),
            ],
        )
        .await;
    let b = app
        .upload_fixture("sdp", "dragonfly-4224x3168.jpg", &[("country", "LB")])
        .await;
    app.run_pending_jobs().await;
    assert!(hooks.received().is_empty(), "no event before a decision");

    // The first delivery fails (503), the second succeeds.
    hooks.answer(&[Some(503)], Some(200));
    app.decide(&admin, "photos", &a.id, json!({"decision": "approve"}))
        .await;
    app.decide(
        &admin,
        "photos",
        &b.id,
        json!({"decision": "reject", "reason": "no_logo", "note": "Ana's face, no logo"}),
    )
    .await;
    app.run_pending_jobs().await;
    let got = hooks.received();
    assert_eq!(got.len(), 2, "{got:?}");
    let approved = got[0].json();
    assert_eq!(approved["event"], "photo.approved");
    assert_eq!(got[1].json()["event"], "photo.rejected");
    for r in &got {
        assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/placard"));
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(verified(r, SECRET), app.now().timestamp());
    }
    // The approved photo's data is its gallery item, nothing more.
    let gallery = app.public_json("/api/v1/campaigns/sdp/gallery").await;
    let item = &gallery["items"][0];
    let photo = &approved["data"]["photo"];
    assert_eq!(approved["data"]["campaign"], "sdp");
    for field in ["id", "display_name", "country", "caption"] {
        assert_eq!(photo[field], item[field], "{field}");
    }
    let mut keys: Vec<&String> = photo.as_object().expect("photo").keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "approved_at",
            "caption",
            "country",
            "display_name",
            "id",
            "page",
            "thumbnails"
        ],
        "only public fields"
    );
    let small = app
        .http()
        .get(app.url(photo["thumbnails"]["small"].as_str().expect("path")))
        .send()
        .await
        .expect("thumbnail");
    assert_eq!(small.status(), 200, "the thumbnail's path is public");
    // A rejection says which photo and why, not the moderator's note.
    let rejected = got[1].json();
    assert_eq!(
        rejected["data"],
        json!({"campaign": "sdp", "photo": {"id": b.id}, "reason": "no_logo"})
    );
    assert!(!got[1].body.contains("Ana"), "{}", got[1].body);

    // The failed delivery is tried again after its backoff, with the same event.
    app.run_pending_jobs().await;
    assert_eq!(hooks.received().len(), 2, "not before its backoff");
    app.advance(TimeDelta::seconds(3));
    app.run_pending_jobs().await;
    let got = hooks.received();
    assert_eq!(got.len(), 3);
    assert_eq!(got[2].body, got[0].body, "the same event, byte for byte");
    assert_eq!(verified(&got[2], SECRET), app.now().timestamp());

    // A withdrawn public photo: `photo.erased`, so the campaign's site drops it.
    app.withdraw(&a).await;
    app.run_pending_jobs().await;
    let got = hooks.received();
    assert_eq!(got.len(), 4);
    let erased = got[3].json();
    assert_eq!(erased["event"], "photo.erased");
    assert_eq!(
        erased["data"],
        json!({"campaign": "sdp", "photo": {"id": a.id}})
    );
    assert_ne!(erased["id"], approved["id"], "each event its own id");

    // A receiver that keeps failing: retried with backoff, then a dead job.
    hooks.answer(&[], Some(500));
    let c = app
        .upload_fixture("sdp", "friends-portrait-2056x3088.jpg", &[])
        .await;
    app.run_pending_jobs().await;
    app.decide(&admin, "photos", &c.id, json!({"decision": "approve"}))
        .await;
    for _ in 0..12 {
        app.run_pending_jobs().await;
        app.advance(TimeDelta::minutes(11));
    }
    assert_eq!(hooks.received().len(), 4 + 10, "ten attempts in all");
    let dead = app
        .read_json(Some(&admin), "/api/v1/admin/jobs?state=dead")
        .await;
    let items = dead["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{dead}");
    assert_eq!(items[0]["kind"], "webhook.deliver");
    assert!(
        items[0]["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("500")),
        "{dead}"
    );
    assert!(!dead.to_string().contains(SECRET), "no secret in the job");
    // The receiver is fixed; the admin retries the dead delivery.
    hooks.answer(&[], Some(204));
    let id = items[0]["id"].as_str().expect("id");
    let r = app
        .http()
        .post(app.url(&format!("/api/v1/admin/jobs/{id}/retry")))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("retry");
    assert_eq!(r.status(), 200);
    app.run_pending_jobs().await;
    let got = hooks.received();
    assert_eq!(got.len(), 15);
    assert_eq!(got[14].json()["data"]["photo"]["id"], c.id.as_str());
    let job = app
        .read_json(Some(&admin), "/api/v1/admin/jobs?state=dead")
        .await;
    assert_eq!(job["items"], json!([]), "delivered at last");

    // Removed webhooks hear nothing more, even of events already queued.
    hooks.answer(&[], Some(200));
    let e = app.upload_fixture("sdp", "wood-4096.webp", &[]).await;
    app.run_pending_jobs().await;
    app.decide(&admin, "photos", &e.id, json!({"decision": "approve"}))
        .await;
    set_webhooks(&app, &admin, "sdp", json!([])).await;
    app.run_pending_jobs().await;
    assert_eq!(hooks.received().len(), 15);
    app.stop().await;
}

async fn an_announcement_reaches_the_campaigns_that_ask_for_it(d: Deployment) {
    let app = spawn(d).await;
    let admin = app.create_user("admin", "ana").await;
    let moderator = app.create_user("moderator", "mo").await;
    let judge = app.create_user("judge", "jo").await;
    let (asks, photos_only) = (Receiver::start().await, Receiver::start().await);
    app.create_campaign(&admin, "sdp", json!({})).await;
    app.create_campaign(&admin, "other", json!({})).await;
    set_webhooks(
        &app,
        &admin,
        "sdp",
        json!([{"url": asks.url("/announced"), "secret": SECRET, "events": ["contest.announced"]}]),
    )
    .await;
    set_webhooks(
        &app,
        &admin,
        "other",
        json!([{"url": photos_only.url("/p"), "secret": SECRET, "events": ["photo.approved"]}]),
    )
    .await;
    app.create_contest(&admin, "slogans", 4, 10, json!({}))
        .await;
    let mut ids = Vec::new();
    for s in ["Support, don't punish", "Health not handcuffs"] {
        let r: Value = app.enter("slogans", s).await.json().await.expect("json");
        ids.push(r["id"].as_str().expect("id").to_owned());
    }
    app.approve_pending_entries(&moderator, "slogans").await;
    app.advance(TimeDelta::seconds(5));
    for (id, score) in ids.iter().zip([9, 4]) {
        let r = app
            .http()
            .put(app.url(&format!(
                "/api/v1/judging/contests/slogans/entries/{id}/score"
            )))
            .bearer_auth(&judge)
            .json(&json!({ "score": score }))
            .send()
            .await
            .expect("score");
        assert_eq!(r.status(), 200);
    }
    app.advance(TimeDelta::seconds(6));
    let results = app.wait_announced("slogans", Duration::ZERO).await;
    app.run_pending_jobs().await;
    let got = asks.received();
    assert_eq!(got.len(), 1, "{got:?}");
    verified(&got[0], SECRET);
    let event = got[0].json();
    assert_eq!(event["event"], "contest.announced");
    assert_eq!(event["data"]["contest"], "slogans");
    assert_eq!(event["data"]["results"], results, "the published results");
    assert!(photos_only.received().is_empty(), "not subscribed");
    // Announced exactly once: another scheduler pass sends nothing.
    app.run_scheduler().await;
    app.run_pending_jobs().await;
    assert_eq!(asks.received().len(), 1);
    app.stop().await;
}

async fn a_receiver_that_hangs_holds_up_no_photo(d: Deployment) {
    let app = spawn(d).await;
    let admin = app.create_user("admin", "ana").await;
    app.create_campaign(&admin, "sdp", json!({})).await;
    let hooks = Receiver::start().await;
    hooks.answer(&[], None);
    set_webhooks(
        &app,
        &admin,
        "sdp",
        json!([{"url": hooks.url("/slow"), "secret": SECRET, "events": ["photo.approved"]}]),
    )
    .await;
    let mut first = Vec::new();
    for f in ["ladybird-2560x1600.jpg", "dragonfly-4224x3168.jpg"] {
        first.push(app.upload_fixture("sdp", f, &[]).await);
    }
    app.run_pending_jobs().await;
    for up in &first {
        app.decide(&admin, "photos", &up.id, json!({"decision": "approve"}))
            .await;
    }
    // The worker as it runs in production: two deliveries hang on the receiver while a new
    // photo arrives.
    let stop = app.start_worker();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while hooks.received().len() < 2 {
        assert!(tokio::time::Instant::now() < deadline, "deliveries started");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let late = app
        .upload_fixture("sdp", "friends-portrait-2056x3088.jpg", &[])
        .await;
    let started = std::time::Instant::now();
    loop {
        let s = app.photo_status(&late).await;
        if s["status"] == "pending_review" {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(12),
            "processed while the receiver hangs: {s}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        hooks.received().len(),
        2,
        "both still hanging, not retried yet"
    );
    stop.cancel();
    app.stop().await;
}
