//! Notifications inside the portal.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::kernel::ids::*;
use crate::kernel::paging::Before;
use crate::ssr::db::sql::page_of;
use crate::ssr::db::*;

/// Notifications inside the portal.
#[async_trait]
pub trait NotificationStore: Send + Sync {
    async fn notify(&self, person: PersonId, notice: Notice, now: i64) -> DbResult<NotificationId>;
    async fn notifications(&self, person: PersonId) -> DbResult<Vec<Notification>>;
    /// At most `limit` notifications older than `before` (all: `None`), newest first.
    async fn notifications_page(&self, person: PersonId, before: Option<Before>, limit: i64) -> DbResult<Vec<Notification>>;
    async fn unread_notifications(&self, person: PersonId) -> DbResult<i64>;
    async fn mark_notifications_read(&self, person: PersonId, now: i64) -> DbResult<()>;
}

macro_rules! sql {
    ($store:ty, $row:ty) => {
        #[async_trait]
        impl NotificationStore for $store {
            async fn notify(&self, person: PersonId, notice: Notice, now: i64) -> DbResult<NotificationId> {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO notification (person_id, created_at, kind, object_id, link) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(person.0)
                .bind(now)
                .bind(notice.kind.as_str())
                .bind(notice.object)
                .bind(notice.link())
                .fetch_one(&self.pool)
                .await?;
                Ok(NotificationId(id))
            }
            async fn notifications(&self, person: PersonId) -> DbResult<Vec<Notification>> {
                Ok(sqlx::query_as("SELECT * FROM notification WHERE person_id = $1 ORDER BY created_at DESC, id DESC")
                    .bind(person.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
            async fn notifications_page(&self, person: PersonId, before: Option<Before>, limit: i64) -> DbResult<Vec<Notification>> {
                Ok(page_of!(&self.pool, "notification", "person_id", "created_at", person.0, before, limit))
            }
            async fn unread_notifications(&self, person: PersonId) -> DbResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM notification WHERE person_id = $1 AND read_at IS NULL")
                    .bind(person.0)
                    .fetch_one(&self.pool)
                    .await?)
            }
            async fn mark_notifications_read(&self, person: PersonId, now: i64) -> DbResult<()> {
                sqlx::query("UPDATE notification SET read_at = $1 WHERE person_id = $2 AND read_at IS NULL")
                    .bind(now)
                    .bind(person.0)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
