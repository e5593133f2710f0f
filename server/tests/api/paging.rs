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
        app.store
            .log_access(
                a,
                karin,
                Role::Caseworker,
                app::ssr::access::Capacity::Caseworker,
                &format!("Læsning nummer {i:02}"),
                now + i * 60_000,
            )
            .await
            .unwrap();
    }
    let mut mette = app.signed_in("Mette").await;
    let first = app.get(&mut mette, app::routes::ACCESS_LOG).await.text().await.unwrap();
    assert!(first.contains("Læsning nummer 59") && !first.contains("Læsning nummer 09"), "the newest 50");
    assert!(first.contains("Karin Holm"), "who, by name");
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

/// Follows "Vis flere" from `path` to the end; every page's text.
async fn all_pages(app: &TestApp, browser: &mut Browser, path: &str) -> Vec<String> {
    let mut pages = Vec::new();
    let mut next = Some(path.to_string());
    while let Some(path) = next {
        let res = app.get(browser, &path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let page = res.text().await.unwrap();
        next = link(&page, "Vis flere");
        pages.push(page);
        assert!(pages.len() < 10, "the pages end");
    }
    pages
}

#[tokio::test]
async fn the_inbox_and_the_caseload_go_on_with_plain_vis_flere_links() {
    use app::kernel::plan::GoalStatus;
    let app = spawn_app().await;
    let karin = app.person("Karin").await;
    let mette = app.person("Mette").await;
    let now = app.clock.now_ms();
    app.store.set_per_hour(app::ssr::db::PerHour::Goals, 1_000).await.unwrap();
    for i in 0..60 {
        let goal = app::ssr::db::NewGoal {
            title: app::kernel::GoalTitle::parse(&format!("Ønske nummer {i:02}")).unwrap(),
            why: None,
            first_step: None,
            status: GoalStatus::Proposed,
        };
        app.store.propose_goal(app::ssr::db::Actor::citizen(mette), &goal, &format!("paging-{i}"), now - 60_000 * (60 - i)).await.unwrap();
    }
    let mut browser = app.signed_in("Karin").await;
    let pages = all_pages(&app, &mut browser, "/sagsbehandler?type=maal").await;
    assert_eq!(pages.len(), 2, "60 and the demo's proposals: two pages");
    for i in 0..60 {
        let title = format!("Ønske nummer {i:02}");
        assert_eq!(pages.iter().filter(|p| p.contains(&title)).count(), 1, "{title} on one page");
    }
    let first = app.get(&mut browser, "/sagsbehandler?type=maal").await.text().await.unwrap();
    let more = link(&first, "Vis flere").unwrap();
    assert!(more.starts_with("/sagsbehandler?type=maal&efter="), "the narrowing is kept: {more}");
    assert!(first.find("Ønske nummer 00").unwrap() < first.find("Ønske nummer 01").unwrap(), "oldest first");
    assert_eq!(link(&pages[1], "Til starten af listen").as_deref(), Some("/sagsbehandler?type=maal"));

    // The caseload: 55 more citizens for Karin make two pages, by name.
    for i in 0..55 {
        let who = app::ssr::db::NewPerson {
            full_name: app::kernel::ShortText::parse(&format!("Borger Nummer {i:02}")).unwrap(),
            cpr: Some(format!("0101{:02}-{:04}", 50 + i / 10, 3000 + i)),
            subject: None,
            display_name: None,
        };
        let c = app.store.create_person(&who, now).await.unwrap();
        app.store.assign_caseworker(c, karin, app::ssr::db::AssignmentKind::Primary, now).await.unwrap();
    }
    let pages = all_pages(&app, &mut browser, app::routes::CASELOAD).await;
    assert_eq!(pages.len(), 2);
    for i in 0..55 {
        let name = format!("Borger Nummer {i:02}");
        assert_eq!(pages.iter().filter(|p| p.contains(&name)).count(), 1, "{name} once");
    }
    // Another caseworker with Karin's place sees only their own caseload.
    let more = link(&pages[0], "Vis flere").unwrap();
    let mut jonas = app.signed_in("Jonas").await;
    let theirs = app.get(&mut jonas, &more).await.text().await.unwrap();
    assert!(!theirs.contains("Borger Nummer"), "a place carries nobody's data");
}

#[tokio::test]
async fn the_network_pages_its_groups_and_meetups_for_anyone_without_javascript() {
    let app = spawn_app().await;
    let now = app.clock.now_ms();
    for i in 0..52 {
        let g = app::ssr::db::NewGroup {
            name: app::kernel::ShortText::parse(&format!("Fællesskab {i:02}")).unwrap(),
            description: "Kom og vær med".into(),
            topic: app::kernel::ShortText::parse("Hygge").unwrap(),
            area: app::kernel::ShortText::parse("Aarhus Ø").unwrap(),
            usual_place: app::kernel::ShortText::parse("Biblioteket").unwrap(),
        };
        let group = app.store.create_group(&g, now).await.unwrap();
        let m = app::ssr::db::NewMeetup {
            group,
            starts_at: now + 86_400_000 + i * 60_000,
            duration_minutes: 60,
            place: app::kernel::ShortText::parse(&format!("Lokale {i:02}")).unwrap(),
            address: app::kernel::ShortText::parse("Vej 1").unwrap(),
            capacity: 5,
            description: String::new(),
        };
        app.store.create_meetup(&m, now).await.unwrap();
    }
    let mut anyone = Browser::default();
    let first = app.get(&mut anyone, "/netvaerk?omraade=Aarhus+%C3%98").await.text().await.unwrap();
    let groups_more = link(&first, "Vis flere").expect("a Vis flere");
    assert!(groups_more.starts_with("/netvaerk?omraade=Aarhus%20%C3%98&"), "the area is kept: {groups_more}");
    // Follow the groups' "Vis flere" (in the groups' section) to the end.
    let mut seen = vec![0; 52];
    let mut next = Some("/netvaerk?omraade=Aarhus+%C3%98".to_string());
    let mut pages = 0;
    while let Some(path) = next.take() {
        let page = app.get(&mut anyone, &path).await.text().await.unwrap();
        let groups = &page[page.find("id=\"grupper\"").expect("the groups' section")..];
        for (i, n) in seen.iter_mut().enumerate() {
            *n += groups.matches(&format!(">Fællesskab {i:02}<")).count();
        }
        next = link(groups, "Vis flere");
        pages += 1;
        assert!(pages < 5, "the pages end");
    }
    assert_eq!((pages, seen.iter().all(|n| *n == 1)), (2, true), "every group once over two pages: {seen:?}");
    let meetups = &first[..first.find("id=\"grupper\"").unwrap()];
    let meetups_more = link(meetups, "Vis flere").expect("the meetups go on too");
    assert!(meetups_more.contains("moeder=") && meetups_more.ends_with("#moeder"), "{meetups_more}");
    assert!(!meetups.contains("Lokale 51"), "the first page of meetups holds the soonest 50");
    let res = app.get(&mut anyone, &meetups_more).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("Lokale 51"), "the later meetups are on the next page");
    assert!(anyone.cookie.is_none(), "and no session for it");
}
