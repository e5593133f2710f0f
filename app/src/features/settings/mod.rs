//! The municipality's settings in the browser (the admin issue):
//! `/admin/indstillinger` for admins — the personal budget cap, the hourly
//! limits, the caseload limits, the notices' grace period and throttle, the
//! appeal guidance in Danish and English, and the municipality's details.
//! Every change is in the admin audit log, setting by setting, before →
//! after. The command line's `set-*` commands call the same service.

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
