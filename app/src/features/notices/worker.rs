//! One round of the outbox worker: claim what is due (with a lease), decide
//! each by the rules, send outside any transaction (mail or SMS), record the
//! result. The server runs rounds in a loop; tests run them on a manual clock.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

use async_trait::async_trait;

use crate::features::notices::links::LinkKey;
use crate::features::notices::mail::{self, About, NoticeMail, Rendered};
use crate::features::notices::rules::{decide, retry_at, Decision};
use crate::features::notices::store::{Due, Reminder, Skip};
use crate::i18n::Lang;
use crate::ssr::db::{DbResult, Store};

/// Why a mail or an SMS did not go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendError {
    /// Retrying will not help (a 5xx answer such as "no such mailbox").
    pub permanent: bool,
    /// The server's answer, kept on the row and shown to the address's
    /// owner; never the address or the mail.
    pub reason: String,
}

/// Sends a mail: SMTP in production, the development outbox on a test machine.
#[async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, to: &str, mail: &Rendered) -> Result<(), SendError>;
}

/// Sends an SMS: the gateway in production, the development outbox on a
/// test machine. `userref` is the outbox row's id (or a code's own
/// reference), so the gateway can recognise a repeat.
#[async_trait]
pub trait Texter: Send + Sync {
    async fn send(&self, to: &str, text: &str, userref: &str) -> Result<(), SendError>;
}

/// Mails (and SMS) kept in memory instead of sent (the embedded default without an
/// SMTP server): the newest [`DevOutbox::KEPT`], for the development page.
#[derive(Default)]
pub struct DevOutbox {
    mails: Mutex<VecDeque<(String, Rendered)>>,
}

impl DevOutbox {
    pub const KEPT: usize = 200;

    /// What would have been sent, newest first: (to, mail).
    pub fn mails(&self) -> Vec<(String, Rendered)> {
        self.mails.lock().unwrap_or_else(PoisonError::into_inner).iter().rev().cloned().collect()
    }
}

#[async_trait]
impl Mailer for DevOutbox {
    async fn send(&self, to: &str, mail: &Rendered) -> Result<(), SendError> {
        let mut mails = self.mails.lock().unwrap_or_else(PoisonError::into_inner);
        if mails.len() == DevOutbox::KEPT {
            mails.pop_front();
        }
        mails.push_back((to.to_string(), mail.clone()));
        Ok(())
    }
}

/// An SMS in the development outbox: shown as a mail with the subject "SMS".
#[async_trait]
impl Texter for DevOutbox {
    async fn send(&self, to: &str, text: &str, _userref: &str) -> Result<(), SendError> {
        Mailer::send(self, to, &Rendered { subject: "SMS".into(), text: text.into(), unsubscribe: None }).await
    }
}

/// What a round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub skipped: usize,
    pub retried: usize,
    pub failed: usize,
    /// SMS in the quiet hours, due again in the morning.
    pub waiting: usize,
}

/// What became of one claimed row.
enum Outcome {
    Sent,
    Skipped,
    Retried,
    Failed,
    Waiting,
}

/// The worker of one server process.
pub struct Worker {
    pub store: Arc<dyn Store>,
    /// No mailer (or no texter): that channel's rows wait in the outbox.
    pub mailer: Option<Arc<dyn Mailer>>,
    pub texter: Option<Arc<dyn Texter>>,
    /// This process's name on the rows it claims.
    pub id: String,
    /// The portal's public URL, without a trailing slash.
    pub portal: String,
    /// How long a claim holds (longer than a round may take).
    pub lease_ms: i64,
    /// Rows per round.
    pub batch: i64,
    /// Mails and SMS sent at the same time, at most (a slow mail server or a
    /// hung gateway does not hold the others up one by one; each call has
    /// its own timeout in its transport).
    pub parallel: usize,
    /// Signs each mail's unsubscribe link.
    pub links: LinkKey,
}

