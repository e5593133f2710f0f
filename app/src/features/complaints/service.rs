//! The rules of a complaint: only about one's own decision, within its
//! deadline, one open complaint per decision; a double tap makes one.

use crate::features::complaints::forms::complaint_fields;
use crate::features::complaints::store::{Complaint, NewComplaint};
use crate::features::complaints::views::{ComplaintReview, WaitingComplaint};
use crate::features::conversation::store::NewAttachment;
use crate::features::decisions::service::complaint_deadline;
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, Problem};
use crate::kernel::ids::{ComplaintId, DecisionId};
use crate::kernel::text::{ComplaintText, Reason};
use crate::kernel::time::{date, date_time};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{DbError, DbResult, Rule, Store};
use crate::ssr::service::Names;
use crate::ssr::service::{ServiceError, ServiceResult};

/// When the municipality must have reconsidered a complaint made at
/// `made_at`: the same 4 weeks, to the end of the Copenhagen day.
pub fn reconsideration_due(made_at: i64) -> i64 {
    complaint_deadline(made_at)
}

fn refused(problem: Problem) -> ServiceError {
    ServiceError::Invalid(vec![FieldError { field: complaint_fields::REASONS.into(), problem }])
}

/// Whether the signed-in citizen may complain about `decision` at all: their
/// own decision (anything else, or anyone but a citizen, is `NotAllowed`).
/// Settled before any file sent with the complaint is read.
pub async fn may_complain(store: &dyn Store, user: &CurrentUser, decision: DecisionId) -> ServiceResult<()> {
    let me = crate::ssr::access::citizen_for(user, crate::ssr::access::Scope::Money)?;
    let all = store.decisions_of(me.citizen).await?;
    all.iter().any(|d| d.id == decision).then_some(()).ok_or(ServiceError::NotAllowed)
}

/// The signed-in citizen complains about their decision `decision`, with
/// `files` (cleaned as a message's are). After the deadline, or while a
/// complaint about it waits, the reasons field says why not (with what to
/// do instead); someone else's decision, or anyone but a citizen, is
/// `NotAllowed`. `key` makes a double tap one complaint.
#[allow(clippy::too_many_arguments)] // the complaint's parts, its key, the time and the language of a refusal
pub async fn complain(
    store: &dyn Store,
    user: &CurrentUser,
    decision: DecisionId,
    reasons: ComplaintText,
    files: Vec<NewAttachment>,
    key: &str,
    now: i64,
    lang: Lang,
) -> ServiceResult<ComplaintId> {
    let me = crate::ssr::access::citizen_for(user, crate::ssr::access::Scope::Money)?;
    let all = store.decisions_of(me.citizen).await?;
    let d = all.iter().find(|d| d.id == decision).ok_or(ServiceError::NotAllowed)?;
    let deadline = complaint_deadline(d.decided_at);
    let due_at = reconsideration_due(now);
    let c = NewComplaint { decision, citizen: me.citizen, reasons, due_at, idempotency_key: key.into(), attachments: files };
    if now > deadline {
        return Err(refused(Problem::ComplaintLate(date(deadline, lang))));
    }
    match store.complain(&c, now).await {
        Ok(outcome) => Ok(outcome.id()),
        Err(DbError::Conflict(Rule::AlreadyExists)) => Err(refused(Problem::ComplaintOpen)),
        Err(e) => Err(e.into()),
    }
}

/// What became of a complaint, line by line, for the citizen.
pub async fn complaint_words(names: &mut Names<'_>, k: &Complaint, now: i64, lang: Lang) -> DbResult<Vec<String>> {
    let t = lang.texts().complaints;
    let mut lines = vec![(t.sent)(&date_time(k.created_at, lang))];
    match (k.answered_at, k.outcome.as_deref()) {
        (Some(at), Some("upheld")) => {
            lines.push((t.upheld)(&date_time(at, lang)));
            if let Some(by) = k.answered_by {
                lines.push(format!("{}: {}", lang.texts().decisions.decision_by, names.of(by).await?));
            }
            if let Some(r) = &k.answer_reasons {
                lines.push(format!("{}: {r}", t.answer_reasons));
            }
            if let Some(sent) = k.forwarded_at {
                lines.push((t.forwarded)(&date(sent, lang)));
            }
        }
        (Some(at), _) => lines.push((t.changed)(&date_time(at, lang))),
        (None, _) => {
            lines.push((t.due)(&date(k.due_at, lang)));
            if now > k.due_at {
                lines.push(t.overdue.to_string());
            }
        }
    }
    Ok(lines)
}

/// The complaints waiting for `user`'s answer across their caseload (soonest
/// due first), and whose they are. Not logged here: the inbox shows them
/// with its other items and logs each citizen shown once
/// (`inbox::service::inbox`).
pub async fn waiting(
    store: &dyn Store,
    user: &CurrentUser,
    now: i64,
    lang: Lang,
) -> ServiceResult<(Vec<WaitingComplaint>, Vec<crate::kernel::ids::PersonId>)> {
    if !user.has_role(crate::kernel::plan::Role::Caseworker) {
        return Err(ServiceError::NotAllowed);
    }
    let open = store.open_complaints_for(user.person_id, now).await?;
    let citizens = open.iter().map(|o| o.complaint.citizen_id).collect();
    let mut items = Vec::new();
    for o in open {
        let all = store.decisions_of(o.complaint.citizen_id).await?;
        let about = match all.iter().find(|d| d.id == o.complaint.decision_id) {
            Some(d) => crate::features::decisions::service::about(store, d).await?,
            None => String::new(),
        };
        items.push(WaitingComplaint {
            link: crate::routes::complaint_review(o.complaint.id.0),
            citizen: o.citizen_name,
            about,
            due: date(o.complaint.due_at, lang),
            overdue: now > o.complaint.due_at,
        });
    }
    Ok((items, citizens))
}

