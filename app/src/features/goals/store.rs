//! Goals in a plan and their state machine, with decisions and notices in the same transaction.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;
use sqlx::Row;

use crate::features::casework::store::cases_of;
use crate::kernel::ids::*;
use crate::kernel::paging::Before;
use crate::kernel::plan::ActorKind;
use crate::ssr::db::limits::within_hourly_limit;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// Goals in a plan and their state machine, with decisions and notices in the same transaction.
#[async_trait]
pub trait GoalStore: Send + Sync {
    async fn add_goal(&self, plan: PlanId, goal: &NewGoal, actor: Actor, now: i64) -> DbResult<GoalId>;
    async fn goals(&self, plan: PlanId) -> DbResult<Vec<Goal>>;
    async fn goal(&self, id: GoalId) -> DbResult<Goal>;
    /// The citizen (`by`: themselves, or their helper for them) proposes a
    /// goal in their own plan. The idempotency key makes a repeated submit
    /// (a double tap, a reload) return the first goal.
    async fn propose_goal(&self, by: Actor, g: &NewGoal, key: &str, now: i64) -> DbResult<SubmitOutcome<GoalId>>;
    /// Moves a goal from `c.from` to `c.to` with its history line, decision and
    /// notification; `Conflict` when the goal is no longer `c.from`.
    async fn change_goal(&self, c: &GoalChange, now: i64) -> DbResult<()>;
    /// Proposals waiting for `staff` (as caseworker or stand-in), oldest
    /// first, at most `limit`, after
    /// the inbox's place `after` (time, and id·3 for a goal: `inbox::service`).
    async fn open_goals_for(&self, staff: PersonId, after: Option<Before>, limit: i64, now: i64) -> DbResult<Vec<OpenGoal>>;
}

macro_rules! sql {
    ($store:ty, $row:ty) => {
        #[async_trait]
        impl GoalStore for $store {
            async fn add_goal(&self, plan: PlanId, g: &NewGoal, actor: Actor, now: i64) -> DbResult<GoalId> {
                let mut tx = self.begin_write().await?;
                let proposed_by = if actor.kind == ActorKind::Citizen { "citizen" } else { "staff" };
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO goal (plan_id, title, why, first_step, status, proposed_by, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                )
                .bind(plan.0)
                .bind(g.title.as_str())
                .bind(g.why.as_ref().map(|t| t.as_str()))
                .bind(g.first_step.as_ref().map(|t| t.as_str()))
                .bind(g.status.as_str())
                .bind(proposed_by)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                record_event!(tx, plan, actor, "goal_added", g.title.as_str(), now);
                tx.commit().await?;
                Ok(GoalId(id))
            }
            async fn goals(&self, plan: PlanId) -> DbResult<Vec<Goal>> {
                Ok(sqlx::query_as(
                    "SELECT goal.*, plan.citizen_id FROM goal JOIN plan ON plan.id = goal.plan_id \
                     WHERE goal.plan_id = $1 ORDER BY goal.created_at, goal.id",
                )
                .bind(plan.0)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn goal(&self, id: GoalId) -> DbResult<Goal> {
                Ok(sqlx::query_as("SELECT goal.*, plan.citizen_id FROM goal JOIN plan ON plan.id = goal.plan_id WHERE goal.id = $1")
                    .bind(id.0)
                    .fetch_one(&self.pool)
                    .await?)
            }
            async fn propose_goal(&self, by: Actor, g: &NewGoal, key: &str, now: i64) -> DbResult<SubmitOutcome<GoalId>> {
                let citizen = by.id.ok_or(DbError::NotFound)?;
                let mut tx = self.begin_write().await?;
                claim_key!(tx, citizen, key, "goal", GoalId, now);
                within_hourly_limit!(tx, citizen, PerHour::Goals, now);
                let plan: i64 = sqlx::query_scalar("SELECT id FROM plan WHERE citizen_id = $1").bind(citizen.0).fetch_one(&mut *tx).await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO goal (plan_id, title, why, first_step, status, proposed_by, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, 'proposed', 'citizen', $5, $5) RETURNING id",
                )
                .bind(plan)
                .bind(g.title.as_str())
                .bind(g.why.as_ref().map(|t| t.as_str()))
                .bind(g.first_step.as_ref().map(|t| t.as_str()))
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                record_event!(tx, PlanId(plan), by, "goal_proposed", g.title.as_str(), now);
                key_result!(tx, citizen, key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(GoalId(id)))
            }
            async fn change_goal(&self, c: &GoalChange, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                // Expressions on the right see the row as it was, so
                // COALESCE(suggested_title, …) takes the old suggestion.
                let row = sqlx::query(
                    "UPDATE goal SET status = $1, \
                     title = CASE WHEN $2 THEN COALESCE(suggested_title, title) ELSE title END, \
                     suggested_title = $3, updated_at = $4 \
                     WHERE id = $5 AND status = $6 RETURNING plan_id, title",
                )
                .bind(c.to.as_str())
                .bind(c.take_suggestion)
                .bind(c.suggestion.as_ref().map(|t| t.as_str()))
                .bind(now)
                .bind(c.goal.0)
                .bind(c.from.as_str())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(DbError::conflict("the goal has changed meanwhile"))?;
                let plan = PlanId(row.try_get("plan_id")?);
                let title: String = row.try_get("title")?;
                record_event!(tx, plan, c.actor, c.history_kind, title.as_str(), now);
                let citizen: i64 = sqlx::query_scalar("SELECT citizen_id FROM plan WHERE id = $1").bind(plan.0).fetch_one(&mut *tx).await?;
                if let Some((outcome, d)) = &c.decision {
                    record_decision!(tx, citizen, "goal", c.goal.0, *outcome, d, now);
                }
                if let Some(notice) = c.notify_citizen {
                    notify_in!(tx, citizen, notice, now);
                }
                tx.commit().await?;
                Ok(())
            }
            async fn open_goals_for(&self, staff: PersonId, after: Option<Before>, limit: i64, now: i64) -> DbResult<Vec<OpenGoal>> {
                let (at, tag) = Before::after(after);
                Ok(sqlx::query_as(concat!(
                    // From the caseload in: the staff index finds their citizens,
                    // then each plan's goals (not every proposal in the
                    // municipality checked against the caseload, which .ci/bench
                    // measured at 12 inbox views a second with 10,000 citizens).
                    "SELECT goal.*, plan.citizen_id, person.full_name AS citizen_name FROM plan \
                     JOIN goal ON goal.plan_id = plan.id JOIN person ON person.id = plan.citizen_id \
                     WHERE plan.citizen_id IN ",
                    cases_of!("$1", "$5"),
                    " AND goal.status = 'proposed' \
                       AND (goal.updated_at > $2 OR (goal.updated_at = $2 AND goal.id * 3 > $3)) \
                     ORDER BY goal.updated_at, goal.id LIMIT $4",
                ))
                .bind(staff.0)
                .bind(at)
                .bind(tag)
                .bind(limit)
                .bind(now)
                .fetch_all(&self.pool)
                .await?)
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
