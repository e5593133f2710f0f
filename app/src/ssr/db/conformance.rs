//! One conformance story for [`Store`], run on SQLite always and on
//! PostgreSQL whenever `TEST_DATABASE_URL` is set (under `CI=true` a missing
//! PostgreSQL is a failure, not a skip). Every test gets a fresh database.

use std::sync::Arc;

use super::*;
use crate::kernel::plan::{ActivityStatus, Department, GoalStatus, Role};
use crate::kernel::{GoalTitle, LongText, Reason, ShortText};
use crate::routes;

const NOW: i64 = 1_790_000_000_000; // 2026-09-21, UTC milliseconds
const DAY: i64 = 86_400_000;

fn text(s: &str) -> ShortText {
    ShortText::parse(s).expect("valid text")
}

fn kr(k: i64) -> Amount {
    Amount::kroner(k).expect("in range")
}

async fn person<S: Store + ?Sized>(s: &S, name: &str, cpr: Option<&str>) -> PersonId {
    let p = NewPerson { full_name: text(name), cpr: cpr.map(str::to_string), subject: None, display_name: None };
    s.create_person(&p, NOW).await.expect("person created")
}

/// A citizen with a caseworker and a 10,000 kr. budget.
async fn citizen_with_budget<S: Store + ?Sized>(s: &S) -> (PersonId, PersonId, BudgetId) {
    let cw = person(s, "Karin Sagsbehandler", None).await;
    s.grant_role(cw, Role::Caseworker, NOW).await.unwrap();
    let c = person(s, "Jonas Borger", Some("011370-0001")).await;
    s.assign_caseworker(c, cw, AssignmentKind::Primary, NOW).await.unwrap();
    let b = s
        .grant_budget(
            &NewBudget { citizen: c, granted_by: cw, amount: kr(10_000), period_start: NOW, period_end: NOW + 450 * DAY, note: None },
            NOW,
        )
        .await
        .unwrap();
    (c, cw, b)
}

fn spend(b: BudgetId, c: PersonId, amount: Amount, key: &str) -> NewSpendingRequest {
    NewSpendingRequest {
        budget: b,
        citizen: c,
        amount,
        purpose: LongText::parse("Cykel til at komme i praktik").unwrap(),
        goal: None,
        idempotency_key: key.to_string(),
        limit: None,
    }
}

fn decide(request: RequestId, approved: Option<Amount>, decision: NewDecision) -> SpendingDecision {
    SpendingDecision { request, approved, decision, notify_citizen: None }
}

async fn assert_ledger_balances<S: Store + ?Sized>(s: &S, b: BudgetId) -> Budget {
    let budget = s.budget(b).await.unwrap();
    let (granted, reserved, spent) = ledger_totals(&s.ledger(b).await.unwrap());
    assert_eq!((granted, reserved, spent), (budget.granted.ore(), budget.reserved.ore(), budget.spent.ore()), "ledger = totals");
    assert!(budget.reserved.ore() + budget.spent.ore() <= budget.granted.ore(), "never overspent");
    budget
}

fn decision(by: PersonId, reason: Option<&str>) -> NewDecision {
    NewDecision {
        decided_by: by,
        reasons: reason.map(|r| Reason::parse(r).unwrap()),
        appeal_guidance: "Klag til kommunen inden 4 uger.".into(),
        corrects: None,
    }
}

// ---- identity (the sign-in rule over the store) ----------------------------

fn login(sub: &str, cpr: Option<&str>) -> crate::features::identity::service::VerifiedIdentity {
    crate::features::identity::service::VerifiedIdentity {
        subject: sub.into(),
        cpr: cpr.map(str::to_string),
        name: Some("Mette Hansen".into()),
    }
}

async fn a_first_login_links_the_citizen_by_cpr_and_later_logins_by_sub_only(s: Arc<dyn Store>) {
    use crate::features::identity::service::{sign_in, IssuerKind, SignInError};
    let known = person(s.as_ref(), "Mette Hansen", Some("011385-1001")).await;
    let first = sign_in(s.as_ref(), &login("sub-1", Some("011385-1001")), IssuerKind::Citizen, NOW).await.unwrap();
    assert_eq!(first, known, "linked to the municipality's record");
    let again = sign_in(s.as_ref(), &login("sub-1", None), IssuerKind::Citizen, NOW).await.unwrap();
    assert_eq!(again, known, "keyed on sub afterwards");
    // Another login presenting the same CPR is not linked to her record.
    let other = sign_in(s.as_ref(), &login("sub-2", Some("011385-1001")), IssuerKind::Citizen, NOW).await;
    assert!(matches!(other, Err(SignInError::CprLinkedElsewhere)), "{other:?}");
    assert!(s.person_by_subject("sub-2").await.unwrap().is_none(), "nothing written for the refused login");
}

async fn an_unknown_citizen_gets_a_record_but_an_unknown_staff_login_is_refused(s: Arc<dyn Store>) {
    use crate::features::identity::service::{sign_in, IssuerKind, SignInError};
    let before = s.count_people().await.unwrap();
    let new = sign_in(s.as_ref(), &login("sub-new", Some("020290-1234")), IssuerKind::Citizen, NOW).await.unwrap();
    let p = s.person(new).await.unwrap();
    assert_eq!((p.subject.as_deref(), p.cpr.as_deref()), (Some("sub-new"), Some("020290-1234")));
    assert!(s.roles(new).await.unwrap().is_empty(), "no role from a login");
    let staff = sign_in(s.as_ref(), &login("staff:nobody", None), IssuerKind::Staff, NOW).await;
    assert!(matches!(staff, Err(SignInError::UnknownStaff)), "{staff:?}");
    assert_eq!(s.count_people().await.unwrap(), before + 1);
}

// ---- the citizen's plan, as the plan service shows it ----------------------

fn signed_in(id: PersonId, citizen: bool) -> crate::ssr::auth::CurrentUser {
    crate::ssr::auth::CurrentUser { person_id: id, name: String::new(), roles: vec![], is_citizen: citizen, unread_notifications: 0 }
}

async fn a_citizen_sees_their_own_plan_with_upcoming_appointments_and_who_changed_what(s: Arc<dyn Store>) {
    use crate::features::plan::service::my_plan;
    use crate::i18n::Lang;
    use crate::kernel::views::Who;
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
    s.add_activity(plan_a, &act, Actor::staff(cw), NOW + 2).await.unwrap();
    for (starts_at, place) in [(NOW - DAY, "Fortid"), (NOW + 2 * DAY, "Senere"), (NOW + DAY, "Snart")] {
        let appt =
            NewAppointment { starts_at, duration_minutes: 30, place: text(place), address: text("Vej 1"), outreach: false, note: None };
        s.add_appointment(plan_a, &appt, Actor::staff(cw), NOW + 3).await.unwrap();
    }

    let view = my_plan(s.as_ref(), &signed_in(a, true), NOW, Lang::Da).await.unwrap().expect("A has a plan");
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

    assert!(my_plan(s.as_ref(), &signed_in(cw, false), NOW, Lang::Da).await.unwrap().is_none(), "staff have no plan of their own");
    let newcomer = person(s.as_ref(), "Ny Borger", Some("011370-0010")).await;
    assert!(my_plan(s.as_ref(), &signed_in(newcomer, true), NOW, Lang::En).await.unwrap().is_none());
    assert!(s.plan_of(newcomer).await.unwrap().is_none(), "reading never creates a plan");
}

async fn a_citizen_sees_their_caseworker_the_stand_in_and_how_many_they_have_had(s: Arc<dyn Store>) {
    use crate::features::my_caseworker::service::my_caseworker;
    use crate::i18n::Lang;
    // The citizen starts with another caseworker, then gets Karin.
    let (c, _first, _) = citizen_with_budget(s.as_ref()).await;
    let karin = person(s.as_ref(), "Karin Holm", None).await;
    let standin = person(s.as_ref(), "Jonas Lund", None).await;
    for p in [karin, standin] {
        s.grant_role(p, Role::Caseworker, NOW).await.unwrap();
    }
    let profile = StaffProfile {
        job_title: "Tovholder".into(),
        phone: "+45 00 00 10 01".into(),
        email: "karin@example.invalid".into(),
        reach_hours: "Hverdage 9–12".into(),
        office: "Rådhuset".into(),
    };
    s.set_staff_profile(karin, &profile).await.unwrap();
    let hours = OutreachHours { weekday: 2, from_minute: 600, to_minute: 720, place: "Café X".into(), address: "Mjølnerparken 1".into() };
    s.add_outreach_hours(karin, &hours).await.unwrap();
    s.assign_caseworker(c, karin, AssignmentKind::Primary, NOW + DAY).await.unwrap();
    s.assign_caseworker(c, standin, AssignmentKind::Standin, NOW + DAY).await.unwrap();

    let v = my_caseworker(s.as_ref(), &signed_in(c, true), NOW + 2 * DAY, Lang::Da).await.unwrap().expect("a citizen");
    let cw = v.primary.expect("Karin is the caseworker");
    assert_eq!((cw.name.as_str(), cw.initials.as_str(), cw.phone.as_str()), ("Karin Holm", "KH", "+45 00 00 10 01"));
    assert_eq!(cw.outreach.len(), 1);
    assert_eq!(cw.outreach[0].when, "tirsdag kl. 10.00–12.00");
    assert_eq!(v.standin.map(|x| x.name), Some("Jonas Lund".into()));
    assert_eq!(v.count_last_year, 2, "the first caseworker and Karin");

    let alone = person(s.as_ref(), "Uden Sagsbehandler", Some("011370-0011")).await;
    let v = my_caseworker(s.as_ref(), &signed_in(alone, true), NOW, Lang::Da).await.unwrap().unwrap();
    assert_eq!((v.primary, v.standin, v.count_last_year), (None, None, 0));
    assert!(my_caseworker(s.as_ref(), &signed_in(karin, false), NOW, Lang::Da).await.unwrap().is_none(), "staff are not citizens");
}

async fn a_citizen_sees_who_opened_their_data_and_only_their_own_log(s: Arc<dyn Store>) {
    use crate::features::access_log::service::my_access_log;
    use crate::i18n::Lang;
    let (c, cw, _) = citizen_with_budget(s.as_ref()).await;
    let other = person(s.as_ref(), "Anden Borger", Some("011370-0012")).await;
    s.log_access(c, cw, Role::Caseworker, "Forberedelse af møde", NOW).await.unwrap();
    s.log_access(c, cw, Role::Caseworker, "Svar på dit forslag", NOW + DAY).await.unwrap();
    s.log_access(other, cw, Role::Caseworker, "Andens sag", NOW).await.unwrap();
    let log = my_access_log(s.as_ref(), &signed_in(c, true), Lang::Da).await.unwrap().expect("a citizen");
    assert_eq!(
        log.iter().map(|e| e.purpose.as_str()).collect::<Vec<_>>(),
        ["Svar på dit forslag", "Forberedelse af møde"],
        "own entries, newest first"
    );
    assert_eq!(log[0].role, Role::Caseworker);
    assert!(my_access_log(s.as_ref(), &signed_in(cw, false), Lang::Da).await.unwrap().is_none());
}

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

    let acting = staff_for(s.as_ref(), &staff(karin), c).await.unwrap();
    assert_eq!((acting.citizen, acting.actor, acting.capacity), (c, karin, Capacity::Caseworker));
    assert_eq!(staff_for(s.as_ref(), &staff(jonas), c).await.unwrap().capacity, Capacity::Standin);
    assert!(staff_for(s.as_ref(), &staff(other), c).await.is_err(), "another caseworker");
    assert!(staff_for(s.as_ref(), &signed_in(karin, false), c).await.is_err(), "without the caseworker role");
    assert!(staff_for(s.as_ref(), &staff(c), c).await.is_err(), "nobody is their own caseworker");

    acting.log_read(s.as_ref(), Purpose::BudgetWork, NOW + 1).await.unwrap();
    crate::ssr::access::citizen_self(&signed_in(c, true)).unwrap().log_read(s.as_ref(), Purpose::BudgetWork, NOW + 2).await.unwrap();
    let log = s.access_log(c).await.unwrap();
    assert_eq!(log.len(), 1, "the citizen's own read is not logged");
    assert_eq!((log[0].staff_id, log[0].purpose.as_str()), (karin, "budget_work"));

    s.assign_caseworker(c, other, AssignmentKind::Primary, NOW + DAY).await.unwrap();
    assert!(staff_for(s.as_ref(), &staff(karin), c).await.is_err(), "after the handover the old caseworker acts for nobody");
    assert_eq!(staff_for(s.as_ref(), &staff(other), c).await.unwrap().capacity, Capacity::Caseworker);
}

