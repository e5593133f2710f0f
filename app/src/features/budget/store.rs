//! Personal budgets: the money, the ledger, spending requests and their decisions.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;
use sqlx::Row;

use crate::features::casework::store::cases_of;
use crate::kernel::ids::*;
use crate::kernel::paging::Before;
use crate::kernel::Amount;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// Personal budgets: the money, the ledger, spending requests and their decisions.
#[async_trait]
pub trait BudgetStore: Send + Sync {
    async fn budget_cap(&self) -> DbResult<Amount>;
    async fn set_budget_cap(&self, cap: Amount) -> DbResult<()>;
    /// How many new spending requests a citizen may make per hour.
    /// Grants a budget; refused above the cap, or while the citizen has a
    /// budget that has not ended.
    async fn grant_budget(&self, b: &NewBudget, now: i64) -> DbResult<BudgetId>;
    /// Adds to a budget that has not ended; refused past the cap.
    /// The idempotency key makes a repeated submit (a double tap without
    /// JavaScript) return the first top-up instead of adding again.
    async fn top_up_budget(&self, id: BudgetId, amount: Amount, by: PersonId, key: &str, now: i64) -> DbResult<SubmitOutcome<BudgetId>>;
    /// Ends a budget: what is unused is taken back (a `reduce` entry), no new
    /// requests can be made; pending requests stay reserved until decided.
    async fn end_budget(&self, id: BudgetId, by: PersonId, now: i64) -> DbResult<()>;
    /// The budget's requests, newest first.
    async fn spending_requests(&self, budget: BudgetId) -> DbResult<Vec<SpendingRequest>>;
    /// Pending requests waiting for `staff` (as caseworker or stand-in), oldest first.
    /// Requests waiting for `staff`, oldest first, at most `limit`, after
    /// the inbox's place `after` (time, and id·3 + 1 for a request).
    async fn open_spending_for(&self, staff: PersonId, after: Option<Before>, limit: i64, now: i64) -> DbResult<Vec<OpenSpending>>;
    async fn budget(&self, id: BudgetId) -> DbResult<Budget>;
    async fn budgets_of(&self, citizen: PersonId) -> DbResult<Vec<Budget>>;
    async fn ledger(&self, id: BudgetId) -> DbResult<Vec<LedgerEntry>>;
    /// Files a spending request and reserves its amount, atomically: refused
    /// with `Conflict` when more than is available and `Limited` past the
    /// rate limit. The idempotency key makes a repeated submit return the
    /// first request (also past the limit).
    async fn request_spending(&self, r: &NewSpendingRequest, now: i64) -> DbResult<SubmitOutcome<RequestId>>;
    async fn spending_request(&self, id: RequestId) -> DbResult<SpendingRequest>;
    /// Releases a pending request's reservation (citizen cancels).
    async fn cancel_spending(&self, id: RequestId, now: i64) -> DbResult<()>;
    /// Decides a pending request: `approved` of at most the requested amount
    /// is spent and the rest released; `None` declines and releases all. The
    /// decision record and the notification are written in the same
    /// transaction; `Conflict` when it is no longer pending.
    async fn decide_spending(&self, d: &SpendingDecision, now: i64) -> DbResult<DecisionId>;
    /// Corrects the last decision on a request in the citizen's favour: a
    /// decline or a lower amount becomes (more of) an approval. The
    /// difference is spent from what is left (new `reserve` and `spend`
    /// entries; no entry changes), the new decision points at the corrected one, and the
    /// notification goes in the same transaction. `Conflict` when the
    /// request is no longer as `from` says (another correction came first),
    /// with `NotEnoughLeft`/`BudgetEnded` when the budget cannot pay it.
    async fn correct_spending(&self, c: &SpendingCorrection, now: i64) -> DbResult<DecisionId>;
}

/// Why a conditional write to a budget changed nothing, read in the same
/// transaction: it has ended, or there is not enough left.
macro_rules! why_not {
    ($tx:expr, $budget:expr) => {{
        let row = sqlx::query("SELECT ended_at, granted_ore - reserved_ore - spent_ore AS left_ore FROM budget WHERE id = $1")
            .bind($budget.0)
            .fetch_one(&mut *$tx)
            .await?;
        let ended: Option<i64> = row.try_get("ended_at")?;
        if ended.is_some() {
            Rule::BudgetEnded
        } else {
            Rule::NotEnoughLeft(amount(row.try_get("left_ore")?)?)
        }
    }};
}

