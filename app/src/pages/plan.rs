use leptos::prelude::*;

use crate::components::page::{Notice, PageHeading};
use crate::i18n::use_lang;

/// Needs a logged-in citizen; until login exists it says what will be here.
#[component]
pub fn MyPlan() -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <PageHeading title=t.plan_title/>
        <p class="mb-4">{t.plan_body}</p>
        <Notice text=t.login_needed/>
    }
}
