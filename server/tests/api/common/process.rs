//! The real `server` binary as a child process, as it runs in production:
//! its own database URL, a free port, logins through its built-in test
//! provider, server functions called over HTTP.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use reqwest::{Client, StatusCode, Url};

pub struct Server {
    pub base: String,
    pub child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts the server on `database_url` and waits until it answers `/healthz`.
pub async fn start(database_url: &str, http: &Client) -> Server {
    start_with(database_url, http, &[]).await
}

/// As [`start`], with more settings (`APP_*` name, value).
pub async fn start_with(database_url: &str, http: &Client, extra: &[(String, String)]) -> Server {
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .envs(extra.iter().map(|(k, v)| (k, v)))
        .env("APP_LISTEN_ADDR", format!("127.0.0.1:{port}"))
        .env("APP_TEST_LOGIN", "on")
        .env("APP_PUBLIC_URL", &base)
        .env("APP_DATABASE_URL", database_url)
        .env("APP_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the server binary starts");
    let server = Server { base, child };
    for _ in 0..300 {
        if let Ok(res) = http.get(format!("{}/healthz", server.base)).send().await {
            if res.status().is_success() {
                return server;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server on {} did not become healthy", server.base);
}

/// An HTTP client that does not follow redirects (the tests read them).
pub fn client() -> Client {
    Client::builder().redirect(reqwest::redirect::Policy::none()).timeout(Duration::from_secs(60)).build().unwrap()
}

fn location(res: &reqwest::Response) -> String {
    res.headers().get("location").and_then(|v| v.to_str().ok()).expect("a redirect").to_string()
}

fn cookie_named(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix(&format!("{name}=")).map(|rest| rest.split(';').next().unwrap_or("").to_string()))
        .filter(|v| !v.is_empty())
}

fn session_cookie(res: &reqwest::Response) -> Option<String> {
    cookie_named(res, super::COOKIE)
}

/// Logs `person` in through the server's built-in test provider; returns the session cookie.
pub async fn login(http: &Client, server: &Server, person: i64) -> String {
    let res = http.get(format!("{}/auth/login", server.base)).send().await.unwrap();
    let pre = cookie_named(&res, "enplan_login").expect("the login in progress");
    let authorize = Url::parse(&location(&res)).unwrap();
    let mut form: Vec<(String, String)> = authorize.query_pairs().into_owned().collect();
    form.push(("who".into(), person.to_string()));
    let mut endpoint = authorize.clone();
    endpoint.set_query(None);
    let res = http.post(endpoint).form(&form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let callback = location(&res);
    let res = http.get(callback).header("cookie", format!("enplan_login={pre}")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "the login completes");
    session_cookie(&res).expect("a new session after login")
}

/// Calls a server function at its `PATH` as a script would; the transport
/// error when there was no answer (the server was killed or has stopped).
pub async fn try_post(http: &Client, base: &str, cookie: &str, path: &str, form: &[(&str, String)]) -> Result<StatusCode, reqwest::Error> {
    http.post(format!("{base}{path}"))
        .header("accept", "application/json")
        .header("cookie", format!("{}={cookie}", super::COOKIE))
        .form(form)
        .send()
        .await
        .map(|r| r.status())
}

/// Calls a server function as a script would.
pub async fn post(http: &Client, server: &Server, cookie: &str, path: &str, form: &[(&str, String)]) -> StatusCode {
    try_post(http, &server.base, cookie, path, form).await.expect("the server answers")
}
