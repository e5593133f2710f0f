use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::ui::page::{Bullets, PageHeading, Paragraphs};

/// Tilgængelighedserklæring: an honest status, not a claim of compliance.
#[component]
pub fn Accessibility() -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <PageHeading title=t.site.a11y_title/>
        <Paragraphs items=t.site.a11y_body/>
        <h2 class="mb-2 text-xl font-bold">{t.site.a11y_known_heading}</h2>
        <Bullets items=t.site.a11y_known_items/>
    }
}
