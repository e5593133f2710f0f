//! A limit on logins started per client address (the hardening issue): a
//! script hammering `/auth/login` or the test login from one address is
//! answered 429 with a plain message, while people behind one address (a
//! library, a shelter) get a generous number.
//!
//! The client address is the connection's peer, unless that peer is one of
//! the configured reverse proxies (`APP_TRUSTED_PROXIES`): then it is the
//! right-most address in `X-Forwarded-For` that is not a trusted proxy. A
//! header from anyone else is ignored, so it cannot be used to dodge the
//! limit. Counted in memory per server process, in fixed windows of 10
//! minutes; the table is pruned when it grows, so it stays bounded.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::{header, HeaderMap, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

use app::kernel::clock::Clock;

/// The window logins are counted in.
pub const WINDOW_MS: i64 = 10 * 60_000;
/// Addresses remembered before old windows are pruned.
const PRUNE_AT: usize = 10_000;

/// Logins started per address, per window.
pub struct LoginLimiter {
    per_window: u32,
    trusted: Vec<IpAddr>,
    clock: Arc<dyn Clock>,
    seen: Mutex<HashMap<IpAddr, (i64, u32)>>,
}

impl LoginLimiter {
    pub fn new(per_window: u32, trusted: Vec<IpAddr>, clock: Arc<dyn Clock>) -> LoginLimiter {
        LoginLimiter { per_window, trusted, clock, seen: Mutex::new(HashMap::new()) }
    }

    /// Who is asking: the peer, or behind a trusted proxy the first
    /// untrusted address from the right of `X-Forwarded-For`.
    pub fn client_address(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusted.contains(&peer) {
            return peer;
        }
        let forwarded: Vec<IpAddr> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse().ok())
            .collect();
        forwarded.into_iter().rev().find(|a| !self.trusted.contains(a)).unwrap_or(peer)
    }

    /// Counts one login started from `addr`; false past the limit.
    pub fn allow(&self, addr: IpAddr) -> bool {
        let now = self.clock.now_ms();
        let window = now - now.rem_euclid(WINDOW_MS);
        let Ok(mut seen) = self.seen.lock() else { return true };
        if seen.len() >= PRUNE_AT {
            seen.retain(|_, (w, _)| *w == window);
        }
        let entry = seen.entry(addr).or_insert((window, 0));
        if entry.0 != window {
            *entry = (window, 0);
        }
        entry.1 += 1;
        entry.1 <= self.per_window
    }
}

/// Whether a request starts a login: `GET /auth/login`, or choosing a
/// person at the built-in test login.
fn starts_a_login(req: &Request) -> bool {
    let path = req.uri().path();
    path == crate::auth::LOGIN || (req.method() == axum::http::Method::POST && path == format!("{}/authorize", crate::test_idp::MOUNT))
}

/// The middleware around the pages: counts the requests that start a login.
pub async fn limit_logins(State(limiter): State<Arc<LoginLimiter>>, req: Request, next: Next) -> Response {
    if !starts_a_login(&req) {
        return next.run(req).await;
    }
    let Some(ConnectInfo(peer)) = req.extensions().get::<ConnectInfo<SocketAddr>>().copied() else {
        return next.run(req).await;
    };
    let addr = limiter.client_address(peer.ip(), req.headers());
    if limiter.allow(addr) {
        return next.run(req).await;
    }
    // The address itself is not logged: it is personal data.
    tracing::warn!(http.path = req.uri().path(), "refused a login: too many from one address");
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8"), (header::RETRY_AFTER, "600")],
        "Der er startet mange logins fra din forbindelse. Vent 10 minutter, og prøv igen.\n\
         Many logins have been started from your connection. Please wait 10 minutes and try again.\n",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::kernel::clock::ManualClock;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn limiter(per_window: u32, trusted: &[&str]) -> (LoginLimiter, ManualClock) {
        let clock = ManualClock::starting_now();
        (LoginLimiter::new(per_window, trusted.iter().map(|t| ip(t)).collect(), Arc::new(clock.clone())), clock)
    }

    fn forwarded(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", value.parse().unwrap());
        h
    }

    #[test]
    fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let (l, _) = limiter(3, &["10.0.0.2"]);
        let h = forwarded("203.0.113.9, 198.51.100.7");
        assert_eq!(l.client_address(ip("10.0.0.2"), &h), ip("198.51.100.7"), "the right-most untrusted address");
        assert_eq!(l.client_address(ip("192.0.2.1"), &h), ip("192.0.2.1"), "anyone else's header is ignored");
        let through_two = forwarded("198.51.100.7, 10.0.0.2");
        assert_eq!(l.client_address(ip("10.0.0.2"), &through_two), ip("198.51.100.7"), "trusted hops are skipped");
        assert_eq!(l.client_address(ip("10.0.0.2"), &HeaderMap::new()), ip("10.0.0.2"));
    }

    #[test]
    fn an_address_past_the_limit_waits_for_the_next_window_and_others_are_not_held_up() {
        let (l, clock) = limiter(3, &[]);
        let a = ip("198.51.100.7");
        assert!((0..3).all(|_| l.allow(a)));
        assert!(!l.allow(a), "the fourth in the window");
        assert!(l.allow(ip("198.51.100.8")), "another address has its own count");
        clock.advance_minutes(10);
        assert!(l.allow(a), "a new window");
    }
}
