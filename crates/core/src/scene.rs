//! A `Scene`: a small tree of SVG primitives that scene builders return as plain data.
//!
//! The screen and every exported file are rendered from the same `Scene` by
//! [`crate::svg::write`], so what a person exports is what they saw. Builders never write SVG
//! text themselves; they describe shapes with semantic colour [`Role`]s, and the writer resolves
//! those against a light or dark [`crate::svg::Palette`].
//!
//! ```
//! use skyscale_core::scene::{Node, Role, Scene};
//! let mut scene = Scene::new(200.0, 100.0, "A box", "One labelled box.");
//! scene.push(Node::rect(10.0, 10.0, 180.0, 80.0, Role::You).id("box").title("The box"));
//! assert_eq!(scene.texts().count(), 0);
//! ```

/// A semantic colour. The writer maps it to a concrete colour for the chosen theme, so a
/// builder never hard-codes a hex value and dark mode needs no second drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// No paint (`none`).
    None,
    /// The page behind the diagram.
    Background,
    /// Main text and strong lines.
    Ink,
    /// Secondary text.
    InkMuted,
    /// Thin separators and outlines.
    Border,
    /// Cells the user manages: fill, and the ink drawn on it.
    You,
    YouInk,
    /// Cells the provider manages: fill, outline, and the ink drawn on it.
    Provider,
    ProviderLine,
    ProviderInk,
    /// Highlights (selected column, current point on a chart).
    Accent,
    /// Chart series, one per compute model (on-premises, fixed VMs, autoscaled VMs,
    /// containers, functions). Charts never rely on these alone: each series also has its own
    /// dash pattern and marker shape.
    Series1,
    Series2,
    Series3,
    Series4,
    Series5,
    /// Something lost: dropped or throttled requests, limits broken.
    Danger,
    /// Something fine: a saving, a workload that fits.
    Good,
    /// A soft fill behind chart lines (the traffic area); always outlined in a stronger role.
    AreaFill,
}

/// Horizontal text alignment (`text-anchor`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Anchor {
    #[default]
    Start,
    Middle,
    End,
}

/// Attributes any node may carry: a stable `id`, CSS classes (hooks for the app's styling and
/// the tests), an accessible `<title>`, and whether the app should make it focusable/clickable.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub id: Option<String>,
    pub class: Option<String>,
    pub title: Option<String>,
    /// On screen, an interactive node gets `tabindex="0"` and `role="button"`; files never do.
    pub interactive: bool,
    /// On screen, `aria-hidden="true"`: detail drawn inside a control (a count, a badge) that
    /// is not the control's label, which its `aria-label` says in words (WCAG 2.5.3: the name
    /// must hold the visible label, and this is no part of it). Files never carry it.
    pub decorative: bool,
}

/// An outline: colour, width in px, and an optional dash pattern (e.g. `"5 3"`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub role: Role,
    pub width: f64,
    pub dash: Option<&'static str>,
}

/// One primitive or group of the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub meta: Meta,
    pub kind: Kind,
}

/// What a [`Node`] draws.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Group {
        children: Vec<Node>,
    },
    Rect {
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        radius: f64,
        fill: Role,
        stroke: Option<Stroke>,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: Role,
        stroke: Option<Stroke>,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: Stroke,
    },
    /// A polyline or polygon through `points` (closed when `closed`).
    Path {
        points: Vec<(f64, f64)>,
        closed: bool,
        fill: Role,
        stroke: Option<Stroke>,
    },
    /// One `shape` stamped at each of `at` (its origin), drawn as a single `<path>`: a lane's
    /// dozens of instance icons of one state are one element to write, diff, lay out and paint,
    /// and a redraw changes its `d` instead of inserting and removing elements.
    Stamp {
        at: Vec<(f64, f64)>,
        shape: Shape,
        fill: Role,
        stroke: Option<Stroke>,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        size: f64,
        bold: bool,
        anchor: Anchor,
        fill: Role,
    },
}

/// What a [`Kind::Stamp`] repeats, relative to each of its points.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A `width` × `height` rectangle with its top-left corner at the point, corners rounded
    /// by `radius`.
    Rect {
        width: f64,
        height: f64,
        radius: f64,
    },
    /// A closed polygon through these offsets from the point.
    Polygon(Vec<(f64, f64)>),
}

impl Node {
    fn new(kind: Kind) -> Node {
        Node {
            meta: Meta::default(),
            kind,
        }
    }

