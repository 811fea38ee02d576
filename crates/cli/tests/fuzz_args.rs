//! Deterministic fuzzing of every CLI argument: a few hundred random and mutated argument
//! vectors for each subcommand, run through the real `skyscale` binary.
//!
//! Whatever the arguments, the binary exits 0 (it worked, or printed help), 2 (bad arguments,
//! one line on stderr) or 1 (an I/O error), never dies of a signal or a panic, never hangs, and
//! never prints `NaN`, `inf` or `-0`. With `--json` and exit 0, stdout is one valid JSON document.
//!
//! Reproduce a failure with `FUZZ_SEED=<n> cargo test -p skyscale-cli --test fuzz_args`.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

/// Mutated vectors per base vector (each subcommand has two or three bases, plus the
/// unmutated base itself, which must succeed).
const PER_BASE: usize = 150;
/// A single run that takes longer than this is a hang.
const TIMEOUT: Duration = Duration::from_secs(30);

/// SplitMix64: tiny, fast, and identical on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const VALUES: &[&str] = &[
    "",
    " ",
    "0",
    "-0",
    "-0.0",
    "-1",
    "1",
    "0.5",
    "1e308",
    "-1e308",
    "1e309",
    "4.9e-324",
    "9999999999999999999999",
    "18446744073709551616",
    "4294967296",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "infinity",
    "1e",
    "0x10",
    "1_000",
    "1,5",
    "１２３",
    " 42 ",
    "가상화",
    "🚀",
    "مرحبا",
    "\u{202E}x",
    "<script>alert(1)</script>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "%ZZ",
    "%00",
    "stack",
    "lanes",
    "serverless",
    "en",
    "ko",
    "EN",
    "lambda",
    "azure",
    "fargate",
    "cloud-run",
    "m5.large",
    "t3.micro",
    "x86_64",
    "arm64",
    "100",
    "=",
    "--",
    "-",
];

const FLAGS: &[&str] = &[
    "--bogus",
    "-x",
    "--",
    "-",
    "--json",
    "--lang",
    "--lang=xx",
    "--scenario",
    "--scenario=peak=NaN",
    "--free-tier",
    "--count",
    "--hours",
    "--requests",
    "--help",
    "-h",
    "-V",
    "help",
];

/// Scenario query strings: valid, hostile and broken (the URL parser is fuzzed on its own in
/// skyscale-core; here they only need to reach the CLI's own code paths).
const SCENARIOS: &[&str] = &[
    "",
    "peak=100000&pat=flash",
    "peak=1e308&cpu=-5&dur=NaN&mem=inf",
    "peak=0&min=0&cmin=0",
    "lang=ko&view=scaling&peak=5000&pat=bursty",
    "pat=batch&gran=100&free=1&legacy=1&dur=900000",
    "quota=1&peak=1000000&dur=3600000",
    "p_req=-1&p_gbs=1e400&p_vm=abc&krw=0&cur=krw",
    "min=100000&max=1&cmin=5&cmax=1",
    "%ZZ&&==&=x&peak",
    "view=<script>&lang=\u{202E}&theme=\"><svg onload=alert(1)>",
    "peak=%F0%9F%9A%80&seed=99999999999999999999999",
];

/// The valid argument vectors to start from: one or more per subcommand.
fn bases(commands: &[String]) -> Vec<Vec<String>> {
    let v = |args: &[&str]| args.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mut all = Vec::new();
    if commands.iter().any(|c| c == "render") {
        for view in ["stack", "serverless", "lanes"] {
            all.push(v(&[
                "render",
                view,
                "--lang",
                "ko",
                "--scenario",
                "peak=500",
                "-o",
                "-",
            ]));
        }
    }
    if commands.iter().any(|c| c == "price") {
        all.push(v(&[
            "price",
            "faas",
            "--requests",
            "1000000",
            "--duration-ms",
            "120",
            "--memory-mb",
            "512",
            "--arch",
            "arm64",
            "--free-tier",
            "--granularity-ms",
            "1",
            "--service",
            "lambda",
            "--json",
        ]));
        all.push(v(&[
            "price",
            "vm",
            "--instance",
            "m5.large",
            "--count",
            "3",
            "--hours",
            "720",
            "--lang",
            "ko",
        ]));
        all.push(v(&common::args(
            &common::FARGATE_1_VCPU_2_GB,
            &["--count", "2", "--hours", "100", "--json"],
        )));
    }
    if commands.iter().any(|c| c == "simulate") {
        all.push(v(&[
            "simulate",
            "--scenario",
            "peak=300&pat=diurnal",
            "--json",
        ]));
        all.push(v(&["simulate", "--scenario", "", "--lang", "ko"]));
    }
    if commands.iter().any(|c| c == "breakeven") {
        all.push(v(&["breakeven", "--scenario", "cpu=20", "--json"]));
        all.push(v(&["breakeven", "--lang", "en"]));
    }
    all
}

