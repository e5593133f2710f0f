//! Plain axum routes beside the Leptos pages.

use axum::{
    extract::State,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
    Form, Json,
};
use serde::{Deserialize, Serialize};

use app::i18n::{Lang, LANG_COOKIE};

use crate::startup::AppState;

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
            (StatusCode::SERVICE_UNAVAILABLE, Json(Health { status: "unavailable", database: "unreachable" }))
                .into_response()
        }
    }
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
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
            lang.code()
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// A redirect target that stays on this site: a path starting with one `/`,
/// without a scheme, a second slash or a backslash; anything else is `/`.
pub fn safe_local_path(next: Option<&str>) -> &str {
    match next {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && !p.chars().any(char::is_control) =>
        {
            p
        }
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::safe_local_path;

    #[test]
    fn a_local_path_is_kept() {
        assert_eq!(safe_local_path(Some("/min-plan")), "/min-plan");
        assert_eq!(safe_local_path(Some("/netvaerk?omraade=nord")), "/netvaerk?omraade=nord");
    }

    #[test]
    fn anything_that_could_leave_the_site_becomes_the_home_page() {
        for bad in ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "", "/a\nb"] {
            assert_eq!(safe_local_path(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_local_path(None), "/");
    }
}
