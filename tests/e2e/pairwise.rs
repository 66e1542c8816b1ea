//! Pairwise judging and the judges' report, on both deployments: a contest judged by
//! comparing two slogans (the next pair served until none is left, skips, refusals), the
//! ranking from the Bradley–Terry fit with intervals, the mode fixed once judging began, the
//! judges' report with leniency, agreement, under-judged entries and pace (also as metrics),
//! and the published manifest carrying every comparison.

use chrono::TimeDelta;
use placard_e2e::{error_code, on_both_deployments, Api, Deployment, TestApp};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::time::Duration;

on_both_deployments!(
    a_pairwise_contest_is_judged_pair_by_pair_and_ranked_by_the_fit,
    the_judges_report_shows_leniency_agreement_and_coverage,
);

const SLOGANS: [&str; 4] = [
    "Support, don't punish",
    "Health not handcuffs",
    "Care over cages",
    "Treatment, not jail",
];

/// A contest with the four slogans approved; their ids, best (by the judges' taste) first.
async fn contest_with_entries(app: &TestApp, admin: &str, slug: &str, extra: Value) -> Vec<String> {
    let moderator = app.create_user("moderator", &format!("mo-{slug}")).await;
    app.create_contest(admin, slug, 4, 3600, extra).await;
    let mut ids = Vec::new();
    for s in SLOGANS {
        let r: Value = app.enter(slug, s).await.json().await.expect("json");
        ids.push(r["id"].as_str().expect("id").to_owned());
    }
    app.approve_pending_entries(&moderator, slug).await;
    app.advance(TimeDelta::seconds(5));
    ids
}

