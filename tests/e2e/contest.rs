//! The slogan contest end to end on both deployments, in process with the app's clock moved
//! rather than waited for: entries and their deduplication, the deadline to the second,
//! blind calibrated judging, and an announcement published exactly once — by racing
//! scheduler passes, and after downtime. (Several scheduler *processes* racing are in
//! `scale`.)

use chrono::{DateTime, TimeDelta, Utc};
use placard_e2e::{error_code, on_both_deployments, Api, Deployment, TestApp};

on_both_deployments!(
    entries_are_deduplicated_and_close_on_time,
    judges_rank_blind_and_racing_scheduler_passes_announce_once,
    an_announcement_missed_while_down_is_caught_up,
);

fn at(t: DateTime<Utc>) -> String {
    t.to_rfc3339()
}

async fn entries_are_deduplicated_and_close_on_time(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    let now = app.clock.now();
    // The order must be right.
    let bad = serde_json::json!({"slug": "bad", "title": "x", "entries_close_at": at(now + TimeDelta::hours(2)), "announce_at": at(now + TimeDelta::hours(1))});
    let r = app
        .client
        .post(app.url("/api/v1/admin/contests"))
        .bearer_auth(&admin)
        .json(&bad)
        .send()
        .await
        .expect("create");
    assert_eq!(error_code(r).await, (422, "invalid_timeline".into()));
    let close = now + TimeDelta::seconds(3);
    let body = serde_json::json!({"slug": "slogans", "title": "K", "entries_close_at": close.to_rfc3339(), "announce_at": at(now + TimeDelta::hours(1))});
    assert_eq!(
        app.client
            .post(app.url("/api/v1/admin/contests"))
            .bearer_auth(&admin)
            .json(&body)
            .send()
            .await
            .expect("create")
            .status(),
        201
    );

    let first = app.enter("slogans", "Support, don't punish").await;
    assert_eq!(first.status(), 201);
    let receipt: serde_json::Value = first.json().await.expect("json");
    assert_eq!(receipt["status"], "pending_review");
    for dup in [
        "SUPPORT DONT PUNISH!!",
        "ＳＵＰＰＯＲＴ　ＤＯＮ'Ｔ　ＰＵＮＩＳＨ",
    ] {
        assert_eq!(
            error_code(app.enter("slogans", dup).await).await,
            (409, "duplicate_entry".into()),
            "{dup}"
        );
    }
    let racing = futures_util::future::join_all(
        (0..2).map(|_| app.enter("slogans", "Treatment, not prison")),
    )
    .await;
    let created = racing.iter().filter(|r| r.status() == 201).count();
    assert_eq!(
        created, 1,
        "two concurrent submissions of one slogan: exactly one 201"
    );
    assert_eq!(
        error_code(app.enter("slogans", "no").await).await,
        (422, "invalid_slogan".into())
    );
    let no_consent = app
        .client
        .post(app.url("/api/v1/contests/slogans/entries"))
        .json(&serde_json::json!({"slogan": "Hello there", "author_name": "A"}))
        .send()
        .await
        .expect("enter");
    assert_eq!(
        error_code(no_consent).await,
        (400, "consent_required".into())
    );
    // A required name of nothing but a zero-width space is missing, not given.
    let invisible_author = app
        .client
        .post(app.url("/api/v1/contests/slogans/entries"))
        .json(&serde_json::json!({"slogan": "Health, not handcuffs", "author_name": "\u{200B}", "consent": true}))
        .send()
        .await
        .expect("enter");
    assert_eq!(
        error_code(invisible_author).await,
        (400, "invalid_field".into())
    );
    // One second before the deadline: accepted. One second after: refused.
    app.set_time(close - TimeDelta::seconds(1));
    assert_eq!(
        app.enter("slogans", "Just before the deadline")
            .await
            .status(),
        201
    );
    app.set_time(close + TimeDelta::seconds(1));
    assert_eq!(
        error_code(app.enter("slogans", "Just after the deadline").await).await,
        (409, "entries_closed".into())
    );
    // The supporter's receipt reaches their entry, and withdraws it.
    let id = receipt["id"].as_str().expect("id");
    let token = receipt["receipt_token"].as_str().expect("token");
    let own = app
        .client
        .get(app.url(&format!("/api/v1/entries/{id}")))
        .bearer_auth(token)
        .send()
        .await
        .expect("get");
    assert_eq!(own.status(), 200);
    let gone = app
        .client
        .delete(app.url(&format!("/api/v1/entries/{id}")))
        .bearer_auth(token)
        .send()
        .await
        .expect("delete");
    assert_eq!(gone.status(), 204);
    let after = app
        .client
        .get(app.url(&format!("/api/v1/entries/{id}")))
        .bearer_auth(token)
        .send()
        .await
        .expect("get");
    assert_eq!(error_code(after).await, (404, "not_found".into()));
    app.stop().await;
}

