//! What this feature's pages show: plain data, serialised from the server
//! functions to the page (and to the browser where an island needs it).

use serde::{Deserialize, Serialize};

use crate::features::decisions::views::DecisionView;

/// The citizen's personal budget, as figures and as a ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetView {
    /// "50.000,00 kr." and so on.
    pub granted: String,
    pub spent: String,
    pub reserved: String,
    pub available: String,
    /// Shares of the granted amount for the bar, 0–100.
    pub spent_pct: u8,
    pub reserved_pct: u8,
    /// "1. oktober 2026 – 31. december 2027".
    pub period: String,
    pub note: Option<String>,
    /// When it ended (no new requests); `None` while it runs.
    pub ended: Option<String>,
    /// The requests, newest first, with their decisions.
    pub requests: Vec<SpendingView>,
    /// Newest first.
    pub ledger: Vec<LedgerLine>,
}

/// One spending request as the citizen (and their caseworker) read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingView {
    pub id: i64,
    pub purpose: String,
    /// What was asked for.
    pub amount: String,
    /// What was approved, if it was.
    pub approved: Option<String>,
    /// `pending`, `approved`, `declined`, `cancelled`.
    pub status: String,
    pub asked: String,
    /// The goal it is for, if the citizen linked one.
    pub goal: Option<String>,
    pub decisions: Vec<DecisionView>,
}

/// A spending request opened by the caseworker to answer it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingReview {
    pub citizen: String,
    /// Where the caseworker sees the citizen's budget.
    pub budget_link: String,
    pub request: SpendingView,
    /// Still waiting for an answer.
    pub open: bool,
    /// Declined, or approved with less than asked for: the last decision
    /// can be corrected in the citizen's favour.
    pub correctable: bool,
    /// Something was approved, so paid out: it cannot be lowered here.
    pub paid: bool,
    /// What is left of the budget besides this request.
    pub available: String,
}

/// One movement of money.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerLine {
    pub when: String,
    /// `grant`, `topup`, `reduce`, `reserve`, `release`, `spend`.
    pub kind: String,
    pub amount: String,
    /// The request's purpose, in the citizen's words.
    pub about: Option<String>,
}
