//! What the data pages show: plain data, serialised from the server
//! function to the page.

use serde::{Deserialize, Serialize};

/// One value of a record, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub label: String,
    pub value: String,
}

/// One kind of record (the export's section key) and its records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub key: String,
    pub rows: Vec<Vec<Field>>,
}

/// Everything recorded about the person, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Records {
    /// When it was extracted, in words ("mandag 30. november 2026 kl. 12.00").
    pub extracted: String,
    pub sections: Vec<Section>,
}