impl Worker {
    /// One round at `now`; `jitter` gives a number in 0..1 per row (spreads
    /// the retries of many rows after an outage).
    pub async fn round(&self, now: i64, mut jitter: impl FnMut() -> f64) -> DbResult<Round> {
        use futures_util::stream::{self, StreamExt};
        let mut round = Round::default();
        let channels: Vec<&str> = [("email", self.mailer.is_some()), ("sms", self.texter.is_some())]
            .into_iter()
            .filter_map(|(channel, can)| can.then_some(channel))
            .collect();
        if channels.is_empty() {
            return Ok(round);
        }
        let claimed = self.store.claim_due(&self.id, &channels, now, self.lease_ms, self.batch).await?;
        if claimed.is_empty() {
            return Ok(round);
        }
        let (_, throttle_ms) = self.store.notice_periods().await?;
        let rows: Vec<(Due, f64)> = claimed.into_iter().map(|due| (due, jitter())).collect();
        let mut outcomes =
            stream::iter(rows).map(|(due, jitter)| self.handle(due, now, throttle_ms, jitter)).buffer_unordered(self.parallel.max(1));
        while let Some(outcome) = outcomes.next().await {
            match outcome? {
                Outcome::Sent => round.sent += 1,
                Outcome::Skipped => round.skipped += 1,
                Outcome::Retried => round.retried += 1,
                Outcome::Failed => round.failed += 1,
                Outcome::Waiting => round.waiting += 1,
            }
        }
        Ok(round)
    }

    /// Decides, sends and records one claimed row.
    async fn handle(&self, due: Due, now: i64, throttle_ms: i64, jitter: f64) -> DbResult<Outcome> {
        let person = crate::kernel::ids::PersonId(due.person_id);
        let decision = match decide(&due, now, throttle_ms) {
            // Within the throttle unless this row takes it, atomically: another
            // row of the same person may be sending right now (here or in
            // another worker). A reminder takes no throttle.
            Decision::Send(_)
                if !due.is_reminder() && !self.store.reserve_notice(person, &due.channel, due.id, now, throttle_ms).await? =>
            {
                Decision::Skip(Skip::Throttled)
            }
            decision => decision,
        };
        let address = match decision {
            Decision::Skip(why) => {
                self.store.mark_skipped(due.id, why, now).await?;
                return Ok(Outcome::Skipped);
            }
            Decision::Wait(at) => {
                self.store.mark_waiting(due.id, at).await?;
                return Ok(Outcome::Waiting);
            }
            Decision::Send(address) => address,
        };
        let lang = due.lang.as_deref().and_then(Lang::from_code).unwrap_or_default();
        let about = match (Reminder::parse(&due.kind), due.object_starts_at) {
            (Some(reminder), Some(start)) => {
                let tomorrow = crate::kernel::time::copenhagen_days_between(now, start) >= 1;
                match reminder {
                    Reminder::Appointment => About::Appointment { tomorrow },
                    Reminder::Meetup => About::Meetup { tomorrow },
                }
            }
            _ => About::News,
        };
        let sent = match (due.channel.as_str(), &self.mailer, &self.texter) {
            ("sms", _, Some(texter)) => texter.send(&address, &mail::sms(lang, about), &due.id.to_string()).await,
            ("email", Some(mailer), _) => {
                let rendered = mail::notice(&NoticeMail {
                    lang,
                    about,
                    portal: format!("{}{}", self.portal, about.page()),
                    unsubscribe: format!("{}{}", self.portal, crate::routes::unsubscribe(&self.links.token(person))),
                });
                mailer.send(&address, &rendered).await
            }
            // Not claimed without its transport (see `round`).
            _ => Err(SendError { permanent: false, reason: "no transport for this channel".into() }),
        };
        let Err(e) = sent else {
            self.store.mark_sent(due.id, now).await?;
            return Ok(Outcome::Sent);
        };
        // Nothing went: the throttle is free for the next notice again.
        if !due.is_reminder() {
            self.store.release_notice(person, &due.channel, due.id, due.last_sent_at).await?;
        }
        match (e.permanent, retry_at(&due, now, jitter)) {
            (false, Some(at)) => {
                tracing::warn!(outbox.id = due.id, channel = %due.channel, attempts = due.attempts + 1, "notice not sent, will retry");
                self.store.mark_retry(due.id, &e.reason, at).await?;
                Ok(Outcome::Retried)
            }
            _ => {
                tracing::warn!(outbox.id = due.id, channel = %due.channel, attempts = due.attempts + 1, "notice given up");
                self.store.mark_failed(due.id, &e.reason, now).await?;
                Ok(Outcome::Failed)
            }
        }
    }
}
