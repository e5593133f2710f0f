//! The server functions of this feature: thin, each gives its caller's
//! request to the feature's service and answers for the caller (a page,
//! a plain form post, a fetch).

#[cfg(feature = "ssr")]
use crate::features::budget::forms::{budget_fields, BudgetForm};
use crate::features::budget::views::BudgetView;
use crate::features::budget::views::SpendingReview;
#[cfg(feature = "ssr")]
use crate::routes;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
#[cfg(feature = "ssr")]
use crate::ui::form::Control;
use crate::ui::form::FormSpec;
use crate::ui::page::StaffPage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The flash name of the request form.
#[cfg(feature = "ssr")]
const SPENDING_FORM: &str = "spending";

/// The signed-in citizen's own budget (`None`: none, or not a citizen). No
/// arguments: nobody else's can be asked for.
#[server(prefix = "/api", endpoint = "my_budget")]
pub async fn my_budget() -> Result<Option<BudgetView>, ServerFnError> {
    let cx = Ctx::get()?;
    let Some(user) = cx.maybe_user() else {
        return Ok(None);
    };
    crate::features::budget::service::my_budget(cx.store(), user, cx.now, cx.lang)
        .await
        .map_err(|e| crate::ssr::internal_error("read the budget", e))
}

/// The citizen asks for money: `amount` in Danish kroner, `purpose` in their
/// own words, `goal` (an accepted goal's id, or `ingen`), and the form's
/// idempotency `key`.
#[server(prefix = "/api", endpoint = "request_spending")]
pub async fn request_spending(amount: String, purpose: String, goal: Option<String>, key: String) -> Result<(), ServerFnError> {
    let cx = Ctx::get()?;
    use crate::features::budget::forms::SpendingInput;
    use crate::features::budget::service as budget;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let goal = goal.unwrap_or_default();
    let kept = FormFlash::typed(
        SPENDING_FORM,
        &[(budget_fields::AMOUNT, &amount), (budget_fields::PURPOSE, &purpose), (budget_fields::GOAL, &goal)],
    );
    let result = async {
        let user = cx.user()?;
        let input = SpendingInput::parse(&amount, &purpose, &goal).map_err(ServiceError::Invalid)?;
        budget::request(cx.store(), user, input, &key, cx.now).await
    }
    .await;
    match result {
        Ok(id) => {
            redirect(&with_answer(&routes::spending_request(id.0), "anmodet"));
            Ok(())
        }
        Err(e) => refused(e, "request spending", routes::REQUEST_SPENDING, Some(kept)).await,
    }
}

/// The citizen withdraws their request while it waits.
#[server(prefix = "/api", endpoint = "cancel_spending")]
pub async fn cancel_spending(request: i64) -> Result<(), ServerFnError> {
    use crate::features::budget::service as budget;
    use crate::kernel::ids::RequestId;
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let id = RequestId(request);
    let result = async { budget::cancel(cx.store(), cx.user()?, id, cx.now).await }.await;
    let back = routes::spending_request(id.0);
    finish(result, "cancel a request", &with_answer(&back, "annulleret"), &back, None).await
}

/// What the request page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpendingPage {
    /// No running budget to ask from.
    NoBudget,
    /// A helper the citizen did not give the right to ask for money.
    NotGiven,
    Form(FormSpec),
}

