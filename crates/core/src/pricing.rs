//! Pure cost formulas, one per compute model. No traffic, no time steps: the simulator adds
//! those up and calls these with month totals, and the CLI's `price` commands call them
//! directly, so a bill in the app and a bill on the command line are the same arithmetic.
//!
//! A bill's total is the sum of its parts each rounded to the cent (as an invoice adds up
//! its lines), so "Total: $a + $b = $c" is true as printed; the parts themselves are kept
//! unrounded for the arithmetic that leads to them.
//!
//! ```
//! use skyscale_core::pricing::{faas, FaasRates};
//! // 1,000,000 requests × 100 ms × 512 MB on x86_64, no free tier: $1.03.
//! let bill = faas(1_000_000.0, 100.0, 512.0, &FaasRates::lambda_x86_64(), false, 1.0);
//! assert_eq!(format!("{:.2}", bill.total_usd), "1.03");
//! ```

use serde::Serialize;

use crate::catalog::{self, FaasPrices, Tier};
use crate::money::{add_cents, round_cents};
use crate::scenario::Arch;

/// Everything a function bill depends on besides usage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FaasRates {
    pub usd_per_million_requests: f64,
    /// Monthly GB-second volume tiers, ascending; the last unbounded.
    pub tiers: Vec<Tier>,
    pub free_requests_per_month: f64,
    pub free_gb_s_per_month: f64,
    pub min_billed_ms: f64,
    pub memory_step_mb: f64,
}

impl FaasRates {
    /// The catalog's rates for a service and architecture.
    pub fn from_catalog(prices: &FaasPrices, arch: Arch) -> FaasRates {
        FaasRates {
            usd_per_million_requests: prices.usd_per_million_requests,
            tiers: prices.arch(arch).tiers.clone(),
            free_requests_per_month: prices.free_requests_per_month,
            free_gb_s_per_month: prices.free_gb_s_per_month,
            min_billed_ms: prices.min_billed_ms,
            memory_step_mb: prices.memory_step_mb,
        }
    }

    /// AWS Lambda, us-east-1, x86_64.
    pub fn lambda_x86_64() -> FaasRates {
        let c = catalog::catalog();
        FaasRates::from_catalog(
            c.faas("aws-lambda").expect("catalog has Lambda"),
            Arch::X86_64,
        )
    }

    /// AWS Lambda, us-east-1, arm64.
    pub fn lambda_arm64() -> FaasRates {
        let c = catalog::catalog();
        FaasRates::from_catalog(
            c.faas("aws-lambda").expect("catalog has Lambda"),
            Arch::Arm64,
        )
    }

    /// Azure Functions, Consumption plan.
    pub fn azure() -> FaasRates {
        let c = catalog::catalog();
        let p = c
            .faas("azure-functions")
            .expect("catalog has Azure Functions");
        FaasRates::from_catalog(p, Arch::X86_64)
    }

    /// Replaces the tiers by one flat GB-second price (what a price override means).
    pub fn with_flat_gb_s(mut self, usd_per_gb_s: f64) -> FaasRates {
        self.tiers = vec![Tier {
            up_to_gb_s: None,
            usd_per_gb_s,
        }];
        self
    }
}

/// A function bill, with every intermediate figure the "show the math" text needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FaasBill {
    pub requests: f64,
    pub free_requests: f64,
    pub billable_requests: f64,
    /// Duration after rounding up to the granularity (and the service's minimum).
    pub billed_duration_ms: f64,
    /// The service's shortest billed duration (Azure's Consumption plan: 100 ms; Lambda: 1 ms).
    pub min_billed_ms: f64,
    /// Memory after rounding up to the service's step.
    pub billed_memory_mb: f64,
    pub memory_gb: f64,
    pub gb_seconds: f64,
    pub free_gb_seconds: f64,
    pub billable_gb_seconds: f64,
    /// `(GB-seconds in the tier, USD per GB-second)` for each tier used.
    pub tiers_used: Vec<(f64, f64)>,
    pub usd_per_million_requests: f64,
    pub requests_usd: f64,
    pub compute_usd: f64,
    pub total_usd: f64,
}

