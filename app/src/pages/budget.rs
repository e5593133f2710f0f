//! "Budget": the citizen's personal budget — granted, spent, reserved and
//! what is left, as figures and as a bar; their requests with the answers;
//! every movement of money — and the form to ask for money. Server
//! functions are thin: the rules are in `services::budget`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::components::form::Control;
use crate::components::form::{CheckedForm, FormSpec};
use crate::components::page::{ButtonForm, NeedsLogin, Outcome, PageHeading, Unavailable};
#[cfg(feature = "ssr")]
use crate::domain::forms::{budget_fields, FormKind};
use crate::domain::views::{BudgetView, SpendingView};
use crate::i18n::{use_lang, Texts};
use crate::pages::plan::Decision;
use crate::shell::paths;
use crate::viewer::viewer;

/// The flash name of the request form.
#[cfg(feature = "ssr")]
const SPENDING_FORM: &str = "spending";

/// The signed-in citizen's own budget (`None`: none, or not a citizen). No
/// arguments: nobody else's can be asked for.
#[server(prefix = "/api", endpoint = "my_budget")]
pub async fn my_budget() -> Result<Option<BudgetView>, ServerFnError> {
    let Some(user) = crate::ssr::auth::current_user() else {
        return Ok(None);
    };
    let store = crate::ssr::store()?;
    crate::ssr::services::budget::my_budget(store.as_ref(), &user, crate::ssr::request_lang())
        .await
        .map_err(|e| crate::ssr::internal_error("read the budget", e))
}

/// The citizen asks for money: `amount` in Danish kroner, `purpose` in their
/// own words, `goal` (an accepted goal's id, or `ingen`), and the form's
/// idempotency `key`.
#[server(prefix = "/api", endpoint = "request_spending")]
pub async fn request_spending(amount: String, purpose: String, goal: Option<String>, key: String) -> Result<(), ServerFnError> {
    let store = crate::ssr::store()?;
    use crate::domain::forms::SpendingInput;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::services::{budget, signed_in, ServiceError};
    let goal = goal.unwrap_or_default();
    let kept = FormFlash::typed(
        SPENDING_FORM,
        &[(budget_fields::AMOUNT, &amount), (budget_fields::PURPOSE, &purpose), (budget_fields::GOAL, &goal)],
    );
    let result = async {
        let user = signed_in()?;
        let input = SpendingInput::parse(&amount, &purpose, &goal).map_err(ServiceError::Invalid)?;
        budget::request(store.as_ref(), &user, input, &key, crate::ssr::now_ms()).await
    }
    .await;
    match result {
        Ok(id) => {
            redirect(&with_answer(&budget::request_link(id), "anmodet"));
            Ok(())
        }
        Err(e) => refused(e, "request spending", paths::REQUEST_SPENDING, Some(kept)).await,
    }
}

/// The citizen withdraws their request while it waits.
#[server(prefix = "/api", endpoint = "cancel_spending")]
pub async fn cancel_spending(request: i64) -> Result<(), ServerFnError> {
    use crate::domain::ids::RequestId;
    use crate::ssr::forms::{finish, with_answer};
    use crate::ssr::services::{budget, signed_in};
    let store = crate::ssr::store()?;
    let id = RequestId(request);
    let result = async { budget::cancel(store.as_ref(), &signed_in()?, id, crate::ssr::now_ms()).await }.await;
    let back = budget::request_link(id);
    finish(result, "cancel a request", &with_answer(&back, "annulleret"), &back, None).await
}

/// What the request page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpendingPage {
    /// No running budget to ask from.
    NoBudget,
    Form(FormSpec),
}

