//! The citizen's plan. (Goals, activities and the inbox come with issue #5.)

use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{DbResult, Store};

/// Whether the signed-in person has a plan to show. Only citizens (people
/// known by CPR number) can have one; a plan is made by the municipality,
/// never by logging in.
pub async fn has_plan(store: &dyn Store, user: &CurrentUser) -> DbResult<bool> {
    if !user.is_citizen {
        return Ok(false);
    }
    Ok(store.plan_of(user.person_id).await?.is_some())
}
