//! `simulate(&Scenario) -> Outcome`: the same traffic through every compute model.
//!
//! Time runs in 1-minute steps over a day. Each model is a small state machine stepped once
//! per minute: a *fleet* (on-premises servers, fixed VMs, autoscaled VMs, managed containers)
//! or *functions*. Bills come from [`crate::pricing`] with month totals.
//!
//! **How the month is derived.** Simulating 30 × 1,440 steps for five models would be
//! 216,000 steps; instead the core simulates the peak day and multiplies, because every
//! pattern but `growth` repeats its day (same seed, same shape). For `growth` the month is
//! Simpson's rule over three simulated days (0.5×, 0.75× and 1× the peak; weights 5, 20 and 5
//! days), see [`crate::traffic::month_days`]. Functions' free tier and volume tiers are
//! monthly, so they are applied to the month's totals, never per day. The series in the
//! [`Outcome`] are those of the peak day.
//!
//! **Billing at 1-minute steps.** VMs bill per second with a 60-second minimum: an instance
//! lives a whole number of 1-minute steps here, so the minimum never binds and the bill is
//! instance-minutes × price. A month is 30 days (720 hours) in the simulator; `price vm`
//! defaults to AWS's 730-hour average month.
//!
//! **Latency** is for served requests: the workload's duration, plus an M/M/c wait per
//! instance ([`crate::queueing`]), plus a network hop per front door (load balancer, API
//! gateway), plus start-up waits (function cold starts; requests held while a container
//! starts). Requests that find no capacity are dropped (or, for functions, throttled) and
//! counted, never turned into an infinite latency.

use serde::Serialize;

use crate::catalog::{self, HOURS_PER_MONTH};
use crate::i18n::Lang;
use crate::pricing::{self, ContainerBill, FaasBill, FaasRates, OnPremBill};
use crate::queueing::wait_p50_p95_ms;
use crate::scenario::{ContainerService, FaasService, Runtime, Scenario, coded_enum};
use crate::traffic::{self, STEP_S};

coded_enum! {
    /// A way to run the workload.
    ModelKind [Faas] {
        /// Owned servers, bought for the planned peak plus headroom.
        OnPrem => "onprem",
        /// A fixed number of VMs.
        VmFixed => "vm-fixed",
        /// VMs with target-tracking autoscaling.
        VmAuto => "vm-auto",
        /// Managed containers (Fargate, App Runner, Cloud Run).
        Container => "container",
        /// Functions (Lambda, Azure Functions).
        Faas => "faas",
    }
}

impl ModelKind {
    /// The display name.
    pub fn label(self) -> crate::i18n::Text {
        use crate::i18n::Text;
        match self {
            ModelKind::OnPrem => Text::ModelOnPrem,
            ModelKind::VmFixed => Text::ModelVmFixed,
            ModelKind::VmAuto => Text::ModelVmAuto,
            ModelKind::Container => Text::ModelContainer,
            ModelKind::Faas => Text::ModelFaas,
        }
    }
}

/// Latency of one network hop through a front door (load balancer, API gateway), ms.
pub const FRONT_DOOR_HOP_MS: f64 = 1.0;
/// Lambda adds new execution environments at most 1,000 every 10 seconds per function.
pub const FAAS_SCALE_PER_MIN: f64 = 6_000.0;
/// Load balancers keep a deregistered instance for 300 s so in-flight requests finish.
pub const DRAIN_STEPS: usize = 5;
/// Target tracking scales out after 3 one-minute datapoints above target…
pub const VM_SCALE_OUT_AFTER_MIN: usize = 3;
/// …and in after 15 datapoints below 90% of target.
pub const VM_SCALE_IN_AFTER_MIN: usize = 15;

/// Typical cold-start (init) time of a small function per runtime, ms. Measured medians
/// reported for Lambda without VPC or SnapStart; bigger packages and VPCs start slower.
pub fn cold_start_ms(runtime: Runtime) -> f64 {
    match runtime {
        Runtime::Python => 300.0,
        Runtime::Node => 250.0,
        Runtime::Go => 150.0,
        Runtime::Java => 2_000.0,
        Runtime::Dotnet => 700.0,
    }
}

/// Why a workload cannot run as a function.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotRunnable {
    MemoryBelowMinimum { memory_mb: f64, min_mb: f64 },
    MemoryAboveMaximum { memory_mb: f64, max_mb: f64 },
    DurationAboveTimeout { duration_ms: f64, timeout_s: f64 },
}

impl NotRunnable {
    /// One sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use crate::money::format_number as n;
        match (self, lang) {
            (NotRunnable::MemoryBelowMinimum { memory_mb, min_mb }, Lang::En) => format!(
                "{} MB of memory is below the minimum of {} MB.",
                n(*memory_mb, 1),
                n(*min_mb, 0)
            ),
            (NotRunnable::MemoryBelowMinimum { memory_mb, min_mb }, Lang::Ko) => format!(
                "메모리 {} MB는 최소 {} MB보다 작습니다.",
                n(*memory_mb, 1),
                n(*min_mb, 0)
            ),
            (NotRunnable::MemoryAboveMaximum { memory_mb, max_mb }, Lang::En) => format!(
                "{} MB of memory is above the limit of {} MB.",
                n(*memory_mb, 1),
                n(*max_mb, 0)
            ),
            (NotRunnable::MemoryAboveMaximum { memory_mb, max_mb }, Lang::Ko) => format!(
                "메모리 {} MB는 한도 {} MB를 넘습니다.",
                n(*memory_mb, 1),
                n(*max_mb, 0)
            ),
            (
                NotRunnable::DurationAboveTimeout {
                    duration_ms,
                    timeout_s,
                },
                Lang::En,
            ) => format!(
                "A {} s run is longer than the {} s timeout.",
                n(duration_ms / 1000.0, 1),
                n(*timeout_s, 0)
            ),
            (
                NotRunnable::DurationAboveTimeout {
                    duration_ms,
                    timeout_s,
                },
                Lang::Ko,
            ) => format!(
                "실행 시간 {}초가 제한 시간 {}초보다 깁니다.",
                n(duration_ms / 1000.0, 1),
                n(*timeout_s, 0)
            ),
        }
    }
}

/// The function limits in force: `(min MB, max MB, timeout s)`.
pub fn faas_limits(scenario: &Scenario) -> (f64, f64, f64) {
    match (scenario.faas.service, scenario.faas.legacy_limits) {
        // The notes quote 1,500 MB and 300 s (the real old ceiling was 1,536 MB).
        (FaasService::Lambda, true) => (128.0, 1_500.0, 300.0),
        (FaasService::Lambda, false) => (128.0, 10_240.0, 900.0),
        // Azure Functions Consumption plan: 1.5 GB per instance, 10-minute maximum timeout.
        (FaasService::Azure, _) => (128.0, 1_536.0, 600.0),
    }
}

