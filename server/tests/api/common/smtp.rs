//! A real SMTP server process for the tests: npm `smtp-server`
//! (`end2end/mail/smtp-sink.mjs`) with STARTTLS on a throwaway certificate
//! made here by openssl, and AUTH. What it accepted is read over its HTTP side.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use serde::Deserialize;

pub const USER: &str = "enplan";
pub const PASSWORD: &str = "sink-password-1";

/// One mail as the server received it.
#[derive(Clone, Debug, Deserialize)]
pub struct Mail {
    pub from: Option<String>,
    pub to: Vec<String>,
    pub user: Option<String>,
    pub tls: bool,
    pub raw: String,
}

impl Mail {
    /// The value of header `name` (unfolded), if any.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.raw.split("\r\n\r\n").next().unwrap_or("");
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }

    /// The body, its transfer encoding (quoted-printable, base64) undone.
    pub fn body(&self) -> String {
        let body = self.raw.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
        let encoding = self.header("Content-Transfer-Encoding").unwrap_or_default().to_ascii_lowercase();
        if encoding == "base64" {
            use base64::Engine;
            let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
            let bytes = base64::engine::general_purpose::STANDARD.decode(compact).expect("base64 body");
            return String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        }
        if encoding != "quoted-printable" {
            return body.replace("\r\n", "\n");
        }
        let joined = body.replace("=\r\n", "");
        let bytes = joined.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'=' && i + 2 < bytes.len() {
                if let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
            out.push(bytes[i]);
            i += 1;
        }
        String::from_utf8_lossy(&out).replace("\r\n", "\n")
    }
}

pub struct SmtpSink {
    pub smtp_port: u16,
    pub http_port: u16,
    pub ca_file: PathBuf,
    child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A key and a self-signed certificate for localhost and 127.0.0.1.
pub fn throwaway_certificate(dir: &std::path::Path) -> (PathBuf, PathBuf) {
    let (key, cert) = (dir.join("key.pem"), dir.join("cert.pem"));
    let status = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"])
        .args(["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        .args(["-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=serverAuth"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl runs");
    assert!(status.success(), "openssl made the certificate");
    (key, cert)
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        SmtpSink::start_slow(0)
    }

    /// A server that waits `delay_ms` before accepting each mail.
    pub fn start_slow(delay_ms: u64) -> SmtpSink {
        let dir = tempfile::tempdir().unwrap();
        let (key, cert) = throwaway_certificate(dir.path());
        let mut child = Command::new("node")
            .arg(repo_root().join("end2end/mail/smtp-sink.mjs"))
            .current_dir(repo_root().join("end2end"))
            .env("SMTP_KEY", &key)
            .env("SMTP_CERT", &cert)
            .env("SMTP_USER", USER)
            .env("SMTP_PASS", PASSWORD)
            .env("SMTP_DELAY_MS", delay_ms.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node runs the SMTP server (npm install in end2end first: bash .ci/setup --test)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).expect("the SMTP server says its ports");
        #[derive(Deserialize)]
        struct Ports {
            smtp: u16,
            http: u16,
        }
        let ports: Ports = serde_json::from_str(&line).unwrap_or_else(|e| panic!("the SMTP server said {line:?}: {e}"));
        SmtpSink { smtp_port: ports.smtp, http_port: ports.http, ca_file: cert, child, _dir: dir }
    }

    /// `APP_SMTP_URL` for this server, STARTTLS required, with `password`.
    pub fn url_with(&self, password: &str) -> String {
        format!("smtp://{USER}:{password}@localhost:{}?tls=required", self.smtp_port)
    }

    pub fn url(&self) -> String {
        self.url_with(PASSWORD)
    }

    /// The settings a server needs to send here.
    pub fn vars(&self) -> Vec<(String, String)> {
        vec![
            ("APP_SMTP_URL".into(), self.url()),
            ("APP_MAIL_FROM".into(), "Én Plan <ikke-svar@enplan.test>".into()),
            ("APP_SMTP_CA_FILE".into(), self.ca_file.display().to_string()),
        ]
    }

    pub async fn mails(&self) -> Vec<Mail> {
        reqwest::get(format!("http://127.0.0.1:{}/mails", self.http_port)).await.unwrap().json().await.unwrap()
    }

    /// `ok`, `refuse` (550 to every recipient) or `busy` (451).
    pub async fn set_mood(&self, mood: &str) {
        reqwest::Client::new().post(format!("http://127.0.0.1:{}/mood/{mood}", self.http_port)).send().await.unwrap();
    }

    /// Waits until at least `n` mails arrived (at most `secs` seconds).
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Mail> {
        for _ in 0..secs * 10 {
            let mails = self.mails().await;
            if mails.len() >= n {
                return mails;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        self.mails().await
    }
}
