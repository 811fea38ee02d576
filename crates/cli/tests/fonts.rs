//! Every exported picture draws all its text in one font: the first family its `font-family`
//! names, installed on this machine (Debian's `fonts-noto-cjk`, which `make test` installs).
//!
//! LibreOffice takes only the first family of the list; browsers, resvg, rsvg and Inkscape take
//! the first one they have, and for a character that font lacks they borrow a glyph from any
//! other font, at that font's size and weight (the ✗ of a failed module came from DejaVu Sans).
//! So the first family must be the one installed, and it must hold every character: here
//! resvg lays out each picture (every view, both languages, failures, deploys, currencies) and
//! every glyph must come from that family, none missing. `tests/e2e/export.spec.mjs` checks the
//! same in Chromium.

mod common;

/// Scenarios that between them show every kind of text: marks, badges, money in both
/// currencies, notes under charts.
const SCENARIOS: &[&str] = &[
    "fail=payments&cur=krw&pat=batch&peak=3&dur=900000&legacy=1&hl=faas&cell=faas-runtime",
    "deploy=dispatch&peak=3000&pat=flash&t=600&step=4",
    "fail=notifications&pat=bursty&peak=100000",
];

const VIEWS: &[&str] = &[
    "stack",
    "serverless",
    "lanes",
    "traffic",
    "cost",
    "latency",
    "breakeven",
    "monolith",
    "microservices",
];

fn render(view: &str, scenario: &str, lang: &str) -> String {
    let out = common::skyscale(&["render", view, "--scenario", scenario, "--lang", lang]);
    assert!(out.status.success(), "{view} {scenario} {lang}");
    String::from_utf8(out.stdout).unwrap()
}

/// The families of the root's `font-family`, in order.
fn families(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.root_element()
        .attribute("font-family")
        .expect("the root names its fonts")
        .split(',')
        .map(|f| f.trim().trim_matches(['\'', '"']).to_string())
        .collect()
}

/// Every glyph of every text in `group`: (the text it draws, its font's family, glyph id).
fn glyphs(
    group: &resvg::usvg::Group,
    db: &resvg::usvg::fontdb::Database,
    out: &mut Vec<(String, String, u16)>,
) {
    for node in group.children() {
        match node {
            resvg::usvg::Node::Group(g) => glyphs(g, db, out),
            resvg::usvg::Node::Text(t) => {
                for span in t.layouted() {
                    for g in &span.positioned_glyphs {
                        let family = db
                            .face(g.font)
                            .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
                            .unwrap_or_default();
                        out.push((g.text.clone(), family, g.id.0));
                    }
                }
            }
            _ => {}
        }
    }
}

#[test]
fn every_glyph_of_every_picture_comes_from_the_first_font_named() {
    let mut opt = resvg::usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let mut checked = 0;
    for &scenario in SCENARIOS {
        for lang in ["en", "ko"] {
            for &view in VIEWS {
                let name = format!("{view} {scenario} ({lang})");
                let svg = render(view, scenario, lang);
                let first = families(&svg).remove(0);
                assert!(
                    opt.fontdb
                        .faces()
                        .any(|f| f.families.iter().any(|(n, _)| *n == first)),
                    "{name}: the first family, {first}, is not installed (LibreOffice would \
                     use no other)"
                );
                let tree = resvg::usvg::Tree::from_str(&svg, &opt).expect("usvg parses it");
                let mut all = Vec::new();
                glyphs(tree.root(), tree.fontdb(), &mut all);
                assert!(!all.is_empty(), "{name}: no text");
                let strays: Vec<_> = all
                    .iter()
                    .filter(|(_, family, id)| *family != first || *id == 0)
                    .map(|(text, family, id)| format!("{text:?} from {family} (glyph {id})"))
                    .collect();
                assert!(
                    strays.is_empty(),
                    "{name}: not drawn in {first}: {strays:?}"
                );
                checked += all.len();
            }
        }
    }
    assert!(checked > 10_000, "{checked} glyphs");
}
