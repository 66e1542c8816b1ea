//! Settings, in sections, from environment variables (or the matching flags), parsed by clap
//! so that `placard serve --help` documents every variable with its default. Everything is
//! checked before startup; an error names the variable at fault, and a `PLACARD_*` variable
//! that Placard does not know is reported with the nearest name it does know (a typo would
//! otherwise be silently ignored).

mod values;

use clap::Args;
use placard_blob::{S3Settings, StorageUrl};
use placard_storage::{DatabaseUrl, PoolSettings};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;
#[cfg(test)]
use values::UnknownVariable;
pub use values::{configuration_error, unknown_variables, Roles};

/// Every setting, flattened into the command line as global flags with their variables.
#[derive(Debug, Clone, Args)]
pub struct Settings {
    #[command(flatten)]
    pub http: HttpArgs,
    #[command(flatten)]
    pub storage: StorageArgs,
    #[command(flatten)]
    pub worker: WorkerArgs,
    #[command(flatten)]
    pub media: MediaArgs,
    #[command(flatten)]
    pub limits: LimitsArgs,
    /// What is logged (to stderr), as a tracing filter: `debug`, `info,placard_http=debug`…
    #[arg(
        long,
        global = true,
        env = "PLACARD_LOG",
        value_name = "FILTER",
        default_value = "info,sqlx=warn,aws=warn,actix_server=warn",
        help_heading = "Logging"
    )]
    pub log: String,
}

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "HTTP")]
pub struct HttpArgs {
    /// Listen address; port 0 picks a free port and logs it.
    #[arg(long, global = true, env = "PLACARD_BIND", value_name = "ADDR",
          default_value = "127.0.0.1:8080", value_parser = values::address)]
    pub bind: SocketAddr,
    /// Base of the absolute URLs the API returns [default: http:// and the address bound].
    #[arg(long, global = true, env = "PLACARD_PUBLIC_URL", value_name = "URL",
          value_parser = values::http_url)]
    pub public_url: Option<String>,
    /// HTTP worker threads of the API. Each has its own database pool of
    /// PLACARD_DATABASE_MAX_CONNECTIONS (lazily opened), so this times that is the most
    /// connections one API process opens [default: the CPUs, at most 4].
    #[arg(long, global = true, env = "PLACARD_HTTP_WORKERS", value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=64))]
    pub http_workers: Option<u32>,
    /// Comma-separated addresses or CIDR ranges of the load balancers in front of Placard:
    /// only from these is the client read from `Forwarded` / `X-Forwarded-For` (the
    /// right-most address not itself trusted) [default: none: those headers are ignored].
    #[arg(long, global = true, env = "PLACARD_TRUSTED_PROXIES", value_name = "CIDRS",
          value_delimiter = ',', value_parser = values::network)]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Comma-separated origins allowed to call the public endpoints from a browser (a
    /// campaign's own site embedding the form) [default: none].
    #[arg(long, global = true, env = "PLACARD_CORS_ORIGINS", value_name = "ORIGINS",
          value_delimiter = ',', value_parser = values::origin)]
    pub cors_origins: Vec<String>,
    /// Serve `/metrics` on this address only, not on PLACARD_BIND (a port the load balancer
    /// does not expose) [default: on PLACARD_BIND].
    #[arg(long, global = true, env = "PLACARD_METRICS_BIND", value_name = "ADDR",
          value_parser = values::address)]
    pub metrics_bind: Option<SocketAddr>,
    /// When set, `/metrics` asks for `Authorization: Bearer <this token>` [default: open].
    #[arg(
        long,
        global = true,
        env = "PLACARD_METRICS_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    pub metrics_token: Option<String>,
    /// Let campaigns' webhooks point at loopback or private addresses (an on-premises
    /// receiver) [default: false: such URLs are refused with 422].
    #[arg(long, global = true, env = "PLACARD_WEBHOOK_ALLOW_PRIVATE", value_name = "BOOL",
          default_value_t = false, action = clap::ArgAction::Set,
          value_parser = clap::builder::BoolishValueParser::new())]
    pub webhook_allow_private: bool,
}

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Storage")]
pub struct StorageArgs {
    /// Where the embedded defaults live (the SQLite file, the objects, staged uploads).
    #[arg(
        long,
        global = true,
        env = "PLACARD_DATA_DIR",
        value_name = "DIR",
        default_value = "./placard-data"
    )]
    pub data_dir: PathBuf,
    /// `sqlite://PATH` or `postgres://…` [default: sqlite://$PLACARD_DATA_DIR/placard.db].
    #[arg(long, global = true, env = "PLACARD_DATABASE_URL", value_name = "URL",
          value_parser = values::database_url)]
    pub database_url: Option<DatabaseUrl>,
    /// Database connections per pool [default: sized for the roles: api 10, worker its
    /// concurrency + 3, scheduler 2; the API keeps one pool per HTTP worker thread].
    #[arg(long, global = true, env = "PLACARD_DATABASE_MAX_CONNECTIONS", value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub database_max_connections: Option<u32>,
    /// `file://PATH` or `s3://BUCKET[/PREFIX]` [default: file://$PLACARD_DATA_DIR/objects].
    #[arg(long, global = true, env = "PLACARD_STORAGE_URL", value_name = "URL",
          value_parser = values::storage_url)]
    pub storage_url: Option<StorageUrl>,
    /// Endpoint of an S3-compatible service (path-style addressing when set) [default: AWS].
    /// Credentials and region come from the AWS SDK's usual chain (AWS_REGION,
    /// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, …).
    #[arg(long, global = true, env = "PLACARD_S3_ENDPOINT", value_name = "URL",
          value_parser = values::http_url)]
    pub s3_endpoint: Option<String>,
    /// How long one attempt of an S3 call may take (three attempts at most): a store that
    /// hangs costs a request this long, then 503 `unavailable`.
    #[arg(long, global = true, env = "PLACARD_S3_TIMEOUT_SECONDS", value_name = "SECONDS",
          default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub s3_timeout_seconds: u64,
}

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Worker")]
pub struct WorkerArgs {
    /// Jobs one worker process runs at once [default: two per CPU for a process of the worker
    /// role alone; the CPUs less one, at least 1, beside the API].
    #[arg(long, global = true, env = "PLACARD_WORKER_CONCURRENCY", value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub worker_concurrency: Option<u32>,
    /// How long a worker's claim on a job holds without a heartbeat (four heartbeats per
    /// lease); a crashed worker's job is taken over after it.
    #[arg(long, global = true, env = "PLACARD_JOB_LEASE_SECONDS", value_name = "SECONDS",
          default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..=86_400))]
    pub job_lease_seconds: u32,
    /// How long a moderator's claim on a photo or entry holds.
    #[arg(long, global = true, env = "PLACARD_CLAIM_MINUTES", value_name = "MINUTES",
          default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub claim_minutes: u32,
    /// When the scheduler runs retention and the orphan sweep: six-field cron, with seconds.
    #[arg(long, global = true, env = "PLACARD_MAINTENANCE_CRON", value_name = "CRON",
          default_value = "0 */10 * * * *", value_parser = values::cron)]
    pub maintenance_cron: String,
    /// Objects with no database row, and staging files, older than this are deleted by the
    /// sweep (younger ones may belong to an upload still being committed).
    #[arg(long, global = true, env = "PLACARD_ORPHAN_GRACE_SECONDS", value_name = "SECONDS",
          default_value_t = 86_400, value_parser = clap::value_parser!(u64).range(0..=31_536_000))]
    pub orphan_grace_seconds: u64,
}

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Media")]
pub struct MediaArgs {
    /// Perceptual-hash distance (bits of 64) at or under which two photos of a campaign are
    /// flagged as near duplicates.
    #[arg(long, global = true, env = "PLACARD_NEAR_DUPLICATE_DISTANCE", value_name = "BITS",
          default_value_t = 6, value_parser = clap::value_parser!(u32).range(0..=64))]
    pub near_duplicate_distance: u32,
    /// The most processing one photo may take (decode, thumbnails, hashes), in
    /// milliseconds; past it the photo ends `failed` with `too_slow` and the worker moves on.
    /// A 50-megapixel progressive JPEG takes a few seconds on one core.
    #[arg(long, global = true, env = "PLACARD_DECODE_BUDGET_MS", value_name = "MS",
          default_value_t = 20_000, value_parser = clap::value_parser!(u64).range(1..=600_000))]
    pub decode_budget_ms: u64,
}

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Limits")]
pub struct LimitsArgs {
    /// Largest photo upload accepted, in bytes.
    #[arg(long, global = true, env = "PLACARD_MAX_UPLOAD_BYTES", value_name = "BYTES",
          default_value_t = 20 * 1024 * 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_upload_bytes: u64,
    /// Most pixels a photo may have (checked from its header, before decoding).
    #[arg(long, global = true, env = "PLACARD_MAX_IMAGE_PIXELS", value_name = "PIXELS",
          default_value_t = 50_000_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_image_pixels: u64,
    /// Longest side a photo may have, in pixels.
    #[arg(long, global = true, env = "PLACARD_MAX_IMAGE_SIDE", value_name = "PIXELS",
          default_value_t = 12_000, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_image_side: u32,
    /// Shortest short side a photo may have, in pixels.
    #[arg(long, global = true, env = "PLACARD_MIN_IMAGE_SIDE", value_name = "PIXELS",
          default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..))]
    pub min_image_side: u32,
    /// Public POSTs allowed per client address (IPv6: per /64) per minute; 0 turns it off.
    #[arg(long, global = true, env = "PLACARD_RATE_LIMIT_PER_MINUTE", value_name = "N",
          default_value_t = 60, value_parser = clap::value_parser!(u32))]
    pub rate_limit_per_minute: u32,
    /// Public POSTs a client may send at once before the per-minute rate applies.
    #[arg(long, global = true, env = "PLACARD_RATE_LIMIT_BURST", value_name = "N",
          default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub rate_limit_burst: u32,
}

