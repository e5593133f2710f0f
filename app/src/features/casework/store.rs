//! Who is whose caseworker or stand-in, and the caseload.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;
use sqlx::Row;

use crate::kernel::ids::*;
use crate::ssr::db::*;

/// Who is whose caseworker or stand-in, and the caseload.
#[async_trait]
pub trait CaseworkStore: Send + Sync {
    /// Makes `staff` the citizen's caseworker of this kind from `now`, ending
    /// whoever held that place; both in one transaction.
    async fn assign_caseworker(&self, citizen: PersonId, staff: PersonId, kind: AssignmentKind, now: i64) -> DbResult<()>;
    /// The citizen's caseworker of this kind at `now`: a stand-in only while
    /// their cover runs (see `features/cover`).
    async fn current_caseworker(&self, citizen: PersonId, kind: AssignmentKind, now: i64) -> DbResult<Option<PersonId>>;
    /// How many different primary caseworkers the citizen has had since `since`.
    async fn caseworker_count_since(&self, citizen: PersonId, since: i64) -> DbResult<i64>;
    /// The citizens whose primary caseworker or covering stand-in `staff` is at `now`.
    async fn caseload(&self, staff: PersonId, now: i64) -> DbResult<Vec<PersonId>>;
    /// The same with what `staff` is to each now: one row per place held
    /// (primary and stand-in for one citizen are two rows).
    async fn caseload_kinds(&self, staff: PersonId, now: i64) -> DbResult<Vec<(PersonId, AssignmentKind)>>;
    /// Everyone `staff` is caseworker or stand-in for, with their plan's
    /// state, by name: at most `limit`, those after `after` in that order.
    async fn caseload_overview(&self, staff: PersonId, now: i64, after: Option<PersonId>, limit: i64) -> DbResult<Vec<CaseloadRow>>;
}

/// The assignment `$a` in force at `$now` (a parameter, "$2"): begun and not
/// ended. A primary place runs from its start until further notice; a
/// stand-in's cover may have an end, or begin later.
macro_rules! in_force {
    ($a:literal, $now:literal) => {
        concat!("(", $a, ".from_at <= ", $now, " AND (", $a, ".to_at IS NULL OR ", $a, ".to_at > ", $now, "))")
    };
}
pub(crate) use in_force;

/// The citizens `$staff` is caseworker or covering stand-in for at `$now`:
/// a subquery for `citizen_id IN …`.
macro_rules! cases_of {
    ($staff:literal, $now:literal) => {
        concat!(
            "(SELECT cases.citizen_id FROM caseworker_assignment cases WHERE cases.staff_id = ",
            $staff,
            " AND ",
            $crate::features::casework::store::in_force!("cases", $now),
            ")"
        )
    };
}
pub(crate) use cases_of;

/// Ends the citizen's place of a kind, on the transaction `$tx`: one
/// running at `$now` ends then, one not begun yet is dropped (and with
/// `$staff`, only that person's).
macro_rules! end_place {
    ($tx:expr, $citizen:expr, $kind:expr, $now:expr) => {
        $crate::features::casework::store::end_place!(@run $tx, $citizen, $kind, $now, "", None::<i64>)
    };
    ($tx:expr, $citizen:expr, $kind:expr, $now:expr, $staff:expr) => {
        $crate::features::casework::store::end_place!(@run $tx, $citizen, $kind, $now, " AND staff_id = $4", Some($staff.0))
    };
    (@run $tx:expr, $citizen:expr, $kind:expr, $now:expr, $whose:literal, $staff:expr) => {
        for end in [
            concat!(
                "UPDATE caseworker_assignment SET to_at = $1 \
                 WHERE citizen_id = $2 AND kind = $3 AND from_at <= $1 AND (to_at IS NULL OR to_at > $1)",
                $whose
            ),
            concat!("DELETE FROM caseworker_assignment WHERE citizen_id = $2 AND kind = $3 AND from_at > $1", $whose),
        ] {
            let q = sqlx::query(end).bind($now).bind($citizen.0).bind($kind.as_str());
            match $staff {
                Some(staff) => q.bind(staff),
                None => q,
            }
            .execute(&mut *$tx)
            .await?;
        }
    };
}
pub(crate) use end_place;

const CURRENT: &str =
    concat!("SELECT ca.staff_id FROM caseworker_assignment ca WHERE ca.citizen_id = $1 AND ca.kind = $2 AND ", in_force!("ca", "$3"));