/// The request form, with what was typed and the messages if the last
/// submit was refused.
#[server(prefix = "/api", endpoint = "spending_form")]
pub async fn spending_form() -> Result<SpendingPage, ServerFnError> {
    use crate::ssr::services::{budget, signed_in};
    use leptos::server_fn::ServerFn;
    let Ok(user) = signed_in() else {
        return Ok(SpendingPage::NoBudget);
    };
    let store = crate::ssr::store()?;
    let fail = |e| crate::ssr::internal_error("read the budget", e);
    let Some(left) = budget::available_to_request(store.as_ref(), &user).await.map_err(fail)? else {
        return Ok(SpendingPage::NoBudget);
    };
    let t = crate::ssr::request_lang().texts();
    let amount_hint = t.spend_amount_hint.replace("{left}", &left.to_string());
    let mut fields = vec![
        (budget_fields::AMOUNT, t.spend_amount_label, Some(amount_hint.as_str()), Control::Money),
        (budget_fields::PURPOSE, t.spend_purpose_label, Some(t.spend_purpose_hint), Control::Lines),
    ];
    let goals = budget::goals_to_link(store.as_ref(), &user).await.map_err(fail)?;
    if !goals.is_empty() {
        let mut choices = vec![(budget_fields::NO_GOAL.to_string(), t.spend_no_goal.to_string())];
        choices.extend(goals.into_iter().map(|(id, title)| (id.to_string(), title)));
        fields.push((budget_fields::GOAL, t.spend_goal_label, None, Control::Choice(choices)));
    }
    let key = vec![("key".to_string(), crate::ssr::forms::new_key())];
    let defaults = [(budget_fields::GOAL, budget_fields::NO_GOAL)];
    let spec =
        crate::ssr::forms::spec(FormKind::Spending, SPENDING_FORM, RequestSpending::PATH, key, fields, t.spend_submit, &defaults).await;
    Ok(SpendingPage::Form(spec))
}

#[component]
pub fn Budget() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.budget_title body=t.budget_body next=paths::BUDGET/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| my_budget());
    view! {
        <PageHeading title=t.budget_title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(b)) => view! { <CitizenBudget b t/> }.into_any(),
                    Ok(None) => view! {
                        <h2 class="mb-2 text-2xl font-bold">{t.budget_none_heading}</h2>
                        <p class="mb-4">{t.budget_none_body}</p>
                        <a href=paths::CASEWORKER class="btn-secondary">{t.nav_caseworker}</a>
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
            Some(when) => view! { <p class="notice mb-4">{t.budget_ended.replace("{date}", &when)}</p> }.into_any(),
            None => view! { <p class="mb-6"><a href=paths::REQUEST_SPENDING class="btn-primary">{t.spend_title}</a></p> }.into_any(),
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
        (t.budget_granted, b.granted, "font-semibold"),
        (t.budget_spent, b.spent, ""),
        (t.budget_reserved, b.reserved, ""),
        (t.budget_available, b.available, "text-xl font-bold"),
    ];
    view! {
        <p class="mb-4">{format!("{}: {}", t.budget_period, b.period)}</p>
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
        {b.note.map(|n| view! { <p class="notice"><span class="font-semibold">{t.budget_note}": "</span>{n}</p> })}
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
            let action = match (pending, staff) {
                (false, _) => None,
                (true, false) => Some(
                    view! { <ButtonForm action=cancel_url hidden=vec![("request", r.id.to_string())] label=t.request_cancel/> }.into_any(),
                ),
                (true, true) => {
                    Some(view! { <a href=format!("{}/{}", paths::INBOX_SPENDING, r.id) class="link">{t.request_answer}</a> }.into_any())
                }
            };
            let facts = [
                Some((t.request_amount, r.amount)),
                r.approved.map(|a| (t.request_approved, a)),
                r.goal.map(|g| (t.request_goal, g)),
                Some((t.request_sent, r.asked)),
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
    let empty = items.is_empty().then(|| view! { <p class="text-muted">{t.budget_requests_none}</p> });
    view! {
        <section aria-labelledby="oensker" class="mb-8">
            <h2 id="oensker" class="mb-3 text-2xl font-bold">{if staff { t.budget_requests_heading_staff } else { t.budget_requests_heading }}</h2>
            {empty}
            <ul class="flex flex-col gap-3">{items}</ul>
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
            <h2 id="bevaegelser" class="mb-3 text-2xl font-bold">{t.budget_ledger_heading}</h2>
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
        return view! { <NeedsLogin title=t.spend_title body=t.budget_body next=paths::REQUEST_SPENDING/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| spending_form());
    view! {
        <PageHeading title=t.spend_title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(SpendingPage::Form(spec)) => view! {
                        <p class="mb-6">{t.spend_intro}</p>
                        <CheckedForm spec/>
                    }
                    .into_any(),
                    Ok(SpendingPage::NoBudget) => view! {
                        <h2 class="mb-2 text-2xl font-bold">{t.budget_none_heading}</h2>
                        <p class="mb-4">{t.budget_none_body}</p>
                    }
                    .into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=paths::BUDGET class="link">{t.back_to_budget}</a></p>
    }
    .into_any()
}
