//! Break-even: the steady traffic at which functions cost as much as a VM fleet, and as much
//! as managed containers, for the Scenario's workload and prices.
//!
//! Functions bill per request, so their monthly cost grows with the rate `r` (in steps at the
//! free-tier edge and in volume tiers). A fleet costs a fixed amount per instance, and needs
//! `ceil(r · cpu_ms / 1000 / (vCPU · target))` instances (at least its minimum), so its cost is
//! a staircase. The break-even is the first rate where the function bill reaches the
//! staircase: below it functions are cheaper. Within one stair the fleet's cost is flat and
//! the function bill rises, so the crossing is found stair by stair and then by bisection.
//!
//! The load is steady (every second of a 30-day month at `r`), which favours fleets; spiky
//! traffic moves the break-even up, which is what the scaling view shows.

use serde::Serialize;

use crate::i18n::{Lang, Text};
use crate::money::format_number;
use crate::msa_scene::fill;
use crate::pricing;
use crate::scenario::Scenario;
use crate::sim::{Rates, SIM_HOURS_PER_MONTH};
use crate::traffic::DAYS_PER_MONTH;

/// Seconds in the simulator's 30-day month.
pub const MONTH_S: f64 = DAYS_PER_MONTH * 86_400.0;
/// The search stops here (requests/s) or after this many stairs.
pub const MAX_RPS: f64 = 1_000_000.0;
const MAX_STAIRS: f64 = 200_000.0;

/// Where two bills meet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    pub requests_per_s: f64,
    pub requests_per_month: f64,
    /// Either bill at that rate.
    pub monthly_usd: f64,
    /// Fleet instances at that rate.
    pub instances: f64,
}

/// Functions against one fleet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// `None`: functions are cheaper at every rate up to `searched_up_to_rps`.
    pub point: Option<Point>,
    pub searched_up_to_rps: f64,
    /// Whether the search ended at [`faas_max_rps`], the most the concurrency quota lets
    /// functions serve (above it they throttle), rather than at its own limit.
    pub quota_limited: bool,
    /// Monthly cost of one fleet instance and what it serves at the target utilisation.
    pub instance_usd_per_month: f64,
    pub instance_rps: f64,
    pub min_instances: f64,
}

/// Both comparisons.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakeven {
    pub faas_vs_vm: Comparison,
    pub faas_vs_container: Comparison,
    /// Whether the workload can run as a function at all (see `sim::faas_runnable`).
    pub faas_runnable: bool,
}

/// The monthly function bill at a steady `rps`, its parts as the simulation bills them: each
/// request runs (and is billed) for [`crate::sim::faas_run_ms`], its duration or its CPU time
/// on the function's CPU share when that is longer, so a function with little memory costs
/// what its bill says. Its `total_usd` is the simulation's bill for a month of `rps × MONTH_S`
/// requests without pings or provisioned concurrency (tested in `tests/relations.rs`), less
/// Lambda's INIT of cold starts: steady traffic runs on warm environments, so the curve leaves
/// out what a month's cold starts add (the month's math shows it on its own line).
pub fn faas_month_bill(s: &Scenario, rates: &Rates, rps: f64) -> pricing::FaasBill {
    pricing::faas(
        rps * MONTH_S,
        crate::sim::faas_run_ms(s),
        s.workload.memory_mb,
        &rates.faas,
        s.faas.free_tier,
        f64::from(s.faas.granularity_ms),
    )
}

/// [`faas_month_bill`] before rounding to the cent, so the search for the break-even point
/// sees a smooth curve.
pub fn faas_month_usd(s: &Scenario, rates: &Rates, rps: f64) -> f64 {
    let b = faas_month_bill(s, rates, rps);
    b.requests_usd + b.compute_usd
}

/// The most requests a second functions serve: the account's concurrency quota over the
/// run time (`quota × 1000 / run ms`); above it the simulation throttles the rest (its
/// functions' capacity is the same quota over the same run).
pub fn faas_max_rps(s: &Scenario) -> f64 {
    let run_ms = crate::sim::faas_run_ms(s).max(1e-9);
    f64::from(s.faas.quota.max(1)) * 1000.0 / run_ms
}

/// What a comparison without a crossing says: functions are cheaper than `fleet` at every
/// rate up to where the search stopped, and, when that is the quota's limit, that above it
/// they throttle. `None` when the comparison has a crossing (or no valid fleet).
pub fn none_text(s: &Scenario, c: &Comparison, fleet: &str, lang: Lang) -> Option<String> {
    if c.point.is_some() || c.searched_up_to_rps <= 0.0 {
        return None;
    }
    let rps = crate::chart::breakeven::rps_label(c.searched_up_to_rps);
    let fleet = ("fleet", fleet.to_string());
    Some(if c.quota_limited {
        fill(
            Text::ChartBeNoneQuota.get(lang),
            &[
                fleet,
                ("rps", rps),
                ("quota", format_number(f64::from(s.faas.quota.max(1)), 0)),
                ("ms", format_number(crate::sim::faas_run_ms(s), 2)),
            ],
        )
    } else {
        fill(Text::ChartBeNoneSearch.get(lang), &[fleet, ("rps", rps)])
    })
}

