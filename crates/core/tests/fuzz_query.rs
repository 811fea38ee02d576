//! Deterministic fuzzing of the URL query parser: `Scenario::from_query` takes whatever a link,
//! a course page or a hostile user puts after the `?`.
//!
//! 100,000+ generated and mutated queries (huge numbers, negatives, NaN/inf text, Hangul, emoji,
//! right-to-left text, valid and broken percent-escapes, repeated and empty keys, 100 KB values)
//! must never panic; every number must come out finite and within its limits; the value that
//! counts for each known key (the last, when a key repeats) must be reported as a `Warning` when
//! it is bad, and no warning may be about a value that was fine; each repair is said once; and
//! serialising the result and parsing it again must be a fixed point with no warnings and no
//! `NaN`/`inf` in the text.
//!
//! The generator is a seeded SplitMix64, so a failure names a case that reproduces exactly:
//! `FUZZ_SEED=<n> FUZZ_CASES=<m> cargo test -p skyscale-core --test fuzz_query`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use skyscale_core::chart::Chart;
use skyscale_core::money::Currency;
use skyscale_core::scenario::{
    Arch, ContainerService, FaasService, Module, Pattern, QUERY_KEYS, Reason, Runtime, Section,
    Speed, Theme, View, Warning, limits, pairs,
};
use skyscale_core::{Lang, Scenario};

/// Every key `from_query` reads (from `crates/core/src/scenario.rs`; the test below checks that
/// each one written by `to_query` is in this list, so a new key cannot slip past the fuzzer).
const KEYS: &[&str] = &[
    "view", "lang", "theme", "pat", "peak", "seed", "cpu", "dur", "mem", "head", "cores", "vm",
    "n", "tgt", "min", "max", "cd", "boot", "ctr", "vcpu", "gb", "cmin", "cmax", "ctgt", "faas",
    "arch", "free", "gran", "pc", "quota", "legacy", "rt", "warm", "seats", "p_req", "p_gbs",
    "p_vm", "p_vcpu", "p_gbh", "p_srv", "p_ops", "p_seat", "cur", "krw", "fail", "deploy", "hop",
    "chart", "speed", "math", "open", "ping",
];

/// Numeric keys and their limits (prices are optional numbers, checked separately).
const NUMERIC: &[(&str, (f64, f64))] = &[
    ("peak", limits::PEAK_RPS),
    ("cpu", limits::CPU_MS),
    ("dur", limits::DURATION_MS),
    ("mem", limits::MEMORY_MB),
    ("head", limits::HEADROOM_PCT),
    ("cores", limits::CORES),
    ("n", limits::FIXED_COUNT),
    ("tgt", limits::TARGET_PCT),
    ("min", limits::COUNT),
    ("max", limits::FIXED_COUNT),
    ("cd", limits::COOLDOWN_S),
    ("boot", limits::BOOT_S),
    ("vcpu", limits::VCPU),
    ("gb", limits::MEMORY_GB),
    ("cmin", limits::COUNT),
    ("cmax", limits::FIXED_COUNT),
    ("ctgt", limits::TARGET_PCT),
    ("pc", limits::COUNT),
    ("quota", limits::QUOTA),
    ("warm", limits::WARM_MIN),
    ("ping", limits::PING_MIN),
    ("seats", limits::SEATS),
    ("krw", limits::KRW_PER_USD),
    ("hop", limits::HOP_MS),
];
const PRICES: &[&str] = &[
    "p_req", "p_gbs", "p_vm", "p_vcpu", "p_gbh", "p_srv", "p_ops", "p_seat",
];

