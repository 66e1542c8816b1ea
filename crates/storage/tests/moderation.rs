//! Moderation on both backends: claims under concurrency, decisions and their errors,
//! reopening, and one audit entry per action.

use chrono::{DateTime, TimeDelta, Utc};
use placard_domain::{
    Decision, DerivativeSize, FlagKind, NewCampaign, PhotoForm, PhotoKeys, PhotoStatus,
    RejectionReason, Role, SecretToken, StaffName,
};

use placard_storage::audit::AuditFilter;
use placard_storage::moderation::{DecideError, Pass, Subject};
use placard_storage::photos::{
    NearDuplicates, NewPhoto, PhotoFlag, ProcessedPhoto, StoredDerivative,
};
use placard_storage::staff::Staff;
use placard_storage::{behaviour_suite, Store};
use std::collections::HashSet;
use uuid::Uuid;

behaviour_suite!(
    ten_moderators_at_once_get_four_distinct_photos,
    a_moderator_gets_their_own_claim_back_and_expired_claims_free_up,
    a_skipped_photo_stays_claimed_but_the_next_one_is_handed_out,
    decisions_follow_the_rules_and_are_audited,
    not_ready_photos_cannot_be_decided,
    the_earliest_near_duplicate_is_found_whichever_band_it_shares,
    near_duplicate_lookups_read_past_a_full_batch,
    a_near_duplicate_finished_before_its_original_is_flagged_when_the_original_finishes,
    close_photos_finishing_at_once_are_all_flagged,
);

const HOLD: TimeDelta = TimeDelta::minutes(10);

async fn staff(store: &Store, name: &str, role: Role) -> Staff {
    store
        .create_staff(
            &StaffName::parse(name).expect("name"),
            role,
            &SecretToken::generate("plc").hash(),
        )
        .await
        .expect("staff")
}

/// A campaign with `n` photos in `status`, submitted a second apart (oldest first).
async fn seed(store: &Store, n: usize, status: PhotoStatus) -> (Uuid, Vec<Uuid>) {
    let t0 = placard_storage::now() - TimeDelta::hours(1);
    let campaign = store
        .create_campaign(
            &NewCampaign::parse("sdp", "SDP", None, None, None).expect("campaign"),
            t0,
        )
        .await
        .expect("create campaign");
    let form = PhotoForm::parse(Some("true"), None, None, None).expect("form");
    let mut ids = Vec::new();
    for i in 0..n {
        let id = Uuid::now_v7();
        let mut tx = store.begin().await.expect("begin");
        let consent_id = tx
            .consent_version(&format!("campaign:{}", campaign.id), "I agree.", t0)
            .await
            .expect("consent");
        tx.insert_photo(
            &NewPhoto {
                id,
                campaign_id: campaign.id,
                receipt: &SecretToken::generate("rct").hash(),
                form: &form,
                original_key: &PhotoKeys::of(id).original(),
                original_sha256: "00",
                original_bytes: 1,
                mime: "image/jpeg",
                width: 800,
                height: 600,
                orientation: 1,
                blur: &Default::default(),
                consent_id,
            },
            t0 + TimeDelta::seconds(i as i64),
        )
        .await
        .expect("insert");
        tx.commit().await.expect("commit");
        store
            .execute_raw(&format!("UPDATE photos SET status = '{}'", status.as_str()))
            .await
            .expect("status");
        ids.push(id);
    }
    (campaign.id, ids)
}

async fn ten_moderators_at_once_get_four_distinct_photos(store: &Store) {
    let (campaign, ids) = seed(store, 4, PhotoStatus::PendingReview).await;
    let mut moderators = Vec::new();
    for i in 0..10 {
        moderators.push(staff(store, &format!("mod{i}"), Role::Moderator).await);
    }
    let now = placard_storage::now();
    let tasks: Vec<_> = moderators
        .iter()
        .map(|m| {
            let (store, id) = (store.clone(), m.id);
            tokio::spawn(async move {
                store
                    .claim_next(Subject::Photo, campaign, id, HOLD, now, Pass::default())
                    .await
            })
        })
        .collect();
    let mut got = Vec::new();
    let mut none = 0;
    for t in futures_util::future::join_all(tasks).await {
        match t.expect("task").expect("claim") {
            Some(id) => got.push(id),
            None => none += 1,
        }
    }
    let distinct: HashSet<_> = got.iter().collect();
    assert_eq!((got.len(), distinct.len(), none), (4, 4, 6), "{got:?}");
    assert_eq!(distinct, ids.iter().collect::<HashSet<_>>());
}

