//! The complaint form: the citizen's reasons, in their own words.

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{field, FieldErrors, Problem};
use crate::kernel::text::ComplaintText;

/// The complaints' checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ComplaintForm {
    Complaint,
    /// The caseworker keeps the decision: the reasons are required.
    Uphold,
}

impl ComplaintForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        match self {
            ComplaintForm::Complaint => parse_complaint(&value(complaint_fields::REASONS)).err().unwrap_or_default(),
            ComplaintForm::Uphold => parse_uphold(&value(complaint_fields::REASONS)).err().unwrap_or_default(),
        }
    }
}

/// The form's field names.
pub mod complaint_fields {
    pub const REASONS: &str = "reasons";
}

/// The caseworker's reasons for keeping the decision: required.
pub fn parse_uphold(reasons: &str) -> Result<crate::kernel::text::Reason, FieldErrors> {
    let mut errors = FieldErrors::new();
    let reason = crate::kernel::forms::required_reason(&mut errors, complaint_fields::REASONS, reasons);
    reason.filter(|_| errors.is_empty()).ok_or(errors)
}

/// Parses the reasons: 1 to 4,000 characters, line breaks allowed.
pub fn parse_complaint(reasons: &str) -> Result<ComplaintText, FieldErrors> {
    let mut errors = FieldErrors::new();
    match ComplaintText::parse(reasons) {
        Ok(text) => Ok(text),
        Err(e) => {
            field(&mut errors, complaint_fields::REASONS, Problem::Text(e));
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::text::TextError;

    #[test]
    fn reasons_are_required_and_at_most_four_thousand_characters() {
        assert_eq!(
            parse_complaint("  Jeg er uenig,\nfordi højskolen er en del af min plan.  ").unwrap().as_str(),
            "Jeg er uenig,\nfordi højskolen er en del af min plan."
        );
        assert_eq!(parse_complaint("   ").unwrap_err()[0].problem, Problem::Text(TextError::Empty));
        assert!(parse_complaint(&"a".repeat(4000)).is_ok());
        assert_eq!(parse_complaint(&"a".repeat(4001)).unwrap_err()[0].problem, Problem::Text(TextError::TooLong { max: 4000 }));
    }
}
