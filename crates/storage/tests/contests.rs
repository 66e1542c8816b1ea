//! Contests on both backends: slogan uniqueness in the database, scores, and the
//! exactly-once announcement.

use chrono::TimeDelta;
use placard_domain::{NewContest, Role, SecretToken, Slogan, StaffName};
use placard_storage::audit::AuditFilter;
use placard_storage::contests::{Contest, NewEntry};
use placard_storage::{behaviour_suite, Store, StoreError};

behaviour_suite!(
    one_slogan_in_any_spelling_is_entered_once,
    concurrent_duplicates_leave_exactly_one_entry,
    racing_announcements_publish_exactly_once,
    every_score_accepted_before_the_announcement_is_frozen_in_it,
    the_announcement_deletes_emails_and_a_withdrawal_after_it_redacts_the_name,
);

async fn contest(store: &Store) -> Contest {
    let now = placard_storage::now();
    let new = NewContest::parse(
        "k1",
        "K",
        None,
        None,
        now + TimeDelta::hours(1),
        now + TimeDelta::hours(2),
        Some(2),
    )
    .expect("contest");
    store.create_contest(&new, now).await.expect("create")
}

async fn judge(store: &Store) -> placard_storage::staff::Staff {
    store
        .create_staff(
            &StaffName::parse("j").expect("name"),
            Role::Judge,
            &SecretToken::generate("plc").hash(),
        )
        .await
        .expect("judge")
}

async fn enter(store: &Store, c: &Contest, slogan: &str) -> Result<uuid::Uuid, StoreError> {
    let slogan = Slogan::parse(slogan).expect("slogan");
    store
        .insert_entry(
            &NewEntry {
                contest_id: c.id,
                slogan: &slogan,
                author_name: Some("Ana"),
                email: Some("ana@example.org"),
                receipt: &SecretToken::generate("rct").hash(),
                consent_text: "I agree.",
            },
            placard_storage::now(),
        )
        .await
}

async fn one_slogan_in_any_spelling_is_entered_once(store: &Store) {
    let c = contest(store).await;
    enter(store, &c, "Support, don't punish")
        .await
        .expect("first");
    for dup in [
        "SUPPORT DONT PUNISH!!",
        "ＳＵＰＰＯＲＴ　ＤＯＮ'Ｔ　ＰＵＮＩＳＨ",
        "support don\u{2019}t  punish",
    ] {
        assert!(
            matches!(enter(store, &c, dup).await, Err(StoreError::Conflict(_))),
            "{dup}"
        );
    }
    enter(store, &c, "Support, do not punish")
        .await
        .expect("a different slogan");
}

async fn concurrent_duplicates_leave_exactly_one_entry(store: &Store) {
    let c = contest(store).await;
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let (store, c) = (store.clone(), c.clone());
            tokio::spawn(async move { enter(&store, &c, "Treatment not prison").await })
        })
        .collect();
    let mut ok = 0;
    for t in futures_util::future::join_all(tasks).await {
        match t.expect("task") {
            Ok(_) => ok += 1,
            Err(StoreError::Conflict(_)) => {}
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(ok, 1);
}

async fn racing_announcements_publish_exactly_once(store: &Store) {
    let c = contest(store).await;
    let judge = judge(store).await;
    let id = enter(store, &c, "Support, don't punish")
        .await
        .expect("entry");
    store
        .execute_raw("UPDATE slogan_entries SET status = 'approved'")
        .await
        .expect("approve");
    store
        .put_score(c.id, id, judge.id, 7, placard_storage::now())
        .await
        .expect("score");
    let now = placard_storage::now();
    let tasks: Vec<_> = (0..5)
        .map(|i| {
            let (store, c) = (store.clone(), c.clone());
            tokio::spawn(async move { store.announce(&c, now + TimeDelta::milliseconds(i)).await })
        })
        .collect();
    let wins = futures_util::future::join_all(tasks)
        .await
        .into_iter()
        .filter(|r| matches!(r, Ok(Ok(true))))
        .count();
    assert_eq!(wins, 1, "exactly one announcement");
    let stored = store.contest_by_slug("k1").await.expect("contest");
    let doc: serde_json::Value =
        serde_json::from_str(stored.results.as_deref().expect("results")).expect("json");
    assert_eq!(doc["winner"]["slogan"], "Support, don't punish");
    assert_eq!(doc["sha256"].as_str().map(str::len), Some(64));
    assert!(
        !store
            .announce(&stored, now + TimeDelta::hours(1))
            .await
            .expect("again"),
        "never twice"
    );
    assert_eq!(
        store
            .contest_by_slug("k1")
            .await
            .expect("contest")
            .announced_at,
        stored.announced_at
    );
    let filter = AuditFilter {
        subject_type: Some("contest".into()),
        ..AuditFilter::default()
    };
    let (log, _) = store.list_audit(&filter, 10, None).await.expect("audit");
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].actor.as_str(), log[0].action.as_str()),
        ("scheduler", "contest.announce")
    );
}

