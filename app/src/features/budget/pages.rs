//! "Budget": the citizen's personal budget — granted, spent, reserved and
//! what is left, as figures and as a bar; their requests with the answers;
//! every movement of money — and the form to ask for money. Its server
//! functions (`server.rs`) are thin: the rules are in `service.rs`.

use leptos::prelude::*;

use crate::features::budget::views::BudgetView;
use crate::features::budget::views::SpendingView;
use crate::features::decisions::pages::Decision;
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{ButtonForm, NeedsLogin, Outcome, PageHeading, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

#[component]
pub fn Budget() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.budget.budget_title body=t.budget.budget_body next=routes::BUDGET/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| my_budget());
    view! {
        <PageHeading title=t.budget.budget_title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(b)) => view! { <CitizenBudget b t/> }.into_any(),
                    Ok(None) => view! {
                        <h2 class="mb-2 text-2xl font-bold">{t.budget.budget_none_heading}</h2>
                        <p class="mb-4">{t.budget.budget_none_body}</p>
                        <a href=routes::CASEWORKER class="btn-secondary">{t.nav_caseworker}</a>
                    }
                    .into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn CitizenBudget(b: BudgetView, t: &'static Texts) -> impl IntoView {
    let requests = b.requests.clone();
    let ended = b.ended.clone();
    view! {
        {match ended {
            Some(when) => view! { <p class="notice mb-4">{(t.budget.budget_ended)(&when)}</p> }.into_any(),
            None => view! { <p class="mb-6"><a href=routes::REQUEST_SPENDING class="btn-primary">{t.budget.spend_title}</a></p> }.into_any(),
        }}
        <Figures b=b.clone() t/>
        <Requests requests t staff=false/>
        <Ledger b t/>
    }
    .into_any()
}

/// The figures and the bar (shared with the caseworker's view).
#[component]
pub fn Figures(b: BudgetView, t: &'static Texts) -> impl IntoView {
    // The bar repeats the figures beside it, so it is hidden from screen
    // readers; an SVG, since the page's CSP allows no inline styles.
    let reserved_x = b.spent_pct.to_string();
    let figures = [
        (t.budget.budget_granted, b.granted, "font-semibold"),
        (t.budget.budget_spent, b.spent, ""),
        (t.budget.budget_reserved, b.reserved, ""),
        (t.budget.budget_available, b.available, "text-xl font-bold"),
    ];
    view! {
        <p class="mb-4">{format!("{}: {}", t.budget.budget_period, b.period)}</p>
        <svg class="mb-2 h-6 w-full" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect x="0" y="0" width="100" height="6" fill="#ffffff" stroke="#545454" stroke-width="0.4"/>
            <rect x="0" y="0" width=b.spent_pct.to_string() height="6" fill="#0059b3"/>
            <rect x=reserved_x y="0" width=b.reserved_pct.to_string() height="6" fill="#8fb3e0"/>
        </svg>
        <dl class="mb-8 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
            {figures
                .into_iter()
                .map(|(k, v, class)| view! { <dt class=class>{k}</dt><dd class=format!("text-right {class}")>{v}</dd> })
                .collect_view()}
        </dl>
        {b.note.map(|n| view! { <p class="notice"><span class="font-semibold">{t.budget.budget_note}": "</span>{n}</p> })}
    }
    .into_any()
}

