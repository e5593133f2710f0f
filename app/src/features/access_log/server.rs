//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

use crate::features::access_log::views::AccessView;
use crate::kernel::paging::Paged;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use leptos::prelude::*;

/// A page of the signed-in citizen's own access log, from `before` (the
/// page's `?foer=`; `None`: the newest) (`None`: not a signed-in citizen).
#[server(prefix = "/api", endpoint = "my_access_log")]
pub async fn my_access_log(before: Option<String>) -> Result<Option<Paged<AccessView>>, ServerFnError> {
    use crate::kernel::paging::Before;
    let cx = Ctx::get()?;
    let Some(user) = cx.maybe_user() else {
        return Ok(None);
    };
    let before = before.as_deref().and_then(Before::parse);
    crate::features::access_log::service::my_access_log(cx.store(), user, before, cx.now, cx.lang)
        .await
        .map_err(|e| crate::ssr::internal_error("read the access log", e))
}