/// Appends a movement of money to a budget's ledger inside the caller's
/// transaction (`$request`: the spending request it belongs to, if any).
macro_rules! ledger {
    ($tx:expr, $budget:expr, $kind:expr, $ore:expr, $request:expr, $actor:expr, $now:expr) => {
        sqlx::query("INSERT INTO budget_entry (budget_id, at, kind, amount_ore, request_id, actor_id) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind($budget)
            .bind($now)
            .bind($kind)
            .bind($ore)
            .bind($request as Option<i64>)
            .bind($actor)
            .execute(&mut *$tx)
            .await?;
    };
}

macro_rules! sql {
    ($store:ty, $row:ty) => {
        #[async_trait]
        impl BudgetStore for $store {
            async fn budget_cap(&self) -> DbResult<Amount> {
                let v: String = sqlx::query_scalar("SELECT value FROM setting WHERE key = 'budget_cap_ore'").fetch_one(&self.pool).await?;
                amount(v.parse().map_err(|_| decode("setting.budget_cap_ore"))?)
            }
            async fn set_budget_cap(&self, cap: Amount) -> DbResult<()> {
                sqlx::query("UPDATE setting SET value = $1 WHERE key = 'budget_cap_ore'").bind(cap.ore().to_string()).execute(&self.pool).await?;
                Ok(())
            }
            async fn grant_budget(&self, b: &NewBudget, now: i64) -> DbResult<BudgetId> {
                let mut tx = self.begin_write().await?;
                let cap: String = sqlx::query_scalar("SELECT value FROM setting WHERE key = 'budget_cap_ore'").fetch_one(&mut *tx).await?;
                if b.amount.ore() > cap.parse::<i64>().map_err(|_| decode("setting.budget_cap_ore"))? {
                    return Err(DbError::Conflict(Rule::OverCap));
                }
                if b.amount == Amount::ZERO {
                    return Err(DbError::conflict("a budget needs an amount"));
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO budget (citizen_id, granted_by, period_start, period_end, note, granted_ore, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(b.citizen.0)
                .bind(b.granted_by.0)
                .bind(b.period_start)
                .bind(b.period_end)
                .bind(b.note.as_ref().map(|n| n.as_str()))
                .bind(b.amount.ore())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                ledger!(tx, id, "grant", b.amount.ore(), None, b.granted_by.0, now);
                tx.commit().await?;
                Ok(BudgetId(id))
            }
            async fn top_up_budget(&self, id: BudgetId, amount: Amount, by: PersonId, key: &str, now: i64) -> DbResult<SubmitOutcome<BudgetId>> {
                if amount == Amount::ZERO {
                    return Err(DbError::conflict("a top-up needs an amount"));
                }
                let mut tx = self.begin_write().await?;
                claim_key!(tx, by, key, "topup", BudgetId, now);
                let cap: String = sqlx::query_scalar("SELECT value FROM setting WHERE key = 'budget_cap_ore'").fetch_one(&mut *tx).await?;
                let cap: i64 = cap.parse().map_err(|_| decode("setting.budget_cap_ore"))?;
                let added = sqlx::query("UPDATE budget SET granted_ore = granted_ore + $1 WHERE id = $2 AND ended_at IS NULL AND granted_ore + $1 <= $3")
                    .bind(amount.ore())
                    .bind(id.0)
                    .bind(cap)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if added != 1 {
                    let why = match why_not!(tx, id) {
                        Rule::NotEnoughLeft(_) => Rule::OverCap,
                        other => other,
                    };
                    return Err(DbError::Conflict(why));
                }
                ledger!(tx, id.0, "topup", amount.ore(), None, by.0, now);
                key_result!(tx, by, key, id.0);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(id))
            }
            async fn end_budget(&self, id: BudgetId, by: PersonId, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                // Marking it ended first takes the row's lock on PostgreSQL, so
                // the unused amount read next cannot change under us.
                let ended = sqlx::query("UPDATE budget SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL")
                    .bind(now)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if ended != 1 {
                    return Err(DbError::conflict("already ended"));
                }
                let unused: i64 = sqlx::query_scalar("SELECT granted_ore - reserved_ore - spent_ore FROM budget WHERE id = $1")
                    .bind(id.0)
                    .fetch_one(&mut *tx)
                    .await?;
                if unused > 0 {
                    sqlx::query("UPDATE budget SET granted_ore = granted_ore - $1 WHERE id = $2").bind(unused).bind(id.0).execute(&mut *tx).await?;
                    ledger!(tx, id.0, "reduce", unused, None, by.0, now);
                }
                tx.commit().await?;
                Ok(())
            }
            async fn spending_requests(&self, budget: BudgetId) -> DbResult<Vec<SpendingRequest>> {
                Ok(sqlx::query_as("SELECT * FROM spending_request WHERE budget_id = $1 ORDER BY created_at DESC, id DESC")
                    .bind(budget.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
            async fn open_spending_for(&self, staff: PersonId, after: Option<Before>, limit: i64, now: i64) -> DbResult<Vec<OpenSpending>> {
                let (at, tag) = Before::after(after);
                Ok(sqlx::query_as(concat!(
                    // From the caseload in, as `open_goals_for`.
                    "SELECT sr.*, person.full_name AS citizen_name FROM spending_request sr \
                     JOIN person ON person.id = sr.citizen_id \
                     WHERE sr.citizen_id IN ",
                    cases_of!("$1", "$5"),
                    " AND sr.status = 'pending' \
                       AND (sr.created_at > $2 OR (sr.created_at = $2 AND sr.id * 3 + 1 > $3)) \
                     ORDER BY sr.created_at, sr.id LIMIT $4",
                ))
                .bind(staff.0)
                .bind(at)
                .bind(tag)
                .bind(limit)
                .bind(now)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn budget(&self, id: BudgetId) -> DbResult<Budget> {
                Ok(sqlx::query_as("SELECT * FROM budget WHERE id = $1").bind(id.0).fetch_one(&self.pool).await?)
            }
            async fn budgets_of(&self, citizen: PersonId) -> DbResult<Vec<Budget>> {
                Ok(sqlx::query_as("SELECT * FROM budget WHERE citizen_id = $1 ORDER BY id").bind(citizen.0).fetch_all(&self.pool).await?)
            }
            async fn ledger(&self, id: BudgetId) -> DbResult<Vec<LedgerEntry>> {
                Ok(sqlx::query_as("SELECT * FROM budget_entry WHERE budget_id = $1 ORDER BY at, id").bind(id.0).fetch_all(&self.pool).await?)
            }
            async fn request_spending(&self, r: &NewSpendingRequest, now: i64) -> DbResult<SubmitOutcome<RequestId>> {
                if r.amount == Amount::ZERO {
                    return Err(DbError::conflict("a request needs an amount"));
                }
                let mut tx = self.begin_write().await?;
                claim_key!(tx, r.citizen, &r.idempotency_key, "spending_request", RequestId, now);
                let reserved = sqlx::query(
                    "UPDATE budget SET reserved_ore = reserved_ore + $1 \
                     WHERE id = $2 AND citizen_id = $3 AND ended_at IS NULL AND granted_ore - reserved_ore - spent_ore >= $1",
                )
                .bind(r.amount.ore())
                .bind(r.budget.0)
                .bind(r.citizen.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if reserved != 1 {
                    return Err(DbError::Conflict(why_not!(tx, r.budget)));
                }
                // Counted after the budget row is locked by the reservation, so
                // simultaneous requests of one citizen are counted one by one.
                if let Some(limit) = r.limit {
                    let recent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM spending_request WHERE citizen_id = $1 AND created_at > $2")
                        .bind(r.citizen.0)
                        .bind(limit.since)
                        .fetch_one(&mut *tx)
                        .await?;
                    if recent >= limit.max {
                        return Err(DbError::Limited);
                    }
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO spending_request (budget_id, citizen_id, amount_ore, purpose, goal_id, status, created_at, helper_id) \
                     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7) RETURNING id",
                )
                .bind(r.budget.0)
                .bind(r.citizen.0)
                .bind(r.amount.ore())
                .bind(r.purpose.as_str())
                .bind(r.goal.map(|g| g.0))
                .bind(now)
                .bind(r.helper.map(|h| h.0))
                .fetch_one(&mut *tx)
                .await?;
                ledger!(tx, r.budget.0, "reserve", r.amount.ore(), Some(id), r.citizen.0, now);
                key_result!(tx, r.citizen, &r.idempotency_key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(RequestId(id)))
            }
            async fn spending_request(&self, id: RequestId) -> DbResult<SpendingRequest> {
                Ok(sqlx::query_as("SELECT * FROM spending_request WHERE id = $1").bind(id.0).fetch_one(&self.pool).await?)
            }
            async fn cancel_spending(&self, id: RequestId, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let row = sqlx::query(
                    "UPDATE spending_request SET status = 'cancelled', decided_at = $1 WHERE id = $2 AND status = 'pending' \
                     RETURNING budget_id, amount_ore, citizen_id",
                )
                .bind(now)
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(DbError::conflict("not pending"))?;
                let (budget, ore, citizen): (i64, i64, i64) = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
                sqlx::query("UPDATE budget SET reserved_ore = reserved_ore - $1 WHERE id = $2").bind(ore).bind(budget).execute(&mut *tx).await?;
                ledger!(tx, budget, "release", ore, Some(id.0), citizen, now);
                tx.commit().await?;
                Ok(())
            }
            async fn decide_spending(&self, sd: &SpendingDecision, now: i64) -> DbResult<DecisionId> {
                let (id, approved, d) = (sd.request, sd.approved, &sd.decision);
                let mut tx = self.begin_write().await?;
                let row = sqlx::query(
                    "UPDATE spending_request SET status = $1, approved_ore = $2, decided_at = $3 WHERE id = $4 AND status = 'pending' \
                     RETURNING budget_id, amount_ore, citizen_id",
                )
                .bind(if approved.is_some() { "approved" } else { "declined" })
                .bind(approved.map(|a| a.ore()))
                .bind(now)
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(DbError::conflict("already decided"))?;
                let (budget, requested, citizen): (i64, i64, i64) = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
                let spend = approved.map(|a| a.ore()).unwrap_or(0);
                if spend > requested || approved == Some(Amount::ZERO) {
                    return Err(DbError::conflict("approved amount out of range"));
                }
                let outcome = match approved {
                    None => "declined",
                    Some(a) if a.ore() == requested => "approved",
                    Some(_) => "approved_lower",
                };
                sqlx::query("UPDATE budget SET reserved_ore = reserved_ore - $1, spent_ore = spent_ore + $2 WHERE id = $3")
                    .bind(requested)
                    .bind(spend)
                    .bind(budget)
                    .execute(&mut *tx)
                    .await?;
                for (kind, ore) in [("spend", spend), ("release", requested - spend)] {
                    if ore > 0 {
                        ledger!(tx, budget, kind, ore, Some(id.0), d.decided_by.0, now);
                    }
                }
                let decision = record_decision!(tx, citizen, "spending_request", id.0, outcome, d, now);
                if let Some(notice) = sd.notify_citizen {
                    notify_in!(tx, citizen, notice, now);
                }
                tx.commit().await?;
                Ok(DecisionId(decision))
            }
            async fn correct_spending(&self, c: &SpendingCorrection, now: i64) -> DbResult<DecisionId> {
                let from = c.from.map_or(0, |a| a.ore());
                if c.decision.corrects.is_none() || c.to.ore() <= from {
                    return Err(DbError::conflict("a correction names the decision it corrects and gives more"));
                }
                let mut tx = self.begin_write().await?;
                // Conditional on the request being as the caseworker saw it:
                // approved_ore only grows, so a correction that lost a race
                // finds it changed and writes nothing.
                let row = sqlx::query(
                    "UPDATE spending_request SET status = 'approved', approved_ore = $1 \
                     WHERE id = $2 AND status IN ('approved', 'declined') AND COALESCE(approved_ore, 0) = $3 AND amount_ore >= $1 \
                     RETURNING budget_id, amount_ore, citizen_id",
                )
                .bind(c.to.ore())
                .bind(c.request.0)
                .bind(from)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(DbError::conflict("the request has changed meanwhile"))?;
                let (budget, requested, citizen): (i64, i64, i64) = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
                let last: Option<i64> =
                    sqlx::query_scalar("SELECT MAX(id) FROM decision WHERE subject_kind = 'spending_request' AND subject_id = $1")
                        .bind(c.request.0)
                        .fetch_one(&mut *tx)
                        .await?;
                if last != c.decision.corrects.map(|d| d.0) {
                    return Err(DbError::conflict("not the request's last decision"));
                }
                let more = c.to.ore() - from;
                let paid = sqlx::query(
                    "UPDATE budget SET spent_ore = spent_ore + $1 WHERE id = $2 AND ended_at IS NULL AND granted_ore - reserved_ore - spent_ore >= $1",
                )
                .bind(more)
                .bind(budget)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if paid != 1 {
                    return Err(DbError::Conflict(why_not!(tx, BudgetId(budget))));
                }
                // In the ledger's terms the difference is reserved and spent at once
                // (a `spend` entry moves money from reserved to spent).
                for kind in ["reserve", "spend"] {
                    ledger!(tx, budget, kind, more, Some(c.request.0), c.decision.decided_by.0, now);
                }
                let outcome = if c.to.ore() == requested { "approved" } else { "approved_lower" };
                let decision = record_decision!(tx, citizen, "spending_request", c.request.0, outcome, &c.decision, now);
                if let Some(notice) = c.notify_citizen {
                    notify_in!(tx, citizen, notice, now);
                }
                tx.commit().await?;
                Ok(DecisionId(decision))
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
