use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_lang;
use crate::routes;
use crate::ui::page::Bullets;

/// Forside: what Én Plan is, for someone who has never seen it.
#[component]
pub fn Home() -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <Title text=""/>
        <p class="mb-1 text-lg font-semibold text-primary">{t.site.tagline}</p>
        <h1 class="mb-4 text-3xl font-bold leading-tight">{t.site.home_title}</h1>
        <p class="mb-6 text-lg">{t.site.home_intro}</p>
        <section aria-labelledby="det-kan-du" class="mb-8">
            <h2 id="det-kan-du" class="mb-2 text-xl font-bold">{t.site.home_what_heading}</h2>
            <Bullets items=t.site.home_what_items/>
            <a href=routes::LOGIN class="btn-primary">{t.login}</a>
        </section>
        <section aria-labelledby="netvaerk" class="card">
            <h2 id="netvaerk" class="mb-2 text-xl font-bold">{t.site.home_network_heading}</h2>
            <p class="mb-4">{t.site.home_network_body}</p>
            <a href=routes::NETWORK class="link">{t.home_network_link}</a>
        </section>
    }
}
