//! Monthly cost against a steady request rate, on log scales, for a VM fleet, managed
//! containers and functions, with [`crate::breakeven`]'s crossings and this scenario marked.
//!
//! The curves use the same steady-load model as [`crate::breakeven::breakeven`]: a fleet costs
//! `max(min, ceil(rate / per-instance rate))` instances a month (a staircase), functions cost
//! [`crate::breakeven::faas_month_usd`]. So the circles sit exactly where the curves cross,
//! and the picture agrees with the CLI's `breakeven`. Closed forms, no simulation: the chart
//! costs a few hundred price evaluations.

use super::backend::{ACCENT, INK, SERIES};
use super::frame::{self, Axis, Entry, HPos, MARKERS, Marker, Spec, Swatch};
use super::{
    csv_line, csv_num, currency_code, fill, log10, money_label, num_label, pow10, series_index,
    to_display,
};
use crate::breakeven::{self as be, Breakeven, Comparison, MAX_RPS, MONTH_S};
use crate::i18n::{Lang, Text};
use crate::money::{format, format_number};
use crate::scenario::Scenario;
use crate::scene::{Role, Scene};
use crate::sim::{ModelKind, Outcome, Rates};

/// Points per curve (log-spaced over the x axis), besides the staircase's corners.
const SAMPLES: usize = 240;
/// CSV rows per decade of the x axis.
const CSV_PER_DECADE: usize = 10;
/// The y axis spans at most this many decades below its top.
const Y_DECADES: f64 = 7.0;

/// A fleet's monthly bill at a steady `rps`, or `None` when the comparison has no valid fleet.
pub fn fleet_month_usd(c: &Comparison, rps: f64) -> Option<f64> {
    let ok = c.instance_rps.is_finite()
        && c.instance_rps > 0.0
        && c.instance_usd_per_month.is_finite()
        && c.instance_usd_per_month >= 0.0;
    ok.then(|| (rps / c.instance_rps).ceil().max(c.min_instances) * c.instance_usd_per_month)
}

/// A curve: the model it is coloured as, its id, its points and its legend label.
type Curve<'a> = (ModelKind, &'a str, &'a Vec<(f64, f64)>, String);

/// The three curves' inputs.
struct Model {
    b: Breakeven,
    rates: Rates,
    /// This scenario's average rate over its month, req/s (`None` without traffic).
    now_rps: Option<f64>,
    x: Axis,
}

fn model(s: &Scenario, o: &Outcome) -> Model {
    let b = be::breakeven(s);
    let rates = Rates::resolve(s);
    let now_rps = o
        .models
        .first()
        .map(|m| m.month.requests / MONTH_S)
        .filter(|r| r.is_finite() && *r > 0.0);
    let mut marks: Vec<f64> = now_rps.into_iter().collect();
    if b.faas_runnable {
        for c in [&b.faas_vs_vm, &b.faas_vs_container] {
            if let Some(p) = &c.point {
                marks.push(p.requests_per_s);
            }
        }
    }
    marks.retain(|r| r.is_finite() && *r > 0.0);
    let (lo, hi) = if marks.is_empty() {
        (0.01, 1_000.0)
    } else {
        let lo = marks.iter().copied().fold(f64::INFINITY, f64::min) / 30.0;
        let hi = marks.iter().copied().fold(0.0, f64::max) * 30.0;
        (lo.max(1e-3), hi.min(MAX_RPS))
    };
    let x = Axis::log(
        lo.min(hi / 100.0).max(1e-3),
        hi.max(lo * 100.0).min(MAX_RPS),
    );
    Model {
        b,
        rates,
        now_rps,
        x,
    }
}

/// `n` log-spaced rates over the axis.
fn log_space(x: &Axis, n: usize) -> Vec<f64> {
    let (a, b) = (log10(x.lo), log10(x.hi));
    (0..=n)
        .map(|i| pow10(a + (b - a) * i as f64 / n as f64))
        .collect()
}

/// A fleet's staircase over `xs`, with a vertical step wherever one more instance is needed.
fn stairs(c: &Comparison, xs: &[f64]) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(xs.len() * 2);
    let mut prev: Option<(f64, f64)> = None;
    for &x in xs {
        let Some(cost) = fleet_month_usd(c, x) else {
            return Vec::new();
        };
        if let Some((_, pc)) = prev
            && cost > pc
        {
            // The stair ends where the previous count stops sufficing.
            let n = pc / c.instance_usd_per_month.max(f64::MIN_POSITIVE);
            let edge = n * c.instance_rps;
            if edge.is_finite() && edge > 0.0 {
                out.push((edge, pc));
                out.push((
                    edge,
                    fleet_month_usd(c, edge * (1.0 + 1e-9)).unwrap_or(cost),
                ));
            }
        }
        out.push((x, cost));
        prev = Some((x, cost));
    }
    out
}

/// A request rate as the chart's labels print it (fewer decimals as it grows).
pub fn rps_label(r: f64) -> String {
    let d = if r < 10.0 {
        2
    } else if r < 1_000.0 {
        1
    } else {
        0
    };
    format_number(r, d)
}

