//! Login, logout and who is asking: the routes around the relying party and
//! the middleware that turns a session cookie into a [`CurrentUser`].
//!
//! The session keeps only the person's id, which issuer they came through,
//! and when they logged in and were last seen (never the ID token: it
//! carries the name and the CPR number). Names and roles are read from our
//! database on every request, so a revoked role takes effect at once.

use std::sync::Arc;

use axum::{
    extract::{Query, Request, State},
    http::{header, HeaderMap, HeaderValue},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use app::features::conversation::server::ConversationUpdates;
use app::features::identity::service::{sign_in, SignInError};
use app::kernel::clock::Clock;
use app::kernel::ids::PersonId;
use app::routes as paths;
use app::ssr::auth::{CurrentUser, SessionEnded};
use app::ssr::db::Store;
use leptos::server_fn::ServerFn;

use crate::login_cookie::{LoginCookie, MAX_AGE_MS as TXN_MAX_AGE_MS};
use crate::oidc::{state_matches, RelyingParty};
use crate::security::safe_local_path;

pub const LOGIN: &str = "/auth/login";
pub const CALLBACK: &str = "/auth/callback";
pub const LOGOUT: &str = "/auth/logout";

const USER_KEY: &str = "user";
/// `last_seen` is written back at most this often (one session write per
/// minute per user, not one per request).
const TOUCH_EVERY_MS: i64 = 60_000;

pub use app::ui::viewer::login_error as reason;

/// The logged-in person, as kept in the session.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SessionUser {
    pub person_id: i64,
    pub provider: String,
    pub login_at: i64,
    pub last_seen: i64,
}

/// What the auth routes and middleware share.
#[derive(Clone)]
pub struct Auth {
    pub providers: Vec<Arc<RelyingParty>>,
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub idle_ms: i64,
    pub max_ms: i64,
    /// The portal's public URL, without a trailing slash.
    pub public_url: String,
    /// Keeps the login in progress in the browser, not in a session row.
    pub login_cookie: LoginCookie,
    /// Served over https (the cookies' names).
    pub https: bool,
}

impl Auth {
    fn provider(&self, name: &str) -> Option<&Arc<RelyingParty>> {
        self.providers.iter().find(|p| p.name == name)
    }
}

fn login_page(reason: &str) -> Response {
    Redirect::to(&format!("{}?fejl={reason}", paths::LOGIN)).into_response()
}

#[derive(Deserialize)]
pub struct LoginQuery {
    provider: Option<String>,
    next: Option<String>,
}

