//! `simulate(&Scenario) -> Outcome`: the same traffic through every compute model.
//!
//! Time runs in 1-minute steps over a day. Each model is a small state machine stepped once
//! per minute: a *fleet* (on-premises servers, fixed VMs, autoscaled VMs, managed containers)
//! or *functions*. Bills come from [`crate::pricing`] with month totals.
//!
//! **How the month is derived.** Simulating 30 × 1,440 steps for five models would be
//! 216,000 steps; instead the core simulates the few days that stand for the month
//! ([`crate::traffic::month_plan`]) and weights each by the calendar days it stands for: one
//! day repeated 30 times for the patterns whose days are alike; for `flash` the spike day once
//! and the same day without the spike 29 times; for `bursty` the day with the month's highest
//! burst once and another day of bursts 29 times; for `growth` Simpson's rule over three days
//! (1×, 0.75× and 0.5× the peak; weights 5, 20 and 5 days). Functions' free tier and volume
//! tiers are monthly, so they are applied to the month's totals, never per day. The series in
//! the [`Outcome`] (what the lanes and charts show), the maximum instances and the latency
//! percentiles are those of the peak day, the first of the plan; bills, requests, drops and
//! cold starts are the month's. A day's requests are counted in whole requests.
//!
//! **Bills** add up parts rounded to the cent, as an invoice does (see [`crate::pricing`]), so
//! a total is the sum of the amounts shown above it, and a bill in won is that total converted.
//!
//! **Function environments and cold starts.** An environment serves one request at a time and
//! stays warm for `warm` minutes after its last request. The default, 10 minutes, is the low
//! end of the fixed 10–20-minute keep-alive that Shahrad et al. measured on Azure Functions
//! ("Serverless in the Wild", USENIX ATC '20); AWS says only that Lambda keeps an idle
//! execution environment "for a non-deterministic period of time" (Lambda operator guide,
//! *Lambda execution environments*) and recycles every environment after a few hours anyway
//! (*Lambda execution environment lifecycle*), which the day here does not model. Busy
//! environments are the expected concurrency (arrival rate
//! × duration), not rounded up: at 0.001 req/s one environment is busy 0.01% of the time, not
//! always. Cold starts come from two causes and each minute counts the larger (but a minute
//! after an idle spell, with no request in the `warm` minutes before it, counts all its cold
//! starts as the idle spell's, however many environments it starts: a cron batch's first
//! minute after hours of quiet starts them all because everything was recycled):
//! - *scale-out*: concurrency above the environments warm from the last `warm` minutes (or
//!   provisioned); these start, at most 6,000 a minute (Lambda's 1,000 per 10 s);
//! - *after an idle spell*: with Poisson arrivals a request finds no warm environment when no
//!   request came in the `warm` minutes before it, which has probability `e^−Λ` for `Λ`
//!   expected arrivals in that window (see `arrivals_cold`): with a request every 16 minutes
//!   and a 10-minute idle-out, 53% of requests start cold.
//!
//! A request runs for its duration, or for its CPU time on the function's CPU share when that
//! is longer (Lambda: memory ÷ 1,769 MB of a vCPU, at most one; see [`faas_run_ms`]); the run
//! is what is billed, what keeps an environment busy and what the latency starts from. The
//! lanes' states are the minute's averages: running is served × run time, starting is the
//! cold starts × the init time, idle the rest of the warm environments, so they add up.
//!
//! **INIT billing.** Since 1 August 2025 Lambda bills the INIT phase of on-demand functions
//! at the same GB-second rate as their run (AWS Compute Blog, "AWS Lambda standardizes
//! billing for INIT Phase", 2025-04-29): each cold start adds its init time ([`cold_start_ms`])
//! × memory GB to the on-demand GB-seconds, before the free tier and the volume tiers.
//! Azure's Consumption plan does not bill it. Provisioned environments are initialised ahead
//! (their INIT is in the provisioned price) and never counted as cold starts. The suggested
//! ping's price is the month run again with the ping, since it changes the cold starts.
//!
//! The expected number of environments warm is the busiest of the last `warm` minutes, or for
//! sparse traffic the chance that a request came within them (`1 − e^−Λ`). Provisioned
//! concurrency keeps environments warm all month (Azure's Consumption plan offers none, so
//! `pc` is ignored there). A keep-warm ping (`ping` minutes: a scheduled invocation whose
//! handler returns at once, billed like any request at the shortest duration) keeps one
//! environment warm when it comes at least every `warm` minutes; it does nothing for a rise in
//! traffic, which needs more than one environment. Beside provisioned concurrency a ping is
//! redundant and not sent (Lambda routes invocations to provisioned environments first, so a
//! ping lands on one that is warm anyway and warms no on-demand one); the math says so, and
//! suggests no ping there. The month's math prices both ways of
//! avoiding the cold starts it counts; the suggested ping is every 5 minutes (AWS's advice
//! for warmers, quoted by the `lambda-warmer` project: "don't ping more often than every 5
//! minutes"), or every `warm` minutes when that is shorter.
//!
//! **Billing at 1-minute steps.** VMs bill per second with a 60-second minimum: an instance
//! lives a whole number of 1-minute steps here, so the minimum never binds and the bill is
//! instance-minutes × price. A month is 30 days (720 hours) in the simulator, and `price vm`
//! and `price container` default to the same 720 hours ([`catalog::HOURS_PER_MONTH`]).
//!
//! **Latency** is for served requests: the workload's duration, plus an M/M/c wait per
//! instance ([`crate::queueing`]), plus a network hop per front door (load balancer, API
//! gateway), plus start-up waits (function cold starts; requests held while a container
//! starts). Requests that find no capacity are dropped (or, for functions, throttled) and
//! counted, never turned into an infinite latency. A fleet's queue holds a request at most
//! [`QUEUE_TIMEOUT_S`] (the load balancer's 60 s): in a minute whose capacity is below demand
//! the queue is full, the served requests waited that long and the rest are lost, so that
//! minute's p95 is "timed out" ([`Series::timed_out`]), never a wait that stays the same
//! whatever the overload.
//!
//! **A p95 is over the requests asked**, not only those served: a lost (dropped or
//! throttled) request counts as slower than the queue's timeout. So a day's p95 with over 5%
//! of its requests lost or in a timed-out minute is "timed out" ([`Totals::p95_timed_out`]),
//! and so is a function minute's with over 5% throttled; only the p50 is over the served.

use serde::Serialize;

use crate::catalog::{self, HOURS_PER_MONTH};
use crate::i18n::Lang;
use crate::money::add_cents;
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
/// How long a request may wait in a fleet's queue before it times out, s: the load
/// balancer's idle timeout, 60 s by default ("The default idle timeout is 60 seconds",
/// Elastic Load Balancing, *Application Load Balancers*, connection idle timeout). When
/// capacity is below demand the queue grows until it holds this long a wait: the requests
/// over capacity are lost (counted) and the p95 is said as "timed out", not a number.
pub const QUEUE_TIMEOUT_S: f64 = 60.0;
/// A keep-warm ping's handler returns at once: it bills the shortest duration there is.
pub const PING_MS: f64 = 1.0;
/// Lambda adds new execution environments at most 1,000 every 10 seconds per function.
pub const FAAS_SCALE_PER_MIN: f64 = 6_000.0;
/// Load balancers keep a deregistered instance for 300 s so in-flight requests finish.
pub const DRAIN_STEPS: usize = 5;
/// Target tracking scales out after 3 one-minute datapoints above target…
pub const VM_SCALE_OUT_AFTER_MIN: usize = 3;
/// …and in after 15 datapoints below 90% of target.
pub const VM_SCALE_IN_AFTER_MIN: usize = 15;

/// Lambda gives a function CPU in proportion to its memory: "At 1,769 MB, a function has the
/// equivalent of one vCPU" (AWS Lambda Developer Guide, *Configure Lambda function memory*,
/// https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html, read 2026-12-03).
pub const LAMBDA_MB_PER_VCPU: f64 = 1_769.0;

/// The vCPU one request runs on as a function: `memory ÷ 1,769 MB` on Lambda, at most one
/// (a request is one thread: more vCPUs above 1,769 MB do not speed it up); Azure's
/// Consumption plan runs an instance on one core (ACU 100), so one. Returns `(vcpu, mb per
/// vcpu)`, the second 0 where the share does not come from memory.
pub fn faas_cpu_share(s: &Scenario) -> (f64, f64) {
    match s.faas.service {
        FaasService::Lambda => (
            (s.workload.memory_mb.max(1.0) / LAMBDA_MB_PER_VCPU).min(1.0),
            LAMBDA_MB_PER_VCPU,
        ),
        FaasService::Azure => (1.0, 0.0),
    }
}

/// How long one request runs as a function, ms: its duration, or its CPU time on the
/// function's CPU share when that is longer (a request cannot finish before its CPU work;
/// the fleets take `max(duration, CPU)` on a whole vCPU the same way).
pub fn faas_run_ms(s: &Scenario) -> f64 {
    let (vcpu, _) = faas_cpu_share(s);
    let w = &s.workload;
    fin(w.duration_ms).max(fin(w.cpu_ms) / vcpu)
}

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

