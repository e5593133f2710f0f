//! What this feature's pages show: plain data, serialised from the server
//! functions to the page.

use serde::{Deserialize, Serialize};

use crate::features::decisions::views::{DecisionItem, DecisionView};
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

/// A complaint waiting in the caseworker's inbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingComplaint {
    /// Where the caseworker reads and answers it.
    pub link: String,
    pub citizen: String,
    /// What the decision is about.
    pub about: String,
    /// The reconsideration deadline, in words.
    pub due: String,
    pub overdue: bool,
}

/// A complaint as the caseworker reads it, with the decision it is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintReview {
    pub citizen: String,
    pub about: String,
    pub decision: DecisionView,
    /// The citizen's reasons, as written.
    pub reasons: String,
    /// The files sent with it.
    pub files: Vec<crate::features::conversation::views::AttachmentView>,
    pub sent: String,
    pub due: String,
    pub overdue: bool,
    /// What became of it, once answered (in words, as the citizen reads it).
    pub answered: Option<Vec<String>>,
    /// It can be answered by changing the decision here (a declined goal,
    /// a declined or lowered request for money).
    pub can_change: bool,
    /// For money: what was asked for and what is left in the budget, for
    /// the amount field's hint.
    pub money: Option<(String, String)>,
}

/// The caseworker's complaint page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewPage {
    /// The complaint, the answer form while it waits, and the form that
    /// changes a decision about money (amount and reasons).
    Shown(Box<ComplaintReview>, Option<Box<FormSpec>>, Option<Box<FormSpec>>),
    /// Not a complaint of a citizen of theirs (or not staff).
    NotYours,
}
