//! Reusable UI parts.

pub mod frame;
pub mod menu;
pub mod page;
