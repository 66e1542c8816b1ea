//! Placard's own web pages: server-rendered HTML (askama templates, escaped by default) on
//! the same rules and storage as the JSON API, plus one small script that enhances them.
//!
//! Supporter pages work without JavaScript (plain forms that post here); the script adds a
//! progress bar, previews and the keyboard-driven staff screens, which call the JSON API
//! with the session cookie (see `session`). Every page is served with a strict
//! Content-Security-Policy: nothing from another origin, no inline script or style.

mod admin;
mod assets;
mod home;
mod messages;

pub(crate) mod staff;
mod supporter;

use crate::l10n::{Locale, Prefs, Tr};
use crate::{ApiError, AppState};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

/// What pages may load: their own origin only. `data:` images are the blurhash placeholders
/// drawn by the script; `blob:` the photo preview before upload.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'";

/// Every page route. Registered by the API role beside the JSON routes.
pub fn register(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/static/{name}").get(assets::asset))
        .service(
            web::resource("/c/{slug}")
                .get(supporter::campaign_page)
                .post(supporter::upload_form),
        )
        .service(web::resource("/c/{slug}/embed").get(supporter::embed_page))
        .service(web::resource("/c/{slug}/mosaic").get(supporter::mosaic_page))
        .service(web::resource("/c/{slug}/gallery").get(supporter::gallery_page))
        .service(web::resource("/c/{slug}/photos/{id}").get(supporter::photo_page))
        .service(web::resource("/p/{id}").get(supporter::photo_status_page))
        .service(web::resource("/p/{id}/withdraw").post(supporter::withdraw_photo))
        .service(
            web::resource("/k/{slug}")
                .get(supporter::contest_page)
                .post(supporter::entry_form),
        )
        .service(web::resource("/e/{id}").get(supporter::entry_status_page))
        .service(web::resource("/e/{id}/withdraw").post(supporter::withdraw_entry))
        .service(web::resource("/session").post(staff::sign_in))
        .service(web::resource("/session/end").post(staff::sign_out))
        .service(web::resource("/lang/{code}").get(crate::l10n::set_language))
        .service(web::resource("/").get(home::front_door))
        .service(web::resource("/admin").get(admin::dashboard))
        .service(web::resource("/admin/campaigns/new").get(admin::new_campaign_page))
        .service(web::resource("/admin/campaigns").post(admin::create_campaign_form))
        .service(
            web::resource("/admin/campaigns/{slug}")
                .get(admin::edit_campaign_page)
                .post(admin::edit_campaign_form),
        )
        .service(web::resource("/admin/campaigns/{slug}/logo").post(admin::campaign_logo_form))
        .service(web::resource("/admin/contests/new").get(admin::new_contest_page))
        .service(web::resource("/admin/contests").post(admin::create_contest_form))
        .service(web::resource("/admin/contests/{slug}/judges").get(admin::judges_report_page))
        .service(
            web::resource("/admin/contests/{slug}")
                .get(admin::edit_contest_page)
                .post(admin::edit_contest_form),
        )
        .service(
            web::resource("/admin/staff")
                .get(admin::staff_accounts_page)
                .post(admin::create_staff_form),
        )
        .service(web::resource("/admin/staff/{id}/revoke").post(admin::revoke_staff_form))
        .service(web::resource("/admin/staff/{id}/rotate").post(admin::rotate_staff_form))
        .service(web::resource("/admin/staff/{id}/campaigns").post(admin::staff_scope_form))
        .service(web::resource("/admin/jobs").get(admin::dead_jobs_page))
        .service(web::resource("/admin/jobs/{id}/retry").post(admin::retry_job_form))
        .service(web::resource("/moderate").get(staff::moderate_page))
        .service(web::resource("/judge").get(staff::judge_page));
}

/// Renders a template as a page with the page headers.
fn render(status: StatusCode, page: &impl Template) -> Result<HttpResponse, ApiError> {
    let body = page.render().map_err(ApiError::internal)?;
    let mut res = HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        // Pages can hold receipt tokens and staff data: never stored by a shared cache.
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body);
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PAGE_CSP),
    );
    Ok(res)
}

