//! Rows going into and coming out of the [`Store`](super::Store).

use super::Actor;
pub use crate::features::notifications::notice::{Notice, NotificationKind};
use crate::kernel::ids::*;
use crate::kernel::plan::{ActivityStatus, ActorKind, Department, GoalStatus, Role};
use crate::kernel::{Amount, GoalTitle, LongText, Reason, ShortText};

#[derive(Clone, Debug)]
pub struct NewPerson {
    pub full_name: ShortText,
    pub cpr: Option<String>,
    pub subject: Option<String>,
    pub display_name: Option<ShortText>,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Person {
    pub id: PersonId,
    pub subject: Option<String>,
    pub cpr: Option<String>,
    pub full_name: String,
    pub display_name: Option<String>,
    pub created_at: i64,
}

impl Person {
    /// The name the portal shows: the chosen display name, else the full name.
    pub fn shown_name(self) -> String {
        self.display_name.unwrap_or(self.full_name)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct StaffProfile {
    pub job_title: String,
    pub phone: String,
    pub email: String,
    pub reach_hours: String,
    pub office: String,
}

/// When and where a caseworker can be met outside the office.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OutreachHours {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: i64,
    pub from_minute: i64,
    pub to_minute: i64,
    pub place: String,
    pub address: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignmentKind {
    Primary,
    Standin,
}

impl AssignmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AssignmentKind::Primary => "primary",
            AssignmentKind::Standin => "standin",
        }
    }
}

#[derive(Clone, Debug)]
pub struct NewGoal {
    pub title: GoalTitle,
    pub why: Option<LongText>,
    pub first_step: Option<LongText>,
    pub status: GoalStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Goal {
    pub id: GoalId,
    pub plan_id: PlanId,
    /// Whose plan the goal is in.
    pub citizen_id: PersonId,
    pub title: String,
    pub why: Option<String>,
    pub first_step: Option<String>,
    pub status: GoalStatus,
    pub suggested_title: Option<String>,
    pub proposed_by: ActorKind,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A change of a goal's status and everything that goes with it, written in
/// one transaction: the goal, its history line, the decision record and the
/// citizen's notification. Applied only while the goal is still `from`, so
/// two people acting at once cannot both succeed.
#[derive(Clone, Debug)]
pub struct GoalChange {
    pub goal: GoalId,
    pub from: GoalStatus,
    pub to: GoalStatus,
    pub actor: Actor,
    /// The history line's kind (`goal_accepted`, …).
    pub history_kind: &'static str,
    /// The caseworker's suggested wording (only with `to == Adjusted`).
    pub suggestion: Option<GoalTitle>,
    /// The suggested wording becomes the goal's title (the citizen accepted it).
    pub take_suggestion: bool,
    /// The staff decision to record, with its outcome word.
    pub decision: Option<(&'static str, NewDecision)>,
    /// A notification for the citizen.
    pub notify_citizen: Option<Notice>,
}

/// A proposal waiting for a caseworker.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenGoal {
    #[sqlx(flatten)]
    pub goal: Goal,
    pub citizen_name: String,
}

/// One citizen of a caseload, as the caseworker's overview shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseloadRow {
    pub citizen_id: PersonId,
    pub name: String,
    /// Whether the caseworker only stands in for this citizen.
    pub standin: bool,
    pub has_plan: bool,
    pub accepted_goals: i64,
    pub active_activities: i64,
    /// Proposals waiting for the caseworker.
    pub open_items: i64,
    /// The latest appointment that has taken place.
    pub last_contact: Option<i64>,
}

/// A note from a meeting, written by staff, readable by the citizen.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct MeetingNote {
    pub staff_id: PersonId,
    pub written_at: i64,
    pub body: String,
}

#[derive(Clone, Debug)]
pub struct NewActivity {
    pub department: Department,
    pub title: ShortText,
    pub responsible: ShortText,
    pub status: ActivityStatus,
}

