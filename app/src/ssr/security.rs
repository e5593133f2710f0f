//! Content Security Policy. Pages get a per-request nonce for the hydration
//! scripts; every other response gets the strict default (the server's
//! security-header middleware adds it where a page did not set its own).

use http::{header::CONTENT_SECURITY_POLICY, HeaderValue};
use leptos::nonce::use_nonce;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// Directives shared by every response.
const COMMON: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
    font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

/// The policy for responses that are not rendered pages: no scripts at all.
pub fn default_policy() -> String {
    format!("{COMMON}; script-src 'none'")
}

/// The policy for a rendered page: only scripts carrying this request's nonce
/// (and what they load), plus WebAssembly compilation. No `unsafe-inline`.
pub fn page_policy(nonce: &str) -> String {
    format!("{COMMON}; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'")
}

/// Sends the page policy for this request's nonce as a response header.
pub fn send_page_csp() {
    let (Some(nonce), Some(res)) = (use_nonce(), use_context::<ResponseOptions>()) else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&page_policy(&nonce)) {
        res.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_policy_allows_only_nonced_scripts_and_wasm() {
        let p = page_policy("abc123");
        assert!(p.contains("script-src 'nonce-abc123' 'strict-dynamic' 'wasm-unsafe-eval'"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn the_default_policy_allows_no_script() {
        let p = default_policy();
        assert!(p.contains("script-src 'none'"));
        assert!(p.contains("frame-ancestors 'none'"));
    }
}
