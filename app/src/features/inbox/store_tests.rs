//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

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
    goals::decide(s.as_ref(), &staff_user(cw), newer, crate::features::goals::forms::GoalAnswer::Accept, NOW + 10 * DAY).await.unwrap();
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
    s.add_appointment(plan, &met, Actor::staff(cw), None, NOW).await.unwrap();
    let rows = inbox::caseload(s.as_ref(), &staff_user(cw), NOW + 10 * DAY, Lang::Da).await.unwrap();
    assert_eq!(rows.iter().map(|r| r.citizen.as_str()).collect::<Vec<_>>(), ["Borger B", "Jonas Borger"]);
    let jonas = &rows[1];
    assert_eq!((jonas.has_plan, jonas.accepted_goals, jonas.open_items), (true, 1, 1));
    assert!(jonas.last_contact.as_deref().unwrap_or_default().contains("kl."), "{:?}", jonas.last_contact);
    assert_eq!((rows[0].has_plan, rows[0].last_contact.as_deref()), (false, None));
}

on_both_backends!(the_inbox_lists_waiting_proposals_oldest_first_and_the_caseload_its_citizens,);
