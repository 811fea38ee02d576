//! Queueing estimates: M/M/c (Erlang C) waiting times.
//!
//! An instance with `c` vCPUs is modelled as `c` servers sharing one queue (the load balancer
//! spreads requests evenly across instances). Erlang C gives the chance an arrival waits, and
//! the wait, when it happens, is exponential with rate `cμ − λ`, so the wait quantile is
//! `max(0, ln(C / (1 − q)) / (cμ − λ))`. Utilisation is capped just below 1 so the formula
//! stays finite; that is a stable queue's estimate only. A queue offered more than it can
//! serve has no steady wait: the simulator calls such a minute "timed out" at the queue's
//! timeout ([`crate::sim::QUEUE_TIMEOUT_S`]) and counts what does not fit as lost, rather than
//! show this capped figure (which is the same at any overload). Nothing here returns NaN or
//! infinity, whatever it is given.
//!
//! ```
//! use skyscale_core::queueing::{erlang_c, wait_quantile_ms};
//! // One server at 50% load: half the arrivals wait.
//! assert!((erlang_c(1, 0.5) - 0.5).abs() < 1e-12);
//! // Light load on many servers: nobody waits.
//! assert_eq!(wait_quantile_ms(8, 1.0, 50.0, 0.95), 0.0);
//! ```

/// The highest utilisation the estimate is evaluated at.
pub const MAX_RHO: f64 = 0.99;

/// Erlang C: the probability an arrival has to wait, for `c` servers offered `a` Erlangs
/// (`a = λ / μ`). 1 when `a ≥ c`; 0 for no load.
pub fn erlang_c(c: u32, a: f64) -> f64 {
    erlang_c_above(c, a, 0.0)
}

