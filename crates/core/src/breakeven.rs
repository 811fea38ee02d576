//! Break-even: the steady traffic at which functions cost as much as a VM fleet, and as much
//! as managed containers, for the Scenario's workload and prices.
//!
//! Functions bill per request, so their monthly cost grows with the rate `r` (in steps at the
//! free-tier edge and in volume tiers), from a floor: the scenario's provisioned concurrency
//! and keep-warm pings, billed whatever the traffic. A fleet costs a fixed amount per
//! instance, and needs `ceil(r · cpu_ms / 1000 / (vCPU · target))` instances (at least its
//! minimum), so its cost is a staircase. The lines may cross many times: within one stair the
//! fleet's cost is flat and the function bill rises (so they cross there at most once, found
//! by bisection), and at each step the fleet's cost jumps, which may make functions cheaper
//! again. So the comparison walks every stair up to the most functions serve and reports every
//! range of rates where functions are cheaper ([`Comparison::faas_cheaper`]), the first rate
//! where they stop being cheaper ([`Comparison::point`]), and which is cheaper at a given rate
//! ([`at_rate`]), all from the same two curves the chart draws.
//!
//! A fleet's month is its bill: whole cents for the instances it runs ([`pricing::vm`],
//! [`pricing::container`], as the month table bills them), so its price in won is that cent
//! amount converted and rounded once.
//!
//! The load is steady (every second of a 30-day month at `r`), which favours fleets; spiky
//! traffic moves the break-even up, which is what the scaling view shows.

use serde::Serialize;

use crate::i18n::{Lang, Text};
use crate::money::{format, format_number, round_cents};
use crate::msa_scene::fill;
use crate::pricing;
use crate::scenario::Scenario;
use crate::sim::{FaasPricing, MonthFaasBill, Outcome, Rates, SIM_HOURS_PER_MONTH};
use crate::traffic::DAYS_PER_MONTH;

/// Seconds in the simulator's 30-day month.
pub const MONTH_S: f64 = DAYS_PER_MONTH * 86_400.0;
/// The search stops here (requests/s) or after this many stairs.
pub const MAX_RPS: f64 = 1_000_000.0;
const MAX_STAIRS: f64 = 200_000.0;
/// The search also stops once functions have been found cheaper in this many ranges (each
/// costs a bisection).
pub const MAX_RANGES: usize = 1_000;
/// Ranges a sentence lists before it counts the rest.
const LISTED_RANGES: usize = 3;

/// Where two bills meet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    pub requests_per_s: f64,
    pub requests_per_month: f64,
    /// The fleet's bill at that rate (whole cents), which functions reach there.
    pub monthly_usd: f64,
    /// Fleet instances at that rate.
    pub instances: f64,
}

/// Rates between `from_rps` (0, or a fleet's step: just above it) and `to_rps` (not included)
/// where functions cost less than the fleet.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Range {
    pub from_rps: f64,
    pub to_rps: f64,
}

/// A rate where the two lines cross.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Crossing {
    pub requests_per_s: f64,
    /// The month's bill where the lines meet (whole cents): the fleet's, where functions
    /// reach it within a stair; the functions', where the fleet steps up past them.
    pub monthly_usd: f64,
    /// Fleet instances just above the rate.
    pub instances: f64,
    /// Whether functions are cheaper just above the rate (the fleet stepped up past them)
    /// rather than just below it.
    pub faas_cheaper_above: bool,
}

/// How a fleet is billed for a month of `n` instances.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Fleet {
    /// No valid fleet.
    #[default]
    None,
    Vm {
        usd_per_hour: f64,
    },
    Container {
        usd_per_vcpu_hour: f64,
        usd_per_gb_hour: f64,
        vcpu: f64,
        memory_gb: f64,
    },
}

