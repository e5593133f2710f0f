//! Network groups, meetups, sign-ups and the hosts' side.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;
use sqlx::{FromRow, Row};

use crate::features::notices::store::Reminder;
use crate::kernel::ids::*;
use crate::kernel::paging::Before;
use crate::kernel::LongText;
use crate::ssr::db::limits::within_hourly_limit;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

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
            notify_in!($tx, *next, *$notice, $now);
        }
        line
    }};
}

/// Columns of a new network group ($1..$5; `created_at` is $6).
const INSERT_GROUP: &str =
    "INSERT INTO network_group (name, description, topic, area, usual_place, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

/// Columns of a new meetup ($1..$7; `updated_at` is $8).
const INSERT_MEETUP: &str =
    "INSERT INTO meetup (group_id, starts_at, duration_minutes, place, address, capacity, description, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";

/// Binds a group's five fields, in the order of [`INSERT_GROUP`].
macro_rules! group_values {
    ($q:expr, $g:expr) => {
        $q.bind($g.name.as_str()).bind(&$g.description).bind($g.topic.as_str()).bind($g.area.as_str()).bind($g.usual_place.as_str())
    };
}

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

/// The overview's narrowing: an area and/or a topic (`None`: any).
#[derive(Clone, Copy, Debug, Default)]
pub struct Chosen<'a> {
    pub area: Option<&'a str>,
    pub topic: Option<&'a str>,
}

