//! Who may call the admin pages', the handover's and the stand-in cover's
//! server functions, over real HTTP: the citizen (Lars), another citizen
//! (Mette), Lars's caseworker (Karin), his stand-in covering now (Amira), a
//! stand-in whose cover has ended (Per), another caseworker (Jonas), a host
//! (Bent), the admin (Ulla) and someone not logged in. Only the admin
//! passes, except that Karin may hand over her own citizen and choose his
//! stand-in; no refused answer carries Lars's data, and refused calls change
//! nothing.

use crate::common::*;
use app::features::admin::server::{AdminLog, AdminStart};
use app::features::handover::server::{HandOver, OpenHandover};
use app::kernel::clock::Clock;
use app::kernel::ids::PersonId;
use app::ssr::db::AssignmentKind;
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

/// The handover's message in every cell: finding it anywhere but Lars's page is a leak.
const MESSAGE: &str = "Hemmelig besked til Lars om skiftet";

fn refused(who: &str, what: &str, status: StatusCode, body: &str) {
    assert!(matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN), "{who} must be refused {what}, got {status}: {body}");
    assert!(!body.contains("Lars Pedersen") && !body.contains(MESSAGE), "{who}: refused {what} leaks Lars's data: {body}");
}

/// Per Vikar, a caseworker who stood in for Lars until a minute ago: his
/// cover ended when Amira's began again (as the command line sets covers).
async fn ended_standin(app: &TestApp, lars: PersonId) -> PersonId {
    use app::features::cover::service::from_command_line;
    let per = app.new_caseworker("Per Vikar").await;
    from_command_line(app.store.as_ref(), lars, per, app.clock.now_ms()).await.unwrap();
    app.clock.advance_minutes(1);
    from_command_line(app.store.as_ref(), lars, app.person("Amira").await, app.clock.now_ms()).await.unwrap();
    app.clock.advance_minutes(1);
    per
}

/// Everyone the matrices ask, by what they are to Lars.
async fn callers(app: &TestApp, lars: PersonId) -> Vec<(&'static str, Browser)> {
    let per = ended_standin(app, lars).await;
    vec![
        ("citizen", app.signed_in("Lars").await),
        ("another citizen", app.signed_in("Mette").await),
        ("the caseworker", app.signed_in("Karin").await),
        ("the stand-in", app.signed_in("Amira").await),
        ("the stand-in out of cover", app.login_as(per).await),
        ("another caseworker", app.signed_in("Jonas").await),
        ("host", app.signed_in("Bent").await),
        ("admin", app.signed_in("Ulla").await),
        ("anonymous", Browser::default()),
    ]
}

