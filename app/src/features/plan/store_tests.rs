//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::kernel::plan::{ActivityStatus, ActorKind, Department, GoalStatus};
use crate::kernel::{GoalTitle, LongText};
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn a_citizen_sees_their_own_plan_with_upcoming_appointments_and_who_changed_what(s: Arc<dyn Store>) {
    use crate::features::plan::service::my_plan;
    use crate::features::plan::views::Who;
    use crate::i18n::Lang;
    let (a, cw, _) = citizen_with_budget(s.as_ref()).await;
    let b = person(s.as_ref(), "Anden Borger", Some("011370-0009")).await;
    let plan_a = s.ensure_plan(a, NOW).await.unwrap();
    let plan_b = s.ensure_plan(b, NOW).await.unwrap();
    let goal = |t: &str| NewGoal {
        title: GoalTitle::parse(t).unwrap(),
        why: Some(LongText::parse("Så jeg kommer ud").unwrap()),
        first_step: None,
        status: GoalStatus::Proposed,
    };
    s.add_goal(plan_a, &goal("Komme i praktik"), Actor::citizen(a), NOW + 1).await.unwrap();
    s.add_goal(plan_b, &goal("B's hemmelige mål"), Actor::citizen(b), NOW + 1).await.unwrap();
    let act = NewActivity {
        department: Department::Health,
        title: text("Samtale"),
        responsible: text("Sundhedshuset"),
        status: ActivityStatus::Planned,
    };
    s.add_activity(plan_a, &act, Actor::staff(cw), None, NOW + 2).await.unwrap();
    for (starts_at, place) in [(NOW - DAY, "Fortid"), (NOW + 2 * DAY, "Senere"), (NOW + DAY, "Snart")] {
        let appt =
            NewAppointment { starts_at, duration_minutes: 30, place: text(place), address: text("Vej 1"), outreach: false, note: None };
        s.add_appointment(plan_a, &appt, Actor::staff(cw), None, NOW + 3).await.unwrap();
    }

    let view = my_plan(s.as_ref(), &signed_in(a, true), None, NOW, Lang::Da).await.unwrap().expect("A has a plan");
    assert_eq!(view.goals.iter().map(|g| g.title.as_str()).collect::<Vec<_>>(), ["Komme i praktik"], "only A's goals");
    assert_eq!(view.goals[0].why.as_deref(), Some("Så jeg kommer ud"));
    assert_eq!(view.activities.len(), 1);
    assert_eq!(view.appointments.iter().map(|x| x.place.as_str()).collect::<Vec<_>>(), ["Snart", "Senere"], "upcoming, soonest first");
    assert!(view.appointments[0].when.contains("kl."), "written out in Danish: {}", view.appointments[0].when);
    let kinds: Vec<(&str, &Who)> = view.history.iter().map(|h| (h.kind.as_str(), &h.who)).collect();
    assert_eq!(kinds.first(), Some(&("appointment_added", &Who::Named("Karin Sagsbehandler".into()))), "newest first, staff by name");
    assert!(kinds.contains(&("goal_added", &Who::You)), "the citizen's own change is 'you': {kinds:?}");
    assert_eq!(kinds.last(), Some(&("plan_created", &Who::System)));
    let everything = format!("{view:?}");
    assert!(!everything.contains("hemmelige"), "nothing of B's plan");

    assert!(my_plan(s.as_ref(), &signed_in(cw, false), None, NOW, Lang::Da).await.unwrap().is_none(), "staff have no plan of their own");
    let newcomer = person(s.as_ref(), "Ny Borger", Some("011370-0010")).await;
    assert!(my_plan(s.as_ref(), &signed_in(newcomer, true), None, NOW, Lang::En).await.unwrap().is_none());
    assert!(s.plan_of(newcomer).await.unwrap().is_none(), "reading never creates a plan");
}

async fn a_citizen_has_one_plan_and_every_change_lands_in_its_history(s: Arc<dyn Store>) {
    let c = person(&*s, "Sofie", Some("011370-0004")).await;
    let cw = person(&*s, "Karin", None).await;
    assert_eq!(s.plan_of(c).await.unwrap(), None);
    let plan = s.ensure_plan(c, NOW).await.unwrap();
    assert_eq!(s.ensure_plan(c, NOW + 1).await.unwrap(), plan, "still one plan");
    let goal = NewGoal { title: GoalTitle::parse("Få et fritidsjob").unwrap(), why: None, first_step: None, status: GoalStatus::Proposed };
    s.add_goal(plan, &goal, Actor::citizen(c), NOW + 2).await.unwrap();
    let act = NewActivity {
        department: Department::Job,
        title: text("Praktik"),
        responsible: text("Jobcentret"),
        status: ActivityStatus::Active,
    };
    s.add_activity(plan, &act, Actor::staff(cw), None, NOW + 3).await.unwrap();
    let appt = NewAppointment {
        starts_at: NOW + 7 * DAY,
        duration_minutes: 45,
        place: text("Café Nørrebro"),
        address: text("Mjølnerparken 1"),
        outreach: true,
        note: None,
    };
    s.add_appointment(plan, &appt, Actor::staff(cw), None, NOW + 4).await.unwrap();

    let goals = s.goals(plan).await.unwrap();
    assert_eq!((goals.len(), goals[0].title.as_str(), goals[0].status), (1, "Få et fritidsjob", GoalStatus::Proposed));
    assert_eq!(s.activities(plan).await.unwrap()[0].department, Department::Job);
    assert!(s.appointments(plan).await.unwrap()[0].outreach);
    let history: Vec<(String, ActorKind)> = s.history(plan).await.unwrap().into_iter().map(|e| (e.kind, e.actor_kind)).collect();
    assert_eq!(
        history,
        vec![
            ("plan_created".into(), ActorKind::System),
            ("goal_added".into(), ActorKind::Citizen),
            ("activity_added".into(), ActorKind::Staff),
            ("appointment_added".into(), ActorKind::Staff),
        ]
    );
}

