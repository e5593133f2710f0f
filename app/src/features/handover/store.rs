//! A citizen handed to another caseworker, in one transaction; the new
//! caseworker's "ny borger" items; the caseload limits.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::features::admin::store::{audit_in, NewAudit};
use crate::features::casework::store::end_place;
use crate::kernel::ids::*;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// A handover to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewHandover<'a> {
    pub citizen: PersonId,
    /// The caseworker the person handing over saw (`None`: none): if it is
    /// someone else by now, the handover is refused ([`Rule::Changed`]).
    pub from: Option<PersonId>,
    pub to: PersonId,
    /// Who hands over; `None`: the command line.
    pub by: Option<PersonId>,
    /// For the new caseworker only.
    pub note: &'a str,
    /// To the citizen.
    pub message: &'a str,
    /// The form's idempotency key (a double tap hands over once).
    pub key: Option<&'a str>,
}

/// A handover the new caseworker has not opened yet: a "ny borger" item.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct WaitingHandover {
    pub id: i64,
    pub citizen_id: i64,
    pub citizen_name: String,
    pub from_name: Option<String>,
    pub note: String,
    pub at: i64,
}

/// The latest handover of a citizen, as they are told of it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct LastHandover {
    pub id: i64,
    pub to_name: String,
    pub message: String,
    pub at: i64,
}

/// A caseworker with how many citizens they are primary caseworker for.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Colleague {
    pub id: i64,
    pub full_name: String,
    pub caseload: i64,
}

/// How many citizens one caseworker should have (a warning) and may have
/// (past it a handover is refused).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseloadLimits {
    pub soft: i64,
    pub hard: i64,
}

