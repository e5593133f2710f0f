//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::kernel::plan::Role;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

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

on_both_backends!(a_citizen_sees_their_caseworker_the_stand_in_and_how_many_they_have_had,);
