//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

use leptos::prelude::*;

use crate::features::complaints::views::ComplaintPage;
#[cfg(feature = "ssr")]
use crate::routes;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;

/// The flash name of the complaint form about `decision`.
#[cfg(feature = "ssr")]
fn form_name(decision: i64) -> String {
    format!("complaint:{decision}")
}

/// The complaint page of the signed-in citizen's decision `decision`.
#[server(prefix = "/api", endpoint = "complaint_about")]
pub async fn complaint_about(decision: i64) -> Result<ComplaintPage, ServerFnError> {
    use crate::features::complaints::forms::{complaint_fields, ComplaintForm};
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let Some(user) = cx.maybe_user() else { return Ok(ComplaintPage::NotFound) };
    let items = crate::features::decisions::service::my_decisions(cx.store(), user, cx.now, cx.lang)
        .await
        .map_err(|e| crate::ssr::internal_error("read a citizen's decisions", e))?;
    let Some(item) = items.into_iter().flatten().find(|i| i.id == decision) else { return Ok(ComplaintPage::NotFound) };
    if item.complain_link.is_none() {
        // No complaint yet, so the deadline has passed: say what to do instead.
        let why = item.complaint.is_none().then(|| crate::kernel::forms::Problem::ComplaintLate(item.deadline.clone()).message(cx.lang));
        return Ok(ComplaintPage::Closed { item, why });
    }
    let t = cx.lang.texts();
    let spec = crate::ssr::forms::spec(
        ComplaintForm::Complaint,
        &form_name(decision),
        Complain::PATH,
        vec![("key".into(), crate::ssr::forms::new_key()), ("decision".into(), decision.to_string())],
        vec![(complaint_fields::REASONS, t.complaints.reasons_label, Some(t.complaints.reasons_hint), Control::Lines)],
        t.complaints.submit,
        &[],
    )
    .await;
    Ok(ComplaintPage::Form { item, spec })
}

/// The citizen complains about their decision (a plain form post, or a fetch).
#[server(prefix = "/api", endpoint = "complain")]
pub async fn complain(decision: i64, reasons: String, key: String) -> Result<(), ServerFnError> {
    use crate::features::complaints::forms::{complaint_fields, parse_complaint};
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(form_name(decision), &[(complaint_fields::REASONS, &reasons)]);
    let result = async {
        let user = cx.user()?;
        let text = parse_complaint(&reasons).map_err(ServiceError::Invalid)?;
        let id = crate::kernel::ids::DecisionId(decision);
        crate::features::complaints::service::complain(cx.store(), user, id, text, &key, cx.now, cx.lang).await
    }
    .await;
    match result {
        Ok(_) => {
            redirect(&with_answer(&routes::decision(decision), "klage-sendt"));
            Ok(())
        }
        Err(e) => refused(e, "make a complaint", &routes::complaint(decision), Some(kept)).await,
    }
}

/// The complaints waiting for the signed-in caseworker's answer.
#[server(prefix = "/api", endpoint = "waiting_complaints")]
pub async fn waiting_complaints() -> Result<Vec<crate::features::complaints::views::WaitingComplaint>, ServerFnError> {
    let cx = Ctx::get()?;
    let Ok(user) = cx.user() else { return Ok(vec![]) };
    match crate::features::complaints::service::waiting(cx.store(), user, cx.now, cx.lang).await {
        Ok(items) => Ok(items),
        Err(crate::ssr::service::ServiceError::NotAllowed) => Ok(vec![]),
        Err(e) => Err(crate::ssr::internal_error("list waiting complaints", e)),
    }
}

/// The flash name of the answer form of complaint `id`.
#[cfg(feature = "ssr")]
fn answer_form_name(id: i64) -> String {
    format!("complaint-answer:{id}")
}

/// A complaint for its citizen's caseworker or stand-in, with the answer
/// form while it waits (writes the citizen's access log).
#[server(prefix = "/api", endpoint = "complaint_review")]
pub async fn complaint_review(complaint: i64) -> Result<crate::features::complaints::views::ReviewPage, ServerFnError> {
    use crate::features::complaints::forms::{complaint_fields, ComplaintForm};
    use crate::features::complaints::views::ReviewPage;
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let Ok(user) = cx.user() else { return Ok(ReviewPage::NotYours) };
    let id = crate::kernel::ids::ComplaintId(complaint);
    let review = match crate::features::complaints::service::review(cx.store(), user, id, cx.now, cx.lang).await {
        Ok(r) => r,
        Err(crate::ssr::service::ServiceError::NotAllowed) => return Ok(ReviewPage::NotYours),
        Err(e) => return Err(crate::ssr::internal_error("read a complaint", e)),
    };
    let form = if review.answered.is_none() {
        let t = cx.lang.texts();
        Some(Box::new(
            crate::ssr::forms::spec(
                ComplaintForm::Uphold,
                &answer_form_name(complaint),
                UpholdComplaint::PATH,
                vec![("complaint".into(), complaint.to_string())],
                vec![(complaint_fields::REASONS, t.complaints.uphold_label, Some(t.complaints.uphold_hint), Control::Lines)],
                t.complaints.uphold_submit,
                &[],
            )
            .await,
        ))
    } else {
        None
    };
    Ok(ReviewPage::Shown(Box::new(review), form))
}

/// The caseworker keeps the decision and sends the complaint on to Ankestyrelsen.
#[server(prefix = "/api", endpoint = "uphold_complaint")]
pub async fn uphold_complaint(complaint: i64, reasons: String) -> Result<(), ServerFnError> {
    use crate::features::complaints::forms::{complaint_fields, parse_uphold};
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(answer_form_name(complaint), &[(complaint_fields::REASONS, &reasons)]);
    let back = routes::complaint_review(complaint);
    let result = async {
        let user = cx.user()?;
        let reasons = parse_uphold(&reasons).map_err(ServiceError::Invalid)?;
        crate::features::complaints::service::uphold(cx.store(), user, crate::kernel::ids::ComplaintId(complaint), reasons, cx.now).await
    }
    .await;
    match result {
        Ok(()) => {
            redirect(&with_answer(&back, "besvaret"));
            Ok(())
        }
        Err(e) => refused(e, "answer a complaint", &back, Some(kept)).await,
    }
}

/// The caseworker changes the decision in the citizen's favour (a declined
/// goal is accepted), which answers the complaint.
#[server(prefix = "/api", endpoint = "change_complaint")]
pub async fn change_complaint(complaint: i64) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{redirect, refused, with_answer};
    let cx = Ctx::get()?;
    let back = routes::complaint_review(complaint);
    let result = async {
        let user = cx.user()?;
        crate::features::complaints::service::change(cx.store(), user, crate::kernel::ids::ComplaintId(complaint), cx.now).await
    }
    .await;
    match result {
        Ok(()) => {
            redirect(&with_answer(&back, "besvaret"));
            Ok(())
        }
        Err(e) => refused(e, "change a decision after a complaint", &back, None).await,
    }
}
