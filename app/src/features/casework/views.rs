//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

use crate::features::plan::views::PlanView;

/// A citizen's plan as their caseworker sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenPlanView {
    pub citizen_id: i64,
    pub citizen: String,
    pub plan: PlanView,
    /// Who helps the citizen now and with what, in words ("Ole Berg,
    /// fuldmægtig: …").
    pub helpers: Vec<String>,
    /// The handover page, for the citizen's caseworker (not a stand-in); they
    /// also choose who stands in (the cover page).
    pub handover: Option<String>,
}