/// The requests, newest first, with their answers; the citizen can withdraw
/// a waiting one, the caseworker opens it to answer.
#[component]
pub fn Requests(requests: Vec<SpendingView>, t: &'static Texts, staff: bool) -> impl IntoView {
    let cancel_url = <CancelSpending as leptos::server_fn::ServerFn>::PATH;
    let items = requests
        .into_iter()
        .map(|r| {
            let pending = r.status == "pending";
            let decided = matches!(r.status.as_str(), "approved" | "declined");
            let action = match (pending, staff) {
                // A decided request: the caseworker reads the decision there and may correct it.
                (false, true) if decided => {
                    Some(view! { <a href=routes::spending_review(r.id) class="link">{t.budget.request_open_decided}</a> }.into_any())
                }
                (false, _) => None,
                (true, false) => Some(
                    view! { <ButtonForm action=cancel_url hidden=vec![("request", r.id.to_string())] label=t.budget.request_cancel/> }
                        .into_any(),
                ),
                (true, true) => Some(view! { <a href=routes::spending_review(r.id) class="link">{t.budget.request_answer}</a> }.into_any()),
            };
            let facts = [
                Some((t.budget.request_amount, r.amount)),
                r.approved.map(|a| (t.budget.request_approved, a)),
                r.goal.map(|g| (t.budget.request_goal, g)),
                Some((t.budget.request_sent, r.asked)),
            ];
            view! {
                <li id=format!("anmodning-{}", r.id) class="card">
                    <h3 class="text-lg font-bold whitespace-pre-line">{r.purpose}</h3>
                    <p class="font-semibold">{t.request_status(&r.status)}</p>
                    <dl class="grid grid-cols-[auto_1fr] gap-x-3">
                        {facts.into_iter().flatten().map(|(k, v)| view! { <dt class="text-muted">{k}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                    {r.decisions.into_iter().map(|d| view! { <Decision d t/> }).collect_view()}
                    {action.map(|a| view! { <div class="mt-3">{a}</div> })}
                </li>
            }
        })
        .collect::<Vec<_>>();
    let empty = items.is_empty().then(|| view! { <p class="text-muted">{t.budget.budget_requests_none}</p> });
    view! {
        <section aria-labelledby="oensker" class="mb-8">
            <h2 id="oensker" class="mb-3 text-2xl font-bold">{if staff { t.budget.budget_requests_heading_staff } else { t.budget.budget_requests_heading }}</h2>
            {empty}
            <ul class="flex flex-col gap-3">{items}</ul>
            {(!staff).then(|| view! { <p class="mt-2"><a href=routes::DECISIONS class="link">{t.decisions.link}</a></p> })}
        </section>
    }
    .into_any()
}

/// Every movement of money, newest first.
#[component]
pub fn Ledger(b: BudgetView, t: &'static Texts) -> impl IntoView {
    let ledger = b
        .ledger
        .into_iter()
        .map(|l| {
            view! {
                <li class="py-2">
                    <p>
                        <span class="font-semibold">{t.ledger_kind(&l.kind)}</span>
                        ": "{l.amount}
                    </p>
                    {l.about.map(|a| view! { <p>{a}</p> })}
                    <p class="text-base text-muted">{l.when}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="bevaegelser">
            <h2 id="bevaegelser" class="mb-3 text-2xl font-bold">{t.budget.budget_ledger_heading}</h2>
            <ul class="flex flex-col divide-y divide-line">{ledger}</ul>
        </section>
    }
    .into_any()
}

/// "Bed om penge": the citizen asks for money from their budget.
#[component]
pub fn RequestSpending() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.budget.spend_title body=t.budget.budget_body next=routes::REQUEST_SPENDING/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| spending_form());
    view! {
        <PageHeading title=t.budget.spend_title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(SpendingPage::Form(spec)) => view! {
                        <p class="mb-6">{t.budget.spend_intro}</p>
                        <CheckedForm spec/>
                    }
                    .into_any(),
                    Ok(SpendingPage::NotGiven) => view! { <crate::features::representation::pages::NotGiven/> }.into_any(),
                    Ok(SpendingPage::NoBudget) => view! {
                        <h2 class="mb-2 text-2xl font-bold">{t.budget.budget_none_heading}</h2>
                        <p class="mb-4">{t.budget.budget_none_body}</p>
                    }
                    .into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=routes::BUDGET class="link">{t.budget.back_to_budget}</a></p>
    }
    .into_any()
}
