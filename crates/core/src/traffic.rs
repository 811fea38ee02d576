//! Traffic: requests per second in 1-minute steps over a day, from a pattern, a peak and a seed.
//!
//! Every pattern is a shape scaled so the day's highest minute is exactly `peak_rps` (so "peak"
//! means what it says). Randomness comes only from [`SplitMix64`] seeded with the scenario's
//! seed, so the same link always shows the same day, natively and in wasm.
//!
//! A month is 30 days, and [`month_plan`] says which days to simulate and how many calendar
//! days each stands for ([`month`] builds them):
//! - `steady`, `diurnal`, `batch` and `iot` repeat their day: every day of the month is alike
//!   (business hours every day, the cron job every day, the sensors every day).
//! - `flash`: the spike is an event, so it happens on **one** day; the other 29 are the same
//!   business day without it. A fleet sized for the spike pays for it every day; functions pay
//!   for the spike's requests once.
//! - `bursty`: bursts come at random, so no two days are alike. The day shown is the one with
//!   the month's highest burst (the `peak`); the other 29 days stand in as one more day of
//!   bursts drawn from the same seed (other times, other heights, none above the peak).
//! - `growth` rises linearly from half the peak on day 1 to the peak on day 30: Simpson's rule
//!   over three days (see [`month_plan`]).
//!
//! The first entry of the plan is always the peak day, the one the lanes and charts show.
//!
//! ```
//! use skyscale_core::scenario::{Pattern, Traffic};
//! use skyscale_core::traffic::{day, STEPS_PER_DAY};
//! let d = day(&Traffic { pattern: Pattern::Diurnal, peak_rps: 500.0, seed: 7 }, 1.0);
//! assert_eq!(d.rps.len(), STEPS_PER_DAY);
//! assert_eq!(d.rps.iter().cloned().fold(0.0, f64::max), 500.0);
//! ```

use serde::Serialize;

use crate::scenario::{Pattern, Traffic};

/// One step is one minute.
pub const STEP_S: f64 = 60.0;
/// Steps in a day.
pub const STEPS_PER_DAY: usize = 1440;
/// Days in a billing month.
pub const DAYS_PER_MONTH: f64 = 30.0;

/// A tiny seeded PRNG (SplitMix64): deterministic, portable, no `getrandom`.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next_f64()
    }
}

/// One simulated day.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    /// Requests per second, one value per minute.
    pub rps: Vec<f64>,
    /// The peak a planner buying servers at the start of the month would have seen: the flash
    /// spike and the month's growth are what surprises them.
    pub planned_peak_rps: f64,
}

/// What one simulated day of the month is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// The pattern's day; every day of the month is like it.
    Every,
    /// The day of the flash event (once a month).
    Spike,
    /// A flash month's other days: the same business day without the spike.
    Ordinary,
    /// The bursty day with the month's highest burst.
    HighestBurst,
    /// Another bursty day: bursts at other times and heights, none above the peak.
    OtherBursts,
    /// A day of steady growth, at `scale` of the last day's traffic.
    Growth,
}

/// One simulated day of the month and the calendar days it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct MonthDay {
    pub kind: DayKind,
    /// Multiplies the peak day's traffic (growth only; 1 otherwise).
    pub scale: f64,
    /// Calendar days this simulated day stands for (whole numbers, 30 in all).
    pub days: f64,
}

const fn plan(kind: DayKind, scale: f64, days: f64) -> MonthDay {
    MonthDay { kind, scale, days }
}

