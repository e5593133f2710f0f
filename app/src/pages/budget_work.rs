//! The caseworker's side of the personal budget: a citizen's budget with the
//! forms to grant, top up and end it, and the page where a request for money
//! is answered. Opening either writes the citizen's access log. Who may do
//! what is decided in `services::budget`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::components::form::Control;
use crate::components::form::{CheckedForm, FormSpec};
use crate::components::page::{ButtonForm, Notice};
#[cfg(feature = "ssr")]
use crate::domain::forms::{budget_fields, FormKind};
use crate::domain::views::{BudgetView, SpendingReview};
use crate::i18n::{use_lang, Texts};
use crate::pages::budget::{Figures, Ledger, Requests};
use crate::pages::inbox::{object_page, ObjectPage, StaffPage};
use crate::pages::plan::Decision;
use crate::shell::paths;

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
    crate::ssr::services::budget::citizen_budget_link(crate::domain::ids::PersonId(citizen))
}

/// The citizen's budget for their caseworker (writes the access log).
#[server(prefix = "/api", endpoint = "citizen_budget")]
pub async fn citizen_budget(citizen: i64) -> Result<StaffPage<BudgetWorkPage>, ServerFnError> {
    use crate::domain::ids::PersonId;
    use crate::ssr::forms::spec;
    use crate::ssr::services::{budget, signed_in};
    use leptos::server_fn::ServerFn;
    let store = crate::ssr::store()?;
    let lang = crate::ssr::request_lang();
    let t = lang.texts();
    let r = async { budget::citizen_budget(store.as_ref(), &signed_in()?, PersonId(citizen), crate::ssr::now_ms(), lang).await }.await;
    let b = match crate::pages::inbox::staff_page(r, "open a citizen's budget")? {
        StaffPage::Shown(b) => b,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let hidden = || vec![("citizen".to_string(), citizen.to_string())];
    let (grant, top_up) = if b.running {
        let fields = vec![(budget_fields::AMOUNT, t.spend_amount_label, None, Control::Money)];
        (None, Some(spec(FormKind::TopUp, &format!("topup:{citizen}"), TopUpBudget::PATH, hidden(), fields, t.topup_submit, &[]).await))
    } else {
        let fields = vec![
            (budget_fields::AMOUNT, t.spend_amount_label, None, Control::Money),
            (budget_fields::MONTHS, t.grant_months_label, None, Control::Number),
            (budget_fields::NOTE, t.grant_note_label, None, Control::Lines),
        ];
        let defaults = [(budget_fields::MONTHS, "15")];
        (
            Some(spec(FormKind::Grant, &format!("grant:{citizen}"), GrantBudget::PATH, hidden(), fields, t.grant_submit, &defaults).await),
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
    use crate::domain::forms::GrantInput;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::services::{budget, signed_in, ServiceError};
    let store = crate::ssr::store()?;
    let kept = FormFlash::typed(
        format!("grant:{citizen}"),
        &[(budget_fields::AMOUNT, &amount), (budget_fields::MONTHS, &months), (budget_fields::NOTE, &note)],
    );
    let result = async {
        let user = signed_in()?;
        let input = GrantInput::parse(&amount, &months, &note).map_err(ServiceError::Invalid)?;
        budget::grant(store.as_ref(), &user, crate::domain::ids::PersonId(citizen), input, crate::ssr::now_ms()).await
    }
    .await;
    let back = budget_page(citizen);
    finish(result, "grant a budget", &with_answer(&back, "gemt"), &back, Some(kept)).await
}

/// The caseworker adds `amount` to the running budget.
#[server(prefix = "/api", endpoint = "top_up_budget")]
pub async fn top_up_budget(citizen: i64, amount: String) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::services::{budget, signed_in, ServiceError};
    let store = crate::ssr::store()?;
    let kept = FormFlash::typed(format!("topup:{citizen}"), &[(budget_fields::AMOUNT, &amount)]);
    let result = async {
        let user = signed_in()?;
        let amount = crate::domain::forms::parse_top_up(&amount).map_err(ServiceError::Invalid)?;
        budget::top_up(store.as_ref(), &user, crate::domain::ids::PersonId(citizen), amount, crate::ssr::now_ms()).await
    }
    .await;
    let back = budget_page(citizen);
    finish(result, "top up a budget", &with_answer(&back, "gemt"), &back, Some(kept)).await
}

/// The caseworker ends the running budget.
#[server(prefix = "/api", endpoint = "end_budget")]
pub async fn end_budget(citizen: i64) -> Result<(), ServerFnError> {
    use crate::ssr::forms::{finish, with_answer};
    use crate::ssr::services::{budget, signed_in};
    let store = crate::ssr::store()?;
    let result =
        async { budget::end(store.as_ref(), &signed_in()?, crate::domain::ids::PersonId(citizen), crate::ssr::now_ms()).await }.await;
    let back = budget_page(citizen);
    finish(result, "end a budget", &with_answer(&back, "afsluttet"), &back, None).await
}

/// A request to answer, and the answer form (with what was typed, if the
/// last answer was refused). Opening it writes the citizen's access log.
#[server(prefix = "/api", endpoint = "spending_review")]
pub async fn review_spending(request: i64) -> Result<StaffPage<(SpendingReview, FormSpec)>, ServerFnError> {
    use crate::domain::ids::RequestId;
    use crate::ssr::services::{budget, signed_in};
    use leptos::server_fn::ServerFn;
    let store = crate::ssr::store()?;
    let lang = crate::ssr::request_lang();
    let t = lang.texts();
    let r = async { budget::review(store.as_ref(), &signed_in()?, RequestId(request), crate::ssr::now_ms(), lang).await }.await;
    let review = match crate::pages::inbox::staff_page(r, "open a spending request")? {
        StaffPage::Shown(review) => review,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let choices = [
        (budget_fields::APPROVE, t.spending_approve),
        (budget_fields::LOWER, t.spending_lower),
        (budget_fields::DECLINE, t.spending_decline),
    ]
    .into_iter()
    .map(|(v, l)| (v.to_string(), l.to_string()))
    .collect();
    let fields = vec![
        (budget_fields::ANSWER, t.answer_label, None, Control::Choice(choices)),
        (budget_fields::AMOUNT, t.spending_lower_label, None, Control::Money),
        (budget_fields::REASON, t.reason_label, Some(t.reason_hint), Control::Lines),
    ];
    let hidden = vec![("request".to_string(), request.to_string())];
    let spec = crate::ssr::forms::spec(
        FormKind::SpendingAnswer,
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

/// The caseworker answers a request: `answer` is `approve`, `lower` (with
/// `amount` and `reason`) or `decline` (with `reason`).
#[server(prefix = "/api", endpoint = "decide_spending")]
pub async fn decide_spending(request: i64, answer: Option<String>, amount: String, reason: String) -> Result<(), ServerFnError> {
    use crate::domain::forms::SpendingAnswer;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::services::{budget, signed_in, ServiceError};
    let store = crate::ssr::store()?;
    let answer = answer.unwrap_or_default();
    let kept = FormFlash::typed(
        answer_form(request),
        &[(budget_fields::ANSWER, &answer), (budget_fields::AMOUNT, &amount), (budget_fields::REASON, &reason)],
    );
    let result = async {
        let user = signed_in()?;
        let parsed = SpendingAnswer::parse(&answer, &amount, &reason).map_err(ServiceError::Invalid)?;
        budget::decide(store.as_ref(), &user, crate::domain::ids::RequestId(request), parsed, crate::ssr::now_ms()).await
    }
    .await;
    let back = format!("{}/{request}", paths::INBOX_SPENDING);
    finish(result, "answer a spending request", &with_answer(paths::INBOX, "besvaret"), &back, Some(kept)).await
}

/// "Personligt budget" for one citizen, as their caseworker works on it.
#[component]
pub fn CitizenBudgetPage() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.citizen_budget_title,
        login_body: t.inbox_body,
        next: paths::CASELOAD,
        not_allowed: t.notice_not_allowed,
        back: None,
    };
    object_page(page, citizen_budget, |p, t| view! { <BudgetWork p t/> }.into_any())
}

#[component]
fn BudgetWork(p: BudgetWorkPage, t: &'static Texts) -> impl IntoView {
    let end_url = <EndBudget as leptos::server_fn::ServerFn>::PATH;
    let plan_link = format!("{}/{}", paths::CITIZEN, p.citizen_id);
    let budget = match p.budget {
        Some(b) => {
            let requests = b.requests.clone();
            let ended = b.ended.clone().map(|when| view! { <p class="notice mb-4">{t.citizen_budget_ended.replace("{date}", &when)}</p> });
            view! {
                {ended}
                <Figures b=b.clone() t/>
                <Requests requests t staff=true/>
                <Ledger b t/>
            }
            .into_any()
        }
        None => view! { <p class="mb-6">{t.citizen_budget_none}</p> }.into_any(),
    };
    let grant = p.grant.map(|spec| {
        view! {
            <section aria-labelledby="bevilg" class="card mb-8">
                <h2 id="bevilg" class="text-xl font-bold">{t.grant_heading}</h2>
                <p class="mb-4">{t.grant_intro.replace("{cap}", &p.cap)}</p>
                <CheckedForm spec/>
            </section>
        }
    });
    let running = p.top_up.map(|spec| {
        view! {
            <section aria-labelledby="tillaeg" class="card mb-6">
                <h2 id="tillaeg" class="text-xl font-bold">{t.topup_heading}</h2>
                <p class="mb-4">{t.grant_intro.replace("{cap}", &p.cap)}</p>
                <CheckedForm spec/>
            </section>
            <section aria-labelledby="afslut" class="card mb-8">
                <h2 id="afslut" class="text-xl font-bold">{t.end_heading}</h2>
                <p class="mb-4">{t.end_intro}</p>
                <ButtonForm action=end_url hidden=vec![("citizen", p.citizen_id.to_string())] label=t.end_submit/>
            </section>
        }
    });
    view! {
        <p class="mb-1 text-xl font-bold">{p.citizen}</p>
        <p class="mb-4 text-base text-muted">{t.citizen_plan_log_note}</p>
        {grant}
        {budget}
        {running}
        <p class="mt-6"><a href=plan_link class="link">{t.back_to_citizen_plan}</a></p>
    }
    .into_any()
}

/// A request for money and the caseworker's answer form.
#[component]
pub fn SpendingReviewPage() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.spending_review_title,
        login_body: t.inbox_body,
        next: paths::INBOX,
        not_allowed: t.notice_not_allowed,
        back: Some((paths::INBOX, t.back_to_inbox)),
    };
    object_page(page, review_spending, |(review, spec), t| view! { <Review review spec t/> }.into_any())
}

#[component]
fn Review(review: SpendingReview, spec: FormSpec, t: &'static Texts) -> impl IntoView {
    let r = review.request;
    let facts = [
        Some((t.review_citizen, review.citizen)),
        Some((t.request_amount, r.amount)),
        r.approved.map(|a| (t.request_approved, a)),
        r.goal.map(|g| (t.request_goal, g)),
        Some((t.request_sent, r.asked)),
        Some((t.spending_available, review.available)),
    ];
    view! {
        <div class="card mb-6">
            <h2 class="text-xl font-bold whitespace-pre-line">{r.purpose}</h2>
            <p class="font-semibold">{t.request_status(&r.status)}</p>
            <dl class="grid grid-cols-[auto_1fr] gap-x-3">
                {facts.into_iter().flatten().map(|(k, v)| view! { <dt class="text-muted">{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
            {r.decisions.into_iter().map(|d| view! { <Decision d t/> }).collect_view()}
            <p class="mt-3"><a href=review.budget_link class="link">{t.open_budget_link}</a></p>
        </div>
        <p class="mb-4 text-base text-muted">{t.review_log_note}</p>
        {if review.open {
            view! { <CheckedForm spec/> }.into_any()
        } else {
            view! { <Notice text=t.spending_closed/> }.into_any()
        }}
    }
    .into_any()
}