impl Fleet {
    /// The month's bill for `n` instances running all month, in whole cents, as the
    /// simulation bills a fleet (`None` without a fleet).
    pub fn month_usd(&self, n: f64) -> Option<f64> {
        let hours = n * SIM_HOURS_PER_MONTH;
        match *self {
            Fleet::None => None,
            Fleet::Vm { usd_per_hour } => Some(pricing::vm(usd_per_hour, 1.0, hours).total_usd),
            Fleet::Container {
                usd_per_vcpu_hour,
                usd_per_gb_hour,
                vcpu,
                memory_gb,
            } => Some(
                pricing::container(
                    usd_per_vcpu_hour,
                    usd_per_gb_hour,
                    vcpu,
                    memory_gb,
                    1.0,
                    hours,
                )
                .total_usd,
            ),
        }
    }
}

/// Functions against one fleet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The first rate where functions stop being cheaper (`0` when they never are at the
    /// lowest rates); `None`: functions are cheaper at every rate up to `searched_up_to_rps`.
    pub point: Option<Point>,
    /// Every range of rates up to `searched_up_to_rps` where functions are cheaper, in order.
    pub faas_cheaper: Vec<Range>,
    /// Every rate above 0 up to `searched_up_to_rps` where the lines cross, in order:
    /// each end of a range of [`Comparison::faas_cheaper`] that is not 0 or the search's end.
    pub crossings: Vec<Crossing>,
    pub searched_up_to_rps: f64,
    /// Whether the search ended at [`faas_max_rps`], the most the concurrency quota lets
    /// functions serve (above it they throttle), rather than at its own limit.
    pub quota_limited: bool,
    /// Monthly bill of one fleet instance (whole cents) and what it serves at the target
    /// utilisation.
    pub instance_usd_per_month: f64,
    pub instance_rps: f64,
    pub min_instances: f64,
    #[serde(skip)]
    pub fleet: Fleet,
}

impl Comparison {
    /// The instances needed at `rps` (`None` without a valid fleet).
    pub fn instances(&self, rps: f64) -> Option<f64> {
        let ok =
            self.instance_rps.is_finite() && self.instance_rps > 0.0 && self.fleet != Fleet::None;
        ok.then(|| (rps / self.instance_rps).ceil().max(self.min_instances))
    }

    /// The fleet's month bill at a steady `rps`, whole cents.
    pub fn fleet_month_usd(&self, rps: f64) -> Option<f64> {
        self.instances(rps).and_then(|n| self.fleet.month_usd(n))
    }

    /// Whether `rps` is in one of the ranges where functions are cheaper. A range that starts
    /// at a step starts just above it: at the step's rate the fewer instances still suffice.
    pub fn faas_cheaper_at(&self, rps: f64) -> bool {
        self.faas_cheaper
            .iter()
            .any(|r| (rps > r.from_rps || (r.from_rps <= 0.0 && rps >= 0.0)) && rps < r.to_rps)
    }

    /// Whether the lines cross more than once below where the search stopped.
    pub fn crosses_again(&self) -> bool {
        match self.faas_cheaper.as_slice() {
            [] => false,
            [only] => only.from_rps > 0.0 && only.to_rps < self.searched_up_to_rps,
            _ => true,
        }
    }
}

/// Both comparisons.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakeven {
    pub faas_vs_vm: Comparison,
    pub faas_vs_container: Comparison,
    /// Whether the workload can run as a function at all (see `sim::faas_runnable`).
    pub faas_runnable: bool,
}

/// The functions' month bill against a steady rate, priced once for a scenario.
pub struct FaasCurve<'a> {
    rates: &'a Rates,
    pricing: FaasPricing,
    run_s: f64,
    pings: f64,
}

