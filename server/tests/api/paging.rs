//! Long lists a page at a time, as plain pages (no JavaScript): the newest
//! first, a "Vis ældre" link to where the next page begins, and a way back.

use crate::common::*;
use app::kernel::clock::Clock;
use app::kernel::plan::Role;
use reqwest::StatusCode;

/// The `href` of the link with these words, as the page renders it.
fn link(page: &str, words: &str) -> Option<String> {
    let end = page.find(&format!(">{words}<"))?;
    let start = page[..end].rfind("href=\"")? + 6;
    Some(page[start..end].split('"').next()?.replace("&amp;", "&"))
}

#[tokio::test]
async fn the_access_log_is_shown_a_page_at_a_time_with_plain_links() {
    let app = spawn_app().await;
    let a = app.person("Mette").await;
    let karin = app.person("Karin").await;
    let now = app.clock.now_ms();
    for i in 0..60 {
        app.store.log_access(a, karin, Role::Caseworker, &format!("Læsning nummer {i:02}"), now + i * 60_000).await.unwrap();
    }
    let mut mette = app.signed_in("Mette").await;
    let first = app.get(&mut mette, app::routes::ACCESS_LOG).await.text().await.unwrap();
    assert!(first.contains("Læsning nummer 59") && !first.contains("Læsning nummer 09"), "the newest 50");
    assert!(link(&first, "Til de nyeste").is_none());
    let older = link(&first, "Vis ældre").expect("a link to the older ones");
    assert!(older.starts_with("/hvem-har-set?foer="), "{older}");

    let res = app.get(&mut mette, &older).await;
    assert_eq!(res.status(), StatusCode::OK);
    let second = res.text().await.unwrap();
    assert!(second.contains("Læsning nummer 09") && !second.contains("Læsning nummer 10"), "the next ten, nothing twice");
    assert!(second.contains("Aftale om møde i caféen"), "the demo's older entries follow");
    assert_eq!(link(&second, "Til de nyeste").as_deref(), Some("/hvem-har-set"));
    assert!(link(&second, "Vis ældre").is_none(), "the end");

    // Another citizen asking with Mette's cursor sees only their own log.
    let mut camilla = app.signed_in("Camilla").await;
    let theirs = app.get(&mut camilla, &older).await.text().await.unwrap();
    assert!(!theirs.contains("Læsning nummer"), "a cursor carries no one's data");
}

#[tokio::test]
async fn the_plan_s_history_is_shown_a_page_at_a_time_on_both_sides() {
    let app = spawn_app().await;
    let a = app.person("Mette").await;
    let karin = app.person("Karin").await;
    let plan = app.store.plan_of(a).await.unwrap().unwrap();
    let now = app.clock.now_ms();
    for i in 0..60 {
        let note = app::kernel::LongText::parse(&format!("Møde nummer {i}")).unwrap();
        app.store.add_meeting_note(plan, karin, &note, &format!("note-{i}"), now + i * 60_000).await.unwrap();
    }
    let mut mette = app.signed_in("Mette").await;
    let first = app.get(&mut mette, app::routes::PLAN).await.text().await.unwrap();
    let older = link(&first, "Vis ældre").expect("a link to the older history");
    assert!(older.starts_with("/min-plan?foer=") && older.ends_with("#historik"), "{older}");
    let second = app.get(&mut mette, &older).await.text().await.unwrap();
    assert_eq!(link(&second, "Til de nyeste").as_deref(), Some("/min-plan#historik"));

    let mut karin_browser = app.signed_in("Karin").await;
    let staff = app.get(&mut karin_browser, &app::routes::citizen(a.0)).await.text().await.unwrap();
    let staff_older = link(&staff, "Vis ældre").expect("the caseworker's page pages it too");
    assert!(staff_older.starts_with(&format!("{}?foer=", app::routes::citizen(a.0))), "{staff_older}");
    assert_eq!(app.get(&mut karin_browser, &staff_older).await.status(), StatusCode::OK);
}
