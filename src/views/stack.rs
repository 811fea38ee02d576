//! Service models: the responsibility stack as a lesson — a story through the notes' history
//! (each step marks on the stack what changed), layer details on a cell, a model's summary on a
//! column header or its facility band (the `col` key), "FaaS ⊂ Serverless", and a link to see a model scale.

use std::sync::Arc;

use leptos::prelude::*;
use skyscale_core::Text;
use skyscale_core::scenario::View;
use skyscale_core::stack::{self, Layer, Manager, STORY, ServiceModel};

use crate::diagram::Diagram;
use crate::{ScenarioCtx, browser};

/// The service-models view.
#[component]
pub fn StackView() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    // The story step and the selected cell live in the scenario (URL keys `step`, `cell`), so
    // a lecturer can link to a step and the export equals `skyscale render stack` for the link.
    let scene = Memo::new(move |_| Arc::new(ctx.rest.with(stack::build)));
    let serverless = Memo::new(move |_| Arc::new(ctx.rest.with(stack::serverless)));
    let on_activate = Callback::new(move |id: String| {
        // Cell ids are `stack-<model>-<layer>`. A column's header (`stack-head-<model>`) and its
        // facility band (`stack-<model>-facility`, no layer) open the column's summary, which
        // says who runs each layer and the facility.
        let head = id
            .strip_prefix("stack-head-")
            .and_then(ServiceModel::from_code);
        let mut parts = id.strip_prefix("stack-").unwrap_or("").splitn(2, '-');
        let model = parts.next().and_then(ServiceModel::from_code);
        let rest = parts.next();
        let column = head.or(model.filter(|_| rest == Some("facility")));
        let cell = model.zip(rest.and_then(Layer::from_code));
        if column.is_none() && cell.is_none() {
            return;
        }
        ctx.update(|s| {
            s.col = column;
            s.cell = cell;
        });
        crate::browser::reveal_after_paint("layer-details");
    });

    view! {
        <section class="view view-stack" data-testid="view-stack" aria-labelledby="stack-heading">
            <div class="view-head">
                <h2 id="stack-heading">{move || ctx.t(Text::ViewStack)}</h2>
            </div>
            <p class="view-lead">{move || super::lead(skyscale_core::scenario::View::Stack)}</p>
            <Story/>
            <Diagram scene=scene name="stack" on_activate=on_activate/>
            <LayerDetails/>
            <Diagram scene=serverless name="serverless"/>
        </section>
    }
}

