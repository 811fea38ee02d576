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
//! (share of requests that start cold, p95 against a warm p95: the run the simulation bills,
//! which the CPU share of the memory chosen can make longer than the duration, and which
//! the reasons name as the cause then; cold starts are named only when they lift the p95
//! above it), throttling, and a [`Rating`]
//! by the same rule as [`crate::fit::verdict`] — with "cannot run" told apart from "poor".
//! [`Card::reasons`] gives the why as sentences in either language; [`Card::cost_rows`],
//! [`Card::faas_cells`], [`limits_cell`] and [`workload_line`] the card's numbers as shown.
//! [`scene`] draws the card as a picture for slides (the view's exportable diagram, and
//! `skyscale render fit`): the rating, a bar per model for the month, and the function limits
//! in force against the workload's memory and run time. It uses the same rows, so the picture
//! and the table cannot disagree.

use crate::fit::FitCase;
use crate::i18n::{Lang, Text};
use crate::money::{format, format_number};
use crate::msa_scene::{fill, rounded};
use crate::scenario::{FaasService, Pattern, Scenario, coded_enum};
use crate::scene::{Anchor, Node, Role, Scene, Stroke, wrap};
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

    /// `scenario` with this preset's workload: its keys applied, and every other key of the
    /// workload (traffic, the request's CPU, duration and memory, the quota, provisioned
    /// concurrency, a keep-warm ping) back at its default, so nothing is left over from the
    /// preset tried before (`quota=3000` from one preset must not judge the next). The rest
    /// (the services and their settings, currency, language, theme) keeps the user's choice.
    pub fn apply(self, scenario: &Scenario) -> Scenario {
        let mut base = scenario.clone();
        let d = Scenario::default();
        base.traffic = d.traffic;
        base.workload = d.workload;
        base.faas.quota = d.faas.quota;
        base.faas.provisioned = d.faas.provisioned;
        base.faas.ping_min = d.faas.ping_min;
        Scenario::from_query(&format!("{}&{}", base.to_query(), self.query())).0
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
    /// Does not serve the load (throttled, or a p95 over the target), or over 3× the cheapest.
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
    /// Serves the load: runnable and [`crate::math::serves_workload`] (under 1% lost, p95 over
    /// the peak day within the target and not timed out), the rule the scaling view's ★ uses.
    pub serves: bool,
}

impl ModelCost {
    /// Serves the load (see [`ModelCost::serves`]).
    pub fn serves(&self) -> bool {
        self.serves
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
    /// The cheapest model that serves the load, functions included: the scaling view's ★
    /// ([`crate::math::serving_by_cost`]), less functions when the workload keeps local state.
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
    /// Functions' p95 over the month, and what it would be with every environment warm, ms:
    /// the warm run the simulation uses ([`crate::sim::faas_run_ms`]) and the two hops.
    pub p95_ms: f64,
    pub warm_p95_ms: f64,
    /// Functions' p95 over the peak day timed out.
    pub p95_timed_out: bool,
    /// One request's duration, CPU time and run time on the function's CPU share (ms), that
    /// share (vCPU) and the MB that make one vCPU (0 where the share is not from memory).
    pub duration_ms: f64,
    pub cpu_ms: f64,
    pub run_ms: f64,
    pub cpu_vcpu: f64,
    pub mb_per_vcpu: f64,
    /// Throttled function requests, share 0–1 and a month's count.
    pub throttled_share: f64,
    pub throttled: f64,
    /// Share of the peak day's minutes with traffic under 5% of the peak, 0–1.
    pub idle_share: f64,
    /// The peak day's mean and lowest minute as shares of its peak, 0–1.
    pub mean_share: f64,
    pub low_share: f64,
    /// The p95 a model must stay within to serve the load ([`Outcome::p95_target_ms`]), ms.
    pub p95_target_ms: f64,
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
            serves: crate::math::serves_workload(outcome, m.kind)
                && !(stateful && m.kind == ModelKind::Faas),
        })
        .collect();
    // The scaling view's ranking (one rule for "serves" and "cheapest"), less what cannot run.
    let serving: Vec<ModelKind> = crate::math::serving_by_cost(outcome)
        .into_iter()
        .filter(|&k| costs.iter().any(|c| c.kind == k && c.serves))
        .collect();
    let cheapest_of = |with_faas: bool| {
        serving
            .iter()
            .copied()
            .find(|&k| with_faas || k != ModelKind::Faas)
    };
    let faas = outcome.model(ModelKind::Faas);
    let run_ms = crate::sim::faas_run_ms(scenario);
    let (cpu_vcpu, mb_per_vcpu) = crate::sim::faas_cpu_share(scenario);
    let f = costs
        .iter()
        .find(|c| c.kind == ModelKind::Faas)
        .cloned()
        .unwrap_or(ModelCost {
            kind: ModelKind::Faas,
            month_usd: 0.0,
            lost_share: 0.0,
            runnable: false,
            serves: false,
        });
    let best_other = cheapest_of(false);
    let other_usd = best_other
        .and_then(|k| costs.iter().find(|c| c.kind == k))
        .map(|c| c.month_usd);
    // The rule of `fit::verdict`, with "cannot run" told apart from "poor".
    let rating = if !f.runnable {
        Rating::NotRunnable
    } else if !f.serves {
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
        p95_timed_out: faas.month.p95_timed_out,
        // A warm call: the run the simulator bills (the duration, or the CPU time on the
        // function's CPU share when longer) plus the two front-door hops it adds.
        warm_p95_ms: run_ms + 2.0 * FRONT_DOOR_HOP_MS,
        duration_ms: scenario.workload.duration_ms,
        cpu_ms: scenario.workload.cpu_ms,
        run_ms,
        cpu_vcpu,
        mb_per_vcpu,
        throttled_share: f.lost_share,
        throttled: faas.month.dropped,
        idle_share: share(idle, outcome.traffic_rps.len() as f64),
        mean_share: share(
            outcome.traffic_rps.iter().sum::<f64>(),
            peak * outcome.traffic_rps.len() as f64,
        ),
        low_share: share(
            outcome
                .traffic_rps
                .iter()
                .copied()
                .fold(f64::INFINITY, f64::min),
            peak,
        ),
        p95_target_ms: outcome.p95_target_ms,
        costs,
    }
}

