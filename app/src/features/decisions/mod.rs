//! Decisions with reasons and appeal guidance, shown wherever a goal or a
//! request was decided, and all of a citizen's decisions in one place
//! (`/afgoerelser`) with each one's complaint deadline and corrections.

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
