//! This feature's strings, in Danish and English: [`DecisionTexts`] has a field
//! per string and [`DA`] and [`EN`] are literals, so a missing translation
//! is a compile error. Pages reach them as `t.decisions.…` from [`crate::i18n::Texts`].

#[cfg(test)]
use serde::Serialize;

/// Decision's strings in one language.
#[cfg_attr(test, derive(Serialize))]
pub struct DecisionTexts {
    pub decision_heading: &'static str,
    pub decision_reasons: &'static str,
    pub decision_appeal: &'static str,
    pub decision_by: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub decision_corrects: fn(&str) -> String,

    /// `/afgoerelser`.
    pub list_title: &'static str,
    pub list_intro: &'static str,
    pub list_needs_login: &'static str,
    pub list_empty: &'static str,
    pub list_citizens_only: &'static str,
    pub about_goal: &'static str,
    pub about_money: &'static str,
    /// "Du kan klage indtil …" with the last day.
    #[cfg_attr(test, serde(skip))]
    pub deadline: fn(&str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub deadline_passed: fn(&str) -> String,
    /// "Rettet ved en ny afgørelse …" with when.
    #[cfg_attr(test, serde(skip))]
    pub corrected_by: fn(&str) -> String,
    pub see_correction: &'static str,
    pub see_corrected: &'static str,
    /// The link to the list from the plan, the budget and the notifications.
    pub link: &'static str,
}

pub static DA: DecisionTexts = DecisionTexts {
    decision_heading: "Svar fra din sagsbehandler",
    decision_reasons: "Begrundelse",
    decision_appeal: "Sådan klager du",
    decision_by: "Svaret af",
    decision_corrects: |when| format!("Retter afgørelsen fra {when}"),
    list_title: "Dine afgørelser",
    list_intro: "Her er alle de afgørelser, kommunen har truffet om dig i Én Plan, med begrundelsen, hvem der traf dem, og hvordan og hvornår du kan klage. Den nyeste står øverst.",
    list_needs_login: "Log ind for at se dine afgørelser.",
    list_empty: "Der er ikke truffet nogen afgørelser om dig endnu.",
    list_citizens_only: "Denne side er for borgere: her ser en borger de afgørelser, kommunen har truffet om dem.",
    about_goal: "Mål",
    about_money: "Ønske om penge",
    deadline: |day| format!("Du kan klage til og med {day}."),
    deadline_passed: |day| format!("Fristen for at klage var {day}. Du kan stadig tale med din sagsbehandler om afgørelsen: kommunen kan se på den igen."),
    corrected_by: |when| format!("Afgørelsen er rettet {when}."),
    see_correction: "Se den nye afgørelse",
    see_corrected: "Se den afgørelse, der er rettet",
    link: "Se alle dine afgørelser",
};

pub static EN: DecisionTexts = DecisionTexts {
    decision_heading: "Answer from your caseworker",
    decision_reasons: "Reason",
    decision_appeal: "How to complain",
    decision_by: "Answered by",
    decision_corrects: |when| format!("Corrects the decision of {when}"),
    list_title: "Your decisions",
    list_intro: "Here are all the decisions the municipality has made about you in Én Plan, with the reasons, who made them, and how and until when you can complain. The newest is at the top.",
    list_needs_login: "Log in to see your decisions.",
    list_empty: "No decisions have been made about you yet.",
    list_citizens_only: "This page is for citizens: here a citizen sees the decisions the municipality has made about them.",
    about_goal: "Goal",
    about_money: "Request for money",
    deadline: |day| format!("You can complain until and including {day}."),
    deadline_passed: |day| format!("The deadline for complaining was {day}. You can still talk to your caseworker about the decision: the municipality can look at it again."),
    corrected_by: |when| format!("The decision was corrected {when}."),
    see_correction: "See the new decision",
    see_corrected: "See the decision that was corrected",
    link: "See all your decisions",
};
