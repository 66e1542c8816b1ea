//! Choosing and opening a backend from `PLACARD_DATABASE_URL`.

use crate::{Pool, Store, StoreError};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Postgres => "postgres",
            Backend::Sqlite => "sqlite",
        }
    }
}

/// A parsed database URL: the scheme decides the backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `sqlite://PATH` (or `sqlite:PATH`): a file, created with its folder on first start.
    Sqlite(PathBuf),
    /// `postgres://…` or `postgresql://…`, passed to the driver as written.
    Postgres(String),
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DatabaseUrlError {
    #[error("unsupported scheme in `{0}`: expected sqlite://PATH or postgres://…")]
    UnsupportedScheme(String),
    #[error("`{0}` names no file: expected sqlite://PATH")]
    EmptyPath(String),
    #[error("`{0}` is not a valid PostgreSQL URL: {1}")]
    InvalidPostgres(String, String),
}

impl FromStr for DatabaseUrl {
    type Err = DatabaseUrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(rest) = s
            .strip_prefix("sqlite://")
            .or_else(|| s.strip_prefix("sqlite:"))
        {
            let path = rest.split('?').next().unwrap_or_default();
            if path.is_empty() {
                return Err(DatabaseUrlError::EmptyPath(s.to_owned()));
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            // Let the driver validate host, port and options now rather than at first use.
            sqlx::postgres::PgConnectOptions::from_str(s)
                .map_err(|e| DatabaseUrlError::InvalidPostgres(redact(s), e.to_string()))?;
            return Ok(DatabaseUrl::Postgres(s.to_owned()));
        }
        Err(DatabaseUrlError::UnsupportedScheme(redact(s)))
    }
}

/// Drops any password from a URL before it is shown in an error message or log.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{}:***{}", &url[..scheme_end + 3], user, &url[at..])
        }
        _ => url.to_owned(),
    }
}

/// Connection-pool sizing; one process role may need more connections than another.
#[derive(Debug, Clone, Copy)]
pub struct PoolSettings {
    pub max_connections: u32,
    pub acquire_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: 10,
            acquire_timeout: Duration::from_secs(10),
        }
    }
}

impl Store {
    /// Opens the database. Migrations are not applied here: call [`Store::migrate`].
    pub async fn connect(url: &DatabaseUrl, settings: PoolSettings) -> Result<Self, StoreError> {
        let pool = match url {
            DatabaseUrl::Postgres(url) => Pool::Postgres(
                PgPoolOptions::new()
                    .max_connections(settings.max_connections)
                    .acquire_timeout(settings.acquire_timeout)
                    .connect(url)
                    .await?,
            ),
            DatabaseUrl::Sqlite(path) => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
                }
                owner_only_file(path).map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
                let options = SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    // Deleted rows are overwritten with zeros, not left in free pages:
                    // erased personal data does not linger in the file.
                    .pragma("secure_delete", "ON")
                    .busy_timeout(Duration::from_secs(30));
                Pool::Sqlite(
                    SqlitePoolOptions::new()
                        .max_connections(settings.max_connections)
                        .acquire_timeout(settings.acquire_timeout)
                        .connect_with(options)
                        .await?,
                )
            }
        };
        Ok(Store { pool })
    }
}

/// Creates the database file readable by its owner only (SQLite gives its `-wal` and `-shm`
/// files the same permissions); an existing file is left as it is.
fn owner_only_file(path: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend() {
        assert_eq!(
            "sqlite://./data/p.db".parse(),
            Ok(DatabaseUrl::Sqlite("./data/p.db".into()))
        );
        assert_eq!(
            "sqlite:/tmp/p.db?mode=rwc".parse(),
            Ok(DatabaseUrl::Sqlite("/tmp/p.db".into()))
        );
        assert!(matches!(
            "postgres://u:pw@localhost:5432/db".parse(),
            Ok(DatabaseUrl::Postgres(_))
        ));
        assert!(matches!(
            "mysql://x".parse::<DatabaseUrl>(),
            Err(DatabaseUrlError::UnsupportedScheme(_))
        ));
        assert!(matches!(
            "sqlite://".parse::<DatabaseUrl>(),
            Err(DatabaseUrlError::EmptyPath(_))
        ));
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(redact("mysql://u:secret@h/db"), "mysql://u:***@h/db");
        let err = "mysql://u:secret@h/db"
            .parse::<DatabaseUrl>()
            .expect_err("mysql is refused");
        assert!(!err.to_string().contains("secret"));
    }
}
