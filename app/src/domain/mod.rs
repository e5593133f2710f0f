//! Domain types: they parse rather than validate, and compile for the browser
//! too, so forms check input with the same rules the server enforces.

pub mod amount;
pub mod forms;
pub mod ids;
pub mod plan;
pub mod text;
pub mod views;

pub use amount::{Amount, AmountError};
pub use text::{Description, DisplayName, GoalTitle, LongText, Reason, ShortText, TextError};