/// Erlang C where it exceeds `floor`, and 0 as soon as the recursion proves it cannot.
///
/// Erlang B falls with every server added, and `C = c·B / (c − a(1 − B)) ≤ c·B / (c − a)`, so
/// once `c·B(k) / (c − a) ≤ floor` at some `k ≤ c` the remaining servers cannot lift C above
/// `floor`. A wait quantile only needs C above its tail share; under light load this stops after
/// a few servers instead of running through all 32 on-premises cores every simulated minute.
fn erlang_c_above(c: u32, a: f64, floor: f64) -> f64 {
    if !(a.is_finite() && a > 0.0) {
        return 0.0;
    }
    let c = c.max(1);
    let cf = f64::from(c);
    if a >= cf {
        return 1.0;
    }
    // Erlang B by its stable recursion, in reciprocal form: 1/B(k) = 1 + (k/a)·1/B(k−1),
    // every term positive (no cancellation) and one multiply-add per server instead of a
    // division. A reciprocal that overflows means B → 0, which is the right limit.
    // `floor` 0 makes `stop` infinite: the full recursion.
    let stop = cf / ((cf - a) * floor);
    let inv_a = 1.0 / a;
    let mut inv_b = 1.0;
    for k in 1..=c {
        inv_b = 1.0 + f64::from(k) * inv_a * inv_b;
        if inv_b > stop {
            return 0.0;
        }
    }
    let b = 1.0 / inv_b;
    let p = cf * b / (cf - a * (1.0 - b));
    if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// The `q` quantile (e.g. 0.95) of the wait in queue, in milliseconds, for `c` servers, arrivals
/// `arrivals_per_s` and a mean service time `service_ms` per request per server.
pub fn wait_quantile_ms(c: u32, arrivals_per_s: f64, service_ms: f64, q: f64) -> f64 {
    if !(arrivals_per_s.is_finite()
        && arrivals_per_s > 0.0
        && service_ms.is_finite()
        && service_ms > 0.0)
    {
        return 0.0;
    }
    let c = c.max(1);
    let mu = 1000.0 / service_ms; // per server per second
    let cap = f64::from(c) * mu;
    let lambda = arrivals_per_s.min(cap * MAX_RHO);
    let pw = erlang_c(c, lambda / mu);
    let tail = 1.0 - q.clamp(0.0, 0.999_999);
    if pw <= tail {
        return 0.0;
    }
    // `libm`, not `f64::ln`: the same last bit in the app (wasm) and the CLI (native).
    let w = libm::log(pw / tail) / (cap - lambda) * 1000.0;
    saturate(w)
}

/// A wait that overflowed (a service time near `f64::MAX` over a spare capacity near zero)
/// is the longest wait there is, not none: so the median never passes the 95th percentile.
fn saturate(w: f64) -> f64 {
    if w.is_finite() {
        w.max(0.0)
    } else if w > 0.0 {
        f64::MAX
    } else {
        0.0
    }
}

/// The median and 95th-percentile waits (ms) at once: one Erlang C for both, which is what
/// the simulator needs every minute.
pub fn wait_p50_p95_ms(c: u32, arrivals_per_s: f64, service_ms: f64) -> (f64, f64) {
    if !(arrivals_per_s.is_finite()
        && arrivals_per_s > 0.0
        && service_ms.is_finite()
        && service_ms > 0.0)
    {
        return (0.0, 0.0);
    }
    let c = c.max(1);
    let mu = 1000.0 / service_ms;
    let cap = f64::from(c) * mu;
    let lambda = arrivals_per_s.min(cap * MAX_RHO);
    // Both quantiles are 0 unless more than 5% of arrivals wait.
    let pw = erlang_c_above(c, lambda / mu, 1.0 - 0.95);
    let q = |tail: f64| {
        if pw <= tail {
            0.0
        } else {
            saturate(libm::log(pw / tail) / (cap - lambda) * 1000.0)
        }
    };
    (q(1.0 - 0.5), q(1.0 - 0.95))
}

/// Mean wait in queue (ms), same model.
pub fn mean_wait_ms(c: u32, arrivals_per_s: f64, service_ms: f64) -> f64 {
    if !(arrivals_per_s.is_finite()
        && arrivals_per_s > 0.0
        && service_ms.is_finite()
        && service_ms > 0.0)
    {
        return 0.0;
    }
    let c = c.max(1);
    let mu = 1000.0 / service_ms;
    let cap = f64::from(c) * mu;
    let lambda = arrivals_per_s.min(cap * MAX_RHO);
    let w = erlang_c(c, lambda / mu) / (cap - lambda) * 1000.0;
    if w.is_finite() { w.max(0.0) } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn erlang_c_hand_worked() {
        // c = 2, a = 1: B(1) = 1/2, B(2) = (1·½)/(2 + ½) = 0.2; C = 2·0.2 / (2 − 1·0.8) = 1/3.
        assert!((erlang_c(2, 1.0) - 1.0 / 3.0).abs() < 1e-12);
        // M/M/1: C = ρ.
        assert!((erlang_c(1, 0.8) - 0.8).abs() < 1e-12);
        assert_eq!(erlang_c(4, 4.0), 1.0);
        assert_eq!(erlang_c(4, 0.0), 0.0);
    }

    #[test]
    fn mm1_wait_quantile_matches_the_closed_form() {
        // M/M/1 with λ = 8/s, service 100 ms (μ = 10/s): P(W > t) = 0.8·e^{−2t};
        // the 95th percentile solves 0.8·e^{−2t} = 0.05 → t = ln(16)/2 = 1.386 s.
        let w = wait_quantile_ms(1, 8.0, 100.0, 0.95);
        assert!((w - libm::log(16.0) / 2.0 * 1000.0).abs() < 1e-6, "{w}");
        // Median: 0.8·e^{−2t} = 0.5 → t = ln(1.6)/2 = 235 ms.
        assert!(
            (wait_quantile_ms(1, 8.0, 100.0, 0.5) - libm::log(1.6) / 2.0 * 1000.0).abs() < 1e-6
        );
        // Mean wait in M/M/1: ρ/(μ − λ) = 0.8/2 = 0.4 s.
        assert!((mean_wait_ms(1, 8.0, 100.0) - 400.0).abs() < 1e-9);
    }

    proptest! {
        #[test]
        fn never_nan_or_infinite(c in 0u32..600, l in prop::num::f64::ANY, s in prop::num::f64::ANY, q in 0.0f64..1.0) {
            let p = erlang_c(c, l);
            prop_assert!(p.is_finite() && (0.0..=1.0).contains(&p));
            let w = wait_quantile_ms(c, l, s, q);
            prop_assert!(w.is_finite() && w >= 0.0);
            let m = mean_wait_ms(c, l, s);
            let (a, b) = wait_p50_p95_ms(c, l, s);
            prop_assert!(a.is_finite() && b.is_finite() && a <= b);
            prop_assert_eq!(b, wait_quantile_ms(c, l, s, 0.95));
            prop_assert_eq!(a, wait_quantile_ms(c, l, s, 0.5));
            prop_assert!(m.is_finite() && m >= 0.0);
        }

        #[test]
        fn stopping_early_only_skips_what_cannot_wait(c in 1u32..64, rho in 0.0f64..1.0, floor in 0.0f64..0.6) {
            let a = rho * f64::from(c);
            let exact = erlang_c(c, a);
            let early = erlang_c_above(c, a, floor);
            if exact > floor {
                prop_assert_eq!(early, exact);
            } else {
                prop_assert!(early == exact || early == 0.0, "{early} vs {exact}");
            }
        }

        #[test]
        fn more_load_never_waits_less(c in 1u32..64, a in 0.0f64..60.0, more in 0.0f64..10.0) {
            prop_assert!(erlang_c(c, a + more) + 1e-12 >= erlang_c(c, a));
        }
    }
}
