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
    assert_eq!(s.caseload(cws[0], NOW).await.unwrap().len() + s.caseload(cws[1], NOW).await.unwrap().len(), 1_210);
    let first = s.caseload(cws[0], NOW).await.unwrap()[0];
    let plan = s.plan_of(first).await.unwrap().expect("a plan");
    assert_eq!(s.goals(plan).await.unwrap().len(), 2);
    assert!(s.person(first).await.unwrap().cpr.unwrap().starts_with("9913"));
}

async fn a_wiped_database_is_empty_and_takes_the_demo_data_again(s: Arc<dyn Store>) {
    assert!(crate::ssr::demo::seed_if_empty(s.as_ref(), NOW).await.unwrap(), "the demo data goes into an empty database");
    let people = s.count_people().await.unwrap();
    let mette = s.person_by_cpr("011385-1001").await.unwrap().expect("a demo citizen").id;
    s.wipe().await.unwrap();
    assert!(s.is_empty().await.unwrap());
    assert!(s.groups().await.unwrap().is_empty() && s.access_log(mette).await.unwrap().is_empty(), "nothing is left");
    assert!(crate::ssr::demo::seed_if_empty(s.as_ref(), NOW).await.unwrap(), "and the demo data goes in again");
    assert_eq!(s.count_people().await.unwrap(), people);
    assert_eq!(s.person_by_cpr("011385-1001").await.unwrap().map(|p| p.id), Some(mette), "ids start from 1 again");
}

on_both_backends!(a_wiped_database_is_empty_and_takes_the_demo_data_again, synthetic_citizens_are_seeded_with_plans_and_caseworkers,);

/// The SQLite file is opened as `connect` promises, on every connection of
/// the pool: WAL, `synchronous=FULL` (2), foreign keys on, no memory map.
#[tokio::test]
async fn every_sqlite_connection_has_the_durability_settings() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::connect(&format!("sqlite://{}/settings.db", dir.path().display())).await.unwrap();
    // Several connections at once, so the pool's other connections are asked too.
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(store.pool.acquire().await.unwrap());
    }
    for conn in &mut held {
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut **conn).await.unwrap();
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(&mut **conn).await.unwrap();
        let keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(&mut **conn).await.unwrap();
        let mmap: i64 = sqlx::query_scalar("PRAGMA mmap_size").fetch_one(&mut **conn).await.unwrap();
        assert_eq!((mode.as_str(), sync, keys, mmap), ("wal", 2, 1, 0));
    }
}
