//! How a request presents a token: the `Authorization` header (API clients, receipts) or
//! the staff session cookie (pages; see `session` for the cookie and its CSRF token).

use crate::session::{csrf_failed, csrf_matches, COOKIE, CSRF_HEADER};
use crate::{ApiError, AppState};
use actix_web::http::header::AUTHORIZATION;
use actix_web::HttpRequest;
use placard_storage::staff::Staff;

/// Longer "tokens" are refused without hashing them: ours are 68 characters.
pub(crate) const MAX_TOKEN_LEN: usize = 256;

/// The bearer token of a request, if it has a well-formed one.
pub fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() && token.len() <= MAX_TOKEN_LEN)
        .then(|| token.to_owned())
}

/// The session id from the cookie, if there is a well-formed one.
pub fn session_token(req: &HttpRequest) -> Option<String> {
    let cookie = req.cookie(COOKIE)?;
    let token = cookie.value();
    (!token.is_empty() && token.len() <= MAX_TOKEN_LEN).then(|| token.to_owned())
}

/// What a request presents to prove it is staff.
pub enum StaffCredential {
    /// An API token in the `Authorization` header.
    Bearer(String),
    /// A page session id from the cookie.
    Session(String),
}

/// The staff credential a request presents: the `Authorization` header first, else the
/// session cookie — which, on a state-changing method, counts only with the matching CSRF
/// header (403 `csrf_failed` otherwise, before the session is even looked up).
pub fn staff_credential(
    state: &AppState,
    req: &HttpRequest,
) -> Result<Option<StaffCredential>, ApiError> {
    if let Some(token) = bearer_token(req) {
        return Ok(Some(StaffCredential::Bearer(token)));
    }
    let Some(session) = session_token(req) else {
        return Ok(None);
    };
    if !req.method().is_safe() {
        let presented = req
            .headers()
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if !csrf_matches(&state.signer, &session, presented) {
            return Err(csrf_failed());
        }
    }
    Ok(Some(StaffCredential::Session(session)))
}

impl StaffCredential {
    /// The live account behind the credential, if any.
    pub async fn staff(&self, state: &AppState) -> Result<Option<Staff>, ApiError> {
        Ok(match self {
            StaffCredential::Bearer(token) => state.store.staff_by_token(token).await?,
            StaffCredential::Session(id) => {
                state.store.staff_by_session(id, state.clock.now()).await?
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn bearer_tokens_are_parsed_strictly() {
        let with = |v: &str| {
            bearer_token(
                &TestRequest::default()
                    .insert_header((AUTHORIZATION, v))
                    .to_http_request(),
            )
        };
        assert_eq!(with("Bearer abc"), Some("abc".into()));
        assert_eq!(with("bearer abc "), Some("abc".into()));
        assert_eq!(with("Basic abc"), None);
        assert_eq!(with("Bearer "), None);
        assert_eq!(with("Bearerabc"), None);
        assert_eq!(with(&format!("Bearer {}", "a".repeat(257))), None);
        assert_eq!(
            bearer_token(&TestRequest::default().to_http_request()),
            None
        );
    }
}
