//! Crash safety of the embedded default (SQLite): a real server process takes
//! writes — goal proposals and spending requests — and is killed with
//! SIGKILL at random moments, 20 times. After every restart each write it
//! acknowledged is there, `PRAGMA integrity_check` is ok and the budget is
//! not overspent. Then SIGTERM under load: requests in flight get their
//! answer and the process exits within 10 seconds.
//! `CRASH_SEED=n` repeats a run's timing.

use app::features::budget::server::RequestSpending;
use app::features::goals::server::ProposeGoal;
use leptos::server_fn::ServerFn;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::process::{client, login, start, try_post};
use app::ssr::db::prelude::*;
use app::ssr::db::{integrity_check, ledger_totals, SqliteStore};
use rand::{Rng, SeedableRng};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What the server said it had written: goal titles and request purposes.
#[derive(Clone, Default)]
struct Acknowledged {
    goals: Vec<String>,
    requests: Vec<String>,
}

/// Writes until the server stops answering; records what it acknowledged.
/// Returns how many calls got no answer other than "connection refused"
/// (cut off in flight).
async fn write_until_gone(base: String, cookie: String, writer: usize, cycle: usize, acked: Arc<Mutex<Acknowledged>>) -> usize {
    let http = client();
    let mut cut = 0;
    for i in 0.. {
        let (endpoint, text, form) = if i % 2 == 0 {
            let title = format!("Mål {cycle}-{writer}-{i}");
            let form = vec![
                ("title", title.clone()),
                ("why", String::new()),
                ("first_step", String::new()),
                ("key", format!("g-{cycle}-{writer}-{i}")),
            ];
            (ProposeGoal::PATH, title, form)
        } else {
            let purpose = format!("Udgift {cycle}-{writer}-{i}");
            let form = vec![
                ("amount", "1,00".to_string()),
                ("purpose", purpose.clone()),
                ("goal", "ingen".into()),
                ("key", format!("s-{cycle}-{writer}-{i}")),
            ];
            (RequestSpending::PATH, purpose, form)
        };
        match try_post(&http, &base, &cookie, endpoint, &form).await {
            Ok(status) => {
                assert!(status.is_success(), "{endpoint} answered {status}");
                let mut a = acked.lock().unwrap();
                if endpoint == ProposeGoal::PATH {
                    a.goals.push(text)
                } else {
                    a.requests.push(text)
                }
            }
            Err(e) => {
                if !e.is_connect() {
                    cut += 1;
                }
                break;
            }
        }
    }
    cut
}

/// Every acknowledged write is in the database, which is intact and not overspent.
async fn check(url: &str, acked: &Acknowledged) -> (usize, usize) {
    let store = SqliteStore::connect(url).await.expect("the database opens");
    assert_eq!(integrity_check(&store).await.unwrap(), "ok");
    let mette = store.person_by_cpr(crate::common::METTE_CPR).await.unwrap().unwrap().id;
    let plan = store.plan_of(mette).await.unwrap().unwrap();
    let goals: std::collections::HashSet<String> = store.goals(plan).await.unwrap().into_iter().map(|g| g.title).collect();
    let budget = store.budgets_of(mette).await.unwrap().pop().unwrap().id;
    let requests: std::collections::HashSet<String> =
        store.spending_requests(budget).await.unwrap().into_iter().map(|r| r.purpose).collect();
    for g in &acked.goals {
        assert!(goals.contains(g), "an acknowledged goal is lost: {g}");
    }
    for r in &acked.requests {
        assert!(requests.contains(r), "an acknowledged request is lost: {r}");
    }
    let b = store.budget(budget).await.unwrap();
    let (granted, reserved, spent) = ledger_totals(&store.ledger(budget).await.unwrap());
    assert_eq!((granted, reserved, spent), (b.granted.ore(), b.reserved.ore(), b.spent.ore()), "ledger = totals");
    assert!(b.reserved.ore() + b.spent.ore() <= b.granted.ore(), "overspent");
    store.pool.close().await;
    (goals.len(), requests.len())
}

