//! What every chart shares: the page layout (title, axis titles, plot, legend, notes), axes
//! with nice ticks on linear or log scales, markers, and the plotters plumbing.
//!
//! A chart describes its axes, legend and notes, then draws its series in a closure through
//! a [`Plot`], which hands the work to plotters (a `ChartBuilder` over a [`SceneBackend`]) and
//! files the resulting nodes in groups with stable ids.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, KeyPointWeight};
use plotters::prelude::*;

use super::backend::{BACKGROUND, GRID, MUTED, SERIES, SceneBackend, Sink, role_of, text_width};
use super::{log10, pow10};
use crate::scene::{Anchor, Node, Role, Scene, Shape};

/// Chart width in px.
pub const WIDTH: f64 = 900.0;
const MARGIN: f64 = 16.0;
/// From the top of the picture to the top of the plot.
const PLOT_TOP: f64 = 84.0;
const PLOT_HEIGHT: f64 = 300.0;
/// Room under the plot for the x tick labels, then for the x-axis title.
const X_TICKS: f64 = 26.0;
const X_TITLE: f64 = 24.0;
const LEGEND_ROW: f64 = 22.0;
const NOTE_ROW: f64 = 17.0;
const SWATCH: f64 = 34.0;
const TICK_SIZE: f64 = 12.0;
/// The widest y tick label the left margin always has room for.
const MIN_Y_LABEL: &str = "100,000";
const LEGEND_SIZE: f64 = 13.0;
const NOTE_SIZE: f64 = 12.5;

/// One axis, in data units, on a linear or log scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub log: bool,
    pub ticks: Vec<f64>,
}

impl Axis {
    /// A linear axis from `lo` to at least `hi`, extended to a nice tick.
    pub fn linear(lo: f64, hi: f64, target_ticks: usize) -> Axis {
        let lo = finite_or(lo, 0.0);
        let mut hi = finite_or(hi, 1.0);
        if hi <= lo {
            hi = lo + 1.0;
        }
        let step = nice_step((hi - lo) / target_ticks.max(1) as f64);
        let hi = (hi / step - 1e-9).ceil() * step;
        let first = (lo / step).ceil();
        let ticks = (0..=200)
            .map(|i| (first + f64::from(i)) * step)
            .take_while(|t| *t <= hi + step * 1e-6)
            .collect();
        Axis {
            lo,
            hi,
            log: false,
            ticks,
        }
    }

    /// A log axis spanning whole decades around `lo..hi` (both > 0). Ticks at the decades,
    /// plus 2× and 5× when the axis spans few decades.
    pub fn log(lo: f64, hi: f64) -> Axis {
        let lo = if lo.is_finite() && lo > 0.0 { lo } else { 1.0 };
        let hi = if hi.is_finite() && hi > lo {
            hi
        } else {
            lo * 10.0
        };
        let (a, b) = (
            log10(lo).floor(),
            log10(hi).ceil().max(log10(lo).floor() + 1.0),
        );
        let decades = (b - a) as i32;
        let mults: &[f64] = if decades <= 3 {
            &[1.0, 2.0, 5.0]
        } else {
            &[1.0]
        };
        let mut ticks = Vec::new();
        for d in 0..=decades {
            for m in mults {
                let t = m * pow10(a + f64::from(d));
                if t <= pow10(b) * 1.000_001 {
                    ticks.push(t);
                }
            }
        }
        Axis {
            lo: pow10(a),
            hi: pow10(b),
            log: true,
            ticks,
        }
    }

    /// The day, 0–24 h, a tick every 3 hours.
    pub fn hours() -> Axis {
        Axis {
            lo: 0.0,
            hi: 24.0,
            log: false,
            ticks: (0..=8).map(|i| f64::from(i) * 3.0).collect(),
        }
    }

    /// A data value clamped into the axis.
    pub fn clamp(&self, v: f64) -> f64 {
        finite_or(v, self.lo).clamp(self.lo, self.hi)
    }

