//! Security headers on every response, and refusal of cross-site writes.

use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

use std::sync::Arc;

use app::ssr::security::default_policy;

/// What the middleware needs to know about the deployment.
#[derive(Clone, Debug)]
pub struct SecurityConfig {
    /// Scheme, host and port that the portal is served from.
    pub public_origin: String,
    /// Served over https: add HSTS.
    pub https: bool,
}

/// Adds the headers every response carries. Rendered pages have already set
/// a CSP with their nonce; everything else gets the script-free default.
pub async fn security_headers(State(cfg): State<Arc<SecurityConfig>>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        if let Ok(v) = HeaderValue::from_str(&default_policy()) {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // `same-origin`, not `no-referrer`: the latter makes browsers send
    // `Origin: null` on form posts, which the CSRF check below relies on.
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"));
    if cfg.https {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains"));
    }
    res
}

/// Every answer that may depend on who is logged in (every page, every
/// server function, the login routes: all but the static bundle) is kept
/// out of every cache, so the next person at a shared computer cannot bring
/// it back with the back button or from the disk cache.
pub async fn no_store(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Refuses a state-changing request that a browser says comes from another
/// site. Leptos server functions have no CSRF protection of their own.
pub async fn refuse_cross_site_writes(State(cfg): State<Arc<SecurityConfig>>, req: Request, next: Next) -> Response {
    if is_cross_site_write(req.method(), req.headers(), &cfg.public_origin) {
        tracing::warn!(
            http.method = %req.method(),
            http.path = req.uri().path(),
            "refused cross-site write"
        );
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Forespørgslen kom fra en anden hjemmeside og blev afvist.\n\
             The request came from another website and was refused.\n",
        )
            .into_response();
    }
    next.run(req).await
}

/// The most a form post may carry: far more than any form of the portal
/// sends (a message is at most 4,000 characters), far less than a flood.
pub const FORM_LIMIT: u64 = 64 * 1024;

/// The routes that take files and read their posts within their own
/// bounds (the conversation's `upload.rs`): the form limit leaves them out.
fn reads_its_own_upload(path: &str) -> bool {
    use app::features::complaints::server::Complain;
    use app::features::conversation::server::{AnswerMessage, SendMessage};
    use app::features::representation::staff_server::RegisterPaper;
    use leptos::server_fn::ServerFn;
    [<SendMessage as ServerFn>::PATH, <AnswerMessage as ServerFn>::PATH, <Complain as ServerFn>::PATH, <RegisterPaper as ServerFn>::PATH]
        .contains(&path)
}

/// Bounds every request body but the upload routes' to [`FORM_LIMIT`]: a
/// larger `Content-Length` is answered 413 at once, before anything is
/// read or a session is touched; a body that does not say its length is
/// cut off at the limit as it is read.
pub async fn limit_bodies(req: Request, next: Next) -> Response {
    if reads_its_own_upload(req.uri().path()) {
        // Its reader needs a multipart body (anything else made server_fn panic).
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data") && v.contains("boundary="));
        if !multipart {
            return (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "multipart/form-data expected\n",
            )
                .into_response();
        }
        return next.run(req).await;
    }
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > FORM_LIMIT) {
        return too_large(req.method(), req.uri().path(), "refused a body over the form limit");
    }
    // A body without a length: cut off at the limit, and then answered the same way.
    let cut = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (parts, body) = req.into_parts();
    let seen = cut.clone();
    let limited = http_body_util::BodyExt::map_err(http_body_util::Limited::new(body, FORM_LIMIT as usize), move |e| {
        if e.is::<http_body_util::LengthLimitError>() {
            seen.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        e
    });
    let (method, path) = (parts.method.clone(), parts.uri.path().to_string());
    let res = next.run(Request::from_parts(parts, axum::body::Body::new(limited))).await;
    if cut.load(std::sync::atomic::Ordering::Relaxed) {
        return too_large(&method, &path, "cut off a body over the form limit");
    }
    res
}

/// 413 with a plain message in both languages (logged: method and path only).
fn too_large(method: &axum::http::Method, path: &str, what: &'static str) -> Response {
    tracing::warn!(http.method = %method, http.path = path, "{what}");
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Det, der blev sendt, var for stort. Gå tilbage, og skriv lidt kortere.\n\
         What was sent was too large. Please go back and write a little less.\n",
    )
        .into_response()
}

/// The rule behind [`refuse_cross_site_writes`]: safe methods always pass;
/// otherwise `Sec-Fetch-Site` decides when the browser sends it, and
/// `Origin` when it does not. A request with neither (curl, a server) is not
/// a browser being tricked, and passes.
pub fn is_cross_site_write(method: &Method, headers: &HeaderMap, public_origin: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) => origin != public_origin,
        None => false,
    }
}

/// A redirect target that stays on this site: a path starting with one `/`,
/// without a scheme, a second slash or a backslash; anything else is `/`.
pub fn safe_local_path(next: Option<&str>) -> &str {
    match next {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') && !p.chars().any(char::is_control) => p,
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "http://localhost:3000";

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn a_post_from_another_site_is_refused() {
        assert!(is_cross_site_write(&Method::POST, &headers(&[("sec-fetch-site", "cross-site")]), ORIGIN));
        assert!(is_cross_site_write(&Method::POST, &headers(&[("sec-fetch-site", "same-site")]), ORIGIN));
        assert!(is_cross_site_write(&Method::DELETE, &headers(&[("origin", "https://evil.example")]), ORIGIN));
        assert!(is_cross_site_write(&Method::POST, &headers(&[("origin", "null")]), ORIGIN));
    }

    #[test]
    fn a_post_from_the_portal_itself_passes() {
        assert!(!is_cross_site_write(&Method::POST, &headers(&[("sec-fetch-site", "same-origin")]), ORIGIN));
        assert!(!is_cross_site_write(&Method::POST, &headers(&[("origin", "http://localhost:3000")]), ORIGIN));
        assert!(!is_cross_site_write(&Method::POST, &headers(&[("sec-fetch-site", "none")]), ORIGIN));
    }

    #[test]
    fn reads_are_never_refused() {
        assert!(!is_cross_site_write(&Method::GET, &headers(&[("sec-fetch-site", "cross-site")]), ORIGIN));
        assert!(!is_cross_site_write(&Method::HEAD, &headers(&[("origin", "https://evil.example")]), ORIGIN));
    }

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
