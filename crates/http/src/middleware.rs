//! Middleware wired once in `app.rs`: request logs, security headers, the error envelope for
//! responses no handler produced, CORS and the public-POST rate limiter.

use crate::error::ErrorCause;
use crate::{ApiError, AppState};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{DefaultHeaders, ErrorHandlerResponse, ErrorHandlers, Next};
use actix_web::{web, Error, ResponseError};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
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

/// A per-client-address limiter for public POSTs (GCRA: a steady rate plus a burst).
pub struct PostLimiter {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
}

impl PostLimiter {
    /// `None` when `per_minute` is 0 (the limiter is off).
    pub fn new(per_minute: u32, burst: u32) -> Option<Arc<Self>> {
        let rate = NonZeroU32::new(per_minute)?;
        let burst = NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN);
        Some(Arc::new(Self {
            limiter: RateLimiter::keyed(Quota::per_minute(rate).allow_burst(burst)),
        }))
    }

    /// `Err(seconds to wait)` when the address (its IPv6 /64) is over its allowance.
    fn check(&self, ip: IpAddr) -> Result<(), u64> {
        if self.limiter.len() > 50_000 {
            self.limiter.retain_recent();
        }
        let key = crate::client_address::limit_key(ip);
        self.limiter.check_key(&key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }
}

/// The per-address allowance of a public POST endpoint: handlers take it as their first
/// argument, so staff endpoints are never limited and public ones cannot forget to be.
pub struct PublicPost;

impl actix_web::FromRequest for PublicPost {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &actix_web::HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>();
        let verdict = match (state, req.peer_addr()) {
            (Some(state), Some(peer)) => match &state.limiter {
                Some(limiter) => {
                    let client = crate::client_address::client_address(
                        peer.ip(),
                        req.headers(),
                        &state.settings.trusted_proxies,
                    );
                    limiter.check(client).map_err(ApiError::rate_limited)
                }
                None => Ok(()),
            },
            _ => Ok(()),
        };
        std::future::ready(verdict.map(|()| PublicPost))
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

    #[test]
    fn limiter_allows_the_burst_then_asks_to_wait() {
        let limiter = PostLimiter::new(60, 20).expect("on");
        let ip: IpAddr = [10, 0, 0, 1].into();
        for i in 0..20 {
            assert_eq!(limiter.check(ip), Ok(()), "request {i} of the burst");
        }
        let wait = limiter.check(ip).expect_err("21st is limited");
        assert!((1..=2).contains(&wait), "{wait}");
        assert_eq!(
            limiter.check([10, 0, 0, 2].into()),
            Ok(()),
            "others are not affected"
        );
        assert!(PostLimiter::new(0, 20).is_none(), "0 turns it off");
    }
}
