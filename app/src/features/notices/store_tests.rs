//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::goals::forms::GoalAnswer;
use crate::features::goals::service as goals;
use crate::features::notices::mail::Rendered;
use crate::features::notices::rules::{decide, Decision};
use crate::features::notices::store::{CodeStart, Confirmation, Skip, CODE_SENDS_PER_HOUR, CODE_TRIES};
use crate::features::notices::worker::{DevOutbox, Mailer, Round, SendError, Worker};
use crate::kernel::ids::PersonId;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

const MINUTE: i64 = 60_000;
/// Both channels, as a worker with both transports claims.
const ALL: &[&str] = &["email", "sms"];
const GRACE: i64 = 15 * MINUTE;
const THROTTLE: i64 = 3 * 60 * MINUTE;

/// Gives `person` a confirmed address.
pub(super) async fn confirmed(s: &dyn Store, person: PersonId, email: &str) {
    s.start_email(person, email, "hash-of-123456", "da", NOW).await.unwrap();
    assert_eq!(s.confirm_email(person, "hash-of-123456", NOW + MINUTE).await.unwrap(), Confirmation::Confirmed);
}

/// The caseworker answers a new proposal of the citizen's (a notifying event) at `at`.
pub(super) async fn answered(s: &dyn Store, citizen: PersonId, cw: PersonId, title: &str, at: i64) -> crate::kernel::ids::GoalId {
    let goal = goals::propose(s, &signed_in(citizen, true), proposal(title), title, at).await.unwrap();
    goals::decide(s, &staff_user(cw), goal, GoalAnswer::Accept, at).await.unwrap();
    goal
}

async fn a_notice_is_written_with_its_event_and_only_for_a_confirmed_wanted_address(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    answered(s.as_ref(), c, cw, "Uden adresse", NOW).await;
    assert_eq!(s.outbox_of(c).await.unwrap(), vec![], "no address: a notification in the portal only");
    assert_eq!(s.unread_notifications(c).await.unwrap(), 1);

    s.start_email(c, "jonas@example.dk", "hash", "da", NOW).await.unwrap();
    answered(s.as_ref(), c, cw, "Ubekræftet", NOW).await;
    assert_eq!(s.outbox_of(c).await.unwrap(), vec![], "an address not yet confirmed gets nothing");

    assert_eq!(s.confirm_email(c, "hash", NOW).await.unwrap(), Confirmation::Confirmed);
    let goal = answered(s.as_ref(), c, cw, "Bekræftet", NOW + MINUTE).await;
    let rows = s.outbox_of(c).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].kind.as_str(), rows[0].not_before), ("goal_answered", NOW + MINUTE + GRACE), "due after the grace period");

    // An event refused (answering an answered goal) writes neither.
    let again = goals::decide(s.as_ref(), &staff_user(cw), goal, GoalAnswer::Accept, NOW + 2 * MINUTE).await;
    assert!(again.is_err());
    assert_eq!(s.outbox_of(c).await.unwrap().len(), 1, "no notice without its event");

    // The kind turned off, then everything: nothing more is written.
    s.set_muted(c, &["goal_answered"], NOW).await.unwrap();
    answered(s.as_ref(), c, cw, "Slået fra", NOW + 3 * MINUTE).await;
    s.set_muted(c, &[], NOW).await.unwrap();
    s.set_unsubscribed(c, true, NOW).await.unwrap();
    answered(s.as_ref(), c, cw, "Afmeldt", NOW + 4 * MINUTE).await;
    assert_eq!(s.outbox_of(c).await.unwrap().len(), 1);
    s.set_unsubscribed(c, false, NOW).await.unwrap();
    answered(s.as_ref(), c, cw, "Tilmeldt igen", NOW + 5 * MINUTE).await;
    assert_eq!(s.outbox_of(c).await.unwrap().len(), 2);
}

