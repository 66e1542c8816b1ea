//! The operator's pages (`/admin`, admin role): the dashboard, the campaign and contest
//! forms, staff accounts and dead jobs. Every form is a plain HTML form that posts here and
//! works without JavaScript (the script only adds a copy button for a new token); each
//! carries the session's CSRF token as a field. The rules are the JSON API's own functions,
//! so a page and an API client can never be told different things.
//!
//! `campaigns` holds the campaign and contest forms, `people` the staff accounts and dead
//! jobs; this module the dashboard and what every admin page shares.

mod campaigns;
mod judges;
mod people;

pub use campaigns::*;
pub use judges::*;
pub use people::*;

use super::staff::signed_in;
use super::{any_language, render};
use crate::l10n::{Prefs, Tr};
use crate::routes::admin::overview::{
    campaign_summaries, contest_summaries, CampaignSummary, ContestSummary,
};
use crate::{credentials, session, ApiError, AppState};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{DateTime, NaiveDateTime, Utc};
use placard_domain::{JobState, Role};

/// The signed-in admin of a page.
pub(crate) struct Operator<'a> {
    pub name: String,
    pub csrf: String,
    /// The pages' language: staff pages speak every language Placard has.
    pub t: Tr<'a>,
}

/// The signed-in admin, or the page to show instead (sign in, or not allowed).
async fn operator<'a>(
    state: &'a AppState,
    req: &HttpRequest,
    here: &str,
) -> Result<Result<Operator<'a>, HttpResponse>, ApiError> {
    Ok(signed_in(state, req, Role::Admin, here)
        .await?
        .map(|(staff, csrf)| Operator {
            name: staff.name,
            csrf,
            t: any_language(state, &Prefs::of(req)),
        }))
}

/// The same for a form's POST, which must also carry the session's CSRF token: 403
/// `csrf_failed` otherwise, before anything is read or changed.
async fn operator_posting<'a>(
    state: &'a AppState,
    req: &HttpRequest,
    form: &FormData,
    here: &str,
) -> Result<Result<Operator<'a>, HttpResponse>, ApiError> {
    let op = match operator(state, req, here).await? {
        Ok(op) => op,
        Err(page) => return Ok(Err(page)),
    };
    let session = credentials::session_token(req).unwrap_or_default();
    if !session::csrf_matches(
        &state.signer,
        &session,
        form.get("csrf").unwrap_or_default(),
    ) {
        return Err(session::csrf_failed());
    }
    Ok(Ok(op))
}

/// A submitted form: its fields in order, repeated names kept (checkboxes).
pub struct FormData(Vec<(String, String)>);

impl FormData {
    pub fn from(form: web::Form<Vec<(String, String)>>) -> Self {
        Self(form.into_inner())
    }

    /// The first value of `name`, as sent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `name`, `None` when absent or blank.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_owned)
    }

    /// Every value of `name` (checkboxes, multi-selects).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// What an `<input type="datetime-local">` holds, in UTC (the forms say so next to the
/// field): `YYYY-MM-DDTHH:MM[:SS]`.
pub(crate) fn parse_utc(
    field: &'static str,
    raw: Option<&str>,
) -> Result<Option<DateTime<Utc>>, (&'static str, String)> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(raw, f).ok())
        .map(|t| Some(t.and_utc()))
        // A message id: the form shows it in the operator's language (`FormError::new`).
        .ok_or((field, "admin-date-format".to_owned()))
}

