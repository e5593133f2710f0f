//! `/afgoerelser/{id}/klage`: the citizen complains about one decision, in
//! their own words (a checked form: works without JavaScript), or is told
//! why not (a complaint waits already; the deadline passed, and what to do).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::features::complaints::views::ComplaintPage as Page;
use crate::features::decisions::pages::Item;
use crate::i18n::use_lang;
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{NeedsLogin, PageHeading, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

#[component]
pub fn Complaint() -> impl IntoView {
    let t = use_lang().texts();
    let id = use_params_map().with_untracked(|p| p.get("id")).and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.complaints.title body=t.complaints.needs_login next=routes::DECISIONS/> }.into_any();
    }
    let page = Resource::new_blocking(move || id, complaint_about);
    view! {
        <PageHeading title=t.complaints.title/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Page::Form { item, spec }) => view! {
                        <ol class="mb-6"><Item item t/></ol>
                        <p class="mb-4 max-w-prose">{t.complaints.intro}</p>
                        <CheckedForm spec/>
                    }
                    .into_any(),
                    Ok(Page::Closed { item, why }) => view! {
                        {why.map(|w| view! { <p class="alert" role="status">{w}</p> })}
                        <ol class="mb-6"><Item item t/></ol>
                    }
                    .into_any(),
                    Ok(Page::NotFound) => view! { <p class="mb-4">{t.complaints.not_found}</p> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=routes::DECISIONS class="link">{t.complaints.back}</a></p>
    }
    .into_any()
}
