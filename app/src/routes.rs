//! Every path of the portal and every link built from one: routes, links in
//! pages, links stored in notifications and sent in redirects all come from
//! here, so a path is changed in one place. Depends on nothing.

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
/// The citizen's conversation with their caseworker.
pub const CONVERSATION: &str = "/samtale";
/// Everyone's notifications.
pub const NOTIFICATIONS: &str = "/beskeder";
/// Contact settings: the e-mail address notices go to, and which.
pub const SETTINGS: &str = "/indstillinger";
/// Everything recorded about the signed-in person, and its download.
pub const MY_DATA: &str = "/mine-oplysninger";
pub const MY_DATA_JSON: &str = "/mine-oplysninger.json";
/// The same for printing (or saving as PDF): no navigation, no buttons.
pub const MY_DATA_PRINT: &str = "/mine-oplysninger/udskrift";
/// All the citizen's decisions, each with its complaint deadline.
pub const DECISIONS: &str = "/afgoerelser";
/// Where the citizen complains about decision `id`.
pub fn complaint(decision: i64) -> String {
    format!("{DECISIONS}/{decision}/klage")
}

/// Where the caseworker reads and answers complaint `id`.
pub fn complaint_review(id: i64) -> String {
    format!("{INBOX}/klage/{id}")
}

/// A decision on the citizen's list of decisions.
pub fn decision(decision: i64) -> String {
    format!("{DECISIONS}#afgoerelse-{decision}")
}

/// The citizen's helpers (bisidder, fuldmægtig): invite, see, end; and,
/// for a helper, the people they help.
pub const HELPERS: &str = "/fuldmagt";
/// Where a helper enters the citizen's code, after logging in with their own MitID.
pub const HELPERS_REDEEM: &str = "/fuldmagt/modtag";
/// The caseworker's page of citizen `id`'s helpers (and a paper power of attorney).
pub fn citizen_helpers(id: i64) -> String {
    format!("{INBOX}/borger/{id}/hjaelpere")
}

/// Where a helper lands when the access they acted with has ended.
pub const HELPERS_ENDED: &str = "/fuldmagt/ophoert";

/// The privacy notice.
pub const PRIVACY: &str = "/privatliv";
/// Followed by a signed token: the page with one "Afmeld" button, which a
/// mail's link opens (and a mail program's one-click unsubscribe posts to).
pub const UNSUBSCRIBE: &str = "/afmeld";
/// The caseworker's inbox, caseload, and a proposal to answer (`/{id}`).
pub const INBOX: &str = "/sagsbehandler";
pub const CASELOAD: &str = "/sagsbehandler/borgere";
pub const INBOX_GOAL: &str = "/sagsbehandler/maal";
/// Followed by a spending request's id: the caseworker answers it.
pub const INBOX_SPENDING: &str = "/sagsbehandler/udgift";
/// A citizen's plan as their caseworker works on it (`/{id}`).
pub const CITIZEN: &str = "/sagsbehandler/borger";
/// The municipality's administration: find people, hand citizens over.
pub const ADMIN: &str = "/admin";
/// The admin audit log.
pub const ADMIN_LOG: &str = "/admin/log";
/// The municipality's settings (admins).
pub const ADMIN_SETTINGS: &str = "/admin/indstillinger";
/// An admin creates a caseworker.
pub const ADMIN_NEW_CASEWORKER: &str = "/admin/ny-sagsbehandler";

/// The admin's page of person `id`: roles, contact data, outreach hours, login.
pub fn admin_person(id: i64) -> String {
    format!("{ADMIN}/person/{id}")
}

/// Where a caseworker hands citizen `id` to a colleague.
pub fn handover(citizen: i64) -> String {
    format!("{CITIZEN}/{citizen}/overdrag")
}

/// Where an admin hands citizen `id` to a caseworker.
pub fn admin_handover(citizen: i64) -> String {
    format!("{ADMIN}/borger/{citizen}/overdrag")
}

/// Where a caseworker chooses who stands in for them for citizen `id`.
pub fn cover(citizen: i64) -> String {
    format!("{CITIZEN}/{citizen}/stedfortraeder")
}

/// Where an admin chooses who stands in for citizen `id`'s caseworker.
pub fn admin_cover(citizen: i64) -> String {
    format!("{ADMIN}/borger/{citizen}/stedfortraeder")
}

/// Server routes of the login flow (`server::auth`).
pub const AUTH_LOGIN: &str = "/auth/login";
pub const AUTH_LOGOUT: &str = "/auth/logout";
/// Plain form post that sets the language cookie (a server route, not a page).
pub const SET_LANG: &str = "/sprog";

/// A calendar file of a meetup: its public path followed by this.
pub const CALENDAR_FILE: &str = "kalender.ics";

/// The login page, coming back to `next` after login.
pub fn login_then(next: &str) -> String {
    format!("{LOGIN}?next={next}")
}

/// Starts the login flow at the provider, coming back to `next`.
pub fn auth_login_then(next: &str) -> String {
    format!("{AUTH_LOGIN}?next={next}")
}

