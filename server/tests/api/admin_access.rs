//! Who may call the admin pages' and the handover's server functions, over
//! real HTTP: the citizen (Lars), another citizen (Mette), Lars's
//! caseworker (Karin), his stand-in (Amira), another caseworker (Jonas), a
//! host (Bent), the admin (Ulla) and someone not logged in. Only the admin
//! passes, except that Karin may hand over her own citizen; no refused
//! answer carries Lars's data, and refused calls change nothing.

use crate::common::*;
use app::features::admin::server::{AdminLog, AdminStart};
use app::features::handover::server::{HandOver, OpenHandover};
use app::ssr::db::AssignmentKind;
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

/// The handover's message in every cell: finding it anywhere but Lars's page is a leak.
const MESSAGE: &str = "Hemmelig besked til Lars om skiftet";

fn refused(who: &str, what: &str, status: StatusCode, body: &str) {
    assert!(matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN), "{who} must be refused {what}, got {status}: {body}");
    assert!(!body.contains("Lars Pedersen") && !body.contains(MESSAGE), "{who}: refused {what} leaks Lars's data: {body}");
}

#[tokio::test]
async fn only_admins_pass_the_admin_functions_and_only_they_and_the_own_caseworker_hand_over() {
    let app = spawn_app().await;
    let lars = app.person("Lars").await;
    let karin = app.person("Karin").await;
    let amira = app.person("Amira").await;
    let jonas = app.person("Jonas").await;
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Primary).await.unwrap(), Some(karin), "demo data");
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Standin).await.unwrap(), Some(amira), "demo data");
    let mut callers = [
        ("citizen", app.signed_in("Lars").await),
        ("another citizen", app.signed_in("Mette").await),
        ("the caseworker", app.signed_in("Karin").await),
        ("the stand-in", app.signed_in("Amira").await),
        ("another caseworker", app.signed_in("Jonas").await),
        ("host", app.signed_in("Bent").await),
        ("admin", app.signed_in("Ulla").await),
        ("anonymous", Browser::default()),
    ];
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
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Primary).await.unwrap(), Some(karin));
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
    let karin_browser = &mut callers[2].1;
    let (status, body) = app.call(karin_browser, HandOver::PATH, &hand_over("karin-1")).await;
    assert!(status.is_success() || status.is_redirection(), "Karin may hand Lars over: {status} {body}");
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Primary).await.unwrap(), Some(jonas));
    let (status, body) = app.call(karin_browser, OpenHandover::PATH, &citizen).await;
    refused("the old caseworker", OpenHandover::PATH, status, &body);

    // The admin hands him back (from Jonas now); a form that still says Karin is told someone was first.
    let ulla_browser = &mut callers[6].1;
    let (status, _) = app.call(ulla_browser, HandOver::PATH, &hand_over("ulla-stale")).await;
    assert_eq!(status, StatusCode::CONFLICT, "the page showed Karin, but Jonas has him now");
    let mut back = hand_over("ulla-1");
    back[1].1 = jonas.0.to_string();
    back[2].1 = karin.0.to_string();
    let (status, body) = app.call(ulla_browser, HandOver::PATH, &back).await;
    assert!(status.is_success() || status.is_redirection(), "Ulla may hand Lars over: {status} {body}");
    assert_eq!(app.store.current_caseworker(lars, AssignmentKind::Primary).await.unwrap(), Some(karin));
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
    let k = karin.0.to_string();
    let mut callers = [
        ("citizen", app.signed_in("Lars").await),
        ("the citizen's caseworker", app.signed_in("Karin").await),
        ("the stand-in", app.signed_in("Amira").await),
        ("host", app.signed_in("Bent").await),
        ("anonymous", Browser::default()),
        ("admin", app.signed_in("Ulla").await),
    ];
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
    let admin = &mut callers[5].1;
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
