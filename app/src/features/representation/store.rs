//! Representations: invitations, redemption, the period and its end.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::features::notifications::notice::{Notice, NotificationKind};
use crate::kernel::ids::*;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// A representation as stored, with the names the pages show.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Representation {
    pub id: RepresentationId,
    pub citizen_id: PersonId,
    /// The helper; `None` while the invitation waits.
    pub helper_id: Option<PersonId>,
    /// `bisidder` or `fuldmaegtig`.
    pub kind: String,
    /// `see,write,…`
    pub scopes: String,
    pub months: i64,
    pub created_at: i64,
    pub created_by: PersonId,
    pub code_expires_at: Option<i64>,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub ended_at: Option<i64>,
    pub ended_by: Option<PersonId>,
    pub end_reason: Option<String>,
    /// A paper power of attorney's helper, as written by the caseworker.
    pub helper_name: Option<String>,
    /// The citizen's full name.
    pub citizen_name: String,
    /// The helper's full name, once there is a helper.
    pub helper_full_name: Option<String>,
}

impl Representation {
    /// Whether the helper may act with it at `now`.
    pub fn active(&self, now: i64) -> bool {
        self.helper_id.is_some()
            && self.ended_at.is_none()
            && self.starts_at.is_some_and(|s| s <= now)
            && self.ends_at.is_some_and(|e| e > now)
    }

    /// Whether it is an invitation that can still be redeemed at `now`.
    pub fn waiting(&self, now: i64) -> bool {
        self.helper_id.is_none() && self.ended_at.is_none() && self.code_expires_at.is_some_and(|e| e > now)
    }

    /// Whether it is a paper power of attorney waiting for its helper's first login.
    pub fn paper_waiting(&self, now: i64) -> bool {
        self.helper_id.is_none() && self.ended_at.is_none() && self.helper_name.is_some() && self.ends_at.is_some_and(|e| e > now)
    }
}

/// An invitation to write.
#[derive(Clone, Debug)]
pub struct NewInvitation {
    pub citizen: PersonId,
    pub kind: &'static str,
    pub scopes: String,
    pub months: i64,
    pub code_hash: String,
    pub code_expires_at: i64,
}

/// A paper power of attorney, as the caseworker registers it.
#[derive(Debug)]
pub struct NewPaper {
    pub citizen: PersonId,
    pub staff: PersonId,
    pub kind: &'static str,
    pub scopes: String,
    pub months: i64,
    pub ends_at: i64,
    pub helper_name: String,
    pub helper_cpr_hash: String,
    /// The caseworker's message in the citizen's conversation, with the
    /// signed paper attached; written in the same transaction.
    pub message: crate::features::conversation::store::NewMessage,
}

/// An invitation found by its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub id: RepresentationId,
    pub citizen: PersonId,
    pub months: i64,
}

const SELECT: &str = "SELECT r.id, r.citizen_id, r.helper_id, r.kind, r.scopes, r.months, r.created_at, r.created_by, \
     r.code_expires_at, r.starts_at, r.ends_at, r.ended_at, r.ended_by, r.end_reason, r.helper_name, \
     c.full_name AS citizen_name, h.full_name AS helper_full_name \
     FROM representation r JOIN person c ON c.id = r.citizen_id LEFT JOIN person h ON h.id = r.helper_id";

