//! The personal budget: the citizen sees it and asks for money from it; their
//! caseworker (or stand-in) grants, tops up and ends it and answers requests.
//! Money rules the database guards (never overspent, the ledger equals the
//! totals, one answer per request) are in the store; who may do what, the
//! rate limit and the messages for refused input are here.

use crate::features::budget::forms::{budget_fields, CorrectionInput, GrantInput, SpendingAnswer, SpendingInput};
use crate::features::budget::views::BudgetView;
use crate::features::budget::views::LedgerLine;
use crate::features::budget::views::SpendingReview;
use crate::features::budget::views::SpendingView;
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, Problem};
use crate::kernel::ids::{DecisionId, PersonId, RequestId};
use crate::kernel::time::{date, date_time, months_later};
use crate::kernel::Amount;
use crate::routes;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{
    Budget, DbError, DbResult, Decision, NewBudget, NewDecision, NewSpendingRequest, Notice, NotificationKind, RateLimit, RequestStatus,
    Rule, SpendingCorrection, SpendingDecision, SpendingRequest, Store,
};

use crate::features::decisions::service::decision_views;
use crate::ssr::access::{self, Acting, Purpose};
use crate::ssr::service::{Names, ServiceError, ServiceResult};

const HOUR_MS: i64 = 3_600_000;

fn invalid(field: &str, problem: Problem) -> ServiceError {
    ServiceError::Invalid(vec![FieldError { field: field.into(), problem }])
}

/// `part` as a whole percentage of `whole` (0 when nothing is granted).
fn pct(part: i64, whole: i64) -> u8 {
    if whole <= 0 {
        return 0;
    }
    u8::try_from((i128::from(part.max(0)) * 100 / i128::from(whole)).min(100)).unwrap_or(100)
}

/// The citizen's latest budget, running or ended (an ended one still shows
/// its history and the requests waiting for an answer).
async fn latest(store: &dyn Store, citizen: PersonId) -> DbResult<Option<Budget>> {
    Ok(store.budgets_of(citizen).await?.pop())
}

/// The citizen's running budget, if any.
async fn running(store: &dyn Store, citizen: PersonId) -> DbResult<Option<Budget>> {
    Ok(latest(store, citizen).await?.filter(|b| b.ended_at.is_none()))
}

async fn spending_view(
    store: &dyn Store,
    names: &mut Names<'_>,
    r: &SpendingRequest,
    decisions: &[crate::ssr::db::Decision],
    lang: Lang,
) -> DbResult<SpendingView> {
    let goal = match r.goal_id {
        Some(g) => Some(store.goal(g).await?.title),
        None => None,
    };
    Ok(SpendingView {
        id: r.id.0,
        purpose: r.purpose.clone(),
        amount: r.amount.to_string(),
        approved: r.approved.map(|a| a.to_string()),
        status: r.status.as_str().into(),
        asked: date_time(r.created_at, lang),
        goal,
        // A declined request is named as such ("spending_declined") by the decisions' view.
        decisions: decision_views(names, decisions, "spending_request", r.id.0, lang).await?,
    })
}

/// A budget as figures, requests and ledger.
async fn budget_view(store: &dyn Store, b: Budget, lang: Lang) -> DbResult<BudgetView> {
    let requests = store.spending_requests(b.id).await?;
    let decisions = store.decisions_of(b.citizen_id).await?;
    let mut names = Names::new(store);
    let mut views = Vec::new();
    for r in &requests {
        views.push(spending_view(store, &mut names, r, &decisions, lang).await?);
    }
    let ledger = store
        .ledger(b.id)
        .await?
        .into_iter()
        .rev()
        .map(|e| LedgerLine {
            when: date(e.at, lang),
            kind: e.kind.as_str().into(),
            amount: e.amount.to_string(),
            about: e.request_id.and_then(|id| requests.iter().find(|r| r.id == id)).map(|r| r.purpose.clone()),
        })
        .collect();
    Ok(BudgetView {
        granted: b.granted.to_string(),
        spent: b.spent.to_string(),
        reserved: b.reserved.to_string(),
        available: b.available().to_string(),
        spent_pct: pct(b.spent.ore(), b.granted.ore()),
        reserved_pct: pct(b.reserved.ore(), b.granted.ore()),
        period: format!("{} – {}", date(b.period_start, lang), date(b.period_end, lang)),
        note: b.note,
        ended: b.ended_at.map(|t| date(t, lang)),
        requests: views,
        ledger,
    })
}

