use leptos::prelude::*;

use crate::components::page::{PageHeading, Paragraphs};
use crate::i18n::use_lang;

/// Place-holder for MitID login until the identity issue lands.
#[component]
pub fn Login() -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <PageHeading title=t.login_title/>
        <Paragraphs items=t.login_body/>
    }
}