#[async_trait]
pub trait RepresentationStore: Send + Sync {
    /// Writes an invitation. `key` makes a double tap one invitation: a
    /// repeat gives the first one a new code (the first was never shown, or
    /// is shown no more), so the code on the screen is always the one that works.
    async fn invite(&self, inv: &NewInvitation, key: &str, now: i64) -> DbResult<SubmitOutcome<RepresentationId>>;
    /// The invitation waiting with this code at `now`, if any.
    async fn invitation(&self, code_hash: &str, now: i64) -> DbResult<Option<Invitation>>;
    /// Makes `helper` the helper of the invitation `id` with this code, from
    /// `starts_at` to `ends_at`, and tells both: one conditional UPDATE, so a
    /// code is used once. `NotFound` when it was used, withdrawn or ran out meanwhile.
    async fn redeem(&self, id: RepresentationId, code_hash: &str, helper: PersonId, starts_at: i64, ends_at: i64) -> DbResult<()>;
    /// Records a code typed by `person` at `now` (committed at once), then
    /// counts their tries since `since`, this one included, and the first
    /// of them: (this try's id, count, first). Counting after recording, so
    /// of tries at the same moment at most the allowed number see a count
    /// within the limit.
    async fn count_try(&self, person: PersonId, now: i64, since: i64) -> DbResult<(i64, i64, Option<i64>)>;
    /// Forgets a try that was no wrong code (it went through, was refused
    /// for another reason, or found the person locked).
    async fn forget_try(&self, id: i64) -> DbResult<()>;
    /// Every representation of the citizen (waiting, active, ended), newest first.
    async fn representations_of(&self, citizen: PersonId) -> DbResult<Vec<Representation>>;
    /// The people `helper` may act for at `now`, by name.
    async fn helping(&self, helper: PersonId, now: i64) -> DbResult<Vec<Representation>>;
    /// Representation `id` if `helper` may act with it at `now`.
    async fn acting_as(&self, id: RepresentationId, helper: PersonId, now: i64) -> DbResult<Option<Representation>>;
    async fn representation(&self, id: RepresentationId) -> DbResult<Representation>;
    /// Ends representation `id` of `citizen` at `now` (withdraws it, if it is
    /// an invitation), by `by`, with `reason` (the caseworker's), and tells
    /// the citizen and the helper. `NotFound` when it has ended already.
    async fn end_representation(
        &self,
        id: RepresentationId,
        citizen: PersonId,
        by: PersonId,
        reason: Option<&str>,
        now: i64,
    ) -> DbResult<()>;
    /// Registers a paper power of attorney from `now` to its `ends_at`: the
    /// caseworker's message with the signed paper, and the access waiting for
    /// its helper's first login, in one transaction. The message's key makes
    /// a double tap one registration.
    async fn register_paper(&self, p: &NewPaper, now: i64) -> DbResult<SubmitOutcome<RepresentationId>>;
    /// At `helper`'s login with MitID: every paper power of attorney that
    /// names their CPR number (`cpr_hash`) and waits, runs and is not for
    /// themselves or a citizen they are caseworker or stand-in for, becomes
    /// theirs; both are told. How many.
    async fn match_paper(&self, helper: PersonId, cpr_hash: &str, now: i64) -> DbResult<usize>;
    /// Tells the citizen and the helper of every access that ends within
    /// `soon` ms ("ends in 14 days") or has ended by its date, each once:
    /// every notice is claimed with a conditional UPDATE in its own
    /// transaction with the notifications, so two servers write it once.
    /// How many accesses were told about.
    async fn write_due_helper_notices(&self, now: i64, soon: i64) -> DbResult<usize>;
}

