//! Monolith vs microservices, on the ride-hailing example from the lecture notes (the Uber case:
//! passenger and driver apps in front of passenger, driver, trip, billing, payment and
//! notification management).
//!
//! Seven [`Module`]s, each with a share of the incoming requests it receives first, CPU per
//! call, memory for its code and caches, and the modules it calls. *Hard* dependencies are
//! synchronous calls the request waits for; *soft* ones (notifications) are fire-and-forget,
//! so their failure delays alerts but breaks nothing else. Seven user-facing [`Feature`]s each
//! enter at one module and need that module's hard-dependency closure.
//!
//! - **Monolith**: one process carries every module; replicas scale as one. A failed module
//!   (a crash, or a leak that exhausts the shared heap) takes every feature down; deploying any
//!   module restarts the whole application, one replica at a time.
//! - **Microservices**: each module is a service with its own replicas (at least two, for
//!   availability, of a minimum size), and every call between services is a network hop. A
//!   failed service takes down only the features that need it; a deploy restarts only it.
//!
//! Both architectures run as managed containers priced by the Scenario's container settings.
//! Replicas follow the day's traffic minute by minute with ideal scaling (no lag: the scaling
//! view shows the lag), so the comparison is about shape, not about autoscaler tuning.
//!
//! A container's memory is a whole number of [`MEMORY_STEP_GB`] (128 MB) steps, as container
//! services size them, so every memory figure is a multiple of 0.125 GB: written with up to three
//! decimals it is exact, and "29 replicas × 2.375 GB = 68.875 GB" is true as printed.

use serde::Serialize;

use crate::i18n::{Lang, Text};
use crate::scenario::{Module, Scenario, coded_enum};
use crate::sim::Rates;
use crate::traffic;

/// One module of the application.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ModuleInfo {
    pub module: Module,
    /// Share of incoming requests that enter here (shares add up to 1).
    pub entry_share: f64,
    /// CPU per call, ms.
    pub cpu_ms: f64,
    /// Resident memory of the module's code and caches, MB.
    pub memory_mb: f64,
    /// Synchronous calls made on every call.
    pub hard_deps: &'static [Module],
    /// Fire-and-forget calls made on every call.
    pub soft_deps: &'static [Module],
}

/// The ride-hailing application. Location updates from drivers' phones dominate the request
/// count; matching a ride is rare but the most expensive call.
pub const MODULES: [ModuleInfo; 7] = [
    ModuleInfo {
        module: Module::Passenger,
        entry_share: 0.25,
        cpu_ms: 4.0,
        memory_mb: 256.0,
        hard_deps: &[],
        soft_deps: &[],
    },
    ModuleInfo {
        module: Module::Driver,
        entry_share: 0.40,
        cpu_ms: 2.0,
        memory_mb: 256.0,
        hard_deps: &[],
        soft_deps: &[],
    },
    ModuleInfo {
        module: Module::Dispatch,
        entry_share: 0.05,
        cpu_ms: 20.0,
        memory_mb: 512.0,
        hard_deps: &[Module::Driver, Module::Pricing, Module::Trips],
        soft_deps: &[Module::Notifications],
    },
    ModuleInfo {
        module: Module::Trips,
        entry_share: 0.15,
        cpu_ms: 5.0,
        memory_mb: 384.0,
        hard_deps: &[Module::Driver],
        soft_deps: &[],
    },
    ModuleInfo {
        module: Module::Pricing,
        entry_share: 0.08,
        cpu_ms: 8.0,
        memory_mb: 256.0,
        hard_deps: &[],
        soft_deps: &[],
    },
    ModuleInfo {
        module: Module::Payments,
        entry_share: 0.03,
        cpu_ms: 15.0,
        memory_mb: 384.0,
        hard_deps: &[Module::Trips, Module::Pricing],
        soft_deps: &[Module::Notifications],
    },
    ModuleInfo {
        module: Module::Notifications,
        entry_share: 0.04,
        cpu_ms: 3.0,
        memory_mb: 128.0,
        hard_deps: &[],
        soft_deps: &[],
    },
];

coded_enum! {
    /// A user-facing feature of the ride-hailing app.
    Feature [RequestRide] {
        SignIn => "sign-in",
        RequestRide => "request-ride",
        FareEstimate => "fare",
        TrackTrip => "track",
        DriverOnline => "driver-online",
        Pay => "pay",
        TripAlerts => "alerts",
    }
}

coded_enum! {
    /// How the application is built.
    Architecture [Monolith] {
        Monolith => "monolith",
        Microservices => "msa",
    }
}

