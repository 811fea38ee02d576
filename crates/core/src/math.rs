//! "Show the math": the arithmetic behind every bill, as lines of text in English or Korean.
//!
//! The CLI prints these under its tables and the app shows them in its "show the math" panel,
//! so a student can redo any number with a calculator. Amounts are in US dollars (the
//! currency prices are published in); [`conversion`] adds the won line when asked.
//!
//! Every line reads `Label: segment; segment; …`, and every segment with an `=` is arithmetic
//! that holds as printed: the numbers on the left, taken as shown, give the number on the right
//! to the digits shown (a running calculation `a × b = c × d = e` continues from each result).
//! Prose never holds an `=`. Whole numbers shown are exact (requests, instance-minutes and
//! environments are counted whole); decimals are rounded to their last digit, four at most
//! (two significant digits for a figure below 0.001, never `0` for what is not; a price per
//! unit keeps its digits). Where a figure shown was rounded and then worked with (a memory of
//! `1,769 MB ÷ 1,024 ≈ 1.7275 GB`, GB-seconds shown whole from 1,000), the segment says `≈`:
//! its numbers, each standing for what rounds to it, give the result. A bill's total
//! adds the parts printed above it, each rounded to the cent (see [`crate::pricing`]), and
//! there is one total per model. `crates/core/tests/relations.rs` checks all of this over
//! random scenarios by reading the lines back.
//!
//! ```
//! use skyscale_core::{Lang, math, pricing::{faas, FaasRates}};
//! let bill = faas(30e6, 200.0, 128.0, &FaasRates::lambda_x86_64(), true, 1.0);
//! let lines = math::faas(&bill, 1.0, Lang::En);
//! assert_eq!(lines.last().unwrap(), "Total: $5.80 + $5.83 = $11.63");
//! ```

use crate::i18n::{Lang, Text};
use crate::money::{
    CountFormat, Currency, apportion, format as money, format_number as num,
    format_rate_usd as rate, format_share, format_usd as usd,
};
use crate::pricing::{ContainerBill, FaasBill, OnPremBill, VmBill};
use crate::sim::{AvoidColdStarts, Bill, FaasMonth, ModelKind, ModelOutcome, Outcome};
use crate::traffic::{DayKind, MonthDay};

fn t(en: String, ko: String, lang: Lang) -> String {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}

/// A derived quantity with twelve significant digits (trailing zeros trimmed): enough that
/// arithmetic with it holds as printed, whatever its size (`0.0133333333333`, `6,486,715.5`).
fn sig(x: f64) -> String {
    let a = x.abs();
    let decimals = if a > 0.0 && a.is_finite() {
        (11.0 - libm::log10(a).floor()).clamp(0.0, 15.0) as usize
    } else {
        0
    };
    num(x, decimals)
}

/// Rounds `x` to `d` decimals, or to two significant digits if that shows more (a small
/// result reads `0.0037`, never `0`).
fn round_at_least(x: f64, d: usize) -> (f64, usize) {
    let a = x.abs();
    let d = if a > 0.0 && a.is_finite() {
        d.max((1.0 - libm::log10(a).floor()).clamp(0.0, 15.0) as usize)
    } else {
        d
    };
    let k = libm::pow(10.0, d as f64);
    ((x * k).round() / k, d)
}

/// `x` rounded to `n` significant digits.
fn round_sig(x: f64, n: i32) -> f64 {
    let a = x.abs();
    if a == 0.0 || !a.is_finite() {
        return x;
    }
    let d = n - 1 - libm::log10(a).floor() as i32;
    let k = libm::pow(10.0, f64::from(d));
    (x * k).round() / k
}

/// The on-premises sizing chain as printed: the planned peak, cores busy (`peak × CPU s`), with
/// headroom, and servers' worth (÷ cores a server), each step worked out from the one before
/// *as shown*, so every step holds as printed. The peak shows three significant digits (its
/// whole part at least) and the
/// chain two decimals, as money does (or two significant digits when that shows more: `0.0037`,
/// never `0`), unless rounding there would make the count rounded up differ from the servers
/// bought; then as many more as it takes (past which the unrounded chain is shown at twelve
/// significant digits). Returns the shown `[peak, busy, need, per]`.
fn sizing(peak_rps: f64, cpu_s: f64, headroom_pct: f64, cores: f64, servers: f64) -> [String; 4] {
    let up = |per: f64| (per - 1e-9).ceil().max(1.0);
    // Three significant digits, and the whole part at least (`74.1`, `2,222`, `0.00037`).
    let whole = if peak_rps >= 1.0 {
        libm::log10(peak_rps).floor() as i32 + 1
    } else {
        1
    };
    for n in 3..=12 {
        let peak = round_sig(peak_rps, n.max(whole));
        for d in 2..=9 {
            let (busy, db) = round_at_least(peak * cpu_s, d);
            let (need, dn) = round_at_least(busy * (1.0 + headroom_pct / 100.0), d);
            let (per, dp) = round_at_least(need / cores, d);
            if up(per) == servers {
                return [sig(peak), num(busy, db), num(need, dn), num(per, dp)];
            }
        }
    }
    let busy = peak_rps * cpu_s;
    let need = busy * (1.0 + headroom_pct / 100.0);
    [sig(peak_rps), sig(busy), sig(need), sig(need / cores)]
}

/// The value of a number as [`num`] or [`usd`] shows it, and half a unit of its last digit.
fn shown_value(shown: &str) -> (f64, f64) {
    let digits: String = shown
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | '-'))
        .collect();
    let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len());
    (
        digits.parse().unwrap_or(f64::NAN),
        0.5 * libm::pow(10.0, -(decimals as f64)),
    )
}

/// `=` when `lhs`, worked out from the operands as shown, gives `shown` to its last digit (and,
/// when `shown` is whole, is that whole number: whole numbers shown are exact), else `≈`.
fn rel(lhs: f64, shown: &str) -> &'static str {
    let (v, half) = shown_value(shown);
    let slack = 1e-9 * lhs.abs().max(v.abs()).max(1.0);
    let whole = !shown.contains('.');
    let holds = if whole {
        (lhs - v).abs() <= slack
    } else {
        (lhs - v).abs() <= half + slack
    };
    if holds { "=" } else { "≈" }
}

/// A derived quantity shown to four decimals at most, or to two significant digits below
/// 0.001 (`0.00012`, never `0`).
fn res(x: f64) -> String {
    let (v, d) = round_at_least(x, 4);
    num(v, d)
}

/// Memory in GB, to four decimals at most (`0.125`, `1.7275`).
fn gb(x: f64) -> String {
    num(x, 4)
}

/// GB-seconds as shown: whole from 1,000, two decimals below, two significant digits below
/// 0.01 (`0.00013`, never `0`). The bill is counted on its own resolution (see
/// [`crate::pricing::gb_s_step`]); a figure rounded here is marked `≈` where it is worked out.
fn gbs(x: f64) -> String {
    if x.abs() >= 1000.0 {
        num(x, 0)
    } else {
        let (v, d) = round_at_least(x, 2);
        num(v, d)
    }
}

/// `1 server`, `5 servers` (English only; Korean counts need no plural).
fn plural(n: f64, one: &str, many: &str) -> String {
    format!("{} {}", num(n, 0), if n == 1.0 { one } else { many })
}

/// Requests, with the free tier taken off when there is one, priced per million.
fn requests_line(b: &FaasBill, pings: f64, lang: Lang) -> String {
    let mut segs = Vec::new();
    if pings > 0.0 {
        let users = b.requests - pings;
        segs.push(t(
            format!(
                "{} + {} pings = {}",
                num(users, 0),
                num(pings, 0),
                num(b.requests, 0)
            ),
            format!(
                "{}건 + 핑 {}건 = {}건",
                num(users, 0),
                num(pings, 0),
                num(b.requests, 0)
            ),
            lang,
        ));
    }
    if b.free_requests > 0.0 {
        segs.push(t(
            format!(
                "{} − {} free = {}",
                num(b.requests, 0),
                num(b.free_requests, 0),
                num(b.billable_requests, 0)
            ),
            format!(
                "{} − 프리 티어 {} = {}",
                num(b.requests, 0),
                num(b.free_requests, 0),
                num(b.billable_requests, 0)
            ),
            lang,
        ));
    }
    segs.push(t(
        format!(
            "{} × {} per 1M = {}",
            num(b.billable_requests, 0),
            rate(b.usd_per_million_requests),
            usd(b.requests_usd)
        ),
        format!(
            "{} × 100만 건당 {} = {}",
            num(b.billable_requests, 0),
            rate(b.usd_per_million_requests),
            usd(b.requests_usd)
        ),
        lang,
    ));
    format!("{}: {}", Text::MathRequests.get(lang), segs.join("; "))
}

/// The GB-seconds the free tier and the volume tiers apply to, and their price.
fn compute_line(b: &FaasBill, first_rate: f64, on_demand_label: bool, lang: Lang) -> String {
    let mut lhs = 0.0;
    let tiers: Vec<String> = b
        .tiers_used
        .iter()
        .map(|(g, r)| {
            let (g, r) = (gbs(*g), rate(*r));
            lhs += shown_value(&g).0 * shown_value(&r).0;
            format!("{g} × {r}")
        })
        .collect();
    let tiers = if tiers.is_empty() {
        format!("0 × {}", rate(first_rate))
    } else {
        tiers.join(" + ")
    };
    let mut segs = Vec::new();
    if b.free_gb_seconds > 0.0 {
        let (shown, eq, left) = gbs_sum_parts(
            b.gb_seconds,
            &[('−', b.free_gb_seconds)],
            b.billable_gb_seconds,
        );
        let (all, free) = (&shown[0], &shown[1]);
        segs.push(t(
            format!("{all} − {free} free {eq} {left} GB-s"),
            format!("{all} − 프리 티어 {free} {eq} {left} GB-초"),
            lang,
        ));
    }
    let total = usd(b.compute_usd);
    segs.push(format!("{tiers} {} {total}", rel(lhs, &total)));
    let label = match (on_demand_label, lang) {
        (true, Lang::En) => "Compute on demand",
        (true, Lang::Ko) => "온디맨드 컴퓨팅",
        (false, _) => Text::MathCompute.get(lang),
    };
    format!("{label}: {}", segs.join("; "))
}

/// `Total: $a + $b + … = $c`: the parts as printed add up to the total.
fn total_line(parts: &[f64], total_usd: f64, lang: Lang) -> String {
    let parts: Vec<String> = parts.iter().map(|p| usd(*p)).collect();
    format!(
        "{}: {} = {}",
        Text::MathTotal.get(lang),
        parts.join(" + "),
        usd(total_usd)
    )
}

