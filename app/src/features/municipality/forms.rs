//! The municipality's details as typed (the settings page, the admin
//! command): checked by the same rules in the browser and on the server.

use crate::features::municipality::views::Municipality;
use crate::kernel::forms::{self, FieldErrors};

/// The form's (and the admin command's) field names.
pub const NAME: &str = "name";
pub const ADDRESS: &str = "address";
pub const PHONE: &str = "phone";
pub const DPO: &str = "dpo";

/// The details as typed: a name is required, each field one line of at
/// most 120 characters; the others may be left empty.
pub fn parse(name: &str, address: &str, phone: &str, dpo: &str) -> Result<Municipality, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = forms::short(&mut errors, NAME, name);
    let mut optional = |field: &str, input: &str| {
        if input.trim().is_empty() {
            return String::new();
        }
        forms::short(&mut errors, field, input).map(|t| t.as_str().to_string()).unwrap_or_default()
    };
    let (address, phone, dpo) = (optional(ADDRESS, address), optional(PHONE, phone), optional(DPO, dpo));
    match name {
        Some(name) if errors.is_empty() => Ok(Municipality { name: name.as_str().to_string(), address, phone, dpo }),
        _ => Err(errors),
    }
}
