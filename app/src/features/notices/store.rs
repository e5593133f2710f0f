//! Contact settings and the outbox.
//!
//! An outbox row is written by `notify_in!` in the transaction of the event
//! itself ([`ENQUEUE_NOTICE`]), so a notice exists exactly when its event
//! does; a reminder is written by `remind_in!` in the transaction that
//! books an appointment, signs someone up for a meetup or moves one
//! ([`SCHEDULE_OBJECT`]), due a day before the start. A worker claims due rows with a lease (one short transaction;
//! PostgreSQL's `FOR UPDATE SKIP LOCKED` lets workers pass each other, SQLite
//! goes through the process's writer queue), sends outside any transaction,
//! and records the result. A lease that runs out makes the row claimable
//! again: a worker that died mid-send costs at most a second mail.

use async_trait::async_trait;
use sqlx::FromRow;

use crate::kernel::ids::PersonId;
use crate::ssr::db::*;

/// Enqueues the notices of a notification, inside the event's transaction:
/// `$1` person, `$2` kind, `$3` notification id, `$4` now. By e-mail to a
/// confirmed address, not unsubscribed, the kind not turned off for e-mail;
/// by SMS to a confirmed number, the kind not turned off for SMS. Due after
/// the grace period.
pub const ENQUEUE_NOTICE: &str = "INSERT INTO outbox (person_id, channel, kind, notification_id, created_at, not_before) \
     SELECT c.person_id, ch.channel, $2, $3, $4, \
            $4 + 1000 * (SELECT CAST(value AS BIGINT) FROM setting WHERE key = 'notice_grace_seconds') \
     FROM contact c JOIN (SELECT 'email' AS channel UNION ALL SELECT 'sms') ch \
       ON (ch.channel = 'email' AND c.email IS NOT NULL AND c.unsubscribed_at IS NULL \
             AND (',' || c.muted || ',') NOT LIKE ('%,' || $2 || ',%')) \
       OR (ch.channel = 'sms' AND c.phone IS NOT NULL AND (',' || c.sms_muted || ',') NOT LIKE ('%,' || $2 || ',%')) \
     WHERE c.person_id = $1";

pub use crate::features::notices::views::Reminder;

/// Every upcoming thing anyone may be reminded of, as (person_id, kind,
/// object_id, starts_at): each appointment not cancelled, to its plan's
/// citizen; each meetup not cancelled, to everyone going.
macro_rules! remindable {
    () => {
        "SELECT p.citizen_id AS person_id, 'appointment_reminder' AS kind, a.id AS object_id, a.starts_at AS starts_at \
         FROM appointment a JOIN plan p ON p.id = a.plan_id WHERE a.cancelled_at IS NULL \
         UNION ALL \
         SELECT s.person_id, 'meetup_reminder', m.id, m.starts_at \
         FROM meetup m JOIN meetup_signup s ON s.meetup_id = m.id WHERE s.status = 'going' AND m.cancelled_at IS NULL"
    };
}

/// Writes the missing reminders of the things chosen by `$filter` (over
/// `e`, the remindable things; `$1` is now): one per confirmed address or
/// number, due [`REMIND_BEFORE_MS`](crate::features::notices::rules::REMIND_BEFORE_MS)
/// before the start, only while that is still ahead, never twice for one
/// start (a waiting one is kept by the unique index; a sent one by the
/// NOT EXISTS). Whether it is still wanted is decided when it is due.
macro_rules! schedule {
    ($filter:literal) => {
        concat!(
            "INSERT INTO outbox (person_id, channel, kind, created_at, not_before, object_id, object_starts_at) \
             SELECT e.person_id, ch.channel, e.kind, $1, e.starts_at - 86400000, e.object_id, e.starts_at \
             FROM (",
            remindable!(),
            ") e JOIN (SELECT person_id, 'email' AS channel FROM contact WHERE email IS NOT NULL \
                       UNION ALL SELECT person_id, 'sms' FROM contact WHERE phone IS NOT NULL) ch ON ch.person_id = e.person_id \
             WHERE ",
            $filter,
            " AND e.starts_at - 86400000 > $1 \
               AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.kind = e.kind AND s.object_id = e.object_id \
                                 AND s.person_id = e.person_id AND s.channel = ch.channel \
                                 AND s.object_starts_at = e.starts_at AND s.sent_at IS NOT NULL) \
             ON CONFLICT DO NOTHING"
        )
    };
}

