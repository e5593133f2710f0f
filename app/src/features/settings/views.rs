//! What this feature's page shows: plain data, serialised from the server
//! function to the page.

use serde::{Deserialize, Serialize};

use crate::ui::form::FormSpec;

/// The settings page: one form with every setting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsPage {
    pub form: FormSpec,
}
