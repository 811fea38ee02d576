//! Money display: one formatter per currency.
//!
//! Every amount is computed in `f64` US dollars and converted and rounded only here, at the
//! edge, so the cents a person reads are the cents the tests check.
//!
//! ```
//! use skyscale_core::money::{Currency, format, format_usd, format_krw};
//! assert_eq!(format_usd(1234.564), "$1,234.56");
//! assert_eq!(format_krw(1234567.4), "₩1,234,567");
//! assert_eq!(format(1.0, Currency::Krw, 1400.0), "₩1,400");
//! ```

use serde::{Deserialize, Serialize};

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

/// `$1,234.56`; negatives as `-$1.00`; a non-finite amount (never produced by the core) as `$0.00`.
pub fn format_usd(usd: f64) -> String {
    let cents = finite(usd * 100.0).round();
    let sign = if cents < 0.0 { "-" } else { "" };
    let cents = cents.abs();
    let whole = (cents / 100.0).trunc();
    let frac = cents - whole * 100.0;
    format!("{sign}${}.{:02}", group(whole), frac as u64)
}

/// `₩1,234,567` (won have no minor unit in everyday use).
pub fn format_krw(krw: f64) -> String {
    let won = finite(krw).round();
    let sign = if won < 0.0 { "-" } else { "" };
    format!("{sign}₩{}", group(won.abs()))
}

/// A unit price, with enough digits to show what the page says (e.g. `$0.0000166667`).
pub fn format_rate_usd(usd: f64) -> String {
    let usd = finite(usd);
    if usd >= 0.01 || usd == 0.0 {
        let s = format!("{usd:.6}");
        let s = s.trim_end_matches('0');
        let decimals = s.split_once('.').map_or(0, |(_, f)| f.len());
        format!("${s}{}", "0".repeat(2usize.saturating_sub(decimals)))
    } else {
        let s = format!("{usd:.10}");
        format!("${}", s.trim_end_matches('0'))
    }
}

/// A plain number with thousands separators and up to `decimals` decimals (trailing zeros
/// trimmed): `1,234,567`, `0.125`.
pub fn format_number(x: f64, decimals: usize) -> String {
    let x = finite(x);
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

fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

/// Thousands separators for a non-negative whole number.
fn group(whole: f64) -> String {
    let digits = format!("{whole:.0}");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(usd: f64, expected_usd: &str, expected_krw_at_1400: &str) {
        assert_eq!(format_usd(usd), expected_usd);
        assert_eq!(format(usd, Currency::Krw, 1400.0), expected_krw_at_1400);
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
    }

    #[test]
    fn rates_and_numbers() {
        assert_eq!(format_rate_usd(0.0000166667), "$0.0000166667");
        assert_eq!(format_rate_usd(0.20), "$0.20");
        assert_eq!(format_rate_usd(0.0104), "$0.0104");
        assert_eq!(format_rate_usd(0.04048), "$0.04048");
        assert_eq!(format_rate_usd(1.0), "$1.00");
        assert_eq!(format_number(30_000_000.0, 0), "30,000,000");
        assert_eq!(format_number(0.125, 4), "0.125");
        assert_eq!(format_number(750_000.0, 2), "750,000");
        assert_eq!(format_number(-1234.5, 1), "-1,234.5");
    }
}
