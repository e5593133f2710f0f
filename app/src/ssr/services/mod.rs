//! Business rules and the authorization checks that go with them. Pages and
//! server functions call these; SQL stays in `db`.

pub mod identity;
pub mod plan;
pub mod caseworker;
pub mod access;
