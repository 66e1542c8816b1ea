//! A campaign's logo: uploaded by an operator, checked exactly as a supporter's photo
//! (type from the bytes, size limits from the header before anything is decoded), stored
//! without its metadata, and served publicly. Moderators compare photos against it ("is
//! the logo visible"); the mosaic reproduces it.

use crate::application::{find_campaign, AppError};
use crate::auth::{Admin, Authed, Deferred};
use crate::routes::admin::edit::AdminCampaignView;
use crate::upload::{self, ObjectGuard};
use crate::{ApiError, AppState};
use actix_multipart::Multipart;
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use placard_domain::object_key::campaign_logo;

/// Logos are small: a tenth of the photo limit is plenty, at most 5 MiB.
fn max_logo_bytes(state: &AppState) -> u64 {
    (state.settings.max_upload_bytes / 4).clamp(256 * 1024, 5 * 1024 * 1024)
}

/// Replaces the campaign's logo (multipart field `logo`).
#[utoipa::path(put, path = "/api/v1/admin/campaigns/{slug}/logo", tag = "admin",
    params(("slug" = String, Path)),
    request_body(content_type = "multipart/form-data", description = "`logo`: a JPEG, PNG or WebP file"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The campaign, with its new `logo_url`", body = AdminCampaignView),
        (status = 400, description = "No `logo` field, or another field (`invalid_field`)", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin", body = crate::error::ErrorBody),
        (status = 404, description = "No such campaign", body = crate::error::ErrorBody),
        (status = 413, description = "`payload_too_large`", body = crate::error::ErrorBody),
        (status = 415, description = "`unsupported_media_type`", body = crate::error::ErrorBody),
        (status = 422, description = "`invalid_image`, `image_too_large` or `image_too_small`", body = crate::error::ErrorBody)))]
pub async fn put_logo(
    auth: Authed<Admin>,
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    payload: Deferred<Multipart>,
) -> Result<HttpResponse, ApiError> {
    let payload = payload.get()?;
    let campaign = find_campaign(&state, &slug).await?;
    let updated = store_logo(&state, &auth.staff.name, &campaign, &req, payload, None).await?;
    Ok(HttpResponse::Ok().json(AdminCampaignView::of(&state, updated)))
}

/// Receives, checks, strips and stores a logo, then records it; the logo it replaces is
/// deleted once the new one is recorded. Nothing is left behind when any step refuses.
///
/// From a page (`session` given), the form's `csrf` field must come first and be that
/// session's token: checked before a byte of the file is read.
pub(crate) async fn store_logo(
    state: &AppState,
    actor: &str,
    campaign: &placard_storage::campaigns::Campaign,
    req: &HttpRequest,
    mut payload: Multipart,
    session: Option<&str>,
) -> Result<placard_storage::campaigns::Campaign, AppError> {
    let max = max_logo_bytes(state);
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max + 64 * 1024) {
        return Err(AppError::PayloadTooLarge { max_bytes: max });
    }
    let mut staged = None;
    let mut csrf_checked = session.is_none();
    while let Some(field) = upload::next_in_time(payload.next()).await? {
        let field = field
            .map_err(|e| AppError::InvalidField(format!("The form could not be read: {e}.")))?;
        let name = field.name().unwrap_or_default().to_owned();
        if !csrf_checked {
            let presented = if name == "csrf" {
                upload::text(field, "csrf", 256).await?
            } else {
                String::new()
            };
            let session = session.unwrap_or_default();
            if !crate::session::csrf_matches(&state.signer, session, &presented) {
                return Err(AppError::CsrfFailed);
            }
            csrf_checked = true;
            continue;
        }
        match name.as_str() {
            "logo" if staged.is_none() => {
                staged = Some(upload::stage(field, &state.settings.upload_dir, max).await?)
            }
            "logo" => {
                return Err(AppError::InvalidField(
                    "logo: send exactly one file.".into(),
                ))
            }
            other => {
                return Err(AppError::InvalidField(format!(
                    "`{}` is not a field of this form (logo).",
                    other.chars().take(40).collect::<String>()
                )))
            }
        }
    }
    let staged =
        staged.ok_or_else(|| AppError::InvalidField("logo: a file is required.".into()))?;
    let clean = upload::StagedFile::beside(staged.path());
    let (from, to) = (staged.path().to_owned(), clean.path().to_owned());
    let limits = state.settings.image_limits;
    let header = tokio::task::spawn_blocking(move || {
        let mut header = placard_media::inspect_file(&from, &limits)?;
        let stripped = upload::strip_file(&from, &to)?;
        if stripped.orientation != 1 {
            // The orientation went with the metadata: a photo of a logo taken sideways is
            // turned upright here (as a JPEG of at most 1280 px), since a logo is shown as
            // stored, with no derivative of its own.
            let bytes = std::fs::read(&to).map_err(AppError::internal)?;
            let edits = placard_media::Edits {
                orientation: Some(stripped.orientation),
                pixelate: &[],
            };
            let upright = placard_media::process(&bytes, &limits, &edits).map_err(|e| match e {
                placard_media::ProcessError::Inspect(i) => AppError::Image(i),
                other => {
                    AppError::Image(placard_media::InspectError::InvalidImage(other.to_string()))
                }
            })?;
            std::fs::write(&to, &upright.large.jpeg).map_err(AppError::internal)?;
            header.format = placard_media::Format::Jpeg;
        }
        Ok::<_, AppError>(header)
    })
    .await
    .map_err(AppError::internal)??;
    drop(staged);
    let ext = match header.format {
        placard_media::Format::Jpeg => "jpg",
        placard_media::Format::Png => "png",
        placard_media::Format::Webp => "webp",
    };
    let key = campaign_logo(campaign.id, ext);
    let mime = header.format.mime();
    state.objects.put_file(&key, clean.path(), mime).await?;
    let guard = ObjectGuard::new(state.objects.clone(), key.clone());
    let (updated, replaced) = state
        .store
        .set_campaign_logo(campaign.id, key.as_str(), mime, actor, state.clock.now())
        .await?;
    guard.disarm();
    if let Some(old) = replaced.and_then(|k| placard_blob::ObjectKey::parse(&k).ok()) {
        if let Err(e) = state.objects.delete(&old).await {
            tracing::warn!(campaign.id = %campaign.id, object.key = %old, error = %e, "deleting the replaced logo failed");
        }
    }
    Ok(updated)
}
