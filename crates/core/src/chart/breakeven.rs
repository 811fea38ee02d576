//! Monthly cost against a steady request rate, on log scales, for a VM fleet, managed
//! containers and functions, with every one of [`crate::breakeven`]'s crossings ringed
//! (`breakeven-point-vm`, `breakeven-point-vm-2`, …, each titled with its rate and bill, and
//! all of them named in the `<desc>`) and this scenario marked.
//!
//! The curves use the same steady-load model as [`crate::breakeven::breakeven`]: a fleet costs
//! `max(min, ceil(rate / per-instance rate))` instances a month (a staircase), functions cost
//! [`crate::breakeven::faas_month_usd`]. So the circles sit exactly where the curves cross,
//! and the picture agrees with the CLI's `breakeven`. Closed forms, no simulation: the chart
//! costs a few hundred price evaluations.
//!
//! The labels (each crossing's rate and cost, this scenario's rate) never cover a curve:
//! each goes to the nearest place near its mark where its box crosses no curve, marker, ring,
//! the "this scenario" line or another label ([`Obstacles`]); a crossing's label with no such
//! place in the plot is written under the legend instead, and the "this scenario" label is
//! left to the legend, which always carries it. Past a fleet's first [`LABELLED`] crossings a ring
//! has its title and the description's mention only.

use super::backend::{ACCENT, INK, SERIES, text_width};
use super::frame::{self, Axis, Entry, HPos, MARKERS, Marker, Spec, Swatch};
use super::{
    csv_line, csv_num, currency_code, fill, log10, money_label, num_label, pow10, series_index,
    to_display,
};
use crate::breakeven::{self as be, Breakeven, Comparison, MAX_RPS};
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

/// A fleet's monthly bill at a steady `rps` (whole cents, as the month table bills it), or
/// `None` when the comparison has no valid fleet.
pub fn fleet_month_usd(c: &Comparison, rps: f64) -> Option<f64> {
    c.fleet_month_usd(rps)
}

/// A curve: the model it is coloured as, its id, its points and its legend label.
type Curve<'a> = (ModelKind, &'a str, &'a Vec<(f64, f64)>, String);

/// The three curves' inputs.
struct Model {
    b: Breakeven,
    rates: Rates,
    /// This scenario's average rate over its month, req/s (`None` without traffic).
    now_rps: Option<f64>,
    /// The month table's function bill, named beside the steady figure at `now_rps`.
    month_faas_usd: Option<f64>,
    x: Axis,
}

