//! The caseworker's side of the personal budget: a citizen's budget with the
//! forms to grant, top up and end it, and the page where a request for money
//! is answered. Opening either writes the citizen's access log. Who may do
//! what is decided in this feature's `service.rs`.

use leptos::prelude::*;

use crate::features::budget::pages::{Figures, Ledger, Requests};
use crate::features::budget::views::SpendingReview;
use crate::features::decisions::pages::{Correction, Decision};
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::form::{CheckedForm, FormSpec};
use crate::ui::page::{object_page, ObjectPage};
use crate::ui::page::{ButtonForm, Notice};

use super::server::*;

/// "Personligt budget" for one citizen, as their caseworker works on it.
#[component]
pub fn CitizenBudgetPage() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.budget.citizen_budget_title,
        login_body: t.inbox_body,
        next: routes::CASELOAD,
        not_allowed: t.notice_not_allowed,
        back: None,
    };
    object_page(page, citizen_budget, |p, t| view! { <BudgetWork p t/> }.into_any())
}

#[component]
fn BudgetWork(p: BudgetWorkPage, t: &'static Texts) -> impl IntoView {
    let end_url = <EndBudget as leptos::server_fn::ServerFn>::PATH;
    let plan_link = routes::citizen(p.citizen_id);
    let budget = match p.budget {
        Some(b) => {
            let requests = b.requests.clone();
            let ended = b.ended.clone().map(|when| view! { <p class="notice mb-4">{(t.budget.citizen_budget_ended)(&when)}</p> });
            view! {
                {ended}
                <Figures b=b.clone() t/>
                <Requests requests t staff=true/>
                <Ledger b t/>
            }
            .into_any()
        }
        None => view! { <p class="mb-6">{t.budget.citizen_budget_none}</p> }.into_any(),
    };
    let grant = p.grant.map(|spec| {
        view! {
            <section aria-labelledby="bevilg" class="card mb-8">
                <h2 id="bevilg" class="text-xl font-bold">{t.budget.grant_heading}</h2>
                <p class="mb-4">{(t.budget.grant_intro)(&p.cap)}</p>
                <CheckedForm spec/>
            </section>
        }
    });
    let running = p.top_up.map(|spec| {
        view! {
            <section aria-labelledby="tillaeg" class="card mb-6">
                <h2 id="tillaeg" class="text-xl font-bold">{t.budget.topup_heading}</h2>
                <p class="mb-4">{(t.budget.grant_intro)(&p.cap)}</p>
                <CheckedForm spec/>
            </section>
            <section aria-labelledby="afslut" class="card mb-8">
                <h2 id="afslut" class="text-xl font-bold">{t.budget.end_heading}</h2>
                <p class="mb-4">{t.budget.end_intro}</p>
                <ButtonForm action=end_url hidden=vec![("citizen", p.citizen_id.to_string())] label=t.budget.end_submit/>
            </section>
        }
    });
    view! {
        <p class="mb-1 text-xl font-bold">{p.citizen}</p>
        <p class="mb-4 text-base text-muted">{t.citizen_plan_log_note}</p>
        {grant}
        {budget}
        {running}
        <p class="mt-6"><a href=plan_link class="link">{t.budget.back_to_citizen_plan}</a></p>
    }
    .into_any()
}

/// A request for money and the caseworker's answer form.
#[component]
pub fn SpendingReviewPage() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.budget.spending_review_title,
        login_body: t.inbox_body,
        next: routes::INBOX,
        not_allowed: t.notice_not_allowed,
        back: Some((routes::INBOX, t.back_to_inbox)),
    };
    object_page(page, review_spending, |(review, spec), t| view! { <Review review spec t/> }.into_any())
}

#[component]
fn Review(review: SpendingReview, spec: FormSpec, t: &'static Texts) -> impl IntoView {
    let r = review.request;
    let facts = [
        Some((t.review_citizen, review.citizen)),
        Some((t.budget.request_amount, r.amount)),
        r.approved.map(|a| (t.budget.request_approved, a)),
        r.goal.map(|g| (t.budget.request_goal, g)),
        Some((t.budget.request_sent, r.asked)),
        Some((t.budget.spending_available, review.available)),
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
        <p class="mb-4 text-base text-muted">{t.budget.spending_log_note}</p>
        {if review.open {
            view! { <CheckedForm spec/> }.into_any()
        } else if review.correctable {
            let note = review.paid.then_some(t.budget.correct_paid_note);
            view! { <Correction spec closed=t.budget.spending_closed t note/> }.into_any()
        } else {
            view! {
                <Notice text=t.budget.spending_closed/>
                {review.paid.then(|| view! { <p class="mt-4 max-w-prose">{t.budget.correct_paid_note}</p> })}
            }
            .into_any()
        }}
    }
    .into_any()
}
