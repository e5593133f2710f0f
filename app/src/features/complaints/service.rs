//! The rules of a complaint: only about one's own decision, within its
//! deadline, one open complaint per decision; a double tap makes one.

use crate::features::complaints::forms::complaint_fields;
use crate::features::complaints::store::NewComplaint;
use crate::features::decisions::service::complaint_deadline;
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, Problem};
use crate::kernel::ids::{ComplaintId, DecisionId};
use crate::kernel::text::ComplaintText;
use crate::kernel::time::date;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{DbError, Rule, Store};
use crate::ssr::service::{ServiceError, ServiceResult};

/// When the municipality must have reconsidered a complaint made at
/// `made_at`: the same 4 weeks, to the end of the Copenhagen day.
pub fn reconsideration_due(made_at: i64) -> i64 {
    complaint_deadline(made_at)
}

fn refused(problem: Problem) -> ServiceError {
    ServiceError::Invalid(vec![FieldError { field: complaint_fields::REASONS.into(), problem }])
}

/// The signed-in citizen complains about their decision `decision`. After
/// the deadline, or while a complaint about it waits, the reasons field says
/// why not (with what to do instead); someone else's decision, or anyone but
/// a citizen, is `NotAllowed`. `key` makes a double tap one complaint.
pub async fn complain(
    store: &dyn Store,
    user: &CurrentUser,
    decision: DecisionId,
    reasons: ComplaintText,
    key: &str,
    now: i64,
    lang: Lang,
) -> ServiceResult<ComplaintId> {
    let me = crate::ssr::access::citizen_self(user)?;
    let all = store.decisions_of(me.citizen).await?;
    let d = all.iter().find(|d| d.id == decision).ok_or(ServiceError::NotAllowed)?;
    let deadline = complaint_deadline(d.decided_at);
    let c = NewComplaint { decision, citizen: me.citizen, reasons, due_at: reconsideration_due(now), idempotency_key: key.into() };
    if now > deadline {
        return Err(refused(Problem::ComplaintLate(date(deadline, lang))));
    }
    match store.complain(&c, now).await {
        Ok(outcome) => Ok(outcome.id()),
        Err(DbError::Conflict(Rule::AlreadyExists)) => Err(refused(Problem::ComplaintOpen)),
        Err(e) => Err(e.into()),
    }
}