/// CPU a service spends (de)serialising one network call, ms.
pub const RPC_CPU_MS: f64 = 0.3;
/// Fewest replicas of anything, for availability across zones.
pub const MIN_REPLICAS: f64 = 2.0;
/// Smallest service container: vCPU and GB (Fargate's smallest task).
pub const SERVICE_VCPU: f64 = 0.25;
pub const SERVICE_MEMORY_GB: f64 = 0.5;
/// Runtime memory of one process besides its modules, MB.
pub const PROCESS_BASE_MB: f64 = 256.0;
/// Runtime memory of one service's process besides its one module, MB (a smaller runtime).
pub const SERVICE_BASE_MB: f64 = 128.0;
/// Containers are sized in steps of 128 MB (0.125 GB).
pub const MEMORY_STEP_GB: f64 = 0.125;

/// `gb` rounded up to whole [`MEMORY_STEP_GB`] steps (at least one step; non-finite as one).
pub fn container_memory_gb(gb: f64) -> f64 {
    if !gb.is_finite() || gb <= MEMORY_STEP_GB {
        return MEMORY_STEP_GB;
    }
    // A hair of tolerance so that 2.0000000001 from a URL stays 2 GB.
    (gb / MEMORY_STEP_GB - 1e-9).ceil() * MEMORY_STEP_GB
}
/// Start-up time of one replica: the monolith loads everything, a service only itself.
pub const MONOLITH_START_S: f64 = 90.0;
pub const SERVICE_START_S: f64 = 20.0;

impl Module {
    pub fn info(self) -> &'static ModuleInfo {
        MODULES
            .iter()
            .find(|m| m.module == self)
            .expect("every module is described")
    }

    /// The display name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Module::Passenger => Text::MsaPassenger,
            Module::Driver => Text::MsaDriver,
            Module::Dispatch => Text::MsaDispatch,
            Module::Trips => Text::MsaTrips,
            Module::Pricing => Text::MsaPricing,
            Module::Payments => Text::MsaPayments,
            Module::Notifications => Text::MsaNotifications,
        }
        .get(lang)
    }
}

impl Feature {
    /// The module a request for this feature enters.
    pub fn entry(self) -> Module {
        match self {
            Feature::SignIn => Module::Passenger,
            Feature::RequestRide => Module::Dispatch,
            Feature::FareEstimate => Module::Pricing,
            Feature::TrackTrip => Module::Trips,
            Feature::DriverOnline => Module::Driver,
            Feature::Pay => Module::Payments,
            Feature::TripAlerts => Module::Notifications,
        }
    }

    /// Every module the feature cannot work without (its entry and hard-dependency closure).
    pub fn needs(self) -> Vec<Module> {
        let mut out = vec![self.entry()];
        let mut i = 0;
        while i < out.len() {
            for d in out[i].info().hard_deps {
                if !out.contains(d) {
                    out.push(*d);
                }
            }
            i += 1;
        }
        out.sort();
        out
    }

    /// Modules it calls without waiting (their failure delays it but does not break it).
    pub fn soft_needs(self) -> Vec<Module> {
        let hard = self.needs();
        let mut out: Vec<Module> = hard
            .iter()
            .flat_map(|m| m.info().soft_deps.iter().copied())
            .filter(|m| !hard.contains(m))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Feature::SignIn => Text::FeatureSignIn,
            Feature::RequestRide => Text::FeatureRequestRide,
            Feature::FareEstimate => Text::FeatureFare,
            Feature::TrackTrip => Text::FeatureTrack,
            Feature::DriverOnline => Text::FeatureDriverOnline,
            Feature::Pay => Text::FeaturePay,
            Feature::TripAlerts => Text::FeatureAlerts,
        }
        .get(lang)
    }

    /// Longest chain of synchronous calls: `(CPU ms along it, network hops along it)`.
    fn critical_path(m: Module) -> (f64, u32) {
        let info = m.info();
        let mut cpu = info.cpu_ms;
        let mut hops = 0;
        // Dependencies are called one after another (each needs the previous answer).
        for d in info.hard_deps {
            let (c, h) = Feature::critical_path(*d);
            cpu += c;
            hops += h + 1;
        }
        (cpu, hops)
    }
}

