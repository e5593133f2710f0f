//! Building blocks shared by pages.

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::i18n::{use_lang, Texts};
use crate::routes;
use crate::ui::viewer::viewer;

/// The page's `<title>` and its one `<h1>`.
#[component]
pub fn PageHeading(title: &'static str) -> impl IntoView {
    view! {
        <Title text=title/>
        <h1 class="mb-4 text-3xl font-bold leading-tight">{title}</h1>
    }
}

/// Below a paged list: "Vis ældre" to the next page, and on an older page
/// "Til de nyeste" back to the first: plain links (no JavaScript needed).
/// A list in an order of its own (`listed`: by name, oldest or soonest
/// first) says "Vis flere" and "Til starten af listen".
#[component]
pub fn PageLinks(older: Option<String>, later: bool, #[prop(into)] path: String, #[prop(optional)] listed: bool) -> impl IntoView {
    let t = use_lang().texts();
    let (next, first) = if listed { (t.page_more, t.page_first) } else { (t.page_older, t.page_newest) };
    (older.is_some() || later).then(|| {
        view! {
            <nav class="mt-4 flex flex-wrap gap-6" aria-label=t.page_links_label>
                {older.map(|href| view! { <a href=href class="link" rel="next">{next}</a> })}
                {later.then(|| view! { <a href=path class="link">{first}</a> })}
            </nav>
        }
    })
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
            <a href=routes::login_then(next) class="btn-primary">{t.login}</a>
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
        Some("aendret" | "ikke-tilladt" | "fejl" | "allerede-overdraget") => "alert",
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

/// A caseworker page's content, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffPage<T> {
    /// Signed in, but not this page's: not a caseworker, or not theirs.
    NotAllowed,
    Shown(T),
}

/// What a signed-in person's page about one object (`…/{id}`) says around
/// the object: its heading, what it is for (to someone not logged in, with a
/// login button that comes back to `next`), and where "back" goes.
pub struct ObjectPage {
    pub title: &'static str,
    pub login_body: &'static str,
    pub next: &'static str,
    /// Shown instead of the object when it is not the viewer's.
    pub not_allowed: &'static str,
    /// A link under the page: (href, text).
    pub back: Option<(&'static str, &'static str)>,
}

/// The page for the object with the route's `{id}`: `load` reads it (a
/// server function), `show` renders it; "not yours" and "unavailable" are
/// said the same way on every such page.
pub fn object_page<T, F, Fut, S>(page: ObjectPage, load: F, show: S) -> AnyView
where
    T: Clone + Send + Sync + Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(i64) -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<StaffPage<T>, ServerFnError>> + Send + 'static,
    S: Fn(T, &'static Texts) -> AnyView + Copy + Send + Sync + 'static,
{
    let t = use_lang().texts();
    let ObjectPage { title, login_body, next, not_allowed, back } = page;
    if viewer().is_none() {
        return view! { <NeedsLogin title body=login_body next/> }.into_any();
    }
    let id = id_param();
    let object = Resource::new_blocking(
        move || id,
        move |id| async move {
            match id {
                Some(id) => load(id).await,
                None => Ok(StaffPage::NotAllowed),
            }
        },
    );
    view! {
        <PageHeading title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match object.await {
                    Ok(StaffPage::Shown(o)) => show(o, t),
                    Ok(StaffPage::NotAllowed) => view! { <Notice text=not_allowed/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        {back.map(|(href, text)| view! { <p class="mt-6"><a href=href class="link">{text}</a></p> })}
    }
    .into_any()
}
