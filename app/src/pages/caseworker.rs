use leptos::prelude::*;

use crate::components::page::{LoginPrompt, PageHeading};
use crate::i18n::use_lang;
use crate::shell::paths;
use crate::viewer::viewer;

/// Needs a logged-in citizen. (The content itself comes with its own issue.)
#[component]
pub fn MyCaseworker() -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <PageHeading title=t.caseworker_title/>
        <p class="mb-4">{t.caseworker_body}</p>
        {viewer().is_none().then(|| view! { <LoginPrompt next=paths::CASEWORKER/> })}
    }
}
