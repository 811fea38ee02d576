//! "Show the math": the arithmetic behind every bill, as lines of text in English or Korean.
//!
//! The CLI prints these under its tables and the app shows them in its "show the math" panel,
//! so a student can redo any number with a calculator. Amounts are in US dollars (the
//! currency prices are published in); [`conversion`] adds the won line when asked.
//!
//! ```
//! use skyscale_core::{Lang, math, pricing::{faas, FaasRates}};
//! let bill = faas(30e6, 200.0, 128.0, &FaasRates::lambda_x86_64(), true, 1.0);
//! let lines = math::faas(&bill, 1.0, Lang::En);
//! assert_eq!(lines.last().unwrap(), "Total: $5.80 + $5.83 = $11.63");
//! ```

use crate::i18n::{Lang, Text};
use crate::money::{
    Currency, format_krw, format_number as num, format_rate_usd as rate, format_usd as usd,
};
use crate::pricing::{ContainerBill, FaasBill, OnPremBill, VmBill};
use crate::sim::{Bill, ModelOutcome};

fn t(en: String, ko: String, lang: Lang) -> String {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}

/// The lines of a function bill. `granularity_ms` is what durations were rounded up to.
pub fn faas(b: &FaasBill, granularity_ms: f64, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let req = if b.free_requests > 0.0 {
        t(
            format!(
                "Requests: {} − {} free = {} × {} per 1M = {}",
                num(b.requests, 0),
                num(b.free_requests, 0),
                num(b.billable_requests, 0),
                rate(b.usd_per_million_requests),
                usd(b.requests_usd)
            ),
            format!(
                "요청: {} − 프리 티어 {} = {} × 100만 건당 {} = {}",
                num(b.requests, 0),
                num(b.free_requests, 0),
                num(b.billable_requests, 0),
                rate(b.usd_per_million_requests),
                usd(b.requests_usd)
            ),
            lang,
        )
    } else {
        t(
            format!(
                "Requests: {} × {} per 1M = {}",
                num(b.requests, 0),
                rate(b.usd_per_million_requests),
                usd(b.requests_usd)
            ),
            format!(
                "요청: {} × 100만 건당 {} = {}",
                num(b.requests, 0),
                rate(b.usd_per_million_requests),
                usd(b.requests_usd)
            ),
            lang,
        )
    };
    out.push(req);
    if b.billed_duration_ms > 0.0 {
        out.push(t(
            format!(
                "Billed duration: {} ms ({} ms granularity) × {} MB = {} GB",
                num(b.billed_duration_ms, 3),
                num(granularity_ms, 0),
                num(b.billed_memory_mb, 1),
                num(b.memory_gb, 6)
            ),
            format!(
                "청구 실행 시간: {} ms ({} ms 단위) × {} MB = {} GB",
                num(b.billed_duration_ms, 3),
                num(granularity_ms, 0),
                num(b.billed_memory_mb, 1),
                num(b.memory_gb, 6)
            ),
            lang,
        ));
        out.push(t(
            format!(
                "GB-seconds: {} × {} s × {} GB = {} GB-s",
                num(b.requests, 0),
                num(b.billed_duration_ms / 1000.0, 6),
                num(b.memory_gb, 6),
                num(b.gb_seconds, 2)
            ),
            format!(
                "GB-초: {} × {}초 × {} GB = {} GB-초",
                num(b.requests, 0),
                num(b.billed_duration_ms / 1000.0, 6),
                num(b.memory_gb, 6),
                num(b.gb_seconds, 2)
            ),
            lang,
        ));
    }
    let tiers: Vec<String> = b
        .tiers_used
        .iter()
        .map(|(gbs, r)| format!("{} × {}", num(*gbs, 2), rate(*r)))
        .collect();
    let tiers = if tiers.is_empty() {
        "0".to_string()
    } else {
        tiers.join(" + ")
    };
    let compute = if b.free_gb_seconds > 0.0 {
        t(
            format!(
                "Compute: {} − {} free = {} GB-s; {} = {}",
                num(b.gb_seconds, 2),
                num(b.free_gb_seconds, 2),
                num(b.billable_gb_seconds, 2),
                tiers,
                usd(b.compute_usd)
            ),
            format!(
                "컴퓨팅: {} − 프리 티어 {} = {} GB-초; {} = {}",
                num(b.gb_seconds, 2),
                num(b.free_gb_seconds, 2),
                num(b.billable_gb_seconds, 2),
                tiers,
                usd(b.compute_usd)
            ),
            lang,
        )
    } else {
        t(
            format!("Compute: {} = {}", tiers, usd(b.compute_usd)),
            format!("컴퓨팅: {} = {}", tiers, usd(b.compute_usd)),
            lang,
        )
    };
    out.push(compute);
    out.push(format!(
        "{}: {} + {} = {}",
        Text::MathTotal.get(lang),
        usd(b.requests_usd),
        usd(b.compute_usd),
        usd(b.total_usd)
    ));
    out
}

