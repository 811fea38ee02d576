//! Where each price in force comes from: for the scenario's function service, VM type,
//! container service, on-premises and SaaS assumptions and (in won) the exchange rate, every
//! price used with its value, unit, source and date, from `data/prices.json`.
//!
//! A price the scenario overrides (`p_vm=…`) names the scenario as its source and has no date.
//! A date is the day the page was read (`read_on`), except a burstable VM type's CPU baseline:
//! that date was entered with the figure, not read off the page on that day, and says so.

use serde::Serialize;

use crate::catalog::catalog;
use crate::i18n::{Lang, Text};
use crate::money::Currency;
use crate::msa_scene::fill;
use crate::scenario::Scenario;
use crate::sim::Rates;

/// How a price's date came about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// The day the source page was read.
    Read,
    /// The day the figure was entered (a burstable VM type's CPU baseline).
    Entered,
    /// A scenario override: no date.
    Override,
}

/// One price in force.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriceUsed {
    /// Who sells it (`AWS Lambda`, `Amazon EC2 t3.micro`, `On-premises (assumption)`).
    pub provider: String,
    /// What it prices (`requests`, `duration`, `instance`, …; stable keys).
    pub item: &'static str,
    pub value: f64,
    pub unit: &'static str,
    /// A URL, an assumption's description, or `scenario` for an override.
    pub source: String,
    /// `YYYY-MM-DD`, empty for an override.
    pub date: String,
    pub date_kind: DateKind,
}

/// Every price the scenario's bills use, catalog or override.
pub fn prices_used(s: &Scenario) -> Vec<PriceUsed> {
    let c = catalog();
    let r = Rates::resolve(s);
    let mut out = Vec::new();
    let mut push = |provider: &str,
                    item: &'static str,
                    value: f64,
                    unit: &'static str,
                    overridden: bool,
                    source: &str,
                    date: &str,
                    kind: DateKind| {
        out.push(PriceUsed {
            provider: provider.to_string(),
            item,
            value,
            unit,
            source: if overridden {
                "scenario".into()
            } else {
                source.into()
            },
            date: if overridden {
                String::new()
            } else {
                date.into()
            },
            date_kind: if overridden { DateKind::Override } else { kind },
        });
    };
    let p = &s.prices;
    let read = DateKind::Read;
    let fp = c.faas(s.faas.service.catalog_id()).unwrap_or(&c.faas[0]);
    let (name, src, on) = (fp.name.as_str(), fp.source.as_str(), fp.read_on.as_str());
    push(
        name,
        "requests",
        r.faas.usd_per_million_requests,
        "USD per 1M requests",
        p.usd_per_million_requests.is_some(),
        src,
        on,
        read,
    );
    let first = r.faas.tiers.first().map_or(0.0, |t| t.usd_per_gb_s);
    push(
        name,
        "duration",
        first,
        "USD per GB-s",
        p.usd_per_gb_s.is_some(),
        src,
        on,
        read,
    );
    if r.faas_provisioned_usd_per_gb_s > 0.0 {
        push(
            name,
            "provisioned_concurrency",
            r.faas_provisioned_usd_per_gb_s,
            "USD per GB-s",
            false,
            src,
            on,
            read,
        );
    }
    let vm = c.vm(&r.vm_instance).unwrap_or(&c.vm[0]);
    let ec2 = format!("Amazon EC2 {}", vm.id);
    push(
        &ec2,
        "instance",
        r.vm_usd_per_hour,
        "USD per hour",
        p.vm_usd_per_hour.is_some(),
        &vm.source,
        &vm.read_on,
        read,
    );
    if vm.burstable() {
        push(
            &ec2,
            "baseline_cpu",
            vm.baseline_cpu_pct,
            "% of each vCPU",
            false,
            &vm.baseline_source,
            &vm.baseline_read_on,
            DateKind::Entered,
        );
    }
    let k = &r.container;
    push(
        &k.name,
        "vcpu",
        k.usd_per_vcpu_hour,
        "USD per vCPU-hour",
        p.usd_per_vcpu_hour.is_some(),
        &k.source,
        &k.read_on,
        read,
    );
    push(
        &k.name,
        "memory",
        k.usd_per_gb_hour,
        "USD per GB-hour",
        p.usd_per_gb_hour.is_some(),
        &k.source,
        &k.read_on,
        read,
    );
    let o = &c.onprem;
    push(
        "On-premises (assumption)",
        "server",
        r.server_usd,
        "USD per server",
        p.server_usd.is_some(),
        &o.source,
        &o.read_on,
        read,
    );
    push(
        "On-premises (assumption)",
        "opex",
        r.opex_usd_per_server_month,
        "USD per server-month",
        p.opex_usd_per_server_month.is_some(),
        &o.source,
        &o.read_on,
        read,
    );
    push(
        "SaaS (assumption)",
        "seat",
        r.usd_per_seat_month,
        "USD per seat-month",
        p.usd_per_seat_month.is_some(),
        &c.saas.source,
        &c.saas.read_on,
        read,
    );
    if s.currency == Currency::Krw {
        let f = &c.fx;
        let overridden = s.krw_per_usd != f.krw_per_usd;
        push(
            "USD/KRW (assumption)",
            "exchange_rate",
            s.krw_per_usd,
            "KRW per USD",
            overridden,
            &f.source,
            &f.read_on,
            read,
        );
    }
    out
}