async fn grace_and_throttle_decide_on_a_manual_clock(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    confirmed(s.as_ref(), c, "jonas@example.dk").await;
    assert_eq!(s.notice_periods().await.unwrap(), (GRACE, THROTTLE), "the defaults");
    answered(s.as_ref(), c, cw, "Første", NOW).await;
    assert_eq!(s.claim_due("w", ALL, NOW + GRACE - 1, MINUTE, 10).await.unwrap(), vec![], "not before the grace period is over");
    let due = s.claim_due("w", ALL, NOW + GRACE, MINUTE, 10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(decide(&due[0], NOW + GRACE, THROTTLE), Decision::Send("jonas@example.dk".into()));
    s.mark_sent(due[0].id, NOW + GRACE).await.unwrap();

    // A second event an hour later: within the throttle period, skipped.
    answered(s.as_ref(), c, cw, "Anden", NOW + 60 * MINUTE).await;
    let due = s.claim_due("w", ALL, NOW + 60 * MINUTE + GRACE, MINUTE, 10).await.unwrap();
    assert_eq!(decide(&due[0], NOW + 60 * MINUTE + GRACE, THROTTLE), Decision::Skip(Skip::Throttled));
    s.mark_skipped(due[0].id, Skip::Throttled, NOW + 60 * MINUTE + GRACE).await.unwrap();

    // Seen in the portal within the grace period: skipped.
    let later = NOW + 5 * 60 * MINUTE;
    answered(s.as_ref(), c, cw, "Tredje", later).await;
    s.mark_notifications_read(c, later + MINUTE).await.unwrap();
    let due = s.claim_due("w", ALL, later + GRACE, MINUTE, 10).await.unwrap();
    assert_eq!(decide(&due[0], later + GRACE, THROTTLE), Decision::Skip(Skip::Seen));
    s.mark_skipped(due[0].id, Skip::Seen, later + GRACE).await.unwrap();

    // The address removed before sending: the row is read as it is now.
    answered(s.as_ref(), c, cw, "Fjerde", later + 60 * MINUTE).await;
    s.remove_email(c, later + 61 * MINUTE).await.unwrap();
    let due = s.claim_due("w", ALL, later + 60 * MINUTE + GRACE, MINUTE, 10).await.unwrap();
    assert_eq!(decide(&due[0], later + 60 * MINUTE + GRACE, THROTTLE), Decision::Skip(Skip::NoAddress));

    let rows = s.outbox_of(c).await.unwrap();
    let reasons: Vec<Option<&str>> = rows.iter().map(|r| r.skip_reason.as_deref()).collect();
    assert_eq!(reasons, [None, Some("throttled"), Some("seen"), None]);
    assert!(rows[0].sent_at.is_some());

    // The periods are settings: seconds, as tests set them.
    s.set_notice_periods(2, 5).await.unwrap();
    assert_eq!(s.notice_periods().await.unwrap(), (2_000, 5_000));
}

async fn an_expired_lease_is_claimed_again_and_a_live_one_is_not(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    confirmed(s.as_ref(), c, "jonas@example.dk").await;
    answered(s.as_ref(), c, cw, "Et mål", NOW).await;
    let t = NOW + GRACE;
    let first = s.claim_due("worker-a", ALL, t, MINUTE, 10).await.unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(s.claim_due("worker-b", ALL, t + MINUTE - 1, MINUTE, 10).await.unwrap(), vec![], "held while the lease runs");
    let again = s.claim_due("worker-b", ALL, t + MINUTE + 1, MINUTE, 10).await.unwrap();
    assert_eq!(again.iter().map(|d| d.id).collect::<Vec<_>>(), vec![first[0].id], "worker-a died: worker-b takes it");
    s.mark_retry(again[0].id, "421 try later", t + 2 * MINUTE).await.unwrap();
    assert_eq!(s.claim_due("worker-b", ALL, t + 2 * MINUTE - 1, MINUTE, 10).await.unwrap(), vec![], "waits for its retry time");
    let retried = s.claim_due("worker-b", ALL, t + 2 * MINUTE, MINUTE, 10).await.unwrap();
    assert_eq!(retried[0].attempts, 1);
    s.mark_failed(retried[0].id, "550 no such mailbox", t + 2 * MINUTE).await.unwrap();
    assert_eq!(s.claim_due("worker-b", ALL, t + 60 * MINUTE, MINUTE, 10).await.unwrap(), vec![], "given up is done");
    let row = &s.outbox_of(c).await.unwrap()[0];
    assert_eq!((row.attempts, row.last_error.as_deref(), row.failed_at.is_some()), (2, Some("550 no such mailbox"), true));
}

async fn workers_claiming_at_once_each_get_different_notices(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    confirmed(s.as_ref(), c, "jonas@example.dk").await;
    s.set_per_hour(PerHour::Goals, 1_000).await.unwrap();
    for i in 0..40 {
        answered(s.as_ref(), c, cw, &format!("Mål {i}"), NOW).await;
    }
    let claims = at_once(&s, 4, |s, i| async move { s.claim_due(&format!("w{i}"), ALL, NOW + GRACE, MINUTE, 15).await.unwrap() }).await;
    let ids: Vec<i64> = claims.iter().flatten().map(|d| d.id).collect();
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!((ids.len(), unique.len()), (40, 40), "every notice claimed once: {:?}", claims.iter().map(Vec::len).collect::<Vec<_>>());
}

async fn a_code_confirms_the_address_within_five_tries_and_fifteen_minutes(s: Arc<dyn Store>) {
    let (c, _) = citizen_with_plan(s.as_ref()).await;
    assert_eq!(s.confirm_email(c, "x", NOW).await.unwrap(), Confirmation::NothingPending);
    s.start_email(c, "ny@example.dk", "right", "da", NOW).await.unwrap();
    assert_eq!(s.confirm_email(c, "wrong", NOW).await.unwrap(), Confirmation::Wrong(CODE_TRIES - 1));
    assert_eq!(s.confirm_email(c, "right", NOW + 15 * MINUTE + 1).await.unwrap(), Confirmation::Expired, "too late");
    // A new code starts the tries again; parallel guesses get five tries between them.
    s.start_email(c, "ny@example.dk", "right", "da", NOW + 16 * MINUTE).await.unwrap();
    let guesses = at_once(&s, 8, |s, i| async move { s.confirm_email(c, &format!("guess-{i}"), NOW + 17 * MINUTE).await.unwrap() }).await;
    assert_eq!(guesses.iter().filter(|g| matches!(g, Confirmation::Wrong(_))).count(), CODE_TRIES as usize, "{guesses:?}");
    assert_eq!(s.confirm_email(c, "right", NOW + 18 * MINUTE).await.unwrap(), Confirmation::Expired, "tried too often");
    let contact = s.contact(c).await.unwrap().unwrap();
    assert_eq!((contact.email, contact.pending_email.as_deref()), (None, Some("ny@example.dk")));

    s.start_email(c, "ny@example.dk", "right", "da", NOW + 30 * MINUTE).await.unwrap();
    assert_eq!(s.confirm_email(c, "right", NOW + 31 * MINUTE).await.unwrap(), Confirmation::Confirmed);
    let contact = s.contact(c).await.unwrap().unwrap();
    assert_eq!((contact.email.as_deref(), contact.pending_email), (Some("ny@example.dk"), None));
    // A new address waits for its code; the confirmed one stays until then.
    s.start_email(c, "andet@example.dk", "other", "da", NOW + 40 * MINUTE).await.unwrap();
    assert_eq!(s.contact(c).await.unwrap().unwrap().email.as_deref(), Some("ny@example.dk"));
}

/// A mailer whose server answers every time with this.
struct Refusing(SendError);

#[async_trait::async_trait]
impl Mailer for Refusing {
    async fn send(&self, _to: &str, _mail: &Rendered) -> Result<(), SendError> {
        Err(self.0.clone())
    }
}

fn worker(s: &Arc<dyn Store>, mailer: Arc<dyn Mailer>) -> Worker {
    Worker {
        store: s.clone(),
        mailer: Some(mailer),
        texter: None,
        id: "w1".into(),
        portal: "https://enplan.kommune.dk".into(),
        lease_ms: MINUTE,
        batch: 50,
        parallel: 8,
        links: crate::features::notices::links::LinkKey::new(vec![7; 32]).unwrap(),
    }
}

async fn the_worker_sends_the_fixed_text_once_and_skips_within_the_throttle(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    confirmed(s.as_ref(), c, "jonas@example.dk").await;
    // Words that must never reach a mail, in every field the event has.
    let secret = "Hemmeligt-7f3a9c";
    let goal = goals::propose(s.as_ref(), &signed_in(c, true), proposal(&format!("Mål {secret}")), "k", NOW).await.unwrap();
    let reason = crate::kernel::Reason::parse(&format!("Fordi {secret}")).unwrap();
    let wording = crate::kernel::GoalTitle::parse(&format!("Andet {secret}")).unwrap();
    goals::decide(s.as_ref(), &staff_user(cw), goal, GoalAnswer::Adjust { wording, reason }, NOW).await.unwrap();
    answered(s.as_ref(), c, cw, &format!("Næste {secret}"), NOW + MINUTE).await;
    let outbox = Arc::new(DevOutbox::default());
    let w = worker(&s, outbox.clone());
    assert_eq!(w.round(NOW + GRACE - 1, || 0.0).await.unwrap(), Round::default(), "nothing due yet");
    let round = w.round(NOW + GRACE + MINUTE, || 0.0).await.unwrap();
    assert_eq!((round.sent, round.skipped), (1, 1), "two events, one mail: the second is within the throttle");
    let mails = outbox.mails();
    assert_eq!(mails.len(), 1);
    let (to, mail) = &mails[0];
    assert_eq!(to, "jonas@example.dk");
    assert_eq!(mail.subject, "Du har nyt i Én Plan");
    assert!(mail.text.contains("https://enplan.kommune.dk/beskeder"), "{}", mail.text);
    let everything = format!("{mails:?}");
    for never in [secret, "Jonas", "Karin", "Mål", "Fordi"] {
        assert!(!everything.contains(never), "{never} in a mail: {everything}");
    }
    assert_eq!(w.round(NOW + GRACE + 2 * MINUTE, || 0.0).await.unwrap(), Round::default(), "each notice once");
}

async fn a_failing_mail_server_is_retried_with_backoff_and_a_permanent_refusal_kept(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    confirmed(s.as_ref(), c, "jonas@example.dk").await;
    answered(s.as_ref(), c, cw, "Et", NOW).await;
    let away = worker(&s, Arc::new(Refusing(SendError { permanent: false, reason: "421 service not available".into() })));
    let t = NOW + GRACE;
    assert_eq!(away.round(t, || 0.0).await.unwrap().retried, 1);
    assert_eq!(away.round(t + 29_999, || 0.0).await.unwrap(), Round::default(), "backs off 30 s");
    assert_eq!(away.round(t + 30_000, || 0.0).await.unwrap().retried, 1);
    let row = &s.outbox_of(c).await.unwrap()[0];
    assert_eq!((row.attempts, row.not_before, row.last_error.as_deref()), (2, t + 90_000, Some("421 service not available")), "then 60 s");
    // Back: the next round sends it.
    let outbox = Arc::new(DevOutbox::default());
    assert_eq!(worker(&s, outbox.clone()).round(t + 90_000, || 0.0).await.unwrap().sent, 1);

    answered(s.as_ref(), c, cw, "To", NOW + 4 * 60 * MINUTE).await;
    let refused = worker(&s, Arc::new(Refusing(SendError { permanent: true, reason: "550 no such user".into() })));
    assert_eq!(refused.round(NOW + 4 * 60 * MINUTE + GRACE, || 0.0).await.unwrap().failed, 1, "not retried");
    let rows = s.outbox_of(c).await.unwrap();
    assert_eq!((rows[1].failed_at.is_some(), rows[1].last_error.as_deref()), (true, Some("550 no such user")));
}

async fn a_double_tap_sends_one_code_and_an_hour_holds_at_most_five(s: Arc<dyn Store>) {
    let (c, _) = citizen_with_plan(s.as_ref()).await;
    assert_eq!(s.start_email(c, "a@example.dk", "h1", "en", NOW).await.unwrap(), CodeStart::Started);
    assert_eq!(s.start_email(c, "a@example.dk", "h2", "en", NOW + 1_000).await.unwrap(), CodeStart::AlreadySent, "a double tap");
    assert_eq!(s.confirm_email(c, "h2", NOW + 2_000).await.unwrap(), Confirmation::Wrong(CODE_TRIES - 1), "the first code stands");
    let taps =
        at_once(&s, 6, |s, i| async move { s.start_email(c, "b@example.dk", &format!("t{i}"), "en", NOW + 3_000).await.unwrap() }).await;
    assert_eq!(taps.iter().filter(|t| **t == CodeStart::Started).count(), 1, "parallel taps send one code: {taps:?}");
    for (i, address) in ["c@example.dk", "d@example.dk", "e@example.dk"].iter().enumerate() {
        assert_eq!(s.start_email(c, address, "h", "en", NOW + (i as i64 + 2) * MINUTE).await.unwrap(), CodeStart::Started);
    }
    assert_eq!(CODE_SENDS_PER_HOUR, 5);
    assert_eq!(
        s.start_email(c, "f@example.dk", "h", "en", NOW + 10 * MINUTE).await.unwrap(),
        CodeStart::TooMany,
        "the sixth within the hour"
    );
    let contact = s.contact(c).await.unwrap().unwrap();
    assert_eq!((contact.pending_email.as_deref(), contact.lang.as_str()), (Some("e@example.dk"), "en"), "refused: nothing changed");
    assert_eq!(s.start_email(c, "f@example.dk", "h", "da", NOW + 61 * MINUTE).await.unwrap(), CodeStart::Started, "a new hour");
    s.cancel_email(c, NOW + 62 * MINUTE).await.unwrap();
    let contact = s.contact(c).await.unwrap().unwrap();
    assert_eq!((contact.pending_email, contact.email), (None, None));
    assert_eq!(s.confirm_email(c, "h", NOW + 62 * MINUTE).await.unwrap(), Confirmation::NothingPending);
}

async fn two_workers_at_once_send_one_notice_per_person_within_the_throttle(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    confirmed(s.as_ref(), c, "jonas@example.dk").await;
    s.set_per_hour(PerHour::Goals, 1_000).await.unwrap();
    for i in 0..6 {
        answered(s.as_ref(), c, cw, &format!("Mål {i}"), NOW).await;
    }
    let outbox = Arc::new(DevOutbox::default());
    let rounds = at_once(&s, 3, |s, i| {
        let outbox = outbox.clone();
        async move {
            let w = Worker { id: format!("w{i}"), batch: 2, ..worker(&s, outbox) };
            w.round(NOW + GRACE, || 0.5).await.unwrap()
        }
    })
    .await;
    assert_eq!(rounds.iter().map(|r| r.sent + r.skipped).sum::<usize>(), 6, "{rounds:?}");
    assert_eq!(outbox.mails().len(), 1, "one mail, however the rows fell between the workers: {rounds:?}");

    // The throttle is a reservation per row: the row that took it may try
    // again (a retry, a claim after a crash); giving it back lets the next in.
    let (p, row) = (c, 9_999_999);
    let later = NOW + 10 * THROTTLE;
    assert!(s.reserve_notice(p, "email", row, later, THROTTLE).await.unwrap());
    assert!(s.reserve_notice(p, "email", row, later + 1, THROTTLE).await.unwrap(), "the same row again");
    assert!(!s.reserve_notice(p, "email", row + 1, later + 2, THROTTLE).await.unwrap(), "another row within the throttle");
    s.release_notice(p, "email", row, None).await.unwrap();
    assert!(s.reserve_notice(p, "email", row + 1, later + 3, THROTTLE).await.unwrap(), "given back");
}

async fn a_given_up_notice_is_shown_to_the_owner_until_one_goes_through(s: Arc<dyn Store>) {
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    assert_eq!(s.last_failure(c, "email").await.unwrap(), None);
    confirmed(s.as_ref(), c, "jonas@example.dk").await;
    answered(s.as_ref(), c, cw, "Et", NOW).await;
    let refused = worker(&s, Arc::new(Refusing(SendError { permanent: true, reason: "550 5.1.1 mailbox unavailable".into() })));
    assert_eq!(refused.round(NOW + GRACE, || 0.0).await.unwrap().failed, 1);
    assert_eq!(s.last_failure(c, "email").await.unwrap().as_deref(), Some("550 5.1.1 mailbox unavailable"));
    assert_eq!(s.last_failure(cw, "email").await.unwrap(), None, "only the owner's");

    // The throttle was given back: the next notice goes at once after its grace.
    answered(s.as_ref(), c, cw, "To", NOW + GRACE + MINUTE).await;
    let outbox = Arc::new(DevOutbox::default());
    assert_eq!(worker(&s, outbox.clone()).round(NOW + 2 * GRACE + MINUTE, || 0.0).await.unwrap().sent, 1);
    assert_eq!(s.last_failure(c, "email").await.unwrap(), None, "sent since");

    // A new address starts clean.
    answered(s.as_ref(), c, cw, "Tre", NOW + 4 * 60 * MINUTE).await;
    refused.round(NOW + 4 * 60 * MINUTE + GRACE, || 0.0).await.unwrap();
    assert!(s.last_failure(c, "email").await.unwrap().is_some());
    s.start_email(c, "ny@example.dk", "h", "da", NOW + 5 * 60 * MINUTE).await.unwrap();
    s.confirm_email(c, "h", NOW + 5 * 60 * MINUTE).await.unwrap();
    assert_eq!(s.last_failure(c, "email").await.unwrap(), None);
}

on_both_backends!(
    a_double_tap_sends_one_code_and_an_hour_holds_at_most_five,
    two_workers_at_once_send_one_notice_per_person_within_the_throttle,
    a_given_up_notice_is_shown_to_the_owner_until_one_goes_through,
    the_worker_sends_the_fixed_text_once_and_skips_within_the_throttle,
    a_failing_mail_server_is_retried_with_backoff_and_a_permanent_refusal_kept,
    a_notice_is_written_with_its_event_and_only_for_a_confirmed_wanted_address,
    grace_and_throttle_decide_on_a_manual_clock,
    an_expired_lease_is_claimed_again_and_a_live_one_is_not,
    workers_claiming_at_once_each_get_different_notices,
    a_code_confirms_the_address_within_five_tries_and_fifteen_minutes,
);
