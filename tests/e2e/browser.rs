//! The pages in a real browser (headless Chromium over WebDriver), against a running
//! `placard serve`: a supporter on a 390 px phone screen, a moderator at the keyboard, a
//! judge scoring, the gallery and the announced contest. Every page visited is checked
//! for loads from other origins and sideways overflow, hostile text typed by supporters
//! must show as text, and a screenshot of each page is saved under
//! `target/browser-screenshots/` for people reviewing a change.

use placard_e2e::browser::{Browser, LAPTOP, PHONE};
use placard_e2e::{fixture, Api, Deployment, Server, TestEnv, Uploaded};
use std::time::Duration;
use thirtyfour::Key;

const HOSTILE: &str = "<script>window.__xss=1</script><img src=x onerror=window.__xss=2>";
const PROCESSING: Duration = Duration::from_secs(90);

pub(crate) fn abs(rel: &str) -> String {
    std::fs::canonicalize(fixture(rel))
        .expect("fixture")
        .display()
        .to_string()
}

/// Nothing a supporter typed ran as script.
async fn no_script_ran(b: &Browser, page: &str) {
    assert_eq!(
        b.js("return window.__xss === undefined;").await,
        serde_json::json!(true),
        "hostile text ran as script on {page}"
    );
}

async fn status_of(app: &Server, up: &Uploaded) -> (String, Option<String>) {
    let s = app.photo_status(up).await;
    (
        s["status"].as_str().unwrap_or_default().to_owned(),
        s["rejection_reason"].as_str().map(str::to_owned),
    )
}

pub(crate) async fn sign_in(b: &Browser, app: &Server, path: &str, token: &str) {
    b.goto(&app.url(path)).await;
    b.find("#token").await.send_keys(token).await.expect("type");
    b.screenshot(&format!("{}-signin", path.trim_matches('/')))
        .await;
    b.find("#signin-form button")
        .await
        .click()
        .await
        .expect("sign in");
    b.find("#app").await;
    let visible = b
        .js("return document.cookie + JSON.stringify(localStorage) + JSON.stringify(sessionStorage);")
        .await;
    assert!(
        !visible.to_string().contains(token),
        "the staff token is readable by page scripts"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supporter_sends_a_photo_from_a_phone_and_follows_it() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "root").await;
    app.create_campaign(
        &admin,
        "sdp",
        serde_json::json!({"title": "Support. Don't Punish.", "description": "Hold up the logo and send us your photo."}),
    )
    .await;
    let b = Browser::start("supporter", PHONE).await;

    b.goto(&app.url("/c/sdp")).await;
    b.check_page("the campaign page").await;
    b.screenshot("campaign").await;

    // A file the service refuses: the supporter reads why, in words.
    b.find("#photo")
        .await
        .send_keys(abs("bad/tiny-100x80.png"))
        .await
        .expect("file");
    b.find("#consent").await.click().await.expect("consent");
    b.find("#send-button").await.click().await.expect("send");
    b.wait_for(
        "return !document.querySelector('#form-error').hidden;",
        Duration::from_secs(20),
        "the error message",
    )
    .await;
    let error = b.text("#form-error").await;
    assert!(error.starts_with("This photo is too small"), "{error}");
    assert!(!error.contains("image_too_small"), "words, not codes");
    b.screenshot("campaign-error").await;

    // A real photo, with a preview, a hostile caption, a country; progress, then the receipt.
    b.find("#photo")
        .await
        .send_keys(abs("photos/ladybird-2560x1600.jpg"))
        .await
        .expect("file");
    b.wait_for(
        "const p = document.querySelector('#preview'); return !p.hidden && p.naturalWidth > 0;",
        Duration::from_secs(10),
        "the preview",
    )
    .await;
    b.find("#display_name")
        .await
        .send_keys("Ana")
        .await
        .expect("name");
    b.find("#country option[value=PT]")
        .await
        .click()
        .await
        .expect("country");
    b.find("#caption")
        .await
        .send_keys(HOSTILE)
        .await
        .expect("caption");
    b.screenshot("campaign-filled").await;
    b.find("#send-button").await.click().await.expect("send");
    b.wait_for(
        "return !document.querySelector('#receipt').hidden;",
        Duration::from_secs(30),
        "the receipt",
    )
    .await;
    assert_eq!(
        b.js("return document.querySelector('#progress').value;")
            .await,
        serde_json::json!(100),
        "the progress bar reached the end"
    );
    let link = b
        .find("#status-link")
        .await
        .attr("href")
        .await
        .expect("href")
        .expect("a link");
    assert!(
        link.starts_with(&app.base) && link.contains("?lang=en&receipt=rct_"),
        "{link}"
    );
    b.check_page("the receipt").await;
    b.screenshot("receipt").await;

    // The status page updates itself until the worker is done.
    b.goto(&link).await;
    b.wait_for(
        "return document.querySelector('#status')?.dataset.status === 'pending_review' \
         && document.querySelector('#photo')?.naturalWidth > 0;",
        PROCESSING,
        "the status page showing pending_review with the thumbnail",
    )
    .await;
    b.check_page("the status page").await;
    no_script_ran(&b, "the status page").await;
    // The receipt shows back everything held about the supporter, and what they agreed to.
    let held = b.text("#held").await;
    for shown in [
        "Ana",
        "PT",
        "<script>window.__xss=1</script>",
        "I agree that this campaign",
    ] {
        assert!(
            held.contains(shown),
            "the receipt does not show {shown:?}: {held}"
        );
    }
    b.screenshot("status").await;
    b.viewport(LAPTOP).await;
    b.check_page("the status page on a laptop").await;
    b.screenshot("status-laptop").await;
    b.viewport(PHONE).await;

    // Withdraw from the status page.
    b.find(".withdraw summary")
        .await
        .click()
        .await
        .expect("open");
    b.find("#withdraw").await.click().await.expect("withdraw");
    let notice = b.text("#notice").await;
    assert!(notice.contains("withdrawn and erased"), "{notice}");
    b.screenshot("withdrawn").await;
    let r = app.client.get(&link).send().await.expect("status");
    assert_eq!(r.status(), 404, "the link no longer works");

    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}

