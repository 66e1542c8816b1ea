//! The visual petition, on both deployments: the mosaic of approved photos, rebuilt by a
//! job after approvals (at most about once a minute; at once after an erasure), in the
//! logo's shape when the campaign has one; and in a browser, a square that opens its photo.

use placard_e2e::browser::{Browser, LAPTOP, PHONE};
use placard_e2e::{
    error_code, fixture, on_both_deployments, Api, Deployment, TestApp, TestEnv, Uploaded,
};
use serde_json::{json, Value};
use std::time::Duration;
use thirtyfour::Key;

on_both_deployments!(the_mosaic_follows_the_approved_photos_and_takes_the_logo_shape,);

async fn approve(app: &impl Api, admin: &str, up: &Uploaded) {
    app.decide(admin, "photos", &up.id, json!({"decision": "approve"}))
        .await;
}

async fn mosaic(app: &TestApp) -> (u16, Value, Option<image::RgbImage>) {
    let r = app
        .http()
        .get(app.url("/api/v1/campaigns/sdp/mosaic.json"))
        .send()
        .await
        .expect("json");
    let status = r.status().as_u16();
    if status != 200 {
        return (status, Value::Null, None);
    }
    let map: Value = r.json().await.expect("json");
    let r = app
        .http()
        .get(app.url("/api/v1/campaigns/sdp/mosaic.jpg"))
        .send()
        .await
        .expect("jpg");
    assert_eq!(r.headers()["content-type"], "image/jpeg");
    let bytes = r.bytes().await.expect("bytes");
    let img = image::load_from_memory(&bytes).expect("a JPEG").to_rgb8();
    (status, map, Some(img))
}

