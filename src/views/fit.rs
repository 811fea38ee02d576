//! Is serverless a fit? The notes' seven good fits and the counter-examples as one-click
//! presets, each judged by the simulator. A preset is only scenario values, so the URL carries
//! it and back/forward step through the presets tried.
//!
//! The verdict is a card (rating, reasons, a month on each model, the functions' numbers) and
//! the same card as a picture with its export menu (`fit_card::scene`, `skyscale render fit`).
//! The notes' older function limits (1,500 MB / 300 s) are a switch here as well as in the
//! scaling view's function settings: the verdicts depend on it.

use std::sync::Arc;

use leptos::prelude::*;
use skyscale_core::Text;
use skyscale_core::fit_card::{self, Card, Preset};
use skyscale_core::scenario::FaasService;
use skyscale_core::sim::simulate;

use crate::controls::TrafficControls;
use crate::diagram::Diagram;
use crate::quiz::Answers;
use crate::{ScenarioCtx, browser};

/// The fit view.
#[component]
pub fn FitView() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let card = Memo::new(move |_| ctx.get.with(|s| fit_card::assess(s, &simulate(s))));
    let picture = Memo::new(move |_| {
        ctx.get
            .with(|s| card.with(|c| Arc::new(fit_card::scene(s, c))))
    });

    view! {
        <section class="view view-fit" data-testid="view-fit" aria-labelledby="fit-heading">
            <div class="view-head">
                <h2 id="fit-heading">{move || ctx.t(Text::ViewFit)}</h2>
            </div>
            <p class="view-lead">{move || super::lead(skyscale_core::scenario::View::Fit)}</p>
            <div class="fit-layout">
                <div class="fit-side">
                    <Presets card=card/>
                    <LimitsSwitch/>
                </div>
                <div class="fit-main">
                    <Answers>
                        <VerdictCard card=card/>
                        <Diagram scene=picture name="fit"/>
                    </Answers>
                </div>
            </div>
            <details class="fit-adjust">
                <summary>{move || ctx.t(Text::FitAdjust)}</summary>
                <TrafficControls/>
            </details>
        </section>
    }
}

/// The notes' older limits (1,500 MB, 300 s): the same setting as the scaling view's (`legacy`).
/// It only exists for Lambda; with Azure Functions the switch is off and says why.
#[component]
fn LimitsSwitch() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let state = Memo::new(move |_| {
        ctx.rest
            .with(|s| (s.faas.legacy_limits, s.faas.service == FaasService::Azure))
    });
    view! {
        <div class="control check fit-legacy" data-testid="fit-legacy" data-control="legacy">
            <input
                id="fit-ctl-legacy"
                type="checkbox"
                data-testid="fit-ctl-legacy"
                data-control="legacy"
                prop:checked=move || state.get().0
                prop:disabled=move || state.get().1
                aria-describedby="fit-ctl-legacy-help"
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    ctx.navigate(|s| s.faas.legacy_limits = on);
                }
            />
            <label for="fit-ctl-legacy">{move || ctx.t(Text::LegacyLabel)}</label>
            <small id="fit-ctl-legacy-help" class="help">
                {move || ctx.t(if state.get().1 { Text::FitLegacyAzure } else { Text::LegacyHelp })}
            </small>
        </div>
    }
}

