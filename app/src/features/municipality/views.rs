//! The municipality as pages show it.

use serde::{Deserialize, Serialize};

/// Who runs the portal and is responsible for the data in it. Every field
/// is plain text as the municipality wrote it; empty when not set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    /// "Aarhus Kommune".
    pub name: String,
    /// The postal address, on one line.
    pub address: String,
    pub phone: String,
    /// How to reach the data protection officer (databeskyttelsesrådgiver):
    /// an e-mail address, a phone number, in plain words.
    pub dpo: String,
}

impl Municipality {
    /// Whether the municipality has said who it is.
    pub fn is_set(&self) -> bool {
        !self.name.is_empty()
    }
}
