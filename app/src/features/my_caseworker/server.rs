//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

use crate::features::my_caseworker::views::MyCaseworkerView;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use leptos::prelude::*;

/// The signed-in citizen's own caseworker page (`None`: not signed in, or
/// not a citizen). No arguments: nobody else's can be asked for.
#[server(prefix = "/api", endpoint = "my_caseworker")]
pub async fn my_caseworker() -> Result<Option<MyCaseworkerView>, ServerFnError> {
    let cx = Ctx::get()?;
    let Some(user) = cx.maybe_user() else {
        return Ok(None);
    };
    let lang = cx.lang;
    crate::features::my_caseworker::service::my_caseworker(cx.store(), user, cx.now, lang)
        .await
        .map_err(|e| crate::ssr::internal_error("read the caseworker", e))
}