/// Computes both break-even points.
pub fn breakeven(s: &Scenario) -> Breakeven {
    let rates = Rates::resolve(s);
    let cpu_ms = s.workload.cpu_ms.max(1e-6);
    let vm_target = (s.vm.target_pct / 100.0).clamp(0.05, 1.0);
    let vm = compare(
        s,
        &rates,
        rates.vm_sustained_vcpu * 1000.0 / cpu_ms * vm_target,
        rates.vm_usd_per_hour * SIM_HOURS_PER_MONTH,
        f64::from(s.vm.min.max(1)),
    );
    let p = &rates.container;
    let vcpu = s.container.vcpu.clamp(p.min_vcpu, p.max_vcpu);
    let gb = s
        .container
        .memory_gb
        .clamp(p.min_memory_gb, p.max_memory_gb);
    let ctr_target = (s.container.target_pct / 100.0).clamp(0.05, 1.0);
    let container = compare(
        s,
        &rates,
        vcpu * 1000.0 / cpu_ms * ctr_target,
        (vcpu * p.usd_per_vcpu_hour + gb * p.usd_per_gb_hour) * SIM_HOURS_PER_MONTH,
        f64::from(s.container.min_instances.max(1)),
    );
    Breakeven {
        faas_vs_vm: vm,
        faas_vs_container: container,
        faas_runnable: crate::sim::faas_runnable(s).is_empty(),
    }
}

