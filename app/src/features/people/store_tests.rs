//! The people pages' stories, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::admin::service::Caller;
use crate::features::people::forms::{CaseworkerInput, HoursInput, LoginInput, ProfileInput};
use crate::features::people::service as people;
use crate::i18n::Lang;
use crate::kernel::forms::Problem;
use crate::kernel::ids::PersonId;
use crate::kernel::plan::Role;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;
use crate::ssr::service::ServiceError;

fn admin_user(id: PersonId) -> CurrentUser {
    CurrentUser { roles: vec![Role::Admin], ..signed_in(id, false) }
}

fn problem<T: std::fmt::Debug>(r: Result<T, ServiceError>) -> Problem {
    match r {
        Err(ServiceError::Invalid(e)) => e[0].problem.clone(),
        other => panic!("expected a refused field, got {other:?}"),
    }
}

fn new_caseworker(name: &str) -> CaseworkerInput {
    let profile = ProfileInput::parse("Tovholder", "+45 70 00 00 09", "sara@demo.enplan.invalid", "Ring hverdage 9–12", "Rådhuset");
    CaseworkerInput::parse(name, profile).unwrap()
}

fn hours(day: &str, from: &str, to: &str) -> HoursInput {
    HoursInput::parse(day, from, to, "Biblioteket", "Torvet 1").unwrap()
}

async fn an_admin_creates_a_caseworker_gives_outreach_hours_and_a_login_and_every_change_is_audited(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let ulla = person(st, "Ulla Administrator", None).await;
    s.grant_role(ulla, Role::Admin, NOW).await.unwrap();
    let me = admin_user(ulla);
    let by = Caller::Browser(&me);

    // A double tap creates one.
    let sara = people::create_caseworker(st, by, &new_caseworker("Sara Møller"), Some("k1"), NOW).await.unwrap();
    assert_eq!(people::create_caseworker(st, by, &new_caseworker("Sara Møller"), Some("k1"), NOW).await.unwrap(), sara);
    assert_eq!(s.roles(sara).await.unwrap(), vec![Role::Caseworker]);
    assert_eq!(s.staff_profile(sara).await.unwrap().unwrap().reach_hours, "Ring hverdage 9–12");
    assert!(s.colleagues().await.unwrap().iter().any(|c| c.id == sara.0 && c.caseload == 0), "she can be handed citizens");

    // Contact data: the audit line names what changed, never the number or the address.
    let changed =
        ProfileInput::parse("Tovholder", "+45 70 00 00 10", "sara.m@demo.enplan.invalid", "Ring hverdage 9–12", "Rådhuset").unwrap();
    people::save_profile(st, by, sara, changed, NOW + 1).await.unwrap();

    // Outreach hours: overlapping ones refused with the hours they overlap; touching ones are fine.
    people::add_hours(st, by, sara, &hours("2", "10:00", "12:00"), Some("h1"), NOW + 2, Lang::Da).await.unwrap();
    let overlap = people::add_hours(st, by, sara, &hours("2", "11:00", "13:00"), Some("h2"), NOW + 3, Lang::Da).await;
    assert_eq!(problem(overlap), Problem::HoursOverlap("tirsdag kl. 10.00–12.00, Biblioteket".into()));
    people::add_hours(st, by, sara, &hours("2", "12:00", "14:00"), Some("h3"), NOW + 4, Lang::Da).await.unwrap();
    people::add_hours(st, by, sara, &hours("3", "11:00", "13:00"), Some("h4"), NOW + 5, Lang::Da).await.unwrap();
    // The same form twice (a double tap) adds it once, and is not called an overlap.
    people::add_hours(st, by, sara, &hours("3", "11:00", "13:00"), Some("h4"), NOW + 5, Lang::Da).await.unwrap();
    let listed = s.hours_of(sara).await.unwrap();
    assert_eq!(listed.iter().map(|h| (h.weekday, h.from_minute)).collect::<Vec<_>>(), vec![(2, 600), (2, 720), (3, 660)]);
    people::remove_hours(st, by, sara, listed[1].id, NOW + 6).await.unwrap();
    assert!(matches!(people::remove_hours(st, by, sara, listed[1].id, NOW + 6).await, Err(ServiceError::NotAllowed)), "gone");
    assert_eq!(s.outreach_hours(sara).await.unwrap().len(), 2, "\"Min sagsbehandler\" reads the same hours");

    // A login: linked, not stolen by someone else, unlinked.
    let login = LoginInput::parse("sara-123", "ja").unwrap();
    people::set_login(st, by, sara, Some(&login), NOW + 7).await.unwrap();
    assert_eq!(s.person_by_subject("staff:sara-123").await.unwrap().map(|p| p.id), Some(sara));
    let karin = people::create_caseworker(st, by, &new_caseworker("Karin Holm"), Some("k2"), NOW + 7).await.unwrap();
    assert_eq!(problem(people::set_login(st, by, karin, Some(&login), NOW + 8).await), Problem::LoginTaken);
    people::set_login(st, by, sara, None, NOW + 9).await.unwrap();
    assert_eq!(s.person(sara).await.unwrap().subject, None);

    // Roles: given and taken; the caseworker role is kept while she has citizens; no admin removes their own.
    assert!(people::set_role(st, by, sara, Role::Host, true, NOW + 10).await.unwrap());
    assert!(!people::set_role(st, by, sara, Role::Host, true, NOW + 10).await.unwrap(), "already so: no change, no line");
    let c = person(st, "Camilla Borger", Some("010101-0101")).await;
    s.assign_caseworker(c, sara, AssignmentKind::Primary, NOW).await.unwrap();
    assert_eq!(problem(people::set_role(st, by, sara, Role::Caseworker, false, NOW + 11).await), Problem::RoleHasCitizens);
    assert_eq!(problem(people::set_role(st, by, ulla, Role::Admin, false, NOW + 11).await), Problem::OwnAdminRole);
    assert!(people::set_role(st, by, sara, Role::Host, false, NOW + 12).await.unwrap());
    // Contact data, hours and logins are for staff, not citizens.
    let p = ProfileInput::parse("Borger", "", "", "", "").unwrap();
    assert!(matches!(people::save_profile(st, by, c, p, NOW).await, Err(ServiceError::NotAllowed)));

    let audit = s.audit_page(None, 50).await.unwrap();
    let lines: Vec<(&str, &str, &str)> = audit.iter().rev().map(|a| (a.action.as_str(), a.before.as_str(), a.after.as_str())).collect();
    assert_eq!(
        lines,
        vec![
            ("caseworker_created", "", "Sara Møller"),
            ("profile_changed", "", "phone, email"),
            ("hours_added", "", "tirsdag kl. 10.00–12.00, Biblioteket"),
            ("hours_added", "", "tirsdag kl. 12.00–14.00, Biblioteket"),
            ("hours_added", "", "onsdag kl. 11.00–13.00, Biblioteket"),
            ("hours_removed", "tirsdag kl. 12.00–14.00, Biblioteket", ""),
            ("login_linked", "", "staff login"),
            ("caseworker_created", "", "Karin Holm"),
            ("login_unlinked", "staff login", ""),
            ("role_granted", "caseworker", "caseworker, host"),
            ("role_revoked", "caseworker, host", "caseworker"),
        ]
    );
    assert!(audit.iter().all(|a| a.actor_id == Some(ulla.0)));
    let all: String = audit.iter().map(|a| format!("{} {}", a.before, a.after)).collect();
    assert!(!all.contains("70 00") && !all.contains('@') && !all.contains("sara-123"), "no number, address or login id in the log");
}

