//! No mail tells anything about its event. Every event that makes a
//! notification is made here through the services the features use, with a
//! random marker in each free-text and name field it has (the citizen's,
//! caseworker's, host's and other attendee's names, display names and CPR
//! numbers, the goal's title, why and first step, the suggested wording and
//! the reasons, the budget's note, the spending purposes, the messages and
//! an attached file's name and bytes, the appointment's place, address and
//! note, the activity's title and responsible, the group's fields, the
//! meetup's place, address and description, and the host's message). Every
//! notice is then sent, by mail and by SMS, and none of the markers is in any
//! mail or SMS: each mail is the fixed text with the two links, each SMS the
//! fixed text. So is the reminder of an appointment, by both. Each story
//! runs on SQLite and on PostgreSQL.
//!
//! Every kind of `NotificationKind` is made; the test fails when a kind is
//! added and not made here.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::features::budget::forms::{GrantInput, SpendingAnswer, SpendingInput};
use crate::features::budget::service as budget;
use crate::features::casework::forms::{ActivityInput, AppointmentInput};
use crate::features::casework::service as casework;
use crate::features::conversation::attachments::FileKind;
use crate::features::conversation::service as conversation;
use crate::features::conversation::store::{NewAttachment, Spooled};
use crate::features::goals::forms::{GoalAnswer, GoalProposal};
use crate::features::goals::service as goals;
use crate::features::network::forms::{parse_announcement, parse_display_name, GroupInput, MeetupInput};
use crate::features::network::service as network;
use crate::features::notices::links::LinkKey;
use crate::features::notices::mail::{self, About, NoticeMail};
use crate::features::notices::worker::{DevOutbox, Round, Worker};
use crate::i18n::Lang;
use crate::kernel::ids::PersonId;
use crate::kernel::plan::Role;
use crate::kernel::text::MessageBody;
use crate::kernel::{GoalTitle, Reason};
use crate::routes;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

const MINUTE: i64 = 60_000;
const PORTAL: &str = "https://enplan.kommune.dk";
const ADDRESS: &str = "x@example.dk";
const PHONE: &str = "+4520304050";

/// Hands out markers and keeps them, to look for them in the mails.
#[derive(Default)]
struct Markers(Vec<String>);

impl Markers {
    /// A new word no mail has. Letters only, so every field takes it (a
    /// display name allows at most four digits).
    fn word(&mut self) -> String {
        use rand::Rng;
        let mut rng = rand::thread_rng();
        let tail: String = (0..12).map(|_| char::from(rng.gen_range(b'a'..=b'z'))).collect();
        self.keep(format!("Hemmeligt{tail}"))
    }

    /// A new random CPR number.
    fn cpr(&mut self) -> String {
        use rand::Rng;
        let mut rng = rand::thread_rng();
        self.keep(format!("{:06}-{:04}", rng.gen_range(0..1_000_000), rng.gen_range(0..10_000)))
    }

    fn keep(&mut self, marker: String) -> String {
        self.0.push(marker.clone());
        marker
    }
}

/// A person with a marked name (and CPR number, for a citizen).
async fn marked_person(s: &dyn Store, m: &mut Markers, citizen: bool) -> PersonId {
    let p = NewPerson { full_name: text(&m.word()), cpr: citizen.then(|| m.cpr()), subject: None, display_name: None };
    s.create_person(&p, NOW).await.unwrap()
}