impl<'a> FaasCurve<'a> {
    pub fn new(s: &Scenario, rates: &'a Rates) -> FaasCurve<'a> {
        let pricing = FaasPricing::new(s, rates);
        // Steady traffic's days are all alike: each sends a whole day's pings.
        let pings = DAYS_PER_MONTH * pricing.day_pings(1440);
        FaasCurve {
            rates,
            pricing,
            run_s: crate::sim::faas_run_ms(s) / 1000.0,
            pings,
        }
    }

    /// The month's bill at a steady `rps`, see [`faas_month_bill`].
    pub fn bill(&self, rps: f64) -> MonthFaasBill {
        let requests = rps * MONTH_S;
        let share = self.pricing.provisioned_share(rps * self.run_s);
        let pc_gb_s = requests * self.pricing.gb_s_per_request * share;
        self.pricing
            .month_bill(self.rates, requests, self.pings, pc_gb_s, 0.0)
    }

    /// [`FaasCurve::bill`] before rounding to the cent, so the search sees a smooth curve.
    pub fn usd(&self, rps: f64) -> f64 {
        self.bill(rps).unrounded_usd()
    }

    /// The billed run time of one request, ms.
    pub fn billed_ms(&self) -> f64 {
        self.pricing.per_request.billed_duration_ms
    }
}

/// The monthly function bill at a steady `rps`, as the simulation bills a month of
/// `rps × MONTH_S` requests (the same [`FaasPricing::month_bill`]): each request runs (and is
/// billed) for [`crate::sim::faas_run_ms`], its duration or its CPU time on the function's CPU
/// share when that is longer; the scenario's provisioned environments bill their month and
/// the duration of the requests they serve at their rate (as many as steady traffic keeps
/// busy, up to all of them); its keep-warm pings are billed as requests. Lambda's INIT of
/// cold starts is left out: steady traffic runs on warm environments (the month's math shows
/// what its cold starts add on their own line). Tested against the bill in
/// `tests/relations.rs`.
pub fn faas_month_bill(s: &Scenario, rates: &Rates, rps: f64) -> MonthFaasBill {
    FaasCurve::new(s, rates).bill(rps)
}

/// [`faas_month_bill`] before rounding to the cent, so the search for the break-even point
/// sees a smooth curve.
pub fn faas_month_usd(s: &Scenario, rates: &Rates, rps: f64) -> f64 {
    FaasCurve::new(s, rates).usd(rps)
}

/// The most requests a second functions serve: the account's concurrency quota over the
/// run time (`quota × 1000 / run ms`); above it the simulation throttles the rest (its
/// functions' capacity is the same quota over the same run).
pub fn faas_max_rps(s: &Scenario) -> f64 {
    let run_ms = crate::sim::faas_run_ms(s).max(1e-9);
    f64::from(s.faas.quota.max(1)) * 1000.0 / run_ms
}

/// This scenario's average request rate over its month (`None` without traffic).
pub fn scenario_rps(o: &Outcome) -> Option<f64> {
    o.models
        .first()
        .map(|m| m.month.requests / MONTH_S)
        .filter(|r| r.is_finite() && *r > 0.0)
}

/// Which is cheaper at one rate, by the two curves' month bills (whole cents).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cheaper {
    Faas,
    Fleet,
    Same,
}

/// The two bills at one steady rate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct AtRate {
    pub requests_per_s: f64,
    /// Functions' month at a steady `requests_per_s` (the curve's bill, whole cents): not the
    /// month table's bill, which is the scenario's own traffic ([`AtRate::month_faas_usd`]).
    pub faas_usd: f64,
    pub fleet_usd: f64,
    pub instances: f64,
    pub cheaper: Cheaper,
    /// At the scenario's own average rate ([`at_scenario_rate`]): the month table's bill for
    /// functions, the same workload on the scenario's traffic (cold starts, pings and
    /// provisioned environments as that traffic has them), which may differ from the steady
    /// figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month_faas_usd: Option<f64>,
}

/// Both curves' month bills at `rps` and which is cheaper there; `None` without a valid
/// fleet, or above where the search stopped (functions throttle above the quota's limit).
pub fn at_rate(curve: &FaasCurve, c: &Comparison, rps: f64) -> Option<AtRate> {
    if !(rps.is_finite() && rps > 0.0 && rps <= c.searched_up_to_rps) {
        return None;
    }
    let fleet_usd = c.fleet_month_usd(rps)?;
    let faas_usd = curve.bill(rps).total_usd;
    let cheaper = match round_cents(faas_usd).partial_cmp(&round_cents(fleet_usd)) {
        Some(std::cmp::Ordering::Less) => Cheaper::Faas,
        Some(std::cmp::Ordering::Greater) => Cheaper::Fleet,
        _ => Cheaper::Same,
    };
    Some(AtRate {
        requests_per_s: rps,
        faas_usd,
        fleet_usd,
        instances: c.instances(rps)?,
        cheaper,
        month_faas_usd: None,
    })
}