async fn a_pairwise_contest_is_judged_pair_by_pair_and_ranked_by_the_fit(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    let ana = app.create_user("judge", "ana").await;
    let ben = app.create_user("judge", "ben").await;
    let ids = contest_with_entries(
        &app,
        &admin,
        "pairs",
        json!({"judging_mode": "pairwise", "min_judgements": 2}),
    )
    .await;
    let contest = app.public_json("/api/v1/contests/pairs").await;
    assert_eq!(contest["judging_mode"], "pairwise");
    assert_eq!(contest["min_judgements"], 2);
    let base = "/api/v1/judging/contests/pairs";
    let post = |token: &str, path: &str, body: Value| {
        app.http()
            .post(app.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
    };
    let rank_of = |id: &str| ids.iter().position(|x| x == id).expect("known id");

    // Ana compares every pair she is served, always for the earlier slogan, until none is
    // left: each of the six pairs once.
    let mut seen = HashSet::new();
    loop {
        let r = app
            .http()
            .get(app.url(&format!("{base}/pair")))
            .bearer_auth(&ana)
            .send()
            .await
            .expect("pair");
        if r.status() == 204 {
            break;
        }
        assert_eq!(r.status(), 200);
        let pair: Value = r.json().await.expect("json");
        let (a, b) = (
            pair["a"]["id"].as_str().expect("a").to_owned(),
            pair["b"]["id"].as_str().expect("b").to_owned(),
        );
        assert!(pair["a"]["slogan"].is_string() && pair["a"].get("author_name").is_none());
        let key = if a < b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        };
        assert!(seen.insert(key), "a pair served twice: {pair}");
        let (winner, loser) = if rank_of(&a) < rank_of(&b) {
            (a, b)
        } else {
            (b, a)
        };
        let r = post(
            &ana,
            &format!("{base}/pair"),
            json!({"winner": winner, "loser": loser}),
        )
        .await
        .expect("verdict");
        assert_eq!(r.status(), 200);
        assert!(seen.len() <= 6, "more pairs than there are");
    }
    assert_eq!(seen.len(), 6);

    // Ben skips the first pair he is served: it does not come back.
    let first: Value = app.read_json(Some(&ben), &format!("{base}/pair")).await;
    let r = post(
        &ben,
        &format!("{base}/pair/skip"),
        json!({"a": first["a"]["id"], "b": first["b"]["id"]}),
    )
    .await
    .expect("skip");
    assert_eq!(r.status(), 200);
    let second: Value = app.read_json(Some(&ben), &format!("{base}/pair")).await;
    let ids_of = |p: &Value| {
        let mut v = [p["a"]["id"].to_string(), p["b"]["id"].to_string()];
        v.sort();
        v
    };
    assert_ne!(ids_of(&first), ids_of(&second), "a skipped pair came back");

    // Refusals: the same entry twice, an unknown entry, a score in a pairwise contest, a
    // moderator, malformed JSON. None records anything.
    let one = &ids[0];
    let cases = [
        (json!({"winner": one, "loser": one}), 422, "invalid_pair"),
        (
            json!({"winner": one, "loser": "01234567-89ab-cdef-0123-456789abcdef"}),
            404,
            "not_found",
        ),
        (json!({"winner": one}), 400, "invalid_field"),
    ];
    for (body, status, code) in cases {
        let r = post(&ben, &format!("{base}/pair"), body)
            .await
            .expect("post");
        assert_eq!(error_code(r).await, (status, code.to_owned()));
    }
    let r = app
        .http()
        .put(app.url(&format!("{base}/entries/{one}/score")))
        .bearer_auth(&ben)
        .json(&json!({"score": 7}))
        .send()
        .await
        .expect("score");
    assert_eq!(error_code(r).await, (409, "wrong_judging_mode".into()));

    // The ranking: the fit puts the slogans in Ana's order, each with an interval around
    // its score.
    let ranking = app
        .read_json(Some(&admin), &format!("{base}/ranking"))
        .await;
    let items = ranking["items"].as_array().expect("items");
    let order: Vec<&str> = items.iter().filter_map(|i| i["id"].as_str()).collect();
    assert_eq!(order, ids.iter().map(String::as_str).collect::<Vec<_>>());
    for i in items {
        let (s, lo, hi) = (
            i["score"].as_f64().expect("score"),
            i["interval"][0].as_f64().expect("low"),
            i["interval"][1].as_f64().expect("high"),
        );
        assert!(lo < s && s < hi, "{i}");
    }

    // The mode is fixed now that judging has begun.
    let r = app
        .http()
        .patch(app.url("/api/v1/admin/contests/pairs"))
        .bearer_auth(&admin)
        .json(&json!({"judging_mode": "scores"}))
        .send()
        .await
        .expect("patch");
    assert_eq!(error_code(r).await, (409, "judging_begun".into()));
    let r = app
        .http()
        .patch(app.url("/api/v1/admin/contests/pairs"))
        .bearer_auth(&admin)
        .json(&json!({"min_judgements": 0}))
        .send()
        .await
        .expect("patch");
    assert_eq!(error_code(r).await, (400, "invalid_field".into()));

    // Announced: the manifest holds every comparison (judges as pseudonyms) and the
    // pairwise method with its constants; pairs are no longer served.
    app.advance(TimeDelta::seconds(3600));
    let results = app.wait_announced("pairs", Duration::ZERO).await;
    assert_eq!(results["winner"]["id"], ids[0].as_str());
    let manifest = app
        .public_json("/api/v1/contests/pairs/results/manifest")
        .await;
    assert_eq!(manifest["method"]["name"], "pairwise/bradley-terry-mle");
    assert!(manifest["method"]["parameters"]["prior_wins"].is_number());
    let comparisons = manifest["comparisons"].as_array().expect("comparisons");
    assert_eq!(comparisons.len(), 6, "{manifest}");
    assert!(comparisons
        .iter()
        .all(|c| c["judge"].as_str().is_some_and(|j| j.starts_with("judge-"))));
    assert!(!manifest.to_string().contains("ana"));
    let r = app
        .http()
        .get(app.url(&format!("{base}/pair")))
        .bearer_auth(&ben)
        .send()
        .await
        .expect("pair");
    assert_eq!(r.status(), 204);
    let r = post(
        &ben,
        &format!("{base}/pair"),
        json!({"winner": ids[0], "loser": ids[1]}),
    )
    .await
    .expect("post");
    assert_eq!(error_code(r).await, (409, "judging_closed".into()));
    app.stop().await;
}

