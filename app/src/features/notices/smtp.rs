//! The mailer that sends by SMTP (`APP_SMTP_URL`, `APP_MAIL_FROM`), with
//! lettre: `smtp://user:password@host:587?tls=required` for STARTTLS,
//! `smtps://…:465` for TLS from the first byte. A municipality's own
//! certificate authority can be added (`APP_SMTP_CA_FILE`); the tests use it
//! for their throwaway certificate.

use std::time::Duration;

use async_trait::async_trait;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::features::notices::mail::Rendered;
use crate::features::notices::worker::{Mailer, SendError};

/// How an SMTP mailer is set up.
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    /// The server, with user and password (never logged).
    pub url: String,
    /// The sender, e.g. `Én Plan <ikke-svar@kommune.dk>`.
    pub from: String,
    /// An extra root certificate (PEM) to trust.
    pub ca_pem: Option<Vec<u8>>,
    /// The most one send may take, connecting included.
    pub timeout: Duration,
}

/// Sends mails by SMTP over a small pool of connections.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// The longest reason kept from a server's answer.
const REASON_MAX: usize = 300;

impl SmtpMailer {
    /// The mailer, or why the settings cannot work (said at start).
    pub fn new(s: &SmtpSettings) -> Result<SmtpMailer, String> {
        let from: Mailbox = s.from.parse().map_err(|e| format!("APP_MAIL_FROM is not a mail address: {e}"))?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(&s.url)
            .map_err(|e| format!("APP_SMTP_URL cannot be used: {e}"))?
            .timeout(Some(s.timeout));
        if let Some(pem) = &s.ca_pem {
            let url = url::Url::parse(&s.url).map_err(|e| format!("APP_SMTP_URL is not a URL: {e}"))?;
            let host = url.host_str().ok_or("APP_SMTP_URL has no host")?.to_string();
            let cert = Certificate::from_pem(pem).map_err(|e| format!("APP_SMTP_CA_FILE is not a PEM certificate: {e}"))?;
            let params = TlsParameters::builder(host)
                .add_root_certificate(cert)
                .build_rustls()
                .map_err(|e| format!("TLS settings for SMTP: {e}"))?;
            let tls = url.query_pairs().find(|(k, _)| k == "tls").map(|(_, v)| v.into_owned());
            builder = builder.tls(match (url.scheme(), tls.as_deref()) {
                ("smtps", _) => Tls::Wrapper(params),
                (_, Some("required")) => Tls::Required(params),
                (_, Some("opportunistic")) => Tls::Opportunistic(params),
                _ => return Err("APP_SMTP_CA_FILE needs TLS: smtps:// or ?tls=required".into()),
            });
        }
        Ok(SmtpMailer { transport: builder.build(), from })
    }

    fn message(&self, to: Mailbox, mail: &Rendered) -> Result<Message, lettre::error::Error> {
        let mut message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            // Tells mail programs not to answer it automatically.
            .header(AutoSubmitted)
            .body(mail.text.clone())?;
        if let Some(link) = &mail.unsubscribe {
            let headers = message.headers_mut();
            headers.insert_raw(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{link}>")));
            headers
                .insert_raw(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click".into()));
        }
        Ok(message)
    }
}

/// `Auto-Submitted: auto-generated` (RFC 3834).
#[derive(Clone)]
struct AutoSubmitted;

impl lettre::message::header::Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".into())
    }
}

/// The server's answer as a reason to keep, shortened.
fn reason(e: &impl std::fmt::Display) -> String {
    let text = e.to_string();
    match text.char_indices().nth(REASON_MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// Whether an SMTP answer says the address itself is refused, so that
/// trying again cannot help: 550, 551, 553. A refused login (535) or a full
/// server is the municipality's to fix, and is retried.
fn refuses_the_address(code: Option<lettre::transport::smtp::response::Code>) -> bool {
    code.is_some_and(|c| matches!(c.to_string().as_str(), "550" | "551" | "553"))
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, to: &str, mail: &Rendered) -> Result<(), SendError> {
        let to: Mailbox = to.parse().map_err(|e| SendError { permanent: true, reason: reason(&e) })?;
        let message = self.message(to, mail).map_err(|e| SendError { permanent: true, reason: reason(&e) })?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(e) => Err(SendError { permanent: e.is_permanent() && refuses_the_address(e.status()), reason: reason(&e) }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mailer() -> SmtpMailer {
        SmtpMailer::new(&SmtpSettings {
            url: "smtp://localhost:2525".into(),
            from: "Én Plan <ikke-svar@kommune.dk>".into(),
            ca_pem: None,
            timeout: Duration::from_secs(5),
        })
        .unwrap()
    }

    // The transport's pool needs a runtime, as in the server.
    #[tokio::test]
    async fn a_notice_carries_the_unsubscribe_headers_and_a_code_mail_does_not() {
        let m = mailer();
        let notice = Rendered {
            subject: "Du har nyt i Én Plan".into(),
            text: "Du har nyt.\n".into(),
            unsubscribe: Some("https://enplan.kommune.dk/afmeld/1.ab".into()),
        };
        let raw = String::from_utf8(m.message("maja@example.dk".parse().unwrap(), &notice).unwrap().formatted()).unwrap();
        assert!(raw.contains("List-Unsubscribe: <https://enplan.kommune.dk/afmeld/1.ab>\r\n"), "{raw}");
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), "{raw}");
        assert!(raw.contains("Auto-Submitted: auto-generated\r\n"), "{raw}");
        let code = Rendered { unsubscribe: None, ..notice };
        let raw = String::from_utf8(m.message("maja@example.dk".parse().unwrap(), &code).unwrap().formatted()).unwrap();
        assert!(!raw.contains("List-Unsubscribe"), "{raw}");
    }

    #[tokio::test]
    async fn bad_settings_are_said_at_start() {
        let bad = |url: &str, from: &str, ca: Option<&[u8]>| {
            SmtpMailer::new(&SmtpSettings {
                url: url.into(),
                from: from.into(),
                ca_pem: ca.map(<[u8]>::to_vec),
                timeout: Duration::from_secs(5),
            })
            .err()
        };
        assert!(bad("smtp://localhost", "not an address", None).unwrap().contains("APP_MAIL_FROM"));
        assert!(bad("http://localhost", "a@b.dk", None).unwrap().contains("APP_SMTP_URL"));
        assert!(bad("smtp://localhost", "a@b.dk", Some(b"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")).is_some());
    }
}
