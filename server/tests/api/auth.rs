//! Login against the built-in test identity provider, over real HTTP: the
//! relying party's checks (each refused token ends with nobody logged in),
//! session fixation, idle and absolute timeouts on a controllable clock,
//! logout, cookie replay, cross-site posts, and logs free of CPR numbers and
//! tokens. (The same flow against a third-party provider, `oidc-provider`,
//! runs in the browser tests.)

use crate::common::*;
use leptos::prelude::LeptosOptions;
use reqwest::{StatusCode, Url};
use server::config::Settings;
use server::startup::Application;
use server::test_idp::Fault;

#[tokio::test]
async fn a_citizen_logs_in_sees_their_name_and_logs_out() {
    let app = spawn_app().await;
    let mut browser = Browser::default();
    assert_eq!(app.who_am_i(&mut browser).await, None);

    let mette = app.mette().await;
    assert_eq!(app.login(&mut browser, &mette).await, "/min-plan", "a citizen lands on their plan");
    assert_eq!(app.who_am_i(&mut browser).await.as_deref(), Some("Mette Hansen"));

    let res = app.post(&mut browser, "/auth/logout", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers().get("clear-site-data").unwrap(), "\"cache\"");
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
    let end_session = location(&res);
    let expected = format!("{}/test-idp/logout?client_id=", app.base);
    assert!(end_session.starts_with(&expected), "{end_session}");
    assert!(!end_session.contains("id_token_hint") && !end_session.contains("eyJ"), "no token in the URL: {end_session}");
    assert_eq!(app.who_am_i(&mut browser).await, None);
    // The provider ends its session and sends the browser home.
    let res = app.get(&mut Browser::default(), &end_session).await;
    assert_eq!(location(&res), format!("{}/", app.base));
}

#[tokio::test]
async fn sessions_and_first_logins_work_on_postgresql_too() {
    let Some(url) = postgres_database().await else { return };
    let app = spawn_app_on(url, tempfile::tempdir().unwrap()).await;
    let mut browser = Browser::default();
    assert_eq!(app.login(&mut browser, &app.mette().await).await, "/min-plan");
    assert_eq!(app.who_am_i(&mut browser).await.as_deref(), Some("Mette Hansen"));
    let mut newcomer = Browser::default();
    assert_eq!(app.login(&mut newcomer, "cpr:2408790000").await, "/min-plan");
    assert_eq!(app.who_am_i(&mut newcomer).await.as_deref(), Some("Testperson"));
    app.clock.advance_minutes(31);
    assert_eq!(app.who_am_i(&mut browser).await, None, "idle timeout on PostgreSQL");
    let stolen = newcomer.clone();
    app.clock.advance_minutes(-31);
    app.post(&mut newcomer, "/auth/logout", &[]).await;
    assert_eq!(app.who_am_i(&mut stolen.clone()).await, None);
}

#[tokio::test]
async fn the_session_cookie_is_http_only_lax_and_renewed_at_login() {
    let app = spawn_app().await;
    let mut browser = Browser::default();
    let callback = app.login_at_provider(&mut browser, &app.mette().await).await;
    let res = app.get(&mut browser, &callback).await;
    let cookies: Vec<String> = res.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect();
    let session = cookies.iter().find(|c| c.starts_with("enplan=")).expect("a session cookie at login");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(session.contains(attribute), "{attribute} missing in {session}");
    }
    assert!(!session.contains("Max-Age") && !session.contains("Expires"), "ends with the browser: {session}");
    assert!(cookies.iter().any(|c| c.starts_with("enplan_login=;") && c.contains("Max-Age=0")), "the login cookie is removed: {cookies:?}");

    // Session fixation: a session id an attacker planted in the victim's
    // browser before login (their own) is not the victim's session after it.
    let mut attacker = app.signed_in("Camilla").await;
    let planted = attacker.cookie.clone();
    let mut victim = Browser { cookie: planted.clone(), ..Browser::default() };
    let callback = app.login_at_provider(&mut victim, &app.mette().await).await;
    let res = app.get(&mut victim, &callback).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_ne!(victim.cookie, planted, "the session id changes at login");
    assert_ne!(app.who_am_i(&mut attacker).await.as_deref(), Some("Mette Hansen"), "the planted id is not the victim's");
    assert_eq!(app.who_am_i(&mut victim).await.as_deref(), Some("Mette Hansen"));
}

