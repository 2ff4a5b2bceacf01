//! Time as an input. Rules never read the system clock; the application passes a
//! [`Clock`] so that tests can fix "today".

use jiff::{Timestamp, civil::Date, tz::TimeZone};

/// Source of the current instant, and the clinic's time zone for calendar dates.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> Timestamp;
    fn time_zone(&self) -> TimeZone;
    fn today(&self) -> Date {
        self.now().to_zoned(self.time_zone()).date()
    }
}

/// The real clock, in the machine's time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
    fn time_zone(&self) -> TimeZone {
        TimeZone::system()
    }
}

/// A clock stopped at one instant, in UTC; for tests and reproducible demo data.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub Timestamp);

impl FixedClock {
    /// Noon UTC on the given date.
    pub fn on(date: Date) -> Self {
        let ts = date
            .at(12, 0, 0, 0)
            .to_zoned(TimeZone::UTC)
            .expect("noon UTC exists on every civil date")
            .timestamp();
        FixedClock(ts)
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
    fn time_zone(&self) -> TimeZone {
        TimeZone::UTC
    }
}

/// A clock that stands still until moved forward; for tests of what time changes
/// (an expiry, a waiting time).
#[derive(Debug)]
pub struct SteppedClock(std::sync::Mutex<Timestamp>);

impl SteppedClock {
    /// Noon UTC on the given date.
    pub fn on(date: Date) -> Self {
        SteppedClock(std::sync::Mutex::new(FixedClock::on(date).0))
    }

    pub fn advance(&self, by: jiff::SignedDuration) {
        if let Ok(mut now) = self.0.lock() {
            *now = now.checked_add(by).unwrap_or(*now);
        }
    }
}

impl Clock for SteppedClock {
    fn now(&self) -> Timestamp {
        match self.0.lock() {
            Ok(now) => *now,
            Err(poisoned) => **poisoned.get_ref(),
        }
    }
    fn time_zone(&self) -> TimeZone {
        TimeZone::UTC
    }
}
