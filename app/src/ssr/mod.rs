//! Server-only parts of the app crate (never compiled into the WASM bundle).

pub mod access;
pub mod auth;
pub mod ctx;
pub mod db;
pub mod demo;
pub mod forms;
pub mod security;
pub mod service;

use std::sync::Arc;

use crate::i18n::Lang;
use leptos::prelude::use_context;

/// The store, provided to pages and server functions as a context.
#[derive(Clone)]
pub struct AppStore(pub Arc<dyn db::Store>);

/// The clock, provided as a context (tests run the server on a manual one).
#[derive(Clone)]
pub struct AppClock(pub Arc<dyn crate::kernel::clock::Clock>);

/// Now, by the server's clock (the system clock if none was provided).
pub fn now_ms() -> i64 {
    use crate::kernel::clock::{Clock, SystemClock};
    use_context::<AppClock>().map(|c| c.0.now_ms()).unwrap_or_else(|| SystemClock.now_ms())
}

/// The store of this request (a server-function error if the server forgot
/// to provide it, which a test would catch at once).
pub fn store() -> Result<Arc<dyn db::Store>, leptos::prelude::ServerFnError> {
    use_context::<AppStore>().map(|s| s.0).ok_or_else(|| leptos::prelude::ServerFnError::new("store missing from the request context"))
}

/// The language the current request asks for, from its `lang` cookie.
pub fn request_lang() -> Lang {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            let cookies: Vec<&str> = parts.headers.get_all(http::header::COOKIE).iter().filter_map(|v| v.to_str().ok()).collect();
            (!cookies.is_empty()).then(|| Lang::from_cookie_header(&cookies.join("; ")))
        })
        .unwrap_or_default()
}

/// Whether this request came from a page of our own site, or the person
/// opened the address themselves (`Sec-Fetch-Site` is `same-origin` or
/// `none`), rather than another site sending the browser here. Browsers
/// that send no such header count as our own (the header arrived in 2020;
/// the CSRF guard does the same for writes).
pub fn same_origin_request() -> bool {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts.headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()).map(|site| matches!(site, "same-origin" | "none"))
        })
        .unwrap_or(true)
}

/// A database failure in a server function: logged once here, with what was
/// being done; the browser learns only that it failed.
pub fn internal_error(doing: &'static str, e: impl std::fmt::Display) -> leptos::prelude::ServerFnError {
    tracing::error!(error = %e, "could not {doing}");
    leptos::prelude::ServerFnError::new("internal error")
}
