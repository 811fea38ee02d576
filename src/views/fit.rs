//! Is serverless a fit? The notes' seven good fits and the counter-examples as one-click
//! presets, each judged by the simulator. A preset is only scenario values, so the URL carries
//! it and back/forward step through the presets tried.

use leptos::prelude::*;
use skyscale_core::Text;
use skyscale_core::fit_card::{self, Card, Preset};
use skyscale_core::money::format_number;
use skyscale_core::msa_scene::fill;
use skyscale_core::sim::{ModelKind, simulate};

use crate::ScenarioCtx;
use crate::controls::{TrafficControls, pattern_label};

/// The fit view.
#[component]
pub fn FitView() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let card = Memo::new(move |_| ctx.get.with(|s| fit_card::assess(s, &simulate(s))));

    view! {
        <section class="view view-fit" data-testid="view-fit" aria-labelledby="fit-heading">
            <div class="view-head">
                <h2 id="fit-heading">{move || ctx.t(Text::ViewFit)}</h2>
            </div>
            <p class="view-lead">{move || ctx.t(Text::FitLead)}</p>
            <div class="fit-layout">
                <Presets card=card/>
                <VerdictCard card=card/>
            </div>
            <details class="fit-adjust">
                <summary>{move || ctx.t(Text::FitAdjust)}</summary>
                <TrafficControls/>
            </details>
        </section>
    }
}

/// The preset buttons, in two groups; the current one is pressed.
#[component]
fn Presets(
    /// The verdict (it knows which preset the scenario matches).
    card: Memo<Card>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let group = move |notes: bool| {
        let current = card.with(|c| c.preset);
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
                            on:click=move |_| ctx.navigate(|s| *s = p.apply(s))
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
        let line = ctx.get.with(|s| {
            fill(
                Text::FitWorkloadLine.get(lang),
                &[
                    ("pattern", pattern_label(s).get(lang).into()),
                    ("peak", format_number(s.traffic.peak_rps, 2)),
                    ("cpu", format_number(s.workload.cpu_ms, 0)),
                    ("dur", fit_card::call_duration(s.workload.duration_ms, lang)),
                    ("mem", format_number(s.workload.memory_mb, 0)),
                ],
            )
        });
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
    let reasons = move || {
        let items = ctx.get.with(|s| card.with(|c| c.reasons(s)));
        let lis = items
            .into_iter()
            .map(|r| view! { <li><span class="mark" aria-hidden="true">"•"</span>" "{r}</li> })
            .collect_view();
        view! { <ul class="reasons" data-testid="fit-reasons">{lis}</ul> }
    };
    let costs = move || {
        let lang = ctx.lang();
        let (cur, krw) = ctx.rest.with(|s| (s.currency, s.krw_per_usd));
        card.with(|c| {
            c.costs
                .iter()
                .map(|m| {
                    let cheapest = c.cheapest == Some(m.kind);
                    let lost = if m.runnable {
                        format!("{}%", fit_card::pct(m.lost_share))
                    } else {
                        Text::FitNotRunnableCell.get(lang).to_string()
                    };
                    view! {
                        <tr class:cheapest=cheapest data-model=m.kind.code()>
                            <th scope="row">
                                {m.kind.label().get(lang)}
                                {cheapest.then(|| view! {
                                    " "<span class="badge" data-testid="fit-cheapest">"★ "{Text::FitCheapestMark.get(lang)}</span>
                                })}
                            </th>
                            <td class="num">{m.bill_text(cur, krw)}</td>
                            <td class="num">{lost}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let faas_rows = move || {
        let lang = ctx.lang();
        card.with(|c| {
            let runnable = c
                .costs
                .iter()
                .any(|m| m.kind == ModelKind::Faas && m.runnable);
            if !runnable {
                return ().into_any();
            }
            let pct = fit_card::pct;
            let cold = fill(
                Text::FitColdCell.get(lang),
                &[
                    ("n", format_number(c.cold_starts.round(), 0)),
                    ("pct", pct(c.cold_share)),
                ],
            );
            let p95 = fill(
                Text::FitP95Cell.get(lang),
                &[
                    ("p95", format_number(c.p95_ms.round(), 0)),
                    ("warm", format_number(c.warm_p95_ms.round(), 0)),
                ],
            );
            let thr = fill(
                Text::FitThrottleCell.get(lang),
                &[
                    ("n", format_number(c.throttled.round(), 0)),
                    ("pct", pct(c.throttled_share)),
                ],
            );
            view! {
                <table class="fit-faas">
                    <tbody>
                        <tr><th scope="row">{Text::FitColdStarts.get(lang)}</th><td class="num" data-testid="fit-cold">{cold}</td></tr>
                        <tr><th scope="row">{Text::FitP95.get(lang)}</th><td class="num">{p95}</td></tr>
                        <tr><th scope="row">{Text::FitThrottles.get(lang)}</th><td class="num" data-testid="fit-throttled">{thr}</td></tr>
                    </tbody>
                </table>
            }
            .into_any()
        })
    };
    view! {
        <section class="panel fit-card" data-testid="fit-verdict" aria-live="polite" aria-labelledby="verdict-heading">
            <h3 id="verdict-heading">{move || ctx.t(Text::FitVerdictTitle)}</h3>
            {workload}
            {headline}
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
                {faas_rows}
            </div>
        </section>
    }
}
