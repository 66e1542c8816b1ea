//! The form reader on real multipart bodies, fed in small pieces as a network would.

use actix_multipart::Multipart;
use actix_web::error::PayloadError;
use actix_web::http::header::{HeaderMap, HeaderValue, CONTENT_TYPE};
use actix_web::web::Bytes;
use placard_forms::{read, FormError, FormSpec};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

const BOUNDARY: &str = "placard-test-boundary";

fn body(parts: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut b = Vec::new();
    for (name, filename, content) in parts {
        b.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match filename {
            Some(f) => b.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: image/jpeg\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => b.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        b.extend_from_slice(content);
        b.extend_from_slice(b"\r\n");
    }
    b.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    b
}

fn multipart(bytes: Vec<u8>) -> Multipart {
    let mut headers = HeaderMap::new();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_str(&format!("multipart/form-data; boundary={BOUNDARY}"))
            .expect("test setup"),
    );
    let pieces: Vec<Result<Bytes, PayloadError>> = bytes
        .chunks(7)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    Multipart::new(&headers, futures_util::stream::iter(pieces))
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("placard-forms-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&d).expect("test setup");
    d
}

fn spec(dir: &std::path::Path) -> FormSpec<'_> {
    FormSpec {
        file: "photo",
        texts: &["consent", "caption"],
        max_file: 1000,
        max_text: 20,
        dir,
    }
}

fn left_in(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).expect("test setup").count()
}

#[tokio::test]
async fn a_good_form_gives_its_fields_and_a_private_staged_file_removed_when_dropped() {
    let d = dir();
    let mut mp = multipart(body(&[
        ("consent", None, b"true"),
        ("photo", Some("me.jpg"), &[0xAB; 900]),
        ("caption", None, "¡Apoyo, no castigo!".as_bytes()),
    ]));
    let form = read(&mut mp, &spec(&d)).await.expect("a good form");
    assert_eq!(form.text("consent"), Some("true"));
    assert_eq!(form.text("caption"), Some("¡Apoyo, no castigo!"));
    let file = form.file.as_ref().expect("the file");
    assert_eq!(file.bytes, 900);
    assert_eq!(
        std::fs::read(file.path()).expect("test setup"),
        vec![0xAB; 900]
    );
    assert_eq!(
        std::fs::metadata(file.path())
            .expect("test setup")
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    drop(form);
    assert_eq!(left_in(&d), 0, "the staging file is removed with the form");
    std::fs::remove_dir(&d).expect("test setup");
}

#[tokio::test]
async fn each_rule_is_refused_with_its_error_and_nothing_left_behind() {
    let big = [0u8; 1001];
    type Case = (&'static str, Vec<u8>, fn(&FormError) -> bool);
    let cases: Vec<Case> = vec![
        (
            "unknown field",
            body(&[("photo", Some("a.jpg"), b"x"), ("junk", None, b"y")]),
            |e| matches!(e, FormError::Invalid(m) if m.contains("`junk` is not a field")),
        ),
        (
            "a field twice",
            body(&[("consent", None, b"true"), ("consent", None, b"true")]),
            |e| matches!(e, FormError::Invalid(m) if m.contains("send it once")),
        ),
        (
            "two files",
            body(&[
                ("photo", Some("a.jpg"), b"x"),
                ("photo", Some("b.jpg"), b"y"),
            ]),
            |e| matches!(e, FormError::Invalid(m) if m.contains("exactly one file")),
        ),
        (
            "a text too long",
            body(&[("caption", None, &[b'a'; 21])]),
            |e| matches!(e, FormError::Invalid(m) if m.contains("too long")),
        ),
        (
            "text not UTF-8",
            body(&[("caption", None, &[0xFF, 0xFE])]),
            |e| matches!(e, FormError::Invalid(m) if m.contains("UTF-8")),
        ),
        (
            "a file too large",
            body(&[("photo", Some("a.jpg"), &big)]),
            |e| matches!(e, FormError::FileTooLarge { max: 1000 }),
        ),
        (
            "cut off",
            body(&[("photo", Some("a.jpg"), b"xyz")])[..60].to_vec(),
            |e| matches!(e, FormError::Invalid(_)),
        ),
    ];
    for (what, bytes, expected) in cases {
        let d = dir();
        let mut mp = multipart(bytes);
        let e = read(&mut mp, &spec(&d)).await.expect_err(what);
        assert!(expected(&e), "{what}: {e:?}");
        assert_eq!(left_in(&d), 0, "{what}: a staging file was left");
        std::fs::remove_dir(&d).expect("test setup");
    }
}
