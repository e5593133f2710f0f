//! Goal proposals: the citizen proposes, withdraws and answers a suggested
//! change; their caseworker (or stand-in) accepts, suggests another wording
//! or declines. Every rule of who may do what is checked here, and every
//! transition goes through the goal's state machine ([`GoalStatus::next`]).

use crate::features::goals::forms::{GoalAnswer, GoalProposal};
use crate::features::goals::views::GoalReview;
use crate::i18n::Lang;
use crate::kernel::ids::GoalId;
use crate::kernel::plan::{GoalEvent, GoalStatus};
use crate::kernel::time::date_time;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{Decision, Goal, GoalChange, NewDecision, NewGoal, Notice, NotificationKind, Store};

use crate::features::decisions::service::decision_views;
use crate::ssr::access::{self, Acting, Purpose};
use crate::ssr::service::{Names, ServiceError, ServiceResult};

/// The citizen proposes a goal in their own plan. A repeated submit with the
/// same key returns the first proposal. Without a plan the store finds none
/// to put it in, which is refused like anything not one's own.
pub async fn propose(store: &dyn Store, user: &CurrentUser, p: GoalProposal, key: &str, now: i64) -> ServiceResult<GoalId> {
    let me = access::citizen_for(user, access::Scope::Write)?;
    let goal = NewGoal { title: p.title, why: p.why, first_step: p.first_step, status: GoalStatus::Proposed };
    let made = store.propose_goal(me.history_actor(), &goal, key, now).await;
    let field = crate::features::goals::forms::proposal_fields::TITLE;
    Ok(crate::ssr::service::within_limit(store, made, crate::ssr::db::PerHour::Goals, field).await?.id())
}

/// Whether `user` may propose a goal now: the citizen (or their helper with
/// the scope to write for them) has a plan to put it in.
pub async fn may_propose(store: &dyn Store, user: &CurrentUser) -> crate::ssr::db::DbResult<bool> {
    match access::citizen_for(user, access::Scope::Write) {
        Ok(me) => Ok(store.plan_of(me.citizen).await?.is_some()),
        Err(_) => Ok(false),
    }
}

/// The citizen withdraws their own proposal while it waits.
pub async fn withdraw(store: &dyn Store, user: &CurrentUser, id: GoalId, now: i64) -> ServiceResult<()> {
    citizen_change(store, user, id, GoalEvent::Withdraw, "goal_withdrawn", now).await
}

/// The citizen accepts (`true`) or rejects the caseworker's suggested wording.
pub async fn answer_suggestion(store: &dyn Store, user: &CurrentUser, id: GoalId, accept: bool, now: i64) -> ServiceResult<()> {
    let (event, kind) =
        if accept { (GoalEvent::AcceptChange, "goal_change_accepted") } else { (GoalEvent::RejectChange, "goal_change_rejected") };
    citizen_change(store, user, id, event, kind, now).await
}

async fn citizen_change(
    store: &dyn Store,
    user: &CurrentUser,
    id: GoalId,
    event: GoalEvent,
    kind: &'static str,
    now: i64,
) -> ServiceResult<()> {
    let goal = store.goal(id).await?;
    let me = access::citizen_owning(user, goal.citizen_id, access::Scope::Write)?;
    // A second tap on the same button finds the goal where the first one
    // left it: that is done, not a conflict.
    let done_already = match event {
        GoalEvent::Withdraw => GoalStatus::Withdrawn,
        GoalEvent::AcceptChange => GoalStatus::Accepted,
        _ => GoalStatus::Proposed,
    };
    let to = match goal.status.next(event) {
        Ok(to) => to,
        Err(_) if goal.status == done_already => return Ok(()),
        Err(_) => return Err(ServiceError::Conflict),
    };
    let change = GoalChange {
        goal: id,
        from: goal.status,
        to,
        actor: me.history_actor(),
        history_kind: kind,
        suggestion: None,
        take_suggestion: event == GoalEvent::AcceptChange,
        decision: None,
        notify_citizen: None,
    };
    Ok(store.change_goal(&change, now).await?)
}

/// The caseworker opens a proposal to answer it. Writes the access log.
pub async fn review(store: &dyn Store, user: &CurrentUser, id: GoalId, now: i64, lang: Lang) -> ServiceResult<GoalReview> {
    let (acting, goal) = goal_for_caseworker(store, user, id, now).await?;
    acting.log_read(store, Purpose::GoalReview, now).await?;
    let citizen = store.person(goal.citizen_id).await?.full_name;
    let all = store.decisions_of(goal.citizen_id).await?;
    let decisions = decision_views(&mut Names::new(store), &all, "goal", id.0, lang).await?;
    Ok(GoalReview {
        id,
        citizen,
        open: goal.status == GoalStatus::Proposed,
        correctable: correctable_decision(&all, &goal).is_some(),
        title: goal.title,
        why: goal.why,
        first_step: goal.first_step,
        status: goal.status,
        proposed: date_time(goal.updated_at, lang),
        decisions,
    })
}

