//! The citizens' access logs: which staff read their data, when and why.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::features::access_log::capacity::Capacity;
use crate::kernel::ids::*;
use crate::kernel::paging::Before;
use crate::kernel::plan::Role;
use crate::ssr::db::sql::page_of;
use crate::ssr::db::*;

/// The citizens' access logs: which staff read their data, when and why.
#[async_trait]
pub trait AccessLogStore: Send + Sync {
    /// `staff` read `citizen`'s data in `capacity` (what they were to the
    /// citizen at that moment: recorded, since it changes) for `purpose`.
    async fn log_access(&self, citizen: PersonId, staff: PersonId, role: Role, capacity: Capacity, purpose: &str, now: i64)
        -> DbResult<()>;
    /// The same entry for each of `citizens`, each with its capacity, all or
    /// none (one page that shows several citizens' data, such as the inbox).
    async fn log_accesses(&self, citizens: &[(PersonId, Capacity)], staff: PersonId, role: Role, purpose: &str, now: i64) -> DbResult<()>;
    async fn access_log(&self, citizen: PersonId) -> DbResult<Vec<AccessLogEntry>>;
    /// At most `limit` entries older than `before` (all: `None`), newest first.
    async fn access_log_page(&self, citizen: PersonId, before: Option<Before>, limit: i64) -> DbResult<Vec<AccessLogEntry>>;
}

macro_rules! sql {
    ($store:ty, $row:ty) => {
        #[async_trait]
        impl AccessLogStore for $store {
            async fn log_access(
                &self,
                citizen: PersonId,
                staff: PersonId,
                role: Role,
                capacity: Capacity,
                purpose: &str,
                now: i64,
            ) -> DbResult<()> {
                self.log_accesses(&[(citizen, capacity)], staff, role, purpose, now).await
            }
            async fn log_accesses(
                &self,
                citizens: &[(PersonId, Capacity)],
                staff: PersonId,
                role: Role,
                purpose: &str,
                now: i64,
            ) -> DbResult<()> {
                if citizens.is_empty() {
                    return Ok(());
                }
                // One statement in one transaction for the whole page: one
                // commit (one fsync on SQLite), one round trip, not one per
                // citizen on it. Chunks keep far below either backend's limit
                // on bound values.
                let mut tx = self.begin_write().await?;
                for chunk in citizens.chunks(500) {
                    let mut insert = sqlx::QueryBuilder::<<$row as sqlx::Row>::Database>::new(
                        "INSERT INTO access_log (citizen_id, staff_id, at, staff_role, capacity, purpose) ",
                    );
                    insert.push_values(chunk, |mut row, (citizen, capacity)| {
                        row.push_bind(citizen.0)
                            .push_bind(staff.0)
                            .push_bind(now)
                            .push_bind(role.as_str())
                            .push_bind(capacity.as_str())
                            .push_bind(purpose);
                    });
                    insert.build().execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }
            async fn access_log(&self, citizen: PersonId) -> DbResult<Vec<AccessLogEntry>> {
                Ok(sqlx::query_as("SELECT * FROM access_log WHERE citizen_id = $1 ORDER BY at DESC, id DESC")
                    .bind(citizen.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
            async fn access_log_page(&self, citizen: PersonId, before: Option<Before>, limit: i64) -> DbResult<Vec<AccessLogEntry>> {
                Ok(page_of!(&self.pool, "access_log", "citizen_id", "at", citizen.0, before, limit))
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
