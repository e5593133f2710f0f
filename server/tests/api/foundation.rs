//! The server as a whole: started on port 0 with its real router and an
//! SQLite file in a temporary folder, spoken to over HTTP.

use leptos::prelude::LeptosOptions;
use reqwest::{redirect::Policy, Client, StatusCode};
use server::config::Settings;
use server::startup::Application;
use tokio::sync::oneshot;

struct TestApp {
    base: String,
    client: Client,
    stop: Option<oneshot::Sender<()>>,
    stopped: tokio::task::JoinHandle<std::io::Result<()>>,
    _dir: tempfile::TempDir,
}

async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// The app with more settings (`APP_*` name, value).
async fn spawn_app_with(extra: &[(&str, &str)]) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = format!("sqlite://{}/test.db", dir.path().display());
    let mut vars = vec![
        ("APP_LISTEN_ADDR".to_string(), "127.0.0.1:0".to_string()),
        ("APP_DATABASE_URL".to_string(), db),
        ("APP_TEST_LOGIN".to_string(), "on".to_string()),
    ];
    vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let settings = Settings::from_vars(vars).expect("settings");
    let options = LeptosOptions::builder().output_name(server::OUTPUT_NAME).build();
    let app = Application::build(settings, options).await.expect("app starts");
    let base = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped_rx) = oneshot::channel::<()>();
    let stopped = tokio::spawn(app.run_until_stopped(async {
        let _ = stopped_rx.await;
    }));
    let client = Client::builder().redirect(Policy::none()).build().expect("client");
    TestApp { base, client, stop: Some(stop), stopped, _dir: dir }
}

impl TestApp {
    async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.base)).send().await.expect("request")
    }
}

impl TestApp {
    /// Posts the language form with extra request headers.
    async fn post_lang(&self, body: &'static str, headers: &[(&'static str, &'static str)]) -> reqwest::Response {
        let mut req =
            self.client.post(format!("{}/sprog", self.base)).header("content-type", "application/x-www-form-urlencoded").body(body);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        req.send().await.expect("request")
    }
}

fn header<'a>(res: &'a reqwest::Response, name: &str) -> &'a str {
    res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_else(|| panic!("no {name} header"))
}

