//! The operator's pages in a real browser, as a new operator would use them: sign in at
//! `/admin`, create a campaign (a refused form first), upload its logo, create a moderator
//! limited to it; the moderator signs in in another browser and reviews with the logo
//! beside the photo; the operator revokes the moderator, whose open page stops working on
//! its next action; the operator closes the campaign early and the upload form says so.
//! Then every admin page at 390 px and 1280 px, checked and photographed.

use placard_e2e::browser::{Browser, LAPTOP, PHONE};
use placard_e2e::{fixture, Api, Deployment, TestEnv};
use std::time::Duration;

const PROCESSING: Duration = Duration::from_secs(90);

fn abs(rel: &str) -> String {
    std::fs::canonicalize(fixture(rel))
        .expect("fixture")
        .display()
        .to_string()
}

async fn type_into(b: &Browser, css: &str, text: &str) {
    let el = b.find(css).await;
    el.clear().await.expect("clear");
    el.send_keys(text).await.expect("type");
}

async fn click(b: &Browser, css: &str) {
    b.find(css).await.click().await.expect("click");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_operator_runs_a_campaign_from_the_admin_pages() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "ana").await;
    let op = Browser::start("admin", LAPTOP).await;

    // The front door of a new installation says how to start.
    op.goto(&app.url("/")).await;
    op.check_page("the front door").await;
    assert!(op
        .text("#start")
        .await
        .contains("placard user create --role admin"));
    op.screenshot("front-door-fresh").await;

    // Signing in at /admin lands on the dashboard.
    op.goto(&app.url("/admin")).await;
    type_into(&op, "#token", &admin).await;
    op.keys("\u{E007}").await; // Enter
    op.find("#no-campaigns").await;
    op.check_page("the dashboard").await;

    // A refused form comes back as sent, the error next to its field.
    click(&op, "a[href='/admin/campaigns/new']").await;
    type_into(&op, "#slug", "Support Dont Punish").await;
    type_into(&op, "#title", "Support. Don't Punish.").await;
    click(&op, "#save").await;
    let err = op.text("#slug-error").await;
    assert!(err.contains("slug"), "{err}");
    assert_eq!(
        op.find("#title")
            .await
            .value()
            .await
            .expect("value")
            .as_deref(),
        Some("Support. Don't Punish."),
        "what was typed is kept"
    );
    op.screenshot("campaign-refused").await;

    // Fixed, by keyboard: the form is submitted with Enter from a field.
    type_into(&op, "#slug", "sdp").await;
    type_into(
        &op,
        "#description",
        "Hold up the logo and send us your photo.",
    )
    .await;
    type_into(&op, "#frame_ancestors", "https://supportdontpunish.org").await;
    // Care for the moderators, and the organisation's own privacy notice.
    click(&op, "#blur_previews").await;
    type_into(&op, "#pause_after", "150").await;
    type_into(&op, "#privacy_url", "https://supportdontpunish.org/privacy").await;
    op.find("#title").await.click().await.expect("focus");
    op.keys("\u{E007}").await; // Enter
    op.find("#saved").await;
    assert_eq!(op.text("#campaign-state").await, "open");
    let stored = env.db.store.campaign_by_slug("sdp").await.expect("created");
    assert_eq!(
        stored.frame_ancestors(),
        vec!["https://supportdontpunish.org"]
    );
    assert_eq!(
        stored.moderator_care(),
        placard_domain::ModeratorCare {
            blur_previews: true,
            pause_after: 150
        }
    );
    assert_eq!(
        stored.privacy_url.as_deref(),
        Some("https://supportdontpunish.org/privacy")
    );
    assert_eq!(
        op.js("return [document.querySelector('#blur_previews').checked, document.querySelector('#pause_after').value];")
            .await,
        serde_json::json!([true, "150"]),
        "the form shows what was saved"
    );

    // The logo: a photo with GPS in it is refused nothing, and served without it.
    op.find("#logo-file")
        .await
        .send_keys(abs("photos/aitzgorri-rotated8-gps.jpg"))
        .await
        .expect("choose logo");
    click(&op, "#logo-form button").await;
    op.find("#saved").await;
    op.wait_for(
        "return document.querySelector('#logo')?.naturalWidth > 0;",
        Duration::from_secs(10),
        "the logo shown",
    )
    .await;
    op.screenshot("campaign-edit").await;

    // A moderator limited to this campaign; the token shows once, with a copy button.
    click(&op, "a[href='/admin/staff']").await;
    type_into(&op, "#name", "mo").await;
    click(&op, "#scope-sdp").await;
    click(&op, "#create-staff").await;
    let token = op
        .find("#token-value")
        .await
        .value()
        .await
        .expect("value")
        .expect("a token");
    assert!(token.starts_with("plc_"), "{token}");
    click(&op, "#copy-token").await;
    op.wait_for(
        "return document.querySelector('#copy-status').textContent.length > 0;",
        Duration::from_secs(5),
        "the copy button answers",
    )
    .await;
    op.check_page("the staff page").await;
    op.screenshot("staff-token").await;
    assert!(
        op.text("#accounts").await.contains("sdp"),
        "the scope is listed"
    );

    // A supporter's photo to review.
    let up = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    app.wait_processed(&up, PROCESSING).await;

    // The moderator, elsewhere, reviews with the campaign's logo as the reference.
    let mo = Browser::start("admin-moderator", PHONE).await;
    mo.goto(&app.url("/moderate")).await;
    type_into(&mo, "#token", &token).await;
    click(&mo, "#signin-form button").await;
    mo.find("#app").await;
    mo.wait_for(
        &format!(
            "return document.querySelector('#current')?.dataset.id === '{}';",
            up.id
        ),
        Duration::from_secs(20),
        "the photo claimed",
    )
    .await;
    mo.wait_for(
        "return !document.querySelector('#reference').hidden && document.querySelector('#reference-logo').naturalWidth > 0;",
        Duration::from_secs(10),
        "the logo beside the photo",
    )
    .await;
    mo.check_page("the moderation page").await;
    mo.screenshot("moderate-with-logo").await;

    // Revoked by the operator: the moderator's next action fails and leads to signing in.
    click(&op, "tr[data-name='mo'] button.danger").await;
    op.wait_for(
        "return document.querySelector(\"tr[data-name='mo']\")?.classList.contains('revoked') === true;",
        Duration::from_secs(10),
        "the account marked revoked",
    )
    .await;
    mo.keys("a").await;
    mo.wait_for(
        "return document.querySelector('#message').textContent.includes('session has ended');",
        Duration::from_secs(10),
        "the moderator told the session ended",
    )
    .await;
    mo.wait_for(
        "return document.querySelector('#signin-form') !== null;",
        Duration::from_secs(10),
        "back to signing in",
    )
    .await;
    assert_eq!(
        app.photo_status(&up).await["status"],
        "pending_review",
        "the revoked moderator's key press decided nothing"
    );
    mo.quit().await;

    // The operator closes the campaign early; the upload form says it is closed.
    op.goto(&app.url("/admin/campaigns/sdp")).await;
    click(&op, "#close-now").await;
    op.find("#saved").await;
    assert_eq!(op.text("#campaign-state").await, "closed");
    op.goto(&app.url("/c/sdp")).await;
    assert!(op.text("main").await.contains("stopped taking photos"));
    assert!(
        op.js("return document.querySelector('#upload-form') === null;")
            .await
            == serde_json::json!(true)
    );
    op.screenshot("campaign-closed-form").await;

    // A contest, created from its form.
    op.goto(&app.url("/admin/contests/new")).await;
    type_into(&op, "#slug", "slogans").await;
    type_into(&op, "#title", "Slogans 2027").await;
    let at = |days: i64| {
        (chrono::Utc::now() + chrono::TimeDelta::days(days))
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    op.js(&format!(
        "document.querySelector('#entries_close_at').value = '{}'; document.querySelector('#announce_at').value = '{}'; return null;",
        at(10),
        at(5)
    ))
    .await;
    click(&op, "#save").await;
    let err = op.text("#announce_at-error").await;
    assert!(
        err.contains("timeline"),
        "announcing before entries close: {err}"
    );
    op.js(&format!(
        "document.querySelector('#announce_at').value = '{}'; return null;",
        at(20)
    ))
    .await;
    click(&op, "#save").await;
    op.find("#saved").await;

    // Every admin page at both widths, checked and photographed; and the front door.
    for (width, size) in [("390", PHONE), ("1280", LAPTOP)] {
        op.viewport(size).await;
        for (name, path) in [
            ("dashboard", "/admin"),
            ("campaign-new", "/admin/campaigns/new"),
            ("campaign-edit", "/admin/campaigns/sdp"),
            ("contest-new", "/admin/contests/new"),
            ("contest-edit", "/admin/contests/slogans"),
            ("staff", "/admin/staff"),
            ("jobs", "/admin/jobs"),
            ("front-door", "/"),
        ] {
            op.goto(&app.url(path)).await;
            op.find("h1").await;
            op.check_page(name).await;
            op.screenshot(&format!("{name}-{width}")).await;
        }
    }
    let dashboard = {
        op.goto(&app.url("/admin")).await;
        op.text("#campaigns").await
    };
    assert!(dashboard.contains("Support. Don't Punish."), "{dashboard}");
    op.goto(&app.url("/")).await;
    assert!(op.text("#contests").await.contains("Slogans 2027"));

    op.quit().await;
    assert!(app.stop().await);
    env.cleanup().await;
}
