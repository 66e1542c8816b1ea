//! Pages for staff: signing in with a staff token (kept in an HttpOnly cookie, see
//! `session`), the moderation screen and the judging screen. The screens themselves are
//! driven by the script over the JSON API; these handlers hand it what it needs: the CSRF
//! token, the campaigns and contests to pick from, the rejection reasons.

use super::{any_language, local_path, messages::reason_label, render};
use crate::auth::Deferred;
use crate::l10n::{Prefs, Tr};
use crate::{credentials, session};
use crate::{ApiError, AppState};
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use placard_domain::{ContestState, RejectionReason, Role};
use placard_storage::staff::Staff;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "signin.html")]
struct SignInPage<'a> {
    t: Tr<'a>,
    heading: &'a str,
    next: &'a str,
    /// The form's login-CSRF token (see `session::sign_in_form`).
    csrf: &'a str,
    error: Option<&'a str>,
}

/// The sign-in page, with the sign-in cookie it needs when the browser has none yet.
fn sign_in_page(
    state: &AppState,
    req: &HttpRequest,
    status: StatusCode,
    heading: &str,
    next: &str,
    error: Option<&str>,
) -> Result<HttpResponse, ApiError> {
    let (csrf, cookie) = session::sign_in_form(state, req);
    // The switcher comes back to the page the visitor wanted, not to the form's target.
    let t = any_language(state, &Prefs::of(req))
        .offering(crate::l10n::Locale::ALL.to_vec(), next.to_owned());
    let heading = t.get(heading);
    let error = error.map(|e| t.get(e));
    let error = error.as_deref();
    let mut res = render(
        status,
        &SignInPage {
            t: t.clone(),
            heading: &heading,
            next,
            csrf: &csrf,
            error,
        },
    )?;
    if let Some(c) = cookie {
        res.add_cookie(&c).map_err(ApiError::internal)?;
    }
    Ok(res)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct SignInForm {
    /// The staff API token.
    token: String,
    /// Where to go once signed in: a path of this site (default `/moderate`).
    next: Option<String>,
    /// The form's token from the sign-in page this site showed (login CSRF).
    csrf: Option<String>,
}

fn redirect(to: &str) -> actix_web::HttpResponseBuilder {
    let mut r = HttpResponse::SeeOther();
    r.insert_header((header::LOCATION, to.to_owned()));
    r
}

/// Checks the token and, when it belongs to a live staff account, opens a session for it
/// (the cookie holds the session's id, never the token). The form must come from a sign-in
/// page this site showed this browser (login CSRF), and `next` must be a path of this site.
#[utoipa::path(post, path = "/session", tag = "staff pages",
    request_body(content = SignInForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 303, description = "Signed in: the session cookie is set, `Location` is `next`"),
        (status = 400, description = "The form is malformed", body = crate::error::ErrorBody),
        (status = 401, description = "The token is not a live staff token: the sign-in page again", content_type = "text/html"),
        (status = 403, description = "The form did not come from this site's sign-in page: the sign-in page again", content_type = "text/html")))]
pub async fn sign_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: Deferred<web::Form<SignInForm>>,
) -> Result<HttpResponse, ApiError> {
    let form = form.get()?.into_inner();
    let next = form
        .next
        .as_deref()
        .filter(|p| local_path(p))
        .unwrap_or("/moderate");
    let heading = "signin-heading";
    if !session::sign_in_form_matches(&state, &req, form.csrf.as_deref().unwrap_or_default()) {
        return sign_in_page(
            &state,
            &req,
            StatusCode::FORBIDDEN,
            heading,
            next,
            Some("signin-expired"),
        );
    }
    let token = form.token.trim();
    let staff = if token.len() <= credentials::MAX_TOKEN_LEN {
        state.store.staff_by_token(token).await?
    } else {
        None
    };
    let Some(staff) = staff else {
        return sign_in_page(
            &state,
            &req,
            StatusCode::UNAUTHORIZED,
            heading,
            next,
            Some("signin-unknown"),
        );
    };
    let id = session::new_session_id();
    let now = state.clock.now();
    state
        .store
        .create_session(
            staff.id,
            &id.hash(),
            now,
            now + chrono::TimeDelta::hours(session::LIFETIME_HOURS),
        )
        .await?;
    tracing::info!(staff.id = %staff.id, "staff signed in on a page");
    Ok(redirect(next)
        .cookie(session::sign_in_cookie(&state, id.expose()))
        .finish())
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct SignOutForm {
    /// The page's form token.
    csrf: String,
}

/// Ends the session on the server (its id no longer signs anyone in, whoever holds a copy of
/// the cookie) and clears the cookie.
#[utoipa::path(post, path = "/session/end", tag = "staff pages",
    request_body(content = SignOutForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 303, description = "Signed out: the cookie is cleared, `Location` is the sign-in page"),
        (status = 400, description = "The form is malformed", body = crate::error::ErrorBody),
        (status = 403, description = "The form's token does not match the session (CSRF)", body = crate::error::ErrorBody)))]
pub async fn sign_out(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: Deferred<web::Form<SignOutForm>>,
) -> Result<HttpResponse, ApiError> {
    let form = form.get()?;
    if let Some(id) = credentials::session_token(&req) {
        if !session::csrf_matches(&state.signer, &id, &form.csrf) {
            return Err(session::csrf_failed());
        }
        state.store.end_session(&id).await?;
    }
    Ok(redirect("/moderate")
        .cookie(session::sign_out_cookie(&state))
        .finish())
}

