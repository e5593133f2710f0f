//! The helpers' forms: the citizen's invitation (what kind of helper, which
//! boxes ticked, for how long) and the helper's code.

use serde::{Deserialize, Serialize};

use crate::kernel::forms::{field, FieldErrors, Problem};
use crate::kernel::representation::{HelperKind, Scope, Scopes};

/// The helpers' checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HelperForm {
    Invite,
    Redeem,
    /// The caseworker ends a helper's access: the reason is required.
    End,
    /// The caseworker registers a paper power of attorney.
    Paper,
}

impl HelperForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        match self {
            HelperForm::Invite => {
                let ticked: Vec<(Scope, String)> = Scope::ALL.into_iter().map(|s| (s, value(s.as_str()))).collect();
                InviteInput::parse(&value(fields::KIND), &ticked, &value(fields::MONTHS)).err().unwrap_or_default()
            }
            HelperForm::Redeem => {
                let mut errors = FieldErrors::new();
                if value(fields::CODE).trim().is_empty() {
                    field(&mut errors, fields::CODE, Problem::InvitationCode);
                }
                errors
            }
            HelperForm::End => {
                let mut errors = FieldErrors::new();
                crate::kernel::forms::required_reason(&mut errors, fields::REASON, &value(fields::REASON));
                errors
            }
            HelperForm::Paper => {
                let ticked: Vec<(Scope, String)> = Scope::ALL.into_iter().map(|s| (s, value(s.as_str()))).collect();
                PaperInput::parse(&value(fields::NAME), &value(fields::CPR), &value(fields::KIND), &ticked, &value(fields::MONTHS))
                    .err()
                    .unwrap_or_default()
            }
        }
    }
}

/// The forms' field names (each scope's box is named by [`Scope::as_str`]).
pub mod fields {
    pub const KIND: &str = "kind";
    pub const MONTHS: &str = "months";
    pub const CODE: &str = "code";
    pub const REASON: &str = "reason";
    pub const NAME: &str = "name";
    pub const CPR: &str = "cpr";
    /// What a ticked box posts.
    pub const TICKED: &str = "ja";
}

/// A checked invitation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InviteInput {
    pub kind: HelperKind,
    pub scopes: Scopes,
    pub months: i64,
}

impl InviteInput {
    /// `ticked`: each scope with what its box posted (`ja`, or nothing).
    /// The period is 1 to 24 months; empty means 12.
    pub fn parse(kind: &str, ticked: &[(Scope, String)], months: &str) -> Result<InviteInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = HelperKind::parse(kind.trim());
        if kind.is_none() {
            field(&mut errors, fields::KIND, Problem::ChooseAnswer);
        }
        let scopes = Scopes(ticked.iter().filter(|(_, v)| !v.trim().is_empty()).map(|(s, _)| *s).collect());
        if scopes.0.is_empty() {
            field(&mut errors, Scope::See.as_str(), Problem::ChooseScope);
        }
        if kind == Some(HelperKind::Bisidder) && scopes.has(Scope::Money) {
            field(&mut errors, Scope::Money.as_str(), Problem::MoneyNeedsFuldmaegtig);
        }
        let months = match months.trim() {
            "" => Some(crate::kernel::representation::DEFAULT_MONTHS),
            m => m.parse::<i64>().ok().filter(|m| (1..=crate::kernel::representation::MAX_MONTHS).contains(m)),
        };
        if months.is_none() {
            field(&mut errors, fields::MONTHS, Problem::HelperMonths);
        }
        match (kind, months) {
            (Some(kind), Some(months)) if errors.is_empty() => Ok(InviteInput { kind, scopes, months }),
            _ => Err(errors),
        }
    }
}

/// A checked paper power of attorney: the helper as written on it, and
/// what the citizen gave them. The CPR number is only ever kept as a hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaperInput {
    pub name: crate::kernel::ShortText,
    /// Ten digits, without the dash.
    pub cpr: String,
    pub access: InviteInput,
}