/// The browser of one of the [`callers`].
fn browser<'a>(callers: &'a mut [(&'static str, Browser)], who: &str) -> &'a mut Browser {
    &mut callers.iter_mut().find(|(w, _)| *w == who).expect("one of the callers").1
}

#[tokio::test]
async fn only_admins_pass_the_admin_functions_and_only_they_and_the_own_caseworker_hand_over() {
    let app = spawn_app().await;
    let lars = app.person("Lars").await;
    let karin = app.person("Karin").await;
    let amira = app.person("Amira").await;
    let jonas = app.person("Jonas").await;
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Primary, app.clock.now_ms()).await.unwrap(), Some(karin), "demo data");
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Standin, app.clock.now_ms()).await.unwrap(), Some(amira), "demo data");
    let mut callers = callers(&app, lars).await;
    let citizen = [("citizen", lars.0.to_string())];
    let hand_over = |key: &str| {
        vec![
            ("citizen", lars.0.to_string()),
            ("from", karin.0.to_string()),
            ("to", jonas.0.to_string()),
            ("note", "Intern note".to_string()),
            ("message", MESSAGE.to_string()),
            ("key", key.to_string()),
        ]
    };
    let log_before = app.store.access_log(lars).await.unwrap().len();
    // The demo data's own handovers are in the audit log already.
    let audit_before = app.store.audit_page(None, 50).await.unwrap().len();

    for (who, browser) in callers.iter_mut() {
        let admin = *who == "admin";
        let may_hand_over = admin || *who == "the caseworker";
        for (path, form) in
            [(AdminStart::PATH, vec![("name", "Lars".to_string())]), (AdminLog::PATH, vec![]), (OpenHandover::PATH, citizen.to_vec())]
        {
            let (status, body) = app.call(browser, path, &form).await;
            let allowed = admin || (path == OpenHandover::PATH && may_hand_over);
            if allowed {
                assert_eq!(status, StatusCode::OK, "{who} may call {path}: {body}");
                if path != AdminLog::PATH {
                    assert!(body.contains("Lars Pedersen"), "{who} sees Lars on {path}: {body}");
                }
            } else {
                refused(who, path, status, &body);
            }
        }
        if !may_hand_over {
            let (status, body) = app.call(browser, HandOver::PATH, &hand_over(&format!("refused-{who}"))).await;
            refused(who, HandOver::PATH, status, &body);
        }
    }
    // The refused calls changed nothing; the allowed reads are in Lars's log (the admin's search and page, Karin's page).
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Primary, app.clock.now_ms()).await.unwrap(), Some(karin));
    assert_eq!(app.store.audit_page(None, 50).await.unwrap().len(), audit_before);
    assert!(app.store.notifications(lars).await.unwrap().iter().all(|n| n.kind != "caseworker_changed"));
    let log = app.store.access_log(lars).await.unwrap();
    let ulla = app.person("Ulla").await;
    assert!(log.len() > log_before);
    // (The demo data has no entries of these purposes.)
    let purposes: Vec<(i64, &str)> = log
        .iter()
        .filter(|e| ["admin_search", "handover"].contains(&e.purpose.as_str()))
        .map(|e| (e.staff_id.0, e.purpose.as_str()))
        .collect();
    for expected in [(ulla.0, "admin_search"), (ulla.0, "handover"), (karin.0, "handover")] {
        assert!(purposes.contains(&expected), "{expected:?} in Lars's access log: {purposes:?}");
    }

    // Karin hands her own citizen over; then she is refused like anyone else.
    let karin_browser = browser(&mut callers, "the caseworker");
    let (status, body) = app.call(karin_browser, HandOver::PATH, &hand_over("karin-1")).await;
    assert!(status.is_success() || status.is_redirection(), "Karin may hand Lars over: {status} {body}");
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Primary, app.clock.now_ms()).await.unwrap(), Some(jonas));
    let (status, body) = app.call(karin_browser, OpenHandover::PATH, &citizen).await;
    refused("the old caseworker", OpenHandover::PATH, status, &body);

    // The admin hands him back (from Jonas now); a form that still says Karin is told someone was first.
    let ulla_browser = browser(&mut callers, "admin");
    let (status, _) = app.call(ulla_browser, HandOver::PATH, &hand_over("ulla-stale")).await;
    assert_eq!(status, StatusCode::CONFLICT, "the page showed Karin, but Jonas has him now");
    let mut back = hand_over("ulla-1");
    back[1].1 = jonas.0.to_string();
    back[2].1 = karin.0.to_string();
    let (status, body) = app.call(ulla_browser, HandOver::PATH, &back).await;
    assert!(status.is_success() || status.is_redirection(), "Ulla may hand Lars over: {status} {body}");
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Primary, app.clock.now_ms()).await.unwrap(), Some(karin));
    let (status, body) = app.call(ulla_browser, AdminLog::PATH, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Karin Holm") && body.contains("Jonas Lund") && body.contains("Ulla Administrator"), "{body}");
    assert_eq!(app.store.audit_page(None, 50).await.unwrap().len(), audit_before + 2);
}

