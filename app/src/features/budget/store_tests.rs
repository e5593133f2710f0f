//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::kernel::ids::*;
use crate::kernel::plan::{GoalStatus, Role};
use crate::kernel::{Amount, GoalTitle};
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn a_budget_above_the_cap_is_refused(s: Arc<dyn Store>) {
    assert_eq!(s.budget_cap().await.unwrap(), kr(50_000), "default cap");
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let again = NewBudget { citizen: c, granted_by: cw, amount: kr(1_000), period_start: NOW, period_end: NOW + DAY, note: None };
    assert!(matches!(s.grant_budget(&again, NOW).await, Err(DbError::Conflict(_))), "one running budget per citizen");
    s.end_budget(b, cw, NOW + 1).await.unwrap();
    let over = NewBudget { amount: kr(50_001), ..again };
    assert!(matches!(s.grant_budget(&over, NOW).await, Err(DbError::Conflict(_))));
    s.set_budget_cap(kr(60_000)).await.unwrap();
    assert!(s.grant_budget(&over, NOW).await.is_ok());
}

async fn a_top_up_stays_within_the_cap_and_ending_takes_back_what_is_unused(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    s.top_up_budget(b, kr(40_000), cw, "t1", NOW + 1).await.unwrap();
    assert_eq!(assert_ledger_balances(&*s, b).await.granted, kr(50_000));
    assert!(
        matches!(s.top_up_budget(b, Amount::from_ore(1).unwrap(), cw, "t2", NOW + 2).await, Err(DbError::Conflict(Rule::OverCap))),
        "past the cap"
    );
    let r = s.request_spending(&spend(b, c, kr(2_000), "before-end"), NOW + 3).await.unwrap().id();
    s.decide_spending(&decide(r, Some(kr(1_500)), decision(cw, Some("Prisen"))), NOW + 4).await.unwrap();
    let pending = s.request_spending(&spend(b, c, kr(1_000), "pending"), NOW + 5).await.unwrap().id();

    s.end_budget(b, cw, NOW + 6).await.unwrap();
    let ended = assert_ledger_balances(&*s, b).await;
    assert_eq!((ended.granted, ended.spent, ended.reserved, ended.available()), (kr(2_500), kr(1_500), kr(1_000), Amount::ZERO));
    assert_eq!(ended.ended_at, Some(NOW + 6));
    let last = s.ledger(b).await.unwrap().pop().unwrap();
    assert_eq!((last.kind, last.amount), (LedgerKind::Reduce, kr(47_500)));
    assert!(matches!(s.end_budget(b, cw, NOW + 7).await, Err(DbError::Conflict(_))), "ended once");
    assert!(
        matches!(s.top_up_budget(b, kr(1), cw, "t3", NOW + 7).await, Err(DbError::Conflict(Rule::BudgetEnded))),
        "no top-up after the end"
    );
    assert!(
        matches!(s.request_spending(&spend(b, c, kr(1), "after-end"), NOW + 7).await, Err(DbError::Conflict(Rule::BudgetEnded))),
        "no request after the end"
    );
    // The request made before the end is still decided, within what was reserved.
    s.decide_spending(&decide(pending, Some(kr(1_000)), decision(cw, None)), NOW + 8).await.unwrap();
    let b = assert_ledger_balances(&*s, b).await;
    assert_eq!((b.spent, b.reserved), (kr(2_500), Amount::ZERO));
}

async fn the_rate_limit_counts_a_citizens_new_requests_even_when_simultaneous(s: Arc<dyn Store>) {
    let (c, _, b) = citizen_with_budget(&*s).await;
    let limited =
        |key: &str, now: i64| NewSpendingRequest { limit: Some(RateLimit { since: now - 3_600_000, max: 3 }), ..spend(b, c, kr(10), key) };
    let tasks: Vec<_> = (0..10)
        .map(|i| {
            let (s, r) = (s.clone(), limited(&format!("burst-{i}"), NOW));
            tokio::spawn(async move { (r.idempotency_key.clone(), s.request_spending(&r, NOW).await) })
        })
        .collect();
    let (mut made, mut refused) = (vec![], 0);
    for t in futures::future::join_all(tasks).await {
        match t.expect("task") {
            (key, Ok(out)) => made.push((key, out.id())),
            (_, Err(DbError::Limited)) => refused += 1,
            (_, Err(e)) => panic!("unexpected {e}"),
        }
    }
    assert_eq!((made.len(), refused), (3, 7));
    assert_eq!(assert_ledger_balances(&*s, b).await.reserved, kr(30), "refused requests reserve nothing");
    // A repeat of an accepted submit still answers with its request, past the limit.
    let (key, id) = &made[0];
    assert_eq!(s.request_spending(&limited(key, NOW + 1), NOW + 1).await.unwrap(), SubmitOutcome::Repeated(*id));
    // An hour later there is room again.
    assert!(s.request_spending(&limited("later", NOW + 3_600_001), NOW + 3_600_001).await.is_ok());
}

