use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::routes;
use crate::ui::page::{NeedsLogin, PageHeading, PageLinks, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

/// "Hvem har set mine oplysninger": who (by name), when, in which capacity
/// (the role, for entries from before capacities were recorded), and why.
#[component]
pub fn AccessLog() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.access_log.access_title body=t.access_log.access_body next=routes::ACCESS_LOG/> }.into_any();
    }
    let query = leptos_router::hooks::use_query_map();
    let before = move || query.read().get(crate::kernel::paging::BEFORE);
    let log = Resource::new_blocking(before, my_access_log);
    view! {
        <PageHeading title=t.access_log.access_title/>
        <p class="mb-4">{t.access_log.access_body}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(Some(page)) if !page.items.is_empty() => view! {
                        <ul class="flex flex-col divide-y divide-line">
                            {page.items.into_iter().map(|e| view! {
                                <li class="py-2">
                                    <p class="font-semibold">{t.access_purpose(&e.purpose).to_string()}</p>
                                    <p class="text-base text-muted">
                                        {format!("{} · {} · {}", e.when, e.who, e.capacity.map_or(t.role(e.role), |c| t.access_log.capacity(c)))}
                                    </p>
                                </li>
                            }).collect_view()}
                        </ul>
                        <PageLinks older=page.older later=page.later path=routes::ACCESS_LOG/>
                    }
                    .into_any(),
                    Ok(_) => view! { <p class="text-muted">{t.access_log.access_empty}</p> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