/// Checks the workload against the function limits.
pub fn faas_runnable(scenario: &Scenario) -> Vec<NotRunnable> {
    let (min_mb, max_mb, timeout_s) = faas_limits(scenario);
    let w = &scenario.workload;
    let mut out = Vec::new();
    if w.memory_mb < min_mb {
        out.push(NotRunnable::MemoryBelowMinimum {
            memory_mb: w.memory_mb,
            min_mb,
        });
    }
    if w.memory_mb > max_mb {
        out.push(NotRunnable::MemoryAboveMaximum {
            memory_mb: w.memory_mb,
            max_mb,
        });
    }
    if w.duration_ms > timeout_s * 1000.0 {
        out.push(NotRunnable::DurationAboveTimeout {
            duration_ms: w.duration_ms,
            timeout_s,
        });
    }
    out
}

/// Per-step series of one model over the peak day (1,440 values each).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Series {
    /// Instances (functions: environments) starting up.
    pub booting: Vec<f64>,
    /// Instances serving (functions: environments busy).
    pub serving: Vec<f64>,
    /// Instances draining after scale-in (functions: idle warm environments).
    pub draining: Vec<f64>,
    /// Instances (environments) started in the step.
    pub cold_starts: Vec<f64>,
    /// What the serving instances can take, requests/s (functions: quota / duration).
    pub capacity_rps: Vec<f64>,
    pub served_rps: Vec<f64>,
    /// Dropped (fleets) or throttled (functions), requests/s.
    pub dropped_rps: Vec<f64>,
    /// Busy share of capacity, 0–1 (functions: concurrency / quota).
    pub utilisation: Vec<f64>,
    pub p50_ms: Vec<f64>,
    pub p95_ms: Vec<f64>,
    /// Cost so far in the day, USD.
    pub cost_usd: Vec<f64>,
}

impl Series {
    /// `n` steps of zeros, written by index: in the size-optimised wasm an indexed store is
    /// inlined where a `push` stays a call, and the simulator writes eleven values a minute.
    fn zeroed(n: usize) -> Series {
        let v = || vec![0.0; n];
        Series {
            booting: v(),
            serving: v(),
            draining: v(),
            cold_starts: v(),
            capacity_rps: v(),
            served_rps: v(),
            dropped_rps: v(),
            utilisation: v(),
            p50_ms: v(),
            p95_ms: v(),
            cost_usd: v(),
        }
    }

    /// Instances in any state at step `i`.
    pub fn instances(&self, i: usize) -> f64 {
        self.booting[i] + self.serving[i] + self.draining[i]
    }
}

/// Totals over a period (a day or the month).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    pub requests: f64,
    pub served: f64,
    /// Dropped or throttled requests.
    pub dropped: f64,
    pub cold_starts: f64,
    pub cost_usd: f64,
    /// Most instances in any state at once (peak day).
    pub max_instances: f64,
    /// Request-weighted median and 95th percentile of the per-minute latencies, ms.
    pub p50_ms: f64,
    pub p95_ms: f64,
}

/// How a model's month bill was worked out (the "show the math" text reads it).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Bill {
    OnPrem {
        bill: OnPremBill,
        server_usd: f64,
        life_months: f64,
        opex_usd_per_server_month: f64,
        cores_per_server: f64,
        planned_peak_rps: f64,
        headroom_pct: f64,
    },
    Vm {
        instance: String,
        usd_per_hour: f64,
        instance_hours: f64,
        total_usd: f64,
    },
    Container {
        service: ContainerService,
        /// Active instance-hours priced at the active rates.
        active: ContainerBill,
        /// Idle instance-hours priced at the idle rates (App Runner: memory only).
        idle: ContainerBill,
        total_usd: f64,
    },
    Faas {
        /// Requests and on-demand duration (free tier and tiers applied).
        on_demand: FaasBill,
        provisioned: f64,
        provisioned_config_usd: f64,
        provisioned_gb_s: f64,
        provisioned_duration_usd: f64,
        total_usd: f64,
    },
}

/// One model's results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModelOutcome {
    pub kind: ModelKind,
    pub series: Series,
    pub day: Totals,
    pub month: Totals,
    pub bill: Bill,
    /// Non-empty when the workload cannot run on this model (functions' limits).
    pub not_runnable: Vec<NotRunnable>,
}

/// The SaaS line: a subscription, no servers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SaasOutcome {
    pub seats: f64,
    pub usd_per_seat_month: f64,
    pub month_usd: f64,
}

/// Everything `simulate` computes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    pub step_s: f64,
    /// Demand on the peak day, requests/s per minute.
    pub traffic_rps: Vec<f64>,
    /// The peak a planner saw when buying servers.
    pub planned_peak_rps: f64,
    /// The simulated days standing for the month: `(scale, calendar days)`.
    pub month_days: Vec<(f64, f64)>,
    /// One entry per [`ModelKind::ALL`], in that order.
    pub models: Vec<ModelOutcome>,
    pub saas: SaasOutcome,
}

impl Outcome {
    pub fn model(&self, kind: ModelKind) -> &ModelOutcome {
        self.models
            .iter()
            .find(|m| m.kind == kind)
            .expect("every model is simulated")
    }
}

/// Prices in force: the catalog with the Scenario's overrides applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Rates {
    pub faas: FaasRates,
    pub faas_provisioned_usd_per_gb_s: f64,
    pub faas_provisioned_duration_usd_per_gb_s: f64,
    pub vm_instance: String,
    pub vm_vcpu: f64,
    pub vm_usd_per_hour: f64,
    pub container: catalog::ContainerPrices,
    pub server_usd: f64,
    pub life_months: f64,
    pub opex_usd_per_server_month: f64,
    pub usd_per_seat_month: f64,
}

