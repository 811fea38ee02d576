//! Redrawing a scene in place: the few edits that turn the markup of one [`Scene`] into the
//! markup of the next.
//!
//! Dragging a slider rebuilds a whole scene (a lane diagram or a chart is a few hundred nodes),
//! but most of its nodes come out the same. Handing the browser the whole SVG text again makes
//! it parse, style and lay out every element; [`diff`] instead names only the elements whose
//! markup changed, by their position among the elements [`crate::svg::write`] emits, so the app
//! replaces those and leaves the rest alone. The result on screen is exactly `write(new)`:
//! the tests rebuild the markup from the edits and compare it, element by element.
//!
//! ```
//! use skyscale_core::patch::{Edit, diff};
//! use skyscale_core::scene::{Node, Role, Scene};
//! use skyscale_core::svg::{Options, Palette};
//! let mut a = Scene::new(100.0, 40.0, "T", "D");
//! a.push(Node::text(10.0, 25.0, "one", 14.0, Role::Ink));
//! let mut b = a.clone();
//! b.children[0] = Node::text(10.0, 25.0, "two", 14.0, Role::Ink);
//! let edits = diff(&a, &b, &Options::screen(Palette::Light)).unwrap();
//! // The root <svg> holds <title>, <desc> and the background before the scene's nodes.
//! assert!(matches!(&edits[..], [Edit::Attrs { path, text: Some(t), .. }] if path == &[3] && t == "two"));
//! ```

use crate::scene::{Kind, Node, Scene};
use crate::svg::{self, Options, Target};

/// One change to the drawn SVG. A `path` lists element-child indices from the root `<svg>`
/// (counting every element the writer emits, `<title>`s included); `[]` is the root itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replace the element at `path` with `markup` (one element).
    Replace { path: Vec<usize>, markup: String },
    /// Remove `count` element children of the element at `path`, from element index `index`.
    Remove {
        path: Vec<usize>,
        index: usize,
        count: usize,
    },
    /// Insert `markup` (one or more elements) into the element at `path` before its element
    /// child `index` (at the end when there is none).
    Insert {
        path: Vec<usize>,
        index: usize,
        markup: String,
    },
    /// Change the attributes of the element at `path` (values as plain text, not escaped) and,
    /// when `text` is given, its own text (the text after its `<title>` child, if it has one,
    /// which stays). Far cheaper for a browser than parsing a replacement: a chart's series
    /// keeps its element and gets a new `d`, a lane's counter or `<title>` a new text.
    Attrs {
        path: Vec<usize>,
        set: Vec<(String, String)>,
        remove: Vec<String>,
        text: Option<String>,
    },
}

impl Edit {
    fn text(path: &[usize], text: &str) -> Edit {
        Edit::Attrs {
            path: path.to_vec(),
            set: vec![],
            remove: vec![],
            text: Some(text.to_string()),
        }
    }
}

/// Elements the writer puts in the root `<svg>` before the scene's nodes: `<title>`, `<desc>`
/// and the background `<rect>`.
const ROOT_PREFIX: usize = 3;

/// Past this many edits, rewriting the whole SVG is as cheap as patching it.
const MAX_EDITS: usize = 400;

/// The edits that turn `svg::write(old, opts)` into `svg::write(new, opts)`, or `None` when the
/// whole SVG should be rewritten (nearly everything changed).
pub fn diff(old: &Scene, new: &Scene, opts: &Options) -> Option<Vec<Edit>> {
    let mut edits = Vec::new();
    if old.width != new.width
        || old.height != new.height
        || old.title != new.title
        || old.desc != new.desc
    {
        head(old, new, opts, &mut edits)?;
    }
    let mut path = Vec::new();
    children(
        &old.children,
        &new.children,
        ROOT_PREFIX,
        opts,
        &mut path,
        &mut edits,
    );
    (edits.len() <= MAX_EDITS).then_some(edits)
}

