//! The campaign and contest forms: create, edit (naming the version read, so a stale form is
//! refused rather than overwriting someone else's change), close early, upload the logo.
//! A refused form is shown again as it was sent, with the error next to its field.

use super::{
    input_time, operator, operator_posting, parse_utc, place_error, see_other, FormData, FormError,
    Operator,
};
use crate::l10n::Tr;
use crate::pages::render;
use crate::routes::admin::edit::{edit_campaign, edit_contest, CampaignPatch, ContestPatch};
use crate::routes::admin::logo::store_logo;
use crate::routes::campaigns::{self, logo_url, CreateCampaign};
use crate::routes::contests::{self as contest_routes, CreateContest};
use crate::{ApiError, AppState};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use placard_domain::settings::{TranslatedTexts, LANGUAGES};
use placard_domain::{CampaignState, ModeratorCare, Retention};
use placard_storage::campaigns::Campaign;
use placard_storage::StoreError;
use std::collections::BTreeMap;

/// The languages with their names, as the forms list them.
pub(crate) fn language_name(code: &str) -> &'static str {
    match code {
        "en" => "English",
        "es" => "Español",
        "fr" => "Français",
        "pt" => "Português",
        "ru" => "Русский",
        "ar" => "العربية",
        _ => "?",
    }
}

/// One language's line of the form.
struct LanguageRow {
    code: &'static str,
    name: &'static str,
    used: bool,
    default: bool,
    texts: TranslatedTexts,
}

/// The campaign form's values: the campaign's, or what was sent when it is shown again.
struct CampaignValues {
    slug: String,
    title: String,
    description: String,
    opens_at: String,
    closes_at: String,
    consent_text: String,
    languages: Vec<LanguageRow>,
    frame_ancestors: String,
    rejected_days: String,
    originals_after_close_days: String,
    blur_previews: bool,
    pause_after: String,
    privacy_url: String,
}

/// An existing campaign's facts, when the form edits one.
struct Editing {
    version: i64,
    state: &'static str,
    closes_at: Option<String>,
    logo_url: Option<String>,
    public_url: String,
}

#[derive(Template)]
#[template(path = "admin_campaign.html")]
struct CampaignForm<'a> {
    t: Tr<'a>,
    name: String,
    csrf: String,
    editing: Option<Editing>,
    v: CampaignValues,
    standard_consent: String,
    /// `(field, message)`: a refused form's error next to its field (`None`: above it).
    error: FormError,
    saved: bool,
}

const CAMPAIGN_FIELDS: [&str; 12] = [
    "slug",
    "title",
    "description",
    "opens_at",
    "closes_at",
    "consent_text",
    "default_language",
    "languages",
    "frame_ancestors",
    "retention",
    "moderation",
    "privacy_url",
];

impl CampaignValues {
    fn of(c: &Campaign) -> Self {
        let used = c.languages();
        let translations = c.translations();
        Self {
            slug: c.slug.clone(),
            title: c.title.clone(),
            description: c.description.clone().unwrap_or_default(),
            opens_at: input_time(c.opens_at),
            closes_at: input_time(c.closes_at),
            consent_text: c.consent_text.clone().unwrap_or_default(),
            languages: LANGUAGES
                .iter()
                .map(|code| LanguageRow {
                    code,
                    name: language_name(code),
                    used: used.iter().any(|u| u == code),
                    default: c.default_language == *code,
                    texts: translations.get(*code).cloned().unwrap_or_default(),
                })
                .collect(),
            frame_ancestors: c.frame_ancestors().join("\n"),
            rejected_days: c.retention_rejected_days.to_string(),
            originals_after_close_days: c
                .retention_originals_after_close_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
            blur_previews: c.moderator_care().blur_previews,
            pause_after: c.moderator_care().pause_after.to_string(),
            privacy_url: c.privacy_url.clone().unwrap_or_default(),
        }
    }

