//! The data pages' server function: thin, as the feature's others.

use leptos::prelude::*;

use crate::features::my_data::views::Records;

/// Everything recorded about the signed-in person, in plain words (`None`:
/// not signed in). Only one's own: the person is never a parameter.
#[server(prefix = "/api", endpoint = "my_data_records")]
pub async fn my_data_records() -> Result<Option<Records>, ServerFnError> {
    let cx = crate::ssr::ctx::Ctx::get()?;
    let Some(user) = cx.maybe_user() else { return Ok(None) };
    crate::features::my_data::service::records(cx.store(), user, cx.now, cx.lang)
        .await
        .map(Some)
        .map_err(|e| crate::ssr::internal_error("show a person's data", e))
}
