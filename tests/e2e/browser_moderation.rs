//! The moderation screen's care and filters, in a real browser: a campaign that asked for
//! blurred previews shows each photo blurred until the moderator taps it, presses V or
//! focuses its control (a pointer passing over shows nothing); a pause is suggested after
//! the number the operators set; "flagged only" hands out duplicates first, each beside its
//! earlier photo, in the one-at-a-time view and in the grid; decided photos can be looked
//! back at. Screenshots at 390 px and 1280 px.

use super::browser::sign_in;
use placard_e2e::browser::{Browser, LAPTOP, PHONE};
use placard_e2e::{Api, Deployment, TestEnv};
use std::time::Duration;

const PROCESSING: Duration = Duration::from_secs(90);
const WAIT: Duration = Duration::from_secs(20);

const BLURRED: &str =
    "return getComputedStyle(document.querySelector('#current')).filter.includes('blur');";

/// Waits for `script` (a blur check) to say `want`: the blur eases in and out over 0.15 s.
async fn blur_is(b: &Browser, script: &str, want: bool, what: &str) {
    let check = format!("return (function() {{ {script} }})() === {want};");
    b.wait_for(&check, Duration::from_secs(5), what).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blurred_previews_a_pause_and_flagged_photos_first() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "root").await;
    let moderator = env.create_user("moderator", "mo").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let r = app
        .client
        .patch(app.url("/api/v1/admin/campaigns/sdp"))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"moderation": {"blur_previews": true, "pause_after": 2}}))
        .send()
        .await
        .expect("patch");
    assert_eq!(r.status(), 200);
    // A, B, and C: the same file as A (a duplicate, flagged).
    let mut ups = Vec::new();
    for name in [
        "ladybird-2560x1600.jpg",
        "friends-portrait-2056x3088.jpg",
        "ladybird-2560x1600.jpg",
    ] {
        let up = app.upload_fixture("sdp", name, &[]).await;
        app.wait_processed(&up, PROCESSING).await;
        ups.push(up);
    }
    let current =
        |id: &str| format!("return document.querySelector('#current')?.dataset.id === '{id}';");
    let b = Browser::start("moderate-care", PHONE).await;
    let click = |css: &'static str| {
        let b = &b;
        async move { b.find(css).await.click().await.expect("click") }
    };
    sign_in(&b, &app, "/moderate", &moderator).await;
    b.wait_for(&current(&ups[0].id), WAIT, "the first photo")
        .await;
    b.wait_for(
        "const i = document.querySelector('#current'); return i.complete && i.naturalWidth > 0;",
        WAIT,
        "the first photo loaded",
    )
    .await;

    // Blurred, as the campaign asked; a pointer passing over shows nothing.
    assert_eq!(
        b.js("return document.querySelector('#blur').checked;")
            .await,
        true
    );
    blur_is(&b, BLURRED, true, "blurred at first").await;
    let img = b.find("#current").await;
    b.driver
        .action_chain()
        .move_to_element_center(&img)
        .perform()
        .await
        .expect("hover");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(b.js(BLURRED).await, true, "hover alone reveals nothing");
    b.screenshot("moderate-blurred-390").await;
    // V shows it.
    b.unfocus().await;
    b.keys("v").await;
    blur_is(&b, BLURRED, false, "V reveals").await;
    b.check_page("the moderation page, blurred previews").await;
    click("#actions [data-act=approve]").await;
    b.wait_for(&current(&ups[1].id), WAIT, "the second photo")
        .await;
    blur_is(&b, BLURRED, true, "the next photo is blurred again").await;
    // A tap shows it (and does not zoom yet).
    click("#current").await;
    blur_is(&b, BLURRED, false, "a tap reveals").await;
    assert_eq!(
        b.js("return document.querySelector('#current').src.endsWith('/original');")
            .await,
        false,
        "the first tap only reveals"
    );
    assert_eq!(
        b.text("#sitting-words").await,
        "1 reviewed in this sitting."
    );

    // Flagged only: the duplicate comes first, beside its earlier photo.
    b.js("const f = document.querySelector('#filter'); f.value = 'flagged'; f.dispatchEvent(new Event('change', {bubbles: true})); return null;")
        .await;
    b.wait_for(&current(&ups[2].id), WAIT, "the duplicate")
        .await;
    assert!(b.text("#flags").await.starts_with("Duplicate"));
    assert_eq!(
        b.js("return !document.querySelector('#related-figure').hidden && document.querySelector('#related').src.includes('/media/');")
            .await,
        true,
        "the earlier photo beside it"
    );
    b.screenshot("moderate-flagged-390").await;
    b.unfocus().await;
    b.keys("v").await;
    b.keys("a").await;
    // The pause suggested at 2, as the operators set.
    b.wait_for(
        "return document.querySelector('#sitting').classList.contains('pause');",
        WAIT,
        "the pause",
    )
    .await;
    assert!(b.text("#sitting-words").await.contains("pause"));
    b.wait_for(
        "return document.querySelector('#message').textContent.includes('Nothing left');",
        WAIT,
        "no flagged photo left",
    )
    .await;
    b.check_page("the moderation page, a pause suggested").await;
    b.screenshot("moderate-pause-390").await;
    click("#sitting-reset").await;
    assert_eq!(
        b.js("return document.querySelector('#sitting').hidden;")
            .await,
        true
    );

    // The grid, at laptop size: what waits (B), revealed by focusing its control.
    b.viewport(LAPTOP).await;
    b.js("document.querySelector('#mode-grid').click(); const f = document.querySelector('#filter'); f.value = 'pending'; f.dispatchEvent(new Event('change', {bubbles: true})); return null;")
        .await;
    b.wait_for(
        "return document.querySelectorAll('#grid-items li').length === 1;",
        WAIT,
        "the grid of what waits",
    )
    .await;
    let grid_blurred = "return getComputedStyle(document.querySelector('#grid-items img')).filter.includes('blur');";
    blur_is(&b, grid_blurred, true, "the grid blurred").await;
    b.js(&format!(
        "document.querySelector('#sel-{}').focus(); return null;",
        ups[1].id
    ))
    .await;
    blur_is(&b, grid_blurred, false, "focus reveals").await;
    // Looking back at what was approved: the duplicate carries its earlier photo, and there
    // are no bulk decisions to make.
    b.js("const f = document.querySelector('#filter'); f.value = 'approved'; f.dispatchEvent(new Event('change', {bubbles: true})); return null;")
        .await;
    b.wait_for(
        "return document.querySelectorAll('#grid-items li').length === 2;",
        WAIT,
        "the approved",
    )
    .await;
    assert_eq!(
        b.js("return document.querySelectorAll('#grid-items li.flagged .earlier img').length;")
            .await,
        1
    );
    assert_eq!(
        b.js("return document.querySelector('.bulk').hidden;").await,
        true
    );
    b.js("document.querySelector('#blur').click(); return null;")
        .await;
    b.check_page("the grid of approved photos").await;
    b.screenshot("moderate-grid-approved-1280").await;

    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}