/// The story mode: six steps through the notes' history, each highlighting a column.
#[component]
fn Story() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let last = STORY.len() - 1;
    // 0-based step shown; before the story starts (no `step` in the URL) it shows step 1
    // without highlighting a column.
    let step = Memo::new(move |_| {
        ctx.rest
            .with(|s| s.step)
            .map_or(0, |n| (n as usize).saturating_sub(1).min(last))
    });
    // On a phone the stack is wider than its box: a step's column is brought into sight, so the
    // step changes something the student can see.
    let go = move |i: usize| {
        ctx.navigate(|s| s.step = Some(i as u32 + 1));
        browser::reveal_in_figure_after_paint("stack-highlight");
    };
    let see_scale = move |_| {
        let model = STORY[step.get_untracked()].model;
        ctx.navigate(move |s| {
            s.view = View::Scaling;
            s.highlight = model.compute_model();
            // The stack's selection does not ride along: the scaling view's link carries only
            // what its screen shows (a stray `col=saas` was in it).
            s.col = None;
            s.cell = None;
        });
    };
    view! {
        <div class="story" data-testid="story" aria-labelledby="story-heading">
            <h3 id="story-heading">{move || ctx.t(Text::StoryTitle)}</h3>
            <ol class="story-steps">
                {(0..STORY.len())
                    .map(|i| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="story-dot"
                                    class:current=move || step.get() == i
                                    aria-current=move || (step.get() == i).then_some("step")
                                    aria-label=move || format!("{} {}: {}", ctx.t(Text::StoryStepOf), i + 1, ctx.t(STORY[i].title))
                                    on:click=move |_| go(i)
                                >
                                    {i + 1}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <div class="story-body" aria-live="polite">
                <h4 data-testid="story-title">{move || ctx.t(STORY[step.get()].title)}</h4>
                <p>{move || ctx.t(STORY[step.get()].body)}</p>
            </div>
            <div class="story-nav">
                <button
                    type="button"
                    class="btn-secondary"
                    id="story-prev"
                    data-testid="story-prev"
                    disabled=move || step.get() == 0
                    on:click=move |_| {
                        let to = step.get_untracked().saturating_sub(1);
                        go(to);
                        // The button turns disabled under the pointer at the first step: focus
                        // goes to Next rather than falling to the page.
                        if to == 0 {
                            browser::focus_after_paint("story-next");
                        }
                    }
                >
                    "← "{move || ctx.t(Text::StoryPrev)}
                </button>
                <button
                    type="button"
                    class="btn-secondary"
                    id="story-next"
                    data-testid="story-next"
                    disabled=move || step.get() == last
                    on:click=move |_| {
                        let to = (step.get_untracked() + 1).min(last);
                        go(to);
                        if to == last {
                            browser::focus_after_paint("story-prev");
                        }
                    }
                >
                    {move || ctx.t(Text::StoryNext)}" →"
                </button>
                <button
                    type="button"
                    class="btn-link"
                    data-testid="see-it-scale"
                    hidden=move || STORY[step.get()].model.compute_model().is_none()
                    on:click=see_scale
                >
                    {move || ctx.t(Text::SeeItScale)}" ("{move || ctx.t(STORY[step.get()].model.name())}")"
                </button>
            </div>
        </div>
    }
}

/// Details of the selected cell: what the layer is, who manages it, the chores, the bill.
#[component]
fn LayerDetails() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let selected = Memo::new(move |_| ctx.rest.with(|s| s.cell));
    let column = Memo::new(move |_| ctx.rest.with(|s| s.col));
    let body = move || {
        let Some((model, layer)) = selected.get() else {
            return match column.get() {
                Some(model) => column_summary(ctx, model).into_any(),
                None => {
                    let hint = ctx.get.with_untracked(|s| s.present.stack_hint());
                    view! { <p class="hint" data-testid="layer-hint">{ctx.t(hint)}</p> }.into_any()
                }
            };
        };
        let who = stack::manager(model, layer);
        let chores_label = match who {
            Manager::You => Text::YourChores,
            Manager::Provider => Text::ProviderChores,
        };
        let across = ServiceModel::ALL
            .into_iter()
            .map(|m| {
                let w = stack::manager(m, layer);
                let mark = match w {
                    Manager::You => "●",
                    Manager::Provider => "○",
                };
                view! {
                    <li class:you=w == Manager::You>
                        <span aria-hidden="true">{mark}" "</span>
                        <strong>{ctx.t(m.name())}</strong>": "{ctx.t(w.label())}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h4 data-testid="layer-title">{cell_heading(ctx, model, layer)}</h4>
            <dl>
                <dt>{ctx.t(Text::WhoManagesIt)}</dt>
                <dd data-testid="layer-who">{ctx.t(who.label())}</dd>
                <dt>{ctx.t(Text::WhatItIs)}</dt>
                <dd>{ctx.t(layer.what())}</dd>
                <dt>{ctx.t(chores_label)}</dt>
                <dd>{ctx.t(layer.chores())}</dd>
                <dt>{ctx.t(Text::BillCharges)}</dt>
                <dd>{ctx.t(model.bill())}</dd>
            </dl>
            <h5>{ctx.t(Text::AcrossModels)}</h5>
            <ul class="across">{across}</ul>
        }
        .into_any()
    };
    view! {
        <section id="layer-details" class="details" data-testid="layer-details" aria-live="polite" aria-labelledby="details-heading">
            <h3 id="details-heading">{move || ctx.t(Text::LayerDetailsTitle)}</h3>
            {body}
        </section>
    }
}

/// A cell's heading names the cell as the stack shows it ("FaaS · Functions + config"), and
/// the layer it sits in when that reads differently.
fn cell_heading(ctx: ScenarioCtx, model: ServiceModel, layer: Layer) -> String {
    let cell = ctx.t(stack::cell_label(model, layer));
    let name = ctx.t(layer.name());
    if cell == name {
        format!("{} · {cell}", ctx.t(model.name()))
    } else {
        ctx.t(Text::CellHeadingLayer)
            .replace("{model}", ctx.t(model.name()))
            .replace("{cell}", cell)
            .replace("{layer}", name)
    }
}

/// A column's summary: what you still manage under the model, what the provider takes over,
/// the layers on each side (from the matrix, the facility included) and what the bill charges.
fn column_summary(ctx: ScenarioCtx, model: ServiceModel) -> impl IntoView {
    // The cells on each side, in the words the stack shows them (the facility band included).
    let names = |who: Manager| {
        let cells = ctx.rest.with(|s| stack::summary_cells(s, model, who));
        if cells.is_empty() {
            ctx.t(Text::NoLayers).to_string()
        } else {
            cells
                .into_iter()
                .map(|t| ctx.t(t))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    // Who runs the facility as the stack shows it now (at the story's IDC step, the IDC).
    let (_, facility_words) = ctx.rest.with(|s| stack::facility_manager(s, model));
    let (subtitle, keep) = ctx.rest.with(|s| stack::column_words(s, model));
    let title = ctx
        .t(Text::ColumnSummaryTitle)
        .replace("{model}", ctx.t(model.name()))
        .replace("{sub}", ctx.t(subtitle));
    view! {
        <div data-testid="column-summary" data-model=model.code()>
            <h4 data-testid="column-title">{title}</h4>
            <dl>
                <dt>{ctx.t(Text::YouKeepLabel)}</dt>
                <dd data-testid="column-keep">{ctx.t(keep)}</dd>
                <dt>{ctx.t(Text::ProviderTakesLabel)}</dt>
                <dd data-testid="column-takes">{ctx.t(model.provider_takes())}</dd>
                <dt>{ctx.t(Text::YourLayersLabel)}</dt>
                <dd data-testid="column-yours">{names(Manager::You)}</dd>
                <dt>{ctx.t(Text::ProviderLayersLabel)}</dt>
                <dd data-testid="column-theirs">{names(Manager::Provider)}</dd>
                <dt>{format!("{} ({})", ctx.t(Text::Facility), ctx.t(Text::FacilityFull))}</dt>
                <dd data-testid="column-facility">{ctx.t(facility_words)}</dd>
                <dt>{ctx.t(Text::BillCharges)}</dt>
                <dd>{ctx.t(model.bill())}</dd>
            </dl>
        </div>
    }
}