    fn blank() -> Self {
        Self {
            slug: String::new(),
            title: String::new(),
            description: String::new(),
            opens_at: String::new(),
            closes_at: String::new(),
            consent_text: String::new(),
            languages: LANGUAGES
                .iter()
                .map(|code| LanguageRow {
                    code,
                    name: language_name(code),
                    used: true,
                    default: *code == "en",
                    texts: TranslatedTexts::default(),
                })
                .collect(),
            frame_ancestors: String::new(),
            rejected_days: Retention::default().rejected_days.to_string(),
            originals_after_close_days: String::new(),
            blur_previews: ModeratorCare::default().blur_previews,
            pause_after: ModeratorCare::default().pause_after.to_string(),
            privacy_url: String::new(),
        }
    }

    /// What was sent, to show the form again as it was.
    fn sent(f: &FormData) -> Self {
        let used = f.all("languages");
        let default = f.get("default_language").unwrap_or("en");
        let get = |k: &str| f.get(k).unwrap_or_default().to_owned();
        Self {
            slug: get("slug"),
            title: get("title"),
            description: get("description"),
            opens_at: get("opens_at"),
            closes_at: get("closes_at"),
            consent_text: get("consent_text"),
            languages: LANGUAGES
                .iter()
                .map(|code| LanguageRow {
                    code,
                    name: language_name(code),
                    used: used.iter().any(|u| u == code),
                    default: default == *code,
                    texts: TranslatedTexts {
                        title: f.text(&format!("title_{code}")),
                        description: f.text(&format!("description_{code}")),
                        consent_text: f.text(&format!("consent_text_{code}")),
                    },
                })
                .collect(),
            frame_ancestors: get("frame_ancestors"),
            rejected_days: get("rejected_days"),
            originals_after_close_days: get("originals_after_close_days"),
            blur_previews: f.get("blur_previews").is_some(),
            pause_after: get("pause_after"),
            privacy_url: get("privacy_url"),
        }
    }
}

fn editing(state: &AppState, t: &Tr<'_>, c: &Campaign) -> Editing {
    Editing {
        version: c.version,
        state: CampaignState::at(state.clock.now(), c.opens_at, c.closes_at).as_str(),
        closes_at: c.closes_at.map(|at| t.date_time(at)),
        logo_url: logo_url(state, c),
        public_url: format!("{}/c/{}", state.settings.public_url, c.slug),
    }
}

fn show_campaign_form(
    op: Operator<'_>,
    status: StatusCode,
    editing: Option<Editing>,
    v: CampaignValues,
    error: Option<(Option<&'static str>, String)>,
    saved: bool,
) -> Result<HttpResponse, ApiError> {
    render(
        status,
        &CampaignForm {
            standard_consent: op.t.get("consent-photo-standard"),
            error: FormError::new(&op.t, error),
            t: op.t,
            name: op.name,
            csrf: op.csrf,
            editing,
            v,
            saved,
        },
    )
}

/// The form's fields as the API's patch: every field is sent, and only those that differ
/// from the campaign count as changed.
fn patch_of(f: &FormData) -> Result<CampaignPatch, (&'static str, String)> {
    let days =
        |field: &'static str, raw: Option<&str>| -> Result<Option<u32>, (&'static str, String)> {
            match raw.map(str::trim).filter(|r| !r.is_empty()) {
                None => Ok(None),
                Some(r) => r.parse().map(Some).map_err(|_| {
                    (
                        field,
                        "retention: a whole number of days from 0 to 3650.".to_owned(),
                    )
                }),
            }
        };
    let rejected_days =
        days("retention", f.get("rejected_days"))?.unwrap_or(Retention::default().rejected_days);
    let originals = days("retention", f.get("originals_after_close_days"))?;
    let languages = f.all("languages");
    let mut translations = BTreeMap::new();
    for code in LANGUAGES {
        let texts = TranslatedTexts {
            title: f.text(&format!("title_{code}")),
            description: f.text(&format!("description_{code}")),
            consent_text: f.text(&format!("consent_text_{code}")),
        };
        if texts != TranslatedTexts::default() {
            translations.insert(code.to_owned(), texts);
        }
    }
    Ok(CampaignPatch {
        title: Some(f.get("title").unwrap_or_default().to_owned()),
        description: Some(f.text("description")),
        opens_at: Some(parse_utc("opens_at", f.get("opens_at"))?),
        closes_at: Some(parse_utc("closes_at", f.get("closes_at"))?),
        consent_text: Some(f.text("consent_text")),
        default_language: f.text("default_language"),
        // Every language ticked is the same as none chosen: all of them.
        languages: Some((languages.len() < LANGUAGES.len()).then_some(languages)),
        translations: Some(translations),
        frame_ancestors: Some(
            f.get("frame_ancestors")
                .unwrap_or_default()
                .split(['\n', ',', ' '])
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        retention: Some(Retention {
            rejected_days,
            originals_after_close_days: originals,
        }),
        webhooks: None,
        moderation: Some(ModeratorCare {
            blur_previews: f.get("blur_previews").is_some(),
            // Left empty (or absent): the default, not "never"; never is a 0 typed on purpose.
            pause_after: match f
                .get("pause_after")
                .map(str::trim)
                .filter(|r| !r.is_empty())
            {
                None => ModeratorCare::default().pause_after,
                Some(r) => r.parse().map_err(|_| {
                    (
                        "moderation",
                        "pause_after: a whole number of photos from 0 (never) to 5000.".to_owned(),
                    )
                })?,
            },
        }),
        privacy_url: Some(f.text("privacy_url")),
    })
}

/// `GET /admin/campaigns/new`.
pub async fn new_campaign_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    match operator(&state, &req, "/admin/campaigns/new").await? {
        Ok(op) => show_campaign_form(
            op,
            StatusCode::OK,
            None,
            CampaignValues::blank(),
            None,
            false,
        ),
        Err(page) => Ok(page),
    }
}