/// SplitMix64: tiny, fast, good enough to spread inputs, and identical on every machine.
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
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The valid codes of each coded key (from the enums themselves, so they never go stale).
fn codes(key: &str) -> Vec<String> {
    fn all<T: Copy>(items: &[T], code: fn(T) -> &'static str) -> Vec<String> {
        items.iter().map(|&t| code(t).to_string()).collect()
    }
    match key {
        "view" => all(&View::ALL, View::code),
        "lang" => all(&Lang::ALL, Lang::code),
        "theme" => all(&Theme::ALL, Theme::code),
        "pat" => all(Pattern::ALL, Pattern::code),
        "ctr" => all(ContainerService::ALL, ContainerService::code),
        "faas" => all(FaasService::ALL, FaasService::code),
        "arch" => all(Arch::ALL, Arch::code),
        "rt" => all(Runtime::ALL, Runtime::code),
        "cur" => all(&Currency::ALL, Currency::code),
        "fail" | "deploy" => {
            let mut v = all(Module::ALL, Module::code);
            v.push("none".into());
            v
        }
        "vm" => skyscale_core::catalog::catalog()
            .vm_ids()
            .into_iter()
            .map(String::from)
            .collect(),
        "free" | "legacy" => ["0", "1", "true", "false", "on", "off", "yes", "no"]
            .map(String::from)
            .to_vec(),
        "gran" => vec!["1".into(), "100".into()],
        "chart" => Chart::ALL.iter().map(|c| c.code().to_string()).collect(),
        "speed" => all(Speed::ALL, Speed::code),
        "math" => codes("free"),
        "open" => {
            let mut v = all(Section::ALL, Section::code);
            v.extend(["none", "vm,faas", "onprem,ctr", "faas,vm,vm", ""].map(String::from));
            v
        }
        _ => Vec::new(),
    }
}

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "+0",
    "1",
    "-1",
    "0.5",
    ".5",
    "5.",
    "1e3",
    "1E3",
    "-1e3",
    "1e308",
    "-1e308",
    "1.7976931348623157e308",
    "1.8e308",
    "1e309",
    "4.9e-324",
    "1e-400",
    "2.2250738585072014e-308",
    "9999999999999999999999",
    "-9999999999999999999999",
    "18446744073709551616",
    "4294967296",
    "4294967295",
    "2147483648",
    "NaN",
    "nan",
    "-NaN",
    "inf",
    "-inf",
    "+inf",
    "infinity",
    "-Infinity",
    "INF",
    "1e",
    "e5",
    ".",
    "-",
    "+",
    "--1",
    "1.2.3",
    "0x10",
    "1_000",
    "1,5",
    "١٢٣",
    "１２３",
    " 42 ",
    "\t7",
    "42abc",
    "100%",
    "1/0",
    "0.1e-0",
];

const TEXTS: &[&str] = &[
    "",
    " ",
    "가상화",
    "서버리스 컴퓨팅",
    "🚀",
    "👩‍💻🔥",
    "مرحبا",
    "\u{202E}gnp.exe",
    "\u{200B}",
    "e\u{301}",
    "\u{FEFF}stack",
    "\0",
    "\u{7}\u{1b}[31m",
    "<script>alert(1)</script>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "../../etc/passwd",
    "STACK",
    "Stack",
    " stack",
    "\u{FFFD}",
    "𝕊𝕜𝕪",
];

const ESCAPES: &[&str] = &[
    "%",
    "%%",
    "%2",
    "%Z1",
    "%zz",
    "%G0",
    "%41",
    "%2541",
    "%00",
    "%FF",
    "%FE%FF",
    "%C3",
    "%C3%A9",
    "%E2%82",
    "%F0%9F%9A%80",
    "%ED%A0%80",
    "%C0%AF",
    "%26",
    "%3D",
    "%3F",
    "%23",
    "%2B",
    "+",
    "%20",
    "%0A",
    "%0D%0A",
    "%E",
    "%%41",
];

/// Percent-encodes every byte, or only the unsafe ones, or none (the parser must cope).
fn encode(rng: &mut Rng, s: &str) -> String {
    match rng.below(4) {
        0 => s.bytes().map(|b| format!("%{b:02X}")).collect(),
        1 => s
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02x}")
                }
            })
            .collect(),
        _ => s.to_string(),
    }
}

