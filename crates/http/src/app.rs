//! The composition root of the HTTP layer.

use crate::media_urls::MediaSigner;
use crate::middleware;
use crate::routes::{
    admin, campaigns, contests, delivery, health, judging, media, moderation, mosaic, pairwise,
    photos, source,
};
use crate::{openapi, ApiError, HttpMetrics, HttpSettings};
use actix_web::dev::{Server, ServerHandle};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::StatusCode;
use actix_web::{web, App, HttpRequest, HttpServer};
use placard_blob::ObjectStore;
use placard_storage::{Clock, Store};
use std::net::TcpListener;
use std::sync::Arc;

/// Largest JSON body accepted (photo uploads are multipart and have their own limit).
const JSON_LIMIT: usize = 64 * 1024;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub objects: Arc<dyn ObjectStore>,
    pub metrics: HttpMetrics,
    pub settings: HttpSettings,
    /// The public-POST allowance per client address; `None` when it is off.
    pub(crate) limiter: Option<placard_storage::rate_limits::Allowance>,
    pub(crate) signer: MediaSigner,
    /// Every page's sentences, in every language, with this deployment's limits.
    pub(crate) l10n: Arc<crate::l10n::Catalog>,
    /// Where "now" comes from: the system clock, or a test's.
    pub clock: Clock,
    /// Campaigns' public counts, counted at most every half minute by this process.
    pub(crate) stats: Arc<crate::routes::delivery::StatsCache>,
    waker: Option<Arc<dyn Fn() + Send + Sync>>,
}

impl AppState {
    /// Loads (or, on first start, creates) the media-signing key shared through the database.
    pub async fn new(
        store: Store,
        objects: Arc<dyn ObjectStore>,
        metrics: HttpMetrics,
        settings: HttpSettings,
    ) -> Result<Self, placard_storage::StoreError> {
        let fresh = placard_domain::SecretToken::generate("mk");
        let key = store.media_signing_key(fresh.expose()).await?;
        let limiter = (settings.rate_limit_per_minute > 0).then_some(
            placard_storage::rate_limits::Allowance {
                per_minute: settings.rate_limit_per_minute,
                burst: settings.rate_limit_burst.max(1),
            },
        );
        Ok(Self {
            l10n: Arc::new(crate::l10n::Catalog::new(
                settings.max_upload_bytes,
                settings.image_limits.min_side,
            )),
            clock: Clock::system(),
            store,
            objects,
            metrics,
            settings,
            limiter,
            signer: MediaSigner::new(&key),
            stats: Arc::default(),
            waker: None,
        })
    }

    /// Reads the time from `clock` (tests move it instead of sleeping).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Called after a job is enqueued, to wake a worker in the same process at once
    /// (workers elsewhere find it on their next poll).
    pub fn with_waker(mut self, waker: Arc<dyn Fn() + Send + Sync>) -> Self {
        self.waker = Some(waker);
        self
    }

    pub(crate) fn wake_workers(&self) {
        if let Some(w) = &self.waker {
            w();
        }
    }
}

/// A bound, not yet running HTTP server (and the metrics server, when metrics have an
/// address of their own).
pub struct Application {
    port: u16,
    server: Server,
    metrics: Option<Server>,
}

/// Stops the servers of an [`Application`].
#[derive(Clone)]
pub struct AppHandle {
    main: ServerHandle,
    metrics: Option<ServerHandle>,
}

impl AppHandle {
    /// Stops taking connections; with `graceful`, in-flight requests finish first.
    pub async fn stop(&self, graceful: bool) {
        if let Some(m) = &self.metrics {
            m.stop(graceful).await;
        }
        self.main.stop(graceful).await;
    }
}

