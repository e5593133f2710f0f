//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::kernel::plan::{ActivityStatus, Department, Role};
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn staff_act_for_a_citizen_only_as_their_caseworker_or_stand_in_and_their_reads_are_logged(s: Arc<dyn Store>) {
    use crate::ssr::access::{staff_for, Capacity, Purpose};
    let (c, karin, _) = citizen_with_budget(s.as_ref()).await;
    let jonas = person(s.as_ref(), "Jonas Lund", None).await;
    let other = person(s.as_ref(), "Anden Sagsbehandler", None).await;
    for p in [jonas, other] {
        s.grant_role(p, Role::Caseworker, NOW).await.unwrap();
    }
    s.assign_caseworker(c, jonas, AssignmentKind::Standin, NOW).await.unwrap();
    let staff = |id| crate::ssr::auth::CurrentUser { roles: vec![Role::Caseworker], ..signed_in(id, false) };

    let acting = staff_for(s.as_ref(), &staff(karin), c, NOW).await.unwrap();
    assert_eq!((acting.citizen, acting.actor, acting.capacity), (c, karin, Capacity::Caseworker));
    assert_eq!(staff_for(s.as_ref(), &staff(jonas), c, NOW).await.unwrap().capacity, Capacity::Standin);
    assert!(staff_for(s.as_ref(), &staff(other), c, NOW).await.is_err(), "another caseworker");
    assert!(staff_for(s.as_ref(), &signed_in(karin, false), c, NOW).await.is_err(), "without the caseworker role");
    assert!(staff_for(s.as_ref(), &staff(c), c, NOW).await.is_err(), "nobody is their own caseworker");

    acting.log_read(s.as_ref(), Purpose::BudgetWork, NOW + 1).await.unwrap();
    crate::ssr::access::citizen_self(&signed_in(c, true)).unwrap().log_read(s.as_ref(), Purpose::BudgetWork, NOW + 2).await.unwrap();
    let log = s.access_log(c).await.unwrap();
    assert_eq!(log.len(), 1, "the citizen's own read is not logged");
    assert_eq!((log[0].staff_id, log[0].purpose.as_str()), (karin, "budget_work"));

    s.assign_caseworker(c, other, AssignmentKind::Primary, NOW + DAY).await.unwrap();
    assert!(staff_for(s.as_ref(), &staff(karin), c, NOW + DAY).await.is_err(), "after the handover the old caseworker acts for nobody");
    assert_eq!(staff_for(s.as_ref(), &staff(other), c, NOW + DAY).await.unwrap().capacity, Capacity::Caseworker);
}

async fn a_citizen_has_one_caseworker_at_a_time_and_the_changes_are_counted(s: Arc<dyn Store>) {
    let (a, b) = (person(&*s, "A Sagsbehandler", None).await, person(&*s, "B Sagsbehandler", None).await);
    let c = person(&*s, "Camilla", Some("011370-0003")).await;
    s.assign_caseworker(c, a, AssignmentKind::Primary, NOW - 100 * DAY).await.unwrap();
    s.assign_caseworker(c, a, AssignmentKind::Primary, NOW - 90 * DAY).await.unwrap();
    assert_eq!(s.caseworker_count_since(c, NOW - 365 * DAY).await.unwrap(), 1, "re-assigning the same person changes nothing");
    s.assign_caseworker(c, b, AssignmentKind::Primary, NOW - 10 * DAY).await.unwrap();
    assert_eq!(s.current_caseworker(c, AssignmentKind::Primary, NOW).await.unwrap(), Some(b));
    assert_eq!(s.caseworker_count_since(c, NOW - 365 * DAY).await.unwrap(), 2);
    assert_eq!(s.caseworker_count_since(c, NOW - 5 * DAY).await.unwrap(), 1);
    assert_eq!(s.caseload(a, NOW).await.unwrap(), vec![]);
    assert_eq!(s.caseload(b, NOW).await.unwrap(), vec![c]);

    s.assign_caseworker(c, a, AssignmentKind::Standin, NOW).await.unwrap();
    assert_eq!(s.current_caseworker(c, AssignmentKind::Standin, NOW).await.unwrap(), Some(a));
    assert_eq!(s.caseload(a, NOW).await.unwrap(), vec![c], "a stand-in covers the citizen");
    s.end_cover(c, None, NOW + DAY).await.unwrap();
    assert_eq!(s.current_caseworker(c, AssignmentKind::Standin, NOW + DAY).await.unwrap(), None);
}

