//! What the worker does with a claimed notice: send it, skip it (and why),
//! or after a failure try again later or give up. Pure functions of the
//! row, the settings and the time, so every rule is tested on its own.

use crate::features::notices::store::{Due, Skip};

/// Retries stop this long after the notice was written; the reason is kept.
pub const GIVE_UP_AFTER_MS: i64 = 24 * 3_600_000;
/// The first retry waits this long; each next one twice as long, at most [`MAX_BACKOFF_MS`].
pub const FIRST_BACKOFF_MS: i64 = 30_000;
pub const MAX_BACKOFF_MS: i64 = 3_600_000;

/// A new confirmation code: six random digits.
pub fn new_code() -> String {
    use rand::Rng;
    format!("{:06}", rand::thread_rng().gen_range(0..1_000_000))
}

/// How a code is kept: a hash bound to the person, so a copy of the table
/// does not show the codes (six digits are quick to guess by brute force,
/// which is why the store allows five tries).
pub fn code_hash(person: crate::kernel::ids::PersonId, code: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("enplan-code:{}:{}", person.0, code.trim()).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The worker's decision for one claimed notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Send to this address.
    Send(String),
    Skip(Skip),
}

/// Whether to send `due` now, `throttle_ms` being the least time between
/// two notices to one person on one channel.
pub fn decide(due: &Due, now: i64, throttle_ms: i64) -> Decision {
    if due.unwanted {
        return Decision::Skip(Skip::NotWanted);
    }
    let Some(address) = due.email.clone() else {
        return Decision::Skip(Skip::NoAddress);
    };
    if due.seen {
        return Decision::Skip(Skip::Seen);
    }
    if due.last_sent_at.is_some_and(|at| now - at < throttle_ms) {
        return Decision::Skip(Skip::Throttled);
    }
    Decision::Send(address)
}

/// After a failed attempt (the row's `attempts` before it): when to try
/// again, or `None` to give up. Exponential backoff with jitter (`jitter`
/// in 0..1 spreads retries of many rows after an outage).
pub fn retry_at(due: &Due, now: i64, jitter: f64) -> Option<i64> {
    let doubling = u32::try_from(due.attempts.clamp(0, 20)).unwrap_or(20);
    let base = FIRST_BACKOFF_MS.saturating_mul(1_i64 << doubling).min(MAX_BACKOFF_MS);
    let wait = base + (base as f64 * jitter.clamp(0.0, 1.0) / 2.0) as i64;
    let at = now + wait;
    (at - due.created_at <= GIVE_UP_AFTER_MS).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due() -> Due {
        Due {
            id: 1,
            person_id: 7,
            channel: "email".into(),
            kind: "goal_answered".into(),
            created_at: 0,
            attempts: 0,
            email: Some("mette@example.dk".into()),
            unwanted: false,
            seen: false,
            last_sent_at: None,
            lang: None,
        }
    }

    const HOUR: i64 = 3_600_000;

    #[test]
    fn a_notice_goes_to_the_address_as_it_is_now_unless_seen_unwanted_or_throttled() {
        assert_eq!(decide(&due(), 10, 3 * HOUR), Decision::Send("mette@example.dk".into()));
        assert_eq!(decide(&Due { seen: true, ..due() }, 10, 3 * HOUR), Decision::Skip(Skip::Seen));
        assert_eq!(decide(&Due { email: None, ..due() }, 10, 3 * HOUR), Decision::Skip(Skip::NoAddress));
        assert_eq!(decide(&Due { unwanted: true, ..due() }, 10, 3 * HOUR), Decision::Skip(Skip::NotWanted));
        let recent = Due { last_sent_at: Some(HOUR), ..due() };
        assert_eq!(decide(&recent, 2 * HOUR, 3 * HOUR), Decision::Skip(Skip::Throttled), "one an hour ago: within three hours");
        assert_eq!(decide(&recent, 4 * HOUR + 1, 3 * HOUR), Decision::Send("mette@example.dk".into()), "past the period: again");
    }

    #[test]
    fn codes_are_six_digits_and_kept_as_a_hash_bound_to_the_person() {
        use crate::kernel::ids::PersonId;
        let code = new_code();
        assert!(code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()), "{code}");
        let kept = code_hash(PersonId(7), "123456");
        assert_eq!(kept.len(), 64);
        assert!(!kept.contains("123456"));
        assert_eq!(kept, code_hash(PersonId(7), " 123456 "), "what was typed, trimmed");
        assert_ne!(kept, code_hash(PersonId(8), "123456"), "another person's code hashes otherwise");
    }

    #[test]
    fn retries_back_off_doubling_with_jitter_and_stop_after_a_day() {
        let at = |attempts: i64, now: i64, jitter: f64| retry_at(&Due { attempts, ..due() }, now, jitter);
        assert_eq!(at(0, 0, 0.0), Some(30_000));
        assert_eq!(at(1, 0, 0.0), Some(60_000));
        assert_eq!(at(3, 0, 0.0), Some(240_000));
        assert_eq!(at(12, 0, 0.0), Some(MAX_BACKOFF_MS), "at most an hour between tries");
        assert_eq!(at(0, 0, 1.0), Some(45_000), "jitter adds up to half");
        assert_eq!(at(30, 0, 0.0), Some(MAX_BACKOFF_MS), "no overflow");
        assert_eq!(at(5, 23 * HOUR, 0.0), Some(23 * HOUR + 960_000));
        assert_eq!(at(10, 24 * HOUR - 1_000, 0.0), None, "a day after it was written: given up");
    }
}
