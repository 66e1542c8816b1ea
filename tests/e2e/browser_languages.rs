//! The pages in Spanish and in Arabic (right to left) in a real browser: a supporter sends
//! a photo on a phone in each, the status page updates in place without a reload, the
//! language switcher is used by mouse and by keyboard, single-key shortcuts can be turned
//! off, and axe-core finds no serious or critical violation on any page in either
//! language. Screenshots at 390 px and 1280 px land in `target/browser-screenshots/`.

use super::browser::{abs, sign_in};
use placard_e2e::browser::{Browser, LAPTOP, PHONE};
use placard_e2e::{locale_messages, Api, Deployment, TestEnv};
use std::time::Duration;

const PROCESSING: Duration = Duration::from_secs(90);

async fn lang_dir(b: &Browser) -> (String, String) {
    let v = b
        .js("return [document.documentElement.lang, getComputedStyle(document.body).direction];")
        .await;
    (
        v[0].as_str().unwrap_or_default().to_owned(),
        v[1].as_str().unwrap_or_default().to_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supporter_sends_a_photo_in_spanish_and_in_arabic_and_the_status_updates_in_place() {
    let env = TestEnv::new(Deployment::Embedded).await;
    // No worker at first: the status page must be seen waiting, then updating.
    let app = env.start("api").await;
    let admin = env.create_user("admin", "root").await;
    app.create_campaign(
        &admin,
        "sdp",
        serde_json::json!({"title": "Support. Don't Punish.", "description": "Hold up the logo."}),
    )
    .await;
    let b = Browser::start("languages-supporter", PHONE).await;
    let mut links = Vec::new();
    for (lang, dir, name, caption) in [
        ("es", "ltr", "Ana María", "¡Apoyo, no castigo!"),
        // An Arabic page with a Latin-script caption: each keeps its direction.
        ("ar", "rtl", "سارة", "Support, don't punish!"),
    ] {
        let words = locale_messages(lang);
        b.goto(&app.url(&format!("/c/sdp?lang={lang}"))).await;
        assert_eq!(lang_dir(&b).await, (lang.to_owned(), dir.to_owned()));
        assert_eq!(
            b.text("#send-heading").await,
            words["campaign-send-heading"]
        );
        b.check_page(&format!("the campaign page in {lang}")).await;
        b.screenshot(&format!("campaign-{lang}")).await;
        // The form mirrors: in Arabic the consent box sits right of its words.
        let mirrored = b
            .js(
                "const box = document.querySelector('#consent').getBoundingClientRect();
                 const label = document.querySelector('label[for=consent]').getBoundingClientRect();
                 return box.left > label.left;",
            )
            .await;
        assert_eq!(
            mirrored,
            serde_json::json!(dir == "rtl"),
            "the form's direction in {lang}"
        );

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
        // The script speaks the page's language, plurals included.
        b.find("#blur-add").await.click().await.expect("add a box");
        let count = b.text("#blur-count").await;
        let one = if lang == "es" {
            "1 recuadro: se pixelará."
        } else {
            "مربع واحد: سيُشوَّش."
        };
        assert_eq!(count, one, "the box count in {lang}");
        b.find("#blur-add").await.click().await.expect("add a box");
        let two = if lang == "es" {
            "2 recuadros: se pixelarán."
        } else {
            "مربعان: سيُشوَّشان."
        };
        assert_eq!(b.text("#blur-count").await, two);
        b.find("#display_name")
            .await
            .send_keys(name)
            .await
            .expect("name");
        b.find("#caption")
            .await
            .send_keys(caption)
            .await
            .expect("caption");
        b.find("#consent").await.click().await.expect("consent");
        b.screenshot(&format!("campaign-filled-{lang}")).await;
        b.find("#send-button").await.click().await.expect("send");
        b.wait_for(
            "return !document.querySelector('#receipt').hidden;",
            Duration::from_secs(30),
            "the receipt",
        )
        .await;
        assert_eq!(b.text("#receipt h2").await, words["receipt-photo-heading"]);
        let link = b
            .find("#status-link")
            .await
            .attr("href")
            .await
            .expect("href")
            .expect("a link");
        assert!(
            link.contains(&format!("?lang={lang}&receipt=rct_")),
            "{link}"
        );
        b.check_page(&format!("the receipt in {lang}")).await;
        b.screenshot(&format!("receipt-{lang}")).await;
        links.push((lang, link));
    }

    // The status pages wait for the worker; a mark set in each tab's page shows that
    // the update came without a reload.
    b.goto(&links[0].1).await;
    assert_eq!(
        b.find("#status")
            .await
            .attr("data-status")
            .await
            .expect("attr")
            .as_deref(),
        Some("received")
    );
    assert!(
        b.find("#live")
            .await
            .attr("aria-live")
            .await
            .expect("attr")
            .as_deref()
            == Some("polite")
    );
    b.js("window.__stayed = true; return null;").await;
    let es_words = locale_messages("es");
    assert_eq!(b.text("#status-words").await, es_words["photo-received"]);
    b.screenshot("status-waiting-es").await;
    let worker = env.start("worker").await;
    b.wait_for(
        "return document.querySelector('#status')?.dataset.status === 'pending_review' \
         && document.querySelector('#photo')?.naturalWidth > 0;",
        PROCESSING,
        "the status page showing pending_review with the thumbnail",
    )
    .await;
    assert_eq!(
        b.js("return window.__stayed === true;").await,
        serde_json::json!(true),
        "no reload"
    );
    assert_eq!(b.text("#status-words").await, es_words["photo-pending"]);
    assert_eq!(b.text("#status").await, es_words["status-pending-review"]);
    let held = b.text("#held").await;
    assert!(
        held.contains("Ana María") && held.contains("Acepto que esta campaña"),
        "{held}"
    );
    b.check_page("the status page in es").await;
    b.screenshot("status-es").await;

    b.goto(&links[1].1).await;
    b.wait_for(
        "return document.querySelector('#status')?.dataset.status === 'pending_review';",
        PROCESSING,
        "the Arabic status page",
    )
    .await;
    assert_eq!(lang_dir(&b).await, ("ar".to_owned(), "rtl".to_owned()));
    let held = b.text("#held").await;
    assert!(
        held.contains("سارة") && held.contains("Support, don't punish!"),
        "{held}"
    );
    // The Latin caption is isolated: its own direction is left to right.
    let caption_dir = b
        .js("const dd = Array.from(document.querySelectorAll('#held dd')).find(d => d.textContent.startsWith('Support'));
             return dd ? getComputedStyle(dd).direction : null;")
        .await;
    assert_eq!(caption_dir, serde_json::json!("ltr"));
    b.check_page("the status page in ar").await;
    b.screenshot("status-ar").await;
    b.viewport(LAPTOP).await;
    b.screenshot("status-ar-laptop").await;

    b.quit().await;
    worker.stop().await;
    app.stop().await;
    env.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switcher_works_by_mouse_and_by_keyboard() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api").await;
    let admin = env.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let b = Browser::start("languages-switcher", PHONE).await;

    b.goto(&app.url("/c/sdp")).await;
    assert_eq!(lang_dir(&b).await.0, "en");
    b.screenshot("switcher-en").await;
    // By mouse (or finger): the Spanish link.
    b.find("nav.languages a[hreflang=es]")
        .await
        .click()
        .await
        .expect("click");
    b.wait_for(
        "return document.documentElement.lang === 'es';",
        Duration::from_secs(10),
        "Spanish",
    )
    .await;
    assert_eq!(
        b.find("nav.languages a[aria-current]")
            .await
            .text()
            .await
            .expect("text"),
        "Español"
    );
    // The choice stays for the next page, without ?lang (the cookie).
    b.goto(&app.url("/c/sdp/gallery")).await;
    assert_eq!(lang_dir(&b).await.0, "es");
    b.check_page("the gallery in es").await;
    b.screenshot("gallery-es").await;

    // By keyboard: Tab past the skip link through the languages to Arabic, then Enter.
    b.goto(&app.url("/c/sdp")).await;
    b.js("document.activeElement && document.activeElement.blur(); window.focus(); return null;")
        .await;
    let mut reached = false;
    for _ in 0..8 {
        b.keys("\u{E004}").await; // Tab
        if b.js("return document.activeElement?.getAttribute('hreflang') === 'ar';")
            .await
            == serde_json::json!(true)
        {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the Arabic link");
    let outline = b
        .js("return getComputedStyle(document.activeElement).outlineStyle;")
        .await;
    assert_eq!(outline, serde_json::json!("solid"), "focus is visible");
    b.screenshot("switcher-focus").await;
    b.keys("\u{E007}").await; // Enter
    b.wait_for(
        "return document.documentElement.lang === 'ar';",
        Duration::from_secs(10),
        "Arabic",
    )
    .await;
    assert_eq!(lang_dir(&b).await, ("ar".to_owned(), "rtl".to_owned()));
    b.check_page("the campaign page in ar").await;
    b.screenshot("campaign-ar").await;
    // Staff pages follow the same choice.
    b.goto(&app.url("/moderate")).await;
    assert_eq!(lang_dir(&b).await.0, "ar");
    assert_eq!(
        b.text("label[for=token]").await,
        locale_messages("ar")["signin-token"]
    );
    b.check_page("the sign-in page in ar").await;
    b.screenshot("signin-ar").await;

    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_in_spanish_and_in_arabic_and_shortcuts_can_be_turned_off() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "root").await;
    app.create_campaign(
        &admin,
        "sdp",
        serde_json::json!({"title": "Support. Don't Punish."}),
    )
    .await;
    app.create_contest(&admin, "slogans", 3600, 7200, serde_json::json!({}))
        .await;
    let first = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[("display_name", "Ana")])
        .await;
    let second = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    app.wait_processed(&first, PROCESSING).await;
    app.wait_processed(&second, PROCESSING).await;
    let r = app
        .http()
        .post(app.endpoint(&format!("/api/v1/moderation/photos/{}/decision", first.id)))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"decision": "approve"}))
        .send()
        .await
        .expect("approve");
    assert_eq!(r.status(), 200);
    let entry: serde_json::Value = app
        .enter("slogans", "Apoyo, no castigo")
        .await
        .json()
        .await
        .expect("entry");
    let b = Browser::start("languages-axe", PHONE).await;
    let supporter_pages = [
        ("home", "/".to_owned()),
        ("campaign", "/c/sdp".to_owned()),
        ("embed", "/c/sdp/embed".to_owned()),
        ("gallery", "/c/sdp/gallery".to_owned()),
        ("mosaic", "/c/sdp/mosaic".to_owned()),
        (
            "status",
            format!("/p/{}?receipt={}", first.id, first.receipt),
        ),
        ("contest", "/k/slogans".to_owned()),
        (
            "entry-status",
            format!(
                "/e/{}?receipt={}",
                entry["id"].as_str().expect("id"),
                entry["receipt_token"].as_str().expect("receipt")
            ),
        ),
        ("not-found", "/c/nowhere".to_owned()),
        ("signin", "/admin".to_owned()),
    ];
    for lang in ["es", "ar"] {
        for (name, path) in &supporter_pages {
            let join = if path.contains('?') { '&' } else { '?' };
            b.goto(&app.url(&format!("{path}{join}lang={lang}"))).await;
            assert_eq!(lang_dir(&b).await.0, lang, "{name}");
            b.viewport(PHONE).await;
            b.check_page(&format!("{name} in {lang}")).await;
            b.screenshot(&format!("{name}-{lang}")).await;
            b.viewport(LAPTOP).await;
            b.check_page(&format!("{name} in {lang} on a laptop")).await;
            b.screenshot(&format!("{name}-{lang}-laptop")).await;
        }
    }

    // Staff pages, signed in as the admin, in both languages (the cookie carries it).
    // (An admin may moderate and judge too.)
    sign_in(&b, &app, "/moderate", &admin).await;
    let staff_pages = [
        ("dashboard", "/admin"),
        ("campaign-form", "/admin/campaigns/sdp"),
        ("new-campaign", "/admin/campaigns/new"),
        ("new-contest", "/admin/contests/new"),
        ("contest-form", "/admin/contests/slogans"),
        ("staff", "/admin/staff"),
        ("jobs", "/admin/jobs"),
        ("moderate", "/moderate"),
        ("judge", "/judge"),
    ];
    for lang in ["es", "ar"] {
        for (name, path) in staff_pages {
            b.goto(&app.url(&format!("{path}?lang={lang}"))).await;
            assert_eq!(lang_dir(&b).await.0, lang, "{name}");
            b.viewport(LAPTOP).await;
            if name == "moderate" {
                b.find("#current").await;
            }
            b.check_page(&format!("{name} in {lang}")).await;
            b.screenshot(&format!("{name}-{lang}")).await;
            b.viewport(PHONE).await;
            b.check_page(&format!("{name} in {lang} on a phone")).await;
            b.screenshot(&format!("{name}-{lang}-phone")).await;
        }
    }

    // Single-key shortcuts can be turned off, and stay off in this browser.
    b.viewport(LAPTOP).await;
    b.goto(&app.url("/moderate?lang=es")).await;
    b.wait_for(
        "return !document.querySelector('#one').hidden && !!document.querySelector('#current').dataset.id;",
        Duration::from_secs(20),
        "a photo to review",
    )
    .await;
    b.find("#shortcuts").await.click().await.expect("turn off");
    b.unfocus().await;
    b.keys("a").await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(
        app.photo_status(&second).await["status"],
        "pending_review",
        "A did nothing"
    );
    assert_eq!(
        b.text("#message").await,
        locale_messages("es")["js-shortcuts-off"]
    );
    let hints = b
        .js("return getComputedStyle(document.querySelector('#actions kbd')).display;")
        .await;
    assert_eq!(
        hints,
        serde_json::json!("none"),
        "the key hints go with the shortcuts"
    );
    b.screenshot("moderate-shortcuts-off").await;
    b.goto(&app.url("/moderate?lang=es")).await;
    b.wait_for(
        "return !document.querySelector('#one').hidden && !!document.querySelector('#current').dataset.id;",
        Duration::from_secs(20),
        "the photo again",
    )
    .await;
    assert_eq!(
        b.js("return document.querySelector('#shortcuts').checked;")
            .await,
        serde_json::json!(false),
        "the choice is kept"
    );
    // The on-screen button still works.
    b.find("#actions [data-act=approve]")
        .await
        .click()
        .await
        .expect("approve");
    // Approved, and the queue is empty: the message says so in Spanish.
    b.wait_for(
        "return document.querySelector('#message').textContent.startsWith('No queda nada');",
        Duration::from_secs(20),
        "approved by the button",
    )
    .await;
    assert_eq!(app.photo_status(&second).await["status"], "approved");

    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}