async fn the_caseworker_works_on_the_plan_and_every_change_is_in_the_history_the_citizen_sees(s: Arc<dyn Store>) {
    use crate::features::casework::forms::{parse_note, ActivityInput, AppointmentInput};
    use crate::features::casework::service as casework;
    use crate::features::plan::service::my_plan;
    use crate::features::plan::views::Who;
    use crate::i18n::Lang;
    use crate::ssr::service::ServiceError;
    let (c, cw, _) = citizen_with_budget(s.as_ref()).await;
    let other = person(s.as_ref(), "Anden Sagsbehandler", None).await;
    s.grant_role(other, Role::Caseworker, NOW).await.unwrap();
    let staff = staff_user(cw);
    assert!(s.plan_of(c).await.unwrap().is_none());

    let activity = ActivityInput::parse("job", "Praktik i børnehave", "Jobcentret", "planned").unwrap();
    let refused = casework::add_activity(s.as_ref(), &staff_user(other), c, activity.clone(), Some("a-0"), NOW).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)), "not their citizen");
    assert!(s.plan_of(c).await.unwrap().is_none(), "a refused change makes no plan");
    casework::add_activity(s.as_ref(), &staff, c, activity, Some("a-1"), NOW).await.unwrap();
    let plan = s.plan_of(c).await.unwrap().expect("the caseworker's first change makes the plan");
    let act = s.activities(plan).await.unwrap()[0].id;
    let changed = ActivityInput::parse("social", "Praktik i børnehave", "Socialrådgiver Ali", "active").unwrap();
    casework::update_activity(s.as_ref(), &staff, c, act, changed.clone(), NOW + 1).await.unwrap();
    let wrong = casework::update_activity(s.as_ref(), &staff, c, crate::kernel::ids::ActivityId(act.0 + 99), changed, NOW + 1).await;
    assert!(matches!(wrong, Err(ServiceError::NotAllowed)), "an activity of another plan is not found: {wrong:?}");
    let meeting =
        AppointmentInput::parse("2026-09-24", "10:00", "45", "Café X", "Torvet 1", "yes", "Tag dit sygesikringskort med").unwrap();
    casework::add_appointment(s.as_ref(), &staff, c, meeting, "meeting-1", NOW + 2).await.unwrap();
    casework::add_note(s.as_ref(), &staff, c, parse_note("Vi aftalte at ringe til børnehaven.").unwrap(), "note-1", NOW + 3).await.unwrap();

    let view = my_plan(s.as_ref(), &signed_in(c, true), None, NOW + 4, Lang::Da).await.unwrap().unwrap();
    let a = &view.activities[0];
    assert_eq!((a.status, a.department, a.responsible.as_str()), (ActivityStatus::Active, Department::Social, "Socialrådgiver Ali"));
    assert_eq!(view.appointments[0].when, "torsdag 24. september 2026 kl. 10.00", "typed in Copenhagen time");
    assert_eq!(view.notes[0].body, "Vi aftalte at ringe til børnehaven.");
    assert_eq!(view.notes[0].by, "Karin Sagsbehandler");
    let kinds: Vec<_> = view.history.iter().map(|h| (h.kind.as_str(), h.who.clone())).collect();
    let karin = Who::Named("Karin Sagsbehandler".into());
    assert_eq!(
        kinds[..4],
        [
            ("note_added", karin.clone()),
            ("appointment_added", karin.clone()),
            ("activity_updated", karin.clone()),
            ("activity_added", karin)
        ]
    );

    let gone = AppointmentInput::parse("2026-09-25", "09:00", "30", "Rådhuset", "Torvet 1", "no", "").unwrap();
    casework::add_appointment(s.as_ref(), &staff, c, gone, "meeting-2", NOW + 5).await.unwrap();
    let appts = s.appointments(plan).await.unwrap();
    let cancel = appts.iter().find(|a| a.place == "Rådhuset").unwrap().id;
    let refused = casework::cancel_appointment(s.as_ref(), &staff_user(other), c, cancel, NOW + 6).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)));
    casework::cancel_appointment(s.as_ref(), &staff, c, cancel, NOW + 6).await.unwrap();
    assert_eq!(s.appointments(plan).await.unwrap().len(), 1, "a cancelled meeting is no longer shown");
    assert_eq!(s.history(plan).await.unwrap().last().map(|e| e.kind.as_str()), Some("appointment_cancelled"));

    let opened = casework::open_plan(s.as_ref(), &staff, c, None, NOW + 5, Lang::Da).await.unwrap();
    assert_eq!((opened.citizen.as_str(), opened.plan.activities.len()), ("Jonas Borger", 1));
    let log = s.access_log(c).await.unwrap();
    assert_eq!((log.len(), log[0].purpose.as_str()), (1, crate::ssr::access::Purpose::PlanWork.as_str()), "opening the plan is logged");
    assert!(matches!(casework::open_plan(s.as_ref(), &staff_user(other), c, None, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    assert_eq!(s.access_log(c).await.unwrap().len(), 1, "a refused open is not logged");
}

async fn two_identical_bookings_at_once_book_one_meeting(s: Arc<dyn Store>) {
    use crate::features::casework::forms::AppointmentInput;
    use crate::features::casework::service as casework;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let taps = at_once(&s, 2, |s, _| async move {
        let meeting = AppointmentInput::parse("2030-01-08", "10:00", "30", "Rådhuset", "Torvet 1", "no", "").unwrap();
        casework::add_appointment(s.as_ref(), &staff_user(cw), c, meeting, "same-form", NOW + 1).await
    });
    for t in taps.await {
        t.expect("both answer like the first");
    }
    let plan = s.plan_of(c).await.unwrap().unwrap();
    assert_eq!(s.appointments(plan).await.unwrap().len(), 1, "one meeting from a double tap");
}

async fn two_identical_new_activities_at_once_add_one(s: Arc<dyn Store>) {
    use crate::features::casework::forms::ActivityInput;
    use crate::features::casework::service as casework;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let taps = at_once(&s, 2, |s, _| async move {
        let a = ActivityInput::parse("job", "Praktik i børnehave", "Jobcentret", "planned").unwrap();
        casework::add_activity(s.as_ref(), &staff_user(cw), c, a, Some("same-form"), NOW + 1).await
    });
    for t in taps.await {
        t.expect("both answer like the first");
    }
    let plan = s.plan_of(c).await.unwrap().unwrap();
    assert_eq!(s.activities(plan).await.unwrap().len(), 1, "one activity from a double tap");
}

async fn cancelling_a_meeting_twice_at_once_cancels_it_once_and_both_taps_answer_done(s: Arc<dyn Store>) {
    use crate::features::casework::forms::AppointmentInput;
    use crate::features::casework::service as casework;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let meeting = AppointmentInput::parse("2030-01-08", "10:00", "30", "Rådhuset", "Torvet 1", "no", "").unwrap();
    casework::add_appointment(s.as_ref(), &staff_user(cw), c, meeting, "book", NOW).await.unwrap();
    let plan = s.plan_of(c).await.unwrap().unwrap();
    let id = s.appointments(plan).await.unwrap()[0].id;
    let taps = at_once(&s, 2, |s, _| async move { casework::cancel_appointment(s.as_ref(), &staff_user(cw), c, id, NOW + 1).await });
    for t in taps.await {
        t.expect("the second tap answers like the first: cancelled");
    }
    assert_eq!(s.appointments(plan).await.unwrap().len(), 0);
    let cancellations = s.history(plan).await.unwrap().iter().filter(|e| e.kind == "appointment_cancelled").count();
    assert_eq!(cancellations, 1, "one cancellation in the history from a double tap");
    let unknown = crate::kernel::ids::AppointmentId(id.0 + 1000);
    assert!(casework::cancel_appointment(s.as_ref(), &staff_user(cw), c, unknown, NOW + 2).await.is_err(), "no such meeting is not done");
}

async fn two_identical_meeting_notes_at_once_are_written_once(s: Arc<dyn Store>) {
    use crate::features::casework::forms::parse_note;
    use crate::features::casework::service as casework;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let taps = at_once(&s, 2, |s, _| async move {
        casework::add_note(s.as_ref(), &staff_user(cw), c, parse_note("Vi talte om praktikken.").unwrap(), "same-form", NOW + 1).await
    });
    for t in taps.await {
        t.expect("both answer like the first");
    }
    let plan = s.plan_of(c).await.unwrap().unwrap();
    assert_eq!(s.meeting_notes(plan).await.unwrap().len(), 1, "one note from a double tap");
    let notes_in_history = s.history(plan).await.unwrap().iter().filter(|e| e.kind == "note_added").count();
    assert_eq!(notes_in_history, 1);
}

on_both_backends!(
    cancelling_a_meeting_twice_at_once_cancels_it_once_and_both_taps_answer_done,
    two_identical_meeting_notes_at_once_are_written_once,
    two_identical_bookings_at_once_book_one_meeting,
    two_identical_new_activities_at_once_add_one,
    staff_act_for_a_citizen_only_as_their_caseworker_or_stand_in_and_their_reads_are_logged,
    a_citizen_has_one_caseworker_at_a_time_and_the_changes_are_counted,
    the_caseworker_works_on_the_plan_and_every_change_is_in_the_history_the_citizen_sees,
);
