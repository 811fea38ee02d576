//! `SceneBackend`: a plotters [`DrawingBackend`] that collects [`Node`]s instead of pixels.
//!
//! plotters lays out the axes, ticks and series and calls this backend with pixel
//! coordinates; every call becomes one scene primitive (a line, a polyline, a polygon, a
//! rect, a circle or a text). Colours arrive as RGB, so the charts paint with a fixed set of
//! sentinel colours ([`INK`], [`MUTED`], [`GRID`], [`SERIES`], …) that [`role_of`] maps back to
//! semantic [`Role`]s: the writer's light/dark [`crate::svg::Palette`] then decides the real
//! colour, and a series' sentinel also brings its dash pattern. An unknown colour is `Ink`.
//!
//! Text is never measured with a font (the core has none, and the browser's measure would
//! make the app's export differ from the CLI's): widths are estimated by [`text_width`].
//!
//! ```
//! use skyscale_core::chart::backend::{role_of, SERIES};
//! use skyscale_core::scene::Role;
//! use plotters::style::Color;
//! assert_eq!(role_of(SERIES[4].to_backend_color()).0, Role::Series5);
//! ```

use std::cell::RefCell;
use std::convert::Infallible;
use std::rc::Rc;

use plotters::style::RGBColor;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

use crate::scene::{Anchor, Kind, Node, Role, Stroke};

/// The page behind the chart.
pub const BACKGROUND: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// Main text, axes and strong outlines.
pub const INK: RGBColor = RGBColor(0x11, 0x18, 0x27);
/// Tick labels and secondary text.
pub const MUTED: RGBColor = RGBColor(0x4b, 0x55, 0x63);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(0xcb, 0xd5, 0xe1);
/// The current point (this scenario).
pub const ACCENT: RGBColor = RGBColor(0xb4, 0x53, 0x09);
/// The soft fill under the traffic curve.
pub const AREA: RGBColor = RGBColor(0xdb, 0xea, 0xfe);
/// Dropped or throttled requests.
pub const DANGER: RGBColor = RGBColor(0xdc, 0x26, 0x26);
/// Something fine.
pub const GOOD: RGBColor = RGBColor(0x15, 0x80, 0x3d);
/// One colour per series (per compute model, in [`crate::sim::ModelKind::ALL`] order). They
/// equal the light palette's colours, so a chart drawn by another backend still looks right.
pub const SERIES: [RGBColor; 5] = [
    RGBColor(0x57, 0x53, 0x4e),
    RGBColor(0x1d, 0x4e, 0xd8),
    RGBColor(0x0f, 0x76, 0x6e),
    RGBColor(0x7e, 0x22, 0xce),
    RGBColor(0xbe, 0x18, 0x5d),
];
/// The dash pattern of each series' lines, so a series is told apart without colour.
pub const DASHES: [Option<&str>; 5] = [
    None,
    Some("10 4"),
    Some("2 3"),
    Some("12 3 3 3"),
    Some("5 5"),
];
/// The dash of the current-point line.
pub const ACCENT_DASH: &str = "6 4";

/// The role and line dash a colour stands for. Fully transparent paints nothing.
pub fn role_of(c: BackendColor) -> (Role, Option<&'static str>) {
    if c.alpha <= 0.0 {
        return (Role::None, None);
    }
    let rgb = RGBColor(c.rgb.0, c.rgb.1, c.rgb.2);
    let series = [
        Role::Series1,
        Role::Series2,
        Role::Series3,
        Role::Series4,
        Role::Series5,
    ];
    if let Some(i) = SERIES.iter().position(|s| *s == rgb) {
        return (series[i], DASHES[i]);
    }
    let role = match rgb {
        BACKGROUND => Role::Background,
        INK => Role::Ink,
        MUTED => Role::InkMuted,
        GRID => Role::Border,
        AREA => Role::AreaFill,
        DANGER => Role::Danger,
        GOOD => Role::Good,
        ACCENT => return (Role::Accent, Some(ACCENT_DASH)),
        _ => Role::Ink,
    };
    (role, None)
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11ff | 0x2e80..=0x9fff | 0xa960..=0xa97f | 0xac00..=0xd7ff
        | 0xf900..=0xfaff | 0xfe30..=0xfe4f | 0xff00..=0xff60 | 0xffe0..=0xffe6)
}

/// Estimated width in px of `text` at `size` px: 0.55 em per narrow character, 1 em per
/// Hangul or CJK character. Deterministic on every target, so the screen and the CLI lay out
/// a chart identically.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { size } else { 0.55 * size })
        .sum()
}

/// Where a backend's nodes go: a stack of open groups over the finished top-level nodes.
/// Shared (`Rc<RefCell<_>>`) between the backend, which plotters owns, and the chart code,
/// which opens groups with ids and adds nodes of its own.
#[derive(Debug, Default)]
pub struct Sink {
    open: Vec<Node>,
    nodes: Vec<Node>,
}

impl Sink {
    /// Adds a node to the innermost open group (or the top level).
    pub fn push(&mut self, node: Node) {
        match self.open.last_mut() {
            Some(Node {
                kind: Kind::Group { children },
                ..
            }) => children.push(node),
            _ => self.nodes.push(node),
        }
    }

    /// Opens a group; later nodes go into it until [`Sink::end`]. `group` should be a
    /// [`Node::group`] (with its id, class or title set).
    pub fn begin(&mut self, group: Node) {
        self.open.push(group);
    }

