//! "Hvem har set mine oplysninger": the citizen's own access log.

use crate::features::access_log::views::AccessView;
use crate::i18n::Lang;
use crate::kernel::time::date_time;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{DbResult, Store};

/// Every time staff opened the signed-in citizen's data, newest first
/// (`None` for someone who is not a citizen). Only one's own log.
pub async fn my_access_log(store: &dyn Store, user: &CurrentUser, lang: Lang) -> DbResult<Option<Vec<AccessView>>> {
    let Ok(me) = crate::ssr::access::citizen_self(user) else {
        return Ok(None);
    };
    let mut entries = store.access_log(me.citizen).await?;
    entries.sort_by_key(|e| std::cmp::Reverse(e.at));
    Ok(Some(entries.into_iter().map(|e| AccessView { when: date_time(e.at, lang), role: e.staff_role, purpose: e.purpose }).collect()))
}