async fn mette(url: &str) -> i64 {
    let store = SqliteStore::connect(url).await.unwrap();
    store.set_per_hour(app::ssr::db::PerHour::Requests, 1_000_000).await.unwrap();
    store.set_per_hour(app::ssr::db::PerHour::Goals, 1_000_000).await.unwrap();
    let id = store.person_by_cpr(crate::common::METTE_CPR).await.unwrap().unwrap().id.0;
    store.pool.close().await;
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_writes_survive_kill_9_and_the_database_stays_intact() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("crash.db").display());
    let http = client();
    let seed: u64 = std::env::var("CRASH_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| rand::thread_rng().gen());
    eprintln!("CRASH_SEED={seed}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let acked = Arc::new(Mutex::new(Acknowledged::default()));
    let mut person = None;
    let mut cut = 0;
    for cycle in 0..20 {
        let server = start(&url, &http).await;
        let id = match person {
            Some(id) => id,
            None => *person.insert(mette(&url).await),
        };
        let cookie = login(&http, &server, id).await;
        let writers: Vec<_> =
            (0..4).map(|w| tokio::spawn(write_until_gone(server.base.clone(), cookie.clone(), w, cycle, acked.clone()))).collect();
        tokio::time::sleep(Duration::from_millis(rng.gen_range(50..400))).await;
        // SIGKILL: no chance to finish anything.
        let pid = server.child.id();
        assert!(std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status().unwrap().success());
        for w in futures::future::join_all(writers).await {
            cut += w.unwrap();
        }
        drop(server);
        let snapshot = acked.lock().unwrap().clone();
        check(&url, &snapshot).await;
    }
    let a = acked.lock().unwrap();
    eprintln!("{} goals and {} requests acknowledged over 20 kills; {cut} calls cut off in flight", a.goals.len(), a.requests.len());
    assert!(a.goals.len() >= 20 && a.requests.len() >= 20, "the writers wrote: {} goals, {} requests", a.goals.len(), a.requests.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn on_sigterm_requests_in_flight_are_answered_and_the_server_exits_within_10_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("term.db").display());
    let http = client();
    let mut server = start(&url, &http).await;
    let id = mette(&url).await;
    let cookie = login(&http, &server, id).await;
    // A request surely in flight: its headers and half its body are sent
    // before the signal, the rest after.
    let body = "title=Sendt+under+nedlukning&why=&first_step=&key=term-1";
    let (first, rest) = body.split_at(body.len() / 2);
    let host = server.base.trim_start_matches("http://").to_string();
    let mut slow = tokio::net::TcpStream::connect(&host).await.unwrap();
    let head = format!(
        "POST /api/propose_goal HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\nCookie: {}={cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{first}",
        crate::common::COOKIE,
        body.len()
    );
    slow.write_all(head.as_bytes()).await.unwrap();
    // And load: writers that go on until the server stops taking requests.
    let acked = Arc::new(Mutex::new(Acknowledged::default()));
    let writers: Vec<_> =
        (0..4).map(|w| tokio::spawn(write_until_gone(server.base.clone(), cookie.clone(), w, 0, acked.clone()))).collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let signalled = Instant::now();
    assert!(std::process::Command::new("kill").args(["-TERM", &server.child.id().to_string()]).status().unwrap().success());
    tokio::time::sleep(Duration::from_millis(500)).await;
    slow.write_all(rest.as_bytes()).await.unwrap();
    let mut answer = String::new();
    slow.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "the request in flight was answered: {answer}");
    let mut cut = 0;
    for w in futures::future::join_all(writers).await {
        cut += w.unwrap();
    }
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(signalled.elapsed() < Duration::from_secs(10), "still running 10 s after SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    eprintln!("exited {:.2} s after SIGTERM ({status}); {cut} calls of the load had no answer", signalled.elapsed().as_secs_f64());
    assert!(status.success(), "a clean exit: {status}");
    let mut a = acked.lock().unwrap().clone();
    assert!(!a.goals.is_empty() && !a.requests.is_empty(), "there was load");
    a.goals.push("Sendt under nedlukning".into());
    check(&url, &a).await;
}
