//! Complaints about decisions: written once by the citizen, answered once.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::features::casework::store::cases_of;
use crate::kernel::ids::*;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// A complaint as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Complaint {
    pub id: ComplaintId,
    pub decision_id: DecisionId,
    pub citizen_id: PersonId,
    pub reasons: String,
    pub created_at: i64,
    /// The reconsideration deadline.
    pub due_at: i64,
    pub answered_at: Option<i64>,
    pub answered_by: Option<PersonId>,
    /// `upheld` or `changed`.
    pub outcome: Option<String>,
    pub answer_reasons: Option<String>,
    pub answer_id: Option<DecisionId>,
    /// When an upheld complaint was sent on to Ankestyrelsen.
    pub forwarded_at: Option<i64>,
}

/// A complaint to write.
#[derive(Debug)]
pub struct NewComplaint {
    pub decision: DecisionId,
    pub citizen: PersonId,
    pub reasons: crate::kernel::text::ComplaintText,
    pub due_at: i64,
    pub idempotency_key: String,
    /// Files, cleaned as a message's are, stored in the complaint's transaction.
    pub attachments: Vec<crate::features::conversation::store::NewAttachment>,
}

/// A complaint waiting in a caseworker's inbox, with the citizen's name.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenComplaint {
    #[sqlx(flatten)]
    pub complaint: Complaint,
    pub citizen_name: String,
}

#[async_trait]
pub trait ComplaintStore: Send + Sync {
    /// Writes the complaint and a line in the plan's history, in one
    /// transaction. A key used before gives the first complaint (a double
    /// tap); a second open complaint on the decision is `Conflict(AlreadyExists)`.
    /// The files go in the same transaction (a repeat stores none of its own).
    async fn complain(&self, c: &NewComplaint, now: i64) -> DbResult<SubmitOutcome<ComplaintId>>;
    /// The files sent with a complaint (without their bytes).
    async fn complaint_files(&self, id: ComplaintId) -> DbResult<Vec<crate::features::conversation::store::AttachmentInfo>>;
    /// The citizen's complaints, oldest first.
    async fn complaints_of(&self, citizen: PersonId) -> DbResult<Vec<Complaint>>;
    async fn complaint(&self, id: ComplaintId) -> DbResult<Complaint>;
    /// The complaints waiting for an answer from the citizens `staff` is
    /// caseworker or stand-in for now (a complaint follows its citizen on a
    /// handover), the soonest due first.
    async fn open_complaints_for(&self, staff: PersonId, now: i64) -> DbResult<Vec<OpenComplaint>>;
    /// The municipality keeps the decision and sends the complaint on to
    /// Ankestyrelsen at `now`: the answer, a line in the plan's history and
    /// the citizen's notification, in one transaction. `Conflict` when the
    /// complaint was answered already.
    async fn uphold_complaint(&self, id: ComplaintId, staff: PersonId, reasons: &str, now: i64) -> DbResult<()>;
    /// The municipality changed the decision in the citizen's favour by the
    /// new decision `answer`: the answer, a line in the plan's history and
    /// the citizen's notification, in one transaction. `Conflict` when the
    /// complaint was answered already.
    async fn close_complaint_changed(&self, id: ComplaintId, staff: PersonId, answer: DecisionId, now: i64) -> DbResult<()>;
}

/// After a complaint's answer was written (`$row`: its citizen and decision,
/// `None` when it was answered already): the plan's history and the
/// citizen's notification, in the same transaction.
macro_rules! answered {
    ($tx:expr, $row:expr, $staff:expr, $kind:literal, $now:expr) => {
        let (citizen, decision) = $row.ok_or(DbError::conflict("already answered"))?;
        let plan: Option<i64> =
            sqlx::query_scalar("SELECT id FROM plan WHERE citizen_id = $1").bind(citizen).fetch_optional(&mut *$tx).await?;
        if let Some(plan) = plan {
            record_event!($tx, PlanId(plan), Actor::staff($staff), $kind, "", $now);
        }
        notify_in!($tx, citizen, Notice::new(NotificationKind::ComplaintAnswered, decision), $now);
    };
}

