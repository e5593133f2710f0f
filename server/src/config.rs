//! Settings from `APP_*` environment variables, each with a default that
//! runs the embedded setup on a laptop. Unknown `APP_*` names are an error,
//! so a typo does not silently fall back to a default.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;

/// Where the server runs: production refuses development conveniences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

/// How logs are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// All server settings.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `APP_LISTEN_ADDR`: address and port to listen on.
    pub listen_addr: SocketAddr,
    /// `APP_PUBLIC_URL`: the URL citizens use; its origin is the only one
    /// allowed to send mutating requests, and `https` turns on HSTS.
    pub public_url: String,
    /// `APP_DATABASE_URL`: `sqlite:` file or `postgres:` server.
    pub database_url: Secret,
    /// `APP_ENV`: `development` or `production`.
    pub environment: Environment,
    /// `APP_LOG`: a `tracing` filter, e.g. `info` or `server=debug,info`.
    pub log_filter: String,
    /// `APP_LOG_FORMAT`: `text` or `json`.
    pub log_format: LogFormat,
    /// `APP_DEMO_DATA`: create demo data in an empty database at start.
    /// Defaults to on in development, off in production.
    pub demo_data: bool,
    /// `APP_OIDC_*`: the identity provider citizens (and, unless a staff
    /// issuer is set, staff) log in through. `None`: the built-in test
    /// provider, which production refuses.
    pub oidc: Option<OidcSettings>,
    /// `APP_STAFF_OIDC_*`: an optional second issuer for staff only.
    pub staff_oidc: Option<OidcSettings>,
    /// `APP_SESSION_IDLE_MINUTES`: a session ends after this long without a request.
    pub session_idle_minutes: i64,
    /// `APP_SESSION_MAX_HOURS`: a session ends this long after login, however busy.
    pub session_max_hours: i64,
    /// `APP_BENCH`: serve the benchmark's baseline route (`/bench/baseline`).
    /// Never in production.
    pub bench: bool,
    /// `APP_TRUSTED_PROXIES`: the reverse proxies (IP addresses, comma
    /// separated) whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// `APP_LOGINS_PER_ADDRESS`: logins started per client address per 10
    /// minutes; `None`: 20, or 10,000 with the built-in test login (the test
    /// suites log in many times from one address).
    pub logins_per_address: Option<u32>,
}

/// One OpenID Connect issuer we trust, and how to read its claims.
#[derive(Clone, Debug)]
pub struct OidcSettings {
    /// The issuer URL exactly as in its discovery document.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Secret,
    /// Scopes asked for; `openid` is always included.
    pub scopes: Vec<String>,
    /// Sent as `acr_values` when not empty (e.g. Criipto's
    /// `urn:grn:authn:dk:mitid:substantial`).
    pub acr_values: Option<String>,
    /// The lowest NSIS assurance level accepted from `acr`/`loa`.
    pub min_level: AssuranceLevel,
    /// Claim names that may carry the CPR number, tried in order.
    pub cpr_claims: Vec<String>,
    /// Claim names that may carry the person's name, tried in order.
    pub name_claims: Vec<String>,
}

/// NSIS assurance levels, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AssuranceLevel {
    Low,
    Substantial,
    High,
}

impl AssuranceLevel {
    /// Reads a level from its last word, whatever the broker's prefix:
    /// `https://data.gov.dk/concept/core/nsis/Substantial`,
    /// `urn:grn:authn:dk:mitid:substantial`, `substantial`.
    pub fn parse(value: &str) -> Option<AssuranceLevel> {
        let last = value.rsplit(['/', ':']).next().unwrap_or(value).to_ascii_lowercase();
        match last.as_str() {
            "low" => Some(AssuranceLevel::Low),
            "substantial" | "betydelig" => Some(AssuranceLevel::Substantial),
            "high" | "hoej" | "høj" => Some(AssuranceLevel::High),
            _ => None,
        }
    }
}

