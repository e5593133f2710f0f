//! Who is asking. The server's session middleware verifies the session and
//! puts a [`CurrentUser`] into the request's extensions; pages, server
//! functions and services read it from there. Roles come from our database
//! (loaded by the middleware on every request), never from token claims.

use leptos::prelude::use_context;

use crate::kernel::ids::PersonId;
use crate::kernel::plan::Role;

/// The signed-in person of this request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentUser {
    pub person_id: PersonId,
    pub name: String,
    /// Roles granted by the municipality (a citizen has none).
    pub roles: Vec<Role>,
    /// Known by CPR number: a citizen who may have a plan.
    pub is_citizen: bool,
    /// Notifications not yet seen, counted when the request came in.
    pub unread_notifications: i64,
    /// The citizen this person acts for on this request, as their helper
    /// (chosen in the session, checked against the database on every
    /// request); `None`: they act for themselves.
    pub acting_for: Option<ActingFor>,
}

/// A helper acting for a citizen, as the session middleware found it valid
/// on this request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActingFor {
    pub representation: crate::kernel::ids::RepresentationId,
    pub citizen: PersonId,
    pub citizen_name: String,
    pub kind: crate::kernel::representation::HelperKind,
    pub scopes: crate::kernel::representation::Scopes,
}

/// The session key under which the representation a helper acts with is kept.
pub const ACTING_KEY: &str = "acting_for";

impl CurrentUser {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
    /// Staff (caseworker or admin) — not hosts, who are volunteers.
    pub fn is_staff(&self) -> bool {
        self.has_role(Role::Caseworker) || self.has_role(Role::Admin)
    }
}

pub use crate::ui::viewer::SessionEnded;

/// A value the server put into this request (the signed-in person, the
/// municipality), while rendering a page or running a server function.
pub(crate) fn extension<T: Clone + Send + Sync + 'static>() -> Option<T> {
    use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<T>().cloned())
}

/// The signed-in person, if any, while rendering a page or running a server function.
pub fn current_user() -> Option<CurrentUser> {
    extension::<CurrentUser>()
}

/// Set when this request found an expired session (and ended it).
pub fn session_ended() -> Option<SessionEnded> {
    extension::<SessionEnded>()
}

/// Origins that forms on our pages may end up at: the identity providers'
/// end-session endpoints, reached by a redirect after the logout form.
/// Provided by the server as a context; added to CSP `form-action`.
#[derive(Clone, Debug, Default)]
pub struct FormTargets(pub Vec<String>);