#[tokio::test]
async fn only_admins_create_caseworkers_and_change_roles_contact_data_hours_and_logins() {
    use app::features::people::server::{
        AddOutreachHours, CreateCaseworker, LinkPersonLogin, NewCaseworkerForm, OpenPerson, RemoveOutreachHours, SaveStaffProfile,
        SetPersonRole, UnlinkPersonLogin,
    };
    let app = spawn_app().await;
    let karin = app.person("Karin").await;
    let lars = app.person("Lars").await;
    let k = karin.0.to_string();
    let mut callers = callers(&app, lars).await;
    let hours_of = |app: &TestApp| {
        let store = app.store.clone();
        async move { store.hours_of(karin).await.unwrap() }
    };
    let existing = hours_of(&app).await[0].id.to_string();
    let profile = || {
        vec![
            ("person", k.clone()),
            ("title", "Tovholder".to_string()),
            ("phone", "+45 70 00 00 99".to_string()),
            ("email", "karin.ny@demo.enplan.invalid".to_string()),
            ("reach", "Ring hverdage".to_string()),
            ("office", "Rådhuset".to_string()),
        ]
    };
    let calls: Vec<(&str, Vec<(&str, String)>)> = vec![
        (NewCaseworkerForm::PATH, vec![]),
        (OpenPerson::PATH, vec![("person", k.clone())]),
        (
            CreateCaseworker::PATH,
            vec![
                ("name", "Ny Sagsbehandler".into()),
                ("title", "Tovholder".into()),
                ("phone", String::new()),
                ("email", String::new()),
                ("reach", String::new()),
                ("office", String::new()),
                ("key", "k1".into()),
            ],
        ),
        (SetPersonRole::PATH, vec![("person", k.clone()), ("role", "admin".into()), ("on", "ja".into())]),
        (SaveStaffProfile::PATH, profile()),
        (
            AddOutreachHours::PATH,
            vec![
                ("person", k.clone()),
                ("weekday", "7".into()),
                ("from", "10:00".into()),
                ("to", "11:00".into()),
                ("place", "Søndagscaféen".into()),
                ("address", "Gaden 1".into()),
                ("key", "h1".into()),
            ],
        ),
        (RemoveOutreachHours::PATH, vec![("person", k.clone()), ("hours", existing.clone())]),
        (LinkPersonLogin::PATH, vec![("person", k.clone()), ("subject", "karin-ny".into()), ("staff", "ja".into())]),
        (UnlinkPersonLogin::PATH, vec![("person", k.clone())]),
    ];
    let people = app.store.count_people().await.unwrap();
    let audit_before = app.store.audit_page(None, 50).await.unwrap().len();
    let hours_before = hours_of(&app).await;
    let subject_before = app.store.person(karin).await.unwrap().subject;
    for (who, browser) in callers.iter_mut().filter(|(who, _)| *who != "admin") {
        for (path, form) in &calls {
            let (status, body) = app.call(browser, path, form).await;
            assert!(
                matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN),
                "{who} must be refused {path}, got {status}: {body}"
            );
            assert!(!body.contains("Karin Holm") && !body.contains("Tovholder"), "{who}: refused {path} leaks: {body}");
        }
    }
    assert_eq!(app.store.count_people().await.unwrap(), people, "nobody created");
    assert_eq!(app.store.roles(karin).await.unwrap(), vec![app::kernel::plan::Role::Caseworker]);
    assert_eq!(hours_of(&app).await, hours_before);
    assert_eq!(app.store.person(karin).await.unwrap().subject, subject_before);
    assert_eq!(app.store.audit_page(None, 50).await.unwrap().len(), audit_before, "nothing audited");

    // The admin passes every one of them.
    let admin = browser(&mut callers, "admin");
    for (path, form) in &calls {
        let (status, body) = app.call(admin, path, form).await;
        assert!(status.is_success() || status.is_redirection(), "the admin may call {path}: {status} {body}");
    }
    assert_eq!(app.store.count_people().await.unwrap(), people + 1);
    assert!(app.store.roles(karin).await.unwrap().contains(&app::kernel::plan::Role::Admin));
    let hours = hours_of(&app).await;
    assert!(hours.iter().any(|h| h.place == "Søndagscaféen") && hours.iter().all(|h| h.id.to_string() != existing));
    assert_eq!(app.store.staff_profile(karin).await.unwrap().unwrap().email, "karin.ny@demo.enplan.invalid");
    assert_eq!(app.store.person(karin).await.unwrap().subject, None, "linked, then unlinked");
    assert_eq!(app.store.audit_page(None, 50).await.unwrap().len(), audit_before + 7);
}

