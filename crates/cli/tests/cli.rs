//! The CLI contract, end to end: scripts and course material depend on these outputs.

use std::process::{Command, Output};

fn skyscale(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skyscale"))
        .args(args)
        .output()
        .expect("runs")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = skyscale(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.trim().lines().count(),
        1,
        "one JSON object on one line"
    );
    serde_json::from_str(&text).unwrap()
}

fn cents(v: &serde_json::Value) -> String {
    format!("{:.2}", v.as_f64().unwrap())
}

fn bad(args: &[&str], names: &[&str]) {
    let out = skyscale(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    for n in names {
        assert!(err.contains(n), "{err} should name {n}");
    }
}

#[test]
fn price_faas_issue_checks() {
    // 1,000,000 × 0.1 s × 0.5 GB = 50,000 GB-s × $0.0000166667 = $0.83 + $0.20 = $1.03.
    let v = json(&[
        "price",
        "faas",
        "--requests",
        "1000000",
        "--duration-ms",
        "100",
        "--memory-mb",
        "512",
        "--arch",
        "x86_64",
        "--json",
    ]);
    assert_eq!(cents(&v["total_usd"]), "1.03");
    assert_eq!(v["gb_seconds"].as_f64(), Some(50_000.0));
    assert_eq!(cents(&v["requests_usd"]), "0.20");
    assert_eq!(cents(&v["compute_usd"]), "0.83");
    // 30 M × 0.2 s × 0.125 GB = 750,000 − 400,000 free = 350,000 GB-s → $5.83; 29 M → $5.80.
    let v = json(&[
        "price",
        "faas",
        "--requests",
        "30000000",
        "--duration-ms",
        "200",
        "--memory-mb",
        "128",
        "--free-tier",
        "--json",
    ]);
    assert_eq!(cents(&v["compute_usd"]), "5.83");
    assert_eq!(cents(&v["requests_usd"]), "5.80");
    assert_eq!(cents(&v["total_usd"]), "11.63");
    assert_eq!(v["gb_seconds"].as_f64(), Some(750_000.0));
}

#[test]
fn price_faas_more_examples() {
    // arm64: 10 M × 0.05 s × 1 GB = 500,000 GB-s × $0.0000133334 = $6.67 + $2.00 = $8.67.
    let v = json(&[
        "price",
        "faas",
        "--requests",
        "10000000",
        "--duration-ms",
        "50",
        "--memory-mb",
        "1024",
        "--arch",
        "arm64",
        "--json",
    ]);
    assert_eq!(cents(&v["total_usd"]), "8.67");
    // Legacy 100 ms granularity: 1 M × 12 ms bills as 100 ms: 100,000 GB-s → $1.67 + $0.20.
    let v = json(&[
        "price",
        "faas",
        "--requests",
        "1e6",
        "--duration-ms",
        "12",
        "--memory-mb",
        "1024",
        "--granularity-ms",
        "100",
        "--json",
    ]);
    assert_eq!(cents(&v["total_usd"]), "1.87");
    // Azure Functions: 2 M × 1 s × 0.5 GB, free grant: 600,000 GB-s × $0.000016 = $9.60 + $0.20.
    let v = json(&[
        "price",
        "faas",
        "--service",
        "azure",
        "--requests",
        "2000000",
        "--duration-ms",
        "1000",
        "--memory-mb",
        "512",
        "--free-tier",
        "--json",
    ]);
    assert_eq!(cents(&v["total_usd"]), "9.80");
}

#[test]
fn price_vm_and_container() {
    // t3.micro: $0.0104 × 730 h = $7.59.
    let v = json(&["price", "vm", "--instance", "t3.micro", "--json"]);
    assert_eq!(cents(&v["total_usd"]), "7.59");
    assert_eq!(v["hours"].as_f64(), Some(730.0));
    // 3 × m5.large × 730 h × $0.096 = $210.24.
    let v = json(&[
        "price",
        "vm",
        "--instance",
        "m5.large",
        "--count",
        "3",
        "--json",
    ]);
    assert_eq!(cents(&v["total_usd"]), "210.24");
    // 2 × c5.large for 24 h: $4.08.
    let v = json(&[
        "price",
        "vm",
        "--instance",
        "c5.large",
        "--count",
        "2",
        "--hours",
        "24",
        "--json",
    ]);
    assert_eq!(cents(&v["total_usd"]), "4.08");
    // Fargate 1 vCPU / 2 GB for 730 h: $29.5504 + $6.4897 = $36.04.
    let v = json(&[
        "price",
        "container",
        "--service",
        "fargate",
        "--vcpu",
        "1",
        "--memory-gb",
        "2",
        "--json",
    ]);
    assert_eq!(cents(&v["total_usd"]), "36.04");
    // App Runner 1 vCPU / 2 GB active for 730 h: $46.72 + $10.22 = $56.94.
    let v = json(&[
        "price",
        "container",
        "--service",
        "app-runner",
        "--vcpu",
        "1",
        "--memory-gb",
        "2",
        "--json",
    ]);
    assert_eq!(cents(&v["total_usd"]), "56.94");
    // Two 0.25 vCPU / 0.5 GB Fargate tasks: 1,460 × $0.0123425 = $18.02.
    let v = json(&[
        "price",
        "container",
        "--service",
        "fargate",
        "--vcpu",
        "0.25",
        "--memory-gb",
        "0.5",
        "--count",
        "2",
        "--json",
    ]);
    assert_eq!(cents(&v["total_usd"]), "18.02");
}

#[test]
fn tables_show_the_math() {
    let out = skyscale(&[
        "price",
        "faas",
        "--requests",
        "30000000",
        "--duration-ms",
        "200",
        "--memory-mb",
        "128",
        "--free-tier",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("350,000 × $0.0000166667 = $5.83"), "{text}");
    assert!(text.contains("Total: $5.80 + $5.83 = $11.63"));
    let out = skyscale(&[
        "price",
        "faas",
        "--requests",
        "30000000",
        "--duration-ms",
        "200",
        "--memory-mb",
        "128",
        "--free-tier",
        "--lang",
        "ko",
    ]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("합계: $5.80 + $5.83 = $11.63")
    );
    let out = skyscale(&["simulate", "--scenario", "lang=ko&cur=krw"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("온프레미스") && text.contains('₩'), "{text}");
}

#[test]
fn bad_arguments_name_the_argument_and_its_range() {
    bad(
        &[
            "price",
            "faas",
            "--requests",
            "-1",
            "--duration-ms",
            "100",
            "--memory-mb",
            "512",
        ],
        &["--requests", "0 to"],
    );
    bad(
        &[
            "price",
            "faas",
            "--requests",
            "1",
            "--duration-ms",
            "100",
            "--memory-mb",
            "20000",
        ],
        &["--memory-mb", "128 to 10240"],
    );
    bad(
        &[
            "price",
            "faas",
            "--requests",
            "1",
            "--duration-ms",
            "1000000",
            "--memory-mb",
            "512",
        ],
        &["--duration-ms", "900000"],
    );
    bad(
        &[
            "price",
            "faas",
            "--requests",
            "NaN",
            "--duration-ms",
            "1",
            "--memory-mb",
            "512",
        ],
        &["--requests"],
    );
    bad(
        &[
            "price",
            "faas",
            "--requests",
            "1",
            "--duration-ms",
            "1",
            "--memory-mb",
            "512",
            "--granularity-ms",
            "10",
        ],
        &["--granularity-ms", "100"],
    );
    bad(
        &["price", "faas", "--duration-ms", "1"],
        &["--requests", "--memory-mb"],
    );
    bad(
        &["price", "vm", "--instance", "z9.huge"],
        &["--instance", "t3.micro"],
    );
    bad(
        &["price", "vm", "--instance", "t3.micro", "--count", "0"],
        &["--count", "1 to"],
    );
    bad(
        &[
            "price",
            "container",
            "--service",
            "fargate",
            "--vcpu",
            "20",
            "--memory-gb",
            "2",
        ],
        &["--vcpu", "0.25 to 16"],
    );
    bad(
        &[
            "price",
            "container",
            "--service",
            "app-runner",
            "--vcpu",
            "1",
            "--memory-gb",
            "64",
        ],
        &["--memory-gb", "12"],
    );
    bad(
        &[
            "price",
            "container",
            "--service",
            "heroku",
            "--vcpu",
            "1",
            "--memory-gb",
            "1",
        ],
        &["--service", "fargate"],
    );
}

#[test]
fn simulate_reports_every_model() {
    let v = json(&["simulate", "--scenario", "pat=flash&peak=5000", "--json"]);
    for key in ["onprem", "vm_fixed", "vm_auto", "container", "faas", "saas"] {
        let m = &v["models"][key];
        for field in [
            "cost_usd",
            "max_instances",
            "p95_latency_ms",
            "dropped_requests",
            "cold_starts",
        ] {
            let x = m[field].as_f64().unwrap_or_else(|| panic!("{key}.{field}"));
            assert!(x.is_finite() && x >= 0.0);
        }
    }
    assert!(v["models"]["onprem"]["dropped_requests"].as_f64().unwrap() > 0.0);
    assert_eq!(v["scenario"], "lang=en&pat=flash&peak=5000");
    // A function over the limits is reported, with why.
    let v = json(&["simulate", "--scenario", "mem=20000", "--json"]);
    assert_eq!(v["models"]["faas"]["runnable"], false);
    assert!(
        v["models"]["faas"]["not_runnable"][0]
            .as_str()
            .unwrap()
            .contains("10,240 MB")
    );
    // Bad scenario values are repaired and reported, never fatal.
    let out = skyscale(&["simulate", "--scenario", "peak=banana", "--json"]);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains("peak"));
}

#[test]
fn breakeven_json() {
    // t3.micro ($7.488 for 720 h) vs 100 ms / 128 MB functions: 18,337,940 requests a month.
    let v = json(&[
        "breakeven",
        "--scenario",
        "vm=t3.micro&cpu=50&dur=100&mem=128",
        "--json",
    ]);
    let n = v["vm"]["requests_per_month"].as_f64().unwrap();
    assert!((n - 18_337_940.5).abs() < 1.0, "{n}");
    assert_eq!(v["faas_runnable"], true);
    assert!(v["container"].is_object());
    let out = skyscale(&["breakeven"]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("FaaS vs m5.large")
    );
}

#[test]
fn render_still_works() {
    let out = skyscale(&["render", "stack"]);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("<svg"));
}