/// The request form, with what was typed and the messages if the last
/// submit was refused.
#[server(prefix = "/api", endpoint = "spending_form")]
pub async fn spending_form() -> Result<SpendingPage, ServerFnError> {
    use crate::features::budget::service as budget;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let Ok(user) = cx.user() else {
        return Ok(SpendingPage::NoBudget);
    };
    if crate::ssr::access::not_given(user, crate::ssr::access::Scope::Money) {
        return Ok(SpendingPage::NotGiven);
    }
    let fail = |e| crate::ssr::internal_error("read the budget", e);
    let Some(left) = budget::available_to_request(cx.store(), user).await.map_err(fail)? else {
        return Ok(SpendingPage::NoBudget);
    };
    let t = cx.lang.texts();
    let amount_hint = (t.budget.spend_amount_hint)(&left.to_string());
    let mut fields = vec![
        (budget_fields::AMOUNT, t.budget.spend_amount_label, Some(amount_hint.as_str()), Control::Money),
        (budget_fields::PURPOSE, t.budget.spend_purpose_label, Some(t.budget.spend_purpose_hint), Control::Lines),
    ];
    let goals = budget::goals_to_link(cx.store(), user).await.map_err(fail)?;
    if !goals.is_empty() {
        let mut choices = vec![(budget_fields::NO_GOAL.to_string(), t.budget.spend_no_goal.to_string())];
        choices.extend(goals.into_iter().map(|(id, title)| (id.to_string(), title)));
        fields.push((budget_fields::GOAL, t.budget.spend_goal_label, None, Control::Choice(choices)));
    }
    let key = vec![("key".to_string(), crate::ssr::forms::new_key())];
    let defaults = [(budget_fields::GOAL, budget_fields::NO_GOAL)];
    let spec =
        crate::ssr::forms::spec(BudgetForm::Spending, SPENDING_FORM, RequestSpending::PATH, key, fields, t.budget.spend_submit, &defaults)
            .await;
    Ok(SpendingPage::Form(spec))
}

/// A citizen's budget as their caseworker sees it, with the forms that fit
/// its state: grant (none running) or top up and end (running).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetWorkPage {
    pub citizen_id: i64,
    pub citizen: String,
    pub budget: Option<BudgetView>,
    pub grant: Option<FormSpec>,
    pub top_up: Option<FormSpec>,
    /// "50.000,00 kr."
    pub cap: String,
}

#[cfg(feature = "ssr")]
fn budget_page(citizen: i64) -> String {
    routes::citizen_budget(citizen)
}

