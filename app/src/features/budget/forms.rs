//! The budget's forms: the citizen's request, the caseworker's answer, grant and top-up.

use serde::{Deserialize, Serialize};

use crate::kernel::amount::Amount;
use crate::kernel::forms::{choice, field, optional_long, positive_amount, required_reason, FieldError, FieldErrors, Problem};
use crate::kernel::ids::GoalId;
use crate::kernel::text::{LongText, Reason};

/// Form field names of the budget forms.
pub mod budget_fields {
    pub const AMOUNT: &str = "amount";
    pub const PURPOSE: &str = "purpose";
    pub const GOAL: &str = "goal";
    /// The goal choice meaning "not linked to a goal".
    pub const NO_GOAL: &str = "ingen";
    pub const ANSWER: &str = "answer";
    pub const REASON: &str = "reason";
    pub const APPROVE: &str = "approve";
    pub const LOWER: &str = "lower";
    pub const DECLINE: &str = "decline";
    pub const MONTHS: &str = "months";
    pub const NOTE: &str = "note";
}

/// The citizen asks for money from their budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpendingInput {
    pub amount: Amount,
    pub purpose: LongText,
    pub goal: Option<GoalId>,
}

impl SpendingInput {
    /// `goal` is a goal id, or [`budget_fields::NO_GOAL`] / blank for none.
    pub fn parse(amount: &str, purpose: &str, goal: &str) -> Result<SpendingInput, FieldErrors> {
        use budget_fields::*;
        let mut e = FieldErrors::new();
        let amount = positive_amount(&mut e, AMOUNT, amount);
        let purpose = LongText::parse(purpose).map_err(|p| field(&mut e, PURPOSE, Problem::Text(p))).ok();
        let goal = match goal.trim() {
            "" | NO_GOAL => Some(None),
            id => choice(&mut e, GOAL, id.parse::<i64>().ok().map(|id| Some(GoalId(id)))),
        };
        match (amount, purpose, goal) {
            (Some(amount), Some(purpose), Some(goal)) if e.is_empty() => Ok(SpendingInput { amount, purpose, goal }),
            _ => Err(e),
        }
    }
}

/// The caseworker's answer to a spending request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpendingAnswer {
    Approve,
    /// Approve less than was asked for; the reason is required.
    Lower {
        amount: Amount,
        reason: Reason,
    },
    Decline {
        reason: Reason,
    },
}

impl SpendingAnswer {
    /// Parses the form. Whether a lower amount is lower than the request is
    /// checked against the request (`SpendingAnswer::check_lower`).
    pub fn parse(answer: &str, amount: &str, reason: &str) -> Result<SpendingAnswer, FieldErrors> {
        use budget_fields::*;
        let mut e = FieldErrors::new();
        let answer = match answer {
            APPROVE => Some(SpendingAnswer::Approve),
            LOWER => {
                let amount = positive_amount(&mut e, AMOUNT, amount);
                let reason = required_reason(&mut e, REASON, reason);
                amount.zip(reason).map(|(amount, reason)| SpendingAnswer::Lower { amount, reason })
            }
            DECLINE => required_reason(&mut e, REASON, reason).map(|reason| SpendingAnswer::Decline { reason }),
            _ => {
                field(&mut e, ANSWER, Problem::ChooseAnswer);
                None
            }
        };
        answer.filter(|_| e.is_empty()).ok_or(e)
    }

    /// The amount to approve (`None`: declined), refused when a "lower"
    /// amount is not below what was asked for.
    pub fn approved(&self, asked: Amount) -> Result<Option<Amount>, FieldErrors> {
        match self {
            SpendingAnswer::Approve => Ok(Some(asked)),
            SpendingAnswer::Lower { amount, .. } if *amount < asked => Ok(Some(*amount)),
            SpendingAnswer::Lower { .. } => {
                Err(vec![FieldError { field: budget_fields::AMOUNT.into(), problem: Problem::NotLower(asked) }])
            }
            SpendingAnswer::Decline { .. } => Ok(None),
        }
    }
}

/// The caseworker corrects a decision in the citizen's favour: the new
/// amount (whether it is more than before and at most what was asked for is
/// checked against the request in the service) and the reasons, required.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorrectionInput {
    pub amount: Amount,
    pub reason: Reason,
}

impl CorrectionInput {
    pub fn parse(amount: &str, reason: &str) -> Result<CorrectionInput, FieldErrors> {
        use budget_fields::*;
        let mut e = FieldErrors::new();
        let amount = positive_amount(&mut e, AMOUNT, amount);
        let reason = required_reason(&mut e, REASON, reason);
        match (amount, reason) {
            (Some(amount), Some(reason)) if e.is_empty() => Ok(CorrectionInput { amount, reason }),
            _ => Err(e),
        }
    }
}

/// The caseworker grants a budget: an amount, a period in months, a note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantInput {
    pub amount: Amount,
    pub months: i64,
    pub note: Option<LongText>,
}

impl GrantInput {
    pub fn parse(amount: &str, months: &str, note: &str) -> Result<GrantInput, FieldErrors> {
        use budget_fields::*;
        let mut e = FieldErrors::new();
        let amount = positive_amount(&mut e, AMOUNT, amount);
        let months = months.trim().parse::<i64>().ok().filter(|m| (1..=36).contains(m));
        if months.is_none() {
            field(&mut e, MONTHS, Problem::Months);
        }
        let note = optional_long(&mut e, NOTE, note);
        match (amount, months) {
            (Some(amount), Some(months)) if e.is_empty() => Ok(GrantInput { amount, months, note }),
            _ => Err(e),
        }
    }
}

