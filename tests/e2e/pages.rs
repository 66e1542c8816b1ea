//! The web pages over HTTP, without a browser: what they send (headers, escaping), the
//! plain no-JavaScript forms, and the staff session's cookie and CSRF rules. The browser
//! tests (`browser.rs`) drive the same pages in Chromium.

use placard_e2e::{fixture, on_both_deployments, Api, Deployment, TestApp};

on_both_deployments!(
    plain_forms_upload_enter_check_and_withdraw,
    staff_sessions_need_the_csrf_token_for_changes,
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
    rest[..rest.find('"').expect("end of link")].replace("&amp;", "&")
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
        link.starts_with(&app.base) && link.contains("?receipt=rct_"),
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
    assert!(status_page().await.contains("data-status=\"received\""));
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

async fn staff_sessions_need_the_csrf_token_for_changes(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let moderator = app.create_user("moderator", "mo").await;
    let judge = app.create_user("judge", "jo").await;
    let client = no_redirects();

    // Signing in: a wrong token is refused on the page; a right one sets the cookie.
    let r = client
        .post(app.url("/session"))
        .form(&[("token", "plc_wrong"), ("next", "/moderate")])
        .send()
        .await
        .expect("sign in");
    assert_eq!(r.status(), 401);
    assert!(r.headers().get("set-cookie").is_none());
    let r = client
        .post(app.url("/session"))
        .form(&[
            ("token", moderator.as_str()),
            ("next", "https://evil.example/"),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/moderate", "no open redirect");
    let cookie = r.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .to_owned();
    for attr in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attr), "{attr} in {cookie}");
    }
    let session = cookie.split(';').next().expect("pair").to_owned();

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
    let r = client
        .post(app.url("/session"))
        .form(&[("token", judge.as_str()), ("next", "/judge")])
        .send()
        .await
        .expect("sign in");
    let judge_session = r.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_owned();
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

    app.stop().await;
}