impl Application {
    /// Binds `settings.bind` (port 0 picks a free port) and builds the server.
    /// An empty `public_url` becomes `http://` + the address actually bound.
    pub fn build(mut state: AppState) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(state.settings.bind)
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", state.settings.bind))?;
        let local = listener.local_addr()?;
        let port = local.port();
        if state.settings.public_url.is_empty() {
            state.settings.public_url = format!("http://{local}");
        }
        let workers = state.settings.http_workers.max(1);
        let metrics_state = state.clone();
        let server = HttpServer::new(move || {
            // Runs on each HTTP worker's own runtime: the worker gets its own database pool.
            let state = web::Data::new(AppState {
                store: state.store.for_this_runtime(),
                ..state.clone()
            });
            let settings = &state.settings;
            App::new()
                .app_data(state.clone())
                .app_data(json_config())
                .app_data(form_config())
                .app_data(query_config())
                .app_data(path_config())
                .wrap(middleware::error_envelope())
                .wrap(middleware::cors(
                    &settings.cors_origins,
                    &settings.public_url,
                ))
                .wrap(middleware::security_headers())
                .wrap(actix_web::middleware::from_fn(middleware::log_requests))
                .configure(|cfg| routes(cfg, settings))
                .default_service(web::to(not_found))
        })
        // Bounded by the setting, not the node's CPU count: each worker thread holds its own
        // database pool, so 32 cores would otherwise mean 32 pools for one API process.
        .workers(workers)
        // Signals are handled by the binary, which also stops the worker in order.
        .disable_signals()
        .shutdown_timeout(30)
        .listen(listener)?
        .run();
        let metrics = match metrics_state.settings.metrics_bind {
            Some(addr) => Some(metrics_server(metrics_state, addr)?),
            None => None,
        };
        Ok(Self {
            port,
            server,
            metrics,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle to stop the servers gracefully (in-flight requests finish).
    pub fn handle(&self) -> AppHandle {
        AppHandle {
            main: self.server.handle(),
            metrics: self.metrics.as_ref().map(Server::handle),
        }
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        match self.metrics {
            Some(metrics) => {
                let (main, metrics) = futures_util::future::join(self.server, metrics).await;
                main.and(metrics)
            }
            None => self.server.await,
        }
    }
}

/// Declares every route once: the app registers from it, and `ROUTES` lists it for the
/// authorization-matrix test, which fails for any route missing from its table.
macro_rules! route_table {
    ($( $path:literal => { $( $method:ident : $handler:path ),+ $(,)? } ),* $(,)?) => {
        /// Every `(METHOD, path)` the API role serves.
        pub const ROUTES: &[(&str, &str)] = &[ $( $( (method_name!($method), $path), )+ )* ];

        fn register(cfg: &mut web::ServiceConfig) {
            $( cfg.service(web::resource($path) $( .route(web::$method().to($handler)) )+ ); )*
        }
    };
}

macro_rules! method_name {
    (get) => {
        "GET"
    };
    (post) => {
        "POST"
    };
    (put) => {
        "PUT"
    };
    (delete) => {
        "DELETE"
    };
    (patch) => {
        "PATCH"
    };
}

route_table! {
    "/healthz" => { get: health::healthz },
    "/readyz" => { get: health::readyz },
    "/metrics" => { get: health::metrics },
    "/api/v1/openapi.json" => { get: openapi::openapi_json },
    "/api/v1/source" => { get: source::source_offer },
    "/source.tar.gz" => { get: source::source_archive },
    "/api/v1/admin/jobs" => { get: admin::jobs::list_jobs },
    "/api/v1/admin/jobs/{id}/retry" => { post: admin::jobs::retry_job },
    "/api/v1/admin/staff" => { get: admin::staff::list_staff, post: admin::staff::create_staff },
    "/api/v1/admin/staff/{id}/revoke" => { post: admin::staff::revoke_staff },
    "/api/v1/admin/staff/{id}/rotate" => { post: admin::staff::rotate_staff },
    "/api/v1/admin/staff/{id}/campaigns" => { put: admin::staff::put_staff_campaigns },
    "/api/v1/admin/campaigns" => { get: admin::overview::list_campaigns, post: campaigns::create_campaign },
    "/api/v1/admin/campaigns/{slug}" => { get: admin::edit::get_campaign, patch: admin::edit::patch_campaign },
    "/api/v1/admin/campaigns/{slug}/logo" => { put: admin::logo::put_logo },
    "/api/v1/campaigns/{slug}/logo" => { get: media::campaign_logo },
    "/api/v1/campaigns/{slug}/stats" => { get: delivery::campaign_stats },
    "/api/v1/campaigns/{slug}/mosaic.jpg" => { get: mosaic::mosaic_jpg },
    "/api/v1/campaigns/{slug}/mosaic.json" => { get: mosaic::mosaic_json },
    "/api/v1/admin/campaigns/{slug}/export.csv" => { get: delivery::export_csv },
    "/api/v1/admin/campaigns/{slug}/export.zip" => { get: delivery::export_zip },
    "/api/v1/campaigns/{slug}" => { get: campaigns::get_campaign },
    "/api/v1/campaigns/{slug}/photos" => { post: photos::upload_photo },
    "/api/v1/campaigns/{slug}/gallery" => { get: photos::gallery },
    "/api/v1/photos/{id}" => { get: photos::get_photo, delete: photos::delete_photo },
    "/api/v1/moderation/photos" => { get: moderation::list_photos },
    "/api/v1/moderation/photos/next" => { post: moderation::next_photo },
    "/api/v1/moderation/photos/decisions" => { post: moderation::decide_photos },
    "/api/v1/moderation/photos/{id}/decision" => { post: moderation::decide_photo },
    "/api/v1/moderation/photos/{id}" => { delete: moderation::take_down_photo },
    "/api/v1/moderation/photos/{id}/reopen" => { post: moderation::reopen_photo },
    "/api/v1/moderation/photos/{id}/original" => { get: media::original_image },
    "/api/v1/moderation/audit" => { get: moderation::list_audit },
    "/api/v1/moderation/queue" => { get: moderation::queue_size },
    "/api/v1/moderation/contests/{slug}/entries" => { get: moderation::list_entries },
    "/api/v1/moderation/entries/{id}/decision" => { post: moderation::decide_entry },
    "/api/v1/moderation/entries/{id}/reopen" => { post: moderation::reopen_entry },
    "/api/v1/admin/contests" => { get: admin::overview::list_contests, post: contests::create_contest },
    "/api/v1/admin/contests/{slug}" => { get: admin::edit::get_contest, patch: admin::edit::patch_contest },
    "/api/v1/contests/{slug}" => { get: contests::get_contest },
    "/api/v1/contests/{slug}/entries" => { post: contests::enter },
    "/api/v1/contests/{slug}/results" => { get: contests::results },
    "/api/v1/contests/{slug}/results/manifest" => { get: contests::results_manifest },
    "/api/v1/entries/{id}" => { get: contests::get_entry, delete: contests::delete_entry },
    "/api/v1/judging/contests/{slug}/entries" => { get: judging::blind_entries },
    "/api/v1/judging/contests/{slug}/entries/{id}/score" => { put: judging::put_score },
    "/api/v1/judging/contests/{slug}/entries/{id}/conflict" => { put: judging::declare_conflict },
    "/api/v1/judging/contests/{slug}/pair" => { get: pairwise::next_pair, post: pairwise::post_verdict },
    "/api/v1/judging/contests/{slug}/pair/skip" => { post: pairwise::skip_pair },
    "/api/v1/judging/contests/{slug}/judges" => { get: pairwise::judges_report },
    "/api/v1/judging/contests/{slug}/ranking" => { get: judging::ranking },
    "/api/v1/judging/contests/{slug}/shortlist" => { put: judging::pin_shortlist },
    "/media/photos/{id}/{size}" => { get: media::public_image },
    "/media/signed/{id}/{size}" => { get: media::signed_image },
}

/// Probes and metrics are served by every process; everything else by the `api` role only.
const PROBES: [&str; 3] = ["/healthz", "/readyz", "/metrics"];

fn routes(cfg: &mut web::ServiceConfig, settings: &HttpSettings) {
    if settings.serve_api {
        register(cfg);
        crate::pages::register(cfg);
    } else {
        cfg.service(web::resource(PROBES[0]).get(health::healthz))
            .service(web::resource(PROBES[1]).get(health::readyz));
    }
    // With an address of their own, metrics are served there only (the handler answers
    // 404 elsewhere: it is also in the API's route table).
    if settings.metrics_bind.is_none() {
        cfg.service(web::resource(PROBES[2]).get(health::metrics));
    }
}

/// Marks the requests that arrived on the metrics server's own address.
#[derive(Clone, Copy)]
pub(crate) struct MetricsListener;

/// `/metrics` alone on `addr`, one worker thread.
fn metrics_server(state: AppState, addr: std::net::SocketAddr) -> anyhow::Result<Server> {
    let listener = TcpListener::bind(addr)
        .map_err(|e| anyhow::anyhow!("cannot listen for metrics on {addr}: {e}"))?;
    let server = HttpServer::new(move || {
        let state = web::Data::new(AppState {
            store: state.store.for_this_runtime(),
            ..state.clone()
        });
        App::new()
            .app_data(state)
            .app_data(web::Data::new(MetricsListener))
            .wrap(middleware::error_envelope())
            .service(web::resource(PROBES[2]).get(health::metrics))
            .default_service(web::to(not_found))
    })
    .workers(1)
    .disable_signals()
    .shutdown_timeout(5)
    .listen(listener)?
    .run();
    Ok(server)
}

async fn not_found() -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::for_status(StatusCode::NOT_FOUND))
}

fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(JSON_LIMIT)
        .error_handler(|err, _req: &HttpRequest| {
            match &err {
                JsonPayloadError::OverflowKnownLength { .. }
                | JsonPayloadError::Overflow { .. } => {
                    ApiError::for_status(StatusCode::PAYLOAD_TOO_LARGE)
                }
                JsonPayloadError::ContentType => ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "Send a JSON body with Content-Type: application/json.",
                ),
                JsonPayloadError::Deserialize(e) if e.is_data() => {
                    ApiError::bad_request("invalid_field", format!("The body does not fit: {e}."))
                }
                _ => ApiError::bad_request("invalid_json", "The body is not valid JSON."),
            }
            .into()
        })
}

/// Pages' plain forms. The campaign form carries a title, a description and a consent text
/// in each of six languages, which URL-encoded (Arabic or Russian: six bytes a letter) pass
/// actix's default of 16 KiB long before they pass their own limits.
const FORM_LIMIT: usize = 256 * 1024;

fn form_config() -> web::FormConfig {
    web::FormConfig::default()
        .limit(FORM_LIMIT)
        .error_handler(|err, _req: &HttpRequest| {
            match &err {
                actix_web::error::UrlencodedError::Overflow { .. } => {
                    ApiError::for_status(StatusCode::PAYLOAD_TOO_LARGE)
                }
                actix_web::error::UrlencodedError::ContentType => ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "Send the form as application/x-www-form-urlencoded.",
                ),
                _ => ApiError::bad_request("invalid_field", "The form could not be read."),
            }
            .into()
        })
}

fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err: QueryPayloadError, _req: &HttpRequest| {
        ApiError::bad_request(
            "invalid_query",
            format!("The query string does not fit: {err}."),
        )
        .into()
    })
}

fn path_config() -> web::PathConfig {
    // A malformed id in a path names nothing that exists.
    web::PathConfig::default().error_handler(|_err: PathError, _req: &HttpRequest| {
        ApiError::for_status(StatusCode::NOT_FOUND).into()
    })
}
