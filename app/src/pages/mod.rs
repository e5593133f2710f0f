//! One routed page per file.

pub mod access_log;
pub mod accessibility;
pub mod budget;
pub mod budget_work;
pub mod casework;
pub mod caseworker;
pub mod goals;
pub mod home;
pub mod inbox;
pub mod login;
pub mod network;
pub mod network_host;
pub mod not_found;
pub mod notifications;
pub mod plan;
