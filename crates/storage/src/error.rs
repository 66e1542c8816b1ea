use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique or check constraint refused the write; the name says which.
    #[error("conflict on {0}")]
    Conflict(String),
    /// The row exists but is not in a state that allows the change.
    #[error("invalid state: {0}")]
    InvalidState(&'static str),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// The database cannot be reached, or did not answer in time: worth retrying soon.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    /// The one place where constraint violations become conflicts, so handlers never match
    /// on database error strings.
    fn from(e: sqlx::Error) -> Self {
        if let Some(db) = e.as_database_error() {
            if db.is_unique_violation() {
                return StoreError::Conflict(db.constraint().unwrap_or("unique").to_owned());
            }
        }
        match e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            // The connection, not the query: the server is down, unreachable, restarting or
            // saturated. Callers answer 503 and retry; the query itself was fine.
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            // The conversation broke off (a connection cut while it was being opened reads as
            // a garbled answer to the TLS request).
            | sqlx::Error::Protocol(_)
            | sqlx::Error::WorkerCrashed => StoreError::Unavailable(e.to_string()),
            other
                if other
                    .as_database_error()
                    .is_some_and(|d| is_server_going_away(d.code().as_deref())) =>
            {
                StoreError::Unavailable(other.to_string())
            }
            other => StoreError::Database(other),
        }
    }
}

/// PostgreSQL's codes for a server shutting down or refusing connections (class 57P, and
/// 53300 too_many_connections).
fn is_server_going_away(code: Option<&str>) -> bool {
    code.is_some_and(|c| c.starts_with("57P") || c == "53300")
}
