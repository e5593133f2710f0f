//! What this feature's pages show: plain data, serialised from the server
//! functions to the page.

use serde::{Deserialize, Serialize};

use crate::ui::form::FormSpec;

/// The handover page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverPage {
    pub citizen_id: i64,
    pub citizen: String,
    /// The caseworker now, by name.
    pub current: Option<String>,
    /// "En sagsbehandler bør højst have 30 borgere og kan højst have 40."
    pub limits: String,
    /// No colleague to hand over to.
    pub nobody: bool,
    pub form: FormSpec,
    /// Opened by an admin (the page links back to administration).
    pub by_admin: bool,
}

/// A citizen handed to the caseworker, not opened yet: a "ny borger" item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCitizenItem {
    pub link: String,
    pub citizen: String,
    /// "Overdraget fra Karin Holm 1. dec. 2026 kl. 10.00".
    pub from: String,
    pub note: String,
}

/// The latest change of caseworker, as the citizen is told of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    /// "Jonas Lund er din sagsbehandler fra 1. december 2026."
    pub said: String,
    pub message: String,
}
