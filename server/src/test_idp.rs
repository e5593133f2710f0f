//! The built-in **test** identity provider, for the embedded default only:
//! mounted at `/test-idp` when no issuer is configured, refused in production
//! (see `config.rs`). It is a small but honest OpenID provider — discovery,
//! JWKS (RS256), an authorize page, a token endpoint that checks the client
//! secret, PKCE (S256) and one-time codes, and end-session — so the portal's
//! relying party runs the same code path as against a MitID broker.
//!
//! Every page says "Testlogin — ikke MitID". Tests can make it misbehave
//! through [`TestIdp::set_fault`] (a Rust call, not reachable over HTTP).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock};

use axum::{
    extract::{Form, Query, State},
    http::{header, HeaderMap, StatusCode},
    response::{Html, IntoResponse, Redirect, Response},
    routing::get,
    Json, Router,
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD as B64, Engine};
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use app::features::identity::service::normalise_cpr;
use app::kernel::clock::Clock;
use app::kernel::ids::PersonId;
use app::kernel::plan::Role;
use app::ssr::db::Store;

use crate::config::{AssuranceLevel, OidcSettings, Secret};

/// Where the provider is mounted.
pub const MOUNT: &str = "/test-idp";
/// The portal's client id at the test provider.
pub const CLIENT_ID: &str = "enplan-dev";
const LOA_SUBSTANTIAL: &str = "https://data.gov.dk/concept/core/nsis/Substantial";
const CODE_LIFETIME_MS: i64 = 60_000;
const TOKEN_LIFETIME_S: i64 = 300;

/// Ways a test can make the provider misbehave, one per relying-party check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    WrongIssuer,
    WrongAudience,
    MissingSub,
    MissingIat,
    /// `alg: none` and no signature.
    AlgNone,
    BadSignature,
    WrongNonce,
    Expired,
    /// Signed by a key that is not in the published JWKS.
    UnknownKey,
    /// `iat` a day in the past (but `exp` still in the future).
    StaleIat,
    WrongAtHash,
    LowAssurance,
}

struct Key {
    kid: String,
    private: RsaPrivateKey,
}

impl Key {
    fn generate() -> Key {
        let private = RsaPrivateKey::new(&mut rand::thread_rng(), 2048).expect("an RSA key can be generated");
        let kid = B64.encode(&Sha256::digest(private.n().to_bytes_be())[..8]);
        Key { kid, private }
    }

    fn jwk(&self) -> Value {
        json!({
            "kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid,
            "n": B64.encode(self.private.n().to_bytes_be()),
            "e": B64.encode(self.private.e().to_bytes_be()),
        })
    }

    /// A compact JWS: RS256 over `header.payload`.
    fn sign(&self, claims: &Value) -> String {
        let header = json!({ "alg": "RS256", "typ": "JWT", "kid": self.kid });
        let input = format!("{}.{}", b64_json(&header), b64_json(claims));
        let signature = SigningKey::<Sha256>::new(self.private.clone()).sign(input.as_bytes());
        format!("{input}.{}", B64.encode(signature.to_bytes()))
    }
}

/// Key generation takes a moment in a debug build: the first key is made
/// once per process and shared (tests start many servers).
fn first_key() -> &'static Arc<Key> {
    static KEY: OnceLock<Arc<Key>> = OnceLock::new();
    KEY.get_or_init(|| Arc::new(Key::generate()))
}

fn b64_json(v: &Value) -> String {
    B64.encode(serde_json::to_vec(v).unwrap_or_default())
}

/// One issued, not yet redeemed authorization code.
struct Grant {
    claims: Value,
    nonce: String,
    code_challenge: String,
    redirect_uri: String,
    expires_at: i64,
}

/// The provider's state.
pub struct TestIdp {
    issuer: String,
    client_secret: String,
    redirect_uri: String,
    post_logout_redirect_uri: String,
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    key: RwLock<Arc<Key>>,
    codes: Mutex<HashMap<String, Grant>>,
    fault: Mutex<Option<Fault>>,
    /// The last ID token issued (tests look for it in the logs).
    last_id_token: Mutex<Option<String>>,
}

