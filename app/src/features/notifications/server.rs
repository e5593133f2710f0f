//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

use crate::features::notifications::views::NotificationView;
use crate::kernel::paging::Paged;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use leptos::prelude::*;

/// A page of the signed-in person's notifications, newest first, from
/// `before` (the page's `?foer=`) (`None`: not signed in).
#[server(prefix = "/api", endpoint = "my_notifications")]
pub async fn my_notifications(before: Option<String>) -> Result<Option<Paged<NotificationView>>, ServerFnError> {
    use crate::kernel::paging::Before;
    let cx = Ctx::get()?;
    let before = before.as_deref().and_then(Before::parse);
    let Some(user) = cx.maybe_user() else {
        return Ok(None);
    };
    let same_origin = crate::ssr::same_origin_request();
    crate::features::notifications::service::open_mine(cx.store(), user, before, same_origin, cx.now, cx.lang)
        .await
        .map(Some)
        .map_err(|e| crate::ssr::internal_error("read the notifications", e))
}