async fn only_admins_change_people_and_a_refusal_changes_nothing(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (c, karin) = citizen_with_plan(st).await;
    let host = person(st, "Bent Vært", None).await;
    s.grant_role(host, Role::Host, NOW).await.unwrap();
    let callers: [(&str, CurrentUser); 4] = [
        ("a citizen", signed_in(c, true)),
        ("a caseworker", staff_user(karin)),
        ("a host", CurrentUser { roles: vec![Role::Host], ..signed_in(host, false) }),
        ("nobody's roles", signed_in(host, false)),
    ];
    for (who, user) in &callers {
        let by = Caller::Browser(user);
        let refused = |r: Result<(), ServiceError>| assert!(matches!(r, Err(ServiceError::NotAllowed)), "{who}: {r:?}");
        refused(people::person_page(st, by, karin, NOW).await.map(|_| ()));
        refused(people::create_caseworker(st, by, &new_caseworker("X Y"), Some("k"), NOW).await.map(|_| ()));
        refused(people::set_role(st, by, karin, Role::Admin, true, NOW).await.map(|_| ()));
        refused(people::save_profile(st, by, karin, ProfileInput::parse("T", "", "", "", "").unwrap(), NOW).await);
        refused(people::add_hours(st, by, karin, &hours("1", "09:00", "10:00"), Some("h"), NOW, Lang::Da).await.map(|_| ()));
        refused(people::set_login(st, by, karin, Some(&LoginInput::parse("x", "").unwrap()), NOW).await);
    }
    assert_eq!(s.roles(karin).await.unwrap(), vec![Role::Caseworker]);
    assert!(s.hours_of(karin).await.unwrap().is_empty());
    assert!(s.audit_page(None, 10).await.unwrap().is_empty());
    assert_eq!(s.count_people().await.unwrap(), 3);
}

async fn two_overlapping_hours_added_at_once_are_not_both_kept(s: Arc<dyn Store>) {
    let ulla = person(s.as_ref(), "Ulla Administrator", None).await;
    s.grant_role(ulla, Role::Admin, NOW).await.unwrap();
    let sara = person(s.as_ref(), "Sara Møller", None).await;
    s.grant_role(sara, Role::Caseworker, NOW).await.unwrap();
    let answers = at_once(&s, 2, move |s, i| async move {
        let me = admin_user(ulla);
        let h = if i == 0 { hours("4", "09:00", "11:00") } else { hours("4", "10:00", "12:00") };
        people::add_hours(s.as_ref(), Caller::Browser(&me), sara, &h, Some(&format!("f{i}")), NOW, Lang::Da).await
    })
    .await;
    assert_eq!(answers.iter().filter(|a| a.is_ok()).count(), 1, "{answers:?}");
    assert_eq!(s.hours_of(sara).await.unwrap().len(), 1);
}

on_both_backends!(
    an_admin_creates_a_caseworker_gives_outreach_hours_and_a_login_and_every_change_is_audited,
    only_admins_change_people_and_a_refusal_changes_nothing,
    two_overlapping_hours_added_at_once_are_not_both_kept,
);
