//! Where "now" comes from. Production reads the system clock; tests hold a clock of their
//! own and move it, so deadlines, announcements, leases and claims are tested without
//! sleeping (zero-to-production's injected clock).

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};
use std::sync::{Arc, Mutex};

/// The current time at the precision both databases keep (microseconds), so that a value
/// read back equals the value written, whichever backend holds it.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// A clock: the system's, or one that a test sets and moves. Cheap to clone; clones of a
/// manual clock share its time.
#[derive(Clone, Debug, Default)]
pub struct Clock(Option<Arc<Mutex<DateTime<Utc>>>>);

impl Clock {
    pub fn system() -> Self {
        Self(None)
    }

    /// A clock standing still at `at` until it is moved.
    pub fn manual(at: DateTime<Utc>) -> Self {
        Self(Some(Arc::new(Mutex::new(at.trunc_subsecs(6)))))
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.0 {
            None => now(),
            Some(t) => *t.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// Moves a manual clock on by `by` (a system clock cannot be moved: no effect).
    pub fn advance(&self, by: TimeDelta) {
        if let Some(t) = &self.0 {
            let mut t = t.lock().unwrap_or_else(|e| e.into_inner());
            *t = (*t + by).trunc_subsecs(6);
        }
    }

    /// Sets a manual clock to `at`.
    pub fn set(&self, at: DateTime<Utc>) {
        if let Some(t) = &self.0 {
            *t.lock().unwrap_or_else(|e| e.into_inner()) = at.trunc_subsecs(6);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told_and_its_clones_follow() {
        let t0 = DateTime::parse_from_rfc3339("2026-05-01T12:00:00.1234567Z")
            .expect("time")
            .with_timezone(&Utc);
        let clock = Clock::manual(t0);
        let other = clock.clone();
        assert_eq!(clock.now(), t0.trunc_subsecs(6));
        clock.advance(TimeDelta::hours(2));
        assert_eq!(other.now(), t0.trunc_subsecs(6) + TimeDelta::hours(2));
        other.set(t0);
        assert_eq!(clock.now(), t0.trunc_subsecs(6));
        let system = Clock::system();
        let before = now();
        system.advance(TimeDelta::days(1));
        assert!(system.now() >= before && system.now() < before + TimeDelta::hours(1));
    }
}
