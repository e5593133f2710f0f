//! The municipality's details, kept as settings (one row per field).
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::features::municipality::views::Municipality;
use crate::ssr::db::*;

/// The setting keys, in the order of the fields.
const KEYS: [&str; 4] = ["municipality_name", "municipality_address", "municipality_phone", "municipality_dpo"];

#[async_trait]
pub trait MunicipalityStore: Send + Sync {
    /// As set (empty fields where nothing is).
    async fn municipality(&self) -> DbResult<Municipality>;
    /// Sets all four fields at once.
    async fn set_municipality(&self, m: &Municipality) -> DbResult<()>;
}

macro_rules! sql {
    ($store:ty) => {
        #[async_trait]
        impl MunicipalityStore for $store {
            async fn municipality(&self) -> DbResult<Municipality> {
                let rows: Vec<(String, String)> = sqlx::query_as("SELECT key, value FROM setting WHERE key IN ($1, $2, $3, $4)")
                    .bind(KEYS[0])
                    .bind(KEYS[1])
                    .bind(KEYS[2])
                    .bind(KEYS[3])
                    .fetch_all(&self.pool)
                    .await?;
                let get = |key: &str| rows.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
                Ok(Municipality { name: get(KEYS[0]), address: get(KEYS[1]), phone: get(KEYS[2]), dpo: get(KEYS[3]) })
            }
            async fn set_municipality(&self, m: &Municipality) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                for (key, value) in KEYS.iter().zip([&m.name, &m.address, &m.phone, &m.dpo]) {
                    sqlx::query("INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                        .bind(key)
                        .bind(value)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

sql!(SqliteStore);
sql!(PgStore);