async fn no_field_of_any_event_reaches_a_mail(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let t = |n: i64| NOW + n * MINUTE;
    let mut m = Markers::default();
    // Each notice is written and sent at once: no grace, no throttle.
    st.set_notice_periods(0, 0).await.unwrap();

    // The citizen, with a confirmed address, and their caseworker.
    let c = marked_person(st, &mut m, true).await;
    let cw = marked_person(st, &mut m, false).await;
    st.grant_role(cw, Role::Caseworker, NOW).await.unwrap();
    st.assign_caseworker(c, cw, AssignmentKind::Primary, NOW).await.unwrap();
    st.start_email(c, ADDRESS, "h", "da", NOW).await.unwrap();
    st.confirm_email(c, "h", NOW).await.unwrap();
    st.start_phone(c, PHONE, "p", "da", NOW).await.unwrap();
    st.confirm_phone(c, "p", NOW).await.unwrap();
    let (citizen, staff) = (signed_in(c, true), staff_user(cw));
    network::set_display_name(st, Some(&citizen), &parse_display_name(&m.word()).unwrap()).await.unwrap();
    // The kinds of the events made, one per notification.
    let mut made = Vec::new();

    // Activities (the first change makes the plan).
    let activity = ActivityInput::parse("job", &m.word(), &m.word(), "planned").unwrap();
    casework::add_activity(st, &staff, c, activity, Some("a1"), t(1)).await.unwrap();
    made.push(NotificationKind::ActivityAdded);
    let plan = st.plan_of(c).await.unwrap().unwrap();
    let act = st.activities(plan).await.unwrap()[0].id;
    let changed = ActivityInput::parse("social", &m.word(), &m.word(), "active").unwrap();
    casework::update_activity(st, &staff, c, act, changed, t(2)).await.unwrap();
    made.push(NotificationKind::ActivityChanged);

    // An appointment booked, then cancelled.
    let meeting = AppointmentInput::parse("2026-10-01", "10:00", "45", &m.word(), &m.word(), "no", &m.word()).unwrap();
    casework::add_appointment(st, &staff, c, meeting, "b1", t(3)).await.unwrap();
    made.push(NotificationKind::AppointmentBooked);
    let booked = st.appointments(plan).await.unwrap()[0].id;
    casework::cancel_appointment(st, &staff, c, booked, t(4)).await.unwrap();
    made.push(NotificationKind::AppointmentCancelled);
    // One kept, to be reminded of the day before (10:00 Copenhagen time).
    let kept = AppointmentInput::parse("2026-10-02", "10:00", "45", &m.word(), &m.word(), "no", &m.word()).unwrap();
    casework::add_appointment(st, &staff, c, kept, "b2", t(4)).await.unwrap();
    made.push(NotificationKind::AppointmentBooked);

    // Goals: another wording suggested, declined, accepted and the
    // acceptance corrected to a decline.
    let me = &citizen;
    let mut goal = |key: &'static str, at: i64| {
        let p = GoalProposal::parse(&m.word(), &m.word(), &m.word()).unwrap();
        async move { goals::propose(st, me, p, key, at).await.unwrap() }
    };
    let (adjusted, declined, accepted) = (goal("g1", t(5)).await, goal("g2", t(5)).await, goal("g3", t(5)).await);
    let adjust = GoalAnswer::Adjust { wording: GoalTitle::parse(&m.word()).unwrap(), reason: Reason::parse(&m.word()).unwrap() };
    goals::decide(st, &staff, adjusted, adjust, t(6)).await.unwrap();
    goals::decide(st, &staff, declined, GoalAnswer::Decline { reason: Reason::parse(&m.word()).unwrap() }, t(6)).await.unwrap();
    goals::decide(st, &staff, accepted, GoalAnswer::Accept, t(6)).await.unwrap();
    goals::correct(st, &staff, accepted, GoalAnswer::Decline { reason: Reason::parse(&m.word()).unwrap() }, t(7)).await.unwrap();
    made.extend([NotificationKind::GoalAnswered; 4]);
    // A complaint about the declined goal, kept by the caseworker.
    {
        use crate::features::complaints::{forms, service as complaints};
        let decision = st.decisions_of(c).await.unwrap().into_iter().find(|d| d.subject_id == declined.0).unwrap().id;
        let words = forms::parse_complaint(&m.word()).unwrap();
        let complaint = complaints::complain(st, me, decision, words, vec![], "k1", t(7), crate::i18n::Lang::Da).await.unwrap();
        complaints::uphold(st, &staff, complaint, forms::parse_uphold(&m.word()).unwrap(), t(7)).await.unwrap();
        made.push(NotificationKind::ComplaintAnswered);
    }

    // Spending requests, one linked to a goal: lowered, declined, approved.
    budget::grant(st, &staff, c, GrantInput::parse("10000", "12", &m.word()).unwrap(), t(8)).await.unwrap();
    let ask = |purpose: String, goal: String, key: &'static str| async move {
        budget::request(st, me, SpendingInput::parse("500", &purpose, &goal).unwrap(), key, t(9)).await.unwrap()
    };
    let lowered = ask(m.word(), accepted.0.to_string(), "s1").await;
    let refused = ask(m.word(), String::new(), "s2").await;
    let approved = ask(m.word(), String::new(), "s3").await;
    let lower = SpendingAnswer::Lower { amount: kr(100), reason: Reason::parse(&m.word()).unwrap() };
    budget::decide(st, &staff, lowered, lower, t(10)).await.unwrap();
    budget::decide(st, &staff, refused, SpendingAnswer::Decline { reason: Reason::parse(&m.word()).unwrap() }, t(10)).await.unwrap();
    budget::decide(st, &staff, approved, SpendingAnswer::Approve, t(10)).await.unwrap();
    made.extend([NotificationKind::SpendingAnswered; 3]);

    // The conversation: the citizen writes, the caseworker answers with a file.
    let body = |w: String| MessageBody::parse(&w).unwrap();
    conversation::send(st, &citizen, body(m.word()), vec![], "c1", t(11)).await.unwrap();
    let bytes = format!("%PDF-1.4 {}", m.word());
    let file = NewAttachment {
        file_name: format!("{}.pdf", m.word()),
        kind: FileKind::Pdf,
        size: bytes.len() as i64,
        data: Spooled::from_bytes(bytes.as_bytes()).unwrap(),
    };
    conversation::answer(st, &staff, c, body(m.word()), vec![file], "c2", t(12)).await.unwrap();
    made.push(NotificationKind::MessageAnswered);

    // A meetup with one place: another takes it, the citizen waits and moves
    // up when they cancel; then it changes, its host writes, and it is cancelled.
    let h = marked_person(st, &mut m, false).await;
    st.grant_role(h, Role::Host, NOW).await.unwrap();
    let host = host_user(h);
    network::set_display_name(st, Some(&host), &parse_display_name(&m.word()).unwrap()).await.unwrap();
    let group = GroupInput::parse(&m.word(), &m.word(), &m.word(), &m.word(), &m.word()).unwrap();
    let g = network::create_group(st, Some(&host), group, "n1", t(13)).await.unwrap();
    let (date, _) = crate::kernel::time::form_date_time(NOW + 2 * DAY);
    let meetup = |m: &mut Markers| MeetupInput::parse(&date, "17:00", "90", &m.word(), &m.word(), "1", &m.word()).unwrap();
    let mu = network::post_meetup(st, Some(&host), g, meetup(&mut m), "n2", t(14)).await.unwrap();
    let other = signed_in(marked_person(st, &mut m, true).await, true);
    network::set_display_name(st, Some(&other), &parse_display_name(&m.word()).unwrap()).await.unwrap();
    assert_eq!(network::sign_up(st, Some(&other), mu, t(15)).await.unwrap(), SignupStatus::Going);
    assert_eq!(network::sign_up(st, Some(&citizen), mu, t(16)).await.unwrap(), SignupStatus::Waiting);
    network::cancel(st, Some(&other), mu, t(17)).await.unwrap();
    made.push(NotificationKind::MeetupMovedUp);
    network::update_meetup(st, Some(&host), mu, meetup(&mut m), t(18)).await.unwrap();
    made.push(NotificationKind::MeetupChanged);
    network::announce(st, Some(&host), mu, &parse_announcement(&m.word()).unwrap(), "n3", t(19)).await.unwrap();
    made.push(NotificationKind::MeetupAnnouncement);
    network::cancel_meetup(st, Some(&host), mu, t(20)).await.unwrap();
    made.push(NotificationKind::MeetupCancelled);

    // Helpers: the citizen gives two accesses and helps someone twice,
    // begun long enough ago that one of each ends within 14 days and one of
    // each has ended by its date when the periodic round runs.
    {
        use crate::features::representation::{forms::InviteInput, service as helpers};
        use crate::kernel::representation::*;
        // Two helpers of hers, two citizens she helps (one access per pair).
        let (h1, h2) = (marked_person(st, &mut m, true).await, marked_person(st, &mut m, true).await);
        let (d1, d2) = (marked_person(st, &mut m, true).await, marked_person(st, &mut m, true).await);
        let input = InviteInput { kind: HelperKind::Fuldmaegtig, scopes: Scopes(vec![Scope::See]), months: 1 };
        for (n, (citizen, helper, days_ago)) in [(c, h1, 20), (d1, c, 40), (c, h2, 40), (d2, c, 20)].into_iter().enumerate() {
            let at = NOW - days_ago * 86_400_000;
            let code = helpers::invite(st, &signed_in(citizen, true), &input, &format!("h{n}"), at).await.unwrap();
            helpers::redeem(st, &signed_in(helper, true), &code, at, Lang::Da).await.unwrap();
            made.push(if citizen == c { NotificationKind::HelperStarted } else { NotificationKind::HelpingStarted });
        }
        assert_eq!(helpers::write_due_notices(st, t(21)).await.unwrap(), 4);
        made.extend([
            NotificationKind::HelperExpiring,
            NotificationKind::HelpingEnded,
            NotificationKind::HelperEnded,
            NotificationKind::HelpingExpiring,
        ]);
    }

    // Handed to a new caseworker (named by a marker), with a note and a message.
    {
        use crate::features::handover::{forms::HandoverInput, service as handover};
        let next = marked_person(st, &mut m, false).await;
        st.grant_role(next, crate::kernel::plan::Role::Caseworker, NOW).await.unwrap();
        let input = HandoverInput::parse(&next.0.to_string(), &m.word(), &m.word()).unwrap();
        let from = st.current_caseworker(c, AssignmentKind::Primary, NOW).await.unwrap();
        handover::hand_over(st, &staff, c, from, &input, "h1", t(22)).await.unwrap();
        made.push(NotificationKind::CaseworkerChanged);
    }

    let kinds: BTreeSet<&str> = made.iter().map(|k| k.as_str()).collect();
    let every: BTreeSet<&str> = NotificationKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(kinds, every, "every kind of notification is made here");

    // The worker, in rounds until nothing is left.
    let links = LinkKey::new(vec![7; 32]).unwrap();
    let outbox = Arc::new(DevOutbox::default());
    let w = Worker {
        store: s.clone(),
        mailer: Some(outbox.clone()),
        texter: Some(outbox.clone()),
        id: "w1".into(),
        portal: PORTAL.into(),
        lease_ms: MINUTE,
        batch: 5,
        parallel: 8,
        links: links.clone(),
    };
    let mut sent = 0;
    loop {
        let round = w.round(t(60), || 0.0).await.unwrap();
        assert_eq!(Round { sent: 0, ..round }, Round::default(), "every notice is sent");
        if round.sent == 0 {
            break;
        }
        sent += round.sent;
    }

    // One notice per event and channel, each sent.
    let rows = st.outbox_of(c).await.unwrap();
    let (reminders, notices): (Vec<_>, Vec<_>) = rows.iter().partition(|r| r.kind.ends_with("_reminder"));
    let mut written: Vec<(&str, &str)> = notices.iter().map(|r| (r.kind.as_str(), r.channel.as_str())).collect();
    let mut expected: Vec<(&str, &str)> = made.iter().flat_map(|k| [(k.as_str(), "email"), (k.as_str(), "sms")]).collect();
    written.sort_unstable();
    expected.sort_unstable();
    assert_eq!(written, expected, "one notice per event and channel");
    assert!(notices.iter().all(|r| r.sent_at.is_some()), "{notices:?}");
    assert!(reminders.iter().all(|r| r.sent_at.is_none() && r.skip_reason.is_none()), "reminders wait for their day: {reminders:?}");
    assert_eq!(sent, 2 * made.len(), "one mail and one SMS per event");

    // The reminders' day: the kept appointment's by mail and SMS; the
    // cancelled appointment's and the cancelled meetup's are not sent.
    let reminder_at =
        crate::kernel::time::copenhagen_local(crate::kernel::forms::LocalDate { year: 2026, month: 10, day: 1 }, 600).unwrap();
    // (Rounds of five rows, as above.)
    let (first, second) = (w.round(reminder_at, || 0.0).await.unwrap(), w.round(reminder_at, || 0.0).await.unwrap());
    let rows = st.outbox_of(c).await.unwrap();
    let reminder_rows: Vec<_> = rows.iter().filter(|r| r.kind.ends_with("_reminder")).collect();
    assert_eq!((first.sent + second.sent, first.failed + second.failed), (2, 0), "{first:?} {second:?} {reminder_rows:?}");
    let reminded: Vec<(&str, &str)> =
        rows.iter().filter(|r| r.sent_at == Some(reminder_at)).map(|r| (r.kind.as_str(), r.channel.as_str())).collect();
    assert_eq!(reminded, vec![("appointment_reminder", "email"), ("appointment_reminder", "sms")]);
    let not_due = rows.iter().filter(|r| r.skip_reason.as_deref() == Some("not_due")).count();
    assert_eq!(not_due, 4, "two channels × the cancelled appointment and the cancelled meetup: {rows:?}");
    let everything = outbox.mails();
    let (texts, mails): (Vec<_>, Vec<_>) = everything.iter().cloned().partition(|(_, m)| m.subject == "SMS");
    assert_eq!((mails.len(), texts.len()), (made.len() + 1, made.len() + 1));

    // The renderer's whole input. Every field is named and there is no `..`:
    // a field added to `NoticeMail` (a name, a title, an amount) stops this
    // file from compiling until it is looked at here.
    let input = NoticeMail {
        lang: Lang::Da,
        about: About::News,
        portal: format!("{PORTAL}{}", routes::NOTIFICATIONS),
        unsubscribe: format!("{PORTAL}{}", routes::unsubscribe(&links.token(c))),
    };
    let NoticeMail { lang: _, about: _, portal: _, unsubscribe: _ } = &input;
    let fixed = mail::notice(&input);
    let reminder = mail::notice(&NoticeMail {
        about: About::Appointment { tomorrow: true },
        portal: format!("{PORTAL}{}", routes::PLAN),
        ..input.clone()
    });
    let (news, reminded): (Vec<_>, Vec<_>) = mails.iter().partition(|(_, m)| m.subject == "Du har nyt i Én Plan");
    assert_eq!(reminded.len(), 1);
    for (to, notice) in &news {
        assert_eq!(to, ADDRESS);
        assert_eq!(notice, &fixed, "the fixed text and the two links, whatever the event");
    }
    assert_eq!(reminded[0], &(ADDRESS.to_string(), reminder), "the reminder's fixed text and the two links");
    let fixed_sms = mail::sms(Lang::Da, About::News);
    let reminder_sms = mail::sms(Lang::Da, About::Appointment { tomorrow: true });
    for (to, sms) in &texts {
        assert_eq!(to, PHONE);
        assert!(sms.text == fixed_sms || sms.text == reminder_sms, "the fixed text: {}", sms.text);
    }
    assert_eq!(texts.iter().filter(|(_, sms)| sms.text == reminder_sms).count(), 1);

    // And none of the words of the events.
    let everything = format!("{everything:?}").to_lowercase();
    for marker in &m.0 {
        assert!(!everything.contains(&marker.to_lowercase()), "{marker} in a mail or an SMS: {everything}");
    }
}

on_both_backends!(no_field_of_any_event_reaches_a_mail);
