//! The HTML document, the router and the page frame every page lives in.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    ParamSegment, SsrMode, StaticSegment,
};

use crate::components::frame::Frame;
use crate::i18n::{use_lang, Lang};
use crate::pages;

/// URL paths of the routed pages: one place, so links and routes agree.
pub mod paths {
    pub const HOME: &str = "/";
    pub const PLAN: &str = "/min-plan";
    pub const CASEWORKER: &str = "/min-sagsbehandler";
    pub const BUDGET: &str = "/budget";
    /// The citizen asks for money from their budget.
    pub const REQUEST_SPENDING: &str = "/budget/ansoeg";
    pub const NETWORK: &str = "/netvaerk";
    /// Followed by an id: one network group, one meetup (public).
    pub const NETWORK_GROUP: &str = "/netvaerk/gruppe";
    pub const NETWORK_MEETUP: &str = "/netvaerk/moede";
    /// "Mine grupper og møder" (signed in).
    pub const NETWORK_MINE: &str = "/netvaerk/mine";
    /// A host creates a group. A group's and a meetup's host pages are
    /// their public path followed by `/vaert`.
    pub const NETWORK_NEW_GROUP: &str = "/netvaerk/ny-gruppe";
    pub const ACCESSIBILITY: &str = "/tilgaengelighed";
    pub const LOGIN: &str = "/log-ind";
    /// The citizen's own access log.
    pub const ACCESS_LOG: &str = "/hvem-har-set";
    /// The citizen proposes a goal.
    pub const PROPOSE_GOAL: &str = "/min-plan/nyt-maal";
    /// Everyone's notifications.
    pub const NOTIFICATIONS: &str = "/beskeder";
    /// The caseworker's inbox, caseload, and a proposal to answer (`/{id}`).
    pub const INBOX: &str = "/sagsbehandler";
    pub const CASELOAD: &str = "/sagsbehandler/borgere";
    pub const INBOX_GOAL: &str = "/sagsbehandler/maal";
    /// Followed by a spending request's id: the caseworker answers it.
    pub const INBOX_SPENDING: &str = "/sagsbehandler/udgift";
    /// A citizen's plan as their caseworker works on it (`/{id}`).
    pub const CITIZEN: &str = "/sagsbehandler/borger";
    /// Server routes of the login flow (`server::auth`).
    pub const AUTH_LOGIN: &str = "/auth/login";
    pub const AUTH_LOGOUT: &str = "/auth/logout";
    /// Plain form post that sets the language cookie (a server route, not a page).
    pub const SET_LANG: &str = "/sprog";
}

/// The whole HTML document, rendered on the server for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = request_lang();
    provide_context(lang);
    #[cfg(feature = "ssr")]
    crate::ssr::security::send_page_csp();
    let css = format!("/{}/{}.css", options.site_pkg_dir, options.output_name);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <meta name="theme-color" content="#002e5f"/>
                <link rel="stylesheet" href=css/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body class="min-h-screen bg-white text-ink antialiased">
                <App/>
            </body>
        </html>
    }
}

/// The language of the current request: from the `lang` cookie, Danish by default.
fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        crate::ssr::request_lang()
    }
    #[cfg(not(feature = "ssr"))]
    {
        use_lang()
    }
}

/// The router with every page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let t = use_lang().texts();
    view! {
        <Title formatter=move |page: String| {
            if page.is_empty() { t.app_name.to_string() } else { format!("{page} – {}", t.app_name) }
        }/>
        <Router>
            <Frame>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=StaticSegment("") view=pages::home::Home/>
                    <Route path=StaticSegment(&paths::PLAN[1..]) view=pages::plan::MyPlan ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&paths::CASEWORKER[1..]) view=pages::caseworker::MyCaseworker ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&paths::BUDGET[1..]) view=pages::budget::Budget ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&paths::NETWORK[1..]) view=pages::network::Network ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("gruppe"), ParamSegment("id")) view=pages::network::GroupPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("moede"), ParamSegment("id")) view=pages::network::MeetupPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("mine")) view=pages::network_host::MyNetwork ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("ny-gruppe")) view=pages::network_host::NewGroupPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("gruppe"), ParamSegment("id"), StaticSegment("vaert")) view=pages::network_host::HostGroup ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("moede"), ParamSegment("id"), StaticSegment("vaert")) view=pages::network_host::HostMeetup ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&paths::ACCESSIBILITY[1..]) view=pages::accessibility::Accessibility/>
                    <Route path=StaticSegment(&paths::LOGIN[1..]) view=pages::login::Login/>
                    <Route path=StaticSegment(&paths::ACCESS_LOG[1..]) view=pages::access_log::AccessLog ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("min-plan"), StaticSegment("nyt-maal")) view=pages::goals::ProposeGoal ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&paths::NOTIFICATIONS[1..]) view=pages::notifications::Notifications ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&paths::INBOX[1..]) view=pages::inbox::Inbox ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("borgere")) view=pages::inbox::Caseload ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("maal"), ParamSegment("id")) view=pages::inbox::GoalReviewPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("borger"), ParamSegment("id")) view=pages::casework::CitizenPlan ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("borger"), ParamSegment("id"), StaticSegment("budget")) view=pages::budget_work::CitizenBudgetPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("udgift"), ParamSegment("id")) view=pages::budget_work::SpendingReviewPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("budget"), StaticSegment("ansoeg")) view=pages::budget::RequestSpending ssr=SsrMode::Async/>
                </Routes>
            </Frame>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    use super::paths;

    #[test]
    fn nested_paths_match_the_segments_of_their_routes() {
        assert_eq!(paths::PROPOSE_GOAL, "/min-plan/nyt-maal");
        assert_eq!(paths::CASELOAD, "/sagsbehandler/borgere");
        assert_eq!(paths::INBOX_GOAL, "/sagsbehandler/maal");
        assert_eq!(paths::CITIZEN, "/sagsbehandler/borger");
        assert_eq!(paths::INBOX, "/sagsbehandler");
        assert_eq!(paths::NETWORK_MINE, "/netvaerk/mine");
        assert_eq!(paths::NETWORK_NEW_GROUP, "/netvaerk/ny-gruppe");
        assert_eq!(crate::pages::network_host::host_meetup_link(7), "/netvaerk/moede/7/vaert");
        assert_eq!(crate::pages::network_host::host_group_link(7), "/netvaerk/gruppe/7/vaert");
    }
}
