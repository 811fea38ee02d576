//! Charts of a simulated day and of the break-even, drawn by plotters into a [`Scene`].
//!
//! plotters does the charting (coordinates, ticks, grid, line and area series) over
//! [`backend::SceneBackend`], which turns every drawing call into a scene node with a
//! semantic colour [`crate::scene::Role`]. So a chart goes through the one SVG writer like
//! every other picture: the screen, the exported file and the CLI's output are the same, in
//! the light or the dark palette. Each series has its own colour, dash pattern and marker
//! shape, and the legend shows all three, so colour is never the only signal.
//!
//! One chart per file, each with `draw(&Scenario, &Outcome) -> Scene` and
//! `csv(&Scenario, &Outcome) -> String`:
//! - [`traffic`]: traffic against each model's capacity over the peak day, drops marked;
//! - [`cost`]: each model's cost so far over the peak day, in the scenario's currency;
//! - [`latency`]: each model's p95 latency over the peak day (log scale when it spans much);
//! - [`breakeven`]: monthly cost against a steady request rate for VMs, containers and
//!   functions, with [`crate::breakeven`]'s crossings and this scenario marked.
//!
//! ```
//! use skyscale_core::chart::{Chart, render_chart};
//! use skyscale_core::Scenario;
//! let scene = render_chart("breakeven", &Scenario::default()).unwrap();
//! assert!(scene.texts().any(|t| t.contains("req/s")));
//! assert_eq!(Chart::from_code("cost"), Some(Chart::Cost));
//! ```

pub mod backend;
pub mod breakeven;
pub mod cost;
mod frame;
pub mod latency;
pub mod traffic;

pub use backend::SceneBackend;

use crate::money::{Currency, format_krw, format_number, format_rate_usd, format_usd};
use crate::scenario::Scenario;
use crate::scene::Scene;
use crate::sim::{ModelKind, Outcome, simulate};

/// One of the charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Chart {
    Traffic,
    Cost,
    Latency,
    Breakeven,
}

impl Chart {
    pub const ALL: [Chart; 4] = [
        Chart::Traffic,
        Chart::Cost,
        Chart::Latency,
        Chart::Breakeven,
    ];

    /// The name used by the CLI and in file names (`traffic`, `cost`, `latency`, `breakeven`).
    pub fn code(self) -> &'static str {
        match self {
            Chart::Traffic => "traffic",
            Chart::Cost => "cost",
            Chart::Latency => "latency",
            Chart::Breakeven => "breakeven",
        }
    }

    pub fn from_code(code: &str) -> Option<Chart> {
        Chart::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The chart for a scenario and its outcome. A chart of costs carries, in its `<desc>` (addresses without their scheme),
    /// the source and date of every price it uses ([`crate::sources::price_lines`]), so an
    /// exported file says where its numbers come from.
    pub fn draw(self, s: &Scenario, o: &Outcome) -> Scene {
        let mut scene = match self {
            Chart::Traffic => traffic::draw(s, o),
            Chart::Cost => cost::draw(s, o),
            Chart::Latency => latency::draw(s, o),
            Chart::Breakeven => breakeven::draw(s, o),
        };
        if matches!(self, Chart::Cost | Chart::Breakeven) {
            for line in crate::sources::price_lines(s, s.lang) {
                // The address without its scheme: an exported picture holds no `http(s)://`
                // at all (no outside reference, not even a text one a viewer might follow).
                scene.desc.push(' ');
                scene
                    .desc
                    .push_str(&line.replace("https://", "").replace("http://", ""));
                scene.desc.push('.');
            }
        }
        scene
    }

    /// The chart's series as CSV (RFC 4180: a header row with units, CRLF line ends).
    pub fn csv(self, s: &Scenario, o: &Outcome) -> String {
        match self {
            Chart::Traffic => traffic::csv(s, o),
            Chart::Cost => cost::csv(s, o),
            Chart::Latency => latency::csv(s, o),
            Chart::Breakeven => breakeven::csv(s, o),
        }
    }
}

/// The byte-order mark a downloaded or rendered CSV file starts with. Excel (what most people
/// open a CSV with) reads a CSV without it in the system's legacy code page, so Korean headers
/// turn to mojibake; with it, Excel reads UTF-8. LibreOffice, Google Sheets, Numbers and R's
/// readr skip it; in Python, read with `encoding="utf-8-sig"` (pandas skips it by itself).
pub const CSV_BOM: &str = "\u{feff}";