/// The signed-in citizen's budget (`None`: not a citizen, or never had one).
pub async fn my_budget(store: &dyn Store, user: &CurrentUser, now: i64, lang: Lang) -> DbResult<Option<BudgetView>> {
    let Ok(me) = access::citizen_for(user, access::Scope::See) else {
        return Ok(None);
    };
    me.log_read(store, Purpose::BudgetWork, now).await?;
    match latest(store, me.citizen).await? {
        Some(b) => Ok(Some(budget_view(store, b, lang).await?)),
        None => Ok(None),
    }
}

/// The citizen's goals a request can be linked to: (id, title).
pub async fn goals_to_link(store: &dyn Store, user: &CurrentUser) -> DbResult<Vec<(i64, String)>> {
    let Ok(me) = access::citizen_for(user, access::Scope::Money) else {
        return Ok(vec![]);
    };
    let Some(plan) = store.plan_of(me.citizen).await? else {
        return Ok(vec![]);
    };
    Ok(store
        .goals(plan)
        .await?
        .into_iter()
        .filter(|g| g.status == crate::kernel::plan::GoalStatus::Accepted)
        .map(|g| (g.id.0, g.title))
        .collect())
}

/// What the signed-in citizen can still ask for (`None`: no running budget
/// to ask from).
pub async fn available_to_request(store: &dyn Store, user: &CurrentUser) -> DbResult<Option<Amount>> {
    let Ok(me) = access::citizen_for(user, access::Scope::Money) else {
        return Ok(None);
    };
    Ok(running(store, me.citizen).await?.map(|b| b.available()))
}

/// The citizen asks for money from their running budget. The amount is
/// reserved at once; more than is available, or more new requests in an
/// hour than the municipality's setting allows (10 by default), is refused with a message
/// by the amount. A repeated submit with the same key returns the first request.
pub async fn request(store: &dyn Store, user: &CurrentUser, input: SpendingInput, key: &str, now: i64) -> ServiceResult<RequestId> {
    let me = access::citizen_for(user, access::Scope::Money)?;
    let budget = running(store, me.citizen).await?.ok_or(ServiceError::NotAllowed)?;
    if let Some(goal) = input.goal {
        // Only one of the citizen's own goals; anything else is a wrong choice.
        let own = matches!(store.goal(goal).await, Ok(g) if g.citizen_id == me.citizen);
        if !own {
            return Err(invalid(budget_fields::GOAL, Problem::ChooseAnswer));
        }
    }
    let per_hour = store.per_hour(crate::ssr::db::PerHour::Requests).await?;
    let r = NewSpendingRequest {
        budget: budget.id,
        citizen: me.citizen,
        amount: input.amount,
        purpose: input.purpose,
        goal: input.goal,
        idempotency_key: key.to_string(),
        limit: Some(RateLimit { since: now - HOUR_MS, max: per_hour }),
        helper: me.helper().map(|_| me.actor),
    };
    match store.request_spending(&r, now).await {
        Ok(out) => Ok(out.id()),
        Err(DbError::Limited) => Err(invalid(budget_fields::AMOUNT, Problem::TooManyRequests(per_hour))),
        // Less left than asked for: say how much there is now.
        Err(DbError::Conflict(Rule::NotEnoughLeft(left))) => Err(invalid(budget_fields::AMOUNT, Problem::MoreThanAvailable(left))),
        Err(e) => Err(e.into()),
    }
}

/// The citizen cancels their own request while it waits; the reservation is
/// released. A second tap finds it cancelled: that is done, not a conflict.
pub async fn cancel(store: &dyn Store, user: &CurrentUser, id: RequestId, now: i64) -> ServiceResult<()> {
    let r = store.spending_request(id).await?;
    access::citizen_owning(user, r.citizen_id, access::Scope::Money)?;
    match r.status {
        RequestStatus::Cancelled => Ok(()),
        RequestStatus::Pending => Ok(store.cancel_spending(id, now).await?),
        _ => Err(ServiceError::Conflict),
    }
}

