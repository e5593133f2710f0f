//! Decisions, as immutable records.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::kernel::ids::*;
use crate::ssr::db::*;

/// Decisions, as immutable records.
#[async_trait]
pub trait DecisionStore: Send + Sync {
    async fn decisions_of(&self, citizen: PersonId) -> DbResult<Vec<Decision>>;
}

macro_rules! sql {
    ($store:ty, $row:ty) => {
        #[async_trait]
        impl DecisionStore for $store {
            async fn decisions_of(&self, citizen: PersonId) -> DbResult<Vec<Decision>> {
                Ok(sqlx::query_as("SELECT * FROM decision WHERE citizen_id = $1 ORDER BY decided_at, id")
                    .bind(citizen.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
