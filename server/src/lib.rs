//! Én Plan's server: settings, telemetry, router and security layers.
#![forbid(unsafe_code)]

pub mod admin;
pub mod auth;
pub mod config;
pub mod login_cookie;
pub mod login_limit;
pub mod notices;
pub mod oidc;
pub mod routes;
pub mod security;
pub mod sessions;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod test_idp;

use leptos::prelude::LeptosOptions;

/// The name cargo-leptos gives the JS/WASM/CSS bundle (`output-name` in Cargo.toml).
pub const OUTPUT_NAME: &str = "enplan";

/// Leptos' options from the `LEPTOS_*` variables cargo-leptos sets, with the
/// bundle name filled in when the binary runs without cargo-leptos.
pub fn leptos_options() -> LeptosOptions {
    let mut options = leptos::config::get_configuration(None)
        .map(|c| c.leptos_options)
        .unwrap_or_else(|_| LeptosOptions::builder().output_name(OUTPUT_NAME).build());
    if options.output_name.is_empty() {
        options.output_name = OUTPUT_NAME.into();
    }
    options
}

/// An error kept opaque (the database's, the HTTP client's), so `server`
/// needs no direct sqlx dependency.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;
