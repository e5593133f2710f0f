//! The conversation's one form: a message, from the citizen or the
//! caseworker, with up to three files attached.

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{FieldError, FieldErrors, FileRules, Problem};
use crate::kernel::text::MessageBody;

/// Form field names of a message.
pub mod message_fields {
    pub const BODY: &str = "body";
}

/// What may be attached to one message. The browser checks the count and
/// the sizes before sending (and the type the browser claims); the server
/// checks all of it again and reads the type from the content.
pub mod attachment_rules {
    /// The file field's name.
    pub const FIELD: &str = "files";
    pub const MAX_FILES: usize = 3;
    /// Per file: 10 MB.
    pub const MAX_BYTES: u64 = 10 * 1024 * 1024;
    /// The whole post, the files and the form around them: what the server
    /// reads at most before it answers that it was too much.
    pub const MAX_UPLOAD: u64 = MAX_FILES as u64 * MAX_BYTES + 256 * 1024;
    /// The file input's `accept`: exactly the types that work (a phone then
    /// offers a JPEG of a HEIC photo).
    pub const ACCEPT: &str = "application/pdf,image/jpeg,image/png";
}

/// What the browser checks chosen files against (the form's file field carries it).
pub fn file_rules() -> FileRules {
    use attachment_rules::*;
    FileRules { accept: ACCEPT.into(), max_files: MAX_FILES as u32, max_bytes: MAX_BYTES }
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
    fn the_browser_refuses_too_many_too_large_and_other_types_of_file_before_sending() {
        let file = |name: &str, mb: f64, kind: &str| (name.to_string(), mb * 1024.0 * 1024.0, kind.to_string());
        let check_chosen_files = |files: &[(String, f64, String)]| file_rules().check(attachment_rules::FIELD, files);
        assert!(check_chosen_files(&[]).is_empty());
        assert!(check_chosen_files(&[file("regning.jpg", 10.0, "image/jpeg"), file("brev.pdf", 0.2, "application/pdf")]).is_empty());
        let big = check_chosen_files(&[file("a.png", 1.0, "image/png"), file("stor.jpg", 10.1, "image/jpeg")]);
        assert_eq!(big[0].problem, Problem::FileTooLarge("stor.jpg".into(), 10));
        assert_eq!(check_chosen_files(&[file("IMG_1.HEIC", 2.0, "image/heic")])[0].problem, Problem::FileType("IMG_1.HEIC".into()));
        let four = vec![file("a.pdf", 0.1, "application/pdf"); 4];
        assert_eq!(check_chosen_files(&four)[0].problem, Problem::TooManyFiles(3));
        assert!(check_chosen_files(&[file("ukendt", 0.1, "")]).is_empty(), "an unknown type is the server's to judge");
    }

    #[test]
    fn the_browser_check_is_the_servers_parse() {
        assert_eq!(ConversationForm::Message.check(|_| String::new())[0].field, message_fields::BODY);
        assert!(ConversationForm::Message.check(|_| "Tak for svaret".into()).is_empty());
    }
}