impl Rates {
    pub fn resolve(s: &Scenario) -> Rates {
        let c = catalog::catalog();
        let fp = c.faas(s.faas.service.catalog_id()).unwrap_or(&c.faas[0]);
        let mut faas = FaasRates::from_catalog(fp, s.faas.arch);
        if let Some(p) = s.prices.usd_per_million_requests {
            faas.usd_per_million_requests = p;
        }
        if let Some(p) = s.prices.usd_per_gb_s {
            faas = faas.with_flat_gb_s(p);
        }
        let arch = fp.arch(s.faas.arch);
        let vm = c
            .vm(&s.vm.instance)
            .or_else(|| c.vm("m5.large"))
            .unwrap_or(&c.vm[0]);
        let mut container = c
            .container(s.container.service.code())
            .unwrap_or(&c.container[0])
            .clone();
        if let Some(p) = s.prices.usd_per_vcpu_hour {
            // An override replaces the active rate; an idle rate that equalled it follows it.
            if container.idle_usd_per_vcpu_hour == container.usd_per_vcpu_hour {
                container.idle_usd_per_vcpu_hour = p;
            }
            container.usd_per_vcpu_hour = p;
        }
        if let Some(p) = s.prices.usd_per_gb_hour {
            if container.idle_usd_per_gb_hour == container.usd_per_gb_hour {
                container.idle_usd_per_gb_hour = p;
            }
            container.usd_per_gb_hour = p;
        }
        Rates {
            faas,
            faas_provisioned_usd_per_gb_s: arch.provisioned_usd_per_gb_s,
            faas_provisioned_duration_usd_per_gb_s: s
                .prices
                .usd_per_gb_s
                .unwrap_or(arch.provisioned_duration_usd_per_gb_s),
            vm_instance: vm.id.clone(),
            vm_vcpu: vm.vcpu,
            vm_usd_per_hour: s.prices.vm_usd_per_hour.unwrap_or(vm.usd_per_hour),
            container,
            server_usd: s.prices.server_usd.unwrap_or(c.onprem.server_usd),
            life_months: c.onprem.life_months,
            opex_usd_per_server_month: s
                .prices
                .opex_usd_per_server_month
                .unwrap_or(c.onprem.opex_usd_per_server_month),
            usd_per_seat_month: s
                .prices
                .usd_per_seat_month
                .unwrap_or(c.saas.usd_per_seat_month),
        }
    }
}

/// Runs the scenario through every model. Pure and deterministic.
pub fn simulate(s: &Scenario) -> Outcome {
    let rates = Rates::resolve(s);
    let days: Vec<(f64, traffic::Day, f64)> = traffic::month_days(s.traffic.pattern)
        .iter()
        .map(|&(scale, weight)| (scale, traffic::day(&s.traffic, scale), weight))
        .collect();
    // The planner buys on day 1 of the month: for growth that is the smallest day.
    // (`Day::planned_peak_rps` already is the day-1 level for growth.)
    let planned_peak_rps = days[0].1.planned_peak_rps;
    let models = ModelKind::ALL
        .iter()
        .map(|&kind| match kind {
            ModelKind::Faas => faas_model(s, &rates, &days),
            _ => fleet_model(kind, s, &rates, &days, planned_peak_rps),
        })
        .collect();
    let seats = f64::from(s.saas.seats);
    Outcome {
        step_s: STEP_S,
        traffic_rps: days[0].1.rps.clone(),
        planned_peak_rps,
        month_days: traffic::month_days(s.traffic.pattern).to_vec(),
        models,
        saas: SaasOutcome {
            seats,
            usd_per_seat_month: rates.usd_per_seat_month,
            month_usd: pricing::saas(seats, rates.usd_per_seat_month),
        },
    }
}

/// A finite, non-negative number (the core's last line of defence against NaN).
fn fin(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 { x } else { 0.0 }
}

/// How a fleet behaves; built per model from the scenario.
struct Fleet {
    /// Requests/s one instance serves at 100% CPU.
    cap_rps: f64,
    /// Queueing servers per instance and the service time per server.
    servers: u32,
    service_ms: f64,
    base_ms: f64,
    autoscale: bool,
    /// Scale on request rate (containers) rather than on CPU, which saturates at 100%.
    scale_on_requests: bool,
    target: f64,
    min: f64,
    max: f64,
    initial: f64,
    start_s: f64,
    out_after: usize,
    in_after: usize,
    cooldown_steps: usize,
    /// USD per instance-minute, active and idle.
    usd_per_min_active: f64,
    usd_per_min_idle: f64,
}

/// What one fleet run of a day produced.
struct FleetDay {
    series: Series,
    totals: Totals,
    active_instance_min: f64,
    idle_instance_min: f64,
}

