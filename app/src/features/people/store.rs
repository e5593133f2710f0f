//! The admin's changes to people — a new caseworker, roles, contact data,
//! outreach hours, a login — each with its admin audit line in the same
//! transaction. The audit line names what changed, never a phone number or
//! an e-mail address.

use async_trait::async_trait;

use crate::features::admin::store::{audit_in, NewAudit};
use crate::kernel::ids::*;
use crate::kernel::plan::Role;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// Outreach hours to add, with the audit line's words for them.
#[derive(Clone, Copy, Debug)]
pub struct NewHours<'a> {
    pub hours: &'a OutreachHours,
    /// "tirsdag kl. 10.00–12.00, Biblioteket".
    pub label: &'a str,
    pub by: Option<PersonId>,
    pub key: Option<&'a str>,
}

/// Outreach hours with their id (to remove them).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct HoursRow {
    pub id: i64,
    pub weekday: i64,
    pub from_minute: i64,
    pub to_minute: i64,
    pub place: String,
    pub address: String,
}

#[async_trait]
pub trait StaffStore: Send + Sync {
    /// A new person with the caseworker role and their contact data. `key`:
    /// the form's idempotency key (a double tap creates one).
    async fn create_caseworker(
        &self,
        name: &str,
        profile: &StaffProfile,
        by: Option<PersonId>,
        key: Option<&str>,
        now: i64,
    ) -> DbResult<SubmitOutcome<PersonId>>;
    /// Grants (`on`) or revokes `role`; `false` when it was so already (no
    /// audit line then). Revoking the caseworker role from someone who is
    /// still a citizen's caseworker or stand-in is refused
    /// (`Rule::Named("has citizens")`): hand them over first.
    async fn set_role(&self, person: PersonId, role: Role, on: bool, by: Option<PersonId>, now: i64) -> DbResult<bool>;
    /// Replaces the contact data; the audit line names the fields that changed.
    async fn save_profile(&self, person: PersonId, profile: &StaffProfile, by: Option<PersonId>, now: i64) -> DbResult<()>;
    /// Adds weekly outreach hours, refused (`Rule::Named("overlap")`) when
    /// they overlap hours the person has on that weekday (checked in the
    /// transaction, so two at once cannot both pass).
    /// `key`: the form's idempotency key (a double tap adds them once).
    async fn add_hours(&self, person: PersonId, new: &NewHours<'_>, now: i64) -> DbResult<SubmitOutcome<i64>>;
    /// Removes one of the person's outreach hours (`NotFound`: not theirs).
    async fn remove_hours(&self, person: PersonId, id: i64, label: &str, by: Option<PersonId>, now: i64) -> DbResult<()>;
    /// The person's outreach hours, by weekday and time.
    async fn hours_of(&self, person: PersonId) -> DbResult<Vec<HoursRow>>;
    /// Links (`Some`) or unlinks the person's login; a subject that belongs
    /// to someone else is refused (`Rule::AlreadyExists`).
    async fn set_login(&self, person: PersonId, subject: Option<&str>, by: Option<PersonId>, now: i64) -> DbResult<()>;
}

/// Writes (or replaces) a staff member's contact data, on `$executor`
/// (a transaction, or the pool): the one statement for the admin pages, the
/// command line and the demo data.
macro_rules! write_profile {
    ($executor:expr, $person:expr, $profile:expr) => {{
        let p: &StaffProfile = $profile;
        sqlx::query(
            "INSERT INTO staff_profile (person_id, job_title, phone, email, reach_hours, office) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (person_id) DO UPDATE SET job_title = excluded.job_title, phone = excluded.phone, \
             email = excluded.email, reach_hours = excluded.reach_hours, office = excluded.office",
        )
        .bind($person.0)
        .bind(&p.job_title)
        .bind(&p.phone)
        .bind(&p.email)
        .bind(&p.reach_hours)
        .bind(&p.office)
        .execute($executor)
        .await?
    }};
}
pub(crate) use write_profile;

fn role_words(roles: &[String]) -> String {
    roles.join(", ")
}

macro_rules! sql {
    ($store:ty) => {
        #[async_trait]
        impl StaffStore for $store {
            async fn create_caseworker(
                &self,
                name: &str,
                p: &StaffProfile,
                by: Option<PersonId>,
                key: Option<&str>,
                now: i64,
            ) -> DbResult<SubmitOutcome<PersonId>> {
                let mut tx = self.begin_write().await?;
                if let (Some(by), Some(key)) = (by, key) {
                    claim_key!(tx, by, key, "caseworker", PersonId, now);
                }
                let id: i64 = sqlx::query_scalar("INSERT INTO person (full_name, created_at) VALUES ($1, $2) RETURNING id")
                    .bind(name)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?;
                sqlx::query("INSERT INTO role_grant (person_id, role, granted_at) VALUES ($1, 'caseworker', $2)")
                    .bind(id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                let person = PersonId(id);
                write_profile!(&mut *tx, person, p);
                audit_in!(tx, &NewAudit { actor: by, action: "caseworker_created", person: Some(person), before: "", after: name }, now);
                if let (Some(by), Some(key)) = (by, key) {
                    key_result!(tx, by, key, id);
                }
                tx.commit().await?;
                Ok(SubmitOutcome::Created(person))
            }
            async fn set_role(&self, person: PersonId, role: Role, on: bool, by: Option<PersonId>, now: i64) -> DbResult<bool> {
                let mut tx = self.begin_write().await?;
                let before: Vec<String> =
                    sqlx::query_scalar("SELECT role FROM role_grant WHERE person_id = $1 ORDER BY role").bind(person.0).fetch_all(&mut *tx).await?;
                if before.iter().any(|r| r == role.as_str()) == on {
                    return Ok(false);
                }
                if on {
                    sqlx::query("INSERT INTO role_grant (person_id, role, granted_at) VALUES ($1, $2, $3)")
                        .bind(person.0)
                        .bind(role.as_str())
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                } else {
                    if role == Role::Caseworker {
                        let citizens: i64 =
                            sqlx::query_scalar("SELECT COUNT(*) FROM caseworker_assignment WHERE staff_id = $1 AND (to_at IS NULL OR to_at > $2)")
                                .bind(person.0)
                                .bind(now)
                                .fetch_one(&mut *tx)
                                .await?;
                        if citizens > 0 {
                            return Err(DbError::conflict("has citizens"));
                        }
                    }
                    sqlx::query("DELETE FROM role_grant WHERE person_id = $1 AND role = $2")
                        .bind(person.0)
                        .bind(role.as_str())
                        .execute(&mut *tx)
                        .await?;
                }
                let after: Vec<String> =
                    sqlx::query_scalar("SELECT role FROM role_grant WHERE person_id = $1 ORDER BY role").bind(person.0).fetch_all(&mut *tx).await?;
                let (before, after) = (role_words(&before), role_words(&after));
                let action = if on { "role_granted" } else { "role_revoked" };
                audit_in!(tx, &NewAudit { actor: by, action, person: Some(person), before: &before, after: &after }, now);
                tx.commit().await?;
                Ok(true)
            }
            async fn save_profile(&self, person: PersonId, p: &StaffProfile, by: Option<PersonId>, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let old: Option<StaffProfile> = sqlx::query_as("SELECT job_title, phone, email, reach_hours, office FROM staff_profile WHERE person_id = $1")
                    .bind(person.0)
                    .fetch_optional(&mut *tx)
                    .await?;
                let old = old.unwrap_or_default();
                let changed: Vec<&str> = [
                    ("job_title", old.job_title != p.job_title),
                    ("phone", old.phone != p.phone),
                    ("email", old.email != p.email),
                    ("reach_hours", old.reach_hours != p.reach_hours),
                    ("office", old.office != p.office),
                ]
                .into_iter()
                .filter_map(|(name, differs)| differs.then_some(name))
                .collect();
                if changed.is_empty() {
                    return Ok(());
                }
                write_profile!(&mut *tx, person, p);
                let after = changed.join(", ");
                audit_in!(tx, &NewAudit { actor: by, action: "profile_changed", person: Some(person), before: "", after: &after }, now);
                tx.commit().await?;
                Ok(())
            }
            async fn add_hours(&self, person: PersonId, new: &NewHours<'_>, now: i64) -> DbResult<SubmitOutcome<i64>> {
                let NewHours { hours: h, label, by, key } = *new;
                let mut tx = self.begin_write().await?;
                if let (Some(by), Some(key)) = (by, key) {
                    claim_key!(tx, by, key, "outreach_hours", same, now);
                }
                // PostgreSQL: the person's row locked, so two additions at once are checked one after the other.
                sqlx::query(LOCK_PERSON).bind(person.0).execute(&mut *tx).await?;
                let overlapping: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM outreach_hours WHERE staff_id = $1 AND weekday = $2 AND from_minute < $3 AND $4 < to_minute",
                )
                .bind(person.0)
                .bind(h.weekday)
                .bind(h.to_minute)
                .bind(h.from_minute)
                .fetch_one(&mut *tx)
                .await?;
                if overlapping > 0 {
                    return Err(DbError::conflict("overlap"));
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO outreach_hours (staff_id, weekday, from_minute, to_minute, place, address) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(person.0)
                .bind(h.weekday)
                .bind(h.from_minute)
                .bind(h.to_minute)
                .bind(&h.place)
                .bind(&h.address)
                .fetch_one(&mut *tx)
                .await?;
                audit_in!(tx, &NewAudit { actor: by, action: "hours_added", person: Some(person), before: "", after: label }, now);
                if let (Some(by), Some(key)) = (by, key) {
                    key_result!(tx, by, key, id);
                }
                tx.commit().await?;
                Ok(SubmitOutcome::Created(id))
            }
            async fn remove_hours(&self, person: PersonId, id: i64, label: &str, by: Option<PersonId>, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let gone = sqlx::query("DELETE FROM outreach_hours WHERE id = $1 AND staff_id = $2").bind(id).bind(person.0).execute(&mut *tx).await?;
                if gone.rows_affected() != 1 {
                    return Err(DbError::NotFound);
                }
                audit_in!(tx, &NewAudit { actor: by, action: "hours_removed", person: Some(person), before: label, after: "" }, now);
                tx.commit().await?;
                Ok(())
            }
            async fn hours_of(&self, person: PersonId) -> DbResult<Vec<HoursRow>> {
                Ok(sqlx::query_as(
                    "SELECT id, weekday, from_minute, to_minute, place, address FROM outreach_hours WHERE staff_id = $1 \
                     ORDER BY weekday, from_minute, id",
                )
                .bind(person.0)
                .fetch_all(&self.pool)
                .await?)
            }
            async fn set_login(&self, person: PersonId, subject: Option<&str>, by: Option<PersonId>, now: i64) -> DbResult<()> {
                let mut tx = self.begin_write().await?;
                let old: Option<String> =
                    sqlx::query_scalar("SELECT subject FROM person WHERE id = $1").bind(person.0).fetch_one(&mut *tx).await?;
                if old.as_deref() == subject {
                    return Ok(());
                }
                sqlx::query("UPDATE person SET subject = $1 WHERE id = $2").bind(subject).bind(person.0).execute(&mut *tx).await?;
                // Which issuer, not the subject itself.
                let kind = |s: Option<&str>| match s {
                    None => "",
                    Some(s) if s.starts_with("staff:") => "staff login",
                    Some(_) => "login",
                };
                let (before, after) = (kind(old.as_deref()), kind(subject));
                let action = if subject.is_some() { "login_linked" } else { "login_unlinked" };
                audit_in!(tx, &NewAudit { actor: by, action, person: Some(person), before, after }, now);
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

sql!(SqliteStore);
sql!(PgStore);