/// Edits for a new size (a chart grows a legend row), title or description: the root
/// `<svg>`'s attributes, `<title>`, `<desc>` and the background. `None` when the head is not one
/// line per element (a title with a line break in it).
fn head(old: &Scene, new: &Scene, opts: &Options, edits: &mut Vec<Edit>) -> Option<()> {
    let (a, b) = (svg::head(old, opts), svg::head(new, opts));
    let lines = |h: &str| -> Option<[String; 4]> {
        let v: Vec<String> = h
            .lines()
            .filter(|l| !l.starts_with("<?xml"))
            .map(str::to_string)
            .collect();
        v.try_into().ok()
    };
    let (a, b) = (lines(&a)?, lines(&b)?);
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        if x == y {
            continue;
        }
        let path = if i == 0 { vec![] } else { vec![i - 1] };
        let (set, remove) = attr_changes(x, y)?;
        let text = match i {
            1 => Some(new.title.clone()),
            2 => Some(new.desc.clone()),
            _ => None,
        };
        edits.push(Edit::Attrs {
            path,
            set,
            remove,
            text,
        });
    }
    Some(())
}

/// Diffs two child lists of one element whose first scene child is element `offset`.
///
/// Children are paired by tag and id (a longest common subsequence), so a chart whose axis
/// gains a tick, or whose series list gains a "dropped" series in the middle, inserts or removes
/// just those elements instead of redrawing everything after them. Edits are listed in the
/// order they apply: removals from the back first, then front to back, so every index is
/// valid at the moment its edit runs.
fn children(
    old: &[Node],
    new: &[Node],
    offset: usize,
    opts: &Options,
    path: &mut Vec<usize>,
    edits: &mut Vec<Edit>,
) {
    let pairs = align(old, new);
    let mut kept = vec![false; old.len()];
    for &(i, _) in &pairs {
        kept[i] = true;
    }
    let mut i = old.len();
    while i > 0 {
        if kept[i - 1] {
            i -= 1;
            continue;
        }
        let end = i;
        while i > 0 && !kept[i - 1] {
            i -= 1;
        }
        edits.push(Edit::Remove {
            path: path.clone(),
            index: offset + i,
            count: end - i,
        });
    }
    let mut pairs = pairs.into_iter().peekable();
    let mut j = 0;
    while j < new.len() {
        if let Some((i, _)) = pairs.next_if(|&(_, pj)| pj == j) {
            path.push(offset + j);
            node(&old[i], &new[j], opts, path, edits);
            path.pop();
            j += 1;
            continue;
        }
        let start = j;
        let mut markup = String::new();
        while j < new.len() && pairs.peek().is_none_or(|&(_, pj)| pj != j) {
            markup.push_str(svg::node_markup(&new[j], opts).trim_end());
            j += 1;
        }
        edits.push(Edit::Insert {
            path: path.clone(),
            index: offset + start,
            markup,
        });
    }
}

/// What pairs two children: their tag and id.
fn key(n: &Node) -> (std::mem::Discriminant<Kind>, Option<&str>) {
    (std::mem::discriminant(&n.kind), n.meta.id.as_deref())
}

/// Past this many cells of the alignment table, children are paired by position instead.
const MAX_ALIGN_CELLS: usize = 16_384;

