//! Money display: one formatter per currency.
//!
//! Every amount is computed in `f64` US dollars and converted and rounded only here, at the
//! edge, so the cents a person reads are the cents the tests check. A bill made of parts is
//! summed from parts rounded to the cent ([`round_cents`]), as an invoice's lines are, so its
//! total is the sum of the amounts printed above it.
//!
//! Digits beyond the 15th significant one are float noise, not information: every formatter
//! here shows them as zeros (`₩7,200,000,000,000,000,000`, never `…070,656`).
//!
//! **One rule for large numbers.** Tables, "show the math", the fit card and every sentence
//! write a count, a rate or an amount in full digits with thousands separators (`100,000
//! requests/s`, `123,000 cold starts`; an expected count rounded to three significant digits
//! is still written in full, `≈123,000`, through [`CountFormat::in_full`]). Only the lanes of
//! the scaling view, where a lane is a few words wide, write numbers from 100,000 on with
//! three significant digits and a scale word ([`format_compact`], [`compact_number`],
//! [`format_rps_compact`], [`format_rate_short`], [`CountFormat::for_total`]): `$72T`,
//! `₩720경`, `10만 요청/초`. Chart ticks are plain numbers ([`format_number`]). A share of
//! requests (cold starts, drops, throttles) is written by [`format_share`] everywhere.
//!
//! ```
//! use skyscale_core::money::{Currency, format, format_usd, format_krw};
//! assert_eq!(format_usd(1234.564), "$1,234.56");
//! assert_eq!(format_krw(1234567.4), "₩1,234,567");
//! assert_eq!(format(1.0, Currency::Krw, 1400.0), "₩1,400");
//! ```

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text};

/// The currency amounts are shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Currency {
    #[default]
    Usd,
    Krw,
}

impl Currency {
    pub const ALL: [Currency; 2] = [Currency::Usd, Currency::Krw];

    /// The URL / CLI code (`usd`, `krw`).
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "usd",
            Currency::Krw => "krw",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        match code.trim().to_ascii_lowercase().as_str() {
            "usd" | "$" => Some(Currency::Usd),
            "krw" | "₩" | "won" => Some(Currency::Krw),
            _ => None,
        }
    }
}

/// Formats `usd` dollars in `currency`, converting at `krw_per_usd` for won.
pub fn format(usd: f64, currency: Currency, krw_per_usd: f64) -> String {
    match currency {
        Currency::Usd => format_usd(usd),
        Currency::Krw => format_krw(usd * krw_per_usd),
    }
}

/// `usd` converted to won at `krw_per_usd`, in whole won: the amount [`format_krw`] prints.
pub fn krw_amount(usd: f64, krw_per_usd: f64) -> f64 {
    finite(usd * krw_per_usd).round()
}

/// `usd` rounded to the cent: the amount a bill's line shows, and what its total adds up.
pub fn round_cents(usd: f64) -> f64 {
    (finite(usd) * 100.0).round() / 100.0
}

/// A bill's total: its parts each rounded to the cent, added, and the sum rounded to the cent
/// again, so the total is the amount nearest a whole number of cents (`15.67`, never the
/// `15.670000000000002` that adding binary fractions leaves), as JSON and CSV print it.
pub fn add_cents(parts: &[f64]) -> f64 {
    round_cents(parts.iter().map(|&p| round_cents(p)).sum())
}

/// `$1,234.56`; negatives as `-$1.00`; a non-finite amount (never produced by the core) as `$0.00`.
pub fn format_usd(usd: f64) -> String {
    let cents = finite(usd * 100.0).round();
    let sign = if cents < 0.0 { "-" } else { "" };
    // The cents as digits (at most 15 significant ones), then the point put back in.
    let digits = whole_digits(cents.abs());
    let digits = format!("{digits:0>3}");
    let (whole, frac) = digits.split_at(digits.len() - 2);
    format!("{sign}${}.{frac}", group_digits(whole))
}

/// `₩1,234,567` (won have no minor unit in everyday use).
pub fn format_krw(krw: f64) -> String {
    let won = krw_amount(krw, 1.0);
    let sign = if won < 0.0 { "-" } else { "" };
    format!("{sign}₩{}", group(won.abs()))
}