/// The complaint `id` for the citizen's caseworker or stand-in, with the
/// decision it is about; writes the citizen's access log.
pub async fn review(store: &dyn Store, user: &CurrentUser, id: ComplaintId, now: i64, lang: Lang) -> ServiceResult<ComplaintReview> {
    use crate::features::decisions::service::{about, view_of};
    let k = store.complaint(id).await?;
    let acting = crate::ssr::access::staff_for(store, user, k.citizen_id, now).await?;
    acting.log_read(store, crate::ssr::access::Purpose::ComplaintReview, now).await?;
    let all = store.decisions_of(k.citizen_id).await?;
    let d = all.iter().find(|d| d.id == k.decision_id).ok_or(ServiceError::NotAllowed)?;
    // What the answer could change, while it waits.
    let change = changeable(&all, &k).filter(|_| k.answered_at.is_none());
    let money = match &change {
        Some(Changeable::Spending(r)) => {
            let r = store.spending_request(*r).await?;
            Some((r.amount.to_string(), store.budget(r.budget_id).await?.available().to_string()))
        }
        _ => None,
    };
    let names = &mut Names::new(store);
    Ok(ComplaintReview {
        citizen: store.person(k.citizen_id).await?.full_name,
        about: about(store, d).await?,
        decision: view_of(names, &all, d, lang).await?,
        reasons: k.reasons.clone(),
        files: store.complaint_files(k.id).await?.iter().map(|f| crate::features::conversation::service::file_view(f, lang)).collect(),
        sent: date_time(k.created_at, lang),
        due: date(k.due_at, lang),
        overdue: k.answered_at.is_none() && now > k.due_at,
        answered: match k.answered_at {
            Some(_) => Some(complaint_words(names, &k, now, lang).await?),
            None => None,
        },
        can_change: change.is_some(),
        money,
    })
}

/// The citizen's caseworker or stand-in keeps the decision, with reasons:
/// the complaint goes on to Ankestyrelsen, the citizen is told. `Conflict`
/// when it was answered already.
pub async fn uphold(store: &dyn Store, user: &CurrentUser, id: ComplaintId, reasons: Reason, now: i64) -> ServiceResult<()> {
    let k = store.complaint(id).await?;
    let acting = crate::ssr::access::staff_for(store, user, k.citizen_id, now).await?;
    if k.answered_at.is_some() {
        return Err(ServiceError::Conflict);
    }
    Ok(store.uphold_complaint(id, acting.actor, reasons.as_str(), now).await?)
}

/// What a complaint's decision can be changed to in the portal.
enum Changeable {
    /// A declined goal proposal: accepted.
    Goal(crate::kernel::ids::GoalId),
    /// A declined or lowered request for money: (more of) it approved.
    Spending(crate::kernel::ids::RequestId),
}

/// The complained decision, if the complaint can be answered by changing it
/// in the citizen's favour in the portal: a declined goal, or a declined or
/// lowered request for money, whose decision is still the last one on it.
fn changeable(all: &[crate::ssr::db::Decision], k: &Complaint) -> Option<Changeable> {
    let d = all.iter().find(|d| d.id == k.decision_id)?;
    let superseded = all.iter().any(|x| x.subject_kind == d.subject_kind && x.subject_id == d.subject_id && x.id > d.id);
    if superseded {
        return None;
    }
    match (d.subject_kind.as_str(), d.outcome.as_str()) {
        ("goal", "declined") => Some(Changeable::Goal(crate::kernel::ids::GoalId(d.subject_id))),
        ("spending_request", "declined" | "approved_lower") => Some(Changeable::Spending(crate::kernel::ids::RequestId(d.subject_id))),
        _ => None,
    }
}

/// The citizen's caseworker or stand-in answers the complaint by changing the
/// decision in the citizen's favour: the declined goal is accepted, or the
/// request for money approved with `money` (the budget's correction, with
/// its rules and messages), by a new decision that corrects the old one and
/// tells the citizen; the complaint is closed with it. Two transactions: if
/// the second fails, answering again finds the correction and only closes.
pub async fn change(
    store: &dyn Store,
    user: &CurrentUser,
    id: ComplaintId,
    money: Option<crate::features::budget::forms::CorrectionInput>,
    now: i64,
) -> ServiceResult<()> {
    let k = store.complaint(id).await?;
    let acting = crate::ssr::access::staff_for(store, user, k.citizen_id, now).await?;
    if k.answered_at.is_some() {
        return Err(ServiceError::Conflict);
    }
    let correction = |all: &[crate::ssr::db::Decision]| {
        all.iter().find(|d| d.corrects == Some(k.decision_id) && d.decided_at >= k.created_at).map(|d| d.id)
    };
    let all = store.decisions_of(k.citizen_id).await?;
    let answer = match correction(&all) {
        Some(done) => done,
        None => {
            match (changeable(&all, &k).ok_or(ServiceError::Conflict)?, money) {
                (Changeable::Goal(goal), _) => {
                    let accept = crate::features::goals::forms::GoalAnswer::Accept;
                    crate::features::goals::service::correct(store, user, goal, accept, now).await?;
                }
                (Changeable::Spending(request), Some(money)) => {
                    crate::features::budget::service::correct(store, user, request, money, now).await?;
                }
                (Changeable::Spending(_), None) => return Err(ServiceError::Conflict),
            }
            correction(&store.decisions_of(k.citizen_id).await?).ok_or(ServiceError::Conflict)?
        }
    };
    Ok(store.close_complaint_changed(id, acting.actor, answer, now).await?)
}
