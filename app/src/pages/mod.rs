//! One routed page per file.

pub mod access_log;
pub mod accessibility;
pub mod budget;
pub mod caseworker;
pub mod home;
pub mod login;
pub mod network;
pub mod not_found;
pub mod plan;