    /// A data value in plot space (log10 on a log axis), clamped into the axis.
    pub fn to_plot(&self, v: f64) -> f64 {
        let v = self.clamp(v);
        if self.log { log10(v) } else { v }
    }

    fn data_of(&self, p: f64) -> f64 {
        if self.log { pow10(p) } else { p }
    }

    fn plot_range(&self) -> Range<f64> {
        self.to_plot(self.lo)..self.to_plot(self.hi)
    }

    fn keyed(&self) -> Keyed {
        Keyed {
            range: self.plot_range(),
            ticks: self.ticks.iter().map(|t| self.to_plot(*t)).collect(),
        }
    }
}

/// A plotters coordinate in plot space (already log10 on a log axis) whose ticks are exactly
/// the [`Axis`]'s, so labels fall on nice numbers on both scales.
#[derive(Clone, Debug)]
struct Keyed {
    range: Range<f64>,
    ticks: Vec<f64>,
}

impl Ranged for Keyed {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        let t = if span > 0.0 {
            (v - self.range.start) / span
        } else {
            0.5
        };
        let px = f64::from(limit.0) + t.clamp(-1.0, 2.0) * f64::from(limit.1 - limit.0);
        px.round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        match hint.weight() {
            KeyPointWeight::Bold => self.ticks.clone(),
            // No light grid lines: the bold ones at the ticks are enough.
            KeyPointWeight::Any => Vec::new(),
        }
    }

    fn range(&self) -> Range<f64> {
        self.range.clone()
    }
}

fn finite_or(v: f64, or: f64) -> f64 {
    if v.is_finite() { v } else { or }
}

/// 1, 2, 2.5 or 5 × a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    // Not a subnormal either: `peak=5e-324` once made the step 0, the axis NaN, and
    // `clamp(lo, NaN)` panicked (in the wasm: a frozen page).
    let raw = if raw.is_normal() && raw > 0.0 {
        raw
    } else {
        1.0
    };
    let p = pow10(log10(raw).floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * p)
}

/// A marker shape; each series has its own, so the legend works without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    /// An ×: dropped or throttled requests.
    Cross,
    /// A hollow circle: a break-even point.
    Ring,
}

/// The marker of each series, in [`crate::sim::ModelKind::ALL`] order.
pub const MARKERS: [Marker; 5] = [
    Marker::Square,
    Marker::Circle,
    Marker::TriangleUp,
    Marker::Diamond,
    Marker::TriangleDown,
];

/// What a legend entry shows before its label.
#[derive(Clone, Copy, Debug)]
pub enum Swatch {
    /// A short line in the series' colour and dash, with its marker.
    Line(RGBColor, Option<Marker>),
    /// A filled box with an outline (an area).
    Area(RGBColor, RGBColor),
    /// A marker alone.
    Mark(RGBColor, Marker),
}

/// One legend entry.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: String,
    pub label: String,
    pub swatch: Swatch,
}

/// How tick labels read.
pub type Fmt<'a> = &'a dyn Fn(f64) -> String;

/// Everything around the plot.
pub struct Spec<'a> {
    pub title: &'a str,
    pub desc: &'a str,
    pub x: Axis,
    pub y: Axis,
    pub x_title: String,
    pub y_title: String,
    pub x_fmt: Fmt<'a>,
    pub y_fmt: Fmt<'a>,
    pub legend: Vec<Entry>,
    /// Sentences under the legend (limits, off-scale series); each wraps to the width.
    pub notes: Vec<(String, Role)>,
}

type Ctx<'a> = ChartContext<'a, SceneBackend, Cartesian2d<Keyed, Keyed>>;

/// The drawing surface a chart's closure gets: data-space helpers over plotters.
pub struct Plot<'a, 'b> {
    chart: &'b mut Ctx<'a>,
    root: &'b DrawingArea<SceneBackend, Shift>,
    sink: Rc<RefCell<Sink>>,
    pub x: Axis,
    pub y: Axis,
}

