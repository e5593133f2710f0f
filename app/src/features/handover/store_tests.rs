//! The handover's stories, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::handover::forms::HandoverInput;
use crate::features::handover::service as handover;
use crate::features::handover::store::CaseloadLimits;
use crate::i18n::Lang;
use crate::kernel::forms::Problem;
use crate::kernel::ids::PersonId;
use crate::kernel::plan::ActorKind;
use crate::kernel::plan::Role;
use crate::ssr::access::{staff_for, Capacity};
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;
use crate::ssr::service::ServiceError;

fn admin_user(id: PersonId) -> CurrentUser {
    CurrentUser { roles: vec![Role::Admin], ..signed_in(id, false) }
}

fn input(to: PersonId, note: &str, message: &str) -> HandoverInput {
    HandoverInput::parse(&to.0.to_string(), note, message).expect("valid handover")
}

async fn caseworker(s: &dyn Store, name: &str) -> PersonId {
    let id = person(s, name, None).await;
    s.grant_role(id, Role::Caseworker, NOW).await.unwrap();
    id
}

fn problem<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> Problem {
    match r {
        Err(ServiceError::Invalid(e)) => e[0].problem.clone(),
        other => panic!("expected a refused field, got {other:?}"),
    }
}

async fn a_handover_moves_access_and_writes_history_notice_inbox_item_and_audit_in_one_go(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (c, karin) = citizen_with_plan(st).await;
    let jonas = caseworker(st, "Jonas Lund").await;
    let ulla = person(st, "Ulla Administrator", None).await;
    s.grant_role(ulla, Role::Admin, NOW).await.unwrap();
    // Jonas stands in for Karin: after the handover he is the caseworker, and no longer his own stand-in.
    s.assign_caseworker(c, jonas, AssignmentKind::Standin, NOW).await.unwrap();
    assert!(s.waiting_handovers(jonas).await.unwrap().is_empty());

    let shown = handover::page(st, &admin_user(ulla), c, NOW + 1).await.unwrap();
    assert_eq!(shown.current, Some((karin, "Karin Sagsbehandler".to_string())));
    assert_eq!(shown.colleagues.iter().map(|c| c.full_name.as_str()).collect::<Vec<_>>(), vec!["Jonas Lund"], "not the caseworker now");
    assert_eq!(shown.acting.capacity, Capacity::Admin);

    let note = "Bor hos sin søster. Vil gerne have møder om formiddagen.";
    let message = "Hej. Karin har fået nye opgaver, så fra i dag er Jonas din sagsbehandler. Han ringer til dig i denne uge.";
    let id = handover::hand_over(st, &admin_user(ulla), c, Some(karin), &input(jonas, note, message), "form-1", NOW + 2).await.unwrap();

    assert_eq!(s.current_caseworker(c, AssignmentKind::Primary, NOW + 2).await.unwrap(), Some(jonas));
    assert_eq!(s.current_caseworker(c, AssignmentKind::Standin, NOW + 2).await.unwrap(), None, "not his own stand-in");
    assert!(staff_for(st, &staff_user(karin), c, NOW + 2).await.is_err(), "Karin loses access at once");
    assert_eq!(staff_for(st, &staff_user(jonas), c, NOW + 2).await.unwrap().capacity, Capacity::Caseworker);

    let plan = s.plan_of(c).await.unwrap().unwrap();
    let history = s.history(plan).await.unwrap();
    let line = history.iter().find(|e| e.kind == "caseworker_changed").expect("a line in the plan's history");
    assert_eq!((line.summary.as_str(), line.actor_id), ("Jonas Lund", Some(ulla)));

    let notes = s.notifications(c).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!((notes[0].kind.as_str(), notes[0].link()), ("caseworker_changed", "/min-sagsbehandler#skiftet".to_string()));
    let told = handover::told(st, c, NOW + 3, Lang::Da).await.unwrap().expect("the citizen is told");
    assert_eq!(told.message, message);
    assert!(told.said.starts_with("Jonas Lund er din sagsbehandler fra"), "{}", told.said);
    assert!(handover::told(st, c, NOW + 2 + handover::TOLD_FOR_MS + 1, Lang::Da).await.unwrap().is_none(), "an old change is not news");

    let waiting = s.waiting_handovers(jonas).await.unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!((waiting[0].id, waiting[0].note.as_str(), waiting[0].from_name.as_deref()), (id.0, note, Some("Karin Sagsbehandler")));
    let inbox = crate::features::inbox::service::inbox(st, &staff_user(jonas), None, None, NOW + 3, Lang::Da).await.unwrap();
    assert_eq!(inbox.new_citizens.len(), 1, "a \"ny borger\" item in Jonas's inbox");
    assert_eq!(inbox.new_citizens[0].note, note);
    // Opening the citizen's plan: the item is done.
    crate::features::casework::service::open_plan(st, &staff_user(jonas), c, None, NOW + 4, Lang::Da).await.unwrap();
    assert!(s.waiting_handovers(jonas).await.unwrap().is_empty());

    let audit = s.audit_page(None, 10).await.unwrap();
    assert_eq!(audit.len(), 1);
    let a = &audit[0];
    assert_eq!(
        (a.actor_name.as_deref(), a.action.as_str(), a.person_id, a.before.as_str(), a.after.as_str()),
        (Some("Ulla Administrator"), "handover", Some(c.0), "Karin Sagsbehandler", "Jonas Lund")
    );
    // Ulla's reads are in the citizen's access log, as an admin.
    let log = s.access_log(c).await.unwrap();
    assert!(log.iter().any(|e| e.staff_id == ulla && e.purpose == "handover" && e.capacity.as_deref() == Some("admin")));

    // The same form sent again (a double tap): the same handover, nothing more.
    let again = handover::hand_over(st, &admin_user(ulla), c, Some(karin), &input(jonas, note, message), "form-1", NOW + 5).await.unwrap();
    assert_eq!(again, id);
    assert_eq!(s.audit_page(None, 10).await.unwrap().len(), 1);
    assert_eq!(s.notifications(c).await.unwrap().len(), 1);
}