#[async_trait]
pub trait HandoverStore: Send + Sync {
    /// Hands the citizen over, all or nothing: ends the primary assignment of
    /// `h.from` (and the new caseworker's stand-in place for the citizen, if
    /// any), starts `h.to`'s, writes the handover (the note, the message),
    /// a line in the plan's history (if there is a plan), the citizen's
    /// notification (with its mail and SMS) and the admin audit line.
    ///
    /// Refused with [`Rule::Changed`] when the citizen's caseworker is no
    /// longer `h.from` (someone else handed them over first),
    /// [`Rule::CaseloadFull`] (the hard limit) when `h.to` already has that
    /// many citizens, and `Rule::Named("not a caseworker")` when `h.to` is
    /// not one, or is the citizen, or is already their caseworker. Handovers to one
    /// caseworker are counted one after the other (the receiver's role row is
    /// locked first), so the hard limit holds however many run at once.
    async fn hand_over(&self, h: &NewHandover<'_>, now: i64) -> DbResult<SubmitOutcome<HandoverId>>;
    /// What `staff` has been handed and not opened yet, oldest first; a
    /// citizen handed on again since is left out.
    async fn waiting_handovers(&self, staff: PersonId) -> DbResult<Vec<WaitingHandover>>;
    /// The citizen's handovers to `staff` are seen (they opened the citizen).
    async fn mark_handovers_seen(&self, staff: PersonId, citizen: PersonId, now: i64) -> DbResult<()>;
    /// The citizen's latest handover, if any.
    async fn last_handover(&self, citizen: PersonId) -> DbResult<Option<LastHandover>>;
    /// Everyone with the caseworker role, by name, with their caseload.
    async fn colleagues(&self) -> DbResult<Vec<Colleague>>;
    /// How many citizens `staff` is primary caseworker for now.
    async fn primary_caseload(&self, staff: PersonId) -> DbResult<i64>;
    async fn caseload_limits(&self) -> DbResult<CaseloadLimits>;
    async fn set_caseload_limits(&self, limits: CaseloadLimits) -> DbResult<()>;
}

/// The caseworker role's row of `$to`, locked for the rest of the
/// transaction (PostgreSQL holds the row lock; SQLite's write lock is held
/// already); 0 rows when `$to` is not a caseworker.
const LOCK_RECEIVER: &str = "UPDATE role_grant SET granted_at = granted_at WHERE person_id = $1 AND role = 'caseworker'";
const PRIMARY_COUNT: &str = "SELECT COUNT(*) FROM caseworker_assignment WHERE staff_id = $1 AND kind = 'primary' AND to_at IS NULL";

macro_rules! sql {
    ($store:ty) => {
        #[async_trait]
        impl HandoverStore for $store {
            async fn hand_over(&self, h: &NewHandover<'_>, now: i64) -> DbResult<SubmitOutcome<HandoverId>> {
                if h.to == h.citizen || h.from == Some(h.to) {
                    return Err(DbError::conflict("not a caseworker"));
                }
                let mut tx = self.begin_write().await?;
                if let (Some(by), Some(key)) = (h.by, h.key) {
                    claim_key!(tx, by, key, "handover", HandoverId, now);
                }
                if sqlx::query(LOCK_RECEIVER).bind(h.to.0).execute(&mut *tx).await?.rows_affected() == 0 {
                    return Err(DbError::conflict("not a caseworker"));
                }
                let hard: String = sqlx::query_scalar("SELECT value FROM setting WHERE key = 'caseload_hard'").fetch_one(&mut *tx).await?;
                let hard: i64 = hard.parse().map_err(|_| decode("setting.caseload_hard"))?;
                let count: i64 = sqlx::query_scalar(PRIMARY_COUNT).bind(h.to.0).fetch_one(&mut *tx).await?;
                if count >= hard {
                    return Err(DbError::Conflict(Rule::CaseloadFull(hard)));
                }
                // The old assignment ends only if it is the one that was seen.
                let current: Option<i64> = sqlx::query_scalar(
                    "SELECT staff_id FROM caseworker_assignment WHERE citizen_id = $1 AND kind = 'primary' AND to_at IS NULL",
                )
                .bind(h.citizen.0)
                .fetch_optional(&mut *tx)
                .await?;
                if current != h.from.map(|p| p.0) {
                    return Err(DbError::Conflict(Rule::Changed));
                }
                if let Some(from) = h.from {
                    let ended = sqlx::query(
                        "UPDATE caseworker_assignment SET to_at = $1 \
                         WHERE citizen_id = $2 AND kind = 'primary' AND staff_id = $3 AND to_at IS NULL",
                    )
                    .bind(now)
                    .bind(h.citizen.0)
                    .bind(from.0)
                    .execute(&mut *tx)
                    .await?;
                    // PostgreSQL: a handover that ended it meanwhile held the row; this one finds it ended.
                    if ended.rows_affected() != 1 {
                        return Err(DbError::Conflict(Rule::Changed));
                    }
                }
                // The new caseworker cannot also stand in for themselves: their cover ends (or, not begun, goes).
                end_place!(tx, h.citizen, AssignmentKind::Standin, now, h.to);
                let started =
                    sqlx::query("INSERT INTO caseworker_assignment (citizen_id, staff_id, kind, from_at) VALUES ($1, $2, 'primary', $3)")
                        .bind(h.citizen.0)
                        .bind(h.to.0)
                        .bind(now)
                        .execute(&mut *tx)
                        .await;
                if let Err(e) = started {
                    // Two handovers of a citizen without a caseworker: the other started first.
                    return Err(match DbError::from(e) {
                        DbError::Conflict(Rule::AlreadyExists) => DbError::Conflict(Rule::Changed),
                        other => other,
                    });
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO handover (citizen_id, from_id, to_id, by_id, note, message, at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(h.citizen.0)
                .bind(h.from.map(|p| p.0))
                .bind(h.to.0)
                .bind(h.by.map(|p| p.0))
                .bind(h.note)
                .bind(h.message)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                let to_name: String =
                    sqlx::query_scalar("SELECT full_name FROM person WHERE id = $1").bind(h.to.0).fetch_one(&mut *tx).await?;
                let from_name: Option<String> = match h.from {
                    Some(from) => {
                        Some(sqlx::query_scalar("SELECT full_name FROM person WHERE id = $1").bind(from.0).fetch_one(&mut *tx).await?)
                    }
                    None => None,
                };
                let plan: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM plan WHERE citizen_id = $1").bind(h.citizen.0).fetch_optional(&mut *tx).await?;
                if let Some(plan) = plan.map(PlanId) {
                    record_event!(tx, plan, h.by.map_or(Actor::SYSTEM, Actor::staff), "caseworker_changed", &to_name, now);
                }
                notify_in!(tx, h.citizen.0, Notice::new(NotificationKind::CaseworkerChanged, id), now);
                audit_in!(
                    tx,
                    &NewAudit {
                        actor: h.by,
                        action: "handover",
                        person: Some(h.citizen),
                        before: from_name.as_deref().unwrap_or(""),
                        after: &to_name,
                    },
                    now
                );
                if let (Some(by), Some(key)) = (h.by, h.key) {
                    key_result!(tx, by, key, id);
                }
                tx.commit().await?;
                Ok(SubmitOutcome::Created(HandoverId(id)))
            }
            async fn waiting_handovers(&self, staff: PersonId) -> DbResult<Vec<WaitingHandover>> {
                Ok(sqlx::query_as(
                    "SELECT h.id, h.citizen_id, c.full_name AS citizen_name, f.full_name AS from_name, h.note, h.at \
                     FROM handover h JOIN person c ON c.id = h.citizen_id LEFT JOIN person f ON f.id = h.from_id \
                     JOIN caseworker_assignment ca ON ca.citizen_id = h.citizen_id AND ca.staff_id = h.to_id \
                       AND ca.kind = 'primary' AND ca.to_at IS NULL \
                     WHERE h.to_id = $1 AND h.seen_at IS NULL ORDER BY h.at, h.id",
                )
                .bind(staff.0)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn mark_handovers_seen(&self, staff: PersonId, citizen: PersonId, now: i64) -> DbResult<()> {
                sqlx::query("UPDATE handover SET seen_at = $1 WHERE to_id = $2 AND citizen_id = $3 AND seen_at IS NULL")
                    .bind(now)
                    .bind(staff.0)
                    .bind(citizen.0)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
            async fn last_handover(&self, citizen: PersonId) -> DbResult<Option<LastHandover>> {
                Ok(sqlx::query_as(
                    "SELECT h.id, p.full_name AS to_name, h.message, h.at FROM handover h JOIN person p ON p.id = h.to_id \
                     WHERE h.citizen_id = $1 ORDER BY h.at DESC, h.id DESC LIMIT 1",
                )
                .bind(citizen.0)
                .fetch_optional(&self.pool)
                .await?)
            }
            async fn colleagues(&self) -> DbResult<Vec<Colleague>> {
                Ok(sqlx::query_as(
                    "SELECT p.id, p.full_name, \
                       (SELECT COUNT(*) FROM caseworker_assignment ca \
                         WHERE ca.staff_id = p.id AND ca.kind = 'primary' AND ca.to_at IS NULL) AS caseload \
                     FROM person p JOIN role_grant r ON r.person_id = p.id AND r.role = 'caseworker' \
                     ORDER BY p.full_name, p.id",
                )
                .fetch_all(&self.pool)
                .await?)
            }
            async fn primary_caseload(&self, staff: PersonId) -> DbResult<i64> {
                Ok(sqlx::query_scalar(PRIMARY_COUNT).bind(staff.0).fetch_one(&self.pool).await?)
            }
            async fn caseload_limits(&self) -> DbResult<CaseloadLimits> {
                let rows: Vec<(String, String)> =
                    sqlx::query_as("SELECT key, value FROM setting WHERE key IN ('caseload_soft', 'caseload_hard')")
                        .fetch_all(&self.pool)
                        .await?;
                let get = |k: &str| -> DbResult<i64> {
                    rows.iter().find(|(key, _)| key == k).and_then(|(_, v)| v.parse().ok()).ok_or_else(|| decode("setting.caseload"))
                };
                Ok(CaseloadLimits { soft: get("caseload_soft")?, hard: get("caseload_hard")? })
            }
            async fn set_caseload_limits(&self, limits: CaseloadLimits) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                for (key, value) in [("caseload_soft", limits.soft), ("caseload_hard", limits.hard)] {
                    sqlx::query("UPDATE setting SET value = $1 WHERE key = $2").bind(value.to_string()).bind(key).execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

sql!(SqliteStore);
sql!(PgStore);
