//! The outbox worker's loop in this process, and the development outbox's
//! page. The rules, the store and one round are in the app's `notices`
//! feature; SMTP comes with the rest of the e-mail notices issue.

use std::sync::Arc;

use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};

use app::features::notices::worker::Worker;
use app::kernel::clock::Clock;

use crate::state::AppState;
use crate::test_idp::esc;

/// Where the development outbox is shown (with the test login only).
pub const DEV_OUTBOX: &str = "/dev/udbakke";

/// Runs a round every `every`, forever. A failed round (the database away)
/// is logged and the next one tries again; claimed rows whose round failed
/// are claimed again when their lease runs out.
pub async fn run(worker: Worker, clock: Arc<dyn Clock>, every: std::time::Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match worker.round(clock.now_ms(), rand::random::<f64>).await {
            Ok(round) if round != Default::default() => {
                tracing::info!(sent = round.sent, skipped = round.skipped, retried = round.retried, failed = round.failed, "notices")
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "notice round failed"),
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
        "<p>Ingen mails endnu.</p>".into()
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
<p class="notice" role="note"><strong>Testlogin — ikke MitID.</strong> Mails sendes ikke her: de vises på denne side.</p>
<h1 class="my-4 text-3xl font-bold">Udbakke</h1>{items}</main></body></html>"#,
        css = crate::OUTPUT_NAME
    ))
    .into_response()
}
