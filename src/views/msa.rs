//! Monolith vs microservices: the ride-hailing app built both ways under the same traffic.
//! Failing or deploying a module is part of the scenario (`fail`, `deploy` in the URL), so the
//! blast radius of a shared link is the one its sender saw.
//!
//! The controls are the traffic (pattern and peak) and the network hop. The scaling view's CPU
//! per request, duration and function memory describe one function; this app's replicas follow
//! its modules' own profile instead (calls per request, CPU per call, memory), which the module
//! table shows, so those three fields are not offered here: on this view they would change
//! nothing.

use std::sync::Arc;

use leptos::prelude::*;
use skyscale_core::msa::{self, Feature, MsaOutcome};
use skyscale_core::msa_scene::{self, FeatureState, feature_states, fill};
use skyscale_core::scenario::{Module, limits};
use skyscale_core::{Lang, Text};

use crate::ScenarioCtx;
use crate::controls::{NumberField, TrafficControls};
use crate::diagram::Diagram;

/// The monolith-vs-microservices view.
#[component]
pub fn MsaView() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let outcome = Memo::new(move |_| ctx.get.with(msa::compare));
    let mono_scene = Memo::new(move |_| {
        ctx.get
            .with(|s| outcome.with(|o| Arc::new(msa_scene::monolith(s, o))))
    });
    let msa_scene_memo = Memo::new(move |_| {
        ctx.get
            .with(|s| outcome.with(|o| Arc::new(msa_scene::microservices(s, o))))
    });
    // A click (or Enter) on a module in either picture fails it, or brings it back.
    let on_activate = Callback::new(move |id: String| {
        let code = id
            .strip_prefix("mono-module-")
            .or_else(|| id.strip_prefix("msa-service-"));
        if let Some(m) = code.and_then(Module::from_code) {
            toggle_fail(ctx, m);
        }
    });

    view! {
        <section class="view view-msa" data-testid="view-msa" aria-labelledby="msa-heading">
            <div class="view-head">
                <h2 id="msa-heading">{move || ctx.t(Text::ViewMsa)}</h2>
            </div>
            <p class="view-lead">{move || super::lead(skyscale_core::scenario::View::Msa)}</p>
            <div class="msa-controls">
                <TrafficControls without_workload=true/>
                // A card of its own, as the traffic has: on a phone it sat bare under it.
                <div class="panel msa-hop">
                <NumberField
                    id="ctl-hop"
                    label=Text::MsaHopLabel
                    help=Text::MsaHopHelp
                    unit=Text::UnitMs
                    range=limits::HOP_MS
                    step=0.5
                    get=Signal::derive(move || ctx.rest.with(|s| s.msa.hop_ms))
                    set=move |v| ctx.update(|s| s.msa.hop_ms = v)
                />
                </div>
            </div>
            <div class="msa-pair">
                <Diagram scene=mono_scene name="monolith" on_activate=on_activate/>
                <Diagram scene=msa_scene_memo name="microservices" on_activate=on_activate/>
            </div>
            <ModuleActions/>
            <div class="msa-panels">
                <BlastRadius outcome=outcome/>
                <DeployPanel outcome=outcome/>
            </div>
            <CompareTable outcome=outcome/>
            <ProsCons outcome=outcome/>
        </section>
    }
}

fn toggle_fail(ctx: ScenarioCtx, m: Module) {
    ctx.navigate(move |s| {
        s.msa.fail = if s.msa.fail == Some(m) { None } else { Some(m) };
    });
}

fn toggle_deploy(ctx: ScenarioCtx, m: Module) {
    ctx.navigate(move |s| {
        s.msa.deploy = if s.msa.deploy == Some(m) {
            None
        } else {
            Some(m)
        };
    });
}

