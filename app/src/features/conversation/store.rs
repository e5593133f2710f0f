//! The conversation's SQL: one thread of messages per citizen with whoever
//! is their caseworker or stand-in, read receipts, and the thread's state.
//!
//! Messages are never changed or deleted; only who read them and when is
//! written later. The SQL is written once for both backends: `sql!` is
//! instantiated for SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::features::casework::store::cases_of;
use crate::kernel::ids::*;
use crate::kernel::paging::Before;
use crate::kernel::text::MessageBody;
use crate::ssr::db::limits::within_hourly_limit;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// One message of a citizen's conversation.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Message {
    pub id: MessageId,
    /// Whose conversation it is in.
    pub citizen_id: PersonId,
    /// The citizen, or the staff member who answered.
    pub sender_id: PersonId,
    pub body: String,
    pub sent_at: i64,
    /// When the other side first opened the thread after it arrived.
    pub read_at: Option<i64>,
    pub read_by: Option<PersonId>,
    /// The helper who wrote it for the citizen (the citizen is the sender).
    pub helper_id: Option<PersonId>,
}

/// A file attached to a message or a complaint, as listed with it (not its bytes).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentInfo {
    pub id: AttachmentId,
    /// The message it came with (`None`: a complaint's).
    pub message_id: Option<MessageId>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

/// A file attached to a message, with its bytes and whose thread it is in.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentFile {
    pub citizen_id: PersonId,
    pub file_name: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// A cleaned file waiting on disk for its message's transaction (deleted
/// when dropped): the transaction reads one file at a time into memory.
#[derive(Debug)]
pub struct Spooled(pub tempfile::TempPath);

impl Spooled {
    /// `bytes` written to a temporary file (tests, demo data).
    pub fn from_bytes(bytes: &[u8]) -> std::io::Result<Spooled> {
        use std::io::Write;
        let mut f = tempfile::NamedTempFile::new()?;
        f.write_all(bytes)?;
        Ok(Spooled(f.into_temp_path()))
    }

    pub(crate) async fn read(&self) -> DbResult<Vec<u8>> {
        tokio::fs::read(&self.0).await.map_err(|e| DbError::Other(sqlx::Error::Io(e)))
    }
}

/// Writes `$files` (`&[NewAttachment]`) as attachments of the message or
/// complaint `$owner` (`$column` names which) inside the caller's
/// transaction, one file in memory at a time; a failed read undoes it all.
macro_rules! attach_files {
    ($tx:expr, $column:literal, $owner:expr, $citizen:expr, $files:expr, $now:expr) => {
        for a in $files {
            let a: &crate::features::conversation::store::NewAttachment = a;
            let data = a.data.read().await?;
            sqlx::query(concat!(
                "INSERT INTO attachment (",
                $column,
                ", citizen_id, file_name, content_type, size_bytes, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
            ))
            .bind($owner)
            .bind($citizen)
            .bind(&a.file_name)
            .bind(a.kind.content_type())
            .bind(a.size)
            .bind(data)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
        }
    };
}
pub(crate) use attach_files;

/// A file to attach to a new message or complaint.
#[derive(Debug)]
pub struct NewAttachment {
    pub file_name: String,
    pub kind: crate::features::conversation::attachments::FileKind,
    pub size: i64,
    pub data: Spooled,
}

/// A message to write.
#[derive(Debug)]
pub struct NewMessage {
    pub citizen: PersonId,
    pub sender: PersonId,
    pub body: MessageBody,
    pub idempotency_key: String,
    /// Counted against the sender's hourly limit (`PerHour::Messages`), in
    /// the same transaction: the citizen's messages, not staff's answers.
    pub limited: bool,
    /// Tell the citizen (an answer from their caseworker), in the same transaction.
    pub notify_citizen: bool,
    /// Files, stored in the message's transaction (all or nothing).
    pub attachments: Vec<NewAttachment>,
    /// The helper who writes it for the citizen (`sender` is the citizen).
    pub helper: Option<PersonId>,
}

impl NewMessage {
    /// Staff writing in the citizen's conversation (an answer, a registered
    /// paper): not counted against a limit, and the citizen is told.
    pub fn from_staff(citizen: PersonId, staff: PersonId, body: MessageBody, key: &str, files: Vec<NewAttachment>) -> NewMessage {
        NewMessage {
            citizen,
            sender: staff,
            body,
            idempotency_key: key.to_string(),
            limited: false,
            notify_citizen: true,
            attachments: files,
            helper: None,
        }
    }
}

