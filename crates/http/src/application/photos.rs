//! The photo petition's use cases: accept an upload, find a supporter's own photo, erase it.

use crate::application::{owned, AppError};
use crate::l10n::{CampaignTexts, Locale};
use crate::upload::{self, ObjectGuard};
use crate::AppState;
use actix_multipart::Multipart;
use actix_web::HttpRequest;
use placard_domain::{
    BlurRegions, CampaignState, PhotoForm, PhotoFormError, PhotoKeys, ProcessPhoto, SecretToken,
};
use placard_storage::moderation::Erasure;
use placard_storage::photos::{NewPhoto, Photo};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// Text fields are short; anything longer is refused before it is buffered.
const MAX_TEXT_FIELD: usize = 4 * 1024;

#[derive(Serialize, ToSchema)]
pub struct Receipt {
    pub id: Uuid,
    /// `received`.
    pub status: &'static str,
    /// Keep it: it is the only way to check on or withdraw this photo. Shown once.
    pub receipt_token: String,
    pub status_url: String,
}

/// Receives an upload and counts its outcome: the API and the campaign page's plain form
/// both come through here.
pub(crate) async fn accept_upload(
    state: &AppState,
    slug: &str,
    req: &HttpRequest,
    payload: Multipart,
    sent: &mut Sent,
) -> Result<Receipt, AppError> {
    let result = receive(state, slug, req, payload, sent).await;
    let outcome = match &result {
        Ok(_) => "accepted",
        Err(e) => crate::ApiError::from(e).code(),
    };
    state.metrics.uploads.with_label_values(&[outcome]).inc();
    result
}

/// What a supporter typed, kept when the upload is refused so that the plain form can be
/// shown again filled in (cut to the fields' own limits).
#[derive(Default)]
pub struct Sent {
    pub display_name: String,
    pub country: String,
    pub caption: String,
}

