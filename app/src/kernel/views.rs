//! What pages show, as it crosses from the server to the page: plain data,
//! times already written out in the reader's language and Copenhagen time.

use serde::{Deserialize, Serialize};

use super::ids::{ActivityId, AppointmentId, GoalId};
use super::plan::{ActivityStatus, Department, GoalStatus};

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

/// Kinds of inbox items: goal proposals and spending requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InboxKind {
    Goal,
    Spending,
}

impl InboxKind {
    pub const ALL: &'static [InboxKind] = &[InboxKind::Goal, InboxKind::Spending];
    /// The word used in the inbox's filter (`?type=maal`).
    pub fn slug(self) -> &'static str {
        match self {
            InboxKind::Goal => "maal",
            InboxKind::Spending => "budget",
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

/// The citizen's personal budget, as figures and as a ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetView {
    /// "50.000,00 kr." and so on.
    pub granted: String,
    pub spent: String,
    pub reserved: String,
    pub available: String,
    /// Shares of the granted amount for the bar, 0–100.
    pub spent_pct: u8,
    pub reserved_pct: u8,
    /// "1. oktober 2026 – 31. december 2027".
    pub period: String,
    pub note: Option<String>,
    /// When it ended (no new requests); `None` while it runs.
    pub ended: Option<String>,
    /// The requests, newest first, with their decisions.
    pub requests: Vec<SpendingView>,
    /// Newest first.
    pub ledger: Vec<LedgerLine>,
}

/// One spending request as the citizen (and their caseworker) read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingView {
    pub id: i64,
    pub purpose: String,
    /// What was asked for.
    pub amount: String,
    /// What was approved, if it was.
    pub approved: Option<String>,
    /// `pending`, `approved`, `declined`, `cancelled`.
    pub status: String,
    pub asked: String,
    /// The goal it is for, if the citizen linked one.
    pub goal: Option<String>,
    pub decisions: Vec<DecisionView>,
}

/// A spending request opened by the caseworker to answer it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingReview {
    pub citizen: String,
    /// Where the caseworker sees the citizen's budget.
    pub budget_link: String,
    pub request: SpendingView,
    /// Still waiting for an answer.
    pub open: bool,
    /// What is left of the budget besides this request.
    pub available: String,
}

/// One movement of money.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerLine {
    pub when: String,
    /// `grant`, `topup`, `reduce`, `reserve`, `release`, `spend`.
    pub kind: String,
    pub amount: String,
    /// The request's purpose, in the citizen's words.
    pub about: Option<String>,
}

/// One notification: what happened (named, never its sensitive content), when, where to look.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub kind: String,
    pub when: String,
    pub link: String,
    pub unread: bool,
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
    /// Newest first.
    pub history: Vec<HistoryItem>,
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

/// A citizen's plan as their caseworker sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenPlanView {
    pub citizen_id: i64,
    pub citizen: String,
    pub plan: PlanView,
}

/// One time staff opened the citizen's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessView {
    pub when: String,
    pub role: super::plan::Role,
    pub purpose: String,
}

/// When and where a caseworker can be met outside the office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutreachView {
    /// "tirsdag kl. 10.00–12.00" / "Tuesday 10:00–12:00".
    pub when: String,
    pub place: String,
    pub address: String,
}

/// A caseworker as the citizen sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseworkerView {
    pub name: String,
    /// For the avatar: "KH" for Karin Holm.
    pub initials: String,
    pub job_title: String,
    pub phone: String,
    pub email: String,
    /// How and when to reach them, in their own words.
    pub reach_hours: String,
    pub office: String,
    pub outreach: Vec<OutreachView>,
}

/// The citizen's caseworker page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCaseworkerView {
    /// `None` while no caseworker is assigned.
    pub primary: Option<CaseworkerView>,
    /// Who helps while the caseworker is away.
    pub standin: Option<CaseworkerView>,
    /// Different caseworkers in the last 12 months (the promise is one).
    pub count_last_year: i64,
}

/// "KH" for "Karin Holm": the first letter of the first and the last name.
pub fn initials(name: &str) -> String {
    let mut words = name.split_whitespace();
    let first = words.next().and_then(|w| w.chars().next());
    let last = words.last().and_then(|w| w.chars().next());
    first.into_iter().chain(last).flat_map(char::to_uppercase).collect()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_the_first_and_the_last_name() {
        assert_eq!(initials("Karin Holm"), "KH");
        assert_eq!(initials("Ulla Marie Østergaard"), "UØ");
        assert_eq!(initials("Cher"), "C");
        assert_eq!(initials("  "), "");
    }
}

/// A network group as anyone may see it: no host's full name, no member list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupView {
    pub id: i64,
    pub link: String,
    pub name: String,
    pub description: String,
    pub topic: String,
    pub area: String,
    pub usual_place: String,
    /// The hosts' display names (a first name or a nickname).
    pub hosts: Vec<String>,
}

/// A meetup as anyone may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetupView {
    pub id: i64,
    pub link: String,
    pub group: String,
    pub group_link: String,
    /// "tirsdag 3. marts 2026 kl. 17.00", Copenhagen time.
    pub when: String,
    /// The same as ISO 8601, for `<time datetime>`.
    pub iso: String,
    /// "1 time og 30 minutter".
    pub duration: String,
    pub place: String,
    pub address: String,
    pub places_left: i64,
    pub capacity: i64,
    pub description: String,
    pub cancelled: bool,
    /// The signed-in person's place: `going`, `waiting` (with their number
    /// in line), or `None`. Only filled in on the meetup's own page.
    pub mine: Option<(String, i64)>,
    /// The signed-in person hosts its group.
    pub hosting: bool,
    /// Who is coming and the hosts' messages: only for those signed up
    /// and the group's hosts, on the meetup's own pages.
    pub inside: Option<MeetupInside>,
}

/// What the people signed up for a meetup, and its hosts, see of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetupInside {
    /// Display names of who is going, in the order they signed up (someone
    /// who chose none is "uden navn").
    pub going: Vec<String>,
    /// Display names of who is waiting, first in line first.
    pub waiting: Vec<String>,
    /// The hosts' messages, newest first.
    pub announcements: Vec<AnnouncementView>,
}

/// A host's message to those signed up for a meetup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncementView {
    pub when: String,
    pub iso: String,
    pub body: String,
}

/// "Mine grupper og møder": the signed-in person's name in the network,
/// their meetups and groups, and the groups they host.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyNetworkView {
    pub display_name: Option<String>,
    /// Upcoming meetups they have a place for or wait for (`mine` filled in).
    pub meetups: Vec<MeetupView>,
    pub groups: Vec<GroupView>,
    /// The groups they host (`None`: they are not a host).
    pub hosted: Option<Vec<GroupView>>,
}

/// The public network page: groups and upcoming meetups, filtered, and the
/// choices of the filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkView {
    pub groups: Vec<GroupView>,
    pub meetups: Vec<MeetupView>,
    pub areas: Vec<String>,
    pub topics: Vec<String>,
}

/// One group with its upcoming meetups.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupPageView {
    pub group: GroupView,
    pub meetups: Vec<MeetupView>,
    /// Whether the signed-in person is in the group (`None`: not signed in).
    pub member: Option<bool>,
    /// The signed-in person hosts it.
    pub hosting: bool,
}