/// The reminders of one appointment or meetup, inside the transaction that
/// booked it, signed someone up or moved it: `$1` now, `$2` kind, `$3` its id,
/// and (to move them) `$4` its start. Waiting reminders of an earlier start
/// are moved to the new one first, while it is more than a day ahead (else
/// they are skipped when due: the move's own notice has told of it).
pub const RESCHEDULE_OBJECT: &str = "UPDATE outbox SET not_before = $4 - 86400000, object_starts_at = $4 \
     WHERE kind = $2 AND object_id = $3 AND object_starts_at <> $4 AND $4 - 86400000 > $1 \
       AND sent_at IS NULL AND skipped_at IS NULL AND failed_at IS NULL";
pub const SCHEDULE_OBJECT: &str = schedule!("e.kind = $2 AND e.object_id = $3");
/// Every reminder of one person's (`$2`), after they confirm an address or number.
pub const SCHEDULE_PERSON: &str = schedule!("e.person_id = $2");

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
    /// The confirmed mobile number (`+45` and 8 digits).
    pub phone: Option<String>,
    pub phone_confirmed_at: Option<i64>,
    /// A number waiting for its code.
    pub pending_phone: Option<String>,
    pub phone_code_expires_at: Option<i64>,
    /// Kinds not wanted by SMS, comma separated.
    pub sms_muted: String,
}

/// Which of a person's two ways a code confirms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    Email,
    Phone,
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
/// claiming: the address or number now (a changed or removed one is
/// respected), whether the notice is still wanted, whether its notification
/// was seen, and for a reminder whether its appointment or meetup still
/// starts then with the person in it.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct Due {
    pub id: i64,
    pub person_id: i64,
    pub channel: String,
    pub kind: String,
    pub created_at: i64,
    pub attempts: i64,
    /// The confirmed address (`email`) or number (`sms`), if there still is one.
    pub address: Option<String>,
    /// Unsubscribed, or this kind turned off, since it was written.
    pub unwanted: bool,
    /// Its notification was read in the portal.
    pub seen: bool,
    /// When a notice last went to this person on this channel.
    pub last_sent_at: Option<i64>,
    /// The language of the person's notices.
    pub lang: Option<String>,
    /// Not a reminder, or a reminder whose appointment or meetup is still on
    /// at the start it reminds of, with the person in it.
    pub still_due: bool,
    /// A reminder's start.
    pub object_starts_at: Option<i64>,
}

impl Due {
    pub fn is_reminder(&self) -> bool {
        Reminder::parse(&self.kind).is_some()
    }
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
    /// A reminder of something cancelled, moved to another time, or left.
    NotDue,
}

impl Skip {
    pub fn as_str(self) -> &'static str {
        match self {
            Skip::Seen => "seen",
            Skip::Throttled => "throttled",
            Skip::NoAddress => "no_address",
            Skip::NotWanted => "not_wanted",
            Skip::NotDue => "not_due",
        }
    }
}

