//! Building blocks shared by pages.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_lang;
use crate::shell::paths;

/// The page's `<title>` and its one `<h1>`.
#[component]
pub fn PageHeading(title: &'static str) -> impl IntoView {
    view! {
        <Title text=title/>
        <h1 class="mb-4 text-3xl font-bold leading-tight">{title}</h1>
    }
}

/// A calm information box, e.g. "you need to log in to see this".
#[component]
pub fn Notice(text: &'static str) -> impl IntoView {
    view! { <p class="notice" role="note">{text}</p> }
}

/// Paragraphs from a catalogue list.
#[component]
pub fn Paragraphs(items: &'static [&'static str]) -> impl IntoView {
    items.iter().map(|p| view! { <p class="mb-4">{*p}</p> }).collect_view()
}

/// A bulleted list from a catalogue list.
#[component]
pub fn Bullets(items: &'static [&'static str]) -> impl IntoView {
    view! {
        <ul class="mb-4 list-disc space-y-1 pl-6">
            {items.iter().map(|i| view! { <li>{*i}</li> }).collect_view()}
        </ul>
    }
}

/// "You need to log in to see this", with a login button that comes back to `next`.
#[component]
pub fn LoginPrompt(next: &'static str) -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <div class="notice" role="note">
            <p class="mb-3">{t.login_needed}</p>
            <a href=format!("{}?next={next}", paths::LOGIN) class="btn-primary">{t.login}</a>
        </div>
    }
}

/// A page that needs login, as someone not logged in sees it: what the page
/// is for, and a login button that comes back here.
#[component]
pub fn NeedsLogin(title: &'static str, body: &'static str, next: &'static str) -> impl IntoView {
    view! {
        <PageHeading title/>
        <p class="mb-4">{body}</p>
        <LoginPrompt next/>
    }
}
