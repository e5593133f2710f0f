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
    /// `APP_TEST_LOGIN`: the built-in test login (anyone can be anyone,
    /// staff included). Only when asked for by name, never beside a real
    /// issuer, over https, on a non-loopback address or in production.
    pub test_login: bool,
    /// `APP_SMTP_URL`, `APP_MAIL_FROM`, `APP_SMTP_CA_FILE`: where notices
    /// are sent. `None`: with the test login they are shown at
    /// `/dev/udbakke`; otherwise they wait in the outbox.
    pub smtp: Option<SmtpConfig>,
    /// `APP_SMS_GATEWAY_URL`, `APP_SMS_TOKEN`, `APP_SMS_SENDER`: the SMS
    /// gateway (GatewayAPI's REST `mtsms` shape). `None`: with the test login
    /// SMS are shown at `/dev/udbakke`; otherwise they wait in the outbox.
    pub sms: Option<SmsConfig>,
    /// `APP_LINK_KEY`: signs unsubscribe links, the same on every server
    /// process (at least 32 characters). `None`: one generated and kept in
    /// the database, which every process on it shares.
    pub link_key: Option<Secret>,
    /// `APP_NOTICE_LEASE_SECONDS`: how long a worker holds the notices it
    /// claimed; after a crash, another server sends them once it runs out.
    pub notice_lease_seconds: i64,
}

/// The mail server notices go through.
#[derive(Clone, Debug)]
pub struct SmtpConfig {
    /// `smtp://user:password@host:587?tls=required` or `smtps://…` (holds a password).
    pub url: Secret,
    /// The sender, e.g. `Én Plan <ikke-svar@kommune.dk>`.
    pub from: String,
    /// An extra root certificate (PEM file) to trust.
    pub ca_file: Option<String>,
}

/// The SMS gateway notices and codes go through.
#[derive(Clone, Debug)]
pub struct SmsConfig {
    /// The `mtsms` endpoint.
    pub url: String,
    /// The bearer token.
    pub token: Secret,
    /// The sender shown on the phone (default `EnPlan`).
    pub sender: String,
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
    /// Values of `acr`/`loa` other than the NSIS URIs, with the level each
    /// stands for (`value=level`, comma separated).
    pub levels: Vec<(String, AssuranceLevel)>,
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
    /// A level as the settings write it: `low`, `substantial` or `high`.
    pub fn parse(value: &str) -> Option<AssuranceLevel> {
        match value.trim().to_ascii_lowercase().as_str() {
            "low" => Some(AssuranceLevel::Low),
            "substantial" => Some(AssuranceLevel::Substantial),
            "high" => Some(AssuranceLevel::High),
            _ => None,
        }
    }

