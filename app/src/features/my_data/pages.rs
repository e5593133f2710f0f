//! `/mine-oplysninger`: what is recorded about the signed-in person, kind by
//! kind, and the download of all of it (a plain link: works without JavaScript).

use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::routes;
use crate::ui::page::{NeedsLogin, PageHeading, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

#[component]
pub fn MyData() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.my_data.title body=t.my_data.needs_login next=routes::MY_DATA/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| my_data_overview());
    view! {
        <PageHeading title=t.my_data.title/>
        <p class="mb-4 max-w-prose">{t.my_data.intro}</p>
        <p class="mb-2"><a href=routes::MY_DATA_JSON class="btn-primary" download="">{t.my_data.download}</a></p>
        <p class="mb-6 max-w-prose text-base text-muted">{t.my_data.download_hint}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(overview)) => {
                        let items = overview
                            .sections
                            .into_iter()
                            .filter(|(_, n)| *n > 0)
                            .map(|(key, n)| {
                                let name = t.my_data.section(&key).to_string();
                                view! { <li class="flex justify-between gap-4 py-2"><span>{name}</span><span class="text-muted">{(t.my_data.count)(n)}</span></li> }
                            })
                            .collect_view();
                        view! {
                            <h2 class="mb-2 text-2xl font-bold">{t.my_data.kinds_heading}</h2>
                            <ul class="flex max-w-xl flex-col divide-y divide-line">{items}</ul>
                        }
                        .into_any()
                    }
                    Ok(None) => view! { <NeedsLogin title=t.my_data.title body=t.my_data.needs_login next=routes::MY_DATA/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