/// The lines of a function bill. `granularity_ms` is what durations were rounded up to.
pub fn faas(b: &FaasBill, granularity_ms: f64, lang: Lang) -> Vec<String> {
    let mut out = vec![requests_line(b, 0.0, lang)];
    if b.billed_duration_ms > 0.0 {
        out.push(duration_line(
            b.billed_duration_ms,
            granularity_ms,
            b.min_billed_ms,
            b.billed_memory_mb,
            b.memory_gb,
            lang,
        ));
        out.push(gb_seconds_line(
            b.requests,
            b.billed_duration_ms,
            b.memory_gb,
            b.gb_seconds,
            lang,
        ));
    }
    let first = b.tiers_used.first().map_or(0.0, |t| t.1);
    out.push(compute_line(b, first, false, lang));
    out.push(total_line(
        &[b.requests_usd, b.compute_usd],
        b.total_usd,
        lang,
    ));
    out
}

/// Why a request runs longer than its duration: its CPU time on the function's CPU share
/// (memory ÷ 1,769 MB of a vCPU on Lambda, at most one), like the fleets' `max(duration, CPU)`.
fn run_time_line(f: &FaasMonth, lang: Lang) -> String {
    // The inputs as given (operands exactly as shown), the run to the microsecond.
    let (cpu, dur, run) = (sig(f.cpu_ms), sig(f.duration_ms), num(f.run_ms, 3));
    let share = if f.mb_per_vcpu > 0.0 && f.cpu_vcpu < 1.0 {
        let (mbv, mb) = (num(f.mb_per_vcpu, 0), sig(f.cpu_vcpu * f.mb_per_vcpu));
        t(
            format!(
                "{cpu} ms CPU × {mbv} MB ÷ {mb} MB = {run} ms; Lambda gives a function one vCPU per {mbv} MB of memory"
            ),
            format!(
                "CPU {cpu} ms × {mbv} MB ÷ {mb} MB = {run} ms; Lambda는 메모리 {mbv} MB마다 vCPU 1개를 줌"
            ),
            lang,
        )
    } else {
        t(
            format!("{cpu} ms CPU on one vCPU = {run} ms"),
            format!("CPU {cpu} ms(vCPU 한 개에서) = {run} ms"),
            lang,
        )
    };
    t(
        format!(
            "Run time: {share}; longer than the {dur} ms duration: a request cannot finish before its CPU work, so it runs and bills that long"
        ),
        format!(
            "실행 시간: {share}; 요청 처리 시간 {dur} ms보다 김: 요청은 CPU 작업보다 먼저 끝날 수 없어 그만큼 실행되고 과금됨"
        ),
        lang,
    )
}

/// `Billed duration: 173 ms a request, rounded up in 1 ms steps`, and where the service bills
/// a minimum longer than a step (Azure's Consumption plan: 100 ms), `…, 100 ms at least`.
fn duration_line(
    billed_ms: f64,
    granularity_ms: f64,
    min_ms: f64,
    mb: f64,
    gb_: f64,
    lang: Lang,
) -> String {
    let (min_en, min_ko) = if min_ms > granularity_ms {
        let m = num(min_ms, 0);
        (format!(", {m} ms at least"), format!(", 최소 {m} ms"))
    } else {
        (String::new(), String::new())
    };
    let mb = num(mb, 3);
    let shown = gb(gb_);
    // A memory rounded here is an operand below: `≈` says so, though it holds to its digit.
    let exact = shown_value(&shown).0 == shown_value(&mb).0 / 1024.0;
    let eq = if exact { "=" } else { "≈" };
    t(
        format!(
            "Billed duration: {} ms a request, rounded up in {} ms steps{min_en}; memory: {mb} MB ÷ 1,024 {eq} {shown} GB",
            num(billed_ms, 3),
            num(granularity_ms, 0),
        ),
        format!(
            "청구 실행 시간: 요청당 {} ms({} ms 단위로 올림{min_ko}); 메모리: {mb} MB ÷ 1,024 {eq} {shown} GB",
            num(billed_ms, 3),
            num(granularity_ms, 0),
        ),
        lang,
    )
}

/// `count × seconds × GB = GB-s`, each as shown, and `≈` when the memory or the GB-seconds
/// shown are rounded. Returns the English and Korean forms (`GB-s`, `GB-초`).
fn gb_s_product(count: &str, seconds: f64, gb_: f64, gb_s: f64) -> (String, String) {
    let (s, g, x) = (num(seconds, 6), gb(gb_), gbs(gb_s));
    let lhs = shown_value(count).0 * shown_value(&s).0 * shown_value(&g).0;
    let eq = rel(lhs, &x);
    (
        format!("{count} × {s} s × {g} GB {eq} {x} GB-s"),
        format!("{count} × {s}초 × {g} GB {eq} {x} GB-초"),
    )
}

fn gb_seconds_line(requests: f64, billed_ms: f64, gb_: f64, gb_s: f64, lang: Lang) -> String {
    let (en, ko) = gb_s_product(&num(requests, 0), billed_ms / 1000.0, gb_, gb_s);
    t(format!("GB-seconds: {en}"), format!("GB-초: {ko}"), lang)
}

/// The decimals [`gbs`] shows `x` with.
fn gbs_decimals(x: f64) -> usize {
    let a = x.abs();
    if a >= 1000.0 || a == 0.0 || !a.is_finite() {
        0
    } else {
        2.max((1.0 - libm::log10(a).floor()).clamp(0.0, 15.0) as usize)
    }
}

/// A sum of GB-seconds (`a − b + c = d`, each term with its sign): the terms as shown, `=` or
/// `≈` as the sum holds as shown, and the result as shown. Each term shows as [`gbs`] does,
/// or to the result's decimals if that shows more (at most four), so a small difference of
/// large terms (`1,073.0058 − 1,073 = 0.0058`) is not lost in their rounding.
fn gbs_sum_parts(
    first: f64,
    terms: &[(char, f64)],
    result: f64,
) -> (Vec<String>, &'static str, String) {
    let at = |x: f64| {
        let d = gbs_decimals(x).max(gbs_decimals(result).min(4));
        if d == gbs_decimals(x) {
            gbs(x)
        } else {
            num(x, d)
        }
    };
    let mut shown = vec![at(first)];
    let mut lhs = shown_value(&shown[0]).0;
    for (op, x) in terms {
        let term = at(*x);
        let v = shown_value(&term).0;
        lhs += if *op == '−' { -v } else { v };
        shown.push(term);
    }
    let result = gbs(result);
    (shown, rel(lhs, &result), result)
}

/// `rate`, `=` or `≈`, and `amount` for `quantity × rate = amount`, the quantity as shown.
fn priced(quantity: f64, usd_per_unit: f64, amount: f64) -> (String, &'static str, String) {
    let (r, a) = (rate(usd_per_unit), usd(amount));
    let eq = rel(quantity * shown_value(&r).0, &a);
    (r, eq, a)
}

/// What `hours` are when they are the month: `720 h = a 30-day month (30 × 24 h)`, the
/// simulation's month, so a price and a simulated bill of the same fleet read alike.
fn month_hours(hours: f64, lang: Lang) -> Option<String> {
    (hours == crate::catalog::HOURS_PER_MONTH).then(|| {
        let days = crate::traffic::DAYS_PER_MONTH;
        t(
            format!(
                "{} h = a 30-day month ({} × 24 h), the month the simulation bills",
                sig(hours),
                sig(days)
            ),
            format!(
                "{}시간 = 30일 한 달({} × 24시간), 시뮬레이션이 청구하는 한 달",
                sig(hours),
                sig(days)
            ),
            lang,
        )
    })
}

/// The line of a VM fleet bill (and, for a month's hours, what they are).
pub fn vm(b: &VmBill, instance: &str, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = month_hours(b.hours, lang).into_iter().collect();
    out.push(t(
        format!(
            "Total: {} × {} × {} h × {} per hour = {}",
            num(b.count, 0),
            instance,
            sig(b.hours),
            rate(b.usd_per_hour),
            usd(b.total_usd)
        ),
        format!(
            "합계: {} × {} × {}시간 × 시간당 {} = {}",
            num(b.count, 0),
            instance,
            sig(b.hours),
            rate(b.usd_per_hour),
            usd(b.total_usd)
        ),
        lang,
    ));
    out
}

/// The lines of a container bill (and, for a month's hours, what they are).
pub fn container(b: &ContainerBill, service: &str, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = month_hours(b.hours, lang).into_iter().collect();
    out.extend([
        t(
            format!(
                "vCPU: {} × {} vCPU × {} h = {} vCPU-h × {} = {}",
                num(b.count, 2),
                num(b.vcpu, 3),
                sig(b.hours),
                sig(b.vcpu_hours),
                rate(b.usd_per_vcpu_hour),
                usd(b.vcpu_usd)
            ),
            format!(
                "vCPU: {} × {} vCPU × {}시간 = {} vCPU-시간 × {} = {}",
                num(b.count, 2),
                num(b.vcpu, 3),
                sig(b.hours),
                sig(b.vcpu_hours),
                rate(b.usd_per_vcpu_hour),
                usd(b.vcpu_usd)
            ),
            lang,
        ),
        t(
            format!(
                "Memory: {} × {} GB × {} h = {} GB-h × {} = {}",
                num(b.count, 2),
                num(b.memory_gb, 3),
                sig(b.hours),
                sig(b.gb_hours),
                rate(b.usd_per_gb_hour),
                usd(b.memory_usd)
            ),
            format!(
                "메모리: {} × {} GB × {}시간 = {} GB-시간 × {} = {}",
                num(b.count, 2),
                num(b.memory_gb, 3),
                sig(b.hours),
                sig(b.gb_hours),
                rate(b.usd_per_gb_hour),
                usd(b.memory_usd)
            ),
            lang,
        ),
        format!(
            "{} ({service}): {} + {} = {}",
            Text::MathTotal.get(lang),
            usd(b.vcpu_usd),
            usd(b.memory_usd),
            usd(b.total_usd)
        ),
    ]);
    out
}

/// The lines of an on-premises month.
pub fn onprem(
    b: &OnPremBill,
    server_usd: f64,
    life_months: f64,
    opex: f64,
    lang: Lang,
) -> Vec<String> {
    vec![
        t(
            format!(
                "Hardware: {} × {} ÷ {} months = {}",
                plural(b.servers, "server", "servers"),
                usd(server_usd),
                num(life_months, 0),
                usd(b.hardware_usd)
            ),
            format!(
                "하드웨어: 서버 {}대 × {} ÷ {}개월 = {}",
                num(b.servers, 0),
                usd(server_usd),
                num(life_months, 0),
                usd(b.hardware_usd)
            ),
            lang,
        ),
        t(
            format!(
                "Power, space, operations: {} × {} = {}",
                num(b.servers, 0),
                usd(opex),
                usd(b.opex_usd)
            ),
            format!(
                "전력·공간·운영: {} × {} = {}",
                num(b.servers, 0),
                usd(opex),
                usd(b.opex_usd)
            ),
            lang,
        ),
        total_line(&[b.hardware_usd, b.opex_usd], b.total_usd, lang),
    ]
}