/// The days that stand for a month, the peak day first (see the module docs).
///
/// For `growth` the month's traffic is the peak day scaled by `0.5 + 0.5·d/29`, and the cost of
/// a day is a smooth function of that scale, so Simpson's rule over three days (1, 0.75, 0.5)
/// with weights 5, 20, 5 days gives the month.
pub fn month_plan(pattern: Pattern) -> &'static [MonthDay] {
    use DayKind::*;
    const GROWTH: &[MonthDay] = &[
        plan(Growth, 1.0, 5.0),
        plan(Growth, 0.75, 20.0),
        plan(Growth, 0.5, 5.0),
    ];
    const FLASH: &[MonthDay] = &[plan(Spike, 1.0, 1.0), plan(Ordinary, 1.0, 29.0)];
    const BURSTY: &[MonthDay] = &[plan(HighestBurst, 1.0, 1.0), plan(OtherBursts, 1.0, 29.0)];
    const EVERY: &[MonthDay] = &[plan(Every, 1.0, DAYS_PER_MONTH)];
    match pattern {
        Pattern::Growth => GROWTH,
        Pattern::Flash => FLASH,
        Pattern::Bursty => BURSTY,
        _ => EVERY,
    }
}

/// The month's simulated days with the calendar days each stands for, in [`month_plan`] order.
pub fn month(traffic: &Traffic) -> Vec<(Day, f64)> {
    month_plan(traffic.pattern)
        .iter()
        .map(|d| (day_of(traffic, d), d.days))
        .collect()
}

/// The peak day scaled by `scale` (the first day of [`month_plan`] is the peak day at 1).
pub fn day(traffic: &Traffic, scale: f64) -> Day {
    day_of(traffic, &plan(DayKind::Every, scale, 1.0))
}

/// The day's generator, seeded from the scenario's seed and the pattern.
fn seeded(traffic: &Traffic) -> SplitMix64 {
    SplitMix64::new(traffic.seed ^ (traffic.pattern as u64).wrapping_mul(0x1000_0001))
}

/// One day of the month plan.
pub fn day_of(traffic: &Traffic, which: &MonthDay) -> Day {
    let peak = if traffic.peak_rps.is_finite() {
        traffic.peak_rps.max(0.0)
    } else {
        0.0
    };
    let scale = if which.scale.is_finite() {
        which.scale.clamp(0.0, 1.0)
    } else {
        1.0
    };
    let (shape_peak, planned) = shape(traffic.pattern, &mut seeded(traffic), true);
    // Every day of the month is drawn to the peak day's scale: its highest minute is `peak`.
    let max = shape_peak.iter().cloned().fold(0.0, f64::max);
    let norm = if max > 0.0 { peak / max } else { 0.0 };
    let values = match which.kind {
        // The same draws without the spike: the business day around it, minute for minute.
        DayKind::Ordinary => shape(traffic.pattern, &mut seeded(traffic), false).0,
        // Another stream from the same seed: other bursts, cut off at the peak.
        DayKind::OtherBursts => {
            let mut rng = SplitMix64::new(seeded(traffic).next_u64() ^ 0xD1B5_4A32_D192_ED03);
            shape(traffic.pattern, &mut rng, true).0
        }
        _ => shape_peak,
    };
    // The highest minute is exactly `peak` ("peak" means what it says, to the last digit).
    let rps = values
        .iter()
        .map(|&x| if x == max { peak } else { (x * norm).min(peak) } * scale)
        .collect();
    Day {
        rps,
        planned_peak_rps: peak * planned,
    }
}