/// The subcommands this build of the binary has (from `skyscale --help`).
fn subcommands() -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_skyscale"))
        .arg("--help")
        .output()
        .expect("skyscale runs");
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(String::from)
        .collect()
}

/// One mutated copy of `base`, as OS strings (some not valid UTF-8).
fn mutate(rng: &mut Rng, base: &[String]) -> Vec<OsString> {
    if rng.below(10) < 4 {
        // Gentle: keep the shape, change the numbers (any magnitude) and the scenario, so
        // most of these runs get past argument parsing into the subcommand's own code.
        let mut args = base.to_vec();
        for i in 1..args.len() {
            if args[i].parse::<f64>().is_ok() && args[i - 1] != "--granularity-ms" {
                let digits = rng.below(17) as i32;
                let x = (rng.next() % 1_000_000) as f64 / 1e6 * 10f64.powi(digits);
                args[i] = if rng.below(2) == 0 {
                    format!("{}", x.round())
                } else {
                    format!("{x}")
                };
            } else if args[i - 1] == "--scenario" {
                args[i] = rng.pick(SCENARIOS).to_string();
            }
        }
        return args.into_iter().map(OsString::from).collect();
    }
    let mut args: Vec<OsString> = base.iter().map(OsString::from).collect();
    for _ in 0..1 + rng.below(4) {
        // Index 0 (the subcommand) is kept most of the time so the subcommand's code is reached.
        let from = if rng.below(10) == 0 { 0 } else { 1 };
        let at = if args.len() > from {
            from + rng.below(args.len() - from)
        } else {
            0
        };
        match rng.below(10) {
            0..=3 if at < args.len() => args[at] = rng.pick(VALUES).into(),
            4 if at < args.len() => {
                args.remove(at);
            }
            5 if at < args.len() => {
                let copy = args[at].clone();
                args.insert(at, copy);
            }
            6 => args.insert(at.min(args.len()), rng.pick(FLAGS).into()),
            7 if args.len() > 2 => {
                let other = rng.below(args.len());
                let at = at.min(args.len() - 1);
                args.swap(at, other);
            }
            8 => {
                let q = rng.pick(SCENARIOS);
                if let Some(i) = args.iter().position(|a| a == "--scenario")
                    && i + 1 < args.len()
                {
                    args[i + 1] = q.into();
                    continue;
                }
                args.push(format!("--scenario={q}").into());
            }
            _ => {
                // Hostile bytes: invalid UTF-8, a long argument, or an embedded newline.
                let value = match rng.below(4) {
                    0 => OsString::from_vec(vec![0xFF, 0xFE, b'1']),
                    1 => "9".repeat(1 + rng.below(100_000)).into(),
                    2 => "1\n2".into(),
                    _ => "가".repeat(1000).into(),
                };
                if at < args.len() {
                    args[at] = value;
                } else {
                    args.push(value);
                }
            }
        }
    }
    args
}

/// Keeps every file the binary may write inside `dir`: whatever follows `-o`/`--out` becomes
/// one of a few safe names (or a path whose folder does not exist: an I/O error, exit 1).
fn confine_output(rng: &mut Rng, args: &mut [OsString], dir: &Path) {
    let safe = |rng: &mut Rng| -> OsString {
        match rng.below(3) {
            0 => "-".into(),
            1 => dir.join("out.svg").into(),
            _ => dir.join("no-such-dir").join("x.svg").into(),
        }
    };
    for i in 0..args.len() {
        let a = args[i].to_string_lossy().into_owned();
        if a == "-o" || a == "--out" {
            if i + 1 < args.len() {
                args[i + 1] = safe(rng);
            }
        } else if a.starts_with("--out=") || (a.starts_with("-o") && a.len() > 2) {
            let mut s = OsString::from("--out=");
            s.push(safe(rng));
            args[i] = s;
        } else if a.starts_with('-') && !a.starts_with("--") && a.contains('o') {
            // Clustered short flags such as `-ho` would take the next argument as the file.
            args[i] = "-h".into();
        }
    }
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[OsString], dir: &Path) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skyscale"))
        .args(args)
        .current_dir(dir)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("skyscale starts");
    // Read the pipes on threads so a large output cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = |pipe: &mut dyn std::io::Read| {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        String::from_utf8_lossy(&buf).into_owned()
    };
    let (stdout, stderr, code) = std::thread::scope(|s| {
        let o = s.spawn(|| reader(&mut out));
        let e = s.spawn(|| reader(&mut err));
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = child.kill();
                panic!("skyscale hung for {TIMEOUT:?} on {args:?}");
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        (o.join().unwrap(), e.join().unwrap(), status.code())
    });
    Run {
        code,
        stdout,
        stderr,
    }
}

