//! What the admin pages show: plain data, serialised from the server
//! functions to the page.

use serde::{Deserialize, Serialize};

/// A person found by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundView {
    pub name: String,
    /// "Borger" or "Medarbejder".
    pub kind: String,
    /// "Sagsbehandler: Karin Holm", for a citizen.
    pub caseworker: Option<String>,
    /// The handover page, for a citizen.
    pub handover: Option<String>,
    /// The person's page (roles, contact data, login).
    pub person: String,
}

/// `/admin`: the search and what it found (`None` before a search), and
/// the form that finds a citizen by CPR number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminHome {
    pub found: Option<Vec<FoundView>>,
    pub cpr_form: crate::ui::form::FormSpec,
}

/// One line of the admin audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub when: String,
    pub who: String,
    pub what: String,
    pub about: Option<String>,
    pub before: String,
    pub after: String,
}