/// The citizen's budget for their caseworker (writes the access log).
#[server(prefix = "/api", endpoint = "citizen_budget")]
pub async fn citizen_budget(citizen: i64) -> Result<StaffPage<BudgetWorkPage>, ServerFnError> {
    use crate::features::budget::service as budget;
    use crate::kernel::ids::PersonId;
    use crate::ssr::forms::spec;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let lang = cx.lang;
    let t = lang.texts();
    let r = async { budget::citizen_budget(cx.store(), cx.user()?, PersonId(citizen), cx.now, lang).await }.await;
    let b = match crate::ssr::service::staff_page(r, "open a citizen's budget")? {
        StaffPage::Shown(b) => b,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let hidden = || vec![("citizen".to_string(), citizen.to_string())];
    // A double tap without JavaScript tops up once.
    let keyed = || vec![("citizen".to_string(), citizen.to_string()), ("key".to_string(), crate::ssr::forms::new_key())];
    let (grant, top_up) = if b.running {
        let fields = vec![(budget_fields::AMOUNT, t.budget.spend_amount_label, None, Control::Money)];
        (
            None,
            Some(
                spec(BudgetForm::TopUp, &format!("topup:{citizen}"), TopUpBudget::PATH, keyed(), fields, t.budget.topup_submit, &[]).await,
            ),
        )
    } else {
        let fields = vec![
            (budget_fields::AMOUNT, t.budget.spend_amount_label, None, Control::Money),
            (budget_fields::MONTHS, t.budget.grant_months_label, None, Control::Number),
            (budget_fields::NOTE, t.budget.grant_note_label, None, Control::Lines),
        ];
        let defaults = [(budget_fields::MONTHS, "15")];
        (
            Some(
                spec(BudgetForm::Grant, &format!("grant:{citizen}"), GrantBudget::PATH, hidden(), fields, t.budget.grant_submit, &defaults)
                    .await,
            ),
            None,
        )
    };
    Ok(StaffPage::Shown(BudgetWorkPage {
        citizen_id: citizen,
        citizen: b.citizen,
        budget: b.budget,
        grant,
        top_up,
        cap: b.cap.to_string(),
    }))
}

/// The caseworker grants a budget: `amount` (Danish kroner, up to the cap),
/// `months`, an optional `note` for the citizen.
#[server(prefix = "/api", endpoint = "grant_budget")]
pub async fn grant_budget(citizen: i64, amount: String, months: String, note: String) -> Result<(), ServerFnError> {
    use crate::features::budget::forms::GrantInput;
    use crate::features::budget::service as budget;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(
        format!("grant:{citizen}"),
        &[(budget_fields::AMOUNT, &amount), (budget_fields::MONTHS, &months), (budget_fields::NOTE, &note)],
    );
    let result = async {
        let user = cx.user()?;
        let input = GrantInput::parse(&amount, &months, &note).map_err(ServiceError::Invalid)?;
        budget::grant(cx.store(), user, crate::kernel::ids::PersonId(citizen), input, cx.now).await
    }
    .await;
    let back = budget_page(citizen);
    finish(result, "grant a budget", &with_answer(&back, "gemt"), &back, Some(kept)).await
}

/// The caseworker adds `amount` to the running budget.
#[server(prefix = "/api", endpoint = "top_up_budget")]
pub async fn top_up_budget(citizen: i64, amount: String, key: String) -> Result<(), ServerFnError> {
    use crate::features::budget::service as budget;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(format!("topup:{citizen}"), &[(budget_fields::AMOUNT, &amount)]);
    let result = async {
        let user = cx.user()?;
        let amount = crate::features::budget::forms::parse_top_up(&amount).map_err(ServiceError::Invalid)?;
        budget::top_up(cx.store(), user, crate::kernel::ids::PersonId(citizen), amount, &key, cx.now).await
    }
    .await;
    let back = budget_page(citizen);
    finish(result, "top up a budget", &with_answer(&back, "gemt"), &back, Some(kept)).await
}

/// The caseworker ends the running budget.
#[server(prefix = "/api", endpoint = "end_budget")]
pub async fn end_budget(citizen: i64) -> Result<(), ServerFnError> {
    use crate::features::budget::service as budget;
    use crate::ssr::forms::{finish, with_answer};
    let cx = Ctx::get()?;
    let result = async { budget::end(cx.store(), cx.user()?, crate::kernel::ids::PersonId(citizen), cx.now).await }.await;
    let back = budget_page(citizen);
    finish(result, "end a budget", &with_answer(&back, "afsluttet"), &back, None).await
}

/// A request to answer, and the answer form (with what was typed, if the
/// last answer was refused). Opening it writes the citizen's access log.
#[server(prefix = "/api", endpoint = "spending_review")]
pub async fn review_spending(request: i64) -> Result<StaffPage<(SpendingReview, FormSpec)>, ServerFnError> {
    use crate::features::budget::service as budget;
    use crate::kernel::ids::RequestId;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let lang = cx.lang;
    let t = lang.texts();
    let r = async { budget::review(cx.store(), cx.user()?, RequestId(request), cx.now, lang).await }.await;
    let review = match crate::ssr::service::staff_page(r, "open a spending request")? {
        StaffPage::Shown(review) => review,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let hidden = vec![("request".to_string(), request.to_string())];
    if review.correctable {
        // Decided with less than was asked for: the form corrects it upwards.
        let (name, asked) = (correction_form(request), &review.request.amount);
        let spec = correction_spec(&name, CorrectSpending::PATH, hidden, asked, &review.available, t.inbox.correction_submit).await;
        return Ok(StaffPage::Shown((review, spec)));
    }
    let choices = [
        (budget_fields::APPROVE, t.budget.spending_approve),
        (budget_fields::LOWER, t.budget.spending_lower),
        (budget_fields::DECLINE, t.budget.spending_decline),
    ]
    .into_iter()
    .map(|(v, l)| (v.to_string(), l.to_string()))
    .collect();
    let fields = vec![
        (budget_fields::ANSWER, t.answer_label, None, Control::Choice(choices)),
        (budget_fields::AMOUNT, t.budget.spending_lower_label, None, Control::Money),
        (budget_fields::REASON, t.reason_label, Some(t.reason_hint), Control::Lines),
    ];
    let spec = crate::ssr::forms::spec(
        BudgetForm::SpendingAnswer,
        &answer_form(request),
        DecideSpending::PATH,
        hidden,
        fields,
        t.answer_submit,
        &[],
    )
    .await;
    Ok(StaffPage::Shown((review, spec)))
}

#[cfg(feature = "ssr")]
fn answer_form(request: i64) -> String {
    format!("spending_answer:{request}")
}

#[cfg(feature = "ssr")]
fn correction_form(request: i64) -> String {
    format!("spending_correction:{request}")
}

/// The form that corrects a decision on money upwards (the new amount, with
/// what was `asked` for and what is `left` as its hint, and the reasons),
/// posted to `action`: from the request's page, or from a complaint about it.
#[cfg(feature = "ssr")]
pub async fn correction_spec(name: &str, action: &str, hidden: Vec<(String, String)>, asked: &str, left: &str, submit: &str) -> FormSpec {
    let t = crate::ssr::request_lang().texts();
    let hint = (t.budget.correct_amount_hint)(asked, left);
    let fields = vec![
        (budget_fields::AMOUNT, t.budget.correct_amount_label, Some(hint.as_str()), Control::Money),
        (budget_fields::REASON, t.budget.correct_reason_label, Some(t.reason_hint), Control::Lines),
    ];
    crate::ssr::forms::spec(BudgetForm::Correction, name, action, hidden, fields, submit, &[]).await
}

/// The caseworker corrects the decision on a request in the citizen's
/// favour: the new approved `amount` and the `reason`.
#[server(prefix = "/api", endpoint = "correct_spending")]
pub async fn correct_spending(request: i64, amount: String, reason: String) -> Result<(), ServerFnError> {
    use crate::features::budget::forms::CorrectionInput;
    use crate::features::budget::service as budget;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(correction_form(request), &[(budget_fields::AMOUNT, &amount), (budget_fields::REASON, &reason)]);
    let result = async {
        let user = cx.user()?;
        let input = CorrectionInput::parse(&amount, &reason).map_err(ServiceError::Invalid)?;
        budget::correct(cx.store(), user, crate::kernel::ids::RequestId(request), input, cx.now).await.map(|_| ())
    }
    .await;
    let back = routes::spending_review(request);
    finish(result, "correct a spending decision", &with_answer(&back, "besvaret"), &back, Some(kept)).await
}

/// The caseworker answers a request: `answer` is `approve`, `lower` (with
/// `amount` and `reason`) or `decline` (with `reason`).
#[server(prefix = "/api", endpoint = "decide_spending")]
pub async fn decide_spending(request: i64, answer: Option<String>, amount: String, reason: String) -> Result<(), ServerFnError> {
    use crate::features::budget::forms::SpendingAnswer;
    use crate::features::budget::service as budget;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let answer = answer.unwrap_or_default();
    let kept = FormFlash::typed(
        answer_form(request),
        &[(budget_fields::ANSWER, &answer), (budget_fields::AMOUNT, &amount), (budget_fields::REASON, &reason)],
    );
    let result = async {
        let user = cx.user()?;
        let parsed = SpendingAnswer::parse(&answer, &amount, &reason).map_err(ServiceError::Invalid)?;
        budget::decide(cx.store(), user, crate::kernel::ids::RequestId(request), parsed, cx.now).await
    }
    .await;
    let back = routes::spending_review(request);
    finish(result, "answer a spending request", &with_answer(routes::INBOX, "besvaret"), &back, Some(kept)).await
}
