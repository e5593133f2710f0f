//! Figures of the SMS notices and reminders (a benchmark program, not a test):
//!
//! 1. SMS per second through one worker to a real HTTP process standing in
//!    for the gateway (`end2end/sms/gateway.mjs`, node's own http), against a
//!    baseline in the same run: the same worker and store with a texter that
//!    keeps the messages in memory.
//! 2. What the reminders cost the worker: claiming and deciding `n` due
//!    reminders (each checked against its meetup and sign-up) against `n` due
//!    notices, in memory, as a ratio.
//!
//! ```sh
//! cargo run --release -p server --example sms_figures [-- <messages> [postgres://…]]
//! ```
//! Needs `node` (the stand-in uses no packages).
#![allow(clippy::unwrap_used, reason = "a figures program that cannot unwrap has failed; the panic names the line")]

#[path = "common/figures.rs"]
mod figures;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::features::notices::links::LinkKey;
use app::features::notices::sms::{GatewayTexter, SmsSettings};
use app::features::notices::worker::{DevOutbox, Texter, Worker};
use app::ssr::db::{Pool, Store};

const TOKEN: &str = "figures-token";
/// 10:00 on an ordinary morning in Copenhagen: outside the quiet hours.
const MORNING: i64 = 1_791_273_600_000;

struct Gateway {
    child: Child,
    port: u16,
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn gateway() -> Gateway {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let child = Command::new("node")
        .arg(root.join("end2end/sms/gateway.mjs"))
        .env("GATEWAY_PORT", port.to_string())
        .env("GATEWAY_TOKEN", TOKEN)
        .stdout(Stdio::null())
        .spawn()
        .expect("node");
    // Listening once it answers (dropped, it is killed and waited for).
    let gateway = Gateway { child, port };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return gateway;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the stand-in gateway did not start");
}

/// A fresh store with `n` people, each with a confirmed number, and, with
/// `reminders`, each going to a meetup tomorrow with its reminder due;
/// otherwise each with one due notice.
async fn store_with(n: i64, url: Option<&str>, dir: &tempfile::TempDir, name: &str, reminders: bool) -> Arc<dyn Store> {
    let store = figures::fresh_store(url, dir, name).await;
    let start = MORNING + 86_400_000;
    let mut statements = vec![
        "INSERT INTO person (full_name, created_at) \
         WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < $1) SELECT 'Borger ' || i, 0 FROM g"
            .to_string(),
        "INSERT INTO contact (person_id, phone, phone_confirmed_at, updated_at) SELECT id, '+452' || (1000000 + id), 0, 0 FROM person"
            .to_string(),
    ];
    if reminders {
        statements.extend([
            "INSERT INTO network_group (name, description, topic, area, usual_place, created_at) VALUES ('Strik', 'Strik', 'Hygge', 'Nord', 'Caféen', 0)"
                .to_string(),
            format!(
                "INSERT INTO meetup (group_id, starts_at, duration_minutes, place, address, capacity, going_count, description, updated_at) \
                 SELECT 1, {start}, 60, 'Caféen', 'Torvet 1', 1, 1, '', 0 FROM person"
            ),
            "INSERT INTO meetup_signup (meetup_id, person_id, status, created_at, updated_at) SELECT id, id, 'going', 0, 0 FROM meetup".to_string(),
            format!(
                "INSERT INTO outbox (person_id, channel, kind, created_at, not_before, object_id, object_starts_at) \
                 SELECT person_id, 'sms', 'meetup_reminder', 0, {}, meetup_id, {start} FROM meetup_signup",
                start - 86_400_000
            ),
        ]);
    } else {
        statements.push("INSERT INTO outbox (person_id, channel, kind, created_at, not_before) SELECT person_id, 'sms', 'goal_answered', 0, 0 FROM contact".to_string());
    }
    // Only the first statement takes `n`.
    for (i, sql) in statements.iter().enumerate() {
        match (store.pool(), i) {
            (Pool::Sqlite(p), 0) => sqlx::query(sql).bind(n).execute(&p).await.map(|_| ()).unwrap(),
            (Pool::Sqlite(p), _) => sqlx::query(sql).execute(&p).await.map(|_| ()).unwrap(),
            (Pool::Postgres(p), 0) => sqlx::query(sql).bind(n).execute(&p).await.map(|_| ()).unwrap(),
            (Pool::Postgres(p), _) => sqlx::query(sql).execute(&p).await.map(|_| ()).unwrap(),
        }
    }
    store.set_notice_periods(0, 0).await.unwrap();
    store
}

fn worker(store: &Arc<dyn Store>, texter: Arc<dyn Texter>) -> Worker {
    Worker {
        store: store.clone(),
        mailer: None,
        texter: Some(texter),
        id: "figures".into(),
        portal: "https://enplan.kommune.dk".into(),
        lease_ms: 60_000,
        batch: 50,
        parallel: 8,
        links: LinkKey::new(vec![9; 32]).unwrap(),
    }
}

/// Rounds at `now` until nothing is left: (sent, seconds).
async fn drain(w: &Worker, now: i64) -> (usize, f64) {
    let started = Instant::now();
    let mut sent = 0;
    loop {
        let round = w.round(now, || 0.0).await.unwrap();
        if round == Default::default() {
            return (sent, started.elapsed().as_secs_f64());
        }
        sent += round.sent;
    }
}

#[tokio::main]
async fn main() {
    let (n, pg, backend) = figures::args();
    let pg = pg.as_deref();
    let dir = tempfile::tempdir().unwrap();
    println!("SMS figures: {n} messages, one worker (rounds of 50, 8 at a time), {backend}");

    // A warm-up of a tenth, not counted (the first run pays for cold caches).
    let warm = store_with((n / 10).max(1), pg, &dir, "sms_warm", false).await;
    drain(&worker(&warm, Arc::new(DevOutbox::default())), MORNING).await;
    let base_store = store_with(n, pg, &dir, "sms_base", false).await;
    let (base_sent, base_s) = drain(&worker(&base_store, Arc::new(DevOutbox::default())), MORNING).await;
    let gw = gateway();
    let texter = GatewayTexter::new(SmsSettings {
        url: format!("http://127.0.0.1:{}/rest/mtsms", gw.port),
        token: TOKEN.into(),
        sender: "EnPlan".into(),
        timeout: Duration::from_secs(10),
    })
    .unwrap();
    let http_store = store_with(n, pg, &dir, "sms_http", false).await;
    let (http_sent, http_s) = drain(&worker(&http_store, Arc::new(texter)), MORNING).await;
    assert_eq!((base_sent, http_sent), (n as usize, n as usize));
    println!("1. baseline (kept in memory): {:>8.0} SMS/s", n as f64 / base_s);
    println!("   through the HTTP gateway:  {:>8.0} SMS/s  ({:.2}× the baseline's time)", n as f64 / http_s, http_s / base_s);

    let reminder_store = store_with(n, pg, &dir, "sms_reminders", true).await;
    let (reminded, reminder_s) = drain(&worker(&reminder_store, Arc::new(DevOutbox::default())), MORNING).await;
    assert_eq!(reminded, n as usize);
    println!(
        "2. {n} due reminders, each checked against its meetup: {:.0}/s ({:.2}× the time of as many notices)",
        n as f64 / reminder_s,
        reminder_s / base_s
    );
}