impl Plot<'_, '_> {
    /// Pixel position of a data point (clamped into the plot).
    pub fn px(&self, (x, y): (f64, f64)) -> (i32, i32) {
        self.chart
            .backend_coord(&(self.x.to_plot(x), self.y.to_plot(y)))
    }

    /// The plot's pixel box: left, top, right, bottom.
    pub fn bounds(&self) -> (i32, i32, i32, i32) {
        let (xr, yr) = (self.chart.x_range(), self.chart.y_range());
        let (l, b) = self.chart.backend_coord(&(xr.start, yr.start));
        let (r, t) = self.chart.backend_coord(&(xr.end, yr.end));
        (l, t, r, b)
    }

    /// Runs `draw` with its nodes collected in a group `id` (with a tooltip `title`).
    pub fn group(&mut self, id: &str, title: Option<&str>, draw: impl FnOnce(&mut Self)) {
        let mut g = Node::group(Vec::new()).id(id);
        if let Some(t) = title {
            g = g.title(t);
        }
        self.sink.borrow_mut().begin(g);
        draw(self);
        self.sink.borrow_mut().end();
    }

    fn plot_points(&self, points: &[(f64, f64)]) -> Vec<(f64, f64)> {
        points
            .iter()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .map(|&(x, y)| (self.x.to_plot(x), self.y.to_plot(y)))
            .collect()
    }

    /// A line through data points (clamped into the plot), `width` px.
    pub fn line(&mut self, points: &[(f64, f64)], color: RGBColor, width: u32) {
        let pts = self.plot_points(points);
        // Drawing cannot fail with this backend (no I/O; the backend is never shared across
        // threads), so plotters' results are dropped here and below.
        let _ = self
            .chart
            .draw_series(LineSeries::new(pts, color.stroke_width(width)));
    }

    /// A filled area from the x axis up to the data points, outlined in `line`.
    pub fn area(&mut self, points: &[(f64, f64)], fill: RGBColor, line: RGBColor) {
        let pts = self.plot_points(points);
        let base = self.y.to_plot(self.y.lo);
        let _ = self.chart.draw_series(
            AreaSeries::new(pts, base, fill.filled()).border_style(line.stroke_width(2)),
        );
    }

    /// A marker at a data point.
    pub fn mark(&mut self, at: (f64, f64), marker: Marker, color: RGBColor) {
        let p = self.px(at);
        draw_marker(self.root, &self.sink, p, marker, color);
    }

    /// Markers of one shape and colour at data points, drawn as one `<path>` (a
    /// [`Node::stamp`]): a slider input moves every marker of a series, and then one element
    /// gets a new `d` instead of a dozen elements getting new positions.
    pub fn marks(&mut self, at: &[(f64, f64)], marker: Marker, color: RGBColor) {
        let mut px = Vec::with_capacity(at.len());
        for &p in at {
            let (x, y) = self.px(p);
            px.push((f64::from(x), f64::from(y)));
        }
        if let Some(node) = marker_stamp(px, marker, color) {
            self.sink.borrow_mut().push(node);
        }
    }

    /// Series `i`'s markers along `points`: every 36th point, each series starting at another
    /// one so markers of lines that overlap do not hide each other (points at or below 0 are
    /// skipped when `positive`, for a log axis).
    pub fn series_marks(&mut self, points: &[(f64, f64)], i: usize, positive: bool) {
        let mut at = Vec::new();
        let mut k = 6 + 7 * i;
        while let Some(&p) = points.get(k) {
            if !positive || p.1 > 0.0 {
                at.push(p);
            }
            k += 36;
        }
        self.marks(&at, MARKERS[i], SERIES[i]);
    }

    /// A line between two data points.
    pub fn segment(&mut self, a: (f64, f64), b: (f64, f64), color: RGBColor, width: u32) {
        let (a, b) = (self.px(a), self.px(b));
        let _ = self
            .root
            .draw(&PathElement::new(vec![a, b], color.stroke_width(width)));
    }

