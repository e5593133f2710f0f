//! Én Plan — the isomorphic crate: pages, components and domain types.
//!
//! Rendered on the server (`ssr`); only the `#[island]` components are
//! hydrated in the browser (`hydrate`), so every page works before — and
//! without — the WebAssembly bundle.
#![forbid(unsafe_code)]

pub mod app;
pub mod features;
pub mod forms;
pub mod i18n;
pub mod kernel;
pub mod routes;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod ssr;

pub use app::{shell, App};

/// Browser entry point: hydrates the islands on the page, then marks the
/// page `<html data-hydrated="true">` (browser tests wait for it).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
