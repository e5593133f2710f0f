//! What the worker does with a claimed notice: send it, skip it (and why),
//! or after a failure try again later or give up. Pure functions of the
//! row, the settings and the time, so every rule is tested on its own.

use crate::features::notices::store::{Due, Skip};

/// Retries stop this long after the notice was written; the reason is kept.
pub const GIVE_UP_AFTER_MS: i64 = 24 * 3_600_000;
/// The first retry waits this long; each next one twice as long, at most [`MAX_BACKOFF_MS`].
pub const FIRST_BACKOFF_MS: i64 = 30_000;
pub const MAX_BACKOFF_MS: i64 = 3_600_000;

/// A reminder is due this long before the start of what it reminds of.
pub const REMIND_BEFORE_MS: i64 = 24 * 3_600_000;
/// No SMS from this minute of the Copenhagen day…
pub const QUIET_FROM_MINUTE: i64 = 21 * 60;
/// …until this one the next morning.
pub const QUIET_UNTIL_MINUTE: i64 = 8 * 60;

/// When an SMS that is due at `now` may go: `None` now, or the end of the
/// quiet hours (08:00 Copenhagen time, the same morning or the next;
/// daylight saving changes fall inside the quiet hours and are handled by
/// the time zone).
pub fn quiet_until(now: i64) -> Option<i64> {
    use crate::kernel::time::{copenhagen_day_at, copenhagen_minute_of_day};
    match copenhagen_minute_of_day(now) {
        m if m >= QUIET_FROM_MINUTE => Some(copenhagen_day_at(now, 1, QUIET_UNTIL_MINUTE)),
        m if m < QUIET_UNTIL_MINUTE => Some(copenhagen_day_at(now, 0, QUIET_UNTIL_MINUTE)),
        _ => None,
    }
}

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
    /// Send to this address (an e-mail address or a mobile number).
    Send(String),
    Skip(Skip),
    /// An SMS in the quiet hours: due again at this time, no attempt counted.
    Wait(i64),
}

/// Whether to send `due` now, `throttle_ms` being the least time between
/// two notices to one person on one channel. A reminder is never throttled
/// (nor does it hold back a notice): it is the one message the person asked
/// for about that day.
pub fn decide(due: &Due, now: i64, throttle_ms: i64) -> Decision {
    if due.unwanted {
        return Decision::Skip(Skip::NotWanted);
    }
    let Some(address) = due.address.clone() else {
        return Decision::Skip(Skip::NoAddress);
    };
    if !due.still_due {
        return Decision::Skip(Skip::NotDue);
    }
    if due.seen {
        return Decision::Skip(Skip::Seen);
    }
    if due.channel == "sms" {
        if let Some(at) = quiet_until(now) {
            return Decision::Wait(at);
        }
    }
    if !due.is_reminder() && due.last_sent_at.is_some_and(|at| now - at < throttle_ms) {
        return Decision::Skip(Skip::Throttled);
    }
    Decision::Send(address)
}