/// `usd` as the scenario's currency prints it (whole cents, or whole won), in that currency.
fn shown_amount(usd: f64, scenario: &Scenario) -> f64 {
    match scenario.currency {
        crate::money::Currency::Usd => (usd * 100.0).round() / 100.0,
        crate::money::Currency::Krw => (usd * scenario.krw_per_usd).round(),
    }
}

/// A share as a percentage for reading, without its `%`: the digits of
/// [`crate::money::format_share`], the one rule for a share of requests ("show the math"
/// writes the same cold-start share with the same digits).
pub fn pct(x: f64) -> String {
    let s = crate::money::format_share(x);
    s.trim_end_matches('%').to_string()
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
                    ("timeout", timeout_text(timeout, lang)),
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
                // Runnable but not serving the load: said why, and what serves it instead.
                _ if !f.serves => {
                    out.push(fill(
                        t(Text::FitReasonFaasFails),
                        &[("faas", faas_usd), ("why", self.faas_fails_why(lang))],
                    ));
                    out.push(match other {
                        Some(o) => fill(
                            t(Text::FitReasonServesInstead),
                            &[
                                ("model", o.kind.label().get(lang).into()),
                                ("other", money(o.month_usd)),
                            ],
                        ),
                        None => t(Text::FitReasonNoneServes).to_string(),
                    });
                }
                Some(o) if self.cheapest == Some(ModelKind::Faas) => out.push(fill(
                    t(Text::FitReasonCheapest),
                    &[
                        ("faas", faas_usd),
                        ("other", money(o.month_usd)),
                        ("model", o.kind.label().get(lang).into()),
                    ],
                )),
                Some(o) => {
                    // The ratio of the two bills as they are printed, so a reader's
                    // calculator agrees with it.
                    let (fs, os) = (
                        shown_amount(f.month_usd, scenario),
                        shown_amount(o.month_usd, scenario),
                    );
                    let values = [
                        ("faas", faas_usd),
                        ("other", money(o.month_usd)),
                        ("model", o.kind.label().get(lang).into()),
                        ("x", format_number((fs / os * 10.0).round() / 10.0, 1)),
                    ];
                    let text = if os > 0.0 {
                        Text::FitReasonDearer
                    } else {
                        Text::FitReasonDearerFree
                    };
                    out.push(fill(t(text), &values));
                }
                None => out.push(fill(t(Text::FitReasonOnlyFaas), &[("faas", faas_usd)])),
            }
            if self.idle_share >= 0.2 {
                out.push(fill(
                    t(Text::FitReasonIdle),
                    &[("pct", format_number((self.idle_share * 100.0).round(), 0))],
                ));
            } else if self.idle_share < 0.05 && self.cheapest != Some(ModelKind::Faas) {
                // "Busy" only where the instances are: traffic near its peak all day. A
                // business day that never stops but falls to a tenth at night is a base load.
                let pct = |x: f64| format_number((x * 100.0).round(), 0);
                let text = if self.mean_share >= 0.6 {
                    Text::FitReasonBusy
                } else {
                    Text::FitReasonBaseLoad
                };
                out.push(fill(
                    t(text),
                    &[("avg", pct(self.mean_share)), ("low", pct(self.low_share))],
                ));
            }
            let ms = |x: f64| format_number(x.round(), 0);
            // The warm run is longer than the duration when the CPU share of the memory
            // chosen is what holds a request back: said first, as the p95's cause.
            if let Some(line) = self.cpu_share_reason(scenario) {
                out.push(line);
            }
            // Cold starts are named as the p95's cause only when they reach it (p95 above
            // the warm run, as printed), never because some requests start cold.
            if self.cold_in_p95() {
                out.push(fill(
                    t(Text::FitReasonCold),
                    &[
                        ("pct", pct(self.cold_share)),
                        ("n", self.cold_count(lang)),
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
                        ("n", self.cold_count(lang)),
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

/// One model's month as the card shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct CostRow {
    pub kind: ModelKind,
    pub label: String,
    /// The month's bill, or why the model cannot run (a model that cannot run has no bill).
    pub month: String,
    /// Share of requests lost, or `None` when the model cannot run.
    pub lost: Option<String>,
    pub cheapest: bool,
    pub runnable: bool,
    /// The bill in dollars (0 when the model cannot run), for the picture's bars.
    pub month_usd: f64,
    /// Loses 1% or more of the requests.
    pub lossy: bool,
}

/// A short reason a model cannot run, for a table cell.
fn short_reason(card: &Card, lang: Lang) -> &'static str {
    if card.stateful {
        return Text::FitWhyState.get(lang);
    }
    match card.not_runnable.first() {
        Some(NotRunnable::MemoryBelowMinimum { .. }) => Text::FitWhyMemLow.get(lang),
        Some(NotRunnable::MemoryAboveMaximum { .. }) => Text::FitWhyMemHigh.get(lang),
        Some(NotRunnable::DurationAboveTimeout { .. }) => Text::FitWhyTimeout.get(lang),
        None => Text::FitNotRunnableCell.get(lang),
    }
}

impl Card {
    /// Every model's month, in [`ModelKind::ALL`] order, money in the scenario's currency.
    pub fn cost_rows(&self, scenario: &Scenario) -> Vec<CostRow> {
        let lang = scenario.lang;
        self.costs
            .iter()
            .map(|m| {
                let (month, lost, usd) = if m.runnable {
                    (
                        format(m.month_usd, scenario.currency, scenario.krw_per_usd),
                        Some(format!("{}%", pct(m.lost_share))),
                        m.month_usd,
                    )
                } else {
                    (
                        fill(
                            Text::FitCannotRunCell.get(lang),
                            &[("why", short_reason(self, lang).into())],
                        ),
                        None,
                        0.0,
                    )
                };
                CostRow {
                    kind: m.kind,
                    label: m.kind.label().get(lang).into(),
                    month,
                    lost,
                    cheapest: self.cheapest == Some(m.kind),
                    runnable: m.runnable,
                    month_usd: usd,
                    lossy: m.runnable && m.lost_share >= 0.01,
                }
            })
            .collect()
    }

    /// What "cheapest" means, for under the rows when one is marked so: the cheapest of the
    /// models that serve the load (the scaling view's rule, with its p95 target), which a
    /// model that drops more or answers slower may undercut.
    pub fn cheapest_note(&self, lang: Lang) -> Option<String> {
        self.cheapest.map(|_| {
            fill(
                Text::FitCheapestNote.get(lang),
                &[(
                    "target",
                    crate::money::format_duration_ms(self.p95_target_ms, lang),
                )],
            )
        })
    }

    /// Why functions, though they run, do not serve the load: the first of losing 1% or more,
    /// a p95 that timed out, a p95 over the target (the rule of [`crate::math::serves_workload`]).
    fn faas_fails_why(&self, lang: Lang) -> String {
        let dur = |ms: f64| crate::money::format_duration_ms(ms, lang);
        if self.throttled_share >= 0.01 {
            fill(
                Text::FitWhyFaasLost.get(lang),
                &[("pct", pct(self.throttled_share))],
            )
        } else if self.p95_timed_out {
            Text::FitWhyFaasTimedOut.get(lang).to_string()
        } else {
            fill(
                Text::FitWhyFaasSlow.get(lang),
                &[
                    ("p95", dur(self.p95_ms)),
                    ("target", dur(self.p95_target_ms)),
                    ("wait", dur(crate::sim::P95_TARGET_WAIT_MS)),
                ],
            )
        }
    }

    /// Whether the p95, as printed, is above the warm run: a cold start is in it.
    pub fn cold_in_p95(&self) -> bool {
        self.p95_ms.round() > self.warm_p95_ms.round()
    }

    /// Why the warm run is longer than the duration, when it is: the CPU share of the memory
    /// chosen (`CPU ms × MB per vCPU ÷ memory`, as `sim::faas_run_ms` works it out).
    pub fn cpu_share_reason(&self, scenario: &Scenario) -> Option<String> {
        if !(self.mb_per_vcpu > 0.0 && self.run_ms > self.duration_ms && self.cpu_vcpu < 1.0) {
            return None;
        }
        let mem = scenario.workload.memory_mb;
        let exact = self.cpu_ms * self.mb_per_vcpu / mem;
        let run = self.run_ms.round();
        let eq = if exact == run { "=" } else { "≈" };
        Some(fill(
            Text::FitReasonCpuShare.get(scenario.lang),
            &[
                ("run", format_number(run, 0)),
                ("dur", format_number(self.duration_ms, 0)),
                ("mem", format_number(mem, 0)),
                (
                    "share",
                    format_number((self.cpu_vcpu * 1000.0).round() / 1000.0, 3),
                ),
                ("mbpv", format_number(self.mb_per_vcpu, 0)),
                ("cpu", format_number(self.cpu_ms, 0)),
                ("eq", eq.into()),
            ],
        ))
    }

    /// The month's cold starts as "show the math" and its table write them (an expected count,
    /// tenths below 10, three significant digits from 100,000 on, in full digits): one value.
    fn cold_count(&self, lang: Lang) -> String {
        crate::money::CountFormat::for_total(self.cold_starts, true, lang)
            .in_full()
            .show(self.cold_starts)
    }

    /// The functions' cold starts, p95 and throttling as the card's cells, when they can run.
    pub fn faas_cells(&self, scenario: &Scenario) -> Option<(String, String, String)> {
        let lang = scenario.lang;
        self.cost(ModelKind::Faas).filter(|f| f.runnable)?;
        let n = |x: f64| format_number(x.round(), 0);
        Some((
            fill(
                Text::FitColdCell.get(lang),
                &[("n", self.cold_count(lang)), ("pct", pct(self.cold_share))],
            ),
            fill(
                Text::FitP95Cell.get(lang),
                &[("p95", n(self.p95_ms)), ("warm", n(self.warm_p95_ms))],
            ),
            fill(
                Text::FitThrottleCell.get(lang),
                &[("n", n(self.throttled)), ("pct", pct(self.throttled_share))],
            ),
        ))
    }
}

/// Which function limits are in force, in words.
fn limits_source(scenario: &Scenario) -> Text {
    match (scenario.faas.service, scenario.faas.legacy_limits) {
        (FaasService::Lambda, false) => Text::FitLimitsLambdaNow,
        (FaasService::Lambda, true) => Text::FitLimitsLambdaNotes,
        (FaasService::Azure, _) => Text::FitLimitsAzure,
    }
}

/// The function limits in force, for the card: memory range, timeout and where they come from.
pub fn limits_cell(scenario: &Scenario) -> String {
    let (min, max, timeout) = faas_limits(scenario);
    fill(
        Text::FitLimitsCell.get(scenario.lang),
        &[
            ("min", format_number(min, 0)),
            ("max", format_number(max, 0)),
            ("timeout", timeout_text(timeout, scenario.lang)),
            ("which", limits_source(scenario).get(scenario.lang).into()),
        ],
    )
}

fn pattern_name(p: Pattern) -> Text {
    match p {
        Pattern::Steady => Text::PatternSteady,
        Pattern::Diurnal => Text::PatternDiurnal,
        Pattern::Bursty => Text::PatternBursty,
        Pattern::Flash => Text::PatternFlash,
        Pattern::Batch => Text::PatternBatch,
        Pattern::Iot => Text::PatternIot,
        Pattern::Growth => Text::PatternGrowth,
    }
}

/// The workload in one line: pattern, peak, CPU, duration and memory.
pub fn workload_line(scenario: &Scenario) -> String {
    let lang = scenario.lang;
    let w = &scenario.workload;
    fill(
        Text::FitWorkloadLine.get(lang),
        &[
            (
                "pattern",
                pattern_name(scenario.traffic.pattern).get(lang).into(),
            ),
            ("peak", format_number(scenario.traffic.peak_rps, 3)),
            ("cpu", format_number(w.cpu_ms, 2)),
            (
                "dur",
                call_duration(w.duration_ms, faas_limits(scenario).2, lang),
            ),
            ("mem", format_number(w.memory_mb, 0)),
        ],
    )
}

/// Width and height of the verdict picture, px.
pub const SCENE_WIDTH: f64 = 640.0;

/// A mark drawn as a shape (not a glyph, so every font shows the same): a tick, a wavy "≈",
/// a cross, or a "no entry" disc, centred at (`cx`, `cy`).
fn rating_mark(rating: Rating, cx: f64, cy: f64) -> Node {
    let line = Stroke::solid(Role::Ink, 3.0);
    let kids = match rating {
        Rating::Good => vec![Node::polyline(
            vec![(cx - 8.0, cy), (cx - 2.0, cy + 6.0), (cx + 9.0, cy - 7.0)],
            line,
        )],
        Rating::Mixed => vec![
            Node::polyline(
                vec![
                    (cx - 8.0, cy - 2.0),
                    (cx - 3.0, cy - 5.0),
                    (cx + 3.0, cy - 1.0),
                    (cx + 8.0, cy - 4.0),
                ],
                line,
            ),
            Node::polyline(
                vec![
                    (cx - 8.0, cy + 5.0),
                    (cx - 3.0, cy + 2.0),
                    (cx + 3.0, cy + 6.0),
                    (cx + 8.0, cy + 3.0),
                ],
                line,
            ),
        ],
        Rating::Poor => vec![
            Node::line(cx - 7.0, cy - 7.0, cx + 7.0, cy + 7.0, line),
            Node::line(cx - 7.0, cy + 7.0, cx + 7.0, cy - 7.0, line),
        ],
        Rating::NotRunnable => vec![
            Node::circle(cx, cy, 9.0, Role::None).stroke(line),
            Node::line(cx - 6.0, cy, cx + 6.0, cy, line),
        ],
    };
    Node::group(kids).class(format!("mark {}", rating.code()))
}

/// One gauge of the limits panel: the workload's value against the limit, on a bar from 0.
#[allow(clippy::too_many_arguments)]
fn gauge(
    id: &str,
    y: f64,
    label: String,
    value: f64,
    limit: f64,
    over: bool,
    limit_label: &str,
) -> Node {
    let (x0, w) = (24.0, SCENE_WIDTH - 48.0);
    let scale = limit.max(value).max(1e-9) * 1.08;
    let at = |v: f64| x0 + (v / scale).clamp(0.0, 1.0) * w;
    let fill_w = (at(value) - x0).max(if value > 0.0 { 2.0 } else { 0.0 });
    let bar = if over {
        Node::rect(x0, y + 10.0, fill_w, 12.0, Role::Background).stroke(Stroke::dashed(
            Role::Danger,
            2.0,
            "4 3",
        ))
    } else {
        Node::rect(x0, y + 10.0, fill_w, 12.0, Role::You)
    };
    let lx = at(limit);
    Node::group(vec![
        Node::text(x0, y, label, 13.0, Role::Ink),
        Node::rect(x0, y + 10.0, w, 12.0, Role::Background)
            .radius(3.0)
            .stroke(Stroke::solid(Role::Border, 1.0)),
        bar,
        Node::line(lx, y + 4.0, lx, y + 28.0, Stroke::solid(Role::Ink, 2.0)),
        Node::text(
            lx.min(SCENE_WIDTH - 26.0),
            y + 40.0,
            limit_label,
            11.0,
            Role::InkMuted,
        )
        .anchor(Anchor::End),
    ])
    .id(format!("fit-fig-limit-{id}"))
    .class(if over { "gauge over" } else { "gauge" })
}

/// The verdict card as a picture: what the workload is, the rating (a shape and words), a
/// month on each model (a bar each; the cheapest said in words, a model that cannot run said so
/// instead of a bar) and the function limits against the workload.
pub fn scene(scenario: &Scenario, card: &Card) -> Scene {
    let lang = scenario.lang;
    let t = |x: Text| x.get(lang);
    let name = t(card.preset.map_or(Text::FitCustom, Preset::label));
    let rating = t(card.rating.label());
    let title = format!("{}: {name}", t(Text::ViewFit));
    let desc = format!("{name}: {rating}. {}", card.reasons(scenario).join(" "));
    let mut parts = vec![
        Node::text(24.0, 28.0, t(Text::ViewFit), 13.0, Role::InkMuted).bold(),
        Node::text(24.0, 52.0, name, 18.0, Role::Ink)
            .bold()
            .id("fit-fig-title"),
    ];
    let mut y = 72.0;
    for line in wrap(&workload_line(scenario), 92) {
        parts.push(Node::text(24.0, y, line, 12.0, Role::InkMuted));
        y += 16.0;
    }
    // The rating.
    y += 4.0;
    let outline = match card.rating {
        Rating::Good => Stroke::solid(Role::Good, 2.5),
        Rating::Mixed => Stroke::solid(Role::Ink, 2.0),
        Rating::Poor | Rating::NotRunnable => Stroke::dashed(Role::Danger, 2.5, "6 4"),
    };
    parts.push(
        Node::group(vec![
            Node::rect(24.0, y, SCENE_WIDTH - 48.0, 40.0, Role::Background)
                .radius(8.0)
                .stroke(outline),
            rating_mark(card.rating, 46.0, y + 20.0),
            Node::text(66.0, y + 26.0, rating, 16.0, Role::Ink).bold(),
        ])
        .id("fit-fig-rating")
        .class(format!("rating {}", card.rating.code())),
    );
    y += 68.0;
    // A month on each model.
    parts.push(Node::text(24.0, y, t(Text::FitFigCosts), 14.0, Role::Ink).bold());
    y += 14.0;
    let rows = card.cost_rows(scenario);
    let most = rows.iter().map(|r| r.month_usd).fold(0.0, f64::max);
    let (bar_x, bar_w) = (200.0, 250.0);
    for r in &rows {
        let mut kids = vec![Node::text(24.0, y + 17.0, r.label.clone(), 13.0, Role::Ink)];
        if r.runnable {
            let w = if most > 0.0 {
                (r.month_usd / most * bar_w).max(if r.month_usd > 0.0 { 2.0 } else { 0.0 })
            } else {
                0.0
            };
            let bar = if r.lossy {
                Node::rect(bar_x, y + 6.0, w, 14.0, Role::Background).stroke(Stroke::dashed(
                    Role::Danger,
                    1.5,
                    "4 3",
                ))
            } else if r.cheapest {
                Node::rect(bar_x, y + 6.0, w, 14.0, Role::You)
            } else {
                Node::rect(bar_x, y + 6.0, w, 14.0, Role::Provider)
                    .stroke(Stroke::solid(Role::ProviderLine, 1.0))
            };
            kids.push(bar);
            let note = if r.cheapest {
                format!(" · {}", t(Text::FitCheapestMark))
            } else if r.lossy {
                format!(
                    " · {}",
                    fill(
                        t(if r.kind == ModelKind::Faas {
                            Text::FitFigThrottled
                        } else {
                            Text::FitFigLost
                        }),
                        &[("pct", r.lost.clone().unwrap_or_default())]
                    )
                )
            } else {
                String::new()
            };
            let text = Node::text(
                bar_x + bar_w + 10.0,
                y + 17.0,
                format!("{}{note}", r.month),
                12.0,
                Role::Ink,
            );
            kids.push(if r.cheapest { text.bold() } else { text });
        } else {
            kids.push(
                Node::rect(bar_x, y + 6.0, bar_w, 14.0, Role::None).stroke(Stroke::dashed(
                    Role::Border,
                    1.0,
                    "3 3",
                )),
            );
            kids.push(Node::text(bar_x + 8.0, y + 17.0, r.month.clone(), 12.0, Role::Ink).bold());
        }
        parts.push(
            Node::group(kids)
                .id(format!("fit-fig-cost-{}", r.kind.code()))
                .class(if r.cheapest { "cost cheapest" } else { "cost" }),
        );
        y += 28.0;
    }
    // What the mark means, right under the rows it marks.
    if let Some(note) = card.cheapest_note(lang) {
        for line in wrap(&note, 88) {
            parts
                .push(Node::text(24.0, y + 8.0, line, 12.0, Role::InkMuted).class("cheapest-note"));
            y += 16.0;
        }
    }
    // The function limits against the workload.
    y += 22.0;
    let (min_mb, max_mb, timeout_s) = faas_limits(scenario);
    parts.push(
        Node::text(
            24.0,
            y,
            fill(
                t(Text::FitFigLimits),
                &[("which", t(limits_source(scenario)).into())],
            ),
            14.0,
            Role::Ink,
        )
        .bold(),
    );
    y += 22.0;
    let w = &scenario.workload;
    let mem_over = w.memory_mb > max_mb || w.memory_mb < min_mb;
    parts.push(gauge(
        "memory",
        y,
        fill(
            t(Text::FitFigMemory),
            &[
                ("mem", format_number(w.memory_mb, 0)),
                ("min", format_number(min_mb, 0)),
                ("max", format_number(max_mb, 0)),
            ],
        ),
        w.memory_mb,
        max_mb,
        mem_over,
        &fill(
            t(Text::FitFigLimitMark),
            &[("v", format!("{} MB", format_number(max_mb, 0)))],
        ),
    ));
    y += 56.0;
    // The run the timeout is held against: the duration, or the CPU time on the memory's CPU
    // share when that is longer (what `sim::faas_runnable` checks and the verdict says).
    let run_ms = crate::sim::faas_run_ms(scenario);
    let dur_s = run_ms / 1000.0;
    parts.push(gauge(
        "duration",
        y,
        fill(
            t(Text::FitFigDuration),
            &[
                ("dur", call_duration(run_ms, timeout_s, lang)),
                ("timeout", timeout_text(timeout_s, lang)),
            ],
        ),
        dur_s,
        timeout_s,
        dur_s > timeout_s,
        &fill(
            t(Text::FitFigLimitMark),
            &[("v", timeout_text(timeout_s, lang))],
        ),
    ));
    y += 56.0;
    let mut scene = Scene::new(SCENE_WIDTH, y, title, desc);
    for p in parts {
        scene.push(p);
    }
    scene
}

/// A call's duration or run, as everything on the card and in the verdict shows it: "120 ms",
/// "45 s", "20 min" (minutes from 120 s, one decimal). A run longer than `timeout_s` gets the
/// decimals it needs to read longer than the timeout as shown ("15.01 min", not "15 min"
/// against a 15 min timeout). One function of the value and the limits, so the same run reads
/// the same in the workload line, the gauge and the reasons.
pub fn call_duration(ms: f64, timeout_s: f64, lang: Lang) -> String {
    let ms = if ms.is_finite() { ms } else { 0.0 };
    if ms < 1000.0 {
        return format!("{} ms", format_number(ms, 0));
    }
    let seconds = ms / 1000.0;
    if seconds < 120.0 {
        return fill(
            Text::DurSeconds.get(lang),
            &[("n", format_number(seconds.round(), 0))],
        );
    }
    let minutes = seconds / 60.0;
    let limit = timeout_s / 60.0;
    let mut decimals = 1;
    while ms > timeout_s * 1000.0 && rounded(minutes, decimals as i32) <= limit && decimals < 9 {
        decimals += 1;
    }
    fill(
        Text::DurMinutes.get(lang),
        &[(
            "n",
            format_number(rounded(minutes, decimals as i32), decimals),
        )],
    )
}

/// The function timeout as every text shows it ("15 min", "5 min", "10 min").
pub fn timeout_text(timeout_s: f64, lang: Lang) -> String {
    call_duration(timeout_s * 1000.0, timeout_s, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::{Fit, verdict};
    use crate::scene::Kind;
    use crate::sim::simulate;

    fn card(p: Preset, base: &str) -> (Scenario, Card) {
        let s = p.apply(&Scenario::from_query(base).0);
        let c = assess(&s, &simulate(&s));
        (s, c)
    }

    #[test]
    fn the_run_time_gauge_shows_the_run_the_timeout_is_held_against() {
        // 200 s of CPU on 128 MB (0.072 of a vCPU) run ≈ 46 min, over the 15 min timeout the
        // verdict names; the gauge said "10 min", the asked duration, under it.
        let s = Scenario::from_query(
            "view=fit&lang=en&pat=batch&peak=0.05&cpu=200000&dur=600000&mem=128",
        )
        .0;
        let c = assess(&s, &simulate(&s));
        let fig = super::scene(&s, &c);
        let g = fig.find("fit-fig-limit-duration").unwrap();
        let texts = |g: &crate::scene::Node| -> Vec<String> {
            g.walk()
                .filter_map(|n| match &n.kind {
                    Kind::Text { text, .. } => Some(text.clone()),
                    _ => None,
                })
                .collect()
        };
        let label = texts(g);
        assert!(
            label[0].starts_with("Run time per call: 46.1 min"),
            "{label:?}"
        );
        assert!(g.meta.class.as_deref().unwrap_or("").contains("over"));
        // Where the run is the duration, the gauge shows the duration.
        let s =
            Scenario::from_query("view=fit&lang=en&pat=steady&peak=5&cpu=10&dur=300&mem=1769").0;
        let c = assess(&s, &simulate(&s));
        let fig = super::scene(&s, &c);
        let g = fig.find("fit-fig-limit-duration").unwrap();
        assert!(
            texts(g)[0].starts_with("Run time per call: 300 ms"),
            "{:?}",
            texts(g)
        );
    }

    #[test]
    fn the_cheapest_mark_says_what_it_means_under_the_rows_it_marks() {
        // "cheapest" beside a model can sit under a cheaper one that drops 1.4% or answers
        // slower than the target: the card says where it marks it what the mark is for, with
        // the scaling view's rule and this workload's p95 target.
        for (lang, note) in [
            (
                "en",
                "cheapest: the lowest monthly cost of the models that serve the load (under 1% of requests dropped or throttled, and a p95 over the peak day within {target}, not timed out), as the scaling view's ★",
            ),
            (
                "ko",
                "최저가: 부하를 감당하는 모델(요청 유실 1% 미만, 피크일 전체 p95가 {target} 이내이고 시간 초과 아님) 중 월 비용이 가장 낮은 모델로, 스케일링 화면의 ★와 같습니다",
            ),
        ] {
            for &p in Preset::ALL {
                let (s, c) = card(p, &format!("lang={lang}&view=fit"));
                let scene = scene(&s, &c);
                let shown: Vec<&Node> = scene
                    .nodes()
                    .filter(|n| n.meta.class.as_deref() == Some("cheapest-note"))
                    .collect();
                if c.cheapest.is_none() {
                    assert!(shown.is_empty(), "{p:?}");
                    assert_eq!(c.cheapest_note(s.lang), None);
                    continue;
                }
                let note = note.replace(
                    "{target}",
                    &crate::money::format_duration_ms(c.p95_target_ms, s.lang),
                );
                assert_eq!(c.cheapest_note(s.lang).as_deref(), Some(note.as_str()));
                let lines: Vec<(f64, f64, String)> = shown
                    .iter()
                    .map(|n| match &n.kind {
                        Kind::Text {
                            x,
                            y,
                            size,
                            bold,
                            text,
                            ..
                        } => {
                            // Within the card.
                            let end = x + crate::lanes::drawn_width(text, *size, *bold);
                            assert!(end <= SCENE_WIDTH - 24.0, "{lang}: ends at {end}");
                            (*x, *y, text.clone())
                        }
                        _ => unreachable!(),
                    })
                    .collect();
                let joined: Vec<&str> = lines.iter().map(|l| l.2.as_str()).collect();
                assert_eq!(joined.join(" "), note, "{p:?} {lang}");
                // The next thing under the last cost row.
                let last_row = scene
                    .find(&format!("fit-fig-cost-{}", ModelKind::Faas.code()))
                    .unwrap();
                let row_y = last_row
                    .walk()
                    .filter_map(|n| match n.kind {
                        Kind::Text { y, .. } => Some(y),
                        _ => None,
                    })
                    .fold(0.0, f64::max);
                let y = lines[0].1;
                assert!(y > row_y && y < row_y + 30.0, "{p:?}: {y} after {row_y}");
            }
        }
    }

    #[test]
    fn a_preset_sets_the_whole_workload_whatever_was_tried_before() {
        // Every preset after every other (and after a hand-set workload) is the same screen
        // as that preset opened fresh: nothing left over (the student's `quota=3000` from the
        // parallel batch stayed on the next presets), and the user's own choices kept.
        let own = "lang=ko&cur=krw&vm=m5.large&faas=azure&pc=7&ping=5&seed=9&quota=50";
        for &before in Preset::ALL {
            let tried = before.apply(&Scenario::from_query(own).0);
            for &p in Preset::ALL {
                let next = p.apply(&tried);
                assert_eq!(
                    next,
                    p.apply(&Scenario::from_query("lang=ko&cur=krw&vm=m5.large&faas=azure").0),
                    "{before:?} then {p:?}"
                );
                assert_eq!(Preset::current(&next), Some(p), "{before:?} then {p:?}");
            }
        }
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
            why.contains("A 20 min run is longer than the 15 min timeout"),
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
    fn busy_is_said_of_traffic_near_its_peak_not_of_a_business_day() {
        let (s, c) = card(Preset::SteadyHeavy, "lang=en");
        let why = c.reasons(&s).join(" ");
        assert!(why.contains("stays near its peak all day"), "{why}");
        // Business hours fall to 8% at night but never under 5% of the peak: no minute idles,
        // yet the instances are not busy all day.
        let s = Scenario::from_query("pat=diurnal&peak=3000&cpu=20&dur=40&mem=512&quota=3000").0;
        let c = assess(&s, &simulate(&s));
        assert_eq!(c.idle_share, 0.0);
        assert!(c.mean_share < 0.6, "{}", c.mean_share);
        assert_ne!(c.cheapest, Some(ModelKind::Faas));
        let why = c.reasons(&s).join(" ");
        assert!(
            !why.contains("near its peak") && why.contains("never stops"),
            "{why}"
        );
        let ko =
            Scenario::from_query("pat=diurnal&peak=3000&cpu=20&dur=40&mem=512&quota=3000&lang=ko")
                .0;
        let why = c.reasons(&ko).join(" ");
        assert!(
            why.contains("멈추지 않습니다") && !why.contains("피크 가까이"),
            "{why}"
        );
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
    fn the_picture_shows_the_cards_numbers_and_the_limits_in_force() {
        use crate::svg::{Options, write};
        for &p in Preset::ALL {
            for base in ["lang=en", "lang=ko&cur=krw", "lang=en&legacy=1"] {
                let (s, c) = card(p, base);
                let scene = scene(&s, &c);
                let svg = write(&scene, &Options::file());
                roxmltree::Document::parse(&svg).expect("well-formed");
                assert!(!svg.contains("NaN") && !svg.contains("inf"));
                let texts: Vec<&str> = scene.texts().collect();
                // Each model's month reads as the table's cell.
                for r in c.cost_rows(&s) {
                    assert!(
                        texts.iter().any(|t| t.starts_with(&r.month)),
                        "{p:?} {base}: {} not in {texts:?}",
                        r.month
                    );
                }
                for n in scene.nodes() {
                    if let crate::scene::Kind::Text { x, y, text, .. } = &n.kind {
                        assert!(
                            (0.0..=SCENE_WIDTH).contains(x) && (0.0..=scene.height).contains(y),
                            "{text}"
                        );
                    }
                }
                // The title and description describe; they do not instruct.
                assert!(!scene.desc.contains("Run it on"), "{}", scene.desc);
            }
        }
        // The notes' older limits change the picture and the card's line.
        let (today, c) = card(Preset::Tiny, "lang=en");
        let (old, c_old) = card(Preset::Tiny, "lang=en&legacy=1");
        assert_ne!(scene(&today, &c), scene(&old, &c_old));
        assert!(
            limits_cell(&today).contains("10,240 MB")
                && limits_cell(&today).contains("15 min timeout")
        );
        assert!(
            limits_cell(&old).contains("1,500 MB") && limits_cell(&old).contains("5 min timeout")
        );
        // A model that cannot run has no bill, in the table and the picture alike.
        let (s, c) = card(Preset::Transcode, "lang=en");
        let faas = c
            .cost_rows(&s)
            .into_iter()
            .find(|r| r.kind == ModelKind::Faas)
            .unwrap();
        assert_eq!(faas.month, "cannot run: runs longer than the timeout");
        assert!(faas.lost.is_none());
    }

    #[test]
    fn korean_reasons_need_no_particle_after_a_value() {
        for &p in Preset::ALL {
            for base in ["lang=ko", "lang=ko&cur=krw"] {
                let (s, c) = card(p, base);
                for r in c.reasons(&s) {
                    assert!(!r.contains("(가)") && !r.contains("(를)"), "{r}");
                    // "₩1,234로" or "VM로" would need 으로: no value is followed by 로.
                    for money in c.cost_rows(&s).iter().map(|r| r.month.clone()) {
                        assert!(!r.contains(&format!("{money}로")), "{r}");
                    }
                    for k in ModelKind::ALL {
                        assert!(
                            !r.contains(&format!("{}로", k.label().get(Lang::Ko))),
                            "{r}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn durations_and_percentages_read_well() {
        assert_eq!(call_duration(120.0, 900.0, Lang::En), "120 ms");
        assert_eq!(call_duration(1_200_000.0, 900.0, Lang::En), "20 min");
        assert_eq!(call_duration(45_000.0, 900.0, Lang::Ko), "45초");
        assert_eq!(timeout_text(900.0, Lang::En), "15 min");
        assert_eq!(timeout_text(300.0, Lang::Ko), "5분");
        // A run just over the timeout reads longer than it, not "15 min" against "15 min".
        assert_eq!(call_duration(900_400.0, 900.0, Lang::En), "15.01 min");
        assert_eq!(call_duration(900_000.0, 900.0, Lang::En), "15 min");
        assert_eq!(call_duration(f64::NAN, 900.0, Lang::En), "0 ms");
        assert_eq!(pct(0.00001), "0.001");
        assert_eq!(pct(0.0123), "1.2");
        assert_eq!(pct(0.123), "12");
        assert_eq!(pct(0.0), "0");
    }
}
