//! `/mine-oplysninger`: every record about the signed-in person in plain
//! words, kind by kind (folded: a `<details>` opens without JavaScript),
//! with the download (a plain link) and a link to the print view
//! `/mine-oplysninger/udskrift`: the same records unfolded, with the date
//! of extraction and the municipality at the top of every printed page.

use leptos::prelude::*;

use crate::features::municipality;
use crate::features::my_data::views::{Records, Section};
use crate::i18n::{use_lang, Texts};
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
    let page = Resource::new_blocking(|| (), |_| my_data_records());
    view! {
        <PageHeading title=t.my_data.title/>
        <p class="mb-4 max-w-prose">{t.my_data.intro}</p>
        <div class="mb-6 flex flex-col items-start gap-3 sm:flex-row sm:flex-wrap">
            <a href=routes::MY_DATA_JSON class="btn-primary" download="">{t.my_data.download}</a>
            <a href=routes::MY_DATA_PRINT class="btn-secondary">{t.my_data.print}</a>
        </div>
        <p class="mb-6 max-w-prose text-base text-muted">{t.my_data.download_hint}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(records)) => view! {
                        <h2 class="mb-2 text-2xl font-bold">{t.my_data.kinds_heading}</h2>
                        <p class="mb-4 max-w-prose text-base text-muted">{t.my_data.kinds_hint}</p>
                        <div class="flex flex-col gap-2">
                            {records.sections.into_iter().map(|s| view! {
                                <details class="card">
                                    <summary class="min-h-11 cursor-pointer py-2 font-semibold">
                                        {format!("{} · {}", t.my_data.section(&s.key), (t.my_data.count)(s.rows.len()))}
                                    </summary>
                                    <Rows section=s/>
                                </details>
                            }).collect_view()}
                        </div>
                    }
                    .into_any(),
                    Ok(None) => view! { <NeedsLogin title=t.my_data.title body=t.my_data.needs_login next=routes::MY_DATA/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// The print view: everything unfolded; the date of extraction and the
/// municipality's name head every printed page; on the screen, how to print.
#[component]
pub fn MyDataPrint() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.my_data.title body=t.my_data.needs_login next=routes::MY_DATA_PRINT/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| my_data_records());
    let m = municipality::current();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let m = m.clone();
                Suspend::new(async move {
                    match page.await {
                        Ok(Some(records)) => printed(records, &m, t).into_any(),
                        Ok(None) => view! { <NeedsLogin title=t.my_data.title body=t.my_data.needs_login next=routes::MY_DATA_PRINT/> }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

fn printed(records: Records, m: &municipality::views::Municipality, t: &'static Texts) -> impl IntoView {
    let head = if m.is_set() {
        format!("{} · {}", (t.my_data.extracted)(&records.extracted), m.name)
    } else {
        (t.my_data.extracted)(&records.extracted)
    };
    view! {
        <p class="print-only print-head" aria-hidden="true">{head}</p>
        <div class="no-print notice">
            <p class="mb-2">{t.my_data.print_hint}</p>
            <a href=routes::MY_DATA class="link">{t.my_data.back}</a>
        </div>
        <PageHeading title=t.my_data.title/>
        <p class="mb-2">{(t.my_data.extracted)(&records.extracted)}</p>
        <crate::features::my_data::privacy::Contact m=m.clone()/>
        {records.sections.into_iter().map(|s| view! {
            <section class="mb-6">
                <h2 class="mb-2 text-xl font-bold">{format!("{} · {}", t.my_data.section(&s.key), (t.my_data.count)(s.rows.len()))}</h2>
                <Rows section=s/>
            </section>
        }).collect_view()}
    }
}

/// A section's records, each as a list of label and value.
#[component]
fn Rows(section: Section) -> impl IntoView {
    view! {
        <ol class="flex flex-col gap-3">
            {section.rows.into_iter().map(|fields| view! {
                <li class="border-t border-line pt-2">
                    <dl class="grid grid-cols-1 gap-x-4 sm:grid-cols-[12rem_1fr]">
                        {fields.into_iter().map(|f| view! {
                            <dt class="font-semibold">{f.label}</dt>
                            <dd class="mb-1 break-words whitespace-pre-line">{f.value}</dd>
                        }).collect_view()}
                    </dl>
                </li>
            }).collect_view()}
        </ol>
    }
}