/// Network groups, meetups, sign-ups and the hosts' side.
#[async_trait]
pub trait NetworkStore: Send + Sync {
    async fn create_group(&self, g: &NewGroup, now: i64) -> DbResult<GroupId>;
    async fn add_group_host(&self, group: GroupId, host: PersonId) -> DbResult<()>;
    /// Groups that are not archived, by name.
    async fn groups(&self) -> DbResult<Vec<Group>>;
    /// A group that is not archived; `NotFound` otherwise.
    async fn group(&self, id: GroupId) -> DbResult<Group>;
    /// The display names of a group's hosts (never their full names).
    async fn host_display_names(&self, group: GroupId) -> DbResult<Vec<String>>;
    async fn meetup(&self, id: MeetupId) -> DbResult<Meetup>;
    /// Joins a group (joining twice is once).
    async fn join_group(&self, group: GroupId, person: PersonId, now: i64) -> DbResult<()>;
    async fn leave_group(&self, group: GroupId, person: PersonId) -> DbResult<()>;
    async fn is_member(&self, group: GroupId, person: PersonId) -> DbResult<bool>;
    /// A group's meetups from `from` on that are not cancelled, soonest first.
    async fn group_meetups(&self, group: GroupId, from: i64) -> DbResult<Vec<Meetup>>;
    async fn create_meetup(&self, m: &NewMeetup, now: i64) -> DbResult<MeetupId>;
    /// Groups that are not archived, in `chosen`, by name: at most `limit`,
    /// those after the group `after` in that order.
    async fn groups_page(&self, chosen: Chosen<'_>, after: Option<GroupId>, limit: i64) -> DbResult<Vec<Group>>;
    /// The areas and the topics of the groups that are not archived, each once, sorted.
    async fn group_choices(&self) -> DbResult<(Vec<String>, Vec<String>)>;
    /// Meetups from `from` on that are not cancelled, of groups in `chosen`
    /// that are not archived, soonest first: at most `limit`, after the place
    /// `after` (start, id).
    async fn upcoming_meetups(&self, chosen: Chosen<'_>, from: i64, after: Option<Before>, limit: i64) -> DbResult<Vec<Meetup>>;
    /// Signs up for a meetup: `going` while there is room, else `waiting`
    /// (at the back of the line). `Conflict` when already signed up, or the
    /// meetup is cancelled or has started.
    async fn sign_up(&self, meetup: MeetupId, person: PersonId, now: i64) -> DbResult<SignupStatus>;
    /// Cancels a sign-up. A freed place goes to the first in line, who is
    /// notified (`moved_up`: the notification's kind and link) in the same
    /// transaction; returns who moved up. `Conflict` when not signed up.
    async fn cancel_signup(&self, meetup: MeetupId, person: PersonId, moved_up: Notice, now: i64) -> DbResult<Option<PersonId>>;
    /// Who is going (first) and who waits, each in the order they signed up.
    async fn signups(&self, meetup: MeetupId) -> DbResult<Vec<(PersonId, SignupStatus)>>;
    /// Creates a group with `host` as its host, in one transaction. The
    /// idempotency key makes a repeated submit return the first group.
    async fn create_hosted_group(&self, g: &NewGroup, host: PersonId, key: &str, now: i64) -> DbResult<SubmitOutcome<GroupId>>;
    /// Changes a group's name, description, topic, area and usual place.
    async fn update_group(&self, id: GroupId, g: &NewGroup) -> DbResult<()>;
    async fn is_host(&self, group: GroupId, person: PersonId) -> DbResult<bool>;
    /// Groups (not archived) the person hosts, by name.
    async fn hosted_groups(&self, person: PersonId) -> DbResult<Vec<Group>>;
    /// Groups (not archived) the person is a member of, by name.
    async fn member_groups(&self, person: PersonId) -> DbResult<Vec<Group>>;
    /// The person's places and places in line for meetups starting from
    /// `from` on, soonest first; cancelled meetups too (they see that).
    async fn my_meetups(&self, person: PersonId, from: i64) -> DbResult<Vec<(Meetup, SignupStatus)>>;
    /// A host posts a meetup; the key makes a repeated submit return the first.
    async fn post_meetup(&self, m: &NewMeetup, host: PersonId, key: &str, now: i64) -> DbResult<SubmitOutcome<MeetupId>>;
    /// Changes a meetup (`m.group` is ignored), in one transaction: added
    /// places go to the first in line (notified `moved_up`); when the time,
    /// duration, place, address or text changed, everyone going or waiting
    /// is notified (`changed`). `Conflict` when it is cancelled, or the
    /// capacity would be below the number already going.
    async fn update_meetup(&self, id: MeetupId, m: &NewMeetup, notices: &MeetupNotices, now: i64) -> DbResult<()>;
    /// Cancels a meetup and notifies everyone going or waiting, in one
    /// transaction; `Conflict` when it is already cancelled.
    async fn cancel_meetup(&self, id: MeetupId, notice: Notice, now: i64) -> DbResult<()>;
    /// The chosen display names of who is going (first) and who waits, in
    /// order; `None` for someone who has not chosen one. Never anything else
    /// about them: this is what a host sees.
    async fn attendees(&self, meetup: MeetupId) -> DbResult<Vec<(Option<String>, SignupStatus)>>;
    /// A host's message to everyone going or waiting, each notified, in one
    /// transaction; the key makes a repeated submit return the first.
    async fn announce(
        &self,
        meetup: MeetupId,
        sender: PersonId,
        body: &LongText,
        notice: Notice,
        key: &str,
        now: i64,
    ) -> DbResult<SubmitOutcome<AnnouncementId>>;
    /// A meetup's announcements, newest first.
    async fn announcements(&self, meetup: MeetupId) -> DbResult<Vec<Announcement>>;
}

macro_rules! sql {
    ($store:ty, $row:ty) => {
        impl $store {
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
                Ok(sqlx::query_as(&sql).bind(person.0).fetch_all(&self.pool).await?)
            }
        }

        #[async_trait]
        impl NetworkStore for $store {
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
                Ok(sqlx::query_as("SELECT * FROM network_group WHERE archived_at IS NULL ORDER BY name, id").fetch_all(&self.pool).await?)
            }
            async fn group(&self, id: GroupId) -> DbResult<Group> {
                Ok(sqlx::query_as("SELECT * FROM network_group WHERE id = $1 AND archived_at IS NULL").bind(id.0).fetch_one(&self.pool).await?)
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
            async fn meetup(&self, id: MeetupId) -> DbResult<Meetup> {
                Ok(sqlx::query_as("SELECT * FROM meetup WHERE id = $1").bind(id.0).fetch_one(&self.pool).await?)
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
            async fn group_meetups(&self, group: GroupId, from: i64) -> DbResult<Vec<Meetup>> {
                Ok(sqlx::query_as("SELECT * FROM meetup WHERE group_id = $1 AND starts_at >= $2 AND cancelled_at IS NULL ORDER BY starts_at, id")
                    .bind(group.0)
                    .bind(from)
                    .fetch_all(&self.pool)
                    .await?)
            }
            async fn create_meetup(&self, m: &NewMeetup, now: i64) -> DbResult<MeetupId> {
                Ok(MeetupId(meetup_values!(sqlx::query_scalar(INSERT_MEETUP), m).bind(now).fetch_one(&self.pool).await?))
            }
            async fn groups_page(&self, chosen: Chosen<'_>, after: Option<GroupId>, limit: i64) -> DbResult<Vec<Group>> {
                Ok(sqlx::query_as(
                    "SELECT * FROM network_group WHERE archived_at IS NULL \
                       AND ($1 IS NULL OR area = $1) AND ($2 IS NULL OR topic = $2) \
                       AND (name, id) > (COALESCE((SELECT name FROM network_group WHERE id = $3), ''), $3) \
                     ORDER BY name, id LIMIT $4",
                )
                .bind(chosen.area)
                .bind(chosen.topic)
                .bind(after.map_or(0, |g| g.0))
                .bind(limit)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn group_choices(&self) -> DbResult<(Vec<String>, Vec<String>)> {
                let areas = sqlx::query_scalar("SELECT DISTINCT area FROM network_group WHERE archived_at IS NULL ORDER BY area")
                    .fetch_all(&self.pool)
                    .await?;
                let topics = sqlx::query_scalar("SELECT DISTINCT topic FROM network_group WHERE archived_at IS NULL ORDER BY topic")
                    .fetch_all(&self.pool)
                    .await?;
                Ok((areas, topics))
            }
            async fn upcoming_meetups(&self, chosen: Chosen<'_>, from: i64, after: Option<Before>, limit: i64) -> DbResult<Vec<Meetup>> {
                let (at, id) = Before::after(after);
                Ok(sqlx::query_as(
                    "SELECT meetup.* FROM meetup JOIN network_group g ON g.id = meetup.group_id \
                     WHERE meetup.starts_at >= $1 AND meetup.cancelled_at IS NULL AND g.archived_at IS NULL \
                       AND ($2 IS NULL OR g.area = $2) AND ($3 IS NULL OR g.topic = $3) \
                       AND (meetup.starts_at > $4 OR (meetup.starts_at = $4 AND meetup.id > $5)) \
                     ORDER BY meetup.starts_at, meetup.id LIMIT $6",
                )
                .bind(from)
                .bind(chosen.area)
                .bind(chosen.topic)
                .bind(at)
                .bind(id)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?)
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
                    return Err(DbError::conflict("cancelled or started"));
                }
                let before: Option<String> = sqlx::query_scalar("SELECT status FROM meetup_signup WHERE meetup_id = $1 AND person_id = $2")
                    .bind(meetup.0)
                    .bind(person.0)
                    .fetch_optional(&mut *tx)
                    .await?;
                if matches!(before.as_deref(), Some("going" | "waiting")) {
                    return Err(DbError::conflict("already signed up"));
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
                if got_place {
                    remind_in!(tx, Reminder::Meetup, meetup.0, now);
                }
                tx.commit().await?;
                Ok(if got_place { SignupStatus::Going } else { SignupStatus::Waiting })
            }
            async fn cancel_signup(&self, meetup: MeetupId, person: PersonId, moved_up: Notice, now: i64) -> DbResult<Option<PersonId>> {
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
                    return Err(DbError::conflict("not signed up"));
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
                        Some(next) => {
                            promoted = Some(PersonId(*next));
                            remind_in!(tx, Reminder::Meetup, meetup.0, now);
                        }
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
                within_hourly_limit!(tx, host, PerHour::Groups, now);
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
                        Ok((Meetup::from_row(r)?, status))
                    })
                    .collect()
            }
            async fn post_meetup(&self, m: &NewMeetup, host: PersonId, key: &str, now: i64) -> DbResult<SubmitOutcome<MeetupId>> {
                let mut tx = self.begin_write().await?;
                claim_key!(tx, host, key, "meetup", MeetupId, now);
                within_hourly_limit!(tx, host, PerHour::Meetups, now);
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
                let old = Meetup::from_row(&row)?;
                if old.cancelled_at.is_some() {
                    return Err(DbError::conflict("cancelled"));
                }
                if m.capacity < old.going {
                    return Err(DbError::conflict("capacity below going"));
                }
                let changed = old.starts_at != m.starts_at
                    || old.duration_minutes != m.duration_minutes
                    || old.place != m.place.as_str()
                    || old.address != m.address.as_str()
                    || old.description != m.description;
                let told = if changed { signed_up_in!(tx, id) } else { Vec::new() };
                sqlx::query(
                    "UPDATE meetup SET starts_at = $1, duration_minutes = $2, place = $3, address = $4, capacity = $5, description = $6, \
                     updated_at = $7, sequence = sequence + $9 WHERE id = $8",
                )
                .bind(m.starts_at)
                .bind(m.duration_minutes)
                .bind(m.place.as_str())
                .bind(m.address.as_str())
                .bind(m.capacity)
                .bind(&m.description)
                .bind(now)
                .bind(id.0)
                .bind(i64::from(changed))
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
                for person in told {
                    notify_in!(tx, person, notices.changed, now);
                }
                // The reminders follow a new time; those who got a place get theirs.
                if old.starts_at != m.starts_at {
                    remind_in!(tx, Reminder::Meetup, id.0, now, moved_to: m.starts_at);
                } else if !moved.is_empty() {
                    remind_in!(tx, Reminder::Meetup, id.0, now);
                }
                tx.commit().await?;
                Ok(())
            }
            async fn cancel_meetup(&self, id: MeetupId, notice: Notice, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let was: Option<i64> = sqlx::query_scalar("UPDATE meetup SET updated_at = updated_at WHERE id = $1 RETURNING cancelled_at")
                    .bind(id.0)
                    .fetch_one(&mut *tx)
                    .await?;
                if was.is_some() {
                    return Err(DbError::conflict("cancelled"));
                }
                sqlx::query("UPDATE meetup SET cancelled_at = $1, updated_at = $1, sequence = sequence + 1 WHERE id = $2").bind(now).bind(id.0).execute(&mut *tx).await?;
                for person in signed_up_in!(tx, id) {
                    notify_in!(tx, person, notice, now);
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
                notice: Notice,
                key: &str,
                now: i64,
            ) -> DbResult<SubmitOutcome<AnnouncementId>> {
                let mut tx = self.begin_write().await?;
                claim_key!(tx, sender, key, "announcement", AnnouncementId, now);
                within_hourly_limit!(tx, sender, PerHour::Announcements, now);
                let id: i64 = sqlx::query_scalar("INSERT INTO announcement (meetup_id, sender_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
                    .bind(meetup.0)
                    .bind(sender.0)
                    .bind(body.as_str())
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?;
                for person in signed_up_in!(tx, meetup) {
                    notify_in!(tx, person, notice, now);
                }
                key_result!(tx, sender, key, id);
                tx.commit().await?;
                Ok(SubmitOutcome::Created(AnnouncementId(id)))
            }
            async fn announcements(&self, meetup: MeetupId) -> DbResult<Vec<Announcement>> {
                Ok(sqlx::query_as("SELECT id, body, created_at FROM announcement WHERE meetup_id = $1 ORDER BY created_at DESC, id DESC")
                    .bind(meetup.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
