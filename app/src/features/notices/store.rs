//! Contact settings and the outbox.
//!
//! An outbox row is written by `notify_in!` in the transaction of the event
//! itself ([`ENQUEUE_EMAIL`]), so a notice exists exactly when its event
//! does. A worker claims due rows with a lease (one short transaction;
//! PostgreSQL's `FOR UPDATE SKIP LOCKED` lets workers pass each other, SQLite
//! goes through the process's writer queue), sends outside any transaction,
//! and records the result. A lease that runs out makes the row claimable
//! again: a worker that died mid-send costs at most a second mail.

use async_trait::async_trait;
use sqlx::FromRow;

use crate::kernel::ids::PersonId;
use crate::ssr::db::*;

/// Enqueues the e-mail notice of a notification, inside the event's
/// transaction: `$1` person, `$2` kind, `$3` notification id, `$4` now. Only
/// for a confirmed address, not unsubscribed, the kind not turned off; due
/// after the grace period.
pub const ENQUEUE_EMAIL: &str = "INSERT INTO outbox (person_id, channel, kind, notification_id, created_at, not_before) \
     SELECT c.person_id, 'email', $2, $3, $4, \
            $4 + 1000 * (SELECT CAST(value AS BIGINT) FROM setting WHERE key = 'notice_grace_seconds') \
     FROM contact c \
     WHERE c.person_id = $1 AND c.email IS NOT NULL AND c.unsubscribed_at IS NULL \
       AND (',' || c.muted || ',') NOT LIKE ('%,' || $2 || ',%')";

/// A person's contact settings.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct Contact {
    pub person_id: i64,
    /// The confirmed address.
    pub email: Option<String>,
    pub email_confirmed_at: Option<i64>,
    /// An address waiting for its code.
    pub pending_email: Option<String>,
    pub code_expires_at: Option<i64>,
    pub code_tries: i64,
    /// Kinds not wanted, comma separated.
    pub muted: String,
    pub unsubscribed_at: Option<i64>,
    /// The language notices are written in (`da`, `en`).
    pub lang: String,
}

/// What asking for a code did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeStart {
    /// A new code is kept: send it.
    Started,
    /// The same address got a code less than [`RESEND_AFTER_MS`] ago (a
    /// double tap): that code stands, nothing is sent again.
    AlreadySent,
    /// [`CODE_SENDS_PER_HOUR`] codes went out within the hour.
    TooMany,
}

/// How long a code is valid.
pub const CODE_VALID_MS: i64 = 15 * 60_000;
/// A second code for the same address is not sent sooner than this.
pub const RESEND_AFTER_MS: i64 = 60_000;
/// Code mails per person per hour.
pub const CODE_SENDS_PER_HOUR: i64 = 5;

/// What typing a code did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirmation {
    /// The pending address is now the confirmed one.
    Confirmed,
    /// Not the code; this many tries are left.
    Wrong(i64),
    /// The code is older than its 15 minutes, or was tried too often: a new one is needed.
    Expired,
    /// No address is waiting for a code.
    NothingPending,
}

/// How many times a code may be typed.
pub const CODE_TRIES: i64 = 5;

/// One claimed outbox row, with what the worker needs to decide, read when
/// claiming: the address now (a changed or removed address is respected),
/// whether the notice is still wanted, whether its notification was seen.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct Due {
    pub id: i64,
    pub person_id: i64,
    pub channel: String,
    pub kind: String,
    pub created_at: i64,
    pub attempts: i64,
    /// The confirmed address, if there still is one.
    pub email: Option<String>,
    /// Unsubscribed, or this kind turned off, since it was written.
    pub unwanted: bool,
    /// Its notification was read in the portal.
    pub seen: bool,
    /// When a notice last went to this person on this channel.
    pub last_sent_at: Option<i64>,
    /// The language of the person's notices.
    pub lang: Option<String>,
}

/// Why a notice was not sent (kept on the row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    /// Read in the portal within the grace period.
    Seen,
    /// Another notice went out within the throttle period.
    Throttled,
    /// No confirmed address any more.
    NoAddress,
    /// Unsubscribed, or the kind turned off.
    NotWanted,
}

