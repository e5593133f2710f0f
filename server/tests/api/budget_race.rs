//! Two real server processes on one PostgreSQL database, as a municipality
//! would run them behind a load balancer: a citizen's requests and the
//! caseworker's answers arrive at both at the same moment, over HTTP with
//! real sessions. The budget is never overspent and the ledger always
//! equals the totals. (One process on each backend is covered by the store's
//! conformance suite.)

use crate::common::process::{client, login, post, start};
use app::features::budget::server::{DecideSpending, RequestSpending};
use app::kernel::plan::Role;
use app::ssr::db::prelude::*;
use app::ssr::db::{ledger_totals, PgStore, RequestStatus};
use leptos::server_fn::ServerFn;
use rand::{Rng, SeedableRng};
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_server_processes_on_one_postgres_database_never_overspend() {
    let Some(url) = crate::common::postgres_database().await else {
        return;
    };
    let http = client();
    // The first start migrates and writes the demo data; then the second.
    let one = start(&url, &http).await;
    let two = start(&url, &http).await;
    let store = PgStore::connect(&url).await.unwrap();
    store.set_per_hour(app::ssr::db::PerHour::Requests, 100_000).await.unwrap();
    let mette = store.person_by_cpr(crate::common::METTE_CPR).await.unwrap().unwrap().id;
    let karin = store.people_with_role(Role::Caseworker).await.unwrap()[0];
    let budget = store.budgets_of(mette).await.unwrap().pop().unwrap().id;
    // Sessions live in the database: a login on one process is valid on both.
    let citizen = login(&http, &one, mette.0).await;
    let caseworker = login(&http, &two, karin.0).await;

    // Ten submits of one form at once (a double tap and retries, spread over
    // both processes): exactly one request, and every answer is a success.
    let before = store.spending_requests(budget).await.unwrap().len();
    let same =
        [("amount", "75,00".to_string()), ("purpose", "Samme formular".into()), ("goal", "ingen".into()), ("key", "one-form".into())];
    let taps = (0..10).map(|i| {
        let (http, form, cookie) = (http.clone(), same.clone(), citizen.clone());
        let server = if i % 2 == 0 { &one } else { &two };
        async move { post(&http, server, &cookie, RequestSpending::PATH, &form).await }
    });
    for status in futures::future::join_all(taps).await {
        assert!(status.is_success(), "a repeated submit answers like the first: {status}");
    }
    let after = store.spending_requests(budget).await.unwrap();
    assert_eq!(after.len(), before + 1, "one request from ten submits");
    assert_eq!(after.iter().filter(|r| r.purpose == "Samme formular").count(), 1);

    let seed: u64 = std::env::var("RACE_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| rand::thread_rng().gen());
    eprintln!("RACE_SEED={seed}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let servers = [&one, &two];
    let (mut created, mut answered, mut refused) = (0, 0, 0);
    for round in 0..8 {
        let pending: Vec<i64> = store
            .spending_requests(budget)
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.status == RequestStatus::Pending)
            .map(|r| r.id.0)
            .collect();
        let n = rng.gen_range(2..=64);
        let mut calls = Vec::new();
        for i in 0..n {
            let server = servers[rng.gen_range(0..2)];
            let kroner = rng.gen_range(1..=4_000);
            let ore = rng.gen_range(0..100);
            let (cookie, endpoint, form): (&str, &str, Vec<(&str, String)>) = if pending.is_empty() || rng.gen_bool(0.6) {
                let form = vec![
                    ("amount", format!("{kroner},{ore:02}")),
                    ("purpose", format!("Runde {round} nr. {i}")),
                    ("goal", "ingen".into()),
                    ("key", format!("race-{seed}-{round}-{i}")),
                ];
                (&citizen, RequestSpending::PATH, form)
            } else {
                let request = pending[rng.gen_range(0..pending.len())].to_string();
                let form = match rng.gen_range(0..3) {
                    0 => vec![("request", request), ("answer", "approve".into()), ("amount", String::new()), ("reason", String::new())],
                    1 => vec![
                        ("request", request),
                        ("answer", "lower".into()),
                        ("amount", "1,00".into()),
                        ("reason", "Et lavere beløb".into()),
                    ],
                    _ => vec![
                        ("request", request),
                        ("answer", "decline".into()),
                        ("amount", String::new()),
                        ("reason", "Ikke i planen".into()),
                    ],
                };
                (&caseworker, DecideSpending::PATH, form)
            };
            let http = http.clone();
            let cookie = cookie.to_string();
            calls.push(async move { (endpoint, post(&http, server, &cookie, endpoint, &form).await) });
        }
        for (endpoint, status) in futures::future::join_all(calls).await {
            match (endpoint, status) {
                (RequestSpending::PATH, s) if s.is_success() => created += 1,
                (DecideSpending::PATH, s) if s.is_success() => answered += 1,
                // More than is available, or already answered by the other process.
                (_, StatusCode::UNPROCESSABLE_ENTITY | StatusCode::CONFLICT) => refused += 1,
                (e, s) => panic!("{e}: unexpected {s}"),
            }
        }
        let b = store.budget(budget).await.unwrap();
        let (granted, reserved, spent) = ledger_totals(&store.ledger(budget).await.unwrap());
        assert_eq!((granted, reserved, spent), (b.granted.ore(), b.reserved.ore(), b.spent.ore()), "round {round}: ledger = totals");
        assert!(b.reserved.ore() + b.spent.ore() <= b.granted.ore(), "round {round}: overspent");
    }
    eprintln!("{created} requests made, {answered} answered, {refused} refused");
    assert!(created > 0 && answered > 0 && refused > 0, "every outcome happened: {created} made, {answered} answered, {refused} refused");
    let requests = store.spending_requests(budget).await.unwrap();
    let b = store.budget(budget).await.unwrap();
    let pending: i64 = requests.iter().filter(|r| r.status == RequestStatus::Pending).map(|r| r.amount.ore()).sum();
    let spent: i64 = requests.iter().filter_map(|r| r.approved).map(|a| a.ore()).sum();
    assert_eq!((pending, spent), (b.reserved.ore(), b.spent.ore()), "every request is accounted for");
    // Decisions on money (the demo data also has one on a goal of hers).
    let decisions: Vec<_> = store.decisions_of(mette).await.unwrap().into_iter().filter(|d| d.subject_kind == "spending_request").collect();
    let decided = requests.iter().filter(|r| matches!(r.status, RequestStatus::Approved | RequestStatus::Declined)).count();
    assert_eq!(decisions.len(), decided, "one decision per answered request, never two");
}