// ---- the story ----------------------------------------------------------

async fn people_are_found_by_subject_and_cpr_and_linked_once(s: Arc<dyn Store>) {
    assert!(s.is_empty().await.unwrap());
    let id = person(&*s, "Mette Hansen", Some("011370-0002")).await;
    assert!(!s.is_empty().await.unwrap());
    assert_eq!(s.person_by_cpr("011370-0002").await.unwrap().map(|p| p.id), Some(id));
    assert_eq!(s.person_by_subject("sub-1").await.unwrap(), None);
    s.link_subject(id, "sub-1").await.unwrap();
    assert_eq!(s.person_by_subject("sub-1").await.unwrap().map(|p| p.full_name), Some("Mette Hansen".into()));
    assert!(matches!(s.link_subject(id, "sub-2").await, Err(DbError::Conflict(_))), "a person is linked once");
    assert!(matches!(s.person(PersonId(9_999)).await, Err(DbError::NotFound)));
    let twin = NewPerson { full_name: text("Twin"), cpr: Some("011370-0002".into()), subject: None, display_name: None };
    assert!(matches!(s.create_person(&twin, NOW).await, Err(DbError::Conflict(_))), "a CPR number is unique");
}

async fn roles_come_from_grants_and_can_be_revoked(s: Arc<dyn Store>) {
    let id = person(&*s, "Ali Host", None).await;
    assert_eq!(s.roles(id).await.unwrap(), vec![]);
    s.grant_role(id, Role::Host, NOW).await.unwrap();
    s.grant_role(id, Role::Host, NOW).await.unwrap();
    s.grant_role(id, Role::Admin, NOW).await.unwrap();
    assert_eq!(s.roles(id).await.unwrap(), vec![Role::Admin, Role::Host]);
    s.revoke_role(id, Role::Host).await.unwrap();
    assert_eq!(s.roles(id).await.unwrap(), vec![Role::Admin]);
}

async fn a_citizen_has_one_caseworker_at_a_time_and_the_changes_are_counted(s: Arc<dyn Store>) {
    let (a, b) = (person(&*s, "A Sagsbehandler", None).await, person(&*s, "B Sagsbehandler", None).await);
    let c = person(&*s, "Camilla", Some("011370-0003")).await;
    s.assign_caseworker(c, a, AssignmentKind::Primary, NOW - 100 * DAY).await.unwrap();
    s.assign_caseworker(c, a, AssignmentKind::Primary, NOW - 90 * DAY).await.unwrap();
    assert_eq!(s.caseworker_count_since(c, NOW - 365 * DAY).await.unwrap(), 1, "re-assigning the same person changes nothing");
    s.assign_caseworker(c, b, AssignmentKind::Primary, NOW - 10 * DAY).await.unwrap();
    assert_eq!(s.current_caseworker(c, AssignmentKind::Primary).await.unwrap(), Some(b));
    assert_eq!(s.caseworker_count_since(c, NOW - 365 * DAY).await.unwrap(), 2);
    assert_eq!(s.caseworker_count_since(c, NOW - 5 * DAY).await.unwrap(), 1);
    assert_eq!(s.caseload(a).await.unwrap(), vec![]);
    assert_eq!(s.caseload(b).await.unwrap(), vec![c]);

    s.assign_caseworker(c, a, AssignmentKind::Standin, NOW).await.unwrap();
    assert_eq!(s.current_caseworker(c, AssignmentKind::Standin).await.unwrap(), Some(a));
    assert_eq!(s.caseload(a).await.unwrap(), vec![c], "a stand-in covers the citizen");
    s.end_standin(c, NOW + DAY).await.unwrap();
    assert_eq!(s.current_caseworker(c, AssignmentKind::Standin).await.unwrap(), None);
}