/// One value: valid codes and numbers, hostile numbers, unicode text, escapes, or a mix.
fn value(rng: &mut Rng, key: &str, long_budget: &mut usize) -> String {
    let valid = codes(key);
    match rng.below(20) {
        0..=3 if !valid.is_empty() => valid[rng.below(valid.len())].clone(),
        0..=3 => {
            // An in-range number for a numeric key, or any number.
            let (lo, hi) = NUMERIC
                .iter()
                .find(|(k, _)| *k == key)
                .map_or((0.0, 1000.0), |(_, r)| *r);
            let x = lo + (hi - lo) * rng.unit();
            if rng.chance(50) {
                format!("{}", x.round())
            } else {
                format!("{x}")
            }
        }
        4..=7 => rng.pick(NUMBERS).to_string(),
        8 => format!("{}", (rng.next() as i64)),
        9 => format!("{:e}", f64::from_bits(rng.next())), // any bit pattern: NaN, inf, subnormal
        10 => format!("{}", f64::from_bits(rng.next())),
        11..=12 => rng.pick(TEXTS).to_string(),
        13..=14 => {
            let mut s = String::new();
            for _ in 0..rng.below(6) {
                s.push_str(match rng.below(3) {
                    0 => rng.pick(ESCAPES),
                    1 => rng.pick(NUMBERS),
                    _ => rng.pick(TEXTS),
                });
            }
            s
        }
        15 => {
            let text = rng_text(rng);
            encode(rng, &text)
        }
        16 if *long_budget > 0 => {
            // 100 KB values are slow to build in debug builds: a few hundred of them.
            *long_budget -= 1;
            let unit = rng.pick(&["9", "가", "🚀", "%41", "%", "a&b=c", "1e308"]);
            unit.repeat(100 * 1024 / unit.len())
        }
        16 => "7".repeat(1 + rng.below(5000)),
        _ => {
            // Random characters from every plane, including ones that mean something in a query.
            rng_text(rng)
        }
    }
}

fn rng_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(24) {
        match rng.below(7) {
            0 => s.push_str(rng.pick(&["&", "=", "%", "+", "?", "#", ";", " "])),
            1 => s.push('가'),
            2 => s.push('😀'),
            3 => s.push('\u{5D0}'),
            // Any scalar value from any plane (surrogates become U+FFFD).
            4 => s.push(char::from_u32(rng.next() as u32 % 0x11_0000).unwrap_or('\u{FFFD}')),
            _ => s.push(char::from(b'a' + rng.below(26) as u8)),
        }
    }
    s
}

/// A key: mostly real ones (some percent-encoded, some in the wrong case), some empty or junk.
/// Returns the text and, when it will decode to a real key, that key.
fn key(rng: &mut Rng) -> (String, Option<&'static str>) {
    let k = KEYS[rng.below(KEYS.len())];
    match rng.below(20) {
        0..=13 => (k.to_string(), Some(k)),
        14 => (encode(rng, k), Some(k)),
        15 => (k.to_uppercase(), None),
        16 => (String::new(), None),
        17 => (format!("{k} "), None),
        18 => (rng.pick(TEXTS).to_string(), None),
        _ => (rng_text(rng), None),
    }
}

