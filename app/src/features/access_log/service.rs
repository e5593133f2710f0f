//! "Hvem har set mine oplysninger": the citizen's own access log.

use crate::features::access_log::views::AccessView;
use crate::i18n::Lang;
use crate::kernel::paging::{Before, Paged, PAGE_SIZE};
use crate::kernel::time::date_time;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{DbResult, Store};

/// The times staff opened the signed-in citizen's data, newest first, a
/// page at a time from `before` (`None` for someone who is not a citizen).
/// Only one's own log.
pub async fn my_access_log(
    store: &dyn Store,
    user: &CurrentUser,
    before: Option<Before>,
    now: i64,
    lang: Lang,
) -> DbResult<Option<Paged<AccessView>>> {
    let Ok(me) = crate::ssr::access::citizen_for(user, crate::ssr::access::Scope::See) else {
        return Ok(None);
    };
    me.log_read(store, crate::ssr::access::Purpose::AccessLogSeen, now).await?;
    let rows = store.access_log_page(me.citizen, before, PAGE_SIZE as i64 + 1).await?;
    // Who, by name (the staff member's full name, as the citizen knows them).
    let mut names = crate::ssr::service::Names::full(store);
    let mut who = std::collections::HashMap::new();
    for e in &rows {
        if let std::collections::hash_map::Entry::Vacant(slot) = who.entry(e.staff_id) {
            slot.insert(names.of(e.staff_id).await?);
        }
    }
    let view = |e: crate::ssr::db::AccessLogEntry| AccessView {
        when: date_time(e.at, lang),
        who: who.get(&e.staff_id).cloned().unwrap_or_default(),
        role: e.staff_role,
        capacity: e.capacity.as_deref().and_then(crate::features::access_log::capacity::Capacity::parse),
        purpose: e.purpose,
    };
    Ok(Some(Paged::of(rows, |e| (e.at, e.id), view, crate::routes::ACCESS_LOG, before.is_some())))
}