#[tokio::test]
async fn a_login_begun_on_one_server_opens_on_every_server_sharing_the_database() {
    let app = spawn_app().await;
    let mut browser = Browser::default();
    app.get(&mut browser, "/auth/login").await;
    let sealed = browser.others.get("enplan_login").expect("the login cookie").clone();
    // Another server process starting on the same database gets the same key.
    let other = server::login_cookie::LoginCookie::new(app.store.as_ref(), false).await.unwrap();
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("cookie", format!("enplan_login={sealed}").parse().unwrap());
    let txn = other.read(&headers).expect("opened by the other server");
    assert_eq!(txn.provider, "citizen");
    // A database of its own makes a key of its own: the cookie is nothing there.
    let stranger = spawn_app().await;
    let theirs = server::login_cookie::LoginCookie::new(stranger.store.as_ref(), false).await.unwrap();
    assert!(theirs.read(&headers).is_none());
}

/// The provider's authorize URL that `GET /auth/login` sends the browser to.
async fn authorize_url(app: &TestApp, browser: &mut Browser) -> String {
    location(&app.get(browser, "/auth/login").await)
}

#[tokio::test]
async fn after_a_timeout_the_next_login_asks_the_provider_to_authenticate_again() {
    let app = spawn_app().await;
    let mut browser = Browser::default();
    assert!(!authorize_url(&app, &mut browser).await.contains("prompt="), "a first login may use the provider's session");
    app.login(&mut browser, &app.mette().await).await;
    app.clock.advance_minutes(31);
    assert_eq!(app.who_am_i(&mut browser).await, None, "idle: ended");
    assert!(authorize_url(&app, &mut browser).await.contains("prompt=login"), "the next person must authenticate");
    assert_eq!(app.login(&mut browser, &app.mette().await).await, "/min-plan");
    assert!(!authorize_url(&app, &mut browser).await.contains("prompt="), "a login clears the mark");

    // A session cookie whose row is gone (expired in the store) counts the same.
    let mut stale = Browser { cookie: Some("a-session-that-is-gone".into()), ..Browser::default() };
    assert_eq!(app.who_am_i(&mut stale).await, None);
    assert!(authorize_url(&app, &mut stale).await.contains("prompt=login"));
    // Logging out is not a timeout: the provider's session is ended anyway.
    let mut leaving = Browser::default();
    app.login(&mut leaving, &app.mette().await).await;
    app.post(&mut leaving, "/auth/logout", &[]).await;
    assert!(!authorize_url(&app, &mut leaving).await.contains("prompt="));
}

#[tokio::test]
async fn pages_and_server_functions_are_never_cached_but_the_bundle_may_be() {
    let app = spawn_app().await;
    let mut mette = app.signed_in("Mette").await;
    for path in ["/budget", "/min-plan", "/", "/log-ind", "/denne-side-findes-ikke"] {
        let res = app.get(&mut mette, path).await;
        assert_eq!(res.headers().get("cache-control").map(|v| v.to_str().unwrap()), Some("no-store"), "{path}");
    }
    let api = app.http.post(app.url("/api/my_plan")).header("accept", "application/json").form(&[("before", "")]);
    let res = app.send(&mut mette, api).await;
    assert_eq!(res.headers().get("cache-control").map(|v| v.to_str().unwrap()), Some("no-store"), "a server function");
    let res = app.get(&mut mette, "/pkg/enplan.css").await;
    assert_ne!(res.headers().get("cache-control").map(|v| v.to_str().unwrap()), Some("no-store"), "static files may be cached");
}

#[tokio::test]
async fn every_refused_id_token_ends_with_nobody_logged_in() {
    let app = spawn_app().await;
    let mette = app.mette().await;
    // Each fault, and the check that must be the one refusing it (from the log).
    for (fault, because) in [
        (Fault::WrongIssuer, "Invalid issuer"),
        (Fault::WrongAudience, "Invalid audiences"),
        (Fault::MissingSub, "missing field `sub`"),
        (Fault::MissingIat, "missing field `iat`"),
        (Fault::AlgNone, "Signature verification failed"),
        (Fault::BadSignature, "Signature verification failed"),
        (Fault::WrongNonce, "nonce mismatch"),
        (Fault::Expired, "ID token expired"),
        (Fault::UnknownKey, "signed with an unknown key"),
        (Fault::StaleIat, "iat outside the accepted window"),
        (Fault::WrongAtHash, "at_hash does not match"),
        (Fault::LowAssurance, "assurance level missing or too low"),
    ] {
        app.idp.set_fault(Some(fault));
        let mut browser = Browser::default();
        let landed = app.login(&mut browser, &mette).await;
        let reason = if fault == Fault::LowAssurance { "lavt-niveau" } else { "mislykket" };
        assert_eq!(landed, format!("/log-ind?fejl={reason}"), "{fault:?} must be refused");
        assert_eq!(app.who_am_i(&mut browser).await, None, "{fault:?} left a session");
        let logs = String::from_utf8(log_buffer().lock().unwrap().clone()).unwrap();
        let last = logs.lines().rfind(|l| l.contains("login refused")).unwrap_or_default().to_string();
        assert!(last.contains(because), "{fault:?} refused for another reason: {last}");
    }
    app.idp.set_fault(None);
    let mut browser = Browser::default();
    assert_eq!(app.login(&mut browser, &mette).await, "/min-plan", "a good token still works");
}

