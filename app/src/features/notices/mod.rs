//! Notices outside the portal (the e-mail notices issue): a person's contact
//! settings, the outbox written with each event, and the content-free mail.
//! Built so far: the outbox and contact store, the rules of sending (grace,
//! throttle, backoff), the mail renderer and one round of the worker with a
//! development outbox. Not yet: the server's loop, SMTP, `/indstillinger`,
//! the unsubscribe page and `/dev/udbakke` (see README).

#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
#[cfg(test)]
mod store_tests;
#[cfg(feature = "ssr")]
pub mod worker;