    /// Text at a pixel position (its baseline's end given by `anchor`), on a patch of
    /// background so lines under it do not cross the letters.
    pub fn text(&mut self, at: (i32, i32), text: &str, size: f64, color: RGBColor, anchor: HPos) {
        let w = text_width(text, size).ceil() as i32 + 6;
        let x0 = match anchor {
            HPos::Left => at.0 - 3,
            HPos::Center => at.0 - w / 2,
            HPos::Right => at.0 - w + 3,
        };
        let top = at.1 - (size * 1.1).ceil() as i32;
        let _ = self.root.draw(&Rectangle::new(
            [(x0, top), (x0 + w, at.1 + 3)],
            BACKGROUND.filled(),
        ));
        let style = TextStyle::from(("sans-serif", size).into_font())
            .color(&color)
            .pos(Pos::new(anchor, VPos::Bottom));
        let _ = self.root.draw(&Text::new(text.to_string(), at, style));
    }
}

pub use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws `marker` centred on pixel `p`.
fn draw_marker(
    root: &DrawingArea<SceneBackend, Shift>,
    sink: &Rc<RefCell<Sink>>,
    (x, y): (i32, i32),
    m: Marker,
    c: RGBColor,
) {
    match marker_stamp(vec![(f64::from(x), f64::from(y))], m, c) {
        Some(node) => sink.borrow_mut().push(node),
        None => {
            let _ = root.draw(&Circle::new((x, y), 7, c.stroke_width(3)));
        }
    }
}

/// Marker outlines around their centre, px (the circle is a rounded square instead).
const R: f64 = 5.0;
const SQUARE: [(f64, f64); 4] = [(-4.0, -4.0), (4.0, -4.0), (4.0, 4.0), (-4.0, 4.0)];
const TRIANGLE_UP: [(f64, f64); 3] = [(0.0, -R - 1.0), (R + 1.0, R - 1.0), (-R - 1.0, R - 1.0)];
const TRIANGLE_DOWN: [(f64, f64); 3] = [(0.0, R + 1.0), (R + 1.0, 1.0 - R), (-R - 1.0, 1.0 - R)];
const DIAMOND: [(f64, f64); 4] = [
    (0.0, -R - 1.0),
    (R + 1.0, 0.0),
    (0.0, R + 1.0),
    (-R - 1.0, 0.0),
];
/// The two strokes of an ×, 2 px wide from corner to corner of an 8 px square, as the outline
/// of one filled shape: each arm's end, then the notch where two arms meet.
const CROSS: [(f64, f64); 12] = {
    const H: f64 = std::f64::consts::FRAC_1_SQRT_2;
    const N: f64 = std::f64::consts::SQRT_2;
    [
        (0.0, -N),
        (4.0 - H, -4.0 - H),
        (4.0 + H, -4.0 + H),
        (N, 0.0),
        (4.0 + H, 4.0 - H),
        (4.0 - H, 4.0 + H),
        (0.0, N),
        (-4.0 + H, 4.0 + H),
        (-4.0 - H, 4.0 - H),
        (-N, 0.0),
        (-4.0 - H, -4.0 + H),
        (-4.0 + H, -4.0 - H),
    ]
};

