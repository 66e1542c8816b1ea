//! Editing what was created, on both deployments: campaigns (texts, window, languages,
//! translations, framing origins, retention, webhooks, consent versions) and contests
//! (until the announcement), with stale edits refused rather than lost; and the campaign
//! logo, checked as a photo and served without metadata.

use placard_e2e::{error_code, fixture, on_both_deployments, Api, Deployment, TestApp};
use serde_json::{json, Value};

on_both_deployments!(
    operators_edit_a_campaign_and_bad_or_stale_edits_change_nothing,
    closing_a_campaign_early_closes_its_form_and_new_consent_texts_are_new_versions,
    contests_are_edited_until_their_announcement,
    a_campaign_logo_is_checked_like_a_photo_and_served_without_metadata,
    moderator_care_and_the_privacy_link_are_set_checked_and_shown,
);

/// Blurred previews, the pause suggestion and the operator's privacy link: defaults, an
/// edit (audited by field name), bad values refused with nothing changed, and where each
/// shows (the moderation page's options, the supporters' privacy panel).
async fn moderator_care_and_the_privacy_link_are_set_checked_and_shown(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", json!({})).await;
    let path = "/api/v1/admin/campaigns/sdp";
    let (_, before) = admin_view(&app, &admin, path).await;
    assert_eq!(
        before["moderation"],
        json!({"blur_previews": false, "pause_after": 200})
    );
    assert_eq!(before["privacy_url"], Value::Null);

    // A field left out of `moderation` keeps its default.
    let r = patch(
        &app,
        &admin,
        path,
        None,
        json!({"moderation": {"blur_previews": true}, "privacy_url": " https://sdp.example/privacy "}),
    )
    .await;
    assert_eq!(r.status(), 200);
    let (_, after) = admin_view(&app, &admin, path).await;
    assert_eq!(
        after["moderation"],
        json!({"blur_previews": true, "pause_after": 200})
    );
    assert_eq!(after["privacy_url"], "https://sdp.example/privacy");
    let audit = app
        .get_json(&admin, "/api/v1/moderation/audit?subject_type=campaign")
        .await;
    let fields = &audit["items"][0]["details"]["fields"];
    assert_eq!(fields, &json!(["moderation", "privacy_url"]), "{audit}");

    for body in [
        json!({"moderation": {"pause_after": 5001}}),
        json!({"moderation": {"pause_after": -1}}),
        json!({"moderation": {"colour": "red"}}),
        json!({"privacy_url": "http://sdp.example/privacy"}),
        json!({"privacy_url": "javascript:alert(1)"}),
        json!({"privacy_url": "https://user:pw@sdp.example/"}),
    ] {
        let r = patch(&app, &admin, path, None, body.clone()).await;
        assert_eq!(error_code(r).await, (400, "invalid_field".into()), "{body}");
    }
    let (_, unchanged) = admin_view(&app, &admin, path).await;
    assert_eq!(unchanged["version"], after["version"], "nothing changed");

    // Where it shows: the supporters' privacy panel links the notice; the moderation page
    // carries the campaign's care for its script.
    let page = app
        .http()
        .get(app.url("/c/sdp"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("text");
    assert!(
        page.contains(r#"id="privacy-notice" href="https://sdp.example/privacy""#),
        "the privacy panel links the operator's notice"
    );
    // Set back to the defaults and none: read back as such.
    let r = patch(
        &app,
        &admin,
        path,
        None,
        json!({"moderation": {"blur_previews": false, "pause_after": 200}, "privacy_url": null}),
    )
    .await;
    assert_eq!(r.status(), 200);
    let (_, reset) = admin_view(&app, &admin, path).await;
    assert_eq!(
        (&reset["moderation"], &reset["privacy_url"]),
        (
            &json!({"blur_previews": false, "pause_after": 200}),
            &Value::Null
        )
    );
    app.stop().await;
}

async fn patch(
    app: &TestApp,
    token: &str,
    path: &str,
    if_match: Option<&str>,
    body: Value,
) -> reqwest::Response {
    let mut req = app
        .http()
        .patch(app.url(path))
        .bearer_auth(token)
        .json(&body);
    if let Some(tag) = if_match {
        req = req.header("if-match", tag);
    }
    req.send().await.expect("patch")
}

async fn admin_view(app: &TestApp, token: &str, path: &str) -> (String, Value) {
    let r = app
        .http()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 200);
    let tag = r.headers()["etag"].to_str().expect("etag").to_owned();
    (tag, r.json().await.expect("json"))
}

async fn operators_edit_a_campaign_and_bad_or_stale_edits_change_nothing(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", json!({})).await;
    let path = "/api/v1/admin/campaigns/sdp";
    let (tag, before) = admin_view(&app, &admin, path).await;
    assert_eq!(tag, "\"v1\"");
    assert_eq!(before["version"], 1);
    assert_eq!(before["default_language"], "en");
    assert_eq!(before["languages"].as_array().map(Vec::len), Some(6));

    // One edit of many fields, naming the version it read.
    let r = patch(
        &app,
        &admin,
        path,
        Some(&tag),
        json!({
            "title": "  Support. Don't Punish.  ",
            "description": "A global day of action.",
            "languages": ["es", "en", "ar"],
            "default_language": "es",
            "translations": {"ES": {"title": "Apoyo, no castigo"}, "ar": {"title": "ادعم لا تعاقب"}},
            "frame_ancestors": ["https://SupportDontPunish.org/", "https://partner.example:8443"],
            "retention": {"rejected_days": 7, "originals_after_close_days": 90},
            "webhooks": [{"url": "https://93.184.216.34/placard", "secret": "s3cret-s3cret-s3cret", "events": ["photo.approved"]}],
        }),
    )
    .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["etag"], "\"v2\"");
    let c: Value = r.json().await.expect("json");
    assert_eq!(c["title"], "Support. Don't Punish.");
    assert_eq!(c["languages"], json!(["es", "en", "ar"]));
    assert_eq!(c["default_language"], "es");
    assert_eq!(c["translations"]["es"]["title"], "Apoyo, no castigo");
    assert_eq!(
        c["frame_ancestors"],
        json!([
            "https://supportdontpunish.org",
            "https://partner.example:8443"
        ])
    );
    assert_eq!(c["retention"]["rejected_days"], 7);
    assert_eq!(
        c["webhooks"],
        json!([{"url": "https://93.184.216.34/placard", "events": ["photo.approved"]}])
    );
    assert!(
        !c.to_string().contains("s3cret"),
        "the secret is never shown"
    );

    // The public view shows the texts and languages, not the operator's settings.
    let public = app.read_json(None, "/api/v1/campaigns/sdp").await;
    assert_eq!(public["translations"]["ar"]["title"], "ادعم لا تعاقب");
    assert!(public.get("webhooks").is_none() && public.get("frame_ancestors").is_none());

    // A stale version is refused with 412 and changes nothing.
    let r = patch(
        &app,
        &admin,
        path,
        Some(&tag),
        json!({"title": "Lost update"}),
    )
    .await;
    assert_eq!(error_code(r).await, (412, "precondition_failed".into()));
    let r = patch(
        &app,
        &admin,
        path,
        Some("garbage"),
        json!({"title": "Lost update"}),
    )
    .await;
    assert_eq!(error_code(r).await.0, 412);

    // Bad input: each with its code, none changing anything.
    let t0 = app.now();
    let bad: Vec<(Value, u16, &str, &str)> = vec![
        (
            json!({"languages": ["de"]}),
            400,
            "invalid_field",
            "languages",
        ),
        (json!({"languages": []}), 400, "invalid_field", "languages"),
        (
            json!({"default_language": "fr"}),
            400,
            "invalid_field",
            "default_language",
        ),
        (
            json!({"languages": ["es", "en"]}),
            400,
            "invalid_field",
            "translations",
        ),
        (
            json!({"frame_ancestors": ["http://example.org"]}),
            400,
            "invalid_field",
            "frame_ancestors",
        ),
        (
            json!({"frame_ancestors": ["https://example.org/embed"]}),
            400,
            "invalid_field",
            "frame_ancestors",
        ),
        (
            json!({"frame_ancestors": ["https://*.example.org"]}),
            400,
            "invalid_field",
            "frame_ancestors",
        ),
        (
            json!({"retention": {"rejected_days": 5000}}),
            400,
            "invalid_field",
            "retention",
        ),
        (
            json!({"retention": {"rejected_days": -1}}),
            400,
            "invalid_field",
            "",
        ),
        (
            json!({"title": "\u{202e}gnp.exe"}),
            400,
            "invalid_field",
            "title",
        ),
        (json!({"title": ""}), 400, "invalid_field", "title"),
        (json!({"slug": "other"}), 400, "invalid_field", "slug"),
        (
            json!({"opens_at": t0, "closes_at": t0 - chrono::TimeDelta::days(1)}),
            422,
            "invalid_timeline",
            "closes_at",
        ),
        (
            json!({"webhooks": [{"url": "http://127.0.0.1:9/h", "secret": "0123456789abcdef", "events": ["photo.approved"]}]}),
            422,
            "private_address",
            "127.0.0.1",
        ),
        (
            json!({"webhooks": [{"url": "https://localhost/h", "secret": "0123456789abcdef", "events": ["photo.approved"]}]}),
            422,
            "private_address",
            "localhost",
        ),
        (
            json!({"webhooks": [{"url": "https://10.0.0.8/h", "secret": "0123456789abcdef", "events": ["photo.approved"]}]}),
            422,
            "private_address",
            "10.0.0.8",
        ),
        (
            json!({"webhooks": [{"url": "https://93.184.216.35/h", "events": ["photo.approved"]}]}),
            400,
            "invalid_field",
            "secret",
        ),
        (
            json!({"webhooks": [{"url": "https://93.184.216.35/h", "secret": "0123456789abcdef", "events": ["photo.deleted"]}]}),
            400,
            "invalid_field",
            "photo.deleted",
        ),
    ];
    for (body, status, code, mention) in bad {
        let r = patch(&app, &admin, path, None, body.clone()).await;
        let got = r.status().as_u16();
        let err: Value = r.json().await.expect("json");
        assert_eq!(
            (got, err["error"]["code"].as_str().unwrap_or_default()),
            (status, code),
            "{body}: {err}"
        );
        let message = err["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(mention), "{body}: {message}");
    }
    let (tag, after) = admin_view(&app, &admin, path).await;
    assert_eq!(tag, "\"v2\"", "no refused edit changed the version");
    assert_eq!(after["title"], "Support. Don't Punish.");
    assert_eq!(after["languages"], json!(["es", "en", "ar"]));

    // A webhook given again without its secret keeps the one it had; absent fields stay.
    let r = patch(
        &app,
        &admin,
        path,
        Some(&tag),
        json!({"webhooks": [{"url": "https://93.184.216.34/placard", "events": ["photo.approved", "photo.rejected"]}]}),
    )
    .await;
    assert_eq!(r.status(), 200);
    let stored = app.store.campaign_by_slug("sdp").await.expect("campaign");
    assert_eq!(stored.webhooks()[0].secret, "s3cret-s3cret-s3cret");
    assert_eq!(stored.webhooks()[0].events.len(), 2);
    assert_eq!(stored.title, "Support. Don't Punish.");
    // `null` clears what may be empty.
    let r = patch(
        &app,
        &admin,
        path,
        None,
        json!({"description": null, "languages": null, "translations": {}}),
    )
    .await;
    assert_eq!(r.status(), 200);
    let c: Value = r.json().await.expect("json");
    assert!(c["description"].is_null());
    assert_eq!(c["languages"].as_array().map(Vec::len), Some(6));

    // Every edit is audited with the actor and the fields' names, never their values.
    let audit = app.get_json(&admin, "/api/v1/moderation/audit").await;
    let edits: Vec<&Value> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["action"] == "campaign.update")
        .collect();
    assert_eq!(edits.len(), 3, "{audit}");
    assert_eq!(edits[0]["actor"], "root");
    assert!(edits[2]["details"]["fields"]
        .as_array()
        .is_some_and(|f| f.contains(&json!("webhooks")) && f.contains(&json!("title"))));
    assert!(!audit.to_string().contains("s3cret"));

    // Unknown campaigns and non-admins.
    let r = patch(
        &app,
        &admin,
        "/api/v1/admin/campaigns/nope",
        None,
        json!({"title": "x"}),
    )
    .await;
    assert_eq!(error_code(r).await.0, 404);
    let moderator = app.create_user("moderator", "mo").await;
    let r = patch(&app, &moderator, path, None, json!({"title": "x"})).await;
    assert_eq!(error_code(r).await, (403, "forbidden".into()));

    app.stop().await;
}

async fn closing_a_campaign_early_closes_its_form_and_new_consent_texts_are_new_versions(
    d: Deployment,
) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", json!({"consent_text": "First wording."}))
        .await;
    let path = "/api/v1/admin/campaigns/sdp";
    let first = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    let r = patch(
        &app,
        &admin,
        path,
        None,
        json!({"consent_text": "Second wording."}),
    )
    .await;
    assert_eq!(r.status(), 200);
    let second = app
        .upload_fixture("sdp", "dragonfly-4224x3168.jpg", &[])
        .await;
    let text = |v: Value| v["consent"]["text"].as_str().unwrap_or_default().to_owned();
    assert_eq!(text(app.photo_status(&first).await), "First wording.");
    assert_eq!(text(app.photo_status(&second).await), "Second wording.");

    // Closing early: closes_at now. The API and the form say it is closed.
    let r = patch(&app, &admin, path, None, json!({"closes_at": app.now()})).await;
    assert_eq!(r.status(), 200);
    let c: Value = r.json().await.expect("json");
    assert_eq!(c["state"], "closed");
    let bytes = std::fs::read(fixture("photos/ladybird-2560x1600.jpg")).expect("fixture");
    let r = app
        .upload("sdp", Some(("x.jpg", bytes)), &[("consent", "true")])
        .await;
    assert_eq!(error_code(r).await, (409, "submissions_closed".into()));
    let page = app
        .http()
        .get(app.url("/c/sdp"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(
        page.contains("stopped taking photos"),
        "the page says it is closed"
    );
    assert!(!page.contains("id=\"upload-form\""), "and offers no form");

    // Extending it again opens it.
    let r = patch(&app, &admin, path, None, json!({"closes_at": null})).await;
    let c: Value = r.json().await.expect("json");
    assert_eq!(c["state"], "open");

    app.stop().await;
}

async fn contests_are_edited_until_their_announcement(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_contest(&admin, "slogans", 3600, 7200, json!({}))
        .await;
    let path = "/api/v1/admin/contests/slogans";
    let (tag, c) = admin_view(&app, &admin, path).await;
    assert_eq!(c["version"], 1);
    let later = app.now() + chrono::TimeDelta::hours(3);
    let r = patch(
        &app,
        &admin,
        path,
        Some(&tag),
        json!({"title": "Slogans 2027", "announce_at": later, "shortlist_size": 5}),
    )
    .await;
    assert_eq!(r.status(), 200);
    let c: Value = r.json().await.expect("json");
    assert_eq!(c["title"], "Slogans 2027");
    assert_eq!(c["shortlist_size"], 5);
    assert_eq!(c["version"], 2);
    let r = patch(&app, &admin, path, Some(&tag), json!({"title": "Stale"})).await;
    assert_eq!(error_code(r).await.0, 412);

    // The timeline stays in order whichever end moves.
    let r = patch(
        &app,
        &admin,
        path,
        None,
        json!({"announce_at": app.now() + chrono::TimeDelta::minutes(30)}),
    )
    .await;
    assert_eq!(error_code(r).await, (422, "invalid_timeline".into()));
    let r = patch(&app, &admin, path, None, json!({"shortlist_size": 0})).await;
    assert_eq!(error_code(r).await, (400, "invalid_field".into()));
    let r = patch(&app, &admin, path, None, json!({"judging": "x"})).await;
    assert_eq!(error_code(r).await.0, 400);

    // After the announcement the contest is frozen.
    app.advance(chrono::TimeDelta::hours(4));
    app.run_scheduler().await;
    let r = patch(&app, &admin, path, None, json!({"title": "Too late"})).await;
    assert_eq!(error_code(r).await, (409, "already_announced".into()));
    let (_, c) = admin_view(&app, &admin, path).await;
    assert_eq!(c["title"], "Slogans 2027");

    app.stop().await;
}

/// A baseline or progressive JPEG's size, from its SOF segment.
fn jpeg_size(b: &[u8]) -> (u16, u16) {
    let mut i = 2;
    while i + 9 < b.len() {
        let (marker, len) = (
            b[i + 1],
            usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]])),
        );
        if matches!(marker, 0xC0..=0xC2) {
            let h = u16::from_be_bytes([b[i + 5], b[i + 6]]);
            let w = u16::from_be_bytes([b[i + 7], b[i + 8]]);
            return (w, h);
        }
        i += 2 + len;
    }
    panic!("no SOF segment");
}

