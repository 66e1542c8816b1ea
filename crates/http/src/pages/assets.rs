//! The pages' stylesheet and script, compiled into the binary: one file each, served from
//! this origin with a strong ETag (no build step, no CDN).

use crate::ApiError;
use actix_web::http::header::{self, EntityTag};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

const FILES: &[(&str, &str, &str)] = &[
    (
        "placard.css",
        "text/css; charset=utf-8",
        include_str!("../../static/placard.css"),
    ),
    (
        "placard.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/placard.js"),
    ),
];

fn etags() -> &'static Vec<String> {
    static TAGS: OnceLock<Vec<String>> = OnceLock::new();
    TAGS.get_or_init(|| {
        FILES
            .iter()
            .map(|(_, _, body)| hex::encode(&Sha256::digest(body.as_bytes())[..12]))
            .collect()
    })
}

pub async fn asset(req: HttpRequest, name: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let i = FILES
        .iter()
        .position(|(n, _, _)| *n == name.as_str())
        .ok_or_else(|| ApiError::for_status(StatusCode::NOT_FOUND))?;
    let (_, mime, body) = FILES[i];
    let tag = EntityTag::new_strong(etags()[i].clone());
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_matches('"') == tag.tag());
    let mut res = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((header::ETAG, tag))
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"));
    Ok(if fresh {
        res.finish()
    } else {
        res.content_type(mime).body(body)
    })
}
