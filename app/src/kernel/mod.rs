//! What every feature uses: ids, bounded text, money, the plan's vocabulary,
//! time. Types here parse rather than validate, and compile for the browser
//! too, so forms check input with the same rules the server enforces.

pub mod amount;
#[cfg(feature = "ssr")]
pub mod clock;
pub mod forms;
pub mod ids;
pub mod paging;
pub mod plan;
pub mod representation;
pub mod text;
#[cfg(feature = "ssr")]
pub mod time;

pub use amount::{Amount, AmountError};
pub use text::{Description, DisplayName, GoalTitle, LongText, Reason, ShortText, TextError};