/// A generated query, with the (key, value) pairs it is made of when they are known exactly.
fn generate(rng: &mut Rng, long_budget: &mut usize) -> (String, Vec<(&'static str, String)>) {
    let mut query = String::new();
    let mut known = Vec::new();
    if rng.chance(10) {
        query.push('?');
    }
    for i in 0..rng.below(14) {
        if i > 0 || rng.chance(5) {
            query.push_str(if rng.chance(3) { "&&" } else { "&" });
        }
        let (k, real) = key(rng);
        let v = value(rng, real.unwrap_or("x"), long_budget);
        query.push_str(&k);
        match rng.below(12) {
            0 => {} // a bare key
            1 => {
                query.push_str("==");
                query.push_str(&v);
            }
            2 => {
                // Encoded value: decoding must give back exactly `v`.
                query.push('=');
                query.push_str(&v.bytes().map(|b| format!("%{b:02X}")).collect::<String>());
                if let Some(real) = real.filter(|_| !k.contains('%')) {
                    known.push((real, v));
                }
            }
            _ => {
                query.push('=');
                query.push_str(&v);
                let plain = !v.contains(['&', '%', '+', '#']) && !k.contains('%');
                if let Some(real) = real.filter(|_| plain) {
                    known.push((real, v));
                }
            }
        }
    }
    (query, known)
}

/// Mutates a valid serialised query: byte-level edits that keep it a `str`.
fn mutate(rng: &mut Rng, q: &str) -> String {
    let mut chars: Vec<char> = q.chars().collect();
    for _ in 0..1 + rng.below(6) {
        let at = if chars.is_empty() {
            0
        } else {
            rng.below(chars.len() + 1)
        };
        let insert: Vec<char> = match rng.below(6) {
            0 => vec!['&'],
            1 => vec!['='],
            2 => vec!['%'],
            3 => rng.pick(NUMBERS).chars().collect(),
            4 => rng.pick(TEXTS).chars().collect(),
            _ => rng.pick(ESCAPES).chars().collect(),
        };
        match rng.below(3) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 if at < chars.len() => {
                chars.splice(at..at + 1, insert);
            }
            _ => {
                chars.splice(at..at, insert);
            }
        }
    }
    chars.into_iter().collect()
}

/// Whether `from_query` must report this value for this key.
fn must_warn(key: &str, value: &str) -> bool {
    let v = value.trim();
    let number = v.parse::<f64>().ok().filter(|x| x.is_finite());
    if let Some((_, (lo, hi))) = NUMERIC.iter().find(|(k, _)| *k == key) {
        return number.is_none_or(|x| x < *lo || x > *hi);
    }
    if PRICES.contains(&key) {
        return !v.is_empty() && number.is_none_or(|x| !(0.0..=limits::PRICE_USD.1).contains(&x));
    }
    match key {
        // A number reads the same however it is spelt (`7.0`, `007`, `7e0`, `+7`).
        "seed" => {
            v.trim_start_matches('+').parse::<u64>().is_err()
                && !number.is_some_and(|x| {
                    x.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(&x)
                })
        }
        "gran" => !matches!(number, Some(1.0 | 100.0)),
        "speed" => !number.is_some_and(|x| Speed::ALL.iter().any(|s| s.factor() == x)),
        "fail" | "deploy" => !v.is_empty() && !codes(key).iter().any(|c| c == v),
        "free" | "legacy" | "math" => {
            !matches!(number, Some(0.0 | 1.0))
                && !codes(key).iter().any(|c| c.eq_ignore_ascii_case(v))
        }
        // These take more spellings than the codes written back (`ko-KR`, `USD`, `won`).
        "lang" => Lang::from_code(v).is_none(),
        "cur" => Currency::from_code(v).is_none(),
        "open" => v
            .split(',')
            .map(str::trim)
            .any(|g| !g.is_empty() && g != "none" && Section::from_code(g).is_none()),
        _ => !codes(key).iter().any(|c| c == v),
    }
}

fn numbers(s: &Scenario) -> Vec<(&'static str, f64)> {
    vec![
        ("peak", s.traffic.peak_rps),
        ("cpu", s.workload.cpu_ms),
        ("dur", s.workload.duration_ms),
        ("mem", s.workload.memory_mb),
        ("head", s.onprem.headroom_pct),
        ("cores", s.onprem.cores_per_server),
        ("n", s.vm.fixed_count.into()),
        ("tgt", s.vm.target_pct),
        ("min", s.vm.min.into()),
        ("max", s.vm.max.into()),
        ("cd", s.vm.cooldown_s),
        ("boot", s.vm.boot_s),
        ("vcpu", s.container.vcpu),
        ("gb", s.container.memory_gb),
        ("cmin", s.container.min_instances.into()),
        ("cmax", s.container.max_instances.into()),
        ("ctgt", s.container.target_pct),
        ("pc", s.faas.provisioned.into()),
        ("quota", s.faas.quota.into()),
        ("warm", s.faas.warm_min.into()),
        ("ping", s.faas.ping_min.into()),
        ("seats", s.saas.seats.into()),
        ("krw", s.krw_per_usd),
        ("hop", s.msa.hop_ms),
    ]
}