/// The request, if `user` is the caseworker (or stand-in) of its citizen; a
/// missing request looks the same as someone else's.
async fn request_for_caseworker(
    store: &dyn Store,
    user: &CurrentUser,
    id: RequestId,
    now: i64,
) -> ServiceResult<(Acting, SpendingRequest)> {
    let r = store.spending_request(id).await?;
    Ok((access::staff_for(store, user, r.citizen_id, now).await?, r))
}

/// The caseworker opens a request to answer it. Writes the access log.
pub async fn review(store: &dyn Store, user: &CurrentUser, id: RequestId, now: i64, lang: Lang) -> ServiceResult<SpendingReview> {
    let (acting, r) = request_for_caseworker(store, user, id, now).await?;
    acting.log_read(store, Purpose::SpendingReview, now).await?;
    let citizen = store.person(r.citizen_id).await?.full_name;
    let decisions = store.decisions_of(r.citizen_id).await?;
    let budget = store.budget(r.budget_id).await?;
    Ok(SpendingReview {
        citizen,
        budget_link: routes::citizen_budget(r.citizen_id.0),
        open: r.status == RequestStatus::Pending,
        correctable: correctable(&r, &decisions).is_some(),
        paid: r.approved.is_some(),
        available: budget.available().to_string(),
        request: spending_view(store, &mut Names::new(store), &r, &decisions, lang).await?,
    })
}

/// The caseworker answers a request: approve, approve a lower amount (with a
/// reason) or decline (with a reason). The decision record, the money and
/// the citizen's notification are written in one transaction.
pub async fn decide(store: &dyn Store, user: &CurrentUser, id: RequestId, answer: SpendingAnswer, now: i64) -> ServiceResult<()> {
    let (acting, r) = request_for_caseworker(store, user, id, now).await?;
    if r.status != RequestStatus::Pending {
        return Err(ServiceError::Conflict);
    }
    let approved = answer.approved(r.amount).map_err(ServiceError::Invalid)?;
    let reasons = match answer {
        SpendingAnswer::Approve => None,
        SpendingAnswer::Lower { reason, .. } | SpendingAnswer::Decline { reason } => Some(reason),
    };
    let d = SpendingDecision {
        request: id,
        approved,
        decision: NewDecision {
            decided_by: acting.actor,
            reasons,
            appeal_guidance: crate::features::settings::service::appeal_guidance(store).await?,
            corrects: None,
        },
        notify_citizen: Some(Notice::new(NotificationKind::SpendingAnswered, id.0)),
    };
    store.decide_spending(&d, now).await?;
    Ok(())
}

/// The decision a correction in the citizen's favour would correct: the last
/// one on a request that was declined or approved with less than asked for.
/// (An approval is paid out at once, so nothing is ever corrected downwards.)
pub fn correctable<'d>(r: &SpendingRequest, all: &'d [Decision]) -> Option<&'d Decision> {
    let less = match r.status {
        RequestStatus::Declined => true,
        RequestStatus::Approved => r.approved.is_some_and(|a| a < r.amount),
        RequestStatus::Pending | RequestStatus::Cancelled => false,
    };
    let last = all.iter().rev().find(|d| d.subject_kind == "spending_request" && d.subject_id == r.id.0);
    last.filter(|_| less)
}