fn fleet_model(
    kind: ModelKind,
    s: &Scenario,
    rates: &Rates,
    days: &[(f64, traffic::Day, f64)],
    planned_peak_rps: f64,
) -> ModelOutcome {
    let w = &s.workload;
    let cpu_ms = w.cpu_ms.max(0.001);
    let base_ms = w.duration_ms.max(cpu_ms);
    let per_vcpu_rps = 1000.0 / cpu_ms;
    let minute = |usd_per_hour: f64| usd_per_hour / 60.0;
    let queue = |vcpu: f64| {
        let servers = vcpu.round().max(1.0);
        (servers as u32, cpu_ms * servers / vcpu.max(0.01))
    };
    let fleet = match kind {
        ModelKind::OnPrem => {
            let cores = s.onprem.cores_per_server.max(1.0);
            let cap = cores * per_vcpu_rps;
            let need = planned_peak_rps * (1.0 + s.onprem.headroom_pct / 100.0);
            let n = (need / cap - 1e-9).ceil().max(1.0);
            let bill = pricing::onprem(
                n,
                rates.server_usd,
                rates.life_months,
                rates.opex_usd_per_server_month,
            );
            let per_min = bill.total_usd / n / (traffic::DAYS_PER_MONTH * 1440.0);
            let (servers, service_ms) = queue(cores);
            Fleet {
                cap_rps: cap,
                servers,
                service_ms,
                base_ms,
                autoscale: false,
                scale_on_requests: false,
                target: 1.0,
                min: n,
                max: n,
                initial: n,
                start_s: 0.0,
                out_after: 0,
                in_after: 0,
                cooldown_steps: 0,
                usd_per_min_active: per_min,
                usd_per_min_idle: per_min,
            }
        }
        ModelKind::VmFixed | ModelKind::VmAuto => {
            let vcpu = rates.vm_vcpu.max(1.0);
            let (servers, service_ms) = queue(vcpu);
            let v = &s.vm;
            let auto = kind == ModelKind::VmAuto;
            let target = (v.target_pct / 100.0).clamp(0.05, 1.0);
            let cap = vcpu * per_vcpu_rps;
            // `min(max)`: a minimum above the maximum (an unrepaired scenario) must not reach
            // `clamp(min, max)`, which panics, and under `panic = "abort"` freezes the page.
            let (min, max) = if auto {
                let max = f64::from(v.max.max(1));
                (f64::from(v.min).min(max), max)
            } else {
                let n = f64::from(v.fixed_count.max(1));
                (n, n)
            };
            let first = days[0].1.rps.first().copied().unwrap_or(0.0);
            let initial = if auto {
                (first / (cap * target)).ceil().clamp(min, max)
            } else {
                min
            };
            Fleet {
                cap_rps: cap,
                servers,
                service_ms,
                base_ms,
                autoscale: auto,
                scale_on_requests: false,
                target,
                min,
                max,
                initial,
                start_s: v.boot_s,
                out_after: VM_SCALE_OUT_AFTER_MIN,
                in_after: VM_SCALE_IN_AFTER_MIN,
                cooldown_steps: (v.cooldown_s / STEP_S).ceil() as usize,
                usd_per_min_active: minute(rates.vm_usd_per_hour),
                usd_per_min_idle: minute(rates.vm_usd_per_hour),
            }
        }
        ModelKind::Container | ModelKind::Faas => {
            let k = &s.container;
            let p = &rates.container;
            let vcpu = k.vcpu.clamp(p.min_vcpu, p.max_vcpu);
            let gb = k.memory_gb.clamp(p.min_memory_gb, p.max_memory_gb);
            let (servers, service_ms) = queue(vcpu);
            let target = (k.target_pct / 100.0).clamp(0.05, 1.0);
            let cap = vcpu * per_vcpu_rps;
            let max = f64::from(k.max_instances.max(1));
            let (min, max) = (f64::from(k.min_instances).min(max), max);
            let first = days[0].1.rps.first().copied().unwrap_or(0.0);
            Fleet {
                cap_rps: cap,
                servers,
                service_ms,
                base_ms,
                autoscale: true,
                scale_on_requests: k.service != ContainerService::Fargate,
                target,
                min,
                max,
                initial: (first / (cap * target)).ceil().clamp(min, max),
                start_s: p.start_s,
                out_after: p.scale_out_after_min.round().max(1.0) as usize,
                in_after: p.scale_in_after_min.round().max(1.0) as usize,
                cooldown_steps: 0,
                usd_per_min_active: minute(vcpu * p.usd_per_vcpu_hour + gb * p.usd_per_gb_hour),
                usd_per_min_idle: minute(
                    vcpu * p.idle_usd_per_vcpu_hour + gb * p.idle_usd_per_gb_hour,
                ),
            }
        }
    };

    let mut month = Totals::default();
    let mut active_min = 0.0;
    let mut idle_min = 0.0;
    let mut peak: Option<FleetDay> = None;
    for (_, day, weight) in days {
        // Only the peak day's series and latencies are shown; other days only add to bills.
        let r = run_fleet(&fleet, &day.rps, peak.is_none());
        add_weighted(&mut month, &r.totals, *weight);
        active_min += r.active_instance_min * weight;
        idle_min += r.idle_instance_min * weight;
        if peak.is_none() {
            peak = Some(r);
        }
    }
    let peak = peak.expect("at least one day");
    month.max_instances = peak.totals.max_instances;
    month.p50_ms = peak.totals.p50_ms;
    month.p95_ms = peak.totals.p95_ms;
    let bill = match kind {
        ModelKind::OnPrem => {
            let n = fleet.min;
            Bill::OnPrem {
                bill: pricing::onprem(
                    n,
                    rates.server_usd,
                    rates.life_months,
                    rates.opex_usd_per_server_month,
                ),
                server_usd: rates.server_usd,
                life_months: rates.life_months,
                opex_usd_per_server_month: rates.opex_usd_per_server_month,
                cores_per_server: s.onprem.cores_per_server,
                planned_peak_rps,
                headroom_pct: s.onprem.headroom_pct,
            }
        }
        ModelKind::VmFixed | ModelKind::VmAuto => {
            let hours = (active_min + idle_min) / 60.0;
            Bill::Vm {
                instance: rates.vm_instance.clone(),
                usd_per_hour: rates.vm_usd_per_hour,
                instance_hours: hours,
                total_usd: month.cost_usd,
            }
        }
        _ => {
            let p = &rates.container;
            let k = &s.container;
            let vcpu = k.vcpu.clamp(p.min_vcpu, p.max_vcpu);
            let gb = k.memory_gb.clamp(p.min_memory_gb, p.max_memory_gb);
            let active = pricing::container(
                p.usd_per_vcpu_hour,
                p.usd_per_gb_hour,
                vcpu,
                gb,
                1.0,
                active_min / 60.0,
            );
            let idle = pricing::container(
                p.idle_usd_per_vcpu_hour,
                p.idle_usd_per_gb_hour,
                vcpu,
                gb,
                1.0,
                idle_min / 60.0,
            );
            let total_usd = active.total_usd + idle.total_usd;
            Bill::Container {
                service: k.service,
                active,
                idle,
                total_usd,
            }
        }
    };
    // The bill is the source of truth for the month's cost (on-premises is flat per month).
    month.cost_usd = fin(match &bill {
        Bill::OnPrem { bill, .. } => bill.total_usd,
        Bill::Vm { total_usd, .. } | Bill::Container { total_usd, .. } => *total_usd,
        Bill::Faas { total_usd, .. } => *total_usd,
    });
    ModelOutcome {
        kind,
        series: peak.series,
        day: peak.totals,
        month,
        bill,
        not_runnable: Vec::new(),
    }
}

fn add_weighted(into: &mut Totals, day: &Totals, weight: f64) {
    into.requests += day.requests * weight;
    into.served += day.served * weight;
    into.dropped += day.dropped * weight;
    into.cold_starts += day.cold_starts * weight;
    into.cost_usd += day.cost_usd * weight;
}