async fn the_judges_report_shows_leniency_agreement_and_coverage(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    let judges = [
        app.create_user("judge", "ana").await,
        app.create_user("judge", "ben").await,
        app.create_user("judge", "cai").await,
        app.create_user("judge", "dee").await,
    ];
    let ids = contest_with_entries(&app, &admin, "scored", json!({})).await;
    let base = "/api/v1/judging/contests/scored";
    // A scores contest serves no pairs.
    let r = app
        .http()
        .get(app.url(&format!("{base}/pair")))
        .bearer_auth(&judges[0])
        .send()
        .await
        .expect("pair");
    assert_eq!(error_code(r).await, (409, "wrong_judging_mode".into()));
    // Ana and Ben agree on the order, Ben two points more generous; Cai reverses it; Dee
    // scores only the first two slogans. Default min_judgements is 3.
    let plan: [(usize, &[u64]); 4] = [
        (0, &[8, 6, 4, 2]),
        (1, &[10, 8, 6, 4]),
        (2, &[2, 4, 6, 8]),
        (3, &[9, 7]),
    ];
    for (j, scores) in plan {
        for (id, s) in ids.iter().zip(scores.iter()) {
            let r = app
                .http()
                .put(app.url(&format!("{base}/entries/{id}/score")))
                .bearer_auth(&judges[j])
                .json(&json!({ "score": s }))
                .send()
                .await
                .expect("score");
            assert_eq!(r.status(), 200);
        }
    }
    let report = app.read_json(Some(&admin), &format!("{base}/judges")).await;
    let row = |name: &str| {
        report["judges"]
            .as_array()
            .expect("judges")
            .iter()
            .find(|j| j["judge"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} missing from {report}"))
    };
    assert_eq!(row("ana")["judged"], 4);
    assert_eq!(row("dee")["judged"], 2);
    let lenient = |n: &str| row(n)["leniency"].as_f64().expect("leniency");
    assert!(lenient("ben") > lenient("ana"), "{report}");
    assert!(lenient("ben") > 0.0);
    let agreement = |n: &str| row(n)["agreement"].as_f64().expect("agreement");
    assert!(agreement("cai") < 0.0 && agreement("ana") > 0.0, "{report}");
    assert_eq!(report["min_judgements"], 3);
    // Slogans 3 and 4 have three scores each, 1 and 2 four: none under 3.
    assert_eq!(report["under_judged"], json!([]), "{report}");
    assert_eq!(report["coverage"]["needed"], 0);
    assert_eq!(report["coverage"]["on_pace"], true);

    // Raise the bar to 4: slogans 3 and 4 are one short each; the pace of the last hour
    // (14 scores) covers 2 in the hour left.
    let r = app
        .http()
        .patch(app.url("/api/v1/admin/contests/scored"))
        .bearer_auth(&admin)
        .json(&json!({"min_judgements": 4}))
        .send()
        .await
        .expect("patch");
    assert_eq!(r.status(), 200);
    let report = app.read_json(Some(&admin), &format!("{base}/judges")).await;
    let under: Vec<(&str, i64)> = report["under_judged"]
        .as_array()
        .expect("under")
        .iter()
        .map(|u| {
            (
                u["id"].as_str().expect("id"),
                u["judgements"].as_i64().expect("n"),
            )
        })
        .collect();
    assert_eq!(under, vec![(ids[2].as_str(), 3), (ids[3].as_str(), 3)]);
    assert_eq!(report["coverage"]["needed"], 2);
    assert_eq!(report["coverage"]["on_pace"], true);
    let metrics = app.metrics().await;
    assert!(
        metrics.contains("placard_judging_under_judged{contest=\"scored\"} 2")
            && metrics.contains("placard_judging_needed{contest=\"scored\"} 2")
            && metrics.contains("placard_judging_on_pace{contest=\"scored\"} 1"),
        "{metrics}"
    );
    // A day later and nobody judged since: the pace is zero, and the alert's gauge says so.
    let r = app
        .http()
        .patch(app.url("/api/v1/admin/contests/scored"))
        .bearer_auth(&admin)
        .json(&json!({"announce_at": (app.now() + TimeDelta::days(3)).to_rfc3339()}))
        .send()
        .await
        .expect("patch");
    assert_eq!(r.status(), 200);
    app.advance(TimeDelta::days(2));
    let report = app.read_json(Some(&admin), &format!("{base}/judges")).await;
    assert_eq!(report["coverage"]["on_pace"], false, "{report}");
    assert_eq!(report["coverage"]["per_hour"], 0.0);
    // Judges do not see it.
    let r = app
        .http()
        .get(app.url(&format!("{base}/judges")))
        .bearer_auth(&judges[0])
        .send()
        .await
        .expect("judges");
    assert_eq!(error_code(r).await.0, 403);
    app.stop().await;
}
