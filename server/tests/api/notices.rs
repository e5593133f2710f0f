//! Notices outside the portal, so far: the server's own worker sends what
//! the outbox holds to the development outbox (`/dev/udbakke`, with the test
//! login), after the grace period, with the fixed text only.

use crate::common::*;
use app::features::notices::rules::code_hash;
use app::features::notices::store::Confirmation;
use app::kernel::clock::Clock;
use app::ssr::db::{Actor, NewAppointment};
use reqwest::StatusCode;

#[tokio::test]
async fn a_notice_waits_out_the_grace_period_then_the_worker_sends_the_fixed_text_once() {
    let app = spawn_app().await;
    let mette = app.person("Mette").await;
    let karin = app.person("Karin").await;
    let now = app.clock.now_ms();
    let hash = code_hash(mette, "123456");
    app.store.start_email(mette, "mette@example.dk", &hash, now + 900_000, now).await.unwrap();
    assert_eq!(app.store.confirm_email(mette, &hash, now).await.unwrap(), Confirmation::Confirmed);
    let plan = app.store.plan_of(mette).await.unwrap().unwrap();
    let place = app::kernel::ShortText::parse("Biblioteket Hemmeligt-42").unwrap();
    let meeting = NewAppointment {
        starts_at: now + 86_400_000,
        duration_minutes: 30,
        place,
        address: app::kernel::ShortText::parse("Vej 1").unwrap(),
        outreach: false,
        note: None,
    };
    app.store.add_appointment(plan, &meeting, Actor::staff(karin), None, now).await.unwrap();

    let mut anyone = Browser::default();
    // The worker runs every second; within the grace period it sends nothing.
    tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
    let res = app.get(&mut anyone, "/dev/udbakke").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("Ingen mails endnu"), "not before the grace period");

    app.clock.advance_minutes(16);
    let mut page = String::new();
    for _ in 0..40 {
        page = app.get(&mut anyone, "/dev/udbakke").await.text().await.unwrap();
        if page.contains("mette@example.dk") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(page.contains("mette@example.dk") && page.contains("Du har nyt i Én Plan. Log ind for at læse det."), "{page}");
    assert!(page.contains(&format!("{}/beskeder", app.base)), "the link to the portal");
    for never in ["Hemmeligt-42", "Biblioteket", "Karin", "Mette Hansen"] {
        assert!(!page.contains(never), "{never} in a mail: {page}");
    }
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    let rows = app.store.outbox_of(mette).await.unwrap();
    assert_eq!(rows.iter().filter(|r| r.sent_at.is_some()).count(), 1, "sent once: {rows:?}");
    assert_eq!(app.get(&mut anyone, "/dev/udbakke").await.text().await.unwrap().matches("mette@example.dk").count(), 1);
}
