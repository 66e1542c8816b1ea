//! Moderation end to end on both deployments (in process: jobs run when the test says), and
//! the authorization matrix over every route.

use placard_e2e::{error_code, on_both_deployments, Api, Deployment, TestApp, Uploaded};
use std::collections::HashSet;
use std::time::Duration;

on_both_deployments!(
    authorization_matrix_covers_every_route,
    ten_moderators_calling_next_at_once_get_distinct_photos,
    decisions_reach_the_gallery_the_supporter_and_the_audit_log,
    the_queue_says_what_is_left_for_each_moderator_and_how_old,
);

const PROCESSING: Duration = Duration::from_secs(120);

async fn processed(app: &impl Api, slug: &str, n: usize) -> Vec<Uploaded> {
    let names = placard_e2e::fixture_photos();
    let mut ups = Vec::new();
    for i in 0..n {
        ups.push(
            app.upload_fixture(slug, &names[i % names.len()], &[("caption", "hello")])
                .await,
        );
    }
    for up in &ups {
        assert_eq!(
            app.wait_processed(up, PROCESSING).await["status"],
            "pending_review"
        );
    }
    ups
}

async fn ten_moderators_calling_next_at_once_get_distinct_photos(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let ups = processed(&app, "sdp", 4).await;
    let mut tokens = Vec::new();
    for i in 0..10 {
        tokens.push(app.create_user("moderator", &format!("mod{i}")).await);
    }
    let url = app.url("/api/v1/moderation/photos/next?campaign=sdp");
    let calls = tokens
        .iter()
        .map(|t| app.client.post(&url).bearer_auth(t).send());
    let mut got = Vec::new();
    let mut empty = 0;
    for resp in futures_util::future::join_all(calls).await {
        let resp = resp.expect("next");
        match resp.status().as_u16() {
            200 => {
                let item: serde_json::Value = resp.json().await.expect("item");
                assert!(item["claimed_by"]
                    .as_str()
                    .is_some_and(|n| n.starts_with("mod")));
                got.push(item["id"].as_str().expect("id").to_owned());
            }
            204 => empty += 1,
            other => panic!("next answered {other}"),
        }
    }
    let distinct: HashSet<_> = got.iter().cloned().collect();
    assert_eq!((got.len(), distinct.len(), empty), (4, 4, 6), "{got:?}");
    assert_eq!(
        distinct,
        ups.iter().map(|u| u.id.clone()).collect::<HashSet<_>>()
    );
    app.stop().await;
}

async fn the_queue_says_what_is_left_for_each_moderator_and_how_old(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    let ana = app.create_user("moderator", "ana").await;
    let bo = app.create_user("moderator", "bo").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let queue = |token: String| {
        let app = &app;
        async move {
            app.get_json(&token, "/api/v1/moderation/queue?campaign=sdp")
                .await
        }
    };
    let empty = queue(ana.clone()).await;
    assert_eq!(
        (
            &empty["left"],
            &empty["held_by_others"],
            &empty["oldest_at"]
        ),
        (&0.into(), &0.into(), &serde_json::Value::Null)
    );
    let ups = processed(&app, "sdp", 3).await;
    let q = queue(ana.clone()).await;
    assert_eq!((&q["left"], &q["held_by_others"]), (&3.into(), &0.into()));
    let oldest: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(q["oldest_at"].clone()).expect("oldest_at");
    let first = app.photo_status(&ups[0]).await;
    assert_eq!(
        Some(oldest),
        serde_json::from_value(first["submitted_at"].clone()).ok(),
        "the oldest is the first sent: {first}"
    );
    // Bo claims one: Ana sees it held by another, Bo still counts it as his to do.
    let r = app
        .client
        .post(app.url("/api/v1/moderation/photos/next?campaign=sdp"))
        .bearer_auth(&bo)
        .send()
        .await
        .expect("next");
    assert_eq!(r.status(), 200);
    let q = queue(ana.clone()).await;
    assert_eq!((&q["left"], &q["held_by_others"]), (&2.into(), &1.into()));
    let q = queue(bo.clone()).await;
    assert_eq!((&q["left"], &q["held_by_others"]), (&3.into(), &0.into()));
    // Decided ones leave the queue.
    let r = app
        .client
        .post(app.url("/api/v1/moderation/photos/decisions"))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"ids": [ups[1].id, ups[2].id], "decision": "approve"}))
        .send()
        .await
        .expect("bulk");
    assert_eq!(r.status(), 200);
    let q = queue(ana.clone()).await;
    assert_eq!((&q["left"], &q["held_by_others"]), (&0.into(), &1.into()));
    // One of campaign and contest, exactly.
    for bad in ["", "?campaign=sdp&contest=x", "?colour=red"] {
        let r = app
            .client
            .get(app.url(&format!("/api/v1/moderation/queue{bad}")))
            .bearer_auth(&ana)
            .send()
            .await
            .expect("queue");
        assert_eq!(error_code(r).await, (400, "invalid_query".into()), "{bad}");
    }
    let r = app
        .client
        .get(app.url("/api/v1/moderation/queue?contest=nope"))
        .bearer_auth(&ana)
        .send()
        .await
        .expect("queue");
    assert_eq!(error_code(r).await.0, 404);
    app.stop().await;
}

