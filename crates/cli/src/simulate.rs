//! `skyscale simulate --scenario QUERY`: every model's month, as JSON or as a table with the math.

use clap::Args;
use serde_json::{Map, Value, json};
use skyscale_core::money::{format, format_number};
use skyscale_core::sim::{ModelKind, ModelOutcome};
use skyscale_core::{Lang, Scenario, Text, math, simulate};

use crate::LangArg;

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// The scenario as a URL query string (the part after `?` in a Skyscale link).
    #[arg(long, default_value = "")]
    pub scenario: String,
    #[arg(long)]
    pub json: bool,
    /// Language of the table (default: the scenario's `lang`).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// The JSON key of a model (snake case, so `jq .models.vm_auto` works).
pub fn json_key(kind: ModelKind) -> String {
    kind.code().replace('-', "_")
}

fn model_json(m: &ModelOutcome, lang: Lang) -> Value {
    json!({
        "cost_usd": m.month.cost_usd,
        "max_instances": m.month.max_instances,
        "p50_latency_ms": m.month.p50_ms,
        "p95_latency_ms": m.month.p95_ms,
        "requests": m.month.requests,
        "served_requests": m.month.served,
        "dropped_requests": m.month.dropped,
        "cold_starts": m.month.cold_starts,
        "runnable": m.not_runnable.is_empty(),
        "not_runnable": m.not_runnable.iter().map(|r| r.message(lang)).collect::<Vec<_>>(),
    })
}

/// Runs the simulation and renders it.
pub fn run(args: SimulateArgs) -> String {
    let (scenario, warnings) = Scenario::from_query(&args.scenario);
    let lang = args.lang.map(Lang::from).unwrap_or(scenario.lang);
    for w in &warnings {
        eprintln!("skyscale: warning: {}", w.message(lang));
    }
    let o = simulate(&scenario);
    if args.json {
        let mut models = Map::new();
        for m in &o.models {
            models.insert(json_key(m.kind), model_json(m, lang));
        }
        models.insert(
            "saas".into(),
            json!({
                "cost_usd": o.saas.month_usd,
                "seats": o.saas.seats,
                "usd_per_seat_month": o.saas.usd_per_seat_month,
                "max_instances": 0,
                "p95_latency_ms": 0,
                "dropped_requests": 0,
                "cold_starts": 0,
                "runnable": true,
                "not_runnable": [],
            }),
        );
        let v = json!({
            "scenario": scenario.to_query(),
            "warnings": warnings.iter().map(|w| w.message(lang)).collect::<Vec<_>>(),
            "days_per_month": o.month_days.iter().map(|d| d.1).sum::<f64>(),
            "peak_rps": scenario.traffic.peak_rps,
            "planned_peak_rps": o.planned_peak_rps,
            "currency": scenario.currency.code(),
            "krw_per_usd": scenario.krw_per_usd,
            "models": models,
        });
        return crate::args::json_text(v);
    }
    table(&scenario, &o, lang)
}

fn table(s: &Scenario, o: &skyscale_core::Outcome, lang: Lang) -> String {
    let money = |usd: f64| format(usd, s.currency, s.krw_per_usd);
    let header = [
        Text::ColModel.get(lang).to_string(),
        Text::ColCost.get(lang).to_string(),
        Text::ColMaxInstances.get(lang).to_string(),
        Text::ColP95.get(lang).to_string(),
        Text::ColDropped.get(lang).to_string(),
        Text::ColColdStarts.get(lang).to_string(),
    ];
    let mut rows: Vec<[String; 6]> = vec![header];
    for m in &o.models {
        let name = m.kind.label().get(lang).to_string();
        if !m.not_runnable.is_empty() {
            rows.push([
                name,
                Text::NotRunnable.get(lang).into(),
                "—".into(),
                "—".into(),
                "—".into(),
                "—".into(),
            ]);
            continue;
        }
        rows.push([
            name,
            money(m.month.cost_usd),
            format_number(m.month.max_instances, 0),
            format!("{} ms", format_number(m.month.p95_ms, 1)),
            format_number(m.month.dropped, 0),
            format_number(m.month.cold_starts, 0),
        ]);
    }
    rows.push([
        Text::ModelSaas.get(lang).into(),
        money(o.saas.month_usd),
        "—".into(),
        "—".into(),
        "—".into(),
        "—".into(),
    ]);
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = Vec::new();
    out.push(match lang {
        Lang::En => format!(
            "Scenario: {} — peak {} req/s, 30-day month",
            if s.to_query().is_empty() {
                "defaults".into()
            } else {
                s.to_query()
            },
            format_number(s.traffic.peak_rps, 2)
        ),
        Lang::Ko => format!(
            "시나리오: {} — 피크 {} req/s, 30일 기준",
            s.to_query(),
            format_number(s.traffic.peak_rps, 2)
        ),
    });
    for (i, r) in rows.iter().enumerate() {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, v)| {
                let pad = widths[c] - v.chars().count();
                if c == 0 {
                    format!("{v}{}", " ".repeat(pad))
                } else {
                    format!("{}{v}", " ".repeat(pad))
                }
            })
            .collect();
        out.push(cells.join("  "));
        if i == 0 {
            out.push(
                widths
                    .iter()
                    .map(|w| "-".repeat(*w))
                    .collect::<Vec<_>>()
                    .join("  "),
            );
        }
    }
    for m in &o.models {
        out.push(String::new());
        out.push(format!("{}:", m.kind.label().get(lang)));
        for r in &m.not_runnable {
            out.push(format!("  {}", r.message(lang)));
        }
        for line in math::model(m, f64::from(s.faas.granularity_ms), lang) {
            out.push(format!("  {line}"));
        }
        if let Some(c) = math::conversion(m.month.cost_usd, s.currency, s.krw_per_usd, lang) {
            out.push(format!("  {c}"));
        }
    }
    out.push(String::new());
    out.push(format!("{}:", Text::ModelSaas.get(lang)));
    for line in math::saas(o.saas.seats, o.saas.usd_per_seat_month, lang) {
        out.push(format!("  {line}"));
    }
    out.join("\n")
}
