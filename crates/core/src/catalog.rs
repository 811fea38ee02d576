//! The dated price catalog: `data/prices.json`, embedded at build time.
//!
//! Prices are data, not code: each group names the public page it was transcribed from and the
//! date (`read_on`) it was read, so a reader can check and a maintainer can update one file.
//! The Scenario can override any of them (see [`crate::scenario::Prices`]).
//!
//! ```
//! let c = skyscale_core::catalog::catalog();
//! assert_eq!(c.vm("t3.micro").unwrap().usd_per_hour, 0.0104);
//! assert!(c.faas("aws-lambda").unwrap().source.starts_with("https://"));
//! ```

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The raw JSON, kept so the app can offer it for download next to its figures.
pub const PRICES_JSON: &str = include_str!("../data/prices.json");

/// Hours in a billing month: the simulation's 30-day month, 720 h. `price vm` and `price
/// container` default to it too, so a price and the simulated bill of the same fleet agree.
/// (AWS's calculators use an average month of 730 h, 365 × 24 ÷ 12; one rule everywhere
/// matters more to a reader than which of the two it is.)
pub const HOURS_PER_MONTH: f64 = crate::traffic::DAYS_PER_MONTH * 24.0;

/// The whole catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub about: String,
    pub region: String,
    pub faas: Vec<FaasPrices>,
    pub vm: Vec<VmType>,
    pub container: Vec<ContainerPrices>,
    pub onprem: OnPremPrices,
    pub saas: SaasPrices,
    pub fx: Fx,
}

/// A function service's prices (per request and per GB-second).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FaasPrices {
    pub id: String,
    pub name: String,
    /// The region the prices are for, in the provider's own name (`us-east-1`, `East US`).
    pub region: String,
    pub source: String,
    pub read_on: String,
    pub usd_per_million_requests: f64,
    pub free_requests_per_month: f64,
    pub free_gb_s_per_month: f64,
    /// The shortest duration billed (Azure bills at least 100 ms per execution).
    pub min_billed_ms: f64,
    /// Memory is billed rounded up to this step (Azure: 128 MB).
    pub memory_step_mb: f64,
    pub x86_64: FaasArchPrices,
    pub arm64: FaasArchPrices,
}

/// Per-architecture duration prices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FaasArchPrices {
    /// Monthly volume tiers in ascending order; the last has no upper bound.
    pub tiers: Vec<Tier>,
    /// Provisioned concurrency: USD per GB-second configured, used or not.
    pub provisioned_usd_per_gb_s: f64,
    /// Duration price for invocations served by provisioned concurrency.
    pub provisioned_duration_usd_per_gb_s: f64,
}

/// One volume tier of GB-second prices.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tier {
    /// Upper bound of the tier in GB-seconds per month (`None`: unbounded).
    pub up_to_gb_s: Option<f64>,
    pub usd_per_gb_s: f64,
}

/// A virtual machine type (on-demand, Linux).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VmType {
    pub id: String,
    pub vcpu: f64,
    pub memory_gb: f64,
    pub arch: String,
    /// The share of each vCPU the type sustains (its baseline performance): 100 for fixed-
    /// performance types; for burstable T3/T4g, AWS's published baseline per vCPU (t3.micro
    /// 10%, t3.small/t3.medium/t4g.small 20%). Above it a burstable instance spends CPU
    /// credits it earns only at the baseline rate, so over a day it sustains the baseline;
    /// running above it for good means paying for surplus credits ("unlimited" mode, $0.05 per
    /// vCPU-hour for T3 Linux), which Skyscale does not model. So the simulator's capacity of
    /// an instance is `vcpu × baseline_cpu_pct / 100` ([`VmType::sustained_vcpu`]).
    pub baseline_cpu_pct: f64,
    /// Where the baseline was read and when.
    pub baseline_source: String,
    pub baseline_read_on: String,
    pub usd_per_hour: f64,
    pub source: String,
    pub read_on: String,
}

/// A managed container service's prices and behaviour.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContainerPrices {
    pub id: String,
    pub name: String,
    pub source: String,
    pub read_on: String,
    pub usd_per_vcpu_hour: f64,
    pub usd_per_gb_hour: f64,
    /// What an instance costs while it is kept but idle (App Runner bills memory only).
    pub idle_usd_per_vcpu_hour: f64,
    pub idle_usd_per_gb_hour: f64,
    pub min_vcpu: f64,
    pub max_vcpu: f64,
    pub min_memory_gb: f64,
    pub max_memory_gb: f64,
    /// Seconds from "start an instance" to "it serves".
    pub start_s: f64,
    /// Minutes the load must stay above target before the service adds instances.
    pub scale_out_after_min: f64,
    /// Minutes the load must stay below target before the service removes instances.
    pub scale_in_after_min: f64,
}

/// Assumptions for owning servers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OnPremPrices {
    pub source: String,
    pub read_on: String,
    pub server_usd: f64,
    pub life_months: f64,
    pub cores_per_server: f64,
    pub opex_usd_per_server_month: f64,
    pub lead_time_weeks: f64,
}

/// A SaaS subscription.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaasPrices {
    pub source: String,
    pub read_on: String,
    pub usd_per_seat_month: f64,
}

/// The default exchange rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fx {
    pub source: String,
    pub read_on: String,
    pub krw_per_usd: f64,
}

/// The embedded catalog, built once from code that `build.rs` generates from the JSON (so no
/// JSON parser ships in the wasm; a test checks the two agree).
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| include!(concat!(env!("OUT_DIR"), "/catalog.rs")))
}

