//! The store stories that belong to no feature (operations), on SQLite and
//! on PostgreSQL. Each feature's are in its `store_tests.rs`; the fixtures
//! and `on_both_backends!` in `testing.rs`.

use std::sync::Arc;

use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn synthetic_citizens_are_seeded_with_plans_and_caseworkers(s: Arc<dyn Store>) {
    let cws = [person(&*s, "A", None).await, person(&*s, "B", None).await];
    s.seed_synthetic_citizens(1_200, &cws, NOW).await.unwrap();
    s.seed_synthetic_citizens(10, &cws, NOW).await.unwrap();
    assert_eq!(s.count_people().await.unwrap(), 1_212);
    assert_eq!(s.caseload(cws[0]).await.unwrap().len() + s.caseload(cws[1]).await.unwrap().len(), 1_210);
    let first = s.caseload(cws[0]).await.unwrap()[0];
    let plan = s.plan_of(first).await.unwrap().expect("a plan");
    assert_eq!(s.goals(plan).await.unwrap().len(), 2);
    assert!(s.person(first).await.unwrap().cpr.unwrap().starts_with("9913"));
}

on_both_backends!(synthetic_citizens_are_seeded_with_plans_and_caseworkers,);