/// The signed-in staff member holding `role`, or the page to show instead (sign in, or
/// "not allowed").
pub(super) async fn signed_in(
    state: &AppState,
    req: &HttpRequest,
    role: Role,
    here: &str,
) -> Result<Result<(Staff, String), HttpResponse>, ApiError> {
    let heading = match role {
        Role::Judge => "signin-judge",
        Role::Admin => "signin-admin",
        Role::Moderator => "signin-moderate",
    };
    let staff = match credentials::session_token(req) {
        Some(id) => state
            .store
            .staff_by_session(&id, state.clock.now())
            .await?
            .map(|s| (s, id)),
        None => None,
    };
    let Some((staff, id)) = staff else {
        return Ok(Err(sign_in_page(
            state,
            req,
            StatusCode::OK,
            heading,
            here,
            None,
        )?));
    };
    if !staff.role.grants(role) {
        return Ok(Err(sign_in_page(
            state,
            req,
            StatusCode::FORBIDDEN,
            heading,
            here,
            Some("signin-wrong-role"),
        )?));
    }
    Ok(Ok((staff, session::csrf_token(&state.signer, &id))))
}

struct Choice {
    slug: String,
    title: String,
    /// A campaign's logo, the reference for "is the logo visible".
    logo: Option<String>,
    /// How the campaign's operators want its photos met (blurred first, a pause after N).
    care: placard_domain::ModeratorCare,
}

impl Choice {
    fn new(slug: String, title: String) -> Self {
        Self {
            slug,
            title,
            logo: None,
            care: placard_domain::ModeratorCare::default(),
        }
    }
}

fn choices_of(contests: Vec<placard_storage::contests::Contest>) -> Vec<Choice> {
    contests
        .into_iter()
        .map(|c| Choice::new(c.slug, c.title))
        .collect()
}

#[derive(Template)]
#[template(path = "moderate.html")]
struct ModeratePage<'a> {
    t: Tr<'a>,
    name: String,
    csrf: String,
    campaigns: Vec<Choice>,
    contests: Vec<Choice>,
    /// `(digit, code, words)`.
    reasons: Vec<(usize, &'static str, String)>,
}

pub async fn moderate_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (staff, csrf) = match signed_in(&state, &req, Role::Moderator, "/moderate").await? {
        Ok(s) => s,
        Err(page) => return Ok(page),
    };
    // A moderator limited to some campaigns is offered those only.
    let scope = state.store.staff_scope(staff.id).await?;
    let campaigns: Vec<_> = state
        .store
        .campaigns()
        .await?
        .into_iter()
        .filter(|c| scope.is_empty() || scope.contains(&c.id))
        .collect();
    let contests = state.store.contests().await?;
    let t = any_language(&state, &Prefs::of(&req));
    render(
        StatusCode::OK,
        &ModeratePage {
            reasons: RejectionReason::ALL
                .into_iter()
                .enumerate()
                .map(|(i, r)| (i + 1, r.as_str(), reason_label(&t, r)))
                .collect(),
            t,
            name: staff.name,
            csrf,
            campaigns: campaigns
                .into_iter()
                .map(|c| Choice {
                    logo: crate::routes::campaigns::logo_url(&state, &c),
                    care: c.moderator_care(),
                    slug: c.slug,
                    title: c.title,
                })
                .collect(),
            contests: choices_of(contests),
        },
    )
}

/// A contest as the judging screen offers it: where it stands, in one line at the top.
struct JudgedContest {
    slug: String,
    title: String,
    /// "Taking entries until …; judging ends at the announcement on …".
    state_line: String,
    /// Announced: the scores are final and the screen shows them read-only.
    read_only: bool,
    /// Judged by comparing two slogans at a time, not by scores.
    pairwise: bool,
}

impl JudgedContest {
    fn new(
        t: &Tr,
        c: placard_storage::contests::Contest,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Self {
        let announce = t.date_time(c.announce_at);
        let state = crate::application::state_of(&c, now);
        let state_line = match state {
            ContestState::Upcoming => t.arg2(
                "judge-state-upcoming",
                "opens",
                t.date_time(c.opens_at.unwrap_or(c.entries_close_at)),
                "announce",
                announce,
            ),
            ContestState::Open => t.arg2(
                "judge-state-open",
                "closes",
                t.date_time(c.entries_close_at),
                "announce",
                announce,
            ),
            ContestState::Judging => t.arg("judge-state-judging", "announce", announce),
            ContestState::Announced => t.arg(
                "judge-state-announced",
                "announced",
                t.date_time(c.announced_at.unwrap_or(c.announce_at)),
            ),
        };
        Self {
            pairwise: c.mode() == placard_domain::JudgingMode::Pairwise,
            slug: c.slug,
            title: c.title,
            state_line,
            read_only: state == ContestState::Announced,
        }
    }
}

#[derive(Template)]
#[template(path = "judge.html")]
struct JudgePage<'a> {
    t: Tr<'a>,
    name: String,
    csrf: String,
    contests: Vec<JudgedContest>,
    /// An admin chairs the jury: they may open the ranking before scoring everything.
    chair: bool,
}

pub async fn judge_page(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (staff, csrf) = match signed_in(&state, &req, Role::Judge, "/judge").await? {
        Ok(s) => s,
        Err(page) => return Ok(page),
    };
    let t = any_language(&state, &Prefs::of(&req));
    let now = state.clock.now();
    let contests = state
        .store
        .contests()
        .await?
        .into_iter()
        .map(|c| JudgedContest::new(&t, c, now))
        .collect();
    render(
        StatusCode::OK,
        &JudgePage {
            t,
            name: staff.name,
            csrf,
            contests,
            chair: staff.role == Role::Admin,
        },
    )
}