/// A photo the worker could not read: its supporter's status page says why in one sentence
/// of advice (the worker stores a code; the page words it), on a phone and on a laptop.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supporter_whose_photo_failed_reads_why_in_one_sentence() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api").await; // no worker: the test sets the outcome
    let admin = env.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let up = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    env.db
        .store
        .execute_raw("UPDATE photos SET status = 'failed', failure_reason = 'unreadable'")
        .await
        .expect("fail it");
    assert_eq!(app.photo_status(&up).await["failure_reason"], "unreadable");
    let b = Browser::start("failed", PHONE).await;
    b.goto(&app.url(&format!("/p/{}?receipt={}", up.id, up.receipt)))
        .await;
    b.check_page("the failed photo's status page").await;
    let words = b.text("#status-words").await;
    assert_eq!(
        words.matches("Please").count(),
        1,
        "one piece of advice: {words}"
    );
    assert!(words.contains("could not read this file"), "{words}");
    assert!(!words.contains(".."), "{words}");
    b.screenshot("status-failed-phone").await;
    b.viewport(LAPTOP).await;
    b.check_page("the failed photo's status page, wide").await;
    b.screenshot("status-failed-laptop").await;
    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}

/// Mouse and touch users decide with on-screen buttons that do what the keys do, on a phone
/// as on a laptop; a skipped photo comes back once the rest is cleared, instead of a "done"
/// while it is still pending.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_clears_the_queue_by_mouse_and_a_skipped_photo_comes_back() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "root").await;
    let moderator = env.create_user("moderator", "mo").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let mut ups = Vec::new();
    for name in [
        "ladybird-2560x1600.jpg",
        "friends-portrait-2056x3088.jpg",
        "painting-6000x4000.jpg",
    ] {
        let up = app.upload_fixture("sdp", name, &[]).await;
        app.wait_processed(&up, PROCESSING).await;
        ups.push(up);
    }
    let b = Browser::start("moderate-mouse", PHONE).await;
    sign_in(&b, &app, "/moderate", &moderator).await;
    let current =
        |id: &str| format!("return document.querySelector('#current')?.dataset.id === '{id}';");
    let click = |css: &'static str| {
        let b = &b;
        async move { b.find(css).await.click().await.expect("click") }
    };
    b.wait_for(
        &current(&ups[0].id),
        Duration::from_secs(20),
        "the first photo",
    )
    .await;
    b.check_page("the moderation page on a phone").await;
    b.screenshot("moderate-mouse-390").await;
    // What is left, and how old the oldest is; when this photo was sent.
    let queue = b.text("#queue").await;
    assert!(
        queue.starts_with("3 left · oldest sent ") && queue.ends_with(" ago"),
        "{queue}"
    );
    assert!(b.text("#current-sent").await.starts_with("Sent "));
    // The photo fits the screen: nothing of it below the fold at 390 × 844.
    let fits = b
        .js("const r = document.querySelector('#current').getBoundingClientRect(); return r.height > 200 && r.height <= window.innerHeight;")
        .await;
    assert_eq!(fits, true, "the photo fits the screen");

    // Zoom: a tap shows the original at full size, Z goes back.
    click("#current").await;
    b.wait_for(
        "const i = document.querySelector('#current'); return i.src.endsWith('/original') && i.complete && i.naturalWidth === 2560;",
        Duration::from_secs(20),
        "the original, zoomed",
    )
    .await;
    assert_eq!(
        b.js("return document.querySelector('[data-act=zoom]').getAttribute('aria-pressed');")
            .await,
        "true"
    );
    b.screenshot("moderate-zoomed-390").await;
    b.unfocus().await;
    b.keys("z").await;
    b.wait_for(
        "return !document.querySelector('#current').src.endsWith('/original') && !document.querySelector('#one').classList.contains('zoomed');",
        Duration::from_secs(10),
        "back to fit",
    )
    .await;

    // Skip the first; approve the second with the button.
    click("#actions [data-act=skip]").await;
    b.wait_for(
        &current(&ups[1].id),
        Duration::from_secs(20),
        "the second photo",
    )
    .await;
    click("#actions [data-act=approve]").await;
    b.wait_for(
        &current(&ups[2].id),
        Duration::from_secs(20),
        "the third photo",
    )
    .await;
    assert_eq!(status_of(&app, &ups[1]).await.0, "approved");
    // The word "Approved" carries a small copy of the photo it was about (the second), not
    // the one now shown.
    let about = b
        .js("const i = document.querySelector('#message img.about'); return i ? i.src : '';")
        .await;
    assert!(
        about.as_str().is_some_and(|u| u.contains(&ups[1].id)),
        "{about}"
    );
    b.wait_for(
        "return document.querySelector('#queue').textContent.startsWith('2 left');",
        Duration::from_secs(10),
        "the counter after a decision",
    )
    .await;

    // Reject… shows the reasons as buttons; one click picks the reason.
    click("#actions [data-act=reject]").await;
    b.wait_for(
        "return !document.querySelector('#reasons').hidden;",
        Duration::from_secs(5),
        "the reasons",
    )
    .await;
    b.screenshot("moderate-mouse-reasons-390").await;
    click("#reasons [data-reason=inappropriate]").await;
    // Nothing else is left: the skipped photo comes back rather than "nothing left".
    b.wait_for(
        &current(&ups[0].id),
        Duration::from_secs(20),
        "the skipped photo again",
    )
    .await;
    assert_eq!(
        status_of(&app, &ups[2]).await,
        ("rejected".into(), Some("inappropriate".into()))
    );
    let said = b.text("#message").await;
    assert!(said.contains("skipped"), "{said}");

    // Undo brings the rejected one back, pending, on screen.
    click("#actions [data-act=undo]").await;
    b.wait_for(
        &current(&ups[2].id),
        Duration::from_secs(20),
        "the undone photo",
    )
    .await;
    assert_eq!(status_of(&app, &ups[2]).await.0, "pending_review");

    // At laptop size, approve the rest by button: then, and only then, the queue is done.
    b.viewport(LAPTOP).await;
    b.screenshot("moderate-mouse-1280").await;
    click("#actions [data-act=approve]").await;
    b.wait_for(
        &current(&ups[0].id),
        Duration::from_secs(20),
        "the skipped one, last",
    )
    .await;
    click("#actions [data-act=approve]").await;
    b.wait_for(
        "return document.querySelector('#one').hidden && document.querySelector('#message').textContent.includes('Nothing left');",
        Duration::from_secs(20),
        "the end of the queue",
    )
    .await;
    for up in &ups {
        assert_eq!(status_of(&app, up).await.0, "approved", "{}", up.id);
    }

    // After the picker is used, the keys work without clicking the page first.
    b.js("const s = document.querySelector('#what'); s.focus(); s.dispatchEvent(new Event('change', {bubbles: true}));")
        .await;
    let focused = b
        .js("return document.activeElement ? document.activeElement.tagName : '';")
        .await;
    assert_ne!(focused, "SELECT", "focus left the picker");
    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_clears_the_queue_by_keyboard_and_the_gallery_shows_the_result() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "root").await;
    let moderator = env.create_user("moderator", "mo").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    // Oldest first: a hostile caption, an ordinary one, then an exact duplicate of the first.
    let p1 = app
        .upload_fixture(
            "sdp",
            "ladybird-2560x1600.jpg",
            &[("caption", HOSTILE), ("display_name", "Ana")],
        )
        .await;
    app.wait_processed(&p1, PROCESSING).await;
    let p2 = app
        .upload_fixture(
            "sdp",
            "friends-portrait-2056x3088.jpg",
            &[("caption", "Friends")],
        )
        .await;
    app.wait_processed(&p2, PROCESSING).await;
    let p3 = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    app.wait_processed(&p3, PROCESSING).await;
    app.create_contest(&admin, "slogans", 3600, 7200, serde_json::json!({}))
        .await;
    for slogan in ["Support, don't punish", "Health not handcuffs"] {
        assert_eq!(app.enter("slogans", slogan).await.status(), 201);
    }

    let b = Browser::start("moderator", LAPTOP).await;
    sign_in(&b, &app, "/moderate", &moderator).await;
    let current =
        |id: &str| format!("return document.querySelector('#current')?.dataset.id === '{id}';");
    b.wait_for(
        &current(&p1.id),
        Duration::from_secs(20),
        "the first photo claimed",
    )
    .await;
    let caption = b.text("#current-caption").await;
    assert!(
        caption.contains("<script>window.__xss=1</script>"),
        "shown as text: {caption}"
    );
    no_script_ran(&b, "the moderation page").await;
    b.check_page("the moderation page").await;
    b.screenshot("moderate-review").await;

    // A approves; the next photo comes up.
    b.keys("a").await;
    b.wait_for(
        &current(&p2.id),
        Duration::from_secs(20),
        "the second photo",
    )
    .await;
    assert_eq!(status_of(&app, &p1).await.0, "approved");

    // R shows the reasons; a digit picks one.
    b.keys("r").await;
    b.wait_for(
        "return !document.querySelector('#reasons').hidden;",
        Duration::from_secs(5),
        "the reasons",
    )
    .await;
    b.screenshot("moderate-reasons").await;
    b.keys("2").await;
    b.wait_for(&current(&p3.id), Duration::from_secs(20), "the third photo")
        .await;
    assert_eq!(
        status_of(&app, &p2).await,
        ("rejected".into(), Some("inappropriate".into()))
    );

    // The duplicate is flagged, with the earlier photo beside it.
    let flags = b.text("#flags").await;
    assert!(flags.starts_with("Duplicate"), "{flags}");
    b.wait_for(
        "return !document.querySelector('#related-figure').hidden && document.querySelector('#related').naturalWidth > 0;",
        Duration::from_secs(10),
        "the earlier photo beside it",
    )
    .await;
    b.screenshot("moderate-duplicate").await;

    // U undoes the last decision: the rejected photo is back, pending, on screen.
    b.keys("u").await;
    b.wait_for(
        &current(&p2.id),
        Duration::from_secs(20),
        "the reopened photo",
    )
    .await;
    assert_eq!(status_of(&app, &p2).await.0, "pending_review");
    b.keys("r1").await;
    b.wait_for(
        &current(&p3.id),
        Duration::from_secs(20),
        "back to the third",
    )
    .await;
    assert_eq!(
        status_of(&app, &p2).await,
        ("rejected".into(), Some("no_logo".into()))
    );

    // Space skips. Nothing else is left, so the skipped photo comes back (it is still
    // pending, and still this moderator's) rather than a "done" that is not true.
    b.keys(" ").await;
    b.wait_for(
        "return document.querySelector('#message').textContent.includes('skipped');",
        Duration::from_secs(20),
        "the skipped photo back",
    )
    .await;
    b.wait_for(&current(&p3.id), Duration::from_secs(5), "the third again")
        .await;
    assert_eq!(
        status_of(&app, &p3).await.0,
        "pending_review",
        "skipping decides nothing"
    );

    // Grid mode: X selects, A approves the selection in bulk.
    b.find("#mode-grid").await.click().await.expect("grid");
    b.wait_for(
        "return document.querySelectorAll('#grid-items li').length === 1;",
        Duration::from_secs(20),
        "the grid",
    )
    .await;
    b.screenshot("moderate-grid").await;
    b.unfocus().await;
    b.keys("x").await;
    b.wait_for(
        "return document.querySelector('#grid-items li.selected') !== null;",
        Duration::from_secs(5),
        "the selection",
    )
    .await;
    b.keys("a").await;
    b.wait_for(
        "return document.querySelectorAll('#grid-items li').length === 0;",
        Duration::from_secs(20),
        "the bulk approval",
    )
    .await;
    assert_eq!(status_of(&app, &p3).await.0, "approved");

    // Slogan entries in a list, with the same keys.
    b.find("#what option[value='entries:slogans']")
        .await
        .click()
        .await
        .expect("entries");
    b.wait_for(
        "return document.querySelectorAll('#entry-items li').length === 2;",
        Duration::from_secs(20),
        "the entries",
    )
    .await;
    // Slogans have their own controls only: no photo modes, the decision buttons shown.
    assert_eq!(
        b.js("return [getComputedStyle(document.querySelector('.modes')).display, getComputedStyle(document.querySelector('#actions')).display === 'none'];")
            .await,
        serde_json::json!(["none", false])
    );
    b.unfocus().await;
    b.keys("a").await;
    b.wait_for(
        "return document.querySelectorAll('#entry-items li.decided').length === 1;",
        Duration::from_secs(20),
        "one decided",
    )
    .await;
    b.keys("r4").await;
    b.wait_for(
        "return document.querySelectorAll('#entry-items li.decided').length === 2;",
        Duration::from_secs(20),
        "both decided",
    )
    .await;
    b.screenshot("moderate-entries").await;
    let entry_status = |id: String| {
        let app = &app;
        let moderator = &moderator;
        async move {
            for status in ["pending_review", "approved", "rejected"] {
                let list = app
                    .get_json(
                        moderator,
                        &format!("/api/v1/moderation/contests/slogans/entries?status={status}"),
                    )
                    .await;
                if list["items"]
                    .as_array()
                    .expect("items")
                    .iter()
                    .any(|e| e["id"] == id.as_str())
                {
                    return status.to_owned();
                }
            }
            String::new()
        }
    };
    let shown: Vec<String> = serde_json::from_value(
        b.js("return Array.from(document.querySelectorAll('#entry-items li')).map(li => li.dataset.id);").await,
    )
    .expect("ids");
    assert_eq!(entry_status(shown[0].clone()).await, "approved");
    assert_eq!(entry_status(shown[1].clone()).await, "rejected");
    b.keys("u").await;
    b.wait_for(
        "return document.querySelectorAll('#entry-items li').length === 1;",
        Duration::from_secs(20),
        "the undone entry back in the list",
    )
    .await;
    assert_eq!(entry_status(shown[1].clone()).await, "pending_review");

    // The moderation page fits a phone too.
    b.viewport(PHONE).await;
    b.goto(&app.url("/moderate")).await;
    b.find("#app").await;
    b.check_page("the moderation page on a phone").await;
    b.screenshot("moderate-phone").await;

    // The gallery: the approved photos, not the rejected one; the hostile caption as text.
    b.goto(&app.url("/c/sdp/gallery")).await;
    b.wait_for(
        "return Array.from(document.querySelectorAll('#gallery img')).every(i => i.complete && i.naturalWidth > 0);",
        Duration::from_secs(20),
        "gallery images loaded",
    )
    .await;
    let srcs = b
        .js("return Array.from(document.querySelectorAll('#gallery img')).map(i => i.getAttribute('src')).join(' ');")
        .await
        .to_string();
    assert!(srcs.contains(&p1.id) && srcs.contains(&p3.id), "{srcs}");
    assert!(
        !srcs.contains(&p2.id),
        "the rejected photo is not in the gallery: {srcs}"
    );
    let captions = b.text("#gallery").await;
    assert!(
        captions.contains("<script>window.__xss=1</script>"),
        "{captions}"
    );
    assert_eq!(
        b.js("return document.querySelector('#gallery img').getAttribute('loading');")
            .await,
        serde_json::json!("lazy")
    );
    no_script_ran(&b, "the gallery").await;
    b.check_page("the gallery").await;
    b.screenshot("gallery").await;

    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_judge_scores_by_keyboard_and_the_contest_page_announces_the_winner() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker,scheduler").await;
    let admin = env.create_user("admin", "root").await;
    let moderator = env.create_user("moderator", "mo").await;
    let judge = env.create_user("judge", "jo").await;
    let announce_at = app
        .create_contest(
            &admin,
            "slogans",
            25,
            40,
            serde_json::json!({"title": "Name the campaign", "description": "One line that says it all."}),
        )
        .await;

    // A supporter enters a (hostile) slogan through the contest page on a phone.
    let b = Browser::start("judge", PHONE).await;
    b.goto(&app.url("/k/slogans")).await;
    b.wait_for(
        "return /in .* s\\)$/.test(document.querySelector('#countdown-left').textContent);",
        Duration::from_secs(5),
        "the countdown",
    )
    .await;
    b.check_page("the contest page").await;
    b.screenshot("contest-open").await;
    let hostile_slogan = "<script>window.__xss=1</script> Drop the charges";
    b.find("#slogan")
        .await
        .send_keys(hostile_slogan)
        .await
        .expect("slogan");
    b.find("#author_name")
        .await
        .send_keys("Ana")
        .await
        .expect("name");
    b.find("#consent").await.click().await.expect("consent");
    b.find("#entry-form button")
        .await
        .click()
        .await
        .expect("enter");
    b.find("#status-link").await;
    b.check_page("the entry receipt").await;
    b.screenshot("contest-receipt").await;

    for slogan in ["Support, don't punish", "Health not handcuffs"] {
        assert_eq!(app.enter("slogans", slogan).await.status(), 201);
    }
    app.approve_pending_entries(&moderator, "slogans").await;

    // The judge scores by keyboard: a digit scores and moves on; 0 is 10.
    b.viewport(LAPTOP).await;
    sign_in(&b, &app, "/judge", &judge).await;
    b.wait_for(
        "return document.querySelectorAll('#judge-items li').length === 3;",
        Duration::from_secs(20),
        "the blind list",
    )
    .await;
    assert_eq!(b.text("#progress").await, "0 of 3 scored");
    let order: Vec<String> = serde_json::from_value(
        b.js("return Array.from(document.querySelectorAll('#judge-items .slogan')).map(s => s.textContent);").await,
    )
    .expect("slogans");
    assert!(
        order.iter().any(|s| s == hostile_slogan),
        "shown as text: {order:?}"
    );
    assert!(
        !b.text("#judge-items").await.contains("Ana"),
        "judges are blind to authors"
    );
    // On a phone the score pickers are the way: the counter follows them too.
    b.js("const s = document.querySelectorAll('#judge-items select')[2]; s.value = '7'; s.dispatchEvent(new Event('change', {bubbles: true}));")
        .await;
    b.wait_for(
        "return document.querySelector('#progress').textContent === '1 of 3 scored';",
        Duration::from_secs(10),
        "one scored with the picker",
    )
    .await;
    b.unfocus().await;
    b.keys("4").await;
    b.wait_for(
        "return document.querySelector('#progress').textContent === '2 of 3 scored';",
        Duration::from_secs(10),
        "two scored",
    )
    .await;
    b.keys("0").await;
    b.wait_for(
        "return document.querySelector('#progress').textContent === '3 of 3 scored';",
        Duration::from_secs(10),
        "three scored",
    )
    .await;
    b.keys("k").await;
    b.keys("9").await; // K went back: the second is re-scored 9, still the best
    b.keys("j").await;
    b.keys("2").await;
    b.wait_for(
        "return document.querySelector('#progress').textContent === '3 of 3 scored';",
        Duration::from_secs(10),
        "all scored",
    )
    .await;
    no_script_ran(&b, "the judging page").await;
    b.check_page("the judging page").await;
    b.screenshot("judge").await;
    let mine = app
        .get_json(&judge, "/api/v1/judging/contests/slogans/entries")
        .await;
    let score_of = |slogan: &str| {
        mine["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["slogan"] == slogan)
            .and_then(|i| i["my_score"].as_i64())
    };
    assert_eq!(
        [
            score_of(&order[0]),
            score_of(&order[1]),
            score_of(&order[2])
        ],
        [Some(4), Some(9), Some(2)]
    );
    b.find("#load-ranking")
        .await
        .click()
        .await
        .expect("ranking");
    b.wait_for(
        "return document.querySelectorAll('#ranking li').length === 3;",
        Duration::from_secs(10),
        "the ranking",
    )
    .await;
    b.screenshot("judge-ranking").await;

    // After the announcement the contest page shows the winner, exactly as published.
    let wait = (announce_at - chrono::Utc::now())
        .to_std()
        .unwrap_or_default()
        + Duration::from_secs(30);
    let results = app.wait_announced("slogans", wait).await;
    assert_eq!(results["winner"]["slogan"], order[1].as_str());
    b.viewport(PHONE).await;
    b.goto(&app.url("/k/slogans")).await;
    assert_eq!(b.text("#winner").await, order[1]);
    // The winner once; the rest of the shortlist numbered 1, 2 (no gaps); the hostile
    // slogan, wherever it placed, shown as text; the date and the fingerprint.
    let shortlist = b.text("#shortlist").await;
    assert!(
        !shortlist.contains(&order[1]),
        "the winner repeated: {shortlist}"
    );
    assert_eq!(
        b.js("return document.querySelectorAll('#shortlist li').length;")
            .await,
        2
    );
    let shown = format!("{} {shortlist}", b.text("#winner").await);
    assert!(
        shown.contains("<script>window.__xss=1</script>"),
        "as text: {shown}"
    );
    let fingerprint = b.text("#fingerprint").await;
    assert!(
        fingerprint.contains(results["sha256"].as_str().expect("sha256")),
        "{fingerprint}"
    );
    assert!(b.text("#results").await.contains("Announced on"));
    assert_eq!(
        b.text("#entry-count").await,
        "Chosen from 3 approved slogans."
    );
    // How to check them: the manifest, linked, and the command.
    assert!(b.text("#verify").await.contains("placard verify-results"));
    let manifest = b
        .js("return document.querySelector('#manifest-link').href;")
        .await;
    let r = app
        .client
        .get(manifest.as_str().expect("href"))
        .send()
        .await
        .expect("manifest");
    assert_eq!(r.status(), 200);
    no_script_ran(&b, "the results").await;
    b.check_page("the results").await;
    b.screenshot("contest-results").await;

    // The judging screen after the announcement: read-only, and it says so at the top.
    b.goto(&app.url("/judge")).await;
    b.wait_for(
        "return document.querySelectorAll('#judge-items select:disabled').length === 3;",
        Duration::from_secs(20),
        "the pickers read-only",
    )
    .await;
    let state = b.text("#contest-state").await;
    assert!(state.starts_with("Announced on"), "{state}");
    b.unfocus().await;
    b.keys("5").await;
    assert_eq!(
        b.text("#message").await,
        "Announced: the scores can no longer be changed."
    );
    assert_eq!(
        b.js("return document.querySelector('#shortlist-actions').hidden;")
            .await,
        true
    );
    b.check_page("the judging page, announced").await;
    b.screenshot("judge-announced").await;

    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}

