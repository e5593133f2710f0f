//! What pages show, as it crosses from the server to the page: plain data,
//! times already written out in the reader's language and Copenhagen time.

use serde::{Deserialize, Serialize};

use super::plan::{ActivityStatus, Department, GoalStatus};

/// Who made a change, as the citizen reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Who {
    /// The citizen themself ("dig").
    You,
    /// A member of staff, by name.
    Staff(String),
    /// The system ("systemet").
    System,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalView {
    pub title: String,
    pub why: Option<String>,
    pub first_step: Option<String>,
    pub status: GoalStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityView {
    pub department: Department,
    pub title: String,
    pub responsible: String,
    pub status: ActivityStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointmentView {
    pub when: String,
    pub duration_minutes: i64,
    pub place: String,
    pub address: String,
    /// Met outside the office (a café, a library…).
    pub outreach: bool,
    pub note: Option<String>,
}

/// One line of the plan's history: what happened, who did it, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryItem {
    pub when: String,
    pub who: Who,
    /// The event's kind (`goal_added`, …), named on the page.
    pub kind: String,
    /// What it concerned (a goal's title, a place), as it was written.
    pub about: String,
}

/// The citizen's plan as the citizen sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanView {
    pub goals: Vec<GoalView>,
    pub activities: Vec<ActivityView>,
    /// Upcoming appointments, soonest first.
    pub appointments: Vec<AppointmentView>,
    /// Newest first.
    pub history: Vec<HistoryItem>,
}
