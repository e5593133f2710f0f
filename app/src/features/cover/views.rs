//! What this feature's pages show: plain data, serialised from the server
//! functions to the page.

use serde::{Deserialize, Serialize};

use crate::ui::form::FormSpec;

/// The cover page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverPage {
    pub citizen_id: i64,
    pub citizen: String,
    /// The caseworker now, by name.
    pub primary: Option<String>,
    pub cover: Option<CoverLine>,
    /// No colleague who could stand in.
    pub nobody: bool,
    pub form: FormSpec,
    /// Opened by an admin (the page links back to administration).
    pub by_admin: bool,
}

/// The cover running now, or the next one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverLine {
    pub who: String,
    /// "fra 3. december 2026 til og med 14. december 2026".
    pub days: String,
    /// Running now (else: to begin).
    pub running: bool,
}
