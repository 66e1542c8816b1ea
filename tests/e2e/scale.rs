//! Many processes over one PostgreSQL database and one Garage bucket, coordinated only through
//! the database: 2 API + 3 worker + 2 scheduler processes take 1,000 uploads while a worker is
//! SIGKILLed and an API restarted, and a contest is announced meanwhile. Nothing is lost,
//! nothing is processed into duplicate objects, and the contest is announced once.

use placard_e2e::{Api, Deployment, Server, TestEnv};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PHOTOS: usize = 1000;

/// A distinct 480×360 JPEG per index: a gradient, and a block whose place and colour depend
/// on the index (so both the SHA-256 and the perceptual hash differ).
fn photo(i: usize) -> Vec<u8> {
    let (w, h) = (480u32, 360u32);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let (bx, by) = ((i * 37 % 400) as u32, (i * 53 % 280) as u32);
        if x >= bx && x < bx + 80 && y >= by && y < by + 80 {
            image::Rgb([
                (i * 7 % 256) as u8,
                (i * 13 % 256) as u8,
                (i * 29 % 256) as u8,
            ])
        } else {
            image::Rgb([
                (x * 255 / w) as u8,
                (y * 255 / h) as u8,
                ((i / 4) % 256) as u8,
            ])
        }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&img)
        .expect("encode");
    out.into_inner()
}

