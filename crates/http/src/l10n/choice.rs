//! Which language a visitor reads, in the contract's order: `?lang=xx`, else the
//! `placard_lang` cookie set by the language switcher, else the best match of the
//! browser's `Accept-Language`, else the campaign's default language, else English; only
//! among the languages the page offers (a campaign's `languages`).

use super::Locale;
use crate::{ApiError, AppState};
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use serde::Deserialize;
use std::future::{ready, Ready};
use unic_langid::LanguageIdentifier;

/// The cookie the switcher sets: a two-letter code, nothing else.
pub const COOKIE: &str = "placard_lang";

/// The most `Accept-Language` entries looked at (a header is a list anyone can pad).
const MAX_ACCEPTED: usize = 16;

/// What a request says about its reader's languages, and the page it asked for (the
/// switcher's links come back to it).
#[derive(Debug, Clone, Default)]
pub struct Prefs {
    query: Option<Locale>,
    cookie: Option<Locale>,
    accepted: Vec<LanguageIdentifier>,
    /// The path and query, without `lang`.
    pub here: String,
}

/// `Accept-Language`'s languages, most wanted first (by `q`, then order); `q=0` means
/// "not this one".
fn accepted(header: &str) -> Vec<LanguageIdentifier> {
    let mut weighted: Vec<(u16, usize, LanguageIdentifier)> = header
        .split(',')
        .take(MAX_ACCEPTED)
        .enumerate()
        .filter_map(|(i, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| {
                    q.trim()
                        .parse::<f32>()
                        .ok()
                        .map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u16)
                })?;
            let id = fluent_langneg::accepted_languages::parse(tag)
                .into_iter()
                .next()?;
            (q > 0).then_some((q, i, id))
        })
        .collect();
    weighted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    weighted.into_iter().map(|(_, _, id)| id).collect()
}

impl Prefs {
    pub fn of(req: &HttpRequest) -> Self {
        let mut query = None;
        let mut kept = Vec::new();
        for pair in req.query_string().split('&').filter(|p| !p.is_empty()) {
            match pair.strip_prefix("lang=") {
                Some(code) => query = query.or_else(|| Locale::parse(code)),
                None => kept.push(pair),
            }
        }
        let here = if kept.is_empty() {
            req.path().to_owned()
        } else {
            format!("{}?{}", req.path(), kept.join("&"))
        };
        Self {
            query,
            cookie: req.cookie(COOKIE).and_then(|c| Locale::parse(c.value())),
            accepted: req
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(accepted)
                .unwrap_or_default(),
            here,
        }
    }

    /// A reader's language among `offered` (never empty: English when nothing is).
    pub fn pick(&self, offered: &[Locale], default: Locale) -> Locale {
        let offer = |l: &Option<Locale>| l.filter(|l| offered.contains(l));
        if let Some(l) = offer(&self.query).or_else(|| offer(&self.cookie)) {
            return l;
        }
        let available: Vec<LanguageIdentifier> = offered
            .iter()
            .filter_map(|l| l.code().parse().ok())
            .collect();
        let best = negotiate_languages(
            &self.accepted,
            &available,
            None,
            NegotiationStrategy::Lookup,
        );
        best.first()
            .and_then(|id| Locale::parse(id.language.as_str()))
            .or_else(|| offered.contains(&default).then_some(default))
            .or_else(|| offered.first().copied())
            .unwrap_or(Locale::En)
    }
}

impl FromRequest for Prefs {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Prefs::of(req)))
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct SwitchQuery {
    /// Where to go back to: a path of this site (anything else goes to `/`).
    next: Option<String>,
}

/// The language switcher's link: sets the `placard_lang` cookie for a year and goes back to
/// the page, with `?lang=` added so that a page in a frame, where the browser may keep no
/// cookie, switches too.
#[utoipa::path(get, path = "/lang/{code}", tag = "pages",
    params(("code" = String, Path, description = "en, es, fr, pt, ru or ar"), SwitchQuery),
    responses(
        (status = 303, description = "The cookie is set; `Location` is `next` with `lang`"),
        (status = 404, description = "Placard has no such language: a page saying so", content_type = "text/html")))]
pub async fn set_language(
    state: web::Data<AppState>,
    req: HttpRequest,
    code: web::Path<String>,
    query: web::Query<SwitchQuery>,
) -> Result<HttpResponse, ApiError> {
    let Some(locale) = Locale::parse(&code) else {
        let t = state
            .l10n
            .tr(Prefs::of(&req).pick(&Locale::ALL, Locale::En));
        return crate::pages::notice_for(&state, &t, &ApiError::not_found("The language"), None);
    };
    let next = query
        .next
        .as_deref()
        .filter(|p| crate::pages::local_path(p))
        .unwrap_or("/");
    let join = if next.contains('?') { '&' } else { '?' };
    let cookie = Cookie::build(COOKIE, locale.code())
        .path("/")
        .same_site(SameSite::Lax)
        .secure(state.settings.public_url.starts_with("https://"))
        .max_age(Duration::days(365))
        .finish();
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("{next}{join}lang={}", locale.code()),
        ))
        .cookie(cookie)
        .finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn prefs(uri: &str, cookie: Option<&str>, accept: Option<&str>) -> Prefs {
        let mut r = TestRequest::get().uri(uri);
        if let Some(c) = cookie {
            r = r.cookie(Cookie::new(COOKIE, c.to_owned()));
        }
        if let Some(a) = accept {
            r = r.insert_header((header::ACCEPT_LANGUAGE, a));
        }
        Prefs::of(&r.to_http_request())
    }

    #[test]
    fn the_contracts_order_holds() {
        let all = Locale::ALL;
        let p = prefs("/c/x?lang=ar", Some("fr"), Some("es"));
        assert_eq!(p.pick(&all, Locale::En), Locale::Ar);
        assert_eq!(p.here, "/c/x");
        let p = prefs("/c/x", Some("fr"), Some("es"));
        assert_eq!(p.pick(&all, Locale::En), Locale::Fr);
        let p = prefs("/c/x", None, Some("pt-BR,pt;q=0.9,en;q=0.8"));
        assert_eq!(p.pick(&all, Locale::En), Locale::Pt);
        let p = prefs("/c/x", None, Some("de-DE, ru;q=0.5, es;q=0.7"));
        assert_eq!(p.pick(&all, Locale::En), Locale::Es);
        let p = prefs("/c/x", None, Some("de"));
        assert_eq!(p.pick(&all, Locale::Fr), Locale::Fr);
        let p = prefs("/c/x", None, None);
        assert_eq!(p.pick(&all, Locale::En), Locale::En);
    }

    #[test]
    fn only_the_offered_languages_are_used() {
        let offered = [Locale::En, Locale::Es];
        let p = prefs("/c/x?lang=ar&cursor=abc", Some("fr"), Some("ru, es;q=0.5"));
        assert_eq!(p.pick(&offered, Locale::En), Locale::Es);
        assert_eq!(p.here, "/c/x?cursor=abc");
        let p = prefs("/c/x?lang=xx", None, Some("ar, ru;q=0.9"));
        assert_eq!(p.pick(&offered, Locale::Es), Locale::Es);
        let p = prefs("/c/x", None, Some("es;q=0, en"));
        assert_eq!(p.pick(&offered, Locale::Es), Locale::En);
    }
}
