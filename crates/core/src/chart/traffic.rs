//! Traffic against capacity over the peak day: demand as a filled area, each model's
//! capacity (what its serving instances can take) as a line, and a × on a model's line
//! wherever it dropped or throttled requests.

use super::backend::{AREA, DANGER, INK, SERIES};
use super::frame::{self, Axis, Entry, MARKERS, Marker, Spec, Swatch};
use super::{bucketed, clock, csv_line, csv_num, fill, hour_label, num_label, series_index};
use crate::i18n::Text;
use crate::money::format_number;
use crate::scenario::Scenario;
use crate::scene::{Role, Scene};
use crate::sim::{ModelKind, Outcome};

/// How far above the peak demand the y axis may reach for a model's capacity; a model with
/// more is drawn at the top edge and says so in the legend. Twice the peak keeps the demand,
/// what the chart is about, at least half the plot's height (a flash crowd's spike included).
const HEADROOM_SHOWN: f64 = 2.0;

/// The chart.
pub fn draw(s: &Scenario, o: &Outcome) -> Scene {
    let lang = s.lang;
    let demand = bucketed(&o.traffic_rps, f64::max);
    let peak = demand.iter().map(|p| p.1).fold(0.0, f64::max);
    let limit = if peak > 0.0 {
        peak * HEADROOM_SHOWN
    } else {
        f64::INFINITY
    };
    let runnable = |kind: ModelKind| o.model(kind).not_runnable.is_empty();
    let mut y_hi = peak;
    for m in &o.models {
        if runnable(m.kind) {
            let cap = m.series.capacity_rps.iter().copied().fold(0.0, f64::max);
            y_hi = y_hi.max(cap.min(limit));
        }
    }
    let y = Axis::linear(0.0, if y_hi > 0.0 { y_hi * 1.05 } else { 1.0 }, 5);

    let mut legend = vec![Entry {
        id: "traffic".into(),
        label: Text::ChartTraffic.get(lang).into(),
        swatch: Swatch::Area(AREA, INK),
    }];
    let mut notes = Vec::new();
    let mut any_drops = false;
    for m in &o.models {
        let i = series_index(m.kind);
        let mut label = fill(
            Text::ChartCapacity.get(lang),
            &[("model", m.kind.label().get(lang).to_string())],
        );
        if !runnable(m.kind) {
            label.push_str(" —");
            let why: Vec<String> = m.not_runnable.iter().map(|n| n.message(lang)).collect();
            notes.push((
                fill(Text::ChartNotRunnable.get(lang), &[("why", why.join(" "))]),
                Role::Danger,
            ));
        } else {
            let cap = m.series.capacity_rps.iter().copied().fold(0.0, f64::max);
            if cap > y.hi {
                label = format!(
                    "{label} ({})",
                    fill(
                        Text::ChartOffScale.get(lang),
                        &[("n", format_number(cap, 0))]
                    )
                );
            }
            if m.day.dropped > 0.0 && m.day.requests > 0.0 {
                any_drops = true;
                // A share of requests, written as everywhere else (`format_share`).
                let share = crate::money::format_share(m.day.dropped / m.day.requests);
                let pct = share.trim_end_matches('%').to_string();
                label = format!(
                    "{label} · {}",
                    fill(
                        if m.kind == ModelKind::Faas {
                            Text::ChartThrottledShare
                        } else {
                            Text::ChartLostShare
                        }
                        .get(lang),
                        &[("pct", pct)]
                    )
                );
            }
        }
        legend.push(Entry {
            id: format!("capacity-{}", m.kind.code()),
            label,
            swatch: Swatch::Line(SERIES[i], Some(MARKERS[i])),
        });
    }
    if any_drops {
        legend.push(Entry {
            id: "dropped".into(),
            label: Text::ChartDropped.get(lang).into(),
            swatch: Swatch::Mark(DANGER, Marker::Cross),
        });
    }

    let y_fmt = num_label;
    let spec = Spec {
        title: Text::ChartTrafficTitle.get(lang),
        desc: Text::ChartTrafficDesc.get(lang),
        x: Axis::hours(),
        y,
        x_title: Text::ChartAxisTime.get(lang).into(),
        y_title: Text::ChartAxisRps.get(lang).into(),
        x_fmt: &hour_label,
        y_fmt: &y_fmt,
        legend,
        notes,
    };
    frame::draw(spec, |plot| {
        plot.group("traffic-demand", Some(Text::ChartTraffic.get(lang)), |p| {
            p.area(&demand, AREA, INK);
        });
        for m in o.models.iter().filter(|m| runnable(m.kind)) {
            let i = series_index(m.kind);
            let cap = bucketed(&m.series.capacity_rps, f64::min);
            let title = m.kind.label().get(lang);
            plot.group(
                &format!("traffic-capacity-{}", m.kind.code()),
                Some(title),
                |p| {
                    p.line(&cap, SERIES[i], 2);
                    p.series_marks(&cap, i, false);
                },
            );
            let drops = bucketed(&m.series.dropped_rps, f64::max);
            if drops.iter().any(|d| d.1 > 0.0) {
                plot.group(
                    &format!("traffic-dropped-{}", m.kind.code()),
                    Some(title),
                    |p| {
                        let mut last = f64::NEG_INFINITY;
                        let mut at = Vec::new();
                        for (d, c) in drops.iter().zip(&cap) {
                            // At most one × per half hour per model keeps the marks readable.
                            if d.1 > 0.0 && d.0 - last >= 0.5 {
                                at.push(*c);
                                last = d.0;
                            }
                        }
                        p.marks(&at, Marker::Cross, DANGER);
                    },
                );
            }
        }
    })
}

/// One row per minute: the demand, then each model's capacity and what it dropped, req/s.
pub fn csv(s: &Scenario, o: &Outcome) -> String {
    let lang = s.lang;
    let rps = super::csv_unit(super::CsvUnit::Rps, s);
    let mut header = vec![
        Text::ChartCsvTime.get(lang).to_string(),
        format!("{} ({rps})", Text::ChartCsvTraffic.get(lang)),
    ];
    for m in &o.models {
        let model = [("model", m.kind.label().get(lang).to_string())];
        header.push(format!(
            "{} ({rps})",
            fill(Text::ChartCsvCapacity.get(lang), &model)
        ));
        header.push(format!(
            "{} ({rps})",
            fill(Text::ChartCsvDropped.get(lang), &model)
        ));
    }
    let mut out = csv_line(&header);
    for (i, demand) in o.traffic_rps.iter().enumerate() {
        let mut row = vec![clock(i), csv_num(*demand)];
        for m in &o.models {
            let runnable = m.not_runnable.is_empty();
            let get = |v: &Vec<f64>| {
                v.get(i)
                    .filter(|_| runnable)
                    .map_or(String::new(), |x| csv_num(*x))
            };
            row.push(get(&m.series.capacity_rps));
            row.push(get(&m.series.dropped_rps));
        }
        out.push_str(&csv_line(&row));
    }
    out
}
