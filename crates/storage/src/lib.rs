//! Placard's data: one [`Store`] over PostgreSQL (scale) or SQLite (embedded default).
//!
//! Why one struct with an enum inside rather than a trait with two implementations: the two
//! backends must behave the same, and the surest way is to write each statement once. The
//! `with_pool!` / `with_tx!` macros expand one body for each backend, so a statement is only
//! written twice where the databases really differ (the job claim, which needs
//! `FOR UPDATE SKIP LOCKED` on PostgreSQL). The behaviour suite in `tests/` runs every case
//! against both.
#![forbid(unsafe_code)]

#[macro_use]
mod macros;

pub mod audit;
pub mod campaigns;
mod clock;
mod connect;
pub mod contests;
mod cursor;
pub mod delivery;
mod error;
pub mod jobs;
pub mod moderation;
pub mod mosaics;
pub mod overview;
pub mod photos;
pub mod privacy;
pub mod rate_limits;
mod sessions;
pub mod staff;
#[cfg(feature = "testing")]
pub mod testing;
mod webhooks;

pub use clock::{now, Clock};
pub use connect::{Backend, DatabaseUrl, DatabaseUrlError, PoolSettings};
pub use cursor::Cursor;
pub use error::StoreError;

use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};

#[derive(Clone, Debug)]
pub(crate) enum Pool {
    Postgres(PgPool),
    Sqlite(SqlitePool),
}

/// A handle to the database; cheap to clone (it wraps a connection pool).
#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) pool: Pool,
}

/// A write transaction on either backend. Pass `&mut Tx` to helpers and commit visibly.
pub enum Tx {
    Postgres(Transaction<'static, Postgres>),
    Sqlite(Transaction<'static, Sqlite>),
}

impl Tx {
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Postgres(t) => t.commit().await?,
            Tx::Sqlite(t) => t.commit().await?,
        }
        Ok(())
    }
}

impl Store {
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Postgres(_) => Backend::Postgres,
            Pool::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// Starts a write transaction. On SQLite it is `BEGIN IMMEDIATE`: a deferred transaction
    /// that reads before it writes fails with a busy-snapshot error when another connection
    /// commits in between, whatever the busy timeout.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match &self.pool {
            Pool::Postgres(p) => Tx::Postgres(p.begin().await?),
            Pool::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
        })
    }

    /// Applies the backend's migrations (embedded at build time).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.pool {
            Pool::Postgres(p) => sqlx::migrate!("../../migrations/postgres").run(p).await?,
            Pool::Sqlite(p) => sqlx::migrate!("../../migrations/sqlite").run(p).await?,
        }
        Ok(())
    }

    /// A round trip to the database, for readiness probes.
    pub async fn ping(&self) -> Result<(), StoreError> {
        with_pool!(self, |p| sqlx::query("SELECT 1")
            .execute(p)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// A handle for the Tokio runtime it will be used on, with its own PostgreSQL pool (same
    /// settings, connecting lazily). A PostgreSQL connection belongs to the runtime that opened
    /// it and fails once that runtime stops; actix-web runs each HTTP worker on its own runtime
    /// and stops idle workers first at shutdown, so a request still finishing on another worker
    /// could otherwise draw a connection of a stopped one (500: "context is being shutdown").
    /// SQLite connections run on their own threads and belong to no runtime: the pool is shared.
    pub fn for_this_runtime(&self) -> Store {
        match &self.pool {
            Pool::Postgres(p) => Store {
                pool: Pool::Postgres(
                    p.options()
                        .clone()
                        .connect_lazy_with((*p.connect_options()).clone()),
                ),
            },
            Pool::Sqlite(_) => self.clone(),
        }
    }

    pub async fn close(&self) {
        match &self.pool {
            Pool::Postgres(p) => p.close().await,
            Pool::Sqlite(p) => p.close().await,
        }
    }
}
