//! Builds the router and runs it until told to stop.

use std::future::Future;
use std::sync::Arc;

use axum::{middleware, routing::get, routing::post, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::{compression::CompressionLayer, services::ServeDir, trace::TraceLayer};

use app::features::identity::service::IssuerKind;
use app::kernel::clock::{Clock, SystemClock};
use app::routes as paths;
use app::ssr::auth::FormTargets;
use app::ssr::db::{self, Store};
use app::ssr::{AppClock, AppStore};
use app::ui::viewer::LoginOptions;
use app::{shell, App};

use crate::auth::{self, Auth};
use crate::config::Settings;
use crate::login_cookie::LoginCookie;
use crate::login_limit::{self, LoginLimiter};
use crate::notices;
use crate::oidc::RelyingParty;
use crate::routes;
use crate::security::{self, SecurityConfig};
use crate::sessions::{self, DbSessionStore};
pub use crate::state::AppState;
use crate::state::Shared;
use crate::test_idp::{self, TestIdp};
use crate::BoxError;
use app::features::notices::service::Notices;
use app::features::notices::worker::{DevOutbox, Mailer, Texter, Worker};

/// A bound, ready-to-run server.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
}

/// Why the server could not start.
#[derive(Debug)]
pub enum StartError {
    Database(BoxError),
    Bind(std::io::Error),
    Http(BoxError),
    Mail(String),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Database(e) => write!(f, "cannot open the database: {e}"),
            StartError::Bind(e) => write!(f, "cannot listen: {e}"),
            StartError::Http(e) => write!(f, "cannot make the HTTP client: {e}"),
            StartError::Mail(e) => write!(f, "cannot send mail: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

impl Application {
    /// Connects to the database and binds the listener (port 0 picks a free port).
    pub async fn build(settings: Settings, leptos_options: LeptosOptions) -> Result<Application, StartError> {
        Application::build_with_clock(settings, leptos_options, Arc::new(SystemClock)).await
    }

    /// As [`Application::build`], with the clock that sessions and logins
    /// are timed by (tests pass a `ManualClock`). A public URL ending in
    /// `:0` gets the port actually bound, so tests can use free ports.
    pub async fn build_with_clock(
        mut settings: Settings,
        leptos_options: LeptosOptions,
        clock: Arc<dyn Clock>,
    ) -> Result<Application, StartError> {
        let store = db::connect(settings.database_url.expose()).await.map_err(|e| StartError::Database(Box::new(e)))?;
        store.migrate().await.map_err(|e| StartError::Database(Box::new(e)))?;
        let sessions = DbSessionStore::new(store.pool(), settings.session_idle_minutes).await.map_err(StartError::Database)?;
        let listener = TcpListener::bind(settings.listen_addr).await.map_err(StartError::Bind)?;
        if let Some(base) = settings.public_url.strip_suffix(":0") {
            let port = listener.local_addr().map_err(StartError::Bind)?.port();
            settings.public_url = format!("{base}:{port}");
        }
        tracing::info!(db.backend = store.backend(), "database connected and migrated");
        if settings.demo_data
            && app::ssr::demo::seed_if_empty(store.as_ref(), clock.now_ms()).await.map_err(|e| StartError::Database(Box::new(e)))?
        {
            tracing::info!("demo data created in the empty database");
        }

        let public_url = settings.public_url.trim_end_matches('/').to_string();
        let redirect_url = format!("{public_url}{}", auth::CALLBACK);
        let test_idp = settings.test_login.then(|| TestIdp::new(&public_url, store.clone(), clock.clone()));
        let citizen_settings = match (&settings.oidc, &test_idp) {
            (Some(s), _) => s.clone(),
            (None, Some(idp)) => idp.client_settings(),
            (None, None) => unreachable!("the test provider exists when no issuer is set"),
        };
        if test_idp.is_some() {
            tracing::warn!("no identity provider configured: built-in TEST login at {}", test_idp::MOUNT);
        }
        let http_error = |e: reqwest::Error| StartError::Http(Box::new(e));
        let mut providers = vec![Arc::new(
            RelyingParty::new("citizen", IssuerKind::Citizen, citizen_settings, redirect_url.clone(), clock.clone()).map_err(http_error)?,
        )];
        if let Some(staff) = &settings.staff_oidc {
            providers.push(Arc::new(
                RelyingParty::new("staff", IssuerKind::Staff, staff.clone(), redirect_url, clock.clone()).map_err(http_error)?,
            ));
        }
        let auth = Arc::new(Auth {
            providers,
            store: store.clone(),
            clock,
            idle_ms: settings.session_idle_minutes * 60_000,
            max_ms: settings.session_max_hours * 3_600_000,
            public_url,
            login_cookie: LoginCookie::new(store.as_ref(), settings.is_https()).await.map_err(StartError::Database)?,
            https: settings.is_https(),
        });
        // Mail goes by SMTP when a server is set, SMS by the gateway when one
        // is set; with the test login and either not set, to the development
        // outbox; otherwise they wait in the outbox.
        let dev_outbox =
            (test_idp.is_some() && (settings.smtp.is_none() || settings.sms.is_none())).then(|| Arc::new(DevOutbox::default()));
        let mailer: Option<Arc<dyn Mailer>> = match (&settings.smtp, &dev_outbox) {
            (Some(smtp), _) => Some(Arc::new(notices::smtp_mailer(smtp).map_err(StartError::Mail)?)),
            (None, Some(outbox)) => Some(outbox.clone()),
            (None, None) => None,
        };
        let texter: Option<Arc<dyn Texter>> = match (&settings.sms, &dev_outbox) {
            (Some(sms), _) => Some(Arc::new(notices::gateway_texter(sms).map_err(StartError::Mail)?)),
            (None, Some(outbox)) => Some(outbox.clone()),
            (None, None) => None,
        };
        let links = notices::link_key(settings.link_key.as_ref(), store.as_ref()).await.map_err(StartError::Mail)?;
        let notices = Notices {
            mailer: mailer.clone().unwrap_or_else(|| Arc::new(notices::NoMailer)),
            texter: texter.clone().unwrap_or_else(|| Arc::new(notices::NoMailer)),
            links,
        };
        let state = AppState::new(Shared {
            leptos_options,
            settings: Arc::new(settings),
            store,
            auth,
            sessions,
            test_idp,
            dev_outbox,
            notices,
            mailer,
            texter,
            municipality: Arc::default(),
        });
        Ok(Application { listener, router: router(state.clone()), state })
    }

    /// The built-in test identity provider, if mounted (tests make it misbehave).
    pub fn test_idp(&self) -> Option<Arc<TestIdp>> {
        self.state.test_idp.clone()
    }

    /// The store the server uses (tests look at what a login did).
    pub fn store(&self) -> Arc<dyn Store> {
        self.state.store.clone()
    }

    /// The public URL, with the bound port filled in.
    pub fn public_url(&self) -> &str {
        &self.state.auth.public_url
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or_default()
    }

    /// Serves until `shutdown` completes, then lets in-flight requests finish.
    pub async fn run_until_stopped(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        tracing::info!(addr = %self.listener.local_addr()?, public_url = %self.state.auth.public_url, "listening");
        tokio::spawn(self.state.sessions.clone().delete_expired_every(std::time::Duration::from_secs(600)));
        let (store, clock) = (self.state.store.clone(), self.state.auth.clock.clone());
        tokio::spawn(notices::helper_notices(store, clock, std::time::Duration::from_secs(60)));
        if self.state.mailer.is_some() || self.state.texter.is_some() {
            let worker = Worker {
                store: self.state.store.clone(),
                mailer: self.state.mailer.clone(),
                texter: self.state.texter.clone(),
                id: format!("server-{}-{:08x}", std::process::id(), rand::random::<u32>()),
                portal: self.state.auth.public_url.clone(),
                lease_ms: self.state.settings.notice_lease_seconds * 1_000,
                batch: 50,
                parallel: 8,
                links: self.state.notices.links.clone(),
            };
            tokio::spawn(notices::run(worker, self.state.auth.clock.clone(), std::time::Duration::from_secs(1)));
        } else {
            tracing::warn!("no mail or SMS transport configured: notices wait in the outbox");
        }
        // The peer's address reaches the login limit (`login_limit.rs`).
        let service = self.router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        axum::serve(self.listener, service).with_graceful_shutdown(shutdown).await
    }
}

/// Every route, with the security layers around all of them.
pub fn router(state: AppState) -> Router {
    let security = Arc::new(SecurityConfig { public_origin: state.settings.public_origin().to_string(), https: state.settings.is_https() });
    let context = page_context(&state, &security.public_origin);
    let session_layer = sessions::layer(state.sessions.clone(), state.settings.is_https());
    let auth_routes = Router::new()
        .route(auth::LOGIN, get(auth::login))
        .route(auth::CALLBACK, get(auth::callback))
        .route(auth::LOGOUT, post(auth::logout))
        .with_state(state.auth.clone());
    let routes = generate_route_list(App);
    let per_address = state.settings.logins_per_address.unwrap_or(if state.test_idp.is_some() { 10_000 } else { 20 });
    let limiter = Arc::new(LoginLimiter::new(per_address, state.settings.trusted_proxies.clone(), state.auth.clock.clone()));
    let mut pages = Router::new()
        .route("/healthz", get(routes::healthz))
        .route(&format!("{}/{{id}}/{}", paths::NETWORK_MEETUP, paths::CALENDAR_FILE), get(routes::meetup_calendar))
        .route(paths::SET_LANG, post(routes::set_lang))
        .route(&format!("{}/{{id}}", paths::ATTACHMENT), get(routes::attachment))
        .route(&format!("{}/{{token}}", paths::UNSUBSCRIBE), post(notices::unsubscribe))
        .route(paths::MY_DATA_JSON, get(routes::my_data_json))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        .with_state(state.clone())
        .merge(auth_routes);
    if state.dev_outbox.is_some() {
        pages = pages.merge(Router::new().route(notices::DEV_OUTBOX, get(notices::dev_outbox)).with_state(state.clone()));
    }
    if let Some(idp) = &state.test_idp {
        pages = pages.nest(test_idp::MOUNT, idp.router());
    }
    // The bundle (JS, WASM, CSS) is served without touching the session: a
    // page load fetches several files, and none of them needs to know who asks.
    let options = &state.leptos_options;
    // Compressed at tower-http's default quality (brotli 4), unlike the pages
    // (quality 1, below, which leaves an encoded answer alone): a large file
    // a visitor fetches once, where bytes on a phone weigh more than the
    // server's time (a debug WASM: 406 kB at brotli 1, 356 kB at 4, ~0.5 s on 3G).
    let bundle = tower_http::compression::Compression::new(ServeDir::new(format!("{}/{}", options.site_root, options.site_pkg_dir)));
    let mut outer = Router::new().nest_service(&format!("/{}", options.site_pkg_dir), bundle);
    if state.settings.bench {
        // Outside the session layers: the baseline has no session to load.
        outer = outer.route("/bench/baseline", get(routes::bench_baseline).with_state(state.clone()));
    }
    outer
        .merge(
            pages
                .layer(middleware::from_fn_with_state(state.auth.clone(), auth::load_user))
                .layer(middleware::from_fn_with_state(state.clone(), routes::with_municipality))
                .layer(session_layer)
                // Outside the session: a refused login start touches no session.
                .layer(middleware::from_fn_with_state(limiter, login_limit::limit_logins))
                .layer(middleware::from_fn(security::no_store)),
        )
        .layer(middleware::from_fn_with_state(security.clone(), security::refuse_cross_site_writes))
        .layer(middleware::from_fn(security::limit_bodies))
        // Quality 1, chosen by measurement (.ci/bench-instructions --brotli,
        // SQLite, 1,000 citizens; instructions per request, bytes sent): Min
        // plan costs 1.55 M uncompressed, 2.33 M at brotli 1 (3,203 B), 3.83 M
        // at brotli 4, the default (2,780 B); gzip 6 3.01 M (2,862 B). The
        // 423 bytes saved at 4 are ~5 ms on a 3G phone; the 1.5 M instructions
        // are 40 % of the page's server time, which at a peak every citizen
        // waits for. Brotli 4 also costs ~0.6 M to set up even for a tiny answer.
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(1)))
        .layer(middleware::from_fn_with_state(security, security::security_headers))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
            // Method and path only: query strings and headers may carry personal data.
            tracing::info_span!("request", http.method = %req.method(), http.path = req.uri().path())
        }))
}

/// What every rendered page (routed, or the 404 page) gets as context: the
/// store, the clock, the login options, and the origins a form may end up at
/// (the providers' end-session endpoints, reached by the logout form).
fn page_context(state: &AppState, public_origin: &str) -> impl Fn() + Clone + Send + Sync + 'static {
    // The closure is cloned with the route's service for every request (as
    // the layers are): it holds two pointers and two flags.
    let form_targets: Arc<[String]> = state.auth.providers.iter().map(|p| p.issuer_origin()).filter(|o| o != public_origin).collect();
    let options =
        LoginOptions { test_login: state.test_idp.is_some(), staff_login: state.auth.providers.iter().any(|p| p.name == "staff") };
    let state = state.clone();
    move || {
        provide_context(state.notices.clone());
        provide_context(FormTargets(form_targets.to_vec()));
        provide_context(AppStore(state.store.clone()));
        provide_context(AppClock(state.auth.clock.clone()));
        provide_context(options);
    }
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
