//! The SMS channel, the quiet hours and the reminders, each story on SQLite
//! and on PostgreSQL, on a manual clock: the worker's rounds are run at the
//! times the story names.

use std::sync::Arc;

use crate::features::casework::forms::AppointmentInput;
use crate::features::casework::service as casework;
use crate::features::network::service as network;
use crate::features::notices::links::LinkKey;
use crate::features::notices::store::{Confirmation, Skip};
use crate::features::notices::views::Topic;
use crate::features::notices::worker::{DevOutbox, Round, Worker};
use crate::kernel::forms::LocalDate;
use crate::kernel::ids::PersonId;
use crate::kernel::plan::Role;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

use super::store_tests::answered;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const PHONE: &str = "+4520304050";

/// UTC milliseconds of a Copenhagen wall-clock time.
fn cph(year: i16, month: i8, day: i8, hour: i64, minute: i64) -> i64 {
    crate::kernel::time::copenhagen_local(LocalDate { year, month, day }, hour * 60 + minute).unwrap()
}

/// Gives `person` a confirmed mobile number (and an address, if given).
async fn reachable(s: &dyn Store, person: PersonId, email: Option<&str>) {
    s.start_phone(person, PHONE, "hash-of-654321", "da", NOW).await.unwrap();
    assert_eq!(s.confirm_phone(person, "hash-of-654321", NOW).await.unwrap(), Confirmation::Confirmed);
    if let Some(email) = email {
        s.start_email(person, email, "hash-of-123456", "da", NOW).await.unwrap();
        assert_eq!(s.confirm_email(person, "hash-of-123456", NOW).await.unwrap(), Confirmation::Confirmed);
    }
}

/// A worker that keeps mails and SMS in `outbox`.
fn worker(s: &Arc<dyn Store>, outbox: &Arc<DevOutbox>, id: &str) -> Worker {
    Worker {
        store: s.clone(),
        mailer: Some(outbox.clone()),
        texter: Some(outbox.clone()),
        id: id.into(),
        portal: "https://enplan.kommune.dk".into(),
        lease_ms: MINUTE,
        batch: 50,
        parallel: 4,
        links: LinkKey::new(vec![7; 32]).unwrap(),
    }
}

/// The SMS kept so far, newest first.
fn texts(outbox: &DevOutbox) -> Vec<String> {
    outbox.mails().into_iter().filter(|(_, m)| m.subject == "SMS").map(|(_, m)| m.text).collect()
}

fn round(sent: usize, skipped: usize, waiting: usize) -> Round {
    Round { sent, skipped, waiting, ..Round::default() }
}

async fn a_mobile_number_is_confirmed_by_a_code_and_each_channel_has_its_own_choices_and_throttle(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    s.start_phone(c, PHONE, "right", "en", NOW).await.unwrap();
    assert_eq!(s.confirm_phone(c, "wrong", NOW).await.unwrap(), Confirmation::Wrong(4));
    answered(s.as_ref(), c, cw, "Før nummeret", NOW).await;
    assert_eq!(s.outbox_of(c).await.unwrap(), vec![], "a number waiting for its code gets nothing");
    assert_eq!(s.confirm_phone(c, "right", NOW + MINUTE).await.unwrap(), Confirmation::Confirmed);
    let contact = s.contact(c).await.unwrap().unwrap();
    assert_eq!((contact.phone.as_deref(), contact.pending_phone, contact.email, contact.lang.as_str()), (Some(PHONE), None, None, "en"));

    answered(s.as_ref(), c, cw, "Med nummer", NOW + 2 * MINUTE).await;
    let rows = s.outbox_of(c).await.unwrap();
    assert_eq!(rows.iter().map(|r| (r.kind.as_str(), r.channel.as_str())).collect::<Vec<_>>(), vec![("goal_answered", "sms")]);

    // Answers off by SMS: nothing more by SMS, while e-mail still gets it.
    s.start_email(c, "jonas@example.dk", "h", "da", NOW).await.unwrap();
    s.confirm_email(c, "h", NOW).await.unwrap();
    s.set_sms_muted(c, &Topic::Answers.kinds(), NOW).await.unwrap();
    answered(s.as_ref(), c, cw, "Kun mail", NOW + 3 * MINUTE).await;
    let rows = s.outbox_of(c).await.unwrap();
    assert_eq!(rows.iter().map(|r| r.channel.as_str()).collect::<Vec<_>>(), vec!["sms", "email"]);
    // Unsubscribing from all mails does not stop SMS; removing the number does.
    s.set_sms_muted(c, &[], NOW).await.unwrap();
    s.set_unsubscribed(c, true, NOW).await.unwrap();
    answered(s.as_ref(), c, cw, "Kun SMS", NOW + 4 * MINUTE).await;
    assert_eq!(s.outbox_of(c).await.unwrap().last().map(|r| r.channel.clone()).as_deref(), Some("sms"));
    assert_eq!(s.outbox_of(c).await.unwrap().len(), 3);

    // Each channel has its own throttle.
    let (sms_row, email_row) = (rows[0].id, rows[1].id);
    assert!(s.reserve_notice(c, "sms", sms_row, NOW + HOUR, 3 * HOUR).await.unwrap());
    assert!(s.reserve_notice(c, "email", email_row, NOW + HOUR, 3 * HOUR).await.unwrap(), "an SMS does not hold back a mail");
    assert!(!s.reserve_notice(c, "sms", sms_row + 100, NOW + HOUR, 3 * HOUR).await.unwrap());

    s.remove_phone(c, NOW + HOUR).await.unwrap();
    let contact = s.contact(c).await.unwrap().unwrap();
    assert_eq!((contact.phone, contact.phone_confirmed_at), (None, None));
    s.set_unsubscribed(c, false, NOW).await.unwrap();
    answered(s.as_ref(), c, cw, "Uden nummer", NOW + 2 * HOUR).await;
    assert_eq!(s.outbox_of(c).await.unwrap().last().map(|r| r.channel.clone()).as_deref(), Some("email"));
}

