//! Every exported picture is a safe, standalone file that really draws something: for each view
//! and chart, in both languages, `skyscale render` gives SVG that parses as XML, holds its
//! visible labels, carries no script, event handler, `foreignObject` or outside reference, and
//! renders through resvg to pixels that are not all one colour; PNG output is a real PNG at 2×.

/// Every view `render` knows, with a label each language must show.
const VIEWS: &[(&str, &str, &str)] = &[
    ("stack", "Runtime", "런타임"),
    ("serverless", "Serverless", "서버리스"),
    ("lanes", "On-premises", "온프레미스"),
    ("traffic", "req/s", "요청/초"),
    ("cost", "On-premises", "온프레미스"),
    ("latency", "p95", "p95"),
    ("breakeven", "req/s", "요청/초"),
    ("monolith", "Dispatch", "배차"),
    ("microservices", "Dispatch", "배차"),
];

const SCENARIO: &str = "peak=800&pat=flash";

mod common;
use common::skyscale;

fn render(view: &str, lang: &str, format: &str) -> Vec<u8> {
    let out = skyscale(&[
        "render",
        view,
        "--scenario",
        SCENARIO,
        "--lang",
        lang,
        "--format",
        format,
    ]);
    assert!(
        out.status.success(),
        "{view} {lang} {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The checks every exported SVG must pass; returns its visible text.
fn check_safe(name: &str, svg: &str) -> String {
    assert!(!svg.contains("<script"), "{name}: script");
    assert!(!svg.contains("foreignObject"), "{name}: foreignObject");
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: not XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(root.attribute("viewBox").is_some(), "{name}: viewBox");
    for node in doc.descendants().filter(|n| n.is_element()) {
        assert_ne!(node.tag_name().name(), "script", "{name}");
        assert_ne!(node.tag_name().name(), "foreignObject", "{name}");
        for attr in node.attributes() {
            assert!(
                !attr.name().to_ascii_lowercase().starts_with("on"),
                "{name}: event handler {}",
                attr.name()
            );
            let v = attr.value().to_ascii_lowercase();
            assert!(
                !v.contains("javascript:") && !v.contains("url(http"),
                "{name}: {}={v}",
                attr.name()
            );
            if attr.name() == "href" || v.starts_with("http") {
                assert!(
                    v == "http://www.w3.org/2000/svg",
                    "{name}: outside reference {}={v}",
                    attr.name()
                );
            }
        }
    }
    // No http(s) reference anywhere other than the SVG namespace.
    let rest = svg.replace("http://www.w3.org/2000/svg", "");
    assert!(
        !rest.contains("http://") && !rest.contains("https://"),
        "{name}: http reference"
    );
    doc.descendants()
        .filter(|n| n.has_tag_name("text") || n.has_tag_name("title"))
        .flat_map(|n| n.children().filter_map(|c| c.text()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Renders SVG text to pixels and checks they are not all the same.
fn check_not_blank(name: &str, svg: &str) {
    let mut opt = resvg::usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let tree = resvg::usvg::Tree::from_str(svg, &opt).expect("usvg parses it");
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    let pixels = pixmap.pixels();
    let first = pixels[0];
    let differing = pixels.iter().filter(|p| **p != first).count();
    assert!(
        differing > pixels.len() / 200,
        "{name}: blank picture ({differing} of {} pixels differ)",
        pixels.len()
    );
}

#[test]
fn every_view_exports_safe_labelled_svg_that_renders() {
    for &(view, en, ko) in VIEWS {
        for (lang, label) in [("en", en), ("ko", ko)] {
            let name = format!("{view}/{lang}");
            let svg = String::from_utf8(render(view, lang, "svg")).unwrap();
            let text = check_safe(&name, &svg);
            assert!(text.contains(label), "{name}: no “{label}” in {text}");
            check_not_blank(&name, &svg);
        }
    }
}

#[test]
fn dark_theme_is_an_option_and_light_is_the_default() {
    let light = String::from_utf8(render("stack", "en", "svg")).unwrap();
    let out = skyscale(&["render", "stack", "--theme", "dark"]);
    assert!(out.status.success());
    let dark = String::from_utf8(out.stdout).unwrap();
    assert!(light.contains("fill=\"#ffffff\""));
    assert!(dark.contains("fill=\"#0f172a\""));
    check_safe("stack/dark", &dark);
}

#[test]
fn png_is_a_real_picture_at_twice_the_size() {
    for view in ["stack", "lanes", "cost"] {
        let svg = String::from_utf8(render(view, "ko", "svg")).unwrap();
        let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
        let png = render(view, "ko", "png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{view}");
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("decodes");
        assert_eq!(
            pixmap.width(),
            (tree.size().width() * 2.0).ceil() as u32,
            "{view}"
        );
        let first = pixmap.pixels()[0];
        assert!(pixmap.pixels().iter().any(|p| *p != first), "{view}: blank");
    }
}

#[test]
fn charts_export_csv_and_other_views_refuse_it() {
    let bytes = render("cost", "ko", "csv");
    // The UTF-8 byte-order mark first: without it Excel shows the Korean headers as mojibake.
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(csv.starts_with("시각 (HH:MM),"), "{csv}");
    assert!(csv.lines().count() > 10, "{csv}");
    assert!(csv.contains("\r\n"));
    let out = skyscale(&["render", "stack", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim().lines().count(),
        1
    );
}

#[test]
fn hostile_scenarios_stay_inert() {
    for view in ["stack", "lanes", "monolith"] {
        let out = skyscale(&[
            "render",
            view,
            "--scenario",
            "vm=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&fail=%3Cimg%20onerror=x%3E&lang=ko",
        ]);
        assert!(out.status.success());
        check_safe(view, &String::from_utf8(out.stdout).unwrap());
    }
}