impl Skip {
    pub fn as_str(self) -> &'static str {
        match self {
            Skip::Seen => "seen",
            Skip::Throttled => "throttled",
            Skip::NoAddress => "no_address",
            Skip::NotWanted => "not_wanted",
        }
    }
}

/// What became of a row, for tests and figures.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct OutboxState {
    pub id: i64,
    pub person_id: i64,
    pub kind: String,
    pub not_before: i64,
    pub attempts: i64,
    pub sent_at: Option<i64>,
    pub skip_reason: Option<String>,
    pub failed_at: Option<i64>,
    pub last_error: Option<String>,
}

#[async_trait]
pub trait NoticeStore: Send + Sync {
    async fn contact(&self, person: PersonId) -> DbResult<Option<Contact>>;
    /// Starts confirming `email` with a code (its hash kept), valid for
    /// [`CODE_VALID_MS`], unless a double tap or too many codes (one
    /// transaction, so parallel taps agree); a confirmed address stays until
    /// the new one is confirmed. `lang` becomes the notices' language.
    async fn start_email(&self, person: PersonId, email: &str, code_hash: &str, lang: &str, now: i64) -> DbResult<CodeStart>;
    /// Checks a typed code (its hash) in one transaction: at most
    /// [`CODE_TRIES`] tries, before `expires_at`.
    async fn confirm_email(&self, person: PersonId, code_hash: &str, now: i64) -> DbResult<Confirmation>;
    /// Drops the address waiting for its code; the confirmed one stays.
    async fn cancel_email(&self, person: PersonId, now: i64) -> DbResult<()>;
    /// Removes the address (and any pending one): no more notices.
    async fn remove_email(&self, person: PersonId, now: i64) -> DbResult<()>;
    /// The kinds not wanted.
    async fn set_muted(&self, person: PersonId, muted: &[&str], now: i64) -> DbResult<()>;
    /// One-click unsubscribe from every notice (`false`: subscribe again).
    async fn set_unsubscribed(&self, person: PersonId, unsubscribed: bool, now: i64) -> DbResult<()>;
    /// The grace and throttle periods, in milliseconds.
    async fn notice_periods(&self) -> DbResult<(i64, i64)>;
    async fn set_notice_periods(&self, grace_seconds: i64, throttle_seconds: i64) -> DbResult<()>;

    /// Claims up to `limit` due rows for `worker` until `now + lease_ms`.
    async fn claim_due(&self, worker: &str, now: i64, lease_ms: i64, limit: i64) -> DbResult<Vec<Due>>;
    async fn mark_sent(&self, id: i64, now: i64) -> DbResult<()>;
    async fn mark_skipped(&self, id: i64, why: Skip, now: i64) -> DbResult<()>;
    /// A failed attempt to try again at `retry_at`.
    async fn mark_retry(&self, id: i64, error: &str, retry_at: i64) -> DbResult<()>;
    /// Given up, with the reason kept (shown to the address's owner).
    async fn mark_failed(&self, id: i64, error: &str, now: i64) -> DbResult<()>;
    /// A person's outbox rows, oldest first.
    async fn outbox_of(&self, person: PersonId) -> DbResult<Vec<OutboxState>>;
    /// The reason the newest notice to the confirmed address was given up,
    /// if it was (since the address was confirmed, and none sent after it).
    async fn last_failure(&self, person: PersonId) -> DbResult<Option<String>>;
    /// Takes the throttle for outbox row `row` at `now`: true when no other
    /// notice went (or is going) to the person by e-mail within `throttle_ms`,
    /// or this row took it before (a retry, a claim after a crash). One
    /// statement, so of two workers at once only one gets it.
    async fn reserve_notice(&self, person: PersonId, row: i64, now: i64, throttle_ms: i64) -> DbResult<bool>;
    /// Gives the throttle back after `row`'s send failed: the last notice
    /// sent is again `last_sent` (none: `None`).
    async fn release_notice(&self, person: PersonId, row: i64, last_sent: Option<i64>) -> DbResult<()>;
}

