//! `Diagram`: a core [`Scene`] drawn inline with its export controls.
//!
//! Every diagram of the app goes through here, so every one is drawn by the same writer as its
//! exported file, and interactive nodes (those the scene marks focusable) report activation by
//! mouse or keyboard through one delegated handler.

use leptos::prelude::*;
use skyscale_core::Scene;
use skyscale_core::Text;
use skyscale_core::svg::{self, Options};
use wasm_bindgen::JsCast;

use crate::{ScenarioCtx, browser};

/// A scene on screen, with "Export SVG".
#[component]
pub fn Diagram(
    /// The scene to draw (rebuilt by the caller whenever the scenario changes).
    #[prop(into)]
    scene: Signal<Scene>,
    /// File name stem for exports, e.g. `stack` → `skyscale-stack-en.svg`.
    name: &'static str,
    /// Called with the `id` of an interactive node the user clicked or pressed Enter/Space on.
    #[prop(optional)]
    on_activate: Option<Callback<String>>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let screen_svg = move || scene.with(|s| svg::write(s, &Options::screen(ctx.palette.get())));
    let (status, set_status) = signal(None::<Text>);
    let (refocus, set_refocus) = signal(None::<String>);

    let export = move |_| {
        let file = scene.with(|s| svg::write(s, &Options::file()));
        let file_name = format!("skyscale-{name}-{}.svg", ctx.lang().code());
        if browser::download(&file_name, "image/svg+xml", &file) {
            set_status.set(Some(Text::ExportDone));
        }
    };

    // Redrawing replaces the SVG's elements, so give keyboard focus back to the node that had it.
    Effect::new(move |_| {
        scene.track();
        if let Some(id) = refocus.get_untracked() {
            browser::focus_after_paint(&id);
        }
    });

    let activate = move |target: Option<web_sys::EventTarget>| {
        let Some(cb) = on_activate else { return false };
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
                <span class="status" role="status">{move || status.get().map(|t| ctx.t(t))}</span>
            </div>
            <figure
                class="diagram"
                data-testid=format!("{name}-diagram")
                on:click=on_click
                on:keydown=on_key
                inner_html=screen_svg
            ></figure>
        </div>
    }
}