    /// The level a token's `acr`/`loa` claims: an NSIS URI
    /// (`https://data.gov.dk/concept/core/nsis/loa/Substantial`, or without
    /// `loa/`), or exactly one of the values the settings name
    /// (`APP_OIDC_LEVELS`, e.g. a broker's `urn:grn:authn:dk:mitid:substantial`).
    /// Nothing else counts, whatever word it ends in.
    pub fn from_token(value: &str, configured: &[(String, AssuranceLevel)]) -> Option<AssuranceLevel> {
        const NSIS: &str = "https://data.gov.dk/concept/core/nsis/";
        if let Some(word) = value.strip_prefix(NSIS).map(|rest| rest.strip_prefix("loa/").unwrap_or(rest)) {
            return match word {
                "Low" => Some(AssuranceLevel::Low),
                "Substantial" => Some(AssuranceLevel::Substantial),
                "High" => Some(AssuranceLevel::High),
                _ => None,
            };
        }
        configured.iter().find(|(v, _)| v == value).map(|(_, level)| *level)
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

/// The MitID brokers' own level values (Criipto's URNs), besides the NSIS URIs.
const MITID_BROKER_LEVELS: &str =
    "urn:grn:authn:dk:mitid:low=low,urn:grn:authn:dk:mitid:substantial=substantial,urn:grn:authn:dk:mitid:high=high";

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
    ("APP_OIDC_LEVELS", MITID_BROKER_LEVELS),
    ("APP_OIDC_CPR_CLAIMS", "dk.cpr,cprNumberIdentifier"),
    ("APP_OIDC_NAME_CLAIMS", "name,mitid.identity_name"),
    ("APP_STAFF_OIDC_ISSUER", ""),
    ("APP_STAFF_OIDC_CLIENT_ID", ""),
    ("APP_STAFF_OIDC_CLIENT_SECRET", ""),
    ("APP_STAFF_OIDC_SCOPES", "openid profile"),
    ("APP_STAFF_OIDC_ACR_VALUES", ""),
    ("APP_STAFF_OIDC_MIN_LEVEL", "substantial"),
    ("APP_STAFF_OIDC_LEVELS", MITID_BROKER_LEVELS),
    ("APP_STAFF_OIDC_CPR_CLAIMS", ""),
    ("APP_STAFF_OIDC_NAME_CLAIMS", "name,mitid.identity_name"),
    ("APP_SESSION_IDLE_MINUTES", "30"),
    ("APP_SESSION_MAX_HOURS", "12"),
    ("APP_BENCH", "off"),
    ("APP_TRUSTED_PROXIES", ""),
    ("APP_LOGINS_PER_ADDRESS", "20 (10000 with the built-in test login)"),
    ("APP_TEST_LOGIN", "off"),
    ("APP_SMTP_URL", ""),
    ("APP_MAIL_FROM", ""),
    ("APP_SMTP_CA_FILE", ""),
    ("APP_SMS_GATEWAY_URL", ""),
    ("APP_SMS_TOKEN", ""),
    ("APP_SMS_SENDER", "EnPlan"),
    ("APP_LINK_KEY", "generated and kept in the database"),
    ("APP_NOTICE_LEASE_SECONDS", "60"),
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

    /// Reads the process environment for an admin command, which logs
    /// nobody in: no login needs to be configured.
    pub fn for_admin_from_env() -> Result<Settings, ConfigError> {
        Settings::read(std::env::vars(), false)
    }

    /// Reads settings from name/value pairs; only `APP_*` names are looked at.
    pub fn from_vars(vars: impl IntoIterator<Item = (String, String)>) -> Result<Settings, ConfigError> {
        Settings::read(vars, true)
    }

    /// `serving`: for the server itself, which needs a login configured.
    fn read(vars: impl IntoIterator<Item = (String, String)>, serving: bool) -> Result<Settings, ConfigError> {
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

        let listen_addr: SocketAddr =
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
        let switch = |name: &str| match get(name).as_str() {
            "off" | "false" | "0" => Ok(false),
            "on" | "true" | "1" => Ok(true),
            other => Err(ConfigError(format!("{name} must be on or off, not {other}"))),
        };
        let bench = switch("APP_BENCH")?;
        if bench && environment == Environment::Production {
            return Err(ConfigError("APP_BENCH is for benchmarks on a test machine, never in production".into()));
        }
        let test_login = switch("APP_TEST_LOGIN")?;
        if demo_data && environment == Environment::Production {
            return Err(ConfigError("APP_DEMO_DATA is for test machines: refused in production".into()));
        }
        let oidc = oidc_settings(&get, "APP_OIDC_", environment)?;
        let staff_oidc = oidc_settings(&get, "APP_STAFF_OIDC_", environment)?;
        if environment == Environment::Production {
            for s in oidc.iter().chain(&staff_oidc) {
                if s.min_level < AssuranceLevel::Substantial {
                    return Err(ConfigError("the lowest assurance level accepted in production is substantial".into()));
                }
            }
        }
        if test_login {
            let refused = if environment == Environment::Production {
                Some("in production")
            } else if oidc.is_some() {
                Some("beside APP_OIDC_ISSUER")
            } else if public_url.starts_with("https://") {
                Some("with an https APP_PUBLIC_URL (a server people can reach)")
            } else if !listen_addr.ip().is_loopback() {
                Some("on an address other than loopback (127.0.0.1 or ::1)")
            } else {
                None
            };
            if let Some(why) = refused {
                return Err(ConfigError(format!("APP_TEST_LOGIN=on lets anyone log in as anyone, staff included: refused {why}")));
            }
        } else if oidc.is_none() && serving {
            return Err(ConfigError(
                "no login is configured: set APP_OIDC_ISSUER (and its client), or APP_TEST_LOGIN=on on a test machine".into(),
            ));
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
        let smtp = match (get("APP_SMTP_URL").trim(), get("APP_MAIL_FROM").trim()) {
            ("", _) => None,
            (_, "") => return Err(ConfigError("APP_MAIL_FROM must be set when APP_SMTP_URL is".into())),
            (url, from) => {
                if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                    return Err(ConfigError("APP_SMTP_URL must start with smtp:// or smtps://".into()));
                }
                if environment == Environment::Production && url.starts_with("smtp://") && !url.contains("tls=required") {
                    return Err(ConfigError("APP_SMTP_URL must use TLS in production: smtps://, or ?tls=required".into()));
                }
                let ca_file = Some(get("APP_SMTP_CA_FILE").trim().to_string()).filter(|f| !f.is_empty());
                Some(SmtpConfig { url: Secret::new(url), from: from.to_string(), ca_file })
            }
        };
        let sms = match (get("APP_SMS_GATEWAY_URL").trim(), get("APP_SMS_TOKEN").trim()) {
            ("", _) => None,
            (_, "") => return Err(ConfigError("APP_SMS_TOKEN must be set when APP_SMS_GATEWAY_URL is".into())),
            (url, token) => {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    return Err(ConfigError("APP_SMS_GATEWAY_URL must start with https://".into()));
                }
                if environment == Environment::Production && !url.starts_with("https://") {
                    return Err(ConfigError("APP_SMS_GATEWAY_URL must use https:// in production".into()));
                }
                let sender = Some(get("APP_SMS_SENDER").trim().to_string()).filter(|s| !s.is_empty()).unwrap_or_else(|| "EnPlan".into());
                Some(SmsConfig { url: url.to_string(), token: Secret::new(token), sender })
            }
        };
        let link_key = match given.get("APP_LINK_KEY").map(|k| k.trim()) {
            None | Some("") => None,
            Some(k) if k.len() < 32 => return Err(ConfigError("APP_LINK_KEY must be at least 32 characters".into())),
            Some(k) => Some(Secret::new(k)),
        };
        let notice_lease_seconds = minutes("APP_NOTICE_LEASE_SECONDS", 3_600)?;
        Ok(Settings {
            notice_lease_seconds,
            smtp,
            sms,
            link_key,
            test_login,
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
    let levels = list("LEVELS", ',')
        .iter()
        .map(|pair| {
            pair.rsplit_once('=')
                .and_then(|(value, level)| Some((value.trim().to_string(), AssuranceLevel::parse(level)?)))
                .ok_or_else(|| ConfigError(format!("{prefix}LEVELS: {pair} must look like <value>=low|substantial|high")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(OidcSettings {
        issuer: issuer.trim_end_matches('/').to_string(),
        client_id,
        client_secret: Secret::new(var("CLIENT_SECRET")),
        scopes,
        acr_values,
        min_level,
        levels,
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
    fn with_the_test_login_on_the_embedded_defaults_apply() {
        let s = Settings::from_vars(vars(&[("HOME", "/root"), ("APP_TEST_LOGIN", "on")])).unwrap();
        assert_eq!(s.listen_addr, "127.0.0.1:3000".parse().unwrap());
        assert_eq!(s.public_url, "http://localhost:3000");
        assert_eq!(s.database_url.expose(), "sqlite://data/enplan.db");
        assert_eq!(s.environment, Environment::Development);
        assert!(!s.is_https());
        assert!(s.demo_data, "demo data is on for the embedded run");
        assert!(s.test_login && s.oidc.is_none());
    }

    #[test]
    fn the_test_login_is_on_only_when_asked_for_and_only_on_a_test_machine() {
        let err = Settings::from_vars(vars(&[])).unwrap_err();
        assert!(err.0.contains("APP_TEST_LOGIN=on") && err.0.contains("APP_OIDC_ISSUER"), "no login at all is refused: {err}");
        for (more, why) in [
            (&[("APP_PUBLIC_URL", "https://enplan.kommune.dk")][..], "https"),
            (&[("APP_LISTEN_ADDR", "0.0.0.0:3000")][..], "loopback"),
            (&[("APP_OIDC_ISSUER", "https://idp.example"), ("APP_OIDC_CLIENT_ID", "c")][..], "APP_OIDC_ISSUER"),
            (&[("APP_ENV", "production"), ("APP_PUBLIC_URL", "https://enplan.kommune.dk")][..], "production"),
        ] {
            let mut all = vec![("APP_TEST_LOGIN", "on")];
            all.extend_from_slice(more);
            let err = Settings::from_vars(vars(&all)).unwrap_err();
            assert!(err.0.contains("anyone") && err.0.contains(why), "{more:?}: {err}");
        }
        assert!(Settings::from_vars(vars(&[("APP_TEST_LOGIN", "on"), ("APP_LISTEN_ADDR", "[::1]:3000")])).unwrap().test_login);
    }

    #[test]
    fn admin_commands_need_no_login_configured() {
        let s = Settings::read(vars(&[("APP_DATABASE_URL", "sqlite://x.db")]), false).unwrap();
        assert!(!s.test_login && s.oidc.is_none());
        assert!(
            Settings::read(vars(&[("APP_TEST_LOGIN", "on"), ("APP_LISTEN_ADDR", "0.0.0.0:1")]), false).is_err(),
            "the rest still holds"
        );
    }

    #[test]
    fn production_refuses_demo_data_and_a_low_assurance_level() {
        let production = [
            ("APP_ENV", "production"),
            ("APP_PUBLIC_URL", "https://enplan.example.dk"),
            ("APP_OIDC_ISSUER", "https://broker.example.dk"),
            ("APP_OIDC_CLIENT_ID", "enplan"),
        ];
        for (more, why) in [
            (("APP_DEMO_DATA", "true"), "APP_DEMO_DATA"),
            (("APP_OIDC_MIN_LEVEL", "low"), "substantial"),
            (("APP_STAFF_OIDC_ISSUER", "https://staff.example.dk"), ""),
        ] {
            let mut all = production.to_vec();
            all.push(more);
            if more.0 == "APP_STAFF_OIDC_ISSUER" {
                all.extend([("APP_STAFF_OIDC_CLIENT_ID", "s"), ("APP_STAFF_OIDC_MIN_LEVEL", "low")]);
            }
            let err = Settings::from_vars(vars(&all)).unwrap_err();
            assert!(err.0.contains(if why.is_empty() { "substantial" } else { why }), "{more:?}: {err}");
        }
        assert!(Settings::from_vars(vars(&production)).is_ok());
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
        assert!(!Settings::from_vars(vars(&[("APP_TEST_LOGIN", "on")])).unwrap().bench);
        assert!(Settings::from_vars(vars(&[("APP_TEST_LOGIN", "on"), ("APP_BENCH", "on")])).unwrap().bench);
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
        assert_eq!(o.cpr_claims, ["dk.cpr", "cprNumberIdentifier"]);
        assert_eq!(o.min_level, AssuranceLevel::Substantial);
        assert!(!format!("{s:?}").contains("hemmelig"), "the client secret is redacted");
    }

    #[test]
    fn assurance_levels_are_read_only_from_nsis_uris_or_configured_values() {
        let configured = test_settings(&[]).oidc.unwrap().levels;
        let level = |v: &str| AssuranceLevel::from_token(v, &configured);
        assert_eq!(level("https://data.gov.dk/concept/core/nsis/Substantial"), Some(AssuranceLevel::Substantial));
        assert_eq!(level("https://data.gov.dk/concept/core/nsis/loa/High"), Some(AssuranceLevel::High));
        assert_eq!(level("https://data.gov.dk/concept/core/nsis/loa/Low"), Some(AssuranceLevel::Low));
        assert_eq!(
            level("urn:grn:authn:dk:mitid:substantial"),
            Some(AssuranceLevel::Substantial),
            "a broker's value, configured by default"
        );
        for pretender in [
            "https://evil.example/substantial",
            "urn:example:substantial",
            "substantial",
            "https://data.gov.dk/concept/core/nsis/loa/Substantial/extra",
            "urn:mace:incommon:iap:silver",
        ] {
            assert_eq!(level(pretender), None, "{pretender} is no level");
        }
        let own = test_settings(&[("APP_OIDC_LEVELS", "https://broker.example/acr/sub=substantial")]).oidc.unwrap().levels;
        assert_eq!(AssuranceLevel::from_token("https://broker.example/acr/sub", &own), Some(AssuranceLevel::Substantial));
        assert_eq!(AssuranceLevel::from_token("urn:grn:authn:dk:mitid:substantial", &own), None, "only what is configured");
        assert!(Settings::from_vars(vars(&[
            ("APP_OIDC_ISSUER", "https://idp.example"),
            ("APP_OIDC_CLIENT_ID", "c"),
            ("APP_OIDC_LEVELS", "x=medium")
        ]))
        .is_err());
        assert!(AssuranceLevel::Low < AssuranceLevel::Substantial && AssuranceLevel::Substantial < AssuranceLevel::High);
    }

    #[test]
    fn the_generic_nin_claim_is_a_cpr_source_only_when_configured() {
        assert_eq!(test_settings(&[]).oidc.unwrap().cpr_claims, ["dk.cpr", "cprNumberIdentifier"]);
        let s = test_settings(&[("APP_OIDC_CPR_CLAIMS", "dk.cpr,nin")]);
        assert_eq!(s.oidc.unwrap().cpr_claims, ["dk.cpr", "nin"]);
    }

    /// Settings with an issuer configured, plus `more`.
    fn test_settings(more: &[(&str, &str)]) -> Settings {
        let mut all = vec![("APP_OIDC_ISSUER", "https://idp.example"), ("APP_OIDC_CLIENT_ID", "c")];
        all.extend_from_slice(more);
        Settings::from_vars(vars(&all)).unwrap()
    }

    #[test]
    fn session_lifetimes_are_bounded_numbers() {
        let s = test_settings(&[]);
        assert_eq!((s.session_idle_minutes, s.session_max_hours), (30, 12));
        assert!(Settings::from_vars(vars(&[("APP_TEST_LOGIN", "on"), ("APP_SESSION_IDLE_MINUTES", "0")])).unwrap_err().0.contains("IDLE"));
        assert!(Settings::from_vars(vars(&[("APP_TEST_LOGIN", "on"), ("APP_SESSION_MAX_HOURS", "tolv")])).unwrap_err().0.contains("MAX"));
    }

    #[test]
    fn the_public_origin_drops_any_path() {
        let s = test_settings(&[("APP_PUBLIC_URL", "https://kommune.dk:8443/enplan")]);
        assert_eq!(s.public_origin(), "https://kommune.dk:8443");
        let s = test_settings(&[]);
        assert_eq!(s.public_origin(), "http://localhost:3000");
    }

    #[test]
    fn the_database_url_is_redacted_in_debug_output() {
        let s = test_settings(&[("APP_DATABASE_URL", "postgres://u:hemmelig@db/x")]);
        assert!(!format!("{s:?}").contains("hemmelig"));
    }
}