macro_rules! sql {
    ($store:ty) => {
        #[async_trait]
        impl RepresentationStore for $store {
            async fn invite(&self, inv: &NewInvitation, key: &str, now: i64) -> DbResult<SubmitOutcome<RepresentationId>> {
                let mut tx = self.begin_write().await?;
                let claimed = sqlx::query(
                    "INSERT INTO idempotency_key (person_id, key, created_at, result_kind, result_id) \
                     VALUES ($1, $2, $3, 'invitation', NULL) ON CONFLICT DO NOTHING",
                )
                .bind(inv.citizen.0)
                .bind(key)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if !claimed {
                    let first: Option<i64> = sqlx::query_scalar(
                        "SELECT result_id FROM idempotency_key WHERE person_id = $1 AND key = $2 AND result_kind = 'invitation'",
                    )
                    .bind(inv.citizen.0)
                    .bind(key)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(DbError::conflict("key used for something else"))?;
                    let first = first.ok_or(DbError::conflict("submission in progress"))?;
                    sqlx::query(
                        "UPDATE representation SET code_hash = $3, code_expires_at = $4 \
                         WHERE id = $1 AND citizen_id = $2 AND helper_id IS NULL AND ended_at IS NULL",
                    )
                    .bind(first)
                    .bind(inv.citizen.0)
                    .bind(&inv.code_hash)
                    .bind(inv.code_expires_at)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    return Ok(SubmitOutcome::Repeated(RepresentationId(first)));
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO representation (citizen_id, kind, scopes, months, created_at, created_by, code_hash, code_expires_at) \
                     VALUES ($1, $2, $3, $4, $5, $1, $6, $7) RETURNING id",
                )
                .bind(inv.citizen.0)
                .bind(inv.kind)
                .bind(&inv.scopes)
                .bind(inv.months)
                .bind(now)
                .bind(&inv.code_hash)
                .bind(inv.code_expires_at)
                .fetch_one(&mut *tx)
                .await?;
                key_result!(tx, inv.citizen, key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(RepresentationId(id)))
            }
            async fn invitation(&self, code_hash: &str, now: i64) -> DbResult<Option<Invitation>> {
                let row: Option<(i64, i64, i64)> = sqlx::query_as(
                    "SELECT id, citizen_id, months FROM representation \
                     WHERE code_hash = $1 AND helper_id IS NULL AND ended_at IS NULL AND code_expires_at > $2",
                )
                .bind(code_hash)
                .bind(now)
                .fetch_optional(&self.pool)
                .await?;
                Ok(row.map(|(id, citizen, months)| Invitation { id: RepresentationId(id), citizen: PersonId(citizen), months }))
            }
            async fn redeem(&self, id: RepresentationId, code_hash: &str, helper: PersonId, starts_at: i64, ends_at: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let citizen: Option<i64> = sqlx::query_scalar(
                    "UPDATE representation SET helper_id = $3, code_hash = NULL, starts_at = $4, ends_at = $5, notified = 'start' \
                     WHERE id = $1 AND code_hash = $2 AND helper_id IS NULL AND ended_at IS NULL AND code_expires_at > $4 \
                     RETURNING citizen_id",
                )
                .bind(id.0)
                .bind(code_hash)
                .bind(helper.0)
                .bind(starts_at)
                .bind(ends_at)
                .fetch_optional(&mut *tx)
                .await?;
                let citizen = citizen.ok_or(DbError::NotFound)?;
                notify_in!(tx, citizen, Notice::new(NotificationKind::HelperStarted, id.0), starts_at);
                notify_in!(tx, helper.0, Notice::new(NotificationKind::HelpingStarted, id.0), starts_at);
                tx.commit().await?;
                Ok(())
            }
            async fn count_try(&self, person: PersonId, now: i64, since: i64) -> DbResult<(i64, i64, Option<i64>)> {
                let id: i64 = sqlx::query_scalar("INSERT INTO representation_attempt (person_id, at) VALUES ($1, $2) RETURNING id")
                    .bind(person.0)
                    .bind(now)
                    .fetch_one(&self.pool)
                    .await?;
                let (count, first): (i64, Option<i64>) =
                    sqlx::query_as("SELECT COUNT(*), MIN(at) FROM representation_attempt WHERE person_id = $1 AND at > $2")
                        .bind(person.0)
                        .bind(since)
                        .fetch_one(&self.pool)
                        .await?;
                Ok((id, count, first))
            }
            async fn forget_try(&self, id: i64) -> DbResult<()> {
                sqlx::query("DELETE FROM representation_attempt WHERE id = $1").bind(id).execute(&self.pool).await?;
                Ok(())
            }
            async fn representations_of(&self, citizen: PersonId) -> DbResult<Vec<Representation>> {
                Ok(sqlx::query_as(&format!("{SELECT} WHERE r.citizen_id = $1 ORDER BY r.created_at DESC, r.id DESC"))
                    .bind(citizen.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
            async fn helping(&self, helper: PersonId, now: i64) -> DbResult<Vec<Representation>> {
                Ok(sqlx::query_as(&format!(
                    "{SELECT} WHERE r.helper_id = $1 AND r.ended_at IS NULL AND r.starts_at <= $2 AND r.ends_at > $2 \
                     ORDER BY c.full_name, r.id"
                ))
                .bind(helper.0)
                .bind(now)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn acting_as(&self, id: RepresentationId, helper: PersonId, now: i64) -> DbResult<Option<Representation>> {
                Ok(sqlx::query_as(&format!(
                    "{SELECT} WHERE r.id = $1 AND r.helper_id = $2 AND r.ended_at IS NULL AND r.starts_at <= $3 AND r.ends_at > $3"
                ))
                .bind(id.0)
                .bind(helper.0)
                .bind(now)
                .fetch_optional(&self.pool)
                .await?)
            }
            async fn representation(&self, id: RepresentationId) -> DbResult<Representation> {
                Ok(sqlx::query_as(&format!("{SELECT} WHERE r.id = $1")).bind(id.0).fetch_one(&self.pool).await?)
            }
            async fn end_representation(
                &self,
                id: RepresentationId,
                citizen: PersonId,
                by: PersonId,
                reason: Option<&str>,
                now: i64,
            ) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let row: Option<(Option<i64>,)> = sqlx::query_as(
                    "UPDATE representation SET ended_at = $3, ended_by = $4, end_reason = $5, code_hash = NULL, \
                       notified = CASE WHEN helper_id IS NULL THEN notified ELSE 'start,end' END \
                     WHERE id = $1 AND citizen_id = $2 AND ended_at IS NULL AND (ends_at IS NULL OR ends_at > $3) \
                     RETURNING helper_id",
                )
                .bind(id.0)
                .bind(citizen.0)
                .bind(now)
                .bind(by.0)
                .bind(reason)
                .fetch_optional(&mut *tx)
                .await?;
                let (helper,) = row.ok_or(DbError::NotFound)?;
                if let Some(helper) = helper {
                    notify_in!(tx, citizen.0, Notice::new(NotificationKind::HelperEnded, id.0), now);
                    notify_in!(tx, helper, Notice::new(NotificationKind::HelpingEnded, id.0), now);
                }
                tx.commit().await?;
                Ok(())
            }
            async fn register_paper(&self, p: &NewPaper, now: i64) -> DbResult<SubmitOutcome<RepresentationId>> {
                let m = &p.message;
                let mut tx = self.begin_write().await?;
                claim_key!(tx, m.sender, &m.idempotency_key, "paper", RepresentationId, now);
                let message: i64 =
                    sqlx::query_scalar("INSERT INTO message (citizen_id, sender_id, body, sent_at) VALUES ($1, $2, $3, $4) RETURNING id")
                        .bind(m.citizen.0)
                        .bind(m.sender.0)
                        .bind(m.body.as_str())
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await?;
                crate::features::conversation::store::attach_files!(tx, "message_id", message, m.citizen.0, &m.attachments, now);
                notify_in!(tx, m.citizen.0, Notice::new(NotificationKind::MessageAnswered, message), now);
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO representation (citizen_id, kind, scopes, months, created_at, created_by, starts_at, ends_at, \
                       helper_name, helper_cpr_hash, paper_message_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $8, $9, $10) RETURNING id",
                )
                .bind(p.citizen.0)
                .bind(p.kind)
                .bind(&p.scopes)
                .bind(p.months)
                .bind(now)
                .bind(p.staff.0)
                .bind(p.ends_at)
                .bind(&p.helper_name)
                .bind(&p.helper_cpr_hash)
                .bind(message)
                .fetch_one(&mut *tx)
                .await?;
                key_result!(tx, m.sender, &m.idempotency_key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(RepresentationId(id)))
            }
            async fn match_paper(&self, helper: PersonId, cpr_hash: &str, now: i64) -> DbResult<usize> {
                let mut tx = self.begin_write().await?;
                let matched: Vec<(i64, i64)> = sqlx::query_as(
                    "UPDATE representation SET helper_id = $1, notified = 'start' \
                     WHERE helper_cpr_hash = $2 AND helper_id IS NULL AND ended_at IS NULL AND ends_at > $3 AND citizen_id <> $1 \
                       AND NOT EXISTS (SELECT 1 FROM caseworker_assignment a \
                                       WHERE a.citizen_id = representation.citizen_id AND a.staff_id = $1 AND (a.to_at IS NULL OR a.to_at > $3)) \
                     RETURNING id, citizen_id",
                )
                .bind(helper.0)
                .bind(cpr_hash)
                .bind(now)
                .fetch_all(&mut *tx)
                .await?;
                for (id, citizen) in &matched {
                    notify_in!(tx, *citizen, Notice::new(NotificationKind::HelperStarted, *id), now);
                    notify_in!(tx, helper.0, Notice::new(NotificationKind::HelpingStarted, *id), now);
                }
                tx.commit().await?;
                Ok(matched.len())
            }
            async fn write_due_helper_notices(&self, now: i64, soon: i64) -> DbResult<usize> {
                let mut told = 0;
                for (marker, when, to_citizen, to_helper) in DUE {
                    let due: Vec<i64> = sqlx::query_scalar(&format!(
                        "SELECT id FROM representation WHERE helper_id IS NOT NULL AND ended_at IS NULL AND {when} \
                         AND (',' || notified || ',') NOT LIKE '%,{marker},%' ORDER BY id LIMIT 500"
                    ))
                    .bind(now)
                    .bind(now + soon)
                    .fetch_all(&self.pool)
                    .await?;
                    for id in due {
                        let mut tx = self.begin_write().await?;
                        let claimed: Option<(i64, i64)> = sqlx::query_as(&format!(
                            "UPDATE representation SET notified = notified || ',{marker}' \
                             WHERE id = $1 AND (',' || notified || ',') NOT LIKE '%,{marker},%' RETURNING citizen_id, helper_id"
                        ))
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                        if let Some((citizen, helper)) = claimed {
                            notify_in!(tx, citizen, Notice::new(to_citizen, id), now);
                            notify_in!(tx, helper, Notice::new(to_helper, id), now);
                            told += 1;
                        }
                        tx.commit().await?;
                    }
                }
                Ok(told)
            }
        }
    };
}

/// The notices a periodic round writes: (marker in `notified`, which
/// accesses, the citizen's kind, the helper's kind).
const DUE: [(&str, &str, NotificationKind, NotificationKind); 2] = [
    ("expiring", "ends_at > $1 AND ends_at <= $2", NotificationKind::HelperExpiring, NotificationKind::HelpingExpiring),
    ("end", "ends_at <= $1", NotificationKind::HelperEnded, NotificationKind::HelpingEnded),
];

sql!(SqliteStore);
sql!(PgStore);