/// Calls each module receives per incoming request (entry share plus calls from others).
pub fn calls_per_request() -> [(Module, f64); 7] {
    let mut calls = MODULES.map(|m| (m.module, m.entry_share));
    // Modules are listed so that callers come before callees only partly; iterate to a fixed
    // point (the graph is a DAG of depth ≤ 3).
    for _ in 0..MODULES.len() {
        let mut next = MODULES.map(|m| (m.module, m.entry_share));
        for (i, m) in MODULES.iter().enumerate() {
            for d in m.hard_deps.iter().chain(m.soft_deps) {
                let j = MODULES
                    .iter()
                    .position(|x| x.module == *d)
                    .expect("known module");
                next[j].1 += calls[i].1;
            }
        }
        calls = next;
    }
    calls
}

/// What a failed module does to each feature.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FailureImpact {
    pub down: Vec<Feature>,
    /// Working, but something they trigger (alerts) is delayed.
    pub degraded: Vec<Feature>,
    pub up: Vec<Feature>,
}

/// Fails `module` in `arch`.
pub fn failure(arch: Architecture, module: Module) -> FailureImpact {
    let mut out = FailureImpact::default();
    for &f in Feature::ALL {
        let broken = match arch {
            // One process: a crash or an exhausted heap in any module stops all of them.
            Architecture::Monolith => true,
            Architecture::Microservices => f.needs().contains(&module),
        };
        if broken {
            out.down.push(f);
        } else if f.soft_needs().contains(&module) {
            out.degraded.push(f);
        } else {
            out.up.push(f);
        }
    }
    out
}

/// What deploying a new version of `module` restarts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DeployImpact {
    /// Modules whose processes restart.
    pub restarts: Vec<Module>,
    /// Features served with reduced capacity meanwhile.
    pub affected: Vec<Feature>,
    /// Capacity missing from the restarting group while one replica restarts, percent.
    pub capacity_drop_pct: f64,
    /// How long the rolling restart takes (one replica at a time), seconds.
    pub duration_s: f64,
}

/// A rolling deploy of `module` over `replicas` replicas of the group that carries it.
pub fn deploy(arch: Architecture, module: Module, replicas: f64) -> DeployImpact {
    let replicas = if replicas.is_finite() {
        replicas.max(1.0)
    } else {
        1.0
    };
    let (restarts, start_s) = match arch {
        Architecture::Monolith => (Module::ALL.to_vec(), MONOLITH_START_S),
        Architecture::Microservices => (vec![module], SERVICE_START_S),
    };
    let affected = Feature::ALL
        .iter()
        .copied()
        .filter(|f| f.needs().iter().any(|m| restarts.contains(m)))
        .collect();
    DeployImpact {
        restarts,
        affected,
        capacity_drop_pct: 100.0 / replicas,
        duration_s: replicas * start_s,
    }
}

/// One deployable group: the monolith, or one service.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// `None` for the monolith.
    pub module: Option<Module>,
    pub vcpu: f64,
    pub memory_gb: f64,
    pub peak_replicas: f64,
    pub min_replicas: f64,
    pub month_usd: f64,
}

/// One architecture's numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArchOutcome {
    pub architecture: Architecture,
    pub groups: Vec<Group>,
    pub month_usd: f64,
    /// Replicas, vCPU and memory at the peak minute.
    pub peak_replicas: f64,
    pub peak_vcpu: f64,
    pub peak_memory_gb: f64,
    /// What runs at zero traffic (the minimum footprint).
    pub idle_vcpu: f64,
    pub idle_memory_gb: f64,
    /// Per feature: `(feature, latency ms without queueing, network hops)`.
    pub latency: Vec<(Feature, f64, u32)>,
    pub failure: Option<FailureImpact>,
    pub deploy: Option<DeployImpact>,
}

/// Monolith and microservices side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MsaOutcome {
    pub monolith: ArchOutcome,
    pub microservices: ArchOutcome,
}