/// Rounds `x` up to a multiple of `step`, tolerating float noise (100.0000000001 ms at 1 ms
/// granularity is 100 ms, not 101).
fn round_up(x: f64, step: f64) -> f64 {
    if step <= 0.0 {
        return x;
    }
    let n = x / step;
    let r = n.round();
    if (n - r).abs() < 1e-9 {
        r * step
    } else {
        n.ceil() * step
    }
}

/// Bills `requests` invocations of `duration_ms` each at `memory_mb`.
///
/// Duration is rounded up to `granularity_ms` (1 since December 2020, 100 before) and the
/// service's minimum; memory up to the service's step; GB = MB / 1024. The free tier (if
/// `free_tier`) comes off first, then volume tiers apply to what is left.
pub fn faas(
    requests: f64,
    duration_ms: f64,
    memory_mb: f64,
    rates: &FaasRates,
    free_tier: bool,
    granularity_ms: f64,
) -> FaasBill {
    let requests = clean(requests);
    let billed_duration_ms = round_up(clean(duration_ms), granularity_ms.max(1.0))
        .max(rates.min_billed_ms)
        .max(if requests > 0.0 { 1.0 } else { 0.0 });
    let billed_memory_mb = round_up(clean(memory_mb), rates.memory_step_mb.max(1.0));
    let memory_gb = billed_memory_mb / 1024.0;
    let gb_seconds = requests * billed_duration_ms / 1000.0 * memory_gb;
    let mut bill = faas_totals(requests, gb_seconds, rates, free_tier);
    bill.billed_duration_ms = billed_duration_ms;
    bill.billed_memory_mb = billed_memory_mb;
    bill.memory_gb = memory_gb;
    bill
}

/// The resolution GB-seconds are counted in: a millionth of a GB-second, or coarser when the
/// total is so large that 15 significant digits cannot hold millionths. Quantities of one bill
/// on one resolution add and subtract exactly as printed.
pub fn gb_s_step(total: f64) -> f64 {
    let total = clean(total);
    let digits = if total >= 1.0 {
        libm::log10(total).floor() + 1.0
    } else {
        1.0
    };
    libm::pow(10.0, (digits - 15.0).max(-6.0))
}

/// `gb_seconds` on the resolution `step` (see [`gb_s_step`]).
pub fn on_step(gb_seconds: f64, step: f64) -> f64 {
    (clean(gb_seconds) / step).round() * step
}

/// Bills month totals of requests and GB-seconds (what the simulator has once it has added up
/// the steps).
pub fn faas_totals(requests: f64, gb_seconds: f64, rates: &FaasRates, free_tier: bool) -> FaasBill {
    let requests = clean(requests);
    let gb_seconds = on_step(gb_seconds, gb_s_step(gb_seconds));
    let (free_req, free_gbs) = if free_tier {
        (rates.free_requests_per_month, rates.free_gb_s_per_month)
    } else {
        (0.0, 0.0)
    };
    let free_requests = requests.min(free_req);
    let billable_requests = requests - free_requests;
    let free_gb_seconds = gb_seconds.min(free_gbs);
    let billable_gb_seconds = gb_seconds - free_gb_seconds;
    let requests_usd = billable_requests / 1e6 * clean(rates.usd_per_million_requests);
    let (compute_usd, tiers_used) = tiered(billable_gb_seconds, &rates.tiers);
    FaasBill {
        requests,
        free_requests,
        billable_requests,
        billed_duration_ms: 0.0,
        min_billed_ms: clean(rates.min_billed_ms),
        billed_memory_mb: 0.0,
        memory_gb: 0.0,
        gb_seconds,
        free_gb_seconds,
        billable_gb_seconds,
        tiers_used,
        usd_per_million_requests: clean(rates.usd_per_million_requests),
        requests_usd,
        compute_usd,
        total_usd: add_cents(&[requests_usd, compute_usd]),
    }
}

