//! The "Is serverless a fit?" view's presets and verdict card.
//!
//! [`Preset`] is every workload the view offers: the notes' seven good fits and the
//! counter-examples of [`crate::fit::FitCase`] (same keys, one source of numbers), plus two
//! more counter-examples: a 20-minute transcode that breaks the function timeout, and a job that
//! keeps state on local disk (functions are stateless, 로컬 데이터 사용 불가능). A preset is a
//! set of scenario keys; the scenario *is* the preset when applying it changes nothing
//! ([`Preset::current`]), so a reloaded or shared link shows the same preset without a key of
//! its own.
//!
//! [`assess`] reads one [`Outcome`] into a [`Card`]: the cheapest model that serves the load,
//! whether functions can run it at all (and which limit they break), the cold-start impact
//! (share of requests that start cold, p95 against a warm p95), throttling, and a [`Rating`]
//! by the same rule as [`crate::fit::verdict`] — with "cannot run" told apart from "poor".
//! [`Card::reasons`] gives the why as sentences in either language.

use crate::fit::FitCase;
use crate::i18n::{Lang, Text};
use crate::money::{format, format_number};
use crate::msa_scene::{duration_text, fill};
use crate::scenario::{Scenario, coded_enum};
use crate::sim::{FRONT_DOOR_HOP_MS, ModelKind, NotRunnable, Outcome, cold_start_ms, faas_limits};

coded_enum! {
    /// A workload the fit view offers.
    Preset [Unpredictable] {
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
        /// Counter-example: a WebSocket connection held for 20 minutes.
        LongRunning => "long-running",
        /// Counter-example: a 20-minute transcode (past the 15-minute timeout).
        Transcode => "transcode",
        /// Counter-example: state kept on local disk between runs.
        LocalDisk => "local-disk",
    }
}

impl Preset {
    /// The notes' case this preset shares its keys with, if any.
    pub fn case(self) -> Option<FitCase> {
        FitCase::from_code(self.code())
    }

    /// The scenario keys the preset sets (everything else keeps the user's choice).
    pub fn query(self) -> &'static str {
        match self {
            // 1/20 of a video a second at its busiest; 600 s of CPU over a 20-minute run.
            Preset::Transcode => "pat=batch&peak=0.05&cpu=600000&dur=1200000&mem=3008",
            // An index rebuild: 2 s per call, a 2 GB working set on local disk.
            Preset::LocalDisk => "pat=steady&peak=5&cpu=300&dur=2000&mem=2048",
            p => p.case().map_or("", FitCase::query),
        }
    }

    /// Whether the workload depends on local disk surviving between runs.
    pub fn stateful(self) -> bool {
        self == Preset::LocalDisk
    }

    /// Whether the notes list it as a good fit (1–7) rather than a counter-example.
    pub fn from_notes(self) -> bool {
        (self as usize) < 7
    }

    pub fn label(self) -> Text {
        match self {
            Preset::Transcode => Text::FitTranscode,
            Preset::LocalDisk => Text::FitLocalDisk,
            p => p.case().map_or(Text::FitCustom, FitCase::label),
        }
    }

    /// One sentence on what the workload is.
    pub fn about(self) -> Text {
        match self {
            Preset::Unpredictable => Text::FitAboutUnpredictable,
            Preset::QuickSimple => Text::FitAboutQuick,
            Preset::Tiny => Text::FitAboutTiny,
            Preset::ParallelBatch => Text::FitAboutParallelBatch,
            Preset::Scheduled => Text::FitAboutScheduled,
            Preset::Iot => Text::FitAboutIot,
            Preset::EventApi => Text::FitAboutEventApi,
            Preset::SteadyHeavy => Text::FitAboutSteadyHeavy,
            Preset::LongRunning => Text::FitAboutLongRunning,
            Preset::Transcode => Text::FitAboutTranscode,
            Preset::LocalDisk => Text::FitAboutLocalDisk,
        }
    }

    /// `scenario` with this preset's keys applied.
    pub fn apply(self, scenario: &Scenario) -> Scenario {
        Scenario::from_query(&format!("{}&{}", scenario.to_query(), self.query())).0
    }

    /// The preset `scenario` is an instance of: the first one whose keys it already has.
    pub fn current(scenario: &Scenario) -> Option<Preset> {
        Preset::ALL
            .iter()
            .copied()
            .find(|p| p.apply(scenario) == *scenario)
    }
}

/// How well functions fit the workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rating {
    /// Runnable, serves the load, and the cheapest (or within 10% of it).
    Good,
    /// Runnable and serves the load, but up to 3× the cheapest.
    Mixed,
    /// Throttled, or over 3× the cheapest.
    Poor,
    /// Over a function limit, or needs state functions cannot keep.
    NotRunnable,
}