/// `POST /admin/campaigns`: creates it with the texts and window given, then applies the
/// rest of the form (languages, translations, origins) as its first edit.
pub async fn create_campaign_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, ApiError> {
    let f = FormData::from(form);
    let op = match operator_posting(&state, &req, &f, "/admin/campaigns/new").await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let refused = |op: Operator, err: (Option<&'static str>, String), status| {
        show_campaign_form(op, status, None, CampaignValues::sent(&f), Some(err), false)
    };
    let mut patch = match patch_of(&f) {
        Ok(p) => p,
        Err((field, m)) => return refused(op, (Some(field), m), StatusCode::BAD_REQUEST),
    };
    let create = CreateCampaign {
        slug: f.get("slug").unwrap_or_default().trim().to_owned(),
        title: patch.title.clone().unwrap_or_default(),
        description: patch.description.clone().flatten(),
        opens_at: patch.opens_at.flatten(),
        closes_at: patch.closes_at.flatten(),
        consent_text: patch.consent_text.clone().flatten(),
        retention: patch.retention,
    };
    // The settings are checked before anything is created, so a refused form creates
    // nothing: against a blank campaign with the form's slug.
    let probe = blank_campaign(&create.slug);
    if let Err(e) =
        crate::routes::admin::edit::apply_campaign_patch(&state, &probe, patch.clone()).await
    {
        let status = e.status();
        return refused(op, place_error(&e, &CAMPAIGN_FIELDS), status);
    }
    let campaign = match campaigns::create(&state, create).await {
        Ok(c) => c,
        Err(e) => {
            let status = e.status();
            return refused(op, place_error(&e, &CAMPAIGN_FIELDS), status);
        }
    };
    patch.title = None;
    let slug = campaign.slug.clone();
    edit_campaign(&state, &op.name, campaign, None, patch).await?;
    Ok(see_other(&format!("/admin/campaigns/{slug}?saved=1")))
}

/// A campaign as it is before its first edit, to check a new campaign's settings against.
fn blank_campaign(slug: &str) -> Campaign {
    Campaign {
        id: uuid::Uuid::nil(),
        slug: slug.to_owned(),
        title: String::new(),
        description: None,
        opens_at: None,
        closes_at: None,
        created_at: placard_storage::now(),
        consent_text: None,
        retention_rejected_days: 30,
        retention_originals_after_close_days: None,
        version: 0,
        default_language: "en".into(),
        languages: None,
        translations: None,
        frame_ancestors: None,
        webhooks: None,
        logo_key: None,
        logo_content_type: None,
        logo_updated_at: None,
        moderator_care: None,
        privacy_url: None,
    }
}