/// Walks volume tiers. A tier list with no unbounded last tier bills the rest at its last rate.
fn tiered(gb_seconds: f64, tiers: &[Tier]) -> (f64, Vec<(f64, f64)>) {
    let mut left = gb_seconds;
    let mut floor = 0.0;
    let mut usd = 0.0;
    let mut used = Vec::new();
    for (i, t) in tiers.iter().enumerate() {
        if left <= 0.0 {
            break;
        }
        let last = i + 1 == tiers.len();
        let width = match t.up_to_gb_s {
            Some(top) if !last => (top - floor).max(0.0),
            _ => f64::INFINITY,
        };
        let here = left.min(width);
        let rate = clean(t.usd_per_gb_s);
        usd += here * rate;
        used.push((here, rate));
        left -= here;
        floor = t.up_to_gb_s.unwrap_or(floor);
    }
    (usd, used)
}

/// Provisioned concurrency: `environments` kept warm at `memory_mb` for `seconds`.
pub fn faas_provisioned(environments: f64, memory_mb: f64, seconds: f64, usd_per_gb_s: f64) -> f64 {
    clean(environments) * clean(memory_mb) / 1024.0 * clean(seconds) * clean(usd_per_gb_s)
}

/// A fleet of identical VMs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VmBill {
    pub count: f64,
    pub hours: f64,
    pub usd_per_hour: f64,
    pub total_usd: f64,
}

/// `count` VMs for `hours` each at `usd_per_hour` (on-demand, per-second billing; whole hours
/// here, so the 60-second minimum never bites — see [`vm_billed_seconds`]).
pub fn vm(usd_per_hour: f64, count: f64, hours: f64) -> VmBill {
    let (usd_per_hour, count, hours) = (clean(usd_per_hour), clean(count), clean(hours));
    VmBill {
        count,
        hours,
        usd_per_hour,
        total_usd: round_cents(usd_per_hour * count * hours),
    }
}

/// Seconds billed for one VM that ran `seconds`: per-second billing with a 60-second minimum.
pub fn vm_billed_seconds(seconds: f64) -> f64 {
    let s = clean(seconds);
    if s <= 0.0 { 0.0 } else { s.ceil().max(60.0) }
}

/// A fleet of managed containers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContainerBill {
    pub count: f64,
    pub hours: f64,
    pub vcpu: f64,
    pub memory_gb: f64,
    pub vcpu_hours: f64,
    pub gb_hours: f64,
    pub usd_per_vcpu_hour: f64,
    pub usd_per_gb_hour: f64,
    pub vcpu_usd: f64,
    pub memory_usd: f64,
    pub total_usd: f64,
}

/// `count` containers of `vcpu` and `memory_gb` running `hours` each.
pub fn container(
    usd_per_vcpu_hour: f64,
    usd_per_gb_hour: f64,
    vcpu: f64,
    memory_gb: f64,
    count: f64,
    hours: f64,
) -> ContainerBill {
    let (count, hours, vcpu, memory_gb) =
        (clean(count), clean(hours), clean(vcpu), clean(memory_gb));
    let vcpu_hours = vcpu * count * hours;
    let gb_hours = memory_gb * count * hours;
    let vcpu_usd = vcpu_hours * clean(usd_per_vcpu_hour);
    let memory_usd = gb_hours * clean(usd_per_gb_hour);
    ContainerBill {
        count,
        hours,
        vcpu,
        memory_gb,
        vcpu_hours,
        gb_hours,
        usd_per_vcpu_hour: clean(usd_per_vcpu_hour),
        usd_per_gb_hour: clean(usd_per_gb_hour),
        vcpu_usd,
        memory_usd,
        total_usd: add_cents(&[vcpu_usd, memory_usd]),
    }
}

/// Owned servers for one month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OnPremBill {
    pub servers: f64,
    pub hardware_usd: f64,
    pub opex_usd: f64,
    pub total_usd: f64,
}

/// `servers` bought at `server_usd` each and written off over `life_months`, plus power,
/// space and operations per server-month. The cost is the same whether they are busy or idle.
pub fn onprem(
    servers: f64,
    server_usd: f64,
    life_months: f64,
    opex_usd_per_server_month: f64,
) -> OnPremBill {
    let servers = clean(servers);
    let hardware_usd = servers * clean(server_usd) / life_months.max(1.0);
    let opex_usd = servers * clean(opex_usd_per_server_month);
    OnPremBill {
        servers,
        hardware_usd,
        opex_usd,
        total_usd: add_cents(&[hardware_usd, opex_usd]),
    }
}

