//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn notifications_are_counted_until_the_list_is_opened(s: Arc<dyn Store>) {
    use crate::features::notifications::service::open_mine;
    use crate::i18n::Lang;
    let (c, _) = citizen_with_plan(s.as_ref()).await;
    s.notify(c, Notice::new(NotificationKind::GoalAnswered, 1), NOW).await.unwrap();
    s.notify(c, Notice::new(NotificationKind::GoalAnswered, 1), NOW + 1).await.unwrap();
    assert_eq!(s.unread_notifications(c).await.unwrap(), 2);
    let elsewhere = open_mine(s.as_ref(), &signed_in(c, true), None, false, NOW + 2, Lang::Da).await.unwrap().items;
    assert_eq!(elsewhere.len(), 2);
    assert_eq!(s.unread_notifications(c).await.unwrap(), 2, "another site sent the browser here: nothing marked read");
    let first = open_mine(s.as_ref(), &signed_in(c, true), None, true, NOW + 2, Lang::Da).await.unwrap().items;
    assert_eq!(first.iter().map(|n| n.unread).collect::<Vec<_>>(), [true, true], "shown as new this once");
    assert_eq!(s.unread_notifications(c).await.unwrap(), 0);
    let second = open_mine(s.as_ref(), &signed_in(c, true), None, true, NOW + 3, Lang::Da).await.unwrap().items;
    assert!(second.iter().all(|n| !n.unread));
}

async fn a_notification_links_to_its_object_by_todays_routes_and_an_old_one_keeps_its_written_link(s: Arc<dyn Store>) {
    use crate::features::notifications::service::open_mine;
    use crate::i18n::Lang;
    let (c, _) = citizen_with_plan(s.as_ref()).await;
    s.notify(c, Notice::new(NotificationKind::GoalAnswered, 7), NOW).await.unwrap();
    let stored = &s.notifications(c).await.unwrap()[0];
    assert_eq!((stored.object_id, stored.link.as_str()), (Some(7), "/min-plan#maal-7"), "kind, object and the link as written");
    // A route renamed since: the stored link is stale, the page's is not.
    let stale = "UPDATE notification SET link = '/gammel-sti#maal-7'";
    // Written before objects were stored, of a kind this version does not know.
    let old = "INSERT INTO notification (person_id, created_at, kind, link) VALUES ($1, $2, 'old_kind', '/gammel')";
    match s.pool() {
        Pool::Sqlite(p) => {
            sqlx::query(stale).execute(&p).await.unwrap();
            sqlx::query(old).bind(c.0).bind(NOW + 1).execute(&p).await.unwrap();
        }
        Pool::Postgres(p) => {
            sqlx::query(stale).execute(&p).await.unwrap();
            sqlx::query(old).bind(c.0).bind(NOW + 1).execute(&p).await.unwrap();
        }
    }
    let shown = open_mine(s.as_ref(), &signed_in(c, true), None, true, NOW + 2, Lang::Da).await.unwrap().items;
    assert_eq!(shown.iter().map(|n| n.link.as_str()).collect::<Vec<_>>(), ["/gammel", "/min-plan#maal-7"], "newest first");
}

async fn many_notifications_are_shown_a_page_at_a_time_and_opening_the_first_reads_them_all(s: Arc<dyn Store>) {
    use crate::features::notifications::service::open_mine;
    use crate::i18n::Lang;
    use crate::kernel::paging::{Before, BEFORE, PAGE_SIZE};
    let (c, _) = citizen_with_plan(s.as_ref()).await;
    for i in 0..70 {
        s.notify(c, Notice::new(NotificationKind::GoalAnswered, i), NOW + i / 2).await.unwrap();
    }
    let first = open_mine(s.as_ref(), &signed_in(c, true), None, true, NOW + 100, Lang::Da).await.unwrap();
    assert_eq!((first.items.len(), first.later), (PAGE_SIZE, false));
    assert!(first.items.iter().all(|n| n.unread));
    assert_eq!(s.unread_notifications(c).await.unwrap(), 0, "the badge is cleared");
    let older = first.older.expect("more");
    let before = Before::parse(older.split_once(&format!("{BEFORE}=")).unwrap().1);
    let second = open_mine(s.as_ref(), &signed_in(c, true), before, true, NOW + 101, Lang::Da).await.unwrap();
    assert_eq!((second.items.len(), second.older, second.later), (20, None, true));
    let links: Vec<String> = first.items.iter().chain(&second.items).map(|n| n.link.clone()).collect();
    let all: Vec<String> = s.notifications(c).await.unwrap().iter().map(|n| n.link()).collect();
    assert_eq!(links, all, "every one once, newest first");
}

on_both_backends!(
    many_notifications_are_shown_a_page_at_a_time_and_opening_the_first_reads_them_all,
    a_notification_links_to_its_object_by_todays_routes_and_an_old_one_keeps_its_written_link,
    notifications_are_counted_until_the_list_is_opened,
);
