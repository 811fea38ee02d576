//! The responsibility stack view: the core's scene drawn inline, plus its export.

use leptos::prelude::*;
use skyscale_core::svg::{self, Options};
use skyscale_core::{Text, stack};

use crate::{ScenarioCtx, browser};

/// The stack diagram and its "Export SVG" button.
#[component]
pub fn StackView() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let scene = Memo::new(move |_| ctx.get.with(stack::build));
    let screen_svg = move || scene.with(|s| svg::write(s, &Options::screen(ctx.palette.get())));
    let (status, set_status) = signal(None::<Text>);
    let export = move |_| {
        let file = scene.with(|s| svg::write(s, &Options::file()));
        let name = format!("skyscale-stack-{}.svg", ctx.lang().code());
        if browser::download(&name, "image/svg+xml", &file) {
            set_status.set(Some(Text::ExportDone));
        }
    };
    view! {
        <section class="view view-stack" aria-labelledby="stack-heading">
            <div class="view-head">
                <h2 id="stack-heading">{move || ctx.t(Text::ViewStack)}</h2>
                <div class="view-actions">
                    <button
                        type="button"
                        class="btn"
                        data-testid="export-svg"
                        title=move || ctx.t(Text::ExportSvgLabel)
                        on:click=export
                    >
                        <span class="icon-download" aria-hidden="true"></span>
                        {move || ctx.t(Text::ExportSvg)}
                    </button>
                    <span class="status" role="status">
                        {move || status.get().map(|t| ctx.t(t))}
                    </span>
                </div>
            </div>
            <p class="view-lead">{move || ctx.t(Text::StackDesc)}</p>
            <figure
                class="diagram"
                data-testid="stack-diagram"
                aria-label=move || ctx.t(Text::DiagramRegion)
                inner_html=screen_svg
            ></figure>
        </section>
    }
}
