//! Content Security Policy. Pages get a per-request nonce for the hydration
//! scripts; every other response gets the strict default (the server's
//! security-header middleware adds it where a page did not set its own).

use http::{header::CONTENT_SECURITY_POLICY, HeaderValue};
use leptos::nonce::use_nonce;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use super::auth::FormTargets;

/// Directives shared by every response.
const COMMON: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
    font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
    frame-ancestors 'none'";

/// The policy for responses that are not rendered pages: no scripts at all.
pub fn default_policy() -> String {
    format!("{COMMON}; form-action 'self'; script-src 'none'")
}

/// The policy for a rendered page: only scripts carrying this request's nonce
/// (and what they load), plus WebAssembly compilation. No `unsafe-inline`.
/// `form_targets` are the other origins a form may end up at: browsers apply
/// `form-action` to the redirects after a post too, and logging out posts to
/// us and is then sent on to the identity provider's end-session endpoint.
pub fn page_policy(nonce: &str, form_targets: &[String]) -> String {
    let mut form_action = String::from("'self'");
    for origin in form_targets.iter().filter(|o| is_plain_origin(o)) {
        form_action.push(' ');
        form_action.push_str(origin);
    }
    format!("{COMMON}; form-action {form_action}; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'")
}

/// Only `scheme://host[:port]` may go into the policy (no spaces, quotes or `;`).
fn is_plain_origin(origin: &str) -> bool {
    (origin.starts_with("https://") || origin.starts_with("http://"))
        && origin.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '/' | '.' | '-' | '[' | ']'))
}

/// Sends the page policy for this request's nonce as a response header.
pub fn send_page_csp() {
    let (Some(nonce), Some(res)) = (use_nonce(), use_context::<ResponseOptions>()) else {
        return;
    };
    let targets = use_context::<FormTargets>().unwrap_or_default();
    if let Ok(value) = HeaderValue::from_str(&page_policy(&nonce, &targets.0)) {
        res.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_policy_allows_only_nonced_scripts_and_wasm() {
        let p = page_policy("abc123", &[]);
        assert!(p.contains("script-src 'nonce-abc123' 'strict-dynamic' 'wasm-unsafe-eval'"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(p.contains("form-action 'self';"));
    }

    #[test]
    fn forms_may_end_at_the_identity_providers_origin_and_nothing_injected() {
        let p = page_policy("n", &["https://broker.example.dk".into(), "https://x; script-src *".into()]);
        assert!(p.contains("form-action 'self' https://broker.example.dk;"), "{p}");
        assert!(!p.contains("script-src *"), "{p}");
    }

    #[test]
    fn the_default_policy_allows_no_script() {
        let p = default_policy();
        assert!(p.contains("script-src 'none'"));
        assert!(p.contains("form-action 'self'"));
        assert!(p.contains("frame-ancestors 'none'"));
    }
}
