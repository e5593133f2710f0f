//! Everything recorded about me (the data export issue): the registry of
//! every table and what the export does with it, the export itself as JSON
//! (`/mine-oplysninger.json`), and `/mine-oplysninger`, which counts the
//! records kind by kind and offers the download. Not yet: the records shown
//! in plain words on the page, the print view, the named access log, the
//! municipality's setting and the privacy notice.

pub mod pages;
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
