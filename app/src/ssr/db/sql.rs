//! What every feature's SQL shares: decoding helpers and the macros that
//! write a history line, claim an idempotency key and notify inside the
//! caller's transaction. Each feature's `store.rs` writes its SQL once and
//! instantiates it for both backends.
//!
//! Rules the database itself guards (so no code path can break them):
//! a budget's `reserved + spent <= granted` (CHECK), a meetup's
//! `going_count <= capacity` (CHECK), one active caseworker of each kind per
//! citizen (partial unique index), one plan per citizen (UNIQUE).
//! Money moves with a single conditional `UPDATE … WHERE available >= amount`,
//! which is atomic on both backends under their default isolation: the
//! check-then-insert race measured in DESIGN.md cannot happen.

use super::*;

pub(crate) fn decode(what: &'static str) -> DbError {
    DbError::Other(sqlx::Error::Decode(format!("unexpected value in {what}").into()))
}

/// The person's row, locked for the rest of the transaction: PostgreSQL
/// holds the row lock, so two writes about one person run one after the
/// other (SQLite's write lock is held already).
pub(crate) const LOCK_PERSON: &str = "UPDATE person SET created_at = created_at WHERE id = $1";

/// An id as itself: what `claim_key!` wraps a repeated submit's id in when
/// the id has no type of its own.
pub(crate) fn same(id: i64) -> i64 {
    id
}

pub(crate) fn amount(ore: i64) -> DbResult<Amount> {
    Amount::from_ore(ore).ok_or_else(|| decode("amount"))
}