impl TestIdp {
    /// A provider for the portal at `public_url`.
    pub fn new(public_url: &str, store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Arc<TestIdp> {
        Arc::new(TestIdp {
            issuer: format!("{public_url}{MOUNT}"),
            client_secret: random_token(),
            redirect_uri: format!("{public_url}{}", crate::auth::CALLBACK),
            post_logout_redirect_uri: format!("{public_url}/"),
            store,
            clock,
            key: RwLock::new(first_key().clone()),
            codes: Mutex::new(HashMap::new()),
            fault: Mutex::new(None),
            last_id_token: Mutex::new(None),
        })
    }

    /// The relying-party settings that trust this provider.
    pub fn client_settings(&self) -> OidcSettings {
        OidcSettings {
            issuer: self.issuer.clone(),
            client_id: CLIENT_ID.into(),
            client_secret: Secret::new(self.client_secret.clone()),
            scopes: vec!["openid".into(), "profile".into(), "ssn".into(), "mitid".into()],
            acr_values: None,
            min_level: AssuranceLevel::Substantial,
            levels: Vec::new(),
            cpr_claims: vec!["dk.cpr".into()],
            name_claims: vec!["name".into()],
        }
    }

    /// The last ID token this provider issued (tests only).
    pub fn last_id_token(&self) -> Option<String> {
        self.last_id_token.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Makes every following token carry this fault (tests only).
    pub fn set_fault(&self, fault: Option<Fault>) {
        *self.fault.lock().unwrap_or_else(PoisonError::into_inner) = fault;
    }

    /// Signs from now on with a new key, as a provider rotating its keys does.
    pub fn rotate_key(&self) {
        *self.key.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(Key::generate());
    }

    /// The routes, to be nested at [`MOUNT`].
    pub fn router(self: &Arc<Self>) -> Router {
        Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/authorize", get(authorize_page).post(authorize))
            .route("/token", axum::routing::post(token))
            .route("/logout", get(end_session))
            .with_state(self.clone())
    }

    fn current_key(&self) -> Arc<Key> {
        self.key.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    fn fault(&self) -> Option<Fault> {
        *self.fault.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn random_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    B64.encode(bytes)
}

async fn discovery(State(idp): State<Arc<TestIdp>>) -> Json<Value> {
    let i = &idp.issuer;
    Json(json!({
        "issuer": i,
        "authorization_endpoint": format!("{i}/authorize"),
        "token_endpoint": format!("{i}/token"),
        "jwks_uri": format!("{i}/jwks"),
        "end_session_endpoint": format!("{i}/logout"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "grant_types_supported": ["authorization_code"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "scopes_supported": ["openid", "profile", "ssn", "mitid"],
        "claims_supported": ["sub", "name", "dk.cpr", "loa", "acr"],
        "acr_values_supported": [LOA_SUBSTANTIAL],
    }))
}

async fn jwks(State(idp): State<Arc<TestIdp>>) -> Json<Value> {
    Json(json!({ "keys": [idp.current_key().jwk()] }))
}

/// The authorization request, as sent by the relying party.
#[derive(Clone, Debug, Default, Deserialize)]
struct AuthorizeParams {
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    redirect_uri: String,
    #[serde(default)]
    response_type: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    nonce: String,
    #[serde(default)]
    code_challenge: String,
    #[serde(default)]
    code_challenge_method: String,
}

impl AuthorizeParams {
    /// Problems that must not be answered with a redirect (RFC 6749 4.1.2.1).
    fn problem(&self, idp: &TestIdp) -> Option<&'static str> {
        if self.client_id != CLIENT_ID {
            Some("ukendt client_id")
        } else if self.redirect_uri != idp.redirect_uri {
            Some("redirect_uri er ikke registreret")
        } else if self.response_type != "code" {
            Some("kun response_type=code")
        } else if self.code_challenge.is_empty() || self.code_challenge_method != "S256" {
            Some("PKCE med S256 er påkrævet")
        } else if self.nonce.is_empty() || self.state.is_empty() {
            Some("state og nonce er påkrævet")
        } else {
            None
        }
    }

    fn hidden_fields(&self) -> String {
        [
            ("client_id", &self.client_id),
            ("redirect_uri", &self.redirect_uri),
            ("response_type", &self.response_type),
            ("state", &self.state),
            ("nonce", &self.nonce),
            ("code_challenge", &self.code_challenge),
            ("code_challenge_method", &self.code_challenge_method),
        ]
        .iter()
        .map(|(k, v)| format!(r#"<input type="hidden" name="{k}" value="{}">"#, esc(v)))
        .collect()
    }
}

/// HTML-escapes text for element content and quoted attributes.
pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        r#"<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — Testlogin, ikke MitID</title><link rel="stylesheet" href="/pkg/enplan.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>
<body><main class="mx-auto max-w-3xl px-4 py-6">
<p class="notice" role="note"><strong>Testlogin — ikke MitID.</strong> Kun til afprøvning med demodata. <span lang="en">(Test login — not MitID.)</span></p>
<h1 class="text-3xl font-bold my-4">{title}</h1>{body}</main></body></html>"#
    ))
}

fn bad_request(why: &str) -> Response {
    (StatusCode::BAD_REQUEST, page("Forkert login-forespørgsel", &format!("<p>{}</p>", esc(why)))).into_response()
}

/// A person the page offers, with the role they log in as.
struct Choice {
    id: PersonId,
    name: String,
}

async fn choices(store: &dyn Store, now: i64) -> Vec<(&'static str, Vec<Choice>)> {
    let mut sections = Vec::new();
    let mut citizens = Vec::new();
    let named = |ids: Vec<PersonId>| async move {
        let mut out = Vec::new();
        for id in ids.into_iter().take(25) {
            if let Ok(p) = store.person(id).await {
                out.push(Choice { id, name: p.full_name });
            }
        }
        out
    };
    if let Ok(caseworkers) = store.people_with_role(Role::Caseworker).await {
        for cw in &caseworkers {
            if let Ok(load) = store.caseload(*cw, now).await {
                citizens.extend(load);
            }
        }
        citizens.sort();
        citizens.dedup();
        sections.push(("Borgere", named(citizens).await));
        sections.push(("Sagsbehandlere", named(caseworkers).await));
    }
    // The demo's helpers: a CPR number and no plan (they help a citizen).
    let mut helpers = Vec::new();
    for (_, cpr) in app::ssr::demo::HELPERS {
        if let Ok(Some(p)) = store.person_by_cpr(cpr).await {
            helpers.push(p.id);
        }
    }
    if !helpers.is_empty() {
        sections.push(("Hjælpere (uden egen plan)", named(helpers).await));
    }
    for (title, role) in [("Værter for netværksgrupper", Role::Host), ("Administratorer", Role::Admin)] {
        if let Ok(ids) = store.people_with_role(role).await {
            sections.push((title, named(ids).await));
        }
    }
    sections
}

async fn authorize_page(State(idp): State<Arc<TestIdp>>, Query(params): Query<AuthorizeParams>) -> Response {
    if let Some(why) = params.problem(&idp) {
        return bad_request(why);
    }
    render_choices(&idp, &params, "", None).await.into_response()
}

async fn render_choices(idp: &TestIdp, params: &AuthorizeParams, typed_cpr: &str, error: Option<&str>) -> Html<String> {
    let hidden = params.hidden_fields();
    let mut body = String::from(r#"<p class="mb-4">Vælg hvem du vil logge ind som. Personerne er demodata.</p>"#);
    for (title, people) in choices(idp.store.as_ref(), idp.clock.now_ms()).await {
        if people.is_empty() {
            continue;
        }
        body.push_str(&format!(
            r#"<h2 class="text-xl font-bold mt-6 mb-2">{title}</h2><form method="post" action="{MOUNT}/authorize">{hidden}<ul class="flex flex-col gap-2">"#
        ));
        for p in people {
            body.push_str(&format!(
                r#"<li><button type="submit" class="btn-secondary" name="who" value="{}">{}</button></li>"#,
                p.id.0,
                esc(&p.name)
            ));
        }
        body.push_str("</ul></form>");
    }
    let (invalid, message) = match error {
        Some(e) => {
            (r#" aria-invalid="true" aria-describedby="cpr-fejl""#, format!(r#"<p id="cpr-fejl" class="field-error">{}</p>"#, esc(e)))
        }
        None => ("", String::new()),
    };
    body.push_str(&format!(
        r#"<h2 class="text-xl font-bold mt-6 mb-2">Skriv et test-CPR-nummer</h2>
<form method="post" action="{MOUNT}/authorize">{hidden}
<label for="cpr" class="block font-bold">CPR-nummer (kun testnumre)</label>{message}
<input id="cpr" name="cpr" class="input" inputmode="numeric" autocomplete="off" value="{}"{invalid}>
<button type="submit" class="btn-primary mt-2" name="who" value="cpr">Log ind med test-CPR</button></form>"#,
        esc(typed_cpr)
    ));
    page("Testlogin", &body)
}

#[derive(Deserialize)]
struct AuthorizeForm {
    #[serde(flatten)]
    params: AuthorizeParams,
    who: String,
    #[serde(default)]
    cpr: String,
}

async fn authorize(State(idp): State<Arc<TestIdp>>, Form(form): Form<AuthorizeForm>) -> Response {
    let params = form.params;
    if let Some(why) = params.problem(&idp) {
        return bad_request(why);
    }
    let claims = if form.who == "cpr" {
        let Some(cpr) = normalise_cpr(&form.cpr) else {
            let error = "Skriv 10 cifre, fx 011385-1001. (Type 10 digits.)";
            return (StatusCode::UNPROCESSABLE_ENTITY, render_choices(&idp, &params, &form.cpr, Some(error)).await).into_response();
        };
        match idp.store.person_by_cpr(&cpr).await {
            Ok(Some(p)) => person_claims(&idp, p.id).await,
            _ => Ok(json!({ "sub": citizen_subject(&cpr), "name": "Testperson", "dk.cpr": cpr.replace('-', "") })),
        }
    } else {
        match form.who.parse::<i64>() {
            Ok(id) => person_claims(&idp, PersonId(id)).await,
            Err(_) => return bad_request("ukendt valg"),
        }
    };
    let claims = match claims {
        Ok(c) => c,
        Err(why) => return bad_request(why),
    };
    let code = random_token();
    let now = idp.clock.now_ms();
    {
        let mut codes = idp.codes.lock().unwrap_or_else(PoisonError::into_inner);
        codes.retain(|_, g| g.expires_at > now);
        codes.insert(
            code.clone(),
            Grant {
                claims,
                nonce: params.nonce.clone(),
                code_challenge: params.code_challenge.clone(),
                redirect_uri: params.redirect_uri.clone(),
                expires_at: now + CODE_LIFETIME_MS,
            },
        );
    }
    let mut target = params.redirect_uri.clone();
    target.push_str(if target.contains('?') { "&" } else { "?" });
    target.push_str(&format!("code={}&state={}", urlencode(&code), urlencode(&params.state)));
    Redirect::to(&target).into_response()
}

/// A stable, pseudonymous `sub` for a test CPR number (never the number itself).
fn citizen_subject(cpr: &str) -> String {
    let digest = Sha256::digest(format!("enplan-test-idp:{cpr}").as_bytes());
    format!("testidp-{}", hex(&digest[..10]))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The claims for a demo person. Staff have no CPR number: the first test
/// login links their record to a test `sub`, as the admin tool does for real
/// staff logins.
async fn person_claims(idp: &TestIdp, id: PersonId) -> Result<Value, &'static str> {
    let p = idp.store.person(id).await.map_err(|_| "ukendt person")?;
    let mut claims = json!({ "name": p.full_name });
    let subject = match (&p.subject, &p.cpr) {
        (Some(s), _) => s.clone(),
        (None, Some(cpr)) => citizen_subject(cpr),
        (None, None) => {
            let s = format!("testidp-staff-{}", id.0);
            idp.store.link_subject(id, &s).await.map_err(|_| "kunne ikke knytte login til personen")?;
            s
        }
    };
    if let Some(cpr) = &p.cpr {
        claims["dk.cpr"] = json!(cpr.replace('-', ""));
    }
    claims["sub"] = json!(subject);
    Ok(claims)
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    grant_type: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    redirect_uri: String,
    #[serde(default)]
    code_verifier: String,
    client_id: Option<String>,
    client_secret: Option<String>,
}

fn token_error(error: &'static str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({ "error": error }))).into_response()
}

/// The client's id and secret from HTTP Basic or the form.
fn client_credentials(headers: &HeaderMap, form: &TokenForm) -> Option<(String, String)> {
    if let Some(basic) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Basic ")) {
        let decoded = base64::engine::general_purpose::STANDARD.decode(basic).ok()?;
        let text = String::from_utf8(decoded).ok()?;
        let (id, secret) = text.split_once(':')?;
        return Some((percent_decode(id), percent_decode(secret)));
    }
    Some((form.client_id.clone()?, form.client_secret.clone()?))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(&s[i + 1..i + 3], 16) {
                    Ok(b) => out.push(b),
                    Err(_) => out.extend_from_slice(&bytes[i..i + 3]),
                }
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn token(State(idp): State<Arc<TestIdp>>, headers: HeaderMap, Form(form): Form<TokenForm>) -> Response {
    use subtle::ConstantTimeEq;
    let Some((id, secret)) = client_credentials(&headers, &form) else {
        return token_error("invalid_client");
    };
    if id != CLIENT_ID || !bool::from(secret.as_bytes().ct_eq(idp.client_secret.as_bytes())) {
        return token_error("invalid_client");
    }
    if form.grant_type != "authorization_code" {
        return token_error("unsupported_grant_type");
    }
    // A code is good once: it is removed before anything else is checked.
    let grant = idp.codes.lock().unwrap_or_else(PoisonError::into_inner).remove(&form.code);
    let Some(grant) = grant else {
        return token_error("invalid_grant");
    };
    let now = idp.clock.now_ms();
    let challenge = B64.encode(Sha256::digest(form.code_verifier.as_bytes()));
    if grant.expires_at <= now || grant.redirect_uri != form.redirect_uri || challenge != grant.code_challenge {
        return token_error("invalid_grant");
    }
    let access_token = random_token();
    let at_hash = B64.encode(&Sha256::digest(access_token.as_bytes())[..16]);
    let now_s = now / 1000;
    let mut claims = grant.claims;
    let extra = json!({
        "iss": idp.issuer, "aud": CLIENT_ID, "iat": now_s, "exp": now_s + TOKEN_LIFETIME_S,
        "nonce": grant.nonce, "at_hash": at_hash, "acr": LOA_SUBSTANTIAL, "loa": LOA_SUBSTANTIAL,
    });
    if let (Some(c), Some(e)) = (claims.as_object_mut(), extra.as_object()) {
        c.extend(e.clone());
    }
    let key = idp.current_key();
    let id_token = match idp.fault() {
        None => key.sign(&claims),
        Some(fault) => faulty_token(&key, claims, fault, now_s),
    };
    *idp.last_id_token.lock().unwrap_or_else(PoisonError::into_inner) = Some(id_token.clone());
    Json(json!({
        "access_token": access_token, "token_type": "Bearer", "expires_in": TOKEN_LIFETIME_S, "id_token": id_token,
    }))
    .into_response()
}

/// A token with exactly one thing wrong.
fn faulty_token(key: &Key, mut claims: Value, fault: Fault, now_s: i64) -> String {
    let c = &mut claims;
    match fault {
        Fault::WrongIssuer => c["iss"] = json!("https://evil.example"),
        Fault::WrongAudience => c["aud"] = json!("another-client"),
        Fault::MissingSub => drop(c.as_object_mut().map(|o| o.remove("sub"))),
        Fault::MissingIat => drop(c.as_object_mut().map(|o| o.remove("iat"))),
        Fault::WrongNonce => c["nonce"] = json!("not-the-nonce"),
        Fault::Expired => {
            c["iat"] = json!(now_s - 3600);
            c["exp"] = json!(now_s - 1800);
        }
        Fault::StaleIat => c["iat"] = json!(now_s - 86_400),
        Fault::WrongAtHash => c["at_hash"] = json!("AAAAAAAAAAAAAAAAAAAAAA"),
        Fault::LowAssurance => {
            c["acr"] = json!("https://data.gov.dk/concept/core/nsis/Low");
            c["loa"] = json!("https://data.gov.dk/concept/core/nsis/Low");
        }
        Fault::AlgNone => {
            let header = json!({ "alg": "none", "typ": "JWT" });
            return format!("{}.{}.", b64_json(&header), b64_json(c));
        }
        Fault::BadSignature => {
            let token = key.sign(c);
            let (signed, _) = token.rsplit_once('.').unwrap_or((&token, ""));
            return format!("{signed}.{}", B64.encode([7u8; 256]));
        }
        Fault::UnknownKey => return Key::generate().sign(c),
    }
    key.sign(&claims)
}

#[derive(Deserialize)]
struct EndSession {
    client_id: Option<String>,
    post_logout_redirect_uri: Option<String>,
    state: Option<String>,
}

async fn end_session(State(idp): State<Arc<TestIdp>>, Query(q): Query<EndSession>) -> Response {
    // Without an ID token the client names itself; only its registered
    // address is redirected to.
    match q.post_logout_redirect_uri {
        Some(uri) if uri == idp.post_logout_redirect_uri && q.client_id.as_deref().is_none_or(|c| c == CLIENT_ID) => {
            let target = match q.state {
                Some(s) => format!("{uri}?state={}", urlencode(&s)),
                None => uri,
            };
            Redirect::to(&target).into_response()
        }
        _ => page("Du er logget ud", r#"<p>Du er logget ud af testlogin.</p><p><a class="link" href="/">Til forsiden</a></p>"#)
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_handles_escapes_and_plus() {
        assert_eq!(percent_decode("a%3Ab+c"), "a:b c");
        assert_eq!(percent_decode("plain"), "plain");
        assert_eq!(percent_decode("%4"), "%4");
    }

    #[test]
    fn a_test_subject_never_contains_the_cpr_number() {
        let sub = citizen_subject("011385-1001");
        assert!(!sub.contains("011385") && !sub.contains("1001"), "{sub}");
        assert_eq!(sub, citizen_subject("011385-1001"), "stable");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(esc(r#"<a href="x">'&"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
    }
}
