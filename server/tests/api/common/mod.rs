//! What the HTTP tests share: the app on a free port with a manual clock
//! and the built-in test identity provider, a cookie-keeping "browser", and
//! login through the provider.
// Each test binary uses part of this.
#![allow(dead_code)]

pub mod process;
pub mod sms;
pub mod smtp;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use leptos::prelude::LeptosOptions;
use reqwest::{redirect::Policy, Client, StatusCode, Url};

use app::kernel::clock::ManualClock;
use app::kernel::ids::PersonId;
use app::kernel::plan::Role;
use app::ssr::db::Store;
use server::config::Settings;
use server::startup::Application;
use server::test_idp::TestIdp;

/// Every log line of this test process, to check what is never logged.
pub fn log_buffer() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let sink = buffer.clone();
        let _ = tracing_subscriber::fmt().with_env_filter("debug").with_ansi(false).with_writer(move || LogWriter(sink.clone())).try_init();
        buffer
    })
}

pub struct LogWriter(Arc<Mutex<Vec<u8>>>);
impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub struct TestApp {
    pub base: String,
    pub http: Client,
    pub clock: ManualClock,
    pub idp: Arc<TestIdp>,
    pub store: Arc<dyn Store>,
    _stop: tokio::sync::oneshot::Sender<()>,
    _dir: tempfile::TempDir,
}

/// The browser's side: the session cookie, kept by hand so tests can replay
/// and compare it, and any others (the login in progress) by name.
#[derive(Clone, Debug, Default)]
pub struct Browser {
    pub cookie: Option<String>,
    pub others: std::collections::BTreeMap<String, String>,
}

pub const COOKIE: &str = "enplan";
/// Mette Hansen in the demo data.
pub const METTE_CPR: &str = "011385-1001";

pub async fn spawn_app() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}/test.db", dir.path().display());
    spawn_app_on(url, dir).await
}

/// A fresh PostgreSQL database on `TEST_DATABASE_URL`'s server (`None`
/// outside CI when it is not set; in CI a missing server is a failure).
pub async fn postgres_database() -> Option<String> {
    let Ok(admin_url) = std::env::var("TEST_DATABASE_URL") else {
        assert!(std::env::var("CI").is_err(), "TEST_DATABASE_URL must be set in CI");
        eprintln!("TEST_DATABASE_URL not set: skipping the PostgreSQL run");
        return None;
    };
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    let name = format!("enplan_test_{}_{nanos}", std::process::id());
    let admin = app::ssr::db::PgStore::connect(&admin_url).await.expect("connect to TEST_DATABASE_URL");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin.pool).await.expect("create a test database");
    admin.pool.close().await;
    let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin_url);
    Some(format!("{base}/{name}"))
}

pub async fn spawn_app_on(database_url: String, dir: tempfile::TempDir) -> TestApp {
    spawn_app_with(database_url, dir, vec![]).await
}

/// A server on `database_url` with more settings (`APP_*` name, value).
pub async fn spawn_app_with(database_url: String, dir: tempfile::TempDir, extra: Vec<(String, String)>) -> TestApp {
    log_buffer();
    let mut vars = vec![
        ("APP_LISTEN_ADDR".to_string(), "127.0.0.1:0".to_string()),
        ("APP_TEST_LOGIN".to_string(), "on".to_string()),
        ("APP_PUBLIC_URL".to_string(), "http://127.0.0.1:0".to_string()),
        ("APP_DATABASE_URL".to_string(), database_url),
    ];
    vars.extend(extra);
    let settings = Settings::from_vars(vars).expect("settings");
    let options = LeptosOptions::builder().output_name(server::OUTPUT_NAME).build();
    let clock = ManualClock::starting_now();
    let app = Application::build_with_clock(settings, options, Arc::new(clock.clone())).await.expect("app starts");
    let base = app.public_url().to_string();
    let idp = app.test_idp().expect("the test provider is mounted when no issuer is configured");
    let store = app.store();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until_stopped(async {
        let _ = stopped.await;
    }));
    let http = Client::builder().redirect(Policy::none()).build().expect("client");
    TestApp { base, http, clock, idp, store, _stop: stop, _dir: dir }
}

pub fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").and_then(|v| v.to_str().ok()).expect("a redirect").to_string()
}

impl TestApp {
    pub fn url(&self, path_or_url: &str) -> String {
        if path_or_url.starts_with("http") {
            path_or_url.to_string()
        } else {
            format!("{}{path_or_url}", self.base)
        }
    }

    pub async fn send(&self, browser: &mut Browser, req: reqwest::RequestBuilder) -> reqwest::Response {
        let pairs: Vec<String> =
            browser.cookie.iter().map(|c| format!("{COOKIE}={c}")).chain(browser.others.iter().map(|(k, v)| format!("{k}={v}"))).collect();
        let req = if pairs.is_empty() { req } else { req.header("cookie", pairs.join("; ")) };
        let res = req.send().await.expect("request");
        for set in res.headers().get_all("set-cookie") {
            let set = set.to_str().unwrap();
            let Some((name, rest)) = set.split_once('=') else { continue };
            let value = rest.split(';').next().unwrap().to_string();
            let kept = (!value.is_empty() && !set.contains("Max-Age=0")).then_some(value);
            if name == COOKIE {
                browser.cookie = kept;
            } else if let Some(value) = kept {
                browser.others.insert(name.to_string(), value);
            } else {
                browser.others.remove(name);
            }
        }
        res
    }

    pub async fn get(&self, browser: &mut Browser, path: &str) -> reqwest::Response {
        let req = self.http.get(self.url(path));
        self.send(browser, req).await
    }

