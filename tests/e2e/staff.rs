//! Running a campaign (admin), on both deployments. The lists of campaigns and contests
//! with their counts. Staff accounts: admins list them (never a secret), create them (the
//! token shown once), rotate and revoke them, and limit a moderator to campaigns; the CLI lists
//! and revokes too. Every change is audited with the admin who made it.

use placard_e2e::{error_code, on_both_deployments, Api, Deployment, TestApp, Uploaded};

on_both_deployments!(
    admins_manage_staff_accounts_without_ever_seeing_a_secret,
    a_moderator_limited_to_a_campaign_moderates_only_that_campaign,
    the_cli_lists_and_revokes_accounts,
    staff_take_a_photo_down_as_a_withdrawal_would_audited_with_actor_and_reason,
    operators_list_campaigns_and_contests_with_their_counts,
);

async fn post(
    app: &TestApp,
    token: &str,
    path: &str,
    body: serde_json::Value,
) -> reqwest::Response {
    app.http()
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("post")
}

/// The status a token gets on a moderator's route: 200 while it works, 401 after.
async fn moderator_status(app: &TestApp, token: &str) -> u16 {
    app.http()
        .get(app.url("/api/v1/moderation/photos"))
        .bearer_auth(token)
        .send()
        .await
        .expect("get")
        .status()
        .as_u16()
}

