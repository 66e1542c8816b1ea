//! The judging screen as judges use it: on a phone, scoring with the pickers alone (the
//! counter follows), the ranking closed until they have scored everything, the shortlist's
//! state (automatic or pinned, and its size), pinning by mouse and unpinning by keyboard;
//! the chair (an admin) may open the ranking at once. Screenshots at 390 px and 1280 px.

use super::browser::sign_in;
use placard_e2e::browser::{Browser, LAPTOP, PHONE};
use placard_e2e::{Api, Deployment, TestEnv};
use std::time::Duration;
use thirtyfour::Key;

const WAIT: Duration = Duration::from_secs(15);

async fn ranking_state(app: &placard_e2e::Server, token: &str) -> (bool, Vec<(String, bool)>) {
    let r = app
        .get_json(token, "/api/v1/judging/contests/slogans/ranking")
        .await;
    let items = r["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["slogan"].as_str().unwrap_or_default().to_owned(),
                i["shortlisted"].as_bool().unwrap_or_default(),
            )
        })
        .collect();
    (r["shortlist"]["pinned"] == true, items)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_judge_on_a_phone_scores_with_the_pickers_then_pins_and_unpins_the_shortlist() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api").await;
    let admin = env.create_user("admin", "root").await;
    let moderator = env.create_user("moderator", "mo").await;
    let judge = env.create_user("judge", "jo").await;
    // Still taking entries (closes in an hour): judges may already score what is approved.
    app.create_contest(
        &admin,
        "slogans",
        3600,
        7200,
        serde_json::json!({"title": "Name the campaign", "shortlist_size": 2}),
    )
    .await;
    let slogans = [
        "Support, don't punish",
        "Health not handcuffs",
        "Treatment, not prison: a slogan long enough to wrap on a phone screen without breaking words",
    ];
    for s in slogans {
        assert_eq!(app.enter("slogans", s).await.status(), 201);
    }
    app.approve_pending_entries(&moderator, "slogans").await;

    let b = Browser::start("judging", PHONE).await;
    sign_in(&b, &app, "/judge", &judge).await;
    b.wait_for(
        "return document.querySelectorAll('#judge-items li').length === 3;",
        WAIT,
        "the blind list",
    )
    .await;
    // Where the contest stands, at the top.
    let state = b.text("#contest-state").await;
    assert!(
        state.starts_with("Taking entries until") && state.contains("UTC"),
        "{state}"
    );
    assert_eq!(b.text("#progress").await, "0 of 3 scored");
    // The ranking stays closed: the others' scores must not sway this judge.
    assert_eq!(
        b.js("return document.querySelector('#load-ranking').disabled;")
            .await,
        true
    );
    assert!(b
        .text("#ranking-wait")
        .await
        .contains("scored every slogan"));
    // Cards, not a table: nothing wider than the phone, no word broken.
    b.check_page("the judging page on a phone").await;
    b.screenshot("judge-phone-start").await;

    // Scoring with the pickers only, as on a phone: the counter follows every one.
    let ids: Vec<String> = serde_json::from_value(
        b.js("return Array.from(document.querySelectorAll('#judge-items li')).map(l => l.dataset.id);")
            .await,
    )
    .expect("ids");
    for (n, (id, score)) in ids.iter().zip(["8", "5", "3"]).enumerate() {
        // Clicking an option is how WebDriver picks it, as a tap on the phone's list does.
        b.find(&format!("#score-{id} option[value='{score}']"))
            .await
            .click()
            .await
            .expect("pick a score");
        b.wait_for(
            &format!(
                "return document.querySelector('#progress').textContent === '{} of 3 scored';",
                n + 1
            ),
            WAIT,
            "the counter after a picker",
        )
        .await;
    }
    assert_eq!(
        b.js("return document.querySelectorAll('#judge-items li.scored').length;")
            .await,
        3
    );
    b.screenshot("judge-phone-scored").await;

    // All scored: the ranking opens; its shortlist is automatic, the top 2.
    b.wait_for(
        "return !document.querySelector('#load-ranking').disabled;",
        WAIT,
        "the ranking button opens",
    )
    .await;
    b.find("#load-ranking")
        .await
        .click()
        .await
        .expect("ranking");
    b.wait_for(
        "return document.querySelectorAll('#ranking li').length === 3;",
        WAIT,
        "the ranking",
    )
    .await;
    assert_eq!(
        b.text("#shortlist-state").await,
        "Shortlist: automatic, the top 2 of the ranking."
    );
    assert_eq!(
        b.js("return document.querySelector('#unpin').hidden;")
            .await,
        true,
        "nothing to unpin yet"
    );
    let first = b.text("#ranking li:first-child").await;
    assert!(
        first.contains(slogans[0]) && first.contains("judges: 1"),
        "{first}"
    );
    // Each box is named by its slogan (not a row of identical "shortlisted" labels).
    let names: Vec<String> = serde_json::from_value(
        b.js("return Array.from(document.querySelectorAll('#ranking input')).map(i => i.getAttribute('aria-label'));")
            .await,
    )
    .expect("labels");
    assert!(
        names.iter().all(|n| n.starts_with("On the shortlist: ")) && names[0] != names[1],
        "{names:?}"
    );
    b.check_page("the ranking on a phone").await;
    b.screenshot("judge-phone-ranking").await;

    // By mouse: tick the third too and pin all three.
    b.find("#ranking li:nth-child(3) input")
        .await
        .click()
        .await
        .expect("tick");
    b.find("#pin").await.click().await.expect("pin");
    b.wait_for(
        "return document.querySelector('#shortlist-state').textContent.startsWith('Shortlist: pinned by hand');",
        WAIT,
        "pinned",
    )
    .await;
    assert_eq!(
        b.text("#shortlist-state").await,
        "Shortlist: pinned by hand. Pinned: 3; the contest asks for 2."
    );
    let (pinned, items) = ranking_state(&app, &judge).await;
    assert!(pinned && items.iter().all(|(_, s)| *s), "{items:?}");
    b.screenshot("judge-phone-pinned").await;

    // By keyboard: Tab reaches Unpin and Enter presses it; the automatic shortlist is back.
    b.js("document.querySelector('#pin').focus(); return null;")
        .await;
    b.keys(&Key::Tab.value().to_string()).await;
    assert_eq!(
        b.js("return document.activeElement.id;").await,
        "unpin",
        "Tab goes from Pin to Unpin"
    );
    b.keys(&Key::Enter.value().to_string()).await;
    b.wait_for(
        "return document.querySelector('#shortlist-state').textContent === 'Shortlist: automatic, the top 2 of the ranking.';",
        WAIT,
        "unpinned",
    )
    .await;
    assert!(b.text("#message").await.starts_with("Unpinned"));
    let (pinned, items) = ranking_state(&app, &judge).await;
    assert!(!pinned, "unpinned in the store too");
    assert_eq!(
        items.iter().filter(|(_, s)| *s).count(),
        2,
        "the top 2 again: {items:?}"
    );
    let audit = app.get_json(&admin, "/api/v1/moderation/audit").await;
    let changes = audit["items"]
        .as_array()
        .expect("audit")
        .iter()
        .filter(|a| a["action"] == "contest.shortlist")
        .count();
    assert_eq!(changes, 2, "the pin and the unpin are both audited");

    // The chair opens the ranking before scoring anything, on a desktop.
    b.viewport(LAPTOP).await;
    b.driver
        .delete_all_cookies()
        .await
        .expect("sign the judge out");
    sign_in(&b, &app, "/judge", &admin).await;
    b.wait_for(
        "return document.querySelectorAll('#judge-items li').length === 3;",
        WAIT,
        "the chair's list",
    )
    .await;
    assert_eq!(b.text("#progress").await, "0 of 3 scored");
    assert!(b.text("#ranking-wait").await.contains("chair the jury"));
    b.find("#load-ranking")
        .await
        .click()
        .await
        .expect("the chair's ranking");
    b.wait_for(
        "return document.querySelectorAll('#ranking li').length === 3;",
        WAIT,
        "the chair's ranking",
    )
    .await;
    b.check_page("the judging page on a desktop").await;
    b.screenshot("judge-desktop-chair").await;

    b.quit().await;
    app.stop().await;
    env.cleanup().await;
}

