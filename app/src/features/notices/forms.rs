//! The contact settings' forms: an e-mail address, a mobile number, and
//! the codes that confirm them. Compiled for the browser too, so its check is the server's.

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{field, FieldErrors, Problem};

/// Form field names.
pub mod fields {
    pub const EMAIL: &str = "email";
    pub const CODE: &str = "code";
    pub const PHONE: &str = "phone";
    pub const SMS_CODE: &str = "sms_code";
}

/// An e-mail address as typed, checked for its shape (whether it exists
/// only the code mail shows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// At most this many characters (what SMTP carries).
    pub const MAX: usize = 254;

    pub fn parse(input: &str) -> Option<Email> {
        let s = input.trim();
        if s.chars().count() > Email::MAX {
            return None;
        }
        let (local, domain) = s.rsplit_once('@')?;
        let local_ok = !local.is_empty()
            && local.chars().count() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local.chars().all(|c| !c.is_whitespace() && !c.is_control() && !"<>()[]\\,;:\"@".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.chars().count() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
        (local_ok && domain_ok).then(|| Email(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Danish mobile number as typed: 8 digits, the first not 0 or 1, with
/// or without +45 (or 0045) before them, spaces and dashes allowed. Kept as
/// `+45` and the 8 digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn parse(input: &str) -> Option<Phone> {
        let s: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        let digits = s.strip_prefix("+45").or_else(|| s.strip_prefix("0045")).unwrap_or(&s);
        let ok = digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) && !digits.starts_with(['0', '1']);
        ok.then(|| Phone(format!("+45{digits}")))
    }

    /// `+4520304050`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As people read it: "+45 20 30 40 50".
    pub fn spaced(stored: &str) -> String {
        match stored.strip_prefix("+45") {
            Some(d) if d.len() == 8 && d.is_ascii() => format!("+45 {} {} {} {}", &d[0..2], &d[2..4], &d[4..6], &d[6..8]),
            _ => stored.to_string(),
        }
    }
}

/// The six digits of a code as typed (spaces allowed: "493 021").
pub fn parse_code(input: &str) -> Option<String> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// The contact settings' checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeForm {
    Email,
    Code,
    Phone,
    SmsCode,
}

impl NoticeForm {
    /// The refused fields of a form (form name → typed text).
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        let mut errors = FieldErrors::new();
        match self {
            NoticeForm::Email => {
                if Email::parse(&value(fields::EMAIL)).is_none() {
                    field(&mut errors, fields::EMAIL, Problem::Email);
                }
            }
            NoticeForm::Code => {
                if parse_code(&value(fields::CODE)).is_none() {
                    field(&mut errors, fields::CODE, Problem::CodeFormat);
                }
            }
            NoticeForm::Phone => {
                if Phone::parse(&value(fields::PHONE)).is_none() {
                    field(&mut errors, fields::PHONE, Problem::Phone);
                }
            }
            NoticeForm::SmsCode => {
                if parse_code(&value(fields::SMS_CODE)).is_none() {
                    field(&mut errors, fields::SMS_CODE, Problem::SmsCodeFormat);
                }
            }
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_are_taken_as_typed_without_the_spaces_around() {
        for ok in ["maja@example.dk", " maja.hansen+enplan@mail.kommune.dk ", "søren@æblegård.dk", "a@b.co"] {
            assert_eq!(Email::parse(ok).map(|e| e.0), Some(ok.trim().to_string()), "{ok}");
        }
    }

    #[test]
    fn malformed_addresses_are_refused() {
        let long = format!("{}@example.dk", "a".repeat(250));
        for bad in [
            "",
            "maja",
            "maja@",
            "@example.dk",
            "maja@example",
            "maja@@example.dk",
            "ma ja@example.dk",
            "maja@exa mple.dk",
            "maja@-example.dk",
            "maja@example.d",
            "maja@example.123",
            ".maja@example.dk",
            "ma..ja@example.dk",
            "<maja@example.dk>",
            "maja@example..dk",
            long.as_str(),
        ] {
            assert_eq!(Email::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_code_is_six_digits_spaces_allowed() {
        assert_eq!(parse_code(" 493 021 ").as_deref(), Some("493021"));
        for bad in ["", "49302", "4930211", "49302a", "４９３０２１"] {
            assert_eq!(parse_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_danish_mobile_number_is_eight_digits_with_or_without_the_country_code() {
        for (typed, kept) in [
            ("20304050", "+4520304050"),
            (" 20 30 40 50 ", "+4520304050"),
            ("+45 20 30 40 50", "+4520304050"),
            ("0045 2030-4050", "+4520304050"),
            ("+4591234567", "+4591234567"),
        ] {
            assert_eq!(Phone::parse(typed).map(|p| p.0), Some(kept.to_string()), "{typed}");
        }
        for bad in ["", "2030405", "203040506", "+46 20304050", "02030405", "12345678", "2030 40a0", "+45+4520304050", "２０３０４０５０"]
        {
            assert_eq!(Phone::parse(bad), None, "{bad}");
        }
        assert_eq!(Phone::spaced("+4520304050"), "+45 20 30 40 50");
    }

    #[test]
    fn the_forms_report_the_field_by_name() {
        assert_eq!(NoticeForm::Phone.check(|_| "123".into())[0].problem, Problem::Phone);
        assert_eq!(NoticeForm::SmsCode.check(|_| "12".into())[0].field, fields::SMS_CODE);
        assert_eq!(NoticeForm::Email.check(|_| "nej".into())[0].field, fields::EMAIL);
        assert_eq!(NoticeForm::Code.check(|_| "12".into())[0].problem, Problem::CodeFormat);
        assert!(NoticeForm::Email.check(|_| "maja@example.dk".into()).is_empty());
    }
}
