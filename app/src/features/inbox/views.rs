//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

/// The inbox: complaints waiting for reconsideration (on the first page), then
/// everything else that waits, a page at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    pub complaints: Vec<crate::features::complaints::views::WaitingComplaint>,
    /// Citizens handed to the caseworker and not opened yet ("ny borger").
    pub new_citizens: Vec<crate::features::handover::views::NewCitizenItem>,
    pub page: crate::kernel::paging::Paged<InboxItem>,
}

/// Something waiting for the caseworker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxItem {
    pub kind: InboxKind,
    /// Where the caseworker answers it.
    pub link: String,
    pub citizen: String,
    pub title: String,
    /// How long it has waited, in words ("3 dage").
    pub waited: String,
    /// Waited longer than the municipality's response target.
    pub overdue: bool,
}

/// Kinds of inbox items: goal proposals, spending requests, messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InboxKind {
    Goal,
    Spending,
    Message,
}

impl InboxKind {
    pub const ALL: &'static [InboxKind] = &[InboxKind::Goal, InboxKind::Spending, InboxKind::Message];
    /// The word used in the inbox's filter (`?type=maal`).
    pub fn slug(self) -> &'static str {
        match self {
            InboxKind::Goal => "maal",
            InboxKind::Spending => "budget",
            InboxKind::Message => "beskeder",
        }
    }
    pub fn from_slug(s: &str) -> Option<InboxKind> {
        Self::ALL.iter().copied().find(|k| k.slug() == s)
    }
}

/// One citizen in the caseworker's caseload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseloadItem {
    /// Where the caseworker opens the citizen's plan.
    pub link: String,
    pub citizen: String,
    pub standin: bool,
    pub has_plan: bool,
    pub accepted_goals: i64,
    pub active_activities: i64,
    pub open_items: i64,
    /// Date of the last appointment that took place, if any.
    pub last_contact: Option<String>,
}
