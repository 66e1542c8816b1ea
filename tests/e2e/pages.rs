//! The web pages over HTTP, without a browser: what they send (headers, escaping), the
//! plain no-JavaScript forms, and the staff session's cookie and CSRF rules. The browser
//! tests (`browser.rs`) drive the same pages in Chromium.

use placard_e2e::{fixture, on_both_deployments, Api, Deployment, TestApp};

on_both_deployments!(
    plain_forms_upload_enter_check_and_withdraw,
    staff_sessions_need_the_csrf_token_for_changes,
    page_sessions_end_with_their_account_and_sign_in_is_guarded,
    admin_forms_work_without_javascript_and_need_an_admin_session_and_its_csrf_token,
);

const HOSTILE: &str = "<script>window.__xss=1</script><img src=x onerror=alert(1)>";

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

async fn page(app: &impl Api, path: &str) -> (u16, reqwest::header::HeaderMap, String) {
    let r = app
        .http()
        .get(app.endpoint(path))
        .send()
        .await
        .expect("page");
    let (status, headers) = (r.status().as_u16(), r.headers().clone());
    (status, headers, r.text().await.expect("body"))
}

/// The link on a receipt page.
fn status_link(html: &str) -> String {
    let start = html
        .find("id=\"status-link\" href=\"")
        .expect("status link")
        + 23;
    let rest = &html[start..];
    rest[..rest.find('"').expect("end of link")]
        .replace("&amp;", "&")
        .replace("&#38;", "&")
}