/// The caseworker answers a proposal. Every answer is an immutable decision
/// record with its reasons and the appeal guidance; the citizen is notified.
pub async fn decide(store: &dyn Store, user: &CurrentUser, id: GoalId, answer: GoalAnswer, now: i64) -> ServiceResult<()> {
    let (acting, goal) = goal_for_caseworker(store, user, id, now).await?;
    let (event, outcome, kind, suggestion, reasons) = match answer {
        GoalAnswer::Accept => (GoalEvent::Accept, "accepted", "goal_accepted", None, None),
        GoalAnswer::Adjust { wording, reason } => {
            (GoalEvent::SuggestChange, "adjusted", "goal_change_suggested", Some(wording), Some(reason))
        }
        GoalAnswer::Decline { reason } => (GoalEvent::Decline, "declined", "goal_declined", None, Some(reason)),
    };
    let to = goal.status.next(event).map_err(|_| ServiceError::Conflict)?;
    let change = GoalChange {
        goal: id,
        from: goal.status,
        to,
        actor: acting.history_actor(),
        history_kind: kind,
        suggestion,
        take_suggestion: false,
        decision: Some((
            outcome,
            NewDecision {
                decided_by: acting.actor,
                reasons,
                appeal_guidance: crate::features::settings::service::appeal_guidance(store).await?,
                corrects: None,
            },
        )),
        notify_citizen: Some(Notice::new(NotificationKind::GoalAnswered, id.0)),
    };
    Ok(store.change_goal(&change, now).await?)
}

/// The caseworker corrects their decision on a goal: an acceptance becomes a
/// decline (reason required) or a decline an acceptance. The correction is a
/// new decision pointing at the one it corrects, which stays as it was; the
/// citizen is notified.
pub async fn correct(store: &dyn Store, user: &CurrentUser, id: GoalId, answer: GoalAnswer, now: i64) -> ServiceResult<()> {
    let (acting, goal) = goal_for_caseworker(store, user, id, now).await?;
    let (event, outcome, reasons) = match answer {
        GoalAnswer::Accept => (GoalEvent::CorrectToAccept, "accepted", None),
        GoalAnswer::Decline { reason } => (GoalEvent::CorrectToDecline, "declined", Some(reason)),
        GoalAnswer::Adjust { .. } => {
            return Err(ServiceError::Invalid(vec![crate::kernel::forms::FieldError {
                field: crate::features::goals::forms::answer_fields::ANSWER.into(),
                problem: crate::kernel::forms::Problem::ChooseAnswer,
            }]))
        }
    };
    let to = goal.status.next(event).map_err(|_| ServiceError::Conflict)?;
    let all = store.decisions_of(goal.citizen_id).await?;
    let corrected = correctable_decision(&all, &goal).ok_or(ServiceError::Conflict)?.id;
    let change = GoalChange {
        goal: id,
        from: goal.status,
        to,
        actor: acting.history_actor(),
        history_kind: "goal_decision_corrected",
        suggestion: None,
        take_suggestion: false,
        decision: Some((
            outcome,
            NewDecision {
                decided_by: acting.actor,
                reasons,
                appeal_guidance: crate::features::settings::service::appeal_guidance(store).await?,
                corrects: Some(corrected),
            },
        )),
        notify_citizen: Some(Notice::new(NotificationKind::GoalAnswered, id.0)),
    };
    Ok(store.change_goal(&change, now).await?)
}

/// The caseworker's own accept or decline that `goal`'s status rests on, if
/// it does (a goal the citizen accepted from a suggested wording does not):
/// the decision a correction corrects.
fn correctable_decision<'d>(all: &'d [Decision], goal: &Goal) -> Option<&'d Decision> {
    if !matches!(goal.status, GoalStatus::Accepted | GoalStatus::Declined) {
        return None;
    }
    all.iter().rev().find(|d| d.subject_kind == "goal" && d.subject_id == goal.id.0).filter(|d| d.outcome == goal.status.as_str())
}

/// The goal, if `user` is the caseworker (or stand-in) of the citizen whose
/// plan it is in; a missing goal looks the same as someone else's.
async fn goal_for_caseworker(store: &dyn Store, user: &CurrentUser, id: GoalId, now: i64) -> ServiceResult<(Acting, Goal)> {
    let goal = store.goal(id).await?;
    Ok((access::staff_for(store, user, goal.citizen_id, now).await?, goal))
}
