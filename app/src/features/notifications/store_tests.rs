//! The store stories of this feature, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn notifications_are_counted_until_the_list_is_opened(s: Arc<dyn Store>) {
    use crate::features::notifications::service::open_mine;
    use crate::i18n::Lang;
    let (c, _) = citizen_with_plan(s.as_ref()).await;
    s.notify(c, NotificationKind::GoalAnswered, "/min-plan", NOW).await.unwrap();
    s.notify(c, NotificationKind::GoalAnswered, "/min-plan", NOW + 1).await.unwrap();
    assert_eq!(s.unread_notifications(c).await.unwrap(), 2);
    let first = open_mine(s.as_ref(), &signed_in(c, true), NOW + 2, Lang::Da).await.unwrap();
    assert_eq!(first.iter().map(|n| n.unread).collect::<Vec<_>>(), [true, true], "shown as new this once");
    assert_eq!(s.unread_notifications(c).await.unwrap(), 0);
    let second = open_mine(s.as_ref(), &signed_in(c, true), NOW + 3, Lang::Da).await.unwrap();
    assert!(second.iter().all(|n| !n.unread));
}

on_both_backends!(notifications_are_counted_until_the_list_is_opened,);