async fn a_moderator_gets_their_own_claim_back_and_expired_claims_free_up(store: &Store) {
    let (campaign, ids) = seed(store, 2, PhotoStatus::PendingReview).await;
    let (a, b) = (
        staff(store, "a", Role::Moderator).await,
        staff(store, "b", Role::Moderator).await,
    );
    let now = placard_storage::now();
    let first = store
        .claim_next(Subject::Photo, campaign, a.id, HOLD, now, Pass::default())
        .await
        .expect("claim");
    assert_eq!(first, Some(ids[0]), "oldest first");
    let again = store
        .claim_next(Subject::Photo, campaign, a.id, HOLD, now, Pass::default())
        .await
        .expect("claim");
    assert_eq!(
        again,
        Some(ids[0]),
        "a gets their open claim back, not a second photo"
    );
    let other = store
        .claim_next(Subject::Photo, campaign, b.id, HOLD, now, Pass::default())
        .await
        .expect("claim");
    assert_eq!(other, Some(ids[1]));
    let later = now + HOLD + TimeDelta::seconds(1);
    let freed = store
        .claim_next(Subject::Photo, campaign, b.id, HOLD, later, Pass::default())
        .await
        .expect("claim");
    assert!(freed.is_some(), "expired claims are free again");
}

async fn a_skipped_photo_stays_claimed_but_the_next_one_is_handed_out(store: &Store) {
    let (campaign, ids) = seed(store, 3, PhotoStatus::PendingReview).await;
    let (a, b) = (
        staff(store, "a", Role::Moderator).await,
        staff(store, "b", Role::Moderator).await,
    );
    let now = placard_storage::now();
    let claim = |who: Uuid, skip: Vec<Uuid>| async move {
        store
            .claim_next(
                Subject::Photo,
                campaign,
                who,
                HOLD,
                now,
                Pass {
                    skip: &skip,
                    flagged_only: false,
                },
            )
            .await
            .expect("claim")
    };
    assert_eq!(claim(a.id, vec![]).await, Some(ids[0]));
    assert_eq!(
        claim(a.id, vec![ids[0]]).await,
        Some(ids[1]),
        "skips to the next"
    );
    assert_eq!(
        claim(a.id, vec![ids[0], ids[1]]).await,
        Some(ids[2]),
        "skips both"
    );
    assert_eq!(claim(a.id, vec![ids[1], ids[2]]).await, Some(ids[0]));
    assert_eq!(
        claim(a.id, ids.clone()).await,
        None,
        "all skipped: nothing more"
    );
    assert_eq!(
        claim(b.id, vec![]).await,
        None,
        "skipped photos stay claimed by the one who skipped them"
    );
}

async fn decide(
    store: &Store,
    id: Uuid,
    who: &Staff,
    d: &Decision,
    now: DateTime<Utc>,
) -> Result<(), DecideError> {
    store
        .decide(Subject::Photo, id, who, d, now)
        .await
        .map(|_| ())
}