async fn admins_manage_staff_accounts_without_ever_seeing_a_secret(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "ana").await;
    let resp = post(
        &app,
        &admin,
        "/api/v1/admin/staff",
        serde_json::json!({"name": "Mo", "role": "moderator"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let created: serde_json::Value = resp.json().await.expect("json");
    let token = created["token"]
        .as_str()
        .expect("the token, once")
        .to_owned();
    assert!(token.starts_with("plc_"), "{created}");
    let id = created["id"].as_str().expect("id").to_owned();
    assert_eq!(created["role"], "moderator");
    assert_eq!(created["campaigns"], serde_json::json!([]));
    assert_eq!(moderator_status(&app, &token).await, 200);

    let list = app.get_json(&admin, "/api/v1/admin/staff").await;
    let text = list.to_string();
    assert!(
        !text.contains(&token) && !text.contains("token"),
        "a secret in the list: {text}"
    );
    let names: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert_eq!(names, ["ana", "Mo"]);
    assert!(
        list["items"][1]["last_seen_at"].is_string(),
        "the moderator used the token: {list}"
    );

    // Mistakes: each with its code, nothing created.
    for (body, status, code) in [
        (
            serde_json::json!({"name": "mo", "role": "moderator"}),
            201,
            "",
        ),
        (
            serde_json::json!({"name": "Mo", "role": "judge"}),
            409,
            "conflict",
        ),
        (
            serde_json::json!({"name": "", "role": "judge"}),
            400,
            "invalid_field",
        ),
        (
            serde_json::json!({"name": "Jo", "role": "owner"}),
            400,
            "invalid_field",
        ),
        (
            serde_json::json!({"name": "Jo", "role": "judge", "campaigns": ["sdp"]}),
            400,
            "invalid_field",
        ),
        (
            serde_json::json!({"name": "Jo", "role": "moderator", "campaigns": ["nope"]}),
            400,
            "invalid_field",
        ),
        (
            serde_json::json!({"name": "Jo", "role": "moderator", "token": "mine"}),
            400,
            "invalid_field",
        ),
    ] {
        let resp = post(&app, &admin, "/api/v1/admin/staff", body.clone()).await;
        if status == 201 {
            assert_eq!(resp.status(), 201, "names differ by case: {body}");
            continue;
        }
        assert_eq!(error_code(resp).await, (status, code.to_owned()), "{body}");
    }
    let count = app.get_json(&admin, "/api/v1/admin/staff").await["items"]
        .as_array()
        .map(Vec::len);
    assert_eq!(count, Some(3));

    // Rotate: the new token works, the old one is 401.
    let resp = post(
        &app,
        &admin,
        &format!("/api/v1/admin/staff/{id}/rotate"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let rotated: serde_json::Value = resp.json().await.expect("json");
    let fresh = rotated["token"].as_str().expect("a new token").to_owned();
    assert_ne!(fresh, token);
    assert_eq!(
        moderator_status(&app, &token).await,
        401,
        "the old token after rotation"
    );
    assert_eq!(moderator_status(&app, &fresh).await, 200);

    // Revoke: 401 from the next request on; a revoked account cannot be rotated back.
    let resp = post(
        &app,
        &admin,
        &format!("/api/v1/admin/staff/{id}/revoke"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let revoked: serde_json::Value = resp.json().await.expect("json");
    assert!(revoked["revoked_at"].is_string(), "{revoked}");
    assert_eq!(moderator_status(&app, &fresh).await, 401, "a revoked token");
    let resp = post(
        &app,
        &admin,
        &format!("/api/v1/admin/staff/{id}/rotate"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(error_code(resp).await, (409, "revoked".to_owned()));
    let unknown = uuid::Uuid::now_v7();
    let resp = post(
        &app,
        &admin,
        &format!("/api/v1/admin/staff/{unknown}/revoke"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(error_code(resp).await, (404, "not_found".to_owned()));
    // An admin cannot lock themself out.
    let accounts = app.get_json(&admin, "/api/v1/admin/staff").await;
    let own = accounts["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|a| a["role"] == "admin")
        .expect("the admin")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let resp = post(
        &app,
        &admin,
        &format!("/api/v1/admin/staff/{own}/revoke"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(error_code(resp).await, (409, "own_account".to_owned()));

    // Other roles may not manage staff.
    let judge = app.create_user("judge", "jude").await;
    let resp = app
        .http()
        .get(app.url("/api/v1/admin/staff"))
        .bearer_auth(&judge)
        .send()
        .await
        .expect("get");
    assert_eq!(error_code(resp).await, (403, "forbidden".to_owned()));
    let resp = app
        .http()
        .get(app.url("/api/v1/admin/staff"))
        .send()
        .await
        .expect("get");
    assert_eq!(error_code(resp).await, (401, "unauthenticated".to_owned()));

    // Audited with the admin who acted.
    let audit = app
        .get_json(&admin, "/api/v1/moderation/audit?limit=200")
        .await;
    let actions: Vec<(String, String)> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["subject_type"] == "staff")
        .map(|e| {
            (
                e["action"].as_str().unwrap_or_default().to_owned(),
                e["actor"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    for action in ["staff.create", "staff.rotate", "staff.revoke"] {
        assert!(
            actions.contains(&(action.to_owned(), "ana".to_owned())),
            "{action}: {actions:?}"
        );
    }
    assert!(app.stop().await);
}

async fn a_moderator_limited_to_a_campaign_moderates_only_that_campaign(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "ana").await;
    for slug in ["north", "south"] {
        app.create_campaign(&admin, slug, serde_json::json!({}))
            .await;
    }
    let north = app
        .upload_fixture("north", "ladybird-2560x1600.jpg", &[])
        .await;
    let south = app
        .upload_fixture("south", "dragonfly-4224x3168.jpg", &[])
        .await;
    app.run_pending_jobs().await;
    let resp = post(
        &app,
        &admin,
        "/api/v1/admin/staff",
        serde_json::json!({"name": "Mo", "role": "moderator", "campaigns": ["north"]}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let created: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(created["campaigns"], serde_json::json!(["north"]));
    let mo = created["token"].as_str().expect("token").to_owned();

    let get = |path: String, token: String| {
        let req = app.http().get(app.url(&path)).bearer_auth(token);
        async move { req.send().await.expect("get") }
    };
    let decide = |up: &Uploaded| format!("/api/v1/moderation/photos/{}/decision", up.id);
    let approve = serde_json::json!({"decision": "approve"});

    // Its own campaign: as any moderator.
    assert_eq!(
        get(
            "/api/v1/moderation/photos?campaign=north".into(),
            mo.clone()
        )
        .await
        .status(),
        200
    );
    let resp = post(
        &app,
        &mo,
        "/api/v1/moderation/photos/next?campaign=north",
        serde_json::json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        post(&app, &mo, &decide(&north), approve.clone())
            .await
            .status(),
        200
    );
    // Any other: 403 on every moderation route, and `next` hands out nothing of it.
    for resp in [
        get(
            "/api/v1/moderation/photos?campaign=south".into(),
            mo.clone(),
        )
        .await,
        get("/api/v1/moderation/photos".into(), mo.clone()).await,
        get(
            format!("/api/v1/moderation/photos/{}/original", south.id),
            mo.clone(),
        )
        .await,
        post(
            &app,
            &mo,
            "/api/v1/moderation/photos/next?campaign=south",
            serde_json::json!({}),
        )
        .await,
        post(&app, &mo, &decide(&south), approve.clone()).await,
        post(
            &app,
            &mo,
            &format!("/api/v1/moderation/photos/{}/reopen", south.id),
            serde_json::json!({}),
        )
        .await,
    ] {
        let url = resp.url().to_string();
        assert_eq!(
            error_code(resp).await,
            (403, "forbidden".to_owned()),
            "{url}"
        );
    }
    let bulk = post(
        &app,
        &mo,
        "/api/v1/moderation/photos/decisions",
        serde_json::json!({"ids": [south.id], "decision": "approve"}),
    )
    .await;
    let bulk: serde_json::Value = bulk.json().await.expect("json");
    assert_eq!(bulk["results"][0]["outcome"], "forbidden", "{bulk}");
    assert_eq!(
        app.photo_status(&south).await["status"],
        "pending_review",
        "untouched"
    );
    // The admin widens the scope: from the next request on, south is theirs too.
    let id = created["id"].as_str().expect("id").to_owned();
    let put_scope = |body: serde_json::Value| {
        app.http()
            .put(app.url(&format!("/api/v1/admin/staff/{id}/campaigns")))
            .bearer_auth(&admin)
            .json(&body)
            .send()
    };
    let resp = put_scope(serde_json::json!({"campaigns": ["north", "nowhere"]}))
        .await
        .expect("put");
    assert_eq!(error_code(resp).await, (400, "invalid_field".to_owned()));
    let resp = put_scope(serde_json::json!({"campaigns": ["north", "south"]}))
        .await
        .expect("put");
    assert_eq!(resp.status(), 200);
    let changed: serde_json::Value = resp.json().await.expect("json");
    assert_eq!(changed["campaigns"], serde_json::json!(["north", "south"]));
    assert_eq!(
        get(
            "/api/v1/moderation/photos?campaign=south".into(),
            mo.clone()
        )
        .await
        .status(),
        200
    );
    let resp = put_scope(serde_json::json!({"campaigns": ["north"]}))
        .await
        .expect("put");
    assert_eq!(resp.status(), 200);
    assert_eq!(
        get(
            "/api/v1/moderation/photos?campaign=south".into(),
            mo.clone()
        )
        .await
        .status(),
        403,
        "narrowed again"
    );
    let judge = post(
        &app,
        &admin,
        "/api/v1/admin/staff",
        serde_json::json!({"name": "Jo", "role": "judge"}),
    )
    .await;
    let judge: serde_json::Value = judge.json().await.expect("json");
    let resp = app
        .http()
        .put(app.url(&format!(
            "/api/v1/admin/staff/{}/campaigns",
            judge["id"].as_str().expect("id")
        )))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"campaigns": ["north"]}))
        .send()
        .await
        .expect("put");
    assert_eq!(error_code(resp).await, (409, "not_a_moderator".to_owned()));
    let audit = app.get_json(&admin, "/api/v1/moderation/audit").await;
    assert_eq!(
        audit["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|e| e["action"] == "staff.scope" && e["actor"] == "ana")
            .count(),
        2
    );

    // The admin, and an unlimited moderator, moderate every campaign.
    let other = app.create_user("moderator", "free").await;
    assert_eq!(
        get("/api/v1/moderation/photos".into(), other.clone())
            .await
            .status(),
        200
    );
    assert_eq!(
        post(&app, &other, &decide(&south), approve.clone())
            .await
            .status(),
        200
    );
    assert_eq!(
        get(
            format!("/api/v1/moderation/photos/{}/original", south.id),
            admin.clone()
        )
        .await
        .status(),
        200
    );
    assert!(app.stop().await);
}

async fn the_cli_lists_and_revokes_accounts(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let env = &app.env;
    let token = env.create_user("moderator", "Mo").await;
    env.create_user("judge", "Jude").await;
    let out = env.cli(&["user", "list"]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        list.contains("Mo\tmoderator\tall") && list.contains("Jude\tjudge"),
        "{list}"
    );
    assert!(!list.contains(&token), "a token in the list");
    assert_eq!(moderator_status(&app, &token).await, 200);
    let out = env.cli(&["user", "revoke", "--name", "Mo"]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(moderator_status(&app, &token).await, 401);
    let out = env.cli(&["user", "revoke", "--name", "Nobody"]).await;
    assert!(!out.status.success(), "revoking an unknown name fails");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nobody"));
    assert!(app.stop().await);
}

async fn staff_take_a_photo_down_as_a_withdrawal_would_audited_with_actor_and_reason(
    d: Deployment,
) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "ana").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let up = app
        .upload_fixture("sdp", "ladybird-2560x1600.jpg", &[("display_name", "Zoë")])
        .await;
    app.run_pending_jobs().await;
    let moderator = app.create_user("moderator", "mo").await;
    let path = format!("/api/v1/moderation/photos/{}", up.id);
    let take_down = |token: &str, body: serde_json::Value| {
        let req = app
            .http()
            .delete(app.url(&path))
            .bearer_auth(token)
            .json(&body);
        async move { req.send().await.expect("delete") }
    };
    // A reason is required, and short.
    for bad in [
        serde_json::json!({"reason": "   "}),
        serde_json::json!({"reason": "x".repeat(201)}),
        serde_json::json!({}),
    ] {
        let resp = take_down(&moderator, bad.clone()).await;
        assert_eq!(
            error_code(resp).await,
            (400, "invalid_field".to_owned()),
            "{bad}"
        );
    }
    let judge = app.create_user("judge", "jude").await;
    let resp = take_down(&judge, serde_json::json!({"reason": "legal"})).await;
    assert_eq!(error_code(resp).await, (403, "forbidden".to_owned()));
    assert_eq!(
        app.photo_status(&up).await["status"],
        "pending_review",
        "untouched so far"
    );

    let resp = take_down(
        &moderator,
        serde_json::json!({"reason": "third-party complaint"}),
    )
    .await;
    assert_eq!(resp.status(), 204);
    // As a withdrawal: the receipt answers 404, no object and no personal field remain.
    let resp = app
        .http()
        .get(app.url(&format!("/api/v1/photos/{}", up.id)))
        .bearer_auth(&up.receipt)
        .send()
        .await
        .expect("status");
    assert_eq!(resp.status(), 404);
    assert!(app
        .env
        .objects
        .store
        .list("")
        .await
        .expect("list")
        .is_empty());
    let names = app
        .store
        .count("SELECT COUNT(*) FROM photos WHERE display_name IS NOT NULL")
        .await
        .expect("count");
    assert_eq!(names, 0);
    let again = take_down(&moderator, serde_json::json!({"reason": "legal"})).await;
    assert_eq!(error_code(again).await, (404, "not_found".to_owned()));
    let audit = app
        .get_json(&admin, "/api/v1/moderation/audit?limit=200")
        .await;
    let entry = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|e| e["action"] == "photo.takedown")
        .cloned()
        .unwrap_or_else(|| panic!("no takedown entry: {audit}"));
    assert_eq!(entry["actor"], "mo");
    assert_eq!(
        entry["details"],
        serde_json::json!({"reason": "third-party complaint"})
    );
    assert!(app.stop().await);
}

async fn operators_list_campaigns_and_contests_with_their_counts(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "ana").await;
    for slug in ["first", "second", "third"] {
        app.create_campaign(&admin, slug, serde_json::json!({}))
            .await;
        app.advance(chrono::TimeDelta::seconds(1));
    }
    app.upload_fixture("second", "ladybird-2560x1600.jpg", &[])
        .await;
    app.upload_fixture("second", "dragonfly-4224x3168.jpg", &[])
        .await;
    app.run_pending_jobs().await;
    app.upload_fixture("second", "aitzgorri-rotated8-gps.jpg", &[])
        .await;
    app.create_contest(&admin, "slogans", 3600, 7200, serde_json::json!({}))
        .await;
    assert_eq!(
        app.enter("slogans", "Support, don't punish").await.status(),
        201
    );

    // Newest first, two to a page, then the rest.
    let page = app
        .get_json(&admin, "/api/v1/admin/campaigns?limit=2")
        .await;
    let slugs: Vec<&str> = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["slug"].as_str())
        .collect();
    assert_eq!(slugs, ["third", "second"]);
    let second = &page["items"][1];
    assert_eq!(
        second["counts"],
        serde_json::json!({"received": 1, "processing": 0, "pending_review": 2, "approved": 0, "rejected": 0, "failed": 0})
    );
    assert_eq!(second["state"], "open");
    assert!(second["oldest_pending_at"].is_string(), "{second}");
    assert_eq!(page["items"][0]["counts"]["received"], 0);
    assert!(page["items"][0]["oldest_pending_at"].is_null());
    let cursor = page["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_owned();
    let rest = app
        .get_json(
            &admin,
            &format!("/api/v1/admin/campaigns?limit=2&cursor={cursor}"),
        )
        .await;
    assert_eq!(rest["items"][0]["slug"], "first");
    assert!(rest["next_cursor"].is_null());

    let contests = app.get_json(&admin, "/api/v1/admin/contests").await;
    assert_eq!(contests["items"][0]["slug"], "slogans");
    assert_eq!(
        contests["items"][0]["counts"],
        serde_json::json!({"pending_review": 1, "approved": 0, "rejected": 0})
    );
    let moderator = app.create_user("moderator", "mo").await;
    let resp = app
        .http()
        .get(app.url("/api/v1/admin/campaigns"))
        .bearer_auth(&moderator)
        .send()
        .await
        .expect("get");
    assert_eq!(error_code(resp).await, (403, "forbidden".to_owned()));
    let resp = app
        .http()
        .get(app.url("/api/v1/admin/campaigns?cursor=nonsense"))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("get");
    assert_eq!(error_code(resp).await.0, 400);
    assert!(app.stop().await);
}
