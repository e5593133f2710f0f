//! The notices' server side: the mailer and link key from the settings,
//! the outbox worker's loop in this process, the unsubscribe link's POST
//! (the page's button and a mail program's one-click unsubscribe), and the
//! development outbox's page. The rules, the store, the SMTP mailer and one
//! round are in the app's `notices` feature.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};

use app::features::notices::links::LinkKey;
use app::features::notices::mail::Rendered;
use app::features::notices::sms::{GatewayTexter, SmsSettings};
use app::features::notices::smtp::{SmtpMailer, SmtpSettings};
use app::features::notices::worker::{Mailer, SendError, Texter, Worker};
use app::kernel::clock::Clock;
use app::ssr::db::Store;
use app::ssr::service::ServiceError;

use crate::config::{Secret, SmsConfig, SmtpConfig};
use crate::state::AppState;
use crate::test_idp::esc;

/// The setting a generated link key is kept under.
pub const LINK_KEY_SETTING: &str = "link_key";

/// The SMTP mailer of the settings (its CA file read now).
pub fn smtp_mailer(smtp: &SmtpConfig) -> Result<SmtpMailer, String> {
    let ca_pem = match &smtp.ca_file {
        Some(path) => Some(std::fs::read(path).map_err(|e| format!("APP_SMTP_CA_FILE {path}: {e}"))?),
        None => None,
    };
    SmtpMailer::new(&SmtpSettings {
        url: smtp.url.expose().to_string(),
        from: smtp.from.clone(),
        ca_pem,
        timeout: std::time::Duration::from_secs(30),
    })
}

/// The SMS gateway's texter of the settings: a call may take 10 seconds
/// at most, so a hung gateway holds up only its own row.
pub fn gateway_texter(sms: &SmsConfig) -> Result<GatewayTexter, String> {
    GatewayTexter::new(SmsSettings {
        url: sms.url.clone(),
        token: sms.token.expose().to_string(),
        sender: sms.sender.clone(),
        timeout: std::time::Duration::from_secs(10),
    })
}

/// The key unsubscribe links are signed with: `APP_LINK_KEY`, or one made
/// once and kept in the database for every process on it.
pub async fn link_key(configured: Option<&Secret>, store: &dyn Store) -> Result<LinkKey, String> {
    let key = match configured {
        Some(k) => k.expose().as_bytes().to_vec(),
        None => {
            let fresh: String = (0..32).map(|_| format!("{:02x}", rand::random::<u8>())).collect();
            store.shared_secret(LINK_KEY_SETTING, &fresh).await.map_err(|e| format!("cannot keep the link key: {e}"))?.into_bytes()
        }
    };
    LinkKey::new(key).ok_or_else(|| "the link key must be at least 32 bytes".to_string())
}

/// No mail server (or SMS gateway) set and no test login: a code cannot
/// go, and the person is told so; notices of that channel wait in the
/// outbox (the worker does not claim them).
pub struct NoMailer;

#[async_trait::async_trait]
impl Mailer for NoMailer {
    async fn send(&self, _to: &str, _mail: &Rendered) -> Result<(), SendError> {
        Err(SendError { permanent: false, reason: "no mail server is set up".into() })
    }
}

#[async_trait::async_trait]
impl Texter for NoMailer {
    async fn send(&self, _to: &str, _text: &str, _userref: &str) -> Result<(), SendError> {
        Err(SendError { permanent: false, reason: "no SMS gateway is set up".into() })
    }
}