fn fleet_short(vm: bool, lang: Lang) -> &'static str {
    if vm {
        Text::ChartBeVmShort.get(lang)
    } else {
        Text::ChartBeContainerShort.get(lang)
    }
}

/// The chart.
pub fn draw(s: &Scenario, o: &Outcome) -> Scene {
    let lang = s.lang;
    let cur = s.currency;
    let m = model(s, o);
    let xs = log_space(&m.x, SAMPLES);
    let usd = |pts: Vec<(f64, f64)>| -> Vec<(f64, f64)> {
        pts.into_iter()
            .map(|(x, u)| (x, to_display(u, s)))
            .collect()
    };
    let vm = usd(stairs(&m.b.faas_vs_vm, &xs));
    let ctr = usd(stairs(&m.b.faas_vs_container, &xs));
    let faas = if m.b.faas_runnable {
        usd(xs
            .iter()
            .map(|&x| (x, be::faas_month_usd(s, &m.rates, x)))
            .collect())
    } else {
        Vec::new()
    };
    let all = vm.iter().chain(&ctr).chain(&faas).map(|p| p.1);
    let (lo, hi) = all
        .filter(|v| v.is_finite() && *v > 0.0)
        .fold((f64::INFINITY, 0.0_f64), |(a, b), v| (a.min(v), b.max(v)));
    let y = if hi > 0.0 {
        Axis::log(lo.max(hi / pow10(Y_DECADES)), hi)
    } else {
        Axis::log(0.01, 1.0)
    };

    let curves: [Curve; 3] = [
        (
            ModelKind::VmAuto,
            "vm",
            &vm,
            fill(
                Text::ChartBeVm.get(lang),
                &[
                    ("instance", m.rates.vm_instance.clone()),
                    ("pct", format_number(s.vm.target_pct, 0)),
                ],
            ),
        ),
        (
            ModelKind::Container,
            "container",
            &ctr,
            fill(
                Text::ChartBeContainer.get(lang),
                &[
                    ("vcpu", format_number(s.container.vcpu, 2)),
                    ("gb", format_number(s.container.memory_gb, 2)),
                ],
            ),
        ),
        (
            ModelKind::Faas,
            "faas",
            &faas,
            fill(
                Text::ChartBeFaas.get(lang),
                &[
                    ("mb", format_number(s.workload.memory_mb, 0)),
                    ("ms", format_number(s.workload.duration_ms, 1)),
                ],
            ),
        ),
    ];

    let mut legend = Vec::new();
    for (kind, id, pts, label) in &curves {
        let i = series_index(*kind);
        legend.push(Entry {
            id: format!("breakeven-{id}"),
            label: if pts.is_empty() {
                format!("{label} —")
            } else {
                label.clone()
            },
            swatch: Swatch::Line(SERIES[i], Some(MARKERS[i])),
        });
    }
    let points: Vec<(bool, &be::Point)> = if m.b.faas_runnable {
        [(true, &m.b.faas_vs_vm), (false, &m.b.faas_vs_container)]
            .into_iter()
            .filter_map(|(vm, c)| c.point.as_ref().map(|p| (vm, p)))
            .filter(|(_, p)| p.requests_per_s > 0.0)
            .collect()
    } else {
        Vec::new()
    };
    if !points.is_empty() {
        legend.push(Entry {
            id: "breakeven-points".into(),
            label: Text::ChartBeLegend.get(lang).into(),
            swatch: Swatch::Mark(INK, Marker::Ring),
        });
    }
    let now_label = m
        .now_rps
        .map(|r| fill(Text::ChartBeNow.get(lang), &[("rps", rps_label(r))]));
    if let Some(label) = &now_label {
        legend.push(Entry {
            id: "breakeven-now".into(),
            label: label.clone(),
            swatch: Swatch::Line(ACCENT, None),
        });
    }

    let mut notes = Vec::new();
    if !m.b.faas_runnable {
        let why: Vec<String> = crate::sim::faas_runnable(s)
            .iter()
            .map(|n| n.message(lang))
            .collect();
        notes.push((
            fill(Text::ChartNotRunnable.get(lang), &[("why", why.join(" "))]),
            Role::Danger,
        ));
    } else {
        for (vm, c) in [(true, &m.b.faas_vs_vm), (false, &m.b.faas_vs_container)] {
            if c.point.is_none() && c.searched_up_to_rps > 0.0 {
                notes.push((
                    fill(
                        Text::ChartBeNone.get(lang),
                        &[
                            ("fleet", fleet_short(vm, lang).to_string()),
                            ("rps", rps_label(c.searched_up_to_rps)),
                        ],
                    ),
                    Role::InkMuted,
                ));
            }
        }
    }
    if m.now_rps.is_none() {
        notes.push((Text::ChartBeNoTraffic.get(lang).into(), Role::InkMuted));
    }

    let y_fmt = |v: f64| money_label(v, cur);
    let spec = Spec {
        title: Text::ChartBreakevenTitle.get(lang),
        desc: Text::ChartBreakevenDesc.get(lang),
        x: m.x.clone(),
        y,
        x_title: Text::ChartAxisAvgRps.get(lang).into(),
        y_title: fill(
            Text::ChartAxisMonthly.get(lang),
            &[("cur", currency_code(cur).to_string())],
        ),
        x_fmt: &num_label,
        y_fmt: &y_fmt,
        legend,
        notes,
    };
    let at = |pts: &[(f64, f64)], x: f64| -> Option<f64> {
        // The curve's value at x: the last sample at or before it (exact for the stairs'
        // flat parts, and the samples are dense on the log axis).
        pts.iter().rev().find(|p| p.0 <= x).map(|p| p.1)
    };
    frame::draw(spec, |plot| {
        for (kind, id, pts, label) in &curves {
            if pts.is_empty() {
                continue;
            }
            let i = series_index(*kind);
            plot.group(&format!("breakeven-curve-{id}"), Some(label), |p| {
                p.line(pts, SERIES[i], 2);
                let spread = pow10((i as f64 - 3.0) * log10(p.x.hi / p.x.lo) / 40.0);
                let mut marks = Vec::new();
                for x in log_space(&p.x, 8).iter().skip(1).take(7) {
                    // Spread the three curves' markers apart along x.
                    let x = x * spread;
                    if let Some(v) = at(pts, x) {
                        marks.push((x, v));
                    }
                }
                p.marks(&marks, MARKERS[i], SERIES[i]);
            });
        }
        if let (Some(r), Some(label)) = (m.now_rps, &now_label) {
            plot.group("breakeven-now", Some(label), |p| {
                p.segment((r, p.y.lo), (r, p.y.hi), ACCENT, 2);
                for (kind, _, pts, _) in &curves {
                    if let Some(v) = at(pts, r) {
                        let i = series_index(*kind);
                        p.mark((r, v), MARKERS[i], SERIES[i]);
                    }
                }
                let (x, top) = p.px((r, p.y.hi));
                let (l, _, rr, _) = p.bounds();
                let anchor = if x > (l + rr) / 2 {
                    HPos::Right
                } else {
                    HPos::Left
                };
                let dx = if x > (l + rr) / 2 { -6 } else { 6 };
                p.text((x + dx, top + 16), label, 12.5, ACCENT, anchor);
            });
        }
        for (n, (vm, pt)) in points.iter().enumerate() {
            let cost = format(pt.monthly_usd, cur, s.krw_per_usd);
            let text = fill(
                Text::ChartBePoint.get(lang),
                &[
                    ("fleet", fleet_short(*vm, lang).to_string()),
                    ("rps", rps_label(pt.requests_per_s)),
                    ("cost", cost),
                ],
            );
            let id = if *vm {
                "breakeven-point-vm"
            } else {
                "breakeven-point-container"
            };
            plot.group(id, Some(&text), |p| {
                let at = (pt.requests_per_s, to_display(pt.monthly_usd, s));
                p.mark(at, Marker::Ring, INK);
                let (x, y) = p.px(at);
                let (l, _, r, _) = p.bounds();
                let right_half = x > (l + r) / 2;
                let anchor = if right_half { HPos::Right } else { HPos::Left };
                let dx = if right_half { -12 } else { 12 };
                // The first label above its circle, the second below, so they never collide.
                let dy = if n == 0 { -12 } else { 24 };
                p.text((x + dx, y + dy), &text, 12.5, INK, anchor);
            });
        }
    })
}