#[tokio::test]
async fn healthz_answers_ok_when_the_database_answers() {
    let app = spawn_app().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap(), r#"{"status":"ok","database":"ok"}"#);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/healthz", "/", "/findes-ikke", "/favicon.svg"] {
        let res = app.get(path).await;
        assert_eq!(header(&res, "x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header(&res, "referrer-policy"), "same-origin", "{path}");
        assert_eq!(header(&res, "x-frame-options"), "DENY", "{path}");
        let csp = header(&res, "content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        // HSTS only when served over https; this test server is plain http.
        assert!(res.headers().get("strict-transport-security").is_none(), "{path}");
    }
}

#[tokio::test]
async fn a_page_allows_exactly_the_scripts_that_carry_its_nonce() {
    let app = spawn_app().await;
    let res = app.get("/").await;
    assert_eq!(res.status(), StatusCode::OK);
    let csp = header(&res, "content-security-policy").to_string();
    let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce in the page's CSP");
    assert!(nonce.len() >= 16, "nonce too short: {nonce}");
    assert!(csp.contains("'strict-dynamic' 'wasm-unsafe-eval'"), "{csp}");
    let body = res.text().await.unwrap();
    let scripts = body.matches("<script").count();
    assert!(scripts > 0, "the page loads its hydration script");
    assert!(body.matches(&format!("nonce=\"{nonce}\"")).count() >= scripts, "every script carries the nonce");

    let second = app.get("/").await;
    assert!(!header(&second, "content-security-policy").contains(nonce), "a nonce is never reused");
}

#[tokio::test]
async fn pages_are_danish_by_default_and_english_when_chosen() {
    let app = spawn_app().await;
    let da = app.get("/").await.text().await.unwrap();
    assert!(da.contains(r#"<html lang="da""#));
    assert!(da.contains("Din plan samlet ét sted"));
    let en = app.client.get(format!("{}/", app.base)).header("cookie", "lang=en").send().await.unwrap().text().await.unwrap();
    assert!(en.contains(r#"<html lang="en""#));
    assert!(en.contains("Your plan in one place"));
}

#[tokio::test]
async fn an_unknown_address_gets_a_404_page_in_the_frame() {
    let app = spawn_app().await;
    let res = app.get("/findes-ikke").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let body = res.text().await.unwrap();
    assert!(body.contains("Siden findes ikke"));
    assert!(body.contains("Tilgængelighedserklæring"), "the footer is there");
}

#[tokio::test]
async fn the_language_switch_sets_a_cookie_and_returns_to_the_page() {
    let app = spawn_app().await;
    let res = app.post_lang("lang=en&next=%2Fnetvaerk", &[("origin", "http://localhost:3000")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&res, "location"), "/netvaerk");
    let cookie = header(&res, "set-cookie");
    assert!(cookie.starts_with("lang=en;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"), "{cookie}");
}

#[tokio::test]
async fn the_language_switch_never_redirects_off_the_site() {
    let app = spawn_app().await;
    let res = app.post_lang("lang=en&next=%2F%2Fevil.example", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(header(&res, "location"), "/");
}

#[tokio::test]
async fn a_cross_site_post_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let res = app.post_lang("lang=en&next=%2F", &[("sec-fetch-site", "cross-site")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn the_server_stops_cleanly_when_told_to() {
    let mut app = spawn_app().await;
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    app.stop.take().unwrap().send(()).unwrap();
    let result = tokio::time::timeout(std::time::Duration::from_secs(10), app.stopped).await;
    assert!(matches!(result, Ok(Ok(Ok(())))), "server did not stop cleanly: {result:?}");
}

#[tokio::test]
async fn the_benchmark_baseline_is_served_only_when_asked_for_and_without_a_session() {
    let app = spawn_app().await;
    assert_eq!(app.get("/bench/baseline?id=1").await.status(), StatusCode::NOT_FOUND);
    let bench = spawn_app_with(&[("APP_BENCH", "on")]).await;
    for id in ["1", "999999"] {
        let res = bench.get(&format!("/bench/baseline?id={id}")).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers().get("set-cookie").is_none(), "no session");
        assert!(res.headers().get("content-security-policy").is_some(), "the same security headers as every page");
        assert_eq!(
            res.text().await.unwrap(),
            "<!DOCTYPE html><html lang=\"da\"><title>ok</title><p>ok</p></html>",
            "nothing it read is shown"
        );
    }
}

impl TestApp {
    /// Starts a login, as from `forwarded_for` if given.
    async fn start_login(&self, forwarded_for: Option<&str>) -> StatusCode {
        let mut req = self.client.get(format!("{}/auth/login", self.base));
        if let Some(addr) = forwarded_for {
            req = req.header("x-forwarded-for", addr);
        }
        req.send().await.expect("request").status()
    }
}

#[tokio::test]
async fn logins_started_from_one_address_are_limited_and_a_forged_forwarded_for_does_not_help() {
    let app = spawn_app_with(&[("APP_LOGINS_PER_ADDRESS", "3")]).await;
    for _ in 0..3 {
        assert_eq!(app.start_login(None).await, StatusCode::SEE_OTHER, "on to the provider");
    }
    assert_eq!(app.start_login(None).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.start_login(Some("198.51.100.7")).await, StatusCode::TOO_MANY_REQUESTS, "a header from an untrusted peer is ignored");
    let res = app.get("/auth/login").await;
    assert_eq!(header(&res, "retry-after"), "600");
    assert!(res.text().await.unwrap().contains("Vent 10 minutter"), "a plain message");
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK, "other routes are not limited");
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_count() {
    let app = spawn_app_with(&[("APP_LOGINS_PER_ADDRESS", "2"), ("APP_TRUSTED_PROXIES", "127.0.0.1")]).await;
    for _ in 0..2 {
        assert_eq!(app.start_login(Some("198.51.100.7")).await, StatusCode::SEE_OTHER);
    }
    assert_eq!(app.start_login(Some("198.51.100.7")).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.start_login(Some("198.51.100.8")).await, StatusCode::SEE_OTHER, "another client behind the same proxy");
    assert_eq!(app.start_login(Some("203.0.113.5, 198.51.100.8")).await, StatusCode::SEE_OTHER, "the right-most untrusted address counts");
    assert_eq!(app.start_login(Some("203.0.113.5, 198.51.100.8")).await, StatusCode::TOO_MANY_REQUESTS);
}
