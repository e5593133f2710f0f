//! Notices outside the portal (the e-mail notices issue): a person's contact
//! settings at `/indstillinger`, the outbox written with each event, the
//! worker that sends the content-free mails (SMTP, or the development outbox
//! at `/dev/udbakke`), and the signed unsubscribe links' page.

#[cfg(feature = "ssr")]
#[cfg(test)]
mod content_tests;
pub mod forms;
#[cfg(feature = "ssr")]
pub mod links;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod rules;
pub mod server;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod smtp;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
#[cfg(test)]
mod store_tests;
pub mod texts;
pub mod views;
#[cfg(feature = "ssr")]
pub mod worker;