async fn a_decision_on_spending_notifies_the_citizen_and_pending_requests_wait_in_the_inbox(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let other_cw = person(&*s, "Anden Sagsbehandler", None).await;
    let r1 = s.request_spending(&spend(b, c, kr(300), "r1"), NOW).await.unwrap().id();
    let r2 = s.request_spending(&spend(b, c, kr(200), "r2"), NOW + 1).await.unwrap().id();
    let open = s.open_spending_for(cw, None, 100, NOW).await.unwrap();
    assert_eq!(open.iter().map(|o| o.request.id).collect::<Vec<_>>(), vec![r1, r2], "oldest first");
    assert_eq!(open[0].citizen_name, "Jonas Borger");
    assert_eq!(s.open_spending_for(other_cw, None, 100, NOW).await.unwrap(), vec![], "only for the citizen's own caseworker");
    assert_eq!(s.spending_requests(b).await.unwrap().iter().map(|r| r.id).collect::<Vec<_>>(), vec![r2, r1], "newest first");

    let d = SpendingDecision {
        notify_citizen: Some(Notice::new(NotificationKind::SpendingAnswered, 1)),
        ..decide(r1, None, decision(cw, Some("Ikke i planen")))
    };
    s.decide_spending(&d, NOW + 2).await.unwrap();
    let n = s.notifications(c).await.unwrap();
    assert_eq!((n.len(), n[0].kind.as_str()), (1, "spending_answered"));
    // A second decision on the same request writes nothing: no decision, no notification.
    assert!(matches!(s.decide_spending(&d, NOW + 3).await, Err(DbError::Conflict(_))));
    assert_eq!(s.notifications(c).await.unwrap().len(), 1);
    assert_eq!(s.decisions_of(c).await.unwrap().len(), 1);
    assert_eq!(s.open_spending_for(cw, None, 100, NOW).await.unwrap().iter().map(|o| o.request.id).collect::<Vec<_>>(), vec![r2]);
}

async fn a_request_reserves_and_a_decision_spends_with_the_ledger_balanced(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let r = s.request_spending(&spend(b, c, kr(3_000), "k1"), NOW).await.unwrap().id();
    let budget = assert_ledger_balances(&*s, b).await;
    assert_eq!((budget.reserved, budget.available()), (kr(3_000), kr(7_000)));

    s.decide_spending(&decide(r, Some(kr(2_500)), decision(cw, Some("Prisen på en brugt cykel"))), NOW + 1).await.unwrap();
    let budget = assert_ledger_balances(&*s, b).await;
    assert_eq!((budget.reserved, budget.spent, budget.available()), (Amount::ZERO, kr(2_500), kr(7_500)));
    let req = s.spending_request(r).await.unwrap();
    assert_eq!((req.status, req.approved), (RequestStatus::Approved, Some(kr(2_500))));
    let d = s.decisions_of(c).await.unwrap();
    assert_eq!((d.len(), d[0].outcome.as_str()), (1, "approved_lower"));
    assert!(
        matches!(s.decide_spending(&decide(r, None, decision(cw, Some("igen"))), NOW + 2).await, Err(DbError::Conflict(_))),
        "a decision is final"
    );
}

async fn a_request_larger_than_what_is_available_writes_nothing(s: Arc<dyn Store>) {
    let (c, _, b) = citizen_with_budget(&*s).await;
    let before = s.ledger(b).await.unwrap();
    assert!(
        matches!(s.request_spending(&spend(b, c, kr(10_001), "big"), NOW).await, Err(DbError::Conflict(Rule::NotEnoughLeft(left))) if left == kr(10_000)),
        "refused, with what is left"
    );
    assert_eq!(s.ledger(b).await.unwrap(), before);
    // The refused key is not burnt: the same key can be used once there is room.
    assert!(s.request_spending(&spend(b, c, kr(10_000), "big"), NOW).await.is_ok());
    assert_eq!(assert_ledger_balances(&*s, b).await.available(), Amount::ZERO);
}