/// Steps one fleet through a day.
fn run_fleet(f: &Fleet, rps: &[f64], detail: bool) -> FleetDay {
    let n = rps.len();
    let mut out = Series::zeroed(n);
    // Whole steps from launch decision (end of a step) to the step in which it first serves,
    // and the share of that first step it serves for.
    let start_s = fin(f.start_s);
    let fast = start_s < STEP_S;
    let delay = if fast {
        1
    } else {
        // A start longer than the day (1e308 s) waits the day, not `usize::MAX` steps.
        1 + ((start_s / STEP_S).floor() as usize).min(n)
    };
    let first_share = if fast {
        1.0
    } else {
        1.0 - (start_s / STEP_S).fract()
    };
    let mut arriving = vec![0.0; n + delay + 2];
    let mut leaving = vec![0.0; n + DRAIN_STEPS + 2];
    let mut serving = f.initial;
    let mut booting = 0.0;
    let mut draining = 0.0;
    let (mut above, mut below) = (0usize, 0usize);
    let mut last_scale: Option<usize> = None;
    let mut cost = 0.0;
    let mut totals = Totals::default();
    let (mut active_min, mut idle_min) = (0.0, 0.0);
    // Each minute's latency and weight, written by index like the series.
    let mut lat = vec![(0.0, 0.0, 0.0); if detail { n } else { 0 }];
    for (t, &demand) in rps.iter().enumerate() {
        let demand = fin(demand);
        // Instances launched earlier come into service now.
        let joining = arriving[t];
        booting -= joining;
        draining -= leaving[t];
        let old_cap = serving * f.cap_rps;
        let serving_now = serving + joining * first_share;
        serving += joining;
        let cap = serving_now * f.cap_rps;
        let served = demand.min(cap);
        let dropped = demand - served;
        let util = if cap > 0.0 { served / cap } else { 0.0 };
        // Latency of served requests: duration + M/M/c wait per instance + front door hop,
        // plus the start-up wait of requests held while a fast-starting container came up.
        let (mut p50, mut p95) = (0.0, 0.0);
        if served > 0.0 {
            let per_instance = served / serving_now.max(1e-9);
            let base = f.base_ms + FRONT_DOOR_HOP_MS;
            let (w50, w95) = if detail {
                wait_p50_p95_ms(f.servers, per_instance, f.service_ms)
            } else {
                (0.0, 0.0)
            };
            p50 = base + w50;
            p95 = base + w95;
            if fast && joining > 0.0 && demand > old_cap {
                let held = (demand - old_cap) / demand * (start_s / STEP_S);
                if held > 0.5 {
                    p50 += start_s * 1000.0;
                }
                if held > 0.05 {
                    p95 += start_s * 1000.0;
                }
            }
        }
        // Billing: every running instance, busy or not, for this minute.
        let running = serving + booting + draining;
        let (active, idle) = if demand > 0.0 {
            (running, 0.0)
        } else {
            (0.0, running)
        };
        active_min += active;
        idle_min += idle;
        cost += active * f.usd_per_min_active + idle * f.usd_per_min_idle;

        out.booting[t] = booting + joining * (1.0 - first_share);
        out.serving[t] = serving_now;
        out.draining[t] = draining;
        out.capacity_rps[t] = cap;
        out.served_rps[t] = served;
        out.dropped_rps[t] = dropped;
        out.utilisation[t] = util;
        out.p50_ms[t] = fin(p50);
        out.p95_ms[t] = fin(p95);
        out.cost_usd[t] = fin(cost);
        totals.requests += demand * STEP_S;
        totals.served += served * STEP_S;
        totals.dropped += dropped * STEP_S;
        totals.max_instances = totals.max_instances.max(running);
        if detail {
            lat[t] = (p50, p95, served * STEP_S);
        }

        // Scaling decision at the end of the minute.
        let mut launched = 0.0;
        if f.autoscale {
            let metric = if f.scale_on_requests {
                if serving > 0.0 {
                    demand / (serving * f.cap_rps)
                } else if demand > 0.0 {
                    f64::INFINITY
                } else {
                    0.0
                }
            } else if cap > 0.0 {
                (demand / cap).min(1.0)
            } else if demand > 0.0 {
                1.0
            } else {
                0.0
            };
            above = if metric > f.target { above + 1 } else { 0 };
            below = if metric < 0.9 * f.target {
                below + 1
            } else {
                0
            };
            let by_load = (demand / (f.cap_rps * f.target) - 1e-9).ceil();
            let desired = if serving > 0.0 && !f.scale_on_requests {
                (serving * metric / f.target - 1e-9).ceil()
            } else {
                by_load
            };
            let total = serving + booting;
            if above >= f.out_after {
                let want = desired.clamp(f.min, f.max);
                if want > total {
                    launched = want - total;
                    last_scale = Some(t);
                }
            } else if below >= f.in_after
                && booting == 0.0
                && last_scale.is_none_or(|l| t >= l.saturating_add(f.cooldown_steps))
            {
                // Remove only what keeps the rest below 90% of target, so one instance more
                // or less does not make the fleet flap around the target.
                let keep = (demand / (f.cap_rps * 0.9 * f.target) - 1e-9).ceil();
                let want = keep.max(by_load).clamp(f.min, f.max);
                if want < serving {
                    let gone = serving - want;
                    serving = want;
                    draining += gone;
                    leaving[t + 1 + DRAIN_STEPS] += gone;
                    last_scale = Some(t);
                    below = 0;
                }
            }
            if total + launched < f.min {
                launched = f.min - total;
            }
        }
        if launched > 0.0 {
            booting += launched;
            arriving[t + delay] += launched;
            totals.cold_starts += launched;
        }
        out.cold_starts[t] = launched;
    }
    totals.cost_usd = fin(cost);
    let (p50, p95) = weighted_percentiles(&mut lat);
    totals.p50_ms = p50;
    totals.p95_ms = p95;
    FleetDay {
        series: out,
        totals,
        active_instance_min: active_min,
        idle_instance_min: idle_min,
    }
}

/// Request-weighted median and 95th percentile of per-minute p50 and p95 values: the minute
/// whose p50 (p95) the 50th (95th) percentile of the day's served requests falls into.
fn weighted_percentiles(lat: &mut [(f64, f64, f64)]) -> (f64, f64) {
    let total: f64 = lat.iter().map(|l| l.2).sum();
    if total <= 0.0 {
        return (0.0, 0.0);
    }
    let p50 = weighted_select(lat, |l| l.0, 0.5 * total);
    let p95 = weighted_select(lat, |l| l.1, 0.95 * total);
    (fin(p50), fin(p95))
}

/// The smallest key whose cumulative weight (in key order) reaches `target`, by repeated
/// partitioning around the middle element: O(n) on average, where sorting would be
/// O(n log n) — this runs for every model on every slider move.
fn weighted_select<K: Fn(&(f64, f64, f64)) -> f64>(
    v: &mut [(f64, f64, f64)],
    key: K,
    target: f64,
) -> f64 {
    // Often most of the day's requests see one and the same latency (a fleet that never
    // queues): then the answer is that smallest key, found in one pass without partitioning.
    let (mut min, mut at_min) = (f64::INFINITY, 0.0);
    for l in v.iter() {
        let k = key(l);
        if k < min {
            (min, at_min) = (k, l.2);
        } else if k == min {
            at_min += l.2;
        }
    }
    if at_min >= target && min.is_finite() {
        return min;
    }
    let mut lo = 0;
    let mut hi = v.len();
    let mut need = target;
    while hi - lo > 1 {
        let part = &mut v[lo..hi];
        let mid = part.len() / 2;
        part.select_nth_unstable_by(mid, |a, b| key(a).total_cmp(&key(b)));
        let below: f64 = part[..mid].iter().map(|l| l.2).sum();
        let with_mid = below + part[mid].2;
        if need <= below && mid > 0 {
            hi = lo + mid;
        } else if need <= with_mid {
            return key(&part[mid]);
        } else {
            need -= with_mid;
            lo += mid + 1;
        }
    }
    if lo < v.len() {
        key(&v[lo])
    } else {
        v.last().map_or(0.0, key)
    }
}