#[tokio::test]
async fn a_login_at_a_low_mitid_level_says_so_and_what_to_do() {
    let app = spawn_app().await;
    app.idp.set_fault(Some(Fault::LowAssurance));
    let mut browser = Browser::default();
    let landed = app.login(&mut browser, &app.mette().await).await;
    let page = app.get(&mut browser, &landed).await.text().await.unwrap();
    assert!(page.contains("lavt sikringsniveau") && page.contains("MitID-appen") && page.contains("Borgerservice"), "{landed}");
    assert!(!page.contains("tog for lang tid"), "not the generic reason");
}

#[tokio::test]
async fn a_rotated_provider_key_is_fetched_once_and_accepted() {
    let app = spawn_app().await;
    let mette = app.mette().await;
    let mut first = Browser::default();
    assert_eq!(app.login(&mut first, &mette).await, "/min-plan");
    app.idp.rotate_key();
    let mut second = Browser::default();
    assert_eq!(app.login(&mut second, &mette).await, "/min-plan", "the new key is fetched from the JWKS");
}

#[tokio::test]
async fn a_state_mismatch_or_a_replayed_code_logs_nobody_in() {
    let app = spawn_app().await;
    let mette = app.mette().await;

    let mut browser = Browser::default();
    let callback = app.login_at_provider(&mut browser, &mette).await;
    let mut forged = Url::parse(&callback).unwrap();
    let code = forged.query_pairs().find(|(k, _)| k == "code").unwrap().1.to_string();
    forged.set_query(Some(&format!("code={code}&state=forged")));
    let res = app.get(&mut browser, forged.as_str()).await;
    assert_eq!(location(&res), "/log-ind?fejl=mislykket");
    assert_eq!(app.who_am_i(&mut browser).await, None);

    // A good login, then its code replayed into another login's callback.
    let mut victim = Browser::default();
    let callback = app.login_at_provider(&mut victim, &mette).await;
    assert_eq!(location(&app.get(&mut victim, &callback).await), "/min-plan");
    let used_code = Url::parse(&callback).unwrap().query_pairs().find(|(k, _)| k == "code").unwrap().1.to_string();

    let mut attacker = Browser::default();
    let own = app.login_at_provider(&mut attacker, &mette).await;
    let own_state = Url::parse(&own).unwrap().query_pairs().find(|(k, _)| k == "state").unwrap().1.to_string();
    let replay = format!("/auth/callback?code={used_code}&state={own_state}");
    assert_eq!(location(&app.get(&mut attacker, &replay).await), "/log-ind?fejl=mislykket");
    assert_eq!(app.who_am_i(&mut attacker).await, None);

    // The same callback URL twice: the second finds no login in progress.
    let mut again = victim.clone();
    assert_eq!(location(&app.get(&mut again, &callback).await), "/log-ind?fejl=mislykket");
}

#[tokio::test]
async fn a_cancelled_login_says_so_and_logs_nobody_in() {
    let app = spawn_app().await;
    let mut browser = Browser::default();
    let res = app.get(&mut browser, "/auth/login").await;
    let authorize = Url::parse(&location(&res)).unwrap();
    let state = authorize.query_pairs().find(|(k, _)| k == "state").unwrap().1.to_string();
    let res = app.get(&mut browser, &format!("/auth/callback?error=access_denied&state={state}")).await;
    assert_eq!(location(&res), "/log-ind?fejl=afbrudt");
    assert_eq!(app.who_am_i(&mut browser).await, None);
}

#[tokio::test]
async fn an_idle_session_ends_after_30_minutes_but_activity_keeps_it() {
    let app = spawn_app().await;
    let mette = app.mette().await;
    let mut browser = Browser::default();
    app.login(&mut browser, &mette).await;

    for _ in 0..3 {
        app.clock.advance_minutes(20);
        assert!(app.who_am_i(&mut browser).await.is_some(), "20 minutes after the last request: still in");
    }
    app.clock.advance_minutes(31);
    let page = app.get(&mut browser, "/min-plan").await.text().await.unwrap();
    assert_eq!(logged_in_name(&page), None);
    assert!(page.contains("ikke har brugt Én Plan i et stykke tid"), "the page says why");
    app.clock.advance_minutes(-60);
    assert_eq!(app.who_am_i(&mut browser).await, None, "the ended session stays ended");
}

#[tokio::test]
async fn a_session_ends_after_12_hours_however_active() {
    let app = spawn_app().await;
    let mut browser = Browser::default();
    app.login(&mut browser, &app.mette().await).await;
    for _ in 0..(12 * 60 / 25) {
        app.clock.advance_minutes(25);
        assert!(app.who_am_i(&mut browser).await.is_some());
    }
    app.clock.advance_minutes(25);
    let page = app.get(&mut browser, "/min-plan").await.text().await.unwrap();
    assert_eq!(logged_in_name(&page), None);
    assert!(page.contains("logget ind i mange timer"), "the page says why");
}