/// A goal on the citizen's plan page.
/// A mail's unsubscribe link (the token is `notices::links`' signed one).
pub fn unsubscribe(token: &str) -> String {
    format!("{UNSUBSCRIBE}/{token}")
}

pub fn plan_goal(goal: i64) -> String {
    format!("{PLAN}#maal-{goal}")
}

/// A spending request on the citizen's budget page.
pub fn spending_request(request: i64) -> String {
    format!("{BUDGET}#anmodning-{request}")
}

/// Where the caseworker answers a goal proposal.
pub fn goal_review(goal: i64) -> String {
    format!("{INBOX_GOAL}/{goal}")
}

/// Where the caseworker answers a spending request.
pub fn spending_review(request: i64) -> String {
    format!("{INBOX_SPENDING}/{request}")
}

/// A citizen's plan as their caseworker works on it.
pub fn citizen(citizen: i64) -> String {
    format!("{CITIZEN}/{citizen}")
}

/// A message in the citizen's conversation.
pub fn conversation_message(message: i64) -> String {
    format!("{CONVERSATION}#besked-{message}")
}

/// Where the files attached to messages are downloaded: `{ATTACHMENT}/{id}`.
pub const ATTACHMENT: &str = "/samtale/fil";

/// A file attached to a message, to download (only for the thread's parties).
pub fn attachment(id: i64) -> String {
    format!("{ATTACHMENT}/{id}")
}

/// A citizen's conversation as their caseworker (or stand-in) answers it.
pub fn citizen_conversation(citizen: i64) -> String {
    format!("{CITIZEN}/{citizen}/samtale")
}

/// A citizen's budget as their caseworker works on it.
pub fn citizen_budget(citizen: i64) -> String {
    format!("{CITIZEN}/{citizen}/budget")
}

/// A network group's public page.
pub fn group(group: i64) -> String {
    format!("{NETWORK_GROUP}/{group}")
}

/// A meetup's public page.
pub fn meetup(meetup: i64) -> String {
    format!("{NETWORK_MEETUP}/{meetup}")
}

/// A meetup's messages from its host, on its public page.
pub fn meetup_messages(meetup: i64) -> String {
    format!("{NETWORK_MEETUP}/{meetup}#beskeder")
}

/// A meetup as a calendar file.
pub fn meetup_calendar(meetup: i64) -> String {
    format!("{NETWORK_MEETUP}/{meetup}/{CALENDAR_FILE}")
}

/// Where the hosts of a group manage it.
pub fn host_group(group: i64) -> String {
    format!("{NETWORK_GROUP}/{group}/vaert")
}

/// Where the hosts of a meetup's group manage the meetup.
pub fn host_meetup(meetup: i64) -> String {
    format!("{NETWORK_MEETUP}/{meetup}/vaert")
}

/// The display-name form on "Mine grupper og møder".
pub fn my_network_name() -> String {
    format!("{NETWORK_MINE}#navn")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_paths_match_the_segments_of_their_routes() {
        assert_eq!(PROPOSE_GOAL, "/min-plan/nyt-maal");
        assert_eq!(CASELOAD, "/sagsbehandler/borgere");
        assert_eq!(INBOX_GOAL, "/sagsbehandler/maal");
        assert_eq!(CITIZEN, "/sagsbehandler/borger");
        assert_eq!(INBOX, "/sagsbehandler");
        assert_eq!(NETWORK_MINE, "/netvaerk/mine");
        assert_eq!(NETWORK_NEW_GROUP, "/netvaerk/ny-gruppe");
    }

    #[test]
    fn links_are_built_from_the_paths() {
        assert_eq!(host_meetup(7), "/netvaerk/moede/7/vaert");
        assert_eq!(host_group(7), "/netvaerk/gruppe/7/vaert");
        assert_eq!(meetup_calendar(3), "/netvaerk/moede/3/kalender.ics");
        assert_eq!(plan_goal(4), "/min-plan#maal-4");
        assert_eq!(spending_request(5), "/budget#anmodning-5");
        assert_eq!(citizen_budget(6), "/sagsbehandler/borger/6/budget");
        assert_eq!(citizen_conversation(6), "/sagsbehandler/borger/6/samtale");
        assert_eq!(conversation_message(2), "/samtale#besked-2");
        assert_eq!(attachment(9), "/samtale/fil/9");
        assert_eq!(goal_review(8), "/sagsbehandler/maal/8");
        assert_eq!(spending_review(9), "/sagsbehandler/udgift/9");
        assert_eq!(meetup_messages(2), "/netvaerk/moede/2#beskeder");
    }
}

/// Percent-encodes text (a local path, a chosen area) for use as one query value.
pub fn query_value(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod query_tests {
    use super::query_value;

    #[test]
    fn paths_and_names_are_encoded_as_one_query_value() {
        assert_eq!(query_value("/min-plan"), "/min-plan");
        assert_eq!(query_value("/netvaerk?a=1&b=2"), "/netvaerk%3Fa%3D1%26b%3D2");
        assert_eq!(query_value("Aarhus Ø"), "Aarhus%20%C3%98");
    }
}
