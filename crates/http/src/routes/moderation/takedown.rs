//! Staff takedown of a photo: erased as its supporter's withdrawal erases it, audited with the
//! actor and the reason.

use crate::application::moderation;
use crate::auth::{Authed, Deferred, Moderator};
use crate::{ApiError, AppState};
use actix_web::{web, HttpResponse};
use placard_storage::StoreError;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TakedownBody {
    /// Why, in at most 200 characters, kept in the audit log with the actor. The log outlives
    /// the photo: say what happened ("third-party complaint", "no consent"), never who.
    pub reason: String,
}

/// Takes a photo down (a third party's complaint, say): erased exactly as its supporter's
/// withdrawal erases it, audited with who did it and why; its receipt then answers 404.
#[utoipa::path(delete, path = "/api/v1/moderation/photos/{id}", tag = "moderation",
    params(("id" = Uuid, Path)), request_body = TakedownBody, security(("bearer" = [])),
    responses(
        (status = 204, description = "Erased"),
        (status = 400, description = "`invalid_field`: no reason, or one over 200 characters", body = crate::error::ErrorBody),
        (status = 401, description = "No or unknown token", body = crate::error::ErrorBody),
        (status = 403, description = "Not a moderator or admin, or another campaign's photo", body = crate::error::ErrorBody),
        (status = 404, description = "No such photo", body = crate::error::ErrorBody)))]
pub async fn take_down_photo(
    auth: Authed<Moderator>,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    body: Deferred<web::Json<TakedownBody>>,
) -> Result<HttpResponse, ApiError> {
    let reason = body.get()?.into_inner().reason;
    let reason = placard_domain::campaign::optional_text("reason", Some(&reason), 200, false)
        .map_err(|e| ApiError::bad_request("invalid_field", e.to_string()))?
        .ok_or_else(|| ApiError::bad_request("invalid_field", "reason: is required."))?;
    let photo = state.store.photo(*id).await.map_err(|e| match e {
        StoreError::NotFound => ApiError::not_found("The photo"),
        other => other.into(),
    })?;
    moderation::ensure_in_scope(&state, &auth.staff, photo.campaign_id).await?;
    let by = placard_storage::moderation::Erasure {
        actor: &auth.staff.name,
        action: "takedown",
        reason: Some(&reason),
    };
    crate::application::photos::erase_photo_as(&state, &photo, &by).await?;
    Ok(HttpResponse::NoContent().finish())
}