    /// Closes the innermost group.
    pub fn end(&mut self) {
        if let Some(g) = self.open.pop() {
            self.push(g);
        }
    }

    /// Closes every open group and returns the nodes.
    pub fn finish(&mut self) -> Vec<Node> {
        while !self.open.is_empty() {
            self.end();
        }
        std::mem::take(&mut self.nodes)
    }
}

/// A plotters backend drawing into a [`Sink`].
#[derive(Debug)]
pub struct SceneBackend {
    width: u32,
    height: u32,
    sink: Rc<RefCell<Sink>>,
}

impl SceneBackend {
    /// A backend of `width` × `height` px writing into `sink`.
    pub fn new(width: u32, height: u32, sink: Rc<RefCell<Sink>>) -> SceneBackend {
        SceneBackend {
            width,
            height,
            sink,
        }
    }

    fn push(&self, node: Node) {
        self.sink.borrow_mut().push(node);
    }
}

fn stroke_of<S: BackendStyle>(style: &S, dashed: bool) -> Option<Stroke> {
    let (role, dash) = role_of(style.color());
    (role != Role::None).then(|| Stroke {
        role,
        width: f64::from(style.stroke_width().max(1)),
        dash: if dashed { dash } else { None },
    })
}

fn pt((x, y): BackendCoord) -> (f64, f64) {
    (f64::from(x), f64::from(y))
}

/// Adds `p` to a polyline, leaving out what draws nothing: a repeated point (plotters repeats
/// one where a series is flat at pixel scale) and the middle of three points in a row along one
/// pixel row or column. A flat series is then two points instead of hundreds, so a slider input
/// writes, sends and parses a short `d` for it.
pub(super) fn push_point(points: &mut Vec<(f64, f64)>, p: (f64, f64)) {
    let n = points.len();
    if points.last() == Some(&p) {
        return;
    }
    if n >= 2 {
        let (a, b) = (points[n - 2], points[n - 1]);
        let between = |a: f64, b: f64, c: f64| (a <= b && b <= c) || (a >= b && b >= c);
        if (a.1 == b.1 && b.1 == p.1 && between(a.0, b.0, p.0))
            || (a.0 == b.0 && b.0 == p.0 && between(a.1, b.1, p.1))
        {
            points[n - 1] = p;
            return;
        }
    }
    points.push(p);
}

type Res = Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for SceneBackend {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn ensure_prepared(&mut self) -> Res {
        Ok(())
    }

    fn present(&mut self) -> Res {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res {
        let (role, _) = role_of(color);
        if role != Role::None {
            let (x, y) = pt(point);
            self.push(Node::rect(x, y, 1.0, 1.0, role));
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Res {
        if let Some(stroke) = stroke_of(style, true) {
            let ((x1, y1), (x2, y2)) = (pt(from), pt(to));
            self.push(Node::line(x1, y1, x2, y2, stroke));
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Res {
        let ((x1, y1), (x2, y2)) = (pt(upper_left), pt(bottom_right));
        let (x, y, w, h) = (x1.min(x2), y1.min(y2), (x2 - x1).abs(), (y2 - y1).abs());
        if fill {
            let (role, _) = role_of(style.color());
            if role != Role::None {
                self.push(Node::rect(x, y, w, h, role));
            }
        } else if let Some(stroke) = stroke_of(style, false) {
            self.push(Node::rect(x, y, w, h, Role::None).stroke(stroke));
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Res {
        if let Some(stroke) = stroke_of(style, true) {
            let mut points: Vec<(f64, f64)> = Vec::new();
            for p in path {
                push_point(&mut points, pt(p));
            }
            if points.len() >= 2 {
                self.push(Node::polyline(points, stroke));
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Res {
        let (cx, cy) = pt(center);
        let r = f64::from(radius);
        if fill {
            let (role, _) = role_of(style.color());
            if role != Role::None {
                self.push(Node::circle(cx, cy, r, role));
            }
        } else if let Some(stroke) = stroke_of(style, false) {
            self.push(Node::circle(cx, cy, r, Role::None).stroke(stroke));
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Res {
        let (role, _) = role_of(style.color());
        let mut points: Vec<(f64, f64)> = Vec::new();
        for p in vert {
            push_point(&mut points, pt(p));
        }
        if role != Role::None && points.len() >= 3 {
            self.push(Node::polygon(points, role));
        }
        Ok(())
    }

    /// Text becomes one `<text>`; the anchor point maps to `text-anchor` and a baseline. Rotated
    /// text is drawn unrotated (the charts put axis titles horizontally).
    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Res {
        let (role, _) = role_of(style.color());
        if role == Role::None || text.is_empty() {
            return Ok(());
        }
        let size = if style.size().is_finite() && style.size() > 0.0 {
            style.size()
        } else {
            12.0
        };
        let anchor = style.anchor();
        let (x, y) = pt(pos);
        let y = match anchor.v_pos {
            VPos::Top => y + 0.8 * size,
            VPos::Center => y + 0.35 * size,
            VPos::Bottom => y - 0.2 * size,
        };
        let mut node = Node::text(x, y, text, size, role).anchor(match anchor.h_pos {
            HPos::Left => Anchor::Start,
            HPos::Center => Anchor::Middle,
            HPos::Right => Anchor::End,
        });
        if matches!(style.style(), FontStyle::Bold) {
            node = node.bold();
        }
        self.push(node);
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let size = style.size().clamp(1.0, 1000.0);
        Ok((text_width(text, size).ceil() as u32, size.ceil() as u32))
    }
}
