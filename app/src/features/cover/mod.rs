//! A stand-in's cover (the admin issue): a stand-in acts for the citizen
//! only while covering — from a first day to a last day, or until further
//! notice — set by the citizen's caseworker or an admin. Outside the window
//! the stand-in sees the citizen in neither inbox nor caseload and is refused
//! like any other caseworker: every caseworker_assignment query asks what is
//! in force now (`casework::store::in_force!`). The citizen's "Min
//! sagsbehandler" shows who covers now, and from when a coming cover begins.

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
