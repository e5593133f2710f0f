//! Plain axum routes beside the Leptos pages.

use axum::{
    extract::{Extension, Path, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Form, Json,
};
use serde::{Deserialize, Serialize};

use app::i18n::{Lang, LANG_COOKIE};

use crate::security::safe_local_path;
use crate::state::AppState;

/// Puts the municipality's details (read at most once a minute) into the
/// request, for the page's footer. A database that does not answer leaves
/// them out; the page says so itself if it needs the database.
pub async fn with_municipality(State(state): State<AppState>, mut req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    match state.municipality.get(state.store.as_ref()).await {
        Ok(m) => {
            req.extensions_mut().insert(m);
        }
        Err(e) => tracing::warn!(error = %e, "could not read the municipality's details"),
    }
    next.run(req).await
}

/// Health of the process and its database, for load balancers and tests.
#[derive(Serialize)]
pub struct Health {
    pub status: &'static str,
    pub database: &'static str,
}

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, Json(Health { status: "ok", database: "ok" })).into_response(),
        Err(e) => {
            tracing::error!(db.backend = state.store.backend(), error = %e, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, Json(Health { status: "unavailable", database: "unreachable" })).into_response()
        }
    }
}

/// `GET /bench/baseline?id=N` (only with `APP_BENCH`): the benchmark's
/// baseline, the same server doing the least a page could: one indexed
/// query (a person by id) and a small fixed page, with no rendering and no
/// session. It shows nothing it read.
pub async fn bench_baseline(State(state): State<AppState>, axum::extract::Query(q): axum::extract::Query<BenchQuery>) -> Response {
    match state.store.person(app::kernel::ids::PersonId(q.id.unwrap_or(1))).await {
        Ok(_) | Err(app::ssr::db::DbError::NotFound) => {
            ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], "<!DOCTYPE html><html lang=\"da\"><title>ok</title><p>ok</p></html>")
                .into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "bench baseline: database failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

#[derive(Deserialize)]
pub struct BenchQuery {
    id: Option<i64>,
}

/// The language switch's form.
#[derive(Deserialize)]
pub struct LangForm {
    lang: String,
    next: Option<String>,
}

/// `POST /sprog`: remembers the language in a cookie and goes back to the page.
pub async fn set_lang(State(state): State<AppState>, Form(form): Form<LangForm>) -> Response {
    let target = safe_local_path(form.next.as_deref());
    let mut res = Redirect::to(target).into_response();
    if let Some(lang) = Lang::from_code(&form.lang) {
        let secure = if state.settings.is_https() { "; Secure" } else { "" };
        let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}", lang.code());
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// `GET /netvaerk/moede/{id}/kalender.ics`: the meetup as a calendar file to
/// add to one's own calendar. Public, as the meetup's page is.
pub async fn meetup_calendar(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    use app::features::network::calendar::{ics, Event};
    use app::kernel::ids::MeetupId;
    use app::ssr::db::DbError;
    let Some(id) = id.parse::<i64>().ok().map(MeetupId) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let found = async {
        let meetup = state.store.meetup(id).await?;
        let group = state.store.group(meetup.group_id).await?;
        Ok::<_, DbError>((meetup, group))
    }
    .await;
    let (meetup, group) = match found {
        Ok(found) => found,
        Err(DbError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "could not read a meetup for its calendar file");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let public = &state.settings.public_url;
    let host = public.split("://").nth(1).unwrap_or(public).split(['/', ':']).next().unwrap_or("localhost");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
    let body = ics(&Event {
        uid: format!("meetup-{}@{host}", id.0),
        starts_utc_ms: meetup.starts_at,
        duration_minutes: meetup.duration_minutes,
        summary: &group.name,
        location: &format!("{}, {}", meetup.place, meetup.address),
        description: &meetup.description,
        url: format!("{public}{}", app::routes::meetup(id.0)),
        cancelled: meetup.cancelled_at.is_some(),
        stamp_utc_ms: now,
        sequence: meetup.sequence,
        modified_utc_ms: meetup.updated_at,
    });
    let disposition = format!("attachment; filename=\"moede-{}.ics\"", id.0);
    ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, disposition)], body).into_response()
}

/// `GET /samtale/fil/{id}`: a file attached to a message, for the thread's
/// parties only: the citizen, their caseworker and stand-in (whose download
/// is in the citizen's access log). Anyone else gets the same 404 as for a
/// file that does not exist. Always a download, never shown in the tab
/// (`Content-Disposition: attachment`; every answer carries `nosniff`), and
/// never cached.
pub async fn attachment(
    State(state): State<AppState>,
    Path(id): Path<String>,
    user: Option<Extension<app::ssr::auth::CurrentUser>>,
) -> Response {
    use app::features::conversation::service as conversation;
    use app::kernel::ids::AttachmentId;
    use app::ssr::service::ServiceError;
    let Some(id) = id.parse::<i64>().ok().map(AttachmentId) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(Extension(user)) = user else {
        return Redirect::to(&app::routes::login_then(app::routes::CONVERSATION)).into_response();
    };
    match conversation::attachment(state.store.as_ref(), &user, id, state.auth.clock.now_ms()).await {
        Ok(file) => (
            [
                (header::CONTENT_TYPE, file.content_type),
                (header::CONTENT_DISPOSITION, content_disposition(&file.file_name)),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            file.data,
        )
            .into_response(),
        Err(ServiceError::Db(e)) => {
            tracing::error!(error = %e, "could not read an attached file");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `GET /mine-oplysninger.json`: everything recorded about the signed-in
/// person, as a download (the format is in README, "The data export").
pub async fn my_data_json(State(state): State<AppState>, user: Option<Extension<app::ssr::auth::CurrentUser>>) -> Response {
    let Some(Extension(user)) = user else {
        return Redirect::to(&app::routes::login_then(app::routes::MY_DATA_JSON)).into_response();
    };
    let now = state.auth.clock.now_ms();
    match app::features::my_data::service::export(state.store.as_ref(), &user, now).await {
        Ok(export) => {
            let day = app::kernel::time::iso(now).chars().take(10).collect::<String>();
            (
                [
                    (header::CONTENT_TYPE, "application/json; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, content_disposition(&format!("mine-oplysninger-{day}.json"))),
                    (header::CACHE_CONTROL, "private, no-store".to_string()),
                ],
                serde_json::to_string_pretty(&export).unwrap_or_default(),
            )
                .into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "could not export a person's data");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `attachment` with the file's name: plain ASCII for old clients, and the
/// name itself percent-encoded as UTF-8 (RFC 6266) for the rest.
fn content_disposition(name: &str) -> String {
    let ascii: String = name.chars().map(|c| if (c.is_ascii_graphic() && c != '"' && c != '\\') || c == ' ' { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn a_file_name_is_sent_plainly_and_exactly() {
        assert_eq!(content_disposition("brev.pdf"), "attachment; filename=\"brev.pdf\"; filename*=UTF-8''brev.pdf");
        assert_eq!(
            content_disposition("boligstøtte 1.jpg"),
            "attachment; filename=\"boligst_tte 1.jpg\"; filename*=UTF-8''boligst%C3%B8tte%201.jpg"
        );
    }
}
