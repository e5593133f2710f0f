//! One conversation per citizen with their caseworker: messages, read
//! receipts, attached files, and the thread's state (waiting for whom, or done).

#[cfg(feature = "ssr")]
pub mod attachments;
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
#[cfg(feature = "ssr")]
pub mod upload;
pub mod views;
