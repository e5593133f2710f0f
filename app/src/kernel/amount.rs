//! Money: whole øre in an `i64`, parsed from and shown as Danish kroner.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::i18n::Lang;

/// A non-negative amount of money in øre (1 kr. = 100 øre).
///
/// Never a float. Parsed from what a person types the Danish way
/// ("1.234,50", "1234,5", "250 kr.") and shown as "1.234,50 kr.".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Amount(i64);

/// Why typed text is not an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AmountError {
    Empty,
    NotANumber,
    Negative,
    TooManyDecimals,
    BadGrouping,
    TooLarge,
}

impl AmountError {
    /// A plain message for the person who typed it.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AmountError::Empty, Lang::Da) => "Skriv et beløb.",
            (AmountError::Empty, Lang::En) => "Enter an amount.",
            (AmountError::NotANumber, Lang::Da) => "Skriv beløbet med tal, fx 1.250,50.",
            (AmountError::NotANumber, Lang::En) => "Write the amount in numbers, e.g. 1.250,50.",
            (AmountError::Negative, Lang::Da) => "Beløbet kan ikke være negativt.",
            (AmountError::Negative, Lang::En) => "The amount cannot be negative.",
            (AmountError::TooManyDecimals, Lang::Da) => "Der kan højst være to cifre efter kommaet (øre).",
            (AmountError::TooManyDecimals, Lang::En) => "There can be at most two digits after the comma (øre).",
            (AmountError::BadGrouping, Lang::Da) => "Brug komma før ører og punktum mellem tusinder, fx 1.250,50.",
            (AmountError::BadGrouping, Lang::En) => "Use a comma before øre and a full stop between thousands, e.g. 1.250,50.",
            (AmountError::TooLarge, Lang::Da) => "Beløbet er for stort.",
            (AmountError::TooLarge, Lang::En) => "The amount is too large.",
        }
    }
}

impl Amount {
    /// The largest amount the portal handles: 10 million kroner. Far above any
    /// personal budget, far below `i64` overflow even when summed in ledgers.
    pub const MAX: Amount = Amount(1_000_000_000);
    pub const ZERO: Amount = Amount(0);

    /// An amount from øre; `None` if negative or above [`Amount::MAX`].
    pub fn from_ore(ore: i64) -> Option<Amount> {
        (0..=Self::MAX.0).contains(&ore).then_some(Amount(ore))
    }

    /// Whole kroner, e.g. `Amount::kroner(50_000)`; `None` if out of range.
    pub fn kroner(kr: i64) -> Option<Amount> {
        kr.checked_mul(100).and_then(Amount::from_ore)
    }

    /// The amount in øre.
    pub fn ore(self) -> i64 {
        self.0
    }

    /// `self + other`, or `None` past [`Amount::MAX`].
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        Amount::from_ore(self.0 + other.0)
    }

    /// `self - other`, or `None` below zero.
    pub fn checked_sub(self, other: Amount) -> Option<Amount> {
        Amount::from_ore(self.0 - other.0)
    }

    /// Parses what a person typed, the Danish way: `.` groups thousands (in
    /// groups of exactly three digits), `,` starts øre (at most two digits).
    /// Spaces, a leading "kr." and a trailing "kr."/"kr"/",-" are allowed.
    pub fn parse(input: &str) -> Result<Amount, AmountError> {
        let mut s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        s = s.to_lowercase();
        for prefix in ["kr.", "kr", "dkk"] {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = rest.to_string();
                break;
            }
        }
        for suffix in [",-", "kr.", "kr", "dkk"] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.to_string();
                break;
            }
        }
        if s.is_empty() {
            return Err(AmountError::Empty);
        }
        if let Some(rest) = s.strip_prefix('-') {
            return if rest.chars().any(|c| c.is_ascii_digit()) { Err(AmountError::Negative) } else { Err(AmountError::NotANumber) };
        }
        if s.chars().any(|c| !(c.is_ascii_digit() || c == '.' || c == ',')) {
            return Err(AmountError::NotANumber);
        }
        let (whole, decimals) = match s.split_once(',') {
            Some((w, d)) => (w, Some(d)),
            None => (s.as_str(), None),
        };
        if decimals.is_some_and(|d| d.contains(',') || d.contains('.')) {
            return Err(AmountError::BadGrouping);
        }
        let decimals = decimals.unwrap_or("");
        if decimals.len() > 2 {
            return Err(AmountError::TooManyDecimals);
        }
        if whole.is_empty() && decimals.is_empty() {
            return Err(AmountError::NotANumber);
        }
        let groups: Vec<&str> = whole.split('.').collect();
        let grouping_ok = groups.len() == 1 || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
        if !grouping_ok {
            return Err(AmountError::BadGrouping);
        }
        let digits: String = groups.concat();
        // More than 13 digits of kroner is over MAX whatever they are; stop before overflow.
        if digits.trim_start_matches('0').len() > 13 {
            return Err(AmountError::TooLarge);
        }
        let kroner: i64 = if digits.is_empty() { 0 } else { digits.parse().map_err(|_| AmountError::NotANumber)? };
        let ore: i64 = match decimals.len() {
            0 => 0,
            1 => decimals.parse::<i64>().map_err(|_| AmountError::NotANumber)? * 10,
            _ => decimals.parse::<i64>().map_err(|_| AmountError::NotANumber)?,
        };
        Amount::from_ore(kroner * 100 + ore).ok_or(AmountError::TooLarge)
    }

    /// The number without the currency, as typed back into a form: "1.234,50".
    pub fn to_input(self) -> String {
        let kroner = (self.0 / 100).to_string();
        let mut grouped = String::with_capacity(kroner.len() + kroner.len() / 3);
        for (i, c) in kroner.chars().enumerate() {
            if i > 0 && (kroner.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(c);
        }
        format!("{grouped},{:02}", self.0 % 100)
    }
}