/// Clears `n` photos one at a time, approving each by `act` (a click on Approve, or the A
/// key), and returns how long it took from the first photo shown to the end of the queue.
async fn clear_queue(b: &Browser, n: usize, by_mouse: bool) -> Duration {
    let started = std::time::Instant::now();
    for i in 0..n {
        let shown: String = b
            .js("return document.querySelector('#current').dataset.id;")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if by_mouse {
            b.find("#actions [data-act=approve]")
                .await
                .click()
                .await
                .expect("approve");
        } else {
            b.keys("a").await;
        }
        let next = if i + 1 == n {
            "return document.querySelector('#message').textContent.includes('Nothing left');"
                .to_owned()
        } else {
            format!(
                "const c = document.querySelector('#current'); return c.dataset.id !== '{shown}' && c.complete;"
            )
        };
        b.wait_for(&next, WAIT, "the next photo").await;
    }
    started.elapsed()
}

/// The figure: how long 50 photos take to clear by mouse alone and by keyboard
/// alone, on a laptop-sized screen, each photo shown (its image loaded) before the next
/// decision. Printed for the record; bounded loosely so a regression that makes each step
/// seconds long fails.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_photos_are_cleared_by_mouse_and_by_keyboard() {
    const N: usize = 50;
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = placard_e2e::Server::start(
        &env,
        "api,worker",
        &[("PLACARD_RATE_LIMIT_PER_MINUTE", "0")],
    )
    .await;
    let admin = env.create_user("admin", "root").await;
    app.create_campaign(&admin, "mouse", serde_json::json!({}))
        .await;
    app.create_campaign(&admin, "keys", serde_json::json!({}))
        .await;
    let names = ["ladybird-2560x1600.jpg", "aitzgorri-rotated8-gps.jpg"];
    let mut ups = Vec::new();
    for slug in ["mouse", "keys"] {
        for i in 0..N {
            ups.push(app.upload_fixture(slug, names[i % 2], &[]).await);
        }
    }
    for up in &ups {
        app.wait_processed(up, PROCESSING).await;
    }
    let moderator = env.create_user("moderator", "mo").await;
    let b = Browser::start("moderate-fifty", LAPTOP).await;
    sign_in(&b, &app, "/moderate", &moderator).await;
    for (slug, by_mouse) in [("mouse", true), ("keys", false)] {
        b.js(&format!(
            "const s = document.querySelector('#what'); s.value = 'photos:{slug}'; s.dispatchEvent(new Event('change', {{bubbles: true}})); return null;"
        ))
        .await;
        b.wait_for(
            "const c = document.querySelector('#current'); return !document.querySelector('#one').hidden && c.complete && c.naturalWidth > 0;",
            WAIT,
            "the first photo",
        )
        .await;
        b.unfocus().await;
        let t = clear_queue(&b, N, by_mouse).await;
        println!(
            "cleared {N} photos by {}: {:.1} s, {:.0} ms a photo",
            if by_mouse { "mouse" } else { "keyboard" },
            t.as_secs_f64(),
            t.as_secs_f64() * 1000.0 / N as f64
        );
        assert!(t < Duration::from_secs(120), "{slug}: {t:?}");
    }
    for up in &ups {
        let s = app.photo_status(up).await;
        assert_eq!(s["status"], "approved", "{}", up.id);
    }
    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}