async fn plain_forms_upload_enter_check_and_withdraw(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({"description": HOSTILE}))
        .await;

    // The campaign page: HTML, strict CSP, no store, the hostile description as text.
    let (status, headers, html) = page(&app, "/c/sdp").await;
    assert_eq!(status, 200);
    assert!(headers["content-type"]
        .to_str()
        .unwrap_or_default()
        .starts_with("text/html"));
    let csp = headers["content-security-policy"]
        .to_str()
        .unwrap_or_default();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(headers["cache-control"], "no-store");
    assert!(!html.contains(HOSTILE), "the description is escaped");
    assert!(html.contains("&#60;script&#62;window.__xss=1&#60;/script&#62;"));
    for asset in ["/static/placard.css", "/static/placard.js"] {
        let r = app.client.get(app.url(asset)).send().await.expect("asset");
        assert_eq!(r.status(), 200, "{asset}");
        assert!(r.headers().contains_key("etag"));
    }
    let (status, _, html) = page(&app, "/c/nope").await;
    assert_eq!(status, 404);
    assert!(html.contains("We could not find this page"), "{html}");

    // The plain form: a broken file comes back as the form with words, not a code.
    let form = |file: &str, consent: bool| {
        let bytes = std::fs::read(fixture(file)).expect("fixture");
        let mut f = reqwest::multipart::Form::new()
            .part(
                "photo",
                reqwest::multipart::Part::bytes(bytes).file_name("x.jpg"),
            )
            .text("display_name", "Ana")
            .text("country", "")
            .text("caption", HOSTILE);
        if consent {
            f = f.text("consent", "true");
        }
        f
    };
    let r = app
        .client
        .post(app.url("/c/sdp"))
        .multipart(form("bad/not-an-image.jpg", true))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 415);
    let html = r.text().await.expect("body");
    assert!(
        html.contains("We can only take JPEG, PNG or WebP photos"),
        "{html}"
    );
    assert!(html.contains("id=\"upload-form\""), "the form again");
    // What was typed is still there, escaped.
    assert!(html.contains("id=\"display_name\" name=\"display_name\" maxlength=\"60\" autocomplete=\"nickname\" dir=\"auto\" value=\"Ana\""), "the name kept");
    let at = html.find("id=\"caption\"").expect("caption");
    let field = &html[at..(at + 300).min(html.len())];
    assert!(
        field.contains("&#60;script&#62;window.__xss=1"),
        "the caption kept, as text: {field}"
    );
    let r = app
        .client
        .post(app.url("/c/sdp"))
        .multipart(form("photos/ladybird-2560x1600.jpg", false))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 400);
    assert!(r
        .text()
        .await
        .expect("body")
        .contains("Please tick the consent box"));

    let r = app
        .client
        .post(app.url("/c/sdp"))
        .multipart(form("photos/ladybird-2560x1600.jpg", true))
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 200);
    let link = status_link(&r.text().await.expect("receipt"));
    assert!(
        link.starts_with(&app.base) && link.contains("?lang=en&receipt=rct_"),
        "{link}"
    );

    // The status page, reached by the link alone: received, then ready once the job ran.
    let status_page = || async {
        app.client
            .get(&link)
            .send()
            .await
            .expect("status")
            .text()
            .await
            .expect("body")
    };
    let waiting = status_page().await;
    assert!(waiting.contains("data-status=\"received\""));
    // It never reloads itself (a screen reader would lose its place): the script asks
    // again and announces the change; without the script, a link does it.
    assert!(!waiting.contains("http-equiv=\"refresh\""));
    assert!(waiting.contains("id=\"check-again\"") && waiting.contains("aria-live=\"polite\""));
    app.run_pending_jobs().await;
    let html = status_page().await;
    assert!(
        html.contains("data-status=\"pending_review\""),
        "not processed: {html}"
    );
    assert!(html.contains("/media/signed/"), "a signed thumbnail");
    let path = link.strip_prefix(&app.base).expect("own link");
    let mut wrong = path.to_owned();
    let last = wrong.pop().expect("a char");
    wrong.push(if last == 'a' { 'b' } else { 'a' });
    let (status, _, _) = page(&app, &wrong).await;
    assert_eq!(status, 404, "another receipt shows nothing");
    let (status, _, _) = page(&app, path.split('?').next().expect("path")).await;
    assert_eq!(status, 401, "no receipt shows nothing");

    // Withdraw with the form: erased, and the link dead afterwards.
    let id = path
        .split('/')
        .nth(2)
        .expect("id")
        .split('?')
        .next()
        .expect("id");
    let receipt = link.split("receipt=").nth(1).expect("receipt");
    let r = app
        .client
        .post(app.url(&format!("/p/{id}/withdraw")))
        .form(&[("receipt", receipt)])
        .send()
        .await
        .expect("withdraw");
    assert_eq!(r.status(), 200);
    assert!(r
        .text()
        .await
        .expect("body")
        .contains("withdrawn and erased"));
    let r = app.client.get(&link).send().await.expect("status");
    assert_eq!(r.status(), 404);

    // The contest's plain form: entered, then a duplicate refused in words with the
    // fields kept (escaped).
    app.create_contest(&admin, "slogans", 3600, 7200, serde_json::json!({}))
        .await;
    let (status, _, html) = page(&app, "/k/slogans").await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"countdown\"") && html.contains("id=\"entry-form\""));
    let enter = [
        ("slogan", HOSTILE),
        ("author_name", "Bo"),
        ("email", ""),
        ("consent", "true"),
    ];
    let r = app
        .client
        .post(app.url("/k/slogans"))
        .form(&enter)
        .send()
        .await
        .expect("enter");
    assert_eq!(r.status(), 200);
    let entry_link = status_link(&r.text().await.expect("receipt"));
    let html = app
        .client
        .get(&entry_link)
        .send()
        .await
        .expect("entry")
        .text()
        .await
        .expect("body");
    assert!(html.contains("data-status=\"pending_review\""));
    assert!(
        !html.contains("<script>window.__xss"),
        "the slogan is escaped"
    );
    let r = app
        .client
        .post(app.url("/k/slogans"))
        .form(&enter)
        .send()
        .await
        .expect("enter again");
    assert_eq!(r.status(), 409);
    let html = r.text().await.expect("body");
    assert!(
        html.contains("Someone has already entered this slogan"),
        "{html}"
    );
    assert!(
        html.contains("&#60;script&#62;window.__xss=1"),
        "the slogan is kept, escaped"
    );

    app.stop().await;
}

/// A sign-in form as a browser holds it: the sign-in cookie set with the page, and the
/// form's hidden login-CSRF token.
struct SignInForm {
    cookie: String,
    csrf: String,
}