/// [`at_rate`] at the scenario's own average rate ([`scenario_rps`]), with the month table's
/// function bill beside the steady figure (`None` without traffic or a valid fleet).
pub fn at_scenario_rate(curve: &FaasCurve, c: &Comparison, o: &Outcome) -> Option<AtRate> {
    let at = at_rate(curve, c, scenario_rps(o)?)?;
    Some(AtRate {
        month_faas_usd: month_faas_usd(o),
        ..at
    })
}

/// The month table's function bill (`None` when functions cannot run the workload).
pub fn month_faas_usd(o: &Outcome) -> Option<f64> {
    let faas = o.model(crate::sim::ModelKind::Faas);
    faas.not_runnable.is_empty().then_some(faas.month.cost_usd)
}

/// When the steady figure at the scenario's average rate reads differently from the month
/// table's function bill, the sentence that says which is which: the month table bills the
/// scenario's own traffic. One quantity, one value: the steady figure is labelled steady, and
/// the bill is named as the month table's.
pub fn at_month_text(s: &Scenario, a: &AtRate, lang: Lang) -> Option<String> {
    let money = |usd: f64| format(usd, s.currency, s.krw_per_usd);
    let bill = money(a.month_faas_usd?);
    (bill != money(a.faas_usd)).then(|| fill(Text::ChartBeAtMonth.get(lang), &[("bill", bill)]))
}

/// What the two bills at a steady rate say, e.g. "At a steady 14.5 req/s, this scenario's
/// average, functions would cost $61.87 a month and fargate $71.09: functions are cheaper".
pub fn at_rate_text(s: &Scenario, a: &AtRate, fleet: &str, lang: Lang) -> String {
    let money = |usd: f64| format(usd, s.currency, s.krw_per_usd);
    let text = match a.cheaper {
        Cheaper::Faas => Text::ChartBeAtFaas,
        Cheaper::Fleet => Text::ChartBeAtFleet,
        Cheaper::Same => Text::ChartBeAtSame,
    };
    fill(
        text.get(lang),
        &[
            ("rps", crate::chart::breakeven::rps_label(a.requests_per_s)),
            ("fleet", fleet.to_string()),
            ("faas", money(a.faas_usd)),
            ("cost", money(a.fleet_usd)),
        ],
    )
}

/// Where the search stopped, as the end of a sentence: the quota's limit (and that functions
/// throttle above it) or the search's own.
fn limit_text(s: &Scenario, c: &Comparison, lang: Lang) -> String {
    let rps = crate::chart::breakeven::rps_label(c.searched_up_to_rps);
    if c.quota_limited {
        fill(
            Text::ChartBeLimitQuota.get(lang),
            &[
                ("rps", rps),
                ("quota", format_number(f64::from(s.faas.quota.max(1)), 0)),
                ("ms", format_number(crate::sim::faas_run_ms(s), 2)),
            ],
        )
    } else {
        fill(Text::ChartBeLimitSearch.get(lang), &[("rps", rps)])
    }
}

