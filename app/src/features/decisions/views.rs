//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

/// A decision as the citizen reads it: what, who, when, why, and how to appeal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    /// `accepted`, `adjusted`, `declined`, … (named on the page).
    pub outcome: String,
    pub when: String,
    pub by: String,
    pub reasons: Option<String>,
    pub appeal_guidance: String,
    /// When the decision this one corrects was made.
    pub corrects: Option<String>,
}

/// One decision on the citizen's list of all their decisions (`/afgoerelser`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionItem {
    pub id: i64,
    /// The page anchor (`afgoerelse-{id}`), which corrections link to.
    pub anchor: String,
    /// What it is about, in words: the goal's title, or the request's purpose and amount.
    pub about: String,
    /// `goal` or `spending_request`.
    pub subject_kind: String,
    pub decision: DecisionView,
    /// The last day a complaint can be made, in words.
    pub deadline: String,
    /// The deadline has passed.
    pub deadline_passed: bool,
    /// The decision that corrected this one: its anchor and when it was made.
    pub corrected_by: Option<(String, String)>,
    /// The anchor of the decision this one corrects.
    pub corrects_anchor: Option<String>,
    /// Where to complain about it: only while it is within the deadline and
    /// has no complaint yet.
    pub complain_link: Option<String>,
    /// What became of the citizen's complaint about it, if they made one, in words.
    pub complaint: Option<Vec<String>>,
    /// The files the citizen sent with the complaint.
    pub complaint_files: Vec<crate::features::conversation::views::AttachmentView>,
}
