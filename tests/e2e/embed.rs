//! The upload form embedded in a campaign's own site: a page on another origin (here
//! `http://localhost:PORT`, while Placard is `http://127.0.0.1:PORT`) frames
//! `/c/{slug}/embed`, which tells it its height, and a supporter uploads a photo from inside
//! the frame. Only the campaign's origins may frame it; other pages keep
//! `frame-ancestors 'none'`.

use placard_e2e::browser::{Browser, LAPTOP, PHONE};
use placard_e2e::{fixture, Api, Deployment, TestEnv};
use std::io::{Read, Write};
use std::time::Duration;

/// A campaign's website: one page that frames Placard's form and sizes the frame to the
/// height the form reports. Served from a thread, on its own port.
fn campaign_site(form_url: String) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let page = format!(
        "<!doctype html><html><head><meta charset=utf-8><meta name=viewport content='width=device-width'>\
         <title>Support. Don't Punish.</title></head><body style='margin:0;font-family:sans-serif'>\
         <h1 style='padding:8px'>Our campaign site</h1>\
         <iframe id=placard src='{form_url}' title='Send your photo' style='width:100%;border:0;height:200px'></iframe>\
         <script>addEventListener('message', function (e) {{\
           if (e.data && e.data.placard === 'height') {{ document.getElementById('placard').style.height = e.data.height + 'px'; window.__height = e.data.height; window.__from = e.origin; }}\
         }});</script></body></html>"
    );
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{page}",
                page.len()
            );
        }
    });
    port
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supporter_uploads_from_the_form_embedded_in_the_campaign_site() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "ana").await;
    app.create_campaign(
        &admin,
        "sdp",
        serde_json::json!({"title": "Support. Don't Punish."}),
    )
    .await;
    let site = campaign_site(app.url("/c/sdp/embed"));
    let origin = format!("http://localhost:{site}");
    let r = app
        .http()
        .patch(app.url("/api/v1/admin/campaigns/sdp"))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"frame_ancestors": [origin]}))
        .send()
        .await
        .expect("patch");
    assert_eq!(r.status(), 200);

    // The form and the campaign page name the site; every other page refuses framing.
    for (path, framable) in [
        ("/c/sdp/embed", true),
        ("/c/sdp", true),
        ("/c/sdp/gallery", false),
        ("/moderate", false),
    ] {
        let r = app.http().get(app.url(path)).send().await.expect("page");
        let csp = r.headers()["content-security-policy"]
            .to_str()
            .expect("csp")
            .to_owned();
        if framable {
            assert!(
                csp.contains(&format!("frame-ancestors {origin}")),
                "{path}: {csp}"
            );
        } else {
            assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        }
    }

    let b = Browser::start("embed", PHONE).await;
    b.goto(&format!("{origin}/")).await;
    b.wait_for(
        "return (window.__height || 0) > 400;",
        Duration::from_secs(20),
        "the form reports its height to the campaign site",
    )
    .await;
    let from = b.js("return window.__from;").await;
    assert_eq!(
        from,
        serde_json::json!(app.url("")),
        "sent by Placard's origin"
    );
    b.screenshot("campaign-site-390").await;

    // Inside the frame: choose a photo, consent, send.
    b.find("#placard")
        .await
        .enter_frame()
        .await
        .expect("into the frame");
    assert!(
        b.js("return document.querySelector('h1') === null;").await == serde_json::json!(true),
        "the form alone, without the campaign page's heading"
    );
    let photo = std::fs::canonicalize(fixture("photos/ladybird-2560x1600.jpg")).expect("fixture");
    b.find("#photo")
        .await
        .send_keys(photo.display().to_string())
        .await
        .expect("choose");
    b.find("#consent").await.click().await.expect("consent");
    b.find("#send-button").await.click().await.expect("send");
    b.wait_for(
        "return !document.querySelector('#receipt').hidden;",
        Duration::from_secs(30),
        "the receipt inside the frame",
    )
    .await;
    let link = b.find("#status-link").await;
    assert_eq!(
        link.attr("target").await.expect("target").as_deref(),
        Some("_blank"),
        "the receipt link opens outside the frame"
    );
    b.driver
        .enter_default_frame()
        .await
        .expect("back to the site");
    b.screenshot("campaign-site-receipt-390").await;
    b.viewport(LAPTOP).await;
    b.screenshot("campaign-site-1280").await;

    let held = env
        .db
        .store
        .campaign_by_slug("sdp")
        .await
        .expect("campaign");
    // (Straight from the database: the public counts are cached for half a minute.)
    let stats = env.db.store.campaign_stats(held.id).await.expect("stats");
    assert_eq!(
        stats.by_status.values().sum::<i64>(),
        1,
        "the photo arrived"
    );
    assert_eq!(held.frame_ancestors(), vec![origin]);
    b.quit().await;
    assert!(app.stop().await);
    env.cleanup().await;
}
