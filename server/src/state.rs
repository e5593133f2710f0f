//! What every request handler shares.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use app::features::notices::service::Notices;
use app::features::notices::worker::DevOutbox;
use app::ssr::db::Store;

use crate::auth::Auth;
use crate::config::Settings;
use crate::sessions::DbSessionStore;
use crate::test_idp::TestIdp;

/// Shared state of every request.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub settings: Arc<Settings>,
    pub store: Arc<dyn Store>,
    pub auth: Auth,
    pub sessions: DbSessionStore,
    /// The built-in test identity provider, when no issuer is configured.
    pub test_idp: Option<Arc<TestIdp>>,
    /// Notices kept instead of sent, with the test login and no SMTP
    /// server set: shown at `/dev/udbakke`.
    pub dev_outbox: Option<Arc<DevOutbox>>,
    /// The mailer and the unsubscribe links' key.
    pub notices: Notices,
    /// A mailer is set (SMTP or the development outbox): the worker runs.
    pub sending: bool,
    /// The municipality's details, as the pages show them.
    pub municipality: Arc<app::features::municipality::service::Cached>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
