//! The admin pages' stories, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::admin::service as admin;
use crate::features::admin::store::NewAudit;
use crate::i18n::Lang;
use crate::kernel::ids::PersonId;
use crate::kernel::plan::Role;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;
use crate::ssr::service::ServiceError;

fn admin_user(id: PersonId) -> CurrentUser {
    CurrentUser { roles: vec![Role::Admin], ..signed_in(id, false) }
}

async fn an_admin_finds_people_by_part_of_the_name_and_each_citizen_found_sees_it_in_their_log(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let (c, karin) = citizen_with_plan(st).await;
    let other = person(st, "Jonna Pedersen", Some("020202-0202")).await;
    let ulla = person(st, "Ulla Administrator", None).await;
    s.grant_role(ulla, Role::Admin, NOW).await.unwrap();

    let found = admin::find(st, &admin_user(ulla), "jon", NOW, Lang::Da).await.unwrap();
    let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, vec!["Jonas Borger", "Jonna Pedersen"], "case does not matter, by name");
    assert_eq!(found[0].caseworker.as_deref(), Some("Sagsbehandler: Karin Sagsbehandler"));
    assert_eq!(found[1].caseworker.as_deref(), Some("Ingen sagsbehandler"));
    assert_eq!(found[0].handover.as_deref(), Some(format!("/admin/borger/{}/overdrag", c.0).as_str()));
    for citizen in [c, other] {
        let log = s.access_log(citizen).await.unwrap();
        assert!(log.iter().any(|e| e.staff_id == ulla && e.purpose == "admin_search"), "in the log of each citizen found");
    }
    // Staff found are not citizens: no handover, no access log.
    let staff = admin::find(st, &admin_user(ulla), "Sagsbehandler", NOW, Lang::Da).await.unwrap();
    assert_eq!((staff.len(), staff[0].handover.is_none(), staff[0].caseworker.is_none()), (1, true, true));
    // LIKE's wildcards are letters like any other; one letter searches nothing.
    assert!(admin::find(st, &admin_user(ulla), "%%", NOW, Lang::Da).await.unwrap().is_empty());
    assert!(admin::find(st, &admin_user(ulla), "_o", NOW, Lang::Da).await.unwrap().is_empty());

    // Only admins.
    for user in [staff_user(karin), signed_in(c, true)] {
        assert!(matches!(admin::find(st, &user, "jon", NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
        assert!(matches!(admin::audit_log(st, &user, None, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
    }
}

async fn the_audit_log_is_read_newest_first_a_page_at_a_time(s: Arc<dyn Store>) {
    let st = s.as_ref();
    let ulla = person(st, "Ulla Administrator", None).await;
    s.grant_role(ulla, Role::Admin, NOW).await.unwrap();
    let c = person(st, "Camilla Borger", Some("010101-0101")).await;
    for i in 0..55 {
        let (before, after) = (format!("{i}"), format!("{}", i + 1));
        let line = NewAudit { actor: (i % 2 == 0).then_some(ulla), action: "handover", person: Some(c), before: &before, after: &after };
        s.audit(&line, NOW + i).await.unwrap();
    }
    let first = admin::audit_log(st, &admin_user(ulla), None, NOW + 100, Lang::Da).await.unwrap();
    assert_eq!(first.items.len(), 50);
    assert_eq!((first.items[0].before.as_str(), first.items[0].who.as_str()), ("54", "Ulla Administrator"));
    assert_eq!(first.items[1].who, "kommandolinjen", "no actor: the command line");
    assert_eq!((first.items[0].what.as_str(), first.items[0].about.as_deref()), ("Ny sagsbehandler", Some("Camilla Borger")));
    let next = first.older.expect("a next page");
    let before = crate::kernel::paging::Before::parse(next.split("foer=").nth(1).unwrap()).unwrap();
    let second = admin::audit_log(st, &admin_user(ulla), Some(before), NOW + 101, Lang::Da).await.unwrap();
    assert_eq!(second.items.iter().map(|e| e.before.as_str()).collect::<Vec<_>>(), vec!["4", "3", "2", "1", "0"]);
    assert!(second.older.is_none());
    // Camilla is named on both pages: each read is in her access log, once per page.
    let log: Vec<_> = s.access_log(c).await.unwrap().into_iter().filter(|e| e.purpose == "admin_log").collect();
    assert_eq!(log.len(), 2);
    assert!(log.iter().all(|e| e.staff_id == ulla && e.capacity.as_deref() == Some("admin")));
}

on_both_backends!(
    an_admin_finds_people_by_part_of_the_name_and_each_citizen_found_sees_it_in_their_log,
    the_audit_log_is_read_newest_first_a_page_at_a_time,
);