/// Runs the day's traffic through both architectures.
pub fn compare(s: &Scenario) -> MsaOutcome {
    let rates = Rates::resolve(s);
    let p = &rates.container;
    let usd_per_min =
        |vcpu: f64, gb: f64| (vcpu * p.usd_per_vcpu_hour + gb * p.usd_per_gb_hour) / 60.0;
    let target = (s.container.target_pct / 100.0).clamp(0.05, 1.0);
    let hop_ms = if s.msa.hop_ms.is_finite() {
        s.msa.hop_ms.max(0.0)
    } else {
        0.0
    };
    let days: Vec<(traffic::Day, f64)> = traffic::month(&s.traffic);
    let calls = calls_per_request();

    // Monolith: every module in one process of the scenario's container size.
    let mono_vcpu = s.container.vcpu.clamp(p.min_vcpu, p.max_vcpu);
    let mono_mem_gb = container_memory_gb(
        ((PROCESS_BASE_MB + MODULES.iter().map(|m| m.memory_mb).sum::<f64>()) / 1024.0).max(
            s.container
                .memory_gb
                .clamp(p.min_memory_gb, p.max_memory_gb),
        ),
    );
    let mono_cpu_ms: f64 = calls.iter().map(|(m, c)| c * m.info().cpu_ms).sum();
    let mono = group_run(
        None,
        mono_vcpu,
        mono_mem_gb,
        mono_cpu_ms,
        target,
        &days,
        usd_per_min(mono_vcpu, mono_mem_gb),
    );

    // Microservices: one small group per module, each paying RPC CPU per call it serves.
    let services: Vec<Group> = calls
        .iter()
        .map(|&(m, c)| {
            let info = m.info();
            let gb = container_memory_gb(
                ((SERVICE_BASE_MB + info.memory_mb) / 1024.0).max(SERVICE_MEMORY_GB),
            );
            let rpc = if info.entry_share < c {
                RPC_CPU_MS
            } else {
                0.0
            };
            group_run(
                Some(m),
                SERVICE_VCPU,
                gb,
                c * (info.cpu_ms + rpc),
                target,
                &days,
                usd_per_min(SERVICE_VCPU, gb),
            )
        })
        .collect();

    // In one process a call is a function call; between services it is a hop plus RPC CPU.
    let latency = |networked: bool| -> Vec<(Feature, f64, u32)> {
        Feature::ALL
            .iter()
            .map(|&f| {
                let (cpu, hops) = Feature::critical_path(f.entry());
                if networked {
                    (f, cpu + f64::from(hops) * (hop_ms + RPC_CPU_MS), hops)
                } else {
                    (f, cpu, 0)
                }
            })
            .collect()
    };
    let mono_latency = latency(false);
    let msa_latency = latency(true);
    let replicas_of = |g: &[Group], m: Module| {
        g.iter()
            .find(|x| x.module == Some(m))
            .map_or(MIN_REPLICAS, |x| x.peak_replicas)
    };
    MsaOutcome {
        monolith: summarise(
            Architecture::Monolith,
            vec![mono.clone()],
            mono_latency,
            s.msa.fail.map(|m| failure(Architecture::Monolith, m)),
            s.msa
                .deploy
                .map(|m| deploy(Architecture::Monolith, m, mono.peak_replicas)),
        ),
        microservices: summarise(
            Architecture::Microservices,
            services.clone(),
            msa_latency,
            s.msa.fail.map(|m| failure(Architecture::Microservices, m)),
            s.msa
                .deploy
                .map(|m| deploy(Architecture::Microservices, m, replicas_of(&services, m))),
        ),
    }
}

fn summarise(
    architecture: Architecture,
    groups: Vec<Group>,
    latency: Vec<(Feature, f64, u32)>,
    failure: Option<FailureImpact>,
    deploy: Option<DeployImpact>,
) -> ArchOutcome {
    ArchOutcome {
        architecture,
        month_usd: groups.iter().map(|g| g.month_usd).sum(),
        peak_replicas: groups.iter().map(|g| g.peak_replicas).sum(),
        peak_vcpu: groups.iter().map(|g| g.peak_replicas * g.vcpu).sum(),
        peak_memory_gb: groups.iter().map(|g| g.peak_replicas * g.memory_gb).sum(),
        idle_vcpu: groups.iter().map(|g| g.min_replicas * g.vcpu).sum(),
        idle_memory_gb: groups.iter().map(|g| g.min_replicas * g.memory_gb).sum(),
        groups,
        latency,
        failure,
        deploy,
    }
}

