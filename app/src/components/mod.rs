//! Reusable UI parts.

pub mod form;
pub mod frame;
pub mod menu;
pub mod page;