    pub async fn post(&self, browser: &mut Browser, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut req = self.http.post(self.url(path)).header("content-type", "application/x-www-form-urlencoded").body("");
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(browser, req).await
    }

    /// Starts a login and picks `who` (a person id, or `cpr:<number>`) at the
    /// test provider; returns the callback URL the provider redirects to.
    pub async fn login_at_provider(&self, browser: &mut Browser, who: &str) -> String {
        let res = self.get(browser, "/auth/login").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let authorize = Url::parse(&location(&res)).expect("an absolute provider URL");
        let mut form: Vec<(String, String)> = authorize.query_pairs().into_owned().collect();
        match who.strip_prefix("cpr:") {
            Some(cpr) => form.extend([("who".into(), "cpr".into()), ("cpr".into(), cpr.into())]),
            None => form.push(("who".into(), who.into())),
        }
        let mut endpoint = authorize.clone();
        endpoint.set_query(None);
        let res = self.http.post(endpoint).form(&form).send().await.expect("provider answers");
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "the provider accepts the login");
        location(&res)
    }

    /// The whole login; returns where the portal sent the browser.
    pub async fn login(&self, browser: &mut Browser, who: &str) -> String {
        let callback = self.login_at_provider(browser, who).await;
        let res = self.get(browser, &callback).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        location(&res)
    }

    /// A person of the demo data by first name: citizens ("Mette",
    /// "Camilla", …) by their demo CPR number, everyone else ("Karin",
    /// "Jonas": caseworkers; "Bent", "Hanne": hosts; "Ulla": the
    /// administrator) by role and name.
    pub async fn person(&self, first_name: &str) -> PersonId {
        if let Some(cpr) = app::ssr::demo::citizen_cpr(first_name) {
            return self.store.person_by_cpr(cpr).await.unwrap().unwrap_or_else(|| panic!("{first_name} in the demo data")).id;
        }
        for role in [Role::Caseworker, Role::Host, Role::Admin] {
            for id in self.store.people_with_role(role).await.unwrap() {
                if self.store.person(id).await.unwrap().full_name.split(' ').next() == Some(first_name) {
                    return id;
                }
            }
        }
        panic!("nobody called {first_name} in the demo data")
    }

    /// A new caseworker with no tie to anyone in the demo data.
    pub async fn new_caseworker(&self, full_name: &str) -> PersonId {
        let who = app::ssr::db::NewPerson {
            full_name: app::kernel::ShortText::parse(full_name).unwrap(),
            cpr: None,
            subject: None,
            display_name: None,
        };
        let id = self.store.create_person(&who, 0).await.unwrap();
        self.store.grant_role(id, Role::Caseworker, 0).await.unwrap();
        id
    }

    /// A browser where `first_name` of the demo data has logged in.
    pub async fn signed_in(&self, first_name: &str) -> Browser {
        self.login_as(self.person(first_name).await).await
    }

    /// A browser where this person has logged in.
    pub async fn login_as(&self, who: PersonId) -> Browser {
        let mut browser = Browser::default();
        self.login(&mut browser, &who.0.to_string()).await;
        browser
    }

    /// Calls a server function at its `PATH` the way a script would (asking
    /// for JSON, not a plain form's redirect): the status and the body.
    pub async fn call(&self, browser: &mut Browser, path: &str, form: &[(&str, String)]) -> (StatusCode, String) {
        let req = self.http.post(self.url(path)).header("accept", "application/json").form(form);
        let res = self.send(browser, req).await;
        let status = res.status();
        (status, res.text().await.unwrap())
    }

    /// Posts a `multipart/form-data` form, text fields and files (field,
    /// file name, type, bytes), as a plain browser form (`html`: it asks for
    /// a page and follows the redirect) or as a script (asking for JSON).
    pub async fn post_multipart(
        &self,
        browser: &mut Browser,
        path: &str,
        form: &[(&str, String)],
        files: Vec<(&str, &str, &str, reqwest::Body)>,
        html: bool,
    ) -> reqwest::Response {
        let mut parts = reqwest::multipart::Form::new();
        for (k, v) in form {
            parts = parts.text(k.to_string(), v.clone());
        }
        for (field, name, mime, body) in files {
            parts =
                parts.part(field.to_string(), reqwest::multipart::Part::stream(body).file_name(name.to_string()).mime_str(mime).unwrap());
        }
        let accept = if html { "text/html" } else { "application/json" };
        let req = self.http.post(self.url(path)).header("accept", accept).multipart(parts);
        self.send(browser, req).await
    }

    /// [`TestApp::call`] for a server function that takes files (a multipart form).
    pub async fn call_multipart(&self, browser: &mut Browser, path: &str, form: &[(&str, String)]) -> (StatusCode, String) {
        let res = self.post_multipart(browser, path, form, vec![], false).await;
        let status = res.status();
        (status, res.text().await.unwrap())
    }

    pub async fn mette(&self) -> String {
        let p = self.store.person_by_cpr(METTE_CPR).await.unwrap().expect("Mette in the demo data");
        p.id.0.to_string()
    }

    /// The name in the header when logged in, `None` when not.
    pub async fn who_am_i(&self, browser: &mut Browser) -> Option<String> {
        let body = self.get(browser, "/min-plan").await.text().await.unwrap();
        logged_in_name(&body)
    }
}

/// The header's logout form is there exactly when someone is logged in.
pub fn logged_in_name(page: &str) -> Option<String> {
    if !page.contains(r#"action="/auth/logout""#) {
        return None;
    }
    let start = page.find("Logget ind som")?;
    let after = &page[start..];
    let name_start = after.find("</span>")? + "</span>".len();
    let name_end = after[name_start..].find('<')?;
    Some(after[name_start..name_start + name_end].trim().to_string())
}