macro_rules! sql {
    ($store:ty, $row:ty) => {
        #[async_trait]
        impl CaseworkStore for $store {
            async fn assign_caseworker(&self, citizen: PersonId, staff: PersonId, kind: AssignmentKind, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let current: Option<i64> =
                    sqlx::query_scalar(CURRENT).bind(citizen.0).bind(kind.as_str()).bind(now).fetch_optional(&mut *tx).await?;
                if current == Some(staff.0) {
                    return Ok(());
                }
                end_place!(tx, citizen, kind, now);
                sqlx::query("INSERT INTO caseworker_assignment (citizen_id, staff_id, kind, from_at) VALUES ($1, $2, $3, $4)")
                    .bind(citizen.0)
                    .bind(staff.0)
                    .bind(kind.as_str())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }
            async fn current_caseworker(&self, citizen: PersonId, kind: AssignmentKind, now: i64) -> DbResult<Option<PersonId>> {
                let id: Option<i64> =
                    sqlx::query_scalar(CURRENT).bind(citizen.0).bind(kind.as_str()).bind(now).fetch_optional(&self.pool).await?;
                Ok(id.map(PersonId))
            }
            async fn caseworker_count_since(&self, citizen: PersonId, since: i64) -> DbResult<i64> {
                Ok(sqlx::query_scalar(
                    "SELECT COUNT(DISTINCT staff_id) FROM caseworker_assignment \
                     WHERE citizen_id = $1 AND kind = 'primary' AND (to_at IS NULL OR to_at >= $2)",
                )
                .bind(citizen.0)
                .bind(since)
                .fetch_one(&self.pool)
                .await?)
            }
            async fn caseload(&self, staff: PersonId, now: i64) -> DbResult<Vec<PersonId>> {
                let ids: Vec<i64> = sqlx::query_scalar(concat!(
                    "SELECT DISTINCT citizen_id FROM caseworker_assignment ca WHERE ca.staff_id = $1 AND ",
                    in_force!("ca", "$2"),
                    " ORDER BY citizen_id"
                ))
                .bind(staff.0)
                .bind(now)
                .fetch_all(&self.pool)
                .await?;
                Ok(ids.into_iter().map(PersonId).collect())
            }
            async fn caseload_kinds(&self, staff: PersonId, now: i64) -> DbResult<Vec<(PersonId, AssignmentKind)>> {
                let rows: Vec<(i64, String)> = sqlx::query_as(concat!(
                    "SELECT citizen_id, kind FROM caseworker_assignment ca WHERE ca.staff_id = $1 AND ",
                    in_force!("ca", "$2"),
                    " ORDER BY citizen_id, kind"
                ))
                .bind(staff.0)
                .bind(now)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(c, kind)| {
                        (
                            PersonId(c),
                            if kind == AssignmentKind::Primary.as_str() { AssignmentKind::Primary } else { AssignmentKind::Standin },
                        )
                    })
                    .collect())
            }
            async fn caseload_overview(
                &self,
                staff: PersonId,
                now: i64,
                after: Option<PersonId>,
                limit: i64,
            ) -> DbResult<Vec<CaseloadRow>> {
                let rows = sqlx::query(concat!(
                    "SELECT p.id, p.full_name, ca.kind, pl.id AS plan_id, \
                       (SELECT COUNT(*) FROM goal g WHERE g.plan_id = pl.id AND g.status = 'accepted') AS accepted_goals, \
                       (SELECT COUNT(*) FROM activity a WHERE a.plan_id = pl.id AND a.status = 'active') AS active_activities, \
                       (SELECT COUNT(*) FROM goal g WHERE g.plan_id = pl.id AND g.status = 'proposed') \
                         + (SELECT COUNT(*) FROM spending_request sr WHERE sr.citizen_id = p.id AND sr.status = 'pending') \
                         + (CASE WHEN EXISTS (SELECT 1 FROM message m WHERE m.citizen_id = p.id AND ",
                    // A waiting conversation is one item, by the inbox's rule.
                    crate::features::conversation::store::waiting_message!(),
                    ") THEN 1 ELSE 0 END) AS open_items, \
                       (SELECT MAX(ap.starts_at) FROM appointment ap \
                          WHERE ap.plan_id = pl.id AND ap.cancelled_at IS NULL AND ap.starts_at <= $2) AS last_contact \
                     FROM caseworker_assignment ca JOIN person p ON p.id = ca.citizen_id \
                     LEFT JOIN plan pl ON pl.citizen_id = p.id \
                     WHERE ca.staff_id = $1 AND ",
                    in_force!("ca", "$2"),
                    " AND (p.full_name, p.id) > (COALESCE((SELECT full_name FROM person WHERE id = $3), ''), $3) \
                     ORDER BY p.full_name, p.id LIMIT $4",
                ))
                .bind(staff.0)
                .bind(now)
                .bind(after.map_or(0, |p| p.0))
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        let kind: String = r.try_get("kind")?;
                        Ok(CaseloadRow {
                            citizen_id: PersonId(r.try_get("id")?),
                            name: r.try_get("full_name")?,
                            standin: kind == "standin",
                            has_plan: r.try_get::<Option<i64>, _>("plan_id")?.is_some(),
                            accepted_goals: r.try_get("accepted_goals")?,
                            active_activities: r.try_get("active_activities")?,
                            open_items: r.try_get("open_items")?,
                            last_contact: r.try_get("last_contact")?,
                        })
                    })
                    .collect()
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
