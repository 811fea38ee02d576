//! The CLI contract, end to end: scripts and course material depend on these outputs.

mod common;
use common::{FARGATE_1_VCPU_2_GB, args, skyscale};

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

/// Azure's Consumption plan bills 100 ms at least, in 1 ms steps, at East US prices: the
/// price's text says so (not AWS's region name), in both languages, and so does the JSON.
#[test]
fn price_faas_azure_names_its_minimum_and_its_region() {
    let text = |lang: &str| {
        let out = skyscale(&[
            "price",
            "faas",
            "--service",
            "azure",
            "--requests",
            "1000",
            "--duration-ms",
            "20",
            "--memory-mb",
            "256",
            "--lang",
            lang,
        ]);
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let en = text("en");
    assert!(
        en.starts_with("Azure Functions (Consumption plan) (x86_64, East US)"),
        "{en}"
    );
    assert!(!en.contains("us-east-1"), "{en}");
    assert!(
        en.contains(
            "Billed duration: 100 ms a request, rounded up in 1 ms steps, 100 ms at least;"
        ),
        "{en}"
    );
    let ko = text("ko");
    assert!(ko.contains("(x86_64, East US)"), "{ko}");
    assert!(
        ko.contains("요청당 100 ms(1 ms 단위로 올림, 최소 100 ms)"),
        "{ko}"
    );
    let v = json(&[
        "price",
        "faas",
        "--service",
        "azure",
        "--requests",
        "1000",
        "--duration-ms",
        "20",
        "--memory-mb",
        "256",
        "--json",
    ]);
    assert_eq!(v["region"], "East US");
    // Lambda's minimum is its 1 ms step: nothing more to say, and its region is AWS's name.
    let out = skyscale(&[
        "price",
        "faas",
        "--requests",
        "1000",
        "--duration-ms",
        "20",
        "--memory-mb",
        "256",
    ]);
    let lambda = String::from_utf8(out.stdout).unwrap();
    assert!(
        lambda.starts_with("AWS Lambda (x86_64, us-east-1)"),
        "{lambda}"
    );
    assert!(lambda.contains("rounded up in 1 ms steps;"), "{lambda}");
    // The simulated month's math says the same.
    let out = skyscale(&["simulate", "--scenario", "faas=azure"]);
    let sim = String::from_utf8(out.stdout).unwrap();
    assert!(
        sim.contains("rounded up in 1 ms steps, 100 ms at least;"),
        "{sim}"
    );
}

#[test]
fn price_vm_and_container() {
    // The default hours are the simulation's 30-day month, 720 h.
    // t3.micro: $0.0104 × 720 h = $7.488 → $7.49.
    let v = json(&["price", "vm", "--instance", "t3.micro", "--json"]);
    assert_eq!(cents(&v["total_usd"]), "7.49");
    assert_eq!(v["hours"].as_f64(), Some(720.0));
    // Burstable: 2 vCPU at a 10% baseline sustain 0.2 vCPU, as the simulation counts it.
    assert_eq!(v["baseline_cpu_pct"].as_f64(), Some(10.0));
    assert!((v["sustained_vcpu"].as_f64().unwrap() - 0.2).abs() < 1e-12);
    let text =
        String::from_utf8(skyscale(&["price", "vm", "--instance", "t3.micro"]).stdout).unwrap();
    assert!(text.contains("sustains 0.2 vCPU"), "{text}");
    // 3 × m5.large × 720 h × $0.096 = $207.36.
    let v = json(&[
        "price",
        "vm",
        "--instance",
        "m5.large",
        "--count",
        "3",
        "--json",
    ]);
    assert_eq!(cents(&v["total_usd"]), "207.36");
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
    // Fargate 1 vCPU / 2 GB for 720 h: 720 × $0.04048 = $29.1456 → $29.15; 1,440 GB-h ×
    // $0.004445 = $6.4008 → $6.40; $29.15 + $6.40 = $35.55.
    let v = json(&args(&FARGATE_1_VCPU_2_GB, &["--json"]));
    assert_eq!(cents(&v["total_usd"]), "35.55");
    // App Runner 1 vCPU / 2 GB active for 720 h: 720 × $0.064 = $46.08; 1,440 × $0.007 =
    // $10.08; $46.08 + $10.08 = $56.16.
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
    assert_eq!(cents(&v["total_usd"]), "56.16");
    // Two 0.25 vCPU / 0.5 GB Fargate tasks for 720 h: 360 vCPU-h × $0.04048 = $14.5728 →
    // $14.57; 720 GB-h × $0.004445 = $3.2004 → $3.20; $14.57 + $3.20 = $17.77.
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
    assert_eq!(cents(&v["total_usd"]), "17.77");
}

#[test]
fn price_hours_are_the_30_day_month() {
    // The help and the math say which month the default hours are, in both languages.
    for cmd in ["vm", "container"] {
        let out = skyscale(&["price", cmd, "--help"]);
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("a 30-day month, 720 h"), "{help}");
        assert!(!help.contains("730"), "{help}");
    }
    let out = skyscale(&["price", "vm", "--instance", "t3.micro"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("720 h = a 30-day month (30 × 24 h)")
            && text.contains("1 × t3.micro × 720 h × $0.0104 per hour = $7.49"),
        "{text}"
    );
    let out = skyscale(&["price", "container", "--service", "fargate", "--vcpu", "1"]);
    assert!(!out.status.success(), "--memory-gb is required");
    let out = skyscale(&args(&FARGATE_1_VCPU_2_GB, &["--lang", "ko"]));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("720시간 = 30일 한 달(30 × 24시간)") && text.contains("$35.55"),
        "{text}"
    );
    // Other hours are just hours.
    let out = skyscale(&["price", "vm", "--instance", "c5.large", "--hours", "24"]);
    assert!(!String::from_utf8(out.stdout).unwrap().contains("30-day"));
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
        let mut fields = vec!["cost_usd", "dropped_requests", "cold_starts"];
        if key != "saas" {
            fields.extend(["max_instances", "p95_latency_ms"]);
        }
        for field in fields {
            let x = m[field].as_f64().unwrap_or_else(|| panic!("{key}.{field}"));
            assert!(x.is_finite() && x >= 0.0);
        }
    }
    // SaaS has no instances or latency of yours; a month without requests has no latency.
    assert!(v["models"]["saas"]["p95_latency_ms"].is_null());
    let quiet = json(&["simulate", "--scenario", "peak=0", "--json"]);
    for key in ["onprem", "vm_fixed", "vm_auto", "container", "faas"] {
        assert!(quiet["models"][key]["p95_latency_ms"].is_null(), "{key}");
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
    // t3.micro ($7.488 for 720 h, billed $7.49; 0.2 vCPU sustained, at 5 ms of CPU 0.2 × 200
    // × 0.65 = 26 req/s) vs 100 ms / 128 MB functions: $7.49 ÷ $0.00000040833375 = 18,342,838
    // requests a month. (At 50 ms it sustains 2.6 req/s; at 128 MB such a request runs 691 ms on its CPU
    // share, which is what the break-even prices, so the VM wins from 1.76 req/s.)
    let v = json(&[
        "breakeven",
        "--scenario",
        "vm=t3.micro&cpu=5&dur=100&mem=128",
        "--json",
    ]);
    let n = v["vm"]["requests_per_month"].as_f64().unwrap();
    assert!((n - 18_342_838.4).abs() < 1.0, "{n}");
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
fn breakeven_without_a_crossing_names_the_quotas_limit() {
    // 50 environments × 1,000 ÷ 100 ms = 500 req/s: the most functions serve.
    let q = "p_vm=100000&cpu=1&dur=100&mem=1024&quota=50";
    let out = String::from_utf8(skyscale(&["breakeven", "--scenario", q]).stdout).unwrap();
    assert!(
        out.contains("cheaper than m5.large at every rate up to 500 req/s")
            && out.contains("above it they throttle")
            && !out.contains("1,000,000"),
        "{out}"
    );
    let ko = String::from_utf8(skyscale(&["breakeven", "--scenario", q, "--lang", "ko"]).stdout)
        .unwrap();
    assert!(
        ko.contains("500 요청/초까지") && ko.contains("스로틀"),
        "{ko}"
    );
    let v = json(&["breakeven", "--scenario", q, "--json"]);
    assert_eq!(v["vm"]["faas_throttle_above_rps"].as_f64(), Some(500.0));
    assert_eq!(v["faas_max_rps"].as_f64(), Some(500.0));
    // At 50 ms of CPU and 128 MB a request runs 691 ms: the t3.micro wins from 1.76 req/s.
    let v = json(&[
        "breakeven",
        "--scenario",
        "vm=t3.micro&cpu=50&dur=100&mem=128",
        "--json",
    ]);
    let r = v["vm"]["requests_per_s"].as_f64().unwrap();
    assert!((r - 1.76).abs() < 0.01, "{r}");
}

#[test]
fn simulate_json_names_every_prices_source_and_date() {
    let v = json(&[
        "simulate",
        "--scenario",
        "vm=t3.micro&cur=krw&p_req=0.25",
        "--json",
    ]);
    let prices = v["prices"].as_object().expect("a prices object");
    let lambda = &prices["AWS Lambda"];
    assert_eq!(lambda["duration"]["value"].as_f64(), Some(0.0000166667));
    assert_eq!(lambda["duration"]["unit"], "USD per GB-s");
    assert_eq!(
        lambda["duration"]["source"],
        "https://aws.amazon.com/lambda/pricing/"
    );
    assert_eq!(lambda["duration"]["date"], "2026-11-25");
    assert_eq!(lambda["duration"]["date_kind"], "read");
    // An override is the scenario's, with no date.
    assert_eq!(lambda["requests"]["value"].as_f64(), Some(0.25));
    assert_eq!(lambda["requests"]["source"], "scenario");
    assert_eq!(lambda["requests"]["date_kind"], "override");
    let vm = &prices["Amazon EC2 t3.micro"];
    assert_eq!(vm["instance"]["value"].as_f64(), Some(0.0104));
    // The burstable baseline's date was entered, not read off the page that day.
    assert_eq!(vm["baseline_cpu"]["date_kind"], "entered");
    assert!(prices.contains_key("USD/KRW (assumption)"));
    for (_, items) in prices {
        for (_, p) in items.as_object().unwrap() {
            assert!(p["value"].is_number() && p["unit"].is_string() && p["source"].is_string());
        }
    }
}

#[test]
fn render_still_works() {
    let out = skyscale(&["render", "stack"]);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("<svg"));
}

