//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::kernel::ids::*;
use crate::kernel::plan::Role;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

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

async fn the_signed_in_person_is_read_with_roles_and_unread_notifications(s: Arc<dyn Store>) {
    assert_eq!(s.signed_in(PersonId(9_999)).await.unwrap(), None, "nobody by that id");
    let mette = person(&*s, "Mette Hansen", Some("011385-1001")).await;
    let user = s.signed_in(mette).await.unwrap().unwrap();
    assert_eq!((user.person_id, user.name.as_str(), user.is_citizen), (mette, "Mette Hansen", true));
    assert_eq!((user.roles, user.unread_notifications), (vec![], 0));
    s.set_display_name(mette, "Mette H").await.unwrap();
    s.notify(mette, Notice::new(NotificationKind::GoalAnswered, 1), NOW).await.unwrap();
    s.notify(mette, Notice::new(NotificationKind::GoalAnswered, 2), NOW + 1).await.unwrap();
    let user = s.signed_in(mette).await.unwrap().unwrap();
    assert_eq!((user.name.as_str(), user.unread_notifications), ("Mette H", 2), "the chosen name, both unread");
    s.mark_notifications_read(mette, NOW + 2).await.unwrap();
    assert_eq!(s.signed_in(mette).await.unwrap().unwrap().unread_notifications, 0);

    let staff = person(&*s, "Karin Holm", None).await;
    s.grant_role(staff, Role::Host, NOW).await.unwrap();
    s.grant_role(staff, Role::Caseworker, NOW).await.unwrap();
    s.grant_role(staff, Role::Admin, NOW).await.unwrap();
    let user = s.signed_in(staff).await.unwrap().unwrap();
    assert!(!user.is_citizen, "no CPR number: not a citizen");
    assert_eq!(user.roles, s.roles(staff).await.unwrap(), "the same roles in the same order as roles()");
    assert_eq!(user.roles.len(), 3);
    s.revoke_role(staff, Role::Caseworker).await.unwrap();
    assert_eq!(s.signed_in(staff).await.unwrap().unwrap().roles, vec![Role::Admin, Role::Host], "read anew every time");
    assert_eq!(s.signed_in(mette).await.unwrap().unwrap().roles, vec![], "another person's roles are not hers");
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

on_both_backends!(
    a_first_login_links_the_citizen_by_cpr_and_later_logins_by_sub_only,
    an_unknown_citizen_gets_a_record_but_an_unknown_staff_login_is_refused,
    people_are_found_by_subject_and_cpr_and_linked_once,
    roles_come_from_grants_and_can_be_revoked,
    the_signed_in_person_is_read_with_roles_and_unread_notifications,
    staff_profiles_and_outreach_hours_are_kept,
);
