//! One behaviour suite for object storage, run against a local folder and a real
//! S3-compatible server alike: the test names say which (`file::…`, `s3::…`).

use bytes::Bytes;
use placard_blob::{blob_behaviour_suite, BlobError, ObjectKey, ObjectStore};

blob_behaviour_suite!(
    put_then_get_returns_the_same_bytes,
    put_replaces_an_existing_object,
    large_objects_stream_in_parts,
    put_file_uploads_from_disk,
    head_reports_size_or_absence,
    delete_removes_and_is_idempotent,
    list_finds_exactly_the_prefix,
    a_failing_stream_leaves_no_object,
    check_answers,
);

fn key(s: &str) -> ObjectKey {
    ObjectKey::parse(s).expect("valid key")
}

/// Deterministic, non-repeating bytes, so a shifted or truncated copy is caught.
fn pattern(len: usize) -> Bytes {
    (0..len)
        .map(|i| (i.wrapping_mul(31) ^ (i >> 8)) as u8)
        .collect::<Vec<_>>()
        .into()
}

async fn put_then_get_returns_the_same_bytes(store: &dyn ObjectStore) {
    let k = key("photos/a/small.jpg");
    let body = pattern(70_000);
    store
        .put_bytes(&k, body.clone(), "image/jpeg")
        .await
        .expect("put");
    let obj = store.get(&k).await.expect("get");
    assert_eq!(obj.size, body.len() as u64);
    assert_eq!(obj.into_bytes().await.expect("read"), body);
    assert!(matches!(
        store.get(&key("photos/none")).await,
        Err(BlobError::NotFound)
    ));
}

async fn put_replaces_an_existing_object(store: &dyn ObjectStore) {
    let k = key("derivatives/x/large.jpg");
    store
        .put_bytes(&k, Bytes::from_static(b"first version"), "image/jpeg")
        .await
        .expect("put");
    store
        .put_bytes(&k, Bytes::from_static(b"second"), "image/jpeg")
        .await
        .expect("put");
    let got = store
        .get(&k)
        .await
        .expect("get")
        .into_bytes()
        .await
        .expect("read");
    assert_eq!(&got[..], b"second");
    assert_eq!(store.list("derivatives/").await.expect("list"), vec![k]);
}

async fn large_objects_stream_in_parts(store: &dyn ObjectStore) {
    // 21 MiB in uneven chunks: three multipart parts on S3.
    let body = pattern(21 * 1024 * 1024 + 12_345);
    let chunks: Vec<Result<Bytes, BlobError>> = body
        .chunks(777_777)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    let k = key("originals/big.jpg");
    let n = store
        .put_stream(
            &k,
            Box::pin(futures_util::stream::iter(chunks)),
            "image/jpeg",
        )
        .await
        .expect("put");
    assert_eq!(n, body.len() as u64);
    assert_eq!(store.head(&k).await.expect("head"), Some(body.len() as u64));
    let got = store
        .get(&k)
        .await
        .expect("get")
        .into_bytes()
        .await
        .expect("read");
    assert!(got == body, "the large object came back different");
}

async fn put_file_uploads_from_disk(store: &dyn ObjectStore) {
    let path = std::env::temp_dir().join(format!("placard-blob-{}.bin", std::process::id()));
    let body = pattern(300_001);
    tokio::fs::write(&path, &body)
        .await
        .expect("write temp file");
    let k = key("staging/upload.bin");
    let n = store
        .put_file(&k, &path, "application/octet-stream")
        .await
        .expect("put_file");
    tokio::fs::remove_file(&path).await.ok();
    assert_eq!(n, body.len() as u64);
    assert_eq!(
        store
            .get(&k)
            .await
            .expect("get")
            .into_bytes()
            .await
            .expect("read"),
        body
    );
}

async fn head_reports_size_or_absence(store: &dyn ObjectStore) {
    let k = key("h/one");
    assert_eq!(store.head(&k).await.expect("head"), None);
    store
        .put_bytes(&k, Bytes::from_static(b"12345"), "text/plain")
        .await
        .expect("put");
    assert_eq!(store.head(&k).await.expect("head"), Some(5));
}

async fn delete_removes_and_is_idempotent(store: &dyn ObjectStore) {
    let k = key("d/gone.jpg");
    store
        .put_bytes(&k, Bytes::from_static(b"x"), "image/jpeg")
        .await
        .expect("put");
    store.delete(&k).await.expect("delete");
    assert_eq!(store.head(&k).await.expect("head"), None);
    store
        .delete(&k)
        .await
        .expect("deleting a missing object succeeds");
    assert!(store.list("").await.expect("list").is_empty());
}

async fn list_finds_exactly_the_prefix(store: &dyn ObjectStore) {
    for k in ["p/1/a", "p/1/b", "p/10/a", "p/2/a", "q/1/a"] {
        store
            .put_bytes(&key(k), Bytes::from_static(b"."), "text/plain")
            .await
            .expect("put");
    }
    let names = |v: Vec<ObjectKey>| {
        v.into_iter()
            .map(|k| k.as_str().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(store.list("p/1/").await.expect("list")),
        vec!["p/1/a", "p/1/b"]
    );
    assert_eq!(
        names(store.list("p/1").await.expect("list")),
        vec!["p/1/a", "p/1/b", "p/10/a"]
    );
    assert_eq!(store.list("").await.expect("list").len(), 5);
    assert!(store.list("zzz").await.expect("list").is_empty());
}

async fn a_failing_stream_leaves_no_object(store: &dyn ObjectStore) {
    // Fails after more than one part's worth, so S3 must abort a started multipart upload.
    let mut chunks: Vec<Result<Bytes, BlobError>> =
        (0..10).map(|_| Ok(pattern(1024 * 1024))).collect();
    chunks.push(Err(BlobError::Io(std::io::Error::other(
        "client went away",
    ))));
    let k = key("staging/broken.jpg");
    let result = store
        .put_stream(
            &k,
            Box::pin(futures_util::stream::iter(chunks)),
            "image/jpeg",
        )
        .await;
    assert!(result.is_err());
    assert_eq!(store.head(&k).await.expect("head"), None);
    assert!(store.list("").await.expect("list").is_empty());
}

async fn check_answers(store: &dyn ObjectStore) {
    store.check().await.expect("a live store answers its check");
}