/// The boxes the upload form will send, as its hidden `blur` field holds them.
async fn blur_field(b: &Browser) -> Vec<serde_json::Value> {
    let value = b
        .js("return document.querySelector('#blur-regions').value || '[]';")
        .await;
    serde_json::from_str(value.as_str().unwrap_or("[]")).expect("the blur field holds JSON")
}

/// A supporter hides their face before sending: on a phone they draw a box on the preview
/// with a finger or the mouse, add a second one from the keyboard and move and size it with
/// the arrow keys, remove one and add it back; what reaches the server is both boxes, and the
/// original staff see is pixelated there. Screenshots at 390 and 1280 px.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supporter_hides_their_face_by_drawing_boxes_with_mouse_or_keyboard() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "root").await;
    app.create_campaign(
        &admin,
        "sdp",
        serde_json::json!({"title": "Support. Don't Punish."}),
    )
    .await;
    let b = Browser::start("supporter-blur", PHONE).await;
    b.goto(&app.url("/c/sdp")).await;
    assert_eq!(
        b.js("return document.querySelector('#blur-field').hidden;")
            .await,
        serde_json::json!(true),
        "nothing to draw on before a photo is chosen"
    );
    b.find("#photo")
        .await
        .send_keys(abs("photos/friends-portrait-2056x3088.jpg"))
        .await
        .expect("file");
    b.wait_for(
        "const p = document.querySelector('#preview'); return !p.hidden && p.naturalWidth > 0 \
         && !document.querySelector('#blur-field').hidden;",
        Duration::from_secs(10),
        "the preview to draw on",
    )
    .await;
    b.check_page("the campaign page with the preview").await;

    // Mouse (or finger): press on the preview, drag, release.
    b.js("document.querySelector('#preview').scrollIntoView({block: 'center'}); return null;")
        .await;
    let preview = b.find("#preview").await;
    let rect = preview.rect().await.expect("rect");
    b.driver
        .action_chain()
        .move_to_element_with_offset(
            &preview,
            -(rect.width as i64) / 4,
            -(rect.height as i64) / 4,
        )
        .click_and_hold()
        .move_by_offset((rect.width / 3.0) as i64, (rect.height / 5.0) as i64)
        .release()
        .perform()
        .await
        .expect("drag a box");
    let drawn = blur_field(&b).await;
    assert_eq!(drawn.len(), 1, "{drawn:?}");
    let (x, w) = (
        drawn[0]["x"].as_f64().unwrap_or(0.0),
        drawn[0]["w"].as_f64().unwrap_or(0.0),
    );
    assert!(
        (0.2..0.3).contains(&x) && (0.28..0.38).contains(&w),
        "the box is where it was drawn: {drawn:?}"
    );

    // Keyboard: Tab to "Add a box", Enter; the new box has the focus; arrows move it, Shift +
    // arrows resize it.
    b.js("document.querySelector('#blur-add').focus(); return null;")
        .await;
    b.keys("\u{E007}").await; // Enter
    assert_eq!(
        b.js("return document.activeElement.classList.contains('blur-box');")
            .await,
        serde_json::json!(true),
        "the new box has the focus"
    );
    b.keys("\u{E014}\u{E014}\u{E015}").await; // right, right, down
    b.driver
        .action_chain()
        .key_down(Key::Shift)
        .send_keys(Key::Right)
        .key_up(Key::Shift)
        .perform()
        .await
        .expect("shift+right: wider");
    let regions = blur_field(&b).await;
    assert_eq!(regions.len(), 2, "{regions:?}");
    let second = &regions[1];
    assert!(
        (second["x"].as_f64().unwrap_or(0.0) - 0.39).abs() < 0.001,
        "{second}"
    );
    assert!(
        (second["y"].as_f64().unwrap_or(0.0) - 0.32).abs() < 0.001,
        "{second}"
    );
    assert!(
        (second["w"].as_f64().unwrap_or(0.0) - 0.32).abs() < 0.001,
        "{second}"
    );
    // Delete removes the focused box; the list's Remove buttons are the touch way.
    b.keys("\u{E017}").await; // Delete
    assert_eq!(
        b.js("return document.querySelectorAll('.blur-box').length;")
            .await,
        serde_json::json!(1)
    );
    b.find("#blur-add").await.click().await.expect("add again");
    assert_eq!(
        b.js("return document.querySelectorAll('#blur-list button').length;")
            .await,
        serde_json::json!(2)
    );
    assert!(b.text("#blur-count").await.contains("2 boxes"));
    b.screenshot("campaign-blur").await;
    b.viewport(LAPTOP).await;
    b.check_page("the campaign page with boxes, on a laptop")
        .await;
    b.screenshot("campaign-blur-laptop").await;
    b.viewport(PHONE).await;

    b.find("#consent").await.click().await.expect("consent");
    b.find("#send-button").await.click().await.expect("send");
    b.wait_for(
        "return !document.querySelector('#receipt').hidden;",
        Duration::from_secs(30),
        "the receipt",
    )
    .await;
    let link = b
        .find("#status-link")
        .await
        .attr("href")
        .await
        .expect("href")
        .expect("link");
    let id = link
        .split("/p/")
        .nth(1)
        .and_then(|s| s.split('?').next())
        .expect("id")
        .to_owned();
    let receipt = link.split("receipt=").nth(1).expect("receipt").to_owned();
    let up = Uploaded {
        id: id.clone(),
        receipt,
    };
    let status = app.wait_processed(&up, PROCESSING).await;
    assert_eq!(status["status"], "pending_review", "{status}");
    assert_eq!(status["blur"].as_array().map(Vec::len), Some(2), "{status}");
    // The original staff see is pixelated in the box drawn with the mouse.
    let original = app
        .client
        .get(app.url(&format!("/api/v1/moderation/photos/{id}/original")))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("original")
        .bytes()
        .await
        .expect("bytes");
    let img = image::load_from_memory(&original)
        .expect("decodes")
        .to_rgb8();
    let (iw, ih) = (f64::from(img.width()), f64::from(img.height()));
    let (bx, by) = (
        (x + 0.02) * iw,
        (drawn[0]["y"].as_f64().unwrap_or(0.0) + 0.02) * ih,
    );
    let cell = (img.width().max(img.height()) / 40) as f64;
    // Two pixels a few apart inside one cell of the box are one colour (up to JPEG noise).
    let p = |dx: f64| img.get_pixel((bx + dx) as u32, by as u32).0;
    let (a, c) = (p(1.0), p((cell / 3.0).max(2.0)));
    let diff: i32 = a
        .iter()
        .zip(c.iter())
        .map(|(u, v)| (i32::from(*u) - i32::from(*v)).abs())
        .sum();
    assert!(
        diff < 24,
        "inside the box the photo is pixelated: {a:?} vs {c:?}"
    );
    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}

