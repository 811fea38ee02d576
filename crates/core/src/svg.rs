//! The one SVG writer: renders a [`Scene`] for the screen or as a standalone file.
//!
//! Both targets come from the same walk over the same tree, so the screen and the export can
//! only differ in what a file must carry (XML declaration, `xmlns`, `<desc>`, a background) or
//! must not (focus and ARIA hooks for the app). The file output keeps to the subset Inkscape,
//! PowerPoint and Google Slides all read: presentation attributes instead of CSS, plain
//! `<text>` (never `<foreignObject>`), no scripts, no external references, no CSS variables.
//!
//! ```
//! use skyscale_core::scene::{Node, Role, Scene};
//! use skyscale_core::svg::{write, Options};
//! let mut scene = Scene::new(100.0, 40.0, "Hi", "A greeting.");
//! scene.push(Node::text(10.0, 25.0, "<hello>", 14.0, Role::Ink));
//! let file = write(&scene, &Options::file());
//! assert!(file.starts_with("<?xml"));
//! assert!(file.contains("&lt;hello&gt;"));
//! ```

use std::fmt::Write as _;

use crate::scene::{Anchor, Kind, Node, Role, Scene, Shape, Stroke};

/// Fonts listed on every picture: Korean-capable families first so Hangul renders wherever the
/// file is opened, then the platform default sans-serif. First the name Linux distributions
/// install the Korean Noto font under (`fonts-noto-cjk` on Debian/Ubuntu, `google-noto-sans-cjk`
/// on Fedora, `noto-fonts-cjk` on Arch), because LibreOffice uses only the first family it is
/// given: with `Noto Sans KR` (the Google Fonts download of the same design) first, it drew
/// Latin in DejaVu Sans and Hangul in Noto Sans CJK JP. Then that name, Apple SD Gothic Neo
/// (macOS, iOS) and Malgun Gothic (Windows). Every character a picture writes is in all of
/// them (status marks are shapes, see [`crate::scene::Mark`]), so no glyph comes from a
/// fallback font at another size.
pub const FONT_FAMILY: &str =
    "'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Which colours a [`Role`] becomes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Palette {
    #[default]
    Light,
    Dark,
}

impl Palette {
    /// The concrete colour of `role` in this palette. Every ink/fill pair below meets WCAG AA
    /// contrast (4.5:1 for text) in both palettes.
    pub fn color(self, role: Role) -> &'static str {
        use Role::*;
        match (self, role) {
            (_, None) => "none",
            (Palette::Light, Background) => "#ffffff",
            (Palette::Light, Ink) => "#111827",
            (Palette::Light, InkMuted) => "#4b5563",
            (Palette::Light, Border) => "#cbd5e1",
            (Palette::Light, You) => "#1e40af",
            (Palette::Light, YouInk) => "#ffffff",
            (Palette::Light, Provider) => "#f1f5f9",
            (Palette::Light, ProviderLine) => "#64748b",
            (Palette::Light, ProviderInk) => "#1f2937",
            (Palette::Light, Accent) => "#b45309",
            // Chart series and states: at least 3:1 (WCAG non-text contrast) against the
            // background, and against `AreaFill`, in both palettes.
            (Palette::Light, Series1) => "#57534e",
            (Palette::Light, Series2) => "#1d4ed8",
            (Palette::Light, Series3) => "#0f766e",
            (Palette::Light, Series4) => "#7e22ce",
            (Palette::Light, Series5) => "#be185d",
            (Palette::Light, Danger) => "#dc2626",
            (Palette::Light, Good) => "#15803d",
            (Palette::Light, AreaFill) => "#dbeafe",
            (Palette::Dark, Background) => "#0f172a",
            (Palette::Dark, Ink) => "#f1f5f9",
            (Palette::Dark, InkMuted) => "#cbd5e1",
            (Palette::Dark, Border) => "#334155",
            (Palette::Dark, You) => "#93c5fd",
            (Palette::Dark, YouInk) => "#0b1220",
            (Palette::Dark, Provider) => "#1e293b",
            (Palette::Dark, ProviderLine) => "#94a3b8",
            (Palette::Dark, ProviderInk) => "#e2e8f0",
            (Palette::Dark, Accent) => "#fbbf24",
            (Palette::Dark, Series1) => "#d6d3d1",
            (Palette::Dark, Series2) => "#60a5fa",
            (Palette::Dark, Series3) => "#2dd4bf",
            (Palette::Dark, Series4) => "#c084fc",
            (Palette::Dark, Series5) => "#f472b6",
            (Palette::Dark, Danger) => "#f87171",
            (Palette::Dark, Good) => "#4ade80",
            (Palette::Dark, AreaFill) => "#1e3a5f",
        }
    }
}

