//! Notices outside the portal (the e-mail and SMS notices issues): a
//! person's contact settings at `/indstillinger` (an address, a mobile
//! number, and per topic e-mail, SMS, both or neither), the outbox written
//! with each event and each reminder the day before an appointment or a
//! meetup, the worker that sends the content-free mails (SMTP) and SMS (a
//! gateway; quiet hours 21–08), or keeps them in the development outbox at
//! `/dev/udbakke`, and the signed unsubscribe links' page.

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
#[cfg(test)]
mod reminder_tests;
#[cfg(feature = "ssr")]
pub mod rules;
pub mod server;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod sms;
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
