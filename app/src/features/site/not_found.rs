use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::routes;
use crate::ui::page::PageHeading;

/// The 404 page; also sets the HTTP status on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let t = use_lang().texts();
    view! {
        <PageHeading title=t.site.not_found_title/>
        <p class="mb-6">{t.site.not_found_body}</p>
        <a href=routes::HOME class="btn-primary">{t.site.back_home}</a>
    }
}
