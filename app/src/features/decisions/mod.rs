//! Decisions with reasons and appeal guidance, shown wherever a goal or a
//! request was decided.

pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
pub mod texts;
pub mod views;
