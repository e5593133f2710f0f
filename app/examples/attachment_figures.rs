//! Figures for files attached to messages; a program that prints them, not
//! a test. How long the server's own work of sending a message with a 5 MB
//! phone photo takes (cleaning the photo and the transaction; HTTP left
//! out), as a ratio to the same message without it in the same run, and how
//! much the database grows per attachment, on SQLite and (with
//! `TEST_DATABASE_URL`) on PostgreSQL:
//!
//! ```text
//! cargo run --release -p app --features ssr --example attachment_figures
//! ```
#![allow(clippy::unwrap_used, reason = "a figures program that cannot unwrap has failed; the panic names the line")]

use std::time::Instant;

use app::features::conversation::attachments::clean;
use app::features::conversation::store::{NewAttachment, NewMessage, Spooled};
use app::kernel::ids::PersonId;
use app::kernel::plan::Role;
use app::kernel::text::MessageBody;
use app::kernel::ShortText;
use app::ssr::db::{AssignmentKind, NewPerson, Store};

const RUNS: usize = 7;

/// A 12-megapixel phone photo of about 5 MB: a JPEG of 4,032 × 3,024 with
/// enough fine detail that it does not compress to less.
fn phone_photo() -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let photo = image::RgbImage::from_fn(4032, 3024, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed & 0x1f) as u8;
        image::Rgb([((x / 16) as u8).wrapping_add(noise), ((y / 12) as u8).wrapping_add(noise), 100u8.wrapping_add(noise)])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(photo)
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80))
        .expect("encode the test photo");
    out
}

async fn person(store: &dyn Store, name: &str, cpr: Option<&str>) -> PersonId {
    let p = NewPerson { full_name: ShortText::parse(name).unwrap(), cpr: cpr.map(String::from), subject: None, display_name: None };
    store.create_person(&p, 0).await.expect("create a person")
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The database's size in bytes (SQLite: its pages; PostgreSQL: the
/// attachment table with its TOAST and indexes).
async fn size(store: &dyn Store) -> i64 {
    match store.pool() {
        app::ssr::db::Pool::Sqlite(pool) => {
            let pages: i64 = sqlx::query_scalar("PRAGMA page_count").fetch_one(&pool).await.unwrap();
            let page: i64 = sqlx::query_scalar("PRAGMA page_size").fetch_one(&pool).await.unwrap();
            pages * page
        }
        app::ssr::db::Pool::Postgres(pool) => {
            sqlx::query_scalar("SELECT pg_total_relation_size('attachment')::bigint").fetch_one(&pool).await.unwrap()
        }
    }
}

async fn figures(label: &str, store: &dyn Store, photo: &[u8]) {
    store.migrate().await.expect("migrate");
    let citizen = person(store, "Mette Måler", Some("010190-9999")).await;
    let staff = person(store, "Karin Måler", None).await;
    store.grant_role(staff, Role::Caseworker, 0).await.unwrap();
    store.assign_caseworker(citizen, staff, AssignmentKind::Primary, 0).await.unwrap();
    let mut n = 0;
    let mut send = |files: Vec<NewAttachment>| {
        n += 1;
        NewMessage {
            citizen,
            sender: citizen,
            body: MessageBody::parse("Her er regningen fra tandlægen").unwrap(),
            idempotency_key: format!("figures-{n}"),
            limited: false,
            notify_citizen: false,
            attachments: files,
            helper: None,
        }
    };
    let (mut plain, mut with_photo, mut stored) = (Vec::new(), Vec::new(), 0i64);
    let before = size(store).await;
    for _ in 0..RUNS {
        let started = Instant::now();
        store.send_message(&send(vec![]), 0).await.unwrap();
        plain.push(started.elapsed().as_secs_f64() * 1000.0);

        let started = Instant::now();
        let file = clean("IMG_2041.JPG", photo.to_vec()).await.expect("a readable photo");
        stored += file.data.len() as i64;
        let attachment = NewAttachment {
            file_name: file.name,
            kind: file.kind,
            size: file.data.len() as i64,
            data: Spooled::from_bytes(&file.data).unwrap(),
        };
        store.send_message(&send(vec![attachment]), 0).await.unwrap();
        with_photo.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let grown = size(store).await - before;
    let (plain, with_photo) = (median(plain), median(with_photo));
    println!(
        "{label}: a message alone {plain:.1} ms; with a {:.1} MB photo {with_photo:.0} ms ({:.0}× the message alone; medians of {RUNS})",
        photo.len() as f64 / 1e6,
        with_photo / plain
    );
    println!(
        "{label}: the photo is stored as {:.0} kB (scaled to 2,500 px, re-encoded); the database grew {:.0} kB per attachment ({:.2}× the stored bytes)",
        stored as f64 / RUNS as f64 / 1e3,
        grown as f64 / RUNS as f64 / 1e3,
        grown as f64 / stored as f64
    );
}

#[tokio::main]
async fn main() {
    let photo = phone_photo();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = app::ssr::db::connect(&format!("sqlite://{}/figures.db", dir.path().display())).await.unwrap();
    figures("SQLite", sqlite.as_ref(), &photo).await;
    if let Ok(admin) = std::env::var("TEST_DATABASE_URL") {
        let name = format!("enplan_figures_{}", std::process::id());
        let pool = sqlx::PgPool::connect(&admin).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&pool).await.unwrap();
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        let pg = app::ssr::db::connect(&format!("{base}/{name}")).await.unwrap();
        figures("PostgreSQL", pg.as_ref(), &photo).await;
        drop(pg);
        sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)")).execute(&pool).await.unwrap();
    } else {
        println!("PostgreSQL: TEST_DATABASE_URL not set, not measured");
    }
}