/// Whether a function service bills the INIT phase of a cold start: Lambda does since
/// 1 August 2025, for on-demand functions, at the duration rate ("AWS Lambda standardizes
/// billing for INIT Phase", AWS Compute Blog, announced 2025-04-29); Azure Functions'
/// Consumption plan bills executions only, not their cold starts.
pub fn init_billed(service: FaasService) -> bool {
    match service {
        FaasService::Lambda => true,
        FaasService::Azure => false,
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
        use crate::fit_card::{call_duration, timeout_text};
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
                "A {} run is longer than the {} timeout.",
                call_duration(*duration_ms, *timeout_s, lang),
                timeout_text(*timeout_s, lang)
            ),
            (
                NotRunnable::DurationAboveTimeout {
                    duration_ms,
                    timeout_s,
                },
                Lang::Ko,
            ) => format!(
                "한 번 실행에 {} 걸려 제한 시간 {}보다 깁니다.",
                call_duration(*duration_ms, *timeout_s, lang),
                timeout_text(*timeout_s, lang)
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
    let run_ms = faas_run_ms(scenario);
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
    if run_ms > timeout_s * 1000.0 {
        out.push(NotRunnable::DurationAboveTimeout {
            duration_ms: run_ms,
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
    /// Whether the minute's p95 wait reached [`QUEUE_TIMEOUT_S`] (fleets: capacity below
    /// demand, so the queue was full; functions: over 5% of the minute's requests
    /// throttled): its p95 is "timed out", not a latency.
    pub timed_out: Vec<bool>,
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
            timed_out: vec![false; n],
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
    /// Whether that p95 (over every request asked) is a lost request's or a minute's whose
    /// wait reached [`QUEUE_TIMEOUT_S`] ("timed out"): over 5% of them were either.
    pub p95_timed_out: bool,
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
        /// CPU time of one request, ms (what sizes the servers).
        cpu_ms: f64,
        planned_peak_rps: f64,
        headroom_pct: f64,
    },
    Vm {
        instance: String,
        usd_per_hour: f64,
        /// Instance-minutes on each simulated day, in [`Outcome::month_days`] order (whole
        /// numbers: instances live whole 1-minute steps).
        minutes_by_day: Vec<f64>,
        /// The month's instance-minutes: the days' weighted by the calendar days they stand for.
        instance_minutes: f64,
        instance_hours: f64,
        total_usd: f64,
        /// What one instance serves: its vCPU, the share of each it sustains (burstable types'
        /// baseline, else 100%), and the CPU time per request.
        vcpu: f64,
        baseline_cpu_pct: f64,
        cpu_ms: f64,
    },
    Container {
        service: ContainerService,
        /// Instance-minutes with traffic and without on each simulated day.
        active_minutes_by_day: Vec<f64>,
        idle_minutes_by_day: Vec<f64>,
        /// Active instance-hours priced at the active rates.
        active: ContainerBill,
        /// Idle instance-hours priced at the idle rates (App Runner: memory only).
        idle: ContainerBill,
        total_usd: f64,
    },
    Faas(Box<FaasMonth>),
}

/// How a function month was billed, with every figure its "show the math" lines print.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FaasMonth {
    /// Requests served on each simulated day (whole numbers), in [`Outcome::month_days`] order.
    pub requests_by_day: Vec<f64>,
    /// The month's served requests (throttled ones are not billed).
    pub requests: f64,
    pub throttled: f64,
    /// Keep-warm pings: every `ping_min` minutes (0: none sent), a day's and the month's.
    pub ping_min: u32,
    /// A ping asked for (`ping` minutes) but not sent: provisioned environments are always
    /// warm and Lambda routes invocations to them first, so a ping lands on one and warms
    /// nothing more (0: none asked for, or it is sent).
    pub ping_redundant_min: u32,
    pub pings_by_day: Vec<f64>,
    pub pings: f64,
    /// The request's duration and CPU time, the function's CPU share (vCPU, and the MB that
    /// make one vCPU; 0 where the share is not from memory) and what one request runs for:
    /// the duration, or the CPU time on that share when longer.
    pub duration_ms: f64,
    pub cpu_ms: f64,
    pub cpu_vcpu: f64,
    pub mb_per_vcpu: f64,
    pub run_ms: f64,
    /// Billed duration of one request and of one ping, what durations are rounded up to,
    /// and the billed memory.
    pub billed_duration_ms: f64,
    /// The service's shortest billed duration (Azure's Consumption plan: 100 ms).
    pub min_billed_ms: f64,
    pub granularity_ms: f64,
    pub ping_billed_ms: f64,
    pub billed_memory_mb: f64,
    pub memory_gb: f64,
    /// GB-seconds of the served requests and of the pings.
    pub gb_s: f64,
    pub ping_gb_s: f64,
    /// Whether the service bills the INIT phase of cold starts (Lambda since 1 August 2025;
    /// not Azure's Consumption plan), the cold starts billed (in hundredths), one init's
    /// seconds and the INIT GB-seconds (`cold starts × init s × GB`, part of on demand).
    pub init_billed: bool,
    pub init_cold_starts: f64,
    pub init_s: f64,
    pub init_gb_s: f64,
    /// Requests (pings included) and on-demand GB-seconds (INIT included), free tier and tiers
    /// applied.
    pub on_demand: FaasBill,
    /// The price of the first GB-second tier (what an on-demand GB-second costs at first).
    pub first_tier_usd_per_gb_s: f64,
    /// The free tier was asked for but does not apply (provisioned concurrency is on).
    pub free_tier_dropped: bool,
    /// Provisioned concurrency: environments kept initialised all month.
    pub provisioned: f64,
    /// Whether the service offers it at all (Azure's Consumption plan does not).
    pub provisioned_offered: bool,
    /// GB-seconds the served requests ran on provisioned environments, and their price.
    pub provisioned_gb_s: f64,
    pub provisioned_duration_usd_per_gb_s: f64,
    pub provisioned_duration_usd: f64,
    /// Environments × GB × seconds of the month kept warm, and their price.
    pub provisioned_config_gb_s: f64,
    pub provisioned_usd_per_gb_s: f64,
    pub provisioned_config_usd: f64,
    pub month_s: f64,
    pub cold: ColdStarts,
    /// What it would cost to avoid the cold starts, when there are any.
    pub avoid: Option<AvoidColdStarts>,
    pub total_usd: f64,
}

/// A month's cold starts by cause. Each minute's cold starts are put down to the larger cause
/// (all to the idle spell on a minute with no request in the `warm` minutes before it), so the
/// two add up to the total.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ColdStarts {
    /// Requests that found no warm environment after an idle spell.
    pub after_idle: f64,
    /// Environments started because concurrency rose above the warm ones.
    pub scale_out: f64,
    pub total: f64,
    /// Minutes an idle environment stays warm before it is recycled.
    pub warm_min: u32,
}

/// Two ways to avoid cold starts: a keep-warm ping, billed through the month's bill, and
/// provisioned concurrency at its list price.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AvoidColdStarts {
    /// A keep-warm ping every `ping_min` minutes: it keeps one environment warm, which stops
    /// the cold starts after idle spells (not those of a rise in traffic).
    pub ping_min: u32,
    pub ping_requests: f64,
    pub ping_gb_s: f64,
    /// The month's functions bill without any ping and with these pings (free tier and volume
    /// tiers applied to requests and pings together, as the bill itself does).
    pub month_usd_without: f64,
    pub month_usd_with: f64,
    /// What the pings add: `month_usd_with − month_usd_without`, in whole cents.
    pub ping_usd: f64,
    /// The month's cold starts the pings stop (those without them less those with them): one
    /// environment kept warm stops the first cold start after each idle spell, not the rest
    /// of a batch that needs more (0 where the suggestion is not priced by a run with pings).
    pub ping_stops: f64,
    /// Provisioned concurrency for the peak day's busiest minute: no cold start at all. It
    /// counts the environments that minute keeps running (its demand × run time, rounded up),
    /// not those starting: provisioned environments are initialised ahead and never start.
    pub pc_envs: f64,
    /// The most environments at once on the peak day (the lanes' and the table's max
    /// instances): running, starting and idle-warm, so it may be above `pc_envs`.
    pub lane_max: f64,
    pub pc_gb_s: f64,
    pub pc_usd_per_gb_s: f64,
    pub pc_usd: f64,
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
    /// The simulated days standing for the month, the peak day (the one shown) first.
    pub month_days: Vec<traffic::MonthDay>,
    /// One entry per [`ModelKind::ALL`], in that order.
    pub models: Vec<ModelOutcome>,
    pub saas: SaasOutcome,
    /// The p95 a model must stay within to serve the workload (the month table's "cheapest"):
    /// the request's own duration plus [`P95_TARGET_WAIT_MS`] of waiting, ms.
    pub p95_target_ms: f64,
}

/// The wait over a request's own duration that a p95 may add and still serve the workload.
pub const P95_TARGET_WAIT_MS: f64 = 1_000.0;

