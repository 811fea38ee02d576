//! "Is serverless a fit?": the lecture notes' seven good-fit workloads (서버리스를 사용하기에
//! 적합한 시스템) as presets, plus two counter-examples, each run through the simulator and
//! given a verdict.
//!
//! The verdict compares the function bill with the cheapest other model *that serves the
//! load* ([`crate::math::serves_workload`], the scaling view's ★ rule: under 1% lost, p95 over
//! the peak day within the target and not timed out), and checks the function limits first:
//! - **Good**: runnable, serves the load, and is the cheapest (or within 10% of it);
//! - **Mixed**: runnable and serves the load but costs up to 3× the cheapest;
//! - **Poor**: over a limit, does not serve the load, or over 3× the cheapest.

use serde::Serialize;

use crate::i18n::{Lang, Text};
use crate::money::format;
use crate::scenario::{Scenario, coded_enum};
use crate::sim::{ModelKind, NotRunnable, simulate};

coded_enum! {
    /// A workload from the notes (1–7) or a counter-example.
    FitCase [Unpredictable] {
        /// 1. Usage too irregular to provision for.
        Unpredictable => "unpredictable",
        /// 2. A simple function that finishes fast.
        QuickSimple => "quick",
        /// 3. A very small function.
        Tiny => "tiny",
        /// 4. Batch work that runs in parallel.
        ParallelBatch => "parallel-batch",
        /// 5. A scheduled job.
        Scheduled => "cron",
        /// 6. IoT: react to sensor values.
        Iot => "iot",
        /// 7. Event APIs whose traffic cannot be predicted.
        EventApi => "event-api",
        /// Counter-example: heavy steady traffic all day.
        SteadyHeavy => "steady-heavy",
        /// Counter-example: a long-running connection (a WebSocket held for 20 minutes).
        LongRunning => "long-running",
    }
}

impl FitCase {
    /// The scenario keys the preset sets (everything else keeps the user's choice).
    pub fn query(self) -> &'static str {
        match self {
            FitCase::Unpredictable => "pat=bursty&peak=300&cpu=40&dur=120&mem=512",
            FitCase::QuickSimple => "pat=diurnal&peak=50&cpu=5&dur=20&mem=128",
            FitCase::Tiny => "pat=diurnal&peak=2&cpu=2&dur=10&mem=128",
            FitCase::ParallelBatch => "pat=batch&peak=2000&cpu=800&dur=1000&mem=1024&quota=3000",
            FitCase::Scheduled => "pat=batch&peak=5&cpu=200&dur=300&mem=512",
            FitCase::Iot => "pat=iot&peak=100&cpu=3&dur=15&mem=128",
            FitCase::EventApi => "pat=flash&peak=8000&cpu=20&dur=60&mem=256&quota=3000",
            FitCase::SteadyHeavy => "pat=steady&peak=3000&cpu=20&dur=40&mem=512&quota=3000",
            FitCase::LongRunning => "pat=steady&peak=10&cpu=1000&dur=1200000&mem=512",
        }
    }

    pub fn label(self) -> Text {
        match self {
            FitCase::Unpredictable => Text::FitUnpredictable,
            FitCase::QuickSimple => Text::FitQuick,
            FitCase::Tiny => Text::FitTiny,
            FitCase::ParallelBatch => Text::FitParallelBatch,
            FitCase::Scheduled => Text::FitScheduled,
            FitCase::Iot => Text::FitIot,
            FitCase::EventApi => Text::FitEventApi,
            FitCase::SteadyHeavy => Text::FitSteadyHeavy,
            FitCase::LongRunning => Text::FitLongRunning,
        }
    }

    /// `scenario` with this preset's keys applied.
    pub fn apply(self, scenario: &Scenario) -> Scenario {
        let base = scenario.to_query();
        Scenario::from_query(&format!("{base}&{}", self.query())).0
    }
}

/// How well functions fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    Good,
    Mixed,
    Poor,
}

/// The verdict on one scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    pub fit: Fit,
    pub not_runnable: Vec<NotRunnable>,
    pub faas_month_usd: f64,
    /// Share of requests throttled, 0–1.
    pub faas_dropped_share: f64,
    pub faas_p95_ms: f64,
    /// The cheapest other model that serves the load, and its month.
    pub best_other: Option<(ModelKind, f64)>,
}

