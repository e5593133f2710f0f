//! The public pages that belong to no capability: home, accessibility statement, not found.

pub mod accessibility;
pub mod home;
pub mod not_found;
pub mod texts;
