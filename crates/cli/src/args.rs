//! Argument checks shared by the subcommands: every bad value becomes one line that names the
//! argument and its valid range, and the process exits with code 2 (like clap's own errors).

use std::fmt;

use serde_json::{Value, json};
use skyscale_core::money::{Currency, krw_amount};
use skyscale_core::{Scenario, catalog};

/// A bad command-line argument (exit code 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Formats a range bound without float noise: `0.25`, `16`, `1000000`.
pub fn bound(x: f64) -> String {
    format!("{x}")
}

/// A clap value parser for a finite number in `[min, max]`.
pub fn number_in(
    min: f64,
    max: f64,
) -> impl Fn(&str) -> Result<f64, String> + Clone + Send + Sync + 'static {
    move |s: &str| match s.trim().replace('_', "").parse::<f64>() {
        // `+ 0.0` turns `-0` into `0`, so a value echoed back never reads "-0".
        Ok(x) if x.is_finite() && x >= min && x <= max => Ok(x + 0.0),
        _ => Err(format!(
            "must be a number from {} to {}",
            bound(min),
            bound(max)
        )),
    }
}

/// A clap value parser for a whole number in `[min, max]`.
pub fn whole_in(
    min: u64,
    max: u64,
) -> impl Fn(&str) -> Result<u64, String> + Clone + Send + Sync + 'static {
    move |s: &str| match s.trim().replace('_', "").parse::<u64>() {
        Ok(x) if x >= min && x <= max => Ok(x),
        _ => Err(format!("must be a whole number from {min} to {max}")),
    }
}

/// Checks a value whose range depends on another argument (e.g. `--vcpu` per service).
pub fn check_range(
    arg: &str,
    value: f64,
    min: f64,
    max: f64,
    context: &str,
) -> Result<(), UsageError> {
    if value >= min && value <= max {
        Ok(())
    } else {
        Err(UsageError(format!(
            "error: invalid value '{}' for '{arg}': must be from {} to {} {context}",
            bound(value),
            bound(min),
            bound(max)
        )))
    }
}

/// clap's rendered error, folded onto one line (it lists missing arguments on separate lines
/// and adds usage hints after a blank line).
pub fn one_line(rendered: &str) -> String {
    let head = rendered.split("\n\n").next().unwrap_or(rendered);
    head.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A `--json` document as one line of text, with every `-0` written as `0` (a zero computed
/// from a negative factor is still zero, and `-0.0` in a bill reads like an error).
pub fn json_text(mut v: Value) -> String {
    fn unsign(v: &mut Value) {
        match v {
            Value::Number(n)
                if n.as_f64() == Some(0.0) && n.as_f64().is_some_and(f64::is_sign_negative) =>
            {
                *v = Value::from(0.0);
            }
            Value::Array(items) => items.iter_mut().for_each(unsign),
            Value::Object(map) => map.values_mut().for_each(unsign),
            _ => {}
        }
    }
    unsign(&mut v);
    v.to_string()
}

/// The exchange rate a `--json` document in won was converted at, with where it comes from:
/// the catalog's rate names its source and the date it was read; a rate set in the scenario
/// (`krw=`) says so. `None` in dollars, which need no rate.
pub fn fx_json(s: &Scenario) -> Option<Value> {
    if s.currency == Currency::Usd {
        return None;
    }
    let fx = &catalog::catalog().fx;
    Some(if s.krw_per_usd == fx.krw_per_usd {
        json!({ "krw_per_usd": fx.krw_per_usd, "source": fx.source, "read_on": fx.read_on })
    } else {
        json!({
            "krw_per_usd": s.krw_per_usd,
            "source": "set in the scenario (key krw)",
            "read_on": Value::Null,
        })
    })
}

/// An amount in the scenario's currency when that is not dollars: `Some(("cost_krw", ₩))`,
/// the dollar amount converted and rounded to the won as the tables print it. `usd` null
/// (no bill) stays null.
pub fn in_currency(s: &Scenario, usd: &Value) -> Option<Value> {
    match s.currency {
        Currency::Usd => None,
        Currency::Krw => Some(match usd.as_f64() {
            Some(usd) => json!(krw_amount(usd, s.krw_per_usd)),
            None => Value::Null,
        }),
    }
}