/// Runs `scenario` and judges functions against the other models.
pub fn verdict(scenario: &Scenario) -> Verdict {
    let o = simulate(scenario);
    let f = o.model(ModelKind::Faas);
    let share = |m: &crate::sim::ModelOutcome| {
        if m.month.requests > 0.0 {
            m.month.dropped / m.month.requests
        } else {
            0.0
        }
    };
    let best_other = crate::math::serving_by_cost(&o)
        .into_iter()
        .find(|&k| k != ModelKind::Faas)
        .map(|k| (k, o.model(k).month.cost_usd));
    let dropped = share(f);
    let fit = if !crate::math::serves_workload(&o, ModelKind::Faas) {
        Fit::Poor
    } else {
        match best_other {
            None => Fit::Good,
            Some((_, other)) if f.month.cost_usd <= other * 1.1 => Fit::Good,
            Some((_, other)) if f.month.cost_usd <= other * 3.0 => Fit::Mixed,
            Some(_) => Fit::Poor,
        }
    };
    Verdict {
        fit,
        not_runnable: f.not_runnable.clone(),
        faas_month_usd: f.month.cost_usd,
        faas_dropped_share: dropped,
        faas_p95_ms: f.month.p95_ms,
        best_other,
    }
}

impl Verdict {
    /// One or two sentences for the verdict card.
    pub fn message(&self, scenario: &Scenario, lang: Lang) -> String {
        let money = |usd: f64| format(usd, scenario.currency, scenario.krw_per_usd);
        if !self.not_runnable.is_empty() {
            let why: Vec<String> = self.not_runnable.iter().map(|r| r.message(lang)).collect();
            return format!("{} {}", Text::FitVerdictPoor.get(lang), why.join(" "));
        }
        let head = match self.fit {
            Fit::Good => Text::FitVerdictGood,
            Fit::Mixed => Text::FitVerdictMixed,
            Fit::Poor => Text::FitVerdictPoor,
        }
        .get(lang);
        let faas = money(self.faas_month_usd);
        let pct = format!("{:.1}", self.faas_dropped_share * 100.0);
        match (self.best_other, lang) {
            (Some((kind, usd)), Lang::En) => format!(
                "{head} Functions: {faas} a month, {pct}% throttled; cheapest alternative: {} at {}.",
                kind.label().get(lang),
                money(usd)
            ),
            (Some((kind, usd)), Lang::Ko) => format!(
                "{head} 함수: 월 {faas}, 스로틀링 {pct}%; 가장 싼 대안: {} 월 {}.",
                kind.label().get(lang),
                money(usd)
            ),
            (None, Lang::En) => format!(
                "{head} Functions: {faas} a month, {pct}% throttled; no other model serves this load."
            ),
            (None, Lang::Ko) => format!(
                "{head} 함수: 월 {faas}, 스로틀링 {pct}%; 이 부하를 감당하는 다른 모델이 없습니다."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(case: FitCase) -> Verdict {
        verdict(&case.apply(&Scenario::default()))
    }

    #[test]
    fn presets_parse_cleanly_and_keep_the_users_language() {
        for &c in FitCase::ALL {
            let (_, w) = Scenario::from_query(c.query());
            assert!(w.is_empty(), "{c:?}: {w:?}");
            let ko = Scenario::from_query("lang=ko&cur=krw").0;
            let s = c.apply(&ko);
            assert_eq!(s.lang, Lang::Ko);
            let v = verdict(&s);
            assert!(v.faas_month_usd.is_finite());
            assert!(!v.message(&s, Lang::Ko).is_empty() && !v.message(&s, Lang::En).is_empty());
        }
    }

    #[test]
    fn the_notes_cases_fit_and_the_counter_examples_do_not() {
        for c in [
            FitCase::Tiny,
            FitCase::Scheduled,
            FitCase::QuickSimple,
            FitCase::ParallelBatch,
            FitCase::Iot,
        ] {
            assert_eq!(judge(c).fit, Fit::Good, "{c:?}: {:?}", judge(c));
        }
        let long = judge(FitCase::LongRunning);
        assert_eq!(long.fit, Fit::Poor);
        assert!(
            long.message(&Scenario::default(), Lang::En)
                .contains("15 min timeout")
        );
        assert_ne!(judge(FitCase::SteadyHeavy).fit, Fit::Good);
    }
}
