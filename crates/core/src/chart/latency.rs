//! Each model's p95 latency over the peak day. Cold starts and queueing can put one model
//! hundreds of times above another, so the y axis turns logarithmic when the values span more
//! than [`LOG_WHEN_SPAN`]×. Minutes with nothing served leave a gap in the line.

use super::backend::SERIES;
use super::frame::{self, Axis, Entry, MARKERS, Spec, Swatch};
use super::{bucketed, clock, csv_line, csv_num, fill, hour_label, num_label, series_index};
use crate::i18n::Text;
use crate::scenario::Scenario;
use crate::scene::{Role, Scene};
use crate::sim::Outcome;

/// Largest-to-smallest ratio above which the axis is logarithmic.
pub const LOG_WHEN_SPAN: f64 = 30.0;

/// The chart.
pub fn draw(s: &Scenario, o: &Outcome) -> Scene {
    let lang = s.lang;
    let shown: Vec<_> = o
        .models
        .iter()
        .filter(|m| m.not_runnable.is_empty())
        .collect();
    let series: Vec<Vec<(f64, f64)>> = shown
        .iter()
        .map(|m| bucketed(&m.series.p95_ms, f64::max))
        .collect();
    let positive = series.iter().flatten().map(|p| p.1).filter(|v| *v > 0.0);
    let (lo, hi) = positive.fold((f64::INFINITY, 0.0_f64), |(a, b), v| (a.min(v), b.max(v)));
    let log = hi > 0.0 && hi / lo > LOG_WHEN_SPAN;
    let y = if log {
        Axis::log(lo, hi)
    } else {
        Axis::linear(0.0, if hi > 0.0 { hi * 1.1 } else { 100.0 }, 5)
    };

    let mut legend = Vec::new();
    let mut notes = Vec::new();
    for m in &o.models {
        let i = series_index(m.kind);
        let name = m.kind.label().get(lang);
        let label = if !m.not_runnable.is_empty() {
            let why: Vec<String> = m.not_runnable.iter().map(|n| n.message(lang)).collect();
            notes.push((
                fill(Text::ChartNotRunnable.get(lang), &[("why", why.join(" "))]),
                Role::Danger,
            ));
            format!("{name} —")
        } else if m.day.served > 0.0 && m.day.p95_ms > 0.0 {
            format!(
                "{name} · p95 {}",
                crate::money::latency_or_why(
                    m.day.p95_ms,
                    m.day.p95_timed_out,
                    m.day.served,
                    m.day.requests,
                    lang
                )
            )
        } else {
            format!("{name} · {}", Text::ChartNothingServed.get(lang))
        };
        legend.push(Entry {
            id: format!("latency-{}", m.kind.code()),
            label,
            swatch: Swatch::Line(SERIES[i], Some(MARKERS[i])),
        });
    }

    let y_fmt = num_label;
    let spec = Spec {
        title: Text::ChartLatencyTitle.get(lang),
        desc: Text::ChartLatencyDesc.get(lang),
        x: Axis::hours(),
        y,
        x_title: Text::ChartAxisTime.get(lang).into(),
        y_title: if log {
            Text::ChartAxisLatencyLog.get(lang).into()
        } else {
            Text::ChartAxisLatency.get(lang).into()
        },
        x_fmt: &hour_label,
        y_fmt: &y_fmt,
        legend,
        notes,
    };
    frame::draw(spec, |plot| {
        for (m, pts) in shown.iter().zip(&series) {
            let i = series_index(m.kind);
            plot.group(
                &format!("latency-{}", m.kind.code()),
                Some(m.kind.label().get(lang)),
                |p| {
                    // Runs of served minutes; an unserved minute breaks the line.
                    for run in pts.split(|pt| pt.1 <= 0.0).filter(|r| !r.is_empty()) {
                        if run.len() == 1 {
                            p.mark(run[0], MARKERS[i], SERIES[i]);
                        } else {
                            p.line(run, SERIES[i], 2);
                        }
                    }
                    p.series_marks(pts, i, true);
                },
            );
        }
    })
}

/// One row per minute: each model's p95 latency in ms (empty when nothing was served).
pub fn csv(s: &Scenario, o: &Outcome) -> String {
    let lang = s.lang;
    let mut header = vec![Text::ChartCsvTime.get(lang).to_string()];
    for m in &o.models {
        let model = [("model", m.kind.label().get(lang).to_string())];
        header.push(format!(
            "{} ({})",
            fill(Text::ChartCsvLatency.get(lang), &model),
            super::csv_unit(super::CsvUnit::Ms, s)
        ));
    }
    let mut out = csv_line(&header);
    for i in 0..o.traffic_rps.len() {
        let mut row = vec![clock(i)];
        for m in &o.models {
            // Empty where the lane says "no requests": nothing served in the minute, no p95.
            let served = m.series.served_rps.get(i).copied().unwrap_or(0.0);
            row.push(match m.series.p95_ms.get(i) {
                Some(v) if m.not_runnable.is_empty() && served > 0.0 => csv_num(*v),
                _ => String::new(),
            });
        }
        out.push_str(&csv_line(&row));
    }
    out
}
