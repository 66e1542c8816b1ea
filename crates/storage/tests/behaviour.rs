//! One behaviour suite, run against SQLite and PostgreSQL alike: the test names say which
//! (`sqlite::…`, `postgres::…`).

use chrono::{DateTime, TimeDelta, Utc};
use placard_domain::jobs::AfterFailure;
use placard_domain::{JobState, RetryPolicy, Role, SecretToken, StaffName};
use placard_storage::audit::{AuditFilter, NewAuditEntry};
use placard_storage::jobs::{ClaimedJob, NewJob};
use placard_storage::{behaviour_suite, Store, StoreError};
use std::collections::HashSet;

behaviour_suite!(
    migrations_can_run_twice,
    staff_tokens_resolve_only_their_own_account,
    staff_names_are_unique,
    enqueue_commits_with_the_callers_transaction,
    concurrent_claimers_never_share_a_job,
    expired_lease_is_reclaimed_by_another_worker,
    heartbeat_keeps_the_lease,
    failing_until_the_limit_ends_dead_and_retry_revives,
    expired_last_attempt_is_reaped_dead,
    release_hands_the_job_back_without_charging_an_attempt,
    job_counts_cover_every_state,
    dead_jobs_list_in_pages,
    audit_log_refuses_updates_and_deletes,
    audit_log_lists_newest_first_with_filters,
);

fn t0() -> DateTime<Utc> {
    placard_storage::now()
}

fn job(kind: &str, max_attempts: u32) -> NewJob<'_> {
    NewJob {
        kind,
        payload: serde_json::json!({"n": 1}),
        max_attempts,
    }
}

const LEASE: TimeDelta = TimeDelta::seconds(30);

async fn migrations_can_run_twice(store: &Store) {
    store.migrate().await.expect("a second migrate is a no-op");
    store.ping().await.expect("ping");
}

async fn staff_tokens_resolve_only_their_own_account(store: &Store) {
    let a = SecretToken::generate("plc");
    let b = SecretToken::generate("plc");
    let name = StaffName::parse("Ana").expect("name");
    let created = store
        .create_staff(&name, Role::Moderator, &a.hash())
        .await
        .expect("create");
    let found = store.staff_by_token(a.expose()).await.expect("lookup");
    assert_eq!(found, Some(created));
    assert_eq!(
        store.staff_by_token(b.expose()).await.expect("lookup"),
        None
    );
    assert_eq!(store.staff_by_token("").await.expect("lookup"), None);
    // The hash itself is not a token.
    assert_eq!(
        store
            .staff_by_token(a.hash().as_str())
            .await
            .expect("lookup"),
        None
    );
}

async fn staff_names_are_unique(store: &Store) {
    let name = StaffName::parse("judge-1").expect("name");
    store
        .create_staff(&name, Role::Judge, &SecretToken::generate("plc").hash())
        .await
        .expect("first");
    let again = store
        .create_staff(&name, Role::Admin, &SecretToken::generate("plc").hash())
        .await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
}

async fn enqueue_commits_with_the_callers_transaction(store: &Store) {
    let mut tx = store.begin().await.expect("begin");
    tx.enqueue_job(&job("test.rolled_back", 3), t0())
        .await
        .expect("enqueue");
    drop(tx); // rolled back
    assert_eq!(
        store.claim_job("w", LEASE, t0()).await.expect("claim"),
        None
    );

    let mut tx = store.begin().await.expect("begin");
    let id = tx
        .enqueue_job(&job("test.committed", 3), t0())
        .await
        .expect("enqueue");
    tx.commit().await.expect("commit");
    let claimed = store
        .claim_job("w", LEASE, t0())
        .await
        .expect("claim")
        .expect("a job");
    assert_eq!(claimed.id, id);
    assert_eq!(claimed.kind, "test.committed");
    assert_eq!(claimed.payload, serde_json::json!({"n": 1}));
    assert_eq!(claimed.attempt, 1);
}

