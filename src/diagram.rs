//! `Diagram`: a core [`Scene`] drawn inline with its export controls.
//!
//! Every diagram of the app goes through here, so every one is drawn by the same writer as its
//! exported file, and interactive nodes (those the scene marks focusable) report activation by
//! mouse or keyboard through one delegated handler.
//!
//! Export: "Export SVG" downloads `svg::write(scene, Options::file())` — the light palette,
//! byte-identical to `skyscale render` — or, with "use the current theme", the screen's
//! palette; "More formats" adds PNG at 2× (the file SVG drawn into a canvas), CSV for charts
//! (when the caller passes `csv`; written as `chart::csv_file`, with the UTF-8 byte-order mark
//! Excel needs, the same bytes as `skyscale render --format csv`) and copying the SVG text.

use leptos::prelude::*;
use std::sync::Arc;

use skyscale_core::Scene;
use skyscale_core::Text;
use skyscale_core::chart;
use skyscale_core::lanes::Layout;
use skyscale_core::patch;
use skyscale_core::svg::{self, Options, Palette, Target};
use wasm_bindgen::JsCast;

use crate::{ScenarioCtx, browser};

/// How near the viewport (px) a diagram counts as on screen.
const VIEW_MARGIN_PX: u32 = 64;
/// The smallest text size (CSS px) a diagram is drawn at on a phone.
const READABLE_PX: f64 = 11.0;
/// The smallest diagram text between a phone's width and a desktop's (641 to 959 px windows,
/// a 720 px course frame), CSS px: a figure there scrolls sideways rather than shrink under it.
const LEGIBLE_PX: f64 = 9.0;
/// How long after the last change an off-screen diagram redraws.
const CATCH_UP_MS: u32 = 150;

/// Whether the element `node` will hold is on screen (within [`VIEW_MARGIN_PX`] of the
/// viewport); `true` until the browser first says otherwise. The observer disconnects when the
/// owner is disposed.
pub fn on_screen<E>(node: NodeRef<E>) -> RwSignal<bool>
where
    E: leptos::tachys::html::element::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    watch_on_screen(Box::new(move || {
        node.get().map(|el| el.unchecked_into::<web_sys::Element>())
    }))
}

/// [`on_screen`]'s body, once for every kind of element.
fn watch_on_screen(element: Box<dyn Fn() -> Option<web_sys::Element>>) -> RwSignal<bool> {
    let visible = RwSignal::new(true);
    let watch = StoredValue::new_local(None::<browser::VisibilityWatch>);
    Effect::new(move |_| {
        if let Some(el) = element() {
            let w = browser::watch_visibility(&el, VIEW_MARGIN_PX, move |on| visible.set(on));
            watch.set_value(w);
        }
    });
    visible
}

/// A memo of `compute` for a panel that may be scrolled out of view: on screen (or while
/// printing) it follows every change; off screen it keeps what it showed while the controls
/// move and catches up once they pause (when [`ScenarioCtx::settled`] reaches the scenario),
/// so a slider drag pays nothing for text below the fold. Coming into view brings it up to
/// date at once.
pub fn on_screen_memo<T>(
    visible: RwSignal<bool>,
    compute: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let ctx = expect_context::<ScenarioCtx>();
    Memo::new(move |prev: Option<&T>| match prev {
        Some(shown)
            if !visible.get()
                && !ctx.printing.get()
                && ctx
                    .settled
                    .with(|settled| ctx.get.with(|now| settled != now)) =>
        {
            shown.clone()
        }
        _ => compute(),
    })
}

