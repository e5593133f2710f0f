//! The municipality's details, each story on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::municipality::service::Cached;
use crate::features::municipality::views::Municipality;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;

async fn the_details_are_empty_until_set_and_then_replaced_as_a_whole(s: Arc<dyn Store>) {
    assert_eq!(s.municipality().await.unwrap(), Municipality::default());
    assert!(!s.municipality().await.unwrap().is_set());
    let first = Municipality {
        name: "Demoby Kommune".into(),
        address: "Torvet 1".into(),
        phone: "70 00 00 00".into(),
        dpo: "dpo@demoby.dk".into(),
    };
    s.set_municipality(&first).await.unwrap();
    assert_eq!(s.municipality().await.unwrap(), first);
    let second = Municipality { name: "Nyby Kommune".into(), ..Municipality::default() };
    s.set_municipality(&second).await.unwrap();
    assert_eq!(s.municipality().await.unwrap(), second, "fields left empty are emptied");
    // The pages' copy: read once, then kept; what this process sets shows at once.
    let cached = Cached::default();
    assert_eq!(cached.get(s.as_ref()).await.unwrap(), second);
    s.set_municipality(&first).await.unwrap();
    assert_eq!(cached.get(s.as_ref()).await.unwrap(), second, "another process's change shows within a minute");
    cached.put(first.clone());
    assert_eq!(cached.get(s.as_ref()).await.unwrap(), first);
    // Other settings are left alone.
    assert_eq!(s.per_hour(PerHour::Requests).await.unwrap(), 10);
}

on_both_backends!(the_details_are_empty_until_set_and_then_replaced_as_a_whole);