#[derive(serde::Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

async fn campaign_or_404(state: &AppState, slug: &str) -> Result<Option<Campaign>, ApiError> {
    match state.store.campaign_by_slug(slug).await {
        Ok(c) => Ok(Some(c)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// `GET /admin/campaigns/{slug}`.
pub async fn edit_campaign_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    q: web::Query<SavedQuery>,
) -> Result<HttpResponse, ApiError> {
    let here = format!("/admin/campaigns/{slug}");
    let op = match operator(&state, &req, &here).await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let Some(c) = campaign_or_404(&state, &slug).await? else {
        return Err(ApiError::not_found("The campaign"));
    };
    let info = editing(&state, &op.t, &c);
    show_campaign_form(
        op,
        StatusCode::OK,
        Some(info),
        CampaignValues::of(&c),
        None,
        q.saved.is_some(),
    )
}

/// `POST /admin/campaigns/{slug}`: the edit, against the version the form was read at.
pub async fn edit_campaign_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, ApiError> {
    let f = FormData::from(form);
    let here = format!("/admin/campaigns/{slug}");
    let op = match operator_posting(&state, &req, &f, &here).await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let Some(c) = campaign_or_404(&state, &slug).await? else {
        return Err(ApiError::not_found("The campaign"));
    };
    let version = f.get("version").and_then(|v| v.parse().ok());
    let info = editing(&state, &op.t, &c);
    let patch = if f.get("close_now").is_some() {
        // "Close now": closing early is the window's end set to now.
        Ok(CampaignPatch {
            closes_at: Some(Some(state.clock.now())),
            ..CampaignPatch::default()
        })
    } else {
        patch_of(&f)
    };
    let result = match patch {
        Ok(patch) => edit_campaign(&state, &op.name, c, version, patch).await,
        Err((field, m)) => Err(ApiError::bad_request("invalid_field", m).placed(field)),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("{here}?saved=1"))),
        Err(e) => {
            let placed = e
                .field()
                .map(|f| (Some(f), e.message().to_owned()))
                .unwrap_or_else(|| place_error(&e, &CAMPAIGN_FIELDS));
            let placed = if e.code() == "precondition_failed" {
                (None, "admin-stale-campaign".to_owned())
            } else {
                placed
            };
            show_campaign_form(
                op,
                e.status(),
                Some(info),
                CampaignValues::sent(&f),
                Some(placed),
                false,
            )
        }
    }
}

/// `POST /admin/campaigns/{slug}/logo` (multipart: `csrf` first, then `logo`).
pub async fn campaign_logo_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    payload: Multipart,
) -> Result<HttpResponse, ApiError> {
    let here = format!("/admin/campaigns/{slug}");
    let op = match operator(&state, &req, &here).await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let Some(c) = campaign_or_404(&state, &slug).await? else {
        return Err(ApiError::not_found("The campaign"));
    };
    let session = crate::credentials::session_token(&req).unwrap_or_default();
    match store_logo(&state, &op.name, &c, &req, payload, Some(&session)).await {
        Ok(_) => Ok(see_other(&format!("{here}?saved=1"))),
        Err(e) => {
            let e = ApiError::from(e);
            if e.code() == "csrf_failed" {
                return Err(e);
            }
            let message = op.t.arg("logo-not-changed", "why", op.t.error(&e));
            let info = editing(&state, &op.t, &c);
            show_campaign_form(
                op,
                e.status(),
                Some(info),
                CampaignValues::of(&c),
                Some((Some("logo"), message)),
                false,
            )
        }
    }
}

struct ContestValues {
    slug: String,
    title: String,
    description: String,
    opens_at: String,
    entries_close_at: String,
    announce_at: String,
    shortlist_size: String,
    judging_mode: String,
    min_judgements: String,
}

struct ContestEditing {
    version: i64,
    state: &'static str,
    announced: bool,
    public_url: String,
}

#[derive(Template)]
#[template(path = "admin_contest.html")]
struct ContestForm<'a> {
    t: Tr<'a>,
    name: String,
    csrf: String,
    editing: Option<ContestEditing>,
    v: ContestValues,
    error: FormError,
    saved: bool,
}

