//! A stand-in's cover: one row of `caseworker_assignment` (kind `standin`)
//! whose `from_at`/`to_at` are the window. A citizen has at most one cover
//! that has not ended: setting a new one ends the running one now and drops
//! one not begun yet, in the same transaction, with the admin audit line.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::features::admin::store::{audit_in, NewAudit};
use crate::features::casework::store::end_place;
use crate::kernel::ids::*;
use crate::kernel::time::form_date_time;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// A cover to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewCover<'a> {
    pub citizen: PersonId,
    pub standin: PersonId,
    pub from_at: i64,
    /// `None`: until further notice.
    pub to_at: Option<i64>,
    /// Who sets it; `None`: the command line.
    pub by: Option<PersonId>,
    /// The form's idempotency key (a double tap sets it once).
    pub key: Option<&'a str>,
}

/// The citizen's cover that has not ended: running now, or to begin.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Cover {
    pub id: i64,
    pub staff_id: i64,
    pub staff_name: String,
    pub from_at: i64,
    pub to_at: Option<i64>,
}

impl Cover {
    /// The stand-in acts for the citizen at `now`.
    pub fn running(&self, now: i64) -> bool {
        self.from_at <= now && self.to_at.is_none_or(|t| t > now)
    }
}

#[async_trait]
pub trait CoverStore: Send + Sync {
    /// Makes `c.standin` the citizen's stand-in for the window, all or
    /// nothing: the cover running now ends at `now`, one not begun yet is
    /// dropped, the new one is written with its audit line. Refused with
    /// `Rule::Named("not a caseworker")` when the stand-in lacks the role or
    /// is the citizen's caseworker (or the citizen). Covers of one citizen
    /// are set one after the other (the citizen's row is locked first).
    async fn set_cover(&self, c: &NewCover<'_>, now: i64) -> DbResult<SubmitOutcome<i64>>;
    /// Ends the citizen's cover now (one not begun yet is dropped), with its
    /// audit line; `false` when there was none.
    async fn end_cover(&self, citizen: PersonId, by: Option<PersonId>, now: i64) -> DbResult<bool>;
    /// The citizen's cover running at `now`, or else the next one.
    async fn cover(&self, citizen: PersonId, now: i64) -> DbResult<Option<Cover>>;
}

const COVER: &str = "SELECT ca.id, ca.staff_id, p.full_name AS staff_name, ca.from_at, ca.to_at \
     FROM caseworker_assignment ca JOIN person p ON p.id = ca.staff_id \
     WHERE ca.citizen_id = $1 AND ca.kind = 'standin' AND (ca.to_at IS NULL OR ca.to_at > $2) \
     ORDER BY ca.from_at, ca.id LIMIT 1";

/// The audit log's words for a cover: the stand-in and the days, first to
/// last ("…" until further notice), as Copenhagen dates.
fn words(name: &str, from_at: i64, to_at: Option<i64>) -> String {
    let last = to_at.map_or_else(|| "…".to_string(), |t| form_date_time(t - 1).0);
    format!("{name} ({} – {last})", form_date_time(from_at).0)
}

macro_rules! sql {
    ($store:ty) => {
        #[async_trait]
        impl CoverStore for $store {
            async fn set_cover(&self, c: &NewCover<'_>, now: i64) -> DbResult<SubmitOutcome<i64>> {
                if c.standin == c.citizen || c.to_at.is_some_and(|t| t <= c.from_at) {
                    return Err(DbError::conflict("not a caseworker"));
                }
                let mut tx = self.begin_write().await?;
                if let (Some(by), Some(key)) = (c.by, c.key) {
                    claim_key!(tx, by, key, "cover", same, now);
                }
                // The citizen's row locked: two covers set at once are written one after the other.
                sqlx::query(LOCK_PERSON).bind(c.citizen.0).execute(&mut *tx).await?;
                let caseworker: Option<i64> =
                    sqlx::query_scalar("SELECT person_id FROM role_grant WHERE person_id = $1 AND role = 'caseworker'")
                        .bind(c.standin.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                let primary: Option<i64> = sqlx::query_scalar(concat!(
                    "SELECT ca.staff_id FROM caseworker_assignment ca WHERE ca.citizen_id = $1 AND ca.kind = 'primary' AND ",
                    crate::features::casework::store::in_force!("ca", "$2")
                ))
                .bind(c.citizen.0)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                if caseworker.is_none() || primary == Some(c.standin.0) {
                    return Err(DbError::conflict("not a caseworker"));
                }
                let before: Option<Cover> = sqlx::query_as(COVER).bind(c.citizen.0).bind(now).fetch_optional(&mut *tx).await?;
                end_place!(tx, c.citizen, AssignmentKind::Standin, now);
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO caseworker_assignment (citizen_id, staff_id, kind, from_at, to_at) \
                     VALUES ($1, $2, 'standin', $3, $4) RETURNING id",
                )
                .bind(c.citizen.0)
                .bind(c.standin.0)
                .bind(c.from_at)
                .bind(c.to_at)
                .fetch_one(&mut *tx)
                .await?;
                let name: String =
                    sqlx::query_scalar("SELECT full_name FROM person WHERE id = $1").bind(c.standin.0).fetch_one(&mut *tx).await?;
                let before = before.map(|b| words(&b.staff_name, b.from_at, b.to_at)).unwrap_or_default();
                let after = words(&name, c.from_at, c.to_at);
                audit_in!(tx, &NewAudit { actor: c.by, action: "cover_set", person: Some(c.citizen), before: &before, after: &after }, now);
                if let (Some(by), Some(key)) = (c.by, c.key) {
                    key_result!(tx, by, key, id);
                }
                tx.commit().await?;
                Ok(SubmitOutcome::Created(id))
            }
            async fn end_cover(&self, citizen: PersonId, by: Option<PersonId>, now: i64) -> DbResult<bool> {
                let mut tx = self.begin_write().await?;
                sqlx::query(LOCK_PERSON).bind(citizen.0).execute(&mut *tx).await?;
                let Some(before) = sqlx::query_as::<_, Cover>(COVER).bind(citizen.0).bind(now).fetch_optional(&mut *tx).await? else {
                    return Ok(false);
                };
                end_place!(tx, citizen, AssignmentKind::Standin, now);
                let before = words(&before.staff_name, before.from_at, before.to_at);
                audit_in!(tx, &NewAudit { actor: by, action: "cover_ended", person: Some(citizen), before: &before, after: "" }, now);
                tx.commit().await?;
                Ok(true)
            }
            async fn cover(&self, citizen: PersonId, now: i64) -> DbResult<Option<Cover>> {
                Ok(sqlx::query_as(COVER).bind(citizen.0).bind(now).fetch_optional(&self.pool).await?)
            }
        }
    };
}

sql!(SqliteStore);
sql!(PgStore);
