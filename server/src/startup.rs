//! Builds the router and runs it until told to stop.

use std::future::Future;
use std::sync::Arc;

use axum::{extract::FromRef, middleware, routing::get, routing::post, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::{compression::CompressionLayer, trace::TraceLayer};

use app::shell::paths;
use app::ssr::db::{self, Store};
use app::{shell, App};

use crate::config::Settings;
use crate::routes;
use crate::security::{self, SecurityConfig};

/// Shared state of every request.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub settings: Arc<Settings>,
    pub store: Arc<dyn Store>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// A bound, ready-to-run server.
pub struct Application {
    listener: TcpListener,
    router: Router,
}

/// Why the server could not start.
#[derive(Debug)]
pub enum StartError {
    Database(sqlx_error::Error),
    Bind(std::io::Error),
}

mod sqlx_error {
    /// Kept opaque so `server` needs no direct sqlx dependency.
    pub type Error = Box<dyn std::error::Error + Send + Sync>;
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Database(e) => write!(f, "cannot open the database: {e}"),
            StartError::Bind(e) => write!(f, "cannot listen: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

impl Application {
    /// Connects to the database and binds the listener (port 0 picks a free port).
    pub async fn build(settings: Settings, leptos_options: LeptosOptions) -> Result<Application, StartError> {
        let store = db::connect(settings.database_url.expose())
            .await
            .map_err(|e| StartError::Database(Box::new(e)))?;
        store.migrate().await.map_err(|e| StartError::Database(Box::new(e)))?;
        let listener = TcpListener::bind(settings.listen_addr).await.map_err(StartError::Bind)?;
        tracing::info!(db.backend = store.backend(), "database connected and migrated");
        if settings.demo_data && app::ssr::demo::seed_if_empty(store.as_ref(), crate::now_ms()).await.map_err(|e| StartError::Database(Box::new(e)))? {
            tracing::info!("demo data created in the empty database");
        }
        let state = AppState { leptos_options, settings: Arc::new(settings), store };
        Ok(Application { listener, router: router(state) })
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or_default()
    }

    /// Serves until `shutdown` completes, then lets in-flight requests finish.
    pub async fn run_until_stopped(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        tracing::info!(addr = %self.listener.local_addr()?, "listening");
        axum::serve(self.listener, self.router).with_graceful_shutdown(shutdown).await
    }
}

/// Every route, with the security layers around all of them.
pub fn router(state: AppState) -> Router {
    let security = SecurityConfig {
        public_origin: state.settings.public_origin().to_string(),
        https: state.settings.is_https(),
    };
    let routes = generate_route_list(App);
    Router::new()
        .route("/healthz", get(routes::healthz))
        .route(paths::SET_LANG, post(routes::set_lang))
        .leptos_routes(&state, routes, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
        .layer(middleware::from_fn_with_state(security.clone(), security::refuse_cross_site_writes))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(security, security::security_headers))
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
                // Method and path only: query strings and headers may carry personal data.
                tracing::info_span!("request", http.method = %req.method(), http.path = req.uri().path())
            }),
        )
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}