/// Replicas per minute for a group whose every request costs `cpu_ms_per_request`.
fn group_run(
    module: Option<Module>,
    vcpu: f64,
    memory_gb: f64,
    cpu_ms_per_request: f64,
    target: f64,
    days: &[(traffic::Day, f64)],
    usd_per_replica_min: f64,
) -> Group {
    let cap_rps = vcpu * 1000.0 / cpu_ms_per_request.max(1e-6) * target;
    let mut peak: f64 = MIN_REPLICAS;
    let mut month_usd = 0.0;
    for (day, weight) in days {
        let mut replica_min = 0.0;
        for &rps in &day.rps {
            let n = (rps / cap_rps - 1e-9).ceil().max(MIN_REPLICAS);
            peak = peak.max(n);
            replica_min += n;
        }
        month_usd += replica_min * usd_per_replica_min * weight;
    }
    Group {
        module,
        vcpu,
        memory_gb,
        peak_replicas: peak,
        min_replicas: MIN_REPLICAS,
        month_usd: if month_usd.is_finite() {
            month_usd
        } else {
            0.0
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_and_calls_follow_dependencies() {
        let total: f64 = MODULES.iter().map(|m| m.entry_share).sum();
        assert!((total - 1.0).abs() < 1e-12);
        let calls = calls_per_request();
        let get = |m: Module| calls.iter().find(|c| c.0 == m).unwrap().1;
        // Trips: 0.15 entering + 0.05 from dispatch + 0.03 from payments = 0.23.
        assert!((get(Module::Trips) - 0.23).abs() < 1e-12);
        // Driver: 0.40 + 0.05 (dispatch) + 0.23 (every trips call) = 0.68.
        assert!((get(Module::Driver) - 0.68).abs() < 1e-12);
        // Notifications: 0.04 + 0.05 + 0.03 = 0.12.
        assert!((get(Module::Notifications) - 0.12).abs() < 1e-12);
    }

    #[test]
    fn features_need_their_closure() {
        assert_eq!(
            Feature::RequestRide.needs(),
            vec![
                Module::Driver,
                Module::Dispatch,
                Module::Trips,
                Module::Pricing
            ]
        );
        assert_eq!(
            Feature::RequestRide.soft_needs(),
            vec![Module::Notifications]
        );
        assert_eq!(Feature::SignIn.needs(), vec![Module::Passenger]);
    }

    #[test]
    fn a_failure_takes_the_monolith_down_but_only_dependants_in_msa() {
        let m = failure(Architecture::Monolith, Module::Pricing);
        assert_eq!(m.down.len(), Feature::ALL.len());
        let s = failure(Architecture::Microservices, Module::Pricing);
        assert_eq!(
            s.down,
            vec![Feature::RequestRide, Feature::FareEstimate, Feature::Pay]
        );
        assert!(s.up.contains(&Feature::SignIn) && s.up.contains(&Feature::DriverOnline));
        let n = failure(Architecture::Microservices, Module::Notifications);
        assert_eq!(n.down, vec![Feature::TripAlerts]);
        assert_eq!(n.degraded, vec![Feature::RequestRide, Feature::Pay]);
    }

    #[test]
    fn a_deploy_restarts_everything_in_a_monolith_and_one_service_in_msa() {
        let m = deploy(Architecture::Monolith, Module::Payments, 4.0);
        assert_eq!(m.restarts.len(), 7);
        assert_eq!((m.capacity_drop_pct, m.duration_s), (25.0, 360.0));
        let s = deploy(Architecture::Microservices, Module::Payments, 2.0);
        assert_eq!(s.restarts, vec![Module::Payments]);
        assert_eq!(s.affected, vec![Feature::Pay]);
        assert_eq!((s.capacity_drop_pct, s.duration_s), (50.0, 40.0));
    }

    #[test]
    fn msa_costs_a_floor_and_hops_but_scales_per_service() {
        let (s, _) = Scenario::from_query("pat=steady&peak=1&fail=dispatch&deploy=pricing&hop=2");
        let o = compare(&s);
        // At 1 req/s everything sits at its minimum: 2 monolith replicas vs 2 × 7 services.
        assert_eq!(o.monolith.peak_replicas, 2.0);
        assert_eq!(o.microservices.peak_replicas, 14.0);
        // Request a ride: dispatch (20) + driver (2) + pricing (8) + trips (5 + driver 2) = 37 ms
        // in one process; in MSA 4 hops × (2 ms + 0.3 ms RPC) more.
        let lat = |a: &ArchOutcome, f: Feature| a.latency.iter().find(|l| l.0 == f).unwrap().1;
        assert_eq!(lat(&o.monolith, Feature::RequestRide), 37.0);
        assert!((lat(&o.microservices, Feature::RequestRide) - (37.0 + 4.0 * 2.3)).abs() < 1e-9);
        assert_eq!(o.microservices.failure.as_ref().unwrap().down.len(), 1);
        assert!(o.monolith.deploy.as_ref().unwrap().restarts.len() == 7);
        // At high traffic the monolith's coarse replicas cost more memory than services that
        // only grow where the load is.
        let (s, _) = Scenario::from_query("pat=steady&peak=20000");
        let o = compare(&s);
        assert!(o.microservices.peak_memory_gb < o.monolith.peak_memory_gb);
        assert!(o.monolith.month_usd > 0.0 && o.microservices.month_usd > 0.0);
        for l in Lang::ALL {
            for m in Module::ALL {
                assert!(!m.label(l).is_empty());
            }
        }
    }
}
