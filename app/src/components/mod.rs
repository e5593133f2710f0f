//! Reusable UI parts.

pub mod form;
pub mod frame;
pub mod page;
