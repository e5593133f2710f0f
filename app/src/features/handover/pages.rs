//! `/sagsbehandler/borger/{id}/overdrag` (the citizen's caseworker) and
//! `/admin/borger/{id}/overdrag` (an admin): hand the citizen to a
//! colleague. A plain form: it works without JavaScript.

use leptos::prelude::*;

use crate::features::handover::server::open_handover;
use crate::features::handover::views::{ChangeView, HandoverPage, NewCitizenItem};
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{object_page, ObjectPage};

#[component]
pub fn Handover() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.handover.title,
        login_body: t.handover.intro,
        next: routes::CASELOAD,
        not_allowed: t.handover.not_allowed,
        back: None,
    };
    object_page(page, open_handover, |p, t| view! { <Shown p t/> }.into_any())
}

#[component]
fn Shown(p: HandoverPage, t: &'static Texts) -> impl IntoView {
    let HandoverPage { citizen_id, citizen, current, limits, nobody, form, by_admin } = p;
    let back =
        if by_admin { (routes::ADMIN.to_string(), t.admin.back) } else { (routes::citizen(citizen_id), t.conversation.back_to_plan) };
    view! {
        <p class="mb-2 text-xl font-semibold">{citizen}</p>
        <p class="mb-4">
            {match current {
                Some(name) => view! { <span>{t.handover.current}": "<strong>{name}</strong></span> }.into_any(),
                None => view! { <span>{t.handover.current_none}</span> }.into_any(),
            }}
        </p>
        <p class="mb-4 max-w-prose">{t.handover.intro}</p>
        <p class="mb-6 max-w-prose text-muted">{limits}</p>
        {if nobody {
            view! { <p class="notice" role="note">{t.handover.no_colleagues}</p> }.into_any()
        } else {
            view! { <section class="card mb-8"><CheckedForm spec=form/></section> }.into_any()
        }}
        <p><a href=back.0 class="link">{back.1}</a></p>
    }
}

/// The "ny borger" items at the top of the caseworker's inbox.
#[component]
pub fn NewCitizens(items: Vec<NewCitizenItem>) -> impl IntoView {
    let t = use_lang().texts();
    (!items.is_empty()).then(|| {
        view! {
            <section aria-labelledby="nye-borgere" class="mb-8">
                <h2 id="nye-borgere" class="mb-2 text-2xl font-bold">{t.handover.new_heading}</h2>
                <ul class="flex flex-col gap-3">
                    {items
                        .into_iter()
                        .map(|i| {
                            view! {
                                <li class="card">
                                    <h3 class="text-xl font-semibold">{i.citizen}</h3>
                                    <p class="mb-2 text-muted">{i.from}</p>
                                    <p class="mb-1 font-semibold">{t.handover.new_note}</p>
                                    <p class="mb-3 whitespace-pre-line">{i.note}</p>
                                    <a href=i.link class="btn-primary">{t.handover.new_open}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// On "Min sagsbehandler": the latest change of caseworker and its message.
#[component]
pub fn Changed(change: ChangeView) -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <section id="skiftet" aria-labelledby="skiftet-overskrift" class="card mb-6">
            <h2 id="skiftet-overskrift" class="mb-2 text-2xl font-bold">{t.handover.changed_heading}</h2>
            <p class="mb-3">{change.said}</p>
            <h3 class="mb-1 font-semibold">{t.handover.changed_message}</h3>
            <p class="whitespace-pre-line">{change.message}</p>
        </section>
    }
}
