//! SMS through a real HTTP gateway stand-in (`common::sms`): the request's
//! shape (GatewayAPI's `mtsms`, a bearer token, the outbox row's id as
//! `userref`), retries with backoff after 500 and 429, a permanent refusal
//! kept with its reason, a hung gateway that holds up only its own row, and
//! a mobile number confirmed over HTTP with the code from the gateway.

use std::sync::Arc;
use std::time::Duration;

use crate::common::sms::GatewayStandIn;
use crate::common::*;
use app::features::notices::rules::code_hash;
use app::features::notices::server::{CancelPhone, ConfirmPhone, RemovePhone, StartPhone};
use app::features::notices::sms::{GatewayTexter, SmsSettings};
use app::features::notices::worker::{Texter, Worker};
use app::kernel::ids::PersonId;
use app::ssr::db::{Actor, AssignmentKind, NewAppointment, NewPerson, Store};
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

const TOKEN: &str = "gateway-token-0123456789";

/// 10:00 on an ordinary October morning, Copenhagen time (not in the quiet hours).
fn morning() -> i64 {
    app::kernel::time::copenhagen_local(app::kernel::forms::LocalDate { year: 2026, month: 10, day: 6 }, 600).unwrap()
}

fn texter(gateway: &GatewayStandIn, timeout: Duration) -> Arc<dyn Texter> {
    Arc::new(GatewayTexter::new(SmsSettings { url: gateway.url.clone(), token: TOKEN.into(), sender: "EnPlan".into(), timeout }).unwrap())
}

/// A store of its own (no demo data: nobody else's notices) with a
/// caseworker and `n` citizens of hers, each with a plan and a confirmed
/// mobile number (+45 20 30 40 00, …01, …); notices are due at once and
/// never throttled.
async fn citizens_with_phones(n: usize) -> (Arc<dyn Store>, PersonId, Vec<PersonId>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = app::ssr::db::connect(&format!("sqlite://{}/s.db", dir.path().display())).await.unwrap();
    store.migrate().await.unwrap();
    let person =
        |name: &str| NewPerson { full_name: app::kernel::ShortText::parse(name).unwrap(), cpr: None, subject: None, display_name: None };
    let karin = store.create_person(&person("Karin Holm"), 1_000).await.unwrap();
    store.grant_role(karin, app::kernel::plan::Role::Caseworker, 1_000).await.unwrap();
    let mut citizens = Vec::new();
    for i in 0..n {
        let c = store.create_person(&person(&format!("Borger {i}")), 1_000).await.unwrap();
        store.assign_caseworker(c, karin, AssignmentKind::Primary, 1_000).await.unwrap();
        store.ensure_plan(c, 1_000).await.unwrap();
        let hash = code_hash(c, "123456");
        store.start_phone(c, &format!("+45203040{i:02}"), &hash, "da", 1_000).await.unwrap();
        store.confirm_phone(c, &hash, 1_000).await.unwrap();
        citizens.push(c);
    }
    store.set_notice_periods(0, 0).await.unwrap();
    (store, karin, citizens, dir)
}

/// Karin books a meeting with `citizen` (a notice by SMS; no reminder, as it is a day ahead).
async fn book(store: &dyn Store, citizen: PersonId, karin: PersonId, now: i64) {
    let plan = store.plan_of(citizen).await.unwrap().unwrap();
    let meeting = NewAppointment {
        starts_at: now + 86_400_000,
        duration_minutes: 30,
        place: app::kernel::ShortText::parse("Biblioteket Hemmeligt-7").unwrap(),
        address: app::kernel::ShortText::parse("Vej 7").unwrap(),
        outreach: false,
        note: None,
    };
    store.add_appointment(plan, &meeting, Actor::staff(karin), None, now).await.unwrap();
}

fn worker(store: &Arc<dyn Store>, texter: Arc<dyn Texter>) -> Worker {
    Worker {
        store: store.clone(),
        mailer: None,
        texter: Some(texter),
        id: "sms".into(),
        portal: "http://127.0.0.1:1".into(),
        lease_ms: 60_000,
        batch: 50,
        parallel: 4,
        links: app::features::notices::links::LinkKey::new(vec![3; 32]).unwrap(),
    }
}

