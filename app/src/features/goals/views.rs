//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

use crate::features::decisions::views::DecisionView;
use crate::kernel::ids::GoalId;
use crate::kernel::plan::GoalStatus;

/// A proposal as the caseworker sees it when answering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalReview {
    pub id: GoalId,
    pub citizen: String,
    pub title: String,
    pub why: Option<String>,
    pub first_step: Option<String>,
    pub status: GoalStatus,
    pub proposed: String,
    /// Still waiting for the caseworker's answer.
    pub open: bool,
    /// Decided by the caseworker (accepted or declined): can be corrected.
    pub correctable: bool,
    pub decisions: Vec<DecisionView>,
}
