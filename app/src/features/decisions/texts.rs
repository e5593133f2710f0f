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
}

pub static DA: DecisionTexts = DecisionTexts {
    decision_heading: "Svar fra din sagsbehandler",
    decision_reasons: "Begrundelse",
    decision_appeal: "Sådan klager du",
    decision_by: "Svaret af",
    decision_corrects: |when| format!("Retter afgørelsen fra {when}"),
};

pub static EN: DecisionTexts = DecisionTexts {
    decision_heading: "Answer from your caseworker",
    decision_reasons: "Reason",
    decision_appeal: "How to complain",
    decision_by: "Answered by",
    decision_corrects: |when| format!("Corrects the decision of {when}"),
};
