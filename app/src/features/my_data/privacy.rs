//! `/privatliv`: the privacy notice — what is recorded, why, on which legal
//! basis, who sees it, how long it is kept, the citizen's rights, and how to
//! reach the municipality and its data protection officer. Public: linked
//! from every page's footer and the login page.

use leptos::prelude::*;

use crate::features::municipality::{self, views::Municipality};
use crate::i18n::use_lang;
use crate::routes;
use crate::ui::page::{Bullets, PageHeading, Paragraphs};

#[component]
pub fn Privacy() -> impl IntoView {
    let t = use_lang().texts();
    let p = t.my_data;
    let m = municipality::current();
    let controller = if m.is_set() { (p.privacy_controller)(&m.name) } else { p.privacy_controller_unset.to_string() };
    let dpo = if m.dpo.is_empty() {
        view! { <p class="mb-4">{p.privacy_dpo_unset}</p> }.into_any()
    } else {
        view! { <p class="mb-4">{p.privacy_dpo}" "<strong>{m.dpo.clone()}</strong></p> }.into_any()
    };
    let sections = p
        .privacy_sections
        .iter()
        .map(|(heading, body)| view! { <h2 class="mb-2 text-xl font-bold">{*heading}</h2><Paragraphs items=body/> })
        .collect_view();
    view! {
        <PageHeading title=p.privacy_title/>
        <div class="max-w-prose">
            <p class="mb-6">{p.privacy_intro}</p>
            <h2 class="mb-2 text-xl font-bold">{p.privacy_controller_heading}</h2>
            <p class="mb-2">{controller}</p>
            <Contact m=m.clone()/>
            {sections}
            <p class="mb-2"><a href=routes::MY_DATA class="link">{p.privacy_see_mine}</a></p>
            <p class="mb-6"><a href=routes::ACCESS_LOG class="link">{p.privacy_see_log}</a></p>
            <h2 class="mb-2 text-xl font-bold">{p.privacy_rights_heading}</h2>
            <Bullets items=p.privacy_rights/>
            <p class="mb-6">{p.privacy_complain}</p>
            <h2 class="mb-2 text-xl font-bold">{p.privacy_dpo_heading}</h2>
            {dpo}
        </div>
    }
}

/// Every page's footer: the municipality, and the link to this notice.
#[component]
pub fn InFooter() -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <Contact m=municipality::current()/>
        <a href=routes::PRIVACY class="link min-h-11 self-start py-2">{t.my_data.footer_privacy}</a>
    }
}

/// The municipality's name, address and phone, as set (nothing where not).
#[component]
pub fn Contact(m: Municipality) -> impl IntoView {
    let t = use_lang().texts();
    m.is_set().then(|| {
        view! {
            <address class="mb-4 not-italic">
                <span class="block font-semibold">{m.name.clone()}</span>
                {(!m.address.is_empty()).then(|| view! { <span class="block">{m.address.clone()}</span> })}
                {(!m.phone.is_empty()).then(|| view! { <span class="block">{format!("{}: {}", t.my_data.phone, m.phone)}</span> })}
            </address>
        }
    })
}