/// What a comparison with a crossing says: every range of rates where functions are cheaper
/// (the first few, then how many more), or that the fleet is cheaper at every rate, up to
/// where the search stopped. `None` when functions are cheaper everywhere (see
/// [`none_text`]) or there is no valid fleet.
pub fn ranges_text(s: &Scenario, c: &Comparison, fleet: &str, lang: Lang) -> Option<String> {
    if c.point.is_none() || c.searched_up_to_rps <= 0.0 {
        return None;
    }
    let limit = limit_text(s, c, lang);
    let label = crate::chart::breakeven::rps_label;
    let fleet = ("fleet", fleet.to_string());
    let text = match c.faas_cheaper.as_slice() {
        [] => fill(
            Text::ChartBeNeverCheaper.get(lang),
            &[fleet, ("limit", limit)],
        ),
        [only] if only.from_rps <= 0.0 && !c.crosses_again() => fill(
            Text::ChartBeBelow.get(lang),
            &[fleet, ("rps", label(only.to_rps)), ("limit", limit)],
        ),
        [only] if only.to_rps >= c.searched_up_to_rps => fill(
            Text::ChartBeAbove.get(lang),
            &[fleet, ("rps", label(only.from_rps)), ("limit", limit)],
        ),
        ranges => {
            // The ranges whose ends are among the crossings the chart labels (a range from 0
            // has one end to label, one up to the search's end one): every rate the sentence
            // names can be found beside its ring. The first range is always listed.
            let mut ends = 0;
            let listed = ranges
                .iter()
                .take(LISTED_RANGES)
                .take_while(|r| {
                    ends += usize::from(r.from_rps > 0.0)
                        + usize::from(r.to_rps < c.searched_up_to_rps);
                    ends <= crate::chart::breakeven::LABELLED
                })
                .count()
                .max(1);
            let shown: Vec<String> = ranges
                .iter()
                .take(listed)
                .map(|r| {
                    let from = if r.from_rps <= 0.0 {
                        "0".to_string()
                    } else {
                        label(r.from_rps)
                    };
                    format!("{from}–{}", label(r.to_rps))
                })
                .collect();
            let list = ranges_list(&shown, ranges.len() - listed, lang);
            fill(
                Text::ChartBeRanges.get(lang),
                &[fleet, ("list", list), ("limit", limit)],
            )
        }
    };
    Some(text)
}

