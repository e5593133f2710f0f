//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

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
    use crate::features::conversation::forms::{attachment_rules::FIELD, file_rules};
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
        vec![
            (complaint_fields::REASONS, t.complaints.reasons_label, Some(t.complaints.reasons_hint), Control::Lines),
            (FIELD, t.complaints.files_label, Some(t.conversation.files_hint), Control::Files(file_rules())),
        ],
        t.complaints.submit,
        &[],
    )
    .await;
    Ok(ComplaintPage::Form { item, spec })
}

/// The citizen complains about their decision (a plain form post, or a
/// fetch): a `multipart/form-data` post of `decision`, `key`, `reasons` and
/// up to three `files`, read as a message's are.
#[server(prefix = "/api", endpoint = "complain", input = MultipartFormData)]
pub async fn complain(data: MultipartData) -> Result<(), ServerFnError> {
    use crate::features::complaints::forms::{complaint_fields, parse_complaint};
    use crate::features::complaints::service as complaints;
    use crate::features::conversation::upload::read_post;
    use crate::kernel::ids::DecisionId;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = &Ctx::get()?;
    let decision_of =
        |fields: &std::collections::HashMap<String, String>| fields.get("decision").and_then(|d| d.parse::<i64>().ok()).unwrap_or(0);
    // Whose decision it is is settled before any file is read or decoded.
    let posted = read_post(data, |fields| {
        let decision = DecisionId(decision_of(fields));
        async move { complaints::may_complain(cx.store(), cx.user()?, decision).await }
    })
    .await?;
    let fields = &posted.fields;
    let decision = decision_of(fields);
    let reasons = fields.get(complaint_fields::REASONS).map_or("", String::as_str);
    let kept = FormFlash::typed(form_name(decision), &[(complaint_fields::REASONS, reasons)]);
    let back = routes::complaint(decision);
    let files = match posted.files {
        Ok(files) => files,
        Err(e) => return refused(e, "make a complaint", &back, Some(kept)).await,
    };
    let key = fields.get("key").cloned().unwrap_or_default();
    let result = async {
        let user = cx.user()?;
        let text = parse_complaint(reasons);
        let errors = files.with_problems(text.as_ref().err().cloned().unwrap_or_default());
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        let text = text.map_err(ServiceError::Invalid)?;
        complaints::complain(cx.store(), user, DecisionId(decision), text, files.files, &key, cx.now, cx.lang).await
    }
    .await;
    match result {
        Ok(_) => {
            redirect(&with_answer(&routes::decision(decision), "klage-sendt"));
            Ok(())
        }
        Err(e) => refused(e, "make a complaint", &back, Some(kept)).await,
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
    let money = match &review.money {
        Some((asked, left)) => {
            let hidden = vec![("complaint".into(), complaint.to_string())];
            let submit = cx.lang.texts().complaints.change_money_submit;
            let name = change_form_name(complaint);
            let spec = crate::features::budget::server::correction_spec(&name, ChangeComplaint::PATH, hidden, asked, left, submit).await;
            Some(Box::new(spec))
        }
        None => None,
    };
    Ok(ReviewPage::Shown(Box::new(review), form, money))
}

/// The flash name of the form that changes a decision about money after complaint `id`.
#[cfg(feature = "ssr")]
fn change_form_name(id: i64) -> String {
    format!("complaint-change:{id}")
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

/// The caseworker changes the decision in the citizen's favour, which
/// answers the complaint: a declined goal is accepted (a button), a request
/// for money approved with `amount` and `reason` (a form).
#[server(prefix = "/api", endpoint = "change_complaint")]
pub async fn change_complaint(complaint: i64, amount: Option<String>, reason: Option<String>) -> Result<(), ServerFnError> {
    use crate::features::budget::forms::{budget_fields, CorrectionInput};
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let back = routes::complaint_review(complaint);
    let kept = amount.as_ref().map(|amount| {
        let reason = reason.as_deref().unwrap_or_default();
        FormFlash::typed(change_form_name(complaint), &[(budget_fields::AMOUNT, amount.as_str()), (budget_fields::REASON, reason)])
    });
    let result = async {
        let user = cx.user()?;
        let money = match &amount {
            Some(amount) => Some(CorrectionInput::parse(amount, reason.as_deref().unwrap_or_default()).map_err(ServiceError::Invalid)?),
            None => None,
        };
        let id = crate::kernel::ids::ComplaintId(complaint);
        crate::features::complaints::service::change(cx.store(), user, id, money, cx.now).await
    }
    .await;
    match result {
        Ok(()) => {
            redirect(&with_answer(&back, "besvaret"));
            Ok(())
        }
        Err(e) => refused(e, "change a decision after a complaint", &back, kept).await,
    }
}
