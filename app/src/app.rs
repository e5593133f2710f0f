//! The HTML document, the router and the page frame every page lives in.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    ParamSegment, SsrMode, StaticSegment,
};

use crate::features::*;
use crate::i18n::{use_lang, Lang};
use crate::routes;
use crate::ui::frame::Frame;

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
            <Frame footer=view! { <my_data::privacy::InFooter/> }.into_any() banner=view! { <representation::pages::ActingBanner/> }.into_any()>
                <Routes fallback=site::not_found::NotFound>
                    <Route path=StaticSegment("") view=site::home::Home/>
                    <Route path=StaticSegment(&routes::PLAN[1..]) view=plan::pages::MyPlan ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::CASEWORKER[1..]) view=my_caseworker::pages::MyCaseworker ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::BUDGET[1..]) view=budget::pages::Budget ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::NETWORK[1..]) view=network::pages::Network ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("gruppe"), ParamSegment("id")) view=network::pages::GroupPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("moede"), ParamSegment("id")) view=network::pages::MeetupPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("mine")) view=network::host_pages::MyNetwork ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("ny-gruppe")) view=network::host_pages::NewGroupPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("gruppe"), ParamSegment("id"), StaticSegment("vaert")) view=network::host_pages::HostGroup ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("netvaerk"), StaticSegment("moede"), ParamSegment("id"), StaticSegment("vaert")) view=network::host_pages::HostMeetup ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::ACCESSIBILITY[1..]) view=site::accessibility::Accessibility/>
                    <Route path=StaticSegment(&routes::LOGIN[1..]) view=identity::pages::Login/>
                    <Route path=StaticSegment(&routes::ACCESS_LOG[1..]) view=access_log::pages::AccessLog ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("min-plan"), StaticSegment("nyt-maal")) view=goals::pages::ProposeGoal ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::NOTIFICATIONS[1..]) view=notifications::pages::Notifications ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::SETTINGS[1..]) view=notices::pages::Settings ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::MY_DATA[1..]) view=my_data::pages::MyData ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("mine-oplysninger"), StaticSegment("udskrift")) view=my_data::pages::MyDataPrint ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::PRIVACY[1..]) view=my_data::privacy::Privacy/>
                    <Route path=StaticSegment(&routes::DECISIONS[1..]) view=decisions::pages::MyDecisions ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("afgoerelser"), ParamSegment("id"), StaticSegment("klage")) view=complaints::pages::Complaint ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("klage"), ParamSegment("id")) view=complaints::pages::ComplaintReviewPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment(&routes::UNSUBSCRIBE[1..]), ParamSegment("token")) view=notices::pages::Unsubscribe/>
                    <Route path=StaticSegment(&routes::CONVERSATION[1..]) view=conversation::pages::Conversation ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::HELPERS[1..]) view=representation::pages::Helpers ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("fuldmagt"), StaticSegment("modtag")) view=representation::pages::Redeem ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("fuldmagt"), StaticSegment("ophoert")) view=representation::pages::Ended/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("borger"), ParamSegment("id"), StaticSegment("hjaelpere")) view=representation::staff_pages::CitizenHelpers ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("borger"), ParamSegment("id"), StaticSegment("overdrag")) view=handover::pages::Handover ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("borger"), ParamSegment("id"), StaticSegment("stedfortraeder")) view=cover::pages::Cover ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::ADMIN[1..]) view=admin::pages::AdminHomePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("log")) view=admin::pages::AdminLogPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("indstillinger")) view=settings::pages::Settings ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("ny-sagsbehandler")) view=people::pages::NewCaseworker ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("person"), ParamSegment("id")) view=people::pages::Person ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("borger"), ParamSegment("id"), StaticSegment("overdrag")) view=handover::pages::Handover ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("borger"), ParamSegment("id"), StaticSegment("stedfortraeder")) view=cover::pages::Cover ssr=SsrMode::Async/>
                    <Route path=StaticSegment(&routes::INBOX[1..]) view=inbox::pages::Inbox ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("borgere")) view=inbox::pages::Caseload ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("maal"), ParamSegment("id")) view=inbox::pages::GoalReviewPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("borger"), ParamSegment("id")) view=casework::pages::CitizenPlan ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("borger"), ParamSegment("id"), StaticSegment("budget")) view=budget::staff_pages::CitizenBudgetPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("borger"), ParamSegment("id"), StaticSegment("samtale")) view=conversation::pages::CitizenConversationPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("sagsbehandler"), StaticSegment("udgift"), ParamSegment("id")) view=budget::staff_pages::SpendingReviewPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("budget"), StaticSegment("ansoeg")) view=budget::pages::RequestSpending ssr=SsrMode::Async/>
                </Routes>
            </Frame>
        </Router>
    }
}