async fn concurrent_claimers_never_share_a_job(store: &Store) {
    const JOBS: usize = 60;
    const CLAIMERS: usize = 8;
    let now = t0();
    for _ in 0..JOBS {
        store
            .enqueue_job(&job("test.parallel", 3), now)
            .await
            .expect("enqueue");
    }
    let mut tasks = Vec::new();
    for w in 0..CLAIMERS {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let owner = format!("worker-{w}");
            let mut mine = Vec::new();
            while let Some(j) = store.claim_job(&owner, LEASE, now).await.expect("claim") {
                mine.push(j.id);
            }
            mine
        }));
    }
    let mut seen = HashSet::new();
    let mut total = 0;
    for t in futures_util::future::join_all(tasks).await {
        for id in t.expect("claimer task") {
            total += 1;
            assert!(seen.insert(id), "job {id} was claimed twice");
        }
    }
    assert_eq!(total, JOBS, "every job claimed exactly once");
}

async fn expired_lease_is_reclaimed_by_another_worker(store: &Store) {
    let now = t0();
    store
        .enqueue_job(&job("test.stalls", 3), now)
        .await
        .expect("enqueue");
    let first = store
        .claim_job("w1", LEASE, now)
        .await
        .expect("claim")
        .expect("job");
    // While the lease holds, nobody else gets it.
    let early = store
        .claim_job("w2", LEASE, now + TimeDelta::seconds(29))
        .await
        .expect("claim");
    assert_eq!(early, None);
    // w1 stops heartbeating; after the lease, w2 takes over as a second attempt.
    let later = now + TimeDelta::seconds(31);
    let second = store
        .claim_job("w2", LEASE, later)
        .await
        .expect("claim")
        .expect("reclaimed");
    assert_eq!(second.id, first.id);
    assert_eq!(second.attempt, 2);
    // The stalled worker has lost it: its heartbeat, completion and failure are refused.
    assert!(!store.heartbeat_job(&first, LEASE, later).await.expect("hb"));
    assert!(!store.complete_job(&first, later).await.expect("complete"));
    assert_eq!(
        store
            .fail_job(&first, "late", AfterFailure::Dead, later)
            .await
            .expect("fail"),
        None
    );
    assert!(store.complete_job(&second, later).await.expect("complete"));
    assert_eq!(
        store.job(first.id).await.expect("job").state,
        JobState::Done
    );
}

async fn heartbeat_keeps_the_lease(store: &Store) {
    let now = t0();
    store
        .enqueue_job(&job("test.long", 3), now)
        .await
        .expect("enqueue");
    let held = store
        .claim_job("w1", LEASE, now)
        .await
        .expect("claim")
        .expect("job");
    assert!(store
        .heartbeat_job(&held, LEASE, now + TimeDelta::seconds(20))
        .await
        .expect("hb"));
    let stolen = store
        .claim_job("w2", LEASE, now + TimeDelta::seconds(45))
        .await
        .expect("claim");
    assert_eq!(stolen, None, "a renewed lease is not taken");
    let after = store
        .claim_job("w2", LEASE, now + TimeDelta::seconds(51))
        .await
        .expect("claim");
    assert!(after.is_some(), "once the renewed lease runs out, it is");
}

async fn fail_claimed(
    store: &Store,
    j: &ClaimedJob,
    policy: &RetryPolicy,
    now: DateTime<Utc>,
) -> JobState {
    store
        .fail_job(j, "boom", policy.after_failure(j.attempt), now)
        .await
        .expect("fail")
        .expect("lease held")
}