impl Rating {
    pub fn code(self) -> &'static str {
        match self {
            Rating::Good => "good",
            Rating::Mixed => "mixed",
            Rating::Poor => "poor",
            Rating::NotRunnable => "not-runnable",
        }
    }

    /// A mark that goes with the words (never the only signal).
    pub fn icon(self) -> &'static str {
        match self {
            Rating::Good => "✓",
            Rating::Mixed => "≈",
            Rating::Poor => "✗",
            Rating::NotRunnable => "⛔",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Rating::Good => Text::FitRatingGood,
            Rating::Mixed => Text::FitRatingMixed,
            Rating::Poor => Text::FitRatingPoor,
            Rating::NotRunnable => Text::FitRatingNotRunnable,
        }
    }
}

/// One model's month.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelCost {
    pub kind: ModelKind,
    pub month_usd: f64,
    /// Dropped or throttled share of the month's requests, 0–1.
    pub lost_share: f64,
    /// False for functions over a limit or with local state.
    pub runnable: bool,
}

impl ModelCost {
    /// Serves the load: runnable and loses under 1% of requests.
    pub fn serves(&self) -> bool {
        self.runnable && self.lost_share < 0.01
    }

    /// The month's bill as the cost column shows it: a model that cannot run has no bill,
    /// "—" (the same rule as the scaling view's month table, lanes, math and the CLI).
    pub fn bill_text(&self, currency: crate::money::Currency, krw_per_usd: f64) -> String {
        if self.runnable {
            format(self.month_usd, currency, krw_per_usd)
        } else {
            "—".into()
        }
    }
}

