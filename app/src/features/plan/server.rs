//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

use crate::features::plan::views::PlanView;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the plan page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanPage {
    NotSignedIn,
    /// Signed in, but no plan (yet).
    NoPlan,
    /// A helper the citizen did not give the right to see it.
    NotGiven,
    Plan(PlanView),
}

/// The signed-in citizen's own plan, its history from `before` (the page's
/// `?foer=`). Nothing names a person: there is no way to ask for anybody else's.
#[server(prefix = "/api", endpoint = "my_plan")]
pub async fn my_plan(before: Option<String>) -> Result<PlanPage, ServerFnError> {
    let cx = Ctx::get()?;
    let Some(user) = cx.maybe_user() else {
        return Ok(PlanPage::NotSignedIn);
    };
    if crate::ssr::access::not_given(user, crate::ssr::access::Scope::See) {
        return Ok(PlanPage::NotGiven);
    }
    let lang = cx.lang;
    let before = before.as_deref().and_then(crate::kernel::paging::Before::parse);
    match crate::features::plan::service::my_plan(cx.store(), user, before, cx.now, lang).await {
        Ok(Some(plan)) => Ok(PlanPage::Plan(plan)),
        Ok(None) => Ok(PlanPage::NoPlan),
        Err(e) => Err(crate::ssr::internal_error("read the plan", e)),
    }
}
