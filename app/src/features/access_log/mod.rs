//! "Hvem har set mine oplysninger": the citizen's own access log.

pub mod capacity;
pub mod pages;
pub mod purpose;
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