/// A subscription: seats × price per seat-month.
pub fn saas(seats: f64, usd_per_seat_month: f64) -> f64 {
    clean(seats) * clean(usd_per_seat_month)
}

/// Negative, NaN or infinite inputs count as zero: a bill is never negative and never NaN.
fn clean(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 { x } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cents(x: f64) -> String {
        format!("{x:.2}")
    }

    #[test]
    fn lambda_issue_checks() {
        // 1,000,000 × 0.100 s × 0.5 GB = 50,000 GB-s × $0.0000166667 = $0.833335;
        // 1 M requests × $0.20 = $0.20; total $1.033335 → $1.03.
        let b = faas(1e6, 100.0, 512.0, &FaasRates::lambda_x86_64(), false, 1.0);
        assert_eq!(b.gb_seconds, 50_000.0);
        assert_eq!(cents(b.requests_usd), "0.20");
        assert_eq!(cents(b.compute_usd), "0.83");
        assert_eq!(cents(b.total_usd), "1.03");

        // 30,000,000 × 0.2 s × 0.125 GB = 750,000 GB-s; − 400,000 free = 350,000 GB-s
        // × $0.0000166667 = $5.833345; (30 M − 1 M free) × $0.20 / M = $5.80; total $11.63.
        let b = faas(30e6, 200.0, 128.0, &FaasRates::lambda_x86_64(), true, 1.0);
        assert_eq!(b.gb_seconds, 750_000.0);
        assert_eq!(b.billable_gb_seconds, 350_000.0);
        assert_eq!(cents(b.compute_usd), "5.83");
        assert_eq!(cents(b.requests_usd), "5.80");
        assert_eq!(cents(b.total_usd), "11.63");
    }

    #[test]
    fn lambda_more_hand_worked_examples() {
        // AWS's own example: 3 M × 1 s × 512 MB, free tier: 1,500,000 − 400,000 = 1,100,000 GB-s
        // × $0.0000166667 = $18.33337; (3 M − 1 M) × $0.20 = $0.40; total $18.73.
        // (The page shows $18.34 + $0.40 = $18.74 because it rounds the rate to $0.00001667.)
        let b = faas(3e6, 1000.0, 512.0, &FaasRates::lambda_x86_64(), true, 1.0);
        assert_eq!(cents(b.compute_usd), "18.33");
        assert_eq!(cents(b.total_usd), "18.73");

        // arm64: 10 M × 50 ms × 1024 MB, no free tier: 500,000 GB-s × $0.0000133334 = $6.6667;
        // 10 × $0.20 = $2.00; total $8.67.
        let b = faas(10e6, 50.0, 1024.0, &FaasRates::lambda_arm64(), false, 1.0);
        assert_eq!(cents(b.compute_usd), "6.67");
        assert_eq!(cents(b.total_usd), "8.67");

        // Granularity: 1 M × 12 ms × 1024 MB. At 1 ms: 12,000 GB-s × $0.0000166667 = $0.20;
        // at the legacy 100 ms: 100,000 GB-s × $0.0000166667 = $1.666670 → $1.67 (+ $0.20).
        let b = faas(1e6, 12.0, 1024.0, &FaasRates::lambda_x86_64(), false, 1.0);
        assert_eq!(b.billed_duration_ms, 12.0);
        assert_eq!(cents(b.total_usd), "0.40");
        let b = faas(1e6, 12.0, 1024.0, &FaasRates::lambda_x86_64(), false, 100.0);
        assert_eq!(b.billed_duration_ms, 100.0);
        assert_eq!(cents(b.compute_usd), "1.67");
        assert_eq!(cents(b.total_usd), "1.87");

        // Volume tiers: 100,000 req/s × 1 s × 1 GB for 30 days = 259,200,000,000 GB-s.
        // 6 bn × $0.0000166667 = $100,000.20; 9 bn × $0.000015 = $135,000;
        // 244.2 bn × $0.0000133334 = $3,256,016.28; requests 259,200 M × $0.20 = $51,840.
        let b = faas(
            100_000.0 * 86_400.0 * 30.0,
            1000.0,
            1024.0,
            &FaasRates::lambda_x86_64(),
            false,
            1.0,
        );
        assert_eq!(b.tiers_used.len(), 3);
        assert_eq!(cents(b.compute_usd), "3491016.48");
        assert_eq!(cents(b.requests_usd), "51840.00");
    }

    #[test]
    fn azure_functions_examples() {
        // 2 M × 1 s × 512 MB with the free grant: 1,000,000 − 400,000 = 600,000 GB-s × $0.000016
        // = $9.60; (2 M − 1 M) × $0.20 = $0.20; total $9.80.
        let b = faas(2e6, 1000.0, 512.0, &FaasRates::azure(), true, 1.0);
        assert_eq!(cents(b.total_usd), "9.80");
        // Azure rounds memory up to 128 MB steps and bills at least 100 ms: 3 M × 40 ms × 200 MB
        // bills as 3 M × 0.1 s × 0.25 GB = 75,000 GB-s × $0.000016 = $1.20; + 3 × $0.20 = $1.80.
        let b = faas(3e6, 40.0, 200.0, &FaasRates::azure(), false, 1.0);
        assert_eq!(b.billed_memory_mb, 256.0);
        assert_eq!(b.billed_duration_ms, 100.0);
        assert_eq!(cents(b.total_usd), "1.80");
    }

    #[test]
    fn totals_add_up_the_parts_as_printed() {
        // 1,010,000 × 1 ms × 256 MB: requests $0.202, compute 252.5 GB-s × $0.0000166667 =
        // $0.0042083; the lines print $0.20 and $0.00, so the total is $0.20 (rounding the
        // unrounded $0.2062 would print $0.21 under two lines that add up to $0.20).
        let b = faas(
            1_010_000.0,
            1.0,
            256.0,
            &FaasRates::lambda_x86_64(),
            false,
            1.0,
        );
        assert_eq!(
            (cents(b.requests_usd), cents(b.compute_usd)),
            ("0.20".into(), "0.00".into())
        );
        assert_eq!(cents(b.total_usd), "0.20");
        // Fargate 0.25 vCPU / 0.5 GB for 3 h: $0.03036 + $0.0066675 print $0.03 + $0.01.
        let c = container(0.04048, 0.004445, 0.25, 0.5, 1.0, 3.0);
        assert_eq!(cents(c.total_usd), "0.04");
        // On-premises: 3 × $1,000 ÷ 7 = $428.571…, 3 × $0.333 = $0.999: $428.57 + $1.00.
        assert_eq!(cents(onprem(3.0, 1000.0, 7.0, 0.333).total_usd), "429.57");
    }

    #[test]
    fn vm_examples() {
        // t3.micro for a 30-day month: $0.0104 × 720 h = $7.488 → $7.49.
        assert_eq!(cents(vm(0.0104, 1.0, 720.0).total_usd), "7.49");
        // 3 × m5.large: 3 × $0.096 × 720 = $207.36.
        assert_eq!(cents(vm(0.096, 3.0, 720.0).total_usd), "207.36");
        // 2 × c5.large for a 24-hour day: 2 × $0.085 × 24 = $4.08.
        assert_eq!(cents(vm(0.085, 2.0, 24.0).total_usd), "4.08");
        assert_eq!(vm_billed_seconds(5.0), 60.0);
        assert_eq!(vm_billed_seconds(61.2), 62.0);
        assert_eq!(vm_billed_seconds(0.0), 0.0);
    }

    #[test]
    fn container_examples() {
        // Fargate 1 vCPU / 2 GB for a 30-day month, 720 h: 720 × $0.04048 = $29.1456 →
        // $29.15; 1,440 GB-h × $0.004445 = $6.4008 → $6.40; total $35.55.
        let b = container(0.04048, 0.004445, 1.0, 2.0, 1.0, 720.0);
        assert_eq!(cents(b.vcpu_usd), "29.15");
        assert_eq!(cents(b.memory_usd), "6.40");
        assert_eq!(cents(b.total_usd), "35.55");
        // Two Fargate tasks of 0.25 vCPU / 0.5 GB for 720 h: 2 × 720 × 0.25 = 360 vCPU-h ×
        // $0.04048 = $14.5728 → $14.57; 2 × 720 × 0.5 = 720 GB-h × $0.004445 = $3.2004 →
        // $3.20; total $17.77.
        assert_eq!(
            cents(container(0.04048, 0.004445, 0.25, 0.5, 2.0, 720.0).total_usd),
            "17.77"
        );
        // App Runner 1 vCPU / 2 GB active for 720 h: 720 × $0.064 = $46.08; 1,440 × $0.007 =
        // $10.08; total $56.16.
        assert_eq!(
            cents(container(0.064, 0.007, 1.0, 2.0, 1.0, 720.0).total_usd),
            "56.16"
        );
        // Cloud Run instance-based, 1 vCPU / 1 GiB for 720 h: 2,592,000 s × $0.000018 =
        // $46.656 → $46.66; 2,592,000 GiB-s × $0.000002 = $5.184 → $5.18; total $51.84.
        assert_eq!(
            cents(container(0.0648, 0.0072, 1.0, 1.0, 1.0, 720.0).total_usd),
            "51.84"
        );
    }

    #[test]
    fn onprem_and_saas_examples() {
        // 4 servers × $12,000 / 48 months = $1,000; 4 × $300 = $1,200; total $2,200.
        let b = onprem(4.0, 12_000.0, 48.0, 300.0);
        assert_eq!(cents(b.total_usd), "2200.00");
        // 50 seats × $8.40 = $420.
        assert_eq!(cents(saas(50.0, 8.4)), "420.00");
    }

    #[test]
    fn provisioned_concurrency_example() {
        // 10 environments × 1 GB for 30 days: 10 × 2,592,000 s = 25,920,000 GB-s × $0.0000041667
        // = $108.00.
        assert_eq!(
            cents(faas_provisioned(10.0, 1024.0, 2_592_000.0, 0.0000041667)),
            "108.00"
        );
    }

    #[test]
    fn bad_inputs_never_make_a_negative_or_nan_bill() {
        let r = FaasRates::lambda_x86_64();
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -5.0, 0.0] {
            let b = faas(x, x, x, &r, true, x);
            assert!(b.total_usd.is_finite() && b.total_usd >= 0.0);
            assert!(vm(x, x, x).total_usd == 0.0);
            assert!(container(x, x, x, x, x, x).total_usd == 0.0);
        }
    }

    proptest! {
        #[test]
        fn faas_cost_is_finite_non_negative_and_monotone(
            req in 0.0f64..1e13, more in 0.0f64..1e12, d in 0.0f64..1e6, m in 0.0f64..20_000.0,
            free in any::<bool>(), arm in any::<bool>(), g in prop::sample::select(vec![1.0, 100.0]),
        ) {
            let r = if arm { FaasRates::lambda_arm64() } else { FaasRates::lambda_x86_64() };
            let a = faas(req, d, m, &r, free, g);
            let b = faas(req + more, d, m, &r, free, g);
            prop_assert!(a.total_usd.is_finite() && a.total_usd >= 0.0);
            prop_assert!(b.total_usd >= a.total_usd);
            prop_assert!(b.requests_usd >= a.requests_usd && b.compute_usd >= a.compute_usd);
            let az = faas(req, d, m, &FaasRates::azure(), free, g);
            prop_assert!(az.total_usd.is_finite() && az.total_usd >= 0.0);
        }

        #[test]
        fn fleet_costs_scale_with_hours(p in 0.0f64..100.0, n in 0.0f64..1e4, h in 0.0f64..1e4, extra in 0.0f64..100.0) {
            let a = vm(p, n, h).total_usd;
            prop_assert!(a.is_finite() && a >= 0.0);
            prop_assert!(vm(p, n, h + extra).total_usd >= a);
            let c = container(p, p, 1.0, 2.0, n, h).total_usd;
            prop_assert!(c.is_finite() && c >= 0.0);
            prop_assert!(container(p, p, 1.0, 2.0, n, h + extra).total_usd >= c);
        }
    }
}
