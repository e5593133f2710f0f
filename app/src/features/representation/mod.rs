//! Helpers: a bisidder or a fuldmægtig who acts for a citizen within the
//! scopes the citizen gave, for a limited time, with their own login (the
//! representatives issue).
//!
//! The citizen invites at `/fuldmagt` with a one-time code; the helper
//! enters it at `/fuldmagt/modtag` and then chooses, on every page, whether
//! they act for themselves or for someone they help. Who may do what for
//! whom is decided in `ssr/access.rs` ([`crate::kernel::representation::Scope`]
//! per service call);
//! the session middleware checks the access again on every request, so an
//! ended one stops at the helper's next click.

pub mod forms;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod rules;
pub mod server;
#[cfg(feature = "ssr")]
pub mod service;
pub mod staff_pages;
pub mod staff_server;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
#[cfg(test)]
mod store_tests;
pub mod texts;
pub mod views;