async fn receive(
    state: &AppState,
    slug: &str,
    req: &HttpRequest,
    mut payload: Multipart,
    sent: &mut Sent,
) -> Result<Receipt, AppError> {
    let max = state.settings.max_upload_bytes;
    // A declared length far over the limit is refused before a byte is read.
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max + 64 * 1024) {
        return Err(AppError::PayloadTooLarge { max_bytes: max });
    }
    let campaign = super::find_campaign(state, slug).await?;
    let now = state.clock.now();
    if CampaignState::at(now, campaign.opens_at, campaign.closes_at) != CampaignState::Open {
        return Err(AppError::SubmissionsClosed);
    }

    let spec = placard_forms::FormSpec {
        file: "photo",
        texts: &[
            "consent",
            "display_name",
            "country",
            "caption",
            "blur",
            "lang",
        ],
        max_file: max,
        max_text: MAX_TEXT_FIELD,
        dir: &state.settings.upload_dir,
    };
    let mut fields = placard_forms::read(&mut payload, &spec).await?;
    let get = |n: &str| fields.text(n);
    let kept = |n: &str, max: usize| get(n).unwrap_or_default().chars().take(max).collect();
    *sent = Sent {
        display_name: kept("display_name", 60),
        country: kept("country", 2),
        caption: kept("caption", 280),
    };
    let form = PhotoForm::parse(
        get("consent"),
        get("display_name"),
        get("country"),
        get("caption"),
    )
    .map_err(|e| match e {
        PhotoFormError::ConsentRequired => AppError::ConsentRequired,
        PhotoFormError::Field(f) => AppError::InvalidField(f.to_string()),
    })?;
    let blur = get("blur")
        .filter(|b| !b.trim().is_empty())
        .map(BlurRegions::parse)
        .transpose()
        .map_err(|e| AppError::InvalidField(e.to_string()))?
        .unwrap_or_default();
    // The language the form was read in: its consent is recorded in that language.
    let offered = Locale::all_of(&campaign.languages());
    let locale = get("lang")
        .and_then(Locale::parse)
        .filter(|l| offered.contains(l))
        .or_else(|| Locale::parse(&campaign.default_language))
        .unwrap_or(Locale::En);
    let staged = fields
        .file
        .take()
        .ok_or_else(|| AppError::InvalidField("photo: a file is required.".into()))?;

    // Checked from its header, then copied without its metadata: the original is stored
    // already stripped, so no stored byte ever holds a position, a camera or a name.
    let clean = upload::StagedFile::beside(staged.path());
    let (from, to) = (staged.path().to_owned(), clean.path().to_owned());
    let limits = state.settings.image_limits;
    let (header, stripped) = tokio::task::spawn_blocking(move || {
        let header = placard_media::inspect_file(&from, &limits)?;
        let stripped = upload::strip_file(&from, &to)?;
        Ok::<_, AppError>((header, stripped))
    })
    .await
    .map_err(AppError::internal)??;
    // Exact duplicates are told by the digest of what was sent (the same photo sent twice
    // is the same bytes), computed while it streamed in.
    let (clean_sha, upload_bytes) = (staged.sha256.clone(), staged.bytes);
    drop(staged);

    let id = Uuid::now_v7();
    let key = PhotoKeys::of(id).original();
    let mime = header.format.mime();
    state.objects.put_file(&key, clean.path(), mime).await?;
    let guard = ObjectGuard::new(state.objects.clone(), key.clone());
    let receipt = SecretToken::generate("rct");
    let consent_text = CampaignTexts::of(&state.l10n, &campaign, locale).consent;
    let mut tx = state.store.begin().await?;
    let consent_id = tx
        .consent_version(&format!("campaign:{}", campaign.id), &consent_text, now)
        .await?;
    tx.insert_photo(
        &NewPhoto {
            id,
            campaign_id: campaign.id,
            receipt: &receipt.hash(),
            form: &form,
            original_key: &key,
            original_sha256: &clean_sha,
            original_bytes: stripped.bytes,
            mime,
            width: header.width,
            height: header.height,
            orientation: stripped.orientation,
            blur: &blur,
            consent_id,
        },
        now,
    )
    .await?;
    tx.enqueue(&ProcessPhoto { photo_id: id }, now).await?;
    tx.commit().await?;
    guard.disarm();
    state.wake_workers();
    tracing::info!(photo.id = %id, upload.size_bytes = upload_bytes, photo.stored_bytes = stripped.bytes,
        photo.mime = mime, photo.blur_regions = blur.rects().len(), "photo received");
    Ok(Receipt {
        id,
        status: "received",
        receipt_token: receipt.expose().to_owned(),
        status_url: format!("{}/api/v1/photos/{id}", state.settings.public_url),
    })
}

/// The photo a receipt token belongs to. Any mismatch answers 404, the same as an unknown
/// id, so a token reveals nothing about other submissions.
pub(crate) async fn own_photo(
    state: &AppState,
    token: Option<&str>,
    id: Uuid,
) -> Result<Photo, AppError> {
    let found = state.store.photo(id).await;
    owned(
        state,
        token,
        found,
        |p: &Photo| &p.receipt_hash,
        "The photo",
    )
    .await
}

/// Erases a supporter's photo. The row goes first (with a tombstone of its id), so that from
/// that moment nothing serves it and a worker still processing it deletes what it writes;
/// then every object it has or may have had. An object whose deletion fails here is left to
/// the next sweep, which deletes anything stored under a tombstoned id.
pub(crate) async fn erase_photo(state: &AppState, photo: &Photo) -> Result<(), AppError> {
    erase_photo_as(state, photo, &Erasure::BY_SUPPORTER).await
}

/// The same erasure on behalf of `by` (a staff takedown names the actor and the reason).
pub(crate) async fn erase_photo_as(
    state: &AppState,
    photo: &Photo,
    by: &Erasure<'_>,
) -> Result<(), AppError> {
    state
        .store
        .erase_as(
            placard_storage::moderation::Subject::Photo,
            photo.id,
            by,
            state.clock.now(),
        )
        .await?;
    for key in photo.all_keys() {
        if let Err(e) = state.objects.delete(&key).await {
            tracing::warn!(photo.id = %photo.id, error = %e, "an erased photo's object stays until the next sweep");
        }
    }
    if let Err(e) = state.store.checkpoint().await {
        tracing::warn!(error = %e, "checkpoint after erasure");
    }
    tracing::info!(photo.id = %photo.id, erasure.action = by.action, "photo erased");
    Ok(())
}