    /// A group of nodes.
    pub fn group(children: Vec<Node>) -> Node {
        Node::new(Kind::Group { children })
    }

    /// A filled rectangle without outline or rounding.
    pub fn rect(x: f64, y: f64, width: f64, height: f64, fill: Role) -> Node {
        Node::new(Kind::Rect {
            x,
            y,
            width,
            height,
            radius: 0.0,
            fill,
            stroke: None,
        })
    }

    /// A filled circle.
    pub fn circle(cx: f64, cy: f64, r: f64, fill: Role) -> Node {
        Node::new(Kind::Circle {
            cx,
            cy,
            r,
            fill,
            stroke: None,
        })
    }

    /// A straight line.
    pub fn line(x1: f64, y1: f64, x2: f64, y2: f64, stroke: Stroke) -> Node {
        Node::new(Kind::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
        })
    }

    /// A polyline (open) through `points`.
    pub fn polyline(points: Vec<(f64, f64)>, stroke: Stroke) -> Node {
        Node::new(Kind::Path {
            points,
            closed: false,
            fill: Role::None,
            stroke: Some(stroke),
        })
    }

    /// A filled polygon through `points`.
    pub fn polygon(points: Vec<(f64, f64)>, fill: Role) -> Node {
        Node::new(Kind::Path {
            points,
            closed: true,
            fill,
            stroke: None,
        })
    }

    /// `shape` stamped at every point of `at`, filled with `fill` (one `<path>`).
    pub fn stamp(at: Vec<(f64, f64)>, shape: Shape, fill: Role) -> Node {
        Node::new(Kind::Stamp {
            at,
            shape,
            fill,
            stroke: None,
        })
    }

    /// Text at (`x`, `y`) (baseline), `size` px, regular weight, left-aligned, in `fill`.
    pub fn text(x: f64, y: f64, text: impl Into<String>, size: f64, fill: Role) -> Node {
        Node::new(Kind::Text {
            x,
            y,
            text: text.into(),
            size,
            bold: false,
            anchor: Anchor::Start,
            fill,
        })
    }

    /// Sets the `id`.
    pub fn id(mut self, id: impl Into<String>) -> Node {
        self.meta.id = Some(id.into());
        self
    }

    /// Sets the CSS classes (space-separated).
    pub fn class(mut self, class: impl Into<String>) -> Node {
        self.meta.class = Some(class.into());
        self
    }

    /// Sets the accessible `<title>` (a tooltip on screen and in most editors).
    pub fn title(mut self, title: impl Into<String>) -> Node {
        self.meta.title = Some(title.into());
        self
    }

    /// Marks the node as a control on screen (focusable, `role="button"`).
    pub fn interactive(self) -> Node {
        self.interactive_if(true)
    }

    /// [`Node::interactive`] when `on`: a control a locked embed has fixed is left a picture,
    /// so the keyboard does not stop on it.
    pub fn interactive_if(mut self, on: bool) -> Node {
        self.meta.interactive = on;
        self
    }

    /// Marks detail inside a control that is not its label (see [`Meta::decorative`]).
    pub fn decorative(mut self) -> Node {
        self.meta.decorative = true;
        self
    }

    /// Sets the outline of a rect, circle, path or stamp; other kinds ignore it.
    pub fn stroke(mut self, new: Stroke) -> Node {
        match &mut self.kind {
            Kind::Rect { stroke, .. }
            | Kind::Circle { stroke, .. }
            | Kind::Path { stroke, .. }
            | Kind::Stamp { stroke, .. } => *stroke = Some(new),
            Kind::Line { stroke, .. } => *stroke = new,
            Kind::Group { .. } | Kind::Text { .. } => {}
        }
        self
    }

    /// Rounds the corners of a rect; other kinds ignore it.
    pub fn radius(mut self, r: f64) -> Node {
        if let Kind::Rect { radius, .. } = &mut self.kind {
            *radius = r;
        }
        self
    }

    /// Makes text bold; other kinds ignore it.
    pub fn bold(mut self) -> Node {
        if let Kind::Text { bold, .. } = &mut self.kind {
            *bold = true;
        }
        self
    }

    /// Sets the text anchor; other kinds ignore it.
    pub fn anchor(mut self, a: Anchor) -> Node {
        if let Kind::Text { anchor, .. } = &mut self.kind {
            *anchor = a;
        }
        self
    }

    /// This node and all its descendants, depth first.
    pub fn walk(&self) -> Box<dyn Iterator<Item = &Node> + '_> {
        let own = std::iter::once(self);
        match &self.kind {
            Kind::Group { children } => Box::new(own.chain(children.iter().flat_map(Node::walk))),
            _ => Box::new(own),
        }
    }
}

