//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

use crate::features::access_log::views::AccessView;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use leptos::prelude::*;

/// The signed-in citizen's own access log (`None`: not a signed-in citizen).
#[server(prefix = "/api", endpoint = "my_access_log")]
pub async fn my_access_log() -> Result<Option<Vec<AccessView>>, ServerFnError> {
    let cx = Ctx::get()?;
    let Some(user) = cx.maybe_user() else {
        return Ok(None);
    };
    crate::features::access_log::service::my_access_log(cx.store(), user, cx.lang)
        .await
        .map_err(|e| crate::ssr::internal_error("read the access log", e))
}