fn prices(s: &Scenario) -> [Option<f64>; 8] {
    let p = &s.prices;
    [
        p.usd_per_million_requests,
        p.usd_per_gb_s,
        p.vm_usd_per_hour,
        p.usd_per_vcpu_hour,
        p.usd_per_gb_hour,
        p.server_usd,
        p.opex_usd_per_server_month,
        p.usd_per_seat_month,
    ]
}

fn short(q: &str) -> String {
    let mut s: String = q.chars().take(300).collect();
    if s.len() < q.len() {
        s.push_str(&format!("… ({} bytes)", q.len()));
    }
    format!("{s:?}")
}

/// What one checked query showed.
struct Checked {
    /// The serialised scenario (fed back as a seed for mutations).
    query: String,
    warnings: usize,
    /// How many bad values for known keys had to be (and were) reported.
    reported: usize,
}

/// Every property, for one query.
fn check(q: &str, known: &[(&str, String)]) -> Checked {
    let parsed = catch_unwind(AssertUnwindSafe(|| Scenario::from_query(q)));
    let (s, warnings) = parsed.unwrap_or_else(|_| panic!("from_query panicked on {}", short(q)));

    for (key, x) in numbers(&s) {
        let (lo, hi) = NUMERIC.iter().find(|(k, _)| *k == key).unwrap().1;
        assert!(
            x.is_finite() && x >= lo && x <= hi,
            "{key} = {x} outside [{lo}, {hi}] from {}",
            short(q)
        );
    }
    for (key, p) in PRICES.iter().zip(prices(&s)) {
        if let Some(x) = p {
            assert!(
                x.is_finite() && (0.0..=limits::PRICE_USD.1).contains(&x),
                "{key} = {x} from {}",
                short(q)
            );
        }
    }
    assert!(s.vm.min <= s.vm.max, "vm min > max from {}", short(q));
    assert!(
        s.container.min_instances <= s.container.max_instances,
        "container min > max from {}",
        short(q)
    );

    // The value that counts for each key is its last one. Where the generator knows the pairs
    // exactly, they agree with what the parser decoded.
    let decoded = pairs(q);
    let last = |key: &str| decoded.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
    for (key, v) in known {
        let (n, total) = (
            decoded.iter().filter(|(k, x)| k == key && x == v).count(),
            decoded.iter().filter(|(k, _)| k == key).count(),
        );
        assert!(
            n >= 1 && total >= 1,
            "{key}={v:?} not decoded from {}",
            short(q)
        );
    }
    let mut reported = 0;
    for key in KEYS {
        let Some(v) = last(key) else { continue };
        let warned = warnings.iter().any(|w| w.key == *key);
        if must_warn(key, v) {
            reported += 1;
            assert!(warned, "{key}={v:?} was not reported; query {}", short(q));
        }
    }
    // A key no part of Skyscale reads is reported (under its first 40 characters), and a
    // report of an unknown key names one the query gave.
    let prefix = |k: &str| k.chars().take(40).collect::<String>();
    for (k, _) in &decoded {
        let tracking =
            k.starts_with("utm_") || ["fbclid", "gclid", "msclkid"].contains(&k.as_str());
        if !k.is_empty() && !QUERY_KEYS.contains(&k.as_str()) && !tracking {
            assert!(
                warnings
                    .iter()
                    .any(|w| w.key == prefix(k) && matches!(w.reason, Reason::UnknownKey { .. })),
                "unknown key {k:?} not reported in {}",
                short(q)
            );
        }
    }
    for w in &warnings {
        check_warning(w, q);
        if matches!(w.reason, Reason::UnknownKey { .. }) {
            assert!(
                decoded
                    .iter()
                    .any(|(k, _)| prefix(k) == w.key && !QUERY_KEYS.contains(&k.as_str())),
                "{w:?} for a key not given: {}",
                short(q)
            );
            continue;
        }
        let given = decoded.iter().filter(|(k, _)| *k == w.key).count();
        // A minimum above its maximum is a repair of the pair, whatever the minimum's text was.
        if matches!(w.reason, Reason::AboveMaximum { .. }) {
            continue;
        }
        // No warning about a value that was fine, none repeated, and none counted more often
        // than its key was given.
        let v = last(&w.key).unwrap_or_else(|| panic!("{w:?} for a key not given: {}", short(q)));
        assert!(
            must_warn(&w.key, v),
            "{w:?} about a good value {v:?} in {}",
            short(q)
        );
        assert!(
            (w.count as usize) <= given,
            "{w:?} counted more than the {given} times {} was given",
            w.key
        );
        let same = warnings
            .iter()
            .filter(|x| x.key == w.key && x.given == w.given)
            .count();
        assert_eq!(same, 1, "{w:?} said more than once in {}", short(q));
    }

    let q1 = s.to_query();
    let lower = q1.to_ascii_lowercase();
    assert!(
        !lower.contains("nan") && !lower.contains("inf"),
        "NaN/inf in {q1} from {}",
        short(q)
    );
    // Every limit is ≥ 0, so no value is negative (nor negative zero).
    assert!(
        !q1.split('&').any(|p| p.contains("=-")),
        "negative value in {q1} from {}",
        short(q)
    );
    let (s2, w2) = Scenario::from_query(&q1);
    assert_eq!(s2, s, "re-parse differs: {q1} from {}", short(q));
    assert!(w2.is_empty(), "{q1} re-parses with warnings {w2:?}");
    assert_eq!(s2.to_query(), q1, "not a fixed point: from {}", short(q));
    Checked {
        query: q1,
        warnings: warnings.len(),
        reported,
    }
}

