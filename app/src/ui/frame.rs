//! The page frame: skip link, header with language switch and login place,
//! main navigation, and footer. Rendered on the server only.

use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

use crate::i18n::use_lang;
use crate::routes;
use crate::ui::viewer::{login_options, session_ended, viewer, SessionEnded};

/// Wraps every page in the header, navigation and footer; `footer` is what
/// features put at the top of the footer, `banner` what they put under the
/// navigation (`app.rs` names them).
#[component]
pub fn Frame(footer: AnyView, banner: AnyView, children: Children) -> impl IntoView {
    let t = use_lang().texts();
    view! {
        <a href="#indhold" class="skip-link">{t.skip_to_content}</a>
        <header class="border-b-4 border-primary bg-white">
            // On every page while the built-in test login is on: anyone can be anyone here.
            {login_options().test_login.then(|| view! { <p class="test-banner m-0 text-center" role="note">{t.test_login_banner}</p> })}
            <div class="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-2">
                <a href=routes::HOME class="flex min-h-11 items-center text-2xl font-bold text-ink no-underline">
                    {t.app_name}
                </a>
                <div class="flex flex-wrap items-center gap-2">
                    <LangSwitch/>
                    <Account/>
                </div>
            </div>
            <MainNav/>
            {banner}
        </header>
        <main id="indhold" tabindex="-1" class="mx-auto max-w-3xl px-4 py-6 focus:outline-none">
            {session_ended().map(|why| {
                let text = match why {
                    SessionEnded::Idle => t.session_idle,
                    SessionEnded::TooOld => t.session_too_old,
                };
                view! { <p class="notice" role="status">{text}</p> }
            })}
            {children()}
        </main>
        <footer class="site-footer mt-12 border-t border-line bg-surface">
            <div class="mx-auto flex max-w-3xl flex-col gap-2 px-4 py-6 text-base">
                {footer}
                <a href=routes::ACCESSIBILITY class="link min-h-11 self-start py-2">{t.footer_a11y}</a>
                <p class="text-muted">{t.footer_source}</p>
            </div>
        </footer>
    }
}

/// The login link, or who is logged in and a logout button (a plain form
/// post: logging out must work without JavaScript and cannot be a link).
#[component]
fn Account() -> impl IntoView {
    let t = use_lang().texts();
    match viewer() {
        None => view! { <a href=routes::LOGIN class="btn-secondary">{t.login}</a> }.into_any(),
        Some(me) => view! {
            <p class="max-w-48 truncate text-base" title=me.name.clone()>
                <span class="sr-only">{t.signed_in_as}" "</span>
                {me.name.clone()}
            </p>
            <form method="post" action=routes::AUTH_LOGOUT>
                <button type="submit" class="btn-secondary">{t.logout}</button>
            </form>
        }
        .into_any(),
    }
}

/// A plain form post that sets the language cookie and comes back to this page.
/// Works with and without JavaScript.
#[component]
fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let other = lang.other();
    let here = use_location().pathname.get_untracked();
    view! {
        <form method="post" action=routes::SET_LANG aria-label=lang.texts().lang_switch_label>
            <input type="hidden" name="lang" value=other.code()/>
            <input type="hidden" name="next" value=here/>
            <button type="submit" class="btn-secondary" lang=other.code()>
                {other.texts().lang_name}
            </button>
        </form>
    }
}

/// The citizen's main navigation. On a phone it is folded behind a "Menu"
/// button from the first paint: a `<details>`, which the browser opens and
/// closes itself, so it works before the WebAssembly has loaded and without
/// JavaScript, and nothing moves when the page hydrates (an island that
/// folded the menu after hydration made the page jump: Lighthouse CLS 0.13–0.16).
/// From the `sm` breakpoint up the list is always shown, without the button.
#[component]
fn MainNav() -> impl IntoView {
    let t = use_lang().texts();
    let me = viewer();
    let mut links: Vec<(&'static str, String)> = match &me {
        Some(v) if v.is_staff && !v.is_citizen && v.acting_for.is_none() => {
            let mut staff = Vec::new();
            if v.is_admin {
                staff.push((routes::ADMIN, t.admin.nav.to_string()));
            }
            // An admin who is not a caseworker has no inbox.
            if !v.is_admin || v.is_caseworker {
                staff.push((routes::INBOX, t.nav_inbox.to_string()));
                staff.push((routes::CASELOAD, t.nav_caseload.to_string()));
            }
            staff.push((routes::NETWORK, t.nav_network.to_string()));
            staff
        }
        _ => vec![
            (routes::PLAN, t.nav_plan.to_string()),
            (routes::CASEWORKER, t.nav_caseworker.to_string()),
            (routes::CONVERSATION, t.conversation.title.to_string()),
            (routes::BUDGET, t.nav_budget.to_string()),
            (routes::NETWORK, t.nav_network.to_string()),
            (routes::HELPERS, t.helpers.nav.to_string()),
        ],
    };
    if let Some(v) = &me {
        let label = match v.unread {
            0 => t.nav_notifications.to_string(),
            n => format!("{} ({})", t.nav_notifications, (t.nav_unread)(n)),
        };
        links.push((routes::NOTIFICATIONS, label));
    }
    // The same links twice: one list per screen size, the other one is
    // `display: none` (so screen readers meet one list, never both).
    let list = |class: &'static str, links: Vec<(&'static str, String)>| {
        let items = links.into_iter().map(|(href, label)| view! { <li><A href=href attr:class="nav-link">{label}</A></li> }).collect_view();
        view! { <ul class=class>{items}</ul> }
    };
    view! {
        <nav aria-label=t.nav_label class="bg-surface">
            <div class="mx-auto max-w-3xl px-4">
                <details class="group sm:hidden">
                    <summary class="btn-menu menu-button">
                        <span aria-hidden="true" class="text-xl leading-none group-open:hidden">"☰"</span>
                        <span aria-hidden="true" class="hidden text-xl leading-none group-open:inline">"×"</span>
                        <span class="group-open:hidden">{t.menu_open}</span>
                        <span class="hidden group-open:inline">{t.menu_close}</span>
                    </summary>
                    {list("flex flex-col py-1", links.clone())}
                </details>
                {list("hidden py-1 sm:flex sm:flex-row sm:flex-wrap sm:gap-x-2", links)}
            </div>
        </nav>
    }
}
