//! The texter that sends SMS through a gateway (`APP_SMS_GATEWAY_URL`,
//! `APP_SMS_TOKEN`, `APP_SMS_SENDER`): one HTTP `POST` of JSON with a bearer
//! token, in the shape of GatewayAPI's REST `mtsms` call —
//! `{"sender", "message", "recipients": [{"msisdn"}], "userref"}` — the
//! `userref` being the outbox row's id, so the gateway can tell a repeat.
//!
//! A 2xx answer is sent; 429, a 5xx, a timeout or no connection is tried
//! again with the outbox's backoff; any other 4xx is permanent, with the
//! gateway's reason kept. Every call has its own timeout, so a hung gateway
//! holds up no more than its own row.

use std::time::Duration;

use async_trait::async_trait;
use serde::Serialize;

use crate::features::notices::worker::{SendError, Texter};

/// How a gateway texter is set up.
#[derive(Clone, Debug)]
pub struct SmsSettings {
    /// The `mtsms` endpoint, e.g. `https://gatewayapi.com/rest/mtsms`.
    pub url: String,
    /// The bearer token (never logged).
    pub token: String,
    /// The sender shown on the phone (at most 11 letters and digits, or a number).
    pub sender: String,
    /// The most one call may take, connecting included.
    pub timeout: Duration,
}

/// Sends SMS by the gateway's REST call.
pub struct GatewayTexter {
    client: reqwest::Client,
    settings: SmsSettings,
}

#[derive(Serialize)]
struct Recipient {
    msisdn: u64,
}

#[derive(Serialize)]
struct MtSms<'a> {
    sender: &'a str,
    message: &'a str,
    recipients: [Recipient; 1],
    userref: &'a str,
}

/// The longest reason kept from a gateway's answer.
const REASON_MAX: usize = 300;

impl GatewayTexter {
    /// The texter, or why the settings cannot work (said at start).
    pub fn new(settings: SmsSettings) -> Result<GatewayTexter, String> {
        let url = url::Url::parse(&settings.url).map_err(|e| format!("APP_SMS_GATEWAY_URL is not a URL: {e}"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err("APP_SMS_GATEWAY_URL must start with https:// (or http:// on a test machine)".into());
        }
        let sender_ok = !settings.sender.is_empty()
            && ((settings.sender.len() <= 11 && settings.sender.chars().all(|c| c.is_ascii_alphanumeric() || c == ' '))
                || (settings.sender.len() <= 15 && settings.sender.chars().all(|c| c.is_ascii_digit())));
        if !sender_ok {
            return Err("APP_SMS_SENDER must be at most 11 letters and digits, or a number of at most 15 digits".into());
        }
        let client = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout)
            .build()
            .map_err(|e| format!("the SMS gateway's HTTP client: {e}"))?;
        Ok(GatewayTexter { client, settings })
    }
}

/// `+4520304050` → 4520304050, the gateway's MSISDN.
fn msisdn(to: &str) -> Option<u64> {
    to.strip_prefix('+').unwrap_or(to).parse().ok()
}

/// What a refusal is kept as: the status and the gateway's own words,
/// shortened (GatewayAPI answers `{"message": …}`; another gateway its text).
fn reason(status: reqwest::StatusCode, body: &str) -> String {
    let said = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("message").and_then(|m| m.as_str()).map(str::to_string))
        .unwrap_or_else(|| body.trim().to_string());
    let mut reason = format!("SMS gateway {}: {said}", status.as_u16());
    if reason.chars().count() > REASON_MAX {
        reason = reason.chars().take(REASON_MAX).collect();
    }
    reason
}

#[async_trait]
impl Texter for GatewayTexter {
    async fn send(&self, to: &str, text: &str, userref: &str) -> Result<(), SendError> {
        let Some(msisdn) = msisdn(to) else {
            return Err(SendError { permanent: true, reason: "not a mobile number".into() });
        };
        let body = MtSms { sender: &self.settings.sender, message: text, recipients: [Recipient { msisdn }], userref };
        let answer = self.client.post(&self.settings.url).bearer_auth(&self.settings.token).json(&body).send().await;
        let response = match answer {
            Ok(r) => r,
            // Neither the number nor the token is in reqwest's error text.
            Err(e) if e.is_timeout() => {
                return Err(SendError { permanent: false, reason: "the SMS gateway did not answer in time".into() })
            }
            Err(_) => return Err(SendError { permanent: false, reason: "the SMS gateway could not be reached".into() }),
        };
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        let body = response.text().await.unwrap_or_default();
        let permanent = status.is_client_error() && status != reqwest::StatusCode::TOO_MANY_REQUESTS;
        Err(SendError { permanent, reason: reason(status, &body) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_goes_as_digits_with_the_country_code() {
        assert_eq!(msisdn("+4520304050"), Some(4520304050));
        assert_eq!(msisdn("nej"), None);
    }

    #[test]
    fn a_refusal_keeps_the_status_and_the_gateways_words() {
        let r = reason(reqwest::StatusCode::UNPROCESSABLE_ENTITY, r#"{"code":"0x0216","message":"Invalid recipient"}"#);
        assert_eq!(r, "SMS gateway 422: Invalid recipient");
        assert_eq!(reason(reqwest::StatusCode::BAD_GATEWAY, " down "), "SMS gateway 502: down");
        assert_eq!(reason(reqwest::StatusCode::BAD_REQUEST, &"x".repeat(1000)).chars().count(), REASON_MAX);
    }

    #[test]
    fn a_sender_is_a_short_name_or_a_number() {
        let settings = |sender: &str| SmsSettings {
            url: "https://gatewayapi.com/rest/mtsms".into(),
            token: "t".into(),
            sender: sender.into(),
            timeout: Duration::from_secs(10),
        };
        assert!(GatewayTexter::new(settings("EnPlan")).is_ok());
        assert!(GatewayTexter::new(settings("4512345678")).is_ok());
        assert!(GatewayTexter::new(settings("Én Plan Kommune")).is_err());
        assert!(GatewayTexter::new(SmsSettings { url: "ftp://x".into(), ..settings("EnPlan") }).is_err());
    }
}
