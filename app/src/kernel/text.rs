//! Free text that people type: trimmed, bounded, without control characters.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Zero-width characters, direction overrides and isolates, the soft hyphen:
/// they make a name show differently from what it is.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Why typed text was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextError {
    Empty,
    TooLong { max: usize },
    LineBreak,
    ControlCharacter,
}

impl TextError {
    /// A plain message for the person who typed it.
    pub fn message(self, lang: Lang) -> String {
        match (self, lang) {
            (TextError::Empty, Lang::Da) => "Skriv noget her.".into(),
            (TextError::Empty, Lang::En) => "Please write something here.".into(),
            (TextError::TooLong { max }, Lang::Da) => format!("Teksten er for lang. Der er plads til {max} tegn."),
            (TextError::TooLong { max }, Lang::En) => format!("The text is too long. There is room for {max} characters."),
            (TextError::LineBreak, Lang::Da) => "Skriv det på én linje.".into(),
            (TextError::LineBreak, Lang::En) => "Please write it on one line.".into(),
            (TextError::ControlCharacter, Lang::Da) => "Teksten indeholder tegn, der ikke kan bruges.".into(),
            (TextError::ControlCharacter, Lang::En) => "The text contains characters that cannot be used.".into(),
        }
    }
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TextError {}

/// Trims and checks text: `1..=max` characters (Unicode scalar values), no
/// control characters; line breaks only where `multi_line`, normalised to `\n`.
pub fn parse_text(input: &str, max: usize, multi_line: bool) -> Result<String, TextError> {
    let normalised = input.replace("\r\n", "\n").replace('\r', "\n");
    let text = normalised.trim();
    if text.is_empty() {
        return Err(TextError::Empty);
    }
    if text.chars().count() > max {
        return Err(TextError::TooLong { max });
    }
    for c in text.chars() {
        if c == '\n' {
            if !multi_line {
                return Err(TextError::LineBreak);
            }
        } else if c.is_control() && c != '\t' {
            return Err(TextError::ControlCharacter);
        }
    }
    Ok(text.to_string())
}

/// Declares a text newtype that can only be made by parsing.
macro_rules! bounded_text {
    ($(#[$doc:meta])* $name:ident, max = $max:expr, multi_line = $multi:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Most characters allowed.
            pub const MAX: usize = $max;

            /// Parses typed text (see [`parse_text`]).
            pub fn parse(input: &str) -> Result<Self, TextError> {
                parse_text(input, $max, $multi).map($name)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = TextError;
            fn try_from(s: String) -> Result<Self, TextError> {
                $name::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(t: $name) -> String {
                t.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

bounded_text!(
    /// A goal in the citizen's own words ("Komme i praktik i en børnehave").
    GoalTitle, max = 200, multi_line = false
);
bounded_text!(
    /// Longer free text: why a goal matters, a first step, a purpose, a note.
    LongText, max = 2000, multi_line = true
);
bounded_text!(
    /// A reason given with a decision; required when declining or adjusting.
    Reason, max = 2000, multi_line = true
);
bounded_text!(
    /// A person's or place's name, a title, a short label.
    ShortText, max = 120, multi_line = false
);
bounded_text!(
    /// The first name or nickname a person is shown by in the network groups.
    DisplayName, max = 40, multi_line = false
);
bounded_text!(
    /// What a network group or meetup is about.
    Description, max = 4000, multi_line = true
);
bounded_text!(
    /// A message between a citizen and their caseworker.
    MessageBody, max = 4000, multi_line = true
);
bounded_text!(
    /// A citizen's complaint about a decision, in their own words.
    ComplaintText, max = 4000, multi_line = true
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn text_is_trimmed_and_kept_in_the_persons_own_words() {
        assert_eq!(GoalTitle::parse("  Få et fritidsjob  ").unwrap().as_str(), "Få et fritidsjob");
    }

    #[test]
    fn empty_or_blank_text_is_refused() {
        assert_eq!(GoalTitle::parse(""), Err(TextError::Empty));
        assert_eq!(GoalTitle::parse(" \n\t "), Err(TextError::Empty));
    }

    #[test]
    fn the_limit_counts_characters_not_bytes() {
        let ok = "æ".repeat(GoalTitle::MAX);
        assert!(GoalTitle::parse(&ok).is_ok());
        let long = "æ".repeat(GoalTitle::MAX + 1);
        assert_eq!(GoalTitle::parse(&long), Err(TextError::TooLong { max: 200 }));
    }

    #[test]
    fn line_breaks_only_where_the_field_has_lines() {
        assert_eq!(GoalTitle::parse("a\nb"), Err(TextError::LineBreak));
        assert_eq!(LongText::parse("a\r\nb").unwrap().as_str(), "a\nb");
    }

    #[test]
    fn control_characters_are_refused() {
        assert_eq!(LongText::parse("a\u{0}b"), Err(TextError::ControlCharacter));
        assert_eq!(ShortText::parse("a\u{1b}[31m"), Err(TextError::ControlCharacter));
    }

    #[test]
    fn converting_from_a_string_goes_through_the_parser() {
        // serde uses TryFrom<String>, so data from the wire is parsed too.
        assert_eq!(GoalTitle::try_from("   ".to_string()), Err(TextError::Empty));
        assert_eq!(GoalTitle::try_from(" Mål ".to_string()).unwrap().as_str(), "Mål");
    }

    proptest! {
        #[test]
        fn parsed_text_is_never_blank_too_long_or_padded(s in "\\PC{0,300}") {
            if let Ok(t) = GoalTitle::parse(&s) {
                prop_assert!(!t.as_str().is_empty());
                prop_assert!(t.as_str().chars().count() <= GoalTitle::MAX);
                prop_assert_eq!(t.as_str().trim(), t.as_str());
            }
        }
    }
}
