//! People, their roles, staff profiles and outreach hours.
//!
//! The SQL is written once for both backends: `sql!` is instantiated for
//! SQLite and for PostgreSQL at the bottom.

use async_trait::async_trait;

use crate::kernel::ids::*;
use crate::kernel::plan::Role;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// People, their roles, staff profiles and outreach hours.
#[async_trait]
pub trait PeopleStore: Send + Sync {
    async fn create_person(&self, p: &NewPerson, now: i64) -> DbResult<PersonId>;
    async fn person(&self, id: PersonId) -> DbResult<Person>;
    async fn person_by_subject(&self, subject: &str) -> DbResult<Option<Person>>;
    async fn person_by_cpr(&self, cpr: &str) -> DbResult<Option<Person>>;
    /// Links a login subject to a person who has none yet (first login).
    async fn link_subject(&self, id: PersonId, subject: &str) -> DbResult<()>;
    /// The name the person chose to be shown by in the network groups.
    async fn set_display_name(&self, id: PersonId, name: &str) -> DbResult<()>;
    async fn grant_role(&self, id: PersonId, role: Role, now: i64) -> DbResult<()>;
    async fn revoke_role(&self, id: PersonId, role: Role) -> DbResult<()>;
    async fn roles(&self, id: PersonId) -> DbResult<Vec<Role>>;
    /// The person a request is made by — name, roles, whether a citizen,
    /// unread notifications — read in one query, as every signed-in request
    /// does; `None` if there is no such person.
    async fn signed_in(&self, id: PersonId) -> DbResult<Option<CurrentUser>>;
    async fn people_with_role(&self, role: Role) -> DbResult<Vec<PersonId>>;
    async fn set_staff_profile(&self, id: PersonId, profile: &StaffProfile) -> DbResult<()>;
    async fn staff_profile(&self, id: PersonId) -> DbResult<Option<StaffProfile>>;
    async fn add_outreach_hours(&self, staff: PersonId, hours: &OutreachHours) -> DbResult<()>;
    async fn outreach_hours(&self, staff: PersonId) -> DbResult<Vec<OutreachHours>>;
}

/// The stored role words as roles; a word that is no role is a decoding error.
fn parse_roles<'a>(words: impl Iterator<Item = &'a str>) -> DbResult<Vec<Role>> {
    words.map(|w| Role::parse(w).ok_or_else(|| decode("role_grant.role"))).collect()
}

macro_rules! sql {
    ($store:ty, $row:ty) => {
        #[async_trait]
        impl PeopleStore for $store {
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
                Ok(sqlx::query_as("SELECT * FROM person WHERE id = $1").bind(id.0).fetch_one(&self.pool).await?)
            }
            async fn person_by_subject(&self, subject: &str) -> DbResult<Option<Person>> {
                Ok(sqlx::query_as("SELECT * FROM person WHERE subject = $1").bind(subject).fetch_optional(&self.pool).await?)
            }
            async fn person_by_cpr(&self, cpr: &str) -> DbResult<Option<Person>> {
                Ok(sqlx::query_as("SELECT * FROM person WHERE cpr = $1").bind(cpr).fetch_optional(&self.pool).await?)
            }
            async fn link_subject(&self, id: PersonId, subject: &str) -> DbResult<()> {
                let done = sqlx::query("UPDATE person SET subject = $1 WHERE id = $2 AND subject IS NULL")
                    .bind(subject)
                    .bind(id.0)
                    .execute(&self.pool)
                    .await?;
                if done.rows_affected() == 1 { Ok(()) } else { Err(DbError::conflict("person already linked")) }
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
                parse_roles(words.iter().map(String::as_str))
            }
            async fn signed_in(&self, id: PersonId) -> DbResult<Option<CurrentUser>> {
                // One round trip instead of three: the roles as one text
                // (role names hold no comma) and the unread count as sub-queries.
                let row: Option<(String, Option<String>, bool, Option<String>, i64)> = sqlx::query_as(
                    "SELECT p.full_name, p.display_name, p.cpr IS NOT NULL, \
                     (SELECT string_agg(role, ',') FROM role_grant WHERE person_id = p.id), \
                     (SELECT COUNT(*) FROM notification WHERE person_id = p.id AND read_at IS NULL) \
                     FROM person p WHERE p.id = $1",
                )
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
                let Some((full_name, display_name, is_citizen, roles, unread_notifications)) = row else {
                    return Ok(None);
                };
                let mut roles = parse_roles(roles.as_deref().unwrap_or_default().split(',').filter(|w| !w.is_empty()))?;
                roles.sort_by_key(|r| r.as_str());
                Ok(Some(CurrentUser {
                    person_id: id,
                    name: display_name.unwrap_or(full_name),
                    roles,
                    is_citizen,
                    unread_notifications,
                    acting_for: None,
                }))
            }
            async fn people_with_role(&self, role: Role) -> DbResult<Vec<PersonId>> {
                let ids: Vec<i64> = sqlx::query_scalar("SELECT person_id FROM role_grant WHERE role = $1 ORDER BY person_id")
                    .bind(role.as_str())
                    .fetch_all(&self.pool)
                    .await?;
                Ok(ids.into_iter().map(PersonId).collect())
            }
            async fn set_staff_profile(&self, id: PersonId, p: &StaffProfile) -> DbResult<()> {
                crate::features::people::store::write_profile!(&self.pool, id, p);
                Ok(())
            }
            async fn staff_profile(&self, id: PersonId) -> DbResult<Option<StaffProfile>> {
                Ok(sqlx::query_as("SELECT * FROM staff_profile WHERE person_id = $1").bind(id.0).fetch_optional(&self.pool).await?)
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
                Ok(sqlx::query_as("SELECT * FROM outreach_hours WHERE staff_id = $1 ORDER BY weekday, from_minute")
                    .bind(staff.0)
                    .fetch_all(&self.pool)
                    .await?)
            }
        }
    };
}

sql!(SqliteStore, sqlx::sqlite::SqliteRow);
sql!(PgStore, sqlx::postgres::PgRow);