/// A citizen whose last words wait for an answer.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenConversation {
    pub citizen_id: PersonId,
    pub citizen_name: String,
    /// When the oldest unanswered message was sent.
    pub waiting_since: i64,
    /// How many messages wait.
    pub waiting: i64,
}

/// One thread per citizen with their caseworker (and stand-in).
#[async_trait]
pub trait ConversationStore: Send + Sync {
    /// Writes a message and its files; refused past the limit. The
    /// idempotency key makes a repeated submit return the first message
    /// (also past the limit), storing none of the repeat's files.
    async fn send_message(&self, m: &NewMessage, now: i64) -> DbResult<SubmitOutcome<MessageId>>;
    /// The citizen's conversation, oldest first.
    async fn messages(&self, citizen: PersonId) -> DbResult<Vec<Message>>;
    /// The messages written after `after` (an id), oldest first: what a page
    /// that is open asks for.
    async fn messages_after(&self, citizen: PersonId, after: MessageId) -> DbResult<Vec<Message>>;
    /// `reader` opened the citizen's thread: the other side's unread messages
    /// become read by them (the citizen reading also clears the notifications
    /// of answers). How many messages became read.
    async fn mark_read(&self, citizen: PersonId, reader: PersonId, now: i64) -> DbResult<u64>;
    /// Messages to `citizen` from staff that the citizen has not read.
    async fn unread_messages(&self, citizen: PersonId) -> DbResult<i64>;
    /// The caseworker marks the conversation done; a new message from the
    /// citizen reopens it.
    async fn close_conversation(&self, citizen: PersonId, by: PersonId, now: i64) -> DbResult<()>;
    async fn conversation_closed_at(&self, citizen: PersonId) -> DbResult<Option<i64>>;
    /// Conversations waiting for `staff` (as caseworker or stand-in): the
    /// citizen had the last word and it is not marked done; the longest
    /// waiting first, at most `limit`, after the inbox's place `after` (time, and the
    /// citizen's id·3 + 2 for a conversation).
    async fn open_conversations_for(&self, staff: PersonId, after: Option<Before>, limit: i64, now: i64)
        -> DbResult<Vec<OpenConversation>>;
    /// The files attached to the citizen's messages from message `from` on
    /// (without their bytes), by message: a page that shows a few new
    /// messages reads only their files.
    async fn attachments(&self, citizen: PersonId, from: MessageId) -> DbResult<Vec<AttachmentInfo>>;
    /// One attached file with its bytes.
    async fn attachment(&self, id: AttachmentId) -> DbResult<AttachmentFile>;
}

/// The SQL condition that message `m` waits for an answer: the citizen wrote
/// it after the caseworker side's last message and after the thread was last
/// marked done. One rule for the inbox (here) and the caseload (`casework`).
macro_rules! waiting_message {
    () => {
        "m.sender_id = m.citizen_id \
         AND m.sent_at > COALESCE((SELECT MAX(a.sent_at) FROM message a WHERE a.citizen_id = m.citizen_id AND a.sender_id <> a.citizen_id), -1) \
         AND m.sent_at > COALESCE((SELECT c.closed_at FROM conversation c WHERE c.citizen_id = m.citizen_id), -1)"
    };
}
pub(crate) use waiting_message;

