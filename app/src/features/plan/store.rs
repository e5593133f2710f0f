//! The citizen's one plan: activities, appointments, meeting notes and its history.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;
use sqlx::Row;

use crate::kernel::ids::*;
use crate::kernel::paging::Before;
use crate::kernel::plan::ActorKind;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// The citizen's one plan: activities, appointments, meeting notes and its history.
#[async_trait]
pub trait PlanStore: Send + Sync {
    /// The citizen's plan, created on first use.
    async fn ensure_plan(&self, citizen: PersonId, now: i64) -> DbResult<PlanId>;
    async fn plan_of(&self, citizen: PersonId) -> DbResult<Option<PlanId>>;
    /// With an idempotency key (a form's), a repeated submit returns the
    /// first activity instead of adding it again.
    async fn add_activity(
        &self,
        plan: PlanId,
        a: &NewActivity,
        actor: Actor,
        key: Option<&str>,
        now: i64,
    ) -> DbResult<SubmitOutcome<ActivityId>>;
    async fn activities(&self, plan: PlanId) -> DbResult<Vec<Activity>>;
    /// Changes an activity (department, title, responsible, status);
    /// `NotFound` unless it is in `plan`.
    async fn update_activity(&self, plan: PlanId, id: ActivityId, a: &NewActivity, actor: Actor, now: i64) -> DbResult<()>;
    /// Cancels an appointment once: cancelling it again (a double tap) is done
    /// and writes nothing; `NotFound` unless it is in `plan`.
    async fn cancel_appointment(&self, plan: PlanId, id: AppointmentId, actor: Actor, now: i64) -> DbResult<()>;
    /// The idempotency key makes a repeated submit (a double tap without
    /// JavaScript) return the first note instead of writing it again.
    async fn add_meeting_note(
        &self,
        plan: PlanId,
        staff: PersonId,
        body: &crate::kernel::LongText,
        key: &str,
        now: i64,
    ) -> DbResult<SubmitOutcome<i64>>;
    /// Newest first.
    async fn meeting_notes(&self, plan: PlanId) -> DbResult<Vec<MeetingNote>>;
    /// With an idempotency key (a form's), a repeated submit returns the
    /// first booking instead of booking again.
    async fn add_appointment(
        &self,
        plan: PlanId,
        a: &NewAppointment,
        actor: Actor,
        key: Option<&str>,
        now: i64,
    ) -> DbResult<SubmitOutcome<AppointmentId>>;
    async fn appointments(&self, plan: PlanId) -> DbResult<Vec<Appointment>>;
    async fn history(&self, plan: PlanId) -> DbResult<Vec<PlanEvent>>;
    /// At most `limit` events older than `before` (all: `None`), newest first.
    async fn history_page(&self, plan: PlanId, before: Option<Before>, limit: i64) -> DbResult<Vec<PlanEvent>>;
}

/// A meeting note's id as the idempotency key records it (notes have no id type).
fn note_id(id: i64) -> i64 {
    id
}

/// Tells the plan's citizen of a change the caseworker made, in the change's
/// transaction (the citizen's own changes need no notice).
macro_rules! notify_citizen_of {
    ($tx:expr, $plan:expr, $actor:expr, $kind:expr, $object:expr, $now:expr) => {
        if $actor.kind == ActorKind::Staff {
            let citizen: i64 = sqlx::query_scalar("SELECT citizen_id FROM plan WHERE id = $1").bind($plan.0).fetch_one(&mut *$tx).await?;
            notify_in!($tx, citizen, Notice::new($kind, $object), $now);
        }
    };
}

