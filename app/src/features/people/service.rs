//! The admin's rules about people: only admins (or the command line, which
//! is audited as such); an admin never takes their own admin role away; a
//! caseworker with citizens keeps the role until they are handed over;
//! outreach hours end after they start and never overlap on a weekday.

use crate::features::admin::service::{actor, Caller};
use crate::features::people::forms::{fields, CaseworkerInput, HoursInput, LoginInput, ProfileInput};
use crate::features::people::store::{HoursRow, NewHours};
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, Problem};
use crate::kernel::ids::PersonId;
use crate::kernel::plan::Role;
use crate::kernel::time::weekly;
use crate::ssr::access::{Capacity, Purpose};
use crate::ssr::db::{DbError, Person, Rule, StaffProfile, Store};
use crate::ssr::service::{ServiceError, ServiceResult};

/// The roles an admin gives and takes in the browser.
pub const ROLES: [Role; 3] = [Role::Caseworker, Role::Host, Role::Admin];

/// One person as the admin's person page shows them.
pub struct Shown {
    pub person: Person,
    pub roles: Vec<Role>,
    pub profile: Option<StaffProfile>,
    pub hours: Vec<HoursRow>,
}

fn invalid(field: &str, problem: Problem) -> ServiceError {
    ServiceError::Invalid(vec![FieldError { field: field.into(), problem }])
}

fn profile(p: ProfileInput) -> StaffProfile {
    StaffProfile { job_title: p.job_title, phone: p.phone, email: p.email, reach_hours: p.reach_hours, office: p.office }
}

/// "tirsdag kl. 10.00–12.00, Biblioteket" (the audit log's words, and the overlap message's).
pub fn hours_label(weekday: i64, from: i64, to: i64, place: &str, lang: Lang) -> String {
    format!("{}, {place}", weekly(weekday, from, to, lang))
}

/// The admin's page of a person: their roles, contact data, outreach hours.
/// A citizen's is in their access log.
pub async fn person_page(store: &dyn Store, caller: Caller<'_>, person: PersonId, now: i64) -> ServiceResult<Shown> {
    let by = actor(caller)?;
    let p = store.person(person).await?;
    if let (Some(admin), true) = (by, p.cpr.is_some()) {
        store.log_access(person, admin, Role::Admin, Capacity::Admin, Purpose::AdminPerson.as_str(), now).await?;
    }
    Ok(Shown {
        roles: store.roles(person).await?,
        profile: store.staff_profile(person).await?,
        hours: store.hours_of(person).await?,
        person: p,
    })
}

/// `key`: the form's idempotency key (a double tap creates one caseworker).
pub async fn create_caseworker(
    store: &dyn Store,
    caller: Caller<'_>,
    input: &CaseworkerInput,
    key: Option<&str>,
    now: i64,
) -> ServiceResult<PersonId> {
    let by = actor(caller)?;
    Ok(store.create_caseworker(input.name.as_str(), &profile(input.profile.clone()), by, key, now).await?.id())
}

/// Grants or takes away `role`; `false` when it was so already.
pub async fn set_role(store: &dyn Store, caller: Caller<'_>, person: PersonId, role: Role, on: bool, now: i64) -> ServiceResult<bool> {
    let by = actor(caller)?;
    if !ROLES.contains(&role) {
        return Err(ServiceError::NotAllowed);
    }
    // Someone must be able to come back in: an admin keeps their own admin role.
    if role == Role::Admin && !on && by == Some(person) {
        return Err(invalid("role", Problem::OwnAdminRole));
    }
    store.person(person).await?;
    match store.set_role(person, role, on, by, now).await {
        Err(DbError::Conflict(Rule::Named("has citizens"))) => Err(invalid("role", Problem::RoleHasCitizens)),
        other => Ok(other?),
    }
}

pub async fn save_profile(store: &dyn Store, caller: Caller<'_>, person: PersonId, input: ProfileInput, now: i64) -> ServiceResult<()> {
    let by = actor(caller)?;
    staff_only(store, person).await?;
    Ok(store.save_profile(person, &profile(input), by, now).await?)
}

/// Adds weekly outreach hours; overlapping hours are refused with a message
/// naming the hours they overlap.
pub async fn add_hours(
    store: &dyn Store,
    caller: Caller<'_>,
    person: PersonId,
    h: &HoursInput,
    key: Option<&str>,
    now: i64,
    lang: Lang,
) -> ServiceResult<i64> {
    let by = actor(caller)?;
    staff_only(store, person).await?;
    let existing = store.hours_of(person).await?;
    // (A double tap's second submit overlaps its first: the store answers it with the first.)
    if let Some(e) = existing.iter().find(|e| key.is_none() && h.overlaps(e.weekday, e.from_minute, e.to_minute)) {
        return Err(invalid(fields::FROM, Problem::HoursOverlap(hours_label(e.weekday, e.from_minute, e.to_minute, &e.place, lang))));
    }
    let new = crate::ssr::db::OutreachHours {
        weekday: h.weekday,
        from_minute: h.from_minute,
        to_minute: h.to_minute,
        place: h.place.as_str().to_string(),
        address: h.address.as_str().to_string(),
    };
    let label = hours_label(h.weekday, h.from_minute, h.to_minute, h.place.as_str(), Lang::Da);
    match store.add_hours(person, &NewHours { hours: &new, label: &label, by, key }, now).await {
        Err(DbError::Conflict(Rule::Named("overlap"))) => match existing.iter().find(|e| h.overlaps(e.weekday, e.from_minute, e.to_minute))
        {
            Some(e) => {
                Err(invalid(fields::FROM, Problem::HoursOverlap(hours_label(e.weekday, e.from_minute, e.to_minute, &e.place, lang))))
            }
            // Added at the same moment by someone else.
            None => Err(invalid(fields::FROM, Problem::HoursOverlap(String::new()))),
        },
        other => Ok(other?.id()),
    }
}

pub async fn remove_hours(store: &dyn Store, caller: Caller<'_>, person: PersonId, id: i64, now: i64) -> ServiceResult<()> {
    let by = actor(caller)?;
    let hours = store.hours_of(person).await?;
    let h = hours.iter().find(|h| h.id == id).ok_or(ServiceError::NotAllowed)?;
    let label = hours_label(h.weekday, h.from_minute, h.to_minute, &h.place, Lang::Da);
    Ok(store.remove_hours(person, id, &label, by, now).await?)
}

/// Links a staff member's login (`Some`), or unlinks it. Citizens are found
/// by their CPR number at login and need no link.
pub async fn set_login(store: &dyn Store, caller: Caller<'_>, person: PersonId, login: Option<&LoginInput>, now: i64) -> ServiceResult<()> {
    let by = actor(caller)?;
    staff_only(store, person).await?;
    let subject = login.map(LoginInput::stored);
    match store.set_login(person, subject.as_deref(), by, now).await {
        Err(DbError::Conflict(Rule::AlreadyExists)) => Err(invalid(fields::SUBJECT, Problem::LoginTaken)),
        other => Ok(other?),
    }
}

/// Contact data, outreach hours and logins are for staff: not for a citizen.
async fn staff_only(store: &dyn Store, person: PersonId) -> ServiceResult<()> {
    match store.person(person).await?.cpr {
        None => Ok(()),
        Some(_) => Err(ServiceError::NotAllowed),
    }
}