impl Stroke {
    /// A solid outline.
    pub fn solid(role: Role, width: f64) -> Stroke {
        Stroke {
            role,
            width,
            dash: None,
        }
    }

    /// A dashed outline.
    pub fn dashed(role: Role, width: f64, dash: &'static str) -> Stroke {
        Stroke {
            role,
            width,
            dash: Some(dash),
        }
    }
}

/// A status mark drawn as shapes, not as a character: ✓, ✗, ! and ↻ are missing from some
/// Korean fonts (Noto Sans CJK has no ✗ or ↻), and a renderer that falls back to another font
/// for one glyph draws it at that font's size and weight, or not at all. Shapes look the same
/// in every browser, editor and converter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Works (✓).
    Check,
    /// Failed, down (✗).
    Cross,
    /// Works, with a warning (!).
    Alert,
    /// Restarting (↻).
    Restart,
}

impl Mark {
    /// The character the mark stands for (for text that is not a picture: an HTML page,
    /// a terminal), never drawn in a picture.
    pub fn glyph(self) -> &'static str {
        match self {
            Mark::Check => "✓",
            Mark::Cross => "✗",
            Mark::Alert => "!",
            Mark::Restart => "↻",
        }
    }

    /// A CSS class naming the mark.
    pub fn code(self) -> &'static str {
        match self {
            Mark::Check => "check",
            Mark::Cross => "cross",
            Mark::Alert => "alert",
            Mark::Restart => "restart",
        }
    }
}

impl Node {
    /// `mark` centred on (`cx`, `cy`), drawn inside a `size` × `size` px square (at `size` =
    /// the font size it goes with, the mark is about as tall as a capital letter), in `role`:
    /// a group of one or two shapes, class `mark`.
    pub fn mark(mark: Mark, cx: f64, cy: f64, size: f64, role: Role) -> Node {
        let s = if size.is_finite() && size > 0.0 {
            size
        } else {
            1.0
        };
        let at = |x: f64, y: f64| (cx + x * s, cy + y * s);
        let stroke = Stroke::solid(role, 0.17 * s);
        let shapes = match mark {
            Mark::Check => vec![Node::polyline(
                vec![at(-0.36, 0.02), at(-0.1, 0.3), at(0.38, -0.3)],
                stroke,
            )],
            Mark::Cross => {
                // Two bars from corner to corner, as the outline of one filled shape: each
                // arm's end, then the notch where two arms meet (half-width h, reach a).
                let (a, h) = (0.34, 0.085 * std::f64::consts::SQRT_2);
                let n = 0.085 * 2.0;
                let outline = [
                    (0.0, -n),
                    (a - h, -a - h),
                    (a + h, -a + h),
                    (n, 0.0),
                    (a + h, a - h),
                    (a - h, a + h),
                    (0.0, n),
                    (-a + h, a + h),
                    (-a - h, a - h),
                    (-n, 0.0),
                    (-a - h, -a + h),
                    (-a + h, -a - h),
                ];
                vec![Node::polygon(
                    outline.iter().map(|&(x, y)| at(x, y)).collect(),
                    role,
                )]
            }
            Mark::Alert => vec![
                Node::rect(cx - 0.09 * s, cy - 0.42 * s, 0.18 * s, 0.52 * s, role).radius(0.09 * s),
                Node::circle(cx, cy + 0.33 * s, 0.1 * s, role),
            ],
            Mark::Restart => {
                // An open circle, clockwise from the right round to the top, with an arrow
                // head there pointing on round (the gap at the upper right, as in ↻). `libm`,
                // not `f64::cos`: the same last bit in the app (wasm) and the CLI (native).
                let r = 0.3;
                let (from, to) = (-20f64.to_radians(), 270f64.to_radians());
                let arc = (0..=12)
                    .map(|i| {
                        let a = from + (to - from) * f64::from(i) / 12.0;
                        at(r * libm::cos(a), r * libm::sin(a))
                    })
                    .collect();
                let (ex, ey) = (r * libm::cos(to), r * libm::sin(to));
                // The direction of travel at the end (clockwise in SVG's y-down space), and
                // across it.
                let (tx, ty) = (-libm::sin(to), libm::cos(to));
                let (nx, ny) = (-ty, tx);
                let head = vec![
                    at(ex + 0.24 * tx, ey + 0.24 * ty),
                    at(ex - 0.04 * tx + 0.19 * nx, ey - 0.04 * ty + 0.19 * ny),
                    at(ex - 0.04 * tx - 0.19 * nx, ey - 0.04 * ty - 0.19 * ny),
                ];
                let thin = Stroke::solid(role, 0.14 * s);
                vec![Node::polyline(arc, thin), Node::polygon(head, role)]
            }
        };
        Node::group(shapes).class(format!("mark mark-{}", mark.code()))
    }