macro_rules! sql {
    ($store:ty) => {
        #[async_trait]
        impl ComplaintStore for $store {
            async fn complain(&self, c: &NewComplaint, now: i64) -> DbResult<SubmitOutcome<ComplaintId>> {
                let mut tx = self.begin_write().await?;
                claim_key!(tx, c.citizen, &c.idempotency_key, "complaint", ComplaintId, now);
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO complaint (decision_id, citizen_id, reasons, created_at, due_at) \
                     SELECT id, citizen_id, $3, $4, $5 FROM decision WHERE id = $1 AND citizen_id = $2 RETURNING id",
                )
                .bind(c.decision.0)
                .bind(c.citizen.0)
                .bind(c.reasons.as_str())
                .bind(now)
                .bind(c.due_at)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(DbError::NotFound)?;
                crate::features::conversation::store::attach_files!(tx, "complaint_id", id, c.citizen.0, &c.attachments, now);
                let plan: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM plan WHERE citizen_id = $1").bind(c.citizen.0).fetch_optional(&mut *tx).await?;
                if let Some(plan) = plan {
                    record_event!(tx, PlanId(plan), Actor::citizen(c.citizen), "complaint_made", "", now);
                }
                key_result!(tx, c.citizen, &c.idempotency_key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(ComplaintId(id)))
            }
            async fn complaint_files(&self, id: ComplaintId) -> DbResult<Vec<crate::features::conversation::store::AttachmentInfo>> {
                Ok(sqlx::query_as(
                    "SELECT id, message_id, file_name, content_type, size_bytes FROM attachment WHERE complaint_id = $1 ORDER BY id",
                )
                .bind(id.0)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn complaint(&self, id: ComplaintId) -> DbResult<Complaint> {
                Ok(sqlx::query_as("SELECT * FROM complaint WHERE id = $1").bind(id.0).fetch_one(&self.pool).await?)
            }
            async fn open_complaints_for(&self, staff: PersonId, now: i64) -> DbResult<Vec<OpenComplaint>> {
                Ok(sqlx::query_as(concat!(
                    "SELECT complaint.*, person.full_name AS citizen_name FROM complaint JOIN person ON person.id = complaint.citizen_id \
                     WHERE complaint.answered_at IS NULL AND complaint.citizen_id IN ",
                    cases_of!("$1", "$2"),
                    " ORDER BY complaint.due_at, complaint.id",
                ))
                .bind(staff.0)
                .bind(now)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn uphold_complaint(&self, id: ComplaintId, staff: PersonId, reasons: &str, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let row: Option<(i64, i64)> = sqlx::query_as(
                    "UPDATE complaint SET answered_at = $2, answered_by = $3, outcome = 'upheld', answer_reasons = $4, forwarded_at = $2 \
                     WHERE id = $1 AND answered_at IS NULL RETURNING citizen_id, decision_id",
                )
                .bind(id.0)
                .bind(now)
                .bind(staff.0)
                .bind(reasons)
                .fetch_optional(&mut *tx)
                .await?;
                answered!(tx, row, staff, "complaint_upheld", now);
                tx.commit().await?;
                Ok(())
            }
            async fn close_complaint_changed(&self, id: ComplaintId, staff: PersonId, answer: DecisionId, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let row: Option<(i64, i64)> = sqlx::query_as(
                    "UPDATE complaint SET answered_at = $2, answered_by = $3, outcome = 'changed', answer_id = $4 \
                     WHERE id = $1 AND answered_at IS NULL RETURNING citizen_id, decision_id",
                )
                .bind(id.0)
                .bind(now)
                .bind(staff.0)
                .bind(answer.0)
                .fetch_optional(&mut *tx)
                .await?;
                answered!(tx, row, staff, "complaint_changed", now);
                tx.commit().await?;
                Ok(())
            }
            async fn complaints_of(&self, citizen: PersonId) -> DbResult<Vec<Complaint>> {
                Ok(sqlx::query_as("SELECT * FROM complaint WHERE citizen_id = $1 ORDER BY created_at, id")
                    .bind(citizen.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
        }
    };
}

sql!(SqliteStore);
sql!(PgStore);
