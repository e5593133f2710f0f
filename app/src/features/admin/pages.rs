//! `/admin` (find a person by name or a citizen by CPR number, hand a
//! citizen over) and `/admin/log` (the admin audit log). Plain forms (the
//! name search a GET, the CPR search a POST) and links: they work without
//! JavaScript.

use leptos::prelude::*;

use crate::features::admin::server::{admin_log, admin_start};
use crate::i18n::use_lang;
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{NeedsLogin, Notice, Outcome, PageHeading, PageLinks, StaffPage, Unavailable};
use crate::ui::viewer::viewer;

/// The search field's name in the address (`/admin?navn=…`).
const NAME: &str = "navn";

#[component]
pub fn AdminHomePage() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.admin.title body=t.admin.needs_login next=routes::ADMIN/> }.into_any();
    }
    let query = leptos_router::hooks::use_query_map();
    let typed = query.with_untracked(|q| q.get(NAME)).unwrap_or_default();
    let home = Resource::new_blocking(move || query.read().get(NAME), admin_start);
    view! {
        <PageHeading title=t.admin.title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || {
                let typed = typed.clone();
                Suspend::new(async move {
                    match home.await {
                        Ok(StaffPage::Shown(home)) => view! {
                            <p class="mb-4 max-w-prose">{t.admin.intro}</p>
                            <form method="get" action=routes::ADMIN class="card mb-6" role="search">
                                <label for="admin-navn" class="mb-1 block font-semibold">{t.admin.search_label}</label>
                                <p id="admin-navn-hjaelp" class="mb-2 text-base text-muted">{t.admin.search_hint}</p>
                                <div class="flex flex-wrap gap-3">
                                    <input id="admin-navn" type="search" name=NAME value=typed aria-describedby="admin-navn-hjaelp" class="input max-w-md grow" autocomplete="off"/>
                                    <button type="submit" class="btn-primary">{t.admin.search_submit}</button>
                                </div>
                            </form>
                            <section aria-labelledby="cpr-soeg" class="card mb-6">
                                <h2 id="cpr-soeg" class="mb-2 text-xl font-bold">{t.admin.cpr_heading}</h2>
                                <CheckedForm spec=home.cpr_form/>
                            </section>
                            {home.found.map(|found| view! {
                                <section aria-labelledby="fundet" class="mb-6">
                                    <h2 id="fundet" class="mb-2 text-2xl font-bold">{t.admin.found_heading}</h2>
                                    {if found.is_empty() {
                                        view! { <p class="text-muted">{t.admin.found_none}</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="flex flex-col divide-y divide-line">
                                                {found.into_iter().map(|p| view! {
                                                    <li class="flex flex-wrap items-center justify-between gap-3 py-3">
                                                        <div>
                                                            <p class="font-semibold">{p.name}</p>
                                                            <p class="text-base text-muted">{p.kind}{p.caseworker.map(|c| format!(" · {c}"))}</p>
                                                        </div>
                                                        <div class="flex flex-wrap gap-3">
                                                            {p.handover.map(|href| view! { <a href=href class="btn-secondary">{t.admin.hand_over}</a> })}
                                                            <a href=p.person class="btn-secondary">{t.people.person_link}</a>
                                                        </div>
                                                    </li>
                                                }).collect_view()}
                                            </ul>
                                        }
                                        .into_any()
                                    }}
                                </section>
                            })}
                            <ul class="flex flex-col gap-2">
                                <li><a href=routes::ADMIN_NEW_CASEWORKER class="link">{t.people.new_link}</a></li>
                                <li><a href=routes::ADMIN_LOG class="link">{t.admin.log_link}</a></li>
                                <li><a href=routes::ADMIN_SETTINGS class="link">{t.settings.link}</a></li>
                            </ul>
                        }
                        .into_any(),
                        Ok(StaffPage::NotAllowed) => view! { <Notice text=t.admin.not_allowed/> }.into_any(),
                        Err(_) => view! { <Unavailable/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn AdminLogPage() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.admin.log_title body=t.admin.needs_login next=routes::ADMIN_LOG/> }.into_any();
    }
    let query = leptos_router::hooks::use_query_map();
    let log = Resource::new_blocking(move || query.read().get(crate::kernel::paging::BEFORE), admin_log);
    view! {
        <PageHeading title=t.admin.log_title/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(StaffPage::Shown(page)) => view! {
                        <p class="mb-4 max-w-prose">{t.admin.log_intro}</p>
                        {if page.items.is_empty() {
                            view! { <p class="text-muted">{t.admin.log_empty}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="flex flex-col divide-y divide-line">
                                    {page.items.into_iter().map(|e| view! {
                                        <li class="py-3">
                                            <p class="font-semibold">{e.what}{e.about.map(|a| format!(": {a}"))}</p>
                                            <p class="text-base text-muted">{format!("{} · {} {}", e.when, t.admin.log_who, e.who)}</p>
                                            <p class="text-base">{format!("{}: {} → {}: {}", t.admin.log_before, dash(&e.before), t.admin.log_after, dash(&e.after))}</p>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }}
                        <PageLinks older=page.older later=page.later path=routes::ADMIN_LOG/>
                    }
                    .into_any(),
                    Ok(StaffPage::NotAllowed) => view! { <Notice text=t.admin.not_allowed/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <p class="mt-6"><a href=routes::ADMIN class="link">{t.admin.back}</a></p>
    }
    .into_any()
}

/// An empty before or after, shown as a dash.
fn dash(s: &str) -> &str {
    if s.is_empty() {
        "–"
    } else {
        s
    }
}