async fn only_an_admin_or_the_citizens_own_caseworker_hands_over_and_a_refusal_changes_nothing(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (c, karin) = citizen_with_plan(st).await;
    let (jonas, amira) = (caseworker(st, "Jonas Lund").await, caseworker(st, "Amira Haddad").await);
    s.assign_caseworker(c, amira, AssignmentKind::Standin, NOW).await.unwrap();
    let other = person(st, "Camilla Borger", Some("011370-0009")).await;
    let host = person(st, "Bent Vært", None).await;
    s.grant_role(host, Role::Host, NOW).await.unwrap();
    let h = input(jonas, "Note", "Besked");
    let refused: [(&str, CurrentUser); 5] = [
        ("the citizen", signed_in(c, true)),
        ("another citizen", signed_in(other, true)),
        ("the stand-in", staff_user(amira)),
        ("another caseworker", staff_user(jonas)),
        ("a host", CurrentUser { roles: vec![Role::Host], ..signed_in(host, false) }),
    ];
    for (who, user) in &refused {
        assert!(matches!(handover::page(st, user, c, NOW).await, Err(ServiceError::NotAllowed)), "{who} may not open the page");
        let r = handover::hand_over(st, user, c, Some(karin), &h, "k", NOW).await;
        assert!(matches!(r, Err(ServiceError::NotAllowed)), "{who} may not hand over");
    }
    assert_eq!(s.current_caseworker(c, AssignmentKind::Primary, NOW).await.unwrap(), Some(karin), "nothing changed");
    assert!(s.audit_page(None, 10).await.unwrap().is_empty());
    assert!(s.notifications(c).await.unwrap().is_empty());

    // Not a caseworker, or the citizen themselves: by the field.
    assert_eq!(
        problem(handover::hand_over(st, &staff_user(karin), c, Some(karin), &input(host, "N", "B"), "k1", NOW).await),
        Problem::ChooseColleague
    );
    assert_eq!(
        problem(handover::hand_over(st, &staff_user(karin), c, Some(karin), &input(c, "N", "B"), "k2", NOW).await),
        Problem::ChooseColleague
    );
    // Someone who is not a citizen cannot be handed over.
    let ulla = person(st, "Ulla Administrator", None).await;
    s.grant_role(ulla, Role::Admin, NOW).await.unwrap();
    assert!(matches!(handover::page(st, &admin_user(ulla), jonas, NOW).await, Err(ServiceError::NotAllowed)));

    // Karin hands her own citizen over; then she is refused like anyone else.
    handover::hand_over(st, &staff_user(karin), c, Some(karin), &h, "k3", NOW + 1).await.unwrap();
    let audit = s.audit_page(None, 10).await.unwrap();
    assert_eq!(audit[0].actor_name.as_deref(), Some("Karin Sagsbehandler"), "a caseworker's handover is in the log too");
    let back = input(karin, "N", "B");
    assert!(matches!(
        handover::hand_over(st, &staff_user(karin), c, Some(jonas), &back, "k4", NOW + 2).await,
        Err(ServiceError::NotAllowed)
    ));
}

