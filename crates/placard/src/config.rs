//! Configuration from environment variables, checked in full before startup.
//! Every error names the variable at fault.

use placard_blob::{S3Settings, StorageUrl};
use placard_storage::{DatabaseUrl, PoolSettings};
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: DatabaseUrl,
    pub storage_url: StorageUrl,
    pub s3: S3Settings,
    /// `None`: derived from the address actually bound.
    pub public_url: Option<String>,
    pub cors_origins: Vec<String>,
    pub rate_limit_per_minute: u32,
    pub pool: PoolSettings,
    /// Whether PLACARD_DATABASE_MAX_CONNECTIONS was set; if not, `serve` sizes the pool
    /// for its roles.
    pub pool_size_set: bool,
    pub worker_concurrency: Option<usize>,
    pub max_upload_bytes: u64,
    pub image_limits: placard_media::Limits,
    pub near_duplicate_distance: u32,
    /// How long a worker's claim on a job holds without a heartbeat.
    pub job_lease: Duration,
    /// How long a moderator's claim on a photo or entry holds.
    pub claim_hold: Duration,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{variable}: {message}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

fn bad(variable: &'static str, message: impl fmt::Display) -> ConfigError {
    ConfigError {
        variable,
        message: message.to_string(),
    }
}

/// Which parts of Placard a `serve` process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Roles {
    pub api: bool,
    pub worker: bool,
    pub scheduler: bool,
}

impl FromStr for Roles {
    type Err = ConfigError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut roles = Roles {
            api: false,
            worker: false,
            scheduler: false,
        };
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "api" => roles.api = true,
                "worker" => roles.worker = true,
                "scheduler" => roles.scheduler = true,
                other => {
                    return Err(bad(
                        "--roles",
                        format!("unknown role `{other}`: expected api, worker or scheduler"),
                    ))
                }
            }
        }
        if !(roles.api || roles.worker || roles.scheduler) {
            return Err(bad(
                "--roles",
                "name at least one of api, worker, scheduler",
            ));
        }
        Ok(roles)
    }
}

fn parse_number<T: FromStr>(
    variable: &'static str,
    raw: &str,
    what: &str,
) -> Result<T, ConfigError> {
    raw.trim()
        .parse()
        .map_err(|_| bad(variable, format!("`{raw}` is not {what}")))
}

fn is_origin(s: &str) -> bool {
    let Some((scheme, host)) = s.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https") && !host.is_empty() && !host.contains('/')
}

impl Config {
    /// The connection pool a `serve` process with these roles needs, unless the operator
    /// set one: a worker needs a connection per running job plus its claims, heartbeats and
    /// LISTEN; a scheduler two; the API ten for concurrent requests.
    pub fn pool_for(&self, roles: Roles, worker_concurrency: usize) -> PoolSettings {
        if self.pool_size_set {
            return self.pool;
        }
        let mut n = 0;
        if roles.api {
            n += 10;
        }
        if roles.worker {
            n += u32::try_from(worker_concurrency).unwrap_or(16) + 3;
        }
        if roles.scheduler {
            n += 2;
        }
        PoolSettings {
            max_connections: n.max(2),
            ..self.pool
        }
    }

    /// Reads the configuration through `var` (the process environment in production, a map
    /// in tests).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| var(name).filter(|v| !v.trim().is_empty());

