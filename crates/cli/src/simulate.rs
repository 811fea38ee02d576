//! `skyscale simulate --scenario QUERY`: every model's month, as JSON or as a table with the math.

use clap::Args;
use serde_json::{Map, Value, json};
use skyscale_core::money::format_rps;
use skyscale_core::sim::{Bill, ModelKind, ModelOutcome};
use skyscale_core::{Lang, Scenario, Text, math, simulate};
use unicode_width::UnicodeWidthStr;

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
    let runnable = m.not_runnable.is_empty();
    let mut v = json!({
        // A model that cannot run has no bill (null), like the "—" of the tables.
        "cost_usd": if runnable { json!(m.month.cost_usd) } else { Value::Null },
        "max_instances": m.month.max_instances,
        // Nothing served, no latency (null), like the tables' "— (no requests)" and the
        // latency CSV's empty cell.
        "p50_latency_ms": if m.month.served > 0.0 { json!(m.month.p50_ms) } else { Value::Null },
        "p95_latency_ms": if m.month.served > 0.0 { json!(m.month.p95_ms) } else { Value::Null },
        // The tables' "timed out (> 60 s)": over 5% of the peak day's requests were lost or
        // waited the queue's timeout, so `p95_latency_ms` is only the timeout it passed.
        "p95_timed_out": if m.month.served > 0.0 { json!(m.month.p95_timed_out) } else { Value::Null },
        "requests": m.month.requests,
        "served_requests": m.month.served,
        "dropped_requests": m.month.dropped,
        "cold_starts": m.month.cold_starts,
        "runnable": runnable,
        "not_runnable": m.not_runnable.iter().map(|r| r.message(lang)).collect::<Vec<_>>(),
    });
    if let (Bill::Faas(f), Some(obj)) = (&m.bill, v.as_object_mut()) {
        obj.insert("cold_starts_after_idle".into(), json!(f.cold.after_idle));
        obj.insert("cold_starts_scale_out".into(), json!(f.cold.scale_out));
        obj.insert("keep_warm_pings".into(), json!(f.pings));
        // A ping asked for beside provisioned concurrency is not sent (the math says why).
        obj.insert(
            "keep_warm_ping_not_sent_min".into(),
            json!(f.ping_redundant_min),
        );
    }
    v
}

/// Runs the simulation and renders it.
/// Every price the bills use, by provider and item: its value, unit, source and date (and
/// whether the date is the day the page was read, the day the figure was entered, or none for
/// a price this scenario sets).
fn prices_json(s: &Scenario) -> Value {
    let mut out = Map::new();
    for p in skyscale_core::sources::prices_used(s) {
        let entry = out
            .entry(p.provider.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(obj) = entry.as_object_mut() {
            obj.insert(
                p.item.to_string(),
                json!({
                    "value": p.value,
                    "unit": p.unit,
                    "source": p.source,
                    "date": p.date,
                    "date_kind": p.date_kind,
                }),
            );
        }
    }
    Value::Object(out)
}

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
                // SaaS runs on the vendor's servers: no instances or latency of yours.
                "max_instances": Value::Null,
                "p95_latency_ms": Value::Null,
                "p95_timed_out": Value::Null,
                "dropped_requests": 0,
                "cold_starts": 0,
                "runnable": true,
                "not_runnable": [],
            }),
        );
        // In won, each bill also in won, beside the dollars it is converted from.
        let key = format!("cost_{}", scenario.currency.code());
        for m in models.values_mut() {
            if let Some(obj) = m.as_object_mut()
                && let Some(amount) = crate::args::in_currency(&scenario, &obj["cost_usd"])
            {
                obj.insert(key.clone(), amount);
            }
        }
        let mut v = json!({
            "scenario": scenario.to_query(),
            "warnings": warnings.iter().map(|w| w.message(lang)).collect::<Vec<_>>(),
            "days_per_month": o.month_days.iter().map(|d| d.days).sum::<f64>(),
            "month_days": o.month_days,
            "peak_rps": scenario.traffic.peak_rps,
            "planned_peak_rps": o.planned_peak_rps,
            "currency": scenario.currency.code(),
            "krw_per_usd": scenario.krw_per_usd,
            "models": models,
            "prices": prices_json(&scenario),
        });
        if let (Some(fx), Some(obj)) = (crate::args::fx_json(&scenario), v.as_object_mut()) {
            obj.insert("fx".into(), fx);
        }
        return crate::args::json_text(v);
    }
    table(&scenario, &o, lang)
}

fn table(s: &Scenario, o: &skyscale_core::Outcome, lang: Lang) -> String {
    let header = math::month_headers(lang).map(String::from);
    let mut rows: Vec<[String; 6]> = vec![header];
    for r in math::month_table(o, s.currency, s.krw_per_usd, lang) {
        let name = match r.kind {
            Some(k) => k.label().get(lang),
            None => Text::ModelSaas.get(lang),
        };
        let name = if r.cheapest {
            format!("{name} ★")
        } else {
            name.to_string()
        };
        rows.push([name, r.cost, r.max_instances, r.p95, r.lost, r.cold_starts]);
    }
    // Columns are measured in terminal cells, not characters: a Hangul syllable takes two.
    let widths: Vec<usize> = (0..6)
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    let mut out = Vec::new();
    out.push(match lang {
        Lang::En => format!(
            "Scenario: {} — peak {}, 30-day month",
            if s.to_query().is_empty() {
                "defaults".into()
            } else {
                s.to_query()
            },
            format_rps(s.traffic.peak_rps, lang)
        ),
        Lang::Ko => format!(
            "시나리오: {} — 피크 {}, 30일 기준",
            s.to_query(),
            format_rps(s.traffic.peak_rps, lang)
        ),
    });
    for (i, r) in rows.iter().enumerate() {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(c, v)| {
                let pad = widths[c] - v.width();
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
    out.push(format!("★ {}", math::cheapest_note(o.p95_target_ms, lang)));
    out.push(Text::MonthWhatIsWhose.get(lang).to_string());
    // The footnote explains a row's "timed out (> 60 s)": only a table with one needs it.
    if o.models.iter().any(|m| m.month.p95_timed_out) {
        out.push(math::timed_out_note(lang));
    }
    out.push(String::new());
    out.extend(math::month_plan(o, lang));
    for m in &o.models {
        out.push(String::new());
        out.push(format!("{}:", m.kind.label().get(lang)));
        for line in math::block(o, m, s.currency, s.krw_per_usd, lang) {
            out.push(format!("  {line}"));
        }
    }
    out.push(String::new());
    out.push(format!("{}:", Text::ModelSaas.get(lang)));
    for line in math::saas_block(o, s.currency, s.krw_per_usd, lang) {
        out.push(format!("  {line}"));
    }
    out.join("\n")
}