/// A judge who knows two of the authors steps aside from one by mouse and from the other by
/// keyboard: each takes two presses (the first says what will happen), the slogan leaves
/// the list, and the server no longer counts the judge's score of it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_judge_steps_aside_from_slogans_by_mouse_and_by_keyboard() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api").await;
    let admin = env.create_user("admin", "root").await;
    let moderator = env.create_user("moderator", "mo").await;
    let judge = env.create_user("judge", "jo").await;
    app.create_contest(&admin, "slogans", 3600, 7200, serde_json::json!({}))
        .await;
    for s in [
        "Support, don't punish",
        "Health not handcuffs",
        "Care over cages",
    ] {
        assert_eq!(app.enter("slogans", s).await.status(), 201);
    }
    app.approve_pending_entries(&moderator, "slogans").await;
    let b = Browser::start("judging", PHONE).await;
    sign_in(&b, &app, "/judge", &judge).await;
    let cards =
        |n: usize| format!("return document.querySelectorAll('#judge-items li').length === {n};");
    b.wait_for(&cards(3), WAIT, "the blind list").await;
    // Scored first, then the judge realises they know the author.
    let first = b
        .js("return document.querySelector('#judge-items li').dataset.id;")
        .await;
    let first = first.as_str().expect("id").to_owned();
    b.find(&format!("#score-{first} option[value='9']"))
        .await
        .click()
        .await
        .expect("pick a score");
    b.wait_for(
        "return document.querySelector('#progress').textContent.startsWith('1 of 3');",
        WAIT,
        "the score saved",
    )
    .await;
    // By mouse: the first press asks, the second steps aside.
    let aside = format!("#aside-{first}");
    b.find(&aside).await.click().await.expect("click");
    assert!(
        b.text(&aside).await.starts_with("Press again"),
        "{}",
        b.text(&aside).await
    );
    assert_eq!(
        b.js("return document.querySelectorAll('#judge-items li').length;")
            .await,
        3
    );
    b.screenshot("step-aside-asked-390").await;
    b.find(&aside).await.click().await.expect("click");
    b.wait_for(&cards(2), WAIT, "the slogan left the list")
        .await;
    assert!(b.text("#message").await.starts_with("You stepped aside"));
    let mine = app
        .get_json(&judge, "/api/v1/judging/contests/slogans/entries")
        .await;
    assert!(
        !mine.to_string().contains(&first),
        "hidden by the server too"
    );
    let ranking = app
        .get_json(&admin, "/api/v1/judging/contests/slogans/ranking")
        .await;
    let judges: Vec<u64> = ranking["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["id"] == first.as_str())
        .filter_map(|e| e["judges"].as_u64())
        .collect();
    assert_eq!(judges, [0], "the score no longer counts");
    // By keyboard: Tab from the picker to the button, Enter twice.
    let second = b
        .js("return document.querySelector('#judge-items li').dataset.id;")
        .await;
    let second = second.as_str().expect("id").to_owned();
    b.js(&format!(
        "document.querySelector('#score-{second}').focus(); return null;"
    ))
    .await;
    b.keys(&Key::Tab.value().to_string()).await;
    assert_eq!(
        b.js("return document.activeElement.id;").await,
        format!("aside-{second}").as_str()
    );
    b.keys(&Key::Enter.value().to_string()).await;
    b.keys(&Key::Enter.value().to_string()).await;
    b.wait_for(&cards(1), WAIT, "the second slogan left the list")
        .await;
    b.check_page("the judge page after stepping aside").await;
    b.screenshot("step-aside-done-390").await;
    b.viewport(LAPTOP).await;
    b.screenshot("step-aside-done-1280").await;
    b.quit().await;
    assert!(app.stop().await);
    env.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_judge_compares_pairs_by_mouse_and_keys_and_the_admin_reads_the_report() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api").await;
    let admin = env.create_user("admin", "root").await;
    let moderator = env.create_user("moderator", "mo").await;
    let judge = env.create_user("judge", "jo").await;
    app.create_contest(
        &admin,
        "pairs",
        3600,
        7200,
        serde_json::json!({"title": "Name the campaign", "judging_mode": "pairwise", "min_judgements": 2}),
    )
    .await;
    for s in [
        "Support, don't punish",
        "Health not handcuffs",
        "Treatment, not prison: a slogan long enough to wrap on a phone screen without breaking words",
    ] {
        assert_eq!(app.enter("pairs", s).await.status(), 201);
    }
    app.approve_pending_entries(&moderator, "pairs").await;
    let b = Browser::start("judging", PHONE).await;
    sign_in(&b, &app, "/judge", &judge).await;
    let shown = "const p = document.querySelector('#pair'); return !document.querySelector('#pair-section').hidden && !p.hidden && !!document.querySelector('#pair-a').dataset.id;";
    b.wait_for(shown, WAIT, "the first pair").await;
    assert!(
        b.js("return document.querySelector('#judge-items').hidden;")
            .await
            .as_bool()
            .unwrap_or(false),
        "no score pickers in a pairwise contest"
    );
    b.check_page("the pairwise judge page").await;
    b.screenshot("pairwise-phone-pair").await;
    let pair_of = || async {
        let a = b
            .js("return document.querySelector('#pair-a').dataset.id;")
            .await;
        let c = b
            .js("return document.querySelector('#pair-b').dataset.id;")
            .await;
        (
            a.as_str().unwrap_or_default().to_owned(),
            c.as_str().unwrap_or_default().to_owned(),
        )
    };
    let compared = |n: usize| {
        format!(
            "return document.querySelector('#progress').textContent.startsWith('{n} compared');"
        )
    };
    // By mouse: the left slogan is the better one.
    let (a1, b1) = pair_of().await;
    b.find("#pair-a").await.click().await.expect("click");
    b.wait_for(&compared(1), WAIT, "the first verdict").await;
    assert!(b.text("#message").await.starts_with("Recorded"));
    // By keyboard, at 1280 px where the two stand side by side: → picks the right one.
    b.viewport(LAPTOP).await;
    b.wait_for(shown, WAIT, "the second pair").await;
    let (a2, b2) = pair_of().await;
    assert_ne!(
        (a1.clone(), b1.clone()),
        (a2.clone(), b2.clone()),
        "a new pair"
    );
    b.screenshot("pairwise-desktop-pair").await;
    b.unfocus().await;
    b.keys(&Key::Right.value().to_string()).await;
    b.wait_for(&compared(2), WAIT, "the keyboard verdict").await;
    // S skips the last pair; then nothing is left.
    b.wait_for(shown, WAIT, "the third pair").await;
    b.keys("s").await;
    b.wait_for(
        "return document.querySelector('#pair').hidden && document.querySelector('#message').textContent.startsWith('You have compared every pair');",
        WAIT,
        "the end of the pairs",
    )
    .await;
    b.screenshot("pairwise-desktop-done").await;
    let report = app
        .get_json(&admin, "/api/v1/judging/contests/pairs/judges")
        .await;
    let jo = report["judges"]
        .as_array()
        .expect("judges")
        .iter()
        .find(|j| j["judge"] == "jo")
        .cloned()
        .expect("jo in the report");
    assert_eq!(jo["judged"], 2, "{report}");
    let manifest_like = app
        .get_json(&admin, "/api/v1/judging/contests/pairs/ranking")
        .await;
    let winners: Vec<&str> = manifest_like["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert_eq!(winners.len(), 3);
    assert!(
        winners[0] == a1 || winners[0] == b2,
        "a slogan that won is first: {manifest_like}"
    );
    b.quit().await;

    // The admin's report page: every judge with their figures, the slogans short of two
    // comparisons, and the pace.
    let b = Browser::start("judges-report", PHONE).await;
    // Signing in on the report's own address lands on it.
    b.goto(&app.url("/admin/contests/pairs/judges")).await;
    b.find("#token")
        .await
        .send_keys(&admin)
        .await
        .expect("type");
    b.keys(&Key::Enter.value().to_string()).await;
    b.wait_for(
        "return !!document.querySelector('#judges') && !!document.querySelector('#pace');",
        WAIT,
        "the report",
    )
    .await;
    let row = b.text("#judges tbody tr").await;
    assert!(row.contains("jo") && row.contains('2'), "{row}");
    assert!(b.text("#pace").await.len() > 10);
    b.check_page("the judges' report").await;
    b.screenshot("judges-report-390").await;
    b.viewport(LAPTOP).await;
    b.screenshot("judges-report-1280").await;
    // From the contest's page, the report is one link away (keyboard: focus and Enter).
    b.goto(&app.url("/admin/contests/pairs")).await;
    b.js("document.querySelector('#judges-report').focus(); return null;")
        .await;
    b.keys(&Key::Enter.value().to_string()).await;
    b.wait_for(
        "return location.pathname === '/admin/contests/pairs/judges';",
        WAIT,
        "the report by keyboard",
    )
    .await;
    b.quit().await;
    assert!(app.stop().await);
    env.cleanup().await;
}