#[tokio::test]
async fn a_logged_out_cookie_replayed_gets_nothing() {
    let app = spawn_app().await;
    let mut browser = Browser::default();
    app.login(&mut browser, &app.mette().await).await;
    let stolen = browser.clone();
    app.post(&mut browser, "/auth/logout", &[]).await;
    assert_eq!(app.who_am_i(&mut stolen.clone()).await, None);
}

#[tokio::test]
async fn a_cross_site_logout_post_is_refused_and_the_session_survives() {
    let app = spawn_app().await;
    let mut browser = Browser::default();
    app.login(&mut browser, &app.mette().await).await;
    let res = app.post(&mut browser, "/auth/logout", &[("sec-fetch-site", "cross-site")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app.post(&mut browser, "/auth/logout", &[("origin", "https://evil.example")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.who_am_i(&mut browser).await.as_deref(), Some("Mette Hansen"));
}

#[tokio::test]
async fn a_new_citizen_is_created_and_sees_the_no_plan_page() {
    let app = spawn_app().await;
    let mut browser = Browser::default();
    assert_eq!(app.login(&mut browser, "cpr:2408790000").await, "/min-plan");
    let page = app.get(&mut browser, "/min-plan").await.text().await.unwrap();
    assert_eq!(logged_in_name(&page).as_deref(), Some("Testperson"));
    assert!(page.contains("Du har ikke en plan i Én Plan endnu"), "{page}");
    let person = app.store.person_by_cpr("240879-0000").await.unwrap().expect("a record was made");
    assert!(app.store.plan_of(person.id).await.unwrap().is_none(), "logging in never makes a plan");

    let mut mettes = Browser::default();
    app.login(&mut mettes, &app.mette().await).await;
    let page = app.get(&mut mettes, "/min-plan").await.text().await.unwrap();
    assert!(!page.contains("Du har ikke en plan"), "Mette has a plan");
}

#[tokio::test]
async fn logs_never_hold_a_cpr_number_a_token_or_a_cookie() {
    let app = spawn_app().await;
    let mut browser = Browser::default();
    let callback = app.login_at_provider(&mut browser, "cpr:0113851001").await;
    let code = Url::parse(&callback).unwrap().query_pairs().find(|(k, _)| k == "code").unwrap().1.to_string();
    app.get(&mut browser, &callback).await;
    let cookie = browser.cookie.clone().expect("logged in");
    let id_token = app.idp.last_id_token().expect("an ID token was issued");
    app.post(&mut browser, "/auth/logout", &[]).await;
    app.idp.set_fault(Some(Fault::BadSignature));
    app.login(&mut Browser::default(), "cpr:0113851001").await;
    app.idp.set_fault(None);

    let logs = String::from_utf8(log_buffer().lock().unwrap().clone()).unwrap();
    assert!(logs.contains("logged in"), "the login itself is logged");
    for secret in ["0113851001", "011385-1001", &code, &cookie, &id_token[..40.min(id_token.len())]] {
        assert!(!logs.contains(secret), "the logs contain {secret:?}");
    }
}

#[tokio::test]
async fn every_page_even_a_404_lets_the_logout_form_reach_the_providers_end_session() {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings::from_vars([
        ("APP_LISTEN_ADDR".to_string(), "127.0.0.1:0".to_string()),
        ("APP_DATABASE_URL".to_string(), format!("sqlite://{}/test.db", dir.path().display())),
        ("APP_OIDC_ISSUER".to_string(), "http://127.0.0.1:9/broker".to_string()),
        ("APP_OIDC_CLIENT_ID".to_string(), "enplan".to_string()),
    ])
    .expect("settings");
    let options = LeptosOptions::builder().output_name(server::OUTPUT_NAME).build();
    let app = Application::build(settings, options).await.expect("app starts");
    assert!(app.test_idp().is_none(), "no test login beside a configured issuer");
    let base = format!("http://127.0.0.1:{}", app.port());
    let (_stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until_stopped(async {
        let _ = stopped.await;
    }));
    assert_eq!(reqwest::get(format!("{base}/dev/udbakke")).await.unwrap().status(), StatusCode::NOT_FOUND, "no development outbox");
    for path in ["/", "/denne-side-findes-ikke"] {
        let res = reqwest::get(format!("{base}{path}")).await.unwrap();
        let csp = res.headers().get("content-security-policy").unwrap().to_str().unwrap().to_string();
        assert!(csp.contains("form-action 'self' http://127.0.0.1:9;"), "{path}: {csp}");
    }
}
