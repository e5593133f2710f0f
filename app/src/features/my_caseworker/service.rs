//! The citizen's caseworker: who they are, how to reach them, where to meet
//! them, and who stands in. A citizen sees only their own caseworker.

use crate::features::my_caseworker::views::initials;
use crate::features::my_caseworker::views::CaseworkerView;
use crate::features::my_caseworker::views::MyCaseworkerView;
use crate::features::my_caseworker::views::OutreachView;
use crate::i18n::Lang;
use crate::kernel::ids::PersonId;
use crate::kernel::time::weekly;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{AssignmentKind, DbResult, Store};

const YEAR_MS: i64 = 365 * 86_400_000;

/// The signed-in citizen's caseworker page (`None` for someone who is not a citizen).
pub async fn my_caseworker(store: &dyn Store, user: &CurrentUser, now: i64, lang: Lang) -> DbResult<Option<MyCaseworkerView>> {
    let Ok(acting) = crate::ssr::access::citizen_for(user, crate::ssr::access::Scope::See) else {
        return Ok(None);
    };
    acting.log_read(store, crate::ssr::access::Purpose::CaseworkerSeen, now).await?;
    let me = acting.citizen;
    let primary = match store.current_caseworker(me, AssignmentKind::Primary, now).await? {
        Some(id) => Some(card(store, id, lang).await?),
        None => None,
    };
    let (covering, cover) = crate::features::cover::service::for_citizen(store, me, now, lang).await?;
    let standin = match covering {
        Some(id) => Some(card(store, id, lang).await?),
        None => None,
    };
    let count_last_year = store.caseworker_count_since(me, now - YEAR_MS).await?;
    let changed = crate::features::handover::service::told(store, me, now, lang).await?;
    Ok(Some(MyCaseworkerView { primary, standin, cover, count_last_year, changed }))
}

async fn card(store: &dyn Store, id: PersonId, lang: Lang) -> DbResult<CaseworkerView> {
    let name = store.person(id).await?.shown_name();
    let profile = store.staff_profile(id).await?;
    let mut hours = store.outreach_hours(id).await?;
    hours.sort_by_key(|h| (h.weekday, h.from_minute));
    let outreach = hours
        .into_iter()
        .map(|h| OutreachView { when: weekly(h.weekday, h.from_minute, h.to_minute, lang), place: h.place, address: h.address })
        .collect();
    let (job_title, phone, email, reach_hours, office) = match profile {
        Some(p) => (p.job_title, p.phone, p.email, p.reach_hours, p.office),
        None => Default::default(),
    };
    Ok(CaseworkerView { initials: initials(&name), name, job_title, phone, email, reach_hours, office, outreach })
}