/// A value that must not appear in logs (a database URL may hold a password).
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    /// The value itself; call only where it is used, never to log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The variables this server reads, with their defaults (documented in README).
pub const VARIABLES: &[(&str, &str)] = &[
    ("APP_LISTEN_ADDR", "127.0.0.1:3000"),
    ("APP_PUBLIC_URL", "http://localhost:3000"),
    ("APP_DATABASE_URL", "sqlite://data/enplan.db"),
    ("APP_ENV", "development"),
    ("APP_LOG", "info"),
    ("APP_LOG_FORMAT", "text"),
    ("APP_DEMO_DATA", "on in development, off in production"),
    ("APP_OIDC_ISSUER", ""),
    ("APP_OIDC_CLIENT_ID", ""),
    ("APP_OIDC_CLIENT_SECRET", ""),
    ("APP_OIDC_SCOPES", "openid profile ssn mitid"),
    ("APP_OIDC_ACR_VALUES", ""),
    ("APP_OIDC_MIN_LEVEL", "substantial"),
    ("APP_OIDC_CPR_CLAIMS", "dk.cpr,cprNumberIdentifier,nin"),
    ("APP_OIDC_NAME_CLAIMS", "name,mitid.identity_name"),
    ("APP_STAFF_OIDC_ISSUER", ""),
    ("APP_STAFF_OIDC_CLIENT_ID", ""),
    ("APP_STAFF_OIDC_CLIENT_SECRET", ""),
    ("APP_STAFF_OIDC_SCOPES", "openid profile"),
    ("APP_STAFF_OIDC_ACR_VALUES", ""),
    ("APP_STAFF_OIDC_MIN_LEVEL", "substantial"),
    ("APP_STAFF_OIDC_CPR_CLAIMS", ""),
    ("APP_STAFF_OIDC_NAME_CLAIMS", "name,mitid.identity_name"),
    ("APP_SESSION_IDLE_MINUTES", "30"),
    ("APP_SESSION_MAX_HOURS", "12"),
    ("APP_BENCH", "off"),
    ("APP_TRUSTED_PROXIES", ""),
    ("APP_LOGINS_PER_ADDRESS", "20 (10000 with the built-in test login)"),
];

/// A setting that could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "configuration error: {}", self.0)
    }
}

impl std::error::Error for ConfigError {}

impl Settings {
    /// Reads the process environment.
    pub fn from_env() -> Result<Settings, ConfigError> {
        Settings::from_vars(std::env::vars())
    }

