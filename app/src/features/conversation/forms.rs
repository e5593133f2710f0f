//! The conversation's one form: a message, from the citizen or the caseworker.

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{FieldError, FieldErrors, Problem};
use crate::kernel::text::MessageBody;

/// Form field names of a message.
pub mod message_fields {
    pub const BODY: &str = "body";
}

/// A message: 1 to 4,000 characters, trimmed, line breaks kept.
pub fn parse_message(body: &str) -> Result<MessageBody, FieldErrors> {
    MessageBody::parse(body).map_err(|e| vec![FieldError { field: message_fields::BODY.into(), problem: Problem::Text(e) }])
}

/// The conversation's checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConversationForm {
    Message,
}

impl ConversationForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        match self {
            ConversationForm::Message => parse_message(&value(message_fields::BODY)).err().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::text::TextError;

    #[test]
    fn a_message_is_trimmed_keeps_its_lines_and_has_at_most_4000_characters() {
        assert_eq!(parse_message("  Hej Karin\nKan vi mødes?  ").unwrap().as_str(), "Hej Karin\nKan vi mødes?");
        assert_eq!(parse_message(&"æ".repeat(4000)).unwrap().as_str().chars().count(), 4000);
        assert_eq!(parse_message(&"æ".repeat(4001)).unwrap_err()[0].problem, Problem::Text(TextError::TooLong { max: 4000 }));
        assert_eq!(parse_message(" \n ").unwrap_err()[0].problem, Problem::Text(TextError::Empty));
    }

    #[test]
    fn the_browser_check_is_the_servers_parse() {
        assert_eq!(ConversationForm::Message.check(|_| String::new())[0].field, message_fields::BODY);
        assert!(ConversationForm::Message.check(|_| "Tak for svaret".into()).is_empty());
    }
}