#[tokio::test]
async fn only_admins_and_the_own_caseworker_choose_a_stand_in_who_then_acts_only_inside_the_cover() {
    use app::features::cover::server::{EndCover, OpenCover, SetCover};
    use app::kernel::time::{copenhagen_day_at, form_date_time};
    let app = spawn_app().await;
    let lars = app.person("Lars").await;
    let (amira, jonas) = (app.person("Amira").await, app.person("Jonas").await);
    let mut callers = callers(&app, lars).await;
    let now = app.clock.now_ms();
    let tomorrow = form_date_time(copenhagen_day_at(now, 1, 12 * 60)).0;
    let citizen = vec![("citizen", lars.0.to_string())];
    let set = |key: &str| {
        vec![
            ("citizen", lars.0.to_string()),
            ("standin", jonas.0.to_string()),
            ("first", tomorrow.clone()),
            ("last", String::new()),
            ("key", key.to_string()),
        ]
    };
    let cover_before = app.store.cover(lars, now).await.unwrap();
    let audit_before = app.store.audit_page(None, 50).await.unwrap().len();
    for (who, browser) in callers.iter_mut() {
        let may = *who == "admin" || *who == "the caseworker";
        let (status, body) = app.call(browser, OpenCover::PATH, &citizen).await;
        if may {
            assert_eq!(status, StatusCode::OK, "{who} may open the cover page: {body}");
            assert!(body.contains("Lars Pedersen") && body.contains("Amira Haddad"), "{who} sees Lars and who covers: {body}");
            continue;
        }
        refused(who, OpenCover::PATH, status, &body);
        for (path, form) in [(SetCover::PATH, set(&format!("refused-{who}"))), (EndCover::PATH, citizen.clone())] {
            let (status, body) = app.call(browser, path, &form).await;
            refused(who, path, status, &body);
        }
    }
    assert_eq!(app.store.cover(lars, now).await.unwrap(), cover_before, "the refused calls changed nothing");
    assert_eq!(app.store.audit_page(None, 50).await.unwrap().len(), audit_before);

    // Karin: Jonas covers from tomorrow. Amira's cover ends now; Jonas is refused until his first day.
    let (status, body) = app.call(browser(&mut callers, "the caseworker"), SetCover::PATH, &set("karin-1")).await;
    assert!(status.is_success() || status.is_redirection(), "Karin may choose Lars's stand-in: {status} {body}");
    assert_eq!(plan(&app, browser(&mut callers, "the stand-in"), lars).await, StatusCode::FORBIDDEN, "Amira's cover has ended");
    assert_eq!(plan(&app, browser(&mut callers, "another caseworker"), lars).await, StatusCode::FORBIDDEN, "Jonas's has not begun");
    app.clock.advance_ms(copenhagen_day_at(now, 1, 0) - now);
    // (A night has passed: the sessions have run out, so they log in again.)
    let (mut jonas_browser, mut ulla_browser) = (app.signed_in("Jonas").await, app.signed_in("Ulla").await);
    assert_eq!(plan(&app, &mut jonas_browser, lars).await, StatusCode::OK, "Jonas from the first moment of his first day");
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Standin, app.clock.now_ms()).await.unwrap(), Some(jonas));
    assert_ne!(Some(amira), app.store.current_caseworker(lars, AssignmentKind::Standin, app.clock.now_ms()).await.unwrap());

    // Ulla ends it: Jonas is refused at once.
    let (status, body) = app.call(&mut ulla_browser, EndCover::PATH, &citizen).await;
    assert!(status.is_success() || status.is_redirection(), "the admin may end the cover: {status} {body}");
    assert_eq!(plan(&app, &mut jonas_browser, lars).await, StatusCode::FORBIDDEN);
    assert_eq!(app.store.audit_page(None, 50).await.unwrap().len(), audit_before + 2, "set and ended, each audited");
}

