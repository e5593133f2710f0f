//! Decisions, as immutable records.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;
use sqlx::Row;

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
                let rows = sqlx::query("SELECT * FROM decision WHERE citizen_id = $1 ORDER BY decided_at, id")
                    .bind(citizen.0)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok(Decision {
                            id: DecisionId(r.try_get("id")?),
                            subject_kind: r.try_get("subject_kind")?,
                            subject_id: r.try_get("subject_id")?,
                            outcome: r.try_get("outcome")?,
                            reasons: r.try_get("reasons")?,
                            appeal_guidance: r.try_get("appeal_guidance")?,
                            decided_by: PersonId(r.try_get("decided_by")?),
                            decided_at: r.try_get("decided_at")?,
                            corrects: r.try_get::<Option<i64>, _>("corrects_id")?.map(DecisionId),
                        })
                    })
                    .collect()
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