/// Display columns of `s` in a terminal: Hangul (and other East Asian wide characters) take
/// two. Written out here rather than taken from the CLI, so the test does not trust the code
/// it checks.
fn terminal_width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFF00..=0xFF60 => 2,
            _ => 1,
        })
        .sum()
}

#[test]
fn the_month_table_lines_up_in_a_terminal_in_both_languages() {
    for lang in ["en", "ko"] {
        let out = skyscale(&["simulate", "--scenario", &format!("lang={lang}&cur=krw")]);
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().skip(1).take(8).collect();
        // The rule under the header gives each column's extent: every row's cells end (numbers,
        // right-aligned) or start (names) at the same display column.
        let rule = lines[1];
        assert!(rule.starts_with("---"), "{text}");
        let ends: Vec<usize> = rule
            .match_indices('-')
            .filter(|(i, _)| !rule[i + 1..].starts_with('-'))
            .map(|(i, _)| i + 1)
            .collect();
        for line in lines.iter().filter(|l| !l.starts_with("---")) {
            assert_eq!(
                terminal_width(line),
                *ends.last().unwrap(),
                "{lang}: {line:?}\n{text}"
            );
            for &end in &ends[..ends.len() - 1] {
                // The column boundary falls on two spaces in every row.
                let mut w = 0;
                let prefix: String = line
                    .chars()
                    .take_while(|&c| {
                        w += terminal_width(&c.to_string());
                        w <= end
                    })
                    .collect();
                let rest = &line[prefix.len()..];
                assert!(
                    rest.starts_with("  "),
                    "{lang}: column at {end} in {line:?}\n{text}"
                );
            }
        }
    }
}