/// One row per module: Fail and Deploy as toggle buttons (the keyboard path to both).
#[component]
fn ModuleActions() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    // Only a failure or deploy (or the language) redraws the rows, not a traffic change.
    let acted = Memo::new(move |_| ctx.rest.with(|s| (s.msa.fail, s.msa.deploy)));
    // The modules' profile: what sets their replica counts (fixed data, built once per language).
    let profile = msa_scene::module_profile();
    let rows = move || {
        let lang = ctx.lang();
        let (fail, deploy) = acted.get();
        profile
            .iter()
            .cloned()
            .map(|(m, calls, cpu, mem)| {
                let name = m.label(lang);
                let failed = fail == Some(m);
                let deploying = deploy == Some(m);
                let fail_label = fill(Text::MsaFailLabel.get(lang), &[("module", name.into())]);
                let deploy_label = fill(Text::MsaDeployLabel.get(lang), &[("module", name.into())]);
                view! {
                    <tr class:failed=failed class:deploying=deploying data-module=m.code()>
                        <th scope="row">
                            {name}
                            // On a phone the profile's three columns give way to one line
                            // under the name (they were scrolled out of sight).
                            <small class="profile-inline">
                                <span>{format!("{} {calls}", Text::MsaProfileCalls.get(lang))}</span>
                                <span>{format!("{} {cpu}\u{a0}ms", Text::MsaProfileCpu.get(lang))}</span>
                                <span>{format!("{} {mem}\u{a0}MB", Text::MsaProfileMemory.get(lang))}</span>
                            </small>
                        </th>
                        <td>
                            <button
                                type="button"
                                class="btn toggle fail"
                                data-testid=format!("fail-{}", m.code())
                                aria-pressed=if failed { "true" } else { "false" }
                                aria-label=fail_label.clone()
                                title=fail_label
                                on:click=move |_| toggle_fail(ctx, m)
                            >
                                <span aria-hidden="true">{if failed { "✗ " } else { "" }}</span>
                                {Text::MsaFailButton.get(lang)}
                            </button>
                        </td>
                        <td>
                            <button
                                type="button"
                                class="btn toggle deploy"
                                data-testid=format!("deploy-{}", m.code())
                                aria-pressed=if deploying { "true" } else { "false" }
                                aria-label=deploy_label.clone()
                                title=deploy_label
                                on:click=move |_| toggle_deploy(ctx, m)
                            >
                                <span aria-hidden="true">{if deploying { "↻ " } else { "" }}</span>
                                {Text::MsaDeployButton.get(lang)}
                            </button>
                        </td>
                        <td class="num profile">{calls}</td>
                        <td class="num profile">{cpu}" ms"</td>
                        <td class="num profile">{mem}" MB"</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let reset = move |_| {
        ctx.navigate(|s| {
            s.msa.fail = None;
            s.msa.deploy = None;
        })
    };
    view! {
        <div class="msa-actions" data-testid="msa-actions">
            <h3 id="msa-actions-heading">{move || ctx.t(Text::MsaModulesTitle)}</h3>
            <div class="table-wrap">
            <table class="module-table" aria-labelledby="msa-actions-heading" aria-describedby="msa-profile-note">
                <thead>
                    <tr>
                        <th scope="col">{move || ctx.t(Text::MsaModuleCol)}</th>
                        <th scope="col">{move || ctx.t(Text::MsaFailButton)}</th>
                        <th scope="col">{move || ctx.t(Text::MsaDeployButton)}</th>
                        <th scope="col" class="profile">{move || ctx.t(Text::MsaProfileCalls)}</th>
                        <th scope="col" class="profile">{move || ctx.t(Text::MsaProfileCpu)}</th>
                        <th scope="col" class="profile">{move || ctx.t(Text::MsaProfileMemory)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            <p class="note" id="msa-profile-note" data-testid="msa-profile-note">{move || ctx.t(Text::MsaProfileNote)}</p>
            <button
                type="button"
                class="btn-secondary"
                data-testid="msa-reset"
                disabled=move || acted.get() == (None, None)
                on:click=reset
            >
                {move || ctx.t(Text::MsaReset)}
            </button>
        </div>
    }
}

/// The features list of one architecture, with icon and state in words.
fn feature_list(
    states: &[(Feature, FeatureState)],
    lang: Lang,
    testid: &'static str,
) -> impl IntoView + use<> {
    let items = states
        .iter()
        .map(|&(f, st)| {
            view! {
                <li class=format!("feature {}", st.code()) data-feature=f.code() data-state=st.code()>
                    <span class="feature-icon" aria-hidden="true">{st.icon()}</span>
                    " "{f.label(lang)}": "<span class="feature-state">{st.label().get(lang)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="feature-list" data-testid=testid>{items}</ul> }
}

/// Which features a failed module takes down, in both architectures.
#[component]
fn BlastRadius(
    /// Both architectures' numbers.
    outcome: Memo<MsaOutcome>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    // A live region: it is redrawn (and announced) only when what it says changes, not on
    // every slider input.
    let failed = Memo::new(move |_| {
        ctx.rest.with(|s| s.msa.fail)?;
        Some(outcome.with(|o| {
            (
                ctx.rest
                    .with(|s| msa_scene::blast_summary(s, o))
                    .unwrap_or_default(),
                feature_states(&o.monolith),
                feature_states(&o.microservices),
            )
        }))
    });
    let body = move || {
        let lang = ctx.lang();
        failed.with(|f| {
            let Some((summary, mono, msa)) = f else {
                let hint = ctx.get.with_untracked(|s| s.present.blast_hint());
                return view! { <p class="hint" data-testid="blast-summary">{ctx.t(hint)}</p> }
                    .into_any();
            };
            let summary = summary.clone();
            view! {
                <p data-testid="blast-summary">{summary}</p>
                <div class="two-cols">
                    <div>
                        <h4>{Text::Monolith.get(lang)}</h4>
                        {feature_list(mono, lang, "blast-monolith")}
                    </div>
                    <div>
                        <h4>{Text::Microservices.get(lang)}</h4>
                        {feature_list(msa, lang, "blast-microservices")}
                    </div>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <section class="panel blast" data-testid="blast-radius" aria-live="polite" aria-labelledby="blast-heading">
            <h3 id="blast-heading">{move || ctx.t(Text::MsaBlastTitle)}</h3>
            {body}
        </section>
    }
}

/// What a deploy restarts and for how long capacity drops, in both architectures.
#[component]
fn DeployPanel(
    /// Both architectures' numbers.
    outcome: Memo<MsaOutcome>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    // The two sentences as a memo: the live region changes only when they do.
    let said = Memo::new(move |_| {
        ctx.rest.with(|s| s.msa.deploy)?;
        outcome.with(|o| ctx.rest.with(|s| msa_scene::deploy_sentences(s, o)))
    });
    let body = move || match said.get() {
        None => {
            let hint = ctx.get.with_untracked(|s| s.present.deploy_hint());
            view! { <p class="hint" data-testid="deploy-hint">{ctx.t(hint)}</p> }.into_any()
        }
        Some((mono, ms)) => view! {
            <ul class="deploy-list">
                <li data-testid="deploy-monolith"><span aria-hidden="true">"↻ "</span>{mono}</li>
                <li data-testid="deploy-microservices"><span aria-hidden="true">"↻ "</span>{ms}</li>
            </ul>
        }
        .into_any(),
    };
    view! {
        <section class="panel deploy" data-testid="deploy-panel" aria-live="polite" aria-labelledby="deploy-heading">
            <h3 id="deploy-heading">{move || ctx.t(Text::MsaDeployTitle)}</h3>
            {body}
        </section>
    }
}

/// Cost, replicas, CPU, memory, idle footprint and per-feature latency, side by side.
#[component]
fn CompareTable(
    /// Both architectures' numbers.
    outcome: Memo<MsaOutcome>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let rows = move || {
        outcome.with(|o| {
            ctx.rest
                .with(|s| msa_scene::compare_rows(s, o))
                .into_iter()
                .map(|r| {
                    view! {
                        <tr data-row=r.key>
                            <th scope="row">{r.label}</th>
                            <td class="num">{r.monolith}</td>
                            <td class="num">{r.microservices}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let note = move || ctx.rest.with(msa_scene::latency_note);
    view! {
        <section class="panel compare" data-testid="msa-compare" aria-labelledby="compare-heading">
            <h3 id="compare-heading">{move || ctx.t(Text::MsaCompareTitle)}</h3>
            <div class="table-wrap">
                <table class="compare-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || ctx.t(Text::MsaMeasure)}</th>
                            <th scope="col">{move || ctx.t(Text::Monolith)}</th>
                            <th scope="col">{move || ctx.t(Text::Microservices)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="note">{note}</p>
        </section>
    }
}

/// The notes' pros and cons, each with the number the simulation just produced.
#[component]
fn ProsCons(
    /// Both architectures' numbers.
    outcome: Memo<MsaOutcome>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let points = Memo::new(move |_| ctx.get.with(|s| outcome.with(|o| msa_scene::points(s, o))));
    let list = |items: Vec<String>, mark: &'static str, testid: &'static str| {
        let lis = items
            .into_iter()
            .map(|p| view! { <li><span class="mark" aria-hidden="true">{mark}</span>" "{p}</li> })
            .collect_view();
        view! { <ul class="points" data-testid=testid>{lis}</ul> }
    };
    view! {
        <section class="panel pros-cons" data-testid="pros-cons" aria-labelledby="pros-heading">
            <h3 id="pros-heading">{move || ctx.t(Text::MsaProsCons)}</h3>
            <div class="two-cols">
                <div>
                    <h4>{move || ctx.t(Text::Monolith)}</h4>
                    <h5>{move || ctx.t(Text::MsaPros)}</h5>
                    {move || list(points.with(|p| p.monolith_pros.clone()), "+", "mono-pros")}
                    <h5>{move || ctx.t(Text::MsaCons)}</h5>
                    {move || list(points.with(|p| p.monolith_cons.clone()), "−", "mono-cons")}
                </div>
                <div>
                    <h4>{move || ctx.t(Text::Microservices)}</h4>
                    <h5>{move || ctx.t(Text::MsaPros)}</h5>
                    {move || list(points.with(|p| p.msa_pros.clone()), "+", "msa-pros")}
                    <h5>{move || ctx.t(Text::MsaCons)}</h5>
                    {move || list(points.with(|p| p.msa_cons.clone()), "−", "msa-cons")}
                </div>
            </div>
        </section>
    }
}
