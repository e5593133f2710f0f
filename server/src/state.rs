//! What every request handler shares.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use app::features::notices::service::Notices;
use app::features::notices::worker::{DevOutbox, Mailer, Texter};
use app::ssr::db::Store;

use crate::auth::Auth;
use crate::config::Settings;
use crate::sessions::DbSessionStore;
use crate::test_idp::TestIdp;

/// Shared state of every request. Every middleware layer that holds it
/// clones it (and the stack inside it) for each request, so it is one
/// pointer: a clone is a reference count, not a copy of the settings.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] points to.
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub settings: Arc<Settings>,
    pub store: Arc<dyn Store>,
    pub auth: Arc<Auth>,
    pub sessions: DbSessionStore,
    /// The built-in test identity provider, when no issuer is configured.
    pub test_idp: Option<Arc<TestIdp>>,
    /// Notices kept instead of sent, with the test login and no SMTP
    /// server or no SMS gateway set: shown at `/dev/udbakke`.
    pub dev_outbox: Option<Arc<DevOutbox>>,
    /// The mailer and the unsubscribe links' key.
    pub notices: Notices,
    /// The transports the worker sends by (SMTP or the development outbox;
    /// the gateway or the development outbox): with either, the worker runs;
    /// a channel without one waits in the outbox.
    pub mailer: Option<Arc<dyn Mailer>>,
    pub texter: Option<Arc<dyn Texter>>,
    /// The municipality's details, as the pages show them.
    pub municipality: Arc<app::features::municipality::service::Cached>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