    /// Reads settings from name/value pairs; only `APP_*` names are looked at.
    pub fn from_vars(vars: impl IntoIterator<Item = (String, String)>) -> Result<Settings, ConfigError> {
        let given: BTreeMap<String, String> = vars.into_iter().filter(|(k, _)| k.starts_with("APP_")).collect();
        if let Some(unknown) = given.keys().find(|k| !VARIABLES.iter().any(|(name, _)| name == k)) {
            return Err(ConfigError(format!(
                "unknown variable {unknown}; known are: {}",
                VARIABLES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
            )));
        }
        let get = |name: &str| -> String {
            given
                .get(name)
                .cloned()
                .unwrap_or_else(|| VARIABLES.iter().find(|(n, _)| *n == name).map(|(_, d)| d.to_string()).unwrap_or_default())
        };

        let listen_addr =
            get("APP_LISTEN_ADDR").parse().map_err(|_| ConfigError("APP_LISTEN_ADDR must look like 127.0.0.1:3000".into()))?;
        let public_url = get("APP_PUBLIC_URL").trim_end_matches('/').to_string();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError("APP_PUBLIC_URL must start with http:// or https://".into()));
        }
        let environment = match get("APP_ENV").as_str() {
            "development" => Environment::Development,
            "production" => Environment::Production,
            other => return Err(ConfigError(format!("APP_ENV must be development or production, not {other}"))),
        };
        if environment == Environment::Production && !public_url.starts_with("https://") {
            return Err(ConfigError("APP_PUBLIC_URL must use https in production".into()));
        }
        let log_format = match get("APP_LOG_FORMAT").as_str() {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => return Err(ConfigError(format!("APP_LOG_FORMAT must be text or json, not {other}"))),
        };
        let demo_data = match given.get("APP_DEMO_DATA").map(String::as_str) {
            None => environment == Environment::Development,
            Some("true" | "1" | "on") => true,
            Some("false" | "0" | "off") => false,
            Some(other) => return Err(ConfigError(format!("APP_DEMO_DATA must be true or false, not {other}"))),
        };
        let bench = match get("APP_BENCH").as_str() {
            "off" | "false" | "0" => false,
            "on" | "true" | "1" => true,
            other => return Err(ConfigError(format!("APP_BENCH must be on or off, not {other}"))),
        };
        if bench && environment == Environment::Production {
            return Err(ConfigError("APP_BENCH is for benchmarks on a test machine, never in production".into()));
        }
        let oidc = oidc_settings(&get, "APP_OIDC_", environment)?;
        let staff_oidc = oidc_settings(&get, "APP_STAFF_OIDC_", environment)?;
        if oidc.is_none() && environment == Environment::Production {
            return Err(ConfigError("APP_OIDC_ISSUER must be set in production: the built-in test login is for development only".into()));
        }
        if oidc.is_none() && staff_oidc.is_some() {
            return Err(ConfigError("APP_STAFF_OIDC_ISSUER needs APP_OIDC_ISSUER set too".into()));
        }
        let minutes = |name: &str, max: i64| -> Result<i64, ConfigError> {
            get(name)
                .parse::<i64>()
                .ok()
                .filter(|v| (1..=max).contains(v))
                .ok_or_else(|| ConfigError(format!("{name} must be a whole number from 1 to {max}")))
        };
        let session_idle_minutes = minutes("APP_SESSION_IDLE_MINUTES", 24 * 60)?;
        let session_max_hours = minutes("APP_SESSION_MAX_HOURS", 7 * 24)?;
        let trusted_proxies = get("APP_TRUSTED_PROXIES")
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| a.parse().map_err(|_| ConfigError(format!("APP_TRUSTED_PROXIES: {a} is not an IP address"))))
            .collect::<Result<Vec<_>, _>>()?;
        let logins_per_address = match given.get("APP_LOGINS_PER_ADDRESS") {
            None => None,
            Some(n) => Some(
                n.parse::<u32>()
                    .ok()
                    .filter(|v| *v >= 1)
                    .ok_or_else(|| ConfigError("APP_LOGINS_PER_ADDRESS must be a whole number, at least 1".into()))?,
            ),
        };
        Ok(Settings {
            trusted_proxies,
            logins_per_address,
            oidc,
            staff_oidc,
            session_idle_minutes,
            session_max_hours,
            bench,
            demo_data,
            listen_addr,
            public_url,
            database_url: Secret::new(get("APP_DATABASE_URL")),
            environment,
            log_filter: get("APP_LOG"),
            log_format,
        })
    }

    /// Scheme, host and port of the public URL, as browsers send it in `Origin`.
    pub fn public_origin(&self) -> &str {
        origin_of(&self.public_url)
    }

    /// Served over https: cookies get `Secure` and responses HSTS.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// Scheme, host and port of a URL.
pub fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

