//! The public pages as a visitor on a phone uses them: the gallery names countries in the
//! page's language, keeps its rows even (a 280-character caption is clamped, with "more"),
//! shows the supporter count and a link to share; a tapped photo opens its own page with the
//! whole caption and a way back; a photo that is not approved is "not found". By mouse and
//! by keyboard, at 390 px and 1280 px.

use placard_e2e::browser::{Browser, LAPTOP, PHONE};
use placard_e2e::{Api, Deployment, TestEnv};
use std::time::Duration;
use thirtyfour::Key;

const PROCESSING: Duration = Duration::from_secs(90);
const WAIT: Duration = Duration::from_secs(15);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_browses_the_gallery_opens_a_photo_and_comes_back() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "root").await;
    app.create_campaign(
        &admin,
        "sdp",
        serde_json::json!({"title": "Support. Don't Punish."}),
    )
    .await;
    let long = "Apoyo, no castigo. ".repeat(14);
    let long = long.trim_end().chars().take(280).collect::<String>();
    let mut ups = Vec::new();
    for (name, fields) in [
        (
            "ladybird-2560x1600.jpg",
            vec![
                ("display_name", "Ana"),
                ("country", "CO"),
                ("caption", long.as_str()),
            ],
        ),
        (
            "friends-portrait-2056x3088.jpg",
            vec![("country", "LB"), ("caption", "Health, not handcuffs")],
        ),
        ("painting-6000x4000.jpg", vec![("display_name", "Jo")]),
    ] {
        let up = app.upload_fixture("sdp", name, &fields).await;
        app.wait_processed(&up, PROCESSING).await;
        ups.push(up);
    }
    // Two approved, one after the other (the gallery shows the newest first); the third
    // stays awaiting review.
    for up in &ups[..2] {
        app.decide(
            &admin,
            "photos",
            &up.id,
            serde_json::json!({"decision": "approve"}),
        )
        .await;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let b = Browser::start("public", PHONE).await;
    b.goto(&app.url("/c/sdp/gallery?lang=es")).await;
    b.wait_for(
        "return Array.from(document.querySelectorAll('#gallery img')).every(i => i.complete && i.naturalWidth > 0);",
        Duration::from_secs(20),
        "the gallery's images",
    )
    .await;
    // Countries by name in the page's language, never a bare code.
    let countries: Vec<String> = serde_json::from_value(
        b.js("return Array.from(document.querySelectorAll('#gallery .country')).map(c => c.textContent);")
            .await,
    )
    .expect("countries");
    assert_eq!(countries, ["Líbano", "Colombia"], "newest approved first");
    assert!(
        b.text("#counter").await.contains('2'),
        "the supporter count"
    );
    // The long caption is clamped to three lines, with "more" to the photo's page.
    let clamp = b
        .js("const c = document.querySelector('#gallery .caption.clamped'); const lh = parseFloat(getComputedStyle(c).lineHeight); return [c.getBoundingClientRect().height <= lh * 3 + 1, c.scrollHeight > c.clientHeight];")
        .await;
    assert_eq!(clamp, serde_json::json!([true, true]), "clamped");
    assert_eq!(b.text("#gallery .more").await, "más");
    // A link to share the gallery, with its copy button.
    let share = b
        .js("return document.querySelector('#share-url').value;")
        .await;
    assert!(
        share
            .as_str()
            .is_some_and(|s| s.starts_with("http") && s.ends_with("/c/sdp/gallery")),
        "{share}"
    );
    b.check_page("the gallery in Spanish on a phone").await;
    b.screenshot("gallery-es-390").await;

    // By mouse: "more" opens the photo's page, with the whole caption and the country.
    b.find("#gallery .more").await.click().await.expect("more");
    b.wait_for(
        &format!(
            "return location.pathname === '/c/sdp/photos/{}';",
            ups[0].id
        ),
        WAIT,
        "the photo's page",
    )
    .await;
    assert_eq!(b.text("#caption").await, long);
    assert_eq!(b.text("#country").await, "Colombia");
    b.wait_for(
        "const i = document.querySelector('#photo'); return i.complete && i.naturalWidth > 0;",
        WAIT,
        "the photo",
    )
    .await;
    b.check_page("a photo's page on a phone").await;
    b.screenshot("photo-es-390").await;
    // And the way back.
    b.find("#back").await.click().await.expect("back");
    b.wait_for(
        "return location.pathname === '/c/sdp/gallery';",
        WAIT,
        "back in the gallery",
    )
    .await;

    // By keyboard, in French, on a laptop: the first photo's link focused, Enter opens it.
    b.viewport(LAPTOP).await;
    b.goto(&app.url("/c/sdp/gallery?lang=fr")).await;
    let countries = b.text("#gallery").await;
    assert!(
        countries.contains("Liban") && countries.contains("Colombie"),
        "{countries}"
    );
    b.js("document.querySelector('#gallery a').focus(); return null;")
        .await;
    b.keys(&Key::Enter.value().to_string()).await;
    b.wait_for(
        &format!(
            "return location.pathname === '/c/sdp/photos/{}';",
            ups[1].id
        ),
        WAIT,
        "the first photo, by keyboard",
    )
    .await;
    assert_eq!(b.text("#caption").await, "Health, not handcuffs");
    b.check_page("a photo's page on a laptop").await;
    b.screenshot("photo-fr-1280").await;
    b.goto(&app.url("/c/sdp/gallery?lang=fr")).await;
    b.check_page("the gallery in French on a laptop").await;
    b.screenshot("gallery-fr-1280").await;

    // Right to left, the country in Arabic.
    b.viewport(PHONE).await;
    b.goto(&app.url(&format!("/c/sdp/photos/{}?lang=ar", ups[1].id)))
        .await;
    assert_eq!(b.text("#country").await, "لبنان");
    b.check_page("a photo's page in Arabic").await;
    b.screenshot("photo-ar-390").await;

    // Not approved, another campaign's, or no such photo: not found, with a way back.
    for path in [
        format!("/c/sdp/photos/{}", ups[2].id),
        "/c/sdp/photos/not-a-uuid".to_owned(),
        format!("/c/nope/photos/{}", ups[0].id),
    ] {
        let r = app.client.get(app.url(&path)).send().await.expect("get");
        assert_eq!(r.status(), 404, "{path}");
        let body = r.text().await.expect("body");
        assert!(!body.contains("Health, not handcuffs"), "{path}");
    }
    b.goto(&app.url(&format!("/c/sdp/photos/{}", ups[2].id)))
        .await;
    assert!(b.text("main").await.contains("Back to the gallery"));

    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}