/// A top-up: only a positive amount.
pub fn parse_top_up(amount: &str) -> Result<Amount, FieldErrors> {
    let mut e = FieldErrors::new();
    positive_amount(&mut e, budget_fields::AMOUNT, amount).filter(|_| e.is_empty()).ok_or(e)
}

/// The budget's checked forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BudgetForm {
    Spending,
    SpendingAnswer,
    Grant,
    TopUp,
    Correction,
}

impl BudgetForm {
    /// The refused fields of a form (form name → typed text), by the server's parsers.
    pub fn check(self, value: impl Fn(&str) -> String) -> FieldErrors {
        use budget_fields::*;
        match self {
            BudgetForm::Spending => SpendingInput::parse(&value(AMOUNT), &value(PURPOSE), &value(GOAL)).err().unwrap_or_default(),
            BudgetForm::SpendingAnswer => SpendingAnswer::parse(&value(ANSWER), &value(AMOUNT), &value(REASON)).err().unwrap_or_default(),
            BudgetForm::Grant => GrantInput::parse(&value(AMOUNT), &value(MONTHS), &value(NOTE)).err().unwrap_or_default(),
            BudgetForm::TopUp => parse_top_up(&value(AMOUNT)).err().unwrap_or_default(),
            BudgetForm::Correction => CorrectionInput::parse(&value(AMOUNT), &value(REASON)).err().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::amount::AmountError;
    use crate::kernel::text::TextError;

    #[test]
    fn a_spending_request_takes_danish_kroner_a_purpose_and_maybe_a_goal() {
        use budget_fields::*;
        let r = SpendingInput::parse("1.234,50", "Vinterjakke", NO_GOAL).unwrap();
        assert_eq!((r.amount.ore(), r.goal), (123_450, None));
        assert_eq!(SpendingInput::parse("250", "Bus", "7").unwrap().goal, Some(GoalId(7)));
        let e = SpendingInput::parse("12,345", "", "x").unwrap_err();
        let fields: Vec<_> = e.iter().map(|f| (f.field.as_str(), f.problem.clone())).collect();
        assert_eq!(
            fields,
            vec![
                (AMOUNT, Problem::Amount(AmountError::TooManyDecimals)),
                (PURPOSE, Problem::Text(TextError::Empty)),
                (GOAL, Problem::ChooseAnswer)
            ]
        );
        assert_eq!(SpendingInput::parse("0,00", "x", "").unwrap_err()[0].problem, Problem::ZeroAmount);
    }

    #[test]
    fn a_lower_approval_needs_a_lower_amount_and_a_reason_and_a_decline_a_reason() {
        use budget_fields::*;
        let asked = Amount::kroner(1_000).unwrap();
        assert_eq!(SpendingAnswer::parse(APPROVE, "", "").unwrap().approved(asked), Ok(Some(asked)));
        let lower = SpendingAnswer::parse(LOWER, "800", "Prisen er lavere").unwrap();
        assert_eq!(lower.approved(asked), Ok(Some(Amount::kroner(800).unwrap())));
        let same = SpendingAnswer::parse(LOWER, "1.000", "Samme").unwrap();
        assert_eq!(same.approved(asked).unwrap_err()[0].problem, Problem::NotLower(asked));
        let e = SpendingAnswer::parse(LOWER, "", "").unwrap_err();
        assert_eq!(e.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec![AMOUNT, REASON]);
        assert_eq!(SpendingAnswer::parse(DECLINE, "", " ").unwrap_err()[0].problem, Problem::ReasonRequired);
        assert_eq!(SpendingAnswer::parse("", "", "").unwrap_err()[0].problem, Problem::ChooseAnswer);
        assert_eq!(SpendingAnswer::parse(DECLINE, "", "Ikke i planen").unwrap().approved(asked), Ok(None));
    }

    #[test]
    fn a_correction_needs_an_amount_and_a_reason() {
        use budget_fields::*;
        let c = CorrectionInput::parse("2.000", "Regningen viste sig at være højere").unwrap();
        assert_eq!(c.amount, Amount::kroner(2_000).unwrap());
        let e = CorrectionInput::parse("0", "").unwrap_err();
        assert_eq!(
            e.iter().map(|f| (f.field.as_str(), f.problem.clone())).collect::<Vec<_>>(),
            vec![(AMOUNT, Problem::ZeroAmount), (REASON, Problem::ReasonRequired)]
        );
        assert_eq!(BudgetForm::Correction.check(|n| if n == AMOUNT { "10".into() } else { String::new() })[0].field, REASON);
    }

    #[test]
    fn a_grant_needs_an_amount_and_a_period_of_1_to_36_months() {
        use budget_fields::*;
        let g = GrantInput::parse("50.000", "15", "").unwrap();
        assert_eq!((g.amount.ore(), g.months, g.note), (5_000_000, 15, None));
        let e = GrantInput::parse("-5", "0", "").unwrap_err();
        assert_eq!(e.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), vec![AMOUNT, MONTHS]);
        assert_eq!(parse_top_up("2.500,00"), Ok(Amount::kroner(2_500).unwrap()));
        assert!(parse_top_up("abc").is_err());
    }

    #[test]
    fn the_browser_check_of_the_budget_forms_is_the_servers_parse() {
        use budget_fields::*;
        let bad = |n: &str| if n == AMOUNT { "1,2,3".to_string() } else { String::new() };
        assert_eq!(BudgetForm::Spending.check(bad)[0].field, AMOUNT);
        assert_eq!(BudgetForm::TopUp.check(bad)[0].problem, Problem::Amount(AmountError::BadGrouping));
        assert!(BudgetForm::SpendingAnswer.check(|n| if n == ANSWER { APPROVE.into() } else { String::new() }).is_empty());
    }
}
