//! The shared public-POST allowance on both backends: a burst, then a wait that is told;
//! refilled at the steady rate; other addresses unaffected; exact under concurrency (every
//! API process and every request draws on one row).

use chrono::TimeDelta;
use placard_storage::rate_limits::Allowance;
use placard_storage::{behaviour_suite, Store};

behaviour_suite!(
    the_burst_then_a_wait_then_the_steady_rate,
    concurrent_requests_are_counted_exactly,
    idle_addresses_are_pruned,
);

const ALLOWANCE: Allowance = Allowance {
    per_minute: 60,
    burst: 5,
};

async fn the_burst_then_a_wait_then_the_steady_rate(store: &Store) {
    let now = placard_storage::now();
    for i in 0..5 {
        assert_eq!(
            store
                .take_allowance("10.0.0.1", ALLOWANCE, now)
                .await
                .expect("take"),
            None,
            "request {i} of the burst"
        );
    }
    let wait = store
        .take_allowance("10.0.0.1", ALLOWANCE, now)
        .await
        .expect("take");
    assert_eq!(wait, Some(1), "one a second after the burst");
    assert_eq!(
        store
            .take_allowance("10.0.0.2", ALLOWANCE, now)
            .await
            .expect("take"),
        None,
        "another address has its own allowance"
    );
    // A refused request cost nothing: a second later exactly one more is allowed.
    let later = now + TimeDelta::seconds(1);
    assert_eq!(
        store
            .take_allowance("10.0.0.1", ALLOWANCE, later)
            .await
            .expect("take"),
        None
    );
    assert!(store
        .take_allowance("10.0.0.1", ALLOWANCE, later)
        .await
        .expect("take")
        .is_some());
    // After a quiet minute the whole burst is back.
    let quiet = now + TimeDelta::minutes(1);
    for _ in 0..5 {
        assert_eq!(
            store
                .take_allowance("10.0.0.1", ALLOWANCE, quiet)
                .await
                .expect("take"),
            None
        );
    }
}

async fn concurrent_requests_are_counted_exactly(store: &Store) {
    let now = placard_storage::now();
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.take_allowance("2001:db8::", ALLOWANCE, now).await })
        })
        .collect();
    let mut allowed = 0;
    for t in tasks {
        if t.await.expect("task").expect("take").is_none() {
            allowed += 1;
        }
    }
    assert_eq!(
        allowed, 5,
        "exactly the burst, however the requests interleave"
    );
}

async fn idle_addresses_are_pruned(store: &Store) {
    let now = placard_storage::now();
    store
        .take_allowance("10.0.0.1", ALLOWANCE, now)
        .await
        .expect("take");
    store
        .take_allowance("10.0.0.2", ALLOWANCE, now + TimeDelta::hours(2))
        .await
        .expect("take");
    let pruned = store
        .prune_rate_limits(now + TimeDelta::hours(1))
        .await
        .expect("prune");
    assert_eq!(pruned, 1);
    assert_eq!(
        store
            .count("SELECT COUNT(*) FROM rate_limits")
            .await
            .expect("count"),
        1
    );
}