/// After a failed attempt (the row's `attempts` before it): when to try
/// again, or `None` to give up. Exponential backoff with jitter (`jitter`
/// in 0..1 spreads retries of many rows after an outage). A notice is given
/// up a day after it was written; a reminder a day after it fell due, and
/// at the latest when what it reminds of starts.
pub fn retry_at(due: &Due, now: i64, jitter: f64) -> Option<i64> {
    let doubling = u32::try_from(due.attempts.clamp(0, 20)).unwrap_or(20);
    let base = FIRST_BACKOFF_MS.saturating_mul(1_i64 << doubling).min(MAX_BACKOFF_MS);
    let wait = base + (base as f64 * jitter.clamp(0.0, 1.0) / 2.0) as i64;
    let at = now + wait;
    let since = due.object_starts_at.map_or(due.created_at, |start| start - REMIND_BEFORE_MS);
    let in_time = due.object_starts_at.is_none_or(|start| at < start);
    (at - since <= GIVE_UP_AFTER_MS && in_time).then_some(at)
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
            address: Some("mette@example.dk".into()),
            unwanted: false,
            seen: false,
            last_sent_at: None,
            lang: None,
            still_due: true,
            object_starts_at: None,
        }
    }

    fn sms() -> Due {
        Due { channel: "sms".into(), address: Some("+4520304050".into()), ..due() }
    }

    /// UTC milliseconds of a Copenhagen wall-clock time.
    fn cph(y: i16, mo: i8, d: i8, h: i8, mi: i8) -> i64 {
        jiff::civil::date(y, mo, d)
            .at(h, mi, 0, 0)
            .to_zoned(jiff::tz::TimeZone::get("Europe/Copenhagen").unwrap())
            .unwrap()
            .timestamp()
            .as_millisecond()
    }

    const HOUR: i64 = 3_600_000;

    #[test]
    fn a_notice_goes_to_the_address_as_it_is_now_unless_seen_unwanted_or_throttled() {
        assert_eq!(decide(&due(), 10, 3 * HOUR), Decision::Send("mette@example.dk".into()));
        assert_eq!(decide(&Due { seen: true, ..due() }, 10, 3 * HOUR), Decision::Skip(Skip::Seen));
        assert_eq!(decide(&Due { address: None, ..due() }, 10, 3 * HOUR), Decision::Skip(Skip::NoAddress));
        assert_eq!(decide(&Due { still_due: false, ..due() }, 10, 3 * HOUR), Decision::Skip(Skip::NotDue));
        assert_eq!(decide(&Due { unwanted: true, ..due() }, 10, 3 * HOUR), Decision::Skip(Skip::NotWanted));
        let recent = Due { last_sent_at: Some(HOUR), ..due() };
        assert_eq!(decide(&recent, 2 * HOUR, 3 * HOUR), Decision::Skip(Skip::Throttled), "one an hour ago: within three hours");
        assert_eq!(decide(&recent, 4 * HOUR + 1, 3 * HOUR), Decision::Send("mette@example.dk".into()), "past the period: again");
    }

    #[test]
    fn quiet_hours_are_nine_in_the_evening_to_eight_in_the_morning_copenhagen_time_across_midnight() {
        // Winter (UTC+1) and summer (UTC+2) alike.
        for (y, mo, d) in [(2026, 1, 14), (2026, 7, 14)] {
            assert_eq!(quiet_until(cph(y, mo, d, 20, 59)), None);
            assert_eq!(quiet_until(cph(y, mo, d, 21, 0)), Some(cph(y, mo, d + 1, 8, 0)), "21:00 waits until the morning");
            assert_eq!(quiet_until(cph(y, mo, d, 23, 59)), Some(cph(y, mo, d + 1, 8, 0)));
            assert_eq!(quiet_until(cph(y, mo, d + 1, 0, 0)), Some(cph(y, mo, d + 1, 8, 0)), "after midnight: the same morning");
            assert_eq!(quiet_until(cph(y, mo, d + 1, 7, 59)), Some(cph(y, mo, d + 1, 8, 0)));
            assert_eq!(quiet_until(cph(y, mo, d + 1, 8, 0)), None);
        }
    }

    #[test]
    fn quiet_hours_hold_across_both_daylight_saving_changes() {
        // 29 March 2026: 02:00 becomes 03:00 (a 7-hour night from 01:00 UTC+1 to 08:00 UTC+2).
        let evening = cph(2026, 3, 28, 22, 0);
        let morning = cph(2026, 3, 29, 8, 0);
        assert_eq!(quiet_until(evening), Some(morning));
        assert_eq!(morning - evening, 9 * HOUR, "one hour less than ten");
        assert_eq!(quiet_until(morning - 1), Some(morning), "07:59 summer time");
        // 25 October 2026: 03:00 becomes 02:00 again (an 11-hour night).
        let evening = cph(2026, 10, 24, 22, 0);
        let morning = cph(2026, 10, 25, 8, 0);
        assert_eq!(quiet_until(evening), Some(morning));
        assert_eq!(morning - evening, 11 * HOUR, "one hour more than ten");
        assert_eq!(quiet_until(morning), None);
    }

    #[test]
    fn an_sms_in_the_quiet_hours_waits_and_an_email_does_not() {
        let night = cph(2026, 12, 1, 23, 30);
        assert_eq!(decide(&sms(), night, 3 * HOUR), Decision::Wait(cph(2026, 12, 2, 8, 0)));
        assert_eq!(decide(&due(), night, 3 * HOUR), Decision::Send("mette@example.dk".into()));
        let day = cph(2026, 12, 2, 9, 0);
        assert_eq!(decide(&sms(), day, 3 * HOUR), Decision::Send("+4520304050".into()));
        assert_eq!(
            decide(&Due { unwanted: true, ..sms() }, night, 3 * HOUR),
            Decision::Skip(Skip::NotWanted),
            "what will not go is not kept waiting"
        );
    }

    #[test]
    fn a_reminder_is_never_throttled_and_retries_until_its_start() {
        let start = 10 * 24 * HOUR;
        let reminder =
            Due { kind: "meetup_reminder".into(), object_starts_at: Some(start), last_sent_at: Some(start - 24 * HOUR - 1), ..due() };
        assert_eq!(decide(&reminder, start - 24 * HOUR, 3 * HOUR), Decision::Send("mette@example.dk".into()));
        // Written ten days ahead: retried from when it fell due, not from when it was written.
        assert_eq!(retry_at(&reminder, start - 24 * HOUR, 0.0), Some(start - 24 * HOUR + 30_000));
        assert_eq!(retry_at(&Due { attempts: 12, ..reminder.clone() }, start - 30 * 60_000, 0.0), None, "not after it has started");
    }

    #[test]
    fn the_reminders_sql_uses_the_same_day_as_the_rules() {
        use crate::features::notices::store::{RESCHEDULE_OBJECT, SCHEDULE_OBJECT, SCHEDULE_PERSON};
        for sql in [RESCHEDULE_OBJECT, SCHEDULE_OBJECT, SCHEDULE_PERSON] {
            assert!(sql.contains(&format!("- {REMIND_BEFORE_MS}")), "{sql}");
        }
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
