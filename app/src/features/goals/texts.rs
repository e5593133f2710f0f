//! This feature's strings, in Danish and English: [`GoalTexts`] has a field
//! per string and [`DA`] and [`EN`] are literals, so a missing translation
//! is a compile error. Pages reach them as `t.goals.…` from [`crate::i18n::Texts`].

#[cfg(test)]
use serde::Serialize;

/// Goal's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct GoalTexts {
    pub propose_title: &'static str,
    pub propose_intro: &'static str,
    pub propose_goal_label: &'static str,
    pub propose_goal_hint: &'static str,
    pub propose_why_label: &'static str,
    pub propose_first_step_label: &'static str,
    pub propose_submit: &'static str,
    pub back_to_plan: &'static str,
}

pub static DA: GoalTexts = GoalTexts {
    propose_title: "Foreslå et mål",
    propose_intro: "Skriv målet med dine egne ord. Din sagsbehandler svarer dig her i portalen.",
    propose_goal_label: "Dit mål",
    propose_goal_hint: "For eksempel: Gå en tur hver dag",
    propose_why_label: "Hvorfor er målet vigtigt for dig? (kan udelades)",
    propose_first_step_label: "Et første skridt (kan udelades)",
    propose_submit: "Send forslaget",
    back_to_plan: "Tilbage til min plan",
};

pub static EN: GoalTexts = GoalTexts {
    propose_title: "Propose a goal",
    propose_intro: "Write the goal in your own words. Your caseworker will answer you here in the portal.",
    propose_goal_label: "Your goal",
    propose_goal_hint: "For example: Go for a walk every day",
    propose_why_label: "Why does the goal matter to you? (optional)",
    propose_first_step_label: "A first step (optional)",
    propose_submit: "Send the proposal",
    back_to_plan: "Back to my plan",
};
