//! The OpenID Connect relying party: discovery, the authorization code flow
//! with PKCE (S256), and ID-token verification. `openidconnect` checks the
//! signature, `iss`, `aud`, `exp`, the nonce, and refuses `alg: none`; this
//! module adds what it leaves to us: `state` compared in constant time,
//! `at_hash` checked when present, `iat` bounded, the JWKS fetched again once
//! on an unknown key id, and the assurance level required from `acr`/`loa`.
//! The HTTP client follows no redirects (the crate's SSRF advice).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreClaimName, CoreClaimType, CoreClientAuthMethod, CoreErrorResponseType,
    CoreGenderClaim, CoreGrantType, CoreJsonWebKey, CoreJsonWebKeySet, CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm,
    CoreJwsSigningAlgorithm, CoreResponseMode, CoreResponseType, CoreRevocableToken, CoreRevocationErrorResponse,
    CoreSubjectIdentifierType, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AccessTokenHash, AdditionalClaims, AdditionalProviderMetadata, AuthorizationCode, ClaimsVerificationError, Client, ClientId,
    ClientSecret, CsrfToken, EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenClaims, IdTokenFields,
    IdTokenVerifier, IssuerUrl, JsonWebKeySet, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, ProviderMetadata,
    RedirectUrl, Scope, SignatureVerificationError, StandardErrorResponse, StandardTokenResponse,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::RwLock;

use app::features::identity::service::{normalise_cpr, IssuerKind, VerifiedIdentity};
use app::kernel::clock::Clock;

use crate::config::{AssuranceLevel, OidcSettings};

/// Claims beyond the standard ones (`dk.cpr`, `loa`, `mitid.*`, …), kept as
/// they came so the claim names stay configurable.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct BrokerClaims {
    #[serde(flatten)]
    pub other: HashMap<String, Value>,
}
impl AdditionalClaims for BrokerClaims {}

/// The one piece of provider metadata we need beyond the core set.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct EndSessionMetadata {
    pub end_session_endpoint: Option<String>,
}
impl AdditionalProviderMetadata for EndSessionMetadata {}

type Metadata = ProviderMetadata<
    EndSessionMetadata,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;
type Fields =
    IdTokenFields<BrokerClaims, EmptyExtraTokenFields, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;
type TokenResponse = StandardTokenResponse<Fields, CoreTokenType>;
type Claims = IdTokenClaims<BrokerClaims, CoreGenderClaim>;
type OidcClient = Client<
    BrokerClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    TokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How far `iat` may lie in the past, and in the future (clock skew).
const IAT_MAX_AGE_MS: i64 = 10 * 60_000;
const IAT_MAX_SKEW_MS: i64 = 2 * 60_000;
/// Provider metadata is fetched again after this long.
const METADATA_TTL_MS: i64 = 60 * 60_000;

/// Why a login failed. The text names the check, never a token or claim value.
#[derive(Debug)]
pub enum LoginError {
    Discovery(String),
    TokenRequest(String),
    NoIdToken,
    Claims(String),
    AtHash,
    IssuedAt,
    AssuranceTooLow,
    BadCprClaim,
}

impl std::error::Error for LoginError {}

impl std::fmt::Display for LoginError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoginError::Discovery(e) => write!(f, "provider discovery failed: {e}"),
            LoginError::TokenRequest(e) => write!(f, "token request failed: {e}"),
            LoginError::NoIdToken => f.write_str("no ID token in the token response"),
            LoginError::Claims(e) => write!(f, "ID token refused: {e}"),
            LoginError::AtHash => f.write_str("ID token refused: at_hash does not match the access token"),
            LoginError::IssuedAt => f.write_str("ID token refused: iat outside the accepted window"),
            LoginError::AssuranceTooLow => f.write_str("assurance level missing or too low"),
            LoginError::BadCprClaim => f.write_str("CPR claim present but malformed"),
        }
    }
}

/// What the browser must bring back from the provider, kept in the session
/// between `/auth/login` and `/auth/callback`.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct LoginTransaction {
    pub provider: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    /// Where to go after login (a local path).
    pub next: String,
    pub started_at: i64,
}

/// A successful login.
#[derive(Debug)]
pub struct LoginResult {
    pub identity: VerifiedIdentity,
}

struct Cached {
    metadata: Metadata,
    fetched_at: i64,
}

/// One trusted issuer.
pub struct RelyingParty {
    /// `citizen` or `staff`: names the provider in sessions and URLs.
    pub name: &'static str,
    pub kind: IssuerKind,
    settings: OidcSettings,
    redirect_url: String,
    subject_prefix: &'static str,
    http: reqwest::Client,
    clock: Arc<dyn Clock>,
    cache: RwLock<Option<Cached>>,
}