/// `NaN` or `inf` as a word anywhere in the output.
fn has_nan_or_inf(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("nan") || w.eq_ignore_ascii_case("inf"))
}

fn check(args: &[OsString], dir: &Path) -> i32 {
    let r = run(args, dir);
    let shown = format!("{args:?}");
    let shown: String = shown.chars().take(400).collect();
    assert!(
        !r.stderr.contains("panicked"),
        "panic on {shown}: {}",
        r.stderr
    );
    let code = r
        .code
        .unwrap_or_else(|| panic!("killed by a signal on {shown}: {}", r.stderr));
    assert!(
        matches!(code, 0..=2),
        "exit {code} on {shown}: {}",
        r.stderr
    );
    if code == 2 {
        assert!(!r.stderr.trim().is_empty(), "exit 2 says nothing: {shown}");
    }
    if code == 1 {
        // Exit 1 is for I/O errors only, and only `render -o` touches files.
        let writes = args.iter().any(|a| {
            let a = a.to_string_lossy();
            a == "-o" || a == "--out" || a.starts_with("--out=")
        });
        assert!(
            writes,
            "exit 1 without a file to write: {shown}: {}",
            r.stderr
        );
        assert!(!r.stderr.trim().is_empty(), "exit 1 says nothing: {shown}");
    }
    // Inputs may be echoed back (in "invalid value 'NaN'" messages), so NaN/inf is only
    // forbidden in successful output, where every number must be a real one.
    if code == 0 {
        let help = args.iter().any(|a| {
            let a = a.to_string_lossy();
            matches!(a.as_ref(), "-h" | "--help" | "-V" | "--version" | "help")
        });
        let json = args.iter().any(|a| a == "--json");
        if !help && json && !r.stdout.trim().is_empty() {
            // JSON cannot hold NaN or infinity, so parsing is the check (the warnings inside
            // may quote a given "NaN" back, as text).
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&r.stdout);
            assert!(
                parsed.is_ok(),
                "--json output is not JSON for {shown}:\n{}",
                r.stdout
            );
        } else if !help {
            assert!(
                !has_nan_or_inf(&r.stdout),
                "NaN/inf in the output of {shown}:\n{}",
                r.stdout
            );
        }
        // A zero reads 0, whatever sign it was given or computed with.
        if !help {
            assert_eq!(
                common::negative_zero(&r.stdout),
                None,
                "-0 in the output of {shown}"
            );
        }
    }
    code
}

fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("skyscale-fuzz-args-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_subcommand_survives_random_and_mutated_arguments() {
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0xA465);
    let commands = subcommands();
    assert!(
        commands.iter().any(|c| c == "render"),
        "no render in {commands:?}"
    );
    let bases = bases(&commands);
    let dir = scratch_dir();

    // Two workers: the runs are mostly process start-up, and the machine is shared.
    let counts = std::thread::scope(|s| {
        let workers: Vec<_> = (0..2u64)
            .map(|w| {
                let (bases, dir) = (&bases, &dir);
                s.spawn(move || {
                    let mut rng = Rng(seed ^ (w << 32));
                    let mut counts = [0usize; 3];
                    for (i, base) in bases.iter().enumerate() {
                        if i as u64 % 2 != w {
                            continue;
                        }
                        let args: Vec<OsString> = base.iter().map(OsString::from).collect();
                        assert_eq!(check(&args, dir), 0, "the base case {base:?} must work");
                        for _ in 0..PER_BASE {
                            let mut args = mutate(&mut rng, base);
                            confine_output(&mut rng, &mut args, dir);
                            counts[check(&args, dir) as usize] += 1;
                        }
                    }
                    counts
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap())
            .fold([0; 3], |a, b| [a[0] + b[0], a[1] + b[1], a[2] + b[2]])
    });
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!(
        "fuzz_args: {commands:?}: exit 0 ×{}, 1 ×{}, 2 ×{}",
        counts[0], counts[1], counts[2]
    );
    // The fuzzer reaches both the happy path and argument errors.
    assert!(counts[0] > 50 && counts[2] > 50, "{counts:?}");
}
