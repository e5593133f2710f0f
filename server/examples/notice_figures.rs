//! Figures of the e-mail notices' worker (a benchmark program, not a test):
//!
//! 1. Notices per second through one worker, to a real SMTP server process
//!    (npm `smtp-server` with STARTTLS and AUTH, `end2end/mail/smtp-sink.mjs`),
//!    against a baseline in the same run: the same worker and store with a
//!    mailer that keeps the mails in memory.
//! 2. The SMTP server away for 10 minutes: how often each notice was tried
//!    while it was away, and how long after its return until all were sent
//!    (rounds every second on a manual clock; the outage is real: the port
//!    refuses connections).
//!
//! ```sh
//! cargo run --release -p server --example notice_figures [-- <notices> [postgres://…]]
//! ```
//! Needs `node` with `end2end/node_modules` (`bash .ci/setup --test`) and `openssl`.
#![allow(clippy::unwrap_used, reason = "a figures program that cannot unwrap has failed; the panic names the line")]

#[path = "common/figures.rs"]
mod figures;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::features::notices::links::LinkKey;
use app::features::notices::smtp::{SmtpMailer, SmtpSettings};
use app::features::notices::worker::{DevOutbox, Mailer, Worker};
use app::ssr::db::{Pool, Store};

const PASSWORD: &str = "figures-password";