async fn of_two_handovers_of_one_citizen_at_once_one_wins_and_the_other_is_told(s: Arc<dyn Store>) {
    let (c, karin) = citizen_with_plan(s.as_ref()).await;
    let targets = [caseworker(s.as_ref(), "Jonas Lund").await, caseworker(s.as_ref(), "Amira Haddad").await];
    let answers = at_once(&s, 2, move |s, i| async move {
        let h = input(targets[i], "Note", "Besked");
        handover::hand_over(s.as_ref(), &staff_user(karin), c, Some(karin), &h, &format!("form-{i}"), NOW + 1).await
    })
    .await;
    let won: Vec<usize> = (0..2).filter(|i| answers[*i].is_ok()).collect();
    assert_eq!(won.len(), 1, "one wins: {answers:?}");
    let lost = 1 - won[0];
    assert!(matches!(answers[lost], Err(ServiceError::Conflict)), "the other is told someone was first: {:?}", answers[lost]);
    assert_eq!(s.current_caseworker(c, AssignmentKind::Primary, NOW + 1).await.unwrap(), Some(targets[won[0]]));
    assert_eq!(s.audit_page(None, 10).await.unwrap().len(), 1, "one handover written");
    assert_eq!(s.notifications(c).await.unwrap().len(), 1);
    assert_eq!(s.caseworker_count_since(c, 0).await.unwrap(), 2, "Karin, then the winner");
}

async fn the_hard_caseload_limit_holds_under_twenty_simultaneous_handovers_to_one_caseworker(s: Arc<dyn Store>) {
    let st = s.as_ref();
    s.set_caseload_limits(CaseloadLimits { soft: 3, hard: 5 }).await.unwrap();
    let karin = caseworker(st, "Karin Holm").await;
    let jonas = caseworker(st, "Jonas Lund").await;
    let ulla = person(st, "Ulla Administrator", None).await;
    s.grant_role(ulla, Role::Admin, NOW).await.unwrap();
    let mut citizens = Vec::new();
    for i in 0..20 {
        let c = person(st, &format!("Borger {i}"), Some(&format!("0101{:02}-{:04}", 70 + i, 9000 + i))).await;
        s.assign_caseworker(c, karin, AssignmentKind::Primary, NOW).await.unwrap();
        citizens.push(c);
    }
    let citizens = Arc::new(citizens);
    let answers = at_once(&s, 20, move |s, i| {
        let citizens = citizens.clone();
        async move {
            let h = input(jonas, "Note", "Besked");
            handover::hand_over(s.as_ref(), &admin_user(ulla), citizens[i], Some(karin), &h, &format!("f{i}"), NOW + 1).await
        }
    })
    .await;
    let done = answers.iter().filter(|a| a.is_ok()).count();
    assert_eq!(done, 5, "exactly the hard limit");
    for a in answers.iter().filter(|a| a.is_err()) {
        assert!(matches!(a, Err(ServiceError::Invalid(e)) if e[0].problem == Problem::CaseloadFull(5)), "{a:?}");
    }
    assert_eq!(s.caseload(jonas, NOW + 1).await.unwrap().len(), 5);
    assert_eq!(s.caseload(karin, NOW + 1).await.unwrap().len(), 15, "the refused ones stay with Karin");
    assert_eq!(s.audit_page(None, 50).await.unwrap().len(), 5);

    // Past the soft limit, the caseworker is warned on their caseload page.
    let warning = handover::caseload_warning(st, &staff_user(jonas), Lang::Da).await.unwrap();
    assert!(warning.is_some_and(|w| w.contains("5 borgere") && w.contains("de 3")));
    assert_eq!(handover::caseload_warning(st, &staff_user(ulla), Lang::Da).await.unwrap(), None);
}

async fn the_command_line_hands_over_through_the_same_rules_and_is_audited(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (c, karin) = citizen_with_plan(st).await;
    let jonas = caseworker(st, "Jonas Lund").await;
    let id = handover::from_command_line(st, c, jonas, "", "Du har fået en ny sagsbehandler.", NOW + 1).await.unwrap();
    assert!(id.is_some());
    assert_eq!(handover::from_command_line(st, c, jonas, "", "x", NOW + 2).await.unwrap(), None, "already his");
    let audit = s.audit_page(None, 10).await.unwrap();
    assert_eq!((audit.len(), audit[0].actor_id, audit[0].before.as_str()), (1, None, "Karin Sagsbehandler"));
    let plan = s.plan_of(c).await.unwrap().unwrap();
    let line = s.history(plan).await.unwrap().into_iter().find(|e| e.kind == "caseworker_changed").unwrap();
    assert_eq!((line.actor_kind, line.actor_id), (ActorKind::System, None));
    assert!(staff_for(st, &staff_user(karin), c, NOW + 1).await.is_err());
}

on_both_backends!(
    a_handover_moves_access_and_writes_history_notice_inbox_item_and_audit_in_one_go,
    only_an_admin_or_the_citizens_own_caseworker_hands_over_and_a_refusal_changes_nothing,
    of_two_handovers_of_one_citizen_at_once_one_wins_and_the_other_is_told,
    the_hard_caseload_limit_holds_under_twenty_simultaneous_handovers_to_one_caseworker,
    the_command_line_hands_over_through_the_same_rules_and_is_audited,
);