async fn a_long_history_is_shown_a_page_at_a_time_to_the_citizen_and_the_caseworker(s: Arc<dyn Store>) {
    use crate::features::casework::service::open_plan;
    use crate::features::plan::service::my_plan;
    use crate::i18n::Lang;
    use crate::kernel::paging::{Before, BEFORE, PAGE_SIZE};
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let plan = s.plan_of(c).await.unwrap().unwrap();
    for i in 0..70 {
        let note = LongText::parse(&format!("Note {i}")).unwrap();
        s.add_meeting_note(plan, cw, &note, &format!("n{i}"), NOW + i / 4).await.unwrap();
    }
    let all: Vec<String> = s.history(plan).await.unwrap().into_iter().rev().map(|e| e.kind).collect();
    let cursor = |older: &str| Before::parse(older.split_once(&format!("{BEFORE}=")).unwrap().1.trim_end_matches("#historik"));
    let first = my_plan(s.as_ref(), &signed_in(c, true), None, NOW + 100, Lang::Da).await.unwrap().unwrap();
    assert_eq!((first.history.len(), first.history_later), (PAGE_SIZE, false));
    let older = first.history_older.clone().expect("more history");
    assert!(older.starts_with("/min-plan?foer=") && older.ends_with("#historik"), "{older}");
    let second = my_plan(s.as_ref(), &signed_in(c, true), cursor(&older), NOW + 100, Lang::Da).await.unwrap().unwrap();
    assert_eq!((second.history_older.as_ref(), second.history_later), (None, true));
    let shown: Vec<String> = first.history.iter().chain(&second.history).map(|h| h.kind.clone()).collect();
    assert_eq!(shown, all, "every event once, newest first");
    assert_eq!(second.goals.len(), first.goals.len(), "the rest of the plan is the same on every page");

    let staff = open_plan(s.as_ref(), &staff_user(cw), c, None, NOW + 100, Lang::Da).await.unwrap();
    let staff_older = staff.plan.history_older.expect("more history");
    assert!(staff_older.starts_with(&format!("{}?foer=", crate::routes::citizen(c.0))), "{staff_older}");
}

/// The notices issue: a meeting booked or cancelled and an activity added or
/// changed by the caseworker tell the citizen in the portal (and, for a
/// confirmed address, write the e-mail notice), in the same transaction.
async fn the_caseworker_s_meetings_and_activities_tell_the_citizen(s: Arc<dyn Store>) {
    use crate::features::notifications::notice::NotificationKind as K;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let plan = s.plan_of(c).await.unwrap().unwrap();
    s.start_email(c, "jonas@example.dk", "h", "da", NOW).await.unwrap();
    s.confirm_email(c, "h", NOW).await.unwrap();
    let act = NewActivity {
        department: Department::Job,
        title: text("Praktik"),
        responsible: text("Jobcentret"),
        status: ActivityStatus::Planned,
    };
    let activity = s.add_activity(plan, &act, Actor::staff(cw), Some("a1"), NOW).await.unwrap().id();
    s.update_activity(plan, activity, &NewActivity { status: ActivityStatus::Active, ..act.clone() }, Actor::staff(cw), NOW + 1)
        .await
        .unwrap();
    let appt = NewAppointment {
        starts_at: NOW + DAY,
        duration_minutes: 30,
        place: text("Café"),
        address: text("Vej 1"),
        outreach: true,
        note: None,
    };
    let meeting = s.add_appointment(plan, &appt, Actor::staff(cw), Some("m1"), NOW + 2).await.unwrap().id();
    s.cancel_appointment(plan, meeting, Actor::staff(cw), NOW + 3).await.unwrap();
    s.cancel_appointment(plan, meeting, Actor::staff(cw), NOW + 4).await.unwrap();
    // A repeat of the same submit (its key) and the citizen's own change tell nobody again.
    s.add_activity(plan, &act, Actor::staff(cw), Some("a1"), NOW + 5).await.unwrap();
    s.add_activity(plan, &act, Actor::citizen(c), None, NOW + 6).await.unwrap();
    let kinds: Vec<String> = s.notifications(c).await.unwrap().into_iter().map(|n| n.kind).collect();
    let mut kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
    kinds.sort();
    let mut expected = [K::ActivityAdded, K::ActivityChanged, K::AppointmentBooked, K::AppointmentCancelled].map(|k| k.as_str());
    expected.sort();
    assert_eq!(kinds, expected, "one each, a cancel twice is once");
    assert_eq!(s.outbox_of(c).await.unwrap().len(), 4, "and an e-mail notice each, written with them");
    let texts = crate::i18n::Lang::Da.texts();
    assert!(texts.notification("appointment_booked").contains("møde"));
    assert_eq!(crate::features::notifications::notice::Notice::new(K::AppointmentCancelled, meeting.0).link(), "/min-plan#aftaler");
}

on_both_backends!(
    the_caseworker_s_meetings_and_activities_tell_the_citizen,
    a_long_history_is_shown_a_page_at_a_time_to_the_citizen_and_the_caseworker,
    a_citizen_sees_their_own_plan_with_upcoming_appointments_and_who_changed_what,
    a_citizen_has_one_plan_and_every_change_lands_in_its_history,
);