impl PaperInput {
    pub fn parse(name: &str, cpr: &str, kind: &str, ticked: &[(Scope, String)], months: &str) -> Result<PaperInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = match crate::kernel::ShortText::parse(name) {
            Ok(n) => Some(n),
            Err(e) => {
                field(&mut errors, fields::NAME, Problem::Text(e));
                None
            }
        };
        let digits = crate::kernel::forms::cpr_digits(cpr);
        if digits.is_none() {
            field(&mut errors, fields::CPR, Problem::CprFormat);
        }
        let access = InviteInput::parse(kind, ticked, months);
        if let Err(e) = &access {
            errors.extend(e.iter().cloned());
        }
        match (name, access) {
            (Some(name), Ok(access)) if errors.is_empty() => Ok(PaperInput { name, cpr: digits.unwrap_or_default(), access }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(on: &[Scope]) -> Vec<(Scope, String)> {
        Scope::ALL.into_iter().map(|s| (s, if on.contains(&s) { "ja".into() } else { String::new() })).collect()
    }

    #[test]
    fn an_invitation_needs_a_kind_a_box_and_1_to_24_months() {
        let ok = InviteInput::parse("fuldmaegtig", &ticks(&[Scope::See, Scope::Money]), "").unwrap();
        assert_eq!((ok.kind, ok.scopes.stored(), ok.months), (HelperKind::Fuldmaegtig, "see,money".to_string(), 12));
        assert_eq!(InviteInput::parse("bisidder", &ticks(&[Scope::See]), " 24 ").unwrap().months, 24);
        let problems = |e: FieldErrors| e.into_iter().map(|f| (f.field, f.problem)).collect::<Vec<_>>();
        assert_eq!(
            problems(InviteInput::parse("", &ticks(&[Scope::See]), "12").unwrap_err()),
            vec![("kind".into(), Problem::ChooseAnswer)]
        );
        assert_eq!(problems(InviteInput::parse("bisidder", &ticks(&[]), "12").unwrap_err()), vec![("see".into(), Problem::ChooseScope)]);
        assert_eq!(
            problems(InviteInput::parse("bisidder", &ticks(&[Scope::Money]), "12").unwrap_err()),
            vec![("money".into(), Problem::MoneyNeedsFuldmaegtig)]
        );
        for months in ["0", "25", "tolv", "1.5"] {
            assert_eq!(
                problems(InviteInput::parse("bisidder", &ticks(&[Scope::See]), months).unwrap_err()),
                vec![("months".into(), Problem::HelperMonths)]
            );
        }
    }

    #[test]
    fn a_paper_power_of_attorney_needs_a_name_and_a_cpr_number_of_ten_digits() {
        let ok = PaperInput::parse(" Ole Berg ", "020270-1111", "bisidder", &ticks(&[Scope::See]), "6").unwrap();
        assert_eq!((ok.name.as_str(), ok.cpr.as_str(), ok.access.months), ("Ole Berg", "0202701111", 6));
        let problems = |e: FieldErrors| e.into_iter().map(|f| (f.field, f.problem)).collect::<Vec<_>>();
        let e = problems(PaperInput::parse("", "0202701", "", &ticks(&[]), "").unwrap_err());
        assert_eq!(e.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>(), vec!["name", "cpr", "kind", "see"]);
        assert_eq!(e[1].1, Problem::CprFormat);
        assert!(PaperInput::parse("Ole", "02027O1111", "bisidder", &ticks(&[Scope::See]), "").is_err(), "a letter O is not a digit");
    }

    #[test]
    fn the_browser_checks_the_same_rules() {
        let typed = |name: &str| match name {
            "kind" => "bisidder".to_string(),
            "money" => "ja".to_string(),
            _ => String::new(),
        };
        assert_eq!(HelperForm::Invite.check(typed)[0].problem, Problem::MoneyNeedsFuldmaegtig);
        assert_eq!(HelperForm::Redeem.check(|_| " ".into())[0].problem, Problem::InvitationCode);
        assert!(HelperForm::Redeem.check(|_| "K7QM2-XHP9D-TARWZ".into()).is_empty());
        assert_eq!(HelperForm::End.check(|_| String::new())[0].problem, Problem::ReasonRequired);
    }
}
