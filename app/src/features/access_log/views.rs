//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

/// One time staff opened the citizen's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessView {
    pub when: String,
    /// The staff member's name.
    pub who: String,
    pub role: crate::kernel::plan::Role,
    /// What they were to the citizen then (`None`: an entry from before
    /// this was recorded; the page names the role).
    pub capacity: Option<crate::features::access_log::capacity::Capacity>,
    pub purpose: String,
}
