//! The HTTP tests, in one test binary (one link instead of one per file):
//! the app on a free port with the built-in test identity provider
//! (`common`), the six-caller authorization matrices, login, the admin
//! tool, and real server processes for the race and crash tests.
#![allow(clippy::unwrap_used, reason = "a test that cannot unwrap has failed; the panic names the line")]

mod common;

mod admin;
mod admin_access;
mod attachments;
mod auth;
mod budget_race;
mod calendar;
mod conversation_access;
mod crash;
mod decisions;
mod foundation;
mod helpers_access;
mod limits;
mod my_data;
mod network_access;
mod notices;
mod notifications_access;
mod paging;
mod plan_access;
mod sms;