/// Judges scoring while the scheduler announces: every score the store accepted is in the
/// frozen results (their digest's count), and every one after is refused — the ranking is
/// read inside the announcing transaction, under the contest row's lock.
async fn every_score_accepted_before_the_announcement_is_frozen_in_it(store: &Store) {
    let c = contest(store).await;
    let mut judges = Vec::new();
    for i in 0..12 {
        judges.push(
            store
                .create_staff(
                    &StaffName::parse(&format!("j{i}")).expect("name"),
                    Role::Judge,
                    &SecretToken::generate("plc").hash(),
                )
                .await
                .expect("judge"),
        );
    }
    let id = enter(store, &c, "Health, not handcuffs")
        .await
        .expect("entry");
    store
        .execute_raw("UPDATE slogan_entries SET status = 'approved'")
        .await
        .expect("approve");
    let now = placard_storage::now();
    let scoring: Vec<_> = judges
        .iter()
        .map(|j| {
            let (store, cid, jid) = (store.clone(), c.id, j.id);
            tokio::spawn(async move { store.put_score(cid, id, jid, 5, now).await })
        })
        .collect();
    let announcing = {
        let (store, c) = (store.clone(), c.clone());
        tokio::spawn(async move { store.announce(&c, now).await })
    };
    let mut accepted = 0;
    for r in futures_util::future::join_all(scoring).await {
        match r.expect("task") {
            Ok(()) => accepted += 1,
            Err(StoreError::InvalidState(why)) => {
                assert_eq!(why, placard_storage::contests::JUDGING_CLOSED)
            }
            Err(other) => panic!("scoring failed: {other}"),
        }
    }
    assert!(announcing.await.expect("task").expect("announce"));
    let filter = AuditFilter {
        subject_type: Some("contest".into()),
        ..AuditFilter::default()
    };
    let (log, _) = store.list_audit(&filter, 10, None).await.expect("audit");
    assert_eq!(
        log[0].details["scores"], accepted,
        "the frozen results hold exactly the scores accepted"
    );
    let late = store.put_score(c.id, id, judges[0].id, 9, now).await;
    assert!(
        matches!(late, Err(StoreError::InvalidState(_))),
        "a score after the announcement is refused by the store itself: {late:?}"
    );
}

/// Emails are kept to reach the winner only until the announcement; a winner who withdraws
/// afterwards is taken out of the published results by name, while the slogan, the rank and
/// the results' digest (over ids, slogans and scores) stay as published.
async fn the_announcement_deletes_emails_and_a_withdrawal_after_it_redacts_the_name(store: &Store) {
    let c = contest(store).await;
    let judge = judge(store).await;
    let winner = enter(store, &c, "Support, don't punish")
        .await
        .expect("entry");
    let second = enter(store, &c, "Health, not handcuffs")
        .await
        .expect("entry");
    store
        .execute_raw("UPDATE slogan_entries SET status = 'approved'")
        .await
        .expect("approve");
    assert_eq!(
        store.entry(winner).await.expect("entry").email.as_deref(),
        Some("ana@example.org")
    );
    let now = placard_storage::now();
    store
        .put_score(c.id, winner, judge.id, 9, now)
        .await
        .expect("score");
    store
        .put_score(c.id, second, judge.id, 4, now)
        .await
        .expect("score");
    assert!(store.announce(&c, now).await.expect("announce"));
    for id in [winner, second] {
        assert_eq!(
            store.entry(id).await.expect("entry").email,
            None,
            "emails go at the announcement"
        );
    }
    let results = |store: &Store| {
        let store = store.clone();
        async move {
            let stored = store.contest_by_slug("k1").await.expect("contest");
            serde_json::from_str::<serde_json::Value>(&stored.results.expect("results"))
                .expect("json")
        }
    };
    let before = results(store).await;
    assert_eq!(before["winner"]["author_name"], "Ana");
    store
        .erase_submission(placard_storage::moderation::Subject::Entry, winner, now)
        .await
        .expect("withdraw");
    let after = results(store).await;
    assert_eq!(after["winner"]["author_name"], serde_json::Value::Null);
    assert_eq!(after["winner"]["slogan"], before["winner"]["slogan"]);
    assert_eq!(after["winner"]["id"], winner.to_string());
    assert_eq!(
        after["sha256"], before["sha256"],
        "the digest still verifies"
    );
    assert_eq!(
        after["shortlist"][0]["author_name"],
        serde_json::Value::Null
    );
    assert_eq!(
        after["shortlist"][1]["author_name"], "Ana",
        "the other entry keeps its name"
    );
    assert_eq!(after["announced_at"], before["announced_at"]);
}