/// `csv` (a chart's [`Chart::csv`]) as the file the app's download and `skyscale render
/// --format csv` write: [`CSV_BOM`] first, so the two are the same bytes.
pub fn csv_file(csv: &str) -> String {
    let mut file = String::with_capacity(CSV_BOM.len() + csv.len());
    file.push_str(CSV_BOM);
    file.push_str(csv);
    file
}

/// Simulates `scenario` and draws the chart called `name` (`traffic`, `cost`, `latency`,
/// `breakeven`); `None` for an unknown name. For the CLI's `render`.
pub fn render_chart(name: &str, scenario: &Scenario) -> Option<Scene> {
    let chart = Chart::from_code(name)?;
    Some(chart.draw(scenario, &simulate(scenario)))
}

/// Like [`render_chart`], the chart's CSV.
pub fn render_csv(name: &str, scenario: &Scenario) -> Option<String> {
    let chart = Chart::from_code(name)?;
    Some(chart.csv(scenario, &simulate(scenario)))
}

/// `log10(v)`, the same on every target (from `libm`, not the platform: see `clippy.toml`). A
/// log axis puts points through this and [`pow10`], and the last bit of either can decide
/// which pixel a point lands on, so the app (wasm) and the CLI (native) must share the code.
pub(crate) fn log10(v: f64) -> f64 {
    libm::log10(v)
}

/// `10^p`, the same on every target (exact for whole `p`); see [`log10`].
pub(crate) fn pow10(p: f64) -> f64 {
    libm::pow(10.0, p)
}

/// Minutes per plotted point: 288 points a day keep the SVG small; each point takes the
/// bucket's extreme so a short spike or dip still shows.
const BUCKET_MIN: usize = 5;

/// Replaces `{key}` placeholders of an i18n template.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// A series' index (colour, dash, marker) for a model.
fn series_index(kind: ModelKind) -> usize {
    ModelKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) % 5
}

fn finite(v: f64) -> f64 {
    if v.is_finite() { v } else { 0.0 }
}

/// Per-minute values reduced to one per bucket, as `(hour, value)`, ending at 24:00.
fn bucketed(values: &[f64], reduce: fn(f64, f64) -> f64) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = values
        .chunks(BUCKET_MIN)
        .enumerate()
        .map(|(i, c)| {
            let v = c.iter().copied().map(finite).reduce(reduce).unwrap_or(0.0);
            ((i * BUCKET_MIN) as f64 / 60.0, v)
        })
        .collect();
    if let Some(&(_, v)) = out.last() {
        out.push((values.len() as f64 / 60.0, v));
    }
    out
}

/// `06:00`.
fn hour_label(h: f64) -> String {
    format!("{:02}:00", finite(h).round() as i64)
}

/// A plain tick number: `100,000`, `2.5`, `0.01`.
fn num_label(v: f64) -> String {
    format_number(v, 3)
}

/// An amount already in `currency` as a short tick label.
fn money_label(v: f64, currency: Currency) -> String {
    let v = finite(v);
    let whole = v >= 1.0 && (v * 100.0).round() % 100.0 == 0.0;
    match currency {
        Currency::Usd if whole => format_usd(v).trim_end_matches(".00").to_string(),
        Currency::Usd if v > 0.0 && v < 0.01 => format_rate_usd(v),
        Currency::Usd => format_usd(v),
        Currency::Krw if v > 0.0 && v < 1.0 => format!("₩{}", format_number(v, 3)),
        Currency::Krw => format_krw(v),
    }
}

/// USD in the scenario's currency.
fn to_display(usd: f64, s: &Scenario) -> f64 {
    finite(match s.currency {
        Currency::Usd => usd,
        Currency::Krw => usd * s.krw_per_usd,
    })
}

/// The currency's code for axis titles and CSV headers (`USD`, `KRW`).
fn currency_code(c: Currency) -> &'static str {
    match c {
        Currency::Usd => "USD",
        Currency::Krw => "KRW",
    }
}

/// A CSV header's unit in the file's language: `req/s`, `ms`, the currency (`USD`, `KRW`;
/// in Korean `요청/초`, `밀리초`, `달러`, `원`).
pub fn csv_unit(unit: CsvUnit, s: &Scenario) -> &'static str {
    let t = match unit {
        CsvUnit::Rps => crate::i18n::Text::CsvUnitRps,
        CsvUnit::Ms => crate::i18n::Text::CsvUnitMs,
        CsvUnit::Money => match s.currency {
            Currency::Usd => crate::i18n::Text::CsvUnitUsd,
            Currency::Krw => crate::i18n::Text::CsvUnitKrw,
        },
    };
    t.get(s.lang)
}