/// The caseworker (or stand-in) corrects the last decision on a request in
/// the citizen's favour, with reasons: more than was approved (nothing, when
/// declined), at most what was asked for, within what is left of the running
/// budget. A new decision that points at the old one; the money is a new
/// ledger entry; the citizen is told. Refused input gets a message by the
/// amount; a request that is not correctable (or changed meanwhile) is a `Conflict`.
pub async fn correct(store: &dyn Store, user: &CurrentUser, id: RequestId, input: CorrectionInput, now: i64) -> ServiceResult<DecisionId> {
    let (acting, r) = request_for_caseworker(store, user, id, now).await?;
    let all = store.decisions_of(r.citizen_id).await?;
    let corrected = correctable(&r, &all).ok_or(ServiceError::Conflict)?.id;
    let was = r.approved.unwrap_or(Amount::ZERO);
    if input.amount <= was || input.amount > r.amount {
        return Err(invalid(budget_fields::AMOUNT, Problem::CorrectionRange(was, r.amount)));
    }
    let c = SpendingCorrection {
        request: id,
        from: r.approved,
        to: input.amount,
        decision: NewDecision {
            decided_by: acting.actor,
            reasons: Some(input.reason),
            appeal_guidance: crate::features::settings::service::appeal_guidance(store).await?,
            corrects: Some(corrected),
        },
        notify_citizen: Some(Notice::new(NotificationKind::SpendingAnswered, id.0)),
    };
    match store.correct_spending(&c, now).await {
        Ok(d) => Ok(d),
        Err(DbError::Conflict(Rule::NotEnoughLeft(left))) => Err(invalid(budget_fields::AMOUNT, Problem::BudgetLeft(left))),
        Err(DbError::Conflict(Rule::BudgetEnded)) => Err(invalid(budget_fields::AMOUNT, Problem::BudgetHasEnded)),
        Err(e) => Err(e.into()),
    }
}

/// The caseworker's view of a citizen's budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitizenBudget {
    pub citizen: String,
    /// The latest budget, running or ended.
    pub budget: Option<BudgetView>,
    pub running: bool,
    pub cap: Amount,
}

/// The citizen's budget for their caseworker; writes the access log.
pub async fn citizen_budget(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    now: i64,
    lang: Lang,
) -> ServiceResult<CitizenBudget> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    acting.log_read(store, Purpose::BudgetWork, now).await?;
    let name = store.person(citizen).await?.full_name;
    let b = latest(store, citizen).await?;
    let running = b.as_ref().is_some_and(|b| b.ended_at.is_none());
    let budget = match b {
        Some(b) => Some(budget_view(store, b, lang).await?),
        None => None,
    };
    Ok(CitizenBudget { citizen: name, budget, running, cap: store.budget_cap().await? })
}

/// The caseworker grants a budget (when none is running), up to the cap.
pub async fn grant(store: &dyn Store, user: &CurrentUser, citizen: PersonId, g: GrantInput, now: i64) -> ServiceResult<()> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    let cap = store.budget_cap().await?;
    if g.amount > cap {
        return Err(invalid(budget_fields::AMOUNT, Problem::OverCap(cap)));
    }
    let b = NewBudget {
        citizen,
        granted_by: acting.actor,
        amount: g.amount,
        period_start: now,
        period_end: months_later(now, g.months),
        note: g.note,
    };
    store.grant_budget(&b, now).await?;
    Ok(())
}

/// The caseworker adds to the running budget, up to the cap in total.
pub async fn top_up(store: &dyn Store, user: &CurrentUser, citizen: PersonId, amount: Amount, key: &str, now: i64) -> ServiceResult<()> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    let b = running(store, citizen).await?.ok_or(ServiceError::Conflict)?;
    let cap = store.budget_cap().await?;
    if b.granted.checked_add(amount).is_none_or(|total| total > cap) {
        return Err(invalid(budget_fields::AMOUNT, Problem::OverCap(cap)));
    }
    match store.top_up_budget(b.id, amount, acting.actor, key, now).await {
        Ok(_) => Ok(()),
        // Another top-up took it past the cap meanwhile.
        Err(DbError::Conflict(Rule::OverCap)) => Err(invalid(budget_fields::AMOUNT, Problem::OverCap(cap))),
        Err(e) => Err(e.into()),
    }
}

/// The caseworker ends the running budget: what is unused is taken back;
/// requests already made wait for their answer.
pub async fn end(store: &dyn Store, user: &CurrentUser, citizen: PersonId, now: i64) -> ServiceResult<()> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    let b = running(store, citizen).await?.ok_or(ServiceError::Conflict)?;
    Ok(store.end_budget(b.id, acting.actor, now).await?)
}

#[cfg(test)]
mod tests {
    use super::pct;

    #[test]
    fn shares_are_whole_percentages_within_bounds() {
        assert_eq!(pct(150_000, 5_000_000), 3);
        assert_eq!(pct(0, 0), 0);
        assert_eq!(pct(10, 10), 100);
        assert_eq!(pct(i64::MAX, 1), 100);
    }
}