#[tokio::test]
async fn a_500_and_a_429_are_retried_with_backoff_then_the_sms_goes_with_the_same_userref() {
    let gateway = GatewayStandIn::start().await;
    let (store, karin, citizens, _dir) = citizens_with_phones(1).await;
    let w = worker(&store, texter(&gateway, Duration::from_secs(10)));
    let t = morning();
    book(store.as_ref(), citizens[0], karin, t).await;
    gateway.answer(&[(500, "internal error"), (429, r#"{"message":"Too many requests"}"#)]).await;

    let round = w.round(t, || 0.0).await.unwrap();
    assert_eq!((round.sent, round.retried), (0, 1), "{round:?}");
    let row = store.outbox_of(citizens[0]).await.unwrap().pop().unwrap();
    assert_eq!((row.not_before, row.attempts, row.last_error.as_deref()), (t + 30_000, 1, Some("SMS gateway 500: internal error")));
    assert_eq!(w.round(t + 29_999, || 0.0).await.unwrap().retried, 0, "waits for its backoff");
    assert_eq!(w.round(t + 30_000, || 0.0).await.unwrap().retried, 1, "429: again");
    let row = store.outbox_of(citizens[0]).await.unwrap().pop().unwrap();
    assert_eq!((row.not_before, row.last_error.as_deref()), (t + 30_000 + 60_000, Some("SMS gateway 429: Too many requests")));
    assert_eq!(w.round(t + 90_000, || 0.0).await.unwrap().sent, 1);
    let row = store.outbox_of(citizens[0]).await.unwrap().pop().unwrap();
    assert_eq!((row.sent_at, row.attempts), (Some(t + 90_000), 3));

    // Three calls of one row: the same userref, the row's id; GatewayAPI's shape.
    let sent = gateway.sent().await;
    assert_eq!(sent.len(), 3);
    for call in &sent {
        assert_eq!(call.authorization.as_deref(), Some(format!("Bearer {TOKEN}").as_str()));
        assert_eq!((call.msisdn(), call.userref()), (4520304000, row.id.to_string().as_str()));
        assert_eq!(call.body["sender"], "EnPlan");
        assert_eq!(call.message(), "Du har nyt i Én Plan. Log ind for at læse det.");
    }
    assert!(!format!("{:?}", sent[0].body).contains("Hemmeligt"), "nothing of the event");
}

#[tokio::test]
async fn a_refusal_is_permanent_with_its_reason_kept_for_the_owner() {
    let gateway = GatewayStandIn::start().await;
    let (store, karin, citizens, _dir) = citizens_with_phones(1).await;
    let w = worker(&store, texter(&gateway, Duration::from_secs(10)));
    let t = morning();
    book(store.as_ref(), citizens[0], karin, t).await;
    gateway.answer(&[(422, r#"{"code":"0x0216","message":"Invalid recipient"}"#)]).await;
    let round = w.round(t, || 0.0).await.unwrap();
    assert_eq!((round.failed, round.retried), (1, 0), "{round:?}");
    assert_eq!(store.last_failure(citizens[0], "sms").await.unwrap().as_deref(), Some("SMS gateway 422: Invalid recipient"));
    assert_eq!(store.last_failure(citizens[0], "email").await.unwrap(), None, "the mail's own failures are apart");
    assert_eq!(w.round(t + 3_600_000, || 0.0).await.unwrap(), Default::default(), "given up is done");
    assert_eq!(gateway.sent().await.len(), 1);
}

#[tokio::test]
async fn a_hung_gateway_call_holds_up_only_its_own_row() {
    let gateway = GatewayStandIn::start().await;
    let (store, karin, citizens, _dir) = citizens_with_phones(8).await;
    let t = morning();
    // The first row's number never gets an answer; it is claimed first.
    for c in &citizens {
        book(store.as_ref(), *c, karin, t).await;
    }
    gateway.hang_for(4520304000).await;
    let w = worker(&store, texter(&gateway, Duration::from_secs(3)));
    let round = w.round(t, || 0.0).await.unwrap();
    assert_eq!((round.sent, round.retried), (7, 1), "{round:?}");
    let hung = store.outbox_of(citizens[0]).await.unwrap().pop().unwrap();
    assert_eq!(hung.last_error.as_deref(), Some("the SMS gateway did not answer in time"));
    // Every other call had reached the gateway while the hung one waited.
    assert_eq!(gateway.given_up_after().await, vec![8], "the other seven were sent before the hung call was given up");
    // Its retry goes through once the gateway answers again.
    let gateway_ok = GatewayStandIn::start().await;
    let w = worker(&store, texter(&gateway_ok, Duration::from_secs(2)));
    assert_eq!(w.round(t + 60_000, || 0.0).await.unwrap().sent, 1);
    assert_eq!(gateway_ok.sent().await[0].userref(), hung.id.to_string());
}

#[tokio::test]
async fn a_mobile_number_is_confirmed_over_http_with_the_code_from_the_gateway_and_never_logged() {
    let gateway = GatewayStandIn::start().await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/test.db", dir.path().display());
    let extra = vec![("APP_SMS_GATEWAY_URL".to_string(), gateway.url.clone()), ("APP_SMS_TOKEN".to_string(), TOKEN.to_string())];
    let app = spawn_app_with(url, dir, extra).await;
    let mette = app.person("Mette").await;
    let mut browser = app.signed_in("Mette").await;

    // Bad input: refused by the field, nothing sent or kept.
    let (status, body) = app.call(&mut browser, StartPhone::PATH, &[("phone", "12 34".into())]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("phone"), "by the field: {body}");
    assert!(gateway.sent().await.is_empty());

    let (status, body) = app.call(&mut browser, StartPhone::PATH, &[("phone", "+45 61 72 83 94".into())]).await;
    assert!(status.is_success(), "{body}");
    // A double tap: one code.
    let (status, _) = app.call(&mut browser, StartPhone::PATH, &[("phone", "61728394".into())]).await;
    assert!(status.is_success());
    let sent = gateway.sent().await;
    assert_eq!(sent.len(), 1, "one code for a double tap");
    assert_eq!(sent[0].msisdn(), 4561728394);
    let code: String = sent[0].message().chars().filter(char::is_ascii_digit).take(6).collect();
    assert!(sent[0].message().starts_with("Din kode til Én Plan er "), "{}", sent[0].message());
    let contact = app.store.contact(mette).await.unwrap().unwrap();
    assert_eq!((contact.pending_phone.as_deref(), contact.phone), (Some("+4561728394"), None));

    let (status, body) = app.call(&mut browser, ConfirmPhone::PATH, &[("sms_code", "000000".into())]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("sms_code"), "by the field: {body}");
    let (status, body) = app.call(&mut browser, ConfirmPhone::PATH, &[("sms_code", code.clone())]).await;
    assert!(status.is_success(), "{body}");
    assert_eq!(app.store.contact(mette).await.unwrap().unwrap().phone.as_deref(), Some("+4561728394"));
    let page = app.get(&mut browser, "/indstillinger").await.text().await.unwrap();
    assert!(page.contains("+45 61 72 83 94"), "the number as people read it");

    // Another number waiting, dropped; then the confirmed one removed.
    app.call(&mut browser, StartPhone::PATH, &[("phone", "20 30 40 50".into())]).await;
    let (status, _) = app.call(&mut browser, CancelPhone::PATH, &[]).await;
    assert!(status.is_success());
    assert_eq!(app.store.contact(mette).await.unwrap().unwrap().pending_phone, None);
    let (status, _) = app.call(&mut browser, RemovePhone::PATH, &[]).await;
    assert!(status.is_success());
    assert_eq!(app.store.contact(mette).await.unwrap().unwrap().phone, None);

    let logs = String::from_utf8_lossy(&log_buffer().lock().unwrap()).to_string();
    for never in ["61728394", "61 72 83 94", "20304050", &code, TOKEN] {
        assert!(!logs.contains(never), "{never} in the log");
    }
}
