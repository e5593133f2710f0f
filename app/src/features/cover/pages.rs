//! `/sagsbehandler/borger/{id}/stedfortraeder` (the citizen's caseworker)
//! and `/admin/borger/{id}/stedfortraeder` (an admin): who stands in, on
//! which days. Plain forms: they work without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::features::cover::server::{open_cover, EndCover};
use crate::features::cover::views::CoverPage;
use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::form::CheckedForm;
use crate::ui::page::{object_page, ButtonForm, ObjectPage};

#[component]
pub fn Cover() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.cover.title,
        login_body: t.cover.intro,
        next: routes::CASELOAD,
        not_allowed: t.cover.not_allowed,
        back: None,
    };
    object_page(page, open_cover, |p, t| view! { <Shown p t/> }.into_any())
}

#[component]
fn Shown(p: CoverPage, t: &'static Texts) -> impl IntoView {
    let CoverPage { citizen_id, citizen, primary, cover, nobody, form, by_admin } = p;
    let back =
        if by_admin { (routes::ADMIN.to_string(), t.admin.back) } else { (routes::citizen(citizen_id), t.conversation.back_to_plan) };
    view! {
        <p class="mb-2 text-xl font-semibold">{citizen}</p>
        <p class="mb-4">
            {match primary {
                Some(name) => view! { <span>{t.cover.primary}": "<strong>{name}</strong></span> }.into_any(),
                None => view! { <span>{t.cover.primary_none}</span> }.into_any(),
            }}
        </p>
        <p class="mb-6 max-w-prose">{t.cover.intro}</p>
        <section aria-labelledby="daekning" class="card mb-6">
            {match cover {
                Some(c) => {
                    let heading = if c.running { t.cover.now_heading } else { t.cover.coming_heading };
                    view! {
                        <h2 id="daekning" class="mb-2 text-2xl font-bold">{heading}</h2>
                        <p class="mb-4"><strong>{c.who}</strong>" "{c.days}</p>
                        <ButtonForm action=EndCover::PATH hidden=vec![("citizen", citizen_id.to_string())] label=t.cover.end/>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <h2 id="daekning" class="mb-2 text-2xl font-bold">{t.cover.now_heading}</h2>
                        <p>{t.cover.none}</p>
                    }
                        .into_any()
                }
            }}
        </section>
        {if nobody {
            view! { <p class="notice" role="note">{t.cover.no_colleagues}</p> }.into_any()
        } else {
            view! {
                <section aria-labelledby="vaelg" class="card mb-8">
                    <h2 id="vaelg" class="mb-4 text-2xl font-bold">{t.cover.form_heading}</h2>
                    <CheckedForm spec=form/>
                </section>
            }
                .into_any()
        }}
        <p><a href=back.0 class="link">{back.1}</a></p>
    }
}