impl Catalog {
    pub fn faas(&self, id: &str) -> Option<&FaasPrices> {
        self.faas.iter().find(|f| f.id == id)
    }
    pub fn vm(&self, id: &str) -> Option<&VmType> {
        self.vm.iter().find(|v| v.id == id)
    }
    pub fn container(&self, id: &str) -> Option<&ContainerPrices> {
        self.container.iter().find(|c| c.id == id)
    }
    /// The VM type names, in catalog order (for selects and error messages).
    pub fn vm_ids(&self) -> Vec<&str> {
        self.vm.iter().map(|v| v.id.as_str()).collect()
    }
}

impl VmType {
    /// Whether the type bursts above a baseline it cannot sustain (T3, T4g).
    pub fn burstable(&self) -> bool {
        self.baseline_cpu_pct < 100.0
    }
    /// The vCPU it sustains: all of them, or for a burstable type its baseline share.
    pub fn sustained_vcpu(&self) -> f64 {
        self.vcpu * (self.baseline_cpu_pct / 100.0).clamp(0.0, 1.0)
    }
}

impl FaasPrices {
    pub fn arch(&self, arch: crate::scenario::Arch) -> &FaasArchPrices {
        match arch {
            crate::scenario::Arch::X86_64 => &self.x86_64,
            crate::scenario::Arch::Arm64 => &self.arm64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_catalog_equals_the_json_file() {
        let parsed: Catalog = serde_json::from_str(PRICES_JSON).unwrap();
        assert_eq!(&parsed, catalog());
    }

    #[test]
    fn catalog_parses_and_every_price_is_dated_and_sourced() {
        let c: Catalog = serde_json::from_str(PRICES_JSON).unwrap();
        let dated = |source: &str, read_on: &str| {
            assert!(!source.is_empty());
            assert_eq!(read_on.len(), 10, "{read_on} is YYYY-MM-DD");
        };
        for f in &c.faas {
            assert!(f.source.starts_with("https://"));
            dated(&f.source, &f.read_on);
            for a in [&f.x86_64, &f.arm64] {
                assert!(a.tiers.last().unwrap().up_to_gb_s.is_none());
                assert!(a.tiers.iter().all(|t| t.usd_per_gb_s > 0.0));
            }
        }
        for v in &c.vm {
            assert!(v.source.starts_with("https://"));
            dated(&v.source, &v.read_on);
            assert!(v.usd_per_hour > 0.0 && v.vcpu >= 1.0);
            assert!(v.baseline_source.starts_with("https://"));
            dated(&v.baseline_source, &v.baseline_read_on);
            assert!(v.baseline_cpu_pct > 0.0 && v.baseline_cpu_pct <= 100.0);
            // The T families burst; every other type in the catalog has fixed performance.
            assert_eq!(v.burstable(), v.id.starts_with('t'), "{}", v.id);
        }
        for k in &c.container {
            assert!(k.source.starts_with("https://"));
            dated(&k.source, &k.read_on);
        }
        dated(&c.onprem.source, &c.onprem.read_on);
        dated(&c.saas.source, &c.saas.read_on);
        dated(&c.fx.source, &c.fx.read_on);
        for id in [
            "t3.micro",
            "t3.small",
            "t3.medium",
            "m5.large",
            "c5.large",
            "m6g.large",
        ] {
            assert!(c.vm(id).is_some(), "{id}");
        }
        for id in ["fargate", "app-runner", "cloud-run"] {
            assert!(c.container(id).is_some(), "{id}");
        }
    }

    #[test]
    fn a_container_option_reads_as_its_catalog_entry_in_either_language() {
        use crate::i18n::Lang;
        use crate::scenario::ContainerService;
        let c = catalog();
        for &svc in ContainerService::ALL {
            let name = &c.container(svc.code()).unwrap().name;
            assert_eq!(svc.label().get(Lang::En), name);
            // In Korean only the product's own name (and "Linux/x86") stays in Latin letters.
            let product = name.split(" (").next().unwrap();
            let ko = svc.label().get(Lang::Ko);
            assert!(ko.starts_with(product), "{ko}");
            let rest = ko[product.len()..].replace("Linux/x86", "");
            assert!(!rest.chars().any(|ch| ch.is_ascii_alphabetic()), "{ko}");
        }
    }

    #[test]
    fn published_headline_prices() {
        let c = catalog();
        let l = c.faas("aws-lambda").unwrap();
        assert_eq!(l.usd_per_million_requests, 0.20);
        assert_eq!(l.x86_64.tiers[0].usd_per_gb_s, 0.0000166667);
        assert_eq!(l.arm64.tiers[0].usd_per_gb_s, 0.0000133334);
        assert_eq!(l.free_requests_per_month, 1_000_000.0);
        assert_eq!(l.free_gb_s_per_month, 400_000.0);
        let a = c.faas("azure-functions").unwrap();
        assert_eq!(a.x86_64.tiers[0].usd_per_gb_s, 0.000016);
        let f = c.container("fargate").unwrap();
        assert_eq!(
            (f.usd_per_vcpu_hour, f.usd_per_gb_hour),
            (0.04048, 0.004445)
        );
        // Baselines per vCPU (AWS EC2 User Guide, burstable baseline concepts).
        let t = c.vm("t3.micro").unwrap();
        assert_eq!((t.vcpu, t.baseline_cpu_pct), (2.0, 10.0));
        assert!((t.sustained_vcpu() - 0.2).abs() < 1e-12);
        for id in ["t3.small", "t3.medium", "t4g.small"] {
            assert_eq!(c.vm(id).unwrap().baseline_cpu_pct, 20.0, "{id}");
        }
        assert_eq!(c.vm("m5.large").unwrap().sustained_vcpu(), 2.0);
        let r = c.container("app-runner").unwrap();
        assert_eq!((r.usd_per_vcpu_hour, r.usd_per_gb_hour), (0.064, 0.007));
    }
}
