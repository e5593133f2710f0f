//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller.

use leptos::prelude::*;

use crate::features::decisions::views::DecisionItem;

/// Every decision about the signed-in citizen, newest first (`None`: not a
/// signed-in citizen). Only one's own: the citizen is never a parameter.
#[server(prefix = "/api", endpoint = "my_decisions")]
pub async fn my_decisions() -> Result<Option<Vec<DecisionItem>>, ServerFnError> {
    let cx = crate::ssr::ctx::Ctx::get()?;
    let Some(user) = cx.maybe_user() else { return Ok(None) };
    crate::features::decisions::service::my_decisions(cx.store(), user, cx.now, cx.lang)
        .await
        .map_err(|e| crate::ssr::internal_error("list a citizen's decisions", e))
}