struct Sink {
    child: Child,
    smtp: u16,
    cert: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The SMTP server on `port` (0: a free one), with a fresh certificate.
fn sink(port: u16) -> Sink {
    let dir = tempfile::tempdir().unwrap();
    let (key, cert) = (dir.path().join("key.pem"), dir.path().join("cert.pem"));
    let ok = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"])
        .args(["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        .args(["-addext", "basicConstraints=critical,CA:FALSE", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stderr(Stdio::null())
        .status()
        .expect("openssl")
        .success();
    assert!(ok, "openssl made a certificate");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut child = Command::new("node")
        .arg(root.join("end2end/mail/smtp-sink.mjs"))
        .current_dir(root.join("end2end"))
        .env("SMTP_PORT", port.to_string())
        .env("SMTP_KEY", &key)
        .env("SMTP_CERT", &cert)
        .env("SMTP_USER", "enplan")
        .env("SMTP_PASS", PASSWORD)
        .stdout(Stdio::piped())
        .spawn()
        .expect("node (bash .ci/setup --test installs end2end/node_modules)");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let ports: serde_json::Value = serde_json::from_str(&line).expect("the sink's ports");
    Sink { child, smtp: ports["smtp"].as_u64().unwrap() as u16, cert, _dir: dir }
}

fn smtp(port: u16, cert_pem: &[u8]) -> Arc<dyn Mailer> {
    Arc::new(
        SmtpMailer::new(&SmtpSettings {
            url: format!("smtp://enplan:{PASSWORD}@localhost:{port}?tls=required"),
            from: "ikke-svar@enplan.test".into(),
            ca_pem: Some(cert_pem.to_vec()),
            timeout: Duration::from_secs(10),
        })
        .unwrap(),
    )
}

/// A fresh store with `n` people, each with a confirmed address and one due notice.
async fn store_with(n: i64, url: Option<&str>, dir: &tempfile::TempDir, name: &str) -> Arc<dyn Store> {
    let store = figures::fresh_store(url, dir, name).await;
    let people = "INSERT INTO person (full_name, created_at) \
                  WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < $1) SELECT 'Borger ' || i, 0 FROM g";
    let contacts = "INSERT INTO contact (person_id, email, email_confirmed_at, updated_at) \
                    SELECT id, 'borger' || id || '@example.dk', 0, 0 FROM person";
    let outbox = "INSERT INTO outbox (person_id, channel, kind, created_at, not_before) \
                  SELECT person_id, 'email', 'goal_answered', 0, 0 FROM contact";
    match store.pool() {
        Pool::Sqlite(p) => {
            sqlx::query(people).bind(n).execute(&p).await.unwrap();
            sqlx::query(contacts).execute(&p).await.unwrap();
            sqlx::query(outbox).execute(&p).await.unwrap();
        }
        Pool::Postgres(p) => {
            sqlx::query(people).bind(n).execute(&p).await.unwrap();
            sqlx::query(contacts).execute(&p).await.unwrap();
            sqlx::query(outbox).execute(&p).await.unwrap();
        }
    }
    store.set_notice_periods(0, 0).await.unwrap();
    store
}

fn worker(store: &Arc<dyn Store>, mailer: Arc<dyn Mailer>) -> Worker {
    Worker {
        store: store.clone(),
        mailer: Some(mailer),
        texter: None,
        id: "figures".into(),
        portal: "https://enplan.kommune.dk".into(),
        lease_ms: 60_000,
        batch: 50,
        parallel: 8,
        links: LinkKey::new(vec![9; 32]).unwrap(),
    }
}

/// Runs rounds at `now` until one sends nothing; notices per second.
async fn drain(w: &Worker, n: i64) -> f64 {
    let started = Instant::now();
    let mut sent = 0;
    loop {
        let round = w.round(1_000, || 0.5).await.unwrap();
        sent += round.sent;
        if round.sent + round.skipped + round.retried + round.failed == 0 {
            break;
        }
    }
    assert_eq!(sent as i64, n, "every notice sent");
    n as f64 / started.elapsed().as_secs_f64()
}

#[tokio::main]
async fn main() {
    let (n, pg, backend) = figures::args();
    let pg = pg.as_deref();
    let dir = tempfile::tempdir().unwrap();

    println!("notices through one worker ({backend}, {n} notices to {n} people, batch 50)");
    let baseline_store = store_with(n, pg, &dir, "baseline").await;
    let baseline = drain(&worker(&baseline_store, Arc::new(DevOutbox::default())), n).await;
    println!("  baseline, mails kept in memory:      {baseline:>8.0} notices/s");
    let s = sink(0);
    let smtp_store = store_with(n, pg, &dir, "smtp").await;
    let through = drain(&worker(&smtp_store, smtp(s.smtp, &std::fs::read(&s.cert).unwrap())), n).await;
    println!("  SMTP with STARTTLS and AUTH (Node):  {through:>8.0} notices/s  ({:.2} of the baseline)", through / baseline);

    // The SMTP server away for 10 minutes, rounds every second on a manual
    // clock: its port refuses connections, then a server is there again.
    let (port, cert) = (s.smtp, std::fs::read(&s.cert).unwrap());
    drop(s);
    let away_n = 200.min(n);
    let away_store = store_with(away_n, pg, &dir, "away").await;
    println!("\nthe SMTP server away for 10 minutes ({away_n} notices due when it went)");
    let started = Instant::now();
    let (mut attempts, mut now, mut all_sent_at) = (0, 0_i64, None);
    let mut returned: Option<Sink> = None;
    let mut w = worker(&away_store, smtp(port, &cert));
    while now <= 3 * 3_600_000 {
        if now >= 600_000 && returned.is_none() {
            let back = sink(port);
            w = worker(&away_store, smtp(port, &std::fs::read(&back.cert).unwrap()));
            returned = Some(back);
        }
        let round = w.round(now, rand::random::<f64>).await.unwrap();
        attempts += round.sent + round.retried + round.failed;
        let left: i64 = match away_store.pool() {
            Pool::Sqlite(p) => sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").fetch_one(&p).await.unwrap(),
            Pool::Postgres(p) => sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL").fetch_one(&p).await.unwrap(),
        };
        if left == 0 {
            all_sent_at = Some(now);
            break;
        }
        now += 1_000;
    }
    let per_notice = attempts as f64 / away_n as f64;
    match all_sent_at {
        Some(at) => println!(
            "  {per_notice:.1} attempts per notice in all; all sent {:.1} min after the server came back ({:.1} s of real time)",
            (at - 600_000) as f64 / 60_000.0,
            started.elapsed().as_secs_f64()
        ),
        None => println!("  not all sent within 3 hours"),
    }
    println!("  (backoff: 30 s doubling to at most 1 h, +0–50 % jitter; given up after 24 h with the reason kept)");
}
