//! Everything recorded about me (the data export issue): the registry of
//! every table and what the export does with it, the export itself as JSON
//! (`/mine-oplysninger.json`), `/mine-oplysninger`, which shows every record
//! in plain words with the download, its print view, and the privacy notice
//! (`/privatliv`).

pub mod pages;
#[cfg(feature = "ssr")]
pub mod plain;
pub mod privacy;
#[cfg(feature = "ssr")]
pub mod registry;
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