fn check_warning(w: &Warning, q: &str) {
    assert!(
        w.given.chars().count() <= 41,
        "warning echoes {} chars",
        w.given.len()
    );
    assert!(w.key.chars().count() <= 40);
    let used = w.used.to_ascii_lowercase();
    assert!(
        !used.contains("nan") && !used.contains("inf"),
        "warning falls back to {:?} for {}",
        w.used,
        short(q)
    );
    for lang in Lang::ALL {
        assert!(!w.message(lang).is_empty());
    }
    // A Korean reader gets the field's visible name, not the link's key in brackets, and a
    // sentence that says what was done (not "… 값을 씁니다").
    let ko = w.message(Lang::Ko);
    if !skyscale_core::scenario::control_label(&w.key).is_empty() {
        assert!(!ko.contains(&format!("({})", w.key)), "{ko}");
    }
    assert!(!ko.contains("씁니다"), "{ko}");
    // A clamped or capped number reads as the range and the fields write it (65,536).
    if let (Reason::OutOfRange { .. } | Reason::AboveMaximum { .. }, Ok(x)) =
        (&w.reason, w.used.parse::<f64>())
    {
        let shown = skyscale_core::scenario::bound_text(x);
        for lang in Lang::ALL {
            assert!(w.message(lang).contains(&shown), "{}", w.message(lang));
        }
        if matches!(w.reason, Reason::OutOfRange { .. }) {
            assert!(ko.contains(&format!("({shown})으로 맞췄습니다")), "{ko}");
        }
    }
}

/// `-0` is in range (-0.0 == 0.0) and used to be kept and written back as `peak=-0` (the app
/// would show "-0"); found by the fuzzer above, now folded to 0 by the parser.
#[test]
fn negative_zero_is_plain_zero() {
    for (key, _) in NUMERIC.iter().filter(|(_, (lo, _))| *lo == 0.0) {
        let (s, _) = Scenario::from_query(&format!("{key}=-0"));
        let q = s.to_query();
        assert!(!q.contains("-0"), "{key}=-0 is written back as {q}");
        for (k, x) in numbers(&s) {
            assert!(x.is_sign_positive(), "{k} is {x}");
        }
    }
    let (s, _) = Scenario::from_query("p_req=-0");
    assert!(
        s.prices
            .usd_per_million_requests
            .is_none_or(f64::is_sign_positive)
    );
}