impl From<crate::features::casework::forms::ActivityInput> for NewActivity {
    fn from(a: crate::features::casework::forms::ActivityInput) -> NewActivity {
        NewActivity { department: a.department, title: a.title, responsible: a.responsible, status: a.status }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Activity {
    pub id: ActivityId,
    pub department: Department,
    pub title: String,
    pub responsible: String,
    pub status: ActivityStatus,
    pub updated_at: i64,
}

#[derive(Clone, Debug)]
pub struct NewAppointment {
    pub starts_at: i64,
    pub duration_minutes: i64,
    pub place: ShortText,
    pub address: ShortText,
    pub outreach: bool,
    pub note: Option<LongText>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appointment {
    pub id: AppointmentId,
    pub starts_at: i64,
    pub duration_minutes: i64,
    pub place: String,
    pub address: String,
    pub outreach: bool,
    pub note: Option<String>,
}

/// One line of the plan's history.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct PlanEvent {
    pub id: i64,
    pub at: i64,
    pub actor_kind: ActorKind,
    pub actor_id: Option<PersonId>,
    pub kind: String,
    pub summary: String,
    /// The helper who did it for the citizen, and as what (`bisidder`, `fuldmaegtig`).
    pub helper_id: Option<PersonId>,
    pub helper_kind: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NewBudget {
    pub citizen: PersonId,
    pub granted_by: PersonId,
    pub amount: Amount,
    pub period_start: i64,
    pub period_end: i64,
    pub note: Option<LongText>,
}

/// A budget with its running totals; `available = granted - reserved - spent`.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Budget {
    pub id: BudgetId,
    pub citizen_id: PersonId,
    #[sqlx(rename = "granted_ore")]
    pub granted: Amount,
    #[sqlx(rename = "reserved_ore")]
    pub reserved: Amount,
    #[sqlx(rename = "spent_ore")]
    pub spent: Amount,
    pub period_start: i64,
    pub period_end: i64,
    pub note: Option<String>,
    pub ended_at: Option<i64>,
}

impl Budget {
    /// What can still be requested.
    pub fn available(&self) -> Amount {
        Amount::from_ore(self.granted.ore() - self.reserved.ore() - self.spent.ore()).unwrap_or(Amount::ZERO)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerKind {
    Grant,
    Topup,
    Reduce,
    Reserve,
    Release,
    Spend,
}

impl LedgerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LedgerKind::Grant => "grant",
            LedgerKind::Topup => "topup",
            LedgerKind::Reduce => "reduce",
            LedgerKind::Reserve => "reserve",
            LedgerKind::Release => "release",
            LedgerKind::Spend => "spend",
        }
    }
    pub fn parse(s: &str) -> Option<LedgerKind> {
        [Self::Grant, Self::Topup, Self::Reduce, Self::Reserve, Self::Release, Self::Spend].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct LedgerEntry {
    pub at: i64,
    pub kind: LedgerKind,
    #[sqlx(rename = "amount_ore")]
    pub amount: Amount,
    pub request_id: Option<RequestId>,
}

/// Sums a ledger into (granted, reserved, spent): must equal the budget's totals.
pub fn ledger_totals(entries: &[LedgerEntry]) -> (i64, i64, i64) {
    let (mut granted, mut reserved, mut spent) = (0i64, 0i64, 0i64);
    for e in entries {
        let a = e.amount.ore();
        match e.kind {
            LedgerKind::Grant | LedgerKind::Topup => granted += a,
            LedgerKind::Reduce => granted -= a,
            LedgerKind::Reserve => reserved += a,
            LedgerKind::Release => reserved -= a,
            LedgerKind::Spend => {
                reserved -= a;
                spent += a;
            }
        }
    }
    (granted, reserved, spent)
}

#[derive(Clone, Debug)]
pub struct NewSpendingRequest {
    pub budget: BudgetId,
    pub citizen: PersonId,
    pub amount: Amount,
    pub purpose: LongText,
    pub goal: Option<GoalId>,
    /// The key rendered into the form; a repeat returns the first request.
    pub idempotency_key: String,
    /// At most `max` new requests by this citizen since `since` (checked in
    /// the same transaction as the reservation); `None`: no limit.
    pub limit: Option<RateLimit>,
    /// The helper who asks for the citizen.
    pub helper: Option<PersonId>,
}

/// A cap on new requests per citizen within a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    pub since: i64,
    pub max: i64,
}

/// A caseworker's decision on a spending request: `approved` of at most the
/// requested amount is spent and the rest released; `None` declines.
#[derive(Clone, Debug)]
pub struct SpendingDecision {
    pub request: RequestId,
    pub approved: Option<Amount>,
    pub decision: NewDecision,
    /// A notification for the citizen, written in the same transaction.
    pub notify_citizen: Option<Notice>,
}

/// A correction of the last decision on a spending request in the
/// citizen's favour: what was approved (`None`: declined) becomes `to`,
/// more, at most what was asked for.
#[derive(Clone, Debug)]
pub struct SpendingCorrection {
    pub request: RequestId,
    pub from: Option<Amount>,
    pub to: Amount,
    /// Names the corrected decision in `corrects`.
    pub decision: NewDecision,
    pub notify_citizen: Option<Notice>,
}

/// A request waiting for a caseworker.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenSpending {
    #[sqlx(flatten)]
    pub request: SpendingRequest,
    pub citizen_name: String,
}

/// The result of an idempotent submit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubmitOutcome<T> {
    Created(T),
    /// This key was used before: here is what it created.
    Repeated(T),
}