async fn a_repeated_submit_returns_the_first_request(s: Arc<dyn Store>) {
    let (c, _, b) = citizen_with_budget(&*s).await;
    let first = s.request_spending(&spend(b, c, kr(100), "same"), NOW).await.unwrap();
    let again = s.request_spending(&spend(b, c, kr(100), "same"), NOW + 1).await.unwrap();
    assert!(matches!(first, SubmitOutcome::Created(_)));
    assert_eq!(again, SubmitOutcome::Repeated(first.id()));
    assert_eq!(s.budget(b).await.unwrap().reserved, kr(100), "reserved once");
}

async fn cancelling_and_declining_release_the_reservation(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let r1 = s.request_spending(&spend(b, c, kr(1_000), "a"), NOW).await.unwrap().id();
    let r2 = s.request_spending(&spend(b, c, kr(2_000), "b"), NOW).await.unwrap().id();
    s.cancel_spending(r1, NOW + 1).await.unwrap();
    assert!(matches!(s.cancel_spending(r1, NOW + 2).await, Err(DbError::Conflict(_))));
    assert!(
        matches!(s.decide_spending(&decide(r2, None, decision(cw, None)), NOW + 3).await, Err(DbError::Conflict(_))),
        "declining needs a reason"
    );
    s.decide_spending(&decide(r2, None, decision(cw, Some("Ikke en del af planen"))), NOW + 3).await.unwrap();
    let budget = assert_ledger_balances(&*s, b).await;
    assert_eq!((budget.reserved, budget.spent, budget.available()), (Amount::ZERO, Amount::ZERO, kr(10_000)));
}