/// The rows due at the time bound as `$now`: not done, their time come,
/// and not held by a live lease.
macro_rules! due {
    ($now:literal) => {
        concat!(
            "sent_at IS NULL AND skipped_at IS NULL AND failed_at IS NULL AND not_before <= ",
            $now,
            " AND (claimed_until IS NULL OR claimed_until < ",
            $now,
            ")"
        )
    };
}

macro_rules! sql {
    ($store:ty, $skip_locked:literal, $for_update:literal) => {
        #[async_trait]
        impl NoticeStore for $store {
            async fn contact(&self, person: PersonId) -> DbResult<Option<Contact>> {
                Ok(sqlx::query_as(
                    "SELECT person_id, email, email_confirmed_at, pending_email, code_expires_at, code_tries, muted, unsubscribed_at, lang \
                     FROM contact WHERE person_id = $1",
                )
                .bind(person.0)
                .fetch_optional(&self.pool)
                .await?)
            }
            async fn start_email(&self, person: PersonId, email: &str, code_hash: &str, lang: &str, now: i64) -> DbResult<CodeStart> {
                let mut tx = self.begin_write().await?;
                sqlx::query("INSERT INTO contact (person_id, updated_at) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING")
                    .bind(person.0)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                let (pending, expires_at, sends, window_at): (Option<String>, Option<i64>, i64, Option<i64>) = sqlx::query_as(concat!(
                    "SELECT pending_email, code_expires_at, code_sends, code_window_at FROM contact WHERE person_id = $1",
                    $for_update
                ))
                .bind(person.0)
                .fetch_one(&mut *tx)
                .await?;
                if pending.as_deref() == Some(email) && expires_at.is_some_and(|e| e - CODE_VALID_MS > now - RESEND_AFTER_MS) {
                    return Ok(CodeStart::AlreadySent);
                }
                let window_open = window_at.is_some_and(|w| now - w < 3_600_000);
                if window_open && sends >= CODE_SENDS_PER_HOUR {
                    return Ok(CodeStart::TooMany);
                }
                let (sends, window_at) = if window_open { (sends + 1, window_at.unwrap_or(now)) } else { (1, now) };
                sqlx::query(
                    "UPDATE contact SET pending_email = $2, code_hash = $3, code_expires_at = $4, code_tries = 0, lang = $5, \
                       code_sends = $6, code_window_at = $7, updated_at = $8 WHERE person_id = $1",
                )
                .bind(person.0)
                .bind(email)
                .bind(code_hash)
                .bind(now + CODE_VALID_MS)
                .bind(lang)
                .bind(sends)
                .bind(window_at)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(CodeStart::Started)
            }
            async fn confirm_email(&self, person: PersonId, code_hash: &str, now: i64) -> DbResult<Confirmation> {
                let mut tx = self.begin_write().await?;
                // Counting the try first, in the same statement that reads it,
                // so parallel guesses cannot get more than their tries.
                let row: Option<(Option<String>, i64, Option<i64>)> = sqlx::query_as(
                    "UPDATE contact SET code_tries = code_tries + 1 WHERE person_id = $1 AND pending_email IS NOT NULL \
                     RETURNING code_hash, code_tries, code_expires_at",
                )
                .bind(person.0)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((stored, tries, expires_at)) = row else {
                    return Ok(Confirmation::NothingPending);
                };
                let outcome = if tries > CODE_TRIES || expires_at.is_none_or(|e| now > e) {
                    Confirmation::Expired
                } else if stored.as_deref() == Some(code_hash) {
                    sqlx::query(
                        "UPDATE contact SET email = pending_email, email_confirmed_at = $2, pending_email = NULL, \
                           code_hash = NULL, code_expires_at = NULL, code_tries = 0, unsubscribed_at = NULL, updated_at = $2 \
                         WHERE person_id = $1",
                    )
                    .bind(person.0)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    Confirmation::Confirmed
                } else {
                    Confirmation::Wrong(CODE_TRIES - tries)
                };
                tx.commit().await?;
                Ok(outcome)
            }
            async fn cancel_email(&self, person: PersonId, now: i64) -> DbResult<()> {
                sqlx::query(
                    "UPDATE contact SET pending_email = NULL, code_hash = NULL, code_expires_at = NULL, code_tries = 0, updated_at = $2 \
                     WHERE person_id = $1",
                )
                .bind(person.0)
                .bind(now)
                .execute(&self.pool)
                .await?;
                Ok(())
            }
            async fn remove_email(&self, person: PersonId, now: i64) -> DbResult<()> {
                sqlx::query(
                    "UPDATE contact SET email = NULL, email_confirmed_at = NULL, pending_email = NULL, code_hash = NULL, \
                       code_expires_at = NULL, code_tries = 0, updated_at = $2 WHERE person_id = $1",
                )
                .bind(person.0)
                .bind(now)
                .execute(&self.pool)
                .await?;
                Ok(())
            }
            async fn set_muted(&self, person: PersonId, muted: &[&str], now: i64) -> DbResult<()> {
                sqlx::query(
                    "INSERT INTO contact (person_id, muted, updated_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (person_id) DO UPDATE SET muted = $2, updated_at = $3",
                )
                .bind(person.0)
                .bind(muted.join(","))
                .bind(now)
                .execute(&self.pool)
                .await?;
                Ok(())
            }
            async fn set_unsubscribed(&self, person: PersonId, unsubscribed: bool, now: i64) -> DbResult<()> {
                sqlx::query("UPDATE contact SET unsubscribed_at = $2, updated_at = $3 WHERE person_id = $1")
                    .bind(person.0)
                    .bind(unsubscribed.then_some(now))
                    .bind(now)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
            async fn notice_periods(&self) -> DbResult<(i64, i64)> {
                let read = |key: &'static str| async move {
                    let v: String = sqlx::query_scalar("SELECT value FROM setting WHERE key = $1").bind(key).fetch_one(&self.pool).await?;
                    v.parse::<i64>().map(|s| s * 1000).map_err(|_| crate::ssr::db::sql::decode("setting.notice_periods"))
                };
                Ok((read("notice_grace_seconds").await?, read("notice_throttle_seconds").await?))
            }
            async fn set_notice_periods(&self, grace_seconds: i64, throttle_seconds: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                for (key, value) in [("notice_grace_seconds", grace_seconds), ("notice_throttle_seconds", throttle_seconds)] {
                    sqlx::query("UPDATE setting SET value = $1 WHERE key = $2").bind(value.to_string()).bind(key).execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn claim_due(&self, worker: &str, now: i64, lease_ms: i64, limit: i64) -> DbResult<Vec<Due>> {
                // A read first: an idle worker (every second, in every process)
                // takes no write lock.
                let any: Option<i64> = sqlx::query_scalar(concat!("SELECT id FROM outbox WHERE ", due!("$1"), " LIMIT 1"))
                    .bind(now)
                    .fetch_optional(&self.pool)
                    .await?;
                if any.is_none() {
                    return Ok(Vec::new());
                }
                let mut tx = self.begin_write().await?;
                let ids: Vec<i64> = sqlx::query_scalar(concat!(
                    "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id IN (SELECT id FROM outbox WHERE ",
                    due!("$3"),
                    " ORDER BY not_before, id LIMIT $4",
                    $skip_locked,
                    ") RETURNING id"
                ))
                .bind(worker)
                .bind(now + lease_ms)
                .bind(now)
                .bind(limit)
                .fetch_all(&mut *tx)
                .await?;
                let mut due = Vec::with_capacity(ids.len());
                for id in ids {
                    let d: Due = sqlx::query_as(
                        "SELECT o.id, o.person_id, o.channel, o.kind, o.created_at, o.attempts, c.email, \
                           (c.person_id IS NULL OR c.unsubscribed_at IS NOT NULL \
                              OR (',' || c.muted || ',') LIKE ('%,' || o.kind || ',%')) AS unwanted, \
                           (n.read_at IS NOT NULL) AS seen, \
                           (SELECT MAX(s.sent_at) FROM outbox s WHERE s.person_id = o.person_id AND s.channel = o.channel) AS last_sent_at, \
                           c.lang \
                         FROM outbox o LEFT JOIN contact c ON c.person_id = o.person_id \
                           LEFT JOIN notification n ON n.id = o.notification_id \
                         WHERE o.id = $1",
                    )
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                    due.push(d);
                }
                tx.commit().await?;
                due.sort_by_key(|d| d.id);
                Ok(due)
            }
            async fn mark_sent(&self, id: i64, now: i64) -> DbResult<()> {
                sqlx::query("UPDATE outbox SET sent_at = $2, attempts = attempts + 1, claimed_until = NULL WHERE id = $1")
                    .bind(id)
                    .bind(now)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
            async fn mark_skipped(&self, id: i64, why: Skip, now: i64) -> DbResult<()> {
                sqlx::query("UPDATE outbox SET skipped_at = $2, skip_reason = $3, claimed_until = NULL WHERE id = $1")
                    .bind(id)
                    .bind(now)
                    .bind(why.as_str())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
            async fn mark_retry(&self, id: i64, error: &str, retry_at: i64) -> DbResult<()> {
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $2, not_before = $3, claimed_until = NULL WHERE id = $1",
                )
                .bind(id)
                .bind(error)
                .bind(retry_at)
                .execute(&self.pool)
                .await?;
                Ok(())
            }
            async fn mark_failed(&self, id: i64, error: &str, now: i64) -> DbResult<()> {
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $2, failed_at = $3, claimed_until = NULL WHERE id = $1",
                )
                .bind(id)
                .bind(error)
                .bind(now)
                .execute(&self.pool)
                .await?;
                Ok(())
            }
            async fn outbox_of(&self, person: PersonId) -> DbResult<Vec<OutboxState>> {
                Ok(sqlx::query_as(
                    "SELECT id, person_id, kind, not_before, attempts, sent_at, skip_reason, failed_at, last_error \
                     FROM outbox WHERE person_id = $1 ORDER BY id",
                )
                .bind(person.0)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn last_failure(&self, person: PersonId) -> DbResult<Option<String>> {
                Ok(sqlx::query_scalar(
                    "SELECT o.last_error FROM outbox o JOIN contact c ON c.person_id = o.person_id \
                     WHERE o.person_id = $1 AND o.failed_at IS NOT NULL AND o.failed_at >= c.email_confirmed_at \
                       AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.person_id = o.person_id AND s.sent_at > o.failed_at) \
                     ORDER BY o.failed_at DESC, o.id DESC LIMIT 1",
                )
                .bind(person.0)
                .fetch_optional(&self.pool)
                .await?
                .flatten())
            }
            async fn reserve_notice(&self, person: PersonId, row: i64, now: i64, throttle_ms: i64) -> DbResult<bool> {
                let taken = sqlx::query(
                    "UPDATE contact SET email_notice_at = $3, email_notice_row = $2 WHERE person_id = $1 \
                       AND (email_notice_row = $2 OR email_notice_at IS NULL OR email_notice_at <= $3 - $4)",
                )
                .bind(person.0)
                .bind(row)
                .bind(now)
                .bind(throttle_ms)
                .execute(&self.pool)
                .await?
                .rows_affected();
                Ok(taken == 1)
            }
            async fn release_notice(&self, person: PersonId, row: i64, last_sent: Option<i64>) -> DbResult<()> {
                sqlx::query("UPDATE contact SET email_notice_at = $3, email_notice_row = NULL WHERE person_id = $1 AND email_notice_row = $2")
                    .bind(person.0)
                    .bind(row)
                    .bind(last_sent)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
        }
    };
}

sql!(SqliteStore, "", "");
sql!(PgStore, " FOR UPDATE SKIP LOCKED", " FOR UPDATE");