/// The ranges a sentence lists, with the unit after the last one listed and how many more
/// there are: "0–5 req/s", "0–5 and 8–9 req/s", "0–5, 8–9 and 12–13 req/s", "0–5, 8–9,
/// 12–13 req/s and 2 more ranges"; in Korean separated by commas ("0–5, 8–9 req/s",
/// "… 요청/초 외 2개 구간").
pub fn ranges_list(shown: &[String], more: usize, lang: Lang) -> String {
    let text = match (shown, more) {
        ([], _) => return String::new(),
        ([only], 0) => return fill(Text::ChartBeRangesOne.get(lang), &[("only", only.clone())]),
        ([rest @ .., last], 0) => {
            return fill(
                Text::ChartBeRangesAnd.get(lang),
                &[("list", rest.join(", ")), ("last", last.clone())],
            );
        }
        (_, 1) => Text::ChartBeRangesMoreOne,
        _ => Text::ChartBeRangesMore,
    };
    fill(
        text.get(lang),
        &[
            ("list", shown.join(", ")),
            ("n", format_number(more as f64, 0)),
        ],
    )
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

/// The comparison's sentence: [`ranges_text`] or [`none_text`].
pub fn summary_text(s: &Scenario, c: &Comparison, fleet: &str, lang: Lang) -> Option<String> {
    ranges_text(s, c, fleet, lang).or_else(|| none_text(s, c, fleet, lang))
}

/// Computes both comparisons.
pub fn breakeven(s: &Scenario) -> Breakeven {
    let rates = Rates::resolve(s);
    let curve = FaasCurve::new(s, &rates);
    let cpu_ms = s.workload.cpu_ms.max(1e-6);
    let vm_target = (s.vm.target_pct / 100.0).clamp(0.05, 1.0);
    let vm = compare(
        s,
        &curve,
        rates.vm_sustained_vcpu * 1000.0 / cpu_ms * vm_target,
        Fleet::Vm {
            usd_per_hour: rates.vm_usd_per_hour,
        },
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
        &curve,
        vcpu * 1000.0 / cpu_ms * ctr_target,
        Fleet::Container {
            usd_per_vcpu_hour: p.usd_per_vcpu_hour,
            usd_per_gb_hour: p.usd_per_gb_hour,
            vcpu,
            memory_gb: gb,
        },
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
    curve: &FaasCurve,
    instance_rps: f64,
    fleet: Fleet,
    min: f64,
) -> Comparison {
    let f = |r: f64| curve.usd(r);
    // Above the quota functions throttle: a crossing there is a rate they cannot serve.
    let quota_rps = faas_max_rps(s);
    let limit = quota_rps.min(MAX_RPS);
    let instance_usd = fleet.month_usd(1.0).unwrap_or(f64::NAN);
    let mut c = Comparison {
        point: None,
        faas_cheaper: Vec::new(),
        crossings: Vec::new(),
        searched_up_to_rps: 0.0,
        quota_limited: false,
        instance_usd_per_month: instance_usd,
        instance_rps,
        min_instances: min,
        fleet,
    };
    if !(instance_rps.is_finite() && instance_rps > 0.0 && instance_usd.is_finite()) {
        c.fleet = Fleet::None;
        return c;
    }
    let point = |r: f64, n: f64, usd: f64| Point {
        requests_per_s: r,
        requests_per_month: r * MONTH_S,
        monthly_usd: usd,
        instances: n,
    };
    // Stair n covers rates (lo, hi] where n instances suffice; the function bill rises
    // through it, so functions are cheaper from its start (if at all) up to one crossing.
    let mut open: Option<f64> = None;
    let mut n = min;
    let mut lo = 0.0;
    let mut f_lo = f(lo);
    let searched = loop {
        if n > min + MAX_STAIRS || c.faas_cheaper.len() >= MAX_RANGES {
            break lo;
        }
        let hi = (n * instance_rps).min(limit);
        let bill = fleet.month_usd(n).unwrap_or(f64::INFINITY);
        let f_hi = f(hi);
        if f_lo < bill {
            if open.is_none() && lo > 0.0 {
                // The fleet stepped up past functions at `lo`.
                c.crossings.push(Crossing {
                    requests_per_s: lo,
                    monthly_usd: curve.bill(lo).total_usd,
                    instances: n,
                    faas_cheaper_above: true,
                });
            }
            let from = *open.get_or_insert(lo);
            if f_hi >= bill {
                let (mut a, mut b) = (lo, hi);
                for _ in 0..56 {
                    let m = 0.5 * (a + b);
                    if f(m) >= bill { b = m } else { a = m }
                }
                c.faas_cheaper.push(Range {
                    from_rps: from,
                    to_rps: b,
                });
                c.crossings.push(Crossing {
                    requests_per_s: b,
                    monthly_usd: bill,
                    instances: n,
                    faas_cheaper_above: false,
                });
                open = None;
                c.point.get_or_insert(point(b, n, bill));
            }
        } else {
            // Dearer through the whole stair (only possible at its start: a range open from
            // the stair before ends below its bill, which is lower).
            if let Some(from) = open.take() {
                c.faas_cheaper.push(Range {
                    from_rps: from,
                    to_rps: lo,
                });
                c.crossings.push(Crossing {
                    requests_per_s: lo,
                    monthly_usd: curve.bill(lo).total_usd,
                    instances: n,
                    faas_cheaper_above: false,
                });
            }
            c.point.get_or_insert(point(lo, n, bill));
        }
        if hi >= limit {
            break hi;
        }
        lo = hi;
        f_lo = f_hi;
        n += 1.0;
    };
    if let Some(from) = open {
        c.faas_cheaper.push(Range {
            from_rps: from,
            to_rps: searched,
        });
    }
    c.searched_up_to_rps = searched;
    c.quota_limited = searched > 0.0 && searched >= quota_rps;
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(q: &str) -> Breakeven {
        breakeven(&Scenario::from_query(q).0)
    }

    #[test]
    fn the_figure_at_the_scenarios_rate_is_a_steady_one_beside_the_month_tables_bill() {
        // The default scaling scenario (business-day traffic averaging 50.1 req/s): its month
        // table bills functions $212.99 ($25.95 + $187.04); a steady 50.1 req/s costs $212.98
        // (no cold starts to bill INIT for). It used to read "at this scenario's 50.1 req/s
        // functions cost $212.98", a second amount for what read as the same bill.
        let (s, _) = Scenario::from_query("view=scaling&chart=breakeven&lang=en");
        let o = crate::sim::simulate(&s);
        let rates = Rates::resolve(&s);
        let curve = FaasCurve::new(&s, &rates);
        let b = breakeven(&s);
        let at = at_scenario_rate(&curve, &b.faas_vs_vm, &o).unwrap();
        let said = at_rate_text(&s, &at, "VMs", Lang::En);
        assert!(
            said.starts_with(
                "At a steady 50.1 req/s, this scenario's average, functions would cost $212.98"
            ),
            "{said}"
        );
        assert_eq!(
            at_month_text(&s, &at, Lang::En).as_deref(),
            Some(
                "The month table bills functions $212.99: this scenario's own traffic, which is \
                 not one steady rate"
            )
        );
        assert_eq!(
            at_month_text(&s, &at, Lang::Ko).as_deref(),
            Some(
                "월 표의 함수 요금은 일정한 요청률이 아니라 이 시나리오의 실제 트래픽으로 \
                 계산해 월 $212.99입니다"
            )
        );
        // Where the two read the same, nothing more is said.
        let same = AtRate {
            month_faas_usd: Some(at.faas_usd),
            ..at
        };
        assert_eq!(at_month_text(&s, &same, Lang::En), None);
    }

    #[test]
    fn hand_worked_breakeven_against_one_small_vm() {
        // t3.micro ($0.0104/h × 720 h = $7.488, billed $7.49 a month), 2 vCPU at a 10%
        // baseline = 0.2 vCPU sustained, cpu 5 ms, target 65%: one VM serves 0.2 × 200 × 0.65
        // = 26 req/s. Functions at 100 ms, 128 MB, no free tier: per request $0.0000002 +
        // 0.1 s × 0.125 GB × $0.0000166667 = $0.00000040833375; $7.49 / $0.00000040833375 =
        // 18,342,838 requests/month = 7.077 req/s (< 26: one VM).
        let b = run("vm=t3.micro&min=1&cpu=5&dur=100&mem=128");
        let p = b.faas_vs_vm.point.unwrap();
        assert_eq!(p.instances, 1.0);
        assert!(
            (p.requests_per_month - 18_342_838.4).abs() < 1.0,
            "{}",
            p.requests_per_month
        );
        assert_eq!(p.monthly_usd, 7.49);
        assert!(
            (faas_month_usd(
                &Scenario::from_query("cpu=5&dur=100&mem=128").0,
                &Rates::resolve(&Scenario::from_query("cpu=5&dur=100&mem=128").0),
                p.requests_per_s
            ) - 7.49)
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
        assert!((p.requests_per_s - 7.49 / (1.866_67e-6 * MONTH_S)).abs() < 1e-3);
    }

    #[test]
    fn functions_are_priced_at_their_run_time_not_their_duration() {
        // 50 ms of CPU at 128 MB runs on 128 ÷ 1,769 of a vCPU: 691.02 ms, billed 692 ms, so a
        // request costs $0.0000002 + 0.692 × 0.125 × $0.0000166667 = $0.0000016417 and a
        // req/s-month $4.255, more than a t3.micro's $2.88: the VM is cheaper from
        // $7.49 (its month billed in cents) / 4.255 = 1.76 req/s. (Priced at the 100 ms duration, $1.06 a req/s-month,
        // functions looked cheaper at every rate.)
        let b = run("vm=t3.micro&min=1&cpu=50&dur=100&mem=128");
        let per = (2e-7 + 0.692 * 0.125 * 0.000_016_666_7) * MONTH_S;
        let p = b.faas_vs_vm.point.expect("the VM wins at some rate");
        assert!(
            (p.requests_per_s - 7.49 / per).abs() < 1e-6,
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
            ko.contains("500 요청/초까지") && ko.contains("스로틀"),
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
    fn a_list_of_ranges_joins_one_two_three_and_more_in_each_language() {
        let r = |n: usize| -> Vec<String> { (0..n).map(|i| format!("{i}–{}", i + 1)).collect() };
        for (n, more, en, ko) in [
            (1, 0, "0–1 req/s", "0–1 요청/초"),
            (2, 0, "0–1 and 1–2 req/s", "0–1, 1–2 요청/초"),
            (3, 0, "0–1, 1–2 and 2–3 req/s", "0–1, 1–2, 2–3 요청/초"),
            (
                3,
                1,
                "0–1, 1–2, 2–3 req/s and 1 more range",
                "0–1, 1–2, 2–3 요청/초 외 1개 구간",
            ),
            (
                3,
                1_200,
                "0–1, 1–2, 2–3 req/s and 1,200 more ranges",
                "0–1, 1–2, 2–3 요청/초 외 1,200개 구간",
            ),
        ] {
            assert_eq!(ranges_list(&r(n), more, Lang::En), en);
            assert_eq!(ranges_list(&r(n), more, Lang::Ko), ko);
        }
        assert_eq!(ranges_list(&[], 0, Lang::En), "");
    }

    #[test]
    fn the_sentence_of_ranges_never_doubles_a_word_or_a_comma() {
        // The default scenario crosses three times against each fleet (two ranges); more
        // expensive VMs and Fargate tasks at other sizes give other counts.
        let mut seen = std::collections::BTreeSet::new();
        for q in [
            "",
            "cpu=50&dur=100&mem=1024",
            "vm=t3.micro&min=1&cpu=50&dur=100&mem=1024",
            "cpu=5&dur=20&mem=128&free=1",
            "cpu=20&dur=50&mem=256",
            "vcpu=4&mem_gb=8&cpu=50&dur=100&mem=1024",
        ] {
            for lang in [Lang::En, Lang::Ko] {
                let mut s = Scenario::from_query(q).0;
                s.lang = lang;
                let b = breakeven(&s);
                for c in [&b.faas_vs_vm, &b.faas_vs_container] {
                    seen.insert(c.faas_cheaper.len());
                    let Some(t) = summary_text(&s, c, "VMs", lang) else {
                        continue;
                    };
                    for bad in ["and and", " and  ", "at  ", ", ,", ": ,", "at and", "  "] {
                        assert!(!t.contains(bad), "{q} {lang:?}: {t}");
                    }
                    assert!(!t.contains("ranges req/s"), "{q}: {t}");
                }
            }
        }
        assert!(seen.contains(&2), "{seen:?}");
        // One range between two crossings (functions dearer at the lowest rates and again
        // above it) is listed alone; it used to read "at  and 26–32.5 req/s and cost more".
        let s = Scenario::default();
        let mut c = breakeven(&s).faas_vs_vm;
        c.faas_cheaper = vec![Range {
            from_rps: 26.0,
            to_rps: 32.5,
        }];
        let en = ranges_text(&s, &c, "VMs", Lang::En).unwrap();
        assert!(
            en.contains("functions are cheaper than VMs at 26–32.5 req/s; at the other rates"),
            "{en}"
        );
        let ko = ranges_text(&s, &c, "VM", Lang::Ko).unwrap();
        assert!(
            ko.contains("함수는 26–32.5 요청/초에서 VM보다 싸고"),
            "{ko}"
        );
        // Five ranges: those whose ends are among the four crossings the chart labels (0–5
        // has one, 10–15 two), then "and 3 more ranges" after the unit.
        c.faas_cheaper = (0..5)
            .map(|i| Range {
                from_rps: 10.0 * f64::from(i),
                to_rps: 10.0 * f64::from(i) + 5.0,
            })
            .collect();
        let en = ranges_text(&s, &c, "VMs", Lang::En).unwrap();
        assert!(
            en.contains("at 0–5, 10–15 req/s and 3 more ranges; at the other"),
            "{en}"
        );
    }

    #[test]
    fn every_crossing_is_an_end_of_a_range() {
        let b = run("peak=15&pat=steady");
        for c in [&b.faas_vs_vm, &b.faas_vs_container] {
            let ends: Vec<f64> = c
                .faas_cheaper
                .iter()
                .flat_map(|r| [r.from_rps, r.to_rps])
                .filter(|&r| r > 0.0 && r < c.searched_up_to_rps)
                .collect();
            let at: Vec<f64> = c.crossings.iter().map(|x| x.requests_per_s).collect();
            assert_eq!(at, ends);
            assert_eq!(at.len(), 3, "{c:?}");
            assert_eq!(
                c.crossings
                    .iter()
                    .map(|x| x.faas_cheaper_above)
                    .collect::<Vec<_>>(),
                [false, true, false]
            );
            assert_eq!(
                c.crossings[0].requests_per_s,
                c.point.as_ref().unwrap().requests_per_s
            );
        }
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