async fn judges_rank_blind_and_racing_scheduler_passes_announce_once(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    let moderator = app.create_user("moderator", "mo").await;
    let harsh = app.create_user("judge", "harsh").await;
    let lenient = app.create_user("judge", "lenient").await;
    app.create_contest(&admin, "slogans", 4, 10, serde_json::json!({}))
        .await;
    let slogans = [
        "First slogan",
        "Second slogan",
        "Third slogan",
        "Fourth slogan",
    ];
    let mut ids = Vec::new();
    for s in slogans {
        let r: serde_json::Value = app.enter("slogans", s).await.json().await.expect("json");
        ids.push(r["id"].as_str().expect("id").to_owned());
    }
    for id in &ids {
        let r = app
            .client
            .post(app.url(&format!("/api/v1/moderation/entries/{id}/decision")))
            .bearer_auth(&moderator)
            .json(&serde_json::json!({"decision": "approve"}))
            .send()
            .await
            .expect("approve");
        assert_eq!(r.status(), 200);
    }
    let blind: serde_json::Value = app
        .client
        .get(app.url("/api/v1/judging/contests/slogans/entries"))
        .bearer_auth(&harsh)
        .send()
        .await
        .expect("blind")
        .json()
        .await
        .expect("json");
    let first = &blind["items"][0];
    assert!(
        first.get("author_name").is_none() && first.get("email").is_none(),
        "blind: {first}"
    );
    assert!(first["my_score"].is_null());
    let score = |judge: &str, id: &str, score: serde_json::Value| {
        app.client
            .put(app.url(&format!(
                "/api/v1/judging/contests/slogans/entries/{id}/score"
            )))
            .bearer_auth(judge)
            .json(&serde_json::json!({"score": score}))
            .send()
    };
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(
            score(&harsh, id, (1 + i as u64).into())
                .await
                .expect("score")
                .status(),
            200
        );
        assert_eq!(
            score(&harsh, id, (4 - i as u64).into())
                .await
                .expect("score")
                .status(),
            200,
            "replaces"
        );
        assert_eq!(
            score(&lenient, id, [8u64, 10, 2, 1][i].into())
                .await
                .expect("score")
                .status(),
            200
        );
    }
    for bad in [
        serde_json::json!(0),
        serde_json::json!(11),
        serde_json::json!(5.5),
        serde_json::json!("7"),
    ] {
        assert_eq!(
            error_code(score(&harsh, &ids[0], bad).await.expect("score")).await,
            (422, "invalid_score".into())
        );
    }
    let moderator_scores = score(&moderator, &ids[0], 5.into()).await.expect("score");
    assert_eq!(
        error_code(moderator_scores).await.0,
        403,
        "only judges judge"
    );
    let ranking: serde_json::Value = app
        .client
        .get(app.url("/api/v1/judging/contests/slogans/ranking"))
        .bearer_auth(&lenient)
        .send()
        .await
        .expect("ranking")
        .json()
        .await
        .expect("json");
    let order: Vec<&str> = ranking["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        order,
        ids.iter().map(String::as_str).collect::<Vec<_>>(),
        "calibrated: 4-3-2-1 and 8-10-2-1 put the first first; a raw average would put the second"
    );
    let shortlisted = ranking["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|r| r["shortlisted"] == true)
        .count();
    assert_eq!(shortlisted, 3, "top shortlist_size");

    // A pass before announce_at announces nothing.
    app.run_scheduler().await;
    let before: serde_json::Value = app.public_json("/api/v1/contests/slogans/results").await;
    assert_eq!(before["announced"], false);
    // Past announce_at, two passes race for the announcement.
    app.advance(TimeDelta::seconds(11));
    futures_util::future::join(app.run_scheduler(), app.run_scheduler()).await;
    let results: serde_json::Value = app.public_json("/api/v1/contests/slogans/results").await;
    assert_eq!(results["announced"], true);
    let announced_at: DateTime<Utc> = results["announced_at"]
        .as_str()
        .expect("announced_at")
        .parse()
        .expect("time");
    let due: DateTime<Utc> = app
        .client
        .get(app.url("/api/v1/contests/slogans"))
        .send()
        .await
        .expect("contest")
        .json::<serde_json::Value>()
        .await
        .expect("json")["announce_at"]
        .as_str()
        .expect("announce_at")
        .parse()
        .expect("time");
    assert_eq!(
        announced_at,
        app.clock.now(),
        "announced at the pass that found it due (due {due})"
    );
    assert!(announced_at > due);
    assert_eq!(results["winner"]["id"], ids[0].as_str());
    assert_eq!(results["winner"]["author_name"], "Ana");
    assert_eq!(results["shortlist"].as_array().map(Vec::len), Some(3));
    // More passes, later: the results never move.
    app.advance(TimeDelta::seconds(3));
    futures_util::future::join(app.run_scheduler(), app.run_scheduler()).await;
    app.run_scheduler().await;
    let again: serde_json::Value = app.public_json("/api/v1/contests/slogans/results").await;
    assert_eq!(again, results, "the results never change");
    let audit: serde_json::Value = app
        .client
        .get(app.url("/api/v1/moderation/audit?subject_type=contest"))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("audit")
        .json()
        .await
        .expect("json");
    let announcements = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["action"] == "contest.announce")
        .count();
    assert_eq!(announcements, 1, "one audit entry per announcement");
    assert_eq!(
        error_code(score(&harsh, &ids[0], 9.into()).await.expect("score")).await,
        (409, "judging_closed".into())
    );
    app.stop().await;
}

async fn an_announcement_missed_while_down_is_caught_up(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    app.create_contest(&admin, "slogans", 1, 2, serde_json::json!({}))
        .await;
    // announce_at passes (by a day) while no scheduler runs.
    app.advance(TimeDelta::days(1));
    assert_eq!(
        app.client
            .get(app.url("/api/v1/contests/slogans/results"))
            .send()
            .await
            .expect("results")
            .json::<serde_json::Value>()
            .await
            .expect("json")["announced"],
        false
    );
    // A scheduler starting catches up before its first cron tick.
    app.start_and_stop_a_scheduler().await;
    let results: serde_json::Value = app.public_json("/api/v1/contests/slogans/results").await;
    assert_eq!(
        results["announced"], true,
        "announced as the scheduler started"
    );
    assert!(results["winner"].is_null(), "no entries, no winner");
    app.stop().await;
}