/// Many rounds of 2–64 simultaneous requests, decisions (full, lower,
/// declined) and cancellations against one budget, with random amounts: the
/// budget is never overspent and the ledger always equals the totals.
async fn simultaneous_requests_and_decisions_never_overspend(s: Arc<dyn Store>) {
    use rand::{Rng, SeedableRng};
    let (c, cw, b) = citizen_with_budget(&*s).await;
    s.set_budget_cap(kr(1_000_000)).await.unwrap();
    let seed: u64 = std::env::var("RACE_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| rand::thread_rng().gen());
    eprintln!("RACE_SEED={seed}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let (mut refused, mut decided) = (0, 0);
    for round in 0..12i64 {
        let pending: Vec<RequestId> =
            s.spending_requests(b).await.unwrap().into_iter().filter(|r| r.status == RequestStatus::Pending).map(|r| r.id).collect();
        let n = rng.gen_range(2..=64);
        let mut tasks = Vec::new();
        for i in 0..n {
            let s = s.clone();
            let now = NOW + round * 1_000 + i;
            // Half new requests, half answers to what is pending (several
            // tasks may answer the same request: only one may win).
            let op = if pending.is_empty() || rng.gen_bool(0.5) {
                None
            } else {
                Some((pending[rng.gen_range(0..pending.len())], rng.gen_range(0..4)))
            };
            let ore = rng.gen_range(1..=150_000);
            tasks.push(tokio::spawn(async move {
                let amount = Amount::from_ore(ore).unwrap();
                let r = match op {
                    None => s.request_spending(&spend(b, c, amount, &format!("r{round}-{i}")), now).await.map(|_| ()),
                    Some((r, 0)) => s.cancel_spending(r, now).await,
                    Some((r, 1)) => s.decide_spending(&decide(r, None, decision(cw, Some("Nej"))), now).await.map(|_| ()),
                    Some((r, kind)) => {
                        let requested = s.spending_request(r).await?.amount.ore();
                        let approved = if kind == 2 { requested } else { (requested / 2).max(1) };
                        s.decide_spending(&decide(r, Amount::from_ore(approved), decision(cw, Some("Mindre"))), now).await.map(|_| ())
                    }
                };
                match r {
                    Ok(()) => Ok(true),
                    Err(DbError::Conflict(_)) => Ok(false),
                    Err(e) => Err(e),
                }
            }));
        }
        for t in futures::future::join_all(tasks).await {
            if t.expect("task").expect("no error other than a refusal") {
                decided += 1;
            } else {
                refused += 1;
            }
        }
        assert_ledger_balances(&*s, b).await;
        if round == 5 {
            s.top_up_budget(b, kr(5_000), cw, "round-5", NOW + round * 1_000 + 999).await.unwrap();
        }
    }
    let budget = assert_ledger_balances(&*s, b).await;
    assert!(refused > 0 && decided > 0, "both outcomes happened: {decided} done, {refused} refused");
    // Every request is accounted for: pending ones are exactly what is reserved.
    let requests = s.spending_requests(b).await.unwrap();
    let pending: i64 = requests.iter().filter(|r| r.status == RequestStatus::Pending).map(|r| r.amount.ore()).sum();
    let spent: i64 = requests.iter().filter_map(|r| r.approved).map(|a| a.ore()).sum();
    assert_eq!((pending, spent), (budget.reserved.ore(), budget.spent.ore()));
}

async fn ten_simultaneous_submits_with_one_key_make_one_request(s: Arc<dyn Store>) {
    let (c, _, b) = citizen_with_budget(&*s).await;
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let s = s.clone();
            tokio::spawn(async move { s.request_spending(&spend(b, c, kr(50), "double-tap"), NOW).await })
        })
        .collect();
    let mut ids = Vec::new();
    for t in futures::future::join_all(tasks).await {
        ids.push(t.expect("task").expect("every submit answers").id());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    let ledger = s.ledger(b).await.unwrap();
    assert_eq!(ledger.iter().filter(|e| e.kind == LedgerKind::Reserve).count(), 1);
}

async fn a_citizen_sees_their_budget_as_figures_and_a_ledger_and_nobody_elses(s: Arc<dyn Store>) {
    use crate::features::budget::service::my_budget;
    use crate::i18n::Lang;
    let (c, cw, b) = citizen_with_budget(s.as_ref()).await;
    let first = s.request_spending(&spend(b, c, kr(2_500), "k1"), NOW + DAY).await.unwrap().id();
    s.request_spending(&spend(b, c, kr(1_000), "k2"), NOW + 2 * DAY).await.unwrap();
    s.decide_spending(&decide(first, Some(kr(2_000)), decision(cw, Some("Cyklen koster 2.000 kr."))), NOW + 3 * DAY).await.unwrap();

    let v = my_budget(s.as_ref(), &signed_in(c, true), 0, Lang::Da).await.unwrap().expect("a budget");
    assert_eq!(
        (v.granted.as_str(), v.spent.as_str(), v.reserved.as_str(), v.available.as_str()),
        ("10.000,00 kr.", "2.000,00 kr.", "1.000,00 kr.", "7.000,00 kr.")
    );
    assert_eq!((v.spent_pct, v.reserved_pct), (20, 10));
    let kinds: Vec<_> = v.ledger.iter().map(|l| (l.kind.as_str(), l.amount.as_str())).collect();
    assert_eq!(
        kinds,
        [
            ("release", "500,00 kr."),
            ("spend", "2.000,00 kr."),
            ("reserve", "1.000,00 kr."),
            ("reserve", "2.500,00 kr."),
            ("grant", "10.000,00 kr.")
        ],
        "newest first; a decision spends and releases at once"
    );
    assert_eq!(v.ledger[0].about.as_deref(), Some("Cykel til at komme i praktik"));
    assert!(v.period.contains("2026"), "{}", v.period);

    let other = person(s.as_ref(), "Uden Budget", Some("011370-0031")).await;
    assert_eq!(my_budget(s.as_ref(), &signed_in(other, true), 0, Lang::Da).await.unwrap(), None, "no budget, and never someone else's");
    assert_eq!(my_budget(s.as_ref(), &signed_in(cw, false), 0, Lang::Da).await.unwrap(), None);
}

/// The budget service's rules over the store: who may ask, cancel, answer,
/// grant, top up and end, and the messages a refused input gets.
async fn the_budget_service_checks_who_acts_and_explains_refusals(s: Arc<dyn Store>) {
    use crate::features::budget::forms::{budget_fields, GrantInput, SpendingAnswer, SpendingInput};
    use crate::features::budget::service as budget;
    use crate::kernel::forms::Problem;
    use crate::ssr::service::ServiceError;
    let (c, cw, b) = citizen_with_budget(s.as_ref()).await;
    let other = person(&*s, "Anden Borger", Some("011370-0009")).await;
    let other_cw = person(&*s, "Anden Sagsbehandler", None).await;
    s.grant_role(other_cw, Role::Caseworker, NOW).await.unwrap();
    let (citizen, caseworker) = (signed_in(c, true), staff_user(cw));
    let ask = |amount: &str| SpendingInput::parse(amount, "Sko til praktikken", "").unwrap();
    fn problem<T>(r: Result<T, ServiceError>) -> (String, Problem) {
        match r {
            Err(ServiceError::Invalid(e)) => (e[0].field.clone(), e[0].problem.clone()),
            other => panic!("expected a refused field, got {:?}", other.map(|_| ())),
        }
    }

    // Asking: a citizen from their own running budget; more than is left is
    // refused with what is left; a goal that is not theirs is refused.
    assert!(matches!(budget::request(&*s, &caseworker, ask("10"), "x", NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(budget::request(&*s, &signed_in(other, true), ask("10"), "x", NOW).await, Err(ServiceError::NotAllowed)), "no budget");
    assert_eq!(
        problem(budget::request(&*s, &citizen, ask("10.000,01"), "big", NOW).await),
        (budget_fields::AMOUNT.into(), Problem::MoreThanAvailable(kr(10_000)))
    );
    let other_plan = s.ensure_plan(other, NOW).await.unwrap();
    let theirs = s
        .add_goal(
            other_plan,
            &NewGoal { title: GoalTitle::parse("Deres mål").unwrap(), why: None, first_step: None, status: GoalStatus::Accepted },
            Actor::citizen(other),
            NOW,
        )
        .await
        .unwrap();
    let with_goal = SpendingInput::parse("10", "Sko", &theirs.0.to_string()).unwrap();
    assert_eq!(problem(budget::request(&*s, &citizen, with_goal, "g", NOW).await).0, budget_fields::GOAL);
    let r = budget::request(&*s, &citizen, ask("1.000"), "k1", NOW).await.unwrap();
    assert_eq!(budget::request(&*s, &citizen, ask("1.000"), "k1", NOW + 1).await.unwrap(), r, "the same key is the same request");

    // The per-hour limit is the municipality's setting, with a friendly message.
    s.set_per_hour(PerHour::Requests, 2).await.unwrap();
    budget::request(&*s, &citizen, ask("1"), "k2", NOW + 2).await.unwrap();
    assert_eq!(
        problem(budget::request(&*s, &citizen, ask("1"), "k3", NOW + 3).await),
        (budget_fields::AMOUNT.into(), Problem::TooManyRequests(2))
    );

    // Answering: the citizen's caseworker only; a "lower" amount must be lower.
    let lower = |kr: &str| SpendingAnswer::parse(budget_fields::LOWER, kr, "Prisen").unwrap();
    assert!(matches!(budget::decide(&*s, &staff_user(other_cw), r, lower("500"), NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(budget::decide(&*s, &citizen, r, lower("500"), NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(budget::review(&*s, &staff_user(other_cw), r, NOW, crate::i18n::Lang::Da).await, Err(ServiceError::NotAllowed)));
    assert_eq!(
        problem(budget::decide(&*s, &caseworker, r, lower("1.000"), NOW).await),
        (budget_fields::AMOUNT.into(), Problem::NotLower(kr(1_000)))
    );
    let review = budget::review(&*s, &caseworker, r, NOW, crate::i18n::Lang::Da).await.unwrap();
    assert!(review.open && review.request.amount == "1.000,00 kr.");
    budget::decide(&*s, &caseworker, r, lower("750"), NOW + 4).await.unwrap();
    assert!(matches!(budget::decide(&*s, &caseworker, r, lower("700"), NOW + 5).await, Err(ServiceError::Conflict)), "answered once");
    assert_eq!(s.notifications(c).await.unwrap()[0].kind, NotificationKind::SpendingAnswered.as_str());
    let seen = budget::my_budget(&*s, &citizen, 0, crate::i18n::Lang::Da).await.unwrap().unwrap();
    let answered = seen.requests.iter().find(|v| v.id == r.0).unwrap();
    assert_eq!((answered.status.as_str(), answered.approved.as_deref()), ("approved", Some("750,00 kr.")));
    assert_eq!((answered.decisions[0].outcome.as_str(), answered.decisions[0].reasons.as_deref()), ("approved_lower", Some("Prisen")));

    // Cancelling: the citizen's own waiting request; a second tap is done, not an error.
    let waiting = s.spending_requests(b).await.unwrap().into_iter().find(|x| x.status == RequestStatus::Pending).unwrap().id;
    assert!(matches!(budget::cancel(&*s, &signed_in(other, true), waiting, NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(budget::cancel(&*s, &caseworker, waiting, NOW).await, Err(ServiceError::NotAllowed)));
    budget::cancel(&*s, &citizen, waiting, NOW + 6).await.unwrap();
    budget::cancel(&*s, &citizen, waiting, NOW + 7).await.unwrap();
    assert!(matches!(budget::cancel(&*s, &citizen, r, NOW).await, Err(ServiceError::Conflict)), "an answered request cannot be withdrawn");

    // Granting, topping up and ending: the caseworker, within the cap.
    let grant = |amount: &str| GrantInput::parse(amount, "15", "").unwrap();
    assert!(matches!(budget::grant(&*s, &staff_user(other_cw), c, grant("1.000"), NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(budget::grant(&*s, &caseworker, c, grant("1.000"), NOW).await, Err(ServiceError::Conflict)), "one is running");
    assert_eq!(
        problem(budget::top_up(&*s, &caseworker, c, kr(40_001), "over", NOW).await),
        (budget_fields::AMOUNT.into(), Problem::OverCap(kr(50_000)))
    );
    budget::top_up(&*s, &caseworker, c, kr(40_000), "up", NOW + 8).await.unwrap();
    assert!(matches!(budget::end(&*s, &citizen, c, NOW).await, Err(ServiceError::NotAllowed)));
    budget::end(&*s, &caseworker, c, NOW + 9).await.unwrap();
    assert!(
        matches!(budget::request(&*s, &citizen, ask("1"), "after", NOW + 10).await, Err(ServiceError::NotAllowed)),
        "nothing to ask from"
    );
    let ended = budget::my_budget(&*s, &citizen, 0, crate::i18n::Lang::Da).await.unwrap().unwrap();
    assert!(ended.ended.is_some() && ended.available == "0,00 kr.", "{ended:?}");
    assert_eq!(
        problem(budget::grant(&*s, &caseworker, c, grant("50.000,01"), NOW + 11).await),
        (budget_fields::AMOUNT.into(), Problem::OverCap(kr(50_000)))
    );
    budget::grant(&*s, &caseworker, c, grant("5.000"), NOW + 11).await.unwrap();
    let new = s.budgets_of(c).await.unwrap().pop().unwrap();
    assert_eq!((new.granted, new.period_end > NOW + 440 * DAY), (kr(5_000), true), "15 months from now");
    let log = s.access_log(c).await.unwrap();
    assert_eq!(
        log.iter().filter(|e| e.purpose == crate::ssr::access::Purpose::SpendingReview.as_str()).count(),
        1,
        "the caseworker's read is logged; refused reads are not"
    );
}

async fn two_identical_top_ups_at_once_add_the_money_once(s: Arc<dyn Store>) {
    let (_, cw, b) = citizen_with_budget(&*s).await;
    let taps = (0..2).map(|_| {
        let s = s.clone();
        tokio::spawn(async move { s.top_up_budget(b, kr(2_500), cw, "same-form", NOW + 1).await })
    });
    for t in futures::future::join_all(taps).await {
        assert_eq!(t.expect("task").expect("both answer like the first").id(), b);
    }
    assert_eq!(assert_ledger_balances(&*s, b).await.granted, kr(12_500), "10,000 + 2,500 once");
    s.top_up_budget(b, kr(2_500), cw, "another-form", NOW + 2).await.unwrap();
    assert_eq!(s.budget(b).await.unwrap().granted, kr(15_000), "a new form is a new top-up");
}

/// A correction in the citizen's favour, of `corrects`, from what the
/// request was (`None`: declined) to `to`.
fn correction(r: RequestId, from: Option<Amount>, to: Amount, by: PersonId, corrects: DecisionId) -> SpendingCorrection {
    SpendingCorrection {
        request: r,
        from,
        to,
        decision: NewDecision { corrects: Some(corrects), ..decision(by, Some("Rettet efter ny oplysning")) },
        notify_citizen: Some(Notice::new(NotificationKind::SpendingAnswered, r.0)),
    }
}

fn last_decision(all: &[Decision], r: RequestId) -> Decision {
    all.iter().rev().find(|d| d.subject_kind == "spending_request" && d.subject_id == r.0).cloned().expect("a decision")
}

async fn a_decline_and_a_lower_amount_are_corrected_by_new_decisions_and_new_ledger_entries(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let r = s.request_spending(&spend(b, c, kr(3_000), "k"), NOW).await.unwrap().id();
    let declined = s.decide_spending(&decide(r, None, decision(cw, Some("Ikke i planen"))), NOW + 1).await.unwrap();
    let before = s.ledger(b).await.unwrap();

    let lower = s.correct_spending(&correction(r, None, kr(2_000), cw, declined), NOW + 2).await.unwrap();
    let budget = assert_ledger_balances(&*s, b).await;
    assert_eq!((budget.spent, budget.reserved, budget.available()), (kr(2_000), Amount::ZERO, kr(8_000)));
    let ledger = s.ledger(b).await.unwrap();
    assert_eq!(&ledger[..before.len()], &before[..], "old rows never change");
    let new = &ledger[before.len()..];
    assert_eq!(
        new.iter().map(|e| (e.kind, e.amount, e.request_id)).collect::<Vec<_>>(),
        vec![(LedgerKind::Reserve, kr(2_000), Some(r)), (LedgerKind::Spend, kr(2_000), Some(r))]
    );
    let req = s.spending_request(r).await.unwrap();
    assert_eq!((req.status, req.approved), (RequestStatus::Approved, Some(kr(2_000))));
    let all = s.decisions_of(c).await.unwrap();
    let d = last_decision(&all, r);
    assert_eq!((d.id, d.outcome.as_str(), d.corrects), (lower, "approved_lower", Some(declined)));
    assert_eq!(all.iter().find(|x| x.id == declined).unwrap().outcome, "declined", "the corrected decision stays as it was");
    assert_eq!(s.notifications(c).await.unwrap()[0].kind, NotificationKind::SpendingAnswered.as_str(), "the citizen is told");

    // The lower amount is corrected again to the full amount: only the difference is spent.
    let full = s.correct_spending(&correction(r, Some(kr(2_000)), kr(3_000), cw, lower), NOW + 3).await.unwrap();
    assert_eq!(assert_ledger_balances(&*s, b).await.spent, kr(3_000));
    assert_eq!(s.ledger(b).await.unwrap().last().map(|e| (e.kind, e.amount)), Some((LedgerKind::Spend, kr(1_000))));
    let d = last_decision(&s.decisions_of(c).await.unwrap(), r);
    assert_eq!((d.id, d.outcome.as_str(), d.corrects), (full, "approved", Some(lower)));

    // Refused, writing nothing: more than was asked, not more than now, or
    // from a state the request is no longer in.
    let ledger = s.ledger(b).await.unwrap();
    let decisions = s.decisions_of(c).await.unwrap().len();
    for (from, to, corrects) in [
        (Some(kr(3_000)), kr(3_001), full),
        (Some(kr(3_000)), kr(3_000), full),
        (None, kr(2_500), declined),
        (Some(kr(2_000)), kr(2_500), lower),
    ] {
        let refused = s.correct_spending(&correction(r, from, to, cw, corrects), NOW + 4).await;
        assert!(matches!(refused, Err(DbError::Conflict(_))), "{from:?} → {to:?}: {refused:?}");
    }
    let stale_decision = SpendingCorrection { from: Some(kr(3_000)), ..correction(r, None, kr(3_000), cw, lower) };
    assert!(matches!(s.correct_spending(&stale_decision, NOW + 4).await, Err(DbError::Conflict(_))));
    assert_eq!(s.ledger(b).await.unwrap(), ledger);
    assert_eq!(s.decisions_of(c).await.unwrap().len(), decisions);
}

async fn a_correction_beyond_what_is_left_or_after_the_end_changes_nothing(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let r = s.request_spending(&spend(b, c, kr(5_000), "a"), NOW).await.unwrap().id();
    let declined = s.decide_spending(&decide(r, None, decision(cw, Some("Nej"))), NOW + 1).await.unwrap();
    let other = s.request_spending(&spend(b, c, kr(8_000), "b"), NOW + 2).await.unwrap().id();
    s.decide_spending(&decide(other, Some(kr(8_000)), decision(cw, None)), NOW + 3).await.unwrap();
    let before = (s.ledger(b).await.unwrap(), s.spending_request(r).await.unwrap(), s.decisions_of(c).await.unwrap());

    let over = s.correct_spending(&correction(r, None, kr(5_000), cw, declined), NOW + 4).await;
    assert!(matches!(over, Err(DbError::Conflict(Rule::NotEnoughLeft(left))) if left == kr(2_000)), "{over:?}");
    let after = (s.ledger(b).await.unwrap(), s.spending_request(r).await.unwrap(), s.decisions_of(c).await.unwrap());
    assert_eq!(after, before, "refused: no entry, no decision, the request as it was");
    assert_eq!(s.unread_notifications(c).await.unwrap(), 0);

    s.end_budget(b, cw, NOW + 5).await.unwrap();
    let ended = s.correct_spending(&correction(r, None, kr(1_000), cw, declined), NOW + 6).await;
    assert!(matches!(ended, Err(DbError::Conflict(Rule::BudgetEnded))), "{ended:?}");
    assert_eq!(assert_ledger_balances(&*s, b).await.spent, kr(8_000));
}

/// Corrections of declined requests race new requests and each other (two
/// caseworker tabs correcting the same decline): the budget is never
/// overspent, the ledger equals the totals, and a decline is corrected once.
async fn corrections_racing_new_requests_never_overspend(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let mut declined = Vec::new();
    for i in 0..6 {
        let r = s.request_spending(&spend(b, c, kr(2_000), &format!("d{i}")), NOW + i).await.unwrap().id();
        declined.push((r, s.decide_spending(&decide(r, None, decision(cw, Some("Nej"))), NOW + 10 + i).await.unwrap()));
    }
    let mut tasks = Vec::new();
    for (i, (r, d)) in declined.iter().copied().enumerate() {
        for tab in 0..2 {
            let s = s.clone();
            // At most 6 × 1,100 kr. corrected: some new requests always fit.
            let to = kr(1_000 + 100 * tab);
            tasks.push(tokio::spawn(
                async move { (Some(r), s.correct_spending(&correction(r, None, to, cw, d), NOW + 100).await.map(|_| ())) },
            ));
        }
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            (None, s.request_spending(&spend(b, c, kr(1_200), &format!("new{i}")), NOW + 100).await.map(|_| ()))
        }));
    }
    let (mut corrected, mut requested, mut refused) = (Vec::new(), 0, 0);
    for t in futures::future::join_all(tasks).await {
        match t.expect("task") {
            (Some(r), Ok(())) => corrected.push(r),
            (None, Ok(())) => requested += 1,
            (_, Err(DbError::Conflict(_))) => refused += 1,
            (_, Err(e)) => panic!("unexpected {e}"),
        }
    }
    let budget = assert_ledger_balances(&*s, b).await;
    let mut once = corrected.clone();
    once.sort();
    once.dedup();
    assert_eq!(once.len(), corrected.len(), "each decline corrected at most once: {corrected:?}");
    assert!(refused > 0 && !corrected.is_empty() && requested > 0, "{} corrected, {requested} asked, {refused} refused", corrected.len());
    let requests = s.spending_requests(b).await.unwrap();
    let spent: i64 = requests.iter().filter_map(|r| r.approved).map(|a| a.ore()).sum();
    let reserved: i64 = requests.iter().filter(|r| r.status == RequestStatus::Pending).map(|r| r.amount.ore()).sum();
    assert_eq!((spent, reserved), (budget.spent.ore(), budget.reserved.ore()));
    let corrections = s.decisions_of(c).await.unwrap().into_iter().filter(|d| d.corrects.is_some()).count();
    assert_eq!(corrections, corrected.len(), "one decision per correction that went through");
}

on_both_backends!(
    a_budget_above_the_cap_is_refused,
    two_identical_top_ups_at_once_add_the_money_once,
    a_top_up_stays_within_the_cap_and_ending_takes_back_what_is_unused,
    the_rate_limit_counts_a_citizens_new_requests_even_when_simultaneous,
    a_decision_on_spending_notifies_the_citizen_and_pending_requests_wait_in_the_inbox,
    a_request_reserves_and_a_decision_spends_with_the_ledger_balanced,
    a_request_larger_than_what_is_available_writes_nothing,
    a_repeated_submit_returns_the_first_request,
    cancelling_and_declining_release_the_reservation,
    simultaneous_requests_and_decisions_never_overspend,
    ten_simultaneous_submits_with_one_key_make_one_request,
    a_citizen_sees_their_budget_as_figures_and_a_ledger_and_nobody_elses,
    the_budget_service_checks_who_acts_and_explains_refusals,
    a_decline_and_a_lower_amount_are_corrected_by_new_decisions_and_new_ledger_entries,
    a_correction_beyond_what_is_left_or_after_the_end_changes_nothing,
    corrections_racing_new_requests_never_overspend,
);