/// A unit price, with every digit it has up to 10 decimals (12 below a cent), so arithmetic
/// with it holds as printed: `$0.0000166667`, `$0.096`, `$0.20`, `$12,000.00`.
pub fn format_rate_usd(usd: f64) -> String {
    let usd = finite(usd);
    let s = format_number(usd, if usd.abs() >= 0.01 { 10 } else { 12 });
    let decimals = s.split_once('.').map_or(0, |(_, f)| f.len());
    let pad = if decimals == 0 { "." } else { "" };
    format!("${s}{pad}{}", "0".repeat(2usize.saturating_sub(decimals)))
}

/// A plain number with thousands separators and up to `decimals` decimals (trailing zeros
/// trimmed): `1,234,567`, `0.125`. No more than 15 significant digits are shown.
pub fn format_number(x: f64, decimals: usize) -> String {
    let x = finite(x);
    let int_digits = if x.abs() >= 1.0 {
        libm::log10(x.abs()).floor() as usize + 1
    } else {
        1
    };
    let decimals = decimals.min(15usize.saturating_sub(int_digits));
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = frac.trim_end_matches('0');
    let int: f64 = int.parse().unwrap_or(0.0);
    let sign = if x < 0.0 && (int > 0.0 || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{}", group(int))
    } else {
        format!("{sign}{}.{frac}", group(int))
    }
}

