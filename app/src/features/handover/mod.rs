//! A citizen handed to another caseworker (the admin issue): by an admin for
//! anyone, by a caseworker for their own citizens. One transaction ends the
//! old assignment, starts the new one, writes the plan's history, tells the
//! citizen (with the message, on "Min sagsbehandler"), puts a "ny borger"
//! item with the internal note in the new caseworker's inbox, and writes the
//! admin audit log. The hard caseload limit holds under simultaneous
//! handovers; of two handovers of one citizen at once, one wins.

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
