//! Placard's HTTP layer: the JSON API of `../shared/CONTRACT.md` on actix-web.
//!
//! [`Application::build`] is the one composition root: it binds the listener itself (port 0
//! works in tests), wires the middleware in one place and registers every route.
#![forbid(unsafe_code)]

mod app;
mod application;
mod auth;
mod client_address;
mod credentials;
mod error;
mod l10n;
mod media_urls;
pub mod metrics;
mod middleware;
mod openapi;
mod pages;
mod pagination;
mod routes;
mod session;
mod settings;
mod upload;

pub use app::{AppHandle, AppState, Application, ROUTES};
pub use error::ApiError;
pub use metrics::HttpMetrics;
pub use routes::media::PUBLIC_CACHE;
pub use settings::HttpSettings;