    /// This text led by `mark` (drawn as shapes, see [`Mark`]): a group of the mark and the
    /// text that takes over the text's id, class and title. The gap between the two is fixed,
    /// so they never touch or drift apart. A right-aligned or centred text keeps its anchor
    /// through its estimated width ([`crate::chart::backend::text_width`]), so the pair ends
    /// (or is centred) about where the text alone would be. Other kinds come back unchanged.
    pub fn with_mark(self, mark: Mark) -> Node {
        let Node { meta, kind } = self;
        let Kind::Text {
            x,
            y,
            text,
            size,
            bold,
            anchor,
            fill,
        } = kind
        else {
            return Node { meta, kind };
        };
        let lead = 1.15 * size;
        let width = crate::chart::backend::text_width(&text, size);
        let left = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - (lead + width) / 2.0,
            Anchor::End => x - lead - width,
        };
        let children = vec![
            // Centred on the capitals' middle: about 0.36 em above the baseline.
            Node::mark(mark, left + 0.45 * size, y - 0.36 * size, 0.9 * size, fill),
            Node::new(Kind::Text {
                x: left + lead,
                y,
                text,
                size,
                bold,
                anchor: Anchor::Start,
                fill,
            }),
        ];
        Node {
            meta,
            kind: Kind::Group { children },
        }
    }
}

/// A whole picture: its size in px, its `<title>` and `<desc>` (in the scene's language), and
/// its top-level nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub title: String,
    pub desc: String,
    pub children: Vec<Node>,
}

impl Scene {
    /// An empty scene.
    pub fn new(
        width: f64,
        height: f64,
        title: impl Into<String>,
        desc: impl Into<String>,
    ) -> Scene {
        Scene {
            width,
            height,
            title: title.into(),
            desc: desc.into(),
            children: Vec::new(),
        }
    }

    /// Appends a top-level node.
    pub fn push(&mut self, node: Node) {
        self.children.push(node);
    }

    /// Every node, depth first.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().flat_map(Node::walk)
    }

    /// Every visible text string, in drawing order (what a reader of the picture sees).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.nodes().filter_map(|n| match &n.kind {
            Kind::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// The node with this `id`, if any.
    pub fn find(&self, id: &str) -> Option<&Node> {
        self.nodes().find(|n| n.meta.id.as_deref() == Some(id))
    }

    /// How wide (CSS px) the scene must be drawn for its smallest text to come out at `px`
    /// CSS px: a phone scrolls a figure this wide sideways rather than shrink its text below
    /// a readable size. The scene's own width when it has no text.
    pub fn readable_width(&self, px: f64) -> f64 {
        let smallest = self
            .nodes()
            .filter_map(|n| match &n.kind {
                Kind::Text { text, size, .. } if !text.trim().is_empty() => Some(*size),
                _ => None,
            })
            .fold(f64::INFINITY, f64::min);
        if smallest.is_finite() && smallest > 0.0 {
            (self.width * px / smallest).ceil()
        } else {
            self.width
        }
    }
}

/// Rough width of `text` in Latin characters: Hangul and other wide characters count twice.
pub fn text_width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}

