//! The handover form: a colleague, an internal note for them, and a plain
//! message to the citizen (both required).

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{field, FieldErrors, Problem};
use crate::kernel::ids::PersonId;
use crate::kernel::{LongText, TextError};

/// The handover's checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HandoverForm {
    Handover,
}

impl HandoverForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        match self {
            HandoverForm::Handover => {
                HandoverInput::parse(&value(fields::TO), &value(fields::NOTE), &value(fields::MESSAGE)).err().unwrap_or_default()
            }
        }
    }
}

/// The form's field names.
pub mod fields {
    pub const TO: &str = "to";
    pub const NOTE: &str = "note";
    pub const MESSAGE: &str = "message";
    /// Hidden: the caseworker the page showed (empty: none).
    pub const FROM: &str = "from";
}

/// A checked handover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoverInput {
    pub to: PersonId,
    pub note: LongText,
    pub message: LongText,
}

impl HandoverInput {
    pub fn parse(to: &str, note: &str, message: &str) -> Result<HandoverInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let to = to.trim().parse::<i64>().ok().filter(|id| *id > 0).map(PersonId);
        if to.is_none() {
            field(&mut errors, fields::TO, Problem::ChooseColleague);
        }
        let mut required = |name: &str, input: &str, empty: Problem| match LongText::parse(input) {
            Ok(t) => Some(t),
            Err(TextError::Empty) => {
                field(&mut errors, name, empty);
                None
            }
            Err(e) => {
                field(&mut errors, name, Problem::Text(e));
                None
            }
        };
        let note = required(fields::NOTE, note, Problem::HandoverNote);
        let message = required(fields::MESSAGE, message, Problem::HandoverMessage);
        match (to, note, message) {
            (Some(to), Some(note), Some(message)) if errors.is_empty() => Ok(HandoverInput { to, note, message }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(to: &str, note: &str, message: &str) -> Vec<(String, Problem)> {
        HandoverInput::parse(to, note, message).unwrap_err().into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn a_handover_needs_a_colleague_a_note_and_a_message() {
        assert_eq!(
            problems("", " ", ""),
            vec![
                ("to".into(), Problem::ChooseColleague),
                ("note".into(), Problem::HandoverNote),
                ("message".into(), Problem::HandoverMessage)
            ]
        );
        assert_eq!(problems("abc", "Note", "Besked"), vec![("to".into(), Problem::ChooseColleague)]);
        assert_eq!(problems("-3", "Note", "Besked"), vec![("to".into(), Problem::ChooseColleague)]);
        let ok = HandoverInput::parse(" 7 ", "Bor hos sin søster", "Hej Lars").unwrap();
        assert_eq!((ok.to, ok.note.as_str(), ok.message.as_str()), (PersonId(7), "Bor hos sin søster", "Hej Lars"));
    }

    #[test]
    fn the_browser_check_is_the_servers() {
        let typed = |name: &str| if name == fields::TO { "3".to_string() } else { String::new() };
        let fields: Vec<String> = HandoverForm::Handover.check(typed).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["note", "message"]);
    }
}