/// "1.234,50 kr." — the Danish way, in both languages (it is Danish money).
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} kr.", self.to_input())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ore(s: &str) -> i64 {
        Amount::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e:?}")).ore()
    }

    #[test]
    fn danish_amounts_parse_to_ore() {
        assert_eq!(ore("1.234,50"), 123_450);
        assert_eq!(ore("1234,5"), 123_450);
        assert_eq!(ore("1234"), 123_400);
        assert_eq!(ore("1.234"), 123_400);
        assert_eq!(ore("0,05"), 5);
        assert_eq!(ore(",50"), 50);
        assert_eq!(ore(" 250 kr. "), 25_000);
        assert_eq!(ore("kr. 99,95"), 9_995);
        assert_eq!(ore("500,-"), 50_000);
        assert_eq!(ore("50.000"), 5_000_000);
        assert_eq!(ore("1 000"), 100_000);
        assert_eq!(ore("0"), 0);
    }

    #[test]
    fn what_is_not_an_amount_gets_a_reason() {
        assert_eq!(Amount::parse(""), Err(AmountError::Empty));
        assert_eq!(Amount::parse("  kr. "), Err(AmountError::Empty));
        assert_eq!(Amount::parse("ti kroner"), Err(AmountError::NotANumber));
        assert_eq!(Amount::parse("-5"), Err(AmountError::Negative));
        assert_eq!(Amount::parse("12,345"), Err(AmountError::TooManyDecimals));
        assert_eq!(Amount::parse("12.50"), Err(AmountError::BadGrouping));
        assert_eq!(Amount::parse("1.2345"), Err(AmountError::BadGrouping));
        assert_eq!(Amount::parse(".500"), Err(AmountError::BadGrouping));
        assert_eq!(Amount::parse("1,2,3"), Err(AmountError::BadGrouping));
        assert_eq!(Amount::parse("10.000.001"), Err(AmountError::TooLarge));
        assert_eq!(Amount::parse("99999999999999999999999"), Err(AmountError::TooLarge));
        assert_eq!(Amount::parse("1e5"), Err(AmountError::NotANumber));
    }

    #[test]
    fn every_error_has_a_message_in_both_languages() {
        use AmountError::*;
        for e in [Empty, NotANumber, Negative, TooManyDecimals, BadGrouping, TooLarge] {
            assert!(!e.message(Lang::Da).is_empty());
            assert_ne!(e.message(Lang::Da), e.message(Lang::En));
        }
    }

    #[test]
    fn amounts_are_shown_the_danish_way() {
        assert_eq!(Amount::from_ore(123_450).unwrap().to_string(), "1.234,50 kr.");
        assert_eq!(Amount::from_ore(5).unwrap().to_string(), "0,05 kr.");
        assert_eq!(Amount::kroner(50_000).unwrap().to_string(), "50.000,00 kr.");
        assert_eq!(Amount::MAX.to_string(), "10.000.000,00 kr.");
        assert_eq!(Amount::kroner(999).unwrap().to_input(), "999,00");
    }

    #[test]
    fn arithmetic_never_leaves_the_range() {
        let a = Amount::kroner(10).unwrap();
        assert_eq!(a.checked_sub(Amount::kroner(11).unwrap()), None);
        assert_eq!(Amount::MAX.checked_add(Amount::from_ore(1).unwrap()), None);
        assert_eq!(Amount::from_ore(-1), None);
    }

    proptest! {
        #[test]
        fn any_amount_survives_being_shown_and_typed_back(ore in 0..=Amount::MAX.ore()) {
            let a = Amount::from_ore(ore).unwrap();
            prop_assert_eq!(Amount::parse(&a.to_string()), Ok(a));
            prop_assert_eq!(Amount::parse(&a.to_input()), Ok(a));
        }

        #[test]
        fn plain_digits_with_up_to_two_decimals_parse_exactly(kr in 0i64..10_000_000, o in 0i64..100) {
            prop_assert_eq!(Amount::parse(&format!("{kr},{o:02}")).map(Amount::ore), Ok(kr * 100 + o));
        }

        #[test]
        fn whatever_is_typed_parses_into_the_range_or_is_refused(s in "\\PC{0,40}") {
            if let Ok(a) = Amount::parse(&s) {
                prop_assert!((0..=Amount::MAX.ore()).contains(&a.ore()));
            }
        }
    }
}