/// Splits `text` into lines about `max` Latin characters wide, at spaces (the scene builders'
/// one line-breaker; SVG 1.1 text does not wrap by itself).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && text_width(&line) + 1 + text_width(word) > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_width_draws_the_smallest_text_at_the_size_asked() {
        let mut s = Scene::new(600.0, 100.0, "T", "D");
        assert_eq!(s.readable_width(11.0), 600.0);
        s.push(Node::text(0.0, 10.0, "big", 22.0, Role::Ink));
        assert_eq!(s.readable_width(11.0), 300.0);
        // Nested and small: 600 × 11 / 9 = 733.3 → 734.
        s.push(Node::group(vec![Node::text(
            0.0,
            20.0,
            "DB",
            9.0,
            Role::Ink,
        )]));
        assert_eq!(s.readable_width(11.0), 734.0);
        // Empty texts draw nothing.
        s.push(Node::text(0.0, 30.0, " ", 4.0, Role::Ink));
        assert_eq!(s.readable_width(11.0), 734.0);
    }

    /// Every coordinate a node draws at (points, corners, ends, centres), with its extent.
    fn extent(node: &Node) -> Vec<(f64, f64)> {
        node.walk()
            .flat_map(|n| match &n.kind {
                Kind::Path { points, .. } => points.clone(),
                Kind::Rect {
                    x,
                    y,
                    width,
                    height,
                    ..
                } => vec![(*x, *y), (x + width, y + height)],
                Kind::Circle { cx, cy, r, .. } => vec![(cx - r, cy - r), (cx + r, cy + r)],
                Kind::Line { x1, y1, x2, y2, .. } => vec![(*x1, *y1), (*x2, *y2)],
                _ => Vec::new(),
            })
            .collect()
    }

    #[test]
    fn marks_are_shapes_inside_their_box() {
        for mark in [Mark::Check, Mark::Cross, Mark::Alert, Mark::Restart] {
            let node = Node::mark(mark, 100.0, 50.0, 20.0, Role::Ink);
            assert_eq!(
                node.meta.class.as_deref(),
                Some(&*format!("mark mark-{}", mark.code()))
            );
            let pts = extent(&node);
            assert!(!pts.is_empty(), "{mark:?}");
            for (x, y) in pts {
                assert!(
                    (90.0..=110.0).contains(&x) && (40.0..=60.0).contains(&y),
                    "{mark:?}: ({x}, {y})"
                );
            }
            // No text: the point of a mark is that no font has to have it.
            assert!(
                node.walk().all(|n| !matches!(n.kind, Kind::Text { .. })),
                "{mark:?}"
            );
            // Its character stays for the page.
            assert!(!mark.glyph().is_empty());
        }
    }

    #[test]
    fn a_marked_text_leads_with_its_mark_and_keeps_its_place() {
        let size = 12.0;
        for anchor in [Anchor::Start, Anchor::Middle, Anchor::End] {
            let node = Node::text(200.0, 30.0, "실패 failed", size, Role::Danger)
                .bold()
                .anchor(anchor)
                .id("badge")
                .class("mark-badge")
                .title("why")
                .with_mark(Mark::Cross);
            // The group carries what the text carried.
            assert_eq!(node.meta.id.as_deref(), Some("badge"));
            assert_eq!(node.meta.class.as_deref(), Some("mark-badge"));
            assert_eq!(node.meta.title.as_deref(), Some("why"));
            let Kind::Group { children } = &node.kind else {
                panic!("a group")
            };
            let [mark, text] = &children[..] else {
                panic!("mark and text")
            };
            let Kind::Text {
                x,
                y,
                anchor: a,
                bold,
                fill,
                text: t,
                ..
            } = &text.kind
            else {
                panic!("text second")
            };
            assert_eq!(
                (*a, *bold, *fill, t.as_str(), *y),
                (Anchor::Start, true, Role::Danger, "실패 failed", 30.0)
            );
            assert_eq!(text.meta, Meta::default());
            // The mark ends before the text starts, in the text's colour.
            let right = extent(mark).iter().map(|p| p.0).fold(f64::MIN, f64::max);
            assert!(right < *x, "{anchor:?}: mark to {right}, text from {x}");
            assert!(mark.walk().all(|n| !matches!(
                n.kind,
                Kind::Path {
                    fill: Role::Ink,
                    ..
                }
            )));
            // Where the text alone would have been: its start, middle or end at x = 200.
            let left = extent(mark).iter().map(|p| p.0).fold(f64::MAX, f64::min);
            let end = x + crate::chart::backend::text_width(t, size);
            let expect = match anchor {
                Anchor::Start => (left - 200.0).abs() < size,
                Anchor::Middle => ((left + end) / 2.0 - 200.0).abs() < size,
                Anchor::End => (end - 200.0).abs() < 1e-9,
            };
            assert!(expect, "{anchor:?}: {left}..{end}");
        }
        let plain = Node::rect(0.0, 0.0, 1.0, 1.0, Role::Ink);
        assert_eq!(plain.clone().with_mark(Mark::Check), plain);
    }
}