#[test]
fn json_in_won_gives_won_beside_dollars_with_the_rate_and_its_source() {
    let v = json(&["simulate", "--scenario", "cur=krw&krw=1350", "--json"]);
    assert_eq!(v["fx"]["krw_per_usd"], 1350.0);
    assert!(v["fx"]["source"].as_str().unwrap().contains("krw"), "{v}");
    for key in ["onprem", "vm_fixed", "vm_auto", "container", "faas", "saas"] {
        let m = &v["models"][key];
        let usd = m["cost_usd"].as_f64().unwrap();
        // The bill in won is the dollar total converted, in whole won as the table prints it.
        assert_eq!(
            m["cost_krw"].as_f64(),
            Some((usd * 1350.0).round()),
            "{key}"
        );
    }
    // The catalog's rate names its source and the date it was read.
    let v = json(&["simulate", "--scenario", "cur=krw", "--json"]);
    assert_eq!(v["fx"]["krw_per_usd"], 1400.0);
    assert!(
        v["fx"]["read_on"].as_str().unwrap().starts_with("20"),
        "{v}"
    );
    let v = json(&["breakeven", "--scenario", "cur=krw", "--json"]);
    let usd = v["vm"]["monthly_usd"].as_f64().unwrap();
    assert_eq!(
        v["vm"]["monthly_krw"].as_f64(),
        Some((usd * 1400.0).round())
    );
    assert_eq!(v["fx"]["krw_per_usd"], 1400.0);
    // In dollars nothing changes: no won, no rate.
    let v = json(&["simulate", "--scenario", "", "--json"]);
    assert!(v["models"]["faas"]["cost_krw"].is_null() && v["fx"].is_null());
}