/// One row per rate (10 a decade over the chart's axis): each curve's monthly cost in the
/// scenario's currency (functions empty when the workload cannot run as one).
pub fn csv(s: &Scenario, o: &Outcome) -> String {
    let lang = s.lang;
    let m = model(s, o);
    let code = currency_code(s.currency);
    let decades = log10(m.x.hi / m.x.lo).round().max(1.0) as usize;
    let xs = log_space(&m.x, decades * CSV_PER_DECADE);
    let mut header = vec![format!("{} (req/s)", Text::ChartCsvRate.get(lang))];
    for kind in [ModelKind::VmAuto, ModelKind::Container, ModelKind::Faas] {
        let model = [("model", kind.label().get(lang).to_string())];
        header.push(format!(
            "{} ({code}/month)",
            fill(Text::ChartCsvMonthly.get(lang), &model)
        ));
    }
    let mut out = csv_line(&header);
    let money = |u: Option<f64>| u.map_or(String::new(), |u| csv_num(to_display(u, s)));
    for x in xs {
        let faas =
            m.b.faas_runnable
                .then(|| be::faas_month_usd(s, &m.rates, x));
        out.push_str(&csv_line(&[
            csv_num(x),
            money(fleet_month_usd(&m.b.faas_vs_vm, x)),
            money(fleet_month_usd(&m.b.faas_vs_container, x)),
            money(faas),
        ]));
    }
    out
}