fn photos_in(map: &Value) -> std::collections::BTreeSet<String> {
    map["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .map(|c| c["photo_id"].as_str().expect("id").to_owned())
        .collect()
}

async fn the_mosaic_follows_the_approved_photos_and_takes_the_logo_shape(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "ana").await;
    app.create_campaign(&admin, "sdp", json!({})).await;
    let r = app
        .http()
        .get(app.url("/api/v1/campaigns/sdp/mosaic.jpg"))
        .send()
        .await
        .expect("jpg");
    assert_eq!(
        error_code(r).await,
        (404, "not_found".into()),
        "nothing approved yet"
    );

    let names = [
        "ladybird-2560x1600.jpg",
        "dragonfly-4224x3168.jpg",
        "friends-portrait-2056x3088.jpg",
        "wood-4096.webp",
    ];
    let mut ups = Vec::new();
    for n in names {
        ups.push(app.upload_fixture("sdp", n, &[]).await);
    }
    app.run_pending_jobs().await;
    for up in &ups[..3] {
        approve(&app, &admin, up).await;
    }
    app.run_pending_jobs().await;
    let (status, map, img) = mosaic(&app).await;
    assert_eq!(status, 200);
    let img = img.expect("image");
    assert_eq!(
        (img.width() as i64, img.height() as i64),
        (
            map["width"].as_i64().expect("w"),
            map["height"].as_i64().expect("h")
        )
    );
    assert!(img.width() <= 4096 && img.height() <= 4096);
    let expected: std::collections::BTreeSet<String> =
        ups[..3].iter().map(|u| u.id.clone()).collect();
    assert_eq!(photos_in(&map), expected, "every approved photo, once");

    // Another approval: rebuilt a minute after the last build, not at once.
    approve(&app, &admin, &ups[3]).await;
    app.run_pending_jobs().await;
    assert_eq!(photos_in(&mosaic(&app).await.1).len(), 3, "not yet");
    app.advance(chrono::TimeDelta::seconds(61));
    app.run_pending_jobs().await;
    assert_eq!(photos_in(&mosaic(&app).await.1).len(), 4);

    // The ETag answers 304 until the mosaic changes.
    let r = app
        .http()
        .get(app.url("/api/v1/campaigns/sdp/mosaic.jpg"))
        .send()
        .await
        .expect("jpg");
    let tag = r.headers()["etag"].to_str().expect("etag").to_owned();
    let r = app
        .http()
        .get(app.url("/api/v1/campaigns/sdp/mosaic.jpg"))
        .header("if-none-match", &tag)
        .send()
        .await
        .expect("jpg");
    assert_eq!(r.status(), 304);

    // A withdrawal takes the photo out at once, without waiting for the minute.
    app.withdraw(&ups[0]).await;
    app.run_pending_jobs().await;
    let (_, map, _) = mosaic(&app).await;
    assert!(
        !photos_in(&map).contains(&ups[0].id),
        "erased from the mosaic"
    );
    assert_eq!(photos_in(&map).len(), 3);
    let keys: Vec<String> = app
        .env
        .objects
        .store
        .list("mosaics/")
        .await
        .expect("list")
        .into_iter()
        .map(|k| k.as_str().to_owned())
        .collect();
    assert_eq!(keys.len(), 1, "the replaced mosaics are deleted: {keys:?}");

    // With a logo (a portrait one), the mosaic takes its shape; photos repeat to draw it.
    let logo =
        std::fs::read(fixture("photos/gradient-rotated6-meta-640x400.png")).expect("fixture");
    let form = reqwest::multipart::Form::new().part(
        "logo",
        reqwest::multipart::Part::bytes(logo).file_name("logo.png"),
    );
    let r = app
        .http()
        .put(app.url("/api/v1/admin/campaigns/sdp/logo"))
        .bearer_auth(&admin)
        .multipart(form)
        .send()
        .await
        .expect("logo");
    assert_eq!(r.status(), 200);
    app.advance(chrono::TimeDelta::seconds(61));
    app.run_pending_jobs().await;
    let (_, map, img) = mosaic(&app).await;
    let img = img.expect("image");
    assert!(
        img.height() > img.width(),
        "portrait, as the logo: {}x{}",
        img.width(),
        img.height()
    );
    let cells = map["cells"].as_array().expect("cells").len();
    assert!(cells >= 1600, "enough squares to draw the logo: {cells}");
    assert_eq!(photos_in(&map).len(), 3, "made of the approved photos only");

    // The page shows it.
    let page = app
        .http()
        .get(app.url("/c/sdp/mosaic"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(page.contains("id=\"mosaic\""));

    // Everyone withdrawn: no mosaic.
    for up in &ups[1..] {
        app.withdraw(up).await;
    }
    app.run_pending_jobs().await;
    assert_eq!(mosaic(&app).await.0, 404);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_taps_a_square_of_the_mosaic_and_sees_its_photo() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "ana").await;
    app.create_campaign(&admin, "sdp", json!({"title": "Support. Don't Punish."}))
        .await;
    let logo = std::fs::read(fixture("photos/goldfish-3640x2400.png")).expect("fixture");
    let form = reqwest::multipart::Form::new().part(
        "logo",
        reqwest::multipart::Part::bytes(logo).file_name("logo.png"),
    );
    let r = app
        .http()
        .put(app.endpoint("/api/v1/admin/campaigns/sdp/logo"))
        .bearer_auth(&admin)
        .multipart(form)
        .send()
        .await
        .expect("logo");
    assert_eq!(r.status(), 200);
    for n in placard_e2e::fixture_photos() {
        let up = app.upload_fixture("sdp", &n, &[]).await;
        let s = app.wait_processed(&up, Duration::from_secs(90)).await;
        if s["status"] == "pending_review" {
            approve(&app, &admin, &up).await;
        }
    }
    // Built by the worker within about a minute of the first approval.
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    loop {
        let r = app
            .http()
            .get(app.endpoint("/api/v1/campaigns/sdp/mosaic.json"))
            .send()
            .await
            .expect("json");
        if r.status() == 200 {
            let m: Value = r.json().await.expect("json");
            if photos_in(&m).len() == 9 {
                break;
            }
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no mosaic of every photo within 2 minutes"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let b = Browser::start("mosaic", PHONE).await;
    open_mosaic(&b, &app.url("/c/sdp/mosaic")).await;
    b.check_page("the mosaic page").await;
    b.screenshot("mosaic-390").await;
    b.viewport(LAPTOP).await;
    b.screenshot("mosaic-1280").await;
    // By keyboard: Tab to the mosaic, the arrows move a frame (each square announced),
    // Home and End go to a row's ends, Enter opens the framed square's photo.
    let tab = Key::Tab.value().to_string();
    for _ in 0..30 {
        if b.js("return document.activeElement.id;").await == "mosaic-figure" {
            break;
        }
        b.keys(&tab).await;
    }
    assert_eq!(
        b.js("return document.activeElement.id;").await,
        "mosaic-figure",
        "the mosaic takes the focus"
    );
    let said = || b.text("#mosaic-pick");
    assert!(said().await.contains("row 1, column 1"), "{}", said().await);
    b.keys(&Key::Right.value().to_string()).await;
    b.keys(&Key::Down.value().to_string()).await;
    assert!(said().await.contains("row 2, column 2"), "{}", said().await);
    b.screenshot("mosaic-keyboard-1280").await;
    b.keys(&Key::End.value().to_string()).await;
    let m: Value = app.public_json("/api/v1/campaigns/sdp/mosaic.json").await;
    let cols = m["width"].as_u64().expect("w") / m["cells"][0]["w"].as_u64().expect("cw");
    assert!(
        said().await.contains(&format!("row 2, column {cols}:")),
        "{} ({cols} columns)",
        said().await
    );
    b.keys(&Key::Home.value().to_string()).await;
    assert!(
        said().await.contains("row 2, column 1:"),
        "{}",
        said().await
    );
    let cell: usize = b
        .js("return document.querySelector('#mosaic-figure').dataset.cell;")
        .await
        .as_str()
        .and_then(|c| c.parse().ok())
        .expect("the framed cell");
    let want = m["cells"][cell]["photo_id"]
        .as_str()
        .expect("photo")
        .to_owned();
    b.keys(&Key::Enter.value().to_string()).await;
    b.wait_for(
        &format!("return location.pathname === '/c/sdp/photos/{want}';"),
        Duration::from_secs(10),
        "the framed square's photo opened",
    )
    .await;
    // A click in the middle opens that square's photo, on its own page with a way back.
    open_mosaic(&b, &app.url("/c/sdp/mosaic")).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    b.find("#mosaic").await.click().await.expect("click");
    b.wait_for(
        "return location.pathname.startsWith('/c/sdp/photos/') && !!document.querySelector('#back');",
        Duration::from_secs(10),
        "the photo opened",
    )
    .await;
    b.check_page("a photo opened from the mosaic").await;
    b.quit().await;
    assert!(app.stop().await);
    env.cleanup().await;
}

/// Opens the mosaic page and waits for its picture.
async fn open_mosaic(b: &Browser, url: &str) {
    b.goto(url).await;
    b.wait_for(
        "return document.querySelector('#mosaic').naturalWidth > 0;",
        Duration::from_secs(20),
        "the mosaic",
    )
    .await;
}