/// A marker's shape stamped at pixel points: one `<path>` for all of them (`None` for no
/// points, and for the ring, a stroked circle [`draw_marker`] draws alone).
fn marker_stamp(at: Vec<(f64, f64)>, m: Marker, c: RGBColor) -> Option<Node> {
    let outline: &[(f64, f64)] = match m {
        _ if at.is_empty() => return None,
        Marker::Ring => return None,
        Marker::Circle => &[],
        Marker::Square => &SQUARE,
        Marker::TriangleUp => &TRIANGLE_UP,
        Marker::TriangleDown => &TRIANGLE_DOWN,
        Marker::Diamond => &DIAMOND,
        Marker::Cross => &CROSS,
    };
    let (role, _) = role_of(c.to_backend_color());
    let node = if outline.is_empty() {
        // A square with fully rounded corners, placed by its top-left corner.
        let corners = at.into_iter().map(|(x, y)| (x - R, y - R)).collect();
        let circle = Shape::Rect {
            width: 2.0 * R,
            height: 2.0 * R,
            radius: R,
        };
        Node::stamp(corners, circle, role)
    } else {
        Node::stamp(at, Shape::Polygon(outline.to_vec()), role)
    };
    Some(node.class("marks"))
}

/// Splits `text` into lines no wider than `width` px at `size` (at spaces).
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, size) > width {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Legend entries laid out in rows: `(row, x)` of each.
fn legend_layout(entries: &[Entry]) -> Vec<(usize, f64)> {
    let mut out = Vec::with_capacity(entries.len());
    let (mut row, mut x) = (0, MARGIN);
    for e in entries {
        let w = SWATCH + 8.0 + text_width(&e.label, LEGEND_SIZE) + 22.0;
        if x > MARGIN && x + w > WIDTH - MARGIN {
            row += 1;
            x = MARGIN;
        }
        out.push((row, x));
        x += w;
    }
    out
}

/// Draws a chart: page, axes and grid through plotters, then `body`, then legend and notes.
pub fn draw(spec: Spec<'_>, body: impl FnOnce(&mut Plot)) -> Scene {
    let layout = legend_layout(&spec.legend);
    let rows = layout.last().map_or(0, |(r, _)| r + 1);
    let notes: Vec<(String, Role)> = spec
        .notes
        .iter()
        .flat_map(|(n, role)| {
            wrap(n, NOTE_SIZE, WIDTH - 2.0 * MARGIN)
                .into_iter()
                .map(move |l| (l, *role))
        })
        .collect();
    let legend_top = PLOT_TOP + PLOT_HEIGHT + X_TICKS + X_TITLE + 8.0;
    let height =
        (legend_top + rows as f64 * LEGEND_ROW + notes.len() as f64 * NOTE_ROW + 10.0).ceil();

    let sink = Rc::new(RefCell::new(Sink::default()));
    let root = SceneBackend::new(WIDTH as u32, height as u32, sink.clone()).into_drawing_area();
    {
        let mut s = sink.borrow_mut();
        s.push(
            Node::text(MARGIN, 28.0, spec.title, 18.0, Role::Ink)
                .bold()
                .id("chart-title"),
        );
        s.push(
            Node::text(
                MARGIN,
                PLOT_TOP - 14.0,
                spec.y_title.as_str(),
                13.0,
                Role::Ink,
            )
            .id("chart-y-title"),
        );
    }

    // The y tick labels decide the left margin, but never less than room for "100,000" (the
    // slider's highest peak): a drag that changes the axis then keeps the plot where it is,
    // so only what depends on y is redrawn, and every chart's plot starts at the same x.
    let y_label_w = spec
        .y
        .ticks
        .iter()
        .map(|t| text_width(&(spec.y_fmt)(*t), TICK_SIZE))
        .fold(text_width(MIN_Y_LABEL, TICK_SIZE), f64::max)
        .ceil()
        + 14.0;
    let plot_area = root.margin(
        PLOT_TOP as u32,
        (height - PLOT_TOP - PLOT_HEIGHT - X_TICKS) as u32,
        (MARGIN / 2.0) as u32,
        (MARGIN * 2.0) as u32,
    );
    sink.borrow_mut()
        .begin(Node::group(Vec::new()).id("chart-axes").class("axes"));
    let built = ChartBuilder::on(&plot_area)
        .x_label_area_size(X_TICKS as u32)
        .y_label_area_size(y_label_w as u32)
        .build_cartesian_2d(spec.x.keyed(), spec.y.keyed());
    let Ok(mut chart) = built else {
        // Unreachable with finite, ordered ranges; an empty chart is still a valid picture.
        let mut scene = Scene::new(WIDTH, height, spec.title, spec.desc);
        scene.children = sink.borrow_mut().finish();
        return scene;
    };
    let (x_ax, y_ax) = (spec.x.clone(), spec.y.clone());
    let x_fmt = |v: &f64| (spec.x_fmt)(x_ax.data_of(*v));
    let y_fmt = |v: &f64| (spec.y_fmt)(y_ax.data_of(*v));
    let _ = chart
        .configure_mesh()
        .bold_line_style(GRID.stroke_width(1))
        .light_line_style(TRANSPARENT)
        .axis_style(MUTED.stroke_width(1))
        .label_style(("sans-serif", TICK_SIZE).into_font().color(&MUTED))
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .draw();
    sink.borrow_mut().end();

    let mut plot = Plot {
        chart: &mut chart,
        root: &root,
        sink: sink.clone(),
        x: spec.x.clone(),
        y: spec.y.clone(),
    };
    body(&mut plot);
    let (l, _, r, b) = plot.bounds();
    drop(plot);
    drop(chart);

    // The x-axis title, centred under the plot.
    sink.borrow_mut().push(
        Node::text(
            f64::from(l + r) / 2.0,
            f64::from(b) + X_TICKS + X_TITLE - 6.0,
            spec.x_title.as_str(),
            13.0,
            Role::Ink,
        )
        .anchor(Anchor::Middle)
        .id("chart-x-title"),
    );

    // Legend: swatch (line + dash + marker, or a box) then label, in rows.
    sink.borrow_mut()
        .begin(Node::group(Vec::new()).id("chart-legend").class("legend"));
    for (e, (row, x)) in spec.legend.iter().zip(&layout) {
        let cy = legend_top + *row as f64 * LEGEND_ROW + 8.0;
        let (xi, yi) = (*x as i32, cy as i32);
        sink.borrow_mut()
            .begin(Node::group(Vec::new()).id(format!("legend-{}", e.id)));
        match e.swatch {
            Swatch::Line(c, m) => {
                let _ = root.draw(&PathElement::new(
                    vec![(xi, yi), (xi + SWATCH as i32, yi)],
                    c.stroke_width(3),
                ));
                if let Some(m) = m {
                    draw_marker(&root, &sink, (xi + SWATCH as i32 / 2, yi), m, c);
                }
            }
            Swatch::Area(fill, line) => {
                let _ = root.draw(&Rectangle::new(
                    [(xi, yi - 7), (xi + SWATCH as i32, yi + 7)],
                    fill.filled(),
                ));
                let _ = root.draw(&PathElement::new(
                    vec![(xi, yi - 7), (xi + SWATCH as i32, yi - 7)],
                    line.stroke_width(2),
                ));
            }
            Swatch::Mark(c, m) => draw_marker(&root, &sink, (xi + SWATCH as i32 / 2, yi), m, c),
        }
        sink.borrow_mut().push(Node::text(
            x + SWATCH + 8.0,
            cy + 0.35 * LEGEND_SIZE,
            e.label.as_str(),
            LEGEND_SIZE,
            Role::Ink,
        ));
        sink.borrow_mut().end();
    }
    sink.borrow_mut().end();

    let notes_top = legend_top + rows as f64 * LEGEND_ROW + 8.0;
    for (i, (line, role)) in notes.iter().enumerate() {
        sink.borrow_mut().push(
            Node::text(
                MARGIN,
                notes_top + i as f64 * NOTE_ROW + NOTE_SIZE * 0.8,
                line.as_str(),
                NOTE_SIZE,
                *role,
            )
            .class("note"),
        );
    }

    drop(root);
    let mut scene = Scene::new(WIDTH, height, spec.title, spec.desc);
    scene.children = sink.borrow_mut().finish();
    scene
}
