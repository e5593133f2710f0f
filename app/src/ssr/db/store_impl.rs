//! The SQL behind [`Store`], written once and instantiated for each backend.
//!
//! Rules the database itself guards (so no code path can break them):
//! a budget's `reserved + spent <= granted` (CHECK), a meetup's
//! `going_count <= capacity` (CHECK), one active caseworker of each kind per
//! citizen (partial unique index), one plan per citizen (UNIQUE).
//! Money moves with a single conditional `UPDATE … WHERE available >= amount`,
//! which is atomic on both backends under their default isolation: the
//! check-then-insert race measured in DESIGN.md cannot happen.

use async_trait::async_trait;
use sqlx::Row;

use super::*;
use crate::kernel::plan::{ActivityStatus, ActorKind, Department, GoalStatus, Role};

fn decode(what: &'static str) -> DbError {
    DbError::Other(sqlx::Error::Decode(format!("unexpected value in {what}").into()))
}

fn amount(ore: i64) -> DbResult<Amount> {
    Amount::from_ore(ore).ok_or_else(|| decode("amount"))
}

/// Appends a line to the plan's history inside the caller's transaction.
macro_rules! record_event {
    ($tx:expr, $plan:expr, $actor:expr, $kind:expr, $summary:expr, $now:expr) => {
        sqlx::query("INSERT INTO plan_event (plan_id, at, actor_kind, actor_id, kind, summary) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind($plan.0)
            .bind($now)
            .bind($actor.kind.as_str())
            .bind($actor.id.map(|p: PersonId| p.0))
            .bind($kind)
            .bind($summary)
            .execute(&mut *$tx)
            .await?;
        sqlx::query("UPDATE plan SET updated_at = $1 WHERE id = $2").bind($now).bind($plan.0).execute(&mut *$tx).await?;
    };
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
                    .ok_or(DbError::Conflict("key used for something else"))?;
            return first.map(|id| SubmitOutcome::Repeated($id(id))).ok_or(DbError::Conflict("submission in progress"));
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
    ($tx:expr, $person:expr, $kind:expr, $link:expr, $now:expr) => {
        sqlx::query("INSERT INTO notification (person_id, created_at, kind, link) VALUES ($1, $2, $3, $4)")
            .bind($person)
            .bind($now)
            .bind($kind)
            .bind($link)
            .execute(&mut *$tx)
            .await?;
    };
}

/// The ids of everyone going to or waiting for a meetup, in the caller's transaction.
macro_rules! signed_up_in {
    ($tx:expr, $meetup:expr) => {{
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT person_id FROM meetup_signup WHERE meetup_id = $1 AND status IN ('going', 'waiting') ORDER BY id")
                .bind($meetup.0)
                .fetch_all(&mut *$tx)
                .await?;
        ids
    }};
}

/// Gives up to `$free` freed or added places of a meetup to the first in
/// line, notifying each, in the caller's transaction; returns how many moved up.
macro_rules! move_up_line {
    ($tx:expr, $meetup:expr, $free:expr, $notice:expr, $now:expr) => {{
        let line: Vec<i64> = sqlx::query_scalar(
            "SELECT person_id FROM meetup_signup WHERE meetup_id = $1 AND status = 'waiting' ORDER BY created_at, id LIMIT $2",
        )
        .bind($meetup.0)
        .bind($free)
        .fetch_all(&mut *$tx)
        .await?;
        for next in &line {
            sqlx::query("UPDATE meetup_signup SET status = 'going', updated_at = $3 WHERE meetup_id = $1 AND person_id = $2")
                .bind($meetup.0)
                .bind(*next)
                .bind($now)
                .execute(&mut *$tx)
                .await?;
            let (kind, link) = $notice;
            notify_in!($tx, *next, *kind, link, $now);
        }
        line
    }};
}

/// Columns of a new network group ($1..$5; `created_at` is $6).
const INSERT_GROUP: &str =
    "INSERT INTO network_group (name, description, topic, area, usual_place, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

/// Binds a group's five fields, in the order of [`INSERT_GROUP`].
macro_rules! group_values {
    ($q:expr, $g:expr) => {
        $q.bind($g.name.as_str()).bind(&$g.description).bind($g.topic.as_str()).bind($g.area.as_str()).bind($g.usual_place.as_str())
    };
}

/// Columns of a new meetup ($1..$7; `updated_at` is $8).
const INSERT_MEETUP: &str =
    "INSERT INTO meetup (group_id, starts_at, duration_minutes, place, address, capacity, description, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";

/// Binds a meetup's seven fields, in the order of [`INSERT_MEETUP`].
macro_rules! meetup_values {
    ($q:expr, $m:expr) => {
        $q.bind($m.group.0)
            .bind($m.starts_at)
            .bind($m.duration_minutes)
            .bind($m.place.as_str())
            .bind($m.address.as_str())
            .bind($m.capacity)
            .bind(&$m.description)
    };
}

macro_rules! store_impl {
    ($store:ty, $row:ty, $backend:literal, $migrator:expr) => {
        impl $store {
            fn person_row(r: &$row) -> DbResult<Person> {
                Ok(Person {
                    id: PersonId(r.try_get("id")?),
                    subject: r.try_get("subject")?,
                    cpr: r.try_get("cpr")?,
                    full_name: r.try_get("full_name")?,
                    display_name: r.try_get("display_name")?,
                    created_at: r.try_get("created_at")?,
                })
            }

            fn budget_row(r: &$row) -> DbResult<Budget> {
                Ok(Budget {
                    id: BudgetId(r.try_get("id")?),
                    citizen_id: PersonId(r.try_get("citizen_id")?),
                    granted: amount(r.try_get("granted_ore")?)?,
                    reserved: amount(r.try_get("reserved_ore")?)?,
                    spent: amount(r.try_get("spent_ore")?)?,
                    period_start: r.try_get("period_start")?,
                    period_end: r.try_get("period_end")?,
                    note: r.try_get("note")?,
                    ended_at: r.try_get("ended_at")?,
                })
            }

            fn spending_row(r: &$row) -> DbResult<SpendingRequest> {
                let status: String = r.try_get("status")?;
                Ok(SpendingRequest {
                    id: RequestId(r.try_get("id")?),
                    budget_id: BudgetId(r.try_get("budget_id")?),
                    citizen_id: PersonId(r.try_get("citizen_id")?),
                    amount: amount(r.try_get("amount_ore")?)?,
                    purpose: r.try_get("purpose")?,
                    goal_id: r.try_get::<Option<i64>, _>("goal_id")?.map(GoalId),
                    status: RequestStatus::parse(&status).ok_or_else(|| decode("spending_request.status"))?,
                    approved: r.try_get::<Option<i64>, _>("approved_ore")?.map(amount).transpose()?,
                    created_at: r.try_get("created_at")?,
                })
            }

            fn goal_row(r: &$row) -> DbResult<Goal> {
                let status: String = r.try_get("status")?;
                let by: String = r.try_get("proposed_by")?;
                Ok(Goal {
                    id: GoalId(r.try_get("id")?),
                    plan_id: PlanId(r.try_get("plan_id")?),
                    citizen_id: PersonId(r.try_get("citizen_id")?),
                    title: r.try_get("title")?,
                    why: r.try_get("why")?,
                    first_step: r.try_get("first_step")?,
                    status: GoalStatus::parse(&status).ok_or_else(|| decode("goal.status"))?,
                    suggested_title: r.try_get("suggested_title")?,
                    proposed_by: if by == "citizen" { ActorKind::Citizen } else { ActorKind::Staff },
                    created_at: r.try_get("created_at")?,
                    updated_at: r.try_get("updated_at")?,
                })
            }

            fn group_row(r: &$row) -> DbResult<Group> {
                Ok(Group {
                    id: GroupId(r.try_get("id")?),
                    name: r.try_get("name")?,
                    description: r.try_get("description")?,
                    topic: r.try_get("topic")?,
                    area: r.try_get("area")?,
                    usual_place: r.try_get("usual_place")?,
                })
            }

            /// Whether `person` is linked to `group` through `link`
            /// (`group_host` or `group_member`).
            async fn is_linked(&self, link: &'static str, group: GroupId, person: PersonId) -> DbResult<bool> {
                let sql = format!("SELECT COUNT(*) FROM {link} WHERE group_id = $1 AND person_id = $2");
                let n: i64 = sqlx::query_scalar(&sql).bind(group.0).bind(person.0).fetch_one(&self.pool).await?;
                Ok(n > 0)
            }

            /// The groups (not archived) `person` is linked to through
            /// `link` (`group_host` or `group_member`), by name.
            async fn groups_through(&self, link: &'static str, person: PersonId) -> DbResult<Vec<Group>> {
                let sql = format!(
                    "SELECT g.* FROM network_group g JOIN {link} l ON l.group_id = g.id \
                     WHERE l.person_id = $1 AND g.archived_at IS NULL ORDER BY g.name, g.id"
                );
                let rows = sqlx::query(&sql).bind(person.0).fetch_all(&self.pool).await?;
                rows.iter().map(Self::group_row).collect()
            }

            fn meetup_row(r: &$row) -> DbResult<Meetup> {
                Ok(Meetup {
                    id: MeetupId(r.try_get("id")?),
                    group_id: GroupId(r.try_get("group_id")?),
                    starts_at: r.try_get("starts_at")?,
                    duration_minutes: r.try_get("duration_minutes")?,
                    place: r.try_get("place")?,
                    address: r.try_get("address")?,
                    capacity: r.try_get("capacity")?,
                    going: r.try_get("going_count")?,
                    description: r.try_get("description")?,
                    cancelled_at: r.try_get("cancelled_at")?,
                })
            }
        }

        #[async_trait]
        impl Store for $store {
            fn backend(&self) -> &'static str {
                $backend
            }

            fn pool(&self) -> Pool {
                Pool::from(self.pool.clone())
            }

            async fn ping(&self) -> DbResult<()> {
                sqlx::query("SELECT 1").execute(&self.pool).await?;
                Ok(())
            }

            async fn migrate(&self) -> DbResult<()> {
                $migrator.run(&self.pool).await.map_err(|e| DbError::Other(e.into()))
            }

            async fn is_empty(&self) -> DbResult<bool> {
                Ok(self.count_people().await? == 0)
            }

            async fn create_person(&self, p: &NewPerson, now: i64) -> DbResult<PersonId> {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO person (subject, cpr, full_name, display_name, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(&p.subject)
                .bind(&p.cpr)
                .bind(p.full_name.as_str())
                .bind(p.display_name.as_ref().map(|d| d.as_str()))
                .bind(now)
                .fetch_one(&self.pool)
                .await?;
                Ok(PersonId(id))
            }

            async fn person(&self, id: PersonId) -> DbResult<Person> {
                let row = sqlx::query("SELECT * FROM person WHERE id = $1").bind(id.0).fetch_one(&self.pool).await?;
                Self::person_row(&row)
            }

            async fn person_by_subject(&self, subject: &str) -> DbResult<Option<Person>> {
                let row = sqlx::query("SELECT * FROM person WHERE subject = $1").bind(subject).fetch_optional(&self.pool).await?;
                row.as_ref().map(Self::person_row).transpose()
            }

            async fn person_by_cpr(&self, cpr: &str) -> DbResult<Option<Person>> {
                let row = sqlx::query("SELECT * FROM person WHERE cpr = $1").bind(cpr).fetch_optional(&self.pool).await?;
                row.as_ref().map(Self::person_row).transpose()
            }

            async fn link_subject(&self, id: PersonId, subject: &str) -> DbResult<()> {
                let done = sqlx::query("UPDATE person SET subject = $1 WHERE id = $2 AND subject IS NULL")
                    .bind(subject)
                    .bind(id.0)
                    .execute(&self.pool)
                    .await?;
                if done.rows_affected() == 1 { Ok(()) } else { Err(DbError::Conflict("person already linked")) }
            }

            async fn set_display_name(&self, id: PersonId, name: &str) -> DbResult<()> {
                let done = sqlx::query("UPDATE person SET display_name = $1 WHERE id = $2").bind(name).bind(id.0).execute(&self.pool).await?;
                if done.rows_affected() == 1 { Ok(()) } else { Err(DbError::NotFound) }
            }

            async fn grant_role(&self, id: PersonId, role: Role, now: i64) -> DbResult<()> {
                sqlx::query("INSERT INTO role_grant (person_id, role, granted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                    .bind(id.0)
                    .bind(role.as_str())
                    .bind(now)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn revoke_role(&self, id: PersonId, role: Role) -> DbResult<()> {
                sqlx::query("DELETE FROM role_grant WHERE person_id = $1 AND role = $2")
                    .bind(id.0)
                    .bind(role.as_str())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn roles(&self, id: PersonId) -> DbResult<Vec<Role>> {
                let words: Vec<String> = sqlx::query_scalar("SELECT role FROM role_grant WHERE person_id = $1 ORDER BY role")
                    .bind(id.0)
                    .fetch_all(&self.pool)
                    .await?;
                words.iter().map(|w| Role::parse(w).ok_or_else(|| decode("role_grant.role"))).collect()
            }

            async fn people_with_role(&self, role: Role) -> DbResult<Vec<PersonId>> {
                let ids: Vec<i64> = sqlx::query_scalar("SELECT person_id FROM role_grant WHERE role = $1 ORDER BY person_id")
                    .bind(role.as_str())
                    .fetch_all(&self.pool)
                    .await?;
                Ok(ids.into_iter().map(PersonId).collect())
            }

            async fn set_staff_profile(&self, id: PersonId, p: &StaffProfile) -> DbResult<()> {
                sqlx::query(
                    "INSERT INTO staff_profile (person_id, job_title, phone, email, reach_hours, office) VALUES ($1, $2, $3, $4, $5, $6) \
                     ON CONFLICT (person_id) DO UPDATE SET job_title = excluded.job_title, phone = excluded.phone, \
                     email = excluded.email, reach_hours = excluded.reach_hours, office = excluded.office",
                )
                .bind(id.0)
                .bind(&p.job_title)
                .bind(&p.phone)
                .bind(&p.email)
                .bind(&p.reach_hours)
                .bind(&p.office)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn staff_profile(&self, id: PersonId) -> DbResult<Option<StaffProfile>> {
                let row = sqlx::query("SELECT * FROM staff_profile WHERE person_id = $1").bind(id.0).fetch_optional(&self.pool).await?;
                row.map(|r| {
                    Ok(StaffProfile {
                        job_title: r.try_get("job_title")?,
                        phone: r.try_get("phone")?,
                        email: r.try_get("email")?,
                        reach_hours: r.try_get("reach_hours")?,
                        office: r.try_get("office")?,
                    })
                })
                .transpose()
            }

            async fn add_outreach_hours(&self, staff: PersonId, h: &OutreachHours) -> DbResult<()> {
                sqlx::query(
                    "INSERT INTO outreach_hours (staff_id, weekday, from_minute, to_minute, place, address) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(staff.0)
                .bind(h.weekday)
                .bind(h.from_minute)
                .bind(h.to_minute)
                .bind(&h.place)
                .bind(&h.address)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn outreach_hours(&self, staff: PersonId) -> DbResult<Vec<OutreachHours>> {
                let rows = sqlx::query("SELECT * FROM outreach_hours WHERE staff_id = $1 ORDER BY weekday, from_minute")
                    .bind(staff.0)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok(OutreachHours {
                            weekday: r.try_get("weekday")?,
                            from_minute: r.try_get("from_minute")?,
                            to_minute: r.try_get("to_minute")?,
                            place: r.try_get("place")?,
                            address: r.try_get("address")?,
                        })
                    })
                    .collect()
            }

            async fn assign_caseworker(&self, citizen: PersonId, staff: PersonId, kind: AssignmentKind, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let current: Option<i64> = sqlx::query_scalar(
                    "SELECT staff_id FROM caseworker_assignment WHERE citizen_id = $1 AND kind = $2 AND to_at IS NULL",
                )
                .bind(citizen.0)
                .bind(kind.as_str())
                .fetch_optional(&mut *tx)
                .await?;
                if current == Some(staff.0) {
                    return Ok(());
                }
                sqlx::query("UPDATE caseworker_assignment SET to_at = $1 WHERE citizen_id = $2 AND kind = $3 AND to_at IS NULL")
                    .bind(now)
                    .bind(citizen.0)
                    .bind(kind.as_str())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("INSERT INTO caseworker_assignment (citizen_id, staff_id, kind, from_at) VALUES ($1, $2, $3, $4)")
                    .bind(citizen.0)
                    .bind(staff.0)
                    .bind(kind.as_str())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn end_standin(&self, citizen: PersonId, now: i64) -> DbResult<()> {
                sqlx::query("UPDATE caseworker_assignment SET to_at = $1 WHERE citizen_id = $2 AND kind = 'standin' AND to_at IS NULL")
                    .bind(now)
                    .bind(citizen.0)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn current_caseworker(&self, citizen: PersonId, kind: AssignmentKind) -> DbResult<Option<PersonId>> {
                let id: Option<i64> = sqlx::query_scalar(
                    "SELECT staff_id FROM caseworker_assignment WHERE citizen_id = $1 AND kind = $2 AND to_at IS NULL",
                )
                .bind(citizen.0)
                .bind(kind.as_str())
                .fetch_optional(&self.pool)
                .await?;
                Ok(id.map(PersonId))
            }

            async fn caseworker_count_since(&self, citizen: PersonId, since: i64) -> DbResult<i64> {
                Ok(sqlx::query_scalar(
                    "SELECT COUNT(DISTINCT staff_id) FROM caseworker_assignment \
                     WHERE citizen_id = $1 AND kind = 'primary' AND (to_at IS NULL OR to_at >= $2)",
                )
                .bind(citizen.0)
                .bind(since)
                .fetch_one(&self.pool)
                .await?)
            }

            async fn caseload(&self, staff: PersonId) -> DbResult<Vec<PersonId>> {
                let ids: Vec<i64> = sqlx::query_scalar(
                    "SELECT DISTINCT citizen_id FROM caseworker_assignment WHERE staff_id = $1 AND to_at IS NULL ORDER BY citizen_id",
                )
                .bind(staff.0)
                .fetch_all(&self.pool)
                .await?;
                Ok(ids.into_iter().map(PersonId).collect())
            }

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
                let rows = sqlx::query(
                    "SELECT goal.*, plan.citizen_id FROM goal JOIN plan ON plan.id = goal.plan_id \
                     WHERE goal.plan_id = $1 ORDER BY goal.created_at, goal.id",
                )
                .bind(plan.0)
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(Self::goal_row).collect()
            }

            async fn goal(&self, id: GoalId) -> DbResult<Goal> {
                let row = sqlx::query("SELECT goal.*, plan.citizen_id FROM goal JOIN plan ON plan.id = goal.plan_id WHERE goal.id = $1")
                    .bind(id.0)
                    .fetch_one(&self.pool)
                    .await?;
                Self::goal_row(&row)
            }

            async fn propose_goal(&self, citizen: PersonId, g: &NewGoal, key: &str, now: i64) -> DbResult<SubmitOutcome<GoalId>> {
                let mut tx = self.begin_write().await?;
                claim_key!(tx, citizen, key, "goal", GoalId, now);
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
                record_event!(tx, PlanId(plan), Actor::citizen(citizen), "goal_proposed", g.title.as_str(), now);
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
                .ok_or(DbError::Conflict("the goal has changed meanwhile"))?;
                let plan = PlanId(row.try_get("plan_id")?);
                let title: String = row.try_get("title")?;
                record_event!(tx, plan, c.actor, c.history_kind, title.as_str(), now);
                let citizen: i64 = sqlx::query_scalar("SELECT citizen_id FROM plan WHERE id = $1").bind(plan.0).fetch_one(&mut *tx).await?;
                if let Some((outcome, d)) = &c.decision {
                    sqlx::query(
                        "INSERT INTO decision (citizen_id, subject_kind, subject_id, outcome, reasons, appeal_guidance, decided_by, decided_at, corrects_id) \
                         VALUES ($1, 'goal', $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(citizen)
                    .bind(c.goal.0)
                    .bind(*outcome)
                    .bind(d.reasons.as_ref().map(|r| r.as_str()))
                    .bind(&d.appeal_guidance)
                    .bind(d.decided_by.0)
                    .bind(now)
                    .bind(d.corrects.map(|id| id.0))
                    .execute(&mut *tx)
                    .await?;
                }
                if let Some((kind, link)) = &c.notify_citizen {
                    notify_in!(tx, citizen, *kind, link, now);
                }
                tx.commit().await?;
                Ok(())
            }

            async fn open_goals_for(&self, staff: PersonId) -> DbResult<Vec<OpenGoal>> {
                let rows = sqlx::query(
                    // From the caseload in: the staff index finds their citizens,
                    // then each plan's goals (not every proposal in the
                    // municipality checked against the caseload, which .ci/bench
                    // measured at 12 inbox views a second with 10,000 citizens).
                    "SELECT goal.*, plan.citizen_id, person.full_name AS citizen_name FROM plan \
                     JOIN goal ON goal.plan_id = plan.id JOIN person ON person.id = plan.citizen_id \
                     WHERE plan.citizen_id IN (SELECT citizen_id FROM caseworker_assignment WHERE staff_id = $1 AND to_at IS NULL) \
                       AND goal.status = 'proposed' \
                     ORDER BY goal.updated_at, goal.id",
                )
                .bind(staff.0)
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(|r| Ok(OpenGoal { goal: Self::goal_row(r)?, citizen_name: r.try_get("citizen_name")? })).collect()
            }

            async fn caseload_overview(&self, staff: PersonId, now: i64) -> DbResult<Vec<CaseloadRow>> {
                let rows = sqlx::query(
                    "SELECT p.id, p.full_name, ca.kind, pl.id AS plan_id, \
                       (SELECT COUNT(*) FROM goal g WHERE g.plan_id = pl.id AND g.status = 'accepted') AS accepted_goals, \
                       (SELECT COUNT(*) FROM activity a WHERE a.plan_id = pl.id AND a.status = 'active') AS active_activities, \
                       (SELECT COUNT(*) FROM goal g WHERE g.plan_id = pl.id AND g.status = 'proposed') \
                         + (SELECT COUNT(*) FROM spending_request sr WHERE sr.citizen_id = p.id AND sr.status = 'pending') AS open_items, \
                       (SELECT MAX(ap.starts_at) FROM appointment ap \
                          WHERE ap.plan_id = pl.id AND ap.cancelled_at IS NULL AND ap.starts_at <= $2) AS last_contact \
                     FROM caseworker_assignment ca JOIN person p ON p.id = ca.citizen_id \
                     LEFT JOIN plan pl ON pl.citizen_id = p.id \
                     WHERE ca.staff_id = $1 AND ca.to_at IS NULL ORDER BY p.full_name, p.id",
                )
                .bind(staff.0)
                .bind(now)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        let kind: String = r.try_get("kind")?;
                        Ok(CaseloadRow {
                            citizen_id: PersonId(r.try_get("id")?),
                            name: r.try_get("full_name")?,
                            standin: kind == "standin",
                            has_plan: r.try_get::<Option<i64>, _>("plan_id")?.is_some(),
                            accepted_goals: r.try_get("accepted_goals")?,
                            active_activities: r.try_get("active_activities")?,
                            open_items: r.try_get("open_items")?,
                            last_contact: r.try_get("last_contact")?,
                        })
                    })
                    .collect()
            }

            async fn add_activity(&self, plan: PlanId, a: &NewActivity, actor: Actor, now: i64) -> DbResult<ActivityId> {
                let mut tx = self.begin_write().await?;
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
                tx.commit().await?;
                Ok(ActivityId(id))
            }

            async fn activities(&self, plan: PlanId) -> DbResult<Vec<Activity>> {
                let rows = sqlx::query("SELECT * FROM activity WHERE plan_id = $1 ORDER BY id").bind(plan.0).fetch_all(&self.pool).await?;
                rows.iter()
                    .map(|r| {
                        let dept: String = r.try_get("department")?;
                        let status: String = r.try_get("status")?;
                        Ok(Activity {
                            id: ActivityId(r.try_get("id")?),
                            department: Department::parse(&dept).ok_or_else(|| decode("activity.department"))?,
                            title: r.try_get("title")?,
                            responsible: r.try_get("responsible")?,
                            status: ActivityStatus::parse(&status).ok_or_else(|| decode("activity.status"))?,
                            updated_at: r.try_get("updated_at")?,
                        })
                    })
                    .collect()
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
                tx.commit().await?;
                Ok(())
            }

            async fn cancel_appointment(&self, plan: PlanId, id: AppointmentId, actor: Actor, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let place: String = sqlx::query_scalar(
                    "UPDATE appointment SET cancelled_at = $1 WHERE id = $2 AND plan_id = $3 AND cancelled_at IS NULL RETURNING place",
                )
                .bind(now)
                .bind(id.0)
                .bind(plan.0)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(DbError::NotFound)?;
                record_event!(tx, plan, actor, "appointment_cancelled", place.as_str(), now);
                tx.commit().await?;
                Ok(())
            }

            async fn add_meeting_note(&self, plan: PlanId, staff: PersonId, body: &crate::kernel::LongText, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                sqlx::query("INSERT INTO meeting_note (plan_id, staff_id, written_at, body) VALUES ($1, $2, $3, $4)")
                    .bind(plan.0)
                    .bind(staff.0)
                    .bind(now)
                    .bind(body.as_str())
                    .execute(&mut *tx)
                    .await?;
                record_event!(tx, plan, Actor::staff(staff), "note_added", "", now);
                tx.commit().await?;
                Ok(())
            }

            async fn meeting_notes(&self, plan: PlanId) -> DbResult<Vec<MeetingNote>> {
                let rows = sqlx::query("SELECT * FROM meeting_note WHERE plan_id = $1 ORDER BY written_at DESC, id DESC")
                    .bind(plan.0)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok(MeetingNote {
                            staff_id: PersonId(r.try_get("staff_id")?),
                            written_at: r.try_get("written_at")?,
                            body: r.try_get("body")?,
                        })
                    })
                    .collect()
            }

            async fn add_appointment(&self, plan: PlanId, a: &NewAppointment, actor: Actor, now: i64) -> DbResult<AppointmentId> {
                let mut tx = self.begin_write().await?;
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
                tx.commit().await?;
                Ok(AppointmentId(id))
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
                let rows = sqlx::query("SELECT * FROM plan_event WHERE plan_id = $1 ORDER BY at, id").bind(plan.0).fetch_all(&self.pool).await?;
                rows.iter()
                    .map(|r| {
                        let kind: String = r.try_get("actor_kind")?;
                        Ok(PlanEvent {
                            at: r.try_get("at")?,
                            actor_kind: ActorKind::parse(&kind).ok_or_else(|| decode("plan_event.actor_kind"))?,
                            actor_id: r.try_get::<Option<i64>, _>("actor_id")?.map(PersonId),
                            kind: r.try_get("kind")?,
                            summary: r.try_get("summary")?,
                        })
                    })
                    .collect()
            }

            async fn budget_cap(&self) -> DbResult<Amount> {
                let v: String = sqlx::query_scalar("SELECT value FROM setting WHERE key = 'budget_cap_ore'").fetch_one(&self.pool).await?;
                amount(v.parse().map_err(|_| decode("setting.budget_cap_ore"))?)
            }

            async fn set_budget_cap(&self, cap: Amount) -> DbResult<()> {
                sqlx::query("UPDATE setting SET value = $1 WHERE key = 'budget_cap_ore'").bind(cap.ore().to_string()).execute(&self.pool).await?;
                Ok(())
            }

            async fn requests_per_hour(&self) -> DbResult<i64> {
                let v: String = sqlx::query_scalar("SELECT value FROM setting WHERE key = 'requests_per_hour'").fetch_one(&self.pool).await?;
                v.parse().map_err(|_| decode("setting.requests_per_hour"))
            }

            async fn set_requests_per_hour(&self, n: i64) -> DbResult<()> {
                sqlx::query("UPDATE setting SET value = $1 WHERE key = 'requests_per_hour'").bind(n.to_string()).execute(&self.pool).await?;
                Ok(())
            }

            async fn grant_budget(&self, b: &NewBudget, now: i64) -> DbResult<BudgetId> {
                let mut tx = self.begin_write().await?;
                let cap: String = sqlx::query_scalar("SELECT value FROM setting WHERE key = 'budget_cap_ore'").fetch_one(&mut *tx).await?;
                if b.amount.ore() > cap.parse::<i64>().map_err(|_| decode("setting.budget_cap_ore"))? {
                    return Err(DbError::Conflict("over the budget cap"));
                }
                if b.amount == Amount::ZERO {
                    return Err(DbError::Conflict("a budget needs an amount"));
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
                sqlx::query("INSERT INTO budget_entry (budget_id, at, kind, amount_ore, actor_id) VALUES ($1, $2, 'grant', $3, $4)")
                    .bind(id)
                    .bind(now)
                    .bind(b.amount.ore())
                    .bind(b.granted_by.0)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(BudgetId(id))
            }

            async fn budget(&self, id: BudgetId) -> DbResult<Budget> {
                let row = sqlx::query("SELECT * FROM budget WHERE id = $1").bind(id.0).fetch_one(&self.pool).await?;
                Self::budget_row(&row)
            }

            async fn budgets_of(&self, citizen: PersonId) -> DbResult<Vec<Budget>> {
                let rows = sqlx::query("SELECT * FROM budget WHERE citizen_id = $1 ORDER BY id").bind(citizen.0).fetch_all(&self.pool).await?;
                rows.iter().map(Self::budget_row).collect()
            }

            async fn ledger(&self, id: BudgetId) -> DbResult<Vec<LedgerEntry>> {
                let rows = sqlx::query("SELECT * FROM budget_entry WHERE budget_id = $1 ORDER BY at, id").bind(id.0).fetch_all(&self.pool).await?;
                rows.iter()
                    .map(|r| {
                        let kind: String = r.try_get("kind")?;
                        Ok(LedgerEntry {
                            at: r.try_get("at")?,
                            kind: LedgerKind::parse(&kind).ok_or_else(|| decode("budget_entry.kind"))?,
                            amount: amount(r.try_get("amount_ore")?)?,
                            request_id: r.try_get::<Option<i64>, _>("request_id")?.map(RequestId),
                        })
                    })
                    .collect()
            }

            async fn request_spending(&self, r: &NewSpendingRequest, now: i64) -> DbResult<SubmitOutcome<RequestId>> {
                if r.amount == Amount::ZERO {
                    return Err(DbError::Conflict("a request needs an amount"));
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
                    return Err(DbError::Conflict("more than is available"));
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
                    "INSERT INTO spending_request (budget_id, citizen_id, amount_ore, purpose, goal_id, status, created_at) \
                     VALUES ($1, $2, $3, $4, $5, 'pending', $6) RETURNING id",
                )
                .bind(r.budget.0)
                .bind(r.citizen.0)
                .bind(r.amount.ore())
                .bind(r.purpose.as_str())
                .bind(r.goal.map(|g| g.0))
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query("INSERT INTO budget_entry (budget_id, at, kind, amount_ore, request_id, actor_id) VALUES ($1, $2, 'reserve', $3, $4, $5)")
                    .bind(r.budget.0)
                    .bind(now)
                    .bind(r.amount.ore())
                    .bind(id)
                    .bind(r.citizen.0)
                    .execute(&mut *tx)
                    .await?;
                key_result!(tx, r.citizen, &r.idempotency_key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(RequestId(id)))
            }

            async fn spending_request(&self, id: RequestId) -> DbResult<SpendingRequest> {
                let r = sqlx::query("SELECT * FROM spending_request WHERE id = $1").bind(id.0).fetch_one(&self.pool).await?;
                Self::spending_row(&r)
            }

            async fn spending_requests(&self, budget: BudgetId) -> DbResult<Vec<SpendingRequest>> {
                let rows = sqlx::query("SELECT * FROM spending_request WHERE budget_id = $1 ORDER BY created_at DESC, id DESC")
                    .bind(budget.0)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::spending_row).collect()
            }

            async fn open_spending_for(&self, staff: PersonId) -> DbResult<Vec<OpenSpending>> {
                let rows = sqlx::query(
                    // From the caseload in, as `open_goals_for`.
                    "SELECT sr.*, person.full_name AS citizen_name FROM spending_request sr \
                     JOIN person ON person.id = sr.citizen_id \
                     WHERE sr.citizen_id IN (SELECT citizen_id FROM caseworker_assignment WHERE staff_id = $1 AND to_at IS NULL) \
                       AND sr.status = 'pending' \
                     ORDER BY sr.created_at, sr.id",
                )
                .bind(staff.0)
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(|r| Ok(OpenSpending { request: Self::spending_row(r)?, citizen_name: r.try_get("citizen_name")? })).collect()
            }

            async fn top_up_budget(&self, id: BudgetId, amount: Amount, by: PersonId, now: i64) -> DbResult<()> {
                if amount == Amount::ZERO {
                    return Err(DbError::Conflict("a top-up needs an amount"));
                }
                let mut tx = self.begin_write().await?;
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
                    return Err(DbError::Conflict("ended, or over the budget cap"));
                }
                sqlx::query("INSERT INTO budget_entry (budget_id, at, kind, amount_ore, actor_id) VALUES ($1, $2, 'topup', $3, $4)")
                    .bind(id.0)
                    .bind(now)
                    .bind(amount.ore())
                    .bind(by.0)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
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
                    return Err(DbError::Conflict("already ended"));
                }
                let unused: i64 = sqlx::query_scalar("SELECT granted_ore - reserved_ore - spent_ore FROM budget WHERE id = $1")
                    .bind(id.0)
                    .fetch_one(&mut *tx)
                    .await?;
                if unused > 0 {
                    sqlx::query("UPDATE budget SET granted_ore = granted_ore - $1 WHERE id = $2").bind(unused).bind(id.0).execute(&mut *tx).await?;
                    sqlx::query("INSERT INTO budget_entry (budget_id, at, kind, amount_ore, actor_id) VALUES ($1, $2, 'reduce', $3, $4)")
                        .bind(id.0)
                        .bind(now)
                        .bind(unused)
                        .bind(by.0)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
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
                .ok_or(DbError::Conflict("not pending"))?;
                let (budget, ore, citizen): (i64, i64, i64) = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
                sqlx::query("UPDATE budget SET reserved_ore = reserved_ore - $1 WHERE id = $2").bind(ore).bind(budget).execute(&mut *tx).await?;
                sqlx::query("INSERT INTO budget_entry (budget_id, at, kind, amount_ore, request_id, actor_id) VALUES ($1, $2, 'release', $3, $4, $5)")
                    .bind(budget)
                    .bind(now)
                    .bind(ore)
                    .bind(id.0)
                    .bind(citizen)
                    .execute(&mut *tx)
                    .await?;
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
                .ok_or(DbError::Conflict("already decided"))?;
                let (budget, requested, citizen): (i64, i64, i64) = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
                let spend = approved.map(|a| a.ore()).unwrap_or(0);
                if spend > requested || approved == Some(Amount::ZERO) {
                    return Err(DbError::Conflict("approved amount out of range"));
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
                        sqlx::query(
                            "INSERT INTO budget_entry (budget_id, at, kind, amount_ore, request_id, actor_id) VALUES ($1, $2, $3, $4, $5, $6)",
                        )
                        .bind(budget)
                        .bind(now)
                        .bind(kind)
                        .bind(ore)
                        .bind(id.0)
                        .bind(d.decided_by.0)
                        .execute(&mut *tx)
                        .await?;
                    }
                }
                let decision: i64 = sqlx::query_scalar(
                    "INSERT INTO decision (citizen_id, subject_kind, subject_id, outcome, reasons, appeal_guidance, decided_by, decided_at, corrects_id) \
                     VALUES ($1, 'spending_request', $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                )
                .bind(citizen)
                .bind(id.0)
                .bind(outcome)
                .bind(d.reasons.as_ref().map(|r| r.as_str()))
                .bind(&d.appeal_guidance)
                .bind(d.decided_by.0)
                .bind(now)
                .bind(d.corrects.map(|c| c.0))
                .fetch_one(&mut *tx)
                .await?;
                if let Some((kind, link)) = &sd.notify_citizen {
                    notify_in!(tx, citizen, *kind, link, now);
                }
                tx.commit().await?;
                Ok(DecisionId(decision))
            }

            async fn decisions_of(&self, citizen: PersonId) -> DbResult<Vec<Decision>> {
                let rows = sqlx::query("SELECT * FROM decision WHERE citizen_id = $1 ORDER BY decided_at, id").bind(citizen.0).fetch_all(&self.pool).await?;
                rows.iter()
                    .map(|r| {
                        Ok(Decision {
                            id: DecisionId(r.try_get("id")?),
                            subject_kind: r.try_get("subject_kind")?,
                            subject_id: r.try_get("subject_id")?,
                            outcome: r.try_get("outcome")?,
                            reasons: r.try_get("reasons")?,
                            appeal_guidance: r.try_get("appeal_guidance")?,
                            decided_by: PersonId(r.try_get("decided_by")?),
                            decided_at: r.try_get("decided_at")?,
                            corrects: r.try_get::<Option<i64>, _>("corrects_id")?.map(DecisionId),
                        })
                    })
                    .collect()
            }

            async fn create_group(&self, g: &NewGroup, now: i64) -> DbResult<GroupId> {
                Ok(GroupId(group_values!(sqlx::query_scalar(INSERT_GROUP), g).bind(now).fetch_one(&self.pool).await?))
            }

            async fn add_group_host(&self, group: GroupId, host: PersonId) -> DbResult<()> {
                sqlx::query("INSERT INTO group_host (group_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                    .bind(group.0)
                    .bind(host.0)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn groups(&self) -> DbResult<Vec<Group>> {
                let rows = sqlx::query("SELECT * FROM network_group WHERE archived_at IS NULL ORDER BY name, id").fetch_all(&self.pool).await?;
                rows.iter().map(Self::group_row).collect()
            }

            async fn group(&self, id: GroupId) -> DbResult<Group> {
                let row = sqlx::query("SELECT * FROM network_group WHERE id = $1 AND archived_at IS NULL").bind(id.0).fetch_one(&self.pool).await?;
                Self::group_row(&row)
            }

            async fn host_display_names(&self, group: GroupId) -> DbResult<Vec<String>> {
                Ok(sqlx::query_scalar(
                    "SELECT p.display_name FROM group_host h JOIN person p ON p.id = h.person_id \
                     WHERE h.group_id = $1 AND p.display_name IS NOT NULL ORDER BY p.display_name",
                )
                .bind(group.0)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn join_group(&self, group: GroupId, person: PersonId, now: i64) -> DbResult<()> {
                sqlx::query("INSERT INTO group_member (group_id, person_id, joined_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                    .bind(group.0)
                    .bind(person.0)
                    .bind(now)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn leave_group(&self, group: GroupId, person: PersonId) -> DbResult<()> {
                sqlx::query("DELETE FROM group_member WHERE group_id = $1 AND person_id = $2").bind(group.0).bind(person.0).execute(&self.pool).await?;
                Ok(())
            }

            async fn is_member(&self, group: GroupId, person: PersonId) -> DbResult<bool> {
                self.is_linked("group_member", group, person).await
            }

            async fn meetup(&self, id: MeetupId) -> DbResult<Meetup> {
                let row = sqlx::query("SELECT * FROM meetup WHERE id = $1").bind(id.0).fetch_one(&self.pool).await?;
                Self::meetup_row(&row)
            }

            async fn group_meetups(&self, group: GroupId, from: i64) -> DbResult<Vec<Meetup>> {
                let rows = sqlx::query("SELECT * FROM meetup WHERE group_id = $1 AND starts_at >= $2 AND cancelled_at IS NULL ORDER BY starts_at, id")
                    .bind(group.0)
                    .bind(from)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::meetup_row).collect()
            }

            async fn create_meetup(&self, m: &NewMeetup, now: i64) -> DbResult<MeetupId> {
                Ok(MeetupId(meetup_values!(sqlx::query_scalar(INSERT_MEETUP), m).bind(now).fetch_one(&self.pool).await?))
            }

            async fn upcoming_meetups(&self, from: i64, limit: i64) -> DbResult<Vec<Meetup>> {
                let rows = sqlx::query("SELECT * FROM meetup WHERE starts_at >= $1 AND cancelled_at IS NULL ORDER BY starts_at, id LIMIT $2")
                    .bind(from)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::meetup_row).collect()
            }

            async fn sign_up(&self, meetup: MeetupId, person: PersonId, now: i64) -> DbResult<SignupStatus> {
                let mut tx = self.begin_write().await?;
                // Touching the meetup row first takes its lock on PostgreSQL:
                // sign-ups and cancellations of one meetup go one at a time.
                let open = sqlx::query("UPDATE meetup SET updated_at = updated_at WHERE id = $1 AND cancelled_at IS NULL AND starts_at > $2")
                    .bind(meetup.0)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if open != 1 {
                    return Err(DbError::Conflict("cancelled or started"));
                }
                let before: Option<String> = sqlx::query_scalar("SELECT status FROM meetup_signup WHERE meetup_id = $1 AND person_id = $2")
                    .bind(meetup.0)
                    .bind(person.0)
                    .fetch_optional(&mut *tx)
                    .await?;
                if matches!(before.as_deref(), Some("going" | "waiting")) {
                    return Err(DbError::Conflict("already signed up"));
                }
                let got_place = sqlx::query("UPDATE meetup SET going_count = going_count + 1 WHERE id = $1 AND going_count < capacity")
                    .bind(meetup.0)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                let status = if got_place { "going" } else { "waiting" };
                // Signing up again after cancelling goes to the back of the line.
                let sql = if before.is_some() {
                    "UPDATE meetup_signup SET status = $3, created_at = $4, updated_at = $4 WHERE meetup_id = $1 AND person_id = $2"
                } else {
                    "INSERT INTO meetup_signup (meetup_id, person_id, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)"
                };
                sqlx::query(sql).bind(meetup.0).bind(person.0).bind(status).bind(now).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(if got_place { SignupStatus::Going } else { SignupStatus::Waiting })
            }

            async fn cancel_signup(&self, meetup: MeetupId, person: PersonId, moved_up: (&'static str, String), now: i64) -> DbResult<Option<PersonId>> {
                let mut tx = self.begin_write().await?;
                sqlx::query("UPDATE meetup SET updated_at = updated_at WHERE id = $1").bind(meetup.0).execute(&mut *tx).await?;
                let was: Option<String> = sqlx::query_scalar(
                    "SELECT status FROM meetup_signup WHERE meetup_id = $1 AND person_id = $2 AND status IN ('going', 'waiting')",
                )
                .bind(meetup.0)
                .bind(person.0)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(was) = was else {
                    return Err(DbError::Conflict("not signed up"));
                };
                sqlx::query("UPDATE meetup_signup SET status = 'cancelled', updated_at = $3 WHERE meetup_id = $1 AND person_id = $2")
                    .bind(meetup.0)
                    .bind(person.0)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                let mut promoted = None;
                if was == "going" {
                    // The place goes to the first in line, if anyone waits;
                    // otherwise it is free again.
                    let moved = move_up_line!(tx, meetup, 1_i64, &moved_up, now);
                    match moved.first() {
                        Some(next) => promoted = Some(PersonId(*next)),
                        None => {
                            sqlx::query("UPDATE meetup SET going_count = going_count - 1 WHERE id = $1").bind(meetup.0).execute(&mut *tx).await?;
                        }
                    }
                }
                tx.commit().await?;
                Ok(promoted)
            }

            async fn signups(&self, meetup: MeetupId) -> DbResult<Vec<(PersonId, SignupStatus)>> {
                let rows = sqlx::query(
                    "SELECT person_id, status FROM meetup_signup WHERE meetup_id = $1 AND status IN ('going', 'waiting') \
                     ORDER BY CASE status WHEN 'going' THEN 0 ELSE 1 END, created_at, id",
                )
                .bind(meetup.0)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        let status: String = r.try_get("status")?;
                        let status = if status == "going" { SignupStatus::Going } else { SignupStatus::Waiting };
                        Ok((PersonId(r.try_get("person_id")?), status))
                    })
                    .collect()
            }

            async fn create_hosted_group(&self, g: &NewGroup, host: PersonId, key: &str, now: i64) -> DbResult<SubmitOutcome<GroupId>> {
                let mut tx = self.begin_write().await?;
                claim_key!(tx, host, key, "group", GroupId, now);
                let id: i64 = group_values!(sqlx::query_scalar(INSERT_GROUP), g).bind(now).fetch_one(&mut *tx).await?;
                sqlx::query("INSERT INTO group_host (group_id, person_id) VALUES ($1, $2)").bind(id).bind(host.0).execute(&mut *tx).await?;
                key_result!(tx, host, key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(GroupId(id)))
            }

            async fn update_group(&self, id: GroupId, g: &NewGroup) -> DbResult<()> {
                let done = group_values!(
                    sqlx::query("UPDATE network_group SET name = $1, description = $2, topic = $3, area = $4, usual_place = $5 WHERE id = $6 AND archived_at IS NULL"),
                    g
                )
                .bind(id.0)
                .execute(&self.pool)
                .await?;
                if done.rows_affected() == 1 { Ok(()) } else { Err(DbError::NotFound) }
            }

            async fn is_host(&self, group: GroupId, person: PersonId) -> DbResult<bool> {
                self.is_linked("group_host", group, person).await
            }

            async fn hosted_groups(&self, person: PersonId) -> DbResult<Vec<Group>> {
                self.groups_through("group_host", person).await
            }

            async fn member_groups(&self, person: PersonId) -> DbResult<Vec<Group>> {
                self.groups_through("group_member", person).await
            }

            async fn my_meetups(&self, person: PersonId, from: i64) -> DbResult<Vec<(Meetup, SignupStatus)>> {
                let rows = sqlx::query(
                    "SELECT m.*, s.status AS signup_status FROM meetup m JOIN meetup_signup s ON s.meetup_id = m.id \
                     WHERE s.person_id = $1 AND s.status IN ('going', 'waiting') AND m.starts_at >= $2 ORDER BY m.starts_at, m.id",
                )
                .bind(person.0)
                .bind(from)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        let status: String = r.try_get("signup_status")?;
                        let status = if status == "going" { SignupStatus::Going } else { SignupStatus::Waiting };
                        Ok((Self::meetup_row(r)?, status))
                    })
                    .collect()
            }

            async fn post_meetup(&self, m: &NewMeetup, host: PersonId, key: &str, now: i64) -> DbResult<SubmitOutcome<MeetupId>> {
                let mut tx = self.begin_write().await?;
                claim_key!(tx, host, key, "meetup", MeetupId, now);
                let id: i64 = meetup_values!(sqlx::query_scalar(INSERT_MEETUP), m).bind(now).fetch_one(&mut *tx).await?;
                key_result!(tx, host, key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(MeetupId(id)))
            }

            async fn update_meetup(&self, id: MeetupId, m: &NewMeetup, notices: &MeetupNotices, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                // Touching the row first takes its lock on PostgreSQL: sign-ups
                // wait until the new capacity is in place.
                let row = sqlx::query("UPDATE meetup SET updated_at = updated_at WHERE id = $1 RETURNING *").bind(id.0).fetch_one(&mut *tx).await?;
                let old = Self::meetup_row(&row)?;
                if old.cancelled_at.is_some() {
                    return Err(DbError::Conflict("cancelled"));
                }
                if m.capacity < old.going {
                    return Err(DbError::Conflict("capacity below going"));
                }
                let changed = old.starts_at != m.starts_at
                    || old.duration_minutes != m.duration_minutes
                    || old.place != m.place.as_str()
                    || old.address != m.address.as_str()
                    || old.description != m.description;
                let told = if changed { signed_up_in!(tx, id) } else { Vec::new() };
                sqlx::query(
                    "UPDATE meetup SET starts_at = $1, duration_minutes = $2, place = $3, address = $4, capacity = $5, description = $6, \
                     updated_at = $7 WHERE id = $8",
                )
                .bind(m.starts_at)
                .bind(m.duration_minutes)
                .bind(m.place.as_str())
                .bind(m.address.as_str())
                .bind(m.capacity)
                .bind(&m.description)
                .bind(now)
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
                let moved = move_up_line!(tx, id, m.capacity - old.going, &notices.moved_up, now);
                if !moved.is_empty() {
                    sqlx::query("UPDATE meetup SET going_count = going_count + $1 WHERE id = $2")
                        .bind(moved.len() as i64)
                        .bind(id.0)
                        .execute(&mut *tx)
                        .await?;
                }
                let (kind, link) = &notices.changed;
                for person in told {
                    notify_in!(tx, person, *kind, link, now);
                }
                tx.commit().await?;
                Ok(())
            }

            async fn cancel_meetup(&self, id: MeetupId, notice: (&'static str, String), now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let was: Option<i64> = sqlx::query_scalar("UPDATE meetup SET updated_at = updated_at WHERE id = $1 RETURNING cancelled_at")
                    .bind(id.0)
                    .fetch_one(&mut *tx)
                    .await?;
                if was.is_some() {
                    return Err(DbError::Conflict("cancelled"));
                }
                sqlx::query("UPDATE meetup SET cancelled_at = $1, updated_at = $1 WHERE id = $2").bind(now).bind(id.0).execute(&mut *tx).await?;
                let (kind, link) = &notice;
                for person in signed_up_in!(tx, id) {
                    notify_in!(tx, person, *kind, link, now);
                }
                tx.commit().await?;
                Ok(())
            }

            async fn attendees(&self, meetup: MeetupId) -> DbResult<Vec<(Option<String>, SignupStatus)>> {
                let rows = sqlx::query(
                    "SELECT p.display_name, s.status FROM meetup_signup s JOIN person p ON p.id = s.person_id \
                     WHERE s.meetup_id = $1 AND s.status IN ('going', 'waiting') \
                     ORDER BY CASE s.status WHEN 'going' THEN 0 ELSE 1 END, s.created_at, s.id",
                )
                .bind(meetup.0)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        let status: String = r.try_get("status")?;
                        let status = if status == "going" { SignupStatus::Going } else { SignupStatus::Waiting };
                        Ok((r.try_get("display_name")?, status))
                    })
                    .collect()
            }

            async fn announce(
                &self,
                meetup: MeetupId,
                sender: PersonId,
                body: &LongText,
                notice: (&'static str, String),
                key: &str,
                now: i64,
            ) -> DbResult<SubmitOutcome<AnnouncementId>> {
                let mut tx = self.begin_write().await?;
                claim_key!(tx, sender, key, "announcement", AnnouncementId, now);
                let id: i64 = sqlx::query_scalar("INSERT INTO announcement (meetup_id, sender_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
                    .bind(meetup.0)
                    .bind(sender.0)
                    .bind(body.as_str())
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?;
                let (kind, link) = &notice;
                for person in signed_up_in!(tx, meetup) {
                    notify_in!(tx, person, *kind, link, now);
                }
                key_result!(tx, sender, key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(AnnouncementId(id)))
            }

            async fn announcements(&self, meetup: MeetupId) -> DbResult<Vec<Announcement>> {
                let rows = sqlx::query("SELECT id, body, created_at FROM announcement WHERE meetup_id = $1 ORDER BY created_at DESC, id DESC")
                    .bind(meetup.0)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| Ok(Announcement { id: AnnouncementId(r.try_get("id")?), body: r.try_get("body")?, created_at: r.try_get("created_at")? }))
                    .collect()
            }

            async fn notify(&self, person: PersonId, kind: &str, link: &str, now: i64) -> DbResult<NotificationId> {
                let id: i64 = sqlx::query_scalar("INSERT INTO notification (person_id, created_at, kind, link) VALUES ($1, $2, $3, $4) RETURNING id")
                    .bind(person.0)
                    .bind(now)
                    .bind(kind)
                    .bind(link)
                    .fetch_one(&self.pool)
                    .await?;
                Ok(NotificationId(id))
            }

            async fn notifications(&self, person: PersonId) -> DbResult<Vec<Notification>> {
                let rows = sqlx::query("SELECT * FROM notification WHERE person_id = $1 ORDER BY created_at DESC, id DESC")
                    .bind(person.0)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok(Notification {
                            id: NotificationId(r.try_get("id")?),
                            kind: r.try_get("kind")?,
                            link: r.try_get("link")?,
                            created_at: r.try_get("created_at")?,
                            read_at: r.try_get("read_at")?,
                        })
                    })
                    .collect()
            }

            async fn unread_notifications(&self, person: PersonId) -> DbResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM notification WHERE person_id = $1 AND read_at IS NULL")
                    .bind(person.0)
                    .fetch_one(&self.pool)
                    .await?)
            }

            async fn mark_notifications_read(&self, person: PersonId, now: i64) -> DbResult<()> {
                sqlx::query("UPDATE notification SET read_at = $1 WHERE person_id = $2 AND read_at IS NULL")
                    .bind(now)
                    .bind(person.0)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn log_access(&self, citizen: PersonId, staff: PersonId, role: Role, purpose: &str, now: i64) -> DbResult<()> {
                self.log_accesses(&[citizen], staff, role, purpose, now).await
            }

            async fn log_accesses(&self, citizens: &[PersonId], staff: PersonId, role: Role, purpose: &str, now: i64) -> DbResult<()> {
                if citizens.is_empty() {
                    return Ok(());
                }
                // One transaction: one commit (one fsync on SQLite) for the
                // whole page, not one per citizen on it.
                let mut tx = self.begin_write().await?;
                for citizen in citizens {
                    sqlx::query("INSERT INTO access_log (citizen_id, staff_id, at, staff_role, purpose) VALUES ($1, $2, $3, $4, $5)")
                        .bind(citizen.0)
                        .bind(staff.0)
                        .bind(now)
                        .bind(role.as_str())
                        .bind(purpose)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn access_log(&self, citizen: PersonId) -> DbResult<Vec<AccessLogEntry>> {
                let rows = sqlx::query("SELECT * FROM access_log WHERE citizen_id = $1 ORDER BY at DESC, id DESC").bind(citizen.0).fetch_all(&self.pool).await?;
                rows.iter()
                    .map(|r| {
                        let role: String = r.try_get("staff_role")?;
                        Ok(AccessLogEntry {
                            at: r.try_get("at")?,
                            staff_id: PersonId(r.try_get("staff_id")?),
                            staff_role: Role::parse(&role).ok_or_else(|| decode("access_log.staff_role"))?,
                            purpose: r.try_get("purpose")?,
                        })
                    })
                    .collect()
            }

            async fn count_people(&self) -> DbResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM person").fetch_one(&self.pool).await?)
            }

            async fn backup_to(&self, path: &str) -> DbResult<()> {
                self.backup_impl(path).await
            }

            async fn seed_synthetic_citizens(&self, n: u32, caseworkers: &[PersonId], now: i64) -> DbResult<()> {
                const CHUNK: u32 = 5_000;
                let offset: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM person WHERE cpr LIKE '9913%'").fetch_one(&self.pool).await?;
                let mut done = 0u32;
                while done < n {
                    let mut tx = self.begin_write().await?;
                    for i in done..(done + CHUNK).min(n) {
                        let seq = offset + i64::from(i);
                        let s = super::synthetic::citizen(seq);
                        let person: i64 = sqlx::query_scalar(
                            "INSERT INTO person (cpr, full_name, created_at) VALUES ($1, $2, $3) RETURNING id",
                        )
                        .bind(&s.cpr)
                        .bind(&s.name)
                        .bind(now)
                        .fetch_one(&mut *tx)
                        .await?;
                        let plan: i64 = sqlx::query_scalar("INSERT INTO plan (citizen_id, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id")
                            .bind(person)
                            .bind(now)
                            .fetch_one(&mut *tx)
                            .await?;
                        for (title, status) in s.goals {
                            sqlx::query(
                                "INSERT INTO goal (plan_id, title, status, proposed_by, created_at, updated_at) VALUES ($1, $2, $3, 'citizen', $4, $4)",
                            )
                            .bind(plan)
                            .bind(title)
                            .bind(status)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                        }
                        for (dept, title, responsible) in s.activities {
                            sqlx::query(
                                "INSERT INTO activity (plan_id, department, title, responsible, status, updated_at) VALUES ($1, $2, $3, $4, 'active', $5)",
                            )
                            .bind(plan)
                            .bind(dept)
                            .bind(title)
                            .bind(responsible)
                            .bind(now)
                            .execute(&mut *tx)
                            .await?;
                        }
                        if !caseworkers.is_empty() {
                            let cw = caseworkers[(seq as usize) % caseworkers.len()];
                            sqlx::query("INSERT INTO caseworker_assignment (citizen_id, staff_id, kind, from_at) VALUES ($1, $2, 'primary', $3)")
                                .bind(person)
                                .bind(cw.0)
                                .bind(now)
                                .execute(&mut *tx)
                                .await?;
                        }
                    }
                    tx.commit().await?;
                    done = (done + CHUNK).min(n);
                }
                Ok(())
            }
        }
    };
}

/// A write transaction on SQLite that holds this process's writer turn
/// (see `SqliteStore::writer`) until it is committed or dropped. Used like
/// a `Transaction`: `&mut *tx` is the connection, `tx.commit()` ends it.
struct SqliteWrite {
    tx: sqlx::Transaction<'static, sqlx::Sqlite>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl std::ops::Deref for SqliteWrite {
    type Target = sqlx::SqliteConnection;
    fn deref(&self) -> &sqlx::SqliteConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for SqliteWrite {
    fn deref_mut(&mut self) -> &mut sqlx::SqliteConnection {
        &mut self.tx
    }
}

impl SqliteWrite {
    async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl SqliteStore {
    /// SQLite takes the write lock at the start (`BEGIN IMMEDIATE`): a
    /// deferred transaction that reads first and writes later fails with
    /// "database is locked" under concurrency (DESIGN.md). Writers of this
    /// process queue for their turn first, in order, without a connection.
    async fn begin_write(&self) -> Result<SqliteWrite, sqlx::Error> {
        let turn = self.writer.clone().lock_owned().await;
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(SqliteWrite { tx, _turn: turn })
    }
}

impl SqliteStore {
    async fn backup_impl(&self, path: &str) -> DbResult<()> {
        if std::path::Path::new(path).exists() {
            return Err(DbError::Conflict("the backup file exists already"));
        }
        sqlx::query("VACUUM INTO $1").bind(path).execute(&self.pool).await?;
        Ok(())
    }
}

impl PgStore {
    async fn backup_impl(&self, _path: &str) -> DbResult<()> {
        Err(DbError::Conflict("back up PostgreSQL with pg_dump"))
    }

    /// READ COMMITTED is enough: every check that guards money or places is
    /// a single conditional UPDATE, which locks the row it changes.
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        self.pool.begin().await
    }
}

store_impl!(SqliteStore, sqlx::sqlite::SqliteRow, "sqlite", sqlx::migrate!("../migrations/sqlite"));
store_impl!(PgStore, sqlx::postgres::PgRow, "postgres", sqlx::migrate!("../migrations/postgres"));