#[test]
fn breakeven_reports_every_range_and_the_scenarios_rate_as_the_bill_does() {
    // 14.5 req/s steady: the month bills functions $61.87 and two Fargate containers $71.09.
    // Functions = containers first at 8.35 req/s, then a second container (from 14 req/s)
    // makes functions cheaper again up to 16.7 req/s.
    let q = "pat=steady&peak=15";
    let out = String::from_utf8(skyscale(&["breakeven", "--scenario", q]).stdout).unwrap();
    assert!(!out.contains("Below that"), "{out}");
    assert!(
        out.contains("functions are cheaper than fargate at 0–8.35 and 14–16.7 req/s")
            && out.contains(
                "At a steady 14.5 req/s, this scenario's average, functions would cost $61.87 a month and fargate \
                 $71.09: functions are cheaper"
            ),
        "{out}"
    );
    let ko = String::from_utf8(skyscale(&["breakeven", "--scenario", q, "--lang", "ko"]).stdout)
        .unwrap();
    assert!(
        ko.contains("0–8.35, 14–16.7 요청/초에서 fargate보다 싸고")
            && ko.contains("함수는 월 $61.87, fargate 쪽은 월 $71.09입니다: 함수가 더 쌉니다"),
        "{ko}"
    );
    let v = json(&["breakeven", "--scenario", q, "--json"]);
    let ranges = v["container"]["faas_cheaper_ranges"].as_array().unwrap();
    assert!(ranges.len() >= 2, "{v}");
    assert_eq!(ranges[1]["from_rps"].as_f64(), Some(14.0));
    // Every crossing, as the chart rings them: functions reach the first stair's bill, the
    // fleet steps up past them at 14 req/s, they reach the second stair's.
    let crossings = v["container"]["crossings"].as_array().unwrap();
    let at: Vec<(f64, bool)> = crossings
        .iter()
        .map(|c| {
            (
                c["requests_per_s"].as_f64().unwrap(),
                c["faas_cheaper_above"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(at.len(), 3, "{v}");
    assert_eq!(at[1], (14.0, true));
    assert!(!at[0].1 && !at[2].1);
    assert_eq!(crossings[0]["monthly_usd"].as_f64(), Some(35.55));
    let at = &v["container"]["at_scenario_rate"];
    assert_eq!(at["cheaper"], "faas");
    assert_eq!(at["faas_usd"].as_f64(), Some(61.87));
    assert_eq!(at["fleet_usd"].as_f64(), Some(71.09));
    // Provisioned concurrency is in the curve: 50 environments bill $270 a month more.
    let pc = json(&[
        "breakeven",
        "--scenario",
        "pat=steady&peak=15&pc=50",
        "--json",
    ]);
    assert_eq!(
        pc["container"]["at_scenario_rate"]["faas_usd"].as_f64(),
        Some(309.23)
    );
    assert_eq!(pc["container"]["at_scenario_rate"]["cheaper"], "fleet");
    // One Fargate container: $35.55 billed, ₩49,770 (not ₩49,765 from $35.5464).
    let v = json(&[
        "breakeven",
        "--scenario",
        "cur=krw&pat=steady&peak=15",
        "--json",
    ]);
    assert_eq!(
        v["container"]["instance_usd_per_month"].as_f64(),
        Some(35.55)
    );
    assert_eq!(
        v["container"]["instance_krw_per_month"].as_f64(),
        Some(49_770.0)
    );
    assert_eq!(v["container"]["monthly_krw"].as_f64(), Some(49_770.0));
    let out = String::from_utf8(
        skyscale(&["breakeven", "--scenario", "cur=krw&pat=steady&peak=15"]).stdout,
    )
    .unwrap();
    assert!(out.contains("₩49,770") && !out.contains("₩49,765"), "{out}");
}

/// A keep-warm ping beside provisioned concurrency: the JSON says it is not sent and bills
/// none, the bill is the one without it, and the text's math says why.
#[test]
fn simulate_a_ping_beside_provisioned_concurrency_is_not_sent() {
    let with = json(&[
        "simulate",
        "--scenario",
        "pat=batch&peak=100&pc=10&ping=5",
        "--json",
    ]);
    let without = json(&[
        "simulate",
        "--scenario",
        "pat=batch&peak=100&pc=10",
        "--json",
    ]);
    let f = &with["models"]["faas"];
    assert_eq!(f["keep_warm_pings"], 0.0);
    assert_eq!(f["keep_warm_ping_not_sent_min"], 5);
    assert_eq!(f["cost_usd"], without["models"]["faas"]["cost_usd"]);
    assert_eq!(without["models"]["faas"]["keep_warm_ping_not_sent_min"], 0);
    let out = skyscale(&[
        "simulate",
        "--scenario",
        "pat=batch&peak=100&pc=10&ping=5&math=1",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "Keep-warm pings, one every 5 min: none sent; the 10 provisioned environments"
        ),
        "{text}"
    );
}

#[test]
fn simulate_names_an_unknown_key_and_the_key_it_is_likely_a_typo_of() {
    let v = json(&[
        "simulate",
        "--scenario",
        "peek=2000&pat=flsh&foo=1",
        "--json",
    ]);
    let w: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        w.contains(&"Unknown key “peek” ignored; did you mean Peak traffic (peak)?"),
        "{w:?}"
    );
    assert!(w.contains(&"Unknown key “foo” ignored."), "{w:?}");
    assert!(
        w.iter()
            .any(|m| m.contains("using Business hours (diurnal). Valid values: steady,")),
        "{w:?}"
    );
    let out = skyscale(&["simulate", "--scenario", "peek=2000&lang=ko"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "“peek”: 알 수 없는 키라 무시했습니다. 최대 트래픽(peak) 키를 쓰려던 것인가요?"
        ),
        "{err}"
    );
}

#[test]
fn simulate_explains_timed_out_only_when_a_row_timed_out() {
    let text =
        |q: &str| String::from_utf8(skyscale(&["simulate", "--scenario", q]).stdout).unwrap();
    let calm = text("peak=10");
    assert!(!calm.contains("timed out (> 60 s)"), "{calm}");
    let swamped = text("peak=5000&n=1&quota=1");
    let rows = swamped
        .lines()
        .filter(|l| l.contains("timed out (> 60 s)") && !l.contains(':'));
    assert!(rows.count() >= 1, "{swamped}");
    assert!(
        swamped.contains("timed out (> 60 s): capacity was below demand"),
        "{swamped}"
    );
}