impl<T: Copy> SubmitOutcome<T> {
    pub fn id(&self) -> T {
        match self {
            SubmitOutcome::Created(id) | SubmitOutcome::Repeated(id) => *id,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestStatus {
    Pending,
    Approved,
    Declined,
    Cancelled,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Approved => "approved",
            RequestStatus::Declined => "declined",
            RequestStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<RequestStatus> {
        [Self::Pending, Self::Approved, Self::Declined, Self::Cancelled].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SpendingRequest {
    pub id: RequestId,
    pub budget_id: BudgetId,
    pub citizen_id: PersonId,
    #[sqlx(rename = "amount_ore")]
    pub amount: Amount,
    pub purpose: String,
    pub goal_id: Option<GoalId>,
    pub status: RequestStatus,
    #[sqlx(rename = "approved_ore")]
    pub approved: Option<Amount>,
    pub created_at: i64,
}

/// The decision's record: who, why, and how to appeal.
#[derive(Clone, Debug)]
pub struct NewDecision {
    pub decided_by: PersonId,
    pub reasons: Option<Reason>,
    pub appeal_guidance: String,
    /// The earlier decision this one corrects (that one stays as it was).
    pub corrects: Option<DecisionId>,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Decision {
    pub id: DecisionId,
    pub subject_kind: String,
    pub subject_id: i64,
    pub outcome: String,
    pub reasons: Option<String>,
    pub appeal_guidance: String,
    pub decided_by: PersonId,
    pub decided_at: i64,
    #[sqlx(rename = "corrects_id")]
    pub corrects: Option<DecisionId>,
}

#[derive(Clone, Debug)]
pub struct NewGroup {
    pub name: ShortText,
    pub description: String,
    pub topic: ShortText,
    pub area: ShortText,
    pub usual_place: ShortText,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub description: String,
    pub topic: String,
    pub area: String,
    pub usual_place: String,
}

#[derive(Clone, Debug)]
pub struct NewMeetup {
    pub group: GroupId,
    pub starts_at: i64,
    pub duration_minutes: i64,
    pub place: ShortText,
    pub address: ShortText,
    pub capacity: i64,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Meetup {
    pub id: MeetupId,
    pub group_id: GroupId,
    pub starts_at: i64,
    pub duration_minutes: i64,
    pub place: String,
    pub address: String,
    pub capacity: i64,
    #[sqlx(rename = "going_count")]
    pub going: i64,
    pub description: String,
    pub cancelled_at: Option<i64>,
    /// Raised on every change a calendar must hear of (iCalendar `SEQUENCE`).
    pub sequence: i64,
    /// When it last changed (iCalendar `LAST-MODIFIED`).
    pub updated_at: i64,
}

impl Meetup {
    /// Places not yet taken.
    pub fn places_left(&self) -> i64 {
        (self.capacity - self.going).max(0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignupStatus {
    Going,
    Waiting,
}

/// The notifications a change to a meetup sends: for those
/// who move up from the waiting list when places are added, and for
/// everyone signed up or waiting when its time, place or text changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetupNotices {
    pub moved_up: Notice,
    pub changed: Notice,
}

/// A host's message to the people signed up for a meetup.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Announcement {
    pub id: AnnouncementId,
    pub body: String,
    pub created_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Notification {
    pub id: NotificationId,
    pub kind: String,
    /// The id of what it is about; `None` for notifications written before
    /// it was stored (migration 0004 filled in those it could read off).
    pub object_id: Option<i64>,
    /// The link as written, for the record; pages build it anew ([`Notification::link`]).
    pub link: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

impl Notification {
    /// Where it leads: built from its kind and object by today's routes, or
    /// the link as written for a kind or a row this version cannot read.
    pub fn link(&self) -> String {
        match (NotificationKind::parse(&self.kind), self.object_id) {
            (Some(kind), Some(object)) => Notice::new(kind, object).link(),
            _ => self.link.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AccessLogEntry {
    pub id: i64,
    pub at: i64,
    pub staff_id: PersonId,
    pub staff_role: Role,
    /// `Capacity::as_str`; `None` on entries from before it was recorded.
    pub capacity: Option<String>,
    pub purpose: String,
}
