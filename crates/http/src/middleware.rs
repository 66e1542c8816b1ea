//! Middleware wired once in `app.rs`: request logs, security headers, the error envelope for
//! responses no handler produced, CORS and the public-POST rate limiter.

use crate::error::ErrorCause;
use crate::{ApiError, AppState};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{DefaultHeaders, ErrorHandlerResponse, ErrorHandlers, Next};
use actix_web::{web, Error, ResponseError};
use std::time::Instant;

/// Headers on every response. Pages set their own, looser `Content-Security-Policy`;
/// `DefaultHeaders` leaves a header a handler already set alone.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
        ))
}

/// Gives the error envelope to any error response that has none yet (unknown routes, wrong
/// methods, limits enforced by actix itself).
pub fn error_envelope() -> ErrorHandlers<BoxBody> {
    ErrorHandlers::new().default_handler(|res: ServiceResponse<BoxBody>| {
        // JSON errors already have the envelope; HTML ones are the pages' own error pages.
        let has_body = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json") || v.starts_with("text/html"));
        if has_body {
            return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
        }
        let (req, old) = res.into_parts();
        let mut new = ApiError::for_status(old.status()).error_response();
        for (name, value) in old.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                new.headers_mut().insert(name.clone(), value.clone());
            }
        }
        Ok(ErrorHandlerResponse::Response(
            ServiceResponse::new(req, new).map_into_right_body(),
        ))
    })
}

/// One log line per request: method, route pattern, status, duration. No addresses, no
/// headers, no bodies: tokens and personal data never reach the log.
pub async fn log_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let metrics = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.metrics.clone());
    let res = next.call(req).await?;
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".into());
    let status = res.status().as_u16();
    let elapsed = started.elapsed();
    let cause = res.response().extensions().get::<ErrorCause>().cloned();
    match cause {
        // The one place a failure's cause is written down.
        Some(ErrorCause(cause)) => tracing::error!(
            http.method = %method,
            http.route = %route,
            http.status = status,
            http.duration_ms = elapsed.as_secs_f64() * 1000.0,
            error.cause = %cause,
            "request failed"
        ),
        None => tracing::info!(
            http.method = %method,
            http.route = %route,
            http.status = status,
            http.duration_ms = elapsed.as_secs_f64() * 1000.0,
            "request"
        ),
    }
    if let Some(m) = metrics {
        m.requests
            .with_label_values(&[method.as_str(), &route, &status.to_string()])
            .inc();
        m.request_duration
            .with_label_values(&[method.as_str(), &route])
            .observe(elapsed.as_secs_f64());
    }
    Ok(res)
}

/// The per-address allowance of a public POST endpoint: handlers take it as their first
/// argument, so staff endpoints are never limited and public ones cannot forget to be. The
/// count is kept in the database ([`placard_storage::rate_limits`]), so every API process
/// draws on the same allowance: behind a load balancer spreading a client's requests over
/// ten processes, the client gets one allowance, not ten.
pub struct PublicPost;

impl actix_web::FromRequest for PublicPost {
    type Error = ApiError;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &actix_web::HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let peer = req.peer_addr();
        let headers = req.headers().clone();
        Box::pin(async move {
            let (Some(state), Some(peer)) = (state, peer) else {
                return Ok(PublicPost);
            };
            let Some(allowance) = state.limiter else {
                return Ok(PublicPost);
            };
            let client = crate::client_address::client_address(
                peer.ip(),
                &headers,
                &state.settings.trusted_proxies,
            );
            // Counted under a keyed hash of the address, never the address itself: the
            // table holds nothing that says who sent anything.
            let key = crate::client_address::counted_as(
                state.signer.key(),
                crate::client_address::limit_key(client),
            );
            match state
                .store
                .take_allowance(&key, allowance, state.clock.now())
                .await
            {
                Ok(None) => Ok(PublicPost),
                Ok(Some(wait)) => Err(ApiError::rate_limited(wait)),
                Err(e) => Err(e.into()),
            }
        })
    }
}

/// CORS for the origins the operator allowed (a campaign's own site embedding the form),
/// plus Placard's own public origin so its pages' same-origin requests pass.
pub fn cors(origins: &[String], public_url: &str) -> actix_cors::Cors {
    let mut cors = actix_cors::Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "DELETE"])
        .allowed_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::ACCEPT])
        .expose_headers([header::RETRY_AFTER])
        .max_age(3600);
    let own = origin_of(public_url);
    for origin in origins.iter().map(String::as_str).chain(own.as_deref()) {
        cors = cors.allowed_origin(origin);
    }
    cors
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next().filter(|h| !h.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_and_host() {
        assert_eq!(
            origin_of("http://127.0.0.1:8080/x/y").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            origin_of("https://placard.example").as_deref(),
            Some("https://placard.example")
        );
        assert_eq!(origin_of("nonsense"), None);
    }
}
