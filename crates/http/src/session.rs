//! Staff sessions for the web pages: the staff token kept in an `HttpOnly`,
//! `SameSite=Strict` cookie (never where page scripts can read it), and a CSRF token that
//! every state-changing request carried by that cookie must repeat in a header.
//!
//! The CSRF token is an HMAC of the session token under the key every instance shares
//! (the media-signing key), so any instance can check it and nothing is stored. A request
//! from another site carries neither the cookie (`SameSite=Strict`) nor the header (it
//! cannot set custom headers without a CORS preflight we refuse): two locks, not one.

use crate::media_urls::MediaSigner;
use crate::{ApiError, AppState};
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::http::StatusCode;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The cookie that holds a signed-in staff member's token.
pub const COOKIE: &str = "placard_staff";
/// The header that repeats the CSRF token on state-changing requests.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The CSRF token that goes with a session token.
pub fn csrf_token(key: &MediaSigner, session: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.key())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key"));
    mac.update(b"csrf\0");
    mac.update(session.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Whether `presented` is the CSRF token of `session` (constant-time).
pub fn csrf_matches(key: &MediaSigner, session: &str, presented: &str) -> bool {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.key())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key"));
    mac.update(b"csrf\0");
    mac.update(session.as_bytes());
    hex::decode(presented).is_ok_and(|sig| mac.verify_slice(&sig).is_ok())
}

pub fn csrf_failed() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "csrf_failed",
        "This request did not come from a Placard page: reload the page and try again.",
    )
}

/// The cookie that signs a staff member in. `Secure` when Placard is served over HTTPS.
pub fn sign_in_cookie(state: &AppState, token: &str) -> Cookie<'static> {
    Cookie::build(COOKIE, token.to_owned())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.public_url.starts_with("https://"))
        .max_age(Duration::hours(12))
        .finish()
}

/// The cookie that signs a staff member out (an expired, empty one).
pub fn sign_out_cookie(state: &AppState) -> Cookie<'static> {
    let mut c = sign_in_cookie(state, "");
    c.make_removal();
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csrf_tokens_belong_to_one_session() {
        let state = MediaSigner::new("k1");
        let a = csrf_token(&state, "session-a");
        assert!(csrf_matches(&state, "session-a", &a));
        assert!(!csrf_matches(&state, "session-b", &a));
        assert!(!csrf_matches(&state, "session-a", ""));
        assert!(!csrf_matches(&state, "session-a", "not hex"));
        assert!(!csrf_matches(&state, "session-a", &a[..32]));
        assert!(!csrf_matches(&MediaSigner::new("k2"), "session-a", &a));
    }
}
