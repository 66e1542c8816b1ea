use std::net::SocketAddr;

/// What the HTTP layer needs to know from configuration.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    pub bind: SocketAddr,
    /// Base of absolute URLs handed to clients.
    pub public_url: String,
    /// Origins allowed to call the public endpoints from a browser.
    pub cors_origins: Vec<String>,
    /// Public POSTs per client address per minute; 0 turns the limiter off.
    pub rate_limit_per_minute: u32,
    /// Requests a client may make at once before the per-minute rate applies.
    pub rate_limit_burst: u32,
    /// Peers whose `Forwarded` / `X-Forwarded-For` headers say who the client is.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// HTTP worker threads, each with its own runtime and database pool.
    pub http_workers: usize,
    /// Serve the API (role `api`); without it only probes and metrics answer.
    pub serve_api: bool,
    /// Largest photo upload accepted, in bytes.
    pub max_upload_bytes: u64,
    /// Image size limits checked from the header before anything is decoded.
    pub image_limits: placard_media::Limits,
    /// Where uploads are staged while they arrive and are checked (local disk).
    pub upload_dir: std::path::PathBuf,
    /// How long a moderator's claim on an item holds.
    pub claim_hold: chrono::TimeDelta,
    /// Serve `/metrics` on this address only (not on `bind`), e.g. a port the load balancer
    /// does not expose.
    pub metrics_bind: Option<SocketAddr>,
    /// When set, `/metrics` asks for `Authorization: Bearer <token>` (compared by hash, in
    /// constant time).
    pub metrics_token: Option<placard_domain::TokenHash>,
    /// Whether this process exports the gauges read from the database (jobs by state, review
    /// queues): only the scheduler role does, so that summing over instances counts once.
    pub database_gauges: bool,
    /// Whether webhooks may point at loopback or private addresses (on-premises receivers,
    /// tests); otherwise such a URL is refused when it is registered.
    pub webhook_allow_private: bool,
    /// This build's source archive (gzipped tar), offered to every user: the AGPL's §13.
    pub source_archive: &'static [u8],
}

impl HttpSettings {
    pub fn for_tests() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            public_url: String::new(),
            cors_origins: Vec::new(),
            rate_limit_per_minute: 60,
            rate_limit_burst: 20,
            trusted_proxies: Vec::new(),
            serve_api: true,
            http_workers: 2,
            max_upload_bytes: 20 * 1024 * 1024,
            image_limits: placard_media::Limits::default(),
            upload_dir: std::env::temp_dir().join("placard-uploads"),
            claim_hold: chrono::TimeDelta::minutes(10),
            metrics_bind: None,
            metrics_token: None,
            database_gauges: true,
            webhook_allow_private: false,
            source_archive: &[],
        }
    }
}