impl HttpArgs {
    /// HTTP worker threads: the setting, or the CPUs, at most 4 (a 2-core pod gets 2).
    pub fn workers(&self) -> usize {
        match self.http_workers {
            Some(n) => n as usize,
            None => std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .clamp(1, 4),
        }
    }
}

impl StorageArgs {
    pub fn database_url(&self) -> DatabaseUrl {
        self.database_url
            .clone()
            .unwrap_or_else(|| DatabaseUrl::Sqlite(self.data_dir.join("placard.db")))
    }

    pub fn storage_url(&self) -> StorageUrl {
        self.storage_url
            .clone()
            .unwrap_or_else(|| StorageUrl::File(self.data_dir.join("objects")))
    }

    pub fn s3(&self) -> S3Settings {
        S3Settings {
            endpoint: self.s3_endpoint.clone(),
            region: None,
            credentials: None,
            timeout: Some(Duration::from_secs(self.s3_timeout_seconds)),
        }
    }

    /// The operator's pool size, or `default` for the roles this process runs.
    pub fn pool(&self, default: u32) -> PoolSettings {
        PoolSettings {
            max_connections: self.database_max_connections.unwrap_or(default),
            acquire_timeout: Duration::from_secs(10),
        }
    }

    /// The pool a one-shot command (`migrate`, `user`, `migrate-store`) needs.
    pub fn command_pool(&self) -> PoolSettings {
        self.pool(2)
    }
}