/// Where the SVG goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Target {
    /// A standalone `.svg` file (export, CLI).
    #[default]
    File,
    /// Inline in the app's page: no XML declaration, interactive nodes get focus/ARIA hooks.
    Screen,
}

/// How to write a scene.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub target: Target,
    pub palette: Palette,
}

impl Options {
    /// A standalone file in the light palette (the export default).
    pub fn file() -> Options {
        Options::default()
    }

    /// Inline SVG for the screen in `palette`.
    pub fn screen(palette: Palette) -> Options {
        Options {
            target: Target::Screen,
            palette,
        }
    }
}

/// Renders `scene` as SVG text.
pub fn write(scene: &Scene, opts: &Options) -> String {
    let mut out = String::with_capacity(16 * 1024);
    write_head(&mut out, scene, opts);
    for node in &scene.children {
        write_node(&mut out, node, opts, 0);
    }
    out.push_str("</svg>\n");
    out
}

/// The start of [`write`]'s output, one line each: (for a file, the XML declaration), the
/// `<svg>` open tag, `<title>`, `<desc>` and the background `<rect>`.
pub fn head(scene: &Scene, opts: &Options) -> String {
    let mut out = String::with_capacity(512);
    write_head(&mut out, scene, opts);
    out
}

fn write_head(out: &mut String, scene: &Scene, opts: &Options) {
    let file = opts.target == Target::File;
    let (w, h) = (N(scene.width), N(scene.height));
    if file {
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    let _ = write!(
        out,
        "<svg xmlns=\"{SVG_NS}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"{}\"",
        FONT_FAMILY
    );
    if file {
        out.push_str(" version=\"1.1\">\n");
    } else {
        let _ = writeln!(
            out,
            " role=\"group\" aria-labelledby=\"{}\" class=\"scene\">",
            title_id(scene)
        );
    }
    let _ = writeln!(
        out,
        "<title{}>{}</title>",
        title_id_attr(scene, file),
        esc(&scene.title)
    );
    let _ = writeln!(out, "<desc>{}</desc>", esc(&scene.desc));
    let _ = writeln!(
        out,
        "<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
        opts.palette.color(Role::Background)
    );
}

/// The markup of one node and its descendants, exactly as [`write`] puts it in a whole scene
/// (for redrawing part of a scene in place; see [`crate::patch`]).
pub fn node_markup(node: &Node, opts: &Options) -> String {
    let mut out = String::with_capacity(256);
    write_node(&mut out, node, opts, 0);
    out
}

fn write_node(out: &mut String, node: &Node, opts: &Options, depth: usize) {
    let p = opts.palette;
    for _ in 0..depth {
        out.push(' ');
    }
    let tag = match &node.kind {
        Kind::Group { .. } => "g",
        Kind::Rect { .. } => "rect",
        Kind::Circle { .. } => "circle",
        Kind::Line { .. } => "line",
        Kind::Path { .. } | Kind::Stamp { .. } => "path",
        Kind::Text { .. } => "text",
    };
    out.push('<');
    out.push_str(tag);
    if let Some(id) = &node.meta.id {
        let _ = write!(out, " id=\"{}\"", safe_id(id));
    }
    if let Some(class) = &node.meta.class {
        let _ = write!(out, " class=\"{}\"", esc(class));
    }
    if opts.target == Target::Screen && node.meta.decorative {
        out.push_str(" aria-hidden=\"true\"");
    }
    if opts.target == Target::Screen && node.meta.interactive {
        out.push_str(" tabindex=\"0\" role=\"button\"");
        if let Some(title) = &node.meta.title {
            let _ = write!(out, " aria-label=\"{}\"", esc(title));
        }
    }
    match &node.kind {
        Kind::Group { .. } => {}
        Kind::Rect {
            x,
            y,
            width,
            height,
            radius,
            fill,
            stroke,
        } => {
            let _ = write!(
                out,
                " x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                N(*x),
                N(*y),
                N(width.max(0.0)),
                N(height.max(0.0))
            );
            if *radius > 0.0 {
                let _ = write!(out, " rx=\"{}\"", N(*radius));
            }
            paint(out, p, *fill, *stroke);
        }
        Kind::Circle {
            cx,
            cy,
            r,
            fill,
            stroke,
        } => {
            let _ = write!(
                out,
                " cx=\"{}\" cy=\"{}\" r=\"{}\"",
                N(*cx),
                N(*cy),
                N(r.max(0.0))
            );
            paint(out, p, *fill, *stroke);
        }
        Kind::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
        } => {
            let _ = write!(
                out,
                " x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"",
                N(*x1),
                N(*y1),
                N(*x2),
                N(*y2)
            );
            paint(out, p, Role::None, Some(*stroke));
        }
        Kind::Path { fill, stroke, .. } => {
            out.push_str(" d=\"");
            write_path_data(out, &node.kind);
            out.push('"');
            paint(out, p, *fill, *stroke);
            if stroke.is_some() {
                out.push_str(" stroke-linejoin=\"round\"");
            }
        }
        Kind::Stamp { fill, stroke, .. } => {
            out.push_str(" d=\"");
            write_path_data(out, &node.kind);
            out.push('"');
            paint(out, p, *fill, *stroke);
        }
        Kind::Text {
            x,
            y,
            size,
            bold,
            anchor,
            fill,
            ..
        } => {
            let _ = write!(
                out,
                " x=\"{}\" y=\"{}\" font-size=\"{}\"",
                N(*x),
                N(*y),
                N(*size)
            );
            if *bold {
                out.push_str(" font-weight=\"bold\"");
            }
            match anchor {
                Anchor::Start => {}
                Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
                Anchor::End => out.push_str(" text-anchor=\"end\""),
            }
            let _ = write!(out, " fill=\"{}\"", p.color(*fill));
        }
    }
    let children: &[Node] = match &node.kind {
        Kind::Group { children } => children,
        _ => &[],
    };
    let text = match &node.kind {
        Kind::Text { text, .. } => Some(text),
        _ => None,
    };
    if node.meta.title.is_none() && children.is_empty() && text.is_none() {
        out.push_str("/>\n");
        return;
    }
    out.push('>');
    if let Some(title) = &node.meta.title {
        // On screen an interactive node is named by its `aria-label`; its `<title>` stays as
        // the mouse's tooltip but is hidden from the name check, which otherwise counts it as
        // visible text the name must contain (axe `label-content-name-mismatch`, WCAG 2.5.3).
        let hidden = opts.target == Target::Screen && node.meta.interactive;
        let attr = if hidden { " aria-hidden=\"true\"" } else { "" };
        let _ = write!(out, "<title{attr}>{}</title>", esc(title));
    }
    if let Some(text) = text {
        out.push_str(&esc(text));
    }
    if !children.is_empty() {
        out.push('\n');
        for child in children {
            write_node(out, child, opts, depth + 1);
        }
        for _ in 0..depth {
            out.push(' ');
        }
    }
    let _ = writeln!(out, "</{tag}>");
}

