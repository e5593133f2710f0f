//! What this feature's pages show: plain data, serialised from the server
//! functions to the page.

use serde::{Deserialize, Serialize};

use crate::features::decisions::views::DecisionItem;
use crate::ui::form::FormSpec;

/// The complaint page of one decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ComplaintPage {
    /// The decision and the form.
    Form { item: DecisionItem, spec: FormSpec },
    /// The decision, and why no complaint can be made here now: it has one
    /// already (what became of it is on the item), or the deadline passed
    /// (what to do instead, in words).
    Closed { item: DecisionItem, why: Option<String> },
    /// Not a decision of the signed-in citizen's.
    NotFound,
}
