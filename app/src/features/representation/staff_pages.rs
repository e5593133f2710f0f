//! `/sagsbehandler/borger/{id}/hjaelpere`: the caseworker sees who helps the
//! citizen and with what, ends an access with a reason, and registers a
//! paper power of attorney for a citizen without MitID (plain forms: they
//! work without JavaScript).

use leptos::prelude::*;

use crate::features::representation::pages::Item;
use crate::features::representation::staff_server::{citizen_helpers, CitizenHelpersPage};
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{object_page, ObjectPage, Outcome};

#[component]
pub fn CitizenHelpers() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.helpers.staff_title,
        login_body: t.inbox_body,
        next: routes::CASELOAD,
        not_allowed: t.notice_not_allowed,
        back: None,
    };
    object_page(page, citizen_helpers, |p, t| view! { <Shown p t/> }.into_any())
}

#[component]
fn Shown(p: CitizenHelpersPage, t: &'static Texts) -> impl IntoView {
    let CitizenHelpersPage { citizen_id, citizen, helpers, paper } = p;
    view! {
        <Outcome/>
        <p class="mb-2 text-xl font-semibold">{citizen}</p>
        <p class="mb-6 max-w-prose">{t.helpers.staff_intro}</p>
        <section aria-labelledby="borgerens-hjaelpere" class="mb-8">
            <h2 id="borgerens-hjaelpere" class="mb-2 text-2xl font-bold">{t.helpers.mine_heading_staff}</h2>
            {if helpers.is_empty() {
                view! { <p>{t.helpers.staff_none}</p> }.into_any()
            } else {
                view! {
                    <ul class="flex flex-col gap-3">
                        {helpers
                            .into_iter()
                            .map(|(h, form)| match form {
                                Some(spec) => view! { <Item h mine=false end=view! { <CheckedForm spec/> }.into_any()/> }.into_any(),
                                None => view! { <Item h mine=false/> }.into_any(),
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
        <section id="fuldmagt-paa-papir" aria-labelledby="papir" class="card mb-8">
            <h2 id="papir" class="mb-2 text-2xl font-bold">{t.helpers.paper_heading}</h2>
            <p class="mb-4 max-w-prose">{t.helpers.paper_intro}</p>
            <CheckedForm spec=paper/>
        </section>
        <p><a href=routes::citizen(citizen_id) class="link">{t.conversation.back_to_plan}</a></p>
    }
}