/// A time as a `datetime-local` input's value (UTC, to the minute).
pub(crate) fn input_time(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

/// How long ago, in the largest unit that fits.
pub(crate) fn age(t: &Tr<'_>, since: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let s = (now - since).num_seconds().max(0);
    match s {
        0..=119 => t.arg("age-seconds", "n", s),
        120..=7199 => t.arg("age-minutes", "n", s / 60),
        7200..=172_799 => t.arg("age-hours", "n", s / 3600),
        _ => t.arg("age-days", "n", s / 86_400),
    }
}

/// An error of the API's rules, placed next to the field it names (its message starts
/// with the field's name) or, when it names none of `fields`, above the form.
pub(crate) fn place_error(
    err: &ApiError,
    fields: &[&'static str],
) -> (Option<&'static str>, String) {
    let m = err.message();
    let field = fields.iter().copied().find(|f| {
        m.strip_prefix(f).is_some_and(|rest| {
            rest.starts_with(':') || rest.starts_with(' ') || rest.starts_with('.')
        })
    });
    (field, m.to_owned())
}

/// A refused form's error: next to the field it names, or above the form (`None` field).
pub(crate) struct FormError(pub Option<(Option<&'static str>, String)>);

impl FormError {
    /// A refused form's error, in the operator's language where it is one of the pages'
    /// own sentences (a message id); the API's rules speak English, as the API does.
    pub fn new(t: &Tr<'_>, error: Option<(Option<&'static str>, String)>) -> Self {
        Self(error.map(|(f, m)| {
            let own = m.starts_with("admin-") || m.starts_with("staff-");
            (f, if own { t.get(&m) } else { m })
        }))
    }

    /// The error to show next to `field`, if it is about that field.
    pub fn field(&self, field: &str) -> Option<&str> {
        match &self.0 {
            Some((Some(f), m)) if *f == field => Some(m),
            _ => None,
        }
    }

    /// The error to show above the form, if it names no field.
    pub fn above(&self) -> Option<&str> {
        match &self.0 {
            Some((None, m)) => Some(m),
            _ => None,
        }
    }
}

/// A 303 to `to` (after a form was handled: reloading the result does not post again).
pub(crate) fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.to_owned()))
        .finish()
}

struct CampaignRow {
    s: CampaignSummary,
    oldest_age: Option<String>,
}

#[derive(Template)]
#[template(path = "admin_home.html")]
struct Dashboard<'a> {
    t: Tr<'a>,
    name: String,
    csrf: String,
    campaigns: Vec<CampaignRow>,
    contests: Vec<ContestSummary>,
    dead_jobs: i64,
}

impl Dashboard<'_> {
    fn count(counts: &std::collections::BTreeMap<&'static str, i64>, status: &str) -> i64 {
        counts.get(status).copied().unwrap_or(0)
    }
}

/// `/admin`: every campaign and contest with its counts, the oldest photo waiting, and the
/// dead jobs.
pub async fn dashboard(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let op = match operator(&state, &req, "/admin").await? {
        Ok(op) => op,
        Err(page) => return Ok(page),
    };
    let now = state.clock.now();
    let (campaigns, _) = campaign_summaries(&state, 200, None).await?;
    let (contests, _) = contest_summaries(&state, 200, None).await?;
    let dead_jobs = state
        .store
        .job_counts()
        .await?
        .into_iter()
        .find(|(s, _)| *s == JobState::Dead)
        .map_or(0, |(_, n)| n);
    render(
        StatusCode::OK,
        &Dashboard {
            campaigns: campaigns
                .into_iter()
                .map(|s| CampaignRow {
                    oldest_age: s.oldest_pending_at.map(|at| age(&op.t, at, now)),
                    s,
                })
                .collect(),
            name: op.name,
            csrf: op.csrf,
            t: op.t,
            contests,
            dead_jobs,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_times_are_utc_minutes() {
        assert_eq!(
            parse_utc("opens_at", Some("2027-06-26T09:00")).map(|t| t.map(|t| t.to_rfc3339())),
            Ok(Some("2027-06-26T09:00:00+00:00".to_owned()))
        );
        assert_eq!(parse_utc("opens_at", Some("  ")), Ok(None));
        assert!(parse_utc("opens_at", Some("26/06/2027")).is_err());
        let t = parse_utc("x", Some("2027-06-26T09:00:30")).ok().flatten();
        assert_eq!(input_time(t), "2027-06-26T09:00");
    }

    #[test]
    fn ages_read_well() {
        let now = Utc::now();
        let catalog = crate::l10n::Catalog::new(1 << 20, 100);
        let t = catalog.tr(crate::l10n::Locale::En);
        assert_eq!(age(&t, now - chrono::TimeDelta::seconds(30), now), "30 s");
        assert_eq!(age(&t, now - chrono::TimeDelta::minutes(90), now), "90 min");
        assert_eq!(age(&t, now - chrono::TimeDelta::hours(30), now), "30 h");
        assert_eq!(age(&t, now - chrono::TimeDelta::days(3), now), "3 days");
        let t = catalog.tr(crate::l10n::Locale::Ru);
        assert!(age(&t, now - chrono::TimeDelta::days(3), now).starts_with("3 "));
    }
}
