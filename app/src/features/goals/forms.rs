//! The goals' forms: the citizen's proposal and the caseworker's answer.

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{field, optional_long, required_reason, FieldErrors, Problem};
use crate::kernel::text::{GoalTitle, LongText, Reason, TextError};

/// A goal the citizen proposes, in their own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalProposal {
    pub title: GoalTitle,
    pub why: Option<LongText>,
    pub first_step: Option<LongText>,
}

/// Form field names of the goal proposal.
pub mod proposal_fields {
    pub const TITLE: &str = "title";
    pub const WHY: &str = "why";
    pub const FIRST_STEP: &str = "first_step";
}

impl GoalProposal {
    /// Parses the form; every refused field is reported, not only the first.
    pub fn parse(title: &str, why: &str, first_step: &str) -> Result<GoalProposal, FieldErrors> {
        use proposal_fields::*;
        let mut errors = FieldErrors::new();
        let title = GoalTitle::parse(title).map_err(|e| field(&mut errors, TITLE, Problem::Text(e))).ok();
        let why = optional_long(&mut errors, WHY, why);
        let first_step = optional_long(&mut errors, FIRST_STEP, first_step);
        match title {
            Some(title) if errors.is_empty() => Ok(GoalProposal { title, why, first_step }),
            _ => Err(errors),
        }
    }
}

/// The caseworker's answer to a proposed goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalAnswer {
    /// The goal enters the plan as the citizen wrote it.
    Accept,
    /// Suggest another wording; the citizen accepts or rejects it.
    Adjust {
        wording: GoalTitle,
        reason: Reason,
    },
    Decline {
        reason: Reason,
    },
}

/// Form field names and answer values of the caseworker's answer.
pub mod answer_fields {
    pub const ANSWER: &str = "answer";
    pub const WORDING: &str = "wording";
    pub const REASON: &str = "reason";
    pub const ACCEPT: &str = "accept";
    pub const ADJUST: &str = "adjust";
    pub const DECLINE: &str = "decline";
}

impl GoalAnswer {
    /// Parses the form: declining or adjusting requires a reason, adjusting a wording.
    pub fn parse(answer: &str, wording: &str, reason: &str) -> Result<GoalAnswer, FieldErrors> {
        use answer_fields::*;
        let mut errors = FieldErrors::new();
        let answer = match answer {
            ACCEPT => Some(GoalAnswer::Accept),
            ADJUST => {
                let wording = match GoalTitle::parse(wording) {
                    Ok(w) => Some(w),
                    Err(TextError::Empty) => {
                        field(&mut errors, WORDING, Problem::WordingRequired);
                        None
                    }
                    Err(e) => {
                        field(&mut errors, WORDING, Problem::Text(e));
                        None
                    }
                };
                let reason = required_reason(&mut errors, REASON, reason);
                wording.zip(reason).map(|(wording, reason)| GoalAnswer::Adjust { wording, reason })
            }
            DECLINE => required_reason(&mut errors, REASON, reason).map(|reason| GoalAnswer::Decline { reason }),
            _ => {
                field(&mut errors, ANSWER, Problem::ChooseAnswer);
                None
            }
        };
        answer.filter(|_| errors.is_empty()).ok_or(errors)
    }
}

/// The goals' checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GoalForm {
    Proposal,
    Answer,
}

impl GoalForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        match self {
            GoalForm::Proposal => {
                use proposal_fields::*;
                GoalProposal::parse(&value(TITLE), &value(WHY), &value(FIRST_STEP)).err().unwrap_or_default()
            }
            GoalForm::Answer => {
                use answer_fields::*;
                GoalAnswer::parse(&value(ANSWER), &value(WORDING), &value(REASON)).err().unwrap_or_default()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::forms::FieldError;

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_proposal_needs_only_a_title_and_keeps_the_citizens_words() {
        let p = GoalProposal::parse("  Få et fritidsjob ", "", "  ").unwrap();
        assert_eq!(p.title.as_str(), "Få et fritidsjob");
        assert_eq!((p.why, p.first_step), (None, None));
    }

    #[test]
    fn every_refused_field_of_a_proposal_is_reported() {
        let long = "x".repeat(LongText::MAX + 1);
        let errors = GoalProposal::parse(" ", &long, "ok").unwrap_err();
        assert_eq!(fields(&errors), ["title", "why"]);
        assert_eq!(errors[0].problem, Problem::Text(TextError::Empty));
        assert_eq!(errors[1].problem, Problem::Text(TextError::TooLong { max: LongText::MAX }));
    }

    #[test]
    fn declining_or_adjusting_without_a_reason_is_refused() {
        assert_eq!(GoalAnswer::parse("accept", "", ""), Ok(GoalAnswer::Accept));
        let e = GoalAnswer::parse("decline", "", "  ").unwrap_err();
        assert_eq!(e, vec![FieldError { field: "reason".into(), problem: Problem::ReasonRequired }]);
        let e = GoalAnswer::parse("adjust", "", "").unwrap_err();
        assert_eq!(fields(&e), ["wording", "reason"]);
        assert!(matches!(GoalAnswer::parse("adjust", "Nyt mål", "Fordi"), Ok(GoalAnswer::Adjust { .. })));
    }

    #[test]
    fn an_unknown_answer_asks_to_choose() {
        let e = GoalAnswer::parse("approve-all", "", "").unwrap_err();
        assert_eq!(e[0].problem, Problem::ChooseAnswer);
    }
}