/// What became of a row, for tests and figures.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct OutboxState {
    pub id: i64,
    pub person_id: i64,
    pub channel: String,
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
    /// Starts confirming a mobile number with a code, as [`NoticeStore::start_email`] does an address.
    async fn start_phone(&self, person: PersonId, phone: &str, code_hash: &str, lang: &str, now: i64) -> DbResult<CodeStart>;
    /// Checks a code typed for the pending number, as [`NoticeStore::confirm_email`].
    async fn confirm_phone(&self, person: PersonId, code_hash: &str, now: i64) -> DbResult<Confirmation>;
    /// Drops the number waiting for its code; the confirmed one stays.
    async fn cancel_phone(&self, person: PersonId, now: i64) -> DbResult<()>;
    /// Removes the number (and any pending one): no more SMS.
    async fn remove_phone(&self, person: PersonId, now: i64) -> DbResult<()>;
    /// The kinds not wanted by SMS.
    async fn set_sms_muted(&self, person: PersonId, muted: &[&str], now: i64) -> DbResult<()>;
    /// A waiting notice in the quiet hours: due again at `at`, unclaimed, no attempt counted.
    async fn mark_waiting(&self, id: i64, at: i64) -> DbResult<()>;
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

    /// Claims up to `limit` due rows of the `channels` this worker can send
    /// on, for `worker` until `now + lease_ms`.
    async fn claim_due(&self, worker: &str, channels: &[&str], now: i64, lease_ms: i64, limit: i64) -> DbResult<Vec<Due>>;
    async fn mark_sent(&self, id: i64, now: i64) -> DbResult<()>;
    async fn mark_skipped(&self, id: i64, why: Skip, now: i64) -> DbResult<()>;
    /// A failed attempt to try again at `retry_at`.
    async fn mark_retry(&self, id: i64, error: &str, retry_at: i64) -> DbResult<()>;
    /// Given up, with the reason kept (shown to the address's owner).
    async fn mark_failed(&self, id: i64, error: &str, now: i64) -> DbResult<()>;
    /// A person's outbox rows, oldest first.
    async fn outbox_of(&self, person: PersonId) -> DbResult<Vec<OutboxState>>;
    /// The reason the newest notice on `channel` was given up, if it was
    /// (since the address or number was confirmed, and none sent after it).
    async fn last_failure(&self, person: PersonId, channel: &str) -> DbResult<Option<String>>;
    /// Takes the throttle of `channel` for outbox row `row` at `now`: true
    /// when no other notice went (or is going) to the person on that channel
    /// within `throttle_ms`, or this row took it before (a retry, a claim
    /// after a crash). One statement, so of two workers at once only one gets it.
    async fn reserve_notice(&self, person: PersonId, channel: &str, row: i64, now: i64, throttle_ms: i64) -> DbResult<bool>;
    /// Gives the throttle back after `row`'s send failed: the last notice
    /// sent is again `last_sent` (none: `None`).
    async fn release_notice(&self, person: PersonId, channel: &str, row: i64, last_sent: Option<i64>) -> DbResult<()>;
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

/// The columns of one of a person's two ways to be told (the e-mail
/// address or the mobile number), confirmed by the same kind of code.
struct Columns {
    value: &'static str,
    confirmed_at: &'static str,
    pending: &'static str,
    hash: &'static str,
    expires: &'static str,
    tries: &'static str,
    sends: &'static str,
    window: &'static str,
    /// Set too when confirming (a confirmed address is subscribed again).
    on_confirm: &'static str,
}

impl Way {
    fn columns(self) -> &'static Columns {
        match self {
            Way::Email => &Columns {
                value: "email",
                confirmed_at: "email_confirmed_at",
                pending: "pending_email",
                hash: "code_hash",
                expires: "code_expires_at",
                tries: "code_tries",
                sends: "code_sends",
                window: "code_window_at",
                on_confirm: ", unsubscribed_at = NULL",
            },
            Way::Phone => &Columns {
                value: "phone",
                confirmed_at: "phone_confirmed_at",
                pending: "pending_phone",
                hash: "phone_code_hash",
                expires: "phone_code_expires_at",
                tries: "phone_code_tries",
                sends: "phone_code_sends",
                window: "phone_code_window_at",
                on_confirm: "",
            },
        }
    }
}

/// A throttle's two statements on its columns (when, which row): take it
/// (`$1` person, `$2` row, `$3` now, `$4` throttle) and give it back (`$3`
/// the last sent).
macro_rules! throttle {
    ($at:literal, $row:literal) => {
        (
            concat!(
                "UPDATE contact SET ",
                $at,
                " = $3, ",
                $row,
                " = $2 WHERE person_id = $1 AND (",
                $row,
                " = $2 OR ",
                $at,
                " IS NULL OR ",
                $at,
                " <= $3 - $4)"
            ),
            concat!("UPDATE contact SET ", $at, " = $3, ", $row, " = NULL WHERE person_id = $1 AND ", $row, " = $2"),
        )
    };
}

