//! The admin page's checked form: a CPR number to find a citizen by (posted,
//! never in an address, so no request log keeps it).

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{cpr_digits, field, FieldErrors, Problem};

/// The admin page's checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdminForm {
    Cpr,
}

impl AdminForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        match self {
            AdminForm::Cpr => parse_cpr(&value(CPR)).err().unwrap_or_default(),
        }
    }
}

/// The CPR field's name.
pub const CPR: &str = "cpr";

/// Ten digits, with or without the dash: the number as stored ("010190-1234").
pub fn parse_cpr(input: &str) -> Result<String, FieldErrors> {
    match cpr_digits(input) {
        Some(d) => Ok(format!("{}-{}", &d[..6], &d[6..])),
        None => {
            let mut errors = FieldErrors::new();
            field(&mut errors, CPR, Problem::CprFormat);
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cpr_number_is_ten_digits_with_or_without_the_dash() {
        assert_eq!(parse_cpr(" 0413721004 ").unwrap(), "041372-1004");
        assert_eq!(parse_cpr("041372-1004").unwrap(), "041372-1004");
        assert_eq!(parse_cpr("04137210").unwrap_err()[0].problem, Problem::CprFormat);
        assert_eq!(AdminForm::Cpr.check(|_| "abc".into())[0].field, "cpr");
    }
}