const CONTEST_FIELDS: [&str; 9] = [
    "slug",
    "title",
    "description",
    "opens_at",
    "entries_close_at",
    "announce_at",
    "shortlist_size",
    "judging_mode",
    "min_judgements",
];

impl ContestValues {
    fn sent(f: &FormData) -> Self {
        let get = |k: &str| f.get(k).unwrap_or_default().to_owned();
        Self {
            slug: get("slug"),
            title: get("title"),
            description: get("description"),
            opens_at: get("opens_at"),
            entries_close_at: get("entries_close_at"),
            announce_at: get("announce_at"),
            shortlist_size: get("shortlist_size"),
            judging_mode: get("judging_mode"),
            min_judgements: get("min_judgements"),
        }
    }
    fn of(c: &placard_storage::contests::Contest) -> Self {
        Self {
            slug: c.slug.clone(),
            title: c.title.clone(),
            description: c.description.clone().unwrap_or_default(),
            opens_at: input_time(c.opens_at),
            entries_close_at: input_time(Some(c.entries_close_at)),
            announce_at: input_time(Some(c.announce_at)),
            shortlist_size: c.shortlist_size.to_string(),
            judging_mode: c.judging_mode.clone(),
            min_judgements: c.min_judgements.to_string(),
        }
    }
}

fn contest_editing(state: &AppState, c: &placard_storage::contests::Contest) -> ContestEditing {
    ContestEditing {
        version: c.version,
        state: crate::application::state_of(c, state.clock.now()).as_str(),
        announced: c.announced_at.is_some(),
        public_url: format!("{}/k/{}", state.settings.public_url, c.slug),
    }
}

/// The timeline fields of a contest form (the three instants and the shortlist size).
type Timeline = (
    Option<chrono::DateTime<chrono::Utc>>,
    Option<chrono::DateTime<chrono::Utc>>,
    Option<chrono::DateTime<chrono::Utc>>,
    Option<u32>,
);

fn contest_timeline(f: &FormData) -> Result<Timeline, (&'static str, String)> {
    let shortlist = match f.text("shortlist_size") {
        None => None,
        Some(s) => Some(s.trim().parse().map_err(|_| {
            (
                "shortlist_size",
                "shortlist_size: a whole number from 1 to 100.".to_owned(),
            )
        })?),
    };
    Ok((
        parse_utc("opens_at", f.get("opens_at"))?,
        parse_utc("entries_close_at", f.get("entries_close_at"))?,
        parse_utc("announce_at", f.get("announce_at"))?,
        shortlist,
    ))
}

/// The judging fields of a contest form: the mode as sent (checked by the domain) and the
/// minimum of judgements per entry.
/// The judging fields as sent: the mode and the minimum of judgements per entry.
type Judging = (Option<String>, Option<u32>);

fn contest_judging(f: &FormData) -> Result<Judging, (&'static str, String)> {
    let min = match f.text("min_judgements") {
        None => None,
        Some(s) => Some(s.trim().parse().map_err(|_| {
            (
                "min_judgements",
                "min_judgements: a whole number from 1 to 100.".to_owned(),
            )
        })?),
    };
    Ok((f.text("judging_mode"), min))
}

/// `GET /admin/contests/new`.
pub async fn new_contest_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let op = match operator(&state, &req, "/admin/contests/new").await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    render(
        StatusCode::OK,
        &ContestForm {
            t: op.t,
            name: op.name,
            csrf: op.csrf,
            editing: None,
            v: ContestValues {
                slug: String::new(),
                title: String::new(),
                description: String::new(),
                opens_at: String::new(),
                entries_close_at: String::new(),
                announce_at: String::new(),
                shortlist_size: "10".into(),
                judging_mode: "scores".into(),
                min_judgements: "3".into(),
            },
            error: FormError(None),
            saved: false,
        },
    )
}

