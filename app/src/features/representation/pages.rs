//! `/fuldmagt`: the citizen's helpers (invite with a code, see, end) and,
//! for a helper, the people they help and whom they act for now;
//! `/fuldmagt/modtag`: the helper enters a code; `/fuldmagt/ophoert`: where
//! a helper lands when the access they acted with has ended. Everything is
//! a plain form: it works without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::features::representation::views::{HelperView, HelpersPage};
use crate::i18n::use_lang;
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{ButtonForm, NeedsLogin, Outcome, PageHeading, Unavailable};
use crate::ui::viewer::viewer;

use super::server::*;

#[component]
pub fn Helpers() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.helpers.title body=t.helpers.needs_login next=routes::HELPERS/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| helpers_overview());
    view! {
        <PageHeading title=t.helpers.title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(p)) => view! { <Shown page=p/> }.into_any(),
                    Ok(None) => view! { <p>{t.helpers.needs_login}</p> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Shown(page: HelpersPage) -> impl IntoView {
    let t = use_lang().texts();
    let HelpersPage { mine, new_code, helping, acting_with } = page;
    let code = new_code.map(|code| {
        view! {
            <section id="ny-kode" aria-labelledby="ny-kode-overskrift" class="card mb-6">
                <h2 id="ny-kode-overskrift" class="mb-2 text-2xl font-bold">{t.helpers.code_heading}</h2>
                <p class="mb-2">{t.helpers.code_intro}</p>
                <p class="mb-2 font-mono text-3xl font-bold tracking-wider" data-testid="invitation-code">{code}</p>
                <p class="text-base">{t.helpers.code_once}</p>
            </section>
        }
    });
    let mine = mine.map(|(list, spec)| {
        view! {
            <p class="mb-4 max-w-prose">{t.helpers.intro}</p>
            <section aria-labelledby="mine-hjaelpere" class="mb-8">
                <h2 id="mine-hjaelpere" class="mb-2 text-2xl font-bold">{t.helpers.mine_heading}</h2>
                {if list.is_empty() {
                    view! { <p>{t.helpers.mine_none}</p> }.into_any()
                } else {
                    view! { <ul class="flex flex-col gap-3">{list.into_iter().map(|h| view! { <Item h mine=true/> }).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section id="giv-adgang" aria-labelledby="giv-adgang-overskrift" class="mb-8">
                <h2 id="giv-adgang-overskrift" class="mb-2 text-2xl font-bold">{t.helpers.invite_heading}</h2>
                <p class="mb-4 max-w-prose">{t.helpers.invite_intro}</p>
                <CheckedForm spec/>
            </section>
        }
    });
    let switch = (!helping.is_empty()).then(|| {
        let choices = std::iter::once((String::new(), t.helpers.switch_myself.to_string(), acting_with.is_none()))
            .chain(helping.iter().map(|h| (h.id.to_string(), h.name.clone().unwrap_or_default(), acting_with == Some(h.id))))
            .map(|(value, label, checked)| {
                let id = format!("skift-{}", if value.is_empty() { "mig" } else { value.as_str() });
                view! {
                    <div class="flex min-h-11 items-center gap-3">
                        <input id=id.clone() type="radio" name="representation" value=value checked=checked class="h-6 w-6"/>
                        <label for=id>{label}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <form method="post" action=ActAs::PATH class="mb-6">
                <fieldset class="mb-3">
                    <legend class="mb-1 font-semibold">{t.helpers.switch_heading}</legend>
                    {choices}
                </fieldset>
                <button type="submit" class="btn-primary">{t.helpers.switch_submit}</button>
            </form>
        }
    });
    // Acting for someone: inviting and ending helpers is the citizen's own.
    let only_herself = acting_with.is_some().then(|| view! { <p class="notice mb-6" role="note">{t.helpers.not_for_helpers}</p> });
    view! {
        {only_herself}
        {code}
        {mine}
        <section aria-labelledby="hjaelper-for" class="mb-8">
            <h2 id="hjaelper-for" class="mb-2 text-2xl font-bold">{t.helpers.helping_heading}</h2>
            {if helping.is_empty() {
                view! { <p class="mb-4">{t.helpers.helping_none}</p> }.into_any()
            } else {
                view! { <ul class="mb-4 flex flex-col gap-3">{helping.into_iter().map(|h| view! { <Item h mine=false/> }).collect_view()}</ul> }.into_any()
            }}
            {switch}
            <p><a href=routes::HELPERS_REDEEM class="link">{t.helpers.redeem_link}</a></p>
        </section>
    }
}

/// One helper (to the citizen, with the button that ends it; to the
/// caseworker, with `end`: the form with a reason) or one person helped.
#[component]
pub(crate) fn Item(h: HelperView, mine: bool, #[prop(optional)] end: Option<AnyView>) -> impl IntoView {
    let t = use_lang().texts();
    let name = h.name.clone().unwrap_or_else(|| t.helpers.waiting.to_string());
    let end = end.or_else(|| {
        (mine && h.open).then(|| {
            let label = if h.waiting { t.helpers.withdraw_submit } else { t.helpers.end_submit };
            view! { <ButtonForm action=EndHelper::PATH hidden=vec![("representation", h.id.to_string())] label/> }.into_any()
        })
    });
    view! {
        <li class="card" id=format!("hjaelper-{}", h.id)>
            <p class="font-semibold">{format!("{name} · {}", h.kind)}</p>
            <p class="text-base">{h.status}</p>
            {h.reason.map(|r| view! { <p class="text-base">{r}</p> })}
            <p class="text-base">{t.helpers.may}":"</p>
            <ul class="mb-2 list-disc pl-6 text-base">{h.scopes.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            {end}
        </li>
    }
}

/// `/fuldmagt/modtag`: the helper, logged in as themselves, enters the code.
#[component]
pub fn Redeem() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.helpers.redeem_title body=t.helpers.redeem_intro next=routes::HELPERS_REDEEM/> }.into_any();
    }
    if viewer().is_some_and(|v| v.acting_for.is_some()) {
        // A code is used as oneself: nobody passes an access on.
        return view! {
            <PageHeading title=t.helpers.redeem_title/>
            <OnlyHerself text=t.helpers.redeem_as_yourself/>
        }
        .into_any();
    }
    let form = Resource::new_blocking(|| (), |_| redeem_form());
    view! {
        <PageHeading title=t.helpers.redeem_title/>
        <Outcome/>
        <p class="mb-4 max-w-prose">{t.helpers.redeem_intro}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(Some(spec)) => view! { <CheckedForm spec/> }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// `/fuldmagt/ophoert`: the access the helper acted with has ended.
#[component]
pub fn Ended() -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <PageHeading title=t.helpers.ended_title/>
        <p class="mb-4" role="status">{t.helpers.ended_body}</p>
        <p><a href=routes::HELPERS class="link">{t.helpers.ended_link}</a></p>
    }
}

/// What a helper sees on a page the citizen did not give them the right to.
#[component]
pub fn NotGiven() -> impl IntoView {
    let t = use_lang().texts();
    let name = viewer().and_then(|v| v.acting_for).unwrap_or_default();
    view! {
        <div class="notice" role="status">
            <p class="mb-2">{(t.helpers.not_given)(&name)}</p>
            <a href=routes::HELPERS class="link">{t.helpers.see_what_you_may}</a>
        </div>
    }
}

/// What a helper acting for someone sees on a page that only the citizen
/// may use (her contact settings, her helpers): switch to yourself.
#[component]
pub fn OnlyHerself(#[prop(optional)] text: Option<&'static str>) -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <div class="notice" role="status">
            <p class="mb-3">{text.unwrap_or(t.helpers.not_for_helpers)}</p>
            <form method="post" action=ActAs::PATH>
                <input type="hidden" name="representation" value=""/>
                <button type="submit" class="btn-secondary">{t.helpers.back_to_myself}</button>
            </form>
        </div>
    }
}

/// On every page while a helper acts for a citizen: whom, and a button
/// back to themselves (a plain form).
#[component]
pub fn ActingBanner() -> impl IntoView {
    let t = use_lang().texts();
    viewer().and_then(|v| v.acting_for).map(|name| {
        view! {
            <div class="acting-banner border-b border-line bg-surface">
                <div class="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-2">
                    <p class="font-semibold" role="note">{(t.helpers.acting_for)(&name)}</p>
                    <div class="flex flex-wrap items-center gap-2">
                        <form method="post" action=ActAs::PATH>
                            <input type="hidden" name="representation" value=""/>
                            <button type="submit" class="btn-secondary">{t.helpers.back_to_myself}</button>
                        </form>
                        <a href=routes::HELPERS class="link">{t.helpers.nav}</a>
                    </div>
                </div>
            </div>
        }
    })
}