async fn stored_keys(app: &TestApp) -> Vec<String> {
    app.env
        .objects
        .store
        .list("")
        .await
        .expect("list")
        .into_iter()
        .map(|k| k.as_str().to_owned())
        .collect()
}

async fn put_logo(app: &TestApp, token: &str, name: &str, bytes: Vec<u8>) -> reqwest::Response {
    let form = reqwest::multipart::Form::new().part(
        "logo",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
    );
    app.http()
        .put(app.url("/api/v1/admin/campaigns/sdp/logo"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .expect("put logo")
}

async fn a_campaign_logo_is_checked_like_a_photo_and_served_without_metadata(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", json!({})).await;
    let r = app
        .http()
        .get(app.url("/api/v1/campaigns/sdp/logo"))
        .send()
        .await
        .expect("logo");
    assert_eq!(r.status(), 404, "no logo yet");

    // Refused like a photo, leaving no logo and no object behind.
    let read = |p: &str| std::fs::read(fixture(p)).expect("fixture");
    for (file, status, code) in [
        ("bad/not-an-image.jpg", 415, "unsupported_media_type"),
        ("bad/photo.gif", 415, "unsupported_media_type"),
        ("bad/tiny-100x80.png", 422, "image_too_small"),
        ("bad/claims-40000x40000.jpg", 422, "image_too_large"),
        ("bad/truncated-half.jpg", 422, "invalid_image"),
    ] {
        let r = put_logo(&app, &admin, "logo", read(file)).await;
        assert_eq!(error_code(r).await, (status, code.into()), "{file}");
    }
    let (_, c) = admin_view(&app, &admin, "/api/v1/admin/campaigns/sdp").await;
    assert!(c["logo_url"].is_null());
    assert!(stored_keys(&app).await.is_empty(), "nothing stored");

    // A photo full of metadata (GPS, XMP, a comment) becomes a logo without any.
    let original = read("photos/aitzgorri-rotated8-gps.jpg");
    let r = put_logo(&app, &admin, "logo.jpg", original.clone()).await;
    assert_eq!(r.status(), 200);
    let c: Value = r.json().await.expect("json");
    let url = c["logo_url"].as_str().expect("logo_url").to_owned();
    assert!(url.contains("/api/v1/campaigns/sdp/logo?v="), "{url}");
    let r = app.http().get(&url).send().await.expect("logo");
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/jpeg");
    assert!(r.headers()["cache-control"]
        .to_str()
        .expect("cc")
        .starts_with("public"));
    let etag = r.headers()["etag"].to_str().expect("etag").to_owned();
    let served = r.bytes().await.expect("bytes").to_vec();
    assert!(served.len() < original.len());
    for marker in [&b"Exif"[..], b"GPS", b"http://ns.adobe.com/xap"] {
        assert!(
            !served.windows(marker.len()).any(|w| w == marker),
            "{:?} in the served logo",
            String::from_utf8_lossy(marker)
        );
    }
    let r = app
        .http()
        .get(&url)
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("logo");
    assert_eq!(r.status(), 304);
    let listed = app.get_json(&admin, "/api/v1/admin/campaigns").await;
    assert_eq!(listed["items"][0]["logo_url"], url.as_str());
    let public = app.read_json(None, "/api/v1/campaigns/sdp").await;
    assert_eq!(public["logo_url"], url.as_str());

    // A new logo is a new URL, and the old object is deleted.
    let r = put_logo(
        &app,
        &admin,
        "logo.png",
        read("photos/goldfish-3640x2400.png"),
    )
    .await;
    assert_eq!(r.status(), 200);
    let c: Value = r.json().await.expect("json");
    assert_ne!(c["logo_url"], url.as_str());
    let keys = stored_keys(&app).await;
    assert_eq!(keys.len(), 1, "the replaced logo is gone: {keys:?}");
    assert!(keys[0].starts_with("logos/") && keys[0].ends_with(".png"));
    let r = app
        .http()
        .get(c["logo_url"].as_str().expect("url"))
        .send()
        .await
        .expect("logo");
    assert_eq!(r.headers()["content-type"], "image/png");
    let png = r.bytes().await.expect("bytes");
    assert!(!png
        .windows(4)
        .any(|w| w == b"tEXt" || w == b"eXIf" || w == b"iTXt"));

    // A logo photographed sideways (EXIF orientation 6, with text chunks) is stored upright.
    let r = put_logo(
        &app,
        &admin,
        "logo.png",
        read("photos/gradient-rotated6-meta-640x400.png"),
    )
    .await;
    assert_eq!(r.status(), 200);
    let c: Value = r.json().await.expect("json");
    let r = app
        .http()
        .get(c["logo_url"].as_str().expect("url"))
        .send()
        .await
        .expect("logo");
    assert_eq!(
        r.headers()["content-type"],
        "image/jpeg",
        "re-encoded upright"
    );
    let upright = r.bytes().await.expect("bytes");
    assert_eq!(jpeg_size(&upright), (400, 640), "turned upright");

    // Only admins.
    let moderator = app.create_user("moderator", "mo").await;
    let r = put_logo(&app, &moderator, "logo.jpg", original).await;
    assert_eq!(error_code(r).await, (403, "forbidden".into()));

    app.stop().await;
}