/// One line per provider used: `Prices: AWS Lambda read 2026-11-25, source https://…`,
/// the dates and sources of [`prices_used`] (a provider with two sources or dates, such as a
/// burstable VM's baseline, gets a line for each; overrides get a line saying so).
pub fn price_lines(s: &Scenario, lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for p in prices_used(s) {
        // The assumptions (on-premises, SaaS, the exchange rate) are described, not sourced:
        // their names and descriptions in the page's language (the catalog's are English).
        let assumed = match p.item {
            "server" | "opex" => Some((Text::PriceOnprem, Text::PriceOnpremAssumed)),
            "seat" => Some((Text::PriceSaas, Text::PriceSaasAssumed)),
            "exchange_rate" => Some((Text::PriceFx, Text::PriceFxAssumed)),
            _ => None,
        };
        let (t, provider, source) = match (assumed, p.date_kind) {
            (Some((name, _)), DateKind::Override) => (
                Text::MathPricesOverride,
                name.get(lang).to_string(),
                p.source.clone(),
            ),
            (Some((name, what)), _) => (
                Text::MathPricesAssumed,
                name.get(lang).to_string(),
                what.get(lang).to_string(),
            ),
            (None, DateKind::Read) => (Text::MathPricesRead, p.provider.clone(), p.source.clone()),
            (None, DateKind::Entered) => (
                Text::MathPricesEntered,
                p.provider.clone(),
                p.source.clone(),
            ),
            (None, DateKind::Override) => (
                Text::MathPricesOverride,
                p.provider.clone(),
                p.source.clone(),
            ),
        };
        let line = fill(
            t.get(lang),
            &[
                ("provider", provider),
                ("date", p.date.clone()),
                ("url", source),
                ("item", p.item.to_string()),
            ],
        );
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_assumptions_are_described_in_the_pages_language() {
        let s = Scenario::from_query("cur=krw&lang=ko").0;
        let ko = price_lines(&s, Lang::Ko);
        // The Korean page met "On-premises (assumption) … assumption: a 2-socket 1U server".
        for line in &ko {
            assert!(
                !line.contains("assumption") && !line.contains("server"),
                "{line}"
            );
        }
        assert!(
            ko.iter()
                .any(|l| l.contains("온프레미스(가정)") && l.contains("2소켓"))
        );
        assert!(ko.iter().any(|l| l.contains("원/달러 환율(가정)")));
        let en = price_lines(&s, Lang::En);
        assert!(
            en.iter()
                .any(|l| l.starts_with("Prices: On-premises (an assumption) as of 2026-"))
        );
        // One line for the server and its running cost: they share a description and a date.
        assert_eq!(ko.iter().filter(|l| l.contains("온프레미스")).count(), 1);
    }

    #[test]
    fn every_price_used_has_a_source_and_a_date_or_says_it_is_overridden() {
        for q in [
            "",
            "vm=t3.micro&cur=krw",
            "faas=azure&ctr=cloud-run",
            "p_vm=0.5&krw=1500&cur=krw",
        ] {
            let s = Scenario::from_query(q).0;
            let used = prices_used(&s);
            assert!(used.len() >= 7, "{q}");
            for p in &used {
                assert!(p.value.is_finite());
                match p.date_kind {
                    DateKind::Override => {
                        assert_eq!((p.source.as_str(), p.date.as_str()), ("scenario", ""))
                    }
                    _ => {
                        assert_eq!(p.date.len(), 10, "{p:?}");
                        assert!(
                            p.source.starts_with("https://") || p.source.starts_with("assumption"),
                            "{p:?}"
                        );
                    }
                }
            }
        }
        let s = Scenario::from_query("vm=t3.micro").0;
        let lines = price_lines(&s, Lang::En);
        assert!(lines.contains(&"Prices: AWS Lambda read 2026-11-25, source https://aws.amazon.com/lambda/pricing/".to_string()), "{lines:?}");
        assert!(
            lines
                .iter()
                .any(|l| l.contains("t3.micro") && l.contains("entered 2026-12-03")),
            "{lines:?}"
        );
        let ko = price_lines(&s, Lang::Ko);
        assert!(ko[0].starts_with("가격: AWS Lambda"), "{ko:?}");
        let s = Scenario::from_query("p_vm=0.5").0;
        assert!(
            price_lines(&s, Lang::En)
                .iter()
                .any(|l| l.contains("set in this scenario"))
        );
    }
}
