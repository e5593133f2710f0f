//! "Budget": the citizen's personal budget — granted, spent, reserved and
//! what is left, as figures and as a bar, and every movement of money.
//! (Asking for money comes with the rest of issue #6.)

use leptos::prelude::*;

use crate::components::page::{NeedsLogin, PageHeading, Unavailable};
use crate::domain::views::BudgetView;
use crate::i18n::{use_lang, Texts};
use crate::shell::paths;
use crate::viewer::viewer;

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

#[component]
pub fn Budget() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.budget_title body=t.budget_body next=paths::BUDGET/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| my_budget());
    view! {
        <PageHeading title=t.budget_title/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(b)) => view! { <Figures b t/> }.into_any(),
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
fn Figures(b: BudgetView, t: &'static Texts) -> impl IntoView {
    // The bar repeats the figures beside it, so it is hidden from screen
    // readers; an SVG, since the page's CSP allows no inline styles.
    let reserved_x = b.spent_pct.to_string();
    let figures = [
        (t.budget_granted, b.granted, "font-semibold"),
        (t.budget_spent, b.spent, ""),
        (t.budget_reserved, b.reserved, ""),
        (t.budget_available, b.available, "text-xl font-bold"),
    ];
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
        <section aria-labelledby="bevaegelser">
            <h2 id="bevaegelser" class="mb-3 text-2xl font-bold">{t.budget_ledger_heading}</h2>
            <ul class="flex flex-col divide-y divide-line">{ledger}</ul>
        </section>
    }
}
