//! A fresh, migrated database per test on either backend, removed when the test ends.
//!
//! PostgreSQL is reached at `PLACARD_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`); each test creates its own database there.
//! If the server is not reachable the test fails and says so: the PostgreSQL half of the
//! suite is never skipped silently. `scripts/test-services.sh` starts it.

use crate::{Backend, DatabaseUrl, PoolSettings, Store};
use sqlx::Connection;
use std::path::PathBuf;

pub const DEFAULT_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

pub fn postgres_admin_url() -> String {
    std::env::var("PLACARD_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_ADMIN_URL.to_owned())
}

/// A database that exists for one test.
pub struct TestDatabase {
    pub store: Store,
    /// The URL a separate process (the real binary) can use to reach the same database.
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(PathBuf),
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    pub async fn new(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => Self::sqlite().await,
            Backend::Postgres => Self::postgres().await,
        }
    }

    /// An empty database created but not migrated (for tests of migration itself).
    pub async fn unmigrated(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => Self::create_sqlite().await,
            Backend::Postgres => Self::create_postgres().await,
        }
    }

    pub async fn sqlite() -> Self {
        let db = Self::create_sqlite().await;
        db.store
            .migrate()
            .await
            .expect("migrating the SQLite test database");
        db
    }

    pub async fn postgres() -> Self {
        let db = Self::create_postgres().await;
        db.store
            .migrate()
            .await
            .expect("migrating the PostgreSQL test database");
        db
    }

    async fn create_sqlite() -> Self {
        let dir = std::env::temp_dir().join("placard-tests");
        std::fs::create_dir_all(&dir).expect("creating the temp folder for SQLite tests");
        let path = dir.join(format!("{}.db", uuid::Uuid::new_v4().simple()));
        let url = format!("sqlite://{}", path.display());
        let store = Store::connect(&DatabaseUrl::Sqlite(path.clone()), PoolSettings::default())
            .await
            .expect("opening a fresh SQLite test database");
        Self {
            store,
            url,
            cleanup: Cleanup::Sqlite(path),
        }
    }

    async fn create_postgres() -> Self {
        let admin_url = postgres_admin_url();
        let name = format!("placard_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = sqlx::PgConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL is not reachable at {admin_url} ({e}). The PostgreSQL half of the \
                 suite never skips: start it with scripts/test-services.sh, or point \
                 PLACARD_TEST_POSTGRES_URL at a server"
                )
            });
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("creating a PostgreSQL test database");
        admin.close().await.ok();
        let url = with_database(&admin_url, &name);
        let store = Store::connect(
            &url.parse().expect("test database URL"),
            PoolSettings::default(),
        )
        .await
        .expect("connecting to the fresh PostgreSQL test database");
        Self {
            store,
            url,
            cleanup: Cleanup::Postgres { admin_url, name },
        }
    }
}

/// `admin_url` with its database name replaced.
fn with_database(admin_url: &str, name: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (admin_url, None),
    };
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Sqlite(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    std::fs::remove_file(p).ok();
                }
            }
            Cleanup::Postgres { admin_url, name } => {
                // Drop runs inside the test's runtime, so do the async work on a thread of
                // its own with a runtime of its own.
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // No pool close here: its connections belong to the test's runtime, which this
                // thread blocks; `WITH (FORCE)` ends them instead.
                std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build();
                    if let Ok(rt) = rt {
                        rt.block_on(async {
                            if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                                sqlx::query(&sql).execute(&mut admin).await.ok();
                            }
                        });
                    }
                })
                .join()
                .ok();
            }
        }
    }
}

impl Store {
    /// Sets a photo's status directly, for tests of what follows a decision (the gallery)
    /// that must not depend on the moderation endpoints.
    pub async fn force_photo_status(
        &self,
        id: uuid::Uuid,
        status: placard_domain::PhotoStatus,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), crate::StoreError> {
        let approved = (status == placard_domain::PhotoStatus::Approved).then_some(at);
        with_pool!(self, |p| sqlx::query(
            "UPDATE photos SET status = $1, approved_at = $2, decided_at = $3 WHERE id = $4"
        )
        .bind(status.as_str())
        .bind(approved)
        .bind(at)
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// `SELECT COUNT(*) …` for tests that prove something is gone (rows, personal fields).
    pub async fn count(&self, sql: &str) -> Result<i64, crate::StoreError> {
        let (n,): (i64,) = with_pool!(self, |p| sqlx::query_as(sql).fetch_one(p).await)?;
        Ok(n)
    }

    /// Runs a raw statement: for tests that must prove the database itself refuses
    /// something (the audit log's triggers), bypassing the repository on purpose.
    pub async fn execute_raw(&self, sql: &str) -> Result<u64, crate::StoreError> {
        let done = with_pool!(self, |p| sqlx::query(sql)
            .execute(p)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(done)
    }
}

/// Generates, for each named `async fn(&Store)`, one test per backend:
/// `sqlite::NAME` and `postgres::NAME`, each on a fresh database.
#[macro_export]
macro_rules! behaviour_suite {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let db = $crate::testing::TestDatabase::sqlite().await;
                    super::$name(&db.store).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $name() {
                    let db = $crate::testing::TestDatabase::postgres().await;
                    super::$name(&db.store).await;
                }
            )*
        }
    };
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_name_is_swapped() {
        assert_eq!(
            with_database("postgres://u@h:5432/postgres", "t1"),
            "postgres://u@h:5432/t1"
        );
        assert_eq!(with_database("postgres://u@h", "t1"), "postgres://u@h/t1");
        assert_eq!(
            with_database("postgres://u@h/db?sslmode=disable", "t1"),
            "postgres://u@h/t1?sslmode=disable"
        );
    }
}
