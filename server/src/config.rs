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
        let given: BTreeMap<String, String> =
            vars.into_iter().filter(|(k, _)| k.starts_with("APP_")).collect();
        if let Some(unknown) = given.keys().find(|k| !VARIABLES.iter().any(|(name, _)| name == k)) {
            return Err(ConfigError(format!(
                "unknown variable {unknown}; known are: {}",
                VARIABLES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
            )));
        }
        let get = |name: &str| -> String {
            given.get(name).cloned().unwrap_or_else(|| {
                VARIABLES.iter().find(|(n, _)| *n == name).map(|(_, d)| d.to_string()).unwrap_or_default()
            })
        };

        let listen_addr = get("APP_LISTEN_ADDR")
            .parse()
            .map_err(|_| ConfigError("APP_LISTEN_ADDR must look like 127.0.0.1:3000".into()))?;
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
        Ok(Settings {
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
        let after_scheme = self.public_url.find("://").map(|i| i + 3).unwrap_or(0);
        match self.public_url[after_scheme..].find('/') {
            Some(i) => &self.public_url[..after_scheme + i],
            None => &self.public_url,
        }
    }

    /// Served over https: cookies get `Secure` and responses HSTS.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
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
        let ok = Settings::from_vars(vars(&[("APP_ENV", "production"), ("APP_PUBLIC_URL", "https://enplan.example.dk/")]))
            .unwrap();
        assert!(ok.is_https());
        assert_eq!(ok.public_url, "https://enplan.example.dk");
        assert!(!ok.demo_data, "no demo data in production unless asked for");
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
