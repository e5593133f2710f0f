//! Network groups and meetups: the public side, sign-ups and the hosts' side.

#[cfg(feature = "ssr")]
pub mod calendar;
pub mod forms;
pub mod host_pages;
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