fn refused_contest(
    op: Operator<'_>,
    editing: Option<ContestEditing>,
    f: &FormData,
    e: &ApiError,
) -> Result<HttpResponse, ApiError> {
    let error = if e.code() == "precondition_failed" {
        (None, "admin-stale-contest".to_owned())
    } else if e.code() == "invalid_timeline" {
        (Some("announce_at"), e.message().to_owned())
    } else {
        e.field()
            .map(|fl| (Some(fl), e.message().to_owned()))
            .unwrap_or_else(|| place_error(e, &CONTEST_FIELDS))
    };
    render(
        e.status(),
        &ContestForm {
            error: FormError::new(&op.t, Some(error)),
            t: op.t,
            name: op.name,
            csrf: op.csrf,
            editing,
            v: ContestValues::sent(f),
            saved: false,
        },
    )
}

/// `POST /admin/contests`.
pub async fn create_contest_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, ApiError> {
    let f = FormData::from(form);
    let op = match operator_posting(&state, &req, &f, "/admin/contests/new").await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let result = match contest_timeline(&f).and_then(|t| Ok((t, contest_judging(&f)?))) {
        Err((field, m)) => Err(ApiError::bad_request("invalid_field", m).placed(field)),
        Ok(((_, None, _, _), _)) => Err(ApiError::bad_request(
            "invalid_field",
            "entries_close_at: is required.",
        )
        .placed("entries_close_at")),
        Ok(((_, _, None, _), _)) => Err(ApiError::bad_request(
            "invalid_field",
            "announce_at: is required.",
        )
        .placed("announce_at")),
        Ok((
            (opens_at, Some(entries_close_at), Some(announce_at), shortlist_size),
            (judging_mode, min_judgements),
        )) => {
            contest_routes::create(
                &state,
                CreateContest {
                    slug: f.get("slug").unwrap_or_default().trim().to_owned(),
                    title: f.get("title").unwrap_or_default().to_owned(),
                    description: f.text("description"),
                    opens_at,
                    entries_close_at,
                    announce_at,
                    shortlist_size,
                    judging_mode,
                    min_judgements,
                },
            )
            .await
        }
    };
    match result {
        Ok(c) => Ok(see_other(&format!("/admin/contests/{}?saved=1", c.slug))),
        Err(e) => refused_contest(op, None, &f, &e),
    }
}

/// `GET /admin/contests/{slug}`.
pub async fn edit_contest_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    q: web::Query<SavedQuery>,
) -> Result<HttpResponse, ApiError> {
    let here = format!("/admin/contests/{slug}");
    let op = match operator(&state, &req, &here).await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let c = crate::application::find_contest(&state, &slug).await?;
    render(
        StatusCode::OK,
        &ContestForm {
            t: op.t,
            name: op.name,
            csrf: op.csrf,
            editing: Some(contest_editing(&state, &c)),
            v: ContestValues::of(&c),
            error: FormError(None),
            saved: q.saved.is_some(),
        },
    )
}

/// `POST /admin/contests/{slug}`.
pub async fn edit_contest_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    slug: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, ApiError> {
    let f = FormData::from(form);
    let here = format!("/admin/contests/{slug}");
    let op = match operator_posting(&state, &req, &f, &here).await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let c = crate::application::find_contest(&state, &slug).await?;
    let info = contest_editing(&state, &c);
    let version = f.get("version").and_then(|v| v.parse().ok());
    let result = match contest_timeline(&f).and_then(|t| Ok((t, contest_judging(&f)?))) {
        Err((field, m)) => Err(ApiError::bad_request("invalid_field", m).placed(field)),
        Ok((
            (opens_at, entries_close_at, announce_at, shortlist_size),
            (judging_mode, min_judgements),
        )) => {
            let patch = ContestPatch {
                title: Some(f.get("title").unwrap_or_default().to_owned()),
                description: Some(f.text("description")),
                opens_at: Some(opens_at),
                entries_close_at,
                announce_at,
                shortlist_size,
                judging_mode,
                min_judgements,
            };
            edit_contest(&state, &op.name, c, version, patch).await
        }
    };
    match result {
        Ok(_) => Ok(see_other(&format!("{here}?saved=1"))),
        Err(e) => refused_contest(op, Some(info), &f, &e),
    }
}