/// What opening the citizen's plan answers `browser` (a caseworker's page).
async fn plan(app: &TestApp, browser: &mut Browser, citizen: PersonId) -> StatusCode {
    use app::features::casework::server::CitizenPlan;
    app.call(browser, CitizenPlan::PATH, &[("citizen", citizen.0.to_string())]).await.0
}

/// The settings form as it stands (field → text), with `changes` typed over it.
async fn settings_form(app: &TestApp, changes: &[(&str, &str)]) -> Vec<(&'static str, String)> {
    use app::features::settings::forms::{default_value, typed, SETTINGS};
    let stored = app.store.setting_values().await.unwrap();
    SETTINGS
        .iter()
        .map(|s| {
            let value = stored.iter().find(|(k, _)| k == s.key).map_or(default_value(s.key), |(_, v)| v.as_str());
            let value = changes.iter().find(|(f, _)| *f == s.field).map_or_else(|| typed(s.key, value), |(_, v)| v.to_string());
            (s.field, value)
        })
        .collect()
}

#[tokio::test]
async fn only_admins_see_and_save_the_settings_and_find_a_citizen_by_cpr() {
    use app::features::admin::server::FindByCpr;
    use app::features::settings::server::{OpenSettings, SaveSettings};
    let app = spawn_app().await;
    let lars = app.person("Lars").await;
    let mut callers = callers(&app, lars).await;
    let lars_cpr = app::ssr::demo::citizen_cpr("Lars").unwrap().replace('-', "");
    let save = settings_form(&app, &[("budget_cap", "70.000")]).await;
    let settings_before = app.store.setting_values().await.unwrap();
    let audit_before = app.store.audit_page(None, 50).await.unwrap().len();
    let searched = |app: &TestApp| {
        let store = app.store.clone();
        async move { store.access_log(lars).await.unwrap().iter().filter(|e| e.purpose == "admin_cpr_search").count() }
    };
    for (who, browser) in callers.iter_mut().filter(|(who, _)| *who != "admin") {
        for (path, form) in
            [(OpenSettings::PATH, vec![]), (SaveSettings::PATH, save.clone()), (FindByCpr::PATH, vec![("cpr", lars_cpr.clone())])]
        {
            let (status, body) = app.call(browser, path, &form).await;
            refused(who, path, status, &body);
            assert!(!body.contains("70.000") && !body.contains(&lars_cpr), "{who}: refused {path} echoes nothing: {body}");
        }
    }
    assert_eq!(app.store.setting_values().await.unwrap(), settings_before, "nothing saved");
    assert_eq!(app.store.audit_page(None, 50).await.unwrap().len(), audit_before, "nothing audited");
    assert_eq!(searched(&app).await, 0, "nobody found Lars");

    let ulla = browser(&mut callers, "admin");
    let (status, body) = app.call(ulla, OpenSettings::PATH, &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("50.000,00"), "the page shows the budget cap as typed: {body}");
    let (status, body) = app.call(ulla, SaveSettings::PATH, &save).await;
    assert!(status.is_success() || status.is_redirection(), "the admin saves: {status} {body}");
    assert_eq!(app.store.budget_cap().await.unwrap(), app::kernel::Amount::kroner(70_000).unwrap());
    assert_eq!(app.store.audit_page(None, 50).await.unwrap().len(), audit_before + 1, "one setting changed, one line");
    let (status, body) = app.call(ulla, SaveSettings::PATH, &settings_form(&app, &[("caseload_soft", "90")]).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "the warning limit above the hard one: {body}");

    let (status, body) = app.call(ulla, FindByCpr::PATH, &[("cpr", lars_cpr.clone())]).await;
    assert!(status.is_success() || status.is_redirection(), "the admin finds Lars: {status} {body}");
    assert_eq!(searched(&app).await, 1, "in Lars's access log");
    let ulla_id = app.person("Ulla").await;
    assert!(app.store.access_log(lars).await.unwrap().iter().any(|e| e.purpose == "admin_cpr_search" && e.staff_id == ulla_id));
    let (status, _) = app.call(ulla, FindByCpr::PATH, &[("cpr", "311299-9999".to_string())]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "nobody has it");
}