/// The line of a VM fleet bill.
pub fn vm(b: &VmBill, instance: &str, lang: Lang) -> Vec<String> {
    vec![t(
        format!(
            "Total: {} × {} × {} h × {} per hour = {}",
            num(b.count, 0),
            instance,
            num(b.hours, 2),
            rate(b.usd_per_hour),
            usd(b.total_usd)
        ),
        format!(
            "합계: {} × {} × {}시간 × 시간당 {} = {}",
            num(b.count, 0),
            instance,
            num(b.hours, 2),
            rate(b.usd_per_hour),
            usd(b.total_usd)
        ),
        lang,
    )]
}

/// The lines of a container bill.
pub fn container(b: &ContainerBill, service: &str, lang: Lang) -> Vec<String> {
    vec![
        t(
            format!(
                "vCPU: {} × {} vCPU × {} h = {} vCPU-h × {} = {}",
                num(b.count, 2),
                num(b.vcpu, 3),
                num(b.hours, 2),
                num(b.vcpu_hours, 2),
                rate(b.usd_per_vcpu_hour),
                usd(b.vcpu_usd)
            ),
            format!(
                "vCPU: {} × {} vCPU × {}시간 = {} vCPU-시간 × {} = {}",
                num(b.count, 2),
                num(b.vcpu, 3),
                num(b.hours, 2),
                num(b.vcpu_hours, 2),
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
                num(b.hours, 2),
                num(b.gb_hours, 2),
                rate(b.usd_per_gb_hour),
                usd(b.memory_usd)
            ),
            format!(
                "메모리: {} × {} GB × {}시간 = {} GB-시간 × {} = {}",
                num(b.count, 2),
                num(b.memory_gb, 3),
                num(b.hours, 2),
                num(b.gb_hours, 2),
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
    ]
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
                "Hardware: {} servers × {} ÷ {} months = {}",
                num(b.servers, 0),
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
        format!(
            "{}: {} + {} = {}",
            Text::MathTotal.get(lang),
            usd(b.hardware_usd),
            usd(b.opex_usd),
            usd(b.total_usd)
        ),
    ]
}

/// The line of a SaaS subscription.
pub fn saas(seats: f64, usd_per_seat_month: f64, lang: Lang) -> Vec<String> {
    vec![t(
        format!(
            "Total: {} seats × {} per seat-month = {}",
            num(seats, 0),
            rate(usd_per_seat_month),
            usd(seats * usd_per_seat_month)
        ),
        format!(
            "합계: {}석 × 석당 월 {} = {}",
            num(seats, 0),
            rate(usd_per_seat_month),
            usd(seats * usd_per_seat_month)
        ),
        lang,
    )]
}

/// The lines behind one simulated model's month.
pub fn model(m: &ModelOutcome, granularity_ms: f64, lang: Lang) -> Vec<String> {
    match &m.bill {
        Bill::OnPrem {
            bill,
            server_usd,
            life_months,
            opex_usd_per_server_month,
            cores_per_server,
            planned_peak_rps,
            headroom_pct,
        } => {
            let mut out = vec![t(
                format!(
                    "Servers: planned peak {} req/s × (1 + {}% headroom) sized on {} cores each = {}",
                    num(*planned_peak_rps, 2),
                    num(*headroom_pct, 1),
                    num(*cores_per_server, 0),
                    num(bill.servers, 0)
                ),
                format!(
                    "서버: 계획 피크 {} req/s × (1 + 여유 {}%), 서버당 {}코어 = {}대",
                    num(*planned_peak_rps, 2),
                    num(*headroom_pct, 1),
                    num(*cores_per_server, 0),
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
            instance_hours,
            total_usd,
        } => vec![t(
            format!(
                "Total: {} instance-hours of {} × {} per hour = {}",
                num(*instance_hours, 2),
                instance,
                rate(*usd_per_hour),
                usd(*total_usd)
            ),
            format!(
                "합계: {} 인스턴스-시간({}) × 시간당 {} = {}",
                num(*instance_hours, 2),
                instance,
                rate(*usd_per_hour),
                usd(*total_usd)
            ),
            lang,
        )],
        Bill::Container {
            service,
            active,
            idle,
            total_usd,
        } => {
            let mut out = container(active, service.code(), lang);
            if idle.total_usd > 0.0 {
                out.extend(container(idle, &format!("{} idle", service.code()), lang));
                out.push(format!(
                    "{}: {} + {} = {}",
                    Text::MathTotal.get(lang),
                    usd(active.total_usd),
                    usd(idle.total_usd),
                    usd(*total_usd)
                ));
            }
            out
        }
        Bill::Faas {
            on_demand,
            provisioned,
            provisioned_config_usd,
            provisioned_gb_s,
            provisioned_duration_usd,
            total_usd,
        } => {
            let mut out = faas(on_demand, granularity_ms, lang);
            if *provisioned > 0.0 {
                out.push(t(
                    format!(
                        "Provisioned concurrency: {} environments kept warm = {}; {} GB-s run on them = {}",
                        num(*provisioned, 0),
                        usd(*provisioned_config_usd),
                        num(*provisioned_gb_s, 2),
                        usd(*provisioned_duration_usd)
                    ),
                    format!(
                        "프로비저닝된 동시성: 상시 대기 환경 {}개 = {}; 그 위에서 실행된 {} GB-초 = {}",
                        num(*provisioned, 0),
                        usd(*provisioned_config_usd),
                        num(*provisioned_gb_s, 2),
                        usd(*provisioned_duration_usd)
                    ),
                    lang,
                ));
                out.push(format!(
                    "{}: {}",
                    Text::MathTotal.get(lang),
                    usd(*total_usd)
                ));
            }
            out
        }
    }
}

/// `≈ ₩16,287 at ₩1,400 per $1` when the currency is won; nothing for dollars.
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
                "≈ {} at {} per $1",
                format_krw(total_usd * krw_per_usd),
                format_krw(krw_per_usd)
            ),
            format!(
                "≈ {} (1달러 = {})",
                format_krw(total_usd * krw_per_usd),
                format_krw(krw_per_usd)
            ),
            lang,
        )),
    }
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
                "Requests: 30,000,000 − 1,000,000 free = 29,000,000 × $0.20 per 1M = $5.80",
                "Billed duration: 200 ms (1 ms granularity) × 128 MB = 0.125 GB",
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
        assert_eq!(
            vm(&pricing::vm(0.0104, 1.0, 730.0), "t3.micro", Lang::En),
            vec!["Total: 1 × t3.micro × 730 h × $0.0104 per hour = $7.59"]
        );
        let c = container(
            &pricing::container(0.04048, 0.004445, 1.0, 2.0, 1.0, 730.0),
            "fargate",
            Lang::En,
        );
        assert_eq!(
            c[0],
            "vCPU: 1 × 1 vCPU × 730 h = 730 vCPU-h × $0.04048 = $29.55"
        );
        assert_eq!(c[2], "Total (fargate): $29.55 + $6.49 = $36.04");
        assert_eq!(
            conversion(1.0, Currency::Krw, 1400.0, Lang::En).unwrap(),
            "≈ ₩1,400 at ₩1,400 per $1"
        );
        assert!(conversion(1.0, Currency::Usd, 1400.0, Lang::En).is_none());
    }

    #[test]
    fn every_simulated_model_has_math_in_both_languages() {
        let o = crate::simulate(&crate::Scenario::from_query("pc=2").0);
        for m in &o.models {
            for lang in Lang::ALL {
                let lines = model(m, 1.0, lang);
                assert!(!lines.is_empty() && lines.iter().all(|l| !l.contains("NaN")));
            }
        }
    }
}