async fn decisions_follow_the_rules_and_are_audited(store: &Store) {
    let (campaign, ids) = seed(store, 3, PhotoStatus::PendingReview).await;
    let (a, b) = (
        staff(store, "ana", Role::Moderator).await,
        staff(store, "bo", Role::Moderator).await,
    );
    let now = placard_storage::now();
    let reject = Decision::Reject {
        reason: RejectionReason::NoLogo,
        note: Some("no logo visible".into()),
    };
    store
        .claim_next(Subject::Photo, campaign, a.id, HOLD, now, Pass::default())
        .await
        .expect("claim");
    assert!(matches!(
        decide(store, ids[0], &b, &Decision::Approve, now).await,
        Err(DecideError::ClaimedByOther)
    ));
    decide(store, ids[0], &a, &Decision::Approve, now)
        .await
        .expect("approve own claim");
    assert!(matches!(
        decide(store, ids[0], &a, &reject, now).await,
        Err(DecideError::AlreadyDecided)
    ));
    // Unclaimed: claimed and decided at once.
    decide(store, ids[1], &b, &reject, now)
        .await
        .expect("reject unclaimed");
    let rejected = store.photo(ids[1]).await.expect("photo");
    assert_eq!(
        (rejected.status, rejected.rejection_reason.as_deref()),
        (PhotoStatus::Rejected, Some("no_logo"))
    );
    assert_eq!(rejected.decided_by.as_deref(), Some("bo"));
    assert!(matches!(
        store.reopen(Subject::Photo, ids[2], &a, now).await,
        Err(DecideError::NotDecided)
    ));
    store
        .reopen(Subject::Photo, ids[1], &a, now)
        .await
        .expect("reopen");
    let reopened = store.photo(ids[1]).await.expect("photo");
    assert_eq!(
        (reopened.status, reopened.rejection_reason),
        (PhotoStatus::PendingReview, None)
    );
    decide(store, ids[1], &a, &Decision::Approve, now)
        .await
        .expect("decide again after reopen");
    assert!(matches!(
        decide(store, Uuid::new_v4(), &a, &Decision::Approve, now).await,
        Err(DecideError::NotFound)
    ));
    let approved = store.photo(ids[0]).await.expect("photo");
    assert_eq!(approved.approved_at, Some(now));

    let (log, _) = store
        .list_audit(&AuditFilter::default(), 50, None)
        .await
        .expect("audit");
    let actions: Vec<(String, String)> = log
        .iter()
        .map(|e| (e.actor.clone(), e.action.clone()))
        .collect();
    let expected = [
        ("ana", "photo.approve"),
        ("bo", "photo.reject"),
        ("ana", "photo.reopen"),
        ("ana", "photo.approve"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .rev()
        .map(|(a, b)| ((*a).into(), (*b).into()))
        .collect();
    assert_eq!(
        actions, expected,
        "one entry per action, newest first, refused attempts not recorded"
    );
    assert_eq!(log[2].details["reason"], "no_logo");
    // The note lives on the row and dies with it; the log only says there was one.
    assert_eq!(log[2].details["note"], true);
}

async fn not_ready_photos_cannot_be_decided(store: &Store) {
    let (_, ids) = seed(store, 1, PhotoStatus::Processing).await;
    let a = staff(store, "ana", Role::Admin).await;
    let r = decide(
        store,
        ids[0],
        &a,
        &Decision::Approve,
        placard_storage::now(),
    )
    .await;
    assert!(matches!(r, Err(DecideError::NotReady)), "{r:?}");
}

/// The band index must never miss a photo within 7 bits, whichever bits differ, and must
/// narrow the candidates; erased photos leave the index with their row.
async fn the_earliest_near_duplicate_is_found_whichever_band_it_shares(store: &Store) {
    let (_, ids) = seed(store, 41, PhotoStatus::Processing).await;
    let base: u64 = 0x0123_4567_89ab_cdef;
    // Photo 0 is the base; 1..=32 differ from it in 7 bits spread over every band in
    // turn; 33..=40 differ in every band (far away).
    let mut hashes = vec![base];
    for i in 1..=32u32 {
        let mut h = base;
        for k in 0..7 {
            h ^= 1u64 << ((i * 5 + k * 9) % 64);
        }
        hashes.push(h);
    }
    for i in 0..8u64 {
        hashes.push(base ^ (0x0101_0101_0101_0101u64 << i) ^ 0x8080_8080_8080_8080 >> i);
    }
    for (id, h) in ids.iter().zip(&hashes) {
        let done = ProcessedPhoto {
            small: thumbnail(*id, DerivativeSize::Small),
            large: thumbnail(*id, DerivativeSize::Large),
            blurhash: "L00000fQfQfQfQfQfQfQfQfQfQfQ".into(),
            phash: *h,
        };
        assert!(store
            .finish_processing(*id, &done, &[], None, placard_storage::now())
            .await
            .expect("finish")
            .is_some());
    }
    // A photo newer than all of them, with the base hash: passing over the photos older
    // than photo i, the earliest match must be photo i, whichever band it shares.
    let newest = store.photo(ids[40]).await.expect("photo");
    let mut probe = newest.clone();
    probe.submitted_at += TimeDelta::hours(1);
    let hamming = |a: u64, b: u64| (a ^ b).count_ones();
    let earliest = |max: u32, skip: Vec<Uuid>| {
        let probe = probe.clone();
        async move {
            store
                .earliest_near_duplicate(&probe, base, max, &skip, hamming)
                .await
                .expect("lookup")
        }
    };
    for i in 0..33 {
        let d = hamming(hashes[i], base);
        assert!(d <= 7, "fixture {i} is {d} bits away");
        assert_eq!(
            earliest(7, ids[..i].to_vec()).await,
            Some((ids[i], d)),
            "photo {i} ({d} bits away)"
        );
    }
    assert_eq!(
        earliest(7, ids[..33].to_vec()).await,
        None,
        "photos differing in every band are not near duplicates"
    );
    // Beyond the index's reach (8 bits and more) every earlier hash is measured.
    assert_eq!(
        earliest(64, ids[..33].to_vec()).await,
        Some((ids[33], hamming(hashes[33], base)))
    );
    // Erasure takes the photo out of the index.
    store
        .erase_submission(Subject::Photo, ids[0], placard_storage::now())
        .await
        .expect("erase");
    assert_eq!(earliest(7, vec![]).await.map(|(id, _)| id), Some(ids[1]));
    assert_eq!(
        store
            .count("SELECT COUNT(*) FROM photo_hash_bands")
            .await
            .expect("count"),
        40 * 8
    );
}

/// 100 earlier photos share a band with the probe without being close (more than one
/// batch of rows); the one close photo after them must still be found.
async fn near_duplicate_lookups_read_past_a_full_batch(store: &Store) {
    let (_, ids) = seed(store, 101, PhotoStatus::Processing).await;
    let base: u64 = 0xffff_ffff_ffff_ff00;
    let far = base ^ 0x0000_00ff_ffff_0000; // shares 5 bands, 24 bits away
    let near = base ^ 0b111; // 3 bits away
    for (i, id) in ids.iter().enumerate() {
        let done = ProcessedPhoto {
            small: thumbnail(*id, DerivativeSize::Small),
            large: thumbnail(*id, DerivativeSize::Large),
            blurhash: "L00000fQfQfQfQfQfQfQfQfQfQfQ".into(),
            phash: if i == 100 { near } else { far },
        };
        assert!(store
            .finish_processing(*id, &done, &[], None, placard_storage::now())
            .await
            .expect("finish")
            .is_some());
    }
    let mut probe = store.photo(ids[100]).await.expect("photo");
    probe.submitted_at += TimeDelta::hours(1);
    let hamming = |a: u64, b: u64| (a ^ b).count_ones();
    for max in [7, 10] {
        assert_eq!(
            store
                .earliest_near_duplicate(&probe, base, max, &[], hamming)
                .await
                .expect("lookup"),
            Some((ids[100], 3)),
            "within {max} bits"
        );
    }
}

const NEAR: NearDuplicates = NearDuplicates {
    max_distance: 6,
    distance: |a, b| (a ^ b).count_ones(),
};

/// A 10×10 thumbnail record at its layout key, as the worker would write it.
fn thumbnail(id: Uuid, size: DerivativeSize) -> StoredDerivative {
    StoredDerivative {
        key: PhotoKeys::of(id).derivative(size),
        width: 10,
        height: 10,
    }
}

/// Finishes a photo being processed with hash `phash`, as the worker does.
async fn finish(store: &Store, id: Uuid, phash: u64, flags: &[PhotoFlag]) -> Vec<PhotoFlag> {
    let done = ProcessedPhoto {
        small: thumbnail(id, DerivativeSize::Small),
        large: thumbnail(id, DerivativeSize::Large),
        blurhash: "L00000fQfQfQfQfQfQfQfQfQfQfQ".into(),
        phash,
    };
    store
        .finish_processing(id, &done, flags, Some(NEAR), placard_storage::now())
        .await
        .expect("finish")
        .expect("still processing")
}

fn near_flag(of: Uuid, distance: u32) -> PhotoFlag {
    PhotoFlag {
        kind: FlagKind::NearDuplicate,
        of,
        distance: Some(distance),
    }
}

/// Workers finish photos in any order: a near duplicate that finished first is flagged when
/// its earlier original finishes, and the flag moves to the earliest close photo whichever
/// finishes last.
async fn a_near_duplicate_finished_before_its_original_is_flagged_when_the_original_finishes(
    store: &Store,
) {
    let (_, ids) = seed(store, 5, PhotoStatus::Processing).await;
    let base: u64 = 0x00ff_00ff_00ff_00ff;
    // 0: the earliest, 2 bits away; 1: the original; 2: its copy (3 bits); 3: far away;
    // 4: an exact duplicate of 1 (same bytes, same hash).
    assert_eq!(finish(store, ids[2], base ^ 0b111, &[]).await, vec![]);
    assert_eq!(finish(store, ids[3], !base, &[]).await, vec![]);
    let exact = PhotoFlag {
        kind: FlagKind::Duplicate,
        of: ids[1],
        distance: None,
    };
    // Before its original has finished, the exact duplicate is near the copy only.
    assert_eq!(
        finish(store, ids[4], base, std::slice::from_ref(&exact)).await,
        vec![exact.clone(), near_flag(ids[2], 3)]
    );
    assert_eq!(finish(store, ids[1], base, &[]).await, vec![]);
    let flags = |i: usize| {
        let id = ids[i];
        async move { store.photo_flags(id).await.expect("flags") }
    };
    assert_eq!(flags(2).await, vec![near_flag(ids[1], 3)], "the copy");
    assert_eq!(flags(3).await, vec![], "the far photo");
    // The exact duplicate's near flag leaves out its exact original: it stays on the copy.
    assert_eq!(flags(4).await, vec![exact.clone(), near_flag(ids[2], 3)]);
    // The earliest photo finishes last: every later close photo now points at it.
    assert_eq!(finish(store, ids[0], base ^ 0b11, &[]).await, vec![]);
    assert_eq!(flags(1).await, vec![near_flag(ids[0], 2)]);
    assert_eq!(flags(2).await, vec![near_flag(ids[0], 1)]);
    assert_eq!(flags(3).await, vec![]);
    assert_eq!(flags(4).await, vec![exact, near_flag(ids[0], 2)]);
}

/// Pairs of close photos finishing at the same moment on different connections: whichever
/// commits second must see the first, so every later photo of a pair is flagged.
async fn close_photos_finishing_at_once_are_all_flagged(store: &Store) {
    const PAIRS: usize = 12;
    let (_, ids) = seed(store, PAIRS * 2, PhotoStatus::Processing).await;
    // Pair i: photos i and PAIRS + i, 1 bit apart (the top one); every band of a pair
    // differs from every band of another, so pairs are at least 8 bits apart.
    let hash = |i: usize| (i as u64 + 1).wrapping_mul(0x0101_0101_0101_0101);
    let finishing = (0..PAIRS).flat_map(|i| {
        [(ids[i], hash(i)), (ids[PAIRS + i], hash(i) ^ 1 << 63)].map(|(id, h)| {
            let store = store.clone();
            tokio::spawn(async move { finish(&store, id, h, &[]).await })
        })
    });
    for task in finishing.collect::<Vec<_>>() {
        task.await.expect("task");
    }
    for i in 0..PAIRS {
        assert_eq!(
            store.photo_flags(ids[PAIRS + i]).await.expect("flags"),
            vec![near_flag(ids[i], 1)],
            "pair {i}"
        );
        assert_eq!(store.photo_flags(ids[i]).await.expect("flags"), vec![]);
    }
}
