//! Complaints about decisions (klage), the decisions issue: the citizen
//! complains within the deadline, in their own words; the complaint waits
//! for the municipality's reconsideration (genvurdering) within 4 weeks.
//!
//! Begun: the record and the rules of making one (store, service, form
//! parser, stories on both backends). Not yet: the pages, the caseworker's
//! inbox item and answer (upheld and sent on to Ankestyrelsen, or changed
//! by a new decision), and the notifications.

pub mod forms;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
#[cfg(test)]
mod store_tests;
