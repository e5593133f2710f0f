//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

#[cfg(feature = "ssr")]
use crate::features::goals::forms::{answer_fields, GoalForm};
use crate::features::goals::views::GoalReview;
use crate::features::inbox::views::CaseloadItem;
#[cfg(feature = "ssr")]
use crate::features::inbox::views::InboxKind;
use crate::features::inbox::views::InboxPage;
use crate::kernel::paging::Paged;
#[cfg(feature = "ssr")]
use crate::routes;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
#[cfg(feature = "ssr")]
use crate::ui::form::Control;
use crate::ui::form::FormSpec;
use crate::ui::page::StaffPage;
use leptos::prelude::*;

/// A page of everything waiting for the signed-in caseworker (after the
/// place `after`); `kind` (`maal`) narrows it.
#[server(prefix = "/api", endpoint = "inbox")]
pub async fn inbox(kind: Option<String>, after: Option<String>) -> Result<StaffPage<InboxPage>, ServerFnError> {
    let cx = Ctx::get()?;
    use crate::features::inbox::service as inbox;
    let kind = kind.as_deref().and_then(InboxKind::from_slug);
    let after = after.as_deref().and_then(crate::kernel::paging::Before::parse);
    let r = async { inbox::inbox(cx.store(), cx.user()?, kind, after, cx.now, cx.lang).await }.await;
    crate::ssr::service::staff_page(r, "read the inbox")
}

/// A page of the signed-in caseworker's caseload (after the citizen
/// `after`), with how many citizens there are in all, and a warning when
/// that is past the municipality's soft limit.
#[server(prefix = "/api", endpoint = "caseload")]
pub async fn caseload(after: Option<String>) -> Result<StaffPage<(usize, Paged<CaseloadItem>, Option<String>)>, ServerFnError> {
    let cx = Ctx::get()?;
    use crate::features::inbox::service as inbox;
    let after = after.as_deref().and_then(|a| a.parse().ok()).map(crate::kernel::ids::PersonId);
    let r = async {
        let user = cx.user()?;
        let (total, page) = inbox::caseload(cx.store(), user, after, cx.now, cx.lang).await?;
        let warning = crate::features::handover::service::caseload_warning(cx.store(), user, cx.lang).await?;
        Ok((total, page, warning))
    }
    .await;
    crate::ssr::service::staff_page(r, "read the caseload")
}

/// A proposal to answer, and the answer form (with what was typed, if the
/// last answer was refused). Opening it writes the citizen's access log.
#[server(prefix = "/api", endpoint = "goal_review")]
pub async fn review_goal(goal: i64) -> Result<StaffPage<(GoalReview, FormSpec)>, ServerFnError> {
    let cx = Ctx::get()?;
    use crate::features::goals::service as goals;
    use crate::kernel::ids::GoalId;
    use leptos::server_fn::ServerFn;
    let lang = cx.lang;
    let r = async { goals::review(cx.store(), cx.user()?, GoalId(goal), cx.now, lang).await }.await;
    let review = match crate::ssr::service::staff_page(r, "open a proposal")? {
        StaffPage::Shown(review) => review,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let t = lang.texts();
    // An open proposal is answered; a decided one can be corrected.
    let (choices, hidden, submit): (Vec<(&str, &str)>, _, _) = if review.correctable {
        let choice = if review.status == crate::kernel::plan::GoalStatus::Declined {
            (answer_fields::ACCEPT, t.inbox.correct_to_accept)
        } else {
            (answer_fields::DECLINE, t.inbox.correct_to_decline)
        };
        (vec![choice], vec![("goal".to_string(), goal.to_string()), ("correction".to_string(), "1".to_string())], t.inbox.correction_submit)
    } else {
        (
            vec![
                (answer_fields::ACCEPT, t.inbox.answer_accept),
                (answer_fields::ADJUST, t.inbox.answer_adjust),
                (answer_fields::DECLINE, t.inbox.answer_decline),
            ],
            vec![("goal".to_string(), goal.to_string())],
            t.answer_submit,
        )
    };
    let choices = choices.into_iter().map(|(v, l)| (v.to_string(), l.to_string())).collect();
    let mut fields = vec![(answer_fields::ANSWER, t.answer_label, None, Control::Choice(choices))];
    if !review.correctable {
        fields.push((answer_fields::WORDING, t.inbox.wording_label, None, Control::Line));
    }
    fields.push((answer_fields::REASON, t.reason_label, Some(t.reason_hint), Control::Lines));
    let spec = crate::ssr::forms::spec(GoalForm::Answer, &answer_form(goal), DecideGoal::PATH, hidden, fields, submit, &[]).await;
    Ok(StaffPage::Shown((review, spec)))
}

/// The flash name of the answer form of one goal.
#[cfg(feature = "ssr")]
fn answer_form(goal: i64) -> String {
    format!("goal_answer:{goal}")
}

/// The caseworker answers a proposal: `answer` is `accept`, `adjust` (with
/// `wording`) or `decline`; adjusting and declining need a `reason`. With
/// `correction=1` it corrects the decision on a decided goal instead.
#[server(prefix = "/api", endpoint = "decide_goal")]
pub async fn decide_goal(
    goal: i64,
    answer: Option<String>,
    wording: Option<String>,
    reason: String,
    correction: Option<String>,
) -> Result<(), ServerFnError> {
    let cx = Ctx::get()?;
    use crate::features::goals::forms::GoalAnswer;
    use crate::features::goals::service as goals;
    use crate::kernel::ids::GoalId;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let answer = answer.unwrap_or_default();
    let wording = wording.unwrap_or_default();
    let kept = FormFlash::typed(
        answer_form(goal),
        &[(answer_fields::ANSWER, &answer), (answer_fields::WORDING, &wording), (answer_fields::REASON, &reason)],
    );
    let result = async {
        let user = cx.user()?;
        let parsed = GoalAnswer::parse(&answer, &wording, &reason).map_err(ServiceError::Invalid)?;
        if correction.is_some() {
            goals::correct(cx.store(), user, GoalId(goal), parsed, cx.now).await
        } else {
            goals::decide(cx.store(), user, GoalId(goal), parsed, cx.now).await
        }
    }
    .await;
    let back = routes::goal_review(goal);
    finish(result, "answer a proposal", &with_answer(routes::INBOX, "besvaret"), &back, Some(kept)).await
}
