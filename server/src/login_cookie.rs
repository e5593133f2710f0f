//! The login in progress (state, nonce, PKCE verifier, where to go after)
//! between `/auth/login` and `/auth/callback` lives in a short-lived cookie
//! of its own, sealed (encrypted and authenticated, AES-256-GCM through the
//! `cookie` crate's private jar), not in a session row: an anonymous visitor
//! who starts a login, or a thousand of them, writes nothing to the database.
//!
//! The key is one all server processes on the database share: made by the
//! first process to start and kept in `setting` (`SecretStore`), so a login
//! begun on one server finishes on another.

use axum::http::{header, HeaderMap, HeaderValue};
use base64::{engine::general_purpose::STANDARD, Engine};
use cookie::{time::Duration, Cookie, CookieJar, Key, SameSite};

use app::ssr::db::Store;

use crate::oidc::LoginTransaction;

/// The setting that holds the key (base64 of 64 bytes).
pub const KEY_SETTING: &str = "login_cookie_key";
/// A login started longer ago than this is not finished (the cookie's
/// lifetime too).
pub const MAX_AGE_MS: i64 = 10 * 60_000;

/// Seals and opens the login cookie.
#[derive(Clone)]
pub struct LoginCookie {
    key: Key,
    name: &'static str,
    secure: bool,
}

/// The cookie's name: with the `__Host-` prefix over https, as the session's.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-enplan_login"
    } else {
        "enplan_login"
    }
}

impl LoginCookie {
    /// With the key every process on `store` shares (made now if none is yet).
    pub async fn new(store: &dyn Store, https: bool) -> Result<LoginCookie, crate::BoxError> {
        let fresh = STANDARD.encode(Key::generate().master());
        let stored = store.shared_secret(KEY_SETTING, &fresh).await?;
        let key = STANDARD
            .decode(stored.trim())
            .ok()
            .and_then(|bytes| Key::try_from(bytes.as_slice()).ok())
            .ok_or("the setting login_cookie_key is not 64 bytes in base64")?;
        Ok(LoginCookie { key, name: cookie_name(https), secure: https })
    }

    fn cookie(&self, value: String, max_age: Duration) -> Cookie<'static> {
        Cookie::build((self.name, value))
            .path("/")
            .http_only(true)
            .secure(self.secure)
            // Lax: the browser brings it back on the provider's redirect.
            .same_site(SameSite::Lax)
            .max_age(max_age)
            .build()
    }

    /// The `Set-Cookie` that keeps `txn`, sealed.
    pub fn set(&self, txn: &LoginTransaction) -> Option<HeaderValue> {
        let json = serde_json::to_string(txn).ok()?;
        let mut jar = CookieJar::new();
        jar.private_mut(&self.key).add(self.cookie(json, Duration::milliseconds(MAX_AGE_MS)));
        HeaderValue::from_str(&jar.get(self.name)?.to_string()).ok()
    }

    /// The `Set-Cookie` that removes it: a login is finished once.
    pub fn clear(&self) -> HeaderValue {
        let gone = self.cookie(String::new(), Duration::ZERO);
        HeaderValue::from_str(&gone.to_string()).expect("a plain cookie")
    }

    /// The `Set-Cookie` that marks this browser's session as ended by a
    /// timeout (`on`), or clears the mark: the next login then asks the
    /// provider to authenticate again, so its own single sign-on cannot log
    /// the next person at a shared computer in silently.
    pub fn reauthenticate(&self, on: bool) -> HeaderValue {
        let mut c = Cookie::build((self.reauth_name(), if on { "1" } else { "" }))
            .path("/")
            .http_only(true)
            .secure(self.secure)
            .same_site(SameSite::Lax)
            .build();
        if !on {
            c.set_max_age(Duration::ZERO);
        }
        HeaderValue::from_str(&c.to_string()).expect("a plain cookie")
    }

    /// Whether this browser's last session ended by a timeout.
    pub fn must_reauthenticate(&self, headers: &HeaderMap) -> bool {
        cookies(headers).any(|c| c.name() == self.reauth_name() && c.value() == "1")
    }

    fn reauth_name(&self) -> &'static str {
        if self.secure {
            "__Host-enplan_reauth"
        } else {
            "enplan_reauth"
        }
    }

    /// The login the browser brought back, if it is one this portal sealed.
    pub fn read(&self, headers: &HeaderMap) -> Option<LoginTransaction> {
        let jar = CookieJar::new();
        let private = jar.private(&self.key);
        cookies(headers)
            .filter(|c| c.name() == self.name)
            .find_map(|c| private.decrypt(c.into_owned()))
            .and_then(|c| serde_json::from_str(c.value()).ok())
    }
}

/// The cookies a request brought.
pub(crate) fn cookies(headers: &HeaderMap) -> impl Iterator<Item = Cookie<'_>> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(Cookie::split_parse).filter_map(Result::ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn txn() -> LoginTransaction {
        LoginTransaction {
            provider: "citizen".into(),
            state: "s".into(),
            nonce: "n".into(),
            pkce_verifier: "secret-verifier".into(),
            next: "/min-plan".into(),
            started_at: 1,
        }
    }

    fn sealer(key: Key) -> LoginCookie {
        LoginCookie { key, name: cookie_name(false), secure: false }
    }

    fn brought_back(set: &HeaderValue) -> HeaderMap {
        let pair = set.to_str().unwrap().split(';').next().unwrap().to_string();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(&format!("lang=da; {pair}")).unwrap());
        headers
    }

    #[test]
    fn a_sealed_login_opens_with_its_key_only_and_hides_the_verifier() {
        let key = Key::generate();
        let set = sealer(key.clone()).set(&txn()).unwrap();
        let text = set.to_str().unwrap();
        assert!(!text.contains("secret-verifier") && !text.contains("min-plan"), "sealed: {text}");
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=600"] {
            assert!(text.contains(attribute), "{attribute} in {text}");
        }
        let back = sealer(key).read(&brought_back(&set)).expect("opens");
        assert_eq!((back.state.as_str(), back.pkce_verifier.as_str()), ("s", "secret-verifier"));
        assert!(sealer(Key::generate()).read(&brought_back(&set)).is_none(), "another key cannot open it");
    }

    #[test]
    fn a_cookie_changed_by_one_character_or_written_by_hand_is_no_login() {
        let key = Key::generate();
        let set = sealer(key.clone()).set(&txn()).unwrap();
        let pair = set.to_str().unwrap().split(';').next().unwrap().to_string();
        let last = pair.chars().last().unwrap();
        let tampered = format!("{}{}", &pair[..pair.len() - 1], if last == 'A' { 'B' } else { 'A' });
        let forged = format!("enplan_login={}", serde_json::to_string(&txn()).unwrap());
        for cookie in [tampered, forged] {
            let mut headers = HeaderMap::new();
            headers.insert(header::COOKIE, HeaderValue::from_str(&cookie).unwrap());
            assert!(sealer(key.clone()).read(&headers).is_none(), "{cookie}");
        }
        let cleared = sealer(key).clear();
        assert!(cleared.to_str().unwrap().contains("Max-Age=0"), "{cleared:?}");
    }
}