/// Everything the verdict card shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub preset: Option<Preset>,
    pub rating: Rating,
    /// Every model, in [`ModelKind::ALL`] order.
    pub costs: Vec<ModelCost>,
    /// The cheapest model that serves the load, functions included.
    pub cheapest: Option<ModelKind>,
    /// The cheapest model other than functions that serves the load.
    pub best_other: Option<ModelKind>,
    pub not_runnable: Vec<NotRunnable>,
    pub stateful: bool,
    /// Share of function requests that started cold, 0–1, and how many a month.
    pub cold_share: f64,
    pub cold_starts: f64,
    /// Added by one cold start, ms.
    pub cold_start_ms: f64,
    /// Functions' p95 over the month, and what it would be with every environment warm, ms.
    pub p95_ms: f64,
    pub warm_p95_ms: f64,
    /// Throttled function requests, share 0–1 and a month's count.
    pub throttled_share: f64,
    pub throttled: f64,
    /// Share of the peak day's minutes with traffic under 5% of the peak, 0–1.
    pub idle_share: f64,
}

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 && part.is_finite() {
        (part / whole).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Judges functions for `scenario` from its simulated `outcome`.
pub fn assess(scenario: &Scenario, outcome: &Outcome) -> Card {
    let preset = Preset::current(scenario);
    let stateful = preset.is_some_and(Preset::stateful);
    let costs: Vec<ModelCost> = outcome
        .models
        .iter()
        .map(|m| ModelCost {
            kind: m.kind,
            month_usd: m.month.cost_usd,
            lost_share: share(m.month.dropped, m.month.requests),
            runnable: m.not_runnable.is_empty() && !(stateful && m.kind == ModelKind::Faas),
        })
        .collect();
    let cheapest_of = |with_faas: bool| {
        costs
            .iter()
            .filter(|c| c.serves() && (with_faas || c.kind != ModelKind::Faas))
            .min_by(|a, b| a.month_usd.total_cmp(&b.month_usd))
            .map(|c| c.kind)
    };
    let faas = outcome.model(ModelKind::Faas);
    let f = costs
        .iter()
        .find(|c| c.kind == ModelKind::Faas)
        .cloned()
        .unwrap_or(ModelCost {
            kind: ModelKind::Faas,
            month_usd: 0.0,
            lost_share: 0.0,
            runnable: false,
        });
    let best_other = cheapest_of(false);
    let other_usd = best_other
        .and_then(|k| costs.iter().find(|c| c.kind == k))
        .map(|c| c.month_usd);
    // The rule of `fit::verdict`, with "cannot run" told apart from "poor".
    let rating = if !f.runnable {
        Rating::NotRunnable
    } else if f.lost_share >= 0.01 {
        Rating::Poor
    } else {
        match other_usd {
            None => Rating::Good,
            Some(other) if f.month_usd <= other * 1.1 => Rating::Good,
            Some(other) if f.month_usd <= other * 3.0 => Rating::Mixed,
            Some(_) => Rating::Poor,
        }
    };
    let peak = outcome.traffic_rps.iter().copied().fold(0.0, f64::max);
    let idle = outcome
        .traffic_rps
        .iter()
        .filter(|&&r| r < 0.05 * peak)
        .count() as f64;
    Card {
        preset,
        rating,
        cheapest: cheapest_of(true),
        best_other,
        not_runnable: faas.not_runnable.clone(),
        stateful,
        cold_share: share(faas.month.cold_starts, faas.month.requests),
        cold_starts: faas.month.cold_starts,
        cold_start_ms: cold_start_ms(scenario.faas.runtime),
        p95_ms: faas.month.p95_ms,
        // A warm call: the run itself plus the two front-door hops the simulator adds.
        warm_p95_ms: scenario.workload.duration_ms + 2.0 * FRONT_DOOR_HOP_MS,
        throttled_share: f.lost_share,
        throttled: faas.month.dropped,
        idle_share: share(idle, outcome.traffic_rps.len() as f64),
        costs,
    }
}

/// A share as a percentage for reading: one decimal, "<0.1" for a small non-zero share.
pub fn pct(x: f64) -> String {
    let p = x * 100.0;
    if p > 0.0 && p < 0.1 {
        "<0.1".into()
    } else {
        format_number((p * 10.0).round() / 10.0, 1)
    }
}

impl Card {
    fn cost(&self, kind: ModelKind) -> Option<&ModelCost> {
        self.costs.iter().find(|c| c.kind == kind)
    }

    /// Why, as sentences in `lang` (money in the scenario's currency).
    pub fn reasons(&self, scenario: &Scenario) -> Vec<String> {
        let lang = scenario.lang;
        let t = |x: Text| x.get(lang);
        let money = |usd: f64| format(usd, scenario.currency, scenario.krw_per_usd);
        let mut out = Vec::new();
        for r in &self.not_runnable {
            out.push(r.message(lang));
        }
        if !self.not_runnable.is_empty() {
            let (min, max, timeout) = faas_limits(scenario);
            out.push(fill(
                t(Text::FitReasonLimitsAt),
                &[
                    ("min", format_number(min, 0)),
                    ("max", format_number(max, 0)),
                    ("timeout", format_number(timeout, 0)),
                ],
            ));
        }
        if self.stateful {
            out.push(t(Text::FitReasonStateful).to_string());
        }
        let faas = self.cost(ModelKind::Faas);
        let other = self.best_other.and_then(|k| self.cost(k));
        if let Some(f) = faas.filter(|f| f.runnable) {
            let faas_usd = money(f.month_usd);
            match other {
                Some(o) if self.cheapest == Some(ModelKind::Faas) => out.push(fill(
                    t(Text::FitReasonCheapest),
                    &[
                        ("faas", faas_usd),
                        ("other", money(o.month_usd)),
                        ("model", o.kind.label().get(lang).into()),
                    ],
                )),
                Some(o) => {
                    let x = if o.month_usd > 0.0 {
                        f.month_usd / o.month_usd
                    } else {
                        0.0
                    };
                    out.push(fill(
                        t(Text::FitReasonDearer),
                        &[
                            ("faas", faas_usd),
                            ("other", money(o.month_usd)),
                            ("model", o.kind.label().get(lang).into()),
                            ("x", format_number((x * 10.0).round() / 10.0, 1)),
                        ],
                    ));
                }
                None => out.push(fill(t(Text::FitReasonOnlyFaas), &[("faas", faas_usd)])),
            }
            if self.idle_share >= 0.2 {
                out.push(fill(
                    t(Text::FitReasonIdle),
                    &[("pct", format_number((self.idle_share * 100.0).round(), 0))],
                ));
            } else if self.idle_share < 0.05 && self.cheapest != Some(ModelKind::Faas) {
                out.push(fill(
                    t(Text::FitReasonBusy),
                    &[("pct", format_number((self.idle_share * 100.0).round(), 0))],
                ));
            }
            let ms = |x: f64| format_number(x.round(), 0);
            if self.cold_share >= 0.001 {
                out.push(fill(
                    t(Text::FitReasonCold),
                    &[
                        ("pct", pct(self.cold_share)),
                        ("n", format_number(self.cold_starts.round(), 0)),
                        ("ms", ms(self.cold_start_ms)),
                        ("p95", ms(self.p95_ms)),
                        ("warm", ms(self.warm_p95_ms)),
                    ],
                ));
            } else {
                out.push(fill(
                    t(Text::FitReasonColdRare),
                    &[
                        ("pct", pct(self.cold_share)),
                        ("n", format_number(self.cold_starts.round(), 0)),
                        ("p95", ms(self.p95_ms)),
                        ("warm", ms(self.warm_p95_ms)),
                    ],
                ));
            }
            if self.throttled_share > 0.0 {
                out.push(fill(
                    t(Text::FitReasonThrottled),
                    &[
                        ("pct", pct(self.throttled_share)),
                        ("quota", format_number(f64::from(scenario.faas.quota), 0)),
                    ],
                ));
            }
        }
        if let Some(o) = other.filter(|_| faas.is_none_or(|f| !f.runnable)) {
            out.push(fill(
                t(Text::FitReasonInstead),
                &[
                    ("model", o.kind.label().get(lang).into()),
                    ("other", money(o.month_usd)),
                ],
            ));
        }
        out
    }
}

/// "20 min" / "120 ms" for a call's duration.
pub fn call_duration(ms: f64, lang: Lang) -> String {
    if ms >= 1000.0 {
        duration_text(ms / 1000.0, lang)
    } else {
        format!("{} ms", format_number(ms, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::{Fit, verdict};
    use crate::sim::simulate;

    fn card(p: Preset, base: &str) -> (Scenario, Card) {
        let s = p.apply(&Scenario::from_query(base).0);
        let c = assess(&s, &simulate(&s));
        (s, c)
    }

    #[test]
    fn every_preset_is_recognised_after_a_url_round_trip() {
        for &p in Preset::ALL {
            let (s, c) = card(p, "lang=ko&view=fit&cur=krw");
            assert_eq!(c.preset, Some(p));
            let (back, w) = Scenario::from_query(&s.to_query());
            assert!(w.is_empty(), "{w:?}");
            assert_eq!(Preset::current(&back), Some(p), "{}", s.to_query());
            assert_eq!(back.lang, Lang::Ko);
        }
        assert_eq!(Preset::current(&Scenario::default()), None);
    }

    #[test]
    fn the_rating_agrees_with_the_core_verdict() {
        for &p in Preset::ALL {
            let (s, c) = card(p, "lang=en");
            let v = verdict(&s);
            let expected = match v.fit {
                Fit::Good => Rating::Good,
                Fit::Mixed => Rating::Mixed,
                Fit::Poor if !v.not_runnable.is_empty() => Rating::NotRunnable,
                Fit::Poor => Rating::Poor,
            };
            if p.stateful() {
                assert_eq!(c.rating, Rating::NotRunnable);
            } else {
                assert_eq!(c.rating, expected, "{p:?}");
            }
        }
    }

    #[test]
    fn counter_examples_say_which_limit_breaks_and_why() {
        let (s, c) = card(Preset::Transcode, "lang=en");
        assert_eq!(c.rating, Rating::NotRunnable);
        let why = c.reasons(&s).join(" ");
        assert!(
            why.contains("1,200 s run is longer than the 900 s timeout"),
            "{why}"
        );
        let (s, c) = card(Preset::LocalDisk, "lang=ko");
        assert_eq!(c.rating, Rating::NotRunnable);
        // One rule for a model that cannot run: no bill, whatever the reason.
        for (p, q) in [
            (Preset::LocalDisk, "lang=en"),
            (Preset::Transcode, "lang=en"),
        ] {
            let (s, c) = card(p, q);
            let f = c.cost(ModelKind::Faas).unwrap();
            assert_eq!(f.bill_text(s.currency, s.krw_per_usd), "—", "{p:?}");
        }
        assert!(c.reasons(&s).iter().any(|r| r.contains("무상태")));
        let (_, c) = card(Preset::SteadyHeavy, "lang=en");
        assert_ne!(c.rating, Rating::Good);
        assert_ne!(c.cheapest, Some(ModelKind::Faas));
    }

    #[test]
    fn the_notes_cases_fit_with_numbers_in_both_languages() {
        for p in [Preset::Tiny, Preset::Scheduled, Preset::Iot] {
            for lang in ["en", "ko"] {
                let (s, c) = card(p, &format!("lang={lang}"));
                assert_eq!(c.rating, Rating::Good, "{p:?}");
                assert_eq!(c.cheapest, Some(ModelKind::Faas));
                let why = c.reasons(&s);
                assert!(why.len() >= 2, "{why:?}");
                assert!(why.iter().all(|r| !r.contains('{')), "{why:?}");
            }
        }
        // A cron job idles most of the day and starts cold.
        let (s, c) = card(Preset::Scheduled, "lang=en");
        assert!(c.idle_share > 0.5);
        assert!(c.cold_share > 0.0 && c.p95_ms >= c.warm_p95_ms);
        assert!(
            c.reasons(&s)
                .iter()
                .any(|r| r.to_lowercase().contains("cold start"))
        );
    }

    #[test]
    fn durations_and_percentages_read_well() {
        assert_eq!(call_duration(120.0, Lang::En), "120 ms");
        assert_eq!(call_duration(1_200_000.0, Lang::En), "20 min");
        assert_eq!(pct(0.00001), "<0.1");
        assert_eq!(pct(0.123), "12.3");
    }
}