/// What a CSV column measures (see [`csv_unit`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvUnit {
    Rps,
    Ms,
    Money,
}

/// An amount of money in a CSV field, in the scenario's currency: dollars as computed (to
/// six decimals), won converted from the exact dollars and rounded once to the whole won,
/// the amount every other place prints ([`crate::money::krw_amount`]).
pub fn csv_money(usd: f64, s: &Scenario) -> String {
    match s.currency {
        Currency::Usd => csv_num(usd),
        Currency::Krw => csv_num(crate::money::krw_amount(usd, s.krw_per_usd)),
    }
}

/// One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A number for CSV: `.` decimals, up to 6 of them, no thousands separators; an empty field
/// for a value that does not exist (never `NaN` or `inf`).
pub fn csv_num(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// One CSV record with its CRLF.
fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// `HH:MM` of a minute of the day.
fn clock(minute: usize) -> String {
    crate::lanes::clock(minute)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::scene::{Kind, Node, Role};
    use crate::svg::{Options, Palette, write};

    fn scenario(q: &str, lang: Lang) -> Scenario {
        let mut s = Scenario::from_query(q).0;
        s.lang = lang;
        s
    }

    /// Every text of a scene, joined.
    fn all_text(scene: &Scene) -> String {
        let mut t: Vec<&str> = scene.texts().collect();
        t.push(&scene.title);
        t.push(&scene.desc);
        t.join("\n")
    }

    fn numbers_of(node: &Node) -> Vec<f64> {
        match &node.kind {
            Kind::Rect {
                x,
                y,
                width,
                height,
                ..
            } => vec![*x, *y, *width, *height],
            Kind::Circle { cx, cy, r, .. } => vec![*cx, *cy, *r],
            Kind::Line { x1, y1, x2, y2, .. } => vec![*x1, *y1, *x2, *y2],
            Kind::Path { points, .. } | Kind::Stamp { at: points, .. } => {
                points.iter().flat_map(|(x, y)| [*x, *y]).collect()
            }
            Kind::Text { x, y, size, .. } => vec![*x, *y, *size],
            Kind::Group { .. } => Vec::new(),
        }
    }

    /// Parses as XML in both palettes, has no NaN/inf anywhere, every coordinate is finite
    /// and inside the picture (give or take a marker's size).
    fn check_scene(scene: &Scene, context: &str) {
        for opts in [Options::file(), Options::screen(Palette::Dark)] {
            let svg = write(scene, &opts);
            roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{context}: not XML: {e}"));
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{context}");
        }
        assert!(scene.width > 0.0 && scene.height > 0.0 && scene.height < 2_000.0);
        for n in scene.nodes() {
            for v in numbers_of(n) {
                assert!(v.is_finite(), "{context}: {n:?}");
                assert!(
                    (-20.0..=scene.width.max(scene.height) + 20.0).contains(&v),
                    "{context}: {v} out of the picture in {n:?}"
                );
            }
        }
        let text = all_text(scene);
        assert!(
            !text.contains("NaN") && !text.contains("inf"),
            "{context}: {text}"
        );
    }

    fn expected_labels(chart: Chart, lang: Lang) -> Vec<&'static str> {
        use crate::i18n::Text::*;
        let mut v = match chart {
            Chart::Traffic => vec![ChartTrafficTitle, ChartAxisTime, ChartAxisRps, ChartTraffic],
            Chart::Cost => vec![ChartCostTitle, ChartAxisTime],
            Chart::Latency => vec![ChartLatencyTitle, ChartAxisTime],
            Chart::Breakeven => vec![ChartBreakevenTitle, ChartAxisAvgRps, ChartBeLegend],
        }
        .into_iter()
        .map(|t| t.get(lang))
        .collect::<Vec<_>>();
        if chart != Chart::Breakeven {
            v.extend(ModelKind::ALL.iter().map(|k| k.label().get(lang)));
        }
        v
    }

    #[test]
    fn every_chart_parses_and_holds_its_labels_in_both_languages() {
        for lang in [Lang::En, Lang::Ko] {
            let s = scenario("pattern=business&peak=300", lang);
            let o = simulate(&s);
            for chart in Chart::ALL {
                let scene = chart.draw(&s, &o);
                let ctx = format!("{chart:?} {lang:?}");
                check_scene(&scene, &ctx);
                let text = all_text(&scene);
                for label in expected_labels(chart, lang) {
                    assert!(text.contains(label), "{ctx}: missing {label:?}");
                }
                // Tick labels on both axes.
                assert!(
                    scene.texts().filter(|t| t.contains(':')).count() >= 3
                        || chart == Chart::Breakeven
                );
                // A legend whose entries each carry a swatch and a label.
                let legend = scene.find("chart-legend").expect("legend");
                let Kind::Group { children } = &legend.kind else {
                    panic!()
                };
                assert!(children.len() >= 3, "{ctx}");
                for entry in children {
                    assert!(entry.walk().count() >= 3, "{ctx}: {entry:?}");
                }
            }
        }
    }

    #[test]
    fn axis_titles_carry_units() {
        let s = scenario("cur=krw", Lang::En);
        let o = simulate(&s);
        let titles = |c: Chart| {
            let scene = c.draw(&s, &o);
            let get = |id| match &scene.find(id).unwrap().kind {
                Kind::Text { text, .. } => text.clone(),
                _ => unreachable!(),
            };
            (get("chart-x-title"), get("chart-y-title"))
        };
        assert!(titles(Chart::Traffic).1.contains("req/s"));
        assert!(titles(Chart::Traffic).0.contains("HH:MM"));
        assert!(titles(Chart::Cost).1.contains("KRW"));
        assert!(titles(Chart::Latency).1.contains("ms"));
        let (x, y) = titles(Chart::Breakeven);
        assert!(x.contains("req/s") && y.contains("KRW"), "{x} {y}");
    }

    #[test]
    fn series_differ_by_dash_and_marker_not_only_colour() {
        use backend::{DASHES, role_of};
        use plotters::style::Color;
        let dashes: std::collections::HashSet<_> = DASHES.iter().collect();
        assert_eq!(dashes.len(), 5);
        let markers: std::collections::HashSet<_> =
            frame::MARKERS.iter().map(|m| format!("{m:?}")).collect();
        assert_eq!(markers.len(), 5);
        // And the drawn legend shows them: each model's entry has a line with its dash.
        let s = scenario("", Lang::En);
        let scene = Chart::Traffic.draw(&s, &simulate(&s));
        for (i, kind) in ModelKind::ALL.iter().enumerate() {
            let entry = scene
                .find(&format!("legend-capacity-{}", kind.code()))
                .unwrap();
            let (role, dash) = role_of(backend::SERIES[i].to_backend_color());
            assert!(entry.walk().any(|n| matches!(&n.kind,
                Kind::Path { stroke: Some(st), .. } if st.role == role && st.dash == dash)));
            // The marker: a filled shape in the series' role.
            assert!(entry.walk().any(|n| matches!(&n.kind,
                Kind::Stamp { fill, at, .. } if *fill == role && at.len() == 1)));
        }
    }

    #[test]
    fn backend_maps_sentinel_colours_to_roles() {
        use backend::*;
        use plotters::style::{Color, RGBColor};
        let check = |c: RGBColor, role: Role| assert_eq!(role_of(c.to_backend_color()).0, role);
        check(INK, Role::Ink);
        check(MUTED, Role::InkMuted);
        check(GRID, Role::Border);
        check(BACKGROUND, Role::Background);
        check(ACCENT, Role::Accent);
        check(AREA, Role::AreaFill);
        check(DANGER, Role::Danger);
        check(GOOD, Role::Good);
        let series = [
            Role::Series1,
            Role::Series2,
            Role::Series3,
            Role::Series4,
            Role::Series5,
        ];
        for (c, r) in SERIES.iter().zip(series) {
            check(*c, r);
        }
        check(RGBColor(1, 2, 3), Role::Ink);
        assert_eq!(
            role_of(plotters::style::TRANSPARENT.to_backend_color()).0,
            Role::None
        );
        assert_eq!(role_of(SERIES[1].to_backend_color()).1, DASHES[1]);
    }

    #[test]
    fn backend_turns_drawing_calls_into_nodes() {
        use backend::*;
        use plotters::prelude::*;
        use plotters::style::text_anchor::{HPos, Pos, VPos};
        use std::{cell::RefCell, rc::Rc};
        let sink = Rc::new(RefCell::new(Sink::default()));
        {
            let root = SceneBackend::new(200, 100, sink.clone()).into_drawing_area();
            root.draw(&PathElement::new(
                vec![(0, 0), (10, 10), (20, 0)],
                SERIES[2].stroke_width(2),
            ))
            .unwrap();
            root.draw(&Rectangle::new([(1, 2), (11, 22)], AREA.filled()))
                .unwrap();
            root.draw(&Circle::new((50, 50), 4, DANGER.filled()))
                .unwrap();
            let style = TextStyle::from(("sans-serif", 20).into_font())
                .color(&INK)
                .pos(Pos::new(HPos::Center, VPos::Top));
            root.draw(&Text::new("한글 text", (100, 10), style))
                .unwrap();
            assert_eq!(
                root.estimate_text_size("ab한", &TextStyle::from(("x", 10).into_font()))
                    .unwrap(),
                (21, 10)
            );
        }
        let nodes = sink.borrow_mut().finish();
        assert!(
            matches!(&nodes[0].kind, Kind::Path { points, stroke: Some(s), closed: false, .. }
            if points.len() == 3 && s.role == Role::Series3 && s.width == 2.0 && s.dash == Some("2 3"))
        );
        assert!(
            matches!(&nodes[1].kind, Kind::Rect { x, y, width, height, fill: Role::AreaFill, .. }
            if (*x, *y, *width, *height) == (1.0, 2.0, 10.0, 20.0))
        );
        assert!(matches!(&nodes[2].kind, Kind::Circle { r, fill: Role::Danger, .. } if *r == 4.0));
        assert!(
            matches!(&nodes[3].kind, Kind::Text { text, anchor: crate::scene::Anchor::Middle, size, y, .. }
            if text == "한글 text" && *size == 20.0 && *y == 26.0)
        );
    }

    #[test]
    fn new_roles_meet_non_text_contrast_in_both_palettes() {
        fn lum(hex: &str) -> f64 {
            let c = |i: usize| {
                let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    libm::pow((v + 0.055) / 1.055, 2.4)
                }
            };
            0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
        }
        let ratio = |a: &str, b: &str| {
            let (a, b) = (lum(a), lum(b));
            (a.max(b) + 0.05) / (a.min(b) + 0.05)
        };
        for p in [Palette::Light, Palette::Dark] {
            for role in [
                Role::Series1,
                Role::Series2,
                Role::Series3,
                Role::Series4,
                Role::Series5,
                Role::Danger,
                Role::Good,
                Role::Accent,
            ] {
                for bg in [Role::Background, Role::AreaFill] {
                    let r = ratio(p.color(role), p.color(bg));
                    assert!(r >= 3.0, "{p:?} {role:?} on {bg:?}: {r:.2}");
                }
            }
        }
    }

    #[test]
    fn edge_cases_draw_without_nan() {
        for q in [
            "peak=0",
            "peak=100000",
            "peak=100000&pattern=flash",
            "peak=1000000&pattern=bursty",
            // Not runnable as a function: a 20-minute run, and too much memory.
            "dur=1200000&cpu=1000",
            "mem=65536",
            "peak=0&cpu=600000&dur=3600000&mem=65536",
            "cur=krw&krw=100000&peak=100000",
            "p_vm=0&p_vcpu=0&p_gbh=0&p_gbs=0&p_req=0",
        ] {
            for lang in [Lang::En, Lang::Ko] {
                let s = scenario(q, lang);
                let o = simulate(&s);
                for chart in Chart::ALL {
                    let scene = chart.draw(&s, &o);
                    check_scene(&scene, &format!("{chart:?} {q}"));
                    let csv = chart.csv(&s, &o);
                    assert!(!csv.contains("NaN") && !csv.contains("inf"), "{q}");
                }
            }
        }
    }

    #[test]
    fn a_function_that_cannot_run_gets_a_note_not_a_line() {
        let s = scenario("dur=1200000&cpu=1000", Lang::En);
        let o = simulate(&s);
        assert!(!o.model(ModelKind::Faas).not_runnable.is_empty());
        let note = crate::i18n::Text::ChartNotRunnable.get(Lang::En);
        let prefix = &note[..note.find('{').unwrap()];
        for chart in Chart::ALL {
            let scene = chart.draw(&s, &o);
            assert!(
                scene.texts().any(|t| t.starts_with(prefix.trim_end())),
                "{chart:?}"
            );
            for id in [
                "traffic-capacity-faas",
                "cost-faas",
                "latency-faas",
                "breakeven-curve-faas",
            ] {
                assert!(scene.find(id).is_none(), "{chart:?} draws {id}");
            }
        }
    }

    /// The x pixel where two polylines cross (first sign change of their difference).
    fn crossing_x(a: &[(f64, f64)], b: &[(f64, f64)]) -> Option<f64> {
        let y_at = |p: &[(f64, f64)], x: f64| -> Option<f64> {
            p.windows(2).find(|w| w[0].0 <= x && x <= w[1].0).map(|w| {
                if w[1].0 == w[0].0 {
                    w[0].1.max(w[1].1)
                } else {
                    w[0].1 + (w[1].1 - w[0].1) * (x - w[0].0) / (w[1].0 - w[0].0)
                }
            })
        };
        let (lo, hi) = (a[0].0.max(b[0].0), a.last()?.0.min(b.last()?.0));
        let mut prev: Option<f64> = None;
        let mut x = lo;
        while x <= hi {
            // Pixel y grows downwards: `a` dearer than `b` means a smaller y, d < 0.
            let d = y_at(a, x)? - y_at(b, x)?;
            if let Some(p) = prev
                && p < 0.0
                && d >= 0.0
            {
                return Some(x);
            }
            prev = Some(d);
            x += 0.25;
        }
        None
    }

    fn polyline(scene: &Scene, id: &str) -> Vec<(f64, f64)> {
        scene
            .find(id)
            .unwrap_or_else(|| panic!("no {id}"))
            .walk()
            .find_map(|n| match &n.kind {
                Kind::Path {
                    points,
                    closed: false,
                    ..
                } => Some(points.clone()),
                _ => None,
            })
            .unwrap()
    }

    fn ring_x(scene: &Scene, id: &str) -> f64 {
        scene
            .find(id)
            .unwrap_or_else(|| panic!("no {id}"))
            .walk()
            .find_map(|n| match &n.kind {
                Kind::Circle {
                    cx,
                    fill: Role::None,
                    ..
                } => Some(*cx),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn breakeven_marks_the_crossing_breakeven_reports() {
        for (q, fleet) in [
            ("vm=t3.micro&min=1&cpu=5&dur=100&mem=128", "vm"),
            ("cpu=50&dur=100&mem=1024", "container"),
            ("cpu=50&dur=100&mem=1024&free=1&peak=20", "container"),
        ] {
            let s = scenario(q, Lang::En);
            let o = simulate(&s);
            let b = crate::breakeven::breakeven(&s);
            let point = if fleet == "vm" {
                &b.faas_vs_vm
            } else {
                &b.faas_vs_container
            }
            .point
            .clone()
            .expect("a break-even");
            let scene = Chart::Breakeven.draw(&s, &o);
            let faas = polyline(&scene, "breakeven-curve-faas");
            let curve = polyline(&scene, &format!("breakeven-curve-{fleet}"));
            let marked = ring_x(&scene, &format!("breakeven-point-{fleet}"));
            let crossed = crossing_x(&curve, &faas).expect("the curves cross");
            assert!(
                (marked - crossed).abs() <= 3.0,
                "{q}: marked {marked}, curves cross at {crossed}"
            );
            // The label carries the rate breakeven reports.
            let label = scene
                .find(&format!("breakeven-point-{fleet}"))
                .unwrap()
                .meta
                .title
                .clone()
                .unwrap();
            assert!(
                label.contains(&breakeven::rps_label(point.requests_per_s)),
                "{label}"
            );
            // And the CSV agrees: below the rate functions are cheaper, above they are not.
            let csv = Chart::Breakeven.csv(&s, &o);
            let col = if fleet == "vm" { 1 } else { 2 };
            for row in csv.lines().skip(1) {
                let f: Vec<f64> = row
                    .split(',')
                    .map(|x| x.parse().unwrap_or(f64::NAN))
                    .collect();
                if f[0] < point.requests_per_s * 0.98 {
                    assert!(f[3] <= f[col] + 1e-9, "{q}: {row}");
                }
            }
        }
    }

    #[test]
    fn cost_charts_name_their_prices_sources_and_dates() {
        for lang in [Lang::En, Lang::Ko] {
            let s = scenario("vm=t3.micro&cur=krw", lang);
            let o = simulate(&s);
            for c in [Chart::Cost, Chart::Breakeven] {
                let file = crate::svg::write(&c.draw(&s, &o), &crate::svg::Options::file());
                let desc = &file[file.find("<desc>").unwrap()..file.find("</desc>").unwrap()];
                // Every date; every seller by name (the assumptions are named in the file's
                // language, tested in `sources`).
                for p in crate::sources::prices_used(&s) {
                    assert!(desc.contains(&p.date), "{c:?} {p:?}");
                    if p.source.starts_with("https://") {
                        assert!(desc.contains(&p.provider), "{c:?} {p:?}");
                    }
                }
                assert!(desc.contains(" aws.amazon.com/lambda/pricing/"), "{desc}");
                assert!(!file.contains("https://"), "{desc}");
            }
        }
    }

    #[test]
    fn csv_headers_units_and_rows() {
        let s = scenario("peak=200", Lang::En);
        let o = simulate(&s);
        let rows = |c: Chart| c.csv(&s, &o).lines().count();
        for c in [Chart::Traffic, Chart::Cost, Chart::Latency] {
            assert_eq!(rows(c), 1 + o.traffic_rps.len(), "{c:?}");
        }
        let traffic = Chart::Traffic.csv(&s, &o);
        let header = traffic.lines().next().unwrap();
        assert!(header.starts_with("time (HH:MM),traffic (req/s),On-premises capacity (req/s),"));
        // A label with a comma is quoted.
        assert!(
            header.contains("\"IaaS, fixed VMs capacity (req/s)\""),
            "{header}"
        );
        assert_eq!(
            header.matches("(req/s)").count(),
            1 + 2 * ModelKind::ALL.len()
        );
        assert!(traffic.contains("\r\n00:01,"));
        assert!(traffic.lines().nth(1).unwrap().starts_with("00:00,"));
        assert!(
            Chart::Cost
                .csv(&s, &o)
                .lines()
                .next()
                .unwrap()
                .contains("(USD)")
        );
        assert!(
            Chart::Latency
                .csv(&s, &o)
                .lines()
                .next()
                .unwrap()
                .contains("(ms)")
        );
        let be = Chart::Breakeven.csv(&s, &o);
        let head = be.lines().next().unwrap();
        assert!(head.starts_with("steady request rate (req/s),") && head.contains("(USD/month)"));
        assert!(be.lines().count() >= 21);
        // Every row has as many fields as the header (fields with commas are quoted only in
        // the header, numbers never hold one).
        let fields = |l: &str| csv_fields(l).len();
        for c in Chart::ALL {
            let csv = c.csv(&s, &o);
            let mut lines = csv.lines();
            let n = fields(lines.next().unwrap());
            assert!(lines.all(|l| fields(l) == n), "{c:?}");
        }
        let ko = scenario("peak=200", Lang::Ko);
        assert!(
            Chart::Traffic
                .csv(&ko, &o)
                .starts_with("시각 (HH:MM),트래픽 (요청/초),")
        );
    }

    /// A minimal RFC 4180 field splitter for the tests.
    fn csv_fields(line: &str) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    out.last_mut().unwrap().push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => out.push(String::new()),
                (c, _) => out.last_mut().unwrap().push(c),
            }
        }
        out
    }

    #[test]
    fn csv_quoting_and_numbers() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_num(1234.5), "1234.5");
        assert_eq!(csv_num(0.1 + 0.2), "0.3");
        assert_eq!(csv_num(-0.0000001), "0");
        assert_eq!(csv_num(f64::NAN), "");
        assert_eq!(csv_num(f64::INFINITY), "");
        assert_eq!(csv_line(&["a", "b,c"]), "a,\"b,c\"\r\n");
    }

    #[test]
    fn csv_files_start_with_the_utf8_bom_excel_needs() {
        let s = scenario("peak=200", Lang::Ko);
        let o = simulate(&s);
        for c in Chart::ALL {
            let csv = c.csv(&s, &o);
            let file = csv_file(&csv);
            assert_eq!(&file.as_bytes()[..3], b"\xEF\xBB\xBF", "{c:?}");
            assert_eq!(&file[CSV_BOM.len()..], csv, "{c:?}");
            // Once, at the start: the data has none (it would be a character of a field).
            assert!(!csv.contains('\u{feff}'), "{c:?}");
        }
    }

    #[test]
    fn render_chart_knows_the_four_names() {
        let s = Scenario::default();
        for name in ["traffic", "cost", "latency", "breakeven", " Cost "] {
            assert!(render_chart(name, &s).is_some(), "{name}");
            assert!(render_csv(name, &s).is_some(), "{name}");
        }
        assert!(render_chart("lanes", &s).is_none());
        for c in Chart::ALL {
            assert_eq!(Chart::from_code(c.code()), Some(c));
        }
    }

    #[test]
    fn latency_turns_logarithmic_when_the_range_is_wide() {
        // Java cold starts (2 s) against a 1 ms function on VMs.
        let s = scenario("runtime=java&dur=5&cpu=1&pattern=bursty&peak=500", Lang::En);
        let o = simulate(&s);
        let scene = Chart::Latency.draw(&s, &o);
        let title = all_text(&scene);
        let log = crate::i18n::Text::ChartAxisLatencyLog.get(Lang::En);
        let positive: Vec<f64> = o
            .models
            .iter()
            .flat_map(|m| m.series.p95_ms.iter().copied())
            .filter(|v| *v > 0.0)
            .collect();
        let span = positive.iter().copied().fold(0.0, f64::max)
            / positive.iter().copied().fold(f64::INFINITY, f64::min);
        assert_eq!(
            title.contains(log),
            span > latency::LOG_WHEN_SPAN,
            "span {span}"
        );
    }

    #[test]
    fn straight_runs_are_drawn_by_their_ends() {
        // On-premises capacity is flat all day: a line of two points, not one per bucket.
        let s = scenario("", Lang::En);
        let scene = Chart::Traffic.draw(&s, &simulate(&s));
        let line = polyline(&scene, "traffic-capacity-onprem");
        assert_eq!(line.len(), 2, "{line:?}");
        // Only a point in the middle of a straight run goes; a turn back stays.
        let mut pts = Vec::new();
        for p in [
            (0.0, 0.0),
            (1.0, 0.0),
            (2.0, 0.0),
            (2.0, 5.0),
            (2.0, 3.0),
            (2.0, 3.0),
            (4.0, 1.0),
        ] {
            backend::push_point(&mut pts, p);
        }
        assert_eq!(
            pts,
            [(0.0, 0.0), (2.0, 0.0), (2.0, 5.0), (2.0, 3.0), (4.0, 1.0)]
        );
    }

    #[test]
    fn a_peak_change_redraws_only_what_depends_on_the_peak() {
        use crate::patch::{Edit, diff};
        // 160 req/s has three-digit tick labels, 11,000 six characters: the plot keeps its
        // left edge anyway, so nothing is redrawn for x alone.
        let draw = |q: &str| {
            let s = scenario(q, Lang::En);
            Chart::Traffic.draw(&s, &simulate(&s))
        };
        let (a, b) = (draw("peak=160"), draw("peak=11000"));
        let plot_left =
            |sc: &Scene| match &sc.find("chart-axes").unwrap().walk().nth(1).unwrap().kind {
                Kind::Line { x1, .. } => *x1,
                other => panic!("the axes start with a grid line, not {other:?}"),
            };
        assert_eq!(plot_left(&a), plot_left(&b));
        let edits = diff(&a, &b, &Options::screen(Palette::Light)).unwrap();
        // The legend below the plot reflows (its labels carry the share dropped). Edit paths
        // count the `<title>`, `<desc>` and background the writer puts first.
        let legend = 3 + b
            .children
            .iter()
            .position(|n| n.meta.id.as_deref() == Some("chart-legend"))
            .unwrap();
        for e in &edits {
            if let Edit::Attrs { path, set, .. } = e
                && path.first() != Some(&legend)
            {
                for (name, _) in set {
                    assert!(
                        !["x", "x1", "x2", "cx", "width"].contains(&name.as_str()),
                        "{e:?}"
                    );
                }
            }
        }
        // Each series' markers are one element (a stamp), so a new peak is one new `d` per
        // series rather than a dozen moved markers.
        for kind in ModelKind::ALL {
            let g = b
                .find(&format!("traffic-capacity-{}", kind.code()))
                .unwrap();
            let stamps = g
                .walk()
                .filter(|n| matches!(n.kind, Kind::Stamp { .. }))
                .count();
            let single = g
                .walk()
                .filter(|n| matches!(n.kind, Kind::Circle { .. } | Kind::Rect { .. }))
                .count();
            assert_eq!((stamps, single), (1, 0), "{kind:?}");
        }
        assert!(edits.len() < 60, "{} edits", edits.len());
    }

    /// Writes every chart, both languages and palettes, to the temp dir for a look:
    /// `cargo test -p skyscale-core chart::tests::dump -- --ignored`.
    #[test]
    #[ignore]
    fn dump() {
        let dir = std::env::temp_dir().join("skyscale-charts");
        std::fs::create_dir_all(&dir).unwrap();
        for (tag, q) in [
            ("default", "pattern=business&peak=300"),
            ("flash", "pattern=flash&peak=100000&vm_fixed=4"),
            ("zero", "peak=0"),
            ("norun", "dur=1200000&cpu=1000&cur=krw"),
        ] {
            for lang in [Lang::En, Lang::Ko] {
                let s = scenario(q, lang);
                let o = simulate(&s);
                for c in Chart::ALL {
                    for (p, opts) in [
                        ("light", Options::file()),
                        ("dark", Options::screen(Palette::Dark)),
                    ] {
                        let svg = write(&c.draw(&s, &o), &opts);
                        let name = format!("{}-{tag}-{}-{p}.svg", c.code(), lang.code());
                        std::fs::write(dir.join(name), svg).unwrap();
                    }
                    std::fs::write(
                        dir.join(format!("{}-{tag}-{}.csv", c.code(), lang.code())),
                        c.csv(&s, &o),
                    )
                    .unwrap();
                }
            }
        }
    }
}
