//! `skyscale breakeven --scenario QUERY`: the steady traffic where functions cost as much as
//! VMs and as containers.

use clap::Args;
use serde_json::{Value, json};
use skyscale_core::breakeven::{Comparison, breakeven, faas_max_rps, none_text};
use skyscale_core::money::{format, format_number};
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

fn comparison_json(c: &Comparison, s: &Scenario) -> Value {
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
    // In won, the dollar amounts also in won (converted as the text prints them).
    if let Some(obj) = v.as_object_mut() {
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
    if args.json {
        let mut v = json!({
            "scenario": s.to_query(),
            "faas_runnable": b.faas_runnable,
            "faas_max_rps": faas_max_rps(&s),
            "vm": comparison_json(&b.faas_vs_vm, &s),
            "container": comparison_json(&b.faas_vs_container, &s),
            "vm_instance": s.vm.instance,
            "container_service": s.container.service.code(),
        });
        if let (Some(fx), Some(obj)) = (crate::args::fx_json(&s), v.as_object_mut()) {
            obj.insert("fx".into(), fx);
        }
        return crate::args::json_text(v);
    }
    let money = |usd: f64| format(usd, s.currency, s.krw_per_usd);
    let line = |what: &str, c: &Comparison| match (&c.point, lang) {
        (Some(p), Lang::En) => format!(
            "FaaS vs {what}: equal at {} req/s steady ({} requests/month), {} per month with {} {}. Below that, functions are cheaper.",
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
        (Some(p), Lang::Ko) => format!(
            "FaaS 대 {what}: 초당 {}건(월 {}건)에서 같아집니다. 인스턴스 {}개, 월 {}. 그보다 적으면 함수가 더 쌉니다.",
            format_number(p.requests_per_s, 3),
            format_number(p.requests_per_month, 0),
            format_number(p.instances, 0),
            money(p.monthly_usd)
        ),
        (None, Lang::En) => format!(
            "FaaS vs {what}: {}.",
            none_text(&s, c, what, lang).unwrap_or_default()
        ),
        (None, Lang::Ko) => format!(
            "FaaS 대 {what}: {}.",
            none_text(&s, c, what, lang).unwrap_or_default()
        ),
    };
    let mut out = vec![
        line(&s.vm.instance, &b.faas_vs_vm),
        line(s.container.service.code(), &b.faas_vs_container),
    ];
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