async fn sign_in_form(client: &reqwest::Client, app: &TestApp, path: &str) -> SignInForm {
    let r = client.get(app.url(path)).send().await.expect("page");
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("placard_signin="))
        .expect("the sign-in page sets its cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_owned();
    let html = r.text().await.expect("body");
    let start = html.find("name=\"csrf\" value=\"").expect("form token") + 19;
    SignInForm {
        cookie,
        csrf: html[start..start + 64].to_owned(),
    }
}

/// Signs in through the form; the response (a 303 with the session cookie when it worked).
async fn post_sign_in(
    client: &reqwest::Client,
    app: &TestApp,
    form: &SignInForm,
    token: &str,
    next: &str,
) -> reqwest::Response {
    client
        .post(app.url("/session"))
        .header("cookie", &form.cookie)
        .form(&[("token", token), ("next", next), ("csrf", &form.csrf)])
        .send()
        .await
        .expect("sign in")
}

fn session_cookie(r: &reqwest::Response) -> String {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("placard_staff="))
        .expect("session cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_owned()
}

async fn staff_sessions_need_the_csrf_token_for_changes(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let moderator = app.create_user("moderator", "mo").await;
    let judge = app.create_user("judge", "jo").await;
    let client = no_redirects();
    let form = sign_in_form(&client, &app, "/moderate").await;

    // Signing in: a wrong token is refused on the page; a right one sets the cookie.
    let r = post_sign_in(&client, &app, &form, "plc_wrong", "/moderate").await;
    assert_eq!(r.status(), 401);
    assert!(r
        .headers()
        .get_all("set-cookie")
        .iter()
        .all(|v| !v.to_str().unwrap_or_default().starts_with("placard_staff=")));
    let r = post_sign_in(&client, &app, &form, &moderator, "https://evil.example/").await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/moderate", "no open redirect");
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("placard_staff="))
        .expect("session cookie")
        .to_owned();
    for attr in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attr), "{attr} in {cookie}");
    }
    let session = session_cookie(&r);
    assert!(
        !session.contains(&moderator),
        "the cookie holds a session id, not the token"
    );

    // The moderation page carries the CSRF token; the token itself is nowhere in it.
    let html = client
        .get(app.url("/moderate"))
        .header("cookie", &session)
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(
        !html.contains(&moderator),
        "the staff token is not in the page"
    );
    let start = html.find("data-csrf=\"").expect("csrf") + 11;
    let csrf = &html[start..start + 64];

    // Reads with the cookie work; changes need the CSRF header too.
    let r = client
        .get(app.url("/api/v1/moderation/audit"))
        .header("cookie", &session)
        .send()
        .await
        .expect("read");
    assert_eq!(r.status(), 200);
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let next = |csrf: Option<&str>| {
        let mut req = client
            .post(app.url("/api/v1/moderation/photos/next?campaign=sdp"))
            .header("cookie", &session);
        if let Some(c) = csrf {
            req = req.header("x-csrf-token", c);
        }
        req.send()
    };
    let r = next(None).await.expect("change");
    assert_eq!(r.status(), 403);
    let body: serde_json::Value = r.json().await.expect("json");
    assert_eq!(body["error"]["code"], "csrf_failed");
    assert_eq!(
        next(Some(&"0".repeat(64))).await.expect("change").status(),
        403
    );
    assert_eq!(next(Some(csrf)).await.expect("change").status(), 204);

    // A judge's session does not open the moderation page; sign-out clears the cookie.
    let r = post_sign_in(&client, &app, &form, &judge, "/judge").await;
    let judge_session = session_cookie(&r);
    let r = client
        .get(app.url("/moderate"))
        .header("cookie", &judge_session)
        .send()
        .await
        .expect("page");
    assert_eq!(r.status(), 403);
    let r = client
        .post(app.url("/session/end"))
        .header("cookie", &session)
        .form(&[("csrf", "nope")])
        .send()
        .await
        .expect("sign out");
    assert_eq!(r.status(), 403, "signing out needs the CSRF token too");
    let r = client
        .post(app.url("/session/end"))
        .header("cookie", &session)
        .form(&[("csrf", csrf)])
        .send()
        .await
        .expect("sign out");
    assert_eq!(r.status(), 303);
    assert!(r.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .contains("Max-Age=0"));
    // The session ended on the server: a kept copy of the cookie signs no one in.
    let r = client
        .get(app.url("/api/v1/moderation/audit"))
        .header("cookie", &session)
        .send()
        .await
        .expect("read");
    assert_eq!(r.status(), 401, "a signed-out session is over");

    app.stop().await;
}