/// `peak=1e308` 5,000 times once made a notice of 5,000 identical lines (120,000 px tall, the
/// app below it): each repair is said once, with its count.
#[test]
fn a_key_repeated_thousands_of_times_is_one_warning() {
    for (key, value) in [
        ("peak", "1e308"),
        ("mem", "-5"),
        ("lang", "zz"),
        ("open", "x"),
    ] {
        let q = vec![format!("{key}={value}"); 5_000].join("&");
        let (_, warnings) = Scenario::from_query(&q);
        assert_eq!(warnings.len(), 1, "{key}: {warnings:?}");
        assert_eq!(warnings[0].count, 5_000);
    }
}

#[test]
fn every_key_written_is_fuzzed() {
    // A scenario with every field away from its default writes every key it knows.
    let default_vm = Scenario::default().vm.instance;
    let vm = codes("vm").into_iter().find(|v| *v != default_vm).unwrap();
    let far = format!(
        "view=fit&lang=ko&theme=dark&pat=flash&peak=7&seed=9&cpu=3&dur=9&mem=999&head=9&cores=9\
         &vm={vm}&n=9&tgt=33&min=2&max=9&cd=9&boot=9&ctr=cloud-run&vcpu=2&gb=3&cmin=2&cmax=9\
         &ctgt=33&faas=azure&arch=arm64&free=1&gran=100&pc=2&quota=9&legacy=1&rt=java&warm=9\
         &seats=9&p_req=1&p_gbs=1&p_vm=1&p_vcpu=1&p_gbh=1&p_srv=1&p_ops=1&p_seat=1&cur=krw\
         &krw=999&fail=payments&deploy=driver&hop=9&chart=latency&speed=2&math=1&open=onprem\
         &ping=3"
    );
    let (s, warnings) = Scenario::from_query(&far);
    assert_eq!(warnings, []);
    let q = s.to_query();
    let mut written: Vec<&str> = q.split('&').map(|p| p.split('=').next().unwrap()).collect();
    let mut keys = KEYS.to_vec();
    written.sort_unstable();
    keys.sort_unstable();
    assert_eq!(
        written, keys,
        "to_query writes other keys than the fuzzer knows"
    );
}

#[test]
fn from_query_survives_100k_random_and_mutated_queries() {
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5CA1E);
    let cases: usize = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let mut rng = Rng(seed);
    let mut long_budget = 300; // 100 KB values
    let mut corpus: Vec<String> = vec![Scenario::default().to_query()];
    let (mut warned, mut reported) = (0usize, 0usize);
    for i in 0..cases {
        let (q, known) = if i % 3 == 2 {
            // Mutate something that once parsed cleanly.
            let base = corpus[rng.below(corpus.len())].clone();
            (mutate(&mut rng, &base), Vec::new())
        } else {
            generate(&mut rng, &mut long_budget)
        };
        let checked = check(&q, &known);
        warned += usize::from(checked.warnings > 0);
        reported += checked.reported;
        let q1 = checked.query;
        if corpus.len() < 512 && q1.len() > 40 {
            corpus.push(q1);
        } else if q1.len() > 40 {
            let at = rng.below(corpus.len());
            corpus[at] = q1;
        }
    }
    // The generator really is hostile: most queries needed a repair.
    assert!(
        warned > cases / 2,
        "only {warned} of {cases} queries had warnings"
    );
    assert!(
        reported > cases / 2,
        "only {reported} bad values were checked for a warning"
    );
    eprintln!(
        "fuzz_query: {cases} queries, {warned} with warnings, {reported} bad values reported"
    );
}