fn compare(
    s: &Scenario,
    rates: &Rates,
    instance_rps: f64,
    instance_usd: f64,
    min: f64,
) -> Comparison {
    let f = |r: f64| faas_month_usd(s, rates, r);
    // Above the quota functions throttle: a crossing there is a rate they cannot serve.
    let quota_rps = faas_max_rps(s);
    let limit = quota_rps.min(MAX_RPS);
    let out = |point, searched: f64| Comparison {
        point,
        searched_up_to_rps: searched,
        quota_limited: searched > 0.0 && searched >= quota_rps,
        instance_usd_per_month: instance_usd,
        instance_rps,
        min_instances: min,
    };
    if !(instance_rps.is_finite() && instance_rps > 0.0 && instance_usd.is_finite()) {
        return out(None, 0.0);
    }
    let point = |r: f64, n: f64| Point {
        requests_per_s: r,
        requests_per_month: r * MONTH_S,
        monthly_usd: n * instance_usd,
        instances: n,
    };
    // Stair n covers rates (lo, hi] where n instances suffice.
    let mut n = min;
    let mut lo = 0.0;
    while n <= min + MAX_STAIRS {
        let hi = (n * instance_rps).min(limit);
        let fleet = n * instance_usd;
        if f(hi) >= fleet {
            if f(lo) >= fleet {
                return out(Some(point(lo, n)), lo);
            }
            let (mut a, mut b) = (lo, hi);
            for _ in 0..60 {
                let m = 0.5 * (a + b);
                if f(m) >= fleet { b = m } else { a = m }
            }
            return out(Some(point(b, n)), b);
        }
        if hi >= limit {
            return out(None, hi);
        }
        lo = hi;
        n += 1.0;
    }
    out(None, lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(q: &str) -> Breakeven {
        breakeven(&Scenario::from_query(q).0)
    }

    #[test]
    fn hand_worked_breakeven_against_one_small_vm() {
        // t3.micro ($0.0104/h × 720 h = $7.488/month), 2 vCPU at a 10% baseline = 0.2 vCPU
        // sustained, cpu 5 ms, target 65%: one VM serves 0.2 × 200 × 0.65 = 26 req/s.
        // Functions at 100 ms, 128 MB, no free tier: per request $0.0000002 + 0.1 s × 0.125 GB
        // × $0.0000166667 = $0.00000040833375; $7.488 / $0.00000040833375 = 18,337,940
        // requests/month = 7.075 req/s (< 26: one VM).
        let b = run("vm=t3.micro&min=1&cpu=5&dur=100&mem=128");
        let p = b.faas_vs_vm.point.unwrap();
        assert_eq!(p.instances, 1.0);
        assert!(
            (p.requests_per_month - 18_337_940.5).abs() < 1.0,
            "{}",
            p.requests_per_month
        );
        assert!((p.monthly_usd - 7.488).abs() < 1e-9);
        assert!(
            (faas_month_usd(
                &Scenario::from_query("cpu=5&dur=100&mem=128").0,
                &Rates::resolve(&Scenario::from_query("cpu=5&dur=100&mem=128").0),
                p.requests_per_s
            ) - 7.488)
                .abs()
                < 1e-6
        );
    }

    #[test]
    fn a_burstable_vm_sells_its_baseline_not_its_vcpus() {
        // At cpu 50 ms a t3.micro sustains 0.2 vCPU × 20 × 0.65 = 2.6 req/s for $7.488, $2.88
        // per req/s-month; functions (100 ms, 1,024 MB: 50 ms of CPU on 1,024 ÷ 1,769 of a
        // vCPU run 86.4 ms, under 100) cost 2,592,000 × ($0.0000002 + 0.1 × 1 × $0.0000166667)
        // = $4.84 per req/s-month, so one VM ($7.488, up to 2.6 req/s) wins from
        // 7.488 / 4.84 = 1.55 req/s, on its first stair. (Counted as 2 full vCPUs the VM
        // would serve 26 req/s.)
        let b = run("vm=t3.micro&min=1&cpu=50&dur=100&mem=1024");
        assert!((b.faas_vs_vm.instance_rps - 2.6).abs() < 1e-9);
        let p = b.faas_vs_vm.point.unwrap();
        assert!((p.requests_per_s - 7.488 / (1.866_67e-6 * MONTH_S)).abs() < 1e-3);
    }

    #[test]
    fn functions_are_priced_at_their_run_time_not_their_duration() {
        // 50 ms of CPU at 128 MB runs on 128 ÷ 1,769 of a vCPU: 691.02 ms, billed 692 ms, so a
        // request costs $0.0000002 + 0.692 × 0.125 × $0.0000166667 = $0.0000016417 and a
        // req/s-month $4.255, more than a t3.micro's $2.88: the VM is cheaper from
        // 7.488 / 4.255 = 1.76 req/s. (Priced at the 100 ms duration, $1.06 a req/s-month,
        // functions looked cheaper at every rate.)
        let b = run("vm=t3.micro&min=1&cpu=50&dur=100&mem=128");
        let per = (2e-7 + 0.692 * 0.125 * 0.000_016_666_7) * MONTH_S;
        let p = b.faas_vs_vm.point.expect("the VM wins at some rate");
        assert!(
            (p.requests_per_s - 7.488 / per).abs() < 1e-6,
            "{}",
            p.requests_per_s
        );
        assert_eq!(p.instances, 1.0);
    }

    #[test]
    fn without_a_crossing_the_search_stops_at_the_quota_and_says_functions_throttle() {
        // 100 ms and a quota of 50 environments: functions serve at most 50 × 1,000 ÷ 100 =
        // 500 req/s; a VM costing $100,000 an hour never wins below that.
        let s = Scenario::from_query("p_vm=100000&cpu=1&dur=100&mem=1024&quota=50").0;
        let b = breakeven(&s);
        let c = &b.faas_vs_vm;
        assert!(c.point.is_none());
        assert!((c.searched_up_to_rps - 500.0).abs() < 1e-9);
        assert!(c.quota_limited);
        assert_eq!(
            none_text(&s, c, "VMs", Lang::En).unwrap(),
            "Functions are cheaper than VMs at every rate up to 500 req/s, the most the \
             concurrency quota lets them serve (50 at once × 1,000 ÷ 100 ms); above it they \
             throttle"
        );
        let ko = none_text(&s, c, "VM", Lang::Ko).unwrap();
        assert!(
            ko.contains("500 req/s까지") && ko.contains("스로틀"),
            "{ko}"
        );
        // A crossing above the quota is a rate functions cannot serve: not a break-even.
        let s = Scenario::from_query("cpu=1&dur=100&mem=1024&quota=1").0;
        let b = breakeven(&s);
        assert!(b.faas_vs_vm.point.is_none() && b.faas_vs_vm.quota_limited);
        assert!((b.faas_vs_vm.searched_up_to_rps - 10.0).abs() < 1e-9);
        // With a quota above what the search covers, the text says the search stopped.
        let s = Scenario::from_query("p_vm=100000&cpu=0.01&dur=1&mem=128&quota=1000000").0;
        let b = breakeven(&s);
        assert!(!b.faas_vs_vm.quota_limited);
        assert_eq!(b.faas_vs_vm.searched_up_to_rps, MAX_RPS);
        assert!(
            none_text(&s, &b.faas_vs_vm, "VMs", Lang::En)
                .unwrap()
                .contains("at every rate the search tried, up to 1,000,000 req/s")
        );
    }

    #[test]
    fn a_huge_fleet_price_means_functions_stay_cheaper() {
        let b = run("p_vm=100000&cpu=0.01&dur=1&mem=128");
        assert!(b.faas_vs_vm.point.is_none());
        assert!(b.faas_vs_vm.searched_up_to_rps > 0.0);
        // And every number is finite.
        let b = run("peak=0&cpu=600000&dur=3600000&mem=65536");
        assert!(!b.faas_runnable);
        for c in [&b.faas_vs_vm, &b.faas_vs_container] {
            assert!(c.searched_up_to_rps.is_finite());
            if let Some(p) = &c.point {
                assert!(p.requests_per_s.is_finite() && p.monthly_usd.is_finite());
            }
        }
    }
}
