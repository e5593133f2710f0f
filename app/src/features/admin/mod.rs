//! The municipality's administration in the browser (the admin issue),
//! under `/admin` for the `admin` role: find people by name, hand a citizen
//! over (the `handover` feature), and the admin audit log — who did what,
//! when, before → after — which every admin action writes, the command
//! line's too.

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
