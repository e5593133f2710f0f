//! Why staff saw a citizen's data, as a type: `ssr/access.rs` writes it into
//! the access log, and the texts name every purpose (compiled for the
//! browser too, so the catalogue can match on it).

/// Why staff saw a citizen's data, as the access log records it (the
/// citizen reads it on "Hvem har set mine oplysninger").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Opened a goal proposal to answer it.
    GoalReview,
    /// Opened the citizen's plan to work on it.
    PlanWork,
    /// Saw what the citizen asked for in the inbox.
    Inbox,
    /// Opened a spending request to answer it.
    SpendingReview,
    /// Opened the citizen's budget to work on it.
    BudgetWork,
    /// Opened the conversation with the citizen.
    Conversation,
    /// Downloaded a file the citizen attached to a message.
    Attachment,
    /// Saw the citizen on their caseload list (name, plan's counts, last contact).
    Caseload,
    /// Opened the citizen's complaint about a decision to answer it.
    ComplaintReview,
    /// A helper (bisidder, fuldmægtig) saw the citizen's plan.
    PlanSeen,
    /// A helper saw the citizen's decisions.
    DecisionsSeen,
    /// A helper saw, or downloaded, everything recorded about the citizen.
    RecordsSeen,
    /// A helper saw who the citizen's caseworker is.
    CaseworkerSeen,
    /// A helper saw who has seen the citizen's data.
    AccessLogSeen,
    /// Opened the page that hands the citizen to another caseworker (an
    /// admin, or their caseworker): their name and who their caseworker is.
    Handover,
    /// Opened the page that sets who stands in for the citizen's caseworker.
    Cover,
    /// An admin found the citizen by name (their name and caseworker).
    AdminSearch,
    /// An admin found the citizen by their CPR number.
    AdminCprSearch,
    /// An admin opened the citizen's page of roles and login.
    AdminPerson,
    /// An admin read the admin audit log with a line about the citizen (a handover).
    AdminLog,
}

impl Purpose {
    pub const ALL: [Purpose; 20] = [
        Purpose::GoalReview,
        Purpose::PlanWork,
        Purpose::Inbox,
        Purpose::SpendingReview,
        Purpose::BudgetWork,
        Purpose::Conversation,
        Purpose::Attachment,
        Purpose::Caseload,
        Purpose::ComplaintReview,
        Purpose::PlanSeen,
        Purpose::DecisionsSeen,
        Purpose::RecordsSeen,
        Purpose::CaseworkerSeen,
        Purpose::AccessLogSeen,
        Purpose::Handover,
        Purpose::Cover,
        Purpose::AdminSearch,
        Purpose::AdminCprSearch,
        Purpose::AdminPerson,
        Purpose::AdminLog,
    ];

    /// As stored in `access_log.purpose` (never renamed: old entries keep it).
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::GoalReview => "goal_review",
            Purpose::PlanWork => "plan_work",
            Purpose::Inbox => "inbox",
            Purpose::SpendingReview => "spending_review",
            Purpose::BudgetWork => "budget_work",
            Purpose::Conversation => "conversation",
            Purpose::Attachment => "attachment",
            Purpose::Caseload => "caseload",
            Purpose::ComplaintReview => "complaint_review",
            Purpose::PlanSeen => "plan_seen",
            Purpose::DecisionsSeen => "decisions_seen",
            Purpose::RecordsSeen => "records_seen",
            Purpose::CaseworkerSeen => "caseworker_seen",
            Purpose::AccessLogSeen => "access_log_seen",
            Purpose::Handover => "handover",
            Purpose::Cover => "cover",
            Purpose::AdminSearch => "admin_search",
            Purpose::AdminCprSearch => "admin_cpr_search",
            Purpose::AdminPerson => "admin_person",
            Purpose::AdminLog => "admin_log",
        }
    }

    /// A stored purpose; `None` for entries written as plain text.
    pub fn parse(stored: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.as_str() == stored)
    }
}

#[cfg(test)]
mod tests {
    use super::Purpose;

    #[test]
    fn purposes_keep_their_stored_words() {
        for p in Purpose::ALL {
            assert_eq!(Purpose::parse(p.as_str()), Some(p));
        }
        assert_eq!(Purpose::GoalReview.as_str(), "goal_review");
        assert_eq!(Purpose::Inbox.as_str(), "inbox");
        assert_eq!(Purpose::parse("Aftale om møde i caféen"), None);
    }
}