/// Sessions live on the server: revoking or rotating an account ends its sessions at once,
/// sessions expire, the sign-in form must come from this site, and `next` only leads to a
/// path of this site.
async fn page_sessions_end_with_their_account_and_sign_in_is_guarded(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    let client = no_redirects();
    let audit = |session: String| {
        let client = client.clone();
        let url = app.url("/api/v1/moderation/audit");
        async move {
            client
                .get(url)
                .header("cookie", session)
                .send()
                .await
                .expect("read")
                .status()
                .as_u16()
        }
    };
    let created: serde_json::Value = app
        .http()
        .post(app.url("/api/v1/admin/staff"))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"name": "mo", "role": "moderator"}))
        .send()
        .await
        .expect("create")
        .json()
        .await
        .expect("json");
    let (id, token) = (
        created["id"].as_str().expect("id").to_owned(),
        created["token"].as_str().expect("token").to_owned(),
    );

    // Login CSRF: a form without this browser's sign-in cookie, or with another token, is
    // refused and signs no one in.
    let form = sign_in_form(&client, &app, "/moderate").await;
    let r = client
        .post(app.url("/session"))
        .form(&[("token", token.as_str()), ("csrf", form.csrf.as_str())])
        .send()
        .await
        .expect("sign in");
    assert_eq!(r.status(), 403, "no sign-in cookie");
    let forged = SignInForm {
        cookie: form.cookie.clone(),
        csrf: "0".repeat(64),
    };
    let r = post_sign_in(&client, &app, &forged, &token, "/moderate").await;
    assert_eq!(r.status(), 403, "a form token that is not this browser's");
    assert!(r
        .text()
        .await
        .expect("body")
        .contains("did not come from this site"));

    // `next` leads only to a path of this site; what browsers would bend elsewhere (a tab,
    // a backslash) or what would break the header (CR LF) falls back to the default.
    for next in [
        "/\t/evil.example",
        "/\\evil.example",
        "/moderate\r\nSet-Cookie: a=b",
        "//evil.example",
    ] {
        let r = post_sign_in(&client, &app, &form, &token, next).await;
        assert_eq!(r.status(), 303, "{next:?}");
        assert_eq!(r.headers()["location"], "/moderate", "{next:?}");
    }
    let r = post_sign_in(&client, &app, &form, &token, "/judge?x=1").await;
    assert_eq!(r.headers()["location"], "/judge?x=1");

    // Revoking ends every session of the account.
    let (one, two) = (
        session_cookie(&post_sign_in(&client, &app, &form, &token, "/moderate").await),
        session_cookie(&post_sign_in(&client, &app, &form, &token, "/moderate").await),
    );
    assert_ne!(one, two, "each sign-in opens its own session");
    assert_eq!(audit(one.clone()).await, 200);
    assert_eq!(audit(two.clone()).await, 200);
    let rotated: serde_json::Value = app
        .http()
        .post(app.url(&format!("/api/v1/admin/staff/{id}/rotate")))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("rotate")
        .json()
        .await
        .expect("json");
    assert_eq!(audit(one).await, 401, "rotating ends the sessions");
    assert_eq!(audit(two).await, 401);
    let token = rotated["token"].as_str().expect("token").to_owned();
    let three = session_cookie(&post_sign_in(&client, &app, &form, &token, "/moderate").await);
    assert_eq!(audit(three.clone()).await, 200);
    let page = client
        .get(app.url("/moderate"))
        .header("cookie", &three)
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(page.contains("data-csrf"), "signed in");
    let r = app
        .http()
        .post(app.url(&format!("/api/v1/admin/staff/{id}/revoke")))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("revoke");
    assert_eq!(r.status(), 200);
    assert_eq!(audit(three.clone()).await, 401, "revoking ends the session");
    let page = client
        .get(app.url("/moderate"))
        .header("cookie", &three)
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(page.contains("id=\"signin-form\""), "back to signing in");
    let r = post_sign_in(&client, &app, &form, &token, "/moderate").await;
    assert_eq!(r.status(), 401, "a revoked token cannot sign in");

    // Sessions expire after 12 hours.
    let four = session_cookie(&post_sign_in(&client, &app, &form, &admin, "/moderate").await);
    assert_eq!(audit(four.clone()).await, 200);
    app.advance(chrono::TimeDelta::hours(12) + chrono::TimeDelta::seconds(1));
    assert_eq!(audit(four).await, 401, "an expired session");

    app.stop().await;
}

