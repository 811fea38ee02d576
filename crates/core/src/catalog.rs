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

/// Hours in a billing month, as AWS's own calculators count them (365 × 24 / 12).
pub const HOURS_PER_MONTH: f64 = 730.0;

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
    /// Burstable types sustain only this share of each vCPU without buying credits. The
    /// simulator runs them in "unlimited" mode at full speed and does not bill surplus credits.
    pub baseline_cpu_pct: f64,
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
        let r = c.container("app-runner").unwrap();
        assert_eq!((r.usd_per_vcpu_hour, r.usd_per_gb_hour), (0.064, 0.007));
    }
}
