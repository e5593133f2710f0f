//! The cover form: a colleague, a first day and, if the cover ends, a last
//! day (empty: until further notice). Dates are Copenhagen calendar days;
//! the service turns them into moments (and refuses days already past).

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{field, FieldErrors, LocalDate, Problem};
use crate::kernel::ids::PersonId;

/// The cover's checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CoverForm {
    Cover,
}

impl CoverForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        match self {
            CoverForm::Cover => {
                CoverInput::parse(&value(fields::STANDIN), &value(fields::FIRST), &value(fields::LAST)).err().unwrap_or_default()
            }
        }
    }
}

/// The form's field names.
pub mod fields {
    pub const STANDIN: &str = "standin";
    pub const FIRST: &str = "first";
    pub const LAST: &str = "last";
}

/// A checked cover: who, from which day, to which day (inclusive; `None`:
/// until further notice).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CoverInput {
    pub standin: PersonId,
    pub first: LocalDate,
    pub last: Option<LocalDate>,
}

impl CoverInput {
    pub fn parse(standin: &str, first: &str, last: &str) -> Result<CoverInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let standin = standin.trim().parse::<i64>().ok().filter(|id| *id > 0).map(PersonId);
        if standin.is_none() {
            field(&mut errors, fields::STANDIN, Problem::ChooseColleague);
        }
        let first = LocalDate::parse(first);
        if first.is_none() {
            field(&mut errors, fields::FIRST, Problem::Date);
        }
        let last = match last.trim() {
            "" => Some(None),
            typed => match LocalDate::parse(typed) {
                Some(d) => Some(Some(d)),
                None => {
                    field(&mut errors, fields::LAST, Problem::Date);
                    None
                }
            },
        };
        let day = |d: LocalDate| (d.year, d.month, d.day);
        if let (Some(f), Some(Some(l))) = (first, last) {
            if day(l) < day(f) {
                field(&mut errors, fields::LAST, Problem::LastDayBeforeFirst);
            }
        }
        match (standin, first, last) {
            (Some(standin), Some(first), Some(last)) if errors.is_empty() => Ok(CoverInput { standin, first, last }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(standin: &str, first: &str, last: &str) -> Vec<(String, Problem)> {
        CoverInput::parse(standin, first, last).unwrap_err().into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn a_cover_needs_a_colleague_and_a_first_day_and_may_end() {
        assert_eq!(
            problems("", "", "31-02-2026"),
            vec![("standin".into(), Problem::ChooseColleague), ("first".into(), Problem::Date), ("last".into(), Problem::Date)]
        );
        assert_eq!(problems("4", "2026-12-10", "2026-12-09"), vec![("last".into(), Problem::LastDayBeforeFirst)]);
        let open = CoverInput::parse(" 4 ", "2026-12-10", " ").unwrap();
        assert_eq!((open.standin, open.last), (PersonId(4), None), "empty: until further notice");
        let one_day = CoverInput::parse("4", "10.12.2026", "2026-12-10").unwrap();
        assert_eq!(one_day.last, Some(one_day.first), "a cover of one day");
    }

    #[test]
    fn the_browser_check_is_the_servers() {
        let typed = |name: &str| if name == fields::FIRST { "2026-12-10".to_string() } else { String::new() };
        let fields: Vec<String> = CoverForm::Cover.check(typed).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["standin"]);
    }
}