/// Lets the campaign's own sites frame a page: its `Content-Security-Policy` names them in
/// `frame-ancestors` (which browsers obey over the `X-Frame-Options: DENY` every response
/// carries). With no origins the page keeps `frame-ancestors 'none'`.
fn framed_by(mut res: HttpResponse, origins: &[String]) -> HttpResponse {
    if origins.is_empty() {
        return res;
    }
    // The origins were parsed as `scheme://host[:port]` when they were saved: nothing in
    // them can end the directive.
    let csp = PAGE_CSP.replace(
        "frame-ancestors 'none'",
        &format!("frame-ancestors {}", origins.join(" ")),
    );
    if let Ok(v) = HeaderValue::from_str(&csp) {
        res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    res
}

/// Renders a page (a form shown again with its error) with the error's status, its cause
/// handed to the request logger.
fn render_failed(err: &ApiError, page: &impl Template) -> Result<HttpResponse, ApiError> {
    let mut res = render(err.status(), page)?;
    err.attach_cause(&mut res);
    Ok(res)
}

/// A page that only says something (an error, a confirmation).
#[derive(Template)]
#[template(path = "notice.html")]
struct Notice<'a> {
    t: &'a Tr<'a>,
    title: &'a str,
    message: &'a str,
    back: Option<(&'a str, &'a str)>,
}

/// The page for an error a visitor ran into, in words rather than codes, with its status.
pub(crate) fn notice_for(
    _state: &AppState,
    t: &Tr<'_>,
    err: &ApiError,
    back: Option<(&str, &str)>,
) -> Result<HttpResponse, ApiError> {
    let message = t.error(err);
    let title = t.get(if err.status().is_server_error() {
        "notice-error-title"
    } else if err.status() == StatusCode::NOT_FOUND {
        "notice-not-found-title"
    } else {
        "notice-failed-title"
    });
    let mut res = render(
        err.status(),
        &Notice {
            t,
            title: &title,
            message: &message,
            back,
        },
    )?;
    err.attach_cause(&mut res);
    Ok(res)
}

/// The translator of a page that is no campaign's (staff pages, the front door): every
/// language, English by default.
pub(crate) fn any_language<'a>(state: &'a AppState, prefs: &Prefs) -> Tr<'a> {
    state.l10n.page(prefs, &Locale::ALL, Locale::En)
}

/// The translator of a campaign's pages: the campaign's languages, its default.
pub(crate) fn campaign_language<'a>(
    state: &'a AppState,
    prefs: &Prefs,
    c: &placard_storage::campaigns::Campaign,
) -> Tr<'a> {
    let offered = Locale::all_of(&c.languages());
    let default = Locale::parse(&c.default_language).unwrap_or(Locale::En);
    state.l10n.page(prefs, &offered, default)
}

/// Only paths of this site may be redirected to (no open redirects through `next`).
///
/// Browsers drop tabs and newlines from URLs and read `\\` as `/`, so `/\t/evil.example`
/// would be followed to another site: a path of this site is printable ASCII without a
/// backslash, starting with one `/`. (This also keeps a CR or LF out of the `Location`
/// header.)
pub(crate) fn local_path(p: &str) -> bool {
    p.starts_with('/')
        && !p.starts_with("//")
        && p.len() <= 2048
        && p.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed() {
        assert!(super::local_path("/moderate"));
        assert!(!super::local_path("//evil.example/x"));
        assert!(!super::local_path("https://evil.example/"));
        assert!(!super::local_path("/\\evil.example"));
        assert!(!super::local_path("/\t/evil.example"));
        assert!(!super::local_path("/\n/evil.example"));
        assert!(!super::local_path("/moderate\r\nSet-Cookie: x=1"));
        assert!(!super::local_path("/ /evil.example"));
        assert!(super::local_path("/admin/campaigns/sdp?tab=texts"));
    }
}