/// A path's or a stamp's `d` (nothing for other kinds).
pub fn path_data(kind: &Kind) -> String {
    let mut out = String::new();
    write_path_data(&mut out, kind);
    out
}

fn write_path_data(out: &mut String, kind: &Kind) {
    match kind {
        Kind::Path { points, closed, .. } => write_points(out, points.iter().copied(), *closed),
        Kind::Stamp { at, shape, .. } => {
            for &(x, y) in at {
                write_stamp(out, shape, x, y);
            }
        }
        _ => {}
    }
}

/// One copy of `shape` at (`x`, `y`) as path data: an absolute move, then relative segments
/// (short, and the same text wherever the copy lands but for the move).
fn write_stamp(out: &mut String, shape: &Shape, x: f64, y: f64) {
    match shape {
        Shape::Rect {
            width,
            height,
            radius,
        } => {
            let (w, h) = (width.max(0.0), height.max(0.0));
            let r = radius.clamp(0.0, w.min(h) / 2.0);
            let (iw, ih) = (w - 2.0 * r, h - 2.0 * r);
            let _ = write!(out, "M{} {}h{}", N(x + r), N(y), N(iw));
            if r > 0.0 {
                // Quarter circles, clockwise from the top edge.
                let r = N(r);
                let _ = write!(
                    out,
                    "a{r} {r} 0 0 1 {r} {r}v{}a{r} {r} 0 0 1 -{r} {r}h{}a{r} {r} 0 0 1 -{r} -{r}v{}a{r} {r} 0 0 1 {r} -{r}z",
                    N(ih),
                    N(-iw),
                    N(-ih)
                );
            } else {
                let _ = write!(out, "v{}h{}z", N(ih), N(-iw));
            }
        }
        Shape::Polygon(points) => {
            write_points(out, points.iter().map(|(dx, dy)| (x + dx, y + dy)), true);
        }
    }
}