impl WorkerArgs {
    /// Jobs this worker runs at once, unless the operator set it: two per CPU in a process
    /// that only works, because a job spends part of its time waiting on the database and
    /// the object store, and a second job decodes meanwhile (the scale run took 0.75x the
    /// time with two a core as with one: docs/PERFORMANCE.md); beside the API, one core is
    /// left for requests.
    pub fn concurrency(&self, roles: Roles) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        match self.worker_concurrency {
            Some(n) => n as usize,
            None if roles.api => cores.saturating_sub(1).max(1),
            None => cores * 2,
        }
    }

    pub fn orphan_grace(&self) -> Duration {
        Duration::from_secs(self.orphan_grace_seconds)
    }

    pub fn job_lease(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::seconds(i64::from(self.job_lease_seconds))
    }

    pub fn claim_hold(&self) -> chrono::TimeDelta {
        chrono::TimeDelta::minutes(i64::from(self.claim_minutes))
    }
}

impl Settings {
    /// The photo limits: sizes from the limits section, the time budget from the media one.
    pub fn image_limits(&self) -> placard_media::Limits {
        placard_media::Limits {
            max_pixels: self.limits.max_image_pixels,
            max_side: self.limits.max_image_side,
            min_side: self.limits.min_image_side,
            decode_budget: Duration::from_millis(self.media.decode_budget_ms),
        }
    }
}

impl Settings {
    /// The settings `placard serve FLAGS` would run with (variables apply as ever): for the
    /// test harness, which builds the app in its own process.
    pub fn from_flags<I, S>(flags: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<std::ffi::OsString> + Clone,
    {
        use clap::Parser;
        let args = ["placard".into(), "serve".into()]
            .into_iter()
            .chain(flags.into_iter().map(Into::into));
        crate::cli::Cli::try_parse_from(args).map(|cli| cli.settings)
    }

    /// The connection pool a `serve` process with these roles needs, unless the operator
    /// set one: a worker needs a connection per running job plus its claims, heartbeats and
    /// LISTEN; a scheduler two; the API ten for concurrent requests.
    /// Where the API stages uploads while they stream in.
    pub fn upload_dir(&self) -> std::path::PathBuf {
        self.storage.data_dir.join("uploads")
    }

    /// Every folder of staging files on this machine: the API's uploads, and the file
    /// object store's half-written objects.
    pub fn staging_dirs(&self) -> Vec<std::path::PathBuf> {
        let mut dirs = vec![self.upload_dir()];
        if let StorageUrl::File(root) = self.storage.storage_url() {
            dirs.push(root.join(".incoming"));
        }
        dirs
    }

    /// The scheduler's cron expressions.
    pub fn schedule(&self) -> placard_worker::Schedule {
        placard_worker::Schedule {
            maintenance: self.worker.maintenance_cron.clone(),
            ..placard_worker::Schedule::default()
        }
    }

    pub fn pool_for(&self, roles: Roles) -> PoolSettings {
        let mut n = 0;
        if roles.api {
            n += 10;
        }
        if roles.worker {
            n += u32::try_from(self.worker.concurrency(roles)).unwrap_or(1024) + 3;
        }
        if roles.scheduler {
            n += 2;
        }
        self.storage.pool(n.max(2))
    }
}

#[cfg(test)]
mod tests;