async fn an_sms_in_the_quiet_hours_waits_until_eight_across_midnight_and_both_daylight_saving_changes(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    // The story begins in March, before NOW: Karin is the caseworker from New Year.
    s.assign_caseworker(c, cw, AssignmentKind::Primary, cph(2026, 1, 1, 0, 0)).await.unwrap();
    reachable(s.as_ref(), c, Some("jonas@example.dk")).await;
    s.set_notice_periods(0, 0).await.unwrap();
    let outbox = Arc::new(DevOutbox::default());
    let w = worker(&s, &outbox, "w1");
    // The nights of the spring and autumn changes, an ordinary winter
    // morning, and a summer evening just before nine (not quiet).
    // In the order of time (the throttle's reservation remembers the last).
    let nights = [
        ("spring", cph(2026, 3, 28, 22, 30), Some(cph(2026, 3, 29, 8, 0))),
        ("summer evening", cph(2026, 6, 10, 20, 59), None),
        ("autumn", cph(2026, 10, 24, 23, 59), Some(cph(2026, 10, 25, 8, 0))),
        ("winter morning", cph(2026, 12, 2, 7, 15), Some(cph(2026, 12, 2, 8, 0))),
    ];
    for (n, (night, at, morning)) in nights.into_iter().enumerate() {
        answered(s.as_ref(), c, cw, &format!("Nat {n}"), at).await;
        match morning {
            Some(morning) => {
                assert_eq!(w.round(at, || 0.0).await.unwrap(), round(1, 0, 1), "{night}: the mail goes, the SMS waits");
                let sms = s.outbox_of(c).await.unwrap().into_iter().rfind(|r| r.channel == "sms").unwrap();
                assert_eq!((sms.not_before, sms.attempts, sms.sent_at), (morning, 0, None), "{night}: until 08:00, no attempt counted");
                assert_eq!(w.round(morning - 1, || 0.0).await.unwrap(), Round::default(), "{night}: not at 07:59");
                assert_eq!(w.round(morning, || 0.0).await.unwrap(), round(1, 0, 0), "{night}: at 08:00");
            }
            None => assert_eq!(w.round(at, || 0.0).await.unwrap(), round(2, 0, 0), "{night}: both at once"),
        }
    }
    assert_eq!(texts(&outbox).len(), 4);
    let rows = s.outbox_of(c).await.unwrap();
    assert!(rows.iter().all(|r| r.sent_at.is_some() && r.attempts == 1), "{rows:?}");
}