async fn count(env: &TestEnv, sql: &str) -> i64 {
    env.db.store.count(sql).await.expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_processes_lose_nothing_and_double_nothing() {
    let env = TestEnv::new(Deployment::Scale).await;
    let common = [
        ("PLACARD_RATE_LIMIT_PER_MINUTE", "0"),
        ("PLACARD_JOB_LEASE_SECONDS", "3"),
        ("PLACARD_WORKER_CONCURRENCY", "1"),
    ];
    let api1 = Server::start(&env, "api", &common).await;
    let mut api2 = Server::start(&env, "api", &common).await;
    let mut workers: Vec<Server> = Vec::new();
    for _ in 0..3 {
        workers.push(Server::start(&env, "worker", &common).await);
    }
    let schedulers = [
        Server::start(&env, "scheduler", &common).await,
        Server::start(&env, "scheduler", &common).await,
    ];
    let admin = env.create_user("admin", "root").await;
    api1.create_campaign(&admin, "big", serde_json::json!({}))
        .await;
    let now = chrono::Utc::now();
    let contest = serde_json::json!({
        "slug": "during", "title": "During the run",
        "entries_close_at": (now + chrono::TimeDelta::seconds(4)).to_rfc3339(),
        "announce_at": (now + chrono::TimeDelta::seconds(6)).to_rfc3339(),
    });
    let r = api1
        .client
        .post(api1.url("/api/v1/admin/contests"))
        .bearer_auth(&admin)
        .json(&contest)
        .send()
        .await
        .expect("contest");
    assert_eq!(r.status(), 201);

    let started = Instant::now();
    let photos: Arc<Vec<Vec<u8>>> = Arc::new((0..PHOTOS).map(photo).collect());
    let bases = Arc::new(std::sync::Mutex::new(vec![
        api1.base.clone(),
        api2.base.clone(),
    ]));
    let next = Arc::new(AtomicUsize::new(0));
    let accepted = Arc::new(AtomicUsize::new(0));
    let retried = Arc::new(AtomicUsize::new(0));
    let mut clients = Vec::new();
    for c in 0..12 {
        let (photos, bases, next, accepted, retried) = (
            photos.clone(),
            bases.clone(),
            next.clone(),
            accepted.clone(),
            retried.clone(),
        );
        clients.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= PHOTOS {
                    return;
                }
                // Spread over both APIs; if one is down (restarting), try the other.
                for attempt in 0..40 {
                    let base = {
                        let b = bases.lock().unwrap_or_else(|e| e.into_inner());
                        b[(i + c + attempt) % b.len()].clone()
                    };
                    let form = reqwest::multipart::Form::new()
                        .text("consent", "true")
                        .part(
                            "photo",
                            reqwest::multipart::Part::bytes(photos[i].clone()).file_name("p.jpg"),
                        );
                    match http
                        .post(format!("{base}/api/v1/campaigns/big/photos"))
                        .multipart(form)
                        .send()
                        .await
                    {
                        Ok(r) if r.status() == 202 => {
                            accepted.fetch_add(1, Ordering::SeqCst);
                            break;
                        }
                        Ok(r) => panic!("upload {i} answered {}", r.status()),
                        Err(_) => {
                            retried.fetch_add(1, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(100)).await;
                        }
                    }
                }
            }
        }));
    }

    // Mid-run: restart an API process while uploads stream in (clients fail over to the
    // other and come back), and kill a worker outright while photos are being processed.
    let (mut restarted, mut killed) = (false, false);
    while !(restarted && killed) {
        if !restarted && accepted.load(Ordering::SeqCst) >= 300 {
            let old = api2.base.clone();
            assert!(api2.stop().await, "the API stops gracefully");
            api2 = Server::start(&env, "api", &common).await;
            let mut b = bases.lock().unwrap_or_else(|e| e.into_inner());
            b.retain(|x| *x != old);
            b.push(api2.base.clone());
            drop(b);
            let so_far = accepted.load(Ordering::SeqCst);
            assert!(
                so_far < PHOTOS,
                "uploads were still arriving during the restart ({so_far} accepted)"
            );
            restarted = true;
        }
        if !killed
            && count(
                &env,
                "SELECT COUNT(*) FROM photos WHERE status = 'pending_review'",
            )
            .await
                >= 100
        {
            workers.remove(0).kill().await;
            killed = true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    for c in clients {
        c.await.expect("client");
    }
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        PHOTOS,
        "every upload accepted once"
    );

    let deadline = Instant::now() + Duration::from_secs(600);
    loop {
        let done = count(
            &env,
            "SELECT COUNT(*) FROM photos WHERE status = 'pending_review'",
        )
        .await;
        if done == PHOTOS as i64 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "only {done} of {PHOTOS} processed"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let elapsed = started.elapsed();
    // Photo jobs only: the scheduler may queue a storage sweep meanwhile (every 10 minutes).
    let jobs = count(
        &env,
        "SELECT COUNT(*) FROM jobs WHERE kind = 'photo.process'",
    )
    .await;
    let done = count(
        &env,
        "SELECT COUNT(*) FROM jobs WHERE kind = 'photo.process' AND state = 'done'",
    )
    .await;
    let dead = count(
        &env,
        "SELECT COUNT(*) FROM jobs WHERE kind = 'photo.process' AND state = 'dead'",
    )
    .await;
    let runs = count(
        &env,
        "SELECT COALESCE(SUM(attempts), 0) FROM jobs WHERE kind = 'photo.process'",
    )
    .await;
    let rerun = count(
        &env,
        "SELECT COUNT(*) FROM jobs WHERE kind = 'photo.process' AND attempts > 1",
    )
    .await;
    let keys = env.objects.store.list("").await.expect("list");
    let originals = keys
        .iter()
        .filter(|k| k.as_str().starts_with("originals/"))
        .count();
    let derivatives = keys
        .iter()
        .filter(|k| k.as_str().starts_with("derivatives/"))
        .count();
    let announcements = count(
        &env,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'contest.announce'",
    )
    .await;
    println!(
        "scale run: {PHOTOS} uploads over 2 APIs ({} connection retries during the API restart) in {:.1} s; \
         jobs {jobs} ({done} done, {dead} dead), job runs {runs} ({rerun} re-run after the SIGKILL), \
         objects: {originals} originals + {derivatives} derivatives; contest announcements: {announcements}",
        retried.load(Ordering::SeqCst),
        elapsed.as_secs_f64()
    );
    assert_eq!(
        (jobs, done, dead),
        (PHOTOS as i64, PHOTOS as i64, 0),
        "every job done, none dead"
    );
    assert!(
        rerun <= 1,
        "only the killed worker's one job may run twice (concurrency 1): {rerun}"
    );
    assert_eq!(
        (originals, derivatives),
        (PHOTOS, 2 * PHOTOS),
        "no object written twice or lost"
    );
    assert_eq!(announcements, 1, "the contest was announced exactly once");
    for w in workers {
        assert!(w.stop().await);
    }
    for s in schedulers {
        assert!(s.stop().await);
    }
    api1.stop().await;
    api2.stop().await;
    env.cleanup().await;
}
