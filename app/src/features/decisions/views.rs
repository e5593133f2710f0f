//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

/// A decision as the citizen reads it: what, who, when, why, and how to appeal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    /// `accepted`, `adjusted`, `declined`, … (named on the page).
    pub outcome: String,
    pub when: String,
    pub by: String,
    pub reasons: Option<String>,
    pub appeal_guidance: String,
    /// When the decision this one corrects was made.
    pub corrects: Option<String>,
}