async fn failing_until_the_limit_ends_dead_and_retry_revives(store: &Store) {
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay: TimeDelta::seconds(10),
        max_delay: TimeDelta::minutes(5),
    };
    let mut now = t0();
    let id = store
        .enqueue_job(&job("test.fails", policy.max_attempts), now)
        .await
        .expect("enqueue");
    for attempt in 1..=3u32 {
        let j = store
            .claim_job("w", LEASE, now)
            .await
            .expect("claim")
            .expect("due");
        assert_eq!(j.attempt, attempt);
        let state = fail_claimed(store, &j, &policy, now).await;
        if attempt < 3 {
            assert_eq!(state, JobState::Queued);
            // Backoff: not due yet one second before the delay, due after it.
            let delay = TimeDelta::seconds(10 * (1 << (attempt - 1)));
            let before = store
                .claim_job("w", LEASE, now + delay - TimeDelta::seconds(1))
                .await;
            assert_eq!(
                before.expect("claim"),
                None,
                "attempt {attempt} retried too early"
            );
            now += delay;
        } else {
            assert_eq!(state, JobState::Dead);
        }
    }
    let dead = store.job(id).await.expect("job");
    assert_eq!((dead.state, dead.attempts), (JobState::Dead, 3));
    assert_eq!(dead.last_error.as_deref(), Some("boom"));
    assert_eq!(
        store
            .claim_job("w", LEASE, now + TimeDelta::days(1))
            .await
            .expect("claim"),
        None
    );
    let (listed, _) = store
        .list_jobs(JobState::Dead, 50, None)
        .await
        .expect("list");
    assert_eq!(listed.iter().map(|j| j.id).collect::<Vec<_>>(), vec![id]);

    let revived = store.retry_job(id, "root", now).await.expect("retry");
    assert_eq!((revived.state, revived.attempts), (JobState::Queued, 0));
    let again = store
        .claim_job("w", LEASE, now)
        .await
        .expect("claim")
        .expect("due again");
    assert_eq!((again.id, again.attempt), (id, 1));
    // Only dead jobs can be retried; unknown ids are not found.
    assert!(matches!(
        store.retry_job(id, "root", now).await,
        Err(StoreError::InvalidState(_))
    ));
    assert!(matches!(
        store.retry_job(uuid::Uuid::new_v4(), "root", now).await,
        Err(StoreError::NotFound)
    ));
    let (audit, _) = store
        .list_audit(&AuditFilter::default(), 10, None)
        .await
        .expect("audit");
    assert_eq!(
        audit.len(),
        1,
        "one audit entry for the one successful retry"
    );
    assert_eq!(
        (audit[0].actor.as_str(), audit[0].action.as_str()),
        ("root", "job.retry")
    );
    assert_eq!(audit[0].subject_id, id.to_string());
}

async fn expired_last_attempt_is_reaped_dead(store: &Store) {
    let now = t0();
    let id = store
        .enqueue_job(&job("test.hangs", 1), now)
        .await
        .expect("enqueue");
    store
        .claim_job("w1", LEASE, now)
        .await
        .expect("claim")
        .expect("job");
    let later = now + TimeDelta::seconds(31);
    assert_eq!(
        store.claim_job("w2", LEASE, later).await.expect("claim"),
        None,
        "no attempts left"
    );
    assert_eq!(store.reap_expired_jobs(later).await.expect("reap"), 1);
    let j = store.job(id).await.expect("job");
    assert_eq!(j.state, JobState::Dead);
    assert!(j.last_error.unwrap_or_default().contains("lease expired"));
}

async fn release_hands_the_job_back_without_charging_an_attempt(store: &Store) {
    let now = t0();
    store
        .enqueue_job(&job("test.shutdown", 2), now)
        .await
        .expect("enqueue");
    let j = store
        .claim_job("w1", LEASE, now)
        .await
        .expect("claim")
        .expect("job");
    assert!(store.release_job(&j, now).await.expect("release"));
    let again = store
        .claim_job("w2", LEASE, now)
        .await
        .expect("claim")
        .expect("back at once");
    assert_eq!((again.id, again.attempt), (j.id, 1));
}

async fn job_counts_cover_every_state(store: &Store) {
    let now = t0();
    for _ in 0..3 {
        store
            .enqueue_job(&job("test.count", 1), now)
            .await
            .expect("enqueue");
    }
    let a = store
        .claim_job("w", LEASE, now)
        .await
        .expect("claim")
        .expect("job");
    store.complete_job(&a, now).await.expect("complete");
    let b = store
        .claim_job("w", LEASE, now)
        .await
        .expect("claim")
        .expect("job");
    store
        .fail_job(&b, "x", AfterFailure::Dead, now)
        .await
        .expect("fail");
    let counts = store.job_counts().await.expect("counts");
    assert_eq!(
        counts,
        vec![
            (JobState::Queued, 1),
            (JobState::Running, 0),
            (JobState::Done, 1),
            (JobState::Dead, 1)
        ]
    );
}

