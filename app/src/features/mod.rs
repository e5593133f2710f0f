//! One folder per capability: its pages, server functions, rules (service)
//! and, as they move in, its store, forms and texts.

pub mod access_log;
pub mod admin;
pub mod budget;
pub mod casework;
pub mod complaints;
pub mod conversation;
pub mod cover;
pub mod decisions;
pub mod goals;
pub mod handover;
pub mod identity;
pub mod inbox;
pub mod municipality;
pub mod my_caseworker;
pub mod my_data;
pub mod network;
pub mod notices;
pub mod notifications;
pub mod people;
pub mod plan;
pub mod representation;
pub mod settings;
pub mod site;