/// The preset buttons, in two groups; the current one is pressed.
#[component]
fn Presets(
    /// The verdict (it knows which preset the scenario matches).
    card: Memo<Card>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let current = Memo::new(move |_| card.with(|c| c.preset));
    let group = move |notes: bool| {
        let current = current.get();
        Preset::ALL
            .iter()
            .copied()
            .filter(|p| p.from_notes() == notes)
            .map(|p| {
                let pressed = current == Some(p);
                view! {
                    <li>
                        <button
                            type="button"
                            class="preset"
                            data-testid=format!("preset-{}", p.code())
                            aria-pressed=if pressed { "true" } else { "false" }
                            title=ctx.t(p.about())
                            on:click=move |_| {
                                ctx.navigate(|s| *s = p.apply(s));
                                // On a phone the verdict is below the presets: show it.
                                browser::reveal_after_paint("fit-verdict");
                            }
                        >
                            <span class="preset-mark" aria-hidden="true">
                                {if pressed { "●" } else { "○" }}
                            </span>
                            {ctx.t(p.label())}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="fit-presets" data-testid="fit-presets" aria-labelledby="fit-good-heading">
            <h3 id="fit-good-heading">{move || ctx.t(Text::FitGoodCases)}</h3>
            <ul class="preset-list">{move || group(true)}</ul>
            <h3 id="fit-counter-heading">{move || ctx.t(Text::FitCounterCases)}</h3>
            <ul class="preset-list">{move || group(false)}</ul>
        </nav>
    }
}

/// The verdict: rating, reasons, and a month's numbers for every model.
#[component]
fn VerdictCard(
    /// The verdict to show.
    card: Memo<Card>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let workload = move || {
        let lang = ctx.lang();
        let (preset, about) = card.with(|c| {
            (
                c.preset.map_or(Text::FitCustom, Preset::label),
                c.preset.map(Preset::about),
            )
        });
        let line = ctx.get.with(fit_card::workload_line);
        view! {
            <p class="fit-workload">
                <strong data-testid="fit-preset">{preset.get(lang)}</strong>
                {about.map(|a| view! { <br/><span>{a.get(lang)}</span> })}
                <br/><span class="fit-values" data-testid="fit-values">{line}</span>
            </p>
        }
    };
    let headline = move || {
        let r = card.with(|c| c.rating);
        view! {
            <p class=format!("rating rating-{}", r.code()) data-testid="fit-rating" data-rating=r.code()>
                <span class="rating-icon" aria-hidden="true">{r.icon()}</span>
                " "{ctx.t(r.label())}
            </p>
        }
    };
    let limits = move || {
        let _ = ctx.lang();
        ctx.rest.with(fit_card::limits_cell)
    };
    let reasons = move || {
        let items = ctx.get.with(|s| card.with(|c| c.reasons(s)));
        let lis = items
            .into_iter()
            .map(|r| view! { <li>{r}</li> })
            .collect_view();
        view! { <ul class="reasons" data-testid="fit-reasons">{lis}</ul> }
    };
    let costs = move || {
        let lang = ctx.lang();
        let rows = ctx.get.with(|s| card.with(|c| c.cost_rows(s)));
        rows.into_iter()
            .map(|m| {
                let cells = match m.lost {
                    Some(lost) => view! {
                        <td class="num">{m.month}</td>
                        <td class="num">{lost}</td>
                    }
                    .into_any(),
                    None => view! { <td class="num not-runnable" colspan="2">{m.month}</td> }.into_any(),
                };
                view! {
                    <tr class:cheapest=m.cheapest data-model=m.kind.code()>
                        <th scope="row">
                            {m.label}
                            {m.cheapest.then(|| view! {
                                " "<span class="badge" data-testid="fit-cheapest">"★ "{Text::FitCheapestMark.get(lang)}</span>
                            })}
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    // What the ★ means, under the rows it marks (a model that drops more may cost less).
    let cheapest_note = move || {
        let lang = ctx.lang();
        card.with(|c| c.cheapest_note(lang)).map(|note| {
            view! { <p class="help" data-testid="fit-cheapest-note">"★ "{note}</p> }
        })
    };
    let faas_rows = move || {
        let lang = ctx.lang();
        let Some((cold, p95, thr)) = ctx.get.with(|s| card.with(|c| c.faas_cells(s))) else {
            return ().into_any();
        };
        view! {
            <table class="fit-faas">
                <tbody>
                    <tr><th scope="row">{Text::FitColdStarts.get(lang)}</th><td class="num" data-testid="fit-cold">{cold}</td></tr>
                    <tr><th scope="row">{Text::FitP95.get(lang)}</th><td class="num" data-testid="fit-p95">{p95}</td></tr>
                    <tr><th scope="row">{Text::FitThrottles.get(lang)}</th><td class="num" data-testid="fit-throttled">{thr}</td></tr>
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="panel fit-card" id="fit-verdict" data-testid="fit-verdict" aria-live="polite" aria-labelledby="verdict-heading">
            <h3 id="verdict-heading">{move || ctx.t(Text::FitVerdictTitle)}</h3>
            {workload}
            {headline}
            <p class="fit-limits" data-testid="fit-limits">
                <strong>{move || ctx.t(Text::FitLimitsRow)}": "</strong>{limits}
            </p>
            <h4>{move || ctx.t(Text::FitWhy)}</h4>
            {reasons}
            <h4>{move || ctx.t(Text::FitNumbers)}</h4>
            <div class="table-wrap">
                <table class="fit-costs">
                    <thead>
                        <tr>
                            <th scope="col">{move || ctx.t(Text::FitModelCol)}</th>
                            <th scope="col">{move || ctx.t(Text::FitMonthCol)}</th>
                            <th scope="col">{move || ctx.t(Text::FitLostCol)}</th>
                        </tr>
                    </thead>
                    <tbody>{costs}</tbody>
                </table>
                {cheapest_note}
                {faas_rows}
            </div>
        </section>
    }
}