async fn a_reminder_goes_once_by_each_channel_the_day_before_and_a_restart_loses_nothing(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    reachable(s.as_ref(), c, Some("jonas@example.dk")).await;
    s.set_notice_periods(0, 0).await.unwrap();
    let staff = staff_user(cw);
    let meeting = || AppointmentInput::parse("2026-10-06", "10:00", "45", "Jobcentret", "Vejen 1", "no", "").unwrap();
    casework::add_appointment(s.as_ref(), &staff, c, meeting(), "k1", NOW).await.unwrap();
    casework::add_appointment(s.as_ref(), &staff, c, meeting(), "k1", NOW).await.unwrap();
    let start = cph(2026, 10, 6, 10, 0);
    let reminders = |rows: Vec<crate::features::notices::store::OutboxState>| {
        rows.into_iter().filter(|r| r.kind == "appointment_reminder").collect::<Vec<_>>()
    };
    let written = reminders(s.outbox_of(c).await.unwrap());
    assert_eq!(written.len(), 2, "one per channel, once for a double tap: {written:?}");
    assert!(written.iter().all(|r| r.not_before == start - 24 * HOUR));

    // The booking's own notices go now; the reminders wait for their day.
    let outbox = Arc::new(DevOutbox::default());
    assert_eq!(worker(&s, &outbox, "w1").round(NOW, || 0.0).await.unwrap().sent, 2);
    assert_eq!(worker(&s, &outbox, "w1").round(start - 24 * HOUR - 1, || 0.0).await.unwrap(), Round::default());

    // A server claims them when due and dies before sending; after a
    // restart another sends them once the lease has run out.
    let due = start - 24 * HOUR;
    assert_eq!(s.claim_due("died", &["email", "sms"], due, MINUTE, 50).await.unwrap().len(), 2);
    let restarted = worker(&s, &outbox, "w2");
    assert_eq!(restarted.round(due + MINUTE - 1, || 0.0).await.unwrap(), Round::default(), "held by the lease");
    assert_eq!(restarted.round(due + MINUTE + 1, || 0.0).await.unwrap(), round(2, 0, 0));
    assert_eq!(restarted.round(due + 2 * HOUR, || 0.0).await.unwrap(), Round::default(), "sent once");
    assert_eq!(texts(&outbox)[0], "Påmindelse fra Én Plan: du har en aftale i morgen. Se tid og sted i Én Plan.");
    let mails = outbox.mails();
    assert!(mails.iter().any(|(to, m)| to == "jonas@example.dk" && m.subject == "Påmindelse fra Én Plan"));
    // Confirming an address again (before the day, so the reminders would be
    // written) writes no second reminder for what was sent.
    s.start_email(c, "jonas@example.dk", "h2", "da", NOW + HOUR).await.unwrap();
    s.confirm_email(c, "h2", NOW + HOUR).await.unwrap();
    assert_eq!(reminders(s.outbox_of(c).await.unwrap()).len(), 2);

    // Reminders turned off by SMS: the next one goes by mail only.
    s.set_sms_muted(c, &Topic::Reminders.kinds(), NOW).await.unwrap();
    let later = || AppointmentInput::parse("2026-10-20", "13:30", "45", "Jobcentret", "Vejen 1", "no", "").unwrap();
    casework::add_appointment(s.as_ref(), &staff, c, later(), "k2", NOW).await.unwrap();
    assert_eq!(worker(&s, &outbox, "w1").round(NOW, || 0.0).await.unwrap().sent, 2, "the booking's notices");
    let due = cph(2026, 10, 19, 13, 30);
    assert_eq!(worker(&s, &outbox, "w1").round(due, || 0.0).await.unwrap(), round(1, 1, 0));
    let skipped: Vec<_> = reminders(s.outbox_of(c).await.unwrap()).into_iter().filter(|r| r.skip_reason.is_some()).collect();
    assert_eq!((skipped.len(), skipped[0].channel.as_str(), skipped[0].skip_reason.as_deref()), (1, "sms", Some(Skip::NotWanted.as_str())));

    // Booked for less than a day ahead: no reminder (the booking's notice tells of it).
    let soon = AppointmentInput::parse("2026-09-22", "09:00", "45", "Jobcentret", "Vejen 1", "no", "").unwrap();
    casework::add_appointment(s.as_ref(), &staff, c, soon, "k3", NOW).await.unwrap();
    assert_eq!(reminders(s.outbox_of(c).await.unwrap()).len(), 4);
}

