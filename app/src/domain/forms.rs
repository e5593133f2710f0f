//! What people type into the plan's forms, parsed into domain values or into
//! one message per field. Compiled for the browser too: the form islands
//! check input with exactly the rules the server enforces.

use serde::{Deserialize, Serialize};

use super::text::{GoalTitle, LongText, Reason, TextError};
use crate::i18n::Lang;

/// Why one field was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Text(TextError),
    /// Declining or suggesting another wording needs a reason.
    ReasonRequired,
    /// A suggested change needs the new wording.
    WordingRequired,
    /// None of the answers was chosen.
    ChooseAnswer,
}

impl Problem {
    /// A plain message for the person who typed it.
    pub fn message(self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Text(e), _) => e.message(lang),
            (Problem::ReasonRequired, Lang::Da) => "Skriv en begrundelse. Borgeren har ret til at vide hvorfor.".into(),
            (Problem::ReasonRequired, Lang::En) => "Please give a reason. The citizen has a right to know why.".into(),
            (Problem::WordingRequired, Lang::Da) => "Skriv det forslag til formulering, du vil give borgeren.".into(),
            (Problem::WordingRequired, Lang::En) => "Please write the wording you suggest to the citizen.".into(),
            (Problem::ChooseAnswer, Lang::Da) => "Vælg et af svarene.".into(),
            (Problem::ChooseAnswer, Lang::En) => "Please choose one of the answers.".into(),
        }
    }
}

/// A refused field: its form name and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

/// The refused fields of one submit (empty: none).
pub type FieldErrors = Vec<FieldError>;

/// The message for `field`, if it was refused.
pub fn error_for(errors: &[FieldError], field: &str, lang: Lang) -> Option<String> {
    errors.iter().find(|e| e.field == field).map(|e| e.problem.message(lang))
}

fn field(errors: &mut FieldErrors, name: &str, problem: Problem) {
    errors.push(FieldError { field: name.to_string(), problem });
}

/// Optional long text: blank is `None`, anything else must parse.
fn optional_long(errors: &mut FieldErrors, name: &str, input: &str) -> Option<LongText> {
    if input.trim().is_empty() {
        return None;
    }
    LongText::parse(input).map_err(|e| field(errors, name, Problem::Text(e))).ok()
}

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
    Adjust { wording: GoalTitle, reason: Reason },
    Decline { reason: Reason },
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
        let needs_reason = |errors: &mut FieldErrors| match Reason::parse(reason) {
            Ok(r) => Some(r),
            Err(TextError::Empty) => {
                field(errors, REASON, Problem::ReasonRequired);
                None
            }
            Err(e) => {
                field(errors, REASON, Problem::Text(e));
                None
            }
        };
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
                let reason = needs_reason(&mut errors);
                wording.zip(reason).map(|(wording, reason)| GoalAnswer::Adjust { wording, reason })
            }
            DECLINE => needs_reason(&mut errors).map(|reason| GoalAnswer::Decline { reason }),
            _ => {
                field(&mut errors, ANSWER, Problem::ChooseAnswer);
                None
            }
        };
        answer.filter(|_| errors.is_empty()).ok_or(errors)
    }
}

/// Which form a checked form is, so the browser checks it with the right rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormKind {
    GoalProposal,
    GoalAnswer,
}

impl FormKind {
    /// The refused fields of `values` (form name → typed text), by the same
    /// parsers the server uses.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        match self {
            FormKind::GoalProposal => {
                use proposal_fields::*;
                GoalProposal::parse(&value(TITLE), &value(WHY), &value(FIRST_STEP)).err().unwrap_or_default()
            }
            FormKind::GoalAnswer => {
                use answer_fields::*;
                GoalAnswer::parse(&value(ANSWER), &value(WORDING), &value(REASON)).err().unwrap_or_default()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn every_problem_has_a_message_in_both_languages() {
        let all = [Problem::ReasonRequired, Problem::WordingRequired, Problem::ChooseAnswer, Problem::Text(TextError::Empty)];
        for p in all {
            for lang in [Lang::Da, Lang::En] {
                assert!(!p.message(lang).trim().is_empty());
            }
        }
        assert_ne!(Problem::ReasonRequired.message(Lang::Da), Problem::ReasonRequired.message(Lang::En));
    }
}
