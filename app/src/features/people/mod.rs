//! People and roles, for the municipality's admins (the admin issue): create
//! a caseworker, give and take roles, a caseworker's contact data and
//! outreach hours (validated: they end after they start and never overlap
//! on a weekday), link and unlink a staff login. Every change writes its
//! admin audit line in its own transaction; the command line
//! (`server admin create-caseworker`, `grant-host`, …) calls the same
//! services and is audited as the command line.

pub mod forms;
pub mod pages;
pub mod server;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
#[cfg(test)]
mod store_tests;
pub mod texts;
pub mod views;