/// `POST /afmeld/{token}`: the unsubscribe page's button (a form: sent on
/// to the page's answer) or a mail program's one-click unsubscribe (RFC
/// 8058: answered 200). No login: the signed token names the person.
pub async fn unsubscribe(State(state): State<AppState>, Path(token): Path<String>, headers: HeaderMap) -> Response {
    let now = state.auth.clock.now_ms();
    let result = app::features::notices::service::unsubscribe_by_link(state.store.as_ref(), &state.notices.links, &token, now).await;
    let form = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("text/html"));
    let answer = match &result {
        Ok(()) => "afmeldt-link",
        Err(ServiceError::Db(e)) => {
            tracing::error!(error = %e, "could not unsubscribe by link");
            return (StatusCode::SERVICE_UNAVAILABLE, "Prøv igen om lidt. / Please try again in a little while.\n").into_response();
        }
        Err(_) => "ugyldigt-link",
    };
    if form {
        // Only the token's own characters go back into the address.
        let clean: String = token.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
        let to = app::routes::unsubscribe(&clean);
        return Redirect::to(&format!("{to}?svar={answer}")).into_response();
    }
    match result {
        Ok(()) => (StatusCode::OK, "Afmeldt. / Unsubscribed.\n").into_response(),
        Err(_) => (StatusCode::NOT_FOUND, "Linket virker ikke. / The link does not work.\n").into_response(),
    }
}

/// Where the development outbox is shown (with the test login only).
pub const DEV_OUTBOX: &str = "/dev/udbakke";

/// Runs a round every `every`, forever; a round that claimed a full batch
/// is followed by the next at once (a backlog drains at the mail server's
/// pace, not one batch a tick). A failed round (the database away) is
/// logged and the next one tries again; claimed rows whose round failed are
/// claimed again when their lease runs out.
pub async fn run(worker: Worker, clock: Arc<dyn Clock>, every: std::time::Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut full = false;
    loop {
        if !full {
            tick.tick().await;
        }
        full = false;
        match worker.round(clock.now_ms(), rand::random::<f64>).await {
            Ok(round) if round != Default::default() => {
                full = (round.sent + round.skipped + round.retried + round.failed + round.waiting) as i64 >= worker.batch;
                tracing::info!(
                    sent = round.sent,
                    skipped = round.skipped,
                    retried = round.retried,
                    failed = round.failed,
                    waiting = round.waiting,
                    "notices"
                )
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "notice round failed"),
        }
    }
}

/// Tells helpers and citizens, once, of accesses that end within 14 days or
/// have ended by their date (`representation::service::write_due_notices`),
/// every `every`. Each notice is claimed in the database, so several
/// server processes write it once.
pub async fn helper_notices(store: Arc<dyn Store>, clock: Arc<dyn Clock>, every: std::time::Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match app::features::representation::service::write_due_notices(store.as_ref(), clock.now_ms()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(accesses = n, "helpers told of an access ending"),
            Err(e) => tracing::warn!(error = %e, "helper notice round failed"),
        }
    }
}

/// `GET /dev/udbakke`: what would have been sent, newest first.
pub async fn dev_outbox(State(state): State<AppState>) -> Response {
    let Some(outbox) = &state.dev_outbox else {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    };
    let mails = outbox.mails();
    let items: String = if mails.is_empty() {
        "<p>Ingen mails eller SMS endnu.</p>".into()
    } else {
        let list: String = mails
            .iter()
            .map(|(to, m)| {
                format!(
                    r#"<li class="card"><p><strong>Til:</strong> {}</p><p><strong>Emne:</strong> {}</p><pre class="whitespace-pre-wrap">{}</pre></li>"#,
                    esc(to),
                    esc(&m.subject),
                    esc(&m.text)
                )
            })
            .collect();
        format!(r#"<ul class="flex flex-col gap-3">{list}</ul>"#)
    };
    Html(format!(
        r#"<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Udbakke (udvikling) – Én Plan</title><link rel="stylesheet" href="/pkg/{css}.css"></head>
<body><main class="mx-auto max-w-3xl px-4 py-6">
<p class="notice" role="note"><strong>Testlogin — ikke MitID.</strong> Mails og SMS sendes ikke her: de vises på denne side.</p>
<h1 class="my-4 text-3xl font-bold">Udbakke</h1>{items}</main></body></html>"#,
        css = crate::OUTPUT_NAME
    ))
    .into_response()
}
