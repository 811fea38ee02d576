//! `skyscale price faas|vm|container`: one bill from the catalog's prices.

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;
use skyscale_core::catalog::catalog;
use skyscale_core::money::format_usd;
use skyscale_core::pricing::{self, FaasRates};
use skyscale_core::scenario::Arch;
use skyscale_core::{Lang, math};

use crate::LangArg;
use crate::args::{UsageError, check_range, number_in, whole_in};

#[derive(Subcommand, Debug)]
pub enum PriceCommand {
    /// A function bill: requests × (request price) + GB-seconds × (duration price).
    Faas(FaasArgs),
    /// A VM fleet bill: count × hours × hourly price.
    Vm(VmArgs),
    /// A managed-container bill: count × hours × (vCPU and GB prices).
    Container(ContainerArgs),
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ArchArg {
    #[value(name = "x86_64")]
    X86_64,
    #[value(name = "arm64")]
    Arm64,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum FaasServiceArg {
    /// AWS Lambda (us-east-1).
    Lambda,
    /// Azure Functions, Consumption plan.
    Azure,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ContainerServiceArg {
    Fargate,
    AppRunner,
    CloudRun,
}

#[derive(Args, Debug)]
pub struct FaasArgs {
    /// Invocations per month.
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = number_in(0.0, 1e15))]
    pub requests: f64,
    /// Duration of one invocation, ms (the 900 s timeout at most).
    #[arg(long, value_name = "D", allow_negative_numbers = true, value_parser = number_in(0.0, 900_000.0))]
    pub duration_ms: f64,
    /// Memory, MB.
    #[arg(long, value_name = "M", allow_negative_numbers = true, value_parser = number_in(128.0, 10_240.0))]
    pub memory_mb: f64,
    #[arg(long, value_enum, default_value = "x86_64")]
    pub arch: ArchArg,
    /// Take the monthly free tier off first.
    #[arg(long)]
    pub free_tier: bool,
    /// Billing granularity: 1 ms (today) or 100 ms (before December 2020).
    #[arg(long, value_name = "1|100", default_value = "1", value_parser = ["1", "100"])]
    pub granularity_ms: String,
    /// Which service's prices.
    #[arg(long, value_enum, default_value = "lambda")]
    pub service: FaasServiceArg,
    #[arg(long)]
    pub json: bool,
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Args, Debug)]
pub struct VmArgs {
    /// Instance type from the catalog, e.g. t3.micro, m5.large.
    #[arg(long, value_name = "TYPE")]
    pub instance: String,
    #[arg(long, value_name = "N", default_value = "1", allow_negative_numbers = true, value_parser = whole_in(1, 1_000_000))]
    pub count: u64,
    /// Hours billed per instance [default: a 30-day month, 720 h, the simulation's month].
    #[arg(long, value_name = "H", default_value = "720", hide_default_value = true, allow_negative_numbers = true, value_parser = number_in(0.0, 1e6))]
    pub hours: f64,
    #[arg(long)]
    pub json: bool,
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

#[derive(Args, Debug)]
pub struct ContainerArgs {
    #[arg(long, value_enum)]
    pub service: ContainerServiceArg,
    /// vCPU per container (the service's own range applies).
    #[arg(long, value_name = "V", allow_negative_numbers = true, value_parser = number_in(0.0, 1e3))]
    pub vcpu: f64,
    /// Memory per container, GB (the service's own range applies).
    #[arg(long, value_name = "G", allow_negative_numbers = true, value_parser = number_in(0.0, 1e4))]
    pub memory_gb: f64,
    #[arg(long, value_name = "N", default_value = "1", allow_negative_numbers = true, value_parser = whole_in(1, 1_000_000))]
    pub count: u64,
    /// Hours billed per instance [default: a 30-day month, 720 h, the simulation's month].
    #[arg(long, value_name = "H", default_value = "720", hide_default_value = true, allow_negative_numbers = true, value_parser = number_in(0.0, 1e6))]
    pub hours: f64,
    #[arg(long)]
    pub json: bool,
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

/// Runs one `price` subcommand and returns what to print.
pub fn run(cmd: PriceCommand) -> Result<String, UsageError> {
    match cmd {
        PriceCommand::Faas(a) => faas(a),
        PriceCommand::Vm(a) => vm(a),
        PriceCommand::Container(a) => container(a),
    }
}

fn faas(a: FaasArgs) -> Result<String, UsageError> {
    let c = catalog();
    let (id, arch) = (
        match a.service {
            FaasServiceArg::Lambda => "aws-lambda",
            FaasServiceArg::Azure => "azure-functions",
        },
        match a.arch {
            ArchArg::X86_64 => Arch::X86_64,
            ArchArg::Arm64 => Arch::Arm64,
        },
    );
    let prices = c.faas(id).expect("catalog has both function services");
    if matches!(a.service, FaasServiceArg::Azure) {
        check_range(
            "--memory-mb",
            a.memory_mb,
            128.0,
            1_536.0,
            "on Azure Functions (Consumption)",
        )?;
        check_range(
            "--duration-ms",
            a.duration_ms,
            0.0,
            600_000.0,
            "on Azure Functions (Consumption)",
        )?;
    }
    let granularity_ms: f64 = a.granularity_ms.parse().unwrap_or(1.0);
    let rates = FaasRates::from_catalog(prices, arch);
    let b = pricing::faas(
        a.requests,
        a.duration_ms,
        a.memory_mb,
        &rates,
        a.free_tier,
        granularity_ms,
    );
    if a.json {
        let v = json!({
            "service": id,
            "region": prices.region,
            "arch": arch.code(),
            "requests": b.requests,
            "duration_ms": a.duration_ms,
            "billed_duration_ms": b.billed_duration_ms,
            "memory_mb": a.memory_mb,
            "memory_gb": b.memory_gb,
            "free_tier": a.free_tier,
            "granularity_ms": granularity_ms,
            "billable_requests": b.billable_requests,
            "gb_seconds": b.gb_seconds,
            "billable_gb_seconds": b.billable_gb_seconds,
            "requests_usd": b.requests_usd,
            "compute_usd": b.compute_usd,
            "total_usd": b.total_usd,
            "total_display": format_usd(b.total_usd),
            "source": prices.source,
            "read_on": prices.read_on,
        });
        return Ok(crate::args::json_text(v));
    }
    let lang = Lang::from(a.lang);
    let mut out = vec![format!(
        "{} ({}, {})",
        prices.name,
        arch.code(),
        prices.region
    )];
    out.extend(math::faas(&b, granularity_ms, lang));
    out.push(source_line(&prices.source, &prices.read_on, lang));
    Ok(out.join("\n"))
}

fn vm(a: VmArgs) -> Result<String, UsageError> {
    let c = catalog();
    let Some(t) = c.vm(a.instance.trim()) else {
        return Err(UsageError(format!(
            "error: invalid value '{}' for '--instance <TYPE>': must be one of {}",
            a.instance,
            c.vm_ids().join(", ")
        )));
    };
    let b = pricing::vm(t.usd_per_hour, a.count as f64, a.hours);
    if a.json {
        let v = json!({
            "instance": t.id,
            "vcpu": t.vcpu,
            "memory_gb": t.memory_gb,
            "count": a.count,
            "hours": a.hours,
            "baseline_cpu_pct": t.baseline_cpu_pct,
            "sustained_vcpu": t.sustained_vcpu(),
            "baseline_source": t.baseline_source,
            "baseline_read_on": t.baseline_read_on,
            "usd_per_hour": t.usd_per_hour,
            "total_usd": b.total_usd,
            "total_display": format_usd(b.total_usd),
            "source": t.source,
            "read_on": t.read_on,
        });
        return Ok(crate::args::json_text(v));
    }
    let lang = Lang::from(a.lang);
    let mut out = vec![format!(
        "EC2 {} ({} vCPU, {} GB, {}, {})",
        t.id, t.vcpu, t.memory_gb, t.arch, c.region
    )];
    if t.burstable() {
        out.push(match lang {
            Lang::En => format!(
                "Burstable: {}% baseline per vCPU, so it sustains {} vCPU (the simulation's capacity); baseline from {} (read on {})",
                t.baseline_cpu_pct, t.sustained_vcpu(), t.baseline_source, t.baseline_read_on
            ),
            Lang::Ko => format!(
                "버스트형: vCPU당 기준 성능 {}%, 지속 가능한 것은 {} vCPU(시뮬레이션의 용량); 기준 성능 출처 {} ({} 기준)",
                t.baseline_cpu_pct, t.sustained_vcpu(), t.baseline_source, t.baseline_read_on
            ),
        });
    }
    out.extend(math::vm(&b, &t.id, lang));
    out.push(source_line(&t.source, &t.read_on, lang));
    Ok(out.join("\n"))
}

fn container(a: ContainerArgs) -> Result<String, UsageError> {
    let c = catalog();
    let id = match a.service {
        ContainerServiceArg::Fargate => "fargate",
        ContainerServiceArg::AppRunner => "app-runner",
        ContainerServiceArg::CloudRun => "cloud-run",
    };
    let p = c
        .container(id)
        .expect("catalog has every container service");
    check_range(
        "--vcpu",
        a.vcpu,
        p.min_vcpu,
        p.max_vcpu,
        &format!("on {id}"),
    )?;
    check_range(
        "--memory-gb",
        a.memory_gb,
        p.min_memory_gb,
        p.max_memory_gb,
        &format!("on {id}"),
    )?;
    let b = pricing::container(
        p.usd_per_vcpu_hour,
        p.usd_per_gb_hour,
        a.vcpu,
        a.memory_gb,
        a.count as f64,
        a.hours,
    );
    if a.json {
        let v = json!({
            "service": id,
            "vcpu": a.vcpu,
            "memory_gb": a.memory_gb,
            "count": a.count,
            "hours": a.hours,
            "vcpu_hours": b.vcpu_hours,
            "gb_hours": b.gb_hours,
            "usd_per_vcpu_hour": p.usd_per_vcpu_hour,
            "usd_per_gb_hour": p.usd_per_gb_hour,
            "vcpu_usd": b.vcpu_usd,
            "memory_usd": b.memory_usd,
            "total_usd": b.total_usd,
            "total_display": format_usd(b.total_usd),
            "source": p.source,
            "read_on": p.read_on,
        });
        return Ok(crate::args::json_text(v));
    }
    let lang = Lang::from(a.lang);
    let mut out = vec![p.name.clone()];
    out.extend(math::container(&b, id, lang));
    out.push(source_line(&p.source, &p.read_on, lang));
    Ok(out.join("\n"))
}

fn source_line(source: &str, read_on: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Prices: {source} (read on {read_on})"),
        Lang::Ko => format!("가격 출처: {source} ({read_on} 기준)"),
    }
}
