//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::conversation::store::NewMessage;
use crate::kernel::ids::PersonId;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn the_inbox_lists_waiting_proposals_oldest_first_and_the_caseload_its_citizens(s: Arc<dyn Store>) {
    use crate::features::goals::service as goals;
    use crate::features::inbox::service as inbox;
    use crate::features::inbox::views::InboxKind;
    use crate::i18n::Lang;
    let (a, cw) = citizen_with_plan(s.as_ref()).await;
    let b = person(s.as_ref(), "Borger B", Some("011370-0021")).await;
    s.assign_caseworker(b, cw, AssignmentKind::Primary, NOW).await.unwrap();
    let newer = goals::propose(s.as_ref(), &signed_in(a, true), proposal("Nyere"), "k1", NOW + 9 * DAY).await.unwrap();
    let older = goals::propose(s.as_ref(), &signed_in(a, true), proposal("Ældre"), "k2", NOW).await.unwrap();
    let items = inbox::inbox(s.as_ref(), &staff_user(cw), Some(InboxKind::Goal), None, NOW + 10 * DAY, Lang::Da).await.unwrap().page.items;
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
    goals::decide(s.as_ref(), &staff_user(cw), newer, crate::features::goals::forms::GoalAnswer::Accept, NOW + 10 * DAY).await.unwrap();
    assert_eq!(
        inbox::inbox(s.as_ref(), &staff_user(cw), None, None, NOW + 10 * DAY, Lang::Da).await.unwrap().page.items.len(),
        1,
        "answered items leave"
    );

    let plan = s.plan_of(a).await.unwrap().unwrap();
    let met = NewAppointment {
        starts_at: NOW + DAY,
        duration_minutes: 30,
        place: text("Café"),
        address: text("Vej 1"),
        outreach: true,
        note: None,
    };
    s.add_appointment(plan, &met, Actor::staff(cw), None, NOW).await.unwrap();
    let rows = inbox::caseload(s.as_ref(), &staff_user(cw), None, NOW + 10 * DAY, Lang::Da).await.unwrap().1.items;
    assert_eq!(rows.iter().map(|r| r.citizen.as_str()).collect::<Vec<_>>(), ["Borger B", "Jonas Borger"]);
    let jonas = &rows[1];
    assert_eq!((jonas.has_plan, jonas.accepted_goals, jonas.open_items), (true, 1, 1));
    assert!(jonas.last_contact.as_deref().unwrap_or_default().contains("kl."), "{:?}", jonas.last_contact);
    assert_eq!((rows[0].has_plan, rows[0].last_contact.as_deref()), (false, None));
}

async fn the_inbox_and_the_caseload_come_a_page_at_a_time_with_nothing_lost_or_shown_twice(s: Arc<dyn Store>) {
    use crate::features::goals::service as goals;
    use crate::features::inbox::service as inbox;
    use crate::i18n::Lang;
    use crate::kernel::paging::{Before, AFTER, PAGE_SIZE};
    use crate::kernel::text::MessageBody;
    let (a, cw) = citizen_with_plan(s.as_ref()).await;
    s.set_per_hour(PerHour::Goals, 1_000).await.unwrap();
    // 30 proposals and 40 waiting conversations, many at the very same
    // moment, so that a page ends among rows of both kinds with one time.
    for i in 0..30 {
        goals::propose(s.as_ref(), &signed_in(a, true), proposal(&format!("Mål {i:02}")), &format!("g{i}"), NOW + (i / 10)).await.unwrap();
    }
    for i in 0..40 {
        let c = person(s.as_ref(), &format!("Borger {i:02}"), Some(&format!("0101{:02}-{:04}", 70 + i / 10, i))).await;
        s.assign_caseworker(c, cw, AssignmentKind::Primary, NOW).await.unwrap();
        let m = NewMessage {
            citizen: c,
            sender: c,
            body: MessageBody::parse("Hej").unwrap(),
            idempotency_key: format!("m{i}"),
            limited: false,
            notify_citizen: false,
            attachments: vec![],
            helper: None,
        };
        s.send_message(&m, NOW + (i / 10)).await.unwrap();
    }
    let me = staff_user(cw);
    let first = inbox::inbox(s.as_ref(), &me, None, None, NOW + DAY, Lang::Da).await.unwrap().page;
    assert_eq!((first.items.len(), first.later), (PAGE_SIZE, false));
    let next = first.older.clone().expect("a link to the rest");
    let mark = next.split_once(&format!("?{AFTER}=")).expect("the inbox with its place").1;
    let second = inbox::inbox(s.as_ref(), &me, None, Before::parse(mark), NOW + DAY, Lang::Da).await.unwrap().page;
    assert_eq!((second.items.len(), second.older.as_deref(), second.later), (70 - PAGE_SIZE, None, true));
    let links: Vec<&String> = first.items.iter().chain(&second.items).map(|i| &i.link).collect();
    let unique: std::collections::BTreeSet<_> = links.iter().collect();
    assert_eq!((links.len(), unique.len()), (70, 70), "every waiting item once");
    let read = s.access_log(a).await.unwrap().len();
    assert!(read >= 1, "the proposer's plan items were shown and logged");

    // A narrowed inbox keeps its narrowing on the next page.
    let goals_only =
        inbox::inbox(s.as_ref(), &me, Some(crate::features::inbox::views::InboxKind::Goal), None, NOW + DAY, Lang::Da).await.unwrap().page;
    assert_eq!((goals_only.items.len(), goals_only.older), (30, None));

    // The caseload by name: 41 citizens, then 12 more make two pages.
    for i in 40..52 {
        let c = person(s.as_ref(), &format!("Borger {i:02}"), Some(&format!("0201{:02}-{:04}", 70 + i / 10, i))).await;
        s.assign_caseworker(c, cw, AssignmentKind::Primary, NOW).await.unwrap();
    }
    let (total, page) = inbox::caseload(s.as_ref(), &me, None, NOW + DAY, Lang::Da).await.unwrap();
    assert_eq!((total, page.items.len()), (53, PAGE_SIZE));
    let after = page.older.as_deref().and_then(|l| l.split_once(&format!("?{AFTER}="))).map(|(_, id)| PersonId(id.parse().unwrap()));
    let (_, rest) = inbox::caseload(s.as_ref(), &me, after, NOW + DAY, Lang::Da).await.unwrap();
    let names: Vec<&str> = page.items.iter().chain(&rest.items).map(|r| r.citizen.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!((names.len(), rest.older, rest.later), (53, None, true));
    assert_eq!(names, sorted, "by name across the pages");
    sorted.dedup();
    assert_eq!(sorted.len(), 53, "nobody twice");
}

on_both_backends!(
    the_inbox_lists_waiting_proposals_oldest_first_and_the_caseload_its_citizens,
    the_inbox_and_the_caseload_come_a_page_at_a_time_with_nothing_lost_or_shown_twice,
);