/// A scene on screen, with "Export SVG".
#[component]
pub fn Diagram(
    /// The scene to draw (rebuilt by the caller whenever the scenario changes). Shared, so the
    /// drawing keeps the scene it drew without copying it.
    #[prop(into)]
    scene: Signal<Arc<Scene>>,
    /// File name stem for exports, e.g. `stack` → `skyscale-stack-en.svg`.
    name: &'static str,
    /// Called with the `id` of an interactive node the user clicked or pressed Enter/Space on.
    #[prop(optional)]
    on_activate: Option<Callback<String>>,
    /// For charts: the series as CSV for the current scenario (adds "CSV data" to the menu).
    #[prop(optional)]
    csv: Option<Callback<(), String>>,
    /// The lanes' layout, for the lanes: their phone layouts (`narrow`, `short` rows) are a
    /// class for `style/main.css`, which draws them at their column's width, and name the
    /// files `…-narrow-…` as `skyscale render lanes-narrow` writes the same picture.
    #[prop(optional)]
    layout: Option<Memo<Layout>>,
) -> impl IntoView {
    let layout = move || layout.map_or(Layout::Wide, |l| l.get());
    let ctx = expect_context::<ScenarioCtx>();
    // Drawn in place: the first time (or after a theme change) as a whole SVG, then by patching
    // only the elements whose markup changed (a slider drag changes a few of hundreds).
    //
    // A diagram scrolled out of view does not redraw on every input of a drag: it catches up
    // once the input pauses (or as soon as it comes near the viewport, or the page prints), so
    // a drag pays only for what the student can see.
    let figure = NodeRef::<leptos::html::Figure>::new();
    let drawn = StoredValue::new(None::<(Arc<Scene>, Palette)>);
    // The drawing's elements that patches have already found (see `browser::Found`).
    let found = StoredValue::new_local(browser::Found::default());
    let visible = on_screen(figure);
    // A figure wider than its box (on a phone) scrolls sideways in it: while it does, it is a
    // tab stop (the arrow keys scroll it) named so. Measured after a whole redraw and when the
    // phone layout or the language changes, never on a slider input's patch. The "Scroll
    // sideways →" cue is CSS (`style/main.css`), from the scroll position alone; its words are
    // the export row's `data-cue`.
    let measure = move || {
        // A frame may come after the figure is gone (a chart switched away).
        let Some(el) = figure.try_get_untracked().flatten() else {
            return;
        };
        let lang = ctx.lang_signal.get_untracked();
        if let Some(actions) = el.previous_element_sibling() {
            let _ = actions.set_attribute("data-cue", Text::ScrollSideways.get(lang));
        }
        if el.scroll_width() > el.client_width() + 1 {
            let _ = el.set_attribute("tabindex", "0");
            // The figure's own title first, so two figures that scroll are told apart.
            let title = el
                .query_selector("svg > title")
                .ok()
                .flatten()
                .and_then(|t| t.text_content())
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty());
            let hint = Text::ScrollsSideways.get(lang);
            let name = title.map_or_else(|| hint.to_string(), |t| format!("{t}. {hint}"));
            let _ = el.set_attribute("aria-label", &name);
        } else {
            let _ = el.remove_attribute("tabindex");
            let _ = el.remove_attribute("aria-label");
        }
    };
    Effect::new(move |_| {
        // Read, not only tracked: a memo no one has read yet follows nothing.
        let _ = (ctx.narrow.get(), ctx.short.get(), ctx.lang_signal.get());
        browser::after_paint(measure);
    });
    // The interactive node that was last activated (focus returns to it after a redraw).
    let (refocus, set_refocus) = signal(None::<String>);
    // Set when an off-screen diagram's pending redraw is due.
    let due = RwSignal::new(false);
    let catch_up =
        StoredValue::new_local(browser::Debounce::new(CATCH_UP_MS, move || due.set(true)));
    on_cleanup(move || {
        catch_up.try_with_value(browser::Debounce::cancel);
    });
    // While off screen: each change of the scenario or theme (re)starts the timer for one
    // redraw. It watches those rather than the scene so that a hidden diagram's scene is not
    // even built until it is drawn (a scene that only follows local state, like the lanes'
    // minute during playback, is brought up to date when it comes into view).
    Effect::new(move |_| {
        ctx.get.track();
        ctx.palette.track();
        if visible.get_untracked() {
            return;
        }
        catch_up.with_value(browser::Debounce::poke);
    });
    Effect::new(move |_| {
        let palette = ctx.palette.get();
        let Some(el) = figure.get() else { return };
        let now =
            visible.get() || due.get() || ctx.printing.get() || drawn.with_value(Option::is_none);
        if !now {
            return;
        }
        let had_focus = el.matches(":focus-within").unwrap_or(false);
        scene.with(|new| {
            let opts = Options::screen(palette);
            let edits = drawn.with_value(|d| match d {
                Some((old, p)) if *p == palette => patch::diff(old, new, &opts),
                _ => None,
            });
            let patched = edits.is_some_and(|e| {
                found
                    .try_update_value(|f| browser::patch_svg(&el, &e, f))
                    .unwrap_or(false)
            });
            if !patched {
                el.set_inner_html(&svg::write(new, &opts));
                found.update_value(browser::Found::forget);
                measure();
            }
            drawn.set_value(Some((new.clone(), palette)));
        });
        // A reveal asked for by the change that caused this redraw (a story step's column on a
        // phone) runs now that the patch is in.
        browser::reveal_pending_in(&el);
        // A redraw may replace the focused node's element: give focus back to the node that
        // had it (only if focus was in this diagram and got lost, never stealing it).
        if had_focus
            && !el.matches(":focus-within").unwrap_or(true)
            && let Some(id) = refocus.get_untracked()
        {
            browser::focus_after_paint(&id);
        }
        if due.get_untracked() {
            due.set(false);
        }
    });
    let (status, set_status) = signal(None::<Text>);
    let current_theme = RwSignal::new(false);

    // The file palette: light unless the user asked for the theme on screen.
    let file_palette = move || {
        if current_theme.get_untracked() {
            ctx.palette.get_untracked()
        } else {
            Palette::Light
        }
    };
    let file_svg = move || {
        let opts = Options {
            target: Target::File,
            palette: file_palette(),
        };
        scene.with_untracked(|s| svg::write(s, &opts))
    };
    let file_name = move |ext: &str| {
        let dark = if file_palette() == Palette::Dark {
            "-dark"
        } else {
            ""
        };
        let (dash, layout) = layout().name().map_or(("", ""), |l| ("-", l));
        format!(
            "skyscale-{name}{dash}{layout}-{}{dark}.{ext}",
            ctx.lang().code()
        )
    };
    let export = move |_| {
        if browser::download(&file_name("svg"), "image/svg+xml", &file_svg()) {
            set_status.set(Some(Text::ExportDone));
        }
    };
    let export_png = move |_| {
        let size = scene.with_untracked(|s| (s.width, s.height));
        browser::download_png(&file_name("png"), &file_svg(), size, 2.0, move |ok| {
            set_status.set(Some(if ok {
                Text::ExportFileDone
            } else {
                Text::ExportFailed
            }));
        });
    };
    let export_csv = move |_| {
        if let Some(csv) = csv
            && browser::download(
                &file_name("csv"),
                "text/csv;charset=utf-8",
                &chart::csv_file(&csv.run(())),
            )
        {
            set_status.set(Some(Text::ExportFileDone));
        }
    };
    let copy_svg = move |_| {
        browser::copy_text(&file_svg(), move |ok| {
            set_status.set(Some(if ok {
                Text::SvgCopied
            } else {
                Text::SvgCopyFailed
            }));
        });
    };

    let activate = move |target: Option<web_sys::EventTarget>| {
        let Some(cb) = on_activate else { return false };
        // A fixed figure (lock=all) is not clickable.
        if ctx.get.with_untracked(|s| s.present.locked("all")) {
            return false;
        }
        let node = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[role=button][id]").ok().flatten());
        match node {
            Some(node) => {
                set_refocus.set(Some(node.id()));
                cb.run(node.id());
                true
            }
            None => false,
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        activate(ev.target());
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if (ev.key() == "Enter" || ev.key() == " ") && activate(ev.target()) {
            ev.prevent_default();
        }
    };

    view! {
        <div class="diagram-block" data-testid=format!("diagram-{name}")>
            <div class="diagram-actions">
                <button
                    type="button"
                    class="btn"
                    data-testid=format!("export-{name}")
                    title=move || ctx.t(Text::ExportSvgLabel)
                    on:click=export
                >
                    <span class="icon-download" aria-hidden="true"></span>
                    {move || ctx.t(Text::ExportSvg)}
                </button>
                <details class="export-more" data-testid=format!("export-more-{name}")>
                    <summary class="ctl">{move || ctx.t(Text::ExportMore)}</summary>
                    <div class="export-menu">
                        <button type="button" class="ctl" data-testid=format!("export-{name}-png") on:click=export_png>
                            {move || ctx.t(Text::ExportPng)}
                        </button>
                        {csv.map(|_| view! {
                            <button type="button" class="ctl" data-testid=format!("export-{name}-csv") on:click=export_csv>
                                {move || ctx.t(Text::ExportCsv)}
                            </button>
                        })}
                        <button type="button" class="ctl" data-testid=format!("copy-{name}") on:click=copy_svg>
                            {move || ctx.t(Text::CopySvg)}
                        </button>
                        <label class="check">
                            <input
                                type="checkbox"
                                data-testid=format!("export-{name}-theme")
                                prop:checked=move || current_theme.get()
                                on:change=move |ev| current_theme.set(event_target_checked(&ev))
                            />
                            <span>{move || ctx.t(Text::ExportCurrentTheme)}</span>
                        </label>
                    </div>
                </details>
                <span class="status" role="status" data-testid=format!("export-status-{name}")>{move || status.get().map(|t| ctx.t(t))}</span>
            </div>
            <figure
                class="diagram"
                class:narrow=move || layout() == Layout::Narrow
                class:short=move || layout() == Layout::Short
                // Read by style/main.css on phones: drawn this wide, the smallest text is 11
                // CSS px (the figure scrolls sideways rather than shrink it).
                style:--readable-width=move || {
                    scene.with(|s| format!("{}px", s.readable_width(READABLE_PX)))
                }
                // Between a phone and a desktop (a 720 px course frame): drawn this wide, the
                // smallest text is 9 CSS px.
                style:--legible-width=move || {
                    scene.with(|s| format!("{}px", s.readable_width(LEGIBLE_PX)))
                }
                data-testid=format!("{name}-diagram")
                on:click=on_click
                on:keydown=on_key
                node_ref=figure
            ></figure>
        </div>
    }
}