async fn staff_profiles_and_outreach_hours_are_kept(s: Arc<dyn Store>) {
    let cw = person(&*s, "Karin", None).await;
    assert_eq!(s.staff_profile(cw).await.unwrap(), None);
    let mut p = StaffProfile {
        job_title: "Tovholder".into(),
        phone: "+45 44 44 44 44".into(),
        email: "karin@kommune.example".into(),
        reach_hours: "Hverdage 9–12".into(),
        office: "Rådhuset".into(),
    };
    s.set_staff_profile(cw, &p).await.unwrap();
    p.phone = "+45 55 55 55 55".into();
    s.set_staff_profile(cw, &p).await.unwrap();
    assert_eq!(s.staff_profile(cw).await.unwrap(), Some(p));
    let h =
        OutreachHours { weekday: 2, from_minute: 600, to_minute: 720, place: "Café Nørrebro".into(), address: "Mjølnerparken 1".into() };
    s.add_outreach_hours(cw, &h).await.unwrap();
    assert_eq!(s.outreach_hours(cw).await.unwrap(), vec![h]);
    let bad = OutreachHours { weekday: 8, from_minute: 600, to_minute: 500, place: "x".into(), address: "y".into() };
    assert!(matches!(s.add_outreach_hours(cw, &bad).await, Err(DbError::Conflict(_))));
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
    s.add_activity(plan, &act, Actor::staff(cw), NOW + 3).await.unwrap();
    let appt = NewAppointment {
        starts_at: NOW + 7 * DAY,
        duration_minutes: 45,
        place: text("Café Nørrebro"),
        address: text("Mjølnerparken 1"),
        outreach: true,
        note: None,
    };
    s.add_appointment(plan, &appt, Actor::staff(cw), NOW + 4).await.unwrap();

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

async fn a_budget_above_the_cap_is_refused(s: Arc<dyn Store>) {
    assert_eq!(s.budget_cap().await.unwrap(), kr(50_000), "default cap");
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let again = NewBudget { citizen: c, granted_by: cw, amount: kr(1_000), period_start: NOW, period_end: NOW + DAY, note: None };
    assert!(matches!(s.grant_budget(&again, NOW).await, Err(DbError::Conflict(_))), "one running budget per citizen");
    s.end_budget(b, cw, NOW + 1).await.unwrap();
    let over = NewBudget { amount: kr(50_001), ..again };
    assert!(matches!(s.grant_budget(&over, NOW).await, Err(DbError::Conflict(_))));
    s.set_budget_cap(kr(60_000)).await.unwrap();
    assert!(s.grant_budget(&over, NOW).await.is_ok());
}

async fn a_top_up_stays_within_the_cap_and_ending_takes_back_what_is_unused(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    s.top_up_budget(b, kr(40_000), cw, NOW + 1).await.unwrap();
    assert_eq!(assert_ledger_balances(&*s, b).await.granted, kr(50_000));
    assert!(matches!(s.top_up_budget(b, Amount::from_ore(1).unwrap(), cw, NOW + 2).await, Err(DbError::Conflict(_))), "past the cap");
    let r = s.request_spending(&spend(b, c, kr(2_000), "before-end"), NOW + 3).await.unwrap().id();
    s.decide_spending(&decide(r, Some(kr(1_500)), decision(cw, Some("Prisen"))), NOW + 4).await.unwrap();
    let pending = s.request_spending(&spend(b, c, kr(1_000), "pending"), NOW + 5).await.unwrap().id();

    s.end_budget(b, cw, NOW + 6).await.unwrap();
    let ended = assert_ledger_balances(&*s, b).await;
    assert_eq!((ended.granted, ended.spent, ended.reserved, ended.available()), (kr(2_500), kr(1_500), kr(1_000), Amount::ZERO));
    assert_eq!(ended.ended_at, Some(NOW + 6));
    let last = s.ledger(b).await.unwrap().pop().unwrap();
    assert_eq!((last.kind, last.amount), (LedgerKind::Reduce, kr(47_500)));
    assert!(matches!(s.end_budget(b, cw, NOW + 7).await, Err(DbError::Conflict(_))), "ended once");
    assert!(matches!(s.top_up_budget(b, kr(1), cw, NOW + 7).await, Err(DbError::Conflict(_))), "no top-up after the end");
    assert!(
        matches!(s.request_spending(&spend(b, c, kr(1), "after-end"), NOW + 7).await, Err(DbError::Conflict(_))),
        "no request after the end"
    );
    // The request made before the end is still decided, within what was reserved.
    s.decide_spending(&decide(pending, Some(kr(1_000)), decision(cw, None)), NOW + 8).await.unwrap();
    let b = assert_ledger_balances(&*s, b).await;
    assert_eq!((b.spent, b.reserved), (kr(2_500), Amount::ZERO));
}

async fn the_rate_limit_counts_a_citizens_new_requests_even_when_simultaneous(s: Arc<dyn Store>) {
    let (c, _, b) = citizen_with_budget(&*s).await;
    let limited =
        |key: &str, now: i64| NewSpendingRequest { limit: Some(RateLimit { since: now - 3_600_000, max: 3 }), ..spend(b, c, kr(10), key) };
    let tasks: Vec<_> = (0..10)
        .map(|i| {
            let (s, r) = (s.clone(), limited(&format!("burst-{i}"), NOW));
            tokio::spawn(async move { (r.idempotency_key.clone(), s.request_spending(&r, NOW).await) })
        })
        .collect();
    let (mut made, mut refused) = (vec![], 0);
    for t in futures::future::join_all(tasks).await {
        match t.expect("task") {
            (key, Ok(out)) => made.push((key, out.id())),
            (_, Err(DbError::Limited)) => refused += 1,
            (_, Err(e)) => panic!("unexpected {e}"),
        }
    }
    assert_eq!((made.len(), refused), (3, 7));
    assert_eq!(assert_ledger_balances(&*s, b).await.reserved, kr(30), "refused requests reserve nothing");
    // A repeat of an accepted submit still answers with its request, past the limit.
    let (key, id) = &made[0];
    assert_eq!(s.request_spending(&limited(key, NOW + 1), NOW + 1).await.unwrap(), SubmitOutcome::Repeated(*id));
    // An hour later there is room again.
    assert!(s.request_spending(&limited("later", NOW + 3_600_001), NOW + 3_600_001).await.is_ok());
}

async fn a_decision_on_spending_notifies_the_citizen_and_pending_requests_wait_in_the_inbox(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let other_cw = person(&*s, "Anden Sagsbehandler", None).await;
    let r1 = s.request_spending(&spend(b, c, kr(300), "r1"), NOW).await.unwrap().id();
    let r2 = s.request_spending(&spend(b, c, kr(200), "r2"), NOW + 1).await.unwrap().id();
    let open = s.open_spending_for(cw).await.unwrap();
    assert_eq!(open.iter().map(|o| o.request.id).collect::<Vec<_>>(), vec![r1, r2], "oldest first");
    assert_eq!(open[0].citizen_name, "Jonas Borger");
    assert_eq!(s.open_spending_for(other_cw).await.unwrap(), vec![], "only for the citizen's own caseworker");
    assert_eq!(s.spending_requests(b).await.unwrap().iter().map(|r| r.id).collect::<Vec<_>>(), vec![r2, r1], "newest first");

    let d = SpendingDecision {
        notify_citizen: Some(("spending_answered", "/budget#anmodning-1".into())),
        ..decide(r1, None, decision(cw, Some("Ikke i planen")))
    };
    s.decide_spending(&d, NOW + 2).await.unwrap();
    let n = s.notifications(c).await.unwrap();
    assert_eq!((n.len(), n[0].kind.as_str()), (1, "spending_answered"));
    // A second decision on the same request writes nothing: no decision, no notification.
    assert!(matches!(s.decide_spending(&d, NOW + 3).await, Err(DbError::Conflict(_))));
    assert_eq!(s.notifications(c).await.unwrap().len(), 1);
    assert_eq!(s.decisions_of(c).await.unwrap().len(), 1);
    assert_eq!(s.open_spending_for(cw).await.unwrap().iter().map(|o| o.request.id).collect::<Vec<_>>(), vec![r2]);
}

async fn a_request_reserves_and_a_decision_spends_with_the_ledger_balanced(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let r = s.request_spending(&spend(b, c, kr(3_000), "k1"), NOW).await.unwrap().id();
    let budget = assert_ledger_balances(&*s, b).await;
    assert_eq!((budget.reserved, budget.available()), (kr(3_000), kr(7_000)));

    s.decide_spending(&decide(r, Some(kr(2_500)), decision(cw, Some("Prisen på en brugt cykel"))), NOW + 1).await.unwrap();
    let budget = assert_ledger_balances(&*s, b).await;
    assert_eq!((budget.reserved, budget.spent, budget.available()), (Amount::ZERO, kr(2_500), kr(7_500)));
    let req = s.spending_request(r).await.unwrap();
    assert_eq!((req.status, req.approved), (RequestStatus::Approved, Some(kr(2_500))));
    let d = s.decisions_of(c).await.unwrap();
    assert_eq!((d.len(), d[0].outcome.as_str()), (1, "approved_lower"));
    assert!(
        matches!(s.decide_spending(&decide(r, None, decision(cw, Some("igen"))), NOW + 2).await, Err(DbError::Conflict(_))),
        "a decision is final"
    );
}

async fn a_request_larger_than_what_is_available_writes_nothing(s: Arc<dyn Store>) {
    let (c, _, b) = citizen_with_budget(&*s).await;
    let before = s.ledger(b).await.unwrap();
    assert!(matches!(s.request_spending(&spend(b, c, kr(10_001), "big"), NOW).await, Err(DbError::Conflict(_))));
    assert_eq!(s.ledger(b).await.unwrap(), before);
    // The refused key is not burnt: the same key can be used once there is room.
    assert!(s.request_spending(&spend(b, c, kr(10_000), "big"), NOW).await.is_ok());
    assert_eq!(assert_ledger_balances(&*s, b).await.available(), Amount::ZERO);
}

async fn a_repeated_submit_returns_the_first_request(s: Arc<dyn Store>) {
    let (c, _, b) = citizen_with_budget(&*s).await;
    let first = s.request_spending(&spend(b, c, kr(100), "same"), NOW).await.unwrap();
    let again = s.request_spending(&spend(b, c, kr(100), "same"), NOW + 1).await.unwrap();
    assert!(matches!(first, SubmitOutcome::Created(_)));
    assert_eq!(again, SubmitOutcome::Repeated(first.id()));
    assert_eq!(s.budget(b).await.unwrap().reserved, kr(100), "reserved once");
}

async fn cancelling_and_declining_release_the_reservation(s: Arc<dyn Store>) {
    let (c, cw, b) = citizen_with_budget(&*s).await;
    let r1 = s.request_spending(&spend(b, c, kr(1_000), "a"), NOW).await.unwrap().id();
    let r2 = s.request_spending(&spend(b, c, kr(2_000), "b"), NOW).await.unwrap().id();
    s.cancel_spending(r1, NOW + 1).await.unwrap();
    assert!(matches!(s.cancel_spending(r1, NOW + 2).await, Err(DbError::Conflict(_))));
    assert!(
        matches!(s.decide_spending(&decide(r2, None, decision(cw, None)), NOW + 3).await, Err(DbError::Conflict(_))),
        "declining needs a reason"
    );
    s.decide_spending(&decide(r2, None, decision(cw, Some("Ikke en del af planen"))), NOW + 3).await.unwrap();
    let budget = assert_ledger_balances(&*s, b).await;
    assert_eq!((budget.reserved, budget.spent, budget.available()), (Amount::ZERO, Amount::ZERO, kr(10_000)));
}

/// Many rounds of 2–64 simultaneous requests, decisions (full, lower,
/// declined) and cancellations against one budget, with random amounts: the
/// budget is never overspent and the ledger always equals the totals.
async fn simultaneous_requests_and_decisions_never_overspend(s: Arc<dyn Store>) {
    use rand::{Rng, SeedableRng};
    let (c, cw, b) = citizen_with_budget(&*s).await;
    s.set_budget_cap(kr(1_000_000)).await.unwrap();
    let seed: u64 = std::env::var("RACE_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| rand::thread_rng().gen());
    eprintln!("RACE_SEED={seed}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let (mut refused, mut decided) = (0, 0);
    for round in 0..12i64 {
        let pending: Vec<RequestId> =
            s.spending_requests(b).await.unwrap().into_iter().filter(|r| r.status == RequestStatus::Pending).map(|r| r.id).collect();
        let n = rng.gen_range(2..=64);
        let mut tasks = Vec::new();
        for i in 0..n {
            let s = s.clone();
            let now = NOW + round * 1_000 + i;
            // Half new requests, half answers to what is pending (several
            // tasks may answer the same request: only one may win).
            let op = if pending.is_empty() || rng.gen_bool(0.5) {
                None
            } else {
                Some((pending[rng.gen_range(0..pending.len())], rng.gen_range(0..4)))
            };
            let ore = rng.gen_range(1..=150_000);
            tasks.push(tokio::spawn(async move {
                let amount = Amount::from_ore(ore).unwrap();
                let r = match op {
                    None => s.request_spending(&spend(b, c, amount, &format!("r{round}-{i}")), now).await.map(|_| ()),
                    Some((r, 0)) => s.cancel_spending(r, now).await,
                    Some((r, 1)) => s.decide_spending(&decide(r, None, decision(cw, Some("Nej"))), now).await.map(|_| ()),
                    Some((r, kind)) => {
                        let requested = s.spending_request(r).await?.amount.ore();
                        let approved = if kind == 2 { requested } else { (requested / 2).max(1) };
                        s.decide_spending(&decide(r, Amount::from_ore(approved), decision(cw, Some("Mindre"))), now).await.map(|_| ())
                    }
                };
                match r {
                    Ok(()) => Ok(true),
                    Err(DbError::Conflict(_)) => Ok(false),
                    Err(e) => Err(e),
                }
            }));
        }
        for t in futures::future::join_all(tasks).await {
            if t.expect("task").expect("no error other than a refusal") {
                decided += 1;
            } else {
                refused += 1;
            }
        }
        assert_ledger_balances(&*s, b).await;
        if round == 5 {
            s.top_up_budget(b, kr(5_000), cw, NOW + round * 1_000 + 999).await.unwrap();
        }
    }
    let budget = assert_ledger_balances(&*s, b).await;
    assert!(refused > 0 && decided > 0, "both outcomes happened: {decided} done, {refused} refused");
    // Every request is accounted for: pending ones are exactly what is reserved.
    let requests = s.spending_requests(b).await.unwrap();
    let pending: i64 = requests.iter().filter(|r| r.status == RequestStatus::Pending).map(|r| r.amount.ore()).sum();
    let spent: i64 = requests.iter().filter_map(|r| r.approved).map(|a| a.ore()).sum();
    assert_eq!((pending, spent), (budget.reserved.ore(), budget.spent.ore()));
}

async fn ten_simultaneous_submits_with_one_key_make_one_request(s: Arc<dyn Store>) {
    let (c, _, b) = citizen_with_budget(&*s).await;
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let s = s.clone();
            tokio::spawn(async move { s.request_spending(&spend(b, c, kr(50), "double-tap"), NOW).await })
        })
        .collect();
    let mut ids = Vec::new();
    for t in futures::future::join_all(tasks).await {
        ids.push(t.expect("task").expect("every submit answers").id());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    let ledger = s.ledger(b).await.unwrap();
    assert_eq!(ledger.iter().filter(|e| e.kind == LedgerKind::Reserve).count(), 1);
}

async fn a_meetup_is_never_overfilled_and_the_rest_wait(s: Arc<dyn Store>) {
    let g = s
        .create_group(
            &NewGroup {
                name: text("Strikkecafé"),
                description: "Vi strikker".into(),
                topic: text("Hygge"),
                area: text("Nord"),
                usual_place: text("Biblioteket"),
            },
            NOW,
        )
        .await
        .unwrap();
    let m = s
        .create_meetup(
            &NewMeetup {
                group: g,
                starts_at: NOW + DAY,
                duration_minutes: 120,
                place: text("Biblioteket"),
                address: text("Torvet 1"),
                capacity: 2,
                description: "Tag garn med".into(),
            },
            NOW,
        )
        .await
        .unwrap();
    let mut people = Vec::new();
    for i in 0..6 {
        people.push(person(&*s, &format!("Deltager {i}"), None).await);
    }
    let tasks: Vec<_> = people
        .iter()
        .map(|p| {
            let (s, p) = (s.clone(), *p);
            tokio::spawn(async move { s.sign_up(m, p, NOW).await })
        })
        .collect();
    let mut going = 0;
    for t in futures::future::join_all(tasks).await {
        if t.unwrap().unwrap() == SignupStatus::Going {
            going += 1;
        }
    }
    assert_eq!(going, 2);
    assert_eq!(s.upcoming_meetups(NOW, 10).await.unwrap()[0].going, 2);
    assert!(matches!(s.sign_up(m, people[0], NOW).await, Err(DbError::Conflict(_))), "one sign-up per person");
    assert_eq!(s.groups().await.unwrap()[0].name, "Strikkecafé");
    assert_eq!(s.upcoming_meetups(NOW + 2 * DAY, 10).await.unwrap(), vec![], "past meetups are not upcoming");
}

async fn notifications_and_the_access_log_are_per_citizen(s: Arc<dyn Store>) {
    let (c, cw, _) = citizen_with_budget(&*s).await;
    let other = person(&*s, "Anden Borger", Some("011370-0009")).await;
    s.notify(c, "goal_decided", "/min-plan", NOW).await.unwrap();
    assert_eq!(s.notifications(c).await.unwrap().len(), 1);
    assert_eq!(s.notifications(other).await.unwrap(), vec![]);
    s.log_access(c, cw, Role::Caseworker, "Forberede samtale", NOW).await.unwrap();
    let log = s.access_log(c).await.unwrap();
    assert_eq!((log.len(), log[0].staff_id, log[0].purpose.as_str()), (1, cw, "Forberede samtale"));
    assert_eq!(s.access_log(other).await.unwrap(), vec![]);
    // A page showing several citizens logs each of them, once.
    s.log_accesses(&[c, other], cw, Role::Caseworker, "inbox", NOW + 1).await.unwrap();
    s.log_accesses(&[], cw, Role::Caseworker, "inbox", NOW + 2).await.unwrap();
    assert_eq!((s.access_log(c).await.unwrap().len(), s.access_log(other).await.unwrap().len()), (2, 1));
}

async fn synthetic_citizens_are_seeded_with_plans_and_caseworkers(s: Arc<dyn Store>) {
    let cws = [person(&*s, "A", None).await, person(&*s, "B", None).await];
    s.seed_synthetic_citizens(1_200, &cws, NOW).await.unwrap();
    s.seed_synthetic_citizens(10, &cws, NOW).await.unwrap();
    assert_eq!(s.count_people().await.unwrap(), 1_212);
    assert_eq!(s.caseload(cws[0]).await.unwrap().len() + s.caseload(cws[1]).await.unwrap().len(), 1_210);
    let first = s.caseload(cws[0]).await.unwrap()[0];
    let plan = s.plan_of(first).await.unwrap().expect("a plan");
    assert_eq!(s.goals(plan).await.unwrap().len(), 2);
    assert!(s.person(first).await.unwrap().cpr.unwrap().starts_with("9913"));
}

// ---- goal proposals, answers and the caseworker's inbox -------------------

fn staff_user(id: PersonId) -> crate::ssr::auth::CurrentUser {
    crate::ssr::auth::CurrentUser { roles: vec![Role::Caseworker], ..signed_in(id, false) }
}

fn proposal(title: &str) -> crate::kernel::forms::GoalProposal {
    crate::kernel::forms::GoalProposal::parse(title, "Så jeg kan komme ud", "").expect("valid proposal")
}

fn declined(reason: &str) -> crate::kernel::forms::GoalAnswer {
    crate::kernel::forms::GoalAnswer::Decline { reason: Reason::parse(reason).unwrap() }
}

/// A citizen with a plan and a caseworker; returns (citizen, caseworker).
async fn citizen_with_plan(s: &dyn Store) -> (PersonId, PersonId) {
    let (c, cw, _) = citizen_with_budget(s).await;
    s.ensure_plan(c, NOW).await.unwrap();
    (c, cw)
}

async fn a_declined_proposal_leaves_an_immutable_decision_and_notifies_the_citizen(s: Arc<dyn Store>) {
    use crate::features::goals::service as goals;
    use crate::features::plan::service::my_plan;
    use crate::i18n::Lang;
    use crate::ssr::service::ServiceError;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let me = signed_in(c, true);
    let id = goals::propose(s.as_ref(), &me, proposal("Få et fritidsjob"), "key-1", NOW).await.unwrap();
    let again = goals::propose(s.as_ref(), &me, proposal("Få et fritidsjob"), "key-1", NOW + 1).await.unwrap();
    assert_eq!(again, id, "a double tap makes one proposal");
    let plan = s.plan_of(c).await.unwrap().unwrap();
    assert_eq!(s.goals(plan).await.unwrap().len(), 1);

    goals::decide(s.as_ref(), &staff_user(cw), id, declined("Vi starter med praktikken først."), NOW + DAY).await.unwrap();
    let goal = s.goal(id).await.unwrap();
    assert_eq!(goal.status, GoalStatus::Declined);
    let d = s.decisions_of(c).await.unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(
        (d[0].outcome.as_str(), d[0].reasons.as_deref(), d[0].decided_by),
        ("declined", Some("Vi starter med praktikken først."), cw)
    );
    assert!(d[0].appeal_guidance.contains("Ankestyrelsen"), "the guidance says where to complain");
    assert_eq!(s.unread_notifications(c).await.unwrap(), 1);
    let note = &s.notifications(c).await.unwrap()[0];
    assert_eq!((note.kind.as_str(), note.link.as_str()), ("goal_answered", format!("/min-plan#maal-{}", id.0).as_str()));

    // Deciding again is refused and writes nothing: a correction is a new decision, not an edit.
    let twice = goals::decide(s.as_ref(), &staff_user(cw), id, crate::kernel::forms::GoalAnswer::Accept, NOW + 2 * DAY).await;
    assert!(matches!(twice, Err(ServiceError::Conflict)), "{twice:?}");
    assert_eq!(s.decisions_of(c).await.unwrap(), d, "the record is unchanged");

    let view = my_plan(s.as_ref(), &me, NOW + 2 * DAY, Lang::Da).await.unwrap().unwrap();
    let g = &view.goals[0];
    assert_eq!((g.status, g.decisions.len()), (GoalStatus::Declined, 1));
    assert_eq!(g.decisions[0].by, "Karin Sagsbehandler");
    assert_eq!(g.decisions[0].reasons.as_deref(), Some("Vi starter med praktikken først."));
    let kinds: Vec<_> = view.history.iter().map(|h| h.kind.as_str()).collect();
    assert!(kinds.starts_with(&["goal_declined", "goal_proposed"]), "{kinds:?}");

    // A correction is a new decision pointing at the old one, which stays.
    let refused = goals::correct(s.as_ref(), &signed_in(c, true), id, crate::kernel::forms::GoalAnswer::Accept, NOW + 3 * DAY).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)), "only the caseworker corrects");
    goals::correct(s.as_ref(), &staff_user(cw), id, crate::kernel::forms::GoalAnswer::Accept, NOW + 3 * DAY).await.unwrap();
    let after = s.decisions_of(c).await.unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(after[0], d[0], "the first decision is unchanged");
    assert_eq!((after[1].outcome.as_str(), after[1].corrects), ("accepted", Some(d[0].id)));
    assert_eq!(s.goal(id).await.unwrap().status, GoalStatus::Accepted);
    assert_eq!(s.unread_notifications(c).await.unwrap(), 2, "the citizen is told of the correction");
    let again = goals::correct(s.as_ref(), &staff_user(cw), id, crate::kernel::forms::GoalAnswer::Accept, NOW + 4 * DAY).await;
    assert!(matches!(again, Err(ServiceError::Conflict)), "accepting an accepted goal is no correction");
    let view = my_plan(s.as_ref(), &me, NOW + 4 * DAY, Lang::Da).await.unwrap().unwrap();
    let shown = &view.goals[0].decisions;
    assert_eq!((shown.len(), shown[0].outcome.as_str()), (2, "accepted"), "newest first");
    assert_eq!(shown[0].corrects.as_deref(), Some(shown[1].when.as_str()));
}

