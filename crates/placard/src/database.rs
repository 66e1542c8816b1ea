//! Opening the database, as every command that touches it does.

use crate::settings::Settings;
use anyhow::Context;
use placard_storage::{PoolSettings, Store};

/// Connects and migrates: every command that touches the database applies migrations first.
pub async fn open_database(settings: &Settings, pool: PoolSettings) -> anyhow::Result<Store> {
    let store = Store::connect(&settings.storage.database_url(), pool)
        .await
        .context("Failed to connect to the database (PLACARD_DATABASE_URL)")?;
    store
        .migrate()
        .await
        .context("Failed to apply database migrations")?;
    Ok(store)
}