/// Scale words for compact numbers, largest first, and the step between them.
fn scales(lang: Lang) -> &'static [(f64, &'static str)] {
    match lang {
        Lang::En => &[(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")],
        Lang::Ko => &[
            (1e20, "해"),
            (1e16, "경"),
            (1e12, "조"),
            (1e8, "억"),
            (1e4, "만"),
        ],
    }
}

/// How a group of counts shown together is written: the unit and scale word (`K`, `만`), and
/// the step every value is rounded to, so that parts and their total round alike.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CountFormat {
    unit: f64,
    name: &'static str,
    step: f64,
}

impl CountFormat {
    /// For counts up to `total`: whole numbers below 100,000 (tenths below 10 if `fractional`:
    /// an expected number of function environments), three significant digits and a scale
    /// word from 100,000 up (`123K`, `1.2M`; `12만`, `3.6억`).
    pub fn for_total(total: f64, fractional: bool, lang: Lang) -> CountFormat {
        let total = finite(total).abs();
        if total < 100_000.0 {
            let step = if fractional && total < 9.95 { 0.1 } else { 1.0 };
            return CountFormat {
                unit: 1.0,
                name: "",
                step,
            };
        }
        let pick = |total: f64| {
            let &(unit, name) = scales(lang)
                .iter()
                .find(|(u, _)| total >= *u)
                .unwrap_or(&(1.0, ""));
            // Three significant digits of the total, in the unit, but never fewer digits than
            // the whole part has (`1,504억`, not a `1,500억` that reads as exact): what is
            // shown is rounded to its last digit.
            let magnitude = libm::log10(total / unit).floor();
            let step = unit * libm::pow(10.0, magnitude.clamp(0.0, 2.0) - 2.0);
            CountFormat { unit, name, step }
        };
        // 999,999 rounds to 1,000K: say 1M.
        let f = pick(total);
        let rounded = (total / f.step).round() * f.step;
        if rounded > total && pick(rounded).unit > f.unit {
            pick(rounded)
        } else {
            f
        }
    }

    /// The same rounding written in full digits (`123,000`, never `12.3만`): for tables, the
    /// math and sentences, which have the room (see the module doc).
    pub fn in_full(self) -> CountFormat {
        CountFormat {
            unit: 1.0,
            name: "",
            step: self.step,
        }
    }

    /// What values are rounded to (a multiple of it is shown exactly).
    pub fn step(&self) -> f64 {
        self.step
    }

    /// `x` rounded to the step, in the unit: `1,234`, `0.5`, `1.23M`, `12만`.
    pub fn show(&self, x: f64) -> String {
        let steps = (finite(x) / self.step).round();
        if steps == 0.0 {
            return "0".into();
        }
        let ratio = self.step / self.unit;
        let decimals = if ratio >= 1.0 {
            0
        } else {
            (-libm::log10(ratio)).round() as usize
        };
        let v = steps * ratio;
        format!("{}{}", format_number(v, decimals), self.name)
    }
}

/// `x` with three significant digits and a scale word (`72T`, `720경`); plain below 100,000.
pub fn compact_number(x: f64, lang: Lang) -> String {
    let x = finite(x);
    let sign = if x < 0.0 { "-" } else { "" };
    format!(
        "{sign}{}",
        CountFormat::for_total(x.abs(), false, lang).show(x.abs())
    )
}

/// Like [`format`], but three significant digits and a scale word for a large amount:
/// `$72T`, `₩720경` (for space-starved places such as a lane).
pub fn format_compact(usd: f64, currency: Currency, krw_per_usd: f64, lang: Lang) -> String {
    let amount = match currency {
        Currency::Usd => finite(usd),
        Currency::Krw => finite(usd * krw_per_usd),
    };
    if amount.abs() < 100_000.0 {
        return format(usd, currency, krw_per_usd);
    }
    let symbol = match currency {
        Currency::Usd => "$",
        Currency::Krw => "₩",
    };
    let sign = if amount < 0.0 { "-" } else { "" };
    format!("{sign}{symbol}{}", compact_number(amount.abs(), lang))
}

/// Rounds `parts` to multiples of `step` so that they add up to their own total rounded to
/// the step (the largest remainders get the leftover steps, ties to the earlier part): the
/// parts a reader adds up make the total shown next to them.
pub fn apportion(parts: &[f64], step: f64) -> Vec<f64> {
    let step = if step > 0.0 && step.is_finite() {
        step
    } else {
        1.0
    };
    let units: Vec<f64> = parts.iter().map(|p| finite(*p).max(0.0) / step).collect();
    let total = units.iter().sum::<f64>().round();
    let mut out: Vec<f64> = units.iter().map(|u| u.floor()).collect();
    let left = (total - out.iter().sum::<f64>()).max(0.0) as usize;
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by(|&a, &b| {
        (units[b] - out[b])
            .total_cmp(&(units[a] - out[a]))
            .then(a.cmp(&b))
    });
    for &i in order.iter().take(left) {
        out[i] += 1.0;
    }
    out.into_iter().map(|u| u * step).collect()
}

/// A share (0–1) as a percentage with enough digits to be non-zero when the share is:
/// `56%`, `2.1%`, `0.096%`.
pub fn format_share(share: f64) -> String {
    let p = finite(share) * 100.0;
    if p == 0.0 {
        return "0%".into();
    }
    let decimals = if p >= 10.0 {
        0
    } else if p >= 1.0 {
        1
    } else {
        (1.0 - libm::log10(p).floor()).clamp(1.0, 12.0) as usize
    };
    format!("{}%", format_number(p, decimals))
}

/// A request rate with enough digits to read: per second from 1 req/s (`97.3 requests/s`),
/// per minute below (`6 requests/min`), per hour below one a minute (`3.6 requests/h`).
pub fn format_rps(rps: f64, lang: Lang) -> String {
    // Always in full (the peak slider's 100,000 reads "100,000 requests/s"): text has room.
    rate_words(rps, lang, f64::INFINITY)
}

/// [`format_rps`] with the number compact from 100,000 on (`100K requests/s`), for a lane.
pub fn format_rps_compact(rps: f64, lang: Lang) -> String {
    rate_words(rps, lang, 100_000.0)
}

/// A rate with its unit in words, compact from `compact_from` requests/s on.
fn rate_words(rps: f64, lang: Lang, compact_from: f64) -> String {
    let (value, unit) = rate_parts(rps, lang, compact_from);
    let unit = match unit {
        RateUnit::Second => Text::UnitRps,
        RateUnit::Minute => Text::UnitRpm,
        RateUnit::Hour => Text::UnitRph,
    };
    let unit = unit.get(lang);
    // "1 request/s", not "1 requests/s" (Korean has no plural).
    match (lang, value.as_str()) {
        (Lang::En, "1") => format!("1 {}", unit.replacen("requests", "request", 1)),
        _ => format!("{value} {unit}"),
    }
}

/// A short rate for a lane (`1.2/s`, `6/min`, `3.6/h`, `1.2M/s`).
pub fn format_rate_short(rps: f64, lang: Lang) -> String {
    let (value, unit) = rate_parts(rps, lang, 100_000.0);
    let unit = match unit {
        RateUnit::Second => Text::PerSecond,
        RateUnit::Minute => Text::PerMinute,
        RateUnit::Hour => Text::PerHour,
    };
    format!("{value}{}", unit.get(lang))
}

enum RateUnit {
    Second,
    Minute,
    Hour,
}

/// The number and unit of a rate; from `compact_from` requests/s on, the number is compact.
fn rate_parts(rps: f64, lang: Lang, compact_from: f64) -> (String, RateUnit) {
    let rps = finite(rps).max(0.0);
    if rps == 0.0 {
        (String::from("0"), RateUnit::Second)
    } else if rps >= compact_from {
        (compact_number(rps, lang), RateUnit::Second)
    } else if rps >= 1.0 {
        (format_number(rps, 1), RateUnit::Second)
    } else if rps * 60.0 >= 1.0 {
        (format_number(rps * 60.0, 1), RateUnit::Minute)
    } else {
        let h = rps * 3600.0;
        // Two significant digits.
        let decimals = (1.0 - libm::log10(h).floor()).clamp(0.0, 12.0) as usize;
        (format_number(h, decimals), RateUnit::Hour)
    }
}

/// A latency or duration: `120 ms` below 10 s, `12.3 s` below 100 minutes, `600 min` above.
pub fn format_duration_ms(ms: f64, lang: Lang) -> String {
    let ms = finite(ms).max(0.0);
    let (v, en, ko) = if ms < 10_000.0 {
        (format_number(ms, 0), " ms", " ms")
    } else if ms < 6_000_000.0 {
        (format_number(ms / 1000.0, 1), " s", "초")
    } else {
        (format_number(ms / 60_000.0, 0), " min", "분")
    };
    match lang {
        Lang::En => format!("{v}{en}"),
        Lang::Ko => format!("{v}{ko}"),
    }
}

/// A latency with its reason when there is none: `served` and `arriving` are the requests (any
/// rate or count) it was measured over. Nothing served gives no duration ("— (no requests)",
/// or "— (nothing served)" when all of them were lost), never "0 ms".
///
/// `timed_out`: the wait reached the queue's timeout ([`crate::sim::QUEUE_TIMEOUT_S`]), which
/// is said in words ("timed out (> 60 s)") rather than as a duration.
pub fn latency_or_why(ms: f64, timed_out: bool, served: f64, arriving: f64, lang: Lang) -> String {
    if served > 0.0 && timed_out {
        timed_out_text(lang, false)
    } else if served > 0.0 {
        format_duration_ms(ms, lang)
    } else if arriving > 0.0 {
        Text::LatencyNothingServed.get(lang).to_string()
    } else {
        Text::LatencyNoRequests.get(lang).to_string()
    }
}

/// "timed out (> 60 s)": a p95 whose wait reached the queue's timeout (`short`: "> 60 s", for
/// the rows a phone shows; the note under the month table says what it means).
pub fn timed_out_text(lang: Lang, short: bool) -> String {
    let text = if short {
        Text::LatencyTimedOutShort
    } else {
        Text::LatencyTimedOut
    };
    text.get(lang)
        .replace("{s}", &format_number(crate::sim::QUEUE_TIMEOUT_S, 0))
}

fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

/// The digits of a non-negative whole number, with any digit past the 15th significant one
/// shown as 0 (an `f64` holds about 15.95 significant digits; the rest is noise).
fn whole_digits(whole: f64) -> String {
    if whole < 1e15 {
        return format!("{whole:.0}");
    }
    let sci = format!("{whole:.14e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: usize = exp.parse().unwrap_or(0);
    let digits = mantissa.replace('.', "");
    format!(
        "{digits}{}",
        "0".repeat((exp + 1).saturating_sub(digits.len()))
    )
}

/// Thousands separators for a non-negative whole number.
fn group(whole: f64) -> String {
    group_digits(&whole_digits(whole))
}

/// Thousands separators for a string of digits.
fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_numbers_are_in_full_outside_the_lanes() {
        // The student met "10만" and "100,000" for the same kind of count: text writes full
        // digits (rounded alike), only the lanes' compact forms carry a scale word.
        for lang in Lang::ALL {
            let f = CountFormat::for_total(123_456.0, true, lang);
            assert_eq!(f.in_full().show(123_456.0), "123,000");
            assert_eq!(f.in_full().step(), f.step());
            assert_eq!(
                CountFormat::for_total(4.26, true, lang)
                    .in_full()
                    .show(4.26),
                "4.3"
            );
            assert!(format_rps(100_000.0, lang).starts_with("100,000 "));
            assert!(format_rps(2_500_000.0, lang).starts_with("2,500,000 "));
        }
        assert_eq!(
            CountFormat::for_total(123_456.0, true, Lang::Ko).show(123_456.0),
            "12.3만"
        );
        assert_eq!(format_rps_compact(100_000.0, Lang::Ko), "10만 요청/초");
    }

    #[test]
    fn one_request_is_singular() {
        assert_eq!(format_rps(1.0, Lang::En), "1 request/s");
        assert_eq!(format_rps(2.0, Lang::En), "2 requests/s");
        assert_eq!(format_rps(1.0, Lang::Ko), "1 요청/초");
        assert_eq!(format_rps(1.0 / 60.0, Lang::En), "1 request/min");
    }

    fn check(usd: f64, expected_usd: &str, expected_krw_at_1400: &str) {
        assert_eq!(format_usd(usd), expected_usd);
        assert_eq!(format(usd, Currency::Krw, 1400.0), expected_krw_at_1400);
    }

    #[test]
    fn a_total_of_cents_is_the_amount_nearest_its_cents() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary; a bill of $0.10 + $0.20 is $0.30.
        assert_eq!(add_cents(&[0.1, 0.2]), 0.3);
        assert_eq!(add_cents(&[15.004, 0.666]), 15.67);
        assert_eq!(
            serde_json::json!(add_cents(&[13.46, 2.21])).to_string(),
            "15.67"
        );
    }

    #[test]
    fn formats() {
        check(0.0, "$0.00", "₩0");
        check(1.033335, "$1.03", "₩1,447");
        check(11.633345, "$11.63", "₩16,287");
        check(1234.565, "$1,234.57", "₩1,728,391");
        check(999.999, "$1,000.00", "₩1,399,999");
        check(-2.5, "-$2.50", "-₩3,500");
        check(1e9, "$1,000,000,000.00", "₩1,400,000,000,000");
        check(f64::NAN, "$0.00", "₩0");
        check(f64::INFINITY, "$0.00", "₩0");
        check(0.004, "$0.00", "₩6");
        check(0.05, "$0.05", "₩70");
    }

    #[test]
    fn digits_past_the_fifteenth_are_zeros_not_float_noise() {
        // 7.2e13 dollars at ₩100,000 per dollar: digits past the 15th are float noise (the f64
        // next to 7.2e18 is 1,024 away), and a person should read round zeros.
        assert_eq!(
            format_krw(7_200_000_000_000_001_024.0),
            "₩7,200,000,000,000,000,000"
        );
        assert_eq!(
            format(72_000_000_000_000.0, Currency::Krw, 100_000.0),
            "₩7,200,000,000,000,000,000"
        );
        assert_eq!(
            format_usd(72_000_000_000_000.007_8),
            "$72,000,000,000,000.00"
        );
        assert_eq!(
            format_number(1.234_567_890_123_456_7e17, 2),
            "123,456,789,012,346,000"
        );
        assert_eq!(
            format_number(123_456_789_012.345_67, 6),
            "123,456,789,012.346"
        );
    }

    #[test]
    fn compact_forms_keep_three_significant_digits() {
        assert_eq!(
            format_compact(7.2e13, Currency::Usd, 1400.0, Lang::En),
            "$72T"
        );
        assert_eq!(
            format_compact(7.2e13, Currency::Krw, 100_000.0, Lang::Ko),
            "₩720경"
        );
        assert_eq!(
            format_compact(7.2e13, Currency::Krw, 100_000.0, Lang::En),
            "₩7,200,000T"
        );
        assert_eq!(
            format_compact(1234.5, Currency::Usd, 1400.0, Lang::En),
            "$1,234.50"
        );
        assert_eq!(
            format_compact(1_234_567.0, Currency::Usd, 1.0, Lang::Ko),
            "$123만"
        );
        assert_eq!(compact_number(99_999.0, Lang::En), "99,999");
        assert_eq!(compact_number(123_456.0, Lang::En), "123K");
        assert_eq!(compact_number(999_999.9, Lang::En), "1M");
        assert_eq!(compact_number(99_999_999.0, Lang::Ko), "1억");
        assert_eq!(compact_number(3_600_000_000.0, Lang::En), "3.6B");
        assert_eq!(compact_number(3_600_000_000.0, Lang::Ko), "36억");
        let f = CountFormat::for_total(1_234_567.0, false, Lang::En);
        assert_eq!(
            (f.step(), f.show(1_234_567.0), f.show(300_000.0)),
            (10_000.0, "1.23M".into(), "0.3M".into())
        );
        let f = CountFormat::for_total(0.45, true, Lang::En);
        assert_eq!((f.step(), f.show(0.45)), (0.1, "0.5".into()));
    }

    #[test]
    fn apportioned_parts_add_up_to_the_rounded_total() {
        assert_eq!(apportion(&[39.6, 9.4, 0.0], 1.0), vec![40.0, 9.0, 0.0]);
        assert_eq!(apportion(&[0.3, 0.3, 0.3], 1.0), vec![1.0, 0.0, 0.0]);
        // 0.0001 + 0.033 + 0.417 = 0.45 → 0.5 in tenths; the 0.1 left over after the floors
        // (0 + 0 + 0.4) goes to the largest remainder, 0.033.
        assert_eq!(apportion(&[0.0001, 0.033, 0.417], 0.1), vec![0.0, 0.1, 0.4]);
        assert_eq!(apportion(&[1.5, 1.5], 1.0), vec![2.0, 1.0]);
    }

    #[test]
    fn rates_durations_and_shares_read_well() {
        assert_eq!(format_rps(0.001, Lang::En), "3.6 requests/h");
        assert_eq!(format_rps(0.1, Lang::En), "6 requests/min");
        assert_eq!(format_rps(97.26, Lang::Ko), "97.3 요청/초");
        assert_eq!(format_rps(0.0, Lang::En), "0 requests/s");
        assert_eq!(format_rate_short(0.025, Lang::En), "1.5/min");
        assert_eq!(format_rate_short(250_000.0, Lang::En), "250K/s");
        assert_eq!(format_duration_ms(102.0, Lang::En), "102 ms");
        assert_eq!(format_duration_ms(3_602_102.0, Lang::En), "3,602.1 s");
        assert_eq!(format_duration_ms(7_200_000.0, Lang::Ko), "120분");
        assert_eq!(format_share(0.5589), "56%");
        assert_eq!(format_share(0.0000096), "0.00096%");
        assert_eq!(format_share(0.021), "2.1%");
    }

    #[test]
    fn rates_and_numbers() {
        assert_eq!(format_rate_usd(0.0000166667), "$0.0000166667");
        assert_eq!(format_rate_usd(0.20), "$0.20");
        assert_eq!(format_rate_usd(0.0104), "$0.0104");
        assert_eq!(format_rate_usd(0.04048), "$0.04048");
        assert_eq!(format_rate_usd(1.0), "$1.00");
        assert_eq!(format_rate_usd(0.123456789), "$0.123456789");
        assert_eq!(format_rate_usd(1_000_000.0), "$1,000,000.00");
        assert_eq!(format_rate_usd(0.0), "$0.00");
        assert_eq!(format_number(30_000_000.0, 0), "30,000,000");
        assert_eq!(format_number(0.125, 4), "0.125");
        assert_eq!(format_number(750_000.0, 2), "750,000");
        assert_eq!(format_number(-1234.5, 1), "-1,234.5");
    }
}