/// Signs in through the form and returns the session cookie and the page's CSRF token.
async fn signed_in_as(
    client: &reqwest::Client,
    app: &TestApp,
    token: &str,
    page: &str,
) -> (String, String) {
    let form = sign_in_form(client, app, page).await;
    let session = session_cookie(&post_sign_in(client, app, &form, token, page).await);
    let html = client
        .get(app.url(page))
        .header("cookie", &session)
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    let start = html.find("name=\"csrf\" value=\"").expect("csrf field") + 19;
    (session, html[start..start + 64].to_owned())
}

async fn admin_forms_work_without_javascript_and_need_an_admin_session_and_its_csrf_token(
    d: Deployment,
) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "ana").await;
    let moderator = app.create_user("moderator", "mo").await;
    let client = no_redirects();

    // The front door of a new installation says how to start, and nothing else.
    let (status, _, html) = page(&app, "/").await;
    assert_eq!(status, 200);
    assert!(html.contains("placard user create --role admin"));

    // A moderator's session does not open the admin pages.
    let (mo_session, _) = signed_in_as(&client, &app, &moderator, "/moderate").await;
    let r = client
        .get(app.url("/admin"))
        .header("cookie", &mo_session)
        .send()
        .await
        .expect("page");
    assert_eq!(r.status(), 403);

    let (session, csrf) = signed_in_as(&client, &app, &admin, "/admin").await;
    let post = |path: &str, fields: Vec<(&str, &str)>| {
        client
            .post(app.url(path))
            .header("cookie", &session)
            .form(&fields)
            .send()
    };
    let campaign = vec![
        ("slug", "sdp"),
        ("title", "Support. Don't Punish."),
        ("opens_at", ""),
        ("closes_at", "2040-06-26T09:00"),
        ("languages", "en"),
        ("languages", "es"),
        ("default_language", "es"),
        ("title_es", "Apoyo, no castigo"),
        ("frame_ancestors", "https://supportdontpunish.org"),
        ("rejected_days", "14"),
    ];

    // Without the CSRF token nothing is created.
    let r = post("/admin/campaigns", campaign.clone())
        .await
        .expect("post");
    assert_eq!(r.status(), 403);
    assert!(app.store.campaigns().await.expect("list").is_empty());
    // A refused field comes back next to its field, as sent.
    let mut bad = campaign.clone();
    bad.push(("csrf", &csrf));
    bad[0] = ("slug", "Not A Slug");
    let r = post("/admin/campaigns", bad).await.expect("post");
    assert_eq!(r.status(), 400);
    let html = r.text().await.expect("body");
    assert!(html.contains("id=\"slug-error\""), "{html}");
    assert!(html.contains("value=\"Not A Slug\""));
    assert!(app.store.campaigns().await.expect("list").is_empty());
    let mut bad = campaign.clone();
    bad.push(("csrf", &csrf));
    bad[8] = ("frame_ancestors", "http://plain.example");
    let r = post("/admin/campaigns", bad).await.expect("post");
    assert_eq!(r.status(), 400);
    assert!(r
        .text()
        .await
        .expect("body")
        .contains("id=\"frame_ancestors-error\""));
    assert!(
        app.store.campaigns().await.expect("list").is_empty(),
        "nothing half-made"
    );

    // With it: created with every setting of the form, then shown for editing.
    let mut good = campaign.clone();
    good.push(("csrf", &csrf));
    let r = post("/admin/campaigns", good).await.expect("post");
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/admin/campaigns/sdp?saved=1");
    let c = app.store.campaign_by_slug("sdp").await.expect("created");
    assert_eq!(c.languages(), vec!["en", "es"]);
    assert_eq!(c.default_language, "es");
    assert_eq!(
        c.translations()["es"].title.as_deref(),
        Some("Apoyo, no castigo")
    );
    assert_eq!(c.retention_rejected_days, 14);
    let public = app.read_json(None, "/api/v1/campaigns/sdp").await;
    assert_eq!(
        public["closes_at"], "2040-06-26T09:00:00Z",
        "form times are UTC"
    );

    // Texts in every language, long and not in Latin letters, fit in one form (URL-encoded,
    // an Arabic letter is six bytes: far past actix's default form limit of 16 KiB).
    let long: String = "ادعم لا تعاقب. ".repeat(250);
    let mut texts: Vec<(String, String)> = vec![
        ("csrf".into(), csrf.clone()),
        ("slug".into(), "long-texts".into()),
        ("title".into(), "Long texts".into()),
        ("rejected_days".into(), "30".into()),
    ];
    for lang in ["en", "es", "fr", "pt", "ru", "ar"] {
        texts.push(("languages".into(), lang.into()));
        texts.push((format!("description_{lang}"), long.clone()));
        texts.push((
            format!("consent_text_{lang}"),
            long.chars().take(1500).collect(),
        ));
    }
    let r = client
        .post(app.url("/admin/campaigns"))
        .header("cookie", &session)
        .form(&texts)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap_or_default());
    let c = app
        .store
        .campaign_by_slug("long-texts")
        .await
        .expect("created");
    assert_eq!(c.translations().len(), 6);
    assert_eq!(
        c.moderator_care(),
        placard_domain::ModeratorCare::default(),
        "a form without the care fields keeps the defaults"
    );

    // A pause that is not a number, or a privacy notice that is not https: the form again,
    // the error by its field, nothing created.
    for (field, value, error_id) in [
        ("pause_after", "many", "moderation-error"),
        (
            "privacy_url",
            "http://example.org/privacy",
            "privacy_url-error",
        ),
    ] {
        let r = client
            .post(app.url("/admin/campaigns"))
            .header("cookie", &session)
            .form(&[
                ("csrf", csrf.as_str()),
                ("slug", "refused-care"),
                ("title", "Refused"),
                ("languages", "en"),
                (field, value),
            ])
            .send()
            .await
            .expect("post");
        assert_eq!(r.status(), 400, "{field}");
        let page = r.text().await.expect("body");
        assert!(
            page.contains(&format!("id=\"{error_id}\" role=\"alert\"")),
            "{field}: the error by its field in {page}"
        );
        assert!(
            app.store.campaign_by_slug("refused-care").await.is_err(),
            "nothing created for a bad {field}"
        );
    }

    // An edit from a form read before someone else's edit is refused, nothing lost.
    let version = c.version.to_string();
    let r = app
        .http()
        .patch(app.url("/api/v1/admin/campaigns/sdp"))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"description": "Edited elsewhere"}))
        .send()
        .await
        .expect("patch");
    assert_eq!(r.status(), 200);
    let mut stale = campaign.clone();
    stale.push(("csrf", &csrf));
    stale.push(("version", &version));
    stale[1] = ("title", "My title");
    let r = post("/admin/campaigns/sdp", stale).await.expect("post");
    assert_eq!(r.status(), 412);
    assert!(r
        .text()
        .await
        .expect("body")
        .contains("Someone else saved this campaign"));
    let c = app.store.campaign_by_slug("sdp").await.expect("campaign");
    assert_eq!(
        (c.title.as_str(), c.description.as_deref()),
        ("Support. Don't Punish.", Some("Edited elsewhere"))
    );

    // Closing early from the page.
    let version = c.version.to_string();
    let r = post(
        "/admin/campaigns/sdp",
        vec![("csrf", &csrf), ("version", &version), ("close_now", "1")],
    )
    .await
    .expect("post");
    assert_eq!(r.status(), 303);
    let public = app.read_json(None, "/api/v1/campaigns/sdp").await;
    assert_eq!(public["state"], "closed");

    // The logo form: its CSRF field must come first and match, before the file is read.
    let logo = std::fs::read(fixture("photos/ladybird-2560x1600.jpg")).expect("fixture");
    let send_logo = |csrf: &str| {
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf.to_owned())
            .part(
                "logo",
                reqwest::multipart::Part::bytes(logo.clone()).file_name("l.jpg"),
            );
        client
            .post(app.url("/admin/campaigns/sdp/logo"))
            .header("cookie", &session)
            .multipart(form)
            .send()
    };
    assert_eq!(
        send_logo(&"0".repeat(64)).await.expect("post").status(),
        403
    );
    assert!(app
        .store
        .campaign_by_slug("sdp")
        .await
        .expect("c")
        .logo_key
        .is_none());
    assert_eq!(send_logo(&csrf).await.expect("post").status(), 303);
    assert!(app
        .store
        .campaign_by_slug("sdp")
        .await
        .expect("c")
        .logo_key
        .is_some());

    // Staff from the page: the token is shown once and works; revoking ends it.
    let r = post(
        "/admin/staff",
        vec![
            ("csrf", &csrf),
            ("name", "newbie"),
            ("role", "moderator"),
            ("campaigns", "sdp"),
        ],
    )
    .await
    .expect("post");
    assert_eq!(r.status(), 201);
    let html = r.text().await.expect("body");
    let start = html
        .find("id=\"token-value\" readonly value=\"")
        .expect("token")
        + 33;
    let token = html[start..start + 68].to_owned();
    assert!(token.starts_with("plc_"), "{token}");
    assert_eq!(
        app.http()
            .get(app.url("/api/v1/moderation/photos?campaign=sdp"))
            .bearer_auth(&token)
            .send()
            .await
            .expect("get")
            .status(),
        200
    );
    let (again, _, _) = page(&app, "/admin/staff").await;
    assert_eq!(
        again, 200,
        "the sign-in page, for a browser without the session"
    );
    let listed = client
        .get(app.url("/admin/staff"))
        .header("cookie", &session)
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(!listed.contains(&token), "the token is never shown again");
    let accounts = app.get_json(&admin, "/api/v1/admin/staff").await;
    let id = accounts["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|a| a["name"] == "newbie")
        .expect("newbie")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let r = post(&format!("/admin/staff/{id}/revoke"), vec![("csrf", &csrf)])
        .await
        .expect("post");
    assert_eq!(r.status(), 303);
    assert_eq!(
        app.http()
            .get(app.url("/api/v1/moderation/photos?campaign=sdp"))
            .bearer_auth(&token)
            .send()
            .await
            .expect("get")
            .status(),
        401
    );

    // A contest from its form; the failed-jobs page answers.
    let r = post(
        "/admin/contests",
        vec![
            ("csrf", &csrf),
            ("slug", "slogans"),
            ("title", "Slogans"),
            ("entries_close_at", "2040-01-01T00:00"),
            ("announce_at", "2039-01-01T00:00"),
        ],
    )
    .await
    .expect("post");
    assert_eq!(r.status(), 422, "announced before entries close");
    assert!(r
        .text()
        .await
        .expect("body")
        .contains("id=\"announce_at-error\""));
    let r = post(
        "/admin/contests",
        vec![
            ("csrf", &csrf),
            ("slug", "slogans"),
            ("title", "Slogans"),
            ("entries_close_at", "2040-01-01T00:00"),
            ("announce_at", "2040-01-02T00:00"),
        ],
    )
    .await
    .expect("post");
    assert_eq!(r.status(), 303);
    let r = client
        .get(app.url("/admin/jobs"))
        .header("cookie", &session)
        .send()
        .await
        .expect("page");
    assert_eq!(r.status(), 200);
    assert!(r.text().await.expect("body").contains("No failed jobs"));

    // The front door now lists the contest (the campaign is closed).
    let (_, _, html) = page(&app, "/").await;
    assert!(html.contains("href=\"/k/slogans\"") && !html.contains("href=\"/c/sdp\""));

    app.stop().await;
}
