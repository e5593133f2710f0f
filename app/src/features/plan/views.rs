//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

use crate::features::decisions::views::DecisionView;
use crate::kernel::ids::{ActivityId, AppointmentId, GoalId};
use crate::kernel::plan::{ActivityStatus, Department, GoalStatus};

/// Who made a change, as the citizen reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Who {
    /// The citizen themself ("dig").
    You,
    /// Someone else, by name: a member of staff, or (on the caseworker's
    /// view) the citizen.
    Named(String),
    /// The system ("systemet").
    System,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalView {
    pub id: GoalId,
    pub title: String,
    pub why: Option<String>,
    pub first_step: Option<String>,
    pub status: GoalStatus,
    /// The caseworker's suggested wording, while the citizen decides on it.
    pub suggested_title: Option<String>,
    /// The decisions on this goal, newest first.
    pub decisions: Vec<DecisionView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityView {
    pub id: ActivityId,
    pub department: Department,
    pub title: String,
    pub responsible: String,
    pub status: ActivityStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointmentView {
    pub id: AppointmentId,
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
    /// Newest first, a page of it.
    pub history: Vec<HistoryItem>,
    /// The address of the older history, if there is more.
    pub history_older: Option<String>,
    /// Not the newest page of the history.
    pub history_later: bool,
    /// Notes from meetings, newest first.
    pub notes: Vec<NoteView>,
}

/// A meeting note as the citizen (and their caseworker) reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub when: String,
    pub by: String,
    pub body: String,
}
