//! One client-side rate limit for every DTS call of the process: no more
//! than N + 1 calls in any one-second window (a bucket that starts with one
//! token); a throttled answer halves the rate (at most once a second, never
//! below 1 call/s; when unlimited, to half the calls of the last second);
//! each second without throttling gives one call/s back, up to the
//! configured rate.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use crate::ambient::Ambient;

/// The limiter shared by every worker.
#[derive(Debug)]
pub struct RateLimit {
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    /// The configured rate, calls a second; 0: none.
    configured: f64,
    /// The rate now (after throttling); 0: none.
    current: f64,
    /// When the next call may start (monotonic).
    next: Duration,
    /// When the rate was last halved.
    last_halved: Option<Duration>,
    /// When the rate last grew back (or was halved).
    last_change: Duration,
    /// Start times of the calls of the last second.
    recent: VecDeque<Duration>,
}

impl RateLimit {
    /// A limit of `rate` calls a second; 0 means none.
    pub fn new(rate: u32) -> Self {
        RateLimit {
            state: Mutex::new(State {
                configured: f64::from(rate),
                current: f64::from(rate),
                next: Duration::ZERO,
                last_halved: None,
                last_change: Duration::ZERO,
                recent: VecDeque::new(),
            }),
        }
    }

    /// Waits until a call may start, then counts it.
    pub fn acquire(&self, ambient: &dyn Ambient) {
        let wait = {
            let Ok(mut s) = self.state.lock() else { return };
            let now = ambient.monotonic();
            s.grow(now);
            let start = s.next.max(now);
            if s.current > 0.0 {
                s.next = start + Duration::from_secs_f64(1.0 / s.current);
            }
            s.recent.push_back(start);
            while s
                .recent
                .front()
                .is_some_and(|t| start.saturating_sub(*t) >= Duration::from_secs(1))
            {
                s.recent.pop_front();
            }
            start.saturating_sub(now)
        };
        if !wait.is_zero() {
            ambient.sleep(wait);
        }
    }

    /// A call was throttled: halve the rate, at most once a second.
    pub fn throttled(&self, ambient: &dyn Ambient) {
        let Ok(mut s) = self.state.lock() else { return };
        let now = ambient.monotonic();
        if s.last_halved
            .is_some_and(|t| now.saturating_sub(t) < Duration::from_secs(1))
        {
            return;
        }
        let base = if s.current > 0.0 {
            s.current
        } else {
            s.recent.len() as f64
        };
        s.current = (base / 2.0).floor().max(1.0);
        s.last_halved = Some(now);
        s.last_change = now;
    }

    /// The rate now, calls a second (0: none).
    pub fn current(&self) -> f64 {
        self.state.lock().map_or(0.0, |s| s.current)
    }
}

impl State {
    /// One call/s back for each whole second without throttling.
    fn grow(&mut self, now: Duration) {
        if self.last_halved.is_none() {
            return;
        }
        let quiet = now.saturating_sub(self.last_change).as_secs();
        if quiet == 0 {
            return;
        }
        let ceiling = if self.configured > 0.0 {
            self.configured
        } else {
            f64::INFINITY
        };
        self.current = (self.current + quiet as f64).min(ceiling);
        self.last_change += Duration::from_secs(quiet);
        if self.current.is_infinite() {
            self.current = 0.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::FakeClock;

    /// The start times of `n` calls.
    fn starts(limit: &RateLimit, clock: &FakeClock, n: usize) -> Vec<Duration> {
        (0..n)
            .map(|_| {
                limit.acquire(clock);
                clock.monotonic()
            })
            .collect()
    }

    #[test]
    fn at_most_n_plus_one_calls_in_any_second() {
        let clock = FakeClock::default();
        let limit = RateLimit::new(10);
        let t = starts(&limit, &clock, 25);
        assert_eq!(t[0], Duration::ZERO, "the first call does not wait");
        for w in t.windows(2) {
            assert_eq!(w[1] - w[0], Duration::from_millis(100));
        }
        for (i, start) in t.iter().enumerate() {
            let within = t[i..]
                .iter()
                .filter(|s| **s - *start < Duration::from_secs(1))
                .count();
            assert!(within <= 11, "{within} calls within a second of call {i}");
        }
    }

    #[test]
    fn zero_means_no_limit() {
        let clock = FakeClock::default();
        let limit = RateLimit::new(0);
        let t = starts(&limit, &clock, 50);
        assert!(t.iter().all(|s| s.is_zero()));
    }

    #[test]
    fn throttling_halves_the_rate_once_a_second_and_quiet_seconds_grow_it_back() {
        let clock = FakeClock::default();
        let limit = RateLimit::new(10);
        limit.throttled(&clock);
        assert_eq!(limit.current(), 5.0);
        limit.throttled(&clock);
        assert_eq!(limit.current(), 5.0, "at most once a second");
        clock.sleep(Duration::from_secs(1));
        limit.throttled(&clock);
        assert_eq!(limit.current(), 2.0);
        clock.sleep(Duration::from_secs(1));
        limit.throttled(&clock);
        limit.throttled(&clock);
        assert_eq!(limit.current(), 1.0, "never below 1");
        clock.sleep(Duration::from_secs(3));
        limit.acquire(&clock);
        assert_eq!(limit.current(), 4.0, "one call/s back each quiet second");
        clock.sleep(Duration::from_secs(60));
        limit.acquire(&clock);
        assert_eq!(limit.current(), 10.0, "up to the configured rate");
    }

    #[test]
    fn unlimited_throttled_falls_to_half_the_last_seconds_calls() {
        let clock = FakeClock::default();
        let limit = RateLimit::new(0);
        starts(&limit, &clock, 30);
        limit.throttled(&clock);
        assert_eq!(limit.current(), 15.0);
    }
}