/// Reads one issuer's settings under `prefix`; `None` when its issuer is empty.
fn oidc_settings(get: &dyn Fn(&str) -> String, prefix: &str, environment: Environment) -> Result<Option<OidcSettings>, ConfigError> {
    let var = |name: &str| get(&format!("{prefix}{name}"));
    let issuer = var("ISSUER").trim().to_string();
    if issuer.is_empty() {
        return Ok(None);
    }
    if !(issuer.starts_with("https://") || (environment == Environment::Development && issuer.starts_with("http://"))) {
        return Err(ConfigError(format!("{prefix}ISSUER must be an https URL")));
    }
    let client_id = var("CLIENT_ID").trim().to_string();
    if client_id.is_empty() {
        return Err(ConfigError(format!("{prefix}CLIENT_ID must be set when {prefix}ISSUER is")));
    }
    let list = |name: &str, sep: char| -> Vec<String> {
        var(name).split(sep).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
    };
    let mut scopes = list("SCOPES", ' ');
    if !scopes.iter().any(|s| s == "openid") {
        scopes.insert(0, "openid".into());
    }
    let min_level = AssuranceLevel::parse(&var("MIN_LEVEL"))
        .ok_or_else(|| ConfigError(format!("{prefix}MIN_LEVEL must be low, substantial or high")))?;
    let acr_values = Some(var("ACR_VALUES").trim().to_string()).filter(|s| !s.is_empty());
    Ok(Some(OidcSettings {
        issuer: issuer.trim_end_matches('/').to_string(),
        client_id,
        client_secret: Secret::new(var("CLIENT_SECRET")),
        scopes,
        acr_values,
        min_level,
        cpr_claims: list("CPR_CLAIMS", ','),
        name_claims: list("NAME_CLAIMS", ','),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn with_nothing_set_the_embedded_defaults_apply() {
        let s = Settings::from_vars(vars(&[("HOME", "/root")])).unwrap();
        assert_eq!(s.listen_addr, "127.0.0.1:3000".parse().unwrap());
        assert_eq!(s.public_url, "http://localhost:3000");
        assert_eq!(s.database_url.expose(), "sqlite://data/enplan.db");
        assert_eq!(s.environment, Environment::Development);
        assert!(!s.is_https());
        assert!(s.demo_data, "demo data is on for the embedded run");
    }

    #[test]
    fn a_misspelt_variable_is_refused_by_name() {
        let err = Settings::from_vars(vars(&[("APP_LISTEN_ADRESS", "x")])).unwrap_err();
        assert!(err.0.contains("APP_LISTEN_ADRESS"), "{err}");
    }

    #[test]
    fn a_bad_value_names_the_variable() {
        let err = Settings::from_vars(vars(&[("APP_LISTEN_ADDR", "localhost")])).unwrap_err();
        assert!(err.0.contains("APP_LISTEN_ADDR"));
        let err = Settings::from_vars(vars(&[("APP_ENV", "prod")])).unwrap_err();
        assert!(err.0.contains("APP_ENV"));
    }

    #[test]
    fn production_requires_https() {
        let err = Settings::from_vars(vars(&[("APP_ENV", "production")])).unwrap_err();
        assert!(err.0.contains("https"));
        let ok = Settings::from_vars(vars(&[
            ("APP_ENV", "production"),
            ("APP_PUBLIC_URL", "https://enplan.example.dk/"),
            ("APP_OIDC_ISSUER", "https://broker.example.dk"),
            ("APP_OIDC_CLIENT_ID", "enplan"),
        ]))
        .unwrap();
        assert!(ok.is_https());
        assert_eq!(ok.public_url, "https://enplan.example.dk");
        assert!(!ok.demo_data, "no demo data in production unless asked for");
    }

    #[test]
    fn the_benchmark_route_is_off_by_default_and_never_in_production() {
        assert!(!Settings::from_vars(vars(&[])).unwrap().bench);
        assert!(Settings::from_vars(vars(&[("APP_BENCH", "on")])).unwrap().bench);
        let err = Settings::from_vars(vars(&[
            ("APP_ENV", "production"),
            ("APP_PUBLIC_URL", "https://enplan.example.dk"),
            ("APP_OIDC_ISSUER", "https://broker.example.dk"),
            ("APP_OIDC_CLIENT_ID", "enplan"),
            ("APP_BENCH", "on"),
        ]))
        .unwrap_err();
        assert!(err.0.contains("APP_BENCH"), "{err}");
    }

    #[test]
    fn production_refuses_the_built_in_test_login() {
        let err = Settings::from_vars(vars(&[("APP_ENV", "production"), ("APP_PUBLIC_URL", "https://enplan.example.dk")])).unwrap_err();
        assert!(err.0.contains("APP_OIDC_ISSUER"), "{err}");
        let err = Settings::from_vars(vars(&[
            ("APP_ENV", "production"),
            ("APP_PUBLIC_URL", "https://enplan.example.dk"),
            ("APP_OIDC_ISSUER", "http://broker.example.dk"),
            ("APP_OIDC_CLIENT_ID", "enplan"),
        ]))
        .unwrap_err();
        assert!(err.0.contains("https"), "{err}");
    }

    #[test]
    fn an_issuer_needs_a_client_id_and_gets_the_openid_scope() {
        let err = Settings::from_vars(vars(&[("APP_OIDC_ISSUER", "https://idp.example")])).unwrap_err();
        assert!(err.0.contains("APP_OIDC_CLIENT_ID"), "{err}");
        let s = Settings::from_vars(vars(&[
            ("APP_OIDC_ISSUER", "https://idp.example/"),
            ("APP_OIDC_CLIENT_ID", "c"),
            ("APP_OIDC_CLIENT_SECRET", "hemmelig"),
            ("APP_OIDC_SCOPES", "profile ssn"),
        ]))
        .unwrap();
        let o = s.oidc.as_ref().unwrap();
        assert_eq!(o.issuer, "https://idp.example");
        assert_eq!(o.scopes, ["openid", "profile", "ssn"]);
        assert_eq!(o.cpr_claims, ["dk.cpr", "cprNumberIdentifier", "nin"]);
        assert_eq!(o.min_level, AssuranceLevel::Substantial);
        assert!(!format!("{s:?}").contains("hemmelig"), "the client secret is redacted");
        assert!(Settings::from_vars(vars(&[])).unwrap().oidc.is_none(), "built-in test login by default");
    }

    #[test]
    fn assurance_levels_are_read_from_any_broker_shape() {
        assert_eq!(AssuranceLevel::parse("https://data.gov.dk/concept/core/nsis/Substantial"), Some(AssuranceLevel::Substantial));
        assert_eq!(AssuranceLevel::parse("urn:grn:authn:dk:mitid:high"), Some(AssuranceLevel::High));
        assert_eq!(AssuranceLevel::parse("https://data.gov.dk/concept/core/nsis/Low"), Some(AssuranceLevel::Low));
        assert_eq!(AssuranceLevel::parse("urn:mace:incommon:iap:silver"), None);
        assert!(AssuranceLevel::Low < AssuranceLevel::Substantial && AssuranceLevel::Substantial < AssuranceLevel::High);
    }

    #[test]
    fn session_lifetimes_are_bounded_numbers() {
        let s = Settings::from_vars(vars(&[])).unwrap();
        assert_eq!((s.session_idle_minutes, s.session_max_hours), (30, 12));
        assert!(Settings::from_vars(vars(&[("APP_SESSION_IDLE_MINUTES", "0")])).is_err());
        assert!(Settings::from_vars(vars(&[("APP_SESSION_MAX_HOURS", "tolv")])).is_err());
    }

    #[test]
    fn the_public_origin_drops_any_path() {
        let s = Settings::from_vars(vars(&[("APP_PUBLIC_URL", "https://kommune.dk:8443/enplan")])).unwrap();
        assert_eq!(s.public_origin(), "https://kommune.dk:8443");
        let s = Settings::from_vars(vars(&[])).unwrap();
        assert_eq!(s.public_origin(), "http://localhost:3000");
    }

    #[test]
    fn the_database_url_is_redacted_in_debug_output() {
        let s = Settings::from_vars(vars(&[("APP_DATABASE_URL", "postgres://u:hemmelig@db/x")])).unwrap();
        assert!(!format!("{s:?}").contains("hemmelig"));
    }
}
