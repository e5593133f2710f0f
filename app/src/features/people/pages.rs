//! `/admin/ny-sagsbehandler` (create a caseworker) and `/admin/person/{id}`
//! (roles, contact data, outreach hours, login). Plain forms: they work
//! without JavaScript.

use leptos::prelude::*;

use crate::features::people::server::{new_caseworker_form, open_person, RemoveOutreachHours, SetPersonRole, UnlinkPersonLogin};
use crate::features::people::views::{PersonPage, StaffPart};
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{object_page, ButtonForm, NeedsLogin, Notice, ObjectPage, Outcome, PageHeading, StaffPage, Unavailable};
use crate::ui::viewer::viewer;
use leptos::server_fn::ServerFn;

#[component]
pub fn NewCaseworker() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.people.new_title body=t.admin.needs_login next=routes::ADMIN_NEW_CASEWORKER/> }.into_any();
    }
    let form = Resource::new_blocking(|| (), |_| new_caseworker_form());
    view! {
        <PageHeading title=t.people.new_title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(StaffPage::Shown(spec)) => view! {
                        <p class="mb-4 max-w-prose">{t.people.new_intro}</p>
                        <section class="card mb-6"><CheckedForm spec/></section>
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

#[component]
pub fn Person() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.people.person_title,
        login_body: t.admin.needs_login,
        next: routes::ADMIN,
        not_allowed: t.people.not_found,
        back: Some((routes::ADMIN, t.admin.back)),
    };
    object_page(page, open_person, |p, t| view! { <Shown p t/> }.into_any())
}

#[component]
fn Shown(p: PersonPage, t: &'static Texts) -> impl IntoView {
    let PersonPage { id, name, is_citizen, roles, staff } = p;
    let roles = roles
        .into_iter()
        .map(|r| {
            let (state, button) = if r.has { (t.people.has_role, t.people.revoke) } else { (t.people.has_not_role, t.people.grant) };
            let mut hidden = vec![("person", id.to_string()), ("role", r.role.clone())];
            if !r.has {
                hidden.push(("on", "ja".to_string()));
            }
            view! {
                <li class="flex flex-wrap items-center justify-between gap-3 py-3">
                    <p><span class="font-semibold">{r.label}</span>" · "{state}</p>
                    <ButtonForm action=SetPersonRole::PATH hidden label=button/>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="mb-4 text-xl font-semibold">{name}</p>
        <section id="roller" aria-labelledby="roller-overskrift" class="mb-8">
            <h2 id="roller-overskrift" class="mb-2 text-2xl font-bold">{t.people.roles_heading}</h2>
            <p class="mb-2 max-w-prose">{t.people.roles_intro}</p>
            <ul class="flex flex-col divide-y divide-line">{roles}</ul>
        </section>
        {match staff {
            Some(staff) => view! { <Staff id staff t/> }.into_any(),
            None => view! { <p class="notice" role="note">{t.people.citizen_note}</p> }.into_any(),
        }}
        {is_citizen.then(|| view! {
            <p class="mt-4"><a href=routes::admin_handover(id) class="link">{t.admin.hand_over}</a></p>
            <p class="mt-4"><a href=routes::admin_cover(id) class="link">{t.cover.link}</a></p>
        })}
    }
}

#[component]
fn Staff(id: i64, staff: StaffPart, t: &'static Texts) -> impl IntoView {
    let StaffPart { profile, hours, add_hours, login_status, linked, login } = staff;
    let hours = if hours.is_empty() {
        view! { <p class="mb-4 text-muted">{t.people.hours_none}</p> }.into_any()
    } else {
        view! {
            <ul class="mb-4 flex flex-col divide-y divide-line">
                {hours
                    .into_iter()
                    .map(|h| {
                        let hidden = vec![("person", id.to_string()), ("hours", h.id.to_string())];
                        view! {
                            <li class="flex flex-wrap items-center justify-between gap-3 py-3">
                                <p><span class="font-semibold">{h.when}</span>" · "{h.place}", "{h.address}</p>
                                <ButtonForm action=RemoveOutreachHours::PATH hidden label=t.people.hours_remove/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section id="kontakt" aria-labelledby="kontakt-overskrift" class="card mb-8">
            <h2 id="kontakt-overskrift" class="mb-2 text-2xl font-bold">{t.people.profile_heading}</h2>
            <p class="mb-4">{t.people.profile_intro}</p>
            <CheckedForm spec=profile/>
        </section>
        <section id="tider" aria-labelledby="tider-overskrift" class="mb-8">
            <h2 id="tider-overskrift" class="mb-2 text-2xl font-bold">{t.people.hours_heading}</h2>
            <p class="mb-2 max-w-prose">{t.people.hours_intro}</p>
            {hours}
            <div class="card">
                <h3 class="mb-2 text-xl font-semibold">{t.people.hours_add_heading}</h3>
                <CheckedForm spec=add_hours/>
            </div>
        </section>
        <section id="login" aria-labelledby="login-overskrift" class="card mb-8">
            <h2 id="login-overskrift" class="mb-2 text-2xl font-bold">{t.people.login_heading}</h2>
            <p class="mb-2 max-w-prose">{t.people.login_intro}</p>
            <p class="mb-4 font-semibold">{login_status}</p>
            <CheckedForm spec=login/>
            {linked.then(|| view! {
                <div class="mt-4"><ButtonForm action=UnlinkPersonLogin::PATH hidden=vec![("person", id.to_string())] label=t.people.login_unlink/></div>
            })}
        </section>
    }
}
