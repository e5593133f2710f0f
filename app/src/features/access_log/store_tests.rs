//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::access_log::capacity::Capacity;
use crate::kernel::plan::Role;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn a_citizen_sees_who_opened_their_data_and_only_their_own_log(s: Arc<dyn Store>) {
    use crate::features::access_log::service::my_access_log;
    use crate::i18n::Lang;
    let (c, cw, _) = citizen_with_budget(s.as_ref()).await;
    let other = person(s.as_ref(), "Anden Borger", Some("011370-0012")).await;
    s.log_access(c, cw, Role::Caseworker, Capacity::Caseworker, "Forberedelse af møde", NOW).await.unwrap();
    s.log_access(c, cw, Role::Caseworker, Capacity::Caseworker, "Svar på dit forslag", NOW + DAY).await.unwrap();
    s.log_access(other, cw, Role::Caseworker, Capacity::Caseworker, "Andens sag", NOW).await.unwrap();
    let log = my_access_log(s.as_ref(), &signed_in(c, true), None, NOW, Lang::Da).await.unwrap().expect("a citizen");
    assert_eq!(
        log.items.iter().map(|e| e.purpose.as_str()).collect::<Vec<_>>(),
        ["Svar på dit forslag", "Forberedelse af møde"],
        "own entries, newest first"
    );
    assert_eq!((log.items[0].role, log.older, log.later), (Role::Caseworker, None, false));
    assert!(my_access_log(s.as_ref(), &signed_in(cw, false), None, NOW, Lang::Da).await.unwrap().is_none());
}

async fn a_long_access_log_is_read_a_page_at_a_time_newest_first_and_nothing_is_skipped(s: Arc<dyn Store>) {
    use crate::features::access_log::service::my_access_log;
    use crate::i18n::Lang;
    use crate::kernel::paging::{Before, BEFORE, PAGE_SIZE};
    let (c, cw, _) = citizen_with_budget(s.as_ref()).await;
    // 120 entries, some at the same moment (a page of several citizens logs them together).
    for i in 0..120 {
        s.log_access(c, cw, Role::Caseworker, Capacity::Caseworker, &format!("Læsning {i}"), NOW + (i / 3) * 1000).await.unwrap();
    }
    let me = signed_in(c, true);
    let mut seen = Vec::new();
    let mut before = None;
    loop {
        let page = my_access_log(s.as_ref(), &me, before, NOW, Lang::Da).await.unwrap().unwrap();
        assert!(page.items.len() <= PAGE_SIZE);
        assert_eq!(page.later, before.is_some());
        seen.extend(page.items.into_iter().map(|e| e.purpose));
        let Some(older) = page.older else { break };
        let cursor = older.split_once(&format!("{BEFORE}=")).unwrap().1.to_string();
        before = Before::parse(&cursor);
        assert!(before.is_some(), "{older}");
    }
    let expected: Vec<String> = s.access_log(c).await.unwrap().into_iter().map(|e| e.purpose).collect();
    assert_eq!(seen.len(), 120, "every entry once, over three pages");
    assert_eq!(seen, expected, "in the order of the whole log: newest first");
}

async fn notifications_and_the_access_log_are_per_citizen(s: Arc<dyn Store>) {
    let (c, cw, _) = citizen_with_budget(&*s).await;
    let other = person(&*s, "Anden Borger", Some("011370-0009")).await;
    s.notify(c, Notice::new(NotificationKind::GoalAnswered, 1), NOW).await.unwrap();
    assert_eq!(s.notifications(c).await.unwrap().len(), 1);
    assert_eq!(s.notifications(other).await.unwrap(), vec![]);
    s.log_access(c, cw, Role::Caseworker, Capacity::Caseworker, "Forberede samtale", NOW).await.unwrap();
    let log = s.access_log(c).await.unwrap();
    assert_eq!((log.len(), log[0].staff_id, log[0].purpose.as_str()), (1, cw, "Forberede samtale"));
    assert_eq!(s.access_log(other).await.unwrap(), vec![]);
    // A page showing several citizens logs each of them, once.
    s.log_accesses(&[(c, Capacity::Caseworker), (other, Capacity::Standin)], cw, Role::Caseworker, "inbox", NOW + 1).await.unwrap();
    s.log_accesses(&[], cw, Role::Caseworker, "inbox", NOW + 2).await.unwrap();
    assert_eq!((s.access_log(c).await.unwrap().len(), s.access_log(other).await.unwrap().len()), (2, 1));
}