/// A smooth 0→1 ramp between `a` and `b` hours.
fn ramp(h: f64, a: f64, b: f64) -> f64 {
    let t = ((h - a) / (b - a)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Business hours, 0.08 at night to 1.0 by day, with a lunch dip.
fn business(h: f64) -> f64 {
    let up = ramp(h, 7.0, 9.5);
    let down = 1.0 - ramp(h, 18.0, 21.5);
    let lunch = 1.0 - 0.2 * (ramp(h, 11.8, 12.3) - ramp(h, 12.8, 13.3));
    0.08 + 0.92 * up * down * lunch
}

/// The unscaled shape (any positive units) and the planned share of the peak. `event` false
/// leaves out the flash spike (the same draws otherwise).
fn shape(pattern: Pattern, rng: &mut SplitMix64, event: bool) -> (Vec<f64>, f64) {
    let n = STEPS_PER_DAY;
    let hour = |i: usize| i as f64 / 60.0;
    match pattern {
        Pattern::Steady => ((0..n).map(|_| rng.range(0.94, 1.0)).collect(), 1.0),
        Pattern::Diurnal => (
            (0..n)
                .map(|i| business(hour(i)) * rng.range(0.95, 1.0))
                .collect(),
            1.0,
        ),
        Pattern::Growth => {
            // A gentle daily cycle: growth is about the month, not the hour.
            let v = (0..n)
                .map(|i| (0.7 + 0.3 * business(hour(i))) * rng.range(0.96, 1.0))
                .collect();
            (v, 0.5)
        }
        Pattern::Bursty => {
            let mut v: Vec<f64> = (0..n).map(|_| rng.range(0.06, 0.1)).collect();
            let mut i = 0;
            let mut first = true;
            while i < n {
                // A burst starts on average every ~90 minutes, at least one per day.
                let gap = if first {
                    rng.range(30.0, 300.0)
                } else {
                    rng.range(20.0, 160.0)
                };
                first = false;
                i += gap as usize;
                let len = rng.range(4.0, 30.0) as usize;
                let height = rng.range(0.3, 1.0);
                for k in 0..len.min(n.saturating_sub(i)) {
                    let decay = 1.0 - k as f64 / (len as f64 + 1.0);
                    v[i + k] += height * decay;
                }
                i += len;
            }
            (v, 1.0)
        }
        Pattern::Flash => {
            let spike = rng.range(10.0, 50.0).round();
            let mut v: Vec<f64> = (0..n)
                .map(|i| business(hour(i)) * rng.range(0.95, 1.0))
                .collect();
            let start = rng.range(10.0 * 60.0, 20.0 * 60.0) as usize;
            let hold = rng.range(10.0, 20.0) as usize;
            let spike_len = if event { hold + 15 } else { 0 };
            for (k, x) in v.iter_mut().enumerate().skip(start).take(spike_len) {
                let level = if k - start < hold {
                    1.0
                } else {
                    1.0 - (k - start - hold) as f64 / 15.0
                };
                *x = x.max(spike * level);
            }
            (v, 1.0 / spike)
        }
        Pattern::Batch => {
            // A cron job every 6 hours (00:00, 06:00, 12:00, 18:00), 20 minutes of full load.
            let v = (0..n)
                .map(|i| {
                    if i % 360 < 20 {
                        rng.range(0.95, 1.0)
                    } else {
                        0.0
                    }
                })
                .collect();
            (v, 1.0)
        }
        Pattern::Iot => {
            // Many sensors on 5-minute timers: a synchronised report every 5th minute over a
            // steady trickle.
            let v = (0..n)
                .map(|i| if i % 5 == 0 { 1.0 } else { 0.35 } * rng.range(0.97, 1.0))
                .collect();
            (v, 1.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(pattern: Pattern, peak: f64, seed: u64) -> Traffic {
        Traffic {
            pattern,
            peak_rps: peak,
            seed,
        }
    }

    #[test]
    fn every_pattern_peaks_at_peak_and_is_deterministic() {
        for &p in Pattern::ALL {
            let d = day(&t(p, 1234.0, 42), 1.0);
            let max = d.rps.iter().cloned().fold(0.0, f64::max);
            assert!((max - 1234.0).abs() < 1e-9, "{p:?} peaks at {max}");
            assert!(d.rps.iter().all(|x| *x >= 0.0 && x.is_finite()));
            assert_eq!(d, day(&t(p, 1234.0, 42), 1.0));
            assert!(d.planned_peak_rps > 0.0 && d.planned_peak_rps <= 1234.0);
        }
        assert_ne!(
            day(&t(Pattern::Bursty, 10.0, 1), 1.0),
            day(&t(Pattern::Bursty, 10.0, 2), 1.0)
        );
    }

    #[test]
    fn flash_spike_is_10_to_50_times_the_base() {
        for seed in 0..20 {
            let d = day(&t(Pattern::Flash, 5000.0, seed), 1.0);
            let ratio = 5000.0 / d.planned_peak_rps;
            assert!((10.0..=50.0).contains(&ratio), "{ratio}");
        }
    }

    #[test]
    fn shapes_look_like_their_names() {
        let d = day(&t(Pattern::Diurnal, 100.0, 1), 1.0);
        assert!(d.rps[3 * 60] < 10.0 && d.rps[10 * 60] > 80.0);
        let b = day(&t(Pattern::Batch, 100.0, 1), 1.0);
        assert!(b.rps[0] > 90.0 && b.rps[100] == 0.0 && b.rps[360] > 90.0);
        let i = day(&t(Pattern::Iot, 100.0, 1), 1.0);
        assert!(i.rps[5] > 90.0 && i.rps[6] < 40.0);
        let g = day(&t(Pattern::Growth, 100.0, 1), 0.5);
        assert!(g.rps.iter().cloned().fold(0.0, f64::max) <= 50.0 + 1e-9);
        let z = day(&t(Pattern::Steady, 0.0, 1), 1.0);
        assert!(z.rps.iter().all(|x| *x == 0.0));
    }

    #[test]
    fn month_weights_add_up_to_30_whole_days_and_start_with_the_peak_day() {
        for &p in Pattern::ALL {
            let plan = month_plan(p);
            let days: f64 = plan.iter().map(|d| d.days).sum();
            assert_eq!(days, DAYS_PER_MONTH);
            assert!(
                plan.iter()
                    .all(|d| d.days == d.days.round() && d.days >= 1.0)
            );
            assert_eq!(plan[0].scale, 1.0);
            assert_eq!(
                month(&t(p, 10.0, 3))[0].0,
                day(&t(p, 10.0, 3), 1.0),
                "{p:?}"
            );
        }
    }

    #[test]
    fn a_flash_event_happens_on_one_day_of_the_month() {
        for seed in 0..20 {
            let m = month(&t(Pattern::Flash, 2000.0, seed));
            assert_eq!(m.iter().map(|d| d.1).collect::<Vec<_>>(), vec![1.0, 29.0]);
            let (spike, ordinary) = (&m[0].0, &m[1].0);
            // The ordinary day is the spike day minute for minute, except during the spike,
            // and it never goes above what a planner saw.
            let differ: Vec<usize> = (0..STEPS_PER_DAY)
                .filter(|&i| spike.rps[i] != ordinary.rps[i])
                .collect();
            assert!(!differ.is_empty() && differ.len() <= 35, "{}", differ.len());
            assert!(differ.last().unwrap() - differ[0] < 35);
            let top = ordinary.rps.iter().cloned().fold(0.0, f64::max);
            assert!(
                top <= ordinary.planned_peak_rps + 1e-9 && top > 0.9 * ordinary.planned_peak_rps
            );
            assert_eq!(spike.planned_peak_rps, ordinary.planned_peak_rps);
        }
    }

    #[test]
    fn bursty_days_differ_and_none_passes_the_peak() {
        for seed in 0..20 {
            let m = month(&t(Pattern::Bursty, 500.0, seed));
            assert_eq!(m.iter().map(|d| d.1).collect::<Vec<_>>(), vec![1.0, 29.0]);
            assert_ne!(m[0].0.rps, m[1].0.rps);
            let top = |d: &Day| d.rps.iter().cloned().fold(0.0, f64::max);
            assert_eq!(top(&m[0].0), 500.0);
            assert!(top(&m[1].0) <= 500.0 && top(&m[1].0) > 100.0);
            // The same kind of day: a base under the bursts and a similar volume.
            let sum = |d: &Day| d.rps.iter().sum::<f64>();
            let ratio = sum(&m[1].0) / sum(&m[0].0);
            assert!((0.4..2.5).contains(&ratio), "{ratio}");
        }
    }

    proptest! {
        #[test]
        fn any_traffic_is_finite(p in 0usize..7, peak in 0.0f64..1e6, seed in any::<u64>()) {
            let d = day(&t(Pattern::ALL[p], peak, seed), 1.0);
            prop_assert!(d.rps.iter().all(|x| x.is_finite() && *x >= 0.0 && *x <= peak + 1e-6));
        }
    }
}
