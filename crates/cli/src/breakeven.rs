//! `skyscale breakeven --scenario QUERY`: the steady traffic where functions cost as much as
//! VMs and as containers.

use clap::Args;
use serde_json::{Value, json};
use skyscale_core::breakeven::{
    AtRate, Comparison, FaasCurve, at_month_text, at_rate_text, at_scenario_rate, breakeven,
    faas_max_rps, scenario_rps, summary_text,
};
use skyscale_core::money::{format, format_number};
use skyscale_core::sim::{Rates, simulate};
use skyscale_core::{Lang, Scenario};

use crate::LangArg;

#[derive(Args, Debug)]
pub struct BreakevenArgs {
    /// The scenario as a URL query string (the part after `?` in a Skyscale link).
    #[arg(long, default_value = "")]
    pub scenario: String,
    #[arg(long)]
    pub json: bool,
    /// Language of the text (default: the scenario's `lang`).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

fn comparison_json(c: &Comparison, at: Option<&AtRate>, s: &Scenario) -> Value {
    let mut v = match &c.point {
        Some(p) => json!({
            "requests_per_s": p.requests_per_s,
            "requests_per_month": p.requests_per_month,
            "monthly_usd": p.monthly_usd,
            "instances": p.instances,
            "instance_usd_per_month": c.instance_usd_per_month,
            "instance_rps": c.instance_rps,
        }),
        None => json!({
            "requests_per_s": null,
            "requests_per_month": null,
            "monthly_usd": null,
            "instances": null,
            "faas_cheaper_up_to_rps": c.searched_up_to_rps,
            // Where the search stopped because functions throttle above it (the quota).
            "faas_throttle_above_rps": c.quota_limited.then_some(c.searched_up_to_rps),
            "instance_usd_per_month": c.instance_usd_per_month,
            "instance_rps": c.instance_rps,
        }),
    };
    if let Some(obj) = v.as_object_mut() {
        // Every range of rates where functions are cheaper, up to where the search stopped.
        obj.insert("faas_cheaper_ranges".into(), json!(c.faas_cheaper));
        // Every rate where the lines cross, as the chart rings them.
        obj.insert("crossings".into(), json!(c.crossings));
        obj.insert("searched_up_to_rps".into(), json!(c.searched_up_to_rps));
        obj.insert("quota_limited".into(), json!(c.quota_limited));
        // Both bills at this scenario's average rate and which is cheaper there.
        obj.insert(
            "at_scenario_rate".into(),
            at.map_or(Value::Null, |a| {
                let mut a = json!(a);
                if let Some(o) = a.as_object_mut() {
                    for (usd_key, key) in [
                        ("faas_usd", "faas"),
                        ("fleet_usd", "fleet"),
                        ("month_faas_usd", "month_faas"),
                    ] {
                        let Some(usd) = o.get(usd_key) else { continue };
                        if let Some(amount) = crate::args::in_currency(s, usd) {
                            o.insert(format!("{key}_{}", s.currency.code()), amount);
                        }
                    }
                }
                a
            }),
        );
        // In won, the dollar amounts also in won (converted as the text prints them).
        let cur = s.currency.code();
        for (usd_key, key) in [
            ("monthly_usd", format!("monthly_{cur}")),
            (
                "instance_usd_per_month",
                format!("instance_{cur}_per_month"),
            ),
        ] {
            if let Some(amount) = crate::args::in_currency(s, &obj[usd_key]) {
                obj.insert(key, amount);
            }
        }
    }
    v
}

pub fn run(args: BreakevenArgs) -> String {
    let (s, warnings) = Scenario::from_query(&args.scenario);
    let lang = args.lang.map(Lang::from).unwrap_or(s.lang);
    for w in &warnings {
        eprintln!("skyscale: warning: {}", w.message(lang));
    }
    let b = breakeven(&s);
    let rates = Rates::resolve(&s);
    let curve = FaasCurve::new(&s, &rates);
    let o = simulate(&s);
    let now = scenario_rps(&o);
    let at = |c: &Comparison| {
        b.faas_runnable
            .then(|| at_scenario_rate(&curve, c, &o))
            .flatten()
    };
    let (at_vm, at_ctr) = (at(&b.faas_vs_vm), at(&b.faas_vs_container));
    if args.json {
        let mut v = json!({
            "scenario": s.to_query(),
            "faas_runnable": b.faas_runnable,
            "faas_max_rps": faas_max_rps(&s),
            "faas_billed_ms": curve.billed_ms(),
            "scenario_rps": now,
            "vm": comparison_json(&b.faas_vs_vm, at_vm.as_ref(), &s),
            "container": comparison_json(&b.faas_vs_container, at_ctr.as_ref(), &s),
            "vm_instance": s.vm.instance,
            "container_service": s.container.service.code(),
        });
        if let (Some(fx), Some(obj)) = (crate::args::fx_json(&s), v.as_object_mut()) {
            obj.insert("fx".into(), fx);
        }
        return crate::args::json_text(v);
    }
    let text_lang = Scenario { lang, ..s.clone() };
    let money = |usd: f64| format(usd, s.currency, s.krw_per_usd);
    let line = |what: &str, c: &Comparison, at: Option<&AtRate>| {
        let mut parts = Vec::new();
        if let Some(p) = c.point.as_ref().filter(|p| p.requests_per_s > 0.0) {
            parts.push(match lang {
                Lang::En => format!(
                    "first equal at {} req/s steady ({} requests/month), {} per month with {} {}",
                    format_number(p.requests_per_s, 3),
                    format_number(p.requests_per_month, 0),
                    money(p.monthly_usd),
                    format_number(p.instances, 0),
                    if format_number(p.instances, 0) == "1" {
                        "instance"
                    } else {
                        "instances"
                    }
                ),
                Lang::Ko => format!(
                    "초당 {}건(월 {}건)에서 처음 같아집니다. 인스턴스 {}개, 월 {}",
                    format_number(p.requests_per_s, 3),
                    format_number(p.requests_per_month, 0),
                    format_number(p.instances, 0),
                    money(p.monthly_usd)
                ),
            });
        }
        parts.extend(summary_text(&text_lang, c, what, lang));
        parts.extend(at.map(|a| at_rate_text(&s, a, what, lang)));
        match lang {
            Lang::En => format!("FaaS vs {what}: {}.", parts.join(". ")),
            Lang::Ko => format!("FaaS 대 {what}: {}.", parts.join(". ")),
        }
    };
    let mut out = vec![
        line(&s.vm.instance, &b.faas_vs_vm, at_vm.as_ref()),
        line(
            s.container.service.code(),
            &b.faas_vs_container,
            at_ctr.as_ref(),
        ),
    ];
    // The steady figure is not the month table's bill: when they read differently, say so once.
    if let Some(month) = at_vm
        .iter()
        .chain(&at_ctr)
        .find_map(|a| at_month_text(&text_lang, a, lang))
    {
        out.push(format!("{month}."));
    }
    if !b.faas_runnable {
        out.push(match lang {
            Lang::En => {
                "Note: this workload is over the function limits, so FaaS is not an option.".into()
            }
            Lang::Ko => "참고: 이 워크로드는 함수 한도를 넘어 FaaS로는 실행할 수 없습니다.".into(),
        });
    }
    out.join("\n")
}
