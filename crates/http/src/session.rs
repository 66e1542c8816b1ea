//! Staff sessions for the web pages, held on the server.
//!
//! Signing in on a page opens a session (see `placard_storage::sessions`): the cookie holds a
//! random id (`HttpOnly`, `SameSite=Strict`, never where page scripts can read it), the
//! database its hash, its account and its expiry. Signing out deletes the row, and so do
//! revoking the account and rotating its token: the session ends on every instance at once,
//! whatever copy of the cookie is still around. The staff token itself never goes into a
//! cookie.
//!
//! Every state-changing request carried by the cookie must repeat a CSRF token in a header:
//! an HMAC of the session id under the key every instance shares (the media-signing key), so
//! any instance can check it and nothing more is stored. A request from another site carries
//! neither the cookie (`SameSite=Strict`) nor the header (it cannot set custom headers
//! without a CORS preflight we refuse): two locks, not one.
//!
//! The sign-in form is protected the same way against login CSRF (another site signing a
//! staff member's browser into an account of its choosing): the page sets a random
//! `placard_signin` cookie and the form repeats its HMAC.

use crate::media_urls::MediaSigner;
use crate::{ApiError, AppState};
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::HttpRequest;
use hmac::{Hmac, Mac};
use placard_domain::SecretToken;
use sha2::Sha256;

/// The cookie that holds a signed-in staff member's session id.
pub const COOKIE: &str = "placard_staff";
/// The cookie that ties a sign-in form to the browser it was shown in.
pub const SIGNIN_COOKIE: &str = "placard_signin";
/// The header that repeats the CSRF token on state-changing requests.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// How long a page session lasts after signing in.
pub const LIFETIME_HOURS: i64 = 12;

fn mac(key: &MediaSigner, purpose: &[u8], value: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.key())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key"));
    mac.update(purpose);
    mac.update(value.as_bytes());
    mac
}

/// The CSRF token that goes with a session id.
pub fn csrf_token(key: &MediaSigner, session: &str) -> String {
    hex::encode(mac(key, b"csrf\0", session).finalize().into_bytes())
}

/// Whether `presented` is the CSRF token of `session` (constant-time).
pub fn csrf_matches(key: &MediaSigner, session: &str, presented: &str) -> bool {
    let mac = mac(key, b"csrf\0", session);
    hex::decode(presented).is_ok_and(|sig| mac.verify_slice(&sig).is_ok())
}

pub fn csrf_failed() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "csrf_failed",
        "This request did not come from a Placard page: reload the page and try again.",
    )
}

/// A new session id: 256 random bits, the same shape as the other tokens.
pub fn new_session_id() -> SecretToken {
    SecretToken::generate("pls")
}

fn cookie(state: &AppState, name: &'static str, value: &str, max_age: Duration) -> Cookie<'static> {
    Cookie::build(name, value.to_owned())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.public_url.starts_with("https://"))
        .max_age(max_age)
        .finish()
}

/// The cookie that carries a session. `Secure` when Placard is served over HTTPS.
pub fn sign_in_cookie(state: &AppState, session: &str) -> Cookie<'static> {
    cookie(state, COOKIE, session, Duration::hours(LIFETIME_HOURS))
}

/// The cookie that signs a staff member out (an expired, empty one).
pub fn sign_out_cookie(state: &AppState) -> Cookie<'static> {
    let mut c = sign_in_cookie(state, "");
    c.make_removal();
    c
}

/// What a sign-in form needs: the browser's sign-in nonce (kept when it has a well-formed
/// one, so two open forms both work) and the form's token for it. `Some(cookie)` when the
/// cookie must be set.
pub fn sign_in_form(state: &AppState, req: &HttpRequest) -> (String, Option<Cookie<'static>>) {
    let existing = req
        .cookie(SIGNIN_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| SecretToken::is_shaped("pln", v));
    let (nonce, set) = match existing {
        Some(n) => (n, None),
        None => {
            let n = SecretToken::generate("pln").expose().to_owned();
            let c = cookie(state, SIGNIN_COOKIE, &n, Duration::hours(LIFETIME_HOURS));
            (n, Some(c))
        }
    };
    let token = hex::encode(
        mac(&state.signer, b"signin\0", &nonce)
            .finalize()
            .into_bytes(),
    );
    (token, set)
}

/// Whether a submitted sign-in form came from a form this site showed this browser.
pub fn sign_in_form_matches(state: &AppState, req: &HttpRequest, presented: &str) -> bool {
    let Some(nonce) = req.cookie(SIGNIN_COOKIE) else {
        return false;
    };
    let mac = mac(&state.signer, b"signin\0", nonce.value());
    hex::decode(presented).is_ok_and(|sig| mac.verify_slice(&sig).is_ok())
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
