//! The admin pages' rules: only admins (`access::admin`); a search that
//! finds citizens is in each found citizen's access log.

use crate::features::admin::views::{AuditView, FoundView};
use crate::i18n::Lang;
use crate::kernel::ids::PersonId;
use crate::kernel::paging::{Before, Paged, PAGE_SIZE};
use crate::kernel::plan::Role;
use crate::kernel::time::date_time;
use crate::ssr::access::{self, Capacity, Purpose};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;
use crate::ssr::service::{ServiceError, ServiceResult};

/// Who asks for an admin action: someone in the browser (who must be an
/// admin), or the command line (`server admin …`: whoever can run it on the
/// server is trusted; its actions are audited as the command line's).
#[derive(Clone, Copy, Debug)]
pub enum Caller<'a> {
    Browser(&'a CurrentUser),
    CommandLine,
}

/// The admin who acts (`None`: the command line); `NotAllowed` for anyone
/// in the browser who is not an admin.
pub fn actor(caller: Caller<'_>) -> ServiceResult<Option<PersonId>> {
    match caller {
        Caller::Browser(user) => access::admin(user).map(Some),
        Caller::CommandLine => Ok(None),
    }
}

/// The most people one search shows.
pub const FOUND_MAX: i64 = 50;

/// People whose name contains `words` (nothing for fewer than two
/// letters); each citizen found gets an entry in their access log.
pub async fn find(store: &dyn Store, user: &CurrentUser, words: &str, now: i64, lang: Lang) -> ServiceResult<Vec<FoundView>> {
    let admin = access::admin(user)?;
    if words.trim().chars().count() < 2 {
        return Ok(Vec::new());
    }
    let found = store.find_people(words, FOUND_MAX).await?;
    let citizens: Vec<(PersonId, Capacity)> =
        found.iter().filter(|p| p.is_citizen && p.id != admin.0).map(|p| (PersonId(p.id), Capacity::Admin)).collect();
    store.log_accesses(&citizens, admin, Role::Admin, Purpose::AdminSearch.as_str(), now).await?;
    let t = lang.texts();
    Ok(found
        .into_iter()
        .map(|p| FoundView {
            kind: if p.is_citizen { t.admin.citizen } else { t.admin.staff }.to_string(),
            caseworker: p.is_citizen.then(|| p.caseworker.as_deref().map_or(t.admin.no_caseworker.to_string(), t.admin.caseworker_is)),
            handover: (p.is_citizen && p.id != admin.0).then(|| crate::routes::admin_handover(p.id)),
            person: crate::routes::admin_person(p.id),
            name: p.full_name,
        })
        .collect())
}

/// The citizen with this CPR number (as stored: "010190-1234"), for an
/// admin: the search is in the citizen's access log with the admin's name.
/// No citizen has it: refused by the field. Staff have no CPR number here.
pub async fn find_by_cpr(store: &dyn Store, user: &CurrentUser, cpr: &str, now: i64) -> ServiceResult<PersonId> {
    let admin = access::admin(user)?;
    let not_found = || {
        let problem = crate::kernel::forms::Problem::CprNotFound;
        ServiceError::Invalid(vec![crate::kernel::forms::FieldError { field: crate::features::admin::forms::CPR.into(), problem }])
    };
    let person = store.person_by_cpr(cpr).await?.filter(|p| p.id != admin).ok_or_else(not_found)?;
    access::admin_for(user, person.id)?.log_read(store, Purpose::AdminCprSearch, now).await?;
    Ok(person.id)
}

/// The admin audit log, newest first, a page at a time from `before`. The
/// citizens named on the page (a handover of theirs) get an entry in their
/// access log, one each.
pub async fn audit_log(
    store: &dyn Store,
    user: &CurrentUser,
    before: Option<Before>,
    now: i64,
    lang: Lang,
) -> ServiceResult<Paged<AuditView>> {
    let admin = access::admin(user)?;
    let rows = store.audit_page(before, PAGE_SIZE as i64 + 1).await?;
    let named: std::collections::BTreeSet<i64> =
        rows.iter().take(PAGE_SIZE).filter(|r| r.person_is_citizen).filter_map(|r| r.person_id).filter(|p| *p != admin.0).collect();
    let named: Vec<(PersonId, Capacity)> = named.into_iter().map(|p| (PersonId(p), Capacity::Admin)).collect();
    store.log_accesses(&named, admin, Role::Admin, Purpose::AdminLog.as_str(), now).await?;
    let t = lang.texts();
    let view = |r: crate::features::admin::store::AuditRow| AuditView {
        when: date_time(r.at, lang),
        who: r.actor_name.unwrap_or_else(|| t.admin.command_line.to_string()),
        what: t.admin_action(&r.action).to_string(),
        about: r.person_name,
        before: r.before,
        after: r.after,
    };
    Ok(Paged::of(rows, |r| (r.at, r.id), view, crate::routes::ADMIN_LOG, before.is_some()))
}
