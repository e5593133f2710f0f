//! What this feature's pages show: plain data, serialised from the server
//! functions to the page.

use serde::{Deserialize, Serialize};

use crate::ui::form::FormSpec;

/// One helper (or waiting invitation) on the citizen's page, or one person
/// a helper helps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelperView {
    pub id: i64,
    /// The other person's name (the helper's, or the citizen's); `None`
    /// while an invitation waits.
    pub name: Option<String>,
    /// "Fuldmægtig", "Bisidder".
    pub kind: String,
    /// What they may, in words.
    pub scopes: Vec<String>,
    /// Where it stands, in words: until when, or when it ended.
    pub status: String,
    /// It can be ended (or withdrawn) now.
    pub open: bool,
    /// It is an invitation that waits.
    pub waiting: bool,
    /// Why the caseworker ended it, in words.
    pub reason: Option<String>,
}

/// The helpers page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpersPage {
    /// The citizen's helpers and the invitation form (`None`: not a
    /// citizen, or acting for someone else right now).
    pub mine: Option<(Vec<HelperView>, FormSpec)>,
    /// The code just made, shown once.
    pub new_code: Option<String>,
    /// The people this person helps now.
    pub helping: Vec<HelperView>,
    /// Whom they act for on this request (`None`: themselves).
    pub acting_with: Option<i64>,
}
