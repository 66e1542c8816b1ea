//! The multipart form reader, on any body under the photo form's rules, fed in pieces of
//! varying size: it may refuse the form; it must not panic, what it returns keeps the
//! limits, and no staging file outlives the form.
#![no_main]

use actix_multipart::Multipart;
use actix_web::error::PayloadError;
use actix_web::http::header::{HeaderMap, HeaderValue, CONTENT_TYPE};
use actix_web::web::Bytes;
use libfuzzer_sys::fuzz_target;
use placard_forms::{read, FormSpec};
use std::sync::OnceLock;

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("runtime")
    })
}

fn dir() -> &'static std::path::Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("placard-fuzz-form-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("staging folder");
        d
    })
}

fuzz_target!(|data: &[u8]| {
    // The first byte sets the size of the pieces the body arrives in.
    let Some((&piece, body)) = data.split_first() else {
        return;
    };
    let piece = usize::from(piece % 64) + 1;
    let mut headers = HeaderMap::new();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("multipart/form-data; boundary=b"),
    );
    let pieces: Vec<Result<Bytes, PayloadError>> = body
        .chunks(piece)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    let spec = FormSpec {
        file: "photo",
        texts: &["consent", "display_name", "country", "caption", "blur"],
        max_file: 4096,
        max_text: 64,
        dir: dir(),
    };
    runtime().block_on(async {
        let mut payload = Multipart::new(&headers, futures_util::stream::iter(pieces));
        if let Ok(form) = read(&mut payload, &spec).await {
            for name in spec.texts {
                if let Some(v) = form.text(name) {
                    assert!(v.len() <= spec.max_text);
                }
            }
            if let Some(file) = &form.file {
                assert!(file.bytes <= spec.max_file);
                assert_eq!(
                    std::fs::metadata(file.path()).expect("staged").len(),
                    file.bytes
                );
            }
        }
    });
    assert_eq!(
        std::fs::read_dir(dir()).expect("staging folder").count(),
        0,
        "a staging file outlived its form"
    );
});
