//! In-portal notifications: a list per person with an unread count. Any
//! feature notifies through the store's `notify` (or inside its own
//! transaction); a notification names the kind of event and links to it,
//! never its sensitive content.

use crate::features::notifications::views::NotificationView;
use crate::i18n::Lang;
use crate::kernel::paging::{Before, Paged, PAGE_SIZE};
use crate::kernel::time::date_time;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::Store;

use crate::ssr::service::ServiceResult;

/// The signed-in person's notifications, newest first, a page at a time
/// from `before`. Opening the list marks them all read (the view still
/// shows which were new) — only when the page is of our own site or opened
/// directly (`same_origin`), so a link on another site cannot clear the
/// person's badge.
pub async fn open_mine(
    store: &dyn Store,
    user: &CurrentUser,
    before: Option<Before>,
    same_origin: bool,
    now: i64,
    lang: Lang,
) -> ServiceResult<Paged<NotificationView>> {
    let list = store.notifications_page(user.person_id, before, PAGE_SIZE as i64 + 1).await?;
    if same_origin && list.iter().any(|n| n.read_at.is_none()) {
        store.mark_notifications_read(user.person_id, now).await?;
    }
    let view = |n: crate::ssr::db::Notification| NotificationView {
        link: n.link(),
        when: date_time(n.created_at, lang),
        unread: n.read_at.is_none(),
        kind: n.kind,
    };
    Ok(Paged::of(list, |n| (n.created_at, n.id.0), view, crate::routes::NOTIFICATIONS, before.is_some()))
}