/// The line of a SaaS subscription.
pub fn saas(seats: f64, usd_per_seat_month: f64, lang: Lang) -> Vec<String> {
    let total = crate::pricing::saas(seats, usd_per_seat_month);
    vec![t(
        format!(
            "Total: {} seats × {} per seat-month = {}",
            num(seats, 0),
            rate(usd_per_seat_month),
            usd(total)
        ),
        format!(
            "합계: {}석 × 석당 월 {} = {}",
            num(seats, 0),
            rate(usd_per_seat_month),
            usd(total)
        ),
        lang,
    )]
}

/// What one simulated day stands for, as a reader says it: `1 spike day`, `29 ordinary days`.
fn day_label(d: &MonthDay, lang: Lang) -> String {
    let n = num(d.days, 0);
    let one = d.days == 1.0;
    match (d.kind, lang) {
        (DayKind::Every, Lang::En) => format!("{n} days"),
        (DayKind::Every, Lang::Ko) => format!("{n}일"),
        (DayKind::Spike, Lang::En) => format!("{n} spike day{}", if one { "" } else { "s" }),
        (DayKind::Spike, Lang::Ko) => format!("급증일 {n}일"),
        (DayKind::Ordinary, Lang::En) => format!("{n} ordinary days"),
        (DayKind::Ordinary, Lang::Ko) => format!("평소 {n}일"),
        (DayKind::HighestBurst, Lang::En) => format!("{n} day of the highest burst"),
        (DayKind::HighestBurst, Lang::Ko) => format!("최대 폭주일 {n}일"),
        (DayKind::OtherBursts, Lang::En) => format!("{n} days of other bursts"),
        (DayKind::OtherBursts, Lang::Ko) => format!("다른 폭주일 {n}일"),
        (DayKind::Growth, _) => {
            let when = if d.scale >= 1.0 {
                pick(lang, "days at the end of the month", "월말")
            } else if d.scale >= 0.7 {
                pick(lang, "mid-month days", "월중")
            } else {
                pick(lang, "days at the start of the month", "월초")
            };
            match lang {
                Lang::En => format!("{n} {when}"),
                Lang::Ko => format!("{when} {n}일"),
            }
        }
    }
}