macro_rules! sql {
    ($store:ty, $row:ty) => {
        #[async_trait]
        impl PlanStore for $store {
            async fn ensure_plan(&self, citizen: PersonId, now: i64) -> DbResult<PlanId> {
                let mut tx = self.begin_write().await?;
                let created = sqlx::query("INSERT INTO plan (citizen_id, created_at, updated_at) VALUES ($1, $2, $2) ON CONFLICT (citizen_id) DO NOTHING")
                    .bind(citizen.0)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                let plan = PlanId(sqlx::query_scalar("SELECT id FROM plan WHERE citizen_id = $1").bind(citizen.0).fetch_one(&mut *tx).await?);
                if created {
                    record_event!(tx, plan, Actor::SYSTEM, "plan_created", "", now);
                }
                tx.commit().await?;
                Ok(plan)
            }
            async fn plan_of(&self, citizen: PersonId) -> DbResult<Option<PlanId>> {
                let id: Option<i64> = sqlx::query_scalar("SELECT id FROM plan WHERE citizen_id = $1").bind(citizen.0).fetch_optional(&self.pool).await?;
                Ok(id.map(PlanId))
            }
            async fn add_activity(&self, plan: PlanId, a: &NewActivity, actor: Actor, key: Option<&str>, now: i64) -> DbResult<SubmitOutcome<ActivityId>> {
                let mut tx = self.begin_write().await?;
                let keyed = key.zip(actor.id);
                if let Some((key, by)) = keyed {
                    claim_key!(tx, by, key, "activity", ActivityId, now);
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO activity (plan_id, department, title, responsible, status, updated_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(plan.0)
                .bind(a.department.as_str())
                .bind(a.title.as_str())
                .bind(a.responsible.as_str())
                .bind(a.status.as_str())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                record_event!(tx, plan, actor, "activity_added", a.title.as_str(), now);
                notify_citizen_of!(tx, plan, actor, NotificationKind::ActivityAdded, id, now);
                if let Some((key, by)) = keyed {
                    key_result!(tx, by, key, id);
                }
                tx.commit().await?;
                Ok(SubmitOutcome::Created(ActivityId(id)))
            }
            async fn activities(&self, plan: PlanId) -> DbResult<Vec<Activity>> {
                Ok(sqlx::query_as("SELECT * FROM activity WHERE plan_id = $1 ORDER BY id").bind(plan.0).fetch_all(&self.pool).await?)
            }
            async fn update_activity(&self, plan: PlanId, id: ActivityId, a: &NewActivity, actor: Actor, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "UPDATE activity SET department = $1, title = $2, responsible = $3, status = $4, updated_at = $5 \
                     WHERE id = $6 AND plan_id = $7 RETURNING id",
                )
                .bind(a.department.as_str())
                .bind(a.title.as_str())
                .bind(a.responsible.as_str())
                .bind(a.status.as_str())
                .bind(now)
                .bind(id.0)
                .bind(plan.0)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(DbError::NotFound)?;
                record_event!(tx, plan, actor, "activity_updated", a.title.as_str(), now);
                notify_citizen_of!(tx, plan, actor, NotificationKind::ActivityChanged, id.0, now);
                tx.commit().await?;
                Ok(())
            }
            async fn cancel_appointment(&self, plan: PlanId, id: AppointmentId, actor: Actor, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let place: Option<String> = sqlx::query_scalar(
                    "UPDATE appointment SET cancelled_at = $1 WHERE id = $2 AND plan_id = $3 AND cancelled_at IS NULL RETURNING place",
                )
                .bind(now)
                .bind(id.0)
                .bind(plan.0)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(place) = place else {
                    // Cancelled already (a double tap, or two at once): done, and written once.
                    let cancelled: Option<Option<i64>> = sqlx::query_scalar("SELECT cancelled_at FROM appointment WHERE id = $1 AND plan_id = $2")
                        .bind(id.0)
                        .bind(plan.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                    return match cancelled {
                        Some(Some(_)) => Ok(()),
                        _ => Err(DbError::NotFound),
                    };
                };
                record_event!(tx, plan, actor, "appointment_cancelled", place.as_str(), now);
                notify_citizen_of!(tx, plan, actor, NotificationKind::AppointmentCancelled, id.0, now);
                tx.commit().await?;
                Ok(())
            }
            async fn add_meeting_note(&self, plan: PlanId, staff: PersonId, body: &crate::kernel::LongText, key: &str, now: i64) -> DbResult<SubmitOutcome<i64>> {
                let mut tx = self.begin_write().await?;
                claim_key!(tx, staff, key, "meeting_note", note_id, now);
                let id: i64 = sqlx::query_scalar("INSERT INTO meeting_note (plan_id, staff_id, written_at, body) VALUES ($1, $2, $3, $4) RETURNING id")
                    .bind(plan.0)
                    .bind(staff.0)
                    .bind(now)
                    .bind(body.as_str())
                    .fetch_one(&mut *tx)
                    .await?;
                record_event!(tx, plan, Actor::staff(staff), "note_added", "", now);
                key_result!(tx, staff, key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(id))
            }
            async fn meeting_notes(&self, plan: PlanId) -> DbResult<Vec<MeetingNote>> {
                Ok(sqlx::query_as("SELECT * FROM meeting_note WHERE plan_id = $1 ORDER BY written_at DESC, id DESC")
                    .bind(plan.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
            async fn add_appointment(&self, plan: PlanId, a: &NewAppointment, actor: Actor, key: Option<&str>, now: i64) -> DbResult<SubmitOutcome<AppointmentId>> {
                let mut tx = self.begin_write().await?;
                let keyed = key.zip(actor.id);
                if let Some((key, by)) = keyed {
                    claim_key!(tx, by, key, "appointment", AppointmentId, now);
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO appointment (plan_id, starts_at, duration_minutes, place, address, outreach, note) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(plan.0)
                .bind(a.starts_at)
                .bind(a.duration_minutes)
                .bind(a.place.as_str())
                .bind(a.address.as_str())
                .bind(i64::from(a.outreach))
                .bind(a.note.as_ref().map(|n| n.as_str()))
                .fetch_one(&mut *tx)
                .await?;
                record_event!(tx, plan, actor, "appointment_added", a.place.as_str(), now);
                notify_citizen_of!(tx, plan, actor, NotificationKind::AppointmentBooked, id, now);
                remind_in!(tx, crate::features::notices::store::Reminder::Appointment, id, now);
                if let Some((key, by)) = keyed {
                    key_result!(tx, by, key, id);
                }
                tx.commit().await?;
                Ok(SubmitOutcome::Created(AppointmentId(id)))
            }
            async fn appointments(&self, plan: PlanId) -> DbResult<Vec<Appointment>> {
                let rows = sqlx::query("SELECT * FROM appointment WHERE plan_id = $1 AND cancelled_at IS NULL ORDER BY starts_at")
                    .bind(plan.0)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok(Appointment {
                            id: AppointmentId(r.try_get("id")?),
                            starts_at: r.try_get("starts_at")?,
                            duration_minutes: r.try_get("duration_minutes")?,
                            place: r.try_get("place")?,
                            address: r.try_get("address")?,
                            outreach: r.try_get::<i64, _>("outreach")? != 0,
                            note: r.try_get("note")?,
                        })
                    })
                    .collect()
            }
            async fn history(&self, plan: PlanId) -> DbResult<Vec<PlanEvent>> {
                Ok(sqlx::query_as("SELECT * FROM plan_event WHERE plan_id = $1 ORDER BY at, id").bind(plan.0).fetch_all(&self.pool).await?)
            }
            async fn history_page(&self, plan: PlanId, before: Option<Before>, limit: i64) -> DbResult<Vec<PlanEvent>> {
                Ok(page_of!(&self.pool, "plan_event", "plan_id", "at", plan.0, before, limit))
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
