//! The AGPL's offer of the source (§13): Placard is AGPL-3.0-or-later, so everyone who uses
//! it over a network is offered the Corresponding Source of the version they use. The
//! archive is packed into the binary when it is built (`crates/placard/build.rs`), so it is
//! that version's source, modifications included, whoever built it.

use crate::AppState;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;
use utoipa::ToSchema;

/// Where the archive is served; the page footer links to it.
pub const ARCHIVE_PATH: &str = "/source.tar.gz";

#[derive(Serialize, ToSchema)]
pub struct SourceOffer {
    /// The SPDX licence expression: `AGPL-3.0-or-later`.
    pub license: &'static str,
    /// This build's version.
    pub version: &'static str,
    /// The source archive of this build (`.tar.gz`), absolute.
    pub archive: String,
    /// The archive's size in bytes.
    pub bytes: u64,
    /// The archive's SHA-256, hex.
    pub sha256: String,
}

fn digest(archive: &[u8]) -> &'static str {
    static DIGEST: OnceLock<String> = OnceLock::new();
    DIGEST.get_or_init(|| hex::encode(Sha256::digest(archive)))
}

/// Where to get this build's source code, under which licence.
#[utoipa::path(get, path = "/api/v1/source", tag = "operations",
    responses((status = 200, description = "The licence and this build's source archive", body = SourceOffer)))]
pub async fn source_offer(state: web::Data<AppState>) -> HttpResponse {
    let archive = state.settings.source_archive;
    HttpResponse::Ok().json(SourceOffer {
        license: env!("CARGO_PKG_LICENSE"),
        version: env!("CARGO_PKG_VERSION"),
        archive: format!("{}{ARCHIVE_PATH}", state.settings.public_url),
        bytes: archive.len() as u64,
        sha256: digest(archive).to_owned(),
    })
}

/// This build's source code, as a gzipped tar archive.
#[utoipa::path(get, path = "/source.tar.gz", tag = "operations",
    responses(
        (status = 200, description = "The source archive", content_type = "application/gzip"),
        (status = 304, description = "The archive the client has (`If-None-Match`)")))]
pub async fn source_archive(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    let archive = state.settings.source_archive;
    let etag = format!("\"{}\"", digest(archive));
    if crate::routes::media::holds(&req, &etag) {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .finish();
    }
    HttpResponse::Ok()
        .content_type("application/gzip")
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"placard-{}-source.tar.gz\"",
                env!("CARGO_PKG_VERSION")
            ),
        ))
        .body(archive)
}