fn pick(lang: Lang, en: &'static str, ko: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}

/// `30 days × 4,324,477 a day` or `1 spike day × 5,000,000 a day + 29 ordinary days ×
/// 3,000,000 a day`: a month's quantity from its days. Each factor says it is a day's (in
/// Korean with its unit, `하루 5,760 인스턴스-분`): a day's 5,760 instance-minutes are not
/// 5,760 minutes.
fn compose(days: &[MonthDay], per_day: &[f64], unit_ko: &str, lang: Lang) -> String {
    days.iter()
        .zip(per_day)
        .map(|(d, v)| match lang {
            Lang::En => format!("{} × {} a day", day_label(d, lang), num(*v, 0)),
            Lang::Ko => format!("{} × 하루 {}{unit_ko}", day_label(d, lang), num(*v, 0)),
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// How the month is built from simulated days, and which numbers are the peak day's.
pub fn month_plan(o: &Outcome, lang: Lang) -> Vec<String> {
    let days = &o.month_days;
    let built = if days.len() == 1 {
        t(
            format!(
                "every day is like the day shown, {} times",
                num(days[0].days, 0)
            ),
            format!("보이는 하루가 {}번 되풀이됩니다", num(days[0].days, 0)),
            lang,
        )
    } else {
        let parts: Vec<String> = days.iter().map(|d| day_label(d, lang)).collect();
        let total: f64 = days.iter().map(|d| d.days).sum();
        t(
            format!("{} = {} days", parts.join(" + "), num(total, 0)),
            format!("{} = {}일", parts.join(" + "), num(total, 0)),
            lang,
        )
    };
    let why = match days.first().map(|d| d.kind) {
        Some(DayKind::Spike) => t(
            "the flash event happens on one day; the other days are the same business day without it".into(),
            "급증은 하루에만 일어나고, 나머지 날은 급증이 없는 같은 업무일입니다".into(),
            lang,
        ),
        Some(DayKind::HighestBurst) => t(
            "bursts differ from day to day: the day shown has the month's highest burst, another day of bursts stands for the rest".into(),
            "폭주는 날마다 다릅니다: 보이는 날은 한 달 중 가장 큰 폭주가 있는 날이고, 나머지 날은 다른 폭주일 하루가 대표합니다".into(),
            lang,
        ),
        Some(DayKind::Growth) => t(
            "Simpson's rule over the month's growth, the day shown being the last and busiest".into(),
            "한 달 동안의 성장을 심프슨 공식으로 더하며, 보이는 날은 가장 바쁜 마지막 날입니다".into(),
            lang,
        ),
        _ => t(
            "this pattern's days are alike".into(),
            "이 패턴은 날마다 같습니다".into(),
            lang,
        ),
    };
    vec![
        t(
            format!("How the month is built: {built}; {why}"),
            format!("한 달을 만드는 법: {built}; {why}"),
            lang,
        ),
        t(
            "What is whose: the lanes, the charts, max instances and p95 latency show the peak day; bills, requests, dropped or throttled requests and cold starts are the 30-day month's".into(),
            "무엇의 숫자인가: 레인, 그래프, 최대 인스턴스, p95 지연은 피크일의 값이고, 요금, 요청, 유실, 콜드 스타트는 30일 한 달의 값입니다".into(),
            lang,
        ),
    ]
}

/// The lines behind one simulated model's month (its reasons and no bill if it cannot run).
pub fn model(o: &Outcome, m: &ModelOutcome, lang: Lang) -> Vec<String> {
    if !m.not_runnable.is_empty() {
        let mut out: Vec<String> = m.not_runnable.iter().map(|r| r.message(lang)).collect();
        out.push(Text::NoBillNotRunnable.get(lang).to_string());
        return out;
    }
    let days = &o.month_days;
    match &m.bill {
        Bill::OnPrem {
            bill,
            server_usd,
            life_months,
            opex_usd_per_server_month,
            cores_per_server,
            cpu_ms,
            planned_peak_rps,
            headroom_pct,
        } => {
            let [peak, busy, need, per] = sizing(
                *planned_peak_rps,
                cpu_ms / 1000.0,
                *headroom_pct,
                cores_per_server.max(1.0),
                bill.servers,
            );
            let (cpu, head, cores) = (
                sig(cpu_ms / 1000.0),
                sig(*headroom_pct),
                sig(*cores_per_server),
            );
            let mut out = vec![t(
                format!(
                    "Servers: {peak} req/s planned peak × {cpu} s CPU = {busy} cores busy; {busy} × (1 + {head}%) = {need} cores with headroom; {need} ÷ {cores} cores a server = {per}; rounded up: {}",
                    plural(bill.servers, "server", "servers")
                ),
                format!(
                    "서버: 계획 피크 {peak} 요청/초 × CPU {cpu}초 = 바쁜 코어 {busy}개; {busy} × (1 + {head}%) = 여유 포함 {need}코어; {need} ÷ 서버당 {cores}코어 = {per}; 올림: 서버 {}대",
                    num(bill.servers, 0)
                ),
                lang,
            )];
            out.extend(onprem(
                bill,
                *server_usd,
                *life_months,
                *opex_usd_per_server_month,
                lang,
            ));
            out
        }
        Bill::Vm {
            instance,
            usd_per_hour,
            minutes_by_day,
            instance_minutes,
            total_usd,
            vcpu,
            baseline_cpu_pct,
            cpu_ms,
            ..
        } => vec![
            vm_capacity(instance, *vcpu, *baseline_cpu_pct, *cpu_ms, lang),
            minutes_line(days, minutes_by_day, *instance_minutes, "", lang),
            t(
                format!(
                    "Total: {} instance-minutes of {} ÷ 60 × {} per hour = {}",
                    num(*instance_minutes, 0),
                    instance,
                    rate(*usd_per_hour),
                    usd(*total_usd)
                ),
                format!(
                    "합계: {} {} 인스턴스-분 ÷ 60 × 시간당 {} = {}",
                    instance,
                    num(*instance_minutes, 0),
                    rate(*usd_per_hour),
                    usd(*total_usd)
                ),
                lang,
            ),
        ],
        Bill::Container {
            service,
            active_minutes_by_day,
            idle_minutes_by_day,
            active,
            idle,
            total_usd,
        } => {
            let sum = |v: &[f64]| -> f64 { v.iter().zip(days).map(|(m, d)| m * d.days).sum() };
            let active_min = sum(active_minutes_by_day);
            let idle_min = sum(idle_minutes_by_day);
            let with_idle = idle_min > 0.0;
            let which = |idle: bool| match (idle, lang) {
                (false, Lang::En) => "with traffic",
                (false, Lang::Ko) => "트래픽 있는",
                (true, Lang::En) => "idle",
                (true, Lang::Ko) => "유휴",
            };
            let mut out = vec![minutes_line(
                days,
                active_minutes_by_day,
                active_min,
                if with_idle { which(false) } else { "" },
                lang,
            )];
            out.extend(container_minutes(
                active,
                active_min,
                if with_idle { which(false) } else { "" },
                service.code(),
                !with_idle,
                lang,
            ));
            if with_idle {
                out.push(minutes_line(
                    days,
                    idle_minutes_by_day,
                    idle_min,
                    which(true),
                    lang,
                ));
                out.extend(container_minutes(
                    idle,
                    idle_min,
                    which(true),
                    service.code(),
                    false,
                    lang,
                ));
                out.push(total_line(
                    &[active.total_usd, idle.total_usd],
                    *total_usd,
                    lang,
                ));
            }
            out
        }
        Bill::Faas(f) => faas_month(days, f, lang),
    }
}

/// What one VM serves: `Capacity: t3.micro is burstable, 10% baseline per vCPU (…); it sustains
/// 2 vCPU × 0.1 = 0.2 vCPU; 0.2 × 1,000 ÷ 50 ms = 4 req/s per instance at full load`. A burstable type is counted
/// at its baseline: above it, it spends CPU credits it earns only at that rate.
fn vm_capacity(
    instance: &str,
    vcpu: f64,
    baseline_cpu_pct: f64,
    cpu_ms: f64,
    lang: Lang,
) -> String {
    let share = (baseline_cpu_pct / 100.0).clamp(0.0, 1.0);
    let sustained = vcpu * share;
    let rps = sustained * 1000.0 / cpu_ms.max(1e-9);
    let (vcpus_en, vcpus_ko) = if share < 1.0 {
        (
            format!(
                "{instance} is burstable, {}% baseline per vCPU, counted in standard credit mode (above the baseline it spends CPU credits earned only at that rate; AWS's default, unlimited, would run faster and bill the surplus credits, which is not modelled); it sustains {} vCPU × {} = {} vCPU",
                sig(baseline_cpu_pct),
                sig(vcpu),
                sig(share),
                sig(sustained)
            ),
            format!(
                "{instance}: 버스트형, vCPU당 기준 성능 {}%, 표준 크레딧 모드로 계산(기준을 넘으면 그 속도로만 쌓이는 CPU 크레딧을 씀; AWS 기본값인 무제한 모드는 더 빨리 돌고 초과 크레딧을 청구하지만 여기서는 모델링하지 않음); 지속 용량 {} vCPU × {} = {} vCPU",
                sig(baseline_cpu_pct),
                sig(vcpu),
                sig(share),
                sig(sustained)
            ),
        )
    } else {
        (
            format!("{instance} sustains {} vCPU", sig(sustained)),
            format!("{instance}: 지속 용량 {} vCPU", sig(sustained)),
        )
    };
    let (sus, cpu) = (sig(sustained), sig(cpu_ms));
    let per = res(rps);
    let eq = rel(shown_value(&sus).0 * 1000.0 / shown_value(&cpu).0, &per);
    t(
        format!(
            "Capacity: {vcpus_en}; {sus} × 1,000 ÷ {cpu} ms {eq} {per} req/s per instance at full load"
        ),
        format!("용량: {vcpus_ko}; {sus} × 1,000 ÷ {cpu} ms {eq} 인스턴스당 최대 {per} 요청/초"),
        lang,
    )
}

/// `Instance-minutes: 30 days × 5,760 a day = 172,800`, or `1 spike day × 7,410 a day + 29
/// ordinary days × 5,775 a day = 174,885` (Korean: `인스턴스-분: 30일 × 하루 5,760 인스턴스-분 =
/// 172,800 인스턴스-분`).
fn minutes_line(
    days: &[MonthDay],
    per_day: &[f64],
    minutes: f64,
    which: &str,
    lang: Lang,
) -> String {
    let label = match (which.is_empty(), lang) {
        (true, Lang::En) => "Instance-minutes".to_string(),
        (false, Lang::En) => format!("Instance-minutes {which}"),
        (true, Lang::Ko) => "인스턴스-분".to_string(),
        (false, Lang::Ko) => format!("{which} 인스턴스-분"),
    };
    t(
        format!(
            "{label}: {} = {}",
            compose(days, per_day, "", lang),
            num(minutes, 0)
        ),
        format!(
            "{label}: {} = {} 인스턴스-분",
            compose(days, per_day, " 인스턴스-분", lang),
            num(minutes, 0)
        ),
        lang,
    )
}

/// A container bill from instance-minutes: vCPU and memory, and their total (the bill's
/// total when `last`, else a subtotal named after `which`).
fn container_minutes(
    b: &ContainerBill,
    minutes: f64,
    which: &str,
    service: &str,
    last: bool,
    lang: Lang,
) -> Vec<String> {
    let line = |what_en: &str, what_ko: &str, size: f64, unit: &str, price: f64, usd_part: f64| {
        t(
            format!(
                "{what_en}: {} instance-minutes ÷ 60 × {} {unit} × {} = {}",
                num(minutes, 0),
                sig(size),
                rate(price),
                usd(usd_part)
            ),
            format!(
                "{what_ko}: {} 인스턴스-분 ÷ 60 × {} {unit} × {} = {}",
                num(minutes, 0),
                sig(size),
                rate(price),
                usd(usd_part)
            ),
            lang,
        )
    };
    let total = if last {
        format!("{}: ", Text::MathTotal.get(lang))
    } else {
        match lang {
            Lang::En => format!("Subtotal {which} ({service}): "),
            Lang::Ko => format!("{which} 소계({service}): "),
        }
    };
    vec![
        line(
            "vCPU",
            "vCPU",
            b.vcpu,
            "vCPU",
            b.usd_per_vcpu_hour,
            b.vcpu_usd,
        ),
        line(
            "Memory",
            "메모리",
            b.memory_gb,
            "GB",
            b.usd_per_gb_hour,
            b.memory_usd,
        ),
        format!(
            "{total}{} + {} = {}",
            usd(b.vcpu_usd),
            usd(b.memory_usd),
            usd(b.total_usd)
        ),
    ]
}

/// Counts of one kind shown together (cold starts and their causes), rounded alike.
fn counts(total: f64, parts: &[f64], lang: Lang) -> (String, Vec<String>, f64) {
    let f = CountFormat::for_total(total, true, lang).in_full();
    let shown = apportion(parts, f.step());
    let total_shown: f64 = shown.iter().sum();
    (
        f.show(total_shown),
        shown.iter().map(|p| f.show(*p)).collect(),
        total_shown,
    )
}

fn faas_month(days: &[MonthDay], f: &FaasMonth, lang: Lang) -> Vec<String> {
    let b = &f.on_demand;
    let mut out = Vec::new();
    let mut served = t(
        format!(
            "Requests served: {} = {}",
            compose(days, &f.requests_by_day, "", lang),
            num(f.requests, 0)
        ),
        format!(
            "처리한 요청: {} = {}건",
            compose(days, &f.requests_by_day, "건", lang),
            num(f.requests, 0)
        ),
        lang,
    );
    if f.throttled > 0.0 {
        served.push_str(&t(
            format!(
                "; {} more were throttled at the concurrency quota and are not billed",
                num(f.throttled, 0)
            ),
            format!(
                "; 동시성 한도에 걸린 {}건은 스로틀링되어 과금되지 않음",
                num(f.throttled, 0)
            ),
            lang,
        ));
    }
    out.push(served);
    if f.ping_redundant_min > 0 {
        let n = num(f.provisioned, 0);
        out.push(t(
            format!(
                "Keep-warm pings, one every {} min: none sent; the {n} provisioned {} always warm and {} invocations first, so a ping would land on {} and warm no other: it stops no cold start and is left out of the bill",
                f.ping_redundant_min,
                if f.provisioned == 1.0 { "environment is" } else { "environments are" },
                if f.provisioned == 1.0 { "takes" } else { "take" },
                if f.provisioned == 1.0 { "it" } else { "one of them" },
            ),
            format!(
                "웜 유지 핑({}분마다): 보내지 않음; 프로비저닝된 환경 {n}개가 늘 웜 상태이고 호출을 먼저 받으므로 핑은 {} 닿을 뿐 다른 환경을 데우지 않음: 콜드 스타트를 막지 못해 요금에서 뺌",
                f.ping_redundant_min,
                if f.provisioned == 1.0 { "그 환경에" } else { "그중 하나에" },
            ),
            lang,
        ));
    }
    if f.pings > 0.0 {
        let per_day = f.pings_by_day.first().copied().unwrap_or(0.0);
        let total: f64 = days.iter().map(|d| d.days).sum();
        out.push(t(
            format!(
                "Keep-warm pings, one every {} min: {} days × {} a day = {}",
                f.ping_min,
                num(total, 0),
                num(per_day, 0),
                num(f.pings, 0)
            ),
            format!(
                "웜 유지 핑({}분마다): {}일 × 하루 {}건 = {}건",
                f.ping_min,
                num(total, 0),
                num(per_day, 0),
                num(f.pings, 0)
            ),
            lang,
        ));
    }
    out.push(requests_line(b, f.pings, lang));
    if f.run_ms > f.duration_ms {
        out.push(run_time_line(f, lang));
    }
    out.push(duration_line(
        f.billed_duration_ms,
        f.granularity_ms,
        f.min_billed_ms,
        f.billed_memory_mb,
        f.memory_gb,
        lang,
    ));
    let mut gbs_line = gb_seconds_line(f.requests, f.billed_duration_ms, f.memory_gb, f.gb_s, lang);
    if f.pings > 0.0 {
        let (en, ko) = gb_s_product(
            &num(f.pings, 0),
            f.ping_billed_ms / 1000.0,
            f.memory_gb,
            f.ping_gb_s,
        );
        gbs_line.push_str(&t(format!("; pings: {en}"), format!("; 핑: {ko}"), lang));
    }
    out.push(gbs_line);
    if f.init_gb_s > 0.0 {
        let (s_, g, x) = (num(f.init_s, 3), gb(f.memory_gb), gbs(f.init_gb_s));
        let n = num(f.init_cold_starts, 2);
        let eq = rel(
            shown_value(&n).0 * shown_value(&s_).0 * shown_value(&g).0,
            &x,
        );
        out.push(t(
            format!(
                "Init GB-seconds: {n} cold starts × {s_} s × {g} GB {eq} {x} GB-s; since 1 August 2025 Lambda bills each cold start's INIT phase at the duration rate"
            ),
            format!(
                "초기화 GB-초: 콜드 스타트 {n}번 × {s_}초 × {g} GB {eq} {x} GB-초; 2025년 8월 1일부터 Lambda는 콜드 스타트의 INIT 단계를 실행 시간과 같은 요금으로 과금"
            ),
            lang,
        ));
    } else if !f.init_billed && f.cold.total > 0.0 {
        out.push(t(
            "Init: the Consumption plan does not bill the cold starts' initialisation".into(),
            "초기화: 소비 플랜은 콜드 스타트의 초기화 시간을 과금하지 않음".into(),
            lang,
        ));
    }
    let on_demand_sum = f.provisioned > 0.0 || f.pings > 0.0 || f.init_gb_s > 0.0;
    if on_demand_sum {
        let mut terms = Vec::new();
        if f.provisioned > 0.0 {
            terms.push(('−', f.provisioned_gb_s));
        }
        if f.pings > 0.0 {
            terms.push(('+', f.ping_gb_s));
        }
        if f.init_gb_s > 0.0 {
            terms.push(('+', f.init_gb_s));
        }
        let (shown, eq, result) = gbs_sum_parts(f.gb_s, &terms, b.gb_seconds);
        let mut sum = shown[0].clone();
        for ((op, _), term) in terms.iter().zip(&shown[1..]) {
            sum.push_str(&format!(" {op} {term}"));
        }
        let sum = format!("{sum} {eq} {result}");
        if f.provisioned > 0.0 {
            out.push(t(
                format!(
                    "On the {}: {} GB-s; on demand: {sum} GB-s",
                    plural(
                        f.provisioned,
                        "provisioned environment",
                        "provisioned environments"
                    ),
                    shown[1],
                ),
                format!(
                    "프로비저닝된 환경 {}개에서: {} GB-초; 온디맨드: {sum} GB-초",
                    num(f.provisioned, 0),
                    shown[1],
                ),
                lang,
            ));
        } else {
            out.push(t(
                format!("On demand: {sum} GB-s"),
                format!("온디맨드: {sum} GB-초"),
                lang,
            ));
        }
    }
    let first_rate = f.first_tier_usd_per_gb_s;
    let mut compute = compute_line(b, first_rate, on_demand_sum, lang);
    if f.free_tier_dropped {
        compute.push_str(&t(
            "; the free tier does not apply with provisioned concurrency".into(),
            "; 프로비저닝된 동시성을 쓰면 프리 티어가 적용되지 않음".into(),
            lang,
        ));
    }
    out.push(compute);
    let mut parts = vec![b.requests_usd, b.compute_usd];
    if f.provisioned > 0.0 {
        let x = gbs(f.provisioned_gb_s);
        let (r, eq, amount) = priced(
            shown_value(&x).0,
            f.provisioned_duration_usd_per_gb_s,
            f.provisioned_duration_usd,
        );
        out.push(t(
            format!("Duration on provisioned environments: {x} GB-s × {r} {eq} {amount}"),
            format!("프로비저닝된 환경의 실행 시간: {x} GB-초 × {r} {eq} {amount}"),
            lang,
        ));
        let (n, g, month_s) = (num(f.provisioned, 0), gb(f.memory_gb), num(f.month_s, 0));
        let x = gbs(f.provisioned_config_gb_s);
        let eq1 = rel(
            shown_value(&n).0 * shown_value(&g).0 * shown_value(&month_s).0,
            &x,
        );
        let (r, eq2, amount) = priced(
            shown_value(&x).0,
            f.provisioned_usd_per_gb_s,
            f.provisioned_config_usd,
        );
        out.push(t(
            format!(
                "Provisioned concurrency: {n} × {g} GB × {month_s} s {eq1} {x} GB-s × {r} {eq2} {amount}"
            ),
            format!(
                "프로비저닝된 동시성: {n}개 × {g} GB × {month_s}초 {eq1} {x} GB-초 × {r} {eq2} {amount}"
            ),
            lang,
        ));
        parts.push(f.provisioned_duration_usd);
        parts.push(f.provisioned_config_usd);
    }
    out.push(total_line(&parts, f.total_usd, lang));

    // Cold starts, their causes, and what avoiding them costs.
    let c = &f.cold;
    let (total, split, total_shown) = counts(c.total, &[c.after_idle, c.scale_out], lang);
    // A share of no requests has no value: without requests the line says so instead of 0 ÷ 0.
    let (share_en, share_ko) = if f.requests > 0.0 {
        let share = format_share(total_shown / f.requests);
        (
            format!("{total} ÷ {} requests = {share}", num(f.requests, 0)),
            format!("{total} ÷ 요청 {}건 = {share}", num(f.requests, 0)),
        )
    } else {
        (
            "no requests, so no share".to_string(),
            "요청이 없어 비율 없음".to_string(),
        )
    };
    out.push(t(
        format!(
            "Cold starts: {} after an idle spell + {} as traffic rose = {} a month; {share_en}; an environment idle for {} min is recycled",
            split[0], split[1], total, c.warm_min
        ),
        format!(
            "콜드 스타트: 유휴 뒤 {} + 트래픽 증가로 {} = 월 {}; {share_ko}; {}분 동안 쉰 실행 환경은 회수됨",
            times(&split[0]), times(&split[1]), times(&total), c.warm_min
        ),
        lang,
    ));
    // Tenths of a cold start are an expected number: say so where they are shown.
    if [&total, &split[0], &split[1]]
        .iter()
        .any(|c| c.contains('.'))
        && let Some(line) = out.last_mut()
    {
        line.push_str("; ");
        line.push_str(Text::MathExpectedCounts.get(lang));
    }
    if !f.provisioned_offered && total_shown > 0.0 {
        out.push(t(
            "Provisioned concurrency: the Consumption plan has none (the Premium plan keeps instances always ready at other prices)".into(),
            "프로비저닝된 동시성: 소비 플랜에는 없습니다(프리미엄 플랜은 다른 가격으로 인스턴스를 상시 대기시킵니다)".into(),
            lang,
        ));
    }
    if let Some(a) = f.avoid.as_ref().filter(|_| total_shown > 0.0) {
        // A ping beside provisioned environments lands on one of them and warms nothing more
        // (see the ping's own line above): it is no way to avoid these cold starts.
        if split_value(&split[0]) > 0.0 && f.pings == 0.0 && f.provisioned == 0.0 {
            // One environment kept warm stops the first cold start after each idle spell, not
            // a batch's others: the count is the month run with the ping, as shown.
            let stops = CountFormat::for_total(c.total, true, lang)
                .in_full()
                .show(a.ping_stops);
            let stopped = if split_value(&stops) < split_value(&split[0]) {
                Stopped::Some(&stops, &split[0])
            } else {
                Stopped::All(&split[0])
            };
            // Priced through the month's bill, so the figure is the difference a reader
            // gets from the bill with `ping=` set and this one.
            let line = if a.ping_usd == 0.0 {
                // Two bills equal to the cent: no difference to state as an amount.
                let (why_en, why_ko) = if f.on_demand.free_requests > 0.0 {
                    ("the free tier covers them", "프리 티어 안에 들어")
                } else {
                    (
                        "they add less than a cent",
                        "더해지는 요금이 1센트 미만이라",
                    )
                };
                t(
                    format!(
                        "A keep-warm ping every {} min would stop {}: {} pings and {} GB-s more; {why_en}, so the month's bill stays {}",
                        a.ping_min,
                        stopped.en(),
                        num(a.ping_requests, 0),
                        gbs(a.ping_gb_s),
                        usd(a.month_usd_without),
                    ),
                    format!(
                        "{}분마다 웜 유지 핑을 보내면 {}을 막습니다: 핑 {}건과 {} GB-초가 더해지지만 {why_ko} 월 요금은 그대로 {}",
                        a.ping_min,
                        stopped.ko(),
                        num(a.ping_requests, 0),
                        gbs(a.ping_gb_s),
                        usd(a.month_usd_without),
                    ),
                    lang,
                )
            } else {
                ping_change_line(a, stopped, lang)
            };
            out.push(line);
        }
        if f.provisioned_offered && a.pc_envs > f.provisioned {
            let (n, g, month_s) = (num(a.pc_envs, 0), gb(f.memory_gb), num(f.month_s, 0));
            let x = gbs(a.pc_gb_s);
            let eq1 = rel(
                shown_value(&n).0 * shown_value(&g).0 * shown_value(&month_s).0,
                &x,
            );
            let (r, eq2, amount) = priced(shown_value(&x).0, a.pc_usd_per_gb_s, a.pc_usd);
            let on = rate(f.provisioned_duration_usd_per_gb_s);
            let mut line = t(
                format!(
                    "Provisioned concurrency for {} would stop all {total}: {n} × {g} GB × {month_s} s {eq1} {x} GB-s × {r} {eq2} {amount} a month; their runs bill at {on} a GB-s instead of the on-demand rate",
                    plural(a.pc_envs, "environment", "environments"),
                ),
                format!(
                    "프로비저닝된 동시성 {n}개면 콜드 스타트 {}을 모두 막습니다: {n}개 × {g} GB × {month_s}초 {eq1} {x} GB-초 × {r} {eq2} 월 {amount}; 그 위의 실행은 온디맨드 대신 GB-초당 {on} 요금으로 과금",
                    times(&total),
                ),
                lang,
            );
            // The lanes' most environments at once, as the table shows it: where it reads
            // more than the advice, say what each counts.
            let most = CountFormat::for_total(a.lane_max, true, lang)
                .in_full()
                .show(a.lane_max);
            if split_value(&most) > a.pc_envs {
                // (Without the table's `≈`, as the math's counts are written: an `≈` here
                // would read as a relation.)
                line.push_str(&t(
                    format!(
                        "; {n} is the busiest minute's demand rounded up, the environments running then; the lanes' {most} at most at once (max instances) count those starting too, and provisioned environments never start"
                    ),
                    format!(
                        "; {n}개는 가장 바쁜 분의 수요를 올림한 값, 곧 그때 실행 중인 환경 수; 레인의 최대 동시 환경 {most}개(최대 인스턴스)에는 시작 중인 환경도 들어 있으며, 프로비저닝된 환경은 시작하지 않음"
                    ),
                    lang,
                ));
            }
            out.push(line);
        }
    }
    out
}

/// `A keep-warm ping every 5 min would stop the 120 after an idle spell: … take the month's
/// bill from $1.20 to $1.25; $1.25 − $1.20 = $0.05 a month`: what a suggested ping changes in
/// the month's bill, a cost or (the INIT no longer billed outweighing the pings) a saving, the
/// larger bill first in the subtraction so the difference shown is positive.
fn ping_change_line(a: &AvoidColdStarts, stopped: Stopped, lang: Lang) -> String {
    let saves = a.ping_usd < 0.0;
    let (without, with) = (usd(a.month_usd_without), usd(a.month_usd_with));
    let (larger, smaller) = if saves {
        (&without, &with)
    } else {
        (&with, &without)
    };
    let (pings, more, change) = (
        num(a.ping_requests, 0),
        gbs(a.ping_gb_s),
        usd(a.ping_usd.abs()),
    );
    let (init_en, init_ko, end_en, end_ko) = if saves {
        (
            ", and no INIT for those cold starts,",
            "를 더해도 그 콜드 스타트의 INIT가 빠져",
            "saved a month",
            format!("월 {change} 절약"),
        )
    } else {
        ("", "를 더하면", "a month", format!("월 {change}"))
    };
    t(
        format!(
            "A keep-warm ping every {} min would stop {}: {pings} pings and {more} GB-s more{init_en} take the month's bill from {without} to {with}; {larger} − {smaller} = {change} {end_en}",
            a.ping_min,
            stopped.en(),
        ),
        format!(
            "{}분마다 웜 유지 핑을 보내면 {}을 막습니다: 핑 {pings}건과 {more} GB-초{init_ko} 월 요금 {without} → {with}; {larger} − {smaller} = {end_ko}",
            a.ping_min,
            stopped.ko(),
        ),
        lang,
    )
}

/// The cold starts a suggested ping stops: all of those after an idle spell, or some of them
/// (it keeps one environment warm; a batch after an idle spell starts more).
#[derive(Clone, Copy)]
enum Stopped<'a> {
    All(&'a str),
    Some(&'a str, &'a str),
}

impl Stopped<'_> {
    /// `the 120 after an idle spell`, `30 of the 2,077 after an idle spell`.
    fn en(self) -> String {
        match self {
            Stopped::All(n) => format!("the {n} after an idle spell"),
            Stopped::Some(k, n) => format!("{k} of the {n} after an idle spell"),
        }
    }

    /// `유휴 뒤 콜드 스타트 120번`, `유휴 뒤 콜드 스타트 2,077번 중 30번`.
    fn ko(self) -> String {
        match self {
            Stopped::All(n) => format!("유휴 뒤 콜드 스타트 {}", times(n)),
            Stopped::Some(k, n) => format!("유휴 뒤 콜드 스타트 {} 중 {}", times(n), times(k)),
        }
    }
}

/// `≈4.9`: an expected number (functions' environments and cold starts) marked as one, as the
/// lanes mark them; a zero is none at all.
fn about(shown: String) -> String {
    if shown == "0" {
        shown
    } else {
        format!("≈{shown}")
    }
}

/// `3번`, `284만 번`: a Korean count of times (a space after a scale word, as written).
fn times(count: &str) -> String {
    if count.ends_with(['만', '억', '조', '경', '해']) {
        format!("{count} 번")
    } else {
        format!("{count}번")
    }
}

/// The value of a count as [`counts`] shows it (for deciding whether it is zero).
fn split_value(shown: &str) -> f64 {
    shown
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect::<String>()
        .parse()
        .unwrap_or(0.0)
}

/// `In won, at ₩1,400 per dollar: $11.63 × 1,400 = ₩16,282` when the currency is won.
pub fn conversion(
    total_usd: f64,
    currency: Currency,
    krw_per_usd: f64,
    lang: Lang,
) -> Option<String> {
    match currency {
        Currency::Usd => None,
        Currency::Krw => Some(t(
            format!(
                "In won, at ₩{} per dollar: {} × {} = {}",
                sig(krw_per_usd),
                usd(total_usd),
                sig(krw_per_usd),
                money(total_usd, Currency::Krw, krw_per_usd)
            ),
            format!(
                "원화(1달러 ₩{}): {} × {} = {}",
                sig(krw_per_usd),
                usd(total_usd),
                sig(krw_per_usd),
                money(total_usd, Currency::Krw, krw_per_usd)
            ),
            lang,
        )),
    }
}

/// One model's block as the app and the CLI show it: its lines, and the bill in won if asked.
pub fn block(
    o: &Outcome,
    m: &ModelOutcome,
    currency: Currency,
    krw: f64,
    lang: Lang,
) -> Vec<String> {
    let mut lines = model(o, m, lang);
    if m.not_runnable.is_empty() {
        lines.extend(conversion(m.month.cost_usd, currency, krw, lang));
    }
    lines
}

/// The SaaS block, with the bill in won if asked.
pub fn saas_block(o: &Outcome, currency: Currency, krw: f64, lang: Lang) -> Vec<String> {
    let mut lines = saas(o.saas.seats, o.saas.usd_per_seat_month, lang);
    lines.extend(conversion(o.saas.month_usd, currency, krw, lang));
    lines
}

/// One row of the month table, as shown (the app's table and the CLI's print the same).
#[derive(Clone, Debug, PartialEq)]
pub struct MonthRow {
    /// `None` for the SaaS subscription.
    pub kind: Option<ModelKind>,
    pub cost: String,
    pub max_instances: String,
    pub p95: String,
    pub lost: String,
    pub cold_starts: String,
    /// The cheapest model that serves the workload ([`serves_workload`]).
    pub cheapest: bool,
}

/// What "timed out" means where a p95 says it (under the month table, in the app and the CLI).
pub fn timed_out_note(lang: Lang) -> String {
    Text::MonthTimedOutNote.get(lang).replace(
        "{s}",
        &crate::money::format_number(crate::sim::QUEUE_TIMEOUT_S, 0),
    )
}

/// The column headings of [`month_table`].
pub fn month_headers(lang: Lang) -> [&'static str; 6] {
    [
        Text::ColModel.get(lang),
        Text::ColCost.get(lang),
        Text::ColMaxInstances.get(lang),
        Text::ColP95.get(lang),
        Text::ColDropped.get(lang),
        Text::ColColdStarts.get(lang),
    ]
}

/// Whether a model serves the workload: it can run, loses under 1% of the month's requests,
/// and its p95 over the peak day neither timed out nor passed [`Outcome::p95_target_ms`].
/// This is the one rule: the month table's ★, the quiz's answer, the CLI's ★, the fit card's
/// "cheapest" and the fit verdict's alternative are all the cheapest of these
/// ([`serving_by_cost`]).
pub fn serves_workload(o: &Outcome, k: ModelKind) -> bool {
    let m = o.model(k);
    let t = &m.month;
    let lost = if t.requests > 0.0 {
        t.dropped / t.requests
    } else {
        0.0
    };
    m.not_runnable.is_empty()
        && lost < 0.01
        && !t.p95_timed_out
        && (t.served <= 0.0 || t.p95_ms <= o.p95_target_ms)
}

/// The models that serve the workload ([`serves_workload`]), cheapest first.
pub fn serving_by_cost(o: &Outcome) -> Vec<ModelKind> {
    let mut v: Vec<ModelKind> = ModelKind::ALL
        .iter()
        .copied()
        .filter(|&k| serves_workload(o, k))
        .collect();
    v.sort_by(|a, b| {
        o.model(*a)
            .month
            .cost_usd
            .total_cmp(&o.model(*b).month.cost_usd)
    });
    v
}

/// What the ★ means, with the workload's p95 target (`target_ms`: the duration + 1 s,
/// [`Outcome::p95_target_ms`]).
pub fn cheapest_note(target_ms: f64, lang: Lang) -> String {
    Text::CheapestNote
        .get(lang)
        .replace(
            "{target}",
            &crate::money::format_duration_ms(target_ms, lang),
        )
        .replace(
            "{wait}",
            &crate::money::format_duration_ms(crate::sim::P95_TARGET_WAIT_MS, lang),
        )
}

/// The month table: one row per model in [`ModelKind::ALL`] order, then SaaS. A model that
/// cannot run has no bill: "—" with the reason, and "—" for its other cells.
pub fn month_table(o: &Outcome, currency: Currency, krw: f64, lang: Lang) -> Vec<MonthRow> {
    let runnable = |k: ModelKind| o.model(k).not_runnable.is_empty();
    let cheapest = serving_by_cost(o).first().copied();
    let dash = || "—".to_string();
    let mut rows: Vec<MonthRow> = ModelKind::ALL
        .iter()
        .map(|&k| {
            let m = o.model(k);
            if !runnable(k) {
                return MonthRow {
                    kind: Some(k),
                    cost: format!("— {}", Text::FitNotRunnableCell.get(lang)),
                    max_instances: dash(),
                    p95: dash(),
                    lost: dash(),
                    cold_starts: dash(),
                    cheapest: false,
                };
            }
            let faas = k == ModelKind::Faas;
            let cold = if faas {
                let c = match &m.bill {
                    Bill::Faas(f) => &f.cold,
                    _ => unreachable!("a function model has a function bill"),
                };
                about(counts(c.total, &[c.after_idle, c.scale_out], lang).0)
            } else {
                num(m.month.cold_starts, 0)
            };
            let max_instances = CountFormat::for_total(m.month.max_instances, faas, lang)
                .in_full()
                .show(m.month.max_instances);
            MonthRow {
                kind: Some(k),
                cost: money(m.month.cost_usd, currency, krw),
                // Functions' environments are expected numbers, marked as the lanes mark them.
                max_instances: if faas {
                    about(max_instances)
                } else {
                    max_instances
                },
                // The lanes' and the latency chart's formatter: one value, one text.
                p95: crate::money::latency_or_why(
                    m.month.p95_ms,
                    m.month.p95_timed_out,
                    m.month.served,
                    m.month.requests,
                    lang,
                ),
                lost: num(m.month.dropped, 0),
                cold_starts: cold,
                cheapest: cheapest == Some(k),
            }
        })
        .collect();
    rows.push(MonthRow {
        kind: None,
        cost: money(o.saas.month_usd, currency, krw),
        max_instances: dash(),
        p95: dash(),
        lost: dash(),
        cold_starts: dash(),
        cheapest: false,
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::{self, FaasRates};

    #[test]
    fn faas_math_reads_like_the_hand_calculation() {
        let b = pricing::faas(30e6, 200.0, 128.0, &FaasRates::lambda_x86_64(), true, 1.0);
        let en = faas(&b, 1.0, Lang::En);
        assert_eq!(
            en,
            vec![
                "Requests: 30,000,000 − 1,000,000 free = 29,000,000; 29,000,000 × $0.20 per 1M = $5.80",
                "Billed duration: 200 ms a request, rounded up in 1 ms steps; memory: 128 MB ÷ 1,024 = 0.125 GB",
                "GB-seconds: 30,000,000 × 0.2 s × 0.125 GB = 750,000 GB-s",
                "Compute: 750,000 − 400,000 free = 350,000 GB-s; 350,000 × $0.0000166667 = $5.83",
                "Total: $5.80 + $5.83 = $11.63",
            ]
        );
        let ko = faas(&b, 1.0, Lang::Ko);
        assert_eq!(ko.len(), en.len());
        assert!(ko[0].starts_with("요청: 30,000,000 − 프리 티어 1,000,000"));
        assert_eq!(ko.last().unwrap(), "합계: $5.80 + $5.83 = $11.63");
    }

    #[test]
    fn fleet_math() {
        // A month's hours say which month: 0.0104 × 720 = 7.488 → $7.49.
        assert_eq!(
            vm(&pricing::vm(0.0104, 1.0, 720.0), "t3.micro", Lang::En),
            vec![
                "720 h = a 30-day month (30 × 24 h), the month the simulation bills",
                "Total: 1 × t3.micro × 720 h × $0.0104 per hour = $7.49"
            ]
        );
        assert_eq!(
            vm(&pricing::vm(0.0104, 1.0, 720.0), "t3.micro", Lang::Ko)[0],
            "720시간 = 30일 한 달(30 × 24시간), 시뮬레이션이 청구하는 한 달"
        );
        // Other hours are just hours: 2 × 24 × $0.085 = $4.08.
        assert_eq!(
            vm(&pricing::vm(0.085, 2.0, 24.0), "c5.large", Lang::En),
            vec!["Total: 2 × c5.large × 24 h × $0.085 per hour = $4.08"]
        );
        // Fargate 1 vCPU / 2 GB for 720 h: 720 × $0.04048 = $29.1456 → $29.15; 1,440 GB-h ×
        // $0.004445 = $6.4008 → $6.40; $35.55.
        let c = container(
            &pricing::container(0.04048, 0.004445, 1.0, 2.0, 1.0, 720.0),
            "fargate",
            Lang::En,
        );
        assert!(c[0].starts_with("720 h = a 30-day month"), "{}", c[0]);
        assert_eq!(
            c[1],
            "vCPU: 1 × 1 vCPU × 720 h = 720 vCPU-h × $0.04048 = $29.15"
        );
        assert_eq!(c[3], "Total (fargate): $29.15 + $6.40 = $35.55");
        assert_eq!(
            conversion(1.0, Currency::Krw, 1400.0, Lang::En).unwrap(),
            "In won, at ₩1,400 per dollar: $1.00 × 1,400 = ₩1,400"
        );
        assert!(conversion(1.0, Currency::Usd, 1400.0, Lang::En).is_none());
    }

    fn lines(q: &str, kind: ModelKind) -> Vec<String> {
        let o = crate::simulate(&crate::Scenario::from_query(q).0);
        model(&o, o.model(kind), Lang::En)
    }

    #[test]
    fn the_function_math_has_one_total_and_follows_to_the_bill() {
        // The issue's case: provisioned concurrency 10, quota 50, business hours at 100 req/s.
        let o = crate::simulate(&crate::Scenario::from_query("pc=10&quota=50").0);
        let f = o.model(ModelKind::Faas);
        let lines = model(&o, f, Lang::En);
        let totals: Vec<&String> = lines.iter().filter(|l| l.starts_with("Total")).collect();
        assert_eq!(totals.len(), 1, "{lines:#?}");
        assert!(totals[0].ends_with(&format!("= {}", usd(f.month.cost_usd))));
        // Four parts: requests, compute on demand, duration on provisioned, provisioned.
        assert_eq!(totals[0].matches(" + ").count(), 3, "{}", totals[0]);
        // The GB-seconds line counts every request's GB-seconds, not zero.
        let gbs = lines.iter().find(|l| l.starts_with("GB-seconds")).unwrap();
        assert!(!gbs.ends_with("= 0 GB-s"), "{gbs}");
    }

    #[test]
    fn a_days_factor_says_it_is_a_day_of_its_unit() {
        // Four VMs all day are 4 × 1,440 = 5,760 instance-minutes a day, not 5,760 minutes (a
        // day has 1,440): every factor of the month's product carries a day's unit.
        let both = |q: &str, kind: ModelKind| {
            let o = crate::simulate(&crate::Scenario::from_query(q).0);
            (
                model(&o, o.model(kind), Lang::En),
                model(&o, o.model(kind), Lang::Ko),
            )
        };
        let (en, ko) = both("pat=steady&n=4", ModelKind::VmFixed);
        assert!(
            en.iter()
                .any(|l| l == "Instance-minutes: 30 days × 5,760 a day = 172,800"),
            "{en:#?}"
        );
        assert!(
            ko.iter()
                .any(|l| l == "인스턴스-분: 30일 × 하루 5,760 인스턴스-분 = 172,800 인스턴스-분"),
            "{ko:#?}"
        );
        // The sibling lines: autoscaled VMs, containers, a function's requests and pings.
        for (q, kind) in [
            ("pat=flash&peak=2000", ModelKind::VmAuto),
            ("pat=flash&peak=2000", ModelKind::Container),
            ("pat=flash&peak=2000", ModelKind::Faas),
            ("pat=steady&ping=5", ModelKind::Faas),
        ] {
            let (en, ko) = both(q, kind);
            for line in en.iter().chain(&ko) {
                assert!(
                    !line.contains("분 =") || line.contains("인스턴스-분 ="),
                    "{line}"
                );
            }
            for (line_en, line_ko) in en.iter().zip(&ko) {
                let factors_en = line_en.matches(" × ").count();
                if line_en.contains(" days × ") || line_en.contains(" day × ") {
                    assert_eq!(line_en.matches(" a day").count(), factors_en, "{line_en}");
                    assert_eq!(line_ko.matches("× 하루 ").count(), factors_en, "{line_ko}");
                    assert!(!line_ko.contains("× 하루 0분"), "{line_ko}");
                }
            }
        }
        let (en, ko) = both("pat=steady&ping=5", ModelKind::Faas);
        assert!(
            en.iter().any(|l| l.contains("30 days × 288 a day = 8,640")),
            "{en:?}"
        );
        assert!(
            ko.iter().any(|l| l.contains("30일 × 하루 288건 = 8,640건")),
            "{ko:?}"
        );
    }

    #[test]
    fn the_month_says_how_it_is_built() {
        let o = crate::simulate(&crate::Scenario::from_query("pat=flash&peak=2000").0);
        let plan = month_plan(&o, Lang::En);
        assert!(
            plan[0].contains("1 spike day + 29 ordinary days = 30 days"),
            "{plan:?}"
        );
        let f = lines("pat=flash&peak=2000", ModelKind::Faas);
        assert!(
            f[0].starts_with("Requests served: 1 spike day × "),
            "{}",
            f[0]
        );
        assert!(f[0].contains(" + 29 ordinary days × "), "{}", f[0]);
        let v = lines("pat=flash&peak=2000", ModelKind::VmAuto);
        assert!(
            v[1].starts_with("Instance-minutes: 1 spike day × "),
            "{}",
            v[1]
        );
        let g = month_plan(
            &crate::simulate(&crate::Scenario::from_query("pat=growth").0),
            Lang::Ko,
        );
        assert!(
            g[0].contains("월말 5일 + 월중 20일 + 월초 5일 = 30일"),
            "{g:?}"
        );
    }

    #[test]
    fn a_model_that_cannot_run_shows_its_reason_and_no_bill() {
        let o = crate::simulate(&crate::Scenario::from_query("mem=20000").0);
        let f = o.model(ModelKind::Faas);
        let l = block(&o, f, Currency::Krw, 1400.0, Lang::En);
        assert!(l[0].contains("10,240 MB"), "{l:?}");
        assert!(
            l.iter().all(|l| !l.contains('$') && !l.contains('₩')),
            "{l:?}"
        );
        let row = &month_table(&o, Currency::Usd, 1400.0, Lang::En)[4];
        assert_eq!(row.cost, "— cannot run");
    }

    #[test]
    fn money_at_the_extremes_reads_without_float_noise() {
        // 100,000 VMs × 720 h × $1,000,000 an hour = $72 trillion = ₩7.2 × 10¹⁸ at ₩100,000.
        let s = crate::Scenario::from_query("n=100000&p_vm=1000000&cur=krw&krw=100000").0;
        let o = crate::simulate(&s);
        let rows = month_table(&o, s.currency, s.krw_per_usd, Lang::En);
        assert_eq!(rows[1].cost, "₩7,200,000,000,000,000,000");
        let usd = month_table(&o, Currency::Usd, 1.0, Lang::En);
        assert_eq!(usd[1].cost, "$72,000,000,000,000.00");
    }

    #[test]
    fn every_simulated_model_has_math_in_both_languages() {
        let o = crate::simulate(&crate::Scenario::from_query("pc=2").0);
        for m in &o.models {
            for lang in Lang::ALL {
                let lines = model(&o, m, lang);
                assert!(!lines.is_empty() && lines.iter().all(|l| !l.contains("NaN")));
            }
        }
    }
}

#[cfg(test)]
mod readable {
    //! The math reads: no long decimals, small figures not shown as 0, every `=` as printed.
    use super::*;
    use crate::sim::ModelKind;

    fn lines(q: &str, kind: ModelKind, lang: Lang) -> Vec<String> {
        let o = crate::simulate(&crate::Scenario::from_query(q).0);
        block(&o, o.model(kind), Currency::Usd, 1.0, lang)
    }

    fn line(q: &str, kind: ModelKind, starts: &str) -> String {
        let all = lines(q, kind, Lang::En);
        all.iter()
            .find(|l| l.starts_with(starts))
            .unwrap_or_else(|| panic!("{q}: no {starts:?} in {all:#?}"))
            .clone()
    }

    #[test]
    fn the_planned_peak_shows_three_significant_digits() {
        let servers = |q: &str| line(q, ModelKind::OnPrem, "Servers:");
        assert_eq!(
            servers("pat=flash&peak=2000"),
            "Servers: 74.1 req/s planned peak × 0.05 s CPU = 3.71 cores busy; 3.71 × (1 + 30%) = 4.82 cores with headroom; 4.82 ÷ 32 cores a server = 0.15; rounded up: 1 server"
        );
        assert!(
            servers("pat=flash&peak=0.01&cpu=200").starts_with(
                "Servers: 0.00037 req/s planned peak × 0.2 s CPU = 0.000074 cores busy;"
            )
        );
        // The whole part stays: 2,222.22… reads 2,222, not 2,220.
        assert!(
            servers("pat=flash&peak=60000")
                .starts_with("Servers: 2,222 req/s planned peak × 0.05 s CPU = 111.1 cores busy;")
        );
    }

    #[test]
    fn a_small_load_is_not_shown_as_zero() {
        assert_eq!(
            line("pat=flash&peak=100&cpu=1", ModelKind::OnPrem, "Servers:"),
            "Servers: 3.7 req/s planned peak × 0.001 s CPU = 0.0037 cores busy; 0.0037 × (1 + 30%) = 0.0048 cores with headroom; 0.0048 ÷ 32 cores a server = 0.00015; rounded up: 1 server"
        );
        let ko = lines("pat=flash&peak=100&cpu=1", ModelKind::OnPrem, Lang::Ko);
        assert!(ko[0].contains("= 바쁜 코어 0.0037개;"), "{}", ko[0]);
    }

    #[test]
    fn the_peak_shows_more_digits_where_fewer_would_size_other_servers() {
        // 100,000 ÷ 39 req/s × 600 s × 1.3 ÷ 1 core is exactly 2,000,000 servers: a peak
        // rounded down would size fewer, rounded up one more.
        let o = crate::simulate(
            &crate::Scenario::from_query("pat=flash&peak=100000&cpu=600000&cores=1").0,
        );
        let m = o.model(ModelKind::OnPrem);
        let Bill::OnPrem { bill, .. } = &m.bill else {
            panic!("on premises")
        };
        let l = &model(&o, m, Lang::En)[0];
        assert!(
            l.ends_with(&format!("rounded up: {} servers", num(bill.servers, 0))),
            "{l}"
        );
        let peak = l.split(' ').nth(1).unwrap();
        assert!(peak.len() > "2,564".len(), "{l}");
    }

    #[test]
    fn function_memory_and_gb_seconds_read_rounded_and_say_so() {
        let q = "pat=bursty&peak=1&mem=1769&cpu=200&arch=arm64&gran=100&free=1";
        assert!(
            line(q, ModelKind::Faas, "Billed duration:")
                .ends_with("memory: 1,769 MB ÷ 1,024 ≈ 1.7275 GB")
        );
        assert_eq!(
            line(q, ModelKind::Faas, "GB-seconds:"),
            "GB-seconds: 329,227 × 0.2 s × 1.7275 GB ≈ 113,751 GB-s"
        );
        let q = "pat=batch&peak=350&mem=300&dur=1000&rt=dotnet&arch=arm64&pc=1";
        assert!(
            line(q, ModelKind::Faas, "Billed duration:")
                .ends_with("memory: 300 MB ÷ 1,024 ≈ 0.293 GB")
        );
        assert_eq!(
            line(q, ModelKind::Faas, "GB-seconds:"),
            "GB-seconds: 49,089,330 × 1 s × 0.293 GB ≈ 14,381,640 GB-s"
        );
        assert_eq!(
            line(q, ModelKind::Faas, "Provisioned concurrency:"),
            "Provisioned concurrency: 1 × 0.293 GB × 2,592,000 s ≈ 759,375 GB-s × $0.0000033334 = $2.53"
        );
        // An exact memory keeps its `=`.
        assert!(
            line("mem=128", ModelKind::Faas, "Billed duration:")
                .ends_with("memory: 128 MB ÷ 1,024 = 0.125 GB")
        );
    }

    #[test]
    fn a_small_difference_of_large_gb_seconds_keeps_its_digits() {
        let l = line(
            "pat=iot&peak=1&cpu=0.5&dur=1&mem=128&pc=1&warm=1",
            ModelKind::Faas,
            "On the",
        );
        let sum = l.split("on demand: ").nth(1).unwrap();
        assert!(!sum.contains(" ≈ "), "{l}");
        assert!(!sum.starts_with("1,073 − 1,073 "), "{l}");
        // The provisioned environments' GB-seconds read alike in the line.
        let provisioned = l
            .split(": ")
            .nth(1)
            .unwrap()
            .trim_end_matches(" GB-s; on demand");
        assert!(sum.contains(&format!(" − {provisioned} ")), "{l}");
    }

    #[test]
    fn rel_says_whether_a_figure_holds_as_shown() {
        assert_eq!(rel(1769.0 / 1024.0, "1.7275"), "=");
        assert_eq!(rel(113_750.5, "113,751"), "≈");
        assert_eq!(rel(750_000.0, "750,000"), "=");
        assert_eq!(rel(0.0058, "0"), "≈");
        assert_eq!(gbs(113_750.500586), "113,751");
        assert_eq!(gbs(22.3156), "22.32");
        assert_eq!(gbs(0.000125), "0.00013");
        assert_eq!(res(0.0037037), "0.0037");
        assert_eq!(res(0.00011574), "0.00012");
        assert_eq!(res(666.666666), "666.6667");
    }
}

#[cfg(test)]
mod ping_line {
    use super::*;

    fn avoid(without: f64, with: f64) -> AvoidColdStarts {
        AvoidColdStarts {
            ping_min: 5,
            ping_requests: 8_640.0,
            ping_gb_s: 4.32,
            month_usd_without: without,
            month_usd_with: with,
            ping_usd: ((with * 100.0_f64).round() - (without * 100.0_f64).round()) / 100.0,
            ping_stops: 120.0,
            pc_envs: 1.0,
            lane_max: 1.0,
            pc_gb_s: 0.0,
            pc_usd_per_gb_s: 0.0,
            pc_usd: 0.0,
        }
    }

    #[test]
    fn a_ping_that_costs_and_one_that_saves_read_as_before() {
        let costs = avoid(1.20, 1.25);
        assert_eq!(
            ping_change_line(&costs, Stopped::All("120"), Lang::En),
            "A keep-warm ping every 5 min would stop the 120 after an idle spell: 8,640 pings and 4.32 GB-s more take the month's bill from $1.20 to $1.25; $1.25 − $1.20 = $0.05 a month"
        );
        assert_eq!(
            ping_change_line(&costs, Stopped::All("120"), Lang::Ko),
            "5분마다 웜 유지 핑을 보내면 유휴 뒤 콜드 스타트 120번을 막습니다: 핑 8,640건과 4.32 GB-초를 더하면 월 요금 $1.20 → $1.25; $1.25 − $1.20 = 월 $0.05"
        );
        let saves = avoid(1.25, 1.20);
        assert_eq!(
            ping_change_line(&saves, Stopped::All("120"), Lang::En),
            "A keep-warm ping every 5 min would stop the 120 after an idle spell: 8,640 pings and 4.32 GB-s more, and no INIT for those cold starts, take the month's bill from $1.25 to $1.20; $1.25 − $1.20 = $0.05 saved a month"
        );
        assert_eq!(
            ping_change_line(&saves, Stopped::All("120"), Lang::Ko),
            "5분마다 웜 유지 핑을 보내면 유휴 뒤 콜드 스타트 120번을 막습니다: 핑 8,640건과 4.32 GB-초를 더해도 그 콜드 스타트의 INIT가 빠져 월 요금 $1.25 → $1.20; $1.25 − $1.20 = 월 $0.05 절약"
        );
    }

    fn faas_lines(q: &str, lang: Lang) -> (Vec<String>, f64) {
        let o = crate::simulate(&crate::Scenario::from_query(q).0);
        let m = o.model(ModelKind::Faas);
        (block(&o, m, Currency::Usd, 1.0, lang), m.month.cost_usd)
    }

    /// A ping beside provisioned concurrency is redundant: the math says it is not sent and
    /// why, in both languages; the bill is the one without the ping, and no ping is suggested.
    #[test]
    fn a_ping_beside_provisioned_environments_is_said_to_be_redundant() {
        let q = "pat=batch&peak=100&pc=10&ping=5";
        let (en, bill) = faas_lines(q, Lang::En);
        let (ko, _) = faas_lines(q, Lang::Ko);
        let (_, without) = faas_lines("pat=batch&peak=100&pc=10", Lang::En);
        assert_eq!(bill, without);
        assert!(
            en.iter().any(|l| l.starts_with(
                "Keep-warm pings, one every 5 min: none sent; the 10 provisioned environments are always warm"
            ) && l.ends_with("it stops no cold start and is left out of the bill")),
            "{en:#?}"
        );
        assert!(
            !en.iter().any(|l| l.starts_with("A keep-warm ping every")),
            "{en:#?}"
        );
        assert!(
            ko.iter()
                .any(|l| l.starts_with("웜 유지 핑(5분마다): 보내지 않음; 프로비저닝된 환경 10개")),
            "{ko:#?}"
        );
        assert!(
            !ko.iter().any(|l| l.contains("분마다 웜 유지 핑을 보내면")),
            "{ko:#?}"
        );
        // One environment: said in the singular.
        let (en, _) = faas_lines("pat=batch&peak=1&pc=1&ping=5", Lang::En);
        assert!(
            en.iter().any(|l| l.contains("the 1 provisioned environment is always warm and takes invocations first, so a ping would land on it")),
            "{en:#?}"
        );
        // Without provisioned concurrency, or on Azure (which has none), the ping is sent.
        for q in [
            "pat=batch&peak=100&ping=5",
            "pat=batch&peak=100&pc=10&ping=5&faas=azure",
        ] {
            let (en, _) = faas_lines(q, Lang::En);
            assert!(!en.iter().any(|l| l.contains("none sent")), "{q}: {en:#?}");
            assert!(
                en.iter().any(|l| l.starts_with("Keep-warm pings, one every 5 min: 30 days × 288 a day")),
                "{q}: {en:#?}"
            );
        }
    }
}

#[cfg(test)]
mod pc_advice {
    //! The provisioned-concurrency advice and the lanes' most environments at once.
    use super::*;
    use proptest::prelude::*;

    fn advice(q: &str, lang: Lang) -> (Option<String>, String, f64) {
        let o = crate::simulate(&crate::Scenario::from_query(q).0);
        let m = o.model(ModelKind::Faas);
        let Bill::Faas(f) = &m.bill else { panic!() };
        let marker = match lang {
            Lang::En => "Provisioned concurrency for ",
            Lang::Ko => "개면 콜드 스타트",
        };
        let line = block(&o, m, Currency::Usd, 1.0, lang)
            .into_iter()
            .find(|l| l.contains(marker));
        let row = month_table(&o, Currency::Usd, 1.0, lang)
            .into_iter()
            .find(|r| r.kind == Some(ModelKind::Faas))
            .unwrap();
        let pc = f.avoid.as_ref().map_or(0.0, |a| a.pc_envs);
        (line, row.max_instances, pc)
    }

    /// A flash spike's busiest minute runs 346 environments while ≈347 are there at once:
    /// the advice says which it counts and why the lanes show more, in both languages.
    #[test]
    fn the_advice_says_it_counts_running_environments_and_the_lanes_starting_ones_too() {
        let q = "pat=flash&peak=2000";
        let (en, most, pc) = advice(q, Lang::En);
        let en = en.unwrap();
        assert_eq!((most.as_str(), pc), ("≈347", 346.0));
        assert!(
            en.ends_with("; 346 is the busiest minute's demand rounded up, the environments running then; the lanes' 347 at most at once (max instances) count those starting too, and provisioned environments never start"),
            "{en}"
        );
        let (ko, _, _) = advice(q, Lang::Ko);
        assert!(
            ko.unwrap().ends_with("; 346개는 가장 바쁜 분의 수요를 올림한 값, 곧 그때 실행 중인 환경 수; 레인의 최대 동시 환경 347개(최대 인스턴스)에는 시작 중인 환경도 들어 있으며, 프로비저닝된 환경은 시작하지 않음")
        );
        // Where the lanes show no more than the advice, nothing to explain.
        let (en, most, pc) = advice("peak=100", Lang::En);
        assert_eq!((most.as_str(), pc), ("≈17", 18.0));
        assert!(!en.unwrap().contains("at most at once"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// The advice covers every environment running on the peak day, the lanes count at
        /// least those, and the line names the lanes' figure exactly when it reads more.
        #[test]
        fn the_advice_and_the_lanes_are_related_as_the_line_says(
            pat in prop::sample::select(vec!["steady", "diurnal", "bursty", "flash", "batch", "iot", "growth"]),
            peak_exp in -1.0f64..4.0,
            rt in prop::sample::select(vec!["python", "java"]),
            seed in 0u64..1000,
        ) {
            let peak = (libm::pow(10.0, peak_exp) * 10.0).round() / 10.0;
            let q = format!("pat={pat}&peak={peak}&rt={rt}&seed={seed}");
            let o = crate::simulate(&crate::Scenario::from_query(&q).0);
            let m = o.model(ModelKind::Faas);
            let Bill::Faas(f) = &m.bill else { panic!() };
            let Some(a) = &f.avoid else { return Ok(()) };
            let running = m.series.serving.iter().cloned().fold(0.0, f64::max);
            prop_assert!(a.pc_envs >= running - 1e-9, "{q}: {} < {running}", a.pc_envs);
            prop_assert!(a.lane_max >= running - 1e-9);
            prop_assert_eq!(a.lane_max, m.month.max_instances);
            for lang in [Lang::En, Lang::Ko] {
                let (line, most, pc) = advice(&q, lang);
                let Some(line) = line else { continue };
                let more = split_value(&most) > pc;
                let most = most.trim_start_matches('≈');
                let said = match lang {
                    Lang::En => format!("the lanes' {most} at most at once"),
                    Lang::Ko => format!("최대 동시 환경 {most}개"),
                };
                prop_assert_eq!(line.contains(&said), more, "{}: {}", q, line);
            }
        }
    }
}