/// The p95 a model must stay within to serve `s`'s workload, ms ([`Outcome::p95_target_ms`]).
pub fn p95_target_ms(s: &Scenario) -> f64 {
    fin(s.workload.duration_ms) + P95_TARGET_WAIT_MS
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
    /// The vCPU one VM sustains: all of them, a burstable type's baseline share
    /// ([`catalog::VmType::sustained_vcpu`]). This, not `vm_vcpu`, is a VM's capacity.
    pub vm_sustained_vcpu: f64,
    pub vm_baseline_cpu_pct: f64,
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
            vm_sustained_vcpu: vm.sustained_vcpu(),
            vm_baseline_cpu_pct: vm.baseline_cpu_pct,
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

/// A functions month's bill parts (see [`FaasPricing::month_bill`]).
#[derive(Clone, Debug, PartialEq)]
pub struct MonthFaasBill {
    pub gb_s: f64,
    pub ping_gb_s: f64,
    pub init_gb_s: f64,
    pub provisioned_gb_s: f64,
    pub on_demand_gb_s: f64,
    pub on_demand: FaasBill,
    pub provisioned_duration_usd: f64,
    /// The provisioned environments' configuration for the month (kept warm, used or not).
    pub provisioned_config_usd: f64,
    pub total_usd: f64,
}

impl MonthFaasBill {
    /// The total before its parts are rounded to the cent (a smooth curve to search on).
    pub fn unrounded_usd(&self) -> f64 {
        self.on_demand.requests_usd
            + self.on_demand.compute_usd
            + self.provisioned_duration_usd
            + self.provisioned_config_usd
    }
}

/// What a month's functions bill is priced from, whatever the traffic: one request's and one
/// ping's billed GB-seconds, the provisioned environments (within the quota, where the service
/// offers them), the pings sent (none beside provisioned environments), whether the free tier
/// applies (not with provisioned concurrency) and the provisioned configuration's month. The
/// simulation's bill and the break-even's curve are both [`FaasPricing::month_bill`].
#[derive(Clone, Debug, PartialEq)]
pub struct FaasPricing {
    pub per_request: FaasBill,
    pub per_ping: FaasBill,
    /// One call's GB-seconds, unrounded (a bill's total is put on its resolution, not a call).
    pub gb_s_per_request: f64,
    pub gb_s_per_ping: f64,
    pub provisioned: f64,
    /// Minutes between keep-warm pings actually sent (0: none).
    pub ping_min: u32,
    pub free: bool,
    pub provisioned_config_gb_s: f64,
    pub provisioned_config_usd: f64,
}

impl FaasPricing {
    pub fn new(s: &Scenario, rates: &Rates) -> FaasPricing {
        let f = &s.faas;
        let w = &s.workload;
        let runnable = faas_runnable(s).is_empty();
        let granularity = f64::from(f.granularity_ms);
        let per_request = pricing::faas(
            1.0,
            faas_run_ms(s),
            w.memory_mb,
            &rates.faas,
            false,
            granularity,
        );
        let per_ping = pricing::faas(1.0, PING_MS, w.memory_mb, &rates.faas, false, granularity);
        let gb_s_per_request = per_request.billed_duration_ms / 1000.0 * per_request.memory_gb;
        let gb_s_per_ping = per_ping.billed_duration_ms / 1000.0 * per_ping.memory_gb;
        let quota = f64::from(f.quota.max(1));
        let provisioned = if runnable && rates.faas_provisioned_usd_per_gb_s > 0.0 {
            f64::from(f.provisioned).min(quota)
        } else {
            0.0
        };
        // With provisioned environments there is nothing to keep warm, so no ping is sent.
        let ping_min = if runnable && provisioned == 0.0 {
            f.ping_min
        } else {
            0
        };
        let month_s = traffic::DAYS_PER_MONTH * 86_400.0;
        let provisioned_config_gb_s = provisioned * per_request.memory_gb * month_s;
        FaasPricing {
            gb_s_per_request,
            gb_s_per_ping,
            provisioned,
            ping_min,
            free: f.free_tier && provisioned == 0.0,
            provisioned_config_gb_s,
            provisioned_config_usd: provisioned_config_gb_s * rates.faas_provisioned_usd_per_gb_s,
            per_request,
            per_ping,
        }
    }

    /// The share of `conc` busy environments that are provisioned (they bill at that rate).
    pub fn provisioned_share(&self, conc: f64) -> f64 {
        if conc > 0.0 {
            self.provisioned.min(conc) / conc
        } else {
            0.0
        }
    }

    /// The pings a day of `minutes` sends.
    pub fn day_pings(&self, minutes: usize) -> f64 {
        if self.ping_min > 0 {
            minutes.div_ceil(self.ping_min as usize) as f64
        } else {
            0.0
        }
    }

    /// The month's bill for `requests` served (`provisioned_gb_s` of their GB-seconds on
    /// provisioned environments), `pings` keep-warm calls and `init_gb_s` GB-seconds of INIT,
    /// unrounded: free tier and tiers on the totals, every GB-second figure on one resolution
    /// so they add and subtract as printed.
    pub fn month_bill(
        &self,
        rates: &Rates,
        requests: f64,
        pings: f64,
        provisioned_gb_s: f64,
        init_gb_s: f64,
    ) -> MonthFaasBill {
        let step = pricing::gb_s_step(
            requests * self.gb_s_per_request + pings * self.gb_s_per_ping + init_gb_s,
        );
        let gb_s = pricing::on_step(requests * self.gb_s_per_request, step);
        let ping_gb_s = pricing::on_step(pings * self.gb_s_per_ping, step);
        let init_gb_s = pricing::on_step(init_gb_s, step);
        let provisioned_gb_s = pricing::on_step(provisioned_gb_s.min(gb_s), step);
        let on_demand_gb_s =
            pricing::on_step(gb_s - provisioned_gb_s + ping_gb_s + init_gb_s, step);
        let mut on_demand =
            pricing::faas_totals(requests + pings, on_demand_gb_s, &rates.faas, self.free);
        on_demand.billed_duration_ms = self.per_request.billed_duration_ms;
        on_demand.billed_memory_mb = self.per_request.billed_memory_mb;
        on_demand.memory_gb = self.per_request.memory_gb;
        let provisioned_duration_usd =
            provisioned_gb_s * rates.faas_provisioned_duration_usd_per_gb_s;
        let total_usd = fin(add_cents(&[
            on_demand.total_usd,
            provisioned_duration_usd,
            self.provisioned_config_usd,
        ]));
        MonthFaasBill {
            gb_s,
            ping_gb_s,
            init_gb_s,
            provisioned_gb_s,
            on_demand_gb_s,
            on_demand,
            provisioned_duration_usd,
            provisioned_config_usd: self.provisioned_config_usd,
            total_usd,
        }
    }
}

/// Runs the scenario through every model. Pure and deterministic.
pub fn simulate(s: &Scenario) -> Outcome {
    let rates = Rates::resolve(s);
    let days = traffic::month(&s.traffic);
    // The planner buys on day 1 of the month: for growth that is the smallest day.
    // (`Day::planned_peak_rps` already is the day-1 level for growth.)
    let planned_peak_rps = days[0].0.planned_peak_rps;
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
        traffic_rps: days[0].0.rps.clone(),
        planned_peak_rps,
        month_days: traffic::month_plan(s.traffic.pattern).to_vec(),
        models,
        saas: SaasOutcome {
            seats,
            usd_per_seat_month: rates.usd_per_seat_month,
            month_usd: pricing::saas(seats, rates.usd_per_seat_month),
        },
        p95_target_ms: p95_target_ms(s),
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
    days: &[(traffic::Day, f64)],
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
            // A burstable VM sustains its baseline share, and requests run on that share
            // (credits spent, the CPU is held to it), as a function runs on its CPU share.
            let vcpu = rates.vm_sustained_vcpu.max(0.01);
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
            let first = days[0].0.rps.first().copied().unwrap_or(0.0);
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
            let first = days[0].0.rps.first().copied().unwrap_or(0.0);
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
    let (mut active_by_day, mut idle_by_day) = (Vec::new(), Vec::new());
    let mut peak: Option<FleetDay> = None;
    for (day, weight) in days {
        // Only the peak day's series and latencies are shown; other days only add to bills.
        let r = run_fleet(&fleet, &day.rps, peak.is_none());
        add_weighted(&mut month, &r.totals, *weight);
        // Instances live whole 1-minute steps, so a day's instance-minutes are whole.
        let (active, idle) = (r.active_instance_min.round(), r.idle_instance_min.round());
        active_min += active * weight;
        idle_min += idle * weight;
        active_by_day.push(active);
        idle_by_day.push(idle);
        if peak.is_none() {
            peak = Some(r);
        }
    }
    let peak = peak.expect("at least one day");
    month.max_instances = peak.totals.max_instances;
    month.p50_ms = peak.totals.p50_ms;
    month.p95_ms = peak.totals.p95_ms;
    month.p95_timed_out = peak.totals.p95_timed_out;
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
                cpu_ms,
                planned_peak_rps,
                headroom_pct: s.onprem.headroom_pct,
            }
        }
        ModelKind::VmFixed | ModelKind::VmAuto => {
            let minutes = active_min + idle_min;
            let hours = minutes / 60.0;
            Bill::Vm {
                instance: rates.vm_instance.clone(),
                usd_per_hour: rates.vm_usd_per_hour,
                minutes_by_day: active_by_day
                    .iter()
                    .zip(&idle_by_day)
                    .map(|(a, i)| a + i)
                    .collect(),
                instance_minutes: minutes,
                instance_hours: hours,
                total_usd: pricing::vm(rates.vm_usd_per_hour, 1.0, hours).total_usd,
                vcpu: rates.vm_vcpu,
                baseline_cpu_pct: rates.vm_baseline_cpu_pct,
                cpu_ms,
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
            let total_usd = add_cents(&[active.total_usd, idle.total_usd]);
            Bill::Container {
                service: k.service,
                active_minutes_by_day: active_by_day,
                idle_minutes_by_day: idle_by_day,
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
        Bill::Faas(f) => f.total_usd,
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

/// A day's requests are counted in whole requests (the per-minute rates make fractions).
fn round_requests(t: &mut Totals) {
    t.requests = t.requests.round();
    t.served = t.served.round().min(t.requests);
    t.dropped = t.requests - t.served;
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
    // Each minute's latency and weight, written by index like the series: the served
    // requests at `t`, the lost ones at `n + t` ([`weighted_percentiles`]).
    let mut lat = vec![(0.0, 0.0, 0.0); if detail { 2 * n } else { 0 }];
    let lost_ms = f.base_ms + FRONT_DOOR_HOP_MS + QUEUE_TIMEOUT_S * 1000.0;
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
        // A wait never passes the queue's timeout: with capacity below demand the queue is
        // full and every served request waited that long (the rest are lost, counted).
        let (mut p50, mut p95) = (0.0, 0.0);
        let timeout_ms = QUEUE_TIMEOUT_S * 1000.0;
        let mut timed_out = false;
        if served > 0.0 {
            let per_instance = served / serving_now.max(1e-9);
            let base = f.base_ms + FRONT_DOOR_HOP_MS;
            let (mut w50, mut w95) = if detail {
                wait_p50_p95_ms(f.servers, per_instance, f.service_ms)
            } else {
                (0.0, 0.0)
            };
            if fast && joining > 0.0 && demand > old_cap {
                let held = (demand - old_cap) / demand * (start_s / STEP_S);
                if held > 0.5 {
                    w50 += start_s * 1000.0;
                }
                if held > 0.05 {
                    w95 += start_s * 1000.0;
                }
            }
            if dropped > 0.0 {
                (w50, w95) = (timeout_ms, timeout_ms);
            }
            timed_out = w95 >= timeout_ms;
            p50 = base + w50.min(timeout_ms);
            p95 = base + w95.min(timeout_ms);
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
        out.timed_out[t] = timed_out;
        out.cost_usd[t] = fin(cost);
        totals.requests += demand * STEP_S;
        totals.served += served * STEP_S;
        totals.dropped += dropped * STEP_S;
        totals.max_instances = totals.max_instances.max(running);
        if detail {
            lat[t] = (p50, p95, served * STEP_S);
            lat[n + t] = (lost_ms, lost_ms, dropped * STEP_S);
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
    round_requests(&mut totals);
    let (p50, p95) = weighted_percentiles(&mut lat);
    totals.p50_ms = p50;
    totals.p95_ms = p95;
    // The day's p95 is one minute's or a lost request's (a weighted percentile), so it timed
    // out when it is a timed-out minute's or a lost request's: the run and the front door
    // plus the whole timeout.
    totals.p95_timed_out = p95 > 0.0 && p95 >= lost_ms;
    FleetDay {
        series: out,
        totals,
        active_instance_min: active_min,
        idle_instance_min: idle_min,
    }
}

/// Request-weighted median and 95th percentile of a day's latencies. `lat` holds each
/// minute's served requests (p50, p95, count) in its first half and the same minute's lost
/// (dropped or throttled) requests in its second, keyed at the queue's timeout or more: a lost
/// request is slower than any that was served.
///
/// The p95 is over every request asked: the minute (or the lost requests) the 95th
/// percentile of all the day's requests falls into, so when over 5% of them were lost or in
/// a timed-out minute it is a timed-out one, never the duration of the requests that got
/// through. The p50 is over the served requests alone (the first half).
fn weighted_percentiles(lat: &mut [(f64, f64, f64)]) -> (f64, f64) {
    let (served, _) = lat.split_at_mut(lat.len() / 2);
    let served_total: f64 = served.iter().map(|l| l.2).sum();
    if served_total <= 0.0 {
        return (0.0, 0.0);
    }
    let p50 = weighted_select(served, |l| l.0, 0.5 * served_total);
    let total: f64 = lat.iter().map(|l| l.2).sum();
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

/// Expected requests of one minute that find no warm environment.
///
/// Arrivals are Poisson and an environment stays warm for `W` minutes after its last request,
/// so a request starts cold when the `W` minutes before it saw no request at all: with rate
/// `λ` that happens with probability `e^(−λ·W)`. Within the minute the window slides: an
/// arrival at `x` (0–1) of the minute looks back over `x` of this minute (`n` arrivals in all)
/// and `1 − x` of the oldest minute of the window (`oldest` arrivals), besides the whole
/// minutes between (`window − oldest`). So the expected number is
/// `∫₀¹ n·e^−(window + (n − oldest)·x) dx = n·(e^−window − e^−(window + a)) / a`, `a = n − oldest`.
/// For steady traffic (`a = 0`) it is `n·e^−window`, exactly the Poisson rate.
fn arrivals_cold(n: f64, window: f64, oldest: f64) -> f64 {
    // Past ~40 expected arrivals in the window the chance is below 10⁻¹⁷: skip the exp.
    if n <= 0.0 || window.min(window + n - oldest) > 40.0 {
        return 0.0;
    }
    let s = window.max(0.0);
    let a = n - oldest;
    let cold = if a.abs() < 1e-12 {
        n * libm::exp(-s)
    } else if a > 0.0 {
        // e^−s · (1 − e^−a) / a without cancellation.
        n * libm::exp(-s) * -libm::expm1(-a) / a
    } else {
        n * (libm::exp(-s) - libm::exp(-(s + a).max(0.0))) / a
    };
    fin(cold).min(n)
}

fn faas_model(s: &Scenario, rates: &Rates, days: &[(traffic::Day, f64)]) -> ModelOutcome {
    let not_runnable = faas_runnable(s);
    let f = &s.faas;
    let w = &s.workload;
    let runnable = not_runnable.is_empty();
    // A request runs for its duration, or its CPU time on the function's CPU share if longer.
    let run_ms = faas_run_ms(s);
    let (cpu_vcpu, mb_per_vcpu) = faas_cpu_share(s);
    let duration_s = run_ms / 1000.0;
    let granularity = f64::from(f.granularity_ms);
    let fp = FaasPricing::new(s, rates);
    let per_request = &fp.per_request;
    let per_ping = &fp.per_ping;
    let gb_s_per_request = fp.gb_s_per_request;
    let gb_s_per_ping = fp.gb_s_per_ping;
    let quota = f64::from(f.quota.max(1));
    let provisioned_offered = rates.faas_provisioned_usd_per_gb_s > 0.0;
    let provisioned = fp.provisioned;
    let warm_min = f.warm_min.clamp(1, 60);
    let warm_steps = warm_min as usize;
    // Pings keep one environment warm when they come at least as often as it idles out; with
    // provisioned environments there is nothing to keep warm, so none are sent.
    let ping_min = fp.ping_min;
    let ping_keeps_warm = ping_min > 0 && ping_min <= warm_min;
    let guaranteed = if ping_keeps_warm {
        provisioned.max(1.0)
    } else {
        provisioned
    };
    // The share of idle spells no environment survives: none with one kept warm; with pings
    // rarer than the idle-out, a window of `warm_min` holds a ping `warm/ping` of the time.
    let idle_factor = if !runnable || guaranteed >= 1.0 {
        0.0
    } else if ping_min > 0 {
        1.0 - f64::from(warm_min) / f64::from(ping_min)
    } else {
        1.0
    };
    // The share of `conc` busy environments that are provisioned (they bill at that rate).
    let pc_share = |conc: f64| fp.provisioned_share(conc);
    let cold_ms = cold_start_ms(f.runtime).min(STEP_S * 1000.0);
    // Since 1 August 2025 Lambda bills the INIT phase of on-demand functions like their run,
    // at the same GB-second rate ("AWS Lambda standardizes billing for INIT Phase", AWS
    // Compute Blog, 2025-04-29): each cold start bills its init time at its memory. Azure's
    // Consumption plan does not bill it. Provisioned environments are initialised ahead and
    // never counted as cold starts here (their INIT is part of the provisioned price), so
    // every cold start the model counts is an on-demand one and bills its INIT.
    let bills_init = init_billed(f.service);
    let init_s = cold_ms / 1000.0;
    // Two front doors: the API gateway and the invoke.
    let base_ms = run_ms + 2.0 * FRONT_DOOR_HOP_MS;
    // Where a throttled request stands among the latencies: past the queue's timeout, so past
    // any served request's (a cold start is under a minute).
    let lost_ms = base_ms + QUEUE_TIMEOUT_S * 1000.0;
    // What the quota lets run at once, and the requests a minute's environments take.
    let serve = |demand: f64, conc: f64| {
        let need = demand * duration_s;
        if conc >= need {
            demand
        } else {
            demand * conc / need
        }
    };

    let mut month = Totals::default();
    let mut cold = ColdStarts {
        warm_min,
        ..ColdStarts::default()
    };
    let mut month_pc_gbs = 0.0;
    let (mut requests_by_day, mut pings_by_day) = (Vec::new(), Vec::new());
    let mut peak: Option<(Series, Totals)> = None;
    // The peak day's busiest concurrency demand (requests/s × run time), throttled or not.
    let mut peak_need: f64 = 0.0;
    for (day, weight) in days {
        let n = day.rps.len();
        let mut out = Series::zeroed(n);
        let mut totals = Totals::default();
        let detail = peak.is_none();
        // The served requests at `t`, the throttled ones at `n + t` ([`weighted_percentiles`]).
        let mut lat = vec![(0.0, 0.0, 0.0); if detail { 2 * n } else { 0 }];
        // The last `warm_steps` minutes, oldest at `pos`: requests served and environments
        // busy. The day starts warm from the previous evening, which is this day's evening.
        let mut arrived = vec![0.0; warm_steps];
        let mut busy = vec![0.0; warm_steps];
        for k in 0..warm_steps {
            let demand = fin(day.rps[(n + k).saturating_sub(warm_steps) % n.max(1)]);
            let conc = if runnable {
                (demand * duration_s).min(quota)
            } else {
                0.0
            };
            busy[k] = conc;
            arrived[k] = if runnable {
                serve(demand, conc) * STEP_S
            } else {
                0.0
            };
        }
        let mut window: f64 = arrived.iter().sum();
        let mut pos = 0;
        let (mut day_pc_requests, mut day_cold_idle, mut day_cold_scale) = (0.0, 0.0, 0.0);
        for (t, &demand) in day.rps.iter().enumerate() {
            let demand = fin(demand);
            let need = demand * duration_s;
            // The busiest of the minutes that stay in the window (all but the oldest, at `pos`):
            // with the oldest it is the pool this minute starts with, with this minute's the
            // pool it leaves; one pass for both.
            let newer = busy
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != pos)
                .fold(guaranteed, |m, (_, &b)| m.max(b));
            let pool = newer.max(busy[pos]);
            // The minute with at most `cap` environments running: its concurrency, served
            // requests, and cold starts by cause.
            let minute = |cap: f64| {
                let (conc, scale_cold) = if runnable {
                    let reachable = cap.min(pool + FAAS_SCALE_PER_MIN);
                    let conc = need.min(reachable);
                    (conc, (conc - pool).max(0.0))
                } else {
                    (0.0, 0.0)
                };
                let served = if runnable { serve(demand, conc) } else { 0.0 };
                let requests = served * STEP_S;
                let idle_cold = if idle_factor > 0.0 {
                    idle_factor * arrivals_cold(requests, window, arrived[pos])
                } else {
                    0.0
                };
                let cold_now = scale_cold.max(idle_cold).min(requests);
                (conc, served, requests, scale_cold, idle_cold, cold_now)
            };
            let mut m = minute(quota);
            // The quota counts every environment at once, those still initialising too: when
            // running and starting ones would pass it, fewer run. Fewer running start fewer,
            // so the second minute stays within the quota.
            let init_share = cold_ms / 1000.0 / STEP_S;
            if m.0 + m.5 * init_share > quota {
                m = minute((quota - m.5 * init_share).max(0.0));
            }
            let (conc, served, requests, scale_cold, idle_cold, cold_now) = m;
            let dropped = demand - served;
            if detail {
                peak_need = peak_need.max(need);
            }
            // After an idle spell (no request in the last `warm` minutes) every environment
            // but those kept warm has been recycled: whatever starts now, one environment or
            // a batch's many, starts because of the idle spell, not because traffic rose
            // above what was warm. Otherwise the minute's larger cause counts.
            if window <= 0.0 || idle_cold >= scale_cold {
                day_cold_idle += cold_now;
            } else {
                day_cold_scale += cold_now;
            }
            arrived[pos] = requests;
            // Summed afresh rather than kept as a running sum: adding and taking away a busy
            // hour's requests leaves a float residue that would keep a fraction of an
            // environment "warm" through an idle spell (at most 60 additions a minute).
            window = arrived.iter().sum();
            busy[pos] = conc;
            pos = (pos + 1) % warm_steps;
            // Environments warm after this minute: the busiest of the last `warm_min` minutes,
            // or for sparse traffic the chance that one request came in that time.
            let kept = newer.max(conc);
            let sparse = if !runnable {
                0.0
            } else if window > 40.0 {
                1.0
            } else {
                -libm::expm1(-window)
            };
            // The minute's average of each state, so they add up to the environments and the
            // running ones are what the served requests keep busy (served × run time): an
            // environment started this minute initialises for the cold-start time, then runs.
            let starting = cold_now * init_share;
            let running = conc;
            let envs = kept.max(sparse).max(conc + starting).min(quota);

            let cold_frac = if requests > 0.0 {
                cold_now / requests
            } else {
                0.0
            };
            let (mut p50, mut p95) = (0.0, 0.0);
            if served > 0.0 {
                p50 = base_ms + if cold_frac > 0.5 { cold_ms } else { 0.0 };
                p95 = base_ms + if cold_frac > 0.05 { cold_ms } else { 0.0 };
            }
            // The minute's p95 is over the requests asked: with over 5% of them throttled it
            // is a throttled request's, which never got an answer ("timed out").
            let throttled_p95 = served > 0.0 && dropped > 0.05 * demand;
            // Invocations on provisioned environments bill at the provisioned duration rate.
            day_pc_requests += requests * pc_share(conc);

            out.booting[t] = starting;
            out.serving[t] = running;
            out.draining[t] = (envs - starting - running).max(0.0);
            out.cold_starts[t] = cold_now;
            out.capacity_rps[t] = if runnable && duration_s > 0.0 {
                quota / duration_s
            } else {
                0.0
            };
            out.served_rps[t] = served;
            out.dropped_rps[t] = dropped;
            out.utilisation[t] = conc / quota;
            out.p50_ms[t] = fin(p50);
            out.p95_ms[t] = fin(if throttled_p95 { lost_ms } else { p95 });
            out.timed_out[t] = throttled_p95;
            totals.requests += demand * STEP_S;
            totals.served += requests;
            totals.dropped += dropped * STEP_S;
            totals.max_instances = totals.max_instances.max(envs);
            if detail {
                lat[t] = (p50, p95, requests);
                lat[n + t] = (lost_ms, lost_ms, dropped * STEP_S);
            }
        }
        round_requests(&mut totals);
        totals.cold_starts = day_cold_idle + day_cold_scale;
        let (p50, p95) = weighted_percentiles(&mut lat);
        totals.p50_ms = p50;
        totals.p95_ms = p95;
        totals.p95_timed_out = p95 > 0.0 && p95 >= lost_ms;
        let pings = fp.day_pings(n);
        add_weighted(&mut month, &totals, *weight);
        cold.after_idle += day_cold_idle * weight;
        cold.scale_out += day_cold_scale * weight;
        month_pc_gbs +=
            (day_pc_requests * gb_s_per_request).min(totals.served * gb_s_per_request) * weight;
        requests_by_day.push(totals.served);
        pings_by_day.push(pings);
        if peak.is_none() {
            peak = Some((out, totals));
        }
    }
    cold.total = cold.after_idle + cold.scale_out;

    // The month bill: free tier (not with provisioned concurrency) and tiers on the totals.
    let month_s = traffic::DAYS_PER_MONTH * 86_400.0;
    let requests = month.served;
    let pings: f64 = pings_by_day.iter().zip(days).map(|(p, (_, w))| p * w).sum();
    let free = fp.free;
    let memory_gb = per_request.memory_gb;
    let provisioned_config_gb_s = fp.provisioned_config_gb_s;
    let provisioned_config_usd = fp.provisioned_config_usd;
    let pc_rate = rates.faas_provisioned_duration_usd_per_gb_s;
    // The cold starts whose INIT is billed, in hundredths (as the math shows them, so its
    // product holds as printed), and their GB-seconds unrounded.
    let init_cold = if bills_init && runnable {
        (cold.total * 100.0).round() / 100.0
    } else {
        0.0
    };
    let init_raw = init_cold * init_s * memory_gb;
    // The month's bill with `pings` keep-warm calls in it: one function for the bill shown and
    // for what a suggested ping would add to it, so the two are the same arithmetic.
    let month_bill = |pings: f64| fp.month_bill(rates, requests, pings, month_pc_gbs, init_raw);
    let MonthFaasBill {
        gb_s,
        ping_gb_s,
        init_gb_s,
        provisioned_gb_s,
        on_demand_gb_s,
        on_demand,
        provisioned_duration_usd,
        total_usd,
        ..
    } = month_bill(pings);
    month.cost_usd = total_usd;

    let (mut series, mut day_totals) = peak.expect("at least one day");
    month.max_instances = day_totals.max_instances;
    month.p50_ms = day_totals.p50_ms;
    month.p95_ms = day_totals.p95_ms;
    month.p95_timed_out = day_totals.p95_timed_out;
    month.cold_starts = cold.total;

    // What avoiding the cold starts would cost: the pings through the month's bill (free tier
    // and volume tiers as for the requests), provisioned concurrency at its list price.
    // Environments that must cover a need are counted up, never to the nearest: the peak
    // day's busiest demand (what it would run unthrottled), within the quota.
    let busiest = (series.utilisation.iter().cloned().fold(0.0, f64::max) * quota).max(peak_need);
    let ping_min_sent = ping_min;
    let avoid = (runnable && cold.total > 0.0).then(|| {
        let ping_min = if ping_keeps_warm {
            ping_min
        } else {
            warm_min.min(5)
        };
        // As many a day as the simulated days send (`n.div_ceil(ping_min)` each).
        let ping_requests: f64 = days
            .iter()
            .map(|(d, w)| d.rps.len().div_ceil(ping_min as usize) as f64 * w)
            .sum();
        let without = month_bill(0.0);
        // The bill with the pings is the model run with them (they change the cold starts and
        // so the INIT billed); once pings are sent, the bill as it is.
        let (with_usd, with_ping_gb_s, ping_stops) = if ping_min_sent == 0 && provisioned == 0.0 {
            let mut with = s.clone();
            with.faas.ping_min = ping_min;
            let run = faas_model(&with, rates, days);
            match run.bill {
                Bill::Faas(b) => (
                    b.total_usd,
                    b.ping_gb_s,
                    (cold.total - run.month.cold_starts).max(0.0),
                ),
                _ => (without.total_usd, 0.0, 0.0),
            }
        } else {
            let with = month_bill(ping_requests);
            (with.total_usd, with.ping_gb_s, 0.0)
        };
        let pc_envs = (busiest - 1e-9).ceil().clamp(1.0, quota);
        let pc_gb_s = pc_envs * memory_gb * month_s;
        AvoidColdStarts {
            ping_min,
            ping_requests,
            ping_gb_s: with_ping_gb_s,
            month_usd_without: without.total_usd,
            month_usd_with: with_usd,
            // Both totals are whole cents: their difference, in cents, is what a reader gets.
            ping_usd: ((with_usd * 100.0).round() - (without.total_usd * 100.0).round()) / 100.0,
            ping_stops,
            pc_envs,
            lane_max: month.max_instances,
            pc_gb_s,
            pc_usd_per_gb_s: rates.faas_provisioned_usd_per_gb_s,
            pc_usd: pc_gb_s * rates.faas_provisioned_usd_per_gb_s,
        }
    });

    // The day's cost curve: the month's effective rates (free tier spread evenly) applied to
    // each minute's usage, plus provisioned concurrency by the minute.
    let req_rate = if requests + pings > 0.0 {
        on_demand.requests_usd / (requests + pings)
    } else {
        0.0
    };
    let gbs_rate = if on_demand_gb_s > 0.0 {
        on_demand.compute_usd / on_demand_gb_s
    } else {
        0.0
    };
    let pc_per_min = provisioned_config_usd / (traffic::DAYS_PER_MONTH * 1440.0);
    let ping_usd = req_rate + gb_s_per_ping * gbs_rate;
    let mut cost = 0.0;
    let Series {
        served_rps,
        utilisation,
        cost_usd,
        cold_starts: series_cold,
        ..
    } = &mut series;
    for (t, ((&served, &util), slot)) in served_rps
        .iter()
        .zip(utilisation.iter())
        .zip(cost_usd.iter_mut())
        .enumerate()
    {
        let r = served * STEP_S;
        let pc_share = pc_share(util * quota);
        let gbs = r * gb_s_per_request;
        let init = if bills_init && runnable {
            series_cold[t] * init_s * memory_gb * gbs_rate
        } else {
            0.0
        };
        cost += init
            + r * req_rate
            + gbs * (1.0 - pc_share) * gbs_rate
            + gbs * pc_share * pc_rate
            + pc_per_min;
        if ping_min > 0 && t % ping_min as usize == 0 {
            cost += ping_usd;
        }
        *slot = fin(cost);
    }
    day_totals.cost_usd = fin(cost);
    let throttled = month.dropped;
    ModelOutcome {
        kind: ModelKind::Faas,
        series,
        day: day_totals,
        month,
        bill: Bill::Faas(Box::new(FaasMonth {
            requests_by_day,
            requests,
            throttled,
            ping_min,
            ping_redundant_min: if ping_min == 0 && provisioned > 0.0 {
                f.ping_min
            } else {
                0
            },
            pings_by_day,
            pings,
            duration_ms: w.duration_ms,
            cpu_ms: w.cpu_ms,
            cpu_vcpu,
            mb_per_vcpu,
            run_ms,
            billed_duration_ms: per_request.billed_duration_ms,
            min_billed_ms: per_request.min_billed_ms,
            granularity_ms: granularity,
            ping_billed_ms: per_ping.billed_duration_ms,
            billed_memory_mb: per_request.billed_memory_mb,
            memory_gb,
            gb_s,
            ping_gb_s,
            init_billed: bills_init,
            init_cold_starts: init_cold,
            init_s,
            init_gb_s,
            on_demand,
            first_tier_usd_per_gb_s: rates.faas.tiers.first().map_or(0.0, |t| t.usd_per_gb_s),
            free_tier_dropped: f.free_tier && !free,
            provisioned,
            provisioned_offered,
            provisioned_gb_s,
            provisioned_duration_usd_per_gb_s: pc_rate,
            provisioned_duration_usd,
            provisioned_config_gb_s,
            provisioned_usd_per_gb_s: rates.faas_provisioned_usd_per_gb_s,
            provisioned_config_usd,
            month_s,
            cold,
            avoid,
            total_usd,
        })),
        not_runnable,
    }
}

/// Hours in the simulator's month: a 30-day month, 720 h, the one month every price uses.
pub const SIM_HOURS_PER_MONTH: f64 = HOURS_PER_MONTH;
const _: () = assert!(SIM_HOURS_PER_MONTH == traffic::DAYS_PER_MONTH * 24.0);

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
            "peak=100000&pat=flash&min=0&cmin=0&pc=1&quota=1",
            "peak=100000&pat=flash&pc=100000&quota=100000",
            "peak=0.001&pat=batch&cmin=0&min=0&boot=0&warm=1",
            "peak=100000&pat=growth&n=100000&max=100000&cmax=100000&p_vm=0&p_gbs=0&p_req=0",
            "pat=iot&peak=50000&vcpu=0.08&gb=0.125&ctr=cloud-run&cores=1&head=0",
            "pat=bursty&peak=77777&tgt=10&ctgt=95&cd=0&boot=3600&legacy=1&gran=100",
        ] {
            let o = run(q);
            assert_sane(&o);
        }
    }

    /// Issue 16.2: a request cannot finish before its CPU work on the function's CPU share
    /// (512 MB ÷ 1,769 MB of a vCPU on Lambda): 50 ms of CPU runs 172.75 ms, billed 173 ms,
    /// and with more CPU than duration the fleets' rule (`max`) on a whole vCPU above 1,769 MB.
    #[test]
    fn a_functions_run_is_at_least_its_cpu_work_on_its_share() {
        let f = |q: &str| match &run(q).model(ModelKind::Faas).bill {
            Bill::Faas(f) => (**f).clone(),
            _ => unreachable!(),
        };
        let m = f("pat=steady&peak=10&dur=100&cpu=50&mem=512");
        assert!((m.run_ms - 50.0 * 1_769.0 / 512.0).abs() < 1e-9);
        assert_eq!(m.billed_duration_ms, 173.0);
        let m = f("pat=steady&peak=10&dur=100&cpu=500&mem=4096");
        assert_eq!((m.run_ms, m.billed_duration_ms), (500.0, 500.0));
        let m = f("pat=steady&peak=10&dur=100&cpu=20&mem=512");
        assert_eq!(m.run_ms, 100.0);
        // The latency and the busy environments follow the run, not the duration.
        let o = run("pat=steady&peak=10&dur=100&cpu=500&mem=4096");
        let fa = o.model(ModelKind::Faas);
        assert_eq!(fa.month.p95_ms, 502.0);
        assert!((fa.series.serving[720] - fa.series.served_rps[720] * 0.5).abs() < 1e-9);
        // Over the timeout on its CPU share, it cannot run.
        assert!(
            !run("dur=100&cpu=600000&mem=128")
                .model(ModelKind::Faas)
                .not_runnable
                .is_empty()
        );
    }

    #[test]
    fn steady_faas_month_matches_the_pricing_formula() {
        // Steady 10 req/s for 30 days, 100 ms, 512 MB, no free tier. The month's requests are
        // the day's × 30, and the bill is pricing::faas of them.
        let o = run("pat=steady&peak=10&dur=100&mem=512&cpu=25");
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
        // The day's curve ends at a thirtieth of the month (the bill's two parts are rounded
        // to the cent, the curve is not: at most a cent apart).
        let last = *f.series.cost_usd.last().unwrap();
        assert!((last * 30.0 - f.month.cost_usd).abs() <= 0.01 + 1e-9);
        // With 2 provisioned environments and ~5 busy at noon, part of the duration bills at
        // the provisioned rate, and the curve still ends at a thirtieth of the bill.
        let o = run("pat=steady&peak=50&dur=100&mem=512&pc=2&cpu=25");
        let f = o.model(ModelKind::Faas);
        let Bill::Faas(b) = &f.bill else {
            panic!("a FaaS bill")
        };
        assert!(b.provisioned_duration_usd > 0.0 && b.on_demand.compute_usd > 0.0);
        let last = *f.series.cost_usd.last().unwrap();
        assert!(
            (last * 30.0 - f.month.cost_usd).abs() <= 0.02 + 1e-9,
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
        let o = run("pat=batch&peak=0.2&warm=1&cpu=25");
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
        assert!(
            reasons[1]
                .message(Lang::En)
                .contains("than the 5 min timeout")
        );
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

    fn faas_bill(m: &ModelOutcome) -> &FaasMonth {
        match &m.bill {
            Bill::Faas(f) => f,
            _ => panic!("a function bill"),
        }
    }

    #[test]
    fn a_flash_event_is_billed_once_a_month() {
        // 2,000 req/s at the spike over a business day of 2000/k req/s. Functions bill requests,
        // so the spike costs one day's spike: the month is within a few percent of 30 ordinary
        // days (it was +64% when every day had the spike).
        let o = run("pat=flash&peak=2000");
        let f = o.model(ModelKind::Faas);
        let b = faas_bill(f);
        assert_eq!(b.requests_by_day.len(), 2);
        let (spike, ordinary) = (b.requests_by_day[0], b.requests_by_day[1]);
        assert_eq!(f.month.served, spike + 29.0 * ordinary);
        assert!(spike > 1.2 * ordinary, "{spike} vs {ordinary}");
        assert!(f.month.served < 1.05 * 30.0 * ordinary);
        // Autoscaled VMs scale out for the spike on its day only.
        let v = o.model(ModelKind::VmAuto);
        let Bill::Vm {
            minutes_by_day,
            instance_minutes,
            ..
        } = &v.bill
        else {
            panic!("a VM bill")
        };
        assert_eq!(
            *instance_minutes,
            minutes_by_day[0] + 29.0 * minutes_by_day[1]
        );
        assert!(minutes_by_day[0] > minutes_by_day[1]);
        assert!(*instance_minutes < 1.05 * 30.0 * minutes_by_day[1]);
        // A fixed fleet sized for the spike pays for it every day: 2,000 × 0.05 ÷ 2 vCPU
        // = 50 VMs at 100% CPU → 50 × 720 h × $0.096 = $3,456.00, spike or not.
        let fixed = run("pat=flash&peak=2000&n=50");
        assert_eq!(fixed.model(ModelKind::VmFixed).month.cost_usd, 3456.0);
        assert!(fixed.model(ModelKind::VmFixed).month.dropped == 0.0);
        assert!(f.month.cost_usd * 10.0 < 3456.0);
    }

    #[test]
    fn bursty_days_are_not_the_same_day_thirty_times() {
        let o = run("pat=bursty&peak=300");
        let b = faas_bill(o.model(ModelKind::Faas));
        assert_eq!(
            o.month_days.iter().map(|d| d.days).collect::<Vec<_>>(),
            vec![1.0, 29.0]
        );
        assert_ne!(b.requests_by_day[0], b.requests_by_day[1]);
        assert_eq!(
            o.model(ModelKind::Faas).month.served,
            b.requests_by_day[0] + 29.0 * b.requests_by_day[1]
        );
    }

    #[test]
    fn a_request_that_finds_no_warm_environment_starts_cold() {
        // Steady traffic: n·e^−(W·n) of the n requests a minute start cold (Poisson). 0.06 a
        // minute with a 10-minute idle-out: 0.06 × e^−0.6 = 0.0329287.
        assert!((arrivals_cold(0.06, 0.6, 0.06) - 0.06 * libm::exp(-0.6)).abs() < 1e-12);
        assert!((arrivals_cold(0.06, 0.6, 0.06) - 0.0329287).abs() < 1e-7);
        // A batch after a quiet spell: 12 requests in the minute, none before: the first of
        // them starts cold, the rest find it warm: 1 − e^−12 = 0.9999939.
        assert!((arrivals_cold(12.0, 0.0, 0.0) - 0.999_993_9).abs() < 1e-7);
        // Traffic falling off: as the busy minute leaves the window, a few of this minute's
        // requests find nothing warm; always finite and never more than the requests.
        let falling = arrivals_cold(0.01, 800.0, 799.0);
        assert!(falling.is_finite() && falling > 0.0 && falling <= 0.01);
        assert_eq!(arrivals_cold(5.0, 600.0, 5.0), 0.0);
        assert_eq!(arrivals_cold(0.0, 0.0, 0.0), 0.0);
    }

    #[test]
    fn sparse_traffic_starts_cold_and_keeps_no_environment_busy() {
        // peak 0.001 req/s, steady: about 0.058 requests a minute (the steady shape averages
        // 0.97 of its peak), 0.58 expected in a 10-minute window, so e^−0.58 = 56% start cold:
        // about 0.058 × 0.56 × 43,200 = 1,400 cold starts a month, and Java's 2 s is in the
        // p50 and the p95.
        let o = run("pat=steady&peak=0.001&rt=java&cpu=25");
        let f = o.model(ModelKind::Faas);
        assert!(
            f.month.cold_starts > 1_300.0 && f.month.cold_starts < 1_500.0,
            "{}",
            f.month.cold_starts
        );
        let share = f.month.cold_starts / f.month.served;
        assert!((0.52..0.60).contains(&share), "{share}");
        assert_eq!(f.month.p95_ms, 2_000.0 + 102.0);
        assert_eq!(f.month.p50_ms, 2_000.0 + 102.0);
        // No environment is busy all day at 0.0001 concurrency; about 1 − e^−0.58 = 0.44 is warm.
        assert!(f.series.serving.iter().all(|b| *b < 0.001));
        let warm = f.series.instances(720);
        assert!((0.38..0.50).contains(&warm), "{warm}");
        // A request every 16 minutes: 10/16 expected in the window, e^−0.61 = 54% cold.
        let o = run("pat=steady&peak=0.0010417&cpu=25");
        let f = o.model(ModelKind::Faas);
        let share = f.month.cold_starts / f.month.served;
        assert!((0.5..0.6).contains(&share), "{share}");
    }

    #[test]
    fn a_keep_warm_ping_or_provisioned_concurrency_stops_idle_cold_starts() {
        let sparse = run("pat=steady&peak=0.001");
        let before = sparse.model(ModelKind::Faas).month.cold_starts;
        // A ping every 5 minutes keeps one environment warm: 30 × 288 = 8,640 pings billed.
        let o = run("pat=steady&peak=0.001&ping=5");
        let f = o.model(ModelKind::Faas);
        assert!(f.month.cold_starts < 1e-6, "{}", f.month.cold_starts);
        let b = faas_bill(f);
        assert_eq!(b.pings, 8_640.0);
        assert_eq!(b.on_demand.requests, f.month.served + 8_640.0);
        // 8,640 × 1 ms × 0.5 GB = 4.32 GB-s on top of the requests'.
        assert!((b.ping_gb_s - 4.32).abs() < 1e-9);
        assert!(f.series.instances(720) >= 1.0);
        // Pings every 20 minutes with a 10-minute idle-out: half the idle spells survive.
        let o = run("pat=steady&peak=0.001&ping=20");
        let half = o.model(ModelKind::Faas).month.cold_starts;
        assert!((half / before - 0.5).abs() < 0.01, "{half} vs {before}");
        // One provisioned environment: no cold start at all.
        let o = run("pat=steady&peak=0.001&pc=1");
        assert_eq!(o.model(ModelKind::Faas).month.cold_starts, 0.0);
        // What avoiding them costs is priced in the sparse month: a ping every 5 min, 1 PC.
        let a = faas_bill(sparse.model(ModelKind::Faas))
            .avoid
            .clone()
            .unwrap();
        assert_eq!((a.ping_min, a.ping_requests, a.pc_envs), (5, 8_640.0, 1.0));
        // 1 × 0.5 GB × 2,592,000 s × $0.0000041667 = $5.40.
        assert!((a.pc_usd - 5.400_043).abs() < 1e-6, "{}", a.pc_usd);
    }

    #[test]
    fn a_burstable_vm_sustains_its_baseline() {
        // t3.micro: 2 vCPU at a 10% baseline sustain 0.2 vCPU; at 50 ms of CPU a request that
        // is 0.2 × 1,000 ÷ 50 = 4 req/s per VM. Two fixed VMs under 20 req/s serve 8 and drop
        // the rest; two m5.large (2 full vCPUs: 40 req/s each) serve all of it.
        let o = run("pat=steady&peak=20&cpu=50&dur=50&vm=t3.micro&n=2");
        let f = o.model(ModelKind::VmFixed);
        let minute = 600;
        assert!(
            (f.series.served_rps[minute] - 8.0).abs() < 1e-6,
            "{}",
            f.series.served_rps[minute]
        );
        let Bill::Vm {
            vcpu,
            baseline_cpu_pct,
            cpu_ms,
            ..
        } = &f.bill
        else {
            panic!()
        };
        assert_eq!((*vcpu, *baseline_cpu_pct, *cpu_ms), (2.0, 10.0, 50.0));
        let o = run("pat=steady&peak=20&cpu=50&dur=50&vm=m5.large&n=2");
        let f = o.model(ModelKind::VmFixed);
        assert!((f.series.served_rps[minute] - o.traffic_rps[minute]).abs() < 1e-6);
        assert_eq!(f.month.dropped, 0.0);
    }

    #[test]
    fn lambda_bills_each_cold_starts_init_and_azure_does_not() {
        // A Java batch job after idle spells: every batch starts cold, 2 s of INIT each.
        let o = run("pat=batch&peak=50&rt=java&mem=1024");
        let b = faas_bill(o.model(ModelKind::Faas));
        assert!(b.init_billed && b.cold.total > 0.0);
        assert_eq!(b.init_cold_starts, (b.cold.total * 100.0).round() / 100.0);
        assert_eq!(b.init_s, 2.0);
        let expected = b.init_cold_starts * 2.0 * 1.0;
        assert!(
            (b.init_gb_s - expected).abs() < 1e-6,
            "{} vs {expected}",
            b.init_gb_s
        );
        // INIT is on-demand GB-seconds, billed before the free tier and the tiers.
        let on_demand = b.gb_s + b.ping_gb_s + b.init_gb_s - b.provisioned_gb_s;
        assert!((b.on_demand.gb_seconds - on_demand).abs() < 1e-6);
        let lines = crate::math::model(&o, o.model(ModelKind::Faas), Lang::En);
        assert!(
            lines.iter().any(|l| l.starts_with("Init GB-seconds: ")),
            "{lines:#?}"
        );
        let ko = crate::math::model(&o, o.model(ModelKind::Faas), Lang::Ko);
        assert!(
            ko.iter().any(|l| l.starts_with("초기화 GB-초: ")),
            "{ko:#?}"
        );
        // Without INIT the bill would be lower by its price.
        let without = crate::pricing::faas_totals(
            b.on_demand.requests,
            b.on_demand.gb_seconds - b.init_gb_s,
            &FaasRates::lambda_x86_64(),
            false,
        );
        assert!(without.total_usd < b.on_demand.total_usd);

        // Azure's Consumption plan: the same cold starts, no INIT billed, and it says so.
        let o = run("pat=batch&peak=50&rt=java&mem=1024&faas=azure");
        let b = faas_bill(o.model(ModelKind::Faas));
        assert!(!b.init_billed && b.cold.total > 0.0 && b.init_gb_s == 0.0);
        let lines = crate::math::model(&o, o.model(ModelKind::Faas), Lang::En);
        assert!(
            lines
                .iter()
                .any(|l| l.contains("does not bill the cold starts"))
        );
    }

    #[test]
    fn azure_consumption_has_no_provisioned_concurrency() {
        let with = run("faas=azure&pc=10");
        let without = run("faas=azure");
        let f = faas_bill(with.model(ModelKind::Faas));
        assert!(!f.provisioned_offered && f.provisioned == 0.0);
        assert_eq!(
            with.model(ModelKind::Faas).month.cost_usd,
            without.model(ModelKind::Faas).month.cost_usd
        );
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

        /// Issue 16.1: every batch of the day, the first at 00:00 included (the evening before
        /// it is idle too), comes after a gap of 340 minutes, longer than any idle-out, so its
        /// first requests start cold; the minute before it has nothing warm.
        #[test]
        fn every_batch_after_an_idle_gap_starts_cold(
            warm in 1u32..=60,
            peak in prop_oneof![Just(0.05), 0.01f64..10_000.0],
            rt in prop::sample::select(vec!["python", "java"]),
        ) {
            let o = run(&format!("pat=batch&peak={peak}&warm={warm}&rt={rt}"));
            let f = o.model(ModelKind::Faas);
            for t in [0, 360, 720, 1080] {
                prop_assert!(f.series.cold_starts[t] > 0.0, "batch at {t}: no cold start");
                prop_assert!(f.series.booting[t] > 0.0, "batch at {t}: nothing starting");
                let before = (t + 1439) % 1440;
                // (Zero but for the float residue of the sliding window's running sum.)
                prop_assert!(f.series.instances(before) < 1e-9, "warm before {}", t);
            }
        }

        #[test]
        fn environments_never_exceed_the_quota_and_advice_covers_the_need(
            pat in prop::sample::select(vec![
                "steady", "diurnal", "bursty", "flash", "batch", "iot", "growth",
            ]),
            peak_exp in 0.0f64..5.0,
            quota in prop_oneof![Just(1000u32), 1u32..3000, Just(100_000u32)],
            rt in prop::sample::select(vec!["python", "node", "go", "java", "dotnet"]),
            mem in prop::sample::select(vec![128u32, 512, 1769, 3008]),
            seed in 0u64..1000,
        ) {
            let peak = (libm::pow(10.0, peak_exp) * 10.0).round() / 10.0;
            let o = run(&format!(
                "pat={pat}&peak={peak}&quota={quota}&rt={rt}&mem={mem}&seed={seed}"
            ));
            let f = o.model(ModelKind::Faas);
            let q = f64::from(quota);
            for t in 0..f.series.booting.len() {
                // Serving + starting (+ idle) environments, on every minute: within the quota.
                let at_once = f.series.serving[t] + f.series.booting[t];
                prop_assert!(at_once <= q + 1e-9, "{t}: {at_once} > {q}");
                prop_assert!(f.series.instances(t) <= q + 1e-9, "{t}: {}", f.series.instances(t));
            }
            prop_assert!(f.day.max_instances <= q + 1e-9);
            prop_assert!(f.month.max_instances <= q + 1e-9);
            // Provisioned concurrency advised for the cold starts covers the peak's need
            // (within the quota): count × what one environment serves ≥ the peak demand.
            if let Bill::Faas(b) = &f.bill
                && let Some(a) = &b.avoid
            {
                let run_s = b.run_ms / 1000.0;
                let peak_rps = o.traffic_rps.iter().cloned().fold(0.0, f64::max);
                let need = (peak_rps * run_s).min(q);
                prop_assert!(a.pc_envs == a.pc_envs.ceil());
                prop_assert!(a.pc_envs >= need - 1e-9, "{} < {need}", a.pc_envs);
                if need < q {
                    prop_assert!(a.pc_envs / run_s >= peak_rps * (1.0 - 1e-12));
                }
            }
        }

        #[test]
        fn any_scenario_simulates_to_finite_numbers(s in arb_scenario()) {
            let o = simulate(&s);
            assert_sane(&o);
        }

        #[test]
        fn the_month_is_its_days_weighted_and_the_bill_its_rounded_parts(s in arb_scenario()) {
            let o = simulate(&s);
            let w: Vec<f64> = o.month_days.iter().map(|d| d.days).collect();
            prop_assert_eq!(w.iter().sum::<f64>(), 30.0);
            let weighted = |v: &[f64]| v.iter().zip(&w).map(|(x, w)| x * w).sum::<f64>();
            let cents = |x: f64| (x * 100.0).round();
            // Equal to the cent (or to f64's precision for amounts past $10 trillion).
            let same = |a: f64, b: f64| (a - b).abs() <= 0.5f64.max(1e-12 * a.abs());
            for m in &o.models {
                match &m.bill {
                    Bill::Vm { minutes_by_day, instance_minutes, instance_hours, usd_per_hour, total_usd, .. } => {
                        prop_assert!(minutes_by_day.iter().all(|m| m.fract() == 0.0));
                        prop_assert_eq!(weighted(minutes_by_day), *instance_minutes);
                        prop_assert!(same(cents(*total_usd), cents(instance_hours * usd_per_hour)));
                    }
                    Bill::Container { active, idle, total_usd, .. } => {
                        let parts = cents(active.vcpu_usd) + cents(active.memory_usd)
                            + cents(idle.vcpu_usd) + cents(idle.memory_usd);
                        prop_assert!(same(cents(*total_usd), parts));
                    }
                    Bill::Faas(f) => {
                        prop_assert!(f.requests_by_day.iter().all(|r| r.fract() == 0.0));
                        prop_assert_eq!(weighted(&f.requests_by_day), m.month.served);
                        let parts = cents(f.on_demand.requests_usd) + cents(f.on_demand.compute_usd)
                            + cents(f.provisioned_duration_usd) + cents(f.provisioned_config_usd);
                        prop_assert!(same(cents(f.total_usd), parts));
                        prop_assert!((f.cold.after_idle + f.cold.scale_out - m.month.cold_starts).abs() <= 1e-6 * m.month.cold_starts.max(1.0));
                        prop_assert!(m.month.cold_starts <= m.month.served + 1e-6);
                    }
                    Bill::OnPrem { bill, .. } => {
                        prop_assert!(same(cents(bill.total_usd), cents(bill.hardware_usd) + cents(bill.opex_usd)));
                    }
                }
                // Bills are whole cents.
                prop_assert!((m.month.cost_usd * 100.0 - cents(m.month.cost_usd)).abs() < 1e-6 * m.month.cost_usd.max(1.0));
                // ... exactly: the amount nearest its cents, as JSON and CSV print it (15.67, not
                // the 15.670000000000002 that adding rounded parts leaves); past $1 trillion an
                // f64's cents are no longer exact, and the money formats show 15 digits at most.
                if m.month.cost_usd < 1e12 {
                    prop_assert_eq!(m.month.cost_usd, crate::money::round_cents(m.month.cost_usd), "{:?}", m.kind);
                }
                prop_assert!(m.month.served.fract() == 0.0 && m.month.requests.fract() == 0.0);
            }
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

    /// The cold starts of the peak day's minutes that come after an idle spell (no request
    /// served in the `warm` minutes before, the day's evening before its first minutes), for a
    /// pattern whose 30 days are alike: 30 × that day.
    fn cold_after_quiet_minutes(f: &ModelOutcome, warm: usize) -> f64 {
        let n = f.series.served_rps.len();
        let quiet = |t: usize| (1..=warm).all(|k| f.series.served_rps[(t + n - k) % n] == 0.0);
        (0..n)
            .filter(|&t| quiet(t))
            .map(|t| f.series.cold_starts[t])
            .sum::<f64>()
            * 30.0
    }

    #[test]
    fn a_cron_batch_after_hours_of_quiet_starts_cold_after_an_idle_spell() {
        // Every 6 hours, 20 minutes at 100 req/s: ≈17 environments start at once after 340
        // quiet minutes, long past the 10-minute idle-out. Those were counted "as traffic rose".
        let f = run("pat=batch&peak=100");
        let f = f.model(ModelKind::Faas);
        let Bill::Faas(b) = &f.bill else { panic!() };
        let quiet = cold_after_quiet_minutes(f, 10);
        assert!(quiet > 2_000.0, "{quiet}");
        assert!(b.cold.after_idle >= quiet - 1e-6, "{:?} < {quiet}", b.cold);
        assert!((b.cold.after_idle + b.cold.scale_out - b.cold.total).abs() < 1e-9);
        // A ping keeps one environment warm: it stops the first of each batch's cold starts,
        // not the other sixteen, and says how many of them.
        let a = b.avoid.as_ref().unwrap();
        assert!(
            a.ping_stops > 0.0 && a.ping_stops < b.cold.after_idle / 2.0,
            "{a:?}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// A cold start on a minute with no request in the `warm` minutes before it is always
        /// put down to the idle spell, whatever the pattern, load, idle-out or memory.
        #[test]
        fn cold_starts_after_quiet_minutes_are_after_an_idle_spell(
            pat in prop::sample::select(vec!["batch", "steady", "diurnal", "iot"]),
            peak_exp in -3.0f64..3.0,
            warm in 1u32..=60,
            mem in prop::sample::select(vec![128u32, 512, 1769]),
            seed in 0u64..1000,
        ) {
            let peak = (libm::pow(10.0, peak_exp) * 1000.0).round() / 1000.0;
            let o = run(&format!("pat={pat}&peak={peak}&warm={warm}&mem={mem}&seed={seed}"));
            let f = o.model(ModelKind::Faas);
            let Bill::Faas(b) = &f.bill else { panic!() };
            let quiet = cold_after_quiet_minutes(f, warm as usize);
            prop_assert!(
                b.cold.after_idle >= quiet * (1.0 - 1e-9) - 1e-9,
                "after idle {} < {quiet} on quiet minutes", b.cold.after_idle
            );
            prop_assert!(b.cold.total <= b.cold.after_idle + b.cold.scale_out + 1e-6);
        }
    }
}
