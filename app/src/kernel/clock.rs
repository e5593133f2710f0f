//! Where "now" comes from. The server uses the system clock; tests use a
//! [`ManualClock`] so session timeouts and token lifetimes can be tested
//! without waiting.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// A source of the current time, in UTC milliseconds since the epoch.
pub trait Clock: Send + Sync + 'static {
    fn now_ms(&self) -> i64;
}

/// The machine's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }
}

/// A clock that only moves when told to. Clones share the same time.
#[derive(Clone, Debug)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    /// Starts at the system time, so tokens from real libraries look fresh.
    pub fn starting_now() -> ManualClock {
        ManualClock(Arc::new(AtomicI64::new(SystemClock.now_ms())))
    }
    /// Starts at `ms` (UTC milliseconds): a story told on fixed dates.
    pub fn at(ms: i64) -> ManualClock {
        ManualClock(Arc::new(AtomicI64::new(ms)))
    }
    /// Moves to `ms`, forward or back.
    pub fn set_ms(&self, ms: i64) {
        self.0.store(ms, Ordering::SeqCst);
    }
    pub fn advance_ms(&self, ms: i64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
    pub fn advance_minutes(&self, minutes: i64) {
        self.advance_ms(minutes * 60_000);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told_and_clones_share_it() {
        let clock = ManualClock::starting_now();
        let other = clock.clone();
        let start = clock.now_ms();
        assert_eq!(clock.now_ms(), start);
        other.advance_minutes(31);
        assert_eq!(clock.now_ms(), start + 31 * 60_000);
    }
}