macro_rules! sql {
    ($store:ty, $row:ty) => {
        #[async_trait]
        impl ConversationStore for $store {
            async fn send_message(&self, m: &NewMessage, now: i64) -> DbResult<SubmitOutcome<MessageId>> {
                let mut tx = self.begin_write().await?;
                claim_key!(tx, m.sender, &m.idempotency_key, "message", MessageId, now);
                if m.limited {
                    within_hourly_limit!(tx, m.sender, PerHour::Messages, now);
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO message (citizen_id, sender_id, body, sent_at, helper_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(m.citizen.0)
                .bind(m.sender.0)
                .bind(m.body.as_str())
                .bind(now)
                .bind(m.helper.map(|h| h.0))
                .fetch_one(&mut *tx)
                .await?;
                attach_files!(tx, "message_id", id, m.citizen.0, &m.attachments, now);
                if m.notify_citizen {
                    notify_in!(tx, m.citizen.0, Notice::new(NotificationKind::MessageAnswered, id), now);
                }
                key_result!(tx, m.sender, &m.idempotency_key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(MessageId(id)))
            }
            async fn messages(&self, citizen: PersonId) -> DbResult<Vec<Message>> {
                Ok(sqlx::query_as("SELECT * FROM message WHERE citizen_id = $1 ORDER BY sent_at, id")
                    .bind(citizen.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
            async fn messages_after(&self, citizen: PersonId, after: MessageId) -> DbResult<Vec<Message>> {
                Ok(sqlx::query_as("SELECT * FROM message WHERE citizen_id = $1 AND id > $2 ORDER BY sent_at, id")
                    .bind(citizen.0)
                    .bind(after.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
            async fn mark_read(&self, citizen: PersonId, reader: PersonId, now: i64) -> DbResult<u64> {
                let mut tx = self.begin_write().await?;
                // The citizen reads what staff wrote; staff read what the citizen wrote.
                let sql = if reader == citizen {
                    "UPDATE message SET read_at = $1, read_by = $2 WHERE citizen_id = $3 AND sender_id <> $3 AND read_at IS NULL"
                } else {
                    "UPDATE message SET read_at = $1, read_by = $2 WHERE citizen_id = $3 AND sender_id = $3 AND read_at IS NULL"
                };
                let n = sqlx::query(sql).bind(now).bind(reader.0).bind(citizen.0).execute(&mut *tx).await?.rows_affected();
                if reader == citizen {
                    sqlx::query("UPDATE notification SET read_at = $1 WHERE person_id = $2 AND kind = $3 AND read_at IS NULL")
                        .bind(now)
                        .bind(citizen.0)
                        .bind(NotificationKind::MessageAnswered.as_str())
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(n)
            }
            async fn unread_messages(&self, citizen: PersonId) -> DbResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM message WHERE citizen_id = $1 AND sender_id <> $1 AND read_at IS NULL")
                    .bind(citizen.0)
                    .fetch_one(&self.pool)
                    .await?)
            }
            async fn close_conversation(&self, citizen: PersonId, by: PersonId, now: i64) -> DbResult<()> {
                sqlx::query(
                    "INSERT INTO conversation (citizen_id, closed_at, closed_by) VALUES ($1, $2, $3) \
                     ON CONFLICT (citizen_id) DO UPDATE SET closed_at = excluded.closed_at, closed_by = excluded.closed_by",
                )
                .bind(citizen.0)
                .bind(now)
                .bind(by.0)
                .execute(&self.pool)
                .await?;
                Ok(())
            }
            async fn conversation_closed_at(&self, citizen: PersonId) -> DbResult<Option<i64>> {
                Ok(sqlx::query_scalar("SELECT closed_at FROM conversation WHERE citizen_id = $1")
                    .bind(citizen.0)
                    .fetch_optional(&self.pool)
                    .await?
                    .flatten())
            }
            async fn open_conversations_for(
                &self,
                staff: PersonId,
                after: Option<Before>,
                limit: i64,
                now: i64,
            ) -> DbResult<Vec<OpenConversation>> {
                let (at, tag) = Before::after(after);
                Ok(sqlx::query_as(
                    // From the caseload in (as the inbox's other queries).
                    concat!(
                        "SELECT m.citizen_id, p.full_name AS citizen_name, MIN(m.sent_at) AS waiting_since, COUNT(*) AS waiting \
                         FROM message m JOIN person p ON p.id = m.citizen_id \
                         WHERE m.citizen_id IN ",
                        cases_of!("$1", "$5"),
                        " AND ",
                        waiting_message!(),
                        " GROUP BY m.citizen_id, p.full_name \
                         HAVING MIN(m.sent_at) > $2 OR (MIN(m.sent_at) = $2 AND m.citizen_id * 3 + 2 > $3) \
                         ORDER BY MIN(m.sent_at), m.citizen_id LIMIT $4"
                    ),
                )
                .bind(staff.0)
                .bind(at)
                .bind(tag)
                .bind(limit)
                .bind(now)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn attachments(&self, citizen: PersonId, from: MessageId) -> DbResult<Vec<AttachmentInfo>> {
                Ok(sqlx::query_as(
                    "SELECT id, message_id, file_name, content_type, size_bytes FROM attachment \
                     WHERE citizen_id = $1 AND message_id >= $2 ORDER BY message_id, id",
                )
                .bind(citizen.0)
                .bind(from.0)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn attachment(&self, id: AttachmentId) -> DbResult<AttachmentFile> {
                Ok(sqlx::query_as("SELECT citizen_id, file_name, content_type, data FROM attachment WHERE id = $1")
                    .bind(id.0)
                    .fetch_one(&self.pool)
                    .await?)
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
