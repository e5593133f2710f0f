//! This feature's strings, in Danish and English: [`AccessLogTexts`] has a field
//! per string and [`DA`] and [`EN`] are literals, so a missing translation
//! is a compile error. Pages reach them as `t.access_log.…` from [`crate::i18n::Texts`].

#[cfg(test)]
use serde::Serialize;

/// AccessLog's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct AccessLogTexts {
    pub access_title: &'static str,
    pub access_body: &'static str,
    pub access_empty: &'static str,
    /// In which capacity they opened it.
    pub as_caseworker: &'static str,
    pub as_standin: &'static str,
    pub as_citizen: &'static str,
    pub as_bisidder: &'static str,
    pub as_fuldmaegtig: &'static str,
    pub as_admin: &'static str,
}

impl AccessLogTexts {
    /// What they were to the citizen when they opened the data.
    pub fn capacity(&self, c: crate::features::access_log::capacity::Capacity) -> &'static str {
        use crate::features::access_log::capacity::Capacity as C;
        match c {
            C::Caseworker => self.as_caseworker,
            C::Standin => self.as_standin,
            C::Citizen => self.as_citizen,
            C::Bisidder => self.as_bisidder,
            C::Fuldmaegtig => self.as_fuldmaegtig,
            C::Admin => self.as_admin,
        }
    }
}

pub static DA: AccessLogTexts = AccessLogTexts {
    access_title: "Hvem har set mine oplysninger",
    access_body: "Her kan du se, hver gang en medarbejder eller en hjælper, du har valgt, har åbnet dine oplysninger i Én Plan: hvem, hvornår, i hvilken rolle, og hvorfor.",
    access_empty: "Ingen medarbejdere har åbnet dine oplysninger endnu.",
    as_caseworker: "din sagsbehandler",
    as_standin: "stedfortræder for din sagsbehandler",
    as_citizen: "dig selv",
    as_bisidder: "din bisidder",
    as_fuldmaegtig: "din fuldmægtig",
    as_admin: "administrator i kommunen",
};

pub static EN: AccessLogTexts = AccessLogTexts {
    access_title: "Who has seen my information",
    access_body: "Here you can see every time a member of staff, or a helper you chose, opened your information in Én Plan: who, when, in which role, and why.",
    access_empty: "No member of staff has opened your information yet.",
    as_caseworker: "your caseworker",
    as_standin: "stand-in for your caseworker",
    as_citizen: "yourself",
    as_bisidder: "your bisidder",
    as_fuldmaegtig: "your fuldmægtig",
    as_admin: "administrator at the municipality",
};

impl crate::i18n::Texts {
    /// Why staff opened the data, for the citizen's access log; older
    /// entries written as plain text are shown as written.
    pub fn access_purpose<'a>(&self, purpose: &'a str) -> &'a str {
        use crate::features::access_log::purpose::Purpose as P;
        match P::parse(purpose) {
            Some(P::GoalReview) => self.purpose_goal_review,
            Some(P::PlanWork) => self.purpose_plan_work,
            Some(P::Inbox) => self.purpose_inbox,
            Some(P::SpendingReview) => self.purpose_spending_review,
            Some(P::BudgetWork) => self.purpose_budget_work,
            Some(P::Conversation) => self.purpose_conversation,
            Some(P::Attachment) => self.purpose_attachment,
            Some(P::Caseload) => self.purpose_caseload,
            Some(P::ComplaintReview) => self.purpose_complaint_review,
            Some(P::PlanSeen) => self.helpers.purpose_plan_seen,
            Some(P::DecisionsSeen) => self.helpers.purpose_decisions_seen,
            Some(P::RecordsSeen) => self.helpers.purpose_records_seen,
            Some(P::CaseworkerSeen) => self.helpers.purpose_caseworker_seen,
            Some(P::AccessLogSeen) => self.helpers.purpose_access_log_seen,
            Some(P::Handover) => self.handover.purpose,
            Some(P::Cover) => self.cover.purpose,
            Some(P::AdminSearch) => self.admin.purpose_search,
            Some(P::AdminCprSearch) => self.admin.purpose_cpr,
            Some(P::AdminPerson) => self.admin.purpose_person,
            Some(P::AdminLog) => self.admin.purpose_log,
            None => purpose,
        }
    }
}
