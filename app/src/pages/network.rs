use leptos::prelude::*;

use crate::components::page::PageHeading;
use crate::i18n::use_lang;

/// Public: network groups and meetups (filled in by the network issue).
#[component]
pub fn Network() -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <PageHeading title=t.network_title/>
        <p class="mb-4">{t.network_body}</p>
    }
}
