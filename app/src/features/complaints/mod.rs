//! Complaints about decisions (klage), the decisions issue: the citizen
//! complains within the deadline, in their own words; the complaint waits
//! for the municipality's reconsideration (genvurdering) within 4 weeks.
//!
//! The citizen complains from `/afgoerelser` (`/afgoerelser/{id}/klage`)
//! and follows the complaint there. Not yet: the caseworker's inbox item and
//! answer (upheld and sent on to Ankestyrelsen, or changed by a new
//! decision), and the notification of the answer.

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