/// The throttle statements of a channel (`email`, `sms`): written once, not
/// per notice.
fn throttle_sql(channel: &str) -> (&'static str, &'static str) {
    if channel == "sms" {
        throttle!("sms_notice_at", "sms_notice_row")
    } else {
        throttle!("email_notice_at", "email_notice_row")
    }
}

macro_rules! sql {
    ($store:ty, $skip_locked:literal, $for_update:literal) => {
        impl $store {
            async fn start_code(&self, way: Way, person: PersonId, value: &str, code_hash: &str, lang: &str, now: i64) -> DbResult<CodeStart> {
                let c = way.columns();
                let mut tx = self.begin_write().await?;
                sqlx::query("INSERT INTO contact (person_id, updated_at) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING")
                    .bind(person.0)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                let read = format!("SELECT {}, {}, {}, {} FROM contact WHERE person_id = $1{}", c.pending, c.expires, c.sends, c.window, $for_update);
                let (pending, expires_at, sends, window_at): (Option<String>, Option<i64>, i64, Option<i64>) =
                    sqlx::query_as(&read).bind(person.0).fetch_one(&mut *tx).await?;
                if pending.as_deref() == Some(value) && expires_at.is_some_and(|e| e - CODE_VALID_MS > now - RESEND_AFTER_MS) {
                    return Ok(CodeStart::AlreadySent);
                }
                let window_open = window_at.is_some_and(|w| now - w < 3_600_000);
                if window_open && sends >= CODE_SENDS_PER_HOUR {
                    return Ok(CodeStart::TooMany);
                }
                let (sends, window_at) = if window_open { (sends + 1, window_at.unwrap_or(now)) } else { (1, now) };
                let write = format!(
                    "UPDATE contact SET {} = $2, {} = $3, {} = $4, {} = 0, lang = $5, {} = $6, {} = $7, updated_at = $8 WHERE person_id = $1",
                    c.pending, c.hash, c.expires, c.tries, c.sends, c.window
                );
                sqlx::query(&write)
                    .bind(person.0)
                    .bind(value)
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

            async fn confirm_code(&self, way: Way, person: PersonId, code_hash: &str, now: i64) -> DbResult<Confirmation> {
                let c = way.columns();
                let mut tx = self.begin_write().await?;
                // Counting the try first, in the same statement that reads it,
                // so parallel guesses cannot get more than their tries.
                let count = format!(
                    "UPDATE contact SET {tries} = {tries} + 1 WHERE person_id = $1 AND {pending} IS NOT NULL RETURNING {hash}, {tries}, {expires}",
                    tries = c.tries,
                    pending = c.pending,
                    hash = c.hash,
                    expires = c.expires
                );
                let row: Option<(Option<String>, i64, Option<i64>)> = sqlx::query_as(&count).bind(person.0).fetch_optional(&mut *tx).await?;
                let Some((stored, tries, expires_at)) = row else {
                    return Ok(Confirmation::NothingPending);
                };
                let outcome = if tries > CODE_TRIES || expires_at.is_none_or(|e| now > e) {
                    Confirmation::Expired
                } else if stored.as_deref() == Some(code_hash) {
                    let confirm = format!(
                        "UPDATE contact SET {} = {}, {} = $2, {} = NULL, {} = NULL, {} = NULL, {} = 0{}, updated_at = $2 WHERE person_id = $1",
                        c.value, c.pending, c.confirmed_at, c.pending, c.hash, c.expires, c.tries, c.on_confirm
                    );
                    sqlx::query(&confirm).bind(person.0).bind(now).execute(&mut *tx).await?;
                    // Reminders of what is already booked, now that there is somewhere to send them.
                    sqlx::query(SCHEDULE_PERSON).bind(now).bind(person.0).execute(&mut *tx).await?;
                    Confirmation::Confirmed
                } else {
                    Confirmation::Wrong(CODE_TRIES - tries)
                };
                tx.commit().await?;
                Ok(outcome)
            }

            async fn drop_code(&self, way: Way, person: PersonId, also_confirmed: bool, now: i64) -> DbResult<()> {
                let c = way.columns();
                let confirmed = if also_confirmed { format!("{} = NULL, {} = NULL, ", c.value, c.confirmed_at) } else { String::new() };
                let sql = format!(
                    "UPDATE contact SET {confirmed}{} = NULL, {} = NULL, {} = NULL, {} = 0, updated_at = $2 WHERE person_id = $1",
                    c.pending, c.hash, c.expires, c.tries
                );
                sqlx::query(&sql).bind(person.0).bind(now).execute(&self.pool).await?;
                Ok(())
            }

            async fn set_kinds_off(&self, column: &'static str, person: PersonId, muted: &[&str], now: i64) -> DbResult<()> {
                let sql = format!(
                    "INSERT INTO contact (person_id, {column}, updated_at) VALUES ($1, $2, $3) \
                     ON CONFLICT (person_id) DO UPDATE SET {column} = $2, updated_at = $3"
                );
                sqlx::query(&sql).bind(person.0).bind(muted.join(",")).bind(now).execute(&self.pool).await?;
                Ok(())
            }
        }

        #[async_trait]
        impl NoticeStore for $store {
            async fn contact(&self, person: PersonId) -> DbResult<Option<Contact>> {
                Ok(sqlx::query_as(
                    "SELECT person_id, email, email_confirmed_at, pending_email, code_expires_at, code_tries, muted, unsubscribed_at, lang, \
                       phone, phone_confirmed_at, pending_phone, phone_code_expires_at, sms_muted \
                     FROM contact WHERE person_id = $1",
                )
                .bind(person.0)
                .fetch_optional(&self.pool)
                .await?)
            }
            async fn start_email(&self, person: PersonId, email: &str, code_hash: &str, lang: &str, now: i64) -> DbResult<CodeStart> {
                self.start_code(Way::Email, person, email, code_hash, lang, now).await
            }
            async fn confirm_email(&self, person: PersonId, code_hash: &str, now: i64) -> DbResult<Confirmation> {
                self.confirm_code(Way::Email, person, code_hash, now).await
            }
            async fn cancel_email(&self, person: PersonId, now: i64) -> DbResult<()> {
                self.drop_code(Way::Email, person, false, now).await
            }
            async fn remove_email(&self, person: PersonId, now: i64) -> DbResult<()> {
                self.drop_code(Way::Email, person, true, now).await
            }
            async fn start_phone(&self, person: PersonId, phone: &str, code_hash: &str, lang: &str, now: i64) -> DbResult<CodeStart> {
                self.start_code(Way::Phone, person, phone, code_hash, lang, now).await
            }
            async fn confirm_phone(&self, person: PersonId, code_hash: &str, now: i64) -> DbResult<Confirmation> {
                self.confirm_code(Way::Phone, person, code_hash, now).await
            }
            async fn cancel_phone(&self, person: PersonId, now: i64) -> DbResult<()> {
                self.drop_code(Way::Phone, person, false, now).await
            }
            async fn remove_phone(&self, person: PersonId, now: i64) -> DbResult<()> {
                self.drop_code(Way::Phone, person, true, now).await
            }
            async fn set_muted(&self, person: PersonId, muted: &[&str], now: i64) -> DbResult<()> {
                self.set_kinds_off("muted", person, muted, now).await
            }
            async fn set_sms_muted(&self, person: PersonId, muted: &[&str], now: i64) -> DbResult<()> {
                self.set_kinds_off("sms_muted", person, muted, now).await
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

            async fn claim_due(&self, worker: &str, channels: &[&str], now: i64, lease_ms: i64, limit: i64) -> DbResult<Vec<Due>> {
                let (email, sms) = (channels.contains(&"email"), channels.contains(&"sms"));
                // A read first: an idle worker (every second, in every process)
                // takes no write lock.
                let any: Option<i64> = sqlx::query_scalar(concat!(
                    "SELECT id FROM outbox WHERE ",
                    due!("$1"),
                    " AND ((channel = 'email' AND $2) OR (channel = 'sms' AND $3)) LIMIT 1"
                ))
                .bind(now)
                .bind(email)
                .bind(sms)
                .fetch_optional(&self.pool)
                .await?;
                if any.is_none() {
                    return Ok(Vec::new());
                }
                let mut tx = self.begin_write().await?;
                let ids: Vec<i64> = sqlx::query_scalar(concat!(
                    "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id IN (SELECT id FROM outbox WHERE ",
                    due!("$3"),
                    " AND ((channel = 'email' AND $5) OR (channel = 'sms' AND $6)) ORDER BY not_before, id LIMIT $4",
                    $skip_locked,
                    ") RETURNING id"
                ))
                .bind(worker)
                .bind(now + lease_ms)
                .bind(now)
                .bind(limit)
                .bind(email)
                .bind(sms)
                .fetch_all(&mut *tx)
                .await?;
                let mut due = Vec::with_capacity(ids.len());
                for id in ids {
                    let d: Due = sqlx::query_as(concat!(
                        "SELECT o.id, o.person_id, o.channel, o.kind, o.created_at, o.attempts, \
                           CASE WHEN o.channel = 'sms' THEN c.phone ELSE c.email END AS address, \
                           (c.person_id IS NULL \
                              OR (o.channel = 'email' AND (c.unsubscribed_at IS NOT NULL OR (',' || c.muted || ',') LIKE ('%,' || o.kind || ',%'))) \
                              OR (o.channel = 'sms' AND (',' || c.sms_muted || ',') LIKE ('%,' || o.kind || ',%'))) AS unwanted, \
                           (n.read_at IS NOT NULL) AS seen, \
                           (SELECT MAX(s.sent_at) FROM outbox s \
                              WHERE s.person_id = o.person_id AND s.channel = o.channel AND s.object_id IS NULL) AS last_sent_at, \
                           c.lang, \
                           (o.object_id IS NULL OR EXISTS (SELECT 1 FROM (",
                        remindable!(),
                        ") e WHERE e.kind = o.kind AND e.object_id = o.object_id AND e.person_id = o.person_id \
                              AND e.starts_at = o.object_starts_at)) AS still_due, \
                           o.object_starts_at \
                         FROM outbox o LEFT JOIN contact c ON c.person_id = o.person_id \
                           LEFT JOIN notification n ON n.id = o.notification_id \
                         WHERE o.id = $1"
                    ))
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
            async fn mark_waiting(&self, id: i64, at: i64) -> DbResult<()> {
                sqlx::query("UPDATE outbox SET not_before = $2, claimed_until = NULL WHERE id = $1").bind(id).bind(at).execute(&self.pool).await?;
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
                    "SELECT id, person_id, channel, kind, not_before, attempts, sent_at, skip_reason, failed_at, last_error \
                     FROM outbox WHERE person_id = $1 ORDER BY id",
                )
                .bind(person.0)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn last_failure(&self, person: PersonId, channel: &str) -> DbResult<Option<String>> {
                Ok(sqlx::query_scalar(
                    "SELECT o.last_error FROM outbox o JOIN contact c ON c.person_id = o.person_id \
                     WHERE o.person_id = $1 AND o.channel = $2 AND o.failed_at IS NOT NULL \
                       AND o.failed_at >= CASE WHEN o.channel = 'sms' THEN c.phone_confirmed_at ELSE c.email_confirmed_at END \
                       AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.person_id = o.person_id AND s.channel = o.channel AND s.sent_at > o.failed_at) \
                     ORDER BY o.failed_at DESC, o.id DESC LIMIT 1",
                )
                .bind(person.0)
                .bind(channel)
                .fetch_optional(&self.pool)
                .await?
                .flatten())
            }
            async fn reserve_notice(&self, person: PersonId, channel: &str, row: i64, now: i64, throttle_ms: i64) -> DbResult<bool> {
                let taken = sqlx::query(throttle_sql(channel).0)
                .bind(person.0)
                .bind(row)
                .bind(now)
                .bind(throttle_ms)
                .execute(&self.pool)
                .await?
                .rows_affected();
                Ok(taken == 1)
            }
            async fn release_notice(&self, person: PersonId, channel: &str, row: i64, last_sent: Option<i64>) -> DbResult<()> {
                sqlx::query(throttle_sql(channel).1)
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
