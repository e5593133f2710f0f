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

/// The notice after a form was answered: the page's `?svar=` code in words.
/// A polite live region, so screen readers announce it on arrival.
#[component]
pub fn Outcome() -> impl IntoView {
    let t = use_lang().texts();
    let query = leptos_router::hooks::use_query_map();
    let code = query.with_untracked(|q| q.get("svar"));
    let text = code.as_deref().and_then(|c| t.outcome_notice(c));
    let class = match code.as_deref() {
        Some("aendret" | "ikke-tilladt" | "fejl") => "alert",
        _ => "notice",
    };
    text.map(|text| view! { <p class=class role="status">{text}</p> })
}

/// A one-button form posting to a server function (withdraw, accept…).
#[component]
pub fn ButtonForm(
    action: &'static str,
    hidden: Vec<(&'static str, String)>,
    label: &'static str,
    #[prop(default = "btn-secondary")] class: &'static str,
) -> impl IntoView {
    view! {
        <form method="post" action=action class="inline">
            {hidden.into_iter().map(|(n, v)| view! { <input type="hidden" name=n value=v/> }).collect_view()}
            <button type="submit" class=class>{label}</button>
        </form>
    }
}

/// The page's data could not be read (the cause is logged on the server).
#[component]
pub fn Unavailable() -> impl IntoView {
    let t = use_lang().texts();
    view! { <p class="alert" role="alert">{t.login_error_unavailable}</p> }
}

/// The numeric `{id}` of a route like `/sagsbehandler/maal/{id}` (`None`
/// when it is missing or not a number: the page then shows "not found").
pub fn id_param() -> Option<i64> {
    leptos_router::hooks::use_params_map().with_untracked(|p| p.get("id")).and_then(|s| s.parse::<i64>().ok())
}
