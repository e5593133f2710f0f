use leptos::prelude::*;

use crate::features::my_caseworker::views::CaseworkerView;
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::page::{NeedsLogin, PageHeading, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

/// One named caseworker, how to reach them, where to meet them, the stand-in.
#[component]
pub fn MyCaseworker() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.my_caseworker.caseworker_title body=t.my_caseworker.caseworker_body next=routes::CASEWORKER/> }
            .into_any();
    }
    let page = Resource::new_blocking(|| (), |_| my_caseworker());
    view! {
        <PageHeading title=t.my_caseworker.caseworker_title/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(v)) => {
                        let count = match v.count_last_year {
                            0 => None,
                            1 => Some(t.my_caseworker.cw_count_one.to_string()),
                            n => Some((t.my_caseworker.cw_count_many)(n)),
                        };
                        view! {
                            {v.changed.map(|change| view! { <crate::features::handover::pages::Changed change/> })}
                            {match v.primary {
                                Some(cw) => view! { <Card cw t level=2/> }.into_any(),
                                None => view! { <p class="notice">{t.my_caseworker.cw_none}</p> }.into_any(),
                            }}
                            {(v.standin.is_some() || v.cover.is_some()).then(|| view! {
                                <section aria-labelledby="stedfortraeder" class="mt-8">
                                    <h2 id="stedfortraeder" class="mb-3 text-2xl font-bold">{t.my_caseworker.cw_standin_heading}</h2>
                                    {v.cover.map(|c| view! { <p class="mb-3">{c}</p> })}
                                    {v.standin.map(|cw| view! { <Card cw t level=3/> })}
                                </section>
                            })}
                            {count.map(|c| view! { <p class="mt-8 text-muted">{c}</p> })}
                        }
                        .into_any()
                    }
                    Ok(None) => view! { <p class="mb-4">{t.my_caseworker.caseworker_body}</p> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// A caseworker's card. `level` is the heading level of their name.
#[component]
fn Card(cw: CaseworkerView, t: &'static Texts, level: u8) -> impl IntoView {
    let name = if level == 2 {
        view! { <h2 class="text-2xl font-bold">{cw.name.clone()}</h2> }.into_any()
    } else {
        view! { <h3 class="text-xl font-bold">{cw.name.clone()}</h3> }.into_any()
    };
    let tel = format!("tel:{}", cw.phone.replace(' ', ""));
    let mail = format!("mailto:{}", cw.email);
    view! {
        <div class="card">
            <div class="mb-3 flex items-center gap-3">
                <span aria-hidden="true" class="flex h-14 w-14 shrink-0 items-center justify-center rounded-full bg-primary text-xl font-bold text-white">
                    {cw.initials}
                </span>
                <div>
                    {name}
                    {(!cw.job_title.is_empty()).then(|| view! { <p class="text-muted">{cw.job_title}</p> })}
                </div>
            </div>
            <dl class="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                {(!cw.phone.is_empty()).then(|| view! {
                    <dt class="font-semibold">{t.my_caseworker.cw_phone}</dt>
                    <dd><a href=tel class="link">{cw.phone}</a></dd>
                })}
                {(!cw.email.is_empty()).then(|| view! {
                    <dt class="font-semibold">{t.my_caseworker.cw_email}</dt>
                    <dd class="break-all"><a href=mail class="link">{cw.email}</a></dd>
                })}
                {(!cw.reach_hours.is_empty()).then(|| view! {
                    <dt class="font-semibold">{t.my_caseworker.cw_reach}</dt>
                    <dd>{cw.reach_hours}</dd>
                })}
                {(!cw.office.is_empty()).then(|| view! {
                    <dt class="font-semibold">{t.my_caseworker.cw_office}</dt>
                    <dd>{cw.office}</dd>
                })}
            </dl>
            {(!cw.outreach.is_empty()).then(|| view! {
                <p class="mt-3 font-semibold">{t.my_caseworker.cw_outreach_heading}</p>
                <ul class="list-disc pl-6">
                    {cw.outreach.into_iter().map(|o| view! {
                        <li>{format!("{}: {}, {}", o.when, o.place, o.address)}</li>
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}
