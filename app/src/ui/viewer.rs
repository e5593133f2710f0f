//! Who is looking at the page, as the (server-rendered) pages see it. The
//! server's session middleware decides; in the browser there is no viewer,
//! since pages are rendered only on the server and islands get props.

use serde::{Deserialize, Serialize};

/// The signed-in person, reduced to what a page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub name: String,
    pub is_citizen: bool,
    pub is_staff: bool,
    /// One of the municipality's administrators (the `/admin` pages).
    pub is_admin: bool,
    pub is_caseworker: bool,
    /// Notifications not yet seen (shown in the navigation).
    pub unread: i64,
    /// The citizen's name, while this person acts for them as their helper.
    pub acting_for: Option<String>,
}

/// Why a session ended on this very request, so the page can say so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionEnded {
    /// No activity for longer than the idle timeout.
    Idle,
    /// Logged in for longer than the absolute lifetime.
    TooOld,
}

/// Which ways to log in this deployment offers (provided by the server).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoginOptions {
    /// The built-in test identity provider is in use ("Testlogin – ikke MitID").
    pub test_login: bool,
    /// A separate issuer for staff is configured.
    pub staff_login: bool,
}

/// The signed-in person of this request, if any.
pub fn viewer() -> Option<Viewer> {
    #[cfg(feature = "ssr")]
    {
        crate::ssr::auth::current_user().map(|u| Viewer {
            is_staff: u.is_staff(),
            is_admin: u.has_role(crate::kernel::plan::Role::Admin),
            is_caseworker: u.has_role(crate::kernel::plan::Role::Caseworker),
            unread: u.unread_notifications,
            name: u.name,
            is_citizen: u.is_citizen,
            acting_for: u.acting_for.map(|a| a.citizen_name),
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// Set when this request found an expired session (and ended it).
pub fn session_ended() -> Option<SessionEnded> {
    #[cfg(feature = "ssr")]
    {
        crate::ssr::auth::session_ended()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The deployment's login options.
pub fn login_options() -> LoginOptions {
    leptos::prelude::use_context::<LoginOptions>().unwrap_or_default()
}

/// Why the login page is shown again: its `fejl` query parameter, set by the
/// server's login routes. The page explains each in plain words; none of
/// them reveals which check failed.
pub mod login_error {
    /// The identity provider could not be reached or refused us.
    pub const UNAVAILABLE: &str = "utilgaengelig";
    /// The login was cancelled or failed at the provider.
    pub const CANCELLED: &str = "afbrudt";
    /// The answer from the provider did not pass our checks, or came too late.
    pub const FAILED: &str = "mislykket";
    /// A staff login that nobody has registered.
    pub const UNKNOWN_STAFF: &str = "ukendt-medarbejder";
    /// The CPR number is already linked to another login.
    pub const ALREADY_LINKED: &str = "cpr-tilknyttet";
    /// MitID was used at a level below what the portal requires.
    pub const LEVEL_TOO_LOW: &str = "lavt-niveau";
    /// Every code, for tests.
    pub const ALL: [&str; 6] = [UNAVAILABLE, CANCELLED, FAILED, UNKNOWN_STAFF, ALREADY_LINKED, LEVEL_TOO_LOW];
}
