//! `-0` never prints: every number the CLI echoes or computes, in JSON and in tables, reads `0`
//! when it is zero, whatever sign the argument or the scenario gave it.

use skyscale_core::scenario::CONTROL_KEYS;

mod common;
use common::negative_zero;

/// Runs `skyscale ARGS`, expecting success; returns stdout.
fn run(args: &[&str]) -> String {
    let out = common::skyscale(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A JSON number that is zero with its sign bit set.
fn json_negative_zero(v: &serde_json::Value, at: &str) -> Option<String> {
    match v {
        serde_json::Value::Number(n) => n
            .as_f64()
            .filter(|x| *x == 0.0 && x.is_sign_negative())
            .map(|_| at.to_string()),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, v)| json_negative_zero(v, &format!("{at}[{i}]"))),
        serde_json::Value::Object(m) => m
            .iter()
            .find_map(|(k, v)| json_negative_zero(v, &format!("{at}.{k}"))),
        _ => None,
    }
}

fn check(args: &[&str]) {
    let out = run(args);
    assert_eq!(negative_zero(&out), None, "{args:?} printed -0:\n{out}");
    if args.contains(&"--json") {
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json_negative_zero(&v, ""), None, "{args:?}: {out}");
    }
}

#[test]
fn the_detector_finds_what_a_reader_would_call_minus_zero() {
    for s in ["-0", "a -0.0 b", "(-$0.00)", "-₩0", "\"x\":-0.0}", "−0"] {
        assert!(negative_zero(s).is_some(), "{s}");
    }
    for s in [
        "-0.5",
        "-05",
        "2025-06-30",
        "0",
        "-1",
        "m5-0",
        "10-20",
        "-$0.01",
        "- 0",
    ] {
        assert_eq!(negative_zero(s), None, "{s}");
    }
}

#[test]
fn price_echoes_no_negative_zero() {
    let faas = [
        "price",
        "faas",
        "--requests",
        "1000",
        "--duration-ms",
        "100",
        "--memory-mb",
        "512",
    ];
    let vm = ["price", "vm", "--instance", "m5.large", "--hours", "720"];
    let ctr = common::args(&common::FARGATE_1_VCPU_2_GB, &["--hours", "720"]);
    for base in [&faas[..], &vm[..], &ctr[..]] {
        // Each number that accepts a zero, given as -0 (the others' ranges reject it).
        for flag in ["--requests", "--duration-ms", "--hours"] {
            let Some(at) = base.iter().position(|a| *a == flag) else {
                continue;
            };
            let mut args: Vec<&str> = base.to_vec();
            args[at + 1] = "-0";
            for extra in [&[][..], &["--json"][..], &["--lang", "ko"][..]] {
                let mut all = args.clone();
                all.extend_from_slice(extra);
                check(&all);
            }
        }
    }
}

#[test]
fn scenarios_with_minus_zero_print_no_negative_zero() {
    // Every control's key at -0 at once, and each alone for the JSON (clamped keys included).
    let keys: Vec<&str> = CONTROL_KEYS
        .iter()
        .copied()
        .filter(|k| *k != "all")
        .collect();
    let all = keys
        .iter()
        .map(|k| format!("{k}=-0"))
        .collect::<Vec<_>>()
        .join("&");
    for q in [
        all.as_str(),
        "peak=-0&krw=-0&cur=krw",
        "p_req=-0&p_gbs=-0&p_vm=-0",
    ] {
        for cmd in ["simulate", "breakeven"] {
            check(&[cmd, "--scenario", q, "--json"]);
            check(&[cmd, "--scenario", q]);
            check(&[cmd, "--scenario", q, "--lang", "ko"]);
        }
        for chart in ["traffic", "cost", "latency", "breakeven"] {
            check(&["render", chart, "--format", "csv", "--scenario", q]);
        }
        for view in ["stack", "lanes", "traffic", "breakeven", "microservices"] {
            check(&["render", view, "--scenario", q]);
        }
    }
    for k in keys {
        check(&["simulate", "--scenario", &format!("{k}=-0"), "--json"]);
    }
}