fn faas_model(s: &Scenario, rates: &Rates, days: &[(f64, traffic::Day, f64)]) -> ModelOutcome {
    let not_runnable = faas_runnable(s);
    let f = &s.faas;
    let w = &s.workload;
    let runnable = not_runnable.is_empty();
    let duration_s = w.duration_ms.max(0.0) / 1000.0;
    let billed_ms = pricing::faas(
        1.0,
        w.duration_ms,
        w.memory_mb,
        &rates.faas,
        false,
        f64::from(f.granularity_ms),
    );
    let gb_s_per_request = billed_ms.gb_seconds;
    let quota = f64::from(f.quota.max(1));
    let provisioned = f64::from(f.provisioned).min(quota);
    // The share of `conc` busy environments that are provisioned (they bill at that rate).
    let pc_share = |conc: f64| {
        if conc > 0.0 {
            provisioned.min(conc) / conc
        } else {
            0.0
        }
    };
    let cold_ms = cold_start_ms(f.runtime);
    // At most a day of minutes (a huge `warm_min` would allocate gigabytes and abort).
    let warm_steps = (f.warm_min.max(1) as usize)
        .min(days.iter().map(|d| d.1.rps.len()).min().unwrap_or(1).max(1));
    // Two front doors: the API gateway and the invoke.
    let base_ms = w.duration_ms + 2.0 * FRONT_DOOR_HOP_MS;

    let mut month = Totals::default();
    let (mut month_gbs_od, mut month_gbs_pc) = (0.0, 0.0);
    let mut peak: Option<(Series, Totals)> = None;
    for (_, day, weight) in days {
        let n = day.rps.len();
        let mut out = Series::zeroed(n);
        let mut totals = Totals::default();
        let mut used_hist: Vec<f64> = vec![0.0; warm_steps];
        let detail = peak.is_none();
        let mut lat = vec![(0.0, 0.0, 0.0); if detail { n } else { 0 }];
        let (mut day_gbs_od, mut day_gbs_pc) = (0.0, 0.0);
        // The day starts warm from the previous evening: environments used in the last
        // minutes of the (repeating) day are still warm.
        for (i, h) in used_hist.iter_mut().enumerate() {
            let r = day.rps[n - warm_steps + i];
            *h = (r * duration_s - 1e-9).ceil().clamp(0.0, quota);
        }
        for (t, &demand) in day.rps.iter().enumerate() {
            let demand = fin(demand);
            let warm = used_hist.iter().cloned().fold(provisioned, f64::max);
            let need = demand * duration_s;
            let (conc, cold) = if runnable {
                let reachable = quota.min(warm + FAAS_SCALE_PER_MIN);
                let conc = need.min(reachable);
                // Environments are whole: a fraction of one busy still needs one.
                let envs = (conc - 1e-9).ceil().max(0.0);
                (conc, (envs - warm).max(0.0).min((demand * STEP_S).ceil()))
            } else {
                (0.0, 0.0)
            };
            let served = if conc >= need {
                demand
            } else {
                demand * conc / need
            };
            let dropped = demand - served;
            let envs = (conc - 1e-9).ceil().max(0.0);
            used_hist[t % warm_steps] = envs;
            let requests = served * STEP_S;
            let cold_frac = if requests > 0.0 { cold / requests } else { 0.0 };
            let (mut p50, mut p95) = (0.0, 0.0);
            if served > 0.0 {
                p50 = base_ms + if cold_frac > 0.5 { cold_ms } else { 0.0 };
                p95 = base_ms + if cold_frac > 0.05 { cold_ms } else { 0.0 };
            }
            // Invocations on provisioned environments bill at the provisioned duration rate.
            let pc_share = pc_share(conc);
            let gbs = requests * gb_s_per_request;
            day_gbs_pc += gbs * pc_share;
            day_gbs_od += gbs * (1.0 - pc_share);

            out.booting[t] = cold.min(envs);
            out.serving[t] = envs - cold.min(envs);
            out.draining[t] = (warm - envs).max(0.0);
            out.cold_starts[t] = cold;
            out.capacity_rps[t] = if runnable && duration_s > 0.0 {
                quota / duration_s
            } else {
                0.0
            };
            out.served_rps[t] = served;
            out.dropped_rps[t] = dropped;
            out.utilisation[t] = conc / quota;
            out.p50_ms[t] = fin(p50);
            out.p95_ms[t] = fin(p95);
            totals.requests += demand * STEP_S;
            totals.served += requests;
            totals.dropped += dropped * STEP_S;
            totals.cold_starts += cold;
            totals.max_instances = totals.max_instances.max(warm.max(envs));
            if detail {
                lat[t] = (p50, p95, requests);
            }
        }
        let (p50, p95) = weighted_percentiles(&mut lat);
        totals.p50_ms = p50;
        totals.p95_ms = p95;
        add_weighted(&mut month, &totals, *weight);
        month_gbs_od += day_gbs_od * weight;
        month_gbs_pc += day_gbs_pc * weight;
        if peak.is_none() {
            peak = Some((out, totals));
        }
    }
    // The month bill: free tier (not with provisioned concurrency) and tiers on the totals.
    let month_s = traffic::DAYS_PER_MONTH * 86_400.0;
    let free = f.free_tier && provisioned == 0.0;
    let on_demand = pricing::faas_totals(month.served, month_gbs_od, &rates.faas, free);
    let mut on_demand = on_demand;
    on_demand.billed_duration_ms = billed_ms.billed_duration_ms;
    on_demand.billed_memory_mb = billed_ms.billed_memory_mb;
    on_demand.memory_gb = billed_ms.memory_gb;
    let pc_config = if runnable {
        pricing::faas_provisioned(
            provisioned,
            billed_ms.billed_memory_mb,
            month_s,
            rates.faas_provisioned_usd_per_gb_s,
        )
    } else {
        0.0
    };
    let pc_duration = month_gbs_pc * rates.faas_provisioned_duration_usd_per_gb_s;
    let total_usd = fin(on_demand.total_usd + pc_config + pc_duration);
    month.cost_usd = total_usd;

    let (mut series, mut day_totals) = peak.expect("at least one day");
    month.max_instances = day_totals.max_instances;
    month.p50_ms = day_totals.p50_ms;
    month.p95_ms = day_totals.p95_ms;
    // The day's cost curve: the month's effective rates (free tier spread evenly) applied to
    // each minute's usage, plus provisioned concurrency by the minute.
    let req_rate = if month.served > 0.0 {
        on_demand.requests_usd / month.served
    } else {
        0.0
    };
    let gbs_rate = if month_gbs_od > 0.0 {
        on_demand.compute_usd / month_gbs_od
    } else {
        0.0
    };
    let pc_per_min = pc_config / (traffic::DAYS_PER_MONTH * 1440.0);
    let pc_rate = rates.faas_provisioned_duration_usd_per_gb_s;
    let mut cost = 0.0;
    let Series {
        served_rps,
        utilisation,
        cost_usd,
        ..
    } = &mut series;
    for ((&served, &util), slot) in served_rps
        .iter()
        .zip(utilisation.iter())
        .zip(cost_usd.iter_mut())
    {
        let r = served * STEP_S;
        let pc_share = pc_share(util * quota);
        let gbs = r * gb_s_per_request;
        cost += r * req_rate
            + gbs * (1.0 - pc_share) * gbs_rate
            + gbs * pc_share * pc_rate
            + pc_per_min;
        *slot = fin(cost);
    }
    day_totals.cost_usd = fin(cost);
    ModelOutcome {
        kind: ModelKind::Faas,
        series,
        day: day_totals,
        month,
        bill: Bill::Faas {
            on_demand,
            provisioned,
            provisioned_config_usd: pc_config,
            provisioned_gb_s: month_gbs_pc,
            provisioned_duration_usd: pc_duration,
            total_usd,
        },
        not_runnable,
    }
}