async fn a_suggested_wording_is_rejected_or_accepted_by_the_citizen(s: Arc<dyn Store>) {
    use crate::features::goals::service as goals;
    use crate::kernel::forms::GoalAnswer;
    use crate::ssr::service::ServiceError;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let (me, staff) = (signed_in(c, true), staff_user(cw));
    let id = goals::propose(s.as_ref(), &me, proposal("Arbejde"), "k", NOW).await.unwrap();
    let adjust = |w: &str| GoalAnswer::Adjust { wording: GoalTitle::parse(w).unwrap(), reason: Reason::parse("Mere konkret").unwrap() };

    goals::decide(s.as_ref(), &staff, id, adjust("Arbejde 10 timer om ugen"), NOW + 1).await.unwrap();
    let g = s.goal(id).await.unwrap();
    assert_eq!(
        (g.status, g.title.as_str(), g.suggested_title.as_deref()),
        (GoalStatus::Adjusted, "Arbejde", Some("Arbejde 10 timer om ugen"))
    );
    let early = goals::decide(s.as_ref(), &staff, id, GoalAnswer::Accept, NOW + 2).await;
    assert!(matches!(early, Err(ServiceError::Conflict)), "the caseworker cannot accept for the citizen");

    goals::answer_suggestion(s.as_ref(), &me, id, false, NOW + 3).await.unwrap();
    let g = s.goal(id).await.unwrap();
    assert_eq!((g.status, g.title.as_str(), g.suggested_title), (GoalStatus::Proposed, "Arbejde", None), "back to the citizen's own words");
    goals::answer_suggestion(s.as_ref(), &me, id, false, NOW + 4).await.expect("a second tap is not an error");

    goals::decide(s.as_ref(), &staff, id, adjust("Arbejde 15 timer om ugen"), NOW + 5).await.unwrap();
    goals::answer_suggestion(s.as_ref(), &me, id, true, NOW + 6).await.unwrap();
    let g = s.goal(id).await.unwrap();
    assert_eq!((g.status, g.title.as_str(), g.suggested_title), (GoalStatus::Accepted, "Arbejde 15 timer om ugen", None));
    let outcomes: Vec<_> = s.decisions_of(c).await.unwrap().into_iter().map(|d| d.outcome).collect();
    assert_eq!(outcomes, ["adjusted", "adjusted"]);
}

async fn a_proposal_can_be_withdrawn_while_it_waits_and_then_not_answered(s: Arc<dyn Store>) {
    use crate::features::goals::service as goals;
    use crate::ssr::service::ServiceError;
    let (c, cw) = citizen_with_plan(s.as_ref()).await;
    let me = signed_in(c, true);
    let id = goals::propose(s.as_ref(), &me, proposal("Svømme"), "k", NOW).await.unwrap();
    goals::withdraw(s.as_ref(), &me, id, NOW + 1).await.unwrap();
    goals::withdraw(s.as_ref(), &me, id, NOW + 2).await.expect("withdrawing twice is done, not an error");
    assert_eq!(s.goal(id).await.unwrap().status, GoalStatus::Withdrawn);
    let late = goals::decide(s.as_ref(), &staff_user(cw), id, declined("For sent"), NOW + 3).await;
    assert!(matches!(late, Err(ServiceError::Conflict)), "{late:?}");
    assert_eq!(s.decisions_of(c).await.unwrap(), vec![]);
    assert_eq!(s.unread_notifications(c).await.unwrap(), 0);
}