        let bind_raw = get("PLACARD_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind: SocketAddr = bind_raw.trim().parse().map_err(|_| {
            bad(
                "PLACARD_BIND",
                format!("`{bind_raw}` is not an address such as 127.0.0.1:8080 or [::]:8080"),
            )
        })?;

        let data_dir =
            PathBuf::from(get("PLACARD_DATA_DIR").unwrap_or_else(|| "./placard-data".into()));

        let database_url = match get("PLACARD_DATABASE_URL") {
            Some(raw) => raw.parse().map_err(|e| bad("PLACARD_DATABASE_URL", e))?,
            None => DatabaseUrl::Sqlite(data_dir.join("placard.db")),
        };

        let storage_url = match get("PLACARD_STORAGE_URL") {
            Some(raw) => raw.parse().map_err(|e| bad("PLACARD_STORAGE_URL", e))?,
            None => StorageUrl::File(data_dir.join("objects")),
        };

        let endpoint = get("PLACARD_S3_ENDPOINT");
        if let Some(e) = &endpoint {
            if !(e.starts_with("http://") || e.starts_with("https://")) {
                return Err(bad(
                    "PLACARD_S3_ENDPOINT",
                    format!("`{e}` is not an http:// or https:// URL"),
                ));
            }
        }

        let public_url = get("PLACARD_PUBLIC_URL").map(|u| u.trim_end_matches('/').to_owned());
        if let Some(u) = &public_url {
            if !(u.starts_with("http://") || u.starts_with("https://")) {
                return Err(bad(
                    "PLACARD_PUBLIC_URL",
                    format!("`{u}` is not an http:// or https:// URL"),
                ));
            }
        }

        let cors_origins: Vec<String> = get("PLACARD_CORS_ORIGINS")
            .map(|raw| {
                raw.split(',')
                    .map(|o| o.trim().trim_end_matches('/').to_owned())
                    .filter(|o| !o.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if let Some(o) = cors_origins.iter().find(|o| !is_origin(o)) {
            return Err(bad(
                "PLACARD_CORS_ORIGINS",
                format!("`{o}` is not an origin such as https://campaign.example"),
            ));
        }

        let rate_limit_per_minute = match get("PLACARD_RATE_LIMIT_PER_MINUTE") {
            Some(raw) => parse_number(
                "PLACARD_RATE_LIMIT_PER_MINUTE",
                &raw,
                "a whole number of requests",
            )?,
            None => 60,
        };

        let mut pool = PoolSettings::default();
        let pool_size_set = get("PLACARD_DATABASE_MAX_CONNECTIONS").is_some();
        if let Some(raw) = get("PLACARD_DATABASE_MAX_CONNECTIONS") {
            pool.max_connections = parse_number(
                "PLACARD_DATABASE_MAX_CONNECTIONS",
                &raw,
                "a number of connections",
            )?;
            if pool.max_connections == 0 {
                return Err(bad(
                    "PLACARD_DATABASE_MAX_CONNECTIONS",
                    "must be at least 1",
                ));
            }
        }
        pool.acquire_timeout = Duration::from_secs(10);

        let worker_concurrency = match get("PLACARD_WORKER_CONCURRENCY") {
            Some(raw) => {
                let n: usize =
                    parse_number("PLACARD_WORKER_CONCURRENCY", &raw, "a number of jobs")?;
                if n == 0 {
                    return Err(bad("PLACARD_WORKER_CONCURRENCY", "must be at least 1"));
                }
                Some(n)
            }
            None => None,
        };

        let number = |name: &'static str, default: u64, what: &str| -> Result<u64, ConfigError> {
            match get(name) {
                Some(raw) => {
                    let n: u64 = parse_number(name, &raw, what)?;
                    if n == 0 {
                        return Err(bad(name, "must be at least 1"));
                    }
                    Ok(n)
                }
                None => Ok(default),
            }
        };
        let max_upload_bytes = number(
            "PLACARD_MAX_UPLOAD_BYTES",
            20 * 1024 * 1024,
            "a number of bytes",
        )?;
        let defaults = placard_media::Limits::default();
        let image_limits = placard_media::Limits {
            max_pixels: number(
                "PLACARD_MAX_IMAGE_PIXELS",
                defaults.max_pixels,
                "a number of pixels",
            )?,
            max_side: u32::try_from(number(
                "PLACARD_MAX_IMAGE_SIDE",
                u64::from(defaults.max_side),
                "a number of pixels",
            )?)
            .map_err(|_| bad("PLACARD_MAX_IMAGE_SIDE", "too large"))?,
            min_side: u32::try_from(number(
                "PLACARD_MIN_IMAGE_SIDE",
                u64::from(defaults.min_side),
                "a number of pixels",
            )?)
            .map_err(|_| bad("PLACARD_MIN_IMAGE_SIDE", "too large"))?,
        };
        let near_duplicate_distance = match get("PLACARD_NEAR_DUPLICATE_DISTANCE") {
            Some(raw) => {
                let n: u32 = parse_number(
                    "PLACARD_NEAR_DUPLICATE_DISTANCE",
                    &raw,
                    "a number of bits (0–64)",
                )?;
                if n > 64 {
                    return Err(bad("PLACARD_NEAR_DUPLICATE_DISTANCE", "at most 64 bits"));
                }
                n
            }
            None => 6,
        };

        let job_lease = Duration::from_secs(number(
            "PLACARD_JOB_LEASE_SECONDS",
            60,
            "a number of seconds",
        )?);

        let claim_hold =
            Duration::from_secs(60 * number("PLACARD_CLAIM_MINUTES", 10, "a number of minutes")?);

        Ok(Config {
            pool_size_set,
            claim_hold,
            job_lease,
            max_upload_bytes,
            image_limits,
            near_duplicate_distance,
            bind,
            data_dir,
            database_url,
            storage_url,
            s3: S3Settings {
                endpoint,
                region: None,
                credentials: None,
            },
            public_url,
            cors_origins,
            rate_limit_per_minute,
            pool,
            worker_concurrency,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        Config::from_env(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_are_the_embedded_deployment() {
        let c = config(&[]).expect("defaults");
        assert_eq!(c.bind, "127.0.0.1:8080".parse().expect("addr"));
        assert_eq!(
            c.database_url,
            DatabaseUrl::Sqlite("./placard-data/placard.db".into())
        );
        assert_eq!(
            c.storage_url,
            StorageUrl::File("./placard-data/objects".into())
        );
        assert_eq!(c.rate_limit_per_minute, 60);
        assert!(c.public_url.is_none() && c.cors_origins.is_empty());
    }

    #[test]
    fn data_dir_moves_the_embedded_files() {
        let c = config(&[("PLACARD_DATA_DIR", "/srv/p")]).expect("ok");
        assert_eq!(
            c.database_url,
            DatabaseUrl::Sqlite("/srv/p/placard.db".into())
        );
        assert_eq!(c.storage_url, StorageUrl::File("/srv/p/objects".into()));
    }

    #[test]
    fn every_bad_value_names_its_variable() {
        let cases = [
            ("PLACARD_BIND", "localhost"),
            ("PLACARD_BIND", "127.0.0.1:99999"),
            ("PLACARD_DATABASE_URL", "mysql://x"),
            ("PLACARD_STORAGE_URL", "ftp://x"),
            ("PLACARD_STORAGE_URL", "s3://"),
            ("PLACARD_S3_ENDPOINT", "127.0.0.1:3900"),
            ("PLACARD_PUBLIC_URL", "placard.example"),
            ("PLACARD_CORS_ORIGINS", "https://ok.example,not an origin"),
            ("PLACARD_RATE_LIMIT_PER_MINUTE", "-1"),
            ("PLACARD_RATE_LIMIT_PER_MINUTE", "lots"),
            ("PLACARD_DATABASE_MAX_CONNECTIONS", "0"),
            ("PLACARD_WORKER_CONCURRENCY", "0"),
            ("PLACARD_MAX_UPLOAD_BYTES", "20MB"),
            ("PLACARD_MAX_IMAGE_PIXELS", "0"),
            ("PLACARD_MIN_IMAGE_SIDE", "-5"),
            ("PLACARD_NEAR_DUPLICATE_DISTANCE", "65"),
            ("PLACARD_JOB_LEASE_SECONDS", "0"),
            ("PLACARD_CLAIM_MINUTES", "ten"),
        ];
        for (var, value) in cases {
            let err = config(&[(var, value)]).expect_err(var);
            assert_eq!(err.variable, var, "{value}");
            assert!(err.to_string().starts_with(var), "{err}");
        }
    }

    #[test]
    fn scale_settings_parse() {
        let c = config(&[
            ("PLACARD_DATABASE_URL", "postgres://p@db:5432/placard"),
            ("PLACARD_STORAGE_URL", "s3://placard/prod"),
            ("PLACARD_S3_ENDPOINT", "http://127.0.0.1:3900"),
            (
                "PLACARD_CORS_ORIGINS",
                "https://a.example, https://b.example/",
            ),
            ("PLACARD_RATE_LIMIT_PER_MINUTE", "0"),
        ])
        .expect("ok");
        assert!(matches!(c.database_url, DatabaseUrl::Postgres(_)));
        assert_eq!(
            c.storage_url,
            StorageUrl::S3 {
                bucket: "placard".into(),
                prefix: "prod".into()
            }
        );
        assert_eq!(
            c.cors_origins,
            vec!["https://a.example", "https://b.example"]
        );
        assert_eq!(c.rate_limit_per_minute, 0);
    }

    #[test]
    fn pools_are_sized_per_role_unless_set() {
        let c = config(&[]).expect("defaults");
        let roles = |s: &str| s.parse::<Roles>().expect("roles");
        assert_eq!(c.pool_for(roles("api"), 1).max_connections, 10);
        assert_eq!(c.pool_for(roles("worker"), 4).max_connections, 7);
        assert_eq!(c.pool_for(roles("scheduler"), 1).max_connections, 2);
        assert_eq!(
            c.pool_for(roles("api,worker,scheduler"), 1).max_connections,
            16
        );
        let set = config(&[("PLACARD_DATABASE_MAX_CONNECTIONS", "3")]).expect("ok");
        assert_eq!(
            set.pool_for(roles("api,worker"), 8).max_connections,
            3,
            "the operator's value wins"
        );
    }

    #[test]
    fn roles_parse_and_reject_unknowns() {
        let r: Roles = "api, worker".parse().expect("ok");
        assert!(r.api && r.worker && !r.scheduler);
        assert!("".parse::<Roles>().is_err());
        assert!("api,chef".parse::<Roles>().is_err());
    }
}
