//! Server-only parts of the app crate (never compiled into the WASM bundle).

pub mod db;
pub mod demo;
pub mod security;
pub mod time;

use crate::i18n::Lang;
use leptos::prelude::use_context;

/// The language the current request asks for, from its `lang` cookie.
pub fn request_lang() -> Lang {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            let cookies: Vec<&str> = parts
                .headers
                .get_all(http::header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect();
            (!cookies.is_empty()).then(|| Lang::from_cookie_header(&cookies.join("; ")))
        })
        .unwrap_or_default()
}