/// Path data through `points` (a move, then lines), closed with `Z` when `closed`.
fn write_points(out: &mut String, points: impl Iterator<Item = (f64, f64)>, closed: bool) {
    for (i, (x, y)) in points.enumerate() {
        out.push_str(if i == 0 { "M" } else { " L" });
        push_num(out, x);
        out.push(' ');
        push_num(out, y);
    }
    if closed {
        out.push_str(" Z");
    }
}

fn paint(out: &mut String, p: Palette, fill: Role, stroke: Option<Stroke>) {
    let _ = write!(out, " fill=\"{}\"", p.color(fill));
    if let Some(s) = stroke {
        let _ = write!(
            out,
            " stroke=\"{}\" stroke-width=\"{}\"",
            p.color(s.role),
            N(s.width)
        );
        if let Some(dash) = s.dash {
            let _ = write!(out, " stroke-dasharray=\"{}\"", esc(dash));
        }
    }
}

/// Formats a coordinate: at most two decimals, no trailing zeros, never `NaN`, `inf` or `-0`
/// (non-finite values become 0 so a bad number can never break a file).
pub fn num(v: f64) -> String {
    let mut s = String::with_capacity(12);
    push_num(&mut s, v);
    s
}

/// Appends [`num`]'s form of `v` to `out`, without the formatting machinery: a chart writes
/// thousands of coordinates on every slider input.
pub fn push_num(out: &mut String, v: f64) {
    let mut buf = [0u8; NUM_MAX];
    out.push_str(num_str(&mut buf, v));
}

/// [`num`]'s form as a `Display` value, written straight into the output (no temporary
/// string per coordinate).
#[derive(Clone, Copy)]
struct N(f64);

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut buf = [0u8; NUM_MAX];
        f.write_str(num_str(&mut buf, self.0))
    }
}

/// The longest number [`num_str`] writes: a sign, 13 digits, a point and 2 decimals.
const NUM_MAX: usize = 17;

/// `v` to at most two decimals, trailing zeros dropped, `0` for anything unusable, written
/// into the end of `buf` by integer arithmetic (several times faster than `{:.2}`).
fn num_str(buf: &mut [u8; NUM_MAX], v: f64) -> &str {
    // From ±1e15 hundredths on the digits would not fit the buffer; such coordinates never
    // occur in a drawing, so they are treated like the other unusable values.
    let hundredths = (v * 100.0).round();
    if !hundredths.is_finite() || hundredths == 0.0 || hundredths.abs() >= 1e15 {
        return "0";
    }
    let h = hundredths.abs() as u64;
    let mut at = NUM_MAX;
    let mut put = |b: u8| {
        at -= 1;
        buf[at] = b;
    };
    let (mut int, frac) = (h / 100, h % 100);
    if frac != 0 {
        if frac % 10 != 0 {
            put(b'0' + (frac % 10) as u8);
        }
        put(b'0' + (frac / 10) as u8);
        put(b'.');
    }
    loop {
        put(b'0' + (int % 10) as u8);
        int /= 10;
        if int == 0 {
            break;
        }
    }
    if hundredths < 0.0 {
        put(b'-');
    }
    // Only ASCII digits, '.' and '-' were written.
    std::str::from_utf8(&buf[at..]).unwrap_or("0")
}

/// Escapes text for XML content and attribute values. All five special characters are
/// escaped, so user text can never close a tag or an attribute.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab/newline are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The id of an on-screen scene's `<title>`: unique per title, so a page showing several
/// diagrams never repeats an id.
fn title_id(scene: &Scene) -> String {
    // FNV-1a: tiny, stable across builds and platforms.
    let hash = scene.title.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("scene-title-{:08x}", hash as u32)
}

fn title_id_attr(scene: &Scene, file: bool) -> String {
    if file {
        String::new()
    } else {
        format!(" id=\"{}\"", title_id(scene))
    }
}