/// Appends a line to the plan's history inside the caller's transaction.
macro_rules! record_event {
    ($tx:expr, $plan:expr, $actor:expr, $kind:expr, $summary:expr, $now:expr) => {
        let actor: Actor = $actor;
        sqlx::query(
            "INSERT INTO plan_event (plan_id, at, actor_kind, actor_id, kind, summary, helper_id, helper_kind) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind($plan.0)
        .bind($now)
        .bind(actor.kind.as_str())
        .bind(actor.id.map(|p: PersonId| p.0))
        .bind($kind)
        .bind($summary)
        .bind(actor.helper.map(|(p, _)| p.0))
        .bind(actor.helper.map(|(_, k)| k.as_str()))
        .execute(&mut *$tx)
        .await?;
        sqlx::query("UPDATE plan SET updated_at = $1 WHERE id = $2").bind($now).bind($plan.0).execute(&mut *$tx).await?;
    };
}

/// Writes a decision (immutable) on `$kind` `$subject` inside the caller's
/// transaction; evaluates to its id.
macro_rules! record_decision {
    ($tx:expr, $citizen:expr, $kind:literal, $subject:expr, $outcome:expr, $d:expr, $now:expr) => {{
        let d: &NewDecision = $d;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO decision (citizen_id, subject_kind, subject_id, outcome, reasons, appeal_guidance, decided_by, decided_at, corrects_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind($citizen)
        .bind($kind)
        .bind($subject)
        .bind($outcome)
        .bind(d.reasons.as_ref().map(|r| r.as_str()))
        .bind(&d.appeal_guidance)
        .bind(d.decided_by.0)
        .bind($now)
        .bind(d.corrects.map(|c| c.0))
        .fetch_one(&mut *$tx)
        .await?;
        id
    }};
}

/// Claims an idempotency key first thing in a submitting transaction; if the
/// key was used before, returns (from the enclosing fn) what it created. On
/// PostgreSQL a concurrent claim of the same key waits here until the other
/// transaction ends; on SQLite the write lock serialises them.
macro_rules! claim_key {
    ($tx:expr, $person:expr, $key:expr, $kind:literal, $id:ident, $now:expr) => {
        let claimed = sqlx::query(
            "INSERT INTO idempotency_key (person_id, key, created_at, result_kind, result_id) \
             VALUES ($1, $2, $3, $4, NULL) ON CONFLICT DO NOTHING",
        )
        .bind($person.0)
        .bind($key)
        .bind($now)
        .bind($kind)
        .execute(&mut *$tx)
        .await?
        .rows_affected()
            == 1;
        if !claimed {
            let first: Option<i64> =
                sqlx::query_scalar("SELECT result_id FROM idempotency_key WHERE person_id = $1 AND key = $2 AND result_kind = $3")
                    .bind($person.0)
                    .bind($key)
                    .bind($kind)
                    .fetch_optional(&mut *$tx)
                    .await?
                    .ok_or(DbError::conflict("key used for something else"))?;
            return first.map(|id| SubmitOutcome::Repeated($id(id))).ok_or(DbError::conflict("submission in progress"));
        }
    };
}

/// Records what a claimed idempotency key created.
macro_rules! key_result {
    ($tx:expr, $person:expr, $key:expr, $id:expr) => {
        sqlx::query("UPDATE idempotency_key SET result_id = $1 WHERE person_id = $2 AND key = $3")
            .bind($id)
            .bind($person.0)
            .bind($key)
            .execute(&mut *$tx)
            .await?;
    };
}

/// Writes a notification inside the caller's transaction.
macro_rules! notify_in {
    ($tx:expr, $person:expr, $notice:expr, $now:expr) => {
        let notice: Notice = $notice;
        let notification: i64 = sqlx::query_scalar(
            "INSERT INTO notification (person_id, created_at, kind, object_id, link) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind($person)
        .bind($now)
        .bind(notice.kind.as_str())
        .bind(notice.object)
        .bind(notice.link())
        .fetch_one(&mut *$tx)
        .await?;
        // The notice by e-mail and SMS, in the same transaction: only to a
        // confirmed address or number whose owner has not turned this kind
        // off. It waits out the grace period; the worker decides the rest
        // when sending.
        sqlx::query(crate::features::notices::store::ENQUEUE_NOTICE)
            .bind($person)
            .bind(notice.kind.as_str())
            .bind(notification)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
    };
}

/// Writes the missing reminders of an appointment or meetup inside the
/// caller's transaction, after it was booked or someone got a place:
/// `$reminder` a `notices::store::Reminder`, `$id` its id. With `moved_to`
/// (its new start, after a move), the waiting reminders of the old start
/// are re-dated first.
macro_rules! remind_in {
    ($tx:expr, $reminder:expr, $id:expr, $now:expr) => {
        let reminder: crate::features::notices::store::Reminder = $reminder;
        sqlx::query(crate::features::notices::store::SCHEDULE_OBJECT).bind($now).bind(reminder.kind()).bind($id).execute(&mut *$tx).await?;
    };
    ($tx:expr, $reminder:expr, $id:expr, $now:expr, moved_to: $starts_at:expr) => {
        let moved: crate::features::notices::store::Reminder = $reminder;
        sqlx::query(crate::features::notices::store::RESCHEDULE_OBJECT)
            .bind($now)
            .bind(moved.kind())
            .bind($id)
            .bind($starts_at)
            .execute(&mut *$tx)
            .await?;
        remind_in!($tx, moved, $id, $now);
    };
}

/// One page of an owner's rows of `$table`, newest first by `$time` then
/// id, older than `$before` (`kernel::paging`): at most `$limit` rows.
macro_rules! page_of {
    ($pool:expr, $table:literal, $owner:literal, $time:literal, $owner_id:expr, $before:expr, $limit:expr) => {{
        let (at, id) = crate::kernel::paging::Before::bounds($before);
        sqlx::query_as(concat!(
            "SELECT * FROM ",
            $table,
            " WHERE ",
            $owner,
            " = $1 AND (",
            $time,
            " < $2 OR (",
            $time,
            " = $2 AND id < $3)) ",
            "ORDER BY ",
            $time,
            " DESC, id DESC LIMIT $4"
        ))
        .bind($owner_id)
        .bind(at)
        .bind(id)
        .bind($limit)
        .fetch_all($pool)
        .await?
    }};
}

pub(crate) use claim_key;
pub(crate) use key_result;
pub(crate) use notify_in;
pub(crate) use page_of;
pub(crate) use record_decision;
pub(crate) use record_event;
pub(crate) use remind_in;