/// The supporter's page as redesigned for its job: the logo to hold at the top, a privacy
/// panel that says what happens to the photo, a wrong file refused the moment it is chosen
/// (before a slow upload), a receipt with its link on one line, a copy button and a button
/// to the status page, and a status page with Withdraw near the top and what was sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supporter_sees_the_logo_and_privacy_and_keeps_the_receipt() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "root").await;
    app.create_campaign(
        &admin,
        "sdp",
        serde_json::json!({"title": "Support. Don't Punish."}),
    )
    .await;
    let logo = std::fs::read(fixture("photos/ladybird-2560x1600.jpg")).expect("logo");
    let r = app
        .client
        .put(app.url("/api/v1/admin/campaigns/sdp/logo"))
        .bearer_auth(&admin)
        .multipart(reqwest::multipart::Form::new().part(
            "logo",
            reqwest::multipart::Part::bytes(logo).file_name("logo.jpg"),
        ))
        .send()
        .await
        .expect("logo");
    assert_eq!(r.status(), 200);
    let b = Browser::start("supporter-page", PHONE).await;
    b.goto(&app.url("/c/sdp")).await;
    b.wait_for(
        "return document.querySelector('#campaign-logo')?.naturalWidth > 0;",
        Duration::from_secs(10),
        "the campaign's logo",
    )
    .await;
    let privacy = b.text("#privacy").await;
    for said in [
        "we remove its location",
        "A photo that is not approved is deleted",
        "keyed fingerprint",
        "withdraw your photo at any time",
        "cover your face",
    ] {
        assert!(
            privacy.contains(said),
            "the privacy panel lacks {said:?}: {privacy}"
        );
    }
    b.check_page("the campaign page with its logo and privacy panel")
        .await;
    b.screenshot("campaign").await;
    b.viewport(LAPTOP).await;
    b.screenshot("campaign-laptop").await;
    b.viewport(PHONE).await;

    // A GIF is refused as soon as it is chosen: no preview, the words, an empty picker.
    b.find("#photo")
        .await
        .send_keys(abs("bad/photo.gif"))
        .await
        .expect("file");
    b.wait_for(
        "return !document.querySelector('#form-error').hidden;",
        Duration::from_secs(5),
        "the error on choosing",
    )
    .await;
    assert!(b
        .text("#form-error")
        .await
        .starts_with("We can only take JPEG, PNG or WebP"));
    assert_eq!(
        b.js("return [document.querySelector('#preview').hidden, document.querySelector('#photo').value];").await,
        serde_json::json!([true, ""])
    );
    b.screenshot("campaign-wrong-file").await;

    b.find("#photo")
        .await
        .send_keys(abs("photos/ladybird-2560x1600.jpg"))
        .await
        .expect("file");
    b.wait_for(
        "const p = document.querySelector('#preview'); return !p.hidden && p.naturalWidth > 0;",
        Duration::from_secs(10),
        "the preview",
    )
    .await;
    assert!(
        b.js("return document.querySelector('#form-error').hidden;")
            .await
            == serde_json::json!(true)
    );
    b.find("#display_name")
        .await
        .send_keys("Ana")
        .await
        .expect("name");
    b.find("#consent").await.click().await.expect("consent");
    b.find("#send-button").await.click().await.expect("send");
    b.wait_for(
        "return !document.querySelector('#receipt').hidden;",
        Duration::from_secs(30),
        "the receipt",
    )
    .await;
    let shown = b
        .js("return document.querySelector('#receipt-url').value;")
        .await;
    let link = b
        .find("#status-link")
        .await
        .attr("href")
        .await
        .expect("href")
        .expect("a link");
    assert_eq!(
        shown,
        serde_json::json!(link),
        "the link to copy is the status page's"
    );
    let one_line = b
        .js("const i = document.querySelector('#receipt-url'); return i.getBoundingClientRect().height < 60 && i.scrollWidth >= i.clientWidth;")
        .await;
    assert_eq!(
        one_line,
        serde_json::json!(true),
        "the link sits on one line"
    );
    b.find("#copy-receipt").await.click().await.expect("copy");
    b.wait_for(
        "return document.querySelector('#copy-status').textContent.length > 0;",
        Duration::from_secs(5),
        "the copy button's answer",
    )
    .await;
    b.check_page("the receipt").await;
    b.screenshot("receipt").await;
    b.viewport(LAPTOP).await;
    b.screenshot("receipt-laptop").await;
    b.viewport(PHONE).await;

    // The status page, by its button: withdrawing is near the top, above what was sent.
    b.find("#status-link")
        .await
        .click()
        .await
        .expect("open status");
    b.wait_for(
        "return document.querySelector('#status')?.dataset.status === 'pending_review';",
        PROCESSING,
        "the status page",
    )
    .await;
    let order = b
        .js("const w = document.querySelector('details.withdraw'), h = document.querySelector('#held'), p = document.querySelector('#photo');
             return [!!(w.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING), !!(h.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING), w.getBoundingClientRect().top < window.innerHeight];")
        .await;
    assert_eq!(
        order,
        serde_json::json!([true, true, true]),
        "withdraw first, in view; then what was sent; then the photo"
    );
    assert!(b.text("#held").await.contains("Ana"));
    b.check_page("the status page").await;
    b.screenshot("status").await;
    b.viewport(LAPTOP).await;
    b.screenshot("status-laptop").await;
    b.viewport(PHONE).await;
    b.find(".withdraw summary")
        .await
        .click()
        .await
        .expect("open");
    b.find("#withdraw").await.click().await.expect("withdraw");
    b.find("#notice").await;
    // Not a dead end.
    b.find("main a[href='/']")
        .await
        .click()
        .await
        .expect("front page");
    b.find("#campaigns").await;
    b.screenshot("after-withdrawal").await;

    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}