async fn dead_jobs_list_in_pages(store: &Store) {
    let now = t0();
    let mut ids = Vec::new();
    for _ in 0..5 {
        ids.push(
            store
                .enqueue_job(&job("test.page", 1), now)
                .await
                .expect("enqueue"),
        );
    }
    while let Some(j) = store.claim_job("w", LEASE, now).await.expect("claim") {
        store
            .fail_job(&j, "x", AfterFailure::Dead, now)
            .await
            .expect("fail");
    }
    let mut listed = Vec::new();
    let mut cursor = None;
    loop {
        let (page, next) = store
            .list_jobs(JobState::Dead, 2, cursor)
            .await
            .expect("list");
        assert!(page.len() <= 2);
        listed.extend(page.into_iter().map(|j| j.id));
        match next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(listed, ids, "every dead job once, in creation order");
    let (queued, next) = store
        .list_jobs(JobState::Queued, 2, None)
        .await
        .expect("list");
    assert!(queued.is_empty() && next.is_none());
}

async fn audit_log_refuses_updates_and_deletes(store: &Store) {
    let mut tx = store.begin().await.expect("begin");
    tx.append_audit(
        &NewAuditEntry {
            actor: "ana",
            action: "photo.approve",
            subject_type: "photo",
            subject_id: "p1",
            details: serde_json::json!({}),
        },
        t0(),
    )
    .await
    .expect("append");
    tx.commit().await.expect("commit");
    assert!(store
        .execute_raw("UPDATE audit_log SET actor = 'mallory'")
        .await
        .is_err());
    assert!(store.execute_raw("DELETE FROM audit_log").await.is_err());
    let (entries, _) = store
        .list_audit(&AuditFilter::default(), 10, None)
        .await
        .expect("list");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor, "ana");
}

async fn audit_log_lists_newest_first_with_filters(store: &Store) {
    let now = t0();
    let mut tx = store.begin().await.expect("begin");
    for (i, actor) in ["ana", "bo", "ana", "cy", "ana"].iter().enumerate() {
        let subject = format!("p{}", i % 2);
        tx.append_audit(
            &NewAuditEntry {
                actor,
                action: "photo.approve",
                subject_type: "photo",
                subject_id: &subject,
                details: serde_json::json!({"i": i}),
            },
            now + TimeDelta::seconds(i as i64),
        )
        .await
        .expect("append");
    }
    tx.commit().await.expect("commit");
    let order = |entries: &[placard_storage::audit::AuditEntry]| {
        entries
            .iter()
            .map(|e| e.details["i"].as_i64().unwrap_or(-1))
            .collect::<Vec<_>>()
    };
    let (first, next) = store
        .list_audit(&AuditFilter::default(), 3, None)
        .await
        .expect("list");
    assert_eq!(order(&first), vec![4, 3, 2]);
    let (rest, end) = store
        .list_audit(&AuditFilter::default(), 3, next)
        .await
        .expect("list");
    assert_eq!(order(&rest), vec![1, 0]);
    assert_eq!(end, None);
    let by_actor = AuditFilter {
        actor: Some("ana".into()),
        ..AuditFilter::default()
    };
    assert_eq!(
        order(&store.list_audit(&by_actor, 10, None).await.expect("list").0),
        vec![4, 2, 0]
    );
    let by_subject = AuditFilter {
        subject_type: Some("photo".into()),
        subject_id: Some("p1".into()),
        ..AuditFilter::default()
    };
    assert_eq!(
        order(
            &store
                .list_audit(&by_subject, 10, None)
                .await
                .expect("list")
                .0
        ),
        vec![3, 1]
    );
}
