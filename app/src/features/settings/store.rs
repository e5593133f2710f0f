//! The `setting` rows: read all, and write a form's values in one
//! transaction — only those that changed, each with its admin audit line.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::features::admin::store::{audit_in, NewAudit};
use crate::features::settings::forms::{default_value, shown};
use crate::kernel::ids::*;
use crate::ssr::db::*;

#[async_trait]
pub trait SettingsStore: Send + Sync {
    /// Every setting row, key → stored value.
    async fn setting_values(&self) -> DbResult<Vec<(String, String)>>;
    /// Writes the values that differ from what is stored, all or none, each
    /// with an audit line (`setting:<key>`, before → after as people read
    /// them); `by` `None`: the command line. How many changed.
    async fn save_settings(&self, values: &[(&str, String)], by: Option<PersonId>, now: i64) -> DbResult<usize>;
}

macro_rules! sql {
    ($store:ty) => {
        #[async_trait]
        impl SettingsStore for $store {
            async fn setting_values(&self) -> DbResult<Vec<(String, String)>> {
                Ok(sqlx::query_as("SELECT key, value FROM setting ORDER BY key").fetch_all(&self.pool).await?)
            }
            async fn save_settings(&self, values: &[(&str, String)], by: Option<PersonId>, now: i64) -> DbResult<usize> {
                let mut tx = self.begin_write().await?;
                let mut changed = 0;
                for (key, value) in values {
                    let old: Option<String> =
                        sqlx::query_scalar("SELECT value FROM setting WHERE key = $1").bind(key).fetch_optional(&mut *tx).await?;
                    let old = old.unwrap_or_else(|| default_value(key).to_string());
                    if old == *value {
                        continue;
                    }
                    sqlx::query("INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                        .bind(key)
                        .bind(value)
                        .execute(&mut *tx)
                        .await?;
                    let action = format!("setting:{key}");
                    let (before, after) = (shown(key, &old), shown(key, value));
                    audit_in!(tx, &NewAudit { actor: by, action: &action, person: None, before: &before, after: &after }, now);
                    changed += 1;
                }
                tx.commit().await?;
                Ok(changed)
            }
        }
    };
}

sql!(SqliteStore);
sql!(PgStore);
