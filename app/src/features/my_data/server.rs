//! The overview's server function: thin, as the feature's others.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many records of each kind (the export's section keys).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub sections: Vec<(String, usize)>,
}

/// The signed-in person's records, counted by kind (`None`: not signed in).
#[server(prefix = "/api", endpoint = "my_data_overview")]
pub async fn my_data_overview() -> Result<Option<Overview>, ServerFnError> {
    let cx = crate::ssr::ctx::Ctx::get()?;
    let Some(user) = cx.maybe_user() else { return Ok(None) };
    let export = crate::features::my_data::service::export(cx.store(), user, cx.now)
        .await
        .map_err(|e| crate::ssr::internal_error("export a person's data", e))?;
    let sections = export["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| Some((s["section"].as_str()?.to_string(), s["rows"].as_array()?.len())))
        .collect();
    Ok(Some(Overview { sections }))
}