async fn the_log_names_who_and_in_which_capacity_and_the_caseload_list_is_logged(s: Arc<dyn Store>) {
    use crate::features::access_log::service::my_access_log;
    use crate::i18n::Lang;
    use crate::ssr::access::{staff_for, Purpose};
    let (c, karin, _) = citizen_with_budget(s.as_ref()).await;
    let amira = person(s.as_ref(), "Amira Haddad", None).await;
    let other = person(s.as_ref(), "Anden Borger", Some("011370-0014")).await;
    s.grant_role(amira, Role::Caseworker, NOW).await.unwrap();
    s.assign_caseworker(c, amira, AssignmentKind::Standin, NOW).await.unwrap();
    s.assign_caseworker(other, amira, AssignmentKind::Primary, NOW).await.unwrap();
    let staff = |id| crate::ssr::auth::CurrentUser { roles: vec![Role::Caseworker], ..signed_in(id, false) };
    staff_for(s.as_ref(), &staff(karin), c, NOW).await.unwrap().log_read(s.as_ref(), Purpose::PlanWork, NOW + 1).await.unwrap();
    staff_for(s.as_ref(), &staff(amira), c, NOW).await.unwrap().log_read(s.as_ref(), Purpose::PlanWork, NOW + 2).await.unwrap();
    // Amira's caseload list: Anden Borger as her own citizen, c as stand-in.
    let (total, page) = crate::features::inbox::service::caseload(s.as_ref(), &staff(amira), None, NOW + 3, Lang::Da).await.unwrap();
    assert_eq!((total, page.items.len()), (2, 2));

    let log = my_access_log(s.as_ref(), &signed_in(c, true), None, NOW, Lang::Da).await.unwrap().unwrap().items;
    let seen: Vec<_> = log.iter().map(|e| (e.who.as_str(), e.capacity, e.purpose.as_str())).collect();
    assert_eq!(
        seen,
        [
            ("Amira Haddad", Some(Capacity::Standin), "caseload"),
            ("Amira Haddad", Some(Capacity::Standin), "plan_work"),
            ("Karin Sagsbehandler", Some(Capacity::Caseworker), "plan_work"),
        ],
        "newest first, by name, in the capacity they had then"
    );
    let theirs = s.access_log(other).await.unwrap();
    assert_eq!((theirs.len(), theirs[0].capacity.as_deref(), theirs[0].purpose.as_str()), (1, Some("caseworker"), "caseload"));
    // Capacity is what it was: after a handover the old entries keep theirs.
    s.assign_caseworker(c, amira, AssignmentKind::Primary, NOW + DAY).await.unwrap();
    let log = my_access_log(s.as_ref(), &signed_in(c, true), None, NOW, Lang::Da).await.unwrap().unwrap().items;
    assert_eq!(
        log.iter().map(|e| e.capacity).collect::<Vec<_>>(),
        [Some(Capacity::Standin), Some(Capacity::Standin), Some(Capacity::Caseworker)]
    );
}

async fn a_page_of_many_citizens_is_logged_in_chunks_whole_or_not_at_all(s: Arc<dyn Store>) {
    use crate::kernel::ids::PersonId;
    let cw = person(&*s, "Karin Holm", None).await;
    // Over two chunks of 500, with the capacity of each row kept.
    let mut shown = Vec::new();
    for i in 0..1_001 {
        let capacity = if i % 2 == 0 { Capacity::Caseworker } else { Capacity::Standin };
        shown.push((person(&*s, &format!("Borger {i}"), None).await, capacity));
    }
    s.log_accesses(&shown, cw, Role::Caseworker, "inbox", NOW).await.unwrap();
    for i in [0, 499, 500, 999, 1_000] {
        let log = s.access_log(shown[i].0).await.unwrap();
        assert_eq!(log.len(), 1, "citizen {i} is logged once");
        assert_eq!((log[0].staff_id, log[0].at, log[0].capacity.as_deref()), (cw, NOW, Some(shown[i].1.as_str())), "citizen {i}");
    }
    // A row that cannot be written in the last chunk: none of the call's rows
    // are kept, the first chunk's neither.
    let mut broken = shown.clone();
    broken.push((PersonId(9_999_999), Capacity::Caseworker));
    assert!(s.log_accesses(&broken, cw, Role::Caseworker, "inbox", NOW + 1).await.is_err());
    for i in [0, 500, 1_000] {
        assert_eq!(s.access_log(shown[i].0).await.unwrap().len(), 1, "citizen {i}: nothing of the failed call");
    }
}

on_both_backends!(
    a_page_of_many_citizens_is_logged_in_chunks_whole_or_not_at_all,
    the_log_names_who_and_in_which_capacity_and_the_caseload_list_is_logged,
    a_citizen_sees_who_opened_their_data_and_only_their_own_log,
    a_long_access_log_is_read_a_page_at_a_time_newest_first_and_nothing_is_skipped,
    notifications_and_the_access_log_are_per_citizen,
);