/// Hours in the simulator's month (30 days), for comparisons with `price vm`'s 730 hours.
pub const SIM_HOURS_PER_MONTH: f64 = traffic::DAYS_PER_MONTH * 24.0;
const _: () = assert!(HOURS_PER_MONTH > SIM_HOURS_PER_MONTH);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Pattern, tests::arb_scenario};
    use proptest::prelude::*;

    fn run(q: &str) -> Outcome {
        let (s, w) = Scenario::from_query(q);
        assert!(w.is_empty(), "{w:?}");
        simulate(&s)
    }

    fn assert_sane(o: &Outcome) {
        for m in &o.models {
            let s = &m.series;
            for v in [
                &s.booting,
                &s.serving,
                &s.draining,
                &s.cold_starts,
                &s.capacity_rps,
                &s.served_rps,
                &s.dropped_rps,
                &s.utilisation,
                &s.p50_ms,
                &s.p95_ms,
                &s.cost_usd,
            ] {
                assert_eq!(v.len(), STEPS_PER_DAY_TEST, "{:?}", m.kind);
                assert!(
                    v.iter().all(|x| x.is_finite() && *x >= -1e-9),
                    "{:?}: {v:?}",
                    m.kind
                );
            }
            for t in [&m.day, &m.month] {
                for x in [
                    t.requests,
                    t.served,
                    t.dropped,
                    t.cold_starts,
                    t.cost_usd,
                    t.max_instances,
                    t.p50_ms,
                    t.p95_ms,
                ] {
                    assert!(x.is_finite() && x >= -1e-6, "{:?} {t:?}", m.kind);
                }
                assert!((t.served + t.dropped - t.requests).abs() <= 1e-6 * t.requests.max(1.0));
            }
        }
        assert!(o.saas.month_usd.is_finite() && o.saas.month_usd >= 0.0);
    }
    const STEPS_PER_DAY_TEST: usize = traffic::STEPS_PER_DAY;

    proptest! {
        #[test]
        fn weighted_select_matches_sorting(
            v in prop::collection::vec((0.0f64..100.0, 0.0f64..10.0), 1..200), q in 0.01f64..1.0,
        ) {
            let mut rows: Vec<(f64, f64, f64)> = v.iter().map(|&(k, w)| (k, k, w)).collect();
            let total: f64 = rows.iter().map(|r| r.2).sum();
            prop_assume!(total > 0.0);
            let mut sorted = rows.clone();
            sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut acc = 0.0;
            let mut expected = sorted.last().unwrap().0;
            for r in &sorted {
                acc += r.2;
                if acc >= q * total {
                    expected = r.0;
                    break;
                }
            }
            let got = weighted_select(&mut rows, |l| l.0, q * total);
            // Ties in cumulative weight may resolve to a neighbour with zero weight.
            let ok = got == expected
                || sorted.iter().filter(|r| r.0 > got.min(expected) && r.0 < got.max(expected)).all(|r| r.2 == 0.0);
            prop_assert!(ok, "{} vs {}", got, expected);
        }
    }

    #[test]
    fn default_scenario_is_sane_and_deterministic() {
        let o = run("");
        assert_sane(&o);
        assert_eq!(o, run(""));
        assert_eq!(o.models.len(), ModelKind::ALL.len());
    }

    #[test]
    fn extreme_inputs_never_produce_nan() {
        for q in [
            "peak=0",
            "peak=1000000&cpu=0.01&dur=1&mem=128",
            "peak=1000000&cpu=600000&dur=3600000&mem=65536",
            "peak=100000&pat=flash&min=0&cmin=0&pc=100000&quota=1",
            "peak=0.001&pat=batch&cmin=0&min=0&boot=0&warm=1",
            "peak=100000&pat=growth&n=100000&max=100000&cmax=100000&p_vm=0&p_gbs=0&p_req=0",
            "pat=iot&peak=50000&vcpu=0.08&gb=0.125&ctr=cloud-run&cores=1&head=0",
            "pat=bursty&peak=77777&tgt=10&ctgt=95&cd=0&boot=3600&legacy=1&gran=100",
        ] {
            let o = run(q);
            assert_sane(&o);
        }
    }

    #[test]
    fn steady_faas_month_matches_the_pricing_formula() {
        // Steady 10 req/s for 30 days, 100 ms, 512 MB, no free tier. The month's requests are
        // the day's × 30, and the bill is pricing::faas of them.
        let o = run("pat=steady&peak=10&dur=100&mem=512");
        let f = o.model(ModelKind::Faas);
        assert_eq!(f.month.dropped, 0.0);
        let expected = pricing::faas(
            f.month.requests,
            100.0,
            512.0,
            &FaasRates::lambda_x86_64(),
            false,
            1.0,
        );
        assert!((f.month.cost_usd - expected.total_usd).abs() < 1e-9);
        // ~25.9 M requests: about $5.18 of requests + $21.58 of duration.
        assert!(f.month.requests > 24e6 && f.month.requests < 26e6);
        // The day's curve ends at a thirtieth of the month.
        let last = *f.series.cost_usd.last().unwrap();
        assert!((last * 30.0 - f.month.cost_usd).abs() < 1e-6);
        // With 2 provisioned environments and ~5 busy at noon, part of the duration bills at
        // the provisioned rate, and the curve still ends at a thirtieth of the bill.
        let o = run("pat=steady&peak=50&dur=100&mem=512&pc=2");
        let f = o.model(ModelKind::Faas);
        let Bill::Faas {
            on_demand,
            provisioned_duration_usd,
            ..
        } = &f.bill
        else {
            panic!("a FaaS bill")
        };
        assert!(*provisioned_duration_usd > 0.0 && on_demand.compute_usd > 0.0);
        let last = *f.series.cost_usd.last().unwrap();
        assert!(
            (last * 30.0 - f.month.cost_usd).abs() < 1e-6,
            "{last} × 30 vs {}",
            f.month.cost_usd
        );
    }

    #[test]
    fn fixed_vms_and_onprem_bill_by_the_clock() {
        // 4 × m5.large for 30 days: 4 × 720 h × $0.096 = $276.48, whatever the traffic.
        let o = run("pat=steady&peak=1");
        let v = o.model(ModelKind::VmFixed);
        assert!(
            (v.month.cost_usd - 276.48).abs() < 1e-6,
            "{}",
            v.month.cost_usd
        );
        // On-premises: 1 server of 32 cores ($12,000 / 48 + $300 = $550 per month).
        let p = o.model(ModelKind::OnPrem);
        assert!((p.month.cost_usd - 550.0).abs() < 1e-9);
    }

    #[test]
    fn onprem_is_sized_for_the_planned_peak_and_drops_a_flash_spike() {
        // 2,000 req/s × 50 ms = 100 busy cores; × 1.3 headroom = 130 cores → 5 servers of 32.
        let o = run("pat=steady&peak=2000");
        let p = o.model(ModelKind::OnPrem);
        assert_eq!(p.month.max_instances, 5.0);
        assert_eq!(p.month.dropped, 0.0);
        let o = run("pat=flash&peak=20000");
        assert!(o.model(ModelKind::OnPrem).month.dropped > 0.0);
    }

    #[test]
    fn functions_throttle_above_the_quota_and_cold_start_on_a_spike() {
        // 20,000 req/s × 0.1 s = 2,000 concurrent > quota 1,000: half is throttled at the peak.
        let o = run("pat=steady&peak=20000");
        let f = o.model(ModelKind::Faas);
        assert!(f.month.dropped > 0.4 * f.month.requests);
        // A flash spike starts hundreds of environments, but among 300,000 requests a minute
        // they are under 1%: the p95 does not see them.
        let o = run("pat=flash&peak=5000");
        let f = o.model(ModelKind::Faas);
        assert!(f.day.cold_starts > 100.0);
        assert!(f.series.p95_ms.iter().cloned().fold(0.0, f64::max) < 200.0);
        // A cron job at 0.2 req/s after a quiet spell: 1 cold start in 12 requests (8%) is in
        // the p95 — 100 ms + 2 hops + 300 ms Python init.
        let o = run("pat=batch&peak=0.2&warm=1");
        let f = o.model(ModelKind::Faas);
        assert_eq!(f.series.p95_ms[360], 402.0);
        assert_eq!(f.series.p95_ms[361], 102.0);
    }

    #[test]
    fn limits_make_a_function_not_runnable() {
        let o = run("mem=20000");
        let f = o.model(ModelKind::Faas);
        assert_eq!(f.not_runnable.len(), 1);
        assert_eq!(f.month.served, 0.0);
        assert!(f.not_runnable[0].message(Lang::En).contains("10,240 MB"));
        assert!(f.not_runnable[0].message(Lang::Ko).contains("10,240 MB"));
        let o = run("mem=2000&dur=400000&legacy=1");
        let reasons = &o.model(ModelKind::Faas).not_runnable;
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(reasons[1].message(Lang::En).contains("300 s"));
        assert!(
            run("mem=2000&dur=400000")
                .model(ModelKind::Faas)
                .not_runnable
                .is_empty()
        );
        // A link or a field cannot go below 128 MB (`limits::MEMORY_MB`); the core still
        // says why a smaller function could not run.
        let mut small = Scenario::default();
        small.workload.memory_mb = 64.0;
        assert_eq!(
            simulate(&small).model(ModelKind::Faas).not_runnable.len(),
            1
        );
    }

    #[test]
    fn autoscaling_follows_a_business_day() {
        let o = run("pat=diurnal&peak=2000");
        let v = o.model(ModelKind::VmAuto);
        let night = v.series.serving[3 * 60];
        let noon = v.series.serving[11 * 60];
        assert!(noon > 5.0 * night, "{night} → {noon}");
        // Boot takes 150 s, so instances are seen booting while the morning ramps up.
        assert!(v.series.booting.iter().any(|b| *b > 0.0));
        // Utilisation of serving instances hovers around the 65% target at midday.
        assert!((0.4..=0.9).contains(&v.series.utilisation[11 * 60]));
        // The autoscaled fleet is cheaper than a fixed fleet sized for the peak.
        let peak_vms = (2000.0 * 0.05 / 2.0 / 0.65f64).ceil();
        let fixed = run(&format!("pat=diurnal&peak=2000&n={peak_vms}"));
        assert!(v.month.cost_usd < fixed.model(ModelKind::VmFixed).month.cost_usd);
    }

    #[test]
    fn growth_month_is_between_half_and_full_peak_months() {
        let g = run("pat=growth&peak=1000");
        let f = g.model(ModelKind::Faas);
        let day_req = f.day.requests;
        assert!(f.month.requests > 15.0 * day_req && f.month.requests < 30.0 * day_req);
        assert_eq!(g.month_days.len(), 3);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn any_scenario_simulates_to_finite_numbers(s in arb_scenario()) {
            let o = simulate(&s);
            assert_sane(&o);
        }

        #[test]
        fn usage_billed_cost_never_falls_when_traffic_rises(
            s in arb_scenario(), factor in 1.0f64..4.0,
        ) {
            let mut more = s.clone();
            more.traffic.peak_rps = (s.traffic.peak_rps * factor).min(crate::scenario::limits::PEAK_RPS.1);
            let (a, b) = (simulate(&s), simulate(&more));
            let (fa, fb) = (a.model(ModelKind::Faas), b.model(ModelKind::Faas));
            // Functions bill usage; throttled requests are not billed, so compare with the
            // quota out of the way.
            if fa.month.dropped == 0.0 && fb.month.dropped == 0.0 {
                prop_assert!(fb.month.cost_usd >= fa.month.cost_usd - 1e-9);
            }
            // Fixed fleets and on-premises bills never depend on traffic within the month.
            prop_assert_eq!(a.model(ModelKind::VmFixed).month.cost_usd, b.model(ModelKind::VmFixed).month.cost_usd);
        }

        #[test]
        fn capacity_covers_demand_when_headroom_allows(
            peak in 0.0f64..50_000.0, cpu in 1.0f64..200.0, head in 0.0f64..200.0, seed in any::<u64>(),
            pat in prop::sample::select(vec![Pattern::Steady, Pattern::Diurnal, Pattern::Iot, Pattern::Batch]),
        ) {
            let mut s = Scenario {
                traffic: crate::scenario::Traffic { pattern: pat, peak_rps: peak, seed },
                ..Scenario::default()
            };
            s.workload.cpu_ms = cpu;
            s.onprem.headroom_pct = head;
            s.vm.max = 100_000;
            let o = simulate(&s);
            // Owned servers bought for this peak with headroom ≥ 0 never drop.
            let p = o.model(ModelKind::OnPrem);
            for (c, d) in p.series.capacity_rps.iter().zip(&o.traffic_rps) {
                prop_assert!(c + 1e-6 >= *d);
            }
            // Autoscaled VMs with room to grow keep up with slowly changing traffic.
            if matches!(pat, Pattern::Steady | Pattern::Diurnal) {
                let v = o.model(ModelKind::VmAuto);
                for (c, d) in v.series.capacity_rps.iter().zip(&o.traffic_rps) {
                    prop_assert!(c + 1e-6 >= *d, "{} < {}", c, d);
                }
            }
        }
    }
}
