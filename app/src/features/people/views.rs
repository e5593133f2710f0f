//! What the people pages show: plain data, serialised from the server
//! functions to the page.

use serde::{Deserialize, Serialize};

use crate::ui::form::FormSpec;

/// One role on a person's page, with the button that changes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleView {
    /// As stored (`caseworker`): the button posts it.
    pub role: String,
    pub label: String,
    pub has: bool,
}

/// One outreach time, with its id (the remove button posts it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursView {
    pub id: i64,
    /// "tirsdag kl. 10.00–12.00".
    pub when: String,
    pub place: String,
    pub address: String,
}

/// The admin's page of one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonPage {
    pub id: i64,
    pub name: String,
    pub is_citizen: bool,
    pub roles: Vec<RoleView>,
    /// Staff only: the contact data form, the outreach hours and their form, the login.
    pub staff: Option<StaffPart>,
}

/// What only staff have on their page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffPart {
    pub profile: FormSpec,
    pub hours: Vec<HoursView>,
    pub add_hours: FormSpec,
    /// "Har et medarbejder-login." and whether there is one to remove.
    pub login_status: String,
    pub linked: bool,
    pub login: FormSpec,
}
