//! The citizen's personal budget, read side: granted, spent, reserved and
//! available, and the ledger. A citizen sees only their own.

use crate::domain::views::{BudgetView, LedgerLine};
use crate::i18n::Lang;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{Budget, DbResult, Store};
use crate::ssr::time::date;

/// `part` as a whole percentage of `whole` (0 when nothing is granted).
fn pct(part: i64, whole: i64) -> u8 {
    if whole <= 0 {
        return 0;
    }
    u8::try_from((i128::from(part.max(0)) * 100 / i128::from(whole)).min(100)).unwrap_or(100)
}

/// The signed-in citizen's current budget (`None`: not a citizen, or no
/// budget that has not ended).
pub async fn my_budget(store: &dyn Store, user: &CurrentUser, lang: Lang) -> DbResult<Option<BudgetView>> {
    if !user.is_citizen {
        return Ok(None);
    }
    let current: Option<Budget> = store.budgets_of(user.person_id).await?.into_iter().filter(|b| b.ended_at.is_none()).next_back();
    let Some(b) = current else {
        return Ok(None);
    };
    let mut ledger = Vec::new();
    for e in store.ledger(b.id).await?.into_iter().rev() {
        let about = match e.request_id {
            Some(r) => Some(store.spending_request(r).await?.purpose),
            None => None,
        };
        ledger.push(LedgerLine { when: date(e.at, lang), kind: e.kind.as_str().into(), amount: e.amount.to_string(), about });
    }
    Ok(Some(BudgetView {
        granted: b.granted.to_string(),
        spent: b.spent.to_string(),
        reserved: b.reserved.to_string(),
        available: b.available().to_string(),
        spent_pct: pct(b.spent.ore(), b.granted.ore()),
        reserved_pct: pct(b.reserved.ore(), b.granted.ore()),
        period: format!("{} – {}", date(b.period_start, lang), date(b.period_end, lang)),
        note: b.note,
        ledger,
    }))
}

#[cfg(test)]
mod tests {
    use super::pct;

    #[test]
    fn shares_are_whole_percentages_within_bounds() {
        assert_eq!(pct(1_500_00, 50_000_00), 3);
        assert_eq!(pct(0, 0), 0);
        assert_eq!(pct(10, 10), 100);
        assert_eq!(pct(i64::MAX, 1), 100);
    }
}
