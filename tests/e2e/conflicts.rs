//! A judge who knows an entrant steps aside, on both deployments: the entry disappears from
//! their list, their score of it is withdrawn and cannot be given again, the ranking and the
//! published manifest count none of their judgements of it, and the step is audited.

use chrono::TimeDelta;
use placard_e2e::{error_code, on_both_deployments, Api, Deployment, TestApp};
use serde_json::{json, Value};
use std::time::Duration;

on_both_deployments!(a_judge_who_knows_an_entrant_steps_aside_and_their_judgements_do_not_count,);

async fn a_judge_who_knows_an_entrant_steps_aside_and_their_judgements_do_not_count(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    let moderator = app.create_user("moderator", "mo").await;
    let knows = app.create_user("judge", "knows-ana").await;
    let other = app.create_user("judge", "other").await;
    app.create_contest(&admin, "slogans", 4, 10, json!({"shortlist_size": 2}))
        .await;
    app.create_contest(&admin, "elsewhere", 4, 10, json!({}))
        .await;
    let mut ids = Vec::new();
    for s in [
        "Support, don't punish",
        "Health not handcuffs",
        "Care over cages",
    ] {
        let r: Value = app.enter("slogans", s).await.json().await.expect("json");
        ids.push(r["id"].as_str().expect("id").to_owned());
    }
    let foreign: Value = app
        .enter("elsewhere", "Somewhere else")
        .await
        .json()
        .await
        .expect("json");
    app.approve_pending_entries(&moderator, "slogans").await;
    app.approve_pending_entries(&moderator, "elsewhere").await;
    app.advance(TimeDelta::seconds(5));
    let put = |judge: &str, path: String, body: Option<Value>| {
        let mut req = app.http().put(app.url(&path)).bearer_auth(judge);
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send()
    };
    let score_path = |id: &str| format!("/api/v1/judging/contests/slogans/entries/{id}/score");
    let conflict_path =
        |id: &str| format!("/api/v1/judging/contests/slogans/entries/{id}/conflict");
    for (id, (k, o)) in ids.iter().zip([(10, 2), (1, 9), (5, 5)]) {
        for (judge, score) in [(&knows, k), (&other, o)] {
            let r = put(judge, score_path(id), Some(json!({ "score": score })))
                .await
                .expect("score");
            assert_eq!(r.status(), 200);
        }
    }
    let judges_of = |ranking: &Value, id: &str| {
        ranking["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|e| e["id"] == id)
            .map(|e| e["judges"].clone())
    };
    let ranking = app
        .read_json(Some(&admin), "/api/v1/judging/contests/slogans/ranking")
        .await;
    assert_eq!(judges_of(&ranking, &ids[0]), Some(json!(2)));

    // The first slogan is by someone the judge knows: they step aside (twice: no change).
    for _ in 0..2 {
        let r = put(&knows, conflict_path(&ids[0]), None)
            .await
            .expect("conflict");
        assert_eq!(r.status(), 200);
        let body: Value = r.json().await.expect("json");
        assert_eq!(body, json!({"id": ids[0], "conflict": true}));
    }
    let mine = app
        .read_json(Some(&knows), "/api/v1/judging/contests/slogans/entries")
        .await;
    let listed: Vec<&str> = mine["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert_eq!(
        listed,
        [ids[1].as_str(), ids[2].as_str()],
        "hidden from them"
    );
    let theirs = app
        .read_json(Some(&other), "/api/v1/judging/contests/slogans/entries")
        .await;
    assert_eq!(
        theirs["items"].as_array().map(Vec::len),
        Some(3),
        "not from others"
    );
    assert_eq!(
        error_code(
            put(&knows, score_path(&ids[0]), Some(json!({"score": 10})))
                .await
                .expect("score")
        )
        .await,
        (409, "conflicted".into())
    );
    let ranking = app
        .read_json(Some(&admin), "/api/v1/judging/contests/slogans/ranking")
        .await;
    assert_eq!(
        judges_of(&ranking, &ids[0]),
        Some(json!(1)),
        "their score is out"
    );
    let audit = app
        .read_json(
            Some(&admin),
            &format!(
                "/api/v1/moderation/audit?subject_type=entry&subject_id={}",
                ids[0]
            ),
        )
        .await;
    let steps: Vec<&Value> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|a| a["action"] == "entry.conflict")
        .collect();
    assert_eq!(steps.len(), 1, "{audit}");
    assert_eq!(steps[0]["actor"], "knows-ana");

    // Not an approved entry of this contest, or no entry at all: 404, nothing recorded.
    for id in [
        foreign["id"].as_str().expect("id"),
        "01234567-89ab-cdef-0123-456789abcdef",
    ] {
        assert_eq!(
            error_code(
                put(&knows, conflict_path(id), None)
                    .await
                    .expect("conflict")
            )
            .await,
            (404, "not_found".into())
        );
    }
    assert_eq!(
        error_code(
            put(&moderator, conflict_path(&ids[1]), None)
                .await
                .expect("conflict")
        )
        .await
        .0,
        403
    );

    // At the announcement, the manifest holds no judgement of theirs of it.
    app.advance(TimeDelta::seconds(6));
    app.wait_announced("slogans", Duration::ZERO).await;
    let manifest = app
        .public_json("/api/v1/contests/slogans/results/manifest")
        .await;
    let of_first: Vec<&Value> = manifest["judgements"]
        .as_array()
        .expect("judgements")
        .iter()
        .filter(|j| j["entry"] == ids[0].as_str())
        .collect();
    assert_eq!(of_first.len(), 1, "{manifest}");
    assert_eq!(
        error_code(
            put(&knows, conflict_path(&ids[1]), None)
                .await
                .expect("conflict")
        )
        .await,
        (409, "judging_closed".into())
    );
    app.stop().await;
}
