//! What every page is built from: the frame, page helpers, the checked
//! form island, and who is looking.

pub mod fetch;
pub mod form;
pub mod frame;
pub mod page;
pub mod viewer;