async fn decisions_reach_the_gallery_the_supporter_and_the_audit_log(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    let ana = app.create_user("moderator", "ana").await;
    let bo = app.create_user("moderator", "bo").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let ups = processed(&app, "sdp", 4).await;
    let post = |path: String, token: &str, body: serde_json::Value| {
        app.client
            .post(app.url(&path))
            .bearer_auth(token)
            .json(&body)
            .send()
    };
    let decision = |id: &str| format!("/api/v1/moderation/photos/{id}/decision");
    let approve = serde_json::json!({"decision": "approve"});

    // Ana claims the oldest; Bo cannot decide it while she holds it.
    let claimed: serde_json::Value = app
        .client
        .post(app.url("/api/v1/moderation/photos/next?campaign=sdp"))
        .bearer_auth(&ana)
        .send()
        .await
        .expect("next")
        .json()
        .await
        .expect("item");
    assert_eq!(claimed["id"], ups[0].id.as_str(), "oldest first");
    let r = post(decision(&ups[0].id), &bo, approve.clone())
        .await
        .expect("decide");
    assert_eq!(error_code(r).await, (409, "claimed_by_other".into()));
    let r = post(decision(&ups[0].id), &ana, approve.clone())
        .await
        .expect("decide");
    assert_eq!(r.status(), 200);
    let item: serde_json::Value = r.json().await.expect("item");
    assert_eq!(
        (item["status"].as_str(), item["decided_by"].as_str()),
        (Some("approved"), Some("ana"))
    );
    let r = post(decision(&ups[0].id), &ana, approve.clone())
        .await
        .expect("decide");
    assert_eq!(error_code(r).await, (409, "already_decided".into()));
    // Rejections need a valid reason.
    for bad in [
        serde_json::json!({"decision": "reject"}),
        serde_json::json!({"decision": "reject", "reason": "ugly"}),
    ] {
        let r = post(decision(&ups[1].id), &bo, bad).await.expect("decide");
        assert_eq!(error_code(r).await, (422, "invalid_reason".into()));
    }
    let r = post(
        decision(&ups[1].id),
        &bo,
        serde_json::json!({"decision": "maybe"}),
    )
    .await
    .expect("decide");
    assert_eq!(error_code(r).await, (400, "invalid_field".into()));
    let reject =
        serde_json::json!({"decision": "reject", "reason": "no_logo", "note": "no logo in sight"});
    assert_eq!(
        post(decision(&ups[1].id), &bo, reject)
            .await
            .expect("decide")
            .status(),
        200
    );
    // Reopen, then decide again.
    let reopen = format!("/api/v1/moderation/photos/{}/reopen", ups[0].id);
    let r = post(reopen.clone(), &bo, serde_json::json!({}))
        .await
        .expect("reopen");
    assert_eq!(r.status(), 200);
    let r = post(reopen, &bo, serde_json::json!({}))
        .await
        .expect("reopen");
    assert_eq!(error_code(r).await, (409, "not_decided".into()));
    // Bulk: one bad id does not sink the others.
    let unknown = uuid::Uuid::new_v4().to_string();
    let bulk = serde_json::json!({"ids": [ups[0].id, ups[2].id, ups[1].id, unknown], "decision": "approve"});
    let r = post("/api/v1/moderation/photos/decisions".into(), &ana, bulk)
        .await
        .expect("bulk");
    assert_eq!(r.status(), 200);
    let results: serde_json::Value = r.json().await.expect("results");
    let outcomes: Vec<&str> = results["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["outcome"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        outcomes,
        vec!["approved", "approved", "already_decided", "not_found"]
    );

    // The gallery holds exactly the approved photos; the supporter sees the rejection.
    let gallery: serde_json::Value = app.public_json("/api/v1/campaigns/sdp/gallery").await;
    let shown: HashSet<String> = gallery["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(
        shown,
        [ups[0].id.clone(), ups[2].id.clone()].into_iter().collect()
    );
    let status = app.photo_status(&ups[1]).await;
    assert_eq!(
        (
            status["status"].as_str(),
            status["rejection_reason"].as_str()
        ),
        (Some("rejected"), Some("no_logo"))
    );

    // The queue lists what is left; the audit log holds one entry per action, newest first.
    let queue: serde_json::Value = app
        .client
        .get(app.url("/api/v1/moderation/photos?campaign=sdp"))
        .bearer_auth(&ana)
        .send()
        .await
        .expect("queue")
        .json()
        .await
        .expect("json");
    let left: Vec<&str> = queue["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(left, vec![ups[3].id.as_str()]);
    let audit: serde_json::Value = app
        .client
        .get(app.url("/api/v1/moderation/audit?subject_type=photo"))
        .bearer_auth(&ana)
        .send()
        .await
        .expect("audit")
        .json()
        .await
        .expect("json");
    let log: Vec<(String, String)> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| {
            (
                e["actor"].as_str().unwrap_or("").to_owned(),
                e["action"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [
        ("ana", "photo.approve"),
        ("ana", "photo.approve"),
        ("bo", "photo.reopen"),
        ("bo", "photo.reject"),
        ("ana", "photo.approve"),
    ]
    .iter()
    .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
    .collect();
    assert_eq!(log, expected);
    let by_bo: serde_json::Value = app
        .client
        .get(app.url("/api/v1/moderation/audit?actor=bo&limit=1"))
        .bearer_auth(&ana)
        .send()
        .await
        .expect("audit")
        .json()
        .await
        .expect("json");
    assert_eq!(by_bo["items"][0]["action"], "photo.reopen");
    assert!(by_bo["next_cursor"].is_string());
    let metrics = app.metrics().await;
    for series in [
        "placard_moderation_decisions_total{outcome=\"no_logo\"} 1",
        "placard_review_queue_depth{campaign=\"sdp\"} 1",
        "placard_time_to_decision_seconds_count 4",
        "placard_review_oldest_pending_seconds{campaign=\"sdp\"}",
        concat!(
            "placard_build_info{version=\"",
            env!("CARGO_PKG_VERSION"),
            "\"} 1"
        ),
    ] {
        assert!(metrics.contains(series), "/metrics lacks {series}");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_photo_still_processing_is_not_ready() {
    let app = TestApp::spawn(Deployment::Embedded).await;
    let admin = app.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let up = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    let r = app
        .client
        .post(app.url(&format!("/api/v1/moderation/photos/{}/decision", up.id)))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"decision": "approve"}))
        .send()
        .await
        .expect("decide");
    assert_eq!(error_code(r).await, (409, "not_ready".into()));
    app.stop().await;
}

/// Who may call a route.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Access {
    Anyone,
    Receipt,
    Admin,
    Moderator,
    Judge,
}

/// Every route the app registers, with who may call it. A route the app registers that is
/// missing here fails the test, so no route can be added without deciding its access.
const MATRIX: &[(&str, &str, Access)] = &[
    ("GET", "/healthz", Access::Anyone),
    ("GET", "/readyz", Access::Anyone),
    ("GET", "/metrics", Access::Anyone),
    ("GET", "/api/v1/openapi.json", Access::Anyone),
    ("GET", "/api/v1/source", Access::Anyone),
    ("GET", "/source.tar.gz", Access::Anyone),
    ("GET", "/api/v1/admin/jobs", Access::Admin),
    ("POST", "/api/v1/admin/jobs/{id}/retry", Access::Admin),
    ("GET", "/api/v1/admin/staff", Access::Admin),
    ("POST", "/api/v1/admin/staff", Access::Admin),
    (
        "DELETE",
        "/api/v1/moderation/photos/{id}",
        Access::Moderator,
    ),
    ("POST", "/api/v1/admin/staff/{id}/revoke", Access::Admin),
    ("POST", "/api/v1/admin/staff/{id}/rotate", Access::Admin),
    ("PUT", "/api/v1/admin/staff/{id}/campaigns", Access::Admin),
    ("POST", "/api/v1/admin/campaigns", Access::Admin),
    ("GET", "/api/v1/admin/campaigns", Access::Admin),
    ("GET", "/api/v1/admin/contests", Access::Admin),
    ("GET", "/api/v1/admin/campaigns/{slug}", Access::Admin),
    ("PATCH", "/api/v1/admin/campaigns/{slug}", Access::Admin),
    ("PUT", "/api/v1/admin/campaigns/{slug}/logo", Access::Admin),
    ("GET", "/api/v1/campaigns/{slug}/logo", Access::Anyone),
    ("GET", "/api/v1/campaigns/{slug}/stats", Access::Anyone),
    ("GET", "/api/v1/campaigns/{slug}/mosaic.jpg", Access::Anyone),
    (
        "GET",
        "/api/v1/campaigns/{slug}/mosaic.json",
        Access::Anyone,
    ),
    (
        "GET",
        "/api/v1/admin/campaigns/{slug}/export.csv",
        Access::Admin,
    ),
    (
        "GET",
        "/api/v1/admin/campaigns/{slug}/export.zip",
        Access::Admin,
    ),
    ("GET", "/api/v1/admin/contests/{slug}", Access::Admin),
    ("PATCH", "/api/v1/admin/contests/{slug}", Access::Admin),
    ("GET", "/api/v1/campaigns/{slug}", Access::Anyone),
    ("POST", "/api/v1/campaigns/{slug}/photos", Access::Anyone),
    ("GET", "/api/v1/campaigns/{slug}/gallery", Access::Anyone),
    ("GET", "/api/v1/photos/{id}", Access::Receipt),
    ("DELETE", "/api/v1/photos/{id}", Access::Receipt),
    ("GET", "/api/v1/moderation/photos", Access::Moderator),
    ("POST", "/api/v1/moderation/photos/next", Access::Moderator),
    (
        "POST",
        "/api/v1/moderation/photos/decisions",
        Access::Moderator,
    ),
    (
        "POST",
        "/api/v1/moderation/photos/{id}/decision",
        Access::Moderator,
    ),
    (
        "POST",
        "/api/v1/moderation/photos/{id}/reopen",
        Access::Moderator,
    ),
    (
        "GET",
        "/api/v1/moderation/photos/{id}/original",
        Access::Moderator,
    ),
    ("GET", "/api/v1/moderation/audit", Access::Moderator),
    ("GET", "/api/v1/moderation/queue", Access::Moderator),
    ("GET", "/media/photos/{id}/{size}", Access::Anyone),
    ("GET", "/media/signed/{id}/{size}", Access::Anyone),
    ("POST", "/api/v1/admin/contests", Access::Admin),
    ("GET", "/api/v1/contests/{slug}", Access::Anyone),
    ("POST", "/api/v1/contests/{slug}/entries", Access::Anyone),
    ("GET", "/api/v1/contests/{slug}/results", Access::Anyone),
    (
        "GET",
        "/api/v1/contests/{slug}/results/manifest",
        Access::Anyone,
    ),
    ("GET", "/api/v1/entries/{id}", Access::Receipt),
    ("DELETE", "/api/v1/entries/{id}", Access::Receipt),
    (
        "GET",
        "/api/v1/moderation/contests/{slug}/entries",
        Access::Moderator,
    ),
    (
        "POST",
        "/api/v1/moderation/entries/{id}/decision",
        Access::Moderator,
    ),
    (
        "POST",
        "/api/v1/moderation/entries/{id}/reopen",
        Access::Moderator,
    ),
    (
        "GET",
        "/api/v1/judging/contests/{slug}/entries",
        Access::Judge,
    ),
    (
        "PUT",
        "/api/v1/judging/contests/{slug}/entries/{id}/score",
        Access::Judge,
    ),
    (
        "PUT",
        "/api/v1/judging/contests/{slug}/entries/{id}/conflict",
        Access::Judge,
    ),
    (
        "GET",
        "/api/v1/judging/contests/{slug}/ranking",
        Access::Judge,
    ),
    ("GET", "/api/v1/judging/contests/{slug}/pair", Access::Judge),
    (
        "POST",
        "/api/v1/judging/contests/{slug}/pair",
        Access::Judge,
    ),
    (
        "POST",
        "/api/v1/judging/contests/{slug}/pair/skip",
        Access::Judge,
    ),
    (
        "GET",
        "/api/v1/judging/contests/{slug}/judges",
        Access::Admin,
    ),
    (
        "PUT",
        "/api/v1/judging/contests/{slug}/shortlist",
        Access::Judge,
    ),
];

/// Every route with every kind of caller, on both backends.
async fn authorization_matrix_covers_every_route(d: Deployment) {
    let registered: HashSet<(&str, &str)> = placard_http::ROUTES.iter().copied().collect();
    let listed: HashSet<(&str, &str)> = MATRIX.iter().map(|(m, p, _)| (*m, *p)).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the authorization matrix: {missing:?}"
    );
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(
        stale.is_empty(),
        "matrix rows for routes that no longer exist: {stale:?}"
    );

    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    let moderator = app.create_user("moderator", "mo").await;
    let judge = app.create_user("judge", "jo").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let up = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[])
        .await;
    app.wait_processed(&up, PROCESSING).await;
    let principals: [(&str, Option<&str>); 6] = [
        ("no token", None),
        ("a bad token", Some("plc_0000")),
        ("a receipt token", Some(&up.receipt)),
        ("a judge", Some(&judge)),
        ("a moderator", Some(&moderator)),
        ("an admin", Some(&admin)),
    ];
    let mut rows: Vec<_> = MATRIX.to_vec();
    rows.sort_by_key(|(m, _, _)| *m == "DELETE"); // erase last
    for (method, template, access) in rows {
        let path = template
            .replace("{slug}", "sdp")
            .replace("{id}", &up.id)
            .replace("{size}", "small.jpg");
        for (who, token) in principals {
            let mut req = app
                .client
                .request(method.parse().expect("method"), app.url(&path));
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            if method == "POST" || method == "PUT" || method == "PATCH" {
                req = req.json(&serde_json::json!({}));
            }
            let status = req.send().await.expect("request").status().as_u16();
            let expected: Option<u16> = match (access, who) {
                (Access::Anyone, _) => None,
                (_, "no token") => Some(401),
                (Access::Receipt, "a receipt token") => None,
                (Access::Receipt, "a bad token") => Some(401),
                (Access::Receipt, _) => Some(404),
                (_, "a bad token" | "a receipt token") => Some(401),
                (Access::Admin, "an admin")
                | (Access::Moderator, "an admin" | "a moderator")
                | (Access::Judge, "an admin" | "a judge") => None,
                _ => Some(403),
            };
            match expected {
                Some(code) => assert_eq!(status, code, "{method} {template} with {who}"),
                None => assert!(
                    ![401, 403].contains(&status),
                    "{method} {template} refused {who}: {status}"
                ),
            }
        }
    }
    app.stop().await;
}