fn model(s: &Scenario, o: &Outcome) -> Model {
    let b = be::breakeven(s);
    let rates = Rates::resolve(s);
    let now_rps = be::scenario_rps(o);
    let mut marks: Vec<f64> = now_rps.into_iter().collect();
    if b.faas_runnable {
        for c in [&b.faas_vs_vm, &b.faas_vs_container] {
            marks.extend(c.crossings.iter().map(|x| x.requests_per_s));
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
        month_faas_usd: be::month_faas_usd(o),
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
        let (Some(cost), Some(count)) = (fleet_month_usd(c, x), c.instances(x)) else {
            return Vec::new();
        };
        if let Some((n, pc)) = prev
            && cost > pc
        {
            // The stair ends where the previous count stops sufficing.
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
        prev = Some((count, cost));
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

/// The functions curve's legend label: its memory and the run time it is billed for, and the
/// duration asked for when the bill runs longer (CPU time on the memory's CPU share, or the
/// billing granularity).
fn faas_label(s: &Scenario, curve: &be::FaasCurve) -> String {
    let lang = s.lang;
    let mb = ("mb", format_number(s.workload.memory_mb, 0));
    let asked = ("ms", format_number(s.workload.duration_ms, 1));
    let run = format_number(curve.billed_ms(), 1);
    if run == asked.1 {
        fill(Text::ChartBeFaas.get(lang), &[mb, asked])
    } else {
        fill(Text::ChartBeFaasRun.get(lang), &[mb, ("run", run), asked])
    }
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
    let (scene, homeless) = draw_once(s, o, &[]);
    if homeless.is_empty() {
        scene
    } else {
        // A break-even label found no free place in the plot: draw again with it as a note
        // (the plot's pixels do not depend on the notes, so the other labels stay put).
        draw_once(s, o, &homeless).0
    }
}

/// The chart with the labels of the break-even points numbered in `noted` written as notes;
/// also the numbers of those whose label found no free place in the plot.
fn draw_once(s: &Scenario, o: &Outcome, noted: &[usize]) -> (Scene, Vec<usize>) {
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
    let curve = be::FaasCurve::new(s, &m.rates);
    let faas = if m.b.faas_runnable {
        usd(xs.iter().map(|&x| (x, curve.usd(x))).collect())
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
        (ModelKind::Faas, "faas", &faas, faas_label(s, &curve)),
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
    let points = crossings(&m);
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
        // The steady figure at this scenario's average rate is not the month table's bill:
        // when the two read differently, one sentence (once) names the bill as the table's.
        let mut month = None;
        for (vm, c) in [(true, &m.b.faas_vs_vm), (false, &m.b.faas_vs_container)] {
            let fleet = fleet_short(vm, lang);
            let mut text: Vec<String> = be::summary_text(s, c, fleet, lang).into_iter().collect();
            if let Some(at) = m.now_rps.and_then(|r| be::at_rate(&curve, c, r)) {
                let at = be::AtRate {
                    month_faas_usd: m.month_faas_usd,
                    ..at
                };
                text.push(be::at_rate_text(s, &at, fleet, lang));
                month = month.or_else(|| be::at_month_text(s, &at, lang));
            }
            if !text.is_empty() {
                notes.push((text.join(". "), Role::InkMuted));
            }
        }
        if let Some(month) = month {
            notes.push((month, Role::InkMuted));
        }
    }
    if m.now_rps.is_none() {
        notes.push((Text::ChartBeNoTraffic.get(lang).into(), Role::InkMuted));
    }
    let point_texts: Vec<String> = points
        .iter()
        .map(|(vm, _, pt)| point_text(s, *vm, pt))
        .collect();
    for &n in noted {
        if let Some(text) = point_texts.get(n) {
            notes.push((text.clone(), Role::Ink));
        }
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
    let mut homeless = Vec::new();
    let scene = frame::draw(spec, |plot| {
        // Where everything a label must not cover is, in pixels.
        let mut busy = Obstacles::new(plot.bounds());
        let mut curve_marks = Vec::new();
        for (kind, _, pts, _) in &curves {
            let i = series_index(*kind);
            let spread = pow10((i as f64 - 3.0) * log10(plot.x.hi / plot.x.lo) / 40.0);
            let mut marks = Vec::new();
            for x in log_space(&plot.x, 8).iter().skip(1).take(7) {
                // Spread the three curves' markers apart along x.
                let x = x * spread;
                if let Some(v) = at(pts, x) {
                    marks.push((x, v));
                }
            }
            let line: Vec<(f64, f64)> = pts.iter().map(|&p| px(plot, p)).collect();
            busy.polyline(&line, LINE_PAD);
            for &mk in &marks {
                busy.disc(px(plot, mk), MARK_R);
            }
            curve_marks.push(marks);
        }
        let now = m.now_rps.map(|r| {
            let top = px(plot, (r, plot.y.hi));
            busy.polyline(&[top, px(plot, (r, plot.y.lo))], LINE_PAD);
            let on: Vec<(f64, f64)> = curves
                .iter()
                .filter_map(|(_, _, pts, _)| at(pts, r).map(|v| (r, v)))
                .collect();
            for &mk in &on {
                busy.disc(px(plot, mk), MARK_R);
            }
            (r, top)
        });
        let rings: Vec<(f64, f64)> = points
            .iter()
            .map(|(_, _, pt)| (pt.requests_per_s, to_display(pt.monthly_usd, s)))
            .collect();
        for &ring in &rings {
            busy.disc(px(plot, ring), RING_R);
        }
        // The break-even labels first (they carry numbers found nowhere else), then this
        // scenario's, each taking the free place nearest its mark.
        let mut placed: Vec<Option<((i32, i32), HPos)>> = Vec::new();
        for (n, ring) in rings.iter().enumerate() {
            if noted.contains(&n) || points[n].1 > LABELLED {
                placed.push(None);
                continue;
            }
            let spot = busy.place(&point_texts[n], px(plot, *ring), &AROUND);
            if spot.is_none() {
                homeless.push(n);
            }
            placed.push(spot);
        }
        let now_spot = match (now, &now_label) {
            (Some((_, (x, top))), Some(label)) => busy.place_along(label, x, top),
            _ => None,
        };

        for ((kind, id, pts, label), marks) in curves.iter().zip(&curve_marks) {
            if pts.is_empty() {
                continue;
            }
            let i = series_index(*kind);
            plot.group(&format!("breakeven-curve-{id}"), Some(label), |p| {
                p.line(pts, SERIES[i], 2);
                p.marks(marks, MARKERS[i], SERIES[i]);
            });
        }
        if let (Some((r, _)), Some(label)) = (now, &now_label) {
            plot.group("breakeven-now", Some(label), |p| {
                p.segment((r, p.y.lo), (r, p.y.hi), ACCENT, 2);
                for (kind, _, pts, _) in &curves {
                    if let Some(v) = at(pts, r) {
                        let i = series_index(*kind);
                        p.mark((r, v), MARKERS[i], SERIES[i]);
                    }
                }
                if let Some((spot, anchor)) = now_spot {
                    p.text(spot, label, LABEL_SIZE, ACCENT, anchor);
                }
            });
        }
        for (n, ((vm, k, _), ring)) in points.iter().zip(&rings).enumerate() {
            let id = point_id(*vm, *k);
            plot.group(&id, Some(&point_texts[n]), |p| {
                p.mark(*ring, Marker::Ring, INK);
                if let Some((spot, anchor)) = placed[n] {
                    p.text(spot, &point_texts[n], LABEL_SIZE, INK, anchor);
                }
            });
        }
    });
    let mut scene = scene;
    if !point_texts.is_empty() {
        // The accessible description names every crossing (the first few dozen, then how
        // many more), whether or not its label found room in the plot.
        let shown = &point_texts[..point_texts.len().min(DESCRIBED)];
        let mut list = shown.join("; ");
        if point_texts.len() > shown.len() {
            list = fill(
                Text::ChartBeCrossingsMore.get(lang),
                &[
                    ("list", list),
                    (
                        "n",
                        format_number((point_texts.len() - shown.len()) as f64, 0),
                    ),
                ],
            );
        }
        scene.desc.push(' ');
        scene
            .desc
            .push_str(&fill(Text::ChartBeCrossings.get(lang), &[("list", list)]));
    }
    (scene, homeless)
}

/// Every crossing the chart rings, in order for each fleet (VMs first): whether it is the VM
/// fleet's, its number among its fleet's crossings (from 1), and the crossing.
fn crossings(m: &Model) -> Vec<(bool, usize, be::Crossing)> {
    if !m.b.faas_runnable {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (vm, c) in [(true, &m.b.faas_vs_vm), (false, &m.b.faas_vs_container)] {
        let on_axis = c
            .crossings
            .iter()
            .filter(|x| x.requests_per_s > 0.0 && x.requests_per_s.is_finite());
        for (k, x) in on_axis.enumerate() {
            out.push((vm, k + 1, *x));
        }
    }
    out
}

/// The id of a fleet's `k`-th crossing's ring: `breakeven-point-vm` for the first, then
/// `breakeven-point-vm-2`, ….
pub fn point_id(vm: bool, k: usize) -> String {
    let fleet = if vm { "vm" } else { "container" };
    if k <= 1 {
        format!("breakeven-point-{fleet}")
    } else {
        format!("breakeven-point-{fleet}-{k}")
    }
}

/// A crossing's label: where functions reach the fleet's bill within a stair, or where the
/// fleet steps up past the functions' bill.
fn point_text(s: &Scenario, vm: bool, x: &be::Crossing) -> String {
    let text = if x.faas_cheaper_above {
        Text::ChartBeStepPoint
    } else {
        Text::ChartBePoint
    };
    let fleet = fleet_short(vm, s.lang);
    let fleet = if x.faas_cheaper_above {
        capitalise(fleet)
    } else {
        fleet.to_string()
    };
    fill(
        text.get(s.lang),
        &[
            ("fleet", fleet),
            ("rps", rps_label(x.requests_per_s)),
            ("cost", format(x.monthly_usd, s.currency, s.krw_per_usd)),
        ],
    )
}

/// The text with its first letter upper case (a sentence starting with "containers").
fn capitalise(t: &str) -> String {
    let mut c = t.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A data point's pixel position in the plot.
fn px(p: &frame::Plot, at: (f64, f64)) -> (f64, f64) {
    let (x, y) = p.px(at);
    (f64::from(x), f64::from(y))
}

/// The crossings of each fleet whose labels go in the plot (or, with no room there, under the
/// legend), its first (the break-even) always among them; the rest are rings with a title,
/// and the description lists them. The sentence under the chart lists only ranges whose ends
/// are among these ([`crate::breakeven::ranges_text`]), so every rate it names has its label.
pub const LABELLED: usize = 4;
/// The crossings the description names before it counts the rest.
const DESCRIBED: usize = 24;
/// The labels' type size, px.
const LABEL_SIZE: f64 = 12.5;
/// How far from a curve's centre line a label box keeps (a 2 px line, and a pixel more).
const LINE_PAD: f64 = 2.0;
/// A series marker's reach from its centre, px (a triangle's corners reach 7.2), and a pixel.
const MARK_R: f64 = 8.0;
/// A break-even ring's reach: radius 7 with a 3 px stroke.
const RING_R: f64 = 9.0;
/// Gaps from a mark to its label's nearest corner tried first, px, nearest first.
const AROUND: [f64; 10] = [8.0, 12.0, 18.0, 26.0, 36.0, 50.0, 68.0, 92.0, 124.0, 164.0];

/// A point in pixels.
type Px = (f64, f64);

/// A box in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Bx {
    l: f64,
    t: f64,
    r: f64,
    b: f64,
}

impl Bx {
    fn grow(self, d: f64) -> Bx {
        Bx {
            l: self.l - d,
            t: self.t - d,
            r: self.r + d,
            b: self.b + d,
        }
    }

    fn overlaps(&self, o: &Bx) -> bool {
        self.l < o.r && o.l < self.r && self.t < o.b && o.t < self.b
    }

    /// Squared distance from the box to a point (0 inside).
    fn dist2(&self, (x, y): (f64, f64)) -> f64 {
        let dx = (self.l - x).max(x - self.r).max(0.0);
        let dy = (self.t - y).max(y - self.b).max(0.0);
        dx * dx + dy * dy
    }

    /// Whether the segment `a`–`b` enters the box (Liang–Barsky clipping).
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a.0 - self.l),
            (dx, self.r - a.0),
            (-dy, a.1 - self.t),
            (dy, self.b - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// The box [`frame::Plot::text`] paints behind a label whose baseline starts (`Left`) or ends
/// (`Right`) at `at`.
fn text_box(text: &str, size: f64, (x, y): (i32, i32), anchor: HPos) -> Bx {
    let w = text_width(text, size).ceil() as i32 + 6;
    let x0 = match anchor {
        HPos::Right => x - w + 3,
        _ => x - 3,
    };
    Bx {
        l: f64::from(x0),
        t: f64::from(y - (size * 1.1).ceil() as i32),
        r: f64::from(x0 + w),
        b: f64::from(y + 3),
    }
}

/// What the labels must leave visible: the curves' segments (each with its reach), markers
/// and rings as discs, and the labels already placed; all inside the plot's box. Segments are
/// filed by the columns of the plot they span, so a box is tested against those near it only.
struct Obstacles {
    plot: Bx,
    segments: Vec<(Px, Px, f64)>,
    /// For each [`COLUMN`]-wide strip of the plot, the segments that reach into it.
    columns: Vec<Vec<usize>>,
    discs: Vec<((f64, f64), f64)>,
    labels: Vec<Bx>,
}

/// The bands of distance the search over the whole plot goes through, px.
const BAND: f64 = 24.0;
/// The width of the strips segments are filed by, px.
const COLUMN: f64 = 32.0;

impl Obstacles {
    fn new((l, t, r, b): (i32, i32, i32, i32)) -> Obstacles {
        let plot = Bx {
            l: f64::from(l),
            t: f64::from(t),
            r: f64::from(r),
            b: f64::from(b),
        };
        let strips = ((plot.r - plot.l).max(0.0) / COLUMN) as usize + 1;
        Obstacles {
            plot,
            segments: Vec::new(),
            columns: vec![Vec::new(); strips],
            discs: Vec::new(),
            labels: Vec::new(),
        }
    }

    /// The strips from pixel column `a` to `b`.
    fn strips(&self, a: f64, b: f64) -> std::ops::RangeInclusive<usize> {
        let last = self.columns.len() - 1;
        let at = |x: f64| (((x - self.plot.l) / COLUMN).max(0.0) as usize).min(last);
        at(a.min(b))..=at(a.max(b))
    }

    /// A line through `points`, `pad` px thick each side. Points on one straight run (the
    /// staircases' flat and upright parts, on whole pixels) are merged, so a staircase is a
    /// handful of segments to test.
    fn polyline(&mut self, points: &[(f64, f64)], pad: f64) {
        let mut kept: Vec<Px> = Vec::with_capacity(points.len());
        for &p in points {
            if !(p.0.is_finite() && p.1.is_finite()) || kept.last() == Some(&p) {
                continue;
            }
            if let [.., a, b] = kept[..] {
                let cross = (b.0 - a.0) * (p.1 - b.1) - (b.1 - a.1) * (p.0 - b.0);
                let ahead = (b.0 - a.0) * (p.0 - b.0) + (b.1 - a.1) * (p.1 - b.1) > 0.0;
                if cross == 0.0 && ahead {
                    kept.pop();
                }
            }
            kept.push(p);
        }
        if let [p] = kept[..] {
            self.discs.push((p, pad));
        }
        for w in kept.windows(2) {
            let n = self.segments.len();
            self.segments.push((w[0], w[1], pad));
            for c in self.strips(w[0].0.min(w[1].0) - pad, w[0].0.max(w[1].0) + pad) {
                self.columns[c].push(n);
            }
        }
    }

    fn disc(&mut self, at: (f64, f64), r: f64) {
        self.discs.push((at, r));
    }

    /// Whether a label may go in `bx`: inside the plot and clear of everything.
    fn free(&self, bx: &Bx) -> bool {
        let inside = bx.l >= self.plot.l + 1.0
            && bx.r <= self.plot.r - 1.0
            && bx.t >= self.plot.t + 1.0
            && bx.b <= self.plot.b - 1.0;
        inside
            && self.labels.iter().all(|o| !o.grow(2.0).overlaps(bx))
            && self.discs.iter().all(|&(c, r)| bx.dist2(c) > r * r)
            && self.strips(bx.l, bx.r).all(|c| {
                self.columns[c].iter().all(|&i| {
                    let (a, b, pad) = self.segments[i];
                    !bx.grow(pad).crossed_by(a, b)
                })
            })
    }

    /// Takes `bx` if it is free.
    fn take(&mut self, bx: Bx) -> bool {
        let ok = self.free(&bx);
        if ok {
            self.labels.push(bx);
        }
        ok
    }

    /// The free place nearest the mark at `(x, y)` for `text`: its box off one of the mark's
    /// corners by each of `gaps` in turn (above right, above left, below right, below left,
    /// then straight above and below), else the free box in the plot nearest the mark.
    fn place(
        &mut self,
        text: &str,
        (x, y): (f64, f64),
        gaps: &[f64],
    ) -> Option<((i32, i32), HPos)> {
        let size = LABEL_SIZE;
        let h = (size * 1.1).ceil() + 3.0;
        let w = text_width(text, size).ceil() + 6.0;
        let at = |l: f64, b: f64| ((l + 3.0).round() as i32, (b - 3.0).round() as i32);
        let right = |r: f64, b: f64| ((r - 3.0).round() as i32, (b - 3.0).round() as i32);
        for &g in gaps {
            let d = g * std::f64::consts::FRAC_1_SQRT_2;
            let tries = [
                (at(x + d, y - d), HPos::Left),
                (right(x - d, y - d), HPos::Right),
                (at(x + d, y + d + h), HPos::Left),
                (right(x - d, y + d + h), HPos::Right),
                (at(x - w / 2.0, y - g), HPos::Left),
                (at(x - w / 2.0, y + g + h), HPos::Left),
            ];
            for (spot, anchor) in tries {
                if self.take(text_box(text, size, spot, anchor)) {
                    return Some((spot, anchor));
                }
            }
        }
        // Anywhere in the plot, nearest first.
        let p = self.plot;
        let probe = text_box(text, size, (0, 0), HPos::Left);
        let mut grid = Vec::new();
        let mut l = p.l + 2.0;
        while l + w <= p.r - 2.0 {
            let mut b = p.t + 2.0 + h;
            while b <= p.b - 2.0 {
                let spot = at(l, b);
                let (dx, dy) = (f64::from(spot.0), f64::from(spot.1));
                let bx = Bx {
                    l: probe.l + dx,
                    t: probe.t + dy,
                    r: probe.r + dx,
                    b: probe.b + dy,
                };
                grid.push((bx.dist2((x, y)), spot, bx));
                b += 8.0;
            }
            l += 10.0;
        }
        // Band by band of distance (no sort: it would cost the wasm a sort routine), the
        // nearest free box of the first band that has one.
        let far = grid.iter().map(|c| c.0).fold(0.0, f64::max).sqrt();
        let mut near = 0.0;
        while near <= far {
            let (lo, hi) = (near * near, (near + BAND) * (near + BAND));
            let mut best: Option<(f64, (i32, i32), Bx)> = None;
            for &(d2, spot, bx) in &grid {
                if d2 >= lo && d2 < hi && best.is_none_or(|b| d2 < b.0) && self.free(&bx) {
                    best = Some((d2, spot, bx));
                }
            }
            if let Some((_, spot, bx)) = best {
                self.labels.push(bx);
                return Some((spot, HPos::Left));
            }
            near += BAND;
        }
        None
    }

    /// A place for the label of the vertical line at `x` whose top is at `top`: beside the
    /// line (on the side with more room first), as high as it is free.
    fn place_along(&mut self, text: &str, x: f64, top: f64) -> Option<((i32, i32), HPos)> {
        let size = LABEL_SIZE;
        let h = (size * 1.1).ceil() + 3.0;
        let room_right = self.plot.r - x > x - self.plot.l;
        let sides = if room_right {
            [HPos::Left, HPos::Right]
        } else {
            [HPos::Right, HPos::Left]
        };
        let mut b = top + 2.0 + h;
        while b <= self.plot.b - 1.0 {
            for anchor in sides {
                let dx = if matches!(anchor, HPos::Left) {
                    6.0
                } else {
                    -6.0
                };
                let spot = ((x + dx).round() as i32, (b - 3.0).round() as i32);
                if self.take(text_box(text, size, spot, anchor)) {
                    return Some((spot, anchor));
                }
            }
            b += 6.0;
        }
        None
    }
}

/// One row per rate (10 a decade over the chart's axis): each curve's monthly cost in the
/// scenario's currency (functions empty when the workload cannot run as one).
pub fn csv(s: &Scenario, o: &Outcome) -> String {
    let lang = s.lang;
    let m = model(s, o);
    let decades = log10(m.x.hi / m.x.lo).round().max(1.0) as usize;
    let xs = log_space(&m.x, decades * CSV_PER_DECADE);
    let rps = super::csv_unit(super::CsvUnit::Rps, s);
    let per_month = fill(
        Text::CsvUnitPerMonth.get(lang),
        &[("cur", super::csv_unit(super::CsvUnit::Money, s).to_string())],
    );
    let mut header = vec![format!("{} ({rps})", Text::ChartCsvRate.get(lang))];
    for kind in [ModelKind::VmAuto, ModelKind::Container, ModelKind::Faas] {
        let model = [("model", kind.label().get(lang).to_string())];
        header.push(format!(
            "{} ({per_month})",
            fill(Text::ChartCsvMonthly.get(lang), &model)
        ));
    }
    let mut out = csv_line(&header);
    let money = |u: Option<f64>| u.map_or(String::new(), |u| super::csv_money(u, s));
    let curve = be::FaasCurve::new(s, &m.rates);
    for x in xs {
        // Each bill in whole cents, as the month table bills it.
        let faas = m.b.faas_runnable.then(|| curve.bill(x).total_usd);
        out.push_str(&csv_line(&[
            csv_num(x),
            money(fleet_month_usd(&m.b.faas_vs_vm, x)),
            money(fleet_month_usd(&m.b.faas_vs_container, x)),
            money(faas),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{Kind, Node, Shape};
    use crate::sim::simulate;
    use proptest::prelude::*;

    /// `(left, top, right, bottom)` in px.
    type Rect = (f64, f64, f64, f64);
    type Segment = ((f64, f64), (f64, f64));
    type Disc = ((f64, f64), f64);

    fn polyline(scene: &Scene, id: &str) -> Vec<(f64, f64)> {
        nodes(scene, id)
            .into_iter()
            .find_map(|n| match &n.kind {
                Kind::Path {
                    points,
                    closed: false,
                    ..
                } => Some(points.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no {id}"))
    }

    fn nodes<'a>(scene: &'a Scene, id: &str) -> Vec<&'a Node> {
        scene
            .find(id)
            .map(|g| g.walk().collect())
            .unwrap_or_default()
    }

    /// The ids of every crossing's ring group in the scene, VMs' first.
    fn point_ids(scene: &Scene) -> Vec<String> {
        let mut out = Vec::new();
        for vm in [true, false] {
            let mut k = 1;
            while scene.find(&point_id(vm, k)).is_some() {
                out.push(point_id(vm, k));
                k += 1;
            }
        }
        out
    }

    /// The patches of background painted behind the labels drawn in the plot.
    fn label_boxes(scene: &Scene) -> Vec<(String, Rect)> {
        let mut out = Vec::new();
        let mut ids = point_ids(scene);
        ids.push("breakeven-now".into());
        for id in &ids {
            for n in nodes(scene, id) {
                if let Kind::Rect {
                    x,
                    y,
                    width,
                    height,
                    fill: Role::Background,
                    ..
                } = n.kind
                {
                    out.push((id.to_string(), (x, y, x + width, y + height)));
                }
            }
        }
        out
    }

    /// What must stay visible: every line drawn for a curve or the "this scenario" line (as
    /// segments), and every marker and ring (centre, radius).
    fn drawn(scene: &Scene) -> (Vec<Segment>, Vec<Disc>) {
        let (mut lines, mut marks) = (Vec::new(), Vec::new());
        let mut ids: Vec<String> = [
            "breakeven-curve-vm",
            "breakeven-curve-container",
            "breakeven-curve-faas",
            "breakeven-now",
        ]
        .map(String::from)
        .to_vec();
        ids.extend(point_ids(scene));
        for id in &ids {
            for n in nodes(scene, id) {
                match &n.kind {
                    Kind::Path { points, .. } => {
                        lines.extend(points.windows(2).map(|w| (w[0], w[1])));
                    }
                    Kind::Line { x1, y1, x2, y2, .. } => lines.push(((*x1, *y1), (*x2, *y2))),
                    Kind::Stamp { at, shape, .. } => {
                        let (dx, dy, r) = match shape {
                            Shape::Rect { width, height, .. } => {
                                (width / 2.0, height / 2.0, width / 2.0)
                            }
                            Shape::Polygon(pts) => (
                                0.0,
                                0.0,
                                pts.iter()
                                    .map(|p| libm::hypot(p.0, p.1))
                                    .fold(0.0, f64::max),
                            ),
                        };
                        marks.extend(at.iter().map(|p| ((p.0 + dx, p.1 + dy), r)));
                    }
                    Kind::Circle { cx, cy, r, .. } => marks.push(((*cx, *cy), *r)),
                    _ => {}
                }
            }
        }
        (lines, marks)
    }

    /// Whether the segment passes through the inside of the box (sampled every 0.25 px).
    fn covers(b: Rect, (a, z): Segment) -> bool {
        let steps = (libm::hypot(z.0 - a.0, z.1 - a.1) * 4.0).ceil().max(1.0) as usize;
        (0..=steps).any(|i| {
            let t = i as f64 / steps as f64;
            let (x, y) = (a.0 + (z.0 - a.0) * t, a.1 + (z.1 - a.1) * t);
            x > b.0 && x < b.2 && y > b.1 && y < b.3
        })
    }

    /// Whether a disc and a box share any inside.
    fn touches(b: Rect, ((x, y), r): Disc) -> bool {
        let dx = (b.0 - x).max(x - b.2).max(0.0);
        let dy = (b.1 - y).max(y - b.3).max(0.0);
        dx * dx + dy * dy < r * r
    }

    /// The labels of `q`'s break-even chart cover no curve, marker, ring or line, nor each
    /// other, and every break-even's label is somewhere in the picture.
    fn check(s: &Scenario) -> Result<(), String> {
        let o = simulate(s);
        let scene = draw(s, &o);
        let boxes = label_boxes(&scene);
        let (lines, marks) = drawn(&scene);
        for (id, b) in &boxes {
            if let Some(l) = lines.iter().find(|l| covers(*b, **l)) {
                return Err(format!("the label of {id} at {b:?} covers the line {l:?}"));
            }
            if let Some(m) = marks.iter().find(|m| touches(*b, **m)) {
                return Err(format!(
                    "the label of {id} at {b:?} covers the marker {m:?}"
                ));
            }
            for (other, c) in &boxes {
                if other != id && b.0 < c.2 && c.0 < b.2 && b.1 < c.3 && c.1 < b.3 {
                    return Err(format!("the labels of {id} and {other} overlap"));
                }
            }
        }
        let labelled = [true, false]
            .into_iter()
            .flat_map(|vm| (1..=LABELLED).map(move |k| point_id(vm, k)));
        for id in &labelled.collect::<Vec<_>>() {
            if let Some(title) = scene.find(id).and_then(|g| g.meta.title.clone())
                && !scene.texts().any(|t| t == title)
            {
                return Err(format!(
                    "{id}: its label {title:?} is nowhere in the picture"
                ));
            }
        }
        Ok(())
    }

    #[test]
    fn labels_never_cover_the_curves() {
        for q in [
            "",
            "peak=2000",
            "peak=20&pat=flash",
            "vm=t3.micro&min=1&cpu=50&dur=100&mem=128",
            "cpu=50&dur=100&mem=1024",
            "cpu=50&dur=100&mem=1024&free=1&peak=20",
            "peak=100000&pat=steady",
            "peak=1&dur=5&mem=128",
            "cur=krw&peak=700",
            "peak=0",
        ] {
            for lang in [Lang::En, Lang::Ko] {
                let mut s = Scenario::from_query(q).0;
                s.lang = lang;
                check(&s).unwrap_or_else(|e| panic!("{q} {lang:?}: {e}"));
            }
        }
    }

    /// The ring's centre in a crossing's group.
    fn ring(scene: &Scene, id: &str) -> (f64, f64) {
        nodes(scene, id)
            .into_iter()
            .find_map(|n| match n.kind {
                Kind::Circle {
                    cx,
                    cy,
                    fill: Role::None,
                    ..
                } => Some((cx, cy)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{id} has no ring"))
    }

    /// The x pixels where two drawn polylines cross: every change of which is higher,
    /// sampled every 0.25 px (a stair's riser counts at its lower end).
    fn crossings_x(a: &[(f64, f64)], b: &[(f64, f64)]) -> Vec<f64> {
        let y_at = |p: &[(f64, f64)], x: f64| -> Option<f64> {
            p.windows(2).find(|w| w[0].0 <= x && x <= w[1].0).map(|w| {
                if w[1].0 == w[0].0 {
                    w[0].1.max(w[1].1)
                } else {
                    w[0].1 + (w[1].1 - w[0].1) * (x - w[0].0) / (w[1].0 - w[0].0)
                }
            })
        };
        let (Some(la), Some(lb)) = (a.last(), b.last()) else {
            return Vec::new();
        };
        let (lo, hi) = (a[0].0.max(b[0].0), la.0.min(lb.0));
        let mut out = Vec::new();
        let mut prev: Option<bool> = None;
        let mut x = lo;
        while x <= hi {
            if let (Some(ya), Some(yb)) = (y_at(a, x), y_at(b, x)) {
                let above = ya < yb;
                if prev.is_some_and(|p| p != above) {
                    out.push(x);
                }
                prev = Some(above);
            }
            x += 0.25;
        }
        out
    }

    #[test]
    fn every_crossing_has_its_ring_and_label_where_the_curves_cross() {
        // Steady traffic at a peak of 15 req/s against fleets billed in whole instances: the
        // lines cross three times against each fleet (functions reach the fleet's first
        // stair, the fleet steps up past them, they reach its second). (The crossings must
        // be pixels apart for the drawn curves to show them: 35 and 35.2 req/s are not.)
        let mut many = 0;
        for q in [
            "peak=15&pat=steady",
            "cpu=50&dur=100&mem=1024",
            "vm=t3.micro&min=1&cpu=50&dur=100&mem=1024",
        ] {
            for lang in [Lang::En, Lang::Ko] {
                let mut s = Scenario::from_query(q).0;
                s.lang = lang;
                let o = simulate(&s);
                let b = be::breakeven(&s);
                let scene = draw(&s, &o);
                let faas = polyline(&scene, "breakeven-curve-faas");
                let file = crate::svg::write(&scene, &crate::svg::Options::file());
                for (vm, c) in [(true, &b.faas_vs_vm), (false, &b.faas_vs_container)] {
                    let fleet = polyline(
                        &scene,
                        if vm {
                            "breakeven-curve-vm"
                        } else {
                            "breakeven-curve-container"
                        },
                    );
                    let crossed = crossings_x(&fleet, &faas);
                    assert!(c.crossings.len() >= 2, "{q}: {c:?}");
                    many = many.max(c.crossings.len());
                    assert_eq!(crossed.len(), c.crossings.len(), "{q} {vm}: {crossed:?}");
                    for (k, (x, at)) in c.crossings.iter().zip(&crossed).enumerate() {
                        let id = point_id(vm, k + 1);
                        let (cx, _) = ring(&scene, &id);
                        assert!(
                            (cx - at).abs() <= 3.0,
                            "{q} {id}: ring at {cx}, curves cross at {at}"
                        );
                        // Its label and the description carry its rate.
                        let title = scene.find(&id).unwrap().meta.title.clone().unwrap();
                        assert!(title.contains(&rps_label(x.requests_per_s)), "{title}");
                        assert!(
                            scene.texts().any(|t| t == title),
                            "{q}: {title} is not drawn"
                        );
                        assert!(scene.desc.contains(&title), "{q}: {title} not in the desc");
                        assert!(file.contains(&crate::svg::esc(&title)), "{title}");
                    }
                    assert!(scene.find(&point_id(vm, c.crossings.len() + 1)).is_none());
                }
                check(&s).unwrap_or_else(|e| panic!("{q} {lang:?}: {e}"));
            }
        }
        assert_eq!(many, 3);
    }

    #[test]
    fn the_functions_legend_names_the_run_time_the_curve_is_billed_for() {
        // 50 ms of CPU on 512 ÷ 1,769 of a vCPU runs 172.75 ms, billed 173 ms: the curve's
        // price, so the legend says so beside the 100 ms asked for.
        for (q, en, ko) in [
            (
                "",
                "Functions (512 MB, 173 ms billed, 100 ms asked)",
                "함수 (512 MB, 과금 173 ms, 설정 100 ms)",
            ),
            (
                "cpu=5",
                "Functions (512 MB, 100 ms)",
                "함수 (512 MB, 100 ms)",
            ),
        ] {
            for (lang, want) in [(Lang::En, en), (Lang::Ko, ko)] {
                let mut s = Scenario::from_query(q).0;
                s.lang = lang;
                let scene = draw(&s, &simulate(&s));
                assert!(scene.texts().any(|t| t == want), "{q} {lang:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn labels_never_cover_the_curves_for_any_scenario(
            s in crate::scenario::tests::arb_scenario()
        ) {
            prop_assert_eq!(check(&s), Ok(()));
        }
    }
}