/// `GET /auth/login`: starts a login at the chosen issuer (the citizens'
/// one unless `?provider=staff`) and sends the browser there, the login
/// sealed in its own cookie (no session row for an anonymous visitor).
pub async fn login(State(auth): State<Arc<Auth>>, headers: HeaderMap, Query(q): Query<LoginQuery>) -> Response {
    let name = q.provider.as_deref().unwrap_or("citizen");
    let Some(provider) = auth.provider(name).or_else(|| auth.providers.first()) else {
        return login_page(reason::UNAVAILABLE);
    };
    let next = safe_local_path(q.next.as_deref()).to_string();
    match provider.begin(next, auth.login_cookie.must_reauthenticate(&headers)).await {
        Ok((url, txn)) => {
            let Some(cookie) = auth.login_cookie.set(&txn) else {
                tracing::error!("could not seal the login transaction");
                return login_page(reason::UNAVAILABLE);
            };
            let mut res = Redirect::to(&url).into_response();
            res.headers_mut().append(header::SET_COOKIE, cookie);
            res
        }
        Err(e) => {
            tracing::error!(auth.provider = provider.name, error = %e, "login could not start");
            login_page(reason::UNAVAILABLE)
        }
    }
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /auth/callback`: the provider sends the browser back here. Every
/// answer removes the login cookie, so the same callback a second time finds
/// nothing to finish (and a replayed code is refused by the provider).
pub async fn callback(State(auth): State<Arc<Auth>>, session: Session, headers: HeaderMap, Query(q): Query<CallbackQuery>) -> Response {
    let mut res = finish_login(&auth, session, &headers, q).await;
    res.headers_mut().append(header::SET_COOKIE, auth.login_cookie.clear());
    res
}

async fn finish_login(auth: &Auth, session: Session, headers: &HeaderMap, q: CallbackQuery) -> Response {
    let Some(txn) = auth.login_cookie.read(headers) else {
        tracing::warn!("login refused: no login in progress in this browser");
        return login_page(reason::FAILED);
    };
    if let Some(error) = q.error.as_deref() {
        // The provider's error code is a fixed vocabulary (no personal data).
        tracing::info!(auth.provider = %txn.provider, error = %error.chars().take(40).collect::<String>(), "login cancelled at the provider");
        return login_page(reason::CANCELLED);
    }
    if !q.state.as_deref().is_some_and(|s| state_matches(&txn.state, s)) {
        tracing::warn!(auth.provider = %txn.provider, "login refused: state does not match");
        return login_page(reason::FAILED);
    }
    let now = auth.clock.now_ms();
    if now - txn.started_at > TXN_MAX_AGE_MS {
        tracing::warn!(auth.provider = %txn.provider, "login refused: started too long ago");
        return login_page(reason::FAILED);
    }
    let (Some(code), Some(provider)) = (q.code, auth.provider(&txn.provider)) else {
        tracing::warn!(auth.provider = %txn.provider, "login refused: no code");
        return login_page(reason::FAILED);
    };
    let result = match provider.finish(&txn, code).await {
        Ok(r) => r,
        Err(crate::oidc::LoginError::AssuranceTooLow) => {
            tracing::warn!(auth.provider = provider.name, "login refused: assurance level missing or too low");
            return login_page(reason::LEVEL_TOO_LOW);
        }
        Err(e) => {
            tracing::warn!(auth.provider = provider.name, error = %e, "login refused");
            return login_page(reason::FAILED);
        }
    };
    let person = match sign_in(auth.store.as_ref(), &result.identity, provider.kind, now).await {
        Ok(p) => p,
        Err(SignInError::UnknownStaff) => {
            tracing::warn!(auth.provider = provider.name, "login refused: not registered as staff");
            return login_page(reason::UNKNOWN_STAFF);
        }
        Err(SignInError::CprLinkedElsewhere) => {
            tracing::warn!(auth.provider = provider.name, "login refused: CPR record linked to another login");
            return login_page(reason::ALREADY_LINKED);
        }
        Err(SignInError::Store(e)) => {
            tracing::error!(error = %e, "login failed: database");
            return login_page(reason::UNAVAILABLE);
        }
    };
    // A paper power of attorney naming this CPR number becomes this person's
    // now (the number is never kept: only its hash is compared).
    if let Some(cpr) = result.identity.cpr.as_deref() {
        match app::features::representation::service::match_paper_at_login(auth.store.as_ref(), person, cpr, now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(person.id = person.0, accesses = n, "paper power of attorney matched at login"),
            Err(e) => tracing::error!(error = %e, "could not match paper powers of attorney"),
        }
    }
    // A new session id at login: a cookie planted before login is worthless after.
    if let Err(e) = session.cycle_id().await {
        tracing::error!(error = %e, "could not renew the session id");
        return login_page(reason::UNAVAILABLE);
    }
    // Whom a previous login in this browser acted for is not this person's.
    if let Err(e) = session.remove::<i64>(app::ssr::auth::ACTING_KEY).await {
        tracing::warn!(error = %e, "could not clear the session's helper access");
    }
    let user = SessionUser { person_id: person.0, provider: provider.name.to_string(), login_at: now, last_seen: now };
    if let Err(e) = session.insert(USER_KEY, &user).await {
        tracing::error!(error = %e, "could not save the session");
        return login_page(reason::UNAVAILABLE);
    }
    tracing::info!(person.id = person.0, auth.provider = provider.name, "logged in");
    let reauthenticated = auth.login_cookie.reauthenticate(false);
    // With no page asked for, a caseworker starts at their inbox, everyone else at the plan.
    let next = if txn.next != "/" {
        txn.next.as_str()
    } else if auth.store.roles(person).await.unwrap_or_default().contains(&app::kernel::plan::Role::Caseworker) {
        paths::INBOX
    } else {
        paths::PLAN
    };
    let mut res = Redirect::to(safe_local_path(Some(next))).into_response();
    res.headers_mut().append(header::SET_COOKIE, reauthenticated);
    res
}

/// `POST /auth/logout`: ends our session, then sends the browser to the
/// provider's end-session endpoint (when it has one) to end its session too.
/// The provider learns who is leaving from its own session cookie (a
/// top-level GET carries it) and which portal from `client_id`: no ID token
/// in the URL, where browser history and proxy logs would keep the name and
/// the CPR number it carries. Every answer tells the browser to drop its cache.
pub async fn logout(State(auth): State<Arc<Auth>>, session: Session) -> Response {
    let user: Option<SessionUser> = session.get(USER_KEY).await.ok().flatten();
    if let Err(e) = session.flush().await {
        tracing::error!(error = %e, "could not delete the session");
    }
    let mut target = paths::HOME.to_string();
    if let Some(user) = user {
        tracing::info!(person.id = user.person_id, auth.provider = %user.provider, "logged out");
        if let Some(p) = auth.provider(&user.provider) {
            if let Some(url) = p.end_session_url(&format!("{}/", auth.public_url)).await {
                target = url;
            }
        }
    }
    let mut res = Redirect::to(&target).into_response();
    res.headers_mut().insert("clear-site-data", HeaderValue::from_static("\"cache\""));
    res
}

/// Middleware: ends sessions that are idle or too old, and puts the
/// signed-in person (with roles from the database) into the request.
pub async fn load_user(State(auth): State<Arc<Auth>>, session: Session, mut req: Request, next: Next) -> Response {
    let user: Option<SessionUser> = match session.get(USER_KEY).await {
        Ok(u) => u,
        Err(e) => {
            tracing::warn!(error = %e, "unreadable session ignored");
            None
        }
    };
    if user.is_none() && brought_a_session_cookie(&req, auth.https) {
        // A session this browser had is gone (ended by a timeout, or its row
        // expired): the next login asks the provider to authenticate anew.
        let mut res = next.run(req).await;
        res.headers_mut().append(header::SET_COOKIE, auth.login_cookie.reauthenticate(true));
        return res;
    }
    if let Some(mut user) = user {
        let now = auth.clock.now_ms();
        let ended = if now - user.login_at > auth.max_ms {
            Some(SessionEnded::TooOld)
        } else if now - user.last_seen > auth.idle_ms {
            Some(SessionEnded::Idle)
        } else {
            None
        };
        if let Some(why) = ended {
            tracing::info!(person.id = user.person_id, reason = ?why, "session expired");
            let _ = session.flush().await;
            req.extensions_mut().insert(why);
            let mut res = next.run(req).await;
            res.headers_mut().append(header::SET_COOKIE, auth.login_cookie.reauthenticate(true));
            return res;
        } else {
            match current_user(auth.store.as_ref(), PersonId(user.person_id)).await {
                Some(mut current) => {
                    // A helper acting for a citizen: checked on every
                    // request, so an ended access stops at the next click.
                    match acting_for(auth.store.as_ref(), &session, current.person_id, now).await {
                        Acting::Themselves => {}
                        Acting::For(a) => current.acting_for = Some(a),
                        // Logging out still works (the session goes anyway).
                        Acting::Ended if ![paths::HELPERS_ENDED, LOGOUT].contains(&req.uri().path()) => {
                            return Redirect::to(paths::HELPERS_ENDED).into_response();
                        }
                        Acting::Ended => {}
                        Acting::Unknown => return axum::http::StatusCode::SERVICE_UNAVAILABLE.into_response(),
                    }
                    // A page asking for news in the background is not the
                    // person at the screen: an open conversation left on a
                    // library PC must not keep the session alive.
                    let background = req.uri().path() == <ConversationUpdates as ServerFn>::PATH;
                    if !background && now - user.last_seen >= TOUCH_EVERY_MS {
                        user.last_seen = now;
                        if let Err(e) = session.insert(USER_KEY, &user).await {
                            tracing::warn!(error = %e, "could not refresh the session");
                        }
                    }
                    req.extensions_mut().insert(current);
                }
                None => {
                    tracing::warn!(person.id = user.person_id, "session of an unknown person ended");
                    let _ = session.flush().await;
                }
            }
        }
    }
    next.run(req).await
}

enum Acting {
    Themselves,
    For(app::ssr::auth::ActingFor),
    /// The access the session acted with has ended (revoked, expired): the
    /// session forgets it.
    Ended,
    /// The database could not say: nothing is done for anyone.
    Unknown,
}

/// Whom the session's person acts for, checked against the database now.
async fn acting_for(store: &dyn Store, session: &Session, person: PersonId, now: i64) -> Acting {
    use app::features::representation::service::acting_for;
    use app::ssr::auth::ACTING_KEY;
    let Some(id) = session.get::<i64>(ACTING_KEY).await.ok().flatten() else { return Acting::Themselves };
    match acting_for(store, person, app::kernel::ids::RepresentationId(id), now).await {
        Ok(Some(a)) => Acting::For(a),
        Ok(None) => {
            tracing::info!(person.id = person.0, representation.id = id, "helper's access has ended");
            let _ = session.remove::<i64>(ACTING_KEY).await;
            Acting::Ended
        }
        Err(e) => {
            tracing::error!(error = %e, "could not check a helper's access");
            Acting::Unknown
        }
    }
}

/// Whether the request carries a session cookie (whether or not its session still exists).
fn brought_a_session_cookie(req: &Request, https: bool) -> bool {
    let name = crate::sessions::cookie_name(https);
    crate::login_cookie::cookies(req.headers()).any(|c| c.name() == name && !c.value().is_empty())
}

async fn current_user(store: &dyn Store, id: PersonId) -> Option<CurrentUser> {
    match store.signed_in(id).await {
        Ok(user) => user,
        Err(e) => {
            tracing::error!(error = %e, "could not load the signed-in person");
            None
        }
    }
}