async fn only_the_citizen_and_their_caseworker_or_stand_in_may_act_on_a_goal(s: Arc<dyn Store>) {
    use crate::features::goals::service as goals;
    use crate::features::inbox::service as inbox;
    use crate::i18n::Lang;
    use crate::ssr::service::ServiceError;
    let (a, cw_a) = citizen_with_plan(s.as_ref()).await;
    let b = person(s.as_ref(), "Borger B", Some("011370-0020")).await;
    s.ensure_plan(b, NOW).await.unwrap();
    let other_cw = person(s.as_ref(), "Anden Sagsbehandler", None).await;
    let standin = person(s.as_ref(), "Stedfortræder", None).await;
    let host = person(s.as_ref(), "Vært", None).await;
    for p in [other_cw, standin] {
        s.grant_role(p, Role::Caseworker, NOW).await.unwrap();
    }
    s.grant_role(host, Role::Host, NOW).await.unwrap();
    s.assign_caseworker(b, other_cw, AssignmentKind::Primary, NOW).await.unwrap();
    s.assign_caseworker(a, standin, AssignmentKind::Standin, NOW).await.unwrap();
    let id = goals::propose(s.as_ref(), &signed_in(a, true), proposal("A's mål"), "k", NOW).await.unwrap();
    let host_user = crate::ssr::auth::CurrentUser { roles: vec![Role::Host], ..signed_in(host, false) };

    let refused = |r: Result<(), ServiceError>| matches!(r, Err(ServiceError::NotAllowed));
    assert!(refused(goals::withdraw(s.as_ref(), &signed_in(b, true), id, NOW).await), "citizen B");
    assert!(refused(goals::answer_suggestion(s.as_ref(), &signed_in(b, true), id, true, NOW).await), "citizen B");
    assert!(refused(goals::withdraw(s.as_ref(), &staff_user(cw_a), id, NOW).await), "staff cannot withdraw for the citizen");
    for (who, user) in [
        ("citizen A", signed_in(a, true)),
        ("citizen B", signed_in(b, true)),
        ("other caseworker", staff_user(other_cw)),
        ("host", host_user.clone()),
    ] {
        assert!(refused(goals::decide(s.as_ref(), &user, id, declined("nej"), NOW).await), "{who} may not decide");
        assert!(
            matches!(goals::review(s.as_ref(), &user, id, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)),
            "{who} may not open it"
        );
    }
    let missing = goals::review(s.as_ref(), &staff_user(cw_a), GoalId(id.0 + 1000), NOW, Lang::Da).await;
    assert!(matches!(missing, Err(ServiceError::NotAllowed)), "a missing goal looks like a refused one");
    assert_eq!(s.access_log(a).await.unwrap(), vec![], "refused reads leave no trace and read nothing");
    assert_eq!(s.goal(id).await.unwrap().status, GoalStatus::Proposed, "refused writes changed nothing");

    assert!(matches!(inbox::inbox(s.as_ref(), &host_user, None, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(inbox::caseload(s.as_ref(), &signed_in(a, true), NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    assert!(inbox::inbox(s.as_ref(), &staff_user(other_cw), None, NOW, Lang::Da).await.unwrap().is_empty(), "not in their caseload");

    // The stand-in may open and answer; opening it is logged with a purpose.
    let r = goals::review(s.as_ref(), &staff_user(standin), id, NOW + 1, Lang::Da).await.unwrap();
    assert_eq!((r.title.as_str(), r.open), ("A's mål", true));
    let log = s.access_log(a).await.unwrap();
    assert_eq!((log.len(), log[0].staff_id, log[0].purpose.as_str()), (1, standin, crate::ssr::access::Purpose::GoalReview.as_str()));
    goals::decide(s.as_ref(), &staff_user(standin), id, crate::kernel::forms::GoalAnswer::Accept, NOW + 2).await.unwrap();
    assert_eq!(s.goal(id).await.unwrap().status, GoalStatus::Accepted);
}

async fn the_inbox_lists_waiting_proposals_oldest_first_and_the_caseload_its_citizens(s: Arc<dyn Store>) {
    use crate::features::goals::service as goals;
    use crate::features::inbox::service as inbox;
    use crate::i18n::Lang;
    use crate::kernel::views::InboxKind;
    let (a, cw) = citizen_with_plan(s.as_ref()).await;
    let b = person(s.as_ref(), "Borger B", Some("011370-0021")).await;
    s.assign_caseworker(b, cw, AssignmentKind::Primary, NOW).await.unwrap();
    let newer = goals::propose(s.as_ref(), &signed_in(a, true), proposal("Nyere"), "k1", NOW + 9 * DAY).await.unwrap();
    let older = goals::propose(s.as_ref(), &signed_in(a, true), proposal("Ældre"), "k2", NOW).await.unwrap();
    let items = inbox::inbox(s.as_ref(), &staff_user(cw), Some(InboxKind::Goal), NOW + 10 * DAY, Lang::Da).await.unwrap();
    let seen: Vec<_> = items.iter().map(|i| (i.title.as_str(), i.waited.as_str(), i.overdue)).collect();
    assert_eq!(seen, [("Ældre", "10 dage", true), ("Nyere", "1 dag", false)]);
    assert_eq!(items[0].link, format!("/sagsbehandler/maal/{}", older.0));
    assert_eq!(items[0].citizen, "Jonas Borger");
    let log = s.access_log(a).await.unwrap();
    assert_eq!(
        (log.len(), log[0].purpose.as_str()),
        (1, crate::ssr::access::Purpose::Inbox.as_str()),
        "showing a proposal is a read, logged once per citizen"
    );
    assert_eq!(s.access_log(b).await.unwrap(), vec![], "B had nothing in the inbox");
    goals::decide(s.as_ref(), &staff_user(cw), newer, crate::kernel::forms::GoalAnswer::Accept, NOW + 10 * DAY).await.unwrap();
    assert_eq!(inbox::inbox(s.as_ref(), &staff_user(cw), None, NOW + 10 * DAY, Lang::Da).await.unwrap().len(), 1, "answered items leave");

    let plan = s.plan_of(a).await.unwrap().unwrap();
    let met = NewAppointment {
        starts_at: NOW + DAY,
        duration_minutes: 30,
        place: text("Café"),
        address: text("Vej 1"),
        outreach: true,
        note: None,
    };
    s.add_appointment(plan, &met, Actor::staff(cw), NOW).await.unwrap();
    let rows = inbox::caseload(s.as_ref(), &staff_user(cw), NOW + 10 * DAY, Lang::Da).await.unwrap();
    assert_eq!(rows.iter().map(|r| r.citizen.as_str()).collect::<Vec<_>>(), ["Borger B", "Jonas Borger"]);
    let jonas = &rows[1];
    assert_eq!((jonas.has_plan, jonas.accepted_goals, jonas.open_items), (true, 1, 1));
    assert!(jonas.last_contact.as_deref().unwrap_or_default().contains("kl."), "{:?}", jonas.last_contact);
    assert_eq!((rows[0].has_plan, rows[0].last_contact.as_deref()), (false, None));
}

async fn notifications_are_counted_until_the_list_is_opened(s: Arc<dyn Store>) {
    use crate::features::notifications::service::open_mine;
    use crate::i18n::Lang;
    let (c, _) = citizen_with_plan(s.as_ref()).await;
    s.notify(c, "goal_answered", "/min-plan", NOW).await.unwrap();
    s.notify(c, "goal_answered", "/min-plan", NOW + 1).await.unwrap();
    assert_eq!(s.unread_notifications(c).await.unwrap(), 2);
    let first = open_mine(s.as_ref(), &signed_in(c, true), NOW + 2, Lang::Da).await.unwrap();
    assert_eq!(first.iter().map(|n| n.unread).collect::<Vec<_>>(), [true, true], "shown as new this once");
    assert_eq!(s.unread_notifications(c).await.unwrap(), 0);
    let second = open_mine(s.as_ref(), &signed_in(c, true), NOW + 3, Lang::Da).await.unwrap();
    assert!(second.iter().all(|n| !n.unread));
}

async fn the_caseworker_works_on_the_plan_and_every_change_is_in_the_history_the_citizen_sees(s: Arc<dyn Store>) {
    use crate::features::casework::service as casework;
    use crate::features::plan::service::my_plan;
    use crate::i18n::Lang;
    use crate::kernel::forms::{parse_note, ActivityInput, AppointmentInput};
    use crate::kernel::views::Who;
    use crate::ssr::service::ServiceError;
    let (c, cw, _) = citizen_with_budget(s.as_ref()).await;
    let other = person(s.as_ref(), "Anden Sagsbehandler", None).await;
    s.grant_role(other, Role::Caseworker, NOW).await.unwrap();
    let staff = staff_user(cw);
    assert!(s.plan_of(c).await.unwrap().is_none());

    let activity = ActivityInput::parse("job", "Praktik i børnehave", "Jobcentret", "planned").unwrap();
    let refused = casework::add_activity(s.as_ref(), &staff_user(other), c, activity.clone(), NOW).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)), "not their citizen");
    assert!(s.plan_of(c).await.unwrap().is_none(), "a refused change makes no plan");
    casework::add_activity(s.as_ref(), &staff, c, activity, NOW).await.unwrap();
    let plan = s.plan_of(c).await.unwrap().expect("the caseworker's first change makes the plan");
    let act = s.activities(plan).await.unwrap()[0].id;
    let changed = ActivityInput::parse("social", "Praktik i børnehave", "Socialrådgiver Ali", "active").unwrap();
    casework::update_activity(s.as_ref(), &staff, c, act, changed.clone(), NOW + 1).await.unwrap();
    let wrong = casework::update_activity(s.as_ref(), &staff, c, crate::kernel::ids::ActivityId(act.0 + 99), changed, NOW + 1).await;
    assert!(matches!(wrong, Err(ServiceError::NotAllowed)), "an activity of another plan is not found: {wrong:?}");
    let meeting =
        AppointmentInput::parse("2026-09-24", "10:00", "45", "Café X", "Torvet 1", "yes", "Tag dit sygesikringskort med").unwrap();
    casework::add_appointment(s.as_ref(), &staff, c, meeting, NOW + 2).await.unwrap();
    casework::add_note(s.as_ref(), &staff, c, parse_note("Vi aftalte at ringe til børnehaven.").unwrap(), NOW + 3).await.unwrap();

    let view = my_plan(s.as_ref(), &signed_in(c, true), NOW + 4, Lang::Da).await.unwrap().unwrap();
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
    casework::add_appointment(s.as_ref(), &staff, c, gone, NOW + 5).await.unwrap();
    let appts = s.appointments(plan).await.unwrap();
    let cancel = appts.iter().find(|a| a.place == "Rådhuset").unwrap().id;
    let refused = casework::cancel_appointment(s.as_ref(), &staff_user(other), c, cancel, NOW + 6).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)));
    casework::cancel_appointment(s.as_ref(), &staff, c, cancel, NOW + 6).await.unwrap();
    assert_eq!(s.appointments(plan).await.unwrap().len(), 1, "a cancelled meeting is no longer shown");
    assert_eq!(s.history(plan).await.unwrap().last().map(|e| e.kind.as_str()), Some("appointment_cancelled"));

    let opened = casework::open_plan(s.as_ref(), &staff, c, NOW + 5, Lang::Da).await.unwrap();
    assert_eq!((opened.citizen.as_str(), opened.plan.activities.len()), ("Jonas Borger", 1));
    let log = s.access_log(c).await.unwrap();
    assert_eq!((log.len(), log[0].purpose.as_str()), (1, crate::ssr::access::Purpose::PlanWork.as_str()), "opening the plan is logged");
    assert!(matches!(casework::open_plan(s.as_ref(), &staff_user(other), c, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    assert_eq!(s.access_log(c).await.unwrap().len(), 1, "a refused open is not logged");
}

async fn a_citizen_sees_their_budget_as_figures_and_a_ledger_and_nobody_elses(s: Arc<dyn Store>) {
    use crate::features::budget::service::my_budget;
    use crate::i18n::Lang;
    let (c, cw, b) = citizen_with_budget(s.as_ref()).await;
    let first = s.request_spending(&spend(b, c, kr(2_500), "k1"), NOW + DAY).await.unwrap().id();
    s.request_spending(&spend(b, c, kr(1_000), "k2"), NOW + 2 * DAY).await.unwrap();
    s.decide_spending(&decide(first, Some(kr(2_000)), decision(cw, Some("Cyklen koster 2.000 kr."))), NOW + 3 * DAY).await.unwrap();

    let v = my_budget(s.as_ref(), &signed_in(c, true), Lang::Da).await.unwrap().expect("a budget");
    assert_eq!(
        (v.granted.as_str(), v.spent.as_str(), v.reserved.as_str(), v.available.as_str()),
        ("10.000,00 kr.", "2.000,00 kr.", "1.000,00 kr.", "7.000,00 kr.")
    );
    assert_eq!((v.spent_pct, v.reserved_pct), (20, 10));
    let kinds: Vec<_> = v.ledger.iter().map(|l| (l.kind.as_str(), l.amount.as_str())).collect();
    assert_eq!(
        kinds,
        [
            ("release", "500,00 kr."),
            ("spend", "2.000,00 kr."),
            ("reserve", "1.000,00 kr."),
            ("reserve", "2.500,00 kr."),
            ("grant", "10.000,00 kr.")
        ],
        "newest first; a decision spends and releases at once"
    );
    assert_eq!(v.ledger[0].about.as_deref(), Some("Cykel til at komme i praktik"));
    assert!(v.period.contains("2026"), "{}", v.period);

    let other = person(s.as_ref(), "Uden Budget", Some("011370-0031")).await;
    assert_eq!(my_budget(s.as_ref(), &signed_in(other, true), Lang::Da).await.unwrap(), None, "no budget, and never someone else's");
    assert_eq!(my_budget(s.as_ref(), &signed_in(cw, false), Lang::Da).await.unwrap(), None);
}

/// The budget service's rules over the store: who may ask, cancel, answer,
/// grant, top up and end, and the messages a refused input gets.
async fn the_budget_service_checks_who_acts_and_explains_refusals(s: Arc<dyn Store>) {
    use crate::features::budget::service as budget;
    use crate::kernel::forms::{budget_fields, GrantInput, Problem, SpendingAnswer, SpendingInput};
    use crate::ssr::service::ServiceError;
    let (c, cw, b) = citizen_with_budget(s.as_ref()).await;
    let other = person(&*s, "Anden Borger", Some("011370-0009")).await;
    let other_cw = person(&*s, "Anden Sagsbehandler", None).await;
    s.grant_role(other_cw, Role::Caseworker, NOW).await.unwrap();
    let (citizen, caseworker) = (signed_in(c, true), staff_user(cw));
    let ask = |amount: &str| SpendingInput::parse(amount, "Sko til praktikken", "").unwrap();
    fn problem<T>(r: Result<T, ServiceError>) -> (String, Problem) {
        match r {
            Err(ServiceError::Invalid(e)) => (e[0].field.clone(), e[0].problem),
            other => panic!("expected a refused field, got {:?}", other.map(|_| ())),
        }
    }

    // Asking: a citizen from their own running budget; more than is left is
    // refused with what is left; a goal that is not theirs is refused.
    assert!(matches!(budget::request(&*s, &caseworker, ask("10"), "x", NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(budget::request(&*s, &signed_in(other, true), ask("10"), "x", NOW).await, Err(ServiceError::NotAllowed)), "no budget");
    assert_eq!(
        problem(budget::request(&*s, &citizen, ask("10.000,01"), "big", NOW).await),
        (budget_fields::AMOUNT.into(), Problem::MoreThanAvailable(kr(10_000)))
    );
    let other_plan = s.ensure_plan(other, NOW).await.unwrap();
    let theirs = s
        .add_goal(
            other_plan,
            &NewGoal { title: GoalTitle::parse("Deres mål").unwrap(), why: None, first_step: None, status: GoalStatus::Accepted },
            Actor::citizen(other),
            NOW,
        )
        .await
        .unwrap();
    let with_goal = SpendingInput::parse("10", "Sko", &theirs.0.to_string()).unwrap();
    assert_eq!(problem(budget::request(&*s, &citizen, with_goal, "g", NOW).await).0, budget_fields::GOAL);
    let r = budget::request(&*s, &citizen, ask("1.000"), "k1", NOW).await.unwrap();
    assert_eq!(budget::request(&*s, &citizen, ask("1.000"), "k1", NOW + 1).await.unwrap(), r, "the same key is the same request");

    // The per-hour limit is the municipality's setting, with a friendly message.
    s.set_requests_per_hour(2).await.unwrap();
    budget::request(&*s, &citizen, ask("1"), "k2", NOW + 2).await.unwrap();
    assert_eq!(
        problem(budget::request(&*s, &citizen, ask("1"), "k3", NOW + 3).await),
        (budget_fields::AMOUNT.into(), Problem::TooManyRequests(2))
    );

    // Answering: the citizen's caseworker only; a "lower" amount must be lower.
    let lower = |kr: &str| SpendingAnswer::parse(budget_fields::LOWER, kr, "Prisen").unwrap();
    assert!(matches!(budget::decide(&*s, &staff_user(other_cw), r, lower("500"), NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(budget::decide(&*s, &citizen, r, lower("500"), NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(budget::review(&*s, &staff_user(other_cw), r, NOW, crate::i18n::Lang::Da).await, Err(ServiceError::NotAllowed)));
    assert_eq!(
        problem(budget::decide(&*s, &caseworker, r, lower("1.000"), NOW).await),
        (budget_fields::AMOUNT.into(), Problem::NotLower(kr(1_000)))
    );
    let review = budget::review(&*s, &caseworker, r, NOW, crate::i18n::Lang::Da).await.unwrap();
    assert!(review.open && review.request.amount == "1.000,00 kr.");
    budget::decide(&*s, &caseworker, r, lower("750"), NOW + 4).await.unwrap();
    assert!(matches!(budget::decide(&*s, &caseworker, r, lower("700"), NOW + 5).await, Err(ServiceError::Conflict)), "answered once");
    assert_eq!(s.notifications(c).await.unwrap()[0].kind, budget::NOTICE_SPENDING_ANSWERED);
    let seen = budget::my_budget(&*s, &citizen, crate::i18n::Lang::Da).await.unwrap().unwrap();
    let answered = seen.requests.iter().find(|v| v.id == r.0).unwrap();
    assert_eq!((answered.status.as_str(), answered.approved.as_deref()), ("approved", Some("750,00 kr.")));
    assert_eq!((answered.decisions[0].outcome.as_str(), answered.decisions[0].reasons.as_deref()), ("approved_lower", Some("Prisen")));

    // Cancelling: the citizen's own waiting request; a second tap is done, not an error.
    let waiting = s.spending_requests(b).await.unwrap().into_iter().find(|x| x.status == RequestStatus::Pending).unwrap().id;
    assert!(matches!(budget::cancel(&*s, &signed_in(other, true), waiting, NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(budget::cancel(&*s, &caseworker, waiting, NOW).await, Err(ServiceError::NotAllowed)));
    budget::cancel(&*s, &citizen, waiting, NOW + 6).await.unwrap();
    budget::cancel(&*s, &citizen, waiting, NOW + 7).await.unwrap();
    assert!(matches!(budget::cancel(&*s, &citizen, r, NOW).await, Err(ServiceError::Conflict)), "an answered request cannot be withdrawn");

    // Granting, topping up and ending: the caseworker, within the cap.
    let grant = |amount: &str| GrantInput::parse(amount, "15", "").unwrap();
    assert!(matches!(budget::grant(&*s, &staff_user(other_cw), c, grant("1.000"), NOW).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(budget::grant(&*s, &caseworker, c, grant("1.000"), NOW).await, Err(ServiceError::Conflict)), "one is running");
    assert_eq!(
        problem(budget::top_up(&*s, &caseworker, c, kr(40_001), NOW).await),
        (budget_fields::AMOUNT.into(), Problem::OverCap(kr(50_000)))
    );
    budget::top_up(&*s, &caseworker, c, kr(40_000), NOW + 8).await.unwrap();
    assert!(matches!(budget::end(&*s, &citizen, c, NOW).await, Err(ServiceError::NotAllowed)));
    budget::end(&*s, &caseworker, c, NOW + 9).await.unwrap();
    assert!(
        matches!(budget::request(&*s, &citizen, ask("1"), "after", NOW + 10).await, Err(ServiceError::NotAllowed)),
        "nothing to ask from"
    );
    let ended = budget::my_budget(&*s, &citizen, crate::i18n::Lang::Da).await.unwrap().unwrap();
    assert!(ended.ended.is_some() && ended.available == "0,00 kr.", "{ended:?}");
    assert_eq!(
        problem(budget::grant(&*s, &caseworker, c, grant("50.000,01"), NOW + 11).await),
        (budget_fields::AMOUNT.into(), Problem::OverCap(kr(50_000)))
    );
    budget::grant(&*s, &caseworker, c, grant("5.000"), NOW + 11).await.unwrap();
    let new = s.budgets_of(c).await.unwrap().pop().unwrap();
    assert_eq!((new.granted, new.period_end > NOW + 440 * DAY), (kr(5_000), true), "15 months from now");
    let log = s.access_log(c).await.unwrap();
    assert_eq!(
        log.iter().filter(|e| e.purpose == crate::ssr::access::Purpose::SpendingReview.as_str()).count(),
        1,
        "the caseworker's read is logged; refused reads are not"
    );
}

/// The public network: groups with their hosts' display names (never full
/// names), upcoming meetups with places left, filters, and one page each.
async fn the_public_network_shows_groups_display_names_and_upcoming_meetups(s: Arc<dyn Store>) {
    use crate::features::network::service as network;
    use crate::i18n::Lang;
    use crate::ssr::service::ServiceError;
    let group = |name: &str, topic: &str, area: &str| NewGroup {
        name: text(name),
        description: "Kom og vær med".into(),
        topic: text(topic),
        area: text(area),
        usual_place: text("Biblioteket"),
    };
    let knit = s.create_group(&group("Strikkecafé", "Hygge", "Nord"), NOW).await.unwrap();
    let walk = s.create_group(&group("Gåtur", "Motion", "Øst"), NOW).await.unwrap();
    let bent = s
        .create_person(&NewPerson { full_name: text("Bent Frivillig"), cpr: None, subject: None, display_name: Some(text("Bent")) }, NOW)
        .await
        .unwrap();
    let anonymous_host = person(&*s, "Hanne Uden Kaldenavn", None).await;
    s.add_group_host(knit, bent).await.unwrap();
    s.add_group_host(walk, anonymous_host).await.unwrap();
    let meetup = |group: GroupId, at: i64| NewMeetup {
        group,
        starts_at: at,
        duration_minutes: 90,
        place: text("Biblioteket"),
        address: text("Torvet 1"),
        capacity: 2,
        description: "Tag garn med".into(),
    };
    let soon = s.create_meetup(&meetup(knit, NOW + DAY), NOW).await.unwrap();
    s.create_meetup(&meetup(knit, NOW - DAY), NOW).await.unwrap();
    s.create_meetup(&meetup(walk, NOW + 2 * DAY), NOW).await.unwrap();
    s.sign_up(soon, anonymous_host, NOW).await.unwrap();

    let all = network::overview(&*s, None, None, NOW, Lang::Da).await.unwrap();
    assert_eq!(
        (all.areas.clone(), all.topics.clone()),
        (vec!["Nord".to_string(), "Øst".into()], vec!["Hygge".to_string(), "Motion".into()])
    );
    assert_eq!(
        all.groups.iter().map(|g| (g.name.as_str(), g.hosts.clone())).collect::<Vec<_>>(),
        [("Gåtur", vec![]), ("Strikkecafé", vec!["Bent".to_string()])]
    );
    assert_eq!(all.meetups.iter().map(|m| m.group.as_str()).collect::<Vec<_>>(), ["Strikkecafé", "Gåtur"], "upcoming only, soonest first");
    assert_eq!((all.meetups[0].places_left, all.meetups[0].capacity, all.meetups[0].duration.as_str()), (1, 2, "1 time og 30 minutter"));
    let shown = format!("{all:?}");
    assert!(!shown.contains("Frivillig") && !shown.contains("Kaldenavn"), "never a full name: {shown}");

    let north = network::overview(&*s, Some("Nord"), None, NOW, Lang::Da).await.unwrap();
    assert_eq!((north.groups.len(), north.meetups.len(), north.areas.len()), (1, 1, 2), "the filter narrows; its choices stay");
    assert_eq!(network::overview(&*s, Some("Nord"), Some("Motion"), NOW, Lang::Da).await.unwrap().groups, vec![]);

    let page = network::group_page(&*s, None, knit, NOW, Lang::Da).await.unwrap();
    assert_eq!((page.group.name.as_str(), page.meetups.len()), ("Strikkecafé", 1));
    let m = network::meetup_page(&*s, None, soon, Lang::Da).await.unwrap();
    assert_eq!((m.group.as_str(), m.places_left, m.cancelled, m.group_link.clone()), ("Strikkecafé", 1, false, routes::group(knit.0)));
    assert!(matches!(network::group_page(&*s, None, GroupId(9_999), NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    assert!(matches!(network::meetup_page(&*s, None, MeetupId(9_999), Lang::Da).await, Err(ServiceError::NotAllowed)));

    // Signing up and cancelling: signed in only; twice is the same as once;
    // the page tells the person their place.
    let (a, b) = (signed_in(person(&*s, "Ane", None).await, true), signed_in(person(&*s, "Bo", None).await, true));
    assert!(matches!(network::sign_up(&*s, None, soon, NOW).await, Err(ServiceError::NotSignedIn)));
    assert_eq!(network::sign_up(&*s, Some(&a), soon, NOW).await.unwrap(), SignupStatus::Going, "the last place");
    assert_eq!(network::sign_up(&*s, Some(&a), soon, NOW).await.unwrap(), SignupStatus::Going, "twice is once");
    assert_eq!(network::sign_up(&*s, Some(&b), soon, NOW).await.unwrap(), SignupStatus::Waiting);
    let seen = network::meetup_page(&*s, Some(&b), soon, Lang::Da).await.unwrap();
    assert_eq!((seen.mine, seen.places_left), (Some(("waiting".to_string(), 1)), 0));
    network::cancel(&*s, Some(&a), soon, NOW + 1).await.unwrap();
    network::cancel(&*s, Some(&a), soon, NOW + 2).await.unwrap();
    assert_eq!(network::meetup_page(&*s, Some(&b), soon, Lang::Da).await.unwrap().mine, Some(("going".to_string(), 0)), "moved up");
    assert_eq!(s.notifications(b.person_id).await.unwrap()[0].link, routes::meetup(soon.0));

    // Joining and leaving a group: signed in only; twice is once.
    assert_eq!(network::group_page(&*s, None, knit, NOW, Lang::Da).await.unwrap().member, None);
    assert!(matches!(network::membership(&*s, None, knit, true, NOW).await, Err(ServiceError::NotSignedIn)));
    assert!(matches!(network::membership(&*s, Some(&a), GroupId(9_999), true, NOW).await, Err(ServiceError::NotAllowed)));
    for _ in 0..2 {
        network::membership(&*s, Some(&a), knit, true, NOW).await.unwrap();
    }
    assert_eq!(network::group_page(&*s, Some(&a), knit, NOW, Lang::Da).await.unwrap().member, Some(true));
    assert_eq!(network::group_page(&*s, Some(&b), knit, NOW, Lang::Da).await.unwrap().member, Some(false), "per person");
    network::membership(&*s, Some(&a), knit, false, NOW).await.unwrap();
    network::membership(&*s, Some(&a), knit, false, NOW).await.unwrap();
    assert_eq!(network::group_page(&*s, Some(&a), knit, NOW, Lang::Da).await.unwrap().member, Some(false));
}

async fn a_freed_place_goes_to_the_first_in_line_who_is_notified(s: Arc<dyn Store>) {
    let g = s
        .create_group(
            &NewGroup {
                name: text("Jobklubben"),
                description: "CV".into(),
                topic: text("Arbejde"),
                area: text("Vest"),
                usual_place: text("Kulturhuset"),
            },
            NOW,
        )
        .await
        .unwrap();
    let m = s
        .create_meetup(
            &NewMeetup {
                group: g,
                starts_at: NOW + DAY,
                duration_minutes: 60,
                place: text("Kulturhuset"),
                address: text("Vej 2"),
                capacity: 2,
                description: String::new(),
            },
            NOW,
        )
        .await
        .unwrap();
    let mut p = Vec::new();
    for i in 0..4 {
        p.push(person(&*s, &format!("Deltager {i}"), None).await);
    }
    for (i, who) in p.iter().enumerate() {
        s.sign_up(m, *who, NOW + i as i64).await.unwrap();
    }
    let moved = || ("meetup_moved_up", "/netvaerk/moede/1".to_string());
    use SignupStatus::{Going, Waiting};
    assert_eq!(s.signups(m).await.unwrap(), vec![(p[0], Going), (p[1], Going), (p[2], Waiting), (p[3], Waiting)]);
    // Someone waiting leaves: nobody moves.
    assert_eq!(s.cancel_signup(m, p[3], moved(), NOW + 10).await.unwrap(), None);
    // Someone going leaves: the first in line moves up and is told.
    assert_eq!(s.cancel_signup(m, p[0], moved(), NOW + 11).await.unwrap(), Some(p[2]));
    assert_eq!(s.notifications(p[2]).await.unwrap()[0].kind, "meetup_moved_up");
    assert_eq!(s.notifications(p[1]).await.unwrap(), vec![]);
    assert!(matches!(s.cancel_signup(m, p[0], moved(), NOW + 12).await, Err(DbError::Conflict(_))), "not signed up any more");
    // Coming back means the back of the line.
    assert_eq!(s.sign_up(m, p[0], NOW + 13).await.unwrap(), Waiting);
    assert_eq!(s.sign_up(m, p[3], NOW + 14).await.unwrap(), Waiting);
    assert_eq!(s.signups(m).await.unwrap(), vec![(p[1], Going), (p[2], Going), (p[0], Waiting), (p[3], Waiting)]);
    // With nobody waiting, a freed place is free again.
    for who in [p[0], p[3], p[1]] {
        s.cancel_signup(m, who, moved(), NOW + 15).await.unwrap();
    }
    assert_eq!(s.meetup(m).await.unwrap().places_left(), 1);
    assert!(matches!(s.sign_up(m, p[1], NOW + 2 * DAY).await, Err(DbError::Conflict(_))), "a meetup that has started takes no sign-ups");
}

/// Simultaneous sign-ups and cancellations: the count of places taken always
/// equals who is going, never above capacity, and nobody waits while a place is free.
async fn simultaneous_sign_ups_and_cancellations_keep_the_count_and_the_line(s: Arc<dyn Store>) {
    let g = s
        .create_group(
            &NewGroup {
                name: text("Gåtur"),
                description: "Gå".into(),
                topic: text("Motion"),
                area: text("Øst"),
                usual_place: text("Stranden"),
            },
            NOW,
        )
        .await
        .unwrap();
    let m = s
        .create_meetup(
            &NewMeetup {
                group: g,
                starts_at: NOW + DAY,
                duration_minutes: 60,
                place: text("Stranden"),
                address: text("Vej 3"),
                capacity: 3,
                description: String::new(),
            },
            NOW,
        )
        .await
        .unwrap();
    let mut people = Vec::new();
    for i in 0..16 {
        people.push(person(&*s, &format!("Gæst {i}"), None).await);
    }
    let first: Vec<_> = people[..10]
        .iter()
        .map(|p| {
            let (s, p) = (s.clone(), *p);
            tokio::spawn(async move { s.sign_up(m, p, NOW).await })
        })
        .collect();
    for t in futures::future::join_all(first).await {
        t.unwrap().unwrap();
    }
    let mut tasks = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let (s, p) = (s.clone(), *p);
        tasks.push(tokio::spawn(async move {
            if i < 10 && i % 2 == 0 {
                s.cancel_signup(m, p, ("meetup_moved_up", "/x".into()), NOW + 1).await.map(|_| ())
            } else if i >= 10 {
                s.sign_up(m, p, NOW + 1).await.map(|_| ())
            } else {
                Ok(())
            }
        }));
    }
    for t in futures::future::join_all(tasks).await {
        t.unwrap().unwrap();
    }
    let list = s.signups(m).await.unwrap();
    let going = list.iter().filter(|(_, st)| *st == SignupStatus::Going).count() as i64;
    let meetup = s.meetup(m).await.unwrap();
    assert_eq!((list.len(), going, meetup.going), (11, 3, 3), "{list:?}");
}

// ---- fixtures -----------------------------------------------------------

/// A fresh SQLite file in a temporary folder (a file, not `:memory:`, so
/// concurrency tests use several connections and WAL as in production).
async fn sqlite_store() -> (Arc<dyn Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::connect(&format!("sqlite://{}/test.db", dir.path().display())).await.expect("sqlite");
    store.migrate().await.expect("migrations");
    (Arc::new(store), dir)
}

/// A fresh PostgreSQL database, or `None` when no test server is configured
/// (outside CI only: under `CI=true` that is a failure).
async fn postgres_store() -> Option<Arc<dyn Store>> {
    let Ok(admin_url) = std::env::var("TEST_DATABASE_URL") else {
        assert!(std::env::var("CI").is_err(), "TEST_DATABASE_URL must be set in CI: PostgreSQL tests may not be skipped");
        eprintln!("TEST_DATABASE_URL not set: skipping the PostgreSQL run of this test");
        return None;
    };
    let admin = PgStore::connect(&admin_url).await.expect("connect to TEST_DATABASE_URL");
    let name = format!("enplan_test_{}_{}", std::process::id(), next_db_number());
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin.pool).await.expect("create test database");
    admin.pool.close().await;
    let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin_url);
    let store = PgStore::connect(&format!("{base}/{name}")).await.expect("connect to test database");
    store.migrate().await.expect("migrations");
    Some(Arc::new(store))
}

fn next_db_number() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    N.fetch_add(1, Ordering::Relaxed) * 1_000_000_000 + u64::from(nanos)
}

fn host_user(id: PersonId) -> crate::ssr::auth::CurrentUser {
    crate::ssr::auth::CurrentUser { roles: vec![Role::Host], ..signed_in(id, false) }
}

fn group_input(name: &str) -> crate::kernel::forms::GroupInput {
    crate::kernel::forms::GroupInput::parse(name, "Vi mødes og hygger", "Hygge", "Nord", "Biblioteket").expect("valid group")
}

/// A meetup form as typed, `days` after NOW at 17:00 Copenhagen time.
fn meetup_input(days: i64, place: &str, capacity: i64) -> crate::kernel::forms::MeetupInput {
    let (date, _) = crate::kernel::time::form_date_time(NOW + days * DAY);
    crate::kernel::forms::MeetupInput::parse(&date, "17:00", "90", place, "Torvet 1", &capacity.to_string(), "Tag garn med")
        .expect("valid meetup")
}

/// The host side, through the service: only a host of the group runs it;
/// everyone signed up or waiting is told of a change, a cancellation and a
/// message; added places go to the line; hosts see display names only.
async fn a_host_runs_their_group_and_meetups_and_everyone_signed_up_is_told(s: Arc<dyn Store>) {
    use crate::features::network::service as network;
    use crate::i18n::Lang;
    use crate::kernel::forms::{parse_announcement, parse_display_name, Problem};
    use crate::ssr::service::ServiceError;
    let (citizen, caseworker, _) = citizen_with_budget(&*s).await;
    let (a, b) = (person(&*s, "Anne Værtsen", None).await, person(&*s, "Bo Andenvært", None).await);
    for h in [a, b] {
        s.grant_role(h, Role::Host, NOW).await.unwrap();
    }
    let (host, other_host) = (host_user(a), host_user(b));
    let (c, cw) = (signed_in(citizen, true), staff_user(caseworker));

    // Creating a group: the host role only; a repeated submit is one group.
    assert!(matches!(network::create_group(&*s, None, group_input("Strik"), "k1", NOW).await, Err(ServiceError::NotSignedIn)));
    for who in [&c, &cw] {
        assert!(matches!(network::create_group(&*s, Some(who), group_input("Strik"), "k1", NOW).await, Err(ServiceError::NotAllowed)));
    }
    let g = network::create_group(&*s, Some(&host), group_input("Strik"), "k1", NOW).await.unwrap();
    assert_eq!(network::create_group(&*s, Some(&host), group_input("Strik"), "k1", NOW).await.unwrap(), g, "same key, same group");
    let other = network::create_group(&*s, Some(&other_host), group_input("Gåtur"), "k1", NOW).await.unwrap();
    assert_ne!(g, other);
    assert_eq!(s.groups().await.unwrap().len(), 2);

    // Editing the group and posting meetups: a host of this group only.
    for who in [Some(&other_host), Some(&c), Some(&cw)] {
        assert!(matches!(network::update_group(&*s, who, g, group_input("Overtaget")).await, Err(ServiceError::NotAllowed)));
        assert!(matches!(network::post_meetup(&*s, who, g, meetup_input(2, "Café", 2), "m1", NOW).await, Err(ServiceError::NotAllowed)));
        assert!(matches!(network::group_to_edit(&*s, who, g, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    }
    network::update_group(&*s, Some(&host), g, group_input("Strikkecafé")).await.unwrap();
    let page = network::group_page(&*s, Some(&host), g, NOW, Lang::Da).await.unwrap();
    assert_eq!((page.group.name.as_str(), page.hosting), ("Strikkecafé", true));
    assert!(!network::group_page(&*s, Some(&other_host), g, NOW, Lang::Da).await.unwrap().hosting);
    let past = network::post_meetup(&*s, Some(&host), g, meetup_input(-1, "Café", 2), "m0", NOW).await;
    assert!(matches!(past, Err(ServiceError::Invalid(e)) if e[0].problem == Problem::InThePast));
    let m = network::post_meetup(&*s, Some(&host), g, meetup_input(2, "Café", 2), "m1", NOW).await.unwrap();
    assert_eq!(network::post_meetup(&*s, Some(&host), g, meetup_input(2, "Café", 2), "m1", NOW).await.unwrap(), m, "same key, same meetup");
    assert_eq!(s.group_meetups(g, NOW).await.unwrap().len(), 1);

    // Three sign up for two places; two chose a display name.
    let mut people = Vec::new();
    for (name, display) in [("Ane Andersen", Some("Ane")), ("Bo Bertelsen", Some("Bo")), ("Cecilie Carlsen", None)] {
        let p = signed_in(person(&*s, name, Some(&format!("0101{:02}-1111", people.len()))).await, true);
        if let Some(d) = display {
            network::set_display_name(&*s, Some(&p), &parse_display_name(d).unwrap()).await.unwrap();
        }
        network::sign_up(&*s, Some(&p), m, NOW).await.unwrap();
        people.push(p);
    }
    assert!(matches!(network::set_display_name(&*s, None, &parse_display_name("X").unwrap()).await, Err(ServiceError::NotSignedIn)));
    let (seen, _) = network::meetup_to_host(&*s, Some(&host), m, Lang::Da).await.unwrap();
    let inside = seen.inside.clone().expect("the host sees who is coming");
    assert_eq!((inside.going, inside.waiting), (vec!["Ane".to_string(), "Bo".into()], vec!["uden navn".to_string()]));
    let shown = format!("{seen:?}");
    for secret in ["Andersen", "Carlsen", "0101", "Jonas"] {
        assert!(!shown.contains(secret), "a host sees display names only: {shown}");
    }
    for who in [Some(&other_host), Some(&people[0]), Some(&cw), None] {
        assert!(matches!(network::meetup_to_host(&*s, who, m, Lang::Da).await, Err(ServiceError::NotAllowed | ServiceError::NotSignedIn)));
    }
    assert!(network::meetup_page(&*s, Some(&people[2]), m, Lang::Da).await.unwrap().inside.is_some(), "those signed up see who comes");
    for who in [Some(&c), None] {
        assert_eq!(network::meetup_page(&*s, who, m, Lang::Da).await.unwrap().inside, None, "nobody else does");
    }

    // Fewer places than are taken is refused, field by field.
    let fewer = network::update_meetup(&*s, Some(&host), m, meetup_input(2, "Café", 1), NOW).await;
    assert!(matches!(fewer, Err(ServiceError::Invalid(e)) if e[0].problem == Problem::CapacityBelowGoing(2)));
    assert!(matches!(
        network::update_meetup(&*s, Some(&other_host), m, meetup_input(2, "Café", 3), NOW).await,
        Err(ServiceError::NotAllowed)
    ));
    // One more place: the one waiting moves up and is told; nothing else changed.
    network::update_meetup(&*s, Some(&host), m, meetup_input(2, "Café", 3), NOW + 1).await.unwrap();
    let kinds = |p: PersonId| {
        let s = s.clone();
        async move { s.notifications(p).await.unwrap().into_iter().map(|n| n.kind).collect::<Vec<_>>() }
    };
    assert_eq!(kinds(people[2].person_id).await, vec![network::NOTICE_MOVED_UP]);
    assert_eq!(kinds(people[0].person_id).await, Vec::<String>::new(), "a change of places only is no news to those going");
    // A new place: everyone is told.
    network::update_meetup(&*s, Some(&host), m, meetup_input(2, "Kulturhuset", 3), NOW + 2).await.unwrap();
    assert_eq!(s.meetup(m).await.unwrap().place, "Kulturhuset");
    for p in &people {
        assert_eq!(kinds(p.person_id).await[0], network::NOTICE_CHANGED);
    }
    // A message: everyone is told, once per submit.
    let body = parse_announcement("Vi mødes ved bagindgangen").unwrap();
    for _ in 0..2 {
        network::announce(&*s, Some(&host), m, &body, "a1", NOW + 3).await.unwrap();
    }
    assert!(matches!(network::announce(&*s, Some(&other_host), m, &body, "a2", NOW).await, Err(ServiceError::NotAllowed)));
    assert_eq!(s.announcements(m).await.unwrap().len(), 1);
    let page = network::meetup_page(&*s, Some(&people[1]), m, Lang::Da).await.unwrap();
    assert_eq!(page.inside.unwrap().announcements[0].body, "Vi mødes ved bagindgangen");
    for p in &people {
        assert_eq!(kinds(p.person_id).await[0], network::NOTICE_ANNOUNCEMENT);
    }
    assert_eq!(s.notifications(people[0].person_id).await.unwrap()[0].link, routes::meetup_messages(m.0));

    // "My groups and meetups".
    network::membership(&*s, Some(&people[0]), g, true, NOW).await.unwrap();
    let mine = network::mine(&*s, Some(&people[0]), NOW, Lang::Da).await.unwrap();
    assert_eq!((mine.display_name.as_deref(), mine.meetups.len(), mine.groups.len(), mine.hosted.is_none()), (Some("Ane"), 1, 1, true));
    assert_eq!(network::mine(&*s, Some(&host), NOW, Lang::Da).await.unwrap().hosted.unwrap()[0].name, "Strikkecafé");
    assert!(matches!(network::mine(&*s, None, NOW, Lang::Da).await, Err(ServiceError::NotSignedIn)));

    // Cancelling: a host of the group only; everyone is told; twice is once.
    assert!(matches!(network::cancel_meetup(&*s, Some(&other_host), m, NOW + 4).await, Err(ServiceError::NotAllowed)));
    for _ in 0..2 {
        network::cancel_meetup(&*s, Some(&host), m, NOW + 4).await.unwrap();
    }
    for p in &people {
        let k = kinds(p.person_id).await;
        assert_eq!((k[0].as_str(), k.iter().filter(|k| *k == network::NOTICE_CANCELLED).count()), (network::NOTICE_CANCELLED, 1));
    }
    assert!(matches!(network::update_meetup(&*s, Some(&host), m, meetup_input(2, "Café", 3), NOW + 5).await, Err(ServiceError::Conflict)));
    assert!(matches!(s.sign_up(m, c.person_id, NOW + 5).await, Err(DbError::Conflict(_))));
    let mine = network::mine(&*s, Some(&people[0]), NOW, Lang::Da).await.unwrap();
    assert!(mine.meetups[0].cancelled, "their list shows it is cancelled");
}

/// A host adds places while people sign up and cancel at the same moment:
/// the count always equals who is going, never above the capacity, and
/// nobody waits while a place is free.
async fn places_added_while_people_sign_up_go_to_the_line_in_order(s: Arc<dyn Store>) {
    let g = s
        .create_group(
            &NewGroup {
                name: text("Jobklub"),
                description: "CV".into(),
                topic: text("Arbejde"),
                area: text("Vest"),
                usual_place: text("Huset"),
            },
            NOW,
        )
        .await
        .unwrap();
    let new = |capacity: i64, place: &str| NewMeetup {
        group: g,
        starts_at: NOW + DAY,
        duration_minutes: 60,
        place: text(place),
        address: text("Vej 2"),
        capacity,
        description: String::new(),
    };
    let m = s.create_meetup(&new(2, "Huset"), NOW).await.unwrap();
    let notices = MeetupNotices { moved_up: ("meetup_moved_up", "/m".into()), changed: ("meetup_changed", "/m".into()) };
    let mut people = Vec::new();
    for i in 0..12 {
        people.push(person(&*s, &format!("Gæst {i}"), None).await);
    }
    for p in &people[..4] {
        s.sign_up(m, *p, NOW).await.unwrap();
    }
    assert!(matches!(s.update_meetup(m, &new(1, "Huset"), &notices, NOW).await, Err(DbError::Conflict(_))), "below those going");
    let mut tasks = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let (s, p) = (s.clone(), *p);
        tasks.push(tokio::spawn(async move {
            if i >= 4 {
                s.sign_up(m, p, NOW + 1).await.map(|_| ())
            } else if i == 0 {
                s.cancel_signup(m, p, ("meetup_moved_up", "/m".into()), NOW + 1).await.map(|_| ())
            } else {
                Ok(())
            }
        }));
    }
    {
        let (s, notices, seven) = (s.clone(), notices.clone(), new(7, "Huset"));
        tasks.push(tokio::spawn(async move { s.update_meetup(m, &seven, &notices, NOW + 1).await }));
    }
    for t in futures::future::join_all(tasks).await {
        t.unwrap().unwrap();
    }
    let list = s.signups(m).await.unwrap();
    let going = list.iter().filter(|(_, st)| *st == SignupStatus::Going).count() as i64;
    let meetup = s.meetup(m).await.unwrap();
    assert_eq!((meetup.going, going, list.len()), (7, 7, 11), "7 places, 11 signed up: {list:?}");
    // Those waiting from the start moved up first, in order.
    assert!(list.iter().take(7).any(|(p, _)| *p == people[2]) && list.iter().take(7).any(|(p, _)| *p == people[3]));
    for p in &people[2..4] {
        assert_eq!(s.notifications(*p).await.unwrap()[0].kind, "meetup_moved_up");
    }
    assert_eq!(s.notifications(people[1]).await.unwrap(), vec![], "no news for someone who had a place all along");
}

macro_rules! on_both_backends {
    ($($story:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $story() {
                    let (store, _dir) = super::sqlite_store().await;
                    super::$story(store).await;
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $story() {
                    if let Some(store) = super::postgres_store().await {
                        super::$story(store).await;
                    }
                }
            )*
        }
    };
}

on_both_backends!(
    staff_act_for_a_citizen_only_as_their_caseworker_or_stand_in_and_their_reads_are_logged,
    a_citizen_sees_their_budget_as_figures_and_a_ledger_and_nobody_elses,
    the_budget_service_checks_who_acts_and_explains_refusals,
    the_caseworker_works_on_the_plan_and_every_change_is_in_the_history_the_citizen_sees,
    a_declined_proposal_leaves_an_immutable_decision_and_notifies_the_citizen,
    a_suggested_wording_is_rejected_or_accepted_by_the_citizen,
    a_proposal_can_be_withdrawn_while_it_waits_and_then_not_answered,
    only_the_citizen_and_their_caseworker_or_stand_in_may_act_on_a_goal,
    the_inbox_lists_waiting_proposals_oldest_first_and_the_caseload_its_citizens,
    notifications_are_counted_until_the_list_is_opened,
    a_citizen_sees_who_opened_their_data_and_only_their_own_log,
    a_citizen_sees_their_caseworker_the_stand_in_and_how_many_they_have_had,
    a_citizen_sees_their_own_plan_with_upcoming_appointments_and_who_changed_what,
    a_first_login_links_the_citizen_by_cpr_and_later_logins_by_sub_only,
    an_unknown_citizen_gets_a_record_but_an_unknown_staff_login_is_refused,
    people_are_found_by_subject_and_cpr_and_linked_once,
    roles_come_from_grants_and_can_be_revoked,
    a_citizen_has_one_caseworker_at_a_time_and_the_changes_are_counted,
    staff_profiles_and_outreach_hours_are_kept,
    a_citizen_has_one_plan_and_every_change_lands_in_its_history,
    a_budget_above_the_cap_is_refused,
    a_request_reserves_and_a_decision_spends_with_the_ledger_balanced,
    a_request_larger_than_what_is_available_writes_nothing,
    a_repeated_submit_returns_the_first_request,
    cancelling_and_declining_release_the_reservation,
    simultaneous_requests_and_decisions_never_overspend,
    a_top_up_stays_within_the_cap_and_ending_takes_back_what_is_unused,
    the_rate_limit_counts_a_citizens_new_requests_even_when_simultaneous,
    a_decision_on_spending_notifies_the_citizen_and_pending_requests_wait_in_the_inbox,
    ten_simultaneous_submits_with_one_key_make_one_request,
    a_meetup_is_never_overfilled_and_the_rest_wait,
    the_public_network_shows_groups_display_names_and_upcoming_meetups,
    a_freed_place_goes_to_the_first_in_line_who_is_notified,
    simultaneous_sign_ups_and_cancellations_keep_the_count_and_the_line,
    a_host_runs_their_group_and_meetups_and_everyone_signed_up_is_told,
    places_added_while_people_sign_up_go_to_the_line_in_order,
    notifications_and_the_access_log_are_per_citizen,
    synthetic_citizens_are_seeded_with_plans_and_caseworkers,
);