/// Keeps an id to `[A-Za-z0-9_-]` so it is valid in XML, CSS selectors and URLs.
fn safe_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Node;

    fn check_num(v: f64, expected: &str) {
        assert_eq!(num(v), expected, "{v}");
    }

    #[test]
    fn numbers_are_short_and_always_finite() {
        check_num(1.0, "1");
        check_num(1.5, "1.5");
        check_num(1.234, "1.23");
        check_num(-0.001, "0");
        check_num(f64::NAN, "0");
        check_num(f64::INFINITY, "0");
        check_num(-12.5, "-12.5");
        check_num(0.05, "0.05");
        check_num(-0.1, "-0.1");
        check_num(1234.999, "1235");
        check_num(1e300, "0");
        check_num(0.004, "0");
        check_num(99.995, "100");
        check_num(9_999_999_999_999.99, "9999999999999.99");
        check_num(-9_999_999_999_999.99, "-9999999999999.99");
        check_num(1e13, "0");
    }

    proptest::proptest! {
        /// The digit writer says what `{:.2}` says, minus trailing zeros (and `-0` is `0`).
        #[test]
        fn numbers_match_two_decimal_formatting(v in -1e13f64..1e13) {
            let h = (v * 100.0).round();
            let reference = if h == 0.0 {
                "0".to_string()
            } else {
                let s = format!("{:.2}", h / 100.0);
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            };
            proptest::prop_assert_eq!(num(v), reference);
        }
    }

    #[test]
    fn hostile_text_is_inert_in_files_and_on_screen() {
        let hostile = "\"><svg onload=alert(1)><script>alert(2)</script> javascript:x";
        let mut scene = Scene::new(100.0, 100.0, hostile, hostile);
        scene.push(
            Node::text(0.0, 10.0, hostile, 10.0, Role::Ink)
                .id(hostile)
                .class(hostile)
                .title(hostile)
                .interactive(),
        );
        for opts in [Options::file(), Options::screen(Palette::Dark)] {
            let svg = write(&scene, &opts);
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("<svg onload"), "{svg}");
            let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
            for node in doc.descendants() {
                for attr in node.attributes() {
                    assert!(
                        !attr.name().starts_with("on"),
                        "event handler {}",
                        attr.name()
                    );
                }
                assert_ne!(node.tag_name().name(), "script");
            }
            let text = doc.descendants().find(|n| n.has_tag_name("text")).unwrap();
            let shown: String = text
                .children()
                .filter(|c| c.is_text())
                .filter_map(|c| c.text())
                .collect();
            assert_eq!(shown, hostile);
        }
    }

    #[test]
    fn file_and_screen_share_the_drawing_but_not_the_hooks() {
        let mut scene = Scene::new(10.0, 10.0, "t", "d");
        scene.push(
            Node::rect(0.0, 0.0, 5.0, 5.0, Role::You)
                .title("cell")
                .interactive(),
        );
        scene.push(
            Node::group(vec![
                Node::text(1.0, 1.0, "×2", 9.0, Role::Ink).decorative(),
            ])
            .title("box")
            .interactive(),
        );
        let file = write(&scene, &Options::file());
        let screen = write(&scene, &Options::screen(Palette::Light));
        // Detail inside a control is hidden from its name on screen, never in a file.
        assert!(screen.contains("<text aria-hidden=\"true\""));
        assert!(file.contains("<text x=\"1\""));
        assert!(file.starts_with("<?xml"));
        assert!(!file.contains("tabindex"));
        assert!(screen.contains("tabindex=\"0\" role=\"button\""));
        // Named by aria-label on screen; the tooltip is no second, visible-text name.
        assert!(screen.contains("aria-label=\"cell\""));
        assert!(screen.contains("><title aria-hidden=\"true\">cell</title>"));
        assert!(file.contains("><title>cell</title>") && !file.contains("aria-hidden"));
        assert!(!screen.starts_with("<?xml"));
        let other = Scene::new(10.0, 10.0, "another", "d");
        assert_ne!(title_id(&scene), title_id(&other));
        assert!(screen.contains(&format!("aria-labelledby=\"{}\"", title_id(&scene))));
        assert!(file.contains("<rect x=\"0\" y=\"0\" width=\"5\" height=\"5\" fill=\"#1e40af\">"));
        assert!(screen.contains("width=\"5\" height=\"5\" fill=\"#1e40af\">"));
    }
}