async fn no_reminder_after_a_cancel_or_leaving_and_the_reminder_follows_a_move(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    reachable(s.as_ref(), c, None).await;
    s.set_notice_periods(0, 0).await.unwrap();
    // Only reminders by SMS here: the meetups' own notices turned off.
    let mut off = Topic::Meetups.kinds();
    off.extend(Topic::Plan.kinds());
    s.set_sms_muted(c, &off, NOW).await.unwrap();
    let h = person(s.as_ref(), "Vært Vera", None).await;
    s.grant_role(h, Role::Host, NOW).await.unwrap();
    let host = host_user(h);
    let name = |n: &str| crate::features::network::forms::parse_display_name(n).unwrap();
    network::set_display_name(s.as_ref(), Some(&host), &name("Vera")).await.unwrap();
    network::set_display_name(s.as_ref(), Some(&signed_in(c, true)), &name("Jonas")).await.unwrap();
    let g = network::create_group(s.as_ref(), Some(&host), group_input("Strik"), "g1", NOW).await.unwrap();
    let me = signed_in(c, true);
    let outbox = Arc::new(DevOutbox::default());
    let w = worker(&s, &outbox, "w1");
    let at_17 = |days: i64| crate::kernel::time::copenhagen_day_at(NOW, days, 17 * 60);
    let sms_rows = || async { s.outbox_of(c).await.unwrap() };

    // Going to a meetup in 5 days; it moves to 7 days: the reminder follows.
    let mu = network::post_meetup(s.as_ref(), Some(&host), g, meetup_input(5, "Biblioteket", 10), "m1", NOW).await.unwrap();
    network::sign_up(s.as_ref(), Some(&me), mu, NOW).await.unwrap();
    let rows = sms_rows().await;
    assert_eq!((rows.len(), rows[0].kind.as_str(), rows[0].not_before), (1, "meetup_reminder", at_17(4)));
    network::update_meetup(s.as_ref(), Some(&host), mu, meetup_input(7, "Biblioteket", 10), NOW + HOUR).await.unwrap();
    let rows = sms_rows().await;
    assert_eq!((rows.len(), rows[0].not_before), (1, at_17(6)), "re-dated, not a second one: {rows:?}");
    assert_eq!(w.round(at_17(4), || 0.0).await.unwrap(), Round::default(), "nothing at the old time");
    assert_eq!(w.round(at_17(6), || 0.0).await.unwrap(), round(1, 0, 0));
    // Moved again after its reminder went: a new one for the new time.
    network::update_meetup(s.as_ref(), Some(&host), mu, meetup_input(9, "Biblioteket", 10), at_17(6) + HOUR).await.unwrap();
    assert_eq!(w.round(at_17(8), || 0.0).await.unwrap(), round(1, 0, 0));
    assert_eq!(texts(&outbox).len(), 2);

    // A meetup left: its reminder is not sent. Signing up again: one reminder, not two.
    let left = network::post_meetup(s.as_ref(), Some(&host), g, meetup_input(12, "Caféen", 10), "m2", NOW).await.unwrap();
    network::sign_up(s.as_ref(), Some(&me), left, NOW).await.unwrap();
    network::cancel(s.as_ref(), Some(&me), left, NOW + MINUTE).await.unwrap();
    let back = network::post_meetup(s.as_ref(), Some(&host), g, meetup_input(14, "Caféen", 10), "m3", NOW).await.unwrap();
    network::sign_up(s.as_ref(), Some(&me), back, NOW).await.unwrap();
    network::cancel(s.as_ref(), Some(&me), back, NOW + MINUTE).await.unwrap();
    network::sign_up(s.as_ref(), Some(&me), back, NOW + 2 * MINUTE).await.unwrap();
    assert_eq!(w.round(at_17(11), || 0.0).await.unwrap(), round(0, 1, 0), "left: skipped");
    assert_eq!(w.round(at_17(13), || 0.0).await.unwrap(), round(1, 0, 0), "back again: once");

    // A cancelled meetup, and a cancelled appointment: not sent.
    let called_off = network::post_meetup(s.as_ref(), Some(&host), g, meetup_input(16, "Caféen", 10), "m4", NOW).await.unwrap();
    network::sign_up(s.as_ref(), Some(&me), called_off, NOW).await.unwrap();
    network::cancel_meetup(s.as_ref(), Some(&host), called_off, NOW + MINUTE).await.unwrap();
    let meeting = AppointmentInput::parse("2026-10-20", "10:00", "45", "Jobcentret", "Vejen 1", "no", "").unwrap();
    casework::add_appointment(s.as_ref(), &staff_user(cw), c, meeting, "a1", NOW).await.unwrap();
    let plan = s.plan_of(c).await.unwrap().unwrap();
    let booked = s.appointments(plan).await.unwrap()[0].id;
    casework::cancel_appointment(s.as_ref(), &staff_user(cw), c, booked, NOW + MINUTE).await.unwrap();
    assert_eq!(w.round(at_17(40), || 0.0).await.unwrap(), round(0, 2, 0));
    let rows = sms_rows().await;
    let not_due = rows.iter().filter(|r| r.skip_reason.as_deref() == Some(Skip::NotDue.as_str())).count();
    assert_eq!(not_due, 3, "left, cancelled meetup, cancelled appointment: {rows:?}");
    assert_eq!(texts(&outbox).len(), 3);
    assert!(texts(&outbox)
        .iter()
        .all(|t| t == "Påmindelse fra Én Plan: du har et møde, du er tilmeldt, i morgen. Se tid og sted i Én Plan."));
}

on_both_backends!(
    a_mobile_number_is_confirmed_by_a_code_and_each_channel_has_its_own_choices_and_throttle,
    an_sms_in_the_quiet_hours_waits_until_eight_across_midnight_and_both_daylight_saving_changes,
    a_reminder_goes_once_by_each_channel_the_day_before_and_a_restart_loses_nothing,
    no_reminder_after_a_cancel_or_leaving_and_the_reminder_follows_a_move,
);
