//! A local HTTP server standing in for the SMS gateway: it takes GatewayAPI's
//! `mtsms` POST, records each request (the bearer token, the JSON body), and
//! answers as told: 200, a status with a body, or never (a hung gateway) for
//! one number, noting when that call was given up by its caller.

use std::collections::VecDeque;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::post;
use axum::{Json, Router};
use tokio::sync::Mutex;

/// One request as the gateway got it.
#[derive(Clone, Debug)]
pub struct Sent {
    pub authorization: Option<String>,
    pub body: serde_json::Value,
}

impl Sent {
    pub fn msisdn(&self) -> u64 {
        self.body["recipients"][0]["msisdn"].as_u64().unwrap_or_default()
    }
    pub fn message(&self) -> &str {
        self.body["message"].as_str().unwrap_or_default()
    }
    pub fn userref(&self) -> &str {
        self.body["userref"].as_str().unwrap_or_default()
    }
}

#[derive(Default)]
struct Gateway {
    sent: Mutex<Vec<Sent>>,
    /// Answers to give, in order, before answering 200 again: (status, body).
    answers: Mutex<VecDeque<(u16, String)>>,
    /// Calls for this number never get an answer.
    hang: Mutex<Option<u64>>,
    /// How many requests had arrived when a hung call was given up.
    given_up_after: Mutex<Vec<usize>>,
}

/// Notes, when dropped with its call, how many requests had arrived.
struct GivenUp(Arc<Gateway>);

impl Drop for GivenUp {
    fn drop(&mut self) {
        // Drop cannot wait: a try_lock is enough, nothing else holds it for long.
        let arrived = self.0.sent.try_lock().map(|sent| sent.len());
        if let (Ok(arrived), Ok(mut after)) = (arrived, self.0.given_up_after.try_lock()) {
            after.push(arrived);
        }
    }
}

async fn mtsms(State(gateway): State<Arc<Gateway>>, headers: HeaderMap, Json(body): Json<serde_json::Value>) -> impl IntoResponse {
    let sent = Sent { authorization: headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_string), body };
    let msisdn = sent.msisdn();
    gateway.sent.lock().await.push(sent);
    if *gateway.hang.lock().await == Some(msisdn) {
        let _noted = GivenUp(gateway.clone());
        tokio::time::sleep(std::time::Duration::from_secs(3_600)).await;
    }
    match gateway.answers.lock().await.pop_front() {
        Some((status, body)) => (StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), body),
        None => (StatusCode::OK, r#"{"ids":[1]}"#.to_string()),
    }
}

/// The stand-in, listening on a free port until dropped with the runtime.
pub struct GatewayStandIn {
    pub url: String,
    gateway: Arc<Gateway>,
}

impl GatewayStandIn {
    pub async fn start() -> GatewayStandIn {
        let gateway = Arc::new(Gateway::default());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/rest/mtsms", listener.local_addr().unwrap());
        let router = Router::new().route("/rest/mtsms", post(mtsms)).with_state(gateway.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        GatewayStandIn { url, gateway }
    }

    /// The next answers, in order (then 200 again).
    pub async fn answer(&self, answers: &[(u16, &str)]) {
        self.gateway.answers.lock().await.extend(answers.iter().map(|(s, b)| (*s, b.to_string())));
    }

    /// Never answer calls for `msisdn`.
    pub async fn hang_for(&self, msisdn: u64) {
        *self.gateway.hang.lock().await = Some(msisdn);
    }

    pub async fn sent(&self) -> Vec<Sent> {
        self.gateway.sent.lock().await.clone()
    }

    /// For each hung call given up by its caller: how many requests had arrived by then.
    pub async fn given_up_after(&self) -> Vec<usize> {
        self.gateway.given_up_after.lock().await.clone()
    }
}
