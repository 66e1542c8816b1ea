//! Verifiable results, on both deployments: the manifest frozen at the announcement (no
//! judge's name or account in it), its SHA-256 in the results, a pinned shortlist kept in its
//! pinned order, and `placard verify-results` — passing on the real results, failing on a
//! manifest with one judgement changed and on results that name another winner.

use chrono::TimeDelta;
use placard_e2e::{error_code, on_both_deployments, placard_bin, Api, Deployment, TestApp};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

on_both_deployments!(results_are_verified_from_their_manifest_and_tampering_fails,);

/// Runs `placard verify-results URL`: (exit status success, stdout + stderr).
async fn verify(url: &str) -> (bool, String) {
    let out = tokio::process::Command::new(placard_bin())
        .args(["verify-results", url])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .output()
        .await
        .expect("placard verify-results");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// A stand-in for a server that publishes `results` and `manifest` (as given, byte for
/// byte) at `/r` and `/r/manifest`: what a tampering host would serve.
async fn serve_forged(results: Vec<u8>, manifest: Vec<u8>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let (results, manifest) = (results.clone(), manifest.clone());
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let n = sock.read(&mut buf).await.unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]);
                let path = head.split_whitespace().nth(1).unwrap_or("/");
                let body = if path == "/r/manifest" {
                    manifest
                } else {
                    results
                };
                let reply = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                );
                sock.write_all(reply.as_bytes()).await.ok();
                sock.write_all(&body).await.ok();
            });
        }
    });
    format!("http://{addr}/r")
}

async fn results_are_verified_from_their_manifest_and_tampering_fails(d: Deployment) {
    let app = TestApp::spawn(d).await;
    let admin = app.create_user("admin", "root").await;
    let moderator = app.create_user("moderator", "mo").await;
    let wide = app.create_user("judge", "wide").await;
    let narrow = app.create_user("judge", "narrow").await;
    app.create_contest(&admin, "slogans", 4, 10, json!({"shortlist_size": 2}))
        .await;
    let mut ids = Vec::new();
    for s in [
        "Support, don't punish",
        "Health not handcuffs",
        "Treatment, not prison",
    ] {
        let r: Value = app.enter("slogans", s).await.json().await.expect("json");
        ids.push(r["id"].as_str().expect("id").to_owned());
    }
    app.approve_pending_entries(&moderator, "slogans").await;
    let score = |judge: String, id: String, score: u64| {
        let app = &app;
        async move {
            let r = app
                .http()
                .put(app.url(&format!(
                    "/api/v1/judging/contests/slogans/entries/{id}/score"
                )))
                .bearer_auth(&judge)
                .json(&json!({"score": score}))
                .send()
                .await
                .expect("score");
            assert_eq!(r.status(), 200);
        }
    };
    // A wide, lenient judge and a narrow one: a raw average would put the first slogan
    // first (7.5 against 6.5); calibrated, the third wins.
    for (i, (w, n)) in [(10, 5), (2, 6), (6, 7)].into_iter().enumerate() {
        score(wide.clone(), ids[i].clone(), w).await;
        score(narrow.clone(), ids[i].clone(), n).await;
    }
    // Pinned: the second, then the first, in that order.
    let r = app
        .http()
        .put(app.url("/api/v1/judging/contests/slogans/shortlist"))
        .bearer_auth(&admin)
        .json(&json!({"entry_ids": [ids[1], ids[0]]}))
        .send()
        .await
        .expect("pin");
    assert_eq!(r.status(), 200);
    let early = app
        .http()
        .get(app.url("/api/v1/contests/slogans/results/manifest"))
        .send()
        .await
        .expect("manifest");
    assert_eq!(error_code(early).await, (404, "not_announced".into()));

    app.advance(TimeDelta::seconds(11));
    app.run_scheduler().await;
    let results = app.public_json("/api/v1/contests/slogans/results").await;
    assert_eq!(results["announced"], true);
    assert_eq!(results["winner"]["id"], ids[2].as_str(), "calibrated");
    let shortlist: Vec<(u64, &str)> = results["shortlist"]
        .as_array()
        .expect("shortlist")
        .iter()
        .map(|s| {
            (
                s["rank"].as_u64().unwrap_or(0),
                s["id"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        shortlist,
        [(3, ids[1].as_str()), (2, ids[0].as_str())],
        "the pinned order, each with its place in the ranking"
    );
    assert_eq!(results["entries"], 3);

    // The manifest: its hash is the results', and it names no judge.
    let r = app
        .http()
        .get(app.url("/api/v1/contests/slogans/results/manifest"))
        .send()
        .await
        .expect("manifest");
    assert_eq!(r.status(), 200);
    let manifest = r.bytes().await.expect("bytes").to_vec();
    assert_eq!(
        placard_domain::results::sha256_hex(&manifest),
        results["sha256"].as_str().expect("sha256")
    );
    let text = String::from_utf8(manifest.clone()).expect("utf-8");
    let doc: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(doc["judgements"].as_array().map(Vec::len), Some(6));
    for who in ["wide", "narrow", "root", "mo"] {
        assert!(
            !text.contains(&format!("\"{who}\"")),
            "{who} named in {text}"
        );
    }
    let staff = app.env.db.store.staff_accounts().await.expect("staff");
    for s in &staff {
        assert!(!text.contains(&s.id.to_string()), "an account id");
    }
    assert!(!text.contains("Ana"), "no author in the manifest");

    // verify-results passes on the real results…
    let url = app.url("/api/v1/contests/slogans/results");
    let (ok, said) = verify(&url).await;
    assert!(ok, "{said}");
    assert!(said.starts_with("verified:"), "{said}");

    // …fails when one judgement of the manifest is changed…
    let mut forged: Value = serde_json::from_str(&text).expect("json");
    // The narrow judge's 5 for the first slogan becomes a 9: enough to make it win.
    let changed = forged["judgements"]
        .as_array_mut()
        .expect("judgements")
        .iter_mut()
        .find(|j| j["entry"] == ids[0].as_str() && j["score"] == 5)
        .expect("the narrow judge's first score");
    changed["score"] = json!(9);
    let forged_manifest = serde_json::to_vec(&forged).expect("json");
    let at = serve_forged(
        serde_json::to_vec(&results).expect("json"),
        forged_manifest.clone(),
    )
    .await;
    let (ok, said) = verify(&at).await;
    assert!(!ok && said.contains("SHA-256"), "{said}");
    // …even when the forger puts the new hash in the results too: the ranking then differs.
    let mut rehashed = results.clone();
    rehashed["sha256"] = json!(placard_domain::results::sha256_hex(&forged_manifest));
    let at = serve_forged(
        serde_json::to_vec(&rehashed).expect("json"),
        forged_manifest,
    )
    .await;
    let (ok, said) = verify(&at).await;
    assert!(!ok, "a changed judgement that changes the outcome: {said}");
    // …and when the results name another winner over the true manifest.
    let mut other = results.clone();
    other["winner"]["id"] = json!(ids[0]);
    let at = serve_forged(serde_json::to_vec(&other).expect("json"), manifest).await;
    let (ok, said) = verify(&at).await;
    assert!(!ok && said.contains("winner"), "{said}");
    app.stop().await;
}