/// `state` values compared in constant time (openidconnect leaves it to us).
pub fn state_matches(expected: &str, returned: &str) -> bool {
    use subtle::ConstantTimeEq;
    expected.len() == returned.len() && bool::from(expected.as_bytes().ct_eq(returned.as_bytes()))
}

impl RelyingParty {
    pub fn new(
        name: &'static str,
        kind: IssuerKind,
        settings: OidcSettings,
        redirect_url: String,
        clock: Arc<dyn Clock>,
    ) -> Result<RelyingParty, reqwest::Error> {
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).timeout(Duration::from_secs(10)).build()?;
        let subject_prefix = if kind == IssuerKind::Staff { "staff:" } else { "" };
        Ok(RelyingParty { name, kind, settings, redirect_url, subject_prefix, http, clock, cache: RwLock::new(None) })
    }

    /// The issuer's origin (for the CSP `form-action` of the logout form).
    pub fn issuer_origin(&self) -> String {
        crate::config::origin_of(&self.settings.issuer).to_string()
    }

    async fn metadata(&self) -> Result<Metadata, LoginError> {
        let now = self.clock.now_ms();
        if let Some(c) = self.cache.read().await.as_ref() {
            if now - c.fetched_at < METADATA_TTL_MS {
                return Ok(c.metadata.clone());
            }
        }
        let issuer = IssuerUrl::new(self.settings.issuer.clone()).map_err(|e| LoginError::Discovery(e.to_string()))?;
        let metadata = Metadata::discover_async(issuer, &self.http).await.map_err(|e| LoginError::Discovery(error_chain(&e)))?;
        *self.cache.write().await = Some(Cached { metadata: metadata.clone(), fetched_at: now });
        Ok(metadata)
    }

    fn client(&self, metadata: Metadata) -> Result<OidcClient, LoginError> {
        let redirect = RedirectUrl::new(self.redirect_url.clone()).map_err(|e| LoginError::Discovery(e.to_string()))?;
        Ok(OidcClient::from_provider_metadata(metadata, ClientId::new(self.settings.client_id.clone()), self.secret())
            .set_redirect_uri(redirect))
    }

    fn secret(&self) -> Option<ClientSecret> {
        let s = self.settings.client_secret.expose();
        (!s.is_empty()).then(|| ClientSecret::new(s.to_string()))
    }

    /// Starts a login: the provider URL to send the browser to, and what to
    /// keep until it comes back. `again`: ask the provider to authenticate
    /// the person anew (`prompt=login`), not to reuse its own session.
    pub async fn begin(&self, next: String, again: bool) -> Result<(String, LoginTransaction), LoginError> {
        let client = self.client(self.metadata().await?)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .set_pkce_challenge(challenge);
        for scope in self.settings.scopes.iter().filter(|s| *s != "openid") {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        if let Some(acr) = &self.settings.acr_values {
            request = request.add_extra_param("acr_values", acr.clone());
        }
        if again {
            request = request.add_prompt(openidconnect::core::CoreAuthPrompt::Login);
        }
        let (url, state, nonce) = request.url();
        let txn = LoginTransaction {
            provider: self.name.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            next,
            started_at: self.clock.now_ms(),
        };
        Ok((url.to_string(), txn))
    }

    /// Redeems the code and verifies the ID token. The caller has already
    /// matched `state` against the transaction.
    pub async fn finish(&self, txn: &LoginTransaction, code: String) -> Result<LoginResult, LoginError> {
        let metadata = self.metadata().await?;
        let client = self.client(metadata.clone())?;
        let response: TokenResponse = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| LoginError::TokenRequest(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(txn.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| LoginError::TokenRequest(error_chain(&e)))?;
        let id_token = response.extra_fields().id_token().ok_or(LoginError::NoIdToken)?;
        let nonce = Nonce::new(txn.nonce.clone());

        let verified = match self.verify(id_token, &nonce, metadata.jwks().clone(), &response) {
            Err(LoginError::Claims(ref e)) if e == UNKNOWN_KEY => {
                // The provider may have rotated its keys: fetch them once more.
                let jwks = JsonWebKeySet::fetch_async(metadata.jwks_uri(), &self.http)
                    .await
                    .map_err(|e| LoginError::Discovery(error_chain(&e)))?;
                let refreshed = metadata.clone().set_jwks(jwks.clone());
                *self.cache.write().await = Some(Cached { metadata: refreshed, fetched_at: self.clock.now_ms() });
                self.verify(id_token, &nonce, jwks, &response)?
            }
            other => other?,
        };
        Ok(LoginResult { identity: self.identity(&verified)? })
    }

    fn verify(
        &self,
        id_token: &openidconnect::IdToken<BrokerClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>,
        nonce: &Nonce,
        jwks: CoreJsonWebKeySet,
        response: &TokenResponse,
    ) -> Result<Claims, LoginError> {
        let now = self.clock.now_ms();
        let issuer = IssuerUrl::new(self.settings.issuer.clone()).map_err(|e| LoginError::Claims(e.to_string()))?;
        let client_id = ClientId::new(self.settings.client_id.clone());
        let verifier = match self.secret() {
            Some(secret) => IdTokenVerifier::new_confidential_client(client_id, secret, issuer, jwks),
            None => IdTokenVerifier::new_public_client(client_id, issuer, jwks),
        };
        let verifier = verifier.set_time_fn(move || to_datetime(now)).set_issue_time_verifier_fn(move |iat| {
            let iat = iat.timestamp_millis();
            if iat < now - IAT_MAX_AGE_MS || iat > now + IAT_MAX_SKEW_MS {
                Err("iat outside the accepted window".into())
            } else {
                Ok(())
            }
        });
        let claims = id_token.claims(&verifier, nonce).map_err(|e| match e {
            ClaimsVerificationError::SignatureVerification(SignatureVerificationError::NoMatchingKey) => {
                LoginError::Claims(UNKNOWN_KEY.into())
            }
            ClaimsVerificationError::Other(ref m) if m.contains("iat") => LoginError::IssuedAt,
            other => LoginError::Claims(other.to_string()),
        })?;
        if let Some(expected) = claims.access_token_hash() {
            let alg = id_token.signing_alg().map_err(|e| LoginError::Claims(e.to_string()))?;
            let key = id_token.signing_key(&verifier).map_err(|e| LoginError::Claims(e.to_string()))?;
            let actual = AccessTokenHash::from_token(response.access_token(), alg, key).map_err(|e| LoginError::Claims(e.to_string()))?;
            if !state_matches(actual.as_str(), expected.as_str()) {
                return Err(LoginError::AtHash);
            }
        }
        Ok(claims.clone())
    }

    /// Maps verified claims to who the person is, requiring the assurance level.
    fn identity(&self, claims: &Claims) -> Result<VerifiedIdentity, LoginError> {
        let other = &claims.additional_claims().other;
        let text = |name: &str| other.get(name).and_then(Value::as_str).map(str::to_string);
        let levels = &self.settings.levels;
        let level = claims
            .auth_context_ref()
            .and_then(|acr| AssuranceLevel::from_token(acr.as_str(), levels))
            .or_else(|| text("loa").and_then(|l| AssuranceLevel::from_token(&l, levels)));
        if level.is_none_or(|l| l < self.settings.min_level) {
            return Err(LoginError::AssuranceTooLow);
        }
        let cpr = match self.settings.cpr_claims.iter().find_map(|n| text(n)) {
            Some(raw) => Some(normalise_cpr(&raw).ok_or(LoginError::BadCprClaim)?),
            None => None,
        };
        let name = self.settings.name_claims.iter().find_map(|n| {
            if n == "name" {
                claims.name().and_then(|l| l.get(None)).map(|v| v.as_str().to_string()).or_else(|| text(n))
            } else {
                text(n)
            }
        });
        Ok(VerifiedIdentity { subject: format!("{}{}", self.subject_prefix, claims.subject().as_str()), cpr, name })
    }

    /// Where to end the provider's session, if it has an end-session
    /// endpoint: with `client_id` and the post-logout address only (RP-
    /// initiated logout without `id_token_hint`: no token in a URL).
    pub async fn end_session_url(&self, post_logout_redirect: &str) -> Option<String> {
        let metadata = self.metadata().await.ok()?;
        let endpoint = metadata.additional_metadata().end_session_endpoint.clone()?;
        let mut url = openidconnect::url::Url::parse(&endpoint).ok()?;
        url.query_pairs_mut()
            .append_pair("client_id", &self.settings.client_id)
            .append_pair("post_logout_redirect_uri", post_logout_redirect);
        Some(url.to_string())
    }
}

const UNKNOWN_KEY: &str = "signed with an unknown key";

fn to_datetime(ms: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// An error and its causes on one line (no token values are in these).
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_is_compared_exactly() {
        assert!(state_matches("abc", "abc"));
        assert!(!state_matches("abc", "abd"));
        assert!(!state_matches("abc", "abcd"));
        assert!(!state_matches("abc", ""));
    }
}
