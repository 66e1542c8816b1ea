//! `placard migrate-store`: a populated embedded instance's objects move to S3 (Garage),
//! resumably, and the gallery then serves every approved photo from there.

use placard_blob::testing::TestObjects;
use placard_e2e::{placard_bin, Api, Deployment, Server, TestEnv};
use std::time::Duration;

async fn migrate(env: &TestEnv, dest: &TestObjects) -> String {
    let out = tokio::process::Command::new(placard_bin())
        .args([
            "migrate-store",
            "--from",
            &env.objects.url,
            "--to",
            &dest.url,
        ])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(env.vars())
        .envs(dest.env.iter().cloned())
        .output()
        .await
        .expect("migrate-store");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn objects_move_from_files_to_s3_resumably_and_the_gallery_follows() {
    let env = TestEnv::new(Deployment::Embedded).await;
    let app = env.start("api,worker").await;
    let admin = env.create_user("admin", "root").await;
    app.create_campaign(&admin, "sdp", serde_json::json!({}))
        .await;
    let mut ups = Vec::new();
    for name in [
        "ladybird-2560x1600.jpg",
        "friends-portrait-2056x3088.jpg",
        "aitzgorri-rotated8-gps.jpg",
    ] {
        ups.push(app.upload_fixture("sdp", name, &[]).await);
    }
    for up in &ups {
        app.wait_processed(up, Duration::from_secs(120)).await;
    }
    let approve = app
        .client
        .post(app.url(&format!("/api/v1/moderation/photos/{}/decision", ups[0].id)))
        .bearer_auth(&admin)
        .json(&serde_json::json!({"decision": "approve"}))
        .send()
        .await
        .expect("approve");
    assert_eq!(approve.status(), 200);
    assert!(app.stop().await);

    let keys = env.objects.store.list("").await.expect("list");
    assert_eq!(keys.len(), 9, "three originals and six thumbnails");
    let dest = TestObjects::s3().await;
    // An earlier run was interrupted after two objects.
    for key in &keys[..2] {
        let bytes = env
            .objects
            .store
            .get(key)
            .await
            .expect("get")
            .into_bytes()
            .await
            .expect("read");
        dest.store
            .put_bytes(key, bytes, "application/octet-stream")
            .await
            .expect("put");
    }
    assert_eq!(
        migrate(&env, &dest).await,
        format!("9 objects: 7 copied ({} bytes), 2 already there", {
            let mut total = 0u64;
            for key in &keys[2..] {
                total += env
                    .objects
                    .store
                    .head(key)
                    .await
                    .expect("head")
                    .unwrap_or(0);
            }
            total
        })
    );
    assert_eq!(
        migrate(&env, &dest).await,
        "9 objects: 0 copied (0 bytes), 9 already there",
        "nothing twice"
    );
    for key in &keys {
        let a = env
            .objects
            .store
            .get(key)
            .await
            .expect("get")
            .into_bytes()
            .await
            .expect("read");
        let b = dest
            .store
            .get(key)
            .await
            .expect("get")
            .into_bytes()
            .await
            .expect("read");
        assert!(a == b, "{key} differs after the copy");
    }

    // Switch the instance to S3: the gallery serves the approved photo from there.
    let mut extra: Vec<(&str, &str)> = vec![("PLACARD_STORAGE_URL", dest.url.as_str())];
    extra.extend(dest.env.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    std::fs::remove_dir_all(env.objects.url.trim_start_matches("file://"))
        .expect("old folder gone");
    let moved = Server::start(&env, "api", &extra).await;
    let gallery: serde_json::Value = moved.public_json("/api/v1/campaigns/sdp/gallery").await;
    let items = gallery["items"].as_array().expect("items");
    assert_eq!(items.len(), 1);
    for size in ["small", "large"] {
        let url = items[0]["thumbnails"][size]["url"].as_str().expect("url");
        let resp = moved.client.get(url).send().await.expect("image");
        assert_eq!(resp.status(), 200, "{size} from S3");
        assert_eq!(resp.headers()["content-type"], "image/jpeg");
    }
    moved.stop().await;
    dest.cleanup().await.expect("cleanup");
    env.cleanup().await;
}
