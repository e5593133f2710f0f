//! The municipality behind the portal — name, address, phone and its data
//! protection officer — as a setting (`server admin set-municipality`; the
//! admin issue gives it a page), shown in every page's footer, the privacy
//! notice and the print view of a citizen's data.

pub mod forms;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
#[cfg(test)]
mod store_tests;
pub mod views;

/// The municipality of this request (read by the server before the page is
/// rendered; empty where none is set, and in the browser).
pub fn current() -> views::Municipality {
    #[cfg(feature = "ssr")]
    {
        crate::ssr::auth::extension::<views::Municipality>().unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        views::Municipality::default()
    }
}