/// Index pairs `(old, new)`, increasing in both, of children that keep their element.
fn align(old: &[Node], new: &[Node]) -> Vec<(usize, usize)> {
    // Unchanged children at both ends pair by position; the middle is aligned.
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    let mut pairs: Vec<(usize, usize)> = (0..prefix).map(|i| (i, i)).collect();
    if a.len() * b.len() > MAX_ALIGN_CELLS {
        pairs.extend((0..a.len().min(b.len())).map(|i| (prefix + i, prefix + i)));
    } else {
        // lcs[i][j]: the best pairing of a[i..] with b[j..], where a pair of equal children
        // scores 2 and a pair that only shares tag and id scores 1 (so a tick inserted in the
        // middle of an axis pairs the unchanged ticks with each other).
        let w = b.len() + 1;
        let score = |i: usize, j: usize| -> u32 {
            if key(&a[i]) != key(&b[j]) {
                0
            } else if a[i] == b[j] {
                2
            } else {
                1
            }
        };
        let mut lcs = vec![0u32; (a.len() + 1) * w];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                let skip = lcs[(i + 1) * w + j].max(lcs[i * w + j + 1]);
                lcs[i * w + j] = match score(i, j) {
                    0 => skip,
                    s => skip.max(lcs[(i + 1) * w + j + 1] + s),
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let s = score(i, j);
            if s > 0 && lcs[i * w + j] == lcs[(i + 1) * w + j + 1] + s {
                pairs.push((prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    let (old_tail, new_tail) = (old.len() - suffix, new.len() - suffix);
    pairs.extend((0..suffix).map(|k| (old_tail + k, new_tail + k)));
    pairs
}

fn node(old: &Node, new: &Node, opts: &Options, path: &mut Vec<usize>, edits: &mut Vec<Edit>) {
    if old == new {
        return;
    }
    // A group keeps its element when only its descendants or its `<title>` text changed (a
    // lane's title carries its live counts). An interactive group also repeats its title as
    // `aria-label` on screen, so a new title there means a new element.
    if let (Kind::Group { children: a }, Kind::Group { children: b }) = (&old.kind, &new.kind)
        && same_element(old, new, opts)
    {
        if let Some(title) = new.meta.title.as_deref()
            && old.meta.title != new.meta.title
        {
            path.push(0);
            edits.push(Edit::text(path, title));
            path.pop();
        }
        let offset = usize::from(new.meta.title.is_some());
        children(a, b, offset, opts, path, edits);
        return;
    }
    // Most of a slider input's changes are a text's words alone (a lane's count or bill):
    // no markup to write and compare for those.
    if old.meta == new.meta
        && let Some(text) = only_text_changed(&old.kind, &new.kind)
    {
        edits.push(Edit::text(path, text));
        return;
    }
    // A series line or a stamp of markers that moved: only its `d` changes, written once for
    // the new node (the general case below writes both nodes' markup to compare them).
    if old.meta == new.meta && only_points_changed(&old.kind, &new.kind) {
        edits.push(Edit::Attrs {
            path: path.to_vec(),
            set: vec![("d".to_string(), svg::path_data(&new.kind))],
            remove: vec![],
            text: None,
        });
        return;
    }
    let markup = svg::node_markup(new, opts);
    if let Some(edit) = leaf_attrs(old, new, &markup, opts, path) {
        edits.push(edit);
        return;
    }
    edits.push(Edit::Replace {
        path: path.clone(),
        markup,
    });
}

/// Whether two paths (or two stamps) differ in their points and nothing else.
fn only_points_changed(old: &Kind, new: &Kind) -> bool {
    match (old, new) {
        (
            Kind::Path {
                points: p1,
                closed: c1,
                fill: f1,
                stroke: s1,
            },
            Kind::Path {
                points: p2,
                closed: c2,
                fill: f2,
                stroke: s2,
            },
        ) => (c1, f1, s1) == (c2, f2, s2) && p1 != p2,
        (
            Kind::Stamp {
                at: a1,
                shape: h1,
                fill: f1,
                stroke: s1,
            },
            Kind::Stamp {
                at: a2,
                shape: h2,
                fill: f2,
                stroke: s2,
            },
        ) => (h1, f1, s1) == (h2, f2, s2) && a1 != a2,
        _ => false,
    }
}

/// The new text when two texts differ in their words and nothing else.
fn only_text_changed<'a>(old: &Kind, new: &'a Kind) -> Option<&'a str> {
    match (old, new) {
        (
            Kind::Text {
                x,
                y,
                text: t1,
                size,
                bold,
                anchor,
                fill,
            },
            Kind::Text {
                x: x2,
                y: y2,
                text: t2,
                size: size2,
                bold: bold2,
                anchor: anchor2,
                fill: fill2,
            },
        ) if (x, y, size, bold, anchor, fill) == (x2, y2, size2, bold2, anchor2, fill2)
            && t1 != t2 =>
        {
            Some(t2)
        }
        _ => None,
    }
}

/// For two leaves drawn as the same element (same tag, same `<title>`), the attribute and text
/// changes between them.
fn leaf_attrs(
    old: &Node,
    new: &Node,
    new_markup: &str,
    opts: &Options,
    path: &[usize],
) -> Option<Edit> {
    if matches!(old.kind, Kind::Group { .. })
        || std::mem::discriminant(&old.kind) != std::mem::discriminant(&new.kind)
        || old.meta.title != new.meta.title
    {
        return None;
    }
    let (set, remove) = attr_changes(&svg::node_markup(old, opts), new_markup)?;
    let text = match (&old.kind, &new.kind) {
        (Kind::Text { text: t1, .. }, Kind::Text { text: t2, .. }) if t1 != t2 => Some(t2.clone()),
        _ => None,
    };
    Some(Edit::Attrs {
        path: path.to_vec(),
        set,
        remove,
        text,
    })
}

/// Attribute names and values, as [`Edit::Attrs`] sets them.
type Attributes = Vec<(String, String)>;

/// The attributes to set (new or changed, unescaped) and to remove between the first tags of
/// two pieces of the writer's markup.
fn attr_changes(old: &str, new: &str) -> Option<(Attributes, Vec<String>)> {
    let (a, b) = (open_tag(old)?, open_tag(new)?);
    let set = b
        .iter()
        .filter(|kv| !a.contains(kv))
        .map(|(k, v)| (k.to_string(), unescape(v)))
        .collect();
    let remove = a
        .iter()
        .filter(|(k, _)| !b.iter().any(|(k2, _)| k2 == k))
        .map(|(k, _)| k.to_string())
        .collect();
    Some((set, remove))
}

/// The attributes of the first tag of `markup` as the writer wrote them (`name="value"`,
/// values escaped, never containing `"`).
fn open_tag(markup: &str) -> Option<Vec<(&str, &str)>> {
    let end = markup.find('>')?;
    let mut rest = markup.get(1..end)?.trim_end_matches('/');
    rest = rest.split_once(' ').map_or("", |(_tag, attrs)| attrs);
    let mut attrs = Vec::new();
    while let Some((name, after)) = rest.split_once("=\"") {
        let (value, tail) = after.split_once('"')?;
        attrs.push((name.trim(), value));
        rest = tail;
    }
    Some(attrs)
}

/// Undoes [`svg::esc`] for an attribute value.
fn unescape(v: &str) -> String {
    if !v.contains('&') {
        return v.to_string();
    }
    v.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Whether `new` keeps the element drawn for `old`: the same attributes, and a `<title>`
/// child in both or in neither.
fn same_element(old: &Node, new: &Node, opts: &Options) -> bool {
    let (a, b) = (&old.meta, &new.meta);
    let labelled = opts.target == Target::Screen && b.interactive;
    a.id == b.id
        && a.class == b.class
        && a.interactive == b.interactive
        && a.decorative == b.decorative
        && a.title.is_some() == b.title.is_some()
        && (a.title == b.title || !labelled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{Role, Stroke};
    use crate::svg::{Palette, write};

    /// An element tree read from SVG markup (whitespace-only text dropped), to compare the
    /// patched drawing with a fresh one.
    #[derive(Clone, Debug, PartialEq)]
    struct El {
        name: String,
        attrs: Vec<(String, String)>,
        text: String,
        children: Vec<El>,
    }

    fn read(node: roxmltree::Node) -> El {
        El {
            name: node.tag_name().name().to_string(),
            attrs: {
                let mut a: Vec<_> = node
                    .attributes()
                    .map(|a| (a.name().to_string(), a.value().to_string()))
                    .collect();
                a.sort();
                a
            },
            text: node
                .children()
                .filter(|c| c.is_text())
                .filter_map(|c| c.text())
                .collect::<String>()
                .trim()
                .to_string(),
            children: node
                .children()
                .filter(|c| c.is_element())
                .map(read)
                .collect(),
        }
    }

    fn parse(svg: &str) -> El {
        let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
        read(doc.root_element())
    }

    /// Parses one or more sibling elements the way a browser parses an HTML fragment inside
    /// an `<svg>` element.
    fn fragment(markup: &str) -> Vec<El> {
        let wrapped = format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{markup}</svg>");
        parse(&wrapped).children
    }

    fn at<'a>(root: &'a mut El, path: &[usize]) -> &'a mut El {
        path.iter().fold(root, |el, &i| &mut el.children[i])
    }

    fn apply(root: &mut El, edits: &[Edit]) {
        for edit in edits {
            match edit {
                Edit::Replace { path, markup } => {
                    let mut new = fragment(markup);
                    assert_eq!(new.len(), 1, "a replacement is one element");
                    *at(root, path) = new.remove(0);
                }
                Edit::Remove { path, index, count } => {
                    at(root, path).children.drain(*index..*index + *count);
                }
                Edit::Insert {
                    path,
                    index,
                    markup,
                } => {
                    let el = at(root, path);
                    assert!(*index <= el.children.len());
                    el.children.splice(*index..*index, fragment(markup));
                }
                Edit::Attrs {
                    path,
                    set,
                    remove,
                    text,
                } => {
                    let el = at(root, path);
                    el.attrs.retain(|(k, _)| !remove.contains(k));
                    for (k, v) in set {
                        el.attrs.retain(|(k2, _)| k2 != k);
                        el.attrs.push((k.clone(), v.clone()));
                    }
                    el.attrs.sort();
                    if let Some(t) = text {
                        el.text = t.trim().to_string();
                    }
                }
            }
        }
    }

    fn assert_patches(old: &Scene, new: &Scene) -> usize {
        let opts = Options::screen(Palette::Dark);
        let edits = diff(old, new, &opts).expect("patchable");
        let mut drawn = parse(&write(old, &opts));
        apply(&mut drawn, &edits);
        assert_eq!(drawn, parse(&write(new, &opts)));
        edits.len()
    }

    fn dot(x: f64) -> Node {
        Node::circle(x, 5.0, 3.0, Role::Series2).title(format!("dot {x}"))
    }

    fn sample(n: usize, label: &str) -> Scene {
        let mut s = Scene::new(300.0, 100.0, "Lanes", "Test lanes");
        s.push(Node::text(5.0, 10.0, label, 12.0, Role::Ink).id("label"));
        s.push(
            Node::group((0..n).map(|i| dot(i as f64 * 10.0)).collect())
                .class("dots")
                .title("Dots"),
        );
        s.push(Node::group(vec![Node::line(
            0.0,
            0.0,
            n as f64,
            9.0,
            Stroke {
                role: Role::Ink,
                width: 1.0,
                dash: None,
            },
        )]));
        s
    }

    #[test]
    fn equal_scenes_need_no_edits() {
        assert_eq!(assert_patches(&sample(4, "a"), &sample(4, "a")), 0);
    }

    #[test]
    fn a_changed_leaf_is_replaced_alone() {
        let edits = diff(
            &sample(4, "a"),
            &sample(4, "b"),
            &Options::screen(Palette::Light),
        )
        .unwrap();
        assert_eq!(
            edits,
            [Edit::Attrs {
                path: vec![3],
                set: vec![],
                remove: vec![],
                text: Some("b".into())
            }]
        );
        assert_patches(&sample(4, "a"), &sample(4, "b"));
    }

    #[test]
    fn growing_and_shrinking_groups_insert_and_remove_at_the_end() {
        assert_patches(&sample(3, "a"), &sample(7, "a"));
        assert_patches(&sample(7, "a"), &sample(2, "b"));
        assert_patches(&sample(0, "a"), &sample(5, "a"));
        assert_patches(&sample(5, "a"), &sample(0, "a"));
        let edits = diff(&sample(3, "a"), &sample(5, "a"), &Options::file()).unwrap();
        assert!(
            matches!(&edits[..], [Edit::Insert { path, index: 4, .. }, _] if path == &[4]),
            "{edits:?}"
        );
    }

    /// A scene from a list of (tag, id, value) codes: 0 text, 1 rect, 2 group of two dots.
    fn coded(items: &[(u8, u8, u8)]) -> Scene {
        let mut s = Scene::new(100.0, 100.0, "T", "D");
        for &(tag, id, v) in items {
            let v = f64::from(v);
            let n = match tag % 5 {
                0 => Node::text(v, 1.0, format!("t{v}"), 9.0, Role::Ink),
                1 => Node::rect(v, 1.0, 2.0, 2.0, Role::Ink),
                2 => Node::group(vec![dot(v), dot(v + 1.0)]).title(format!("g{v}")),
                // A series (and, below, markers) whose points move with `v`.
                3 => Node::polyline(
                    vec![(0.0, v), (5.0, v / 2.0)],
                    Stroke::solid(Role::Ink, 1.0),
                ),
                _ => Node::stamp(
                    vec![(v, 1.0), (v + 3.0, 2.0)],
                    crate::scene::Shape::Polygon(vec![(0.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]),
                    Role::Ink,
                ),
            };
            s.push(if id % 3 == 0 {
                n
            } else {
                n.id(format!("n{id}"))
            });
        }
        s
    }

    #[test]
    fn moved_series_and_markers_get_a_new_d_and_nothing_else() {
        let old = coded(&[(3, 1, 1), (4, 2, 1)]);
        let new = coded(&[(3, 1, 3), (4, 2, 3)]);
        let edits = diff(&old, &new, &Options::file()).unwrap();
        for (k, node) in new.children.iter().enumerate() {
            let d = svg::path_data(&node.kind);
            assert!(!d.is_empty());
            let want = Edit::Attrs {
                path: vec![ROOT_PREFIX + k],
                set: vec![("d".into(), d)],
                remove: vec![],
                text: None,
            };
            assert_eq!(edits[k], want);
        }
        assert_eq!(edits.len(), 2);
        assert_patches(&old, &new);
    }

    #[test]
    fn children_inserted_or_removed_in_the_middle_keep_the_others() {
        // An axis gains a tick: a label and its mark, in the middle of the list.
        let old = coded(&[(0, 0, 1), (1, 0, 1), (0, 0, 2), (1, 0, 2), (2, 1, 9)]);
        let new = coded(&[
            (0, 0, 1),
            (1, 0, 1),
            (0, 0, 5),
            (1, 0, 5),
            (0, 0, 2),
            (1, 0, 2),
            (2, 1, 9),
        ]);
        let edits = diff(&old, &new, &Options::file()).unwrap();
        assert_eq!(edits.len(), 1, "{edits:?}");
        assert!(
            matches!(&edits[0], Edit::Insert { index: 5, markup, .. } if markup.starts_with("<text") && markup.contains(">t5</text><rect"))
        );
        assert_patches(&old, &new);
        assert_patches(&new, &old);
        // A series with an id appears between two others.
        let old = coded(&[(2, 1, 1), (2, 2, 1)]);
        let new = coded(&[(2, 1, 1), (2, 4, 7), (2, 2, 1)]);
        let edits = diff(&old, &new, &Options::file()).unwrap();
        assert!(
            matches!(&edits[..], [Edit::Insert { index: 4, .. }]),
            "{edits:?}"
        );
        assert_patches(&old, &new);
        assert_patches(&new, &old);
    }

    proptest::proptest! {
        #[test]
        fn any_two_scenes_patch_to_the_same_drawing(
            a in proptest::collection::vec((0u8..5, 0u8..5, 0u8..4), 0..24),
            b in proptest::collection::vec((0u8..5, 0u8..5, 0u8..4), 0..24),
        ) {
            let (old, new) = (coded(&a), coded(&b));
            assert_patches(&old, &new);
            // Nested: the same lists one level down.
            let wrap = |s: &Scene| {
                let mut w = Scene::new(100.0, 100.0, "T", "D");
                w.push(Node::group(s.children.clone()).id("outer"));
                w
            };
            assert_patches(&wrap(&old), &wrap(&new));
        }
    }

    #[test]
    fn a_group_whose_own_attributes_change_is_replaced_whole() {
        let old = sample(3, "a");
        let mut new = old.clone();
        new.children[1].meta.class = Some("dots busy".into());
        let edits = diff(&old, &new, &Options::screen(Palette::Light)).unwrap();
        assert!(matches!(&edits[..], [Edit::Replace { path, .. }] if path == &[4]));
        assert_patches(&old, &new);
    }

    #[test]
    fn a_group_title_changes_as_text_without_touching_its_children() {
        let old = sample(3, "a");
        let mut new = old.clone();
        new.children[1].meta.title = Some("Dots: 3 <busy>".into());
        let edits = diff(&old, &new, &Options::screen(Palette::Light)).unwrap();
        assert_eq!(edits, [Edit::text(&[4, 0], "Dots: 3 <busy>")]);
        assert_patches(&old, &new);
        // On screen an interactive group repeats its title as aria-label: replaced whole.
        let (mut old, mut new) = (old, new);
        old.children[1].meta.interactive = true;
        new.children[1].meta.interactive = true;
        let edits = diff(&old, &new, &Options::screen(Palette::Light)).unwrap();
        assert!(matches!(&edits[..], [Edit::Replace { path, .. }] if path == &[4]));
        assert_patches(&old, &new);
    }

    #[test]
    fn leaves_keep_their_element_unless_their_tag_or_title_changes() {
        let opts = Options::screen(Palette::Light);
        let mut old = Scene::new(100.0, 50.0, "T", "D");
        old.push(Node::rect(1.0, 2.0, 3.0, 4.0, Role::Ink).class("a\"b"));
        old.push(Node::text(1.0, 2.0, "x", 9.0, Role::Ink).title("t"));
        old.push(Node::rect(1.0, 2.0, 3.0, 4.0, Role::Ink));
        let mut new = Scene::new(100.0, 50.0, "T", "D");
        new.push(Node::rect(1.0, 2.5, 3.0, 4.0, Role::Accent).class("a\"b<c>"));
        new.push(Node::text(1.0, 2.0, "y", 9.0, Role::Ink).title("t"));
        new.push(Node::circle(1.0, 2.0, 3.0, Role::Ink));
        let edits = diff(&old, &new, &opts).unwrap();
        // A rect that became a circle is a new element: removed first, inserted last.
        assert_eq!(
            edits[0],
            Edit::Remove {
                path: vec![],
                index: 5,
                count: 1
            }
        );
        assert!(
            matches!(&edits[3], Edit::Insert { index: 5, markup, .. } if markup.starts_with("<circle"))
        );
        match &edits[1] {
            Edit::Attrs {
                path,
                set,
                remove,
                text,
            } => {
                assert_eq!(path, &[3]);
                assert!(set.contains(&("y".into(), "2.5".into())), "{set:?}");
                assert!(set.contains(&("class".into(), "a\"b<c>".into())), "{set:?}");
                assert!(remove.is_empty() && text.is_none());
            }
            other => panic!("{other:?}"),
        }
        // Text with a <title> child keeps both.
        assert_eq!(edits[2], Edit::text(&[4], "y"));
        assert_patches(&old, &new);
        assert_patches(&new, &old);
    }

    #[test]
    fn a_new_size_title_or_description_patches_the_head() {
        let old = sample(3, "a");
        for opts in [Options::screen(Palette::Dark), Options::file()] {
            let mut new = old.clone();
            new.title = "Other <title>".into();
            new.desc = "Other desc".into();
            let edits = diff(&old, &new, &opts).unwrap();
            assert_eq!(edits.len(), 2 + usize::from(opts.target == Target::Screen));
            let mut new = old.clone();
            new.height = 120.0;
            let edits = diff(&old, &new, &opts).unwrap();
            assert!(
                matches!(&edits[0], Edit::Attrs { path, set, .. } if path.is_empty() && set.len() == 2)
            );
            assert!(
                matches!(&edits[1], Edit::Attrs { path, set, .. } if path == &[2] && set.len() == 1)
            );
        }
        let mut new = old.clone();
        new.title = "Other <title>".into();
        new.height = 20.0;
        assert_patches(&old, &new);
        // A title with a line break does not fit the one-line head: rewritten whole.
        new.title = "two\nlines".into();
        assert!(diff(&old, &new, &Options::file()).is_none());
    }

    /// Bytes of markup the browser must parse for `edits`.
    fn parsed(edits: &[Edit]) -> usize {
        edits
            .iter()
            .map(|e| match e {
                Edit::Replace { markup, .. } | Edit::Insert { markup, .. } => markup.len(),
                _ => 0,
            })
            .sum()
    }

    /// The lanes (at the busiest minute of the outcome `minute_of` picks: before or after) and
    /// every chart, drawn for the default scenario at peak `from` and at peak `to`.
    fn scene_pairs(
        from: f64,
        to: f64,
        minute_of: for<'o> fn(&'o crate::Outcome, &'o crate::Outcome) -> &'o crate::Outcome,
    ) -> Vec<(Scene, Scene)> {
        use crate::{Scenario, lanes, sim::simulate};
        let mut a = Scenario::default();
        a.traffic.peak_rps = from;
        let mut b = a.clone();
        b.traffic.peak_rps = to;
        let (oa, ob) = (simulate(&a), simulate(&b));
        let m = lanes::busiest_minute(minute_of(&oa, &ob));
        let mut scenes = vec![(
            lanes::build(&a, &oa, m, None),
            lanes::build(&b, &ob, m, None),
        )];
        scenes.extend(crate::chart::Chart::ALL.map(|c| (c.draw(&a, &oa), c.draw(&b, &ob))));
        scenes
    }

    #[test]
    fn a_slider_step_redraws_a_small_part_of_the_lanes_and_charts() {
        let opts = Options::screen(Palette::Light);
        for (old, new) in scene_pairs(1_000.0, 1_200.0, |_, after| after) {
            let edits = diff(&old, &new, &opts).expect("patchable");
            assert!(!edits.is_empty(), "{}: the drawing changed", new.title);
            let full = write(&new, &opts).len();
            assert!(
                parsed(&edits) * 5 < full,
                "{}: {} of {full} bytes re-parsed",
                new.title,
                parsed(&edits)
            );
        }
    }

    #[test]
    fn real_scenes_patch_to_the_same_drawing() {
        let opts = Options::screen(Palette::Light);
        let peaks = [40.0, 4_000.0, 5.0, 61.0, 800.0, 3.0, 20_000.0, 0.0];
        let mut patched = 0;
        for w in peaks.windows(2) {
            for (sa, sb) in scene_pairs(w[0], w[1], |before, _| before) {
                // Past MAX_EDITS the app rewrites the SVG instead; every other diff must patch
                // to exactly the fresh drawing.
                if let Some(edits) = diff(&sa, &sb, &opts) {
                    let mut drawn = parse(&write(&sa, &opts));
                    apply(&mut drawn, &edits);
                    assert_eq!(drawn, parse(&write(&sb, &opts)), "{} {w:?}", sb.title);
                    patched += 1;
                }
            }
        }
        assert!(patched >= 30, "only {patched} of 35 redraws patched");
    }
}
