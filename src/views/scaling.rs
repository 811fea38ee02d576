//! Scaling & cost: the same traffic through every compute model, played over a day.
//!
//! The view holds only passing UI state (the minute while playing, playing or not); what a
//! link should show again (the minute once stopped, the speed, the chart, "show the math" and
//! the open groups of model settings) lives in the scenario and so in the URL. The outcome is
//! one `Memo` over `simulate(&Scenario)`, so dragging any control recomputes the whole day and
//! month once, and playback only moves the minute the lanes are drawn at.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use skyscale_core::chart::Chart;
use skyscale_core::money::Currency;
use skyscale_core::scenario::{
    Arch, ContainerService, FaasService, Runtime, Section, Speed, limits,
};
use skyscale_core::sim::{ModelKind, Outcome, simulate};
use skyscale_core::{Text, catalog, lanes, math};

use crate::ScenarioCtx;
use crate::browser::Debounce;
use crate::controls::{NumberField, TrafficControls};
use crate::diagram::{Diagram, on_screen, on_screen_memo};

const MINUTES: usize = 1440;
/// Playback tick; at 1× a day takes 20 s: 1,440 minutes / 20 s = 72 minutes per second.
const TICK_MS: u64 = 50;
const MINUTES_PER_TICK: f64 = 72.0 * TICK_MS as f64 / 1000.0;

/// The scaling-and-cost view.
#[component]
pub fn ScalingView() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let outcome = Memo::new(move |_| ctx.get.with(simulate));
    // Start at the busiest minute so the first picture shows the peak.
    let peak_minute = move || outcome.with(lanes::busiest_minute);
    let playing = RwSignal::new(false);
    // The minute shown lives in the URL (`t`) so a shared link shows the same moment; while
    // playing it only moves locally, and is written back when playback stops or on scrubbing.
    let initial = ctx.get.with_untracked(|s| s.minute).map(|m| m as usize);
    let minute = RwSignal::new(initial.unwrap_or_else(peak_minute).min(MINUTES - 1));
    let position = RwSignal::new(minute.get_untracked() as f64);
    let pin = move |m: usize| ctx.update(|s| s.minute = Some(m as u32));
    // Until the user picks a minute, show the busiest one of whatever day the controls make.
    Effect::new(move |_| {
        let busiest = peak_minute();
        if ctx.get.with_untracked(|s| s.minute.is_none()) && !playing.get_untracked() {
            minute.set(busiest);
            position.set(busiest as f64);
        }
    });
    // The speed is in the URL (`speed`), so a shared link plays as fast as its sender's did.
    let speed = Memo::new(move |_| ctx.rest.with(|s| s.speed));
    // A fixed figure (`lock=all` or `lock=t`) shows one minute: Play, the scrubber and the
    // speed are disabled, and nothing moves the minute.
    let fixed = ctx.get.with_untracked(|s| s.present.locked("t"));

    let handle = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        if let Some(h) = handle.get_value() {
            h.clear();
        }
        handle.set_value(None);
    };
    let start = move || {
        stop();
        let h = set_interval_with_handle(
            move || {
                let step = MINUTES_PER_TICK * speed.get_untracked().factor();
                let next = (position.get_untracked() + step) % MINUTES as f64;
                position.set(next);
                minute.set(next as usize);
            },
            Duration::from_millis(TICK_MS),
        )
        .ok();
        handle.set_value(h);
    };
    on_cleanup(stop);
    let toggle = move |_| {
        if fixed {
            return;
        }
        if playing.get_untracked() {
            stop();
            playing.set(false);
            pin(minute.get_untracked());
        } else {
            start();
            playing.set(true);
        }
    };

    // On a phone the lanes are rows (their text drawn at 11 CSS px or more), not columns; on a
    // phone on its side, two-line rows that fit its height above the slider.
    let layout = Memo::new(move |_| {
        if ctx.short.get() {
            lanes::Layout::Short
        } else if ctx.narrow.get() {
            lanes::Layout::Narrow
        } else {
            lanes::Layout::Wide
        }
    });
    let lanes_scene = Memo::new(move |_| {
        let m = minute.get();
        let layout = layout.get();
        outcome.with(|o| {
            ctx.get
                .with(|s| Arc::new(lanes::build_in(s, o, m, s.highlight, layout)))
        })
    });

    view! {
        <section class="view view-scaling" data-testid="view-scaling" aria-labelledby="scaling-heading">
            <div class="view-head">
                <h2 id="scaling-heading">{move || ctx.t(Text::ViewScaling)}</h2>
            </div>
            <p class="view-lead">{move || super::lead(skyscale_core::scenario::View::Scaling)}</p>
            // In the order the page reads in every layout (the keyboard follows it): the
            // traffic, the picture it drives, then the models' settings; style/main.css places
            // them in two columns on a desktop.
            <div class="scaling-layout">
                <div class="scaling-controls scaling-traffic">
                    <TrafficControls/>
                </div>
                <div class="scaling-main">
                    <div class="playback" class:playing=move || playing.get() data-testid="playback">
                        <button
                            type="button"
                            class="btn"
                            data-testid="play"
                            disabled=fixed
                            aria-pressed=move || if playing.get() { "true" } else { "false" }
                            title=move || ctx.t(Text::PlayLabel)
                            on:click=toggle
                        >
                            <span aria-hidden="true">{move || if playing.get() { "❚❚ " } else { "▶ " }}</span>
                            {move || ctx.t(if playing.get() { Text::Pause } else { Text::Play })}
                        </button>
                        <label for="ctl-minute" class="visually-hidden">{move || ctx.t(Text::ScrubLabel)}</label>
                        <input
                            id="ctl-minute"
                            type="range"
                            data-testid="scrub"
                            disabled=fixed
                            min="0"
                            max=MINUTES - 1
                            step="1"
                            prop:value=move || minute.get()
                            aria-valuetext=move || lanes::clock(minute.get())
                            title=move || ctx.t(Text::ScrubHelp)
                            on:input=move |ev| {
                                if fixed {
                                    // Even a script's input leaves the shown minute alone.
                                    event_target::<web_sys::HtmlInputElement>(&ev)
                                        .set_value(&minute.get_untracked().to_string());
                                    return;
                                }
                                if let Ok(m) = event_target_value(&ev).parse::<usize>() {
                                    position.set(m as f64);
                                    minute.set(m.min(MINUTES - 1));
                                    pin(m.min(MINUTES - 1));
                                }
                            }
                        />
                        <output class="readout clock" data-testid="clock">{move || lanes::clock(minute.get())}</output>
                        <label class="inline">
                            <span>{move || ctx.t(Text::SpeedLabel)}</span>
                            <select
                                data-testid="speed"
                                disabled=fixed
                                prop:value=move || speed.get().code()
                                on:change=move |ev| {
                                    if let Some(v) = Speed::from_code(&event_target_value(&ev)) {
                                        ctx.commit(|s| s.speed = v);
                                    }
                                }
                            >
                                {Speed::ALL
                                    .iter()
                                    .map(|&v| view! {
                                        <option value=v.code() selected=move || speed.get() == v>{format!("{}×", v.code())}</option>
                                    })
                                    .collect_view()}
                            </select>
                        </label>
                    </div>
                    // In quiz mode none of this exists until the prediction is committed.
                    <crate::quiz::Answers>
                    <Diagram
                        scene=lanes_scene
                        name="lanes"
                        layout=layout
                    />
                    <Charts outcome=outcome/>
                    <Announcer outcome=outcome/>
                    <MonthBill outcome=outcome/>
                    <ShowMath outcome=outcome/>
                    </crate::quiz::Answers>
                </div>
                <div class="scaling-controls scaling-settings">
                    <ModelSettings/>
                </div>
            </div>
        </section>
    }
}

fn chart_label(c: Chart) -> Text {
    match c {
        Chart::Traffic => Text::ChartPickTraffic,
        Chart::Cost => Text::ChartPickCost,
        Chart::Latency => Text::ChartPickLatency,
        Chart::Breakeven => Text::ChartPickBreakeven,
    }
}

/// The four charts, one at a time (only the chart on screen is drawn on each change, which
/// keeps slider drags fast): traffic vs capacity, cost so far, p95 latency, break-even.
#[component]
fn Charts(
    /// The simulation outcome.
    outcome: Memo<Outcome>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    // The chart shown is in the URL (`chart`): a shared link shows the same one.
    let chart = Memo::new(move |_| ctx.rest.with(|s| s.chart));
    let scene = Memo::new(move |_| {
        let c = chart.get();
        outcome.with(|o| ctx.get.with(|s| Arc::new(c.draw(s, o))))
    });
    view! {
        <section class="panel charts" data-testid="charts" aria-labelledby="charts-heading">
            <div class="panel-head">
                <h3 id="charts-heading">{move || ctx.t(Text::ChartsHeading)}</h3>
                <div class="segmented" role="radiogroup" data-control="chart" aria-label=move || ctx.t(Text::ChartPick)>
                    {Chart::ALL
                        .into_iter()
                        .map(|c| {
                            view! {
                                <label class="seg" class:checked=move || chart.get() == c>
                                    <input
                                        type="radio"
                                        name="chart"
                                        value=c.code()
                                        data-testid=format!("chart-{}", c.code())
                                        data-control="chart"
                                        prop:checked=move || chart.get() == c
                                        on:change=move |_| {
                                            ctx.commit(|s| s.chart = c);
                                            crate::browser::figures_to_start_after_paint("charts");
                                        }
                                    />
                                    {move || ctx.t(chart_label(c))}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
            {move || {
                let c = chart.get();
                // The chart's series as CSV, worked out only when asked for.
                let csv = Callback::new(move |()| outcome.with(|o| ctx.get.with(|s| c.csv(s, o))));
                view! { <Diagram scene=scene name=c.code() csv=csv/> }
            }}
        </section>
    }
}

/// A polite live summary for screen readers, updated when the outcome settles (not per frame:
/// it waits until the controls have been still for a moment).
#[component]
fn Announcer(
    /// The simulation outcome.
    outcome: Memo<Outcome>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let (text, set_text) = signal(String::new());
    // The summary is only written once the outcome has been still for 800 ms.
    let summary =
        move || outcome.with_untracked(|o| ctx.get.with_untracked(|s| lanes::announcement(s, o)));
    let speak = StoredValue::new_local(Debounce::new(800, move || set_text.set(summary())));
    Effect::new(move |_| {
        outcome.track();
        speak.with_value(Debounce::poke);
    });
    // Leaving the view stops a summary that is still waiting.
    on_cleanup(move || {
        speak.try_with_value(Debounce::cancel);
    });
    view! { <p class="visually-hidden" aria-live="polite" data-testid="announcer">{text}</p> }
}

/// The 30-day bill per model, in USD or KRW.
#[component]
fn MonthBill(
    /// The simulation outcome.
    outcome: Memo<Outcome>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    // The table's text as one memo; the rows themselves are built once and only their cells'
    // text changes on a slider input (no rows re-created, no table re-laid out from scratch).
    // Below the fold while the lanes are watched: it catches up when a drag pauses.
    let section = NodeRef::<leptos::html::Section>::new();
    let bill = on_screen_memo(on_screen(section), move || {
        let (cur, rate, lang) = ctx.rest.with(|s| (s.currency, s.krw_per_usd, s.lang));
        outcome.with(|o| math::month_table(o, cur, rate, lang))
    });
    let cell = move |i: usize, f: fn(&math::MonthRow) -> String| move || bill.with(|b| f(&b[i]));
    let rows = ModelKind::ALL
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let cheapest = move || bill.with(|b| b[i].cheapest);
            view! {
                <tr data-testid=format!("bill-{}", k.code()) class:cheapest=cheapest>
                    <th scope="row">
                        {move || ctx.t(k.label())}
                        {move || cheapest().then(|| view! { " "<span class="badge">"★ "{ctx.t(Text::CheapestBadge)}</span> })}
                    </th>
                    <td class="num" data-testid=format!("month-{}", k.code())>{cell(i, |r| r.cost.clone())}</td>
                    <td class="num">{cell(i, |r| r.max_instances.clone())}</td>
                    <td class="num">{cell(i, |r| r.p95.clone())}</td>
                    <td class="num">{cell(i, |r| r.lost.clone())}</td>
                    <td class="num" data-testid=format!("cold-{}", k.code())>{cell(i, |r| r.cold_starts.clone())}</td>
                </tr>
            }
        })
        .collect_view();
    let saas_row = ModelKind::ALL.len();
    let saas = view! {
        <tr data-testid="bill-saas">
            <th scope="row">{move || ctx.t(Text::ModelSaas)}</th>
            <td class="num" data-testid="month-saas">{cell(saas_row, |r| r.cost.clone())}</td>
            <td class="num">"—"</td>
            <td class="num">"—"</td>
            <td class="num">"—"</td>
            <td class="num">"—"</td>
        </tr>
    };
    let on_currency = move |ev: leptos::ev::Event| {
        if let Some(c) = Currency::from_code(&event_target_value(&ev)) {
            ctx.update(|s| s.currency = c);
        }
    };
    view! {
        <section class="panel month" data-testid="month-bill" aria-labelledby="month-heading" node_ref=section>
            <div class="panel-head">
                <h3 id="month-heading">{move || ctx.t(Text::MonthTitle)}</h3>
                <label class="inline">
                    <span>{move || ctx.t(Text::CurrencyLabel)}</span>
                    <select data-testid="currency" on:change=on_currency>
                        <option value="usd" selected=move || ctx.rest.with(|s| s.currency == Currency::Usd)>"USD ($)"</option>
                        <option value="krw" selected=move || ctx.rest.with(|s| s.currency == Currency::Krw)>"KRW (₩)"</option>
                    </select>
                </label>
                <NumberField
                    id="ctl-krw"
                    label=Text::RateLabel
                    help=Text::RateHelp
                    unit=Text::UnitKrwPerUsd
                    range=limits::KRW_PER_USD
                    step=10.0
                    get=Signal::derive(move || ctx.rest.with(|s| s.krw_per_usd))
                    set=move |v: f64| ctx.update(|s| s.krw_per_usd = v)
                />
            </div>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || ctx.t(Text::ColModel)}</th>
                            <th scope="col">{move || ctx.t(Text::ColCost)}</th>
                            <th scope="col">{move || ctx.t(Text::ColMaxInstances)}</th>
                            <th scope="col">{move || ctx.t(Text::ColP95)}</th>
                            <th scope="col">{move || ctx.t(Text::ColDropped)}</th>
                            <th scope="col">{move || ctx.t(Text::ColColdStarts)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}{saas}</tbody>
                </table>
            </div>
            <p class="help">"★ "{move || { let lang = ctx.lang(); ctx.rest.with(|s| math::cheapest_note(skyscale_core::sim::p95_target_ms(s), lang)) }}" "{move || ctx.t(Text::MonthWhatIsWhose)}" "{move || math::timed_out_note(ctx.lang())}</p>
        </section>
    }
}

/// "Show the math": each bill as a formula with the numbers filled in.
#[component]
fn ShowMath(
    /// The simulation outcome.
    outcome: Memo<Outcome>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    // Whether the panel is open is in the URL (`math`). What it shows follows the panel itself
    // (the formulas are only worked out while it is open, not on every slider input), so a
    // figure whose controls an embedding page locks can still be opened to read them.
    let wanted = Memo::new(move |_| ctx.rest.with(|s| s.show_math));
    let (open, set_open) = signal(wanted.get_untracked());
    Effect::new(move |_| set_open.set(wanted.get()));
    // The math's text as one memo (plain strings), worked out only while the panel is open;
    // below the fold during a drag it catches up when the drag pauses, as the month table
    // does (its keep-warm ping suggestion simulates the month a second time: on screen only).
    let panel = NodeRef::<leptos::html::Details>::new();
    let text = on_screen_memo(on_screen(panel), move || {
        if !open.get() && !ctx.printing.get() {
            return None;
        }
        let s = ctx.rest.get();
        let lang = s.lang;
        outcome.with(|o| {
            let mut blocks: Vec<(&'static str, &'static str, String)> = ModelKind::ALL
                .iter()
                .map(|&k| {
                    let lines = math::block(o, o.model(k), s.currency, s.krw_per_usd, lang);
                    (k.label().get(lang), k.code(), lines.join("\n"))
                })
                .collect();
            let saas = math::saas_block(o, s.currency, s.krw_per_usd, lang);
            blocks.push((Text::ModelSaas.get(lang), "saas", saas.join("\n")));
            let plan = math::month_plan(o, lang);
            // Where each price comes from and when it was read (the core writes the lines).
            let prices = skyscale_core::sources::price_lines(&s, lang);
            Some((plan, blocks, prices))
        })
    });
    let body = move || {
        text.get().map(|(plan, blocks, prices)| {
            let lines = |lines: Vec<String>| {
                lines
                    .into_iter()
                    .map(|line| view! { <p class="help">{line}</p> })
                    .collect_view()
            };
            let plan = view! { <div class="math-plan" data-testid="math-plan">{lines(plan)}</div> };
            let prices =
                view! { <div class="math-prices" data-testid="math-prices">{lines(prices)}</div> };
            let blocks = blocks
                .into_iter()
                .map(|(name, code, text)| {
                    view! {
                        <div class="math-block" data-testid=format!("math-{code}")>
                            <h4>{name}</h4>
                            <pre>{text}</pre>
                        </div>
                    }
                })
                .collect_view();
            view! { {plan}{blocks}{prices} }
        })
    };
    view! {
        <details
            class="panel math print-open"
            data-testid="show-math"
            node_ref=panel
            open=wanted.get_untracked()
            prop:open=move || wanted.get()
            on:toggle=move |ev| {
                let is_open = details_open(&ev);
                set_open.set(is_open);
                // Printing opens the panel for the handout; that is not the user's choice.
                if !ctx.printing.get_untracked() && wanted.get_untracked() != is_open {
                    ctx.commit(|s| s.show_math = is_open);
                }
            }
        >
            <summary>{move || ctx.t(Text::ShowMath)}</summary>
            <p class="help">{move || ctx.t(Text::ShowMathLead)}</p>
            {body}
        </details>
    }
}

/// Per-model settings, grouped and collapsible.
#[component]
fn ModelSettings() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    // The options never change; the select's value follows the scenario (a memo, so it is only
    // touched when the instance type itself changes).
    let instance = Memo::new(move |_| ctx.rest.with(|s| s.vm.instance.clone()));
    let vm_options = catalog::catalog()
        .vm_ids()
        .into_iter()
        .map(|id| {
            view! {
                <option value=id.to_string() selected=move || instance.with(|i| i == id)>
                    {id.to_string()}
                </option>
            }
        })
        .collect_view();
    let check = move |get: fn(&skyscale_core::Scenario) -> bool,
                      set: fn(&mut skyscale_core::Scenario, bool),
                      id: &'static str,
                      label: Text,
                      help: Text| {
        let on = Memo::new(move |_| ctx.rest.with(get));
        view! {
            <div class="control check">
                <input
                    id=id
                    type="checkbox"
                    data-testid=id
                    prop:checked=move || on.get()
                    aria-describedby=format!("{id}-help")
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        ctx.update(|s| set(s, on));
                    }
                />
                <label for=id>{move || ctx.t(label)}</label>
                <small id=format!("{id}-help") class="help">{move || ctx.t(help)}</small>
            </div>
        }
    };
    // Which groups are open is in the URL (`open`): a shared link shows the settings its
    // sender changed, not a folded group.
    let sections = Memo::new(move |_| ctx.rest.with(|s| s.open));
    let opened = move |g: Section| sections.with_untracked(|o| o.is_open(g));
    let is_open = move |g: Section| move || sections.with(|o| o.is_open(g));
    let toggled = move |g: Section| {
        move |ev: leptos::ev::Event| {
            let now = details_open(&ev);
            if !ctx.printing.get_untracked() && sections.with_untracked(|o| o.is_open(g)) != now {
                ctx.commit(|s| s.open.set(g, now));
            }
        }
    };
    view! {
        <fieldset class="controls model-settings" data-testid="model-settings">
            <legend>{move || ctx.t(Text::ModelSettings)}</legend>
            <details
                data-testid="settings-onprem"
                open=opened(Section::OnPrem)
                prop:open=is_open(Section::OnPrem)
                on:toggle=toggled(Section::OnPrem)
            >
                <summary>{move || ctx.t(Text::OnPremSettings)}</summary>
                <NumberField id="ctl-headroom" key="head" label=Text::HeadroomLabel help=Text::HeadroomHelp unit=Text::UnitPct
                    range=limits::HEADROOM_PCT step=5.0
                    get=Signal::derive(move || ctx.rest.with(|s| s.onprem.headroom_pct))
                    set=move |v: f64| ctx.update(|s| s.onprem.headroom_pct = v)/>
            </details>
            <details
                data-testid="settings-vm"
                open=opened(Section::Vm)
                prop:open=is_open(Section::Vm)
                on:toggle=toggled(Section::Vm)
            >
                <summary>{move || ctx.t(Text::VmSettings)}</summary>
                <div class="control">
                    <label for="ctl-vm">{move || ctx.t(Text::InstanceTypeLabel)}</label>
                    <select id="ctl-vm" data-testid="ctl-vm" aria-describedby="ctl-vm-help"
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            if catalog::catalog().vm(&id).is_some() {
                                ctx.update(|s| s.vm.instance = id);
                            }
                        }>
                        {vm_options}
                    </select>
                    <small id="ctl-vm-help" class="help">{move || ctx.t(Text::InstanceTypeHelp)}</small>
                </div>
                <NumberField id="ctl-fixed" key="n" label=Text::FixedCountLabel help=Text::FixedCountHelp unit=Text::LaneInstances
                    range=limits::FIXED_COUNT step=1.0 whole=true
                    get=Signal::derive(move || ctx.rest.with(|s| s.vm.fixed_count as f64))
                    set=move |v: f64| ctx.update(|s| s.vm.fixed_count = v.round() as u32)/>
                <NumberField id="ctl-target" key="tgt" label=Text::TargetLabel help=Text::TargetHelp unit=Text::UnitPct
                    range=limits::TARGET_PCT step=5.0
                    get=Signal::derive(move || ctx.rest.with(|s| s.vm.target_pct))
                    set=move |v: f64| ctx.update(|s| s.vm.target_pct = v)/>
                <NumberField id="ctl-min" key="min" label=Text::MinLabel help=Text::MinHelp unit=Text::LaneInstances
                    range=limits::COUNT step=1.0 whole=true
                    get=Signal::derive(move || ctx.rest.with(|s| s.vm.min as f64))
                    set=move |v: f64| ctx.update(|s| s.vm.min = v.round() as u32)/>
                <NumberField id="ctl-max" key="max" label=Text::MaxLabel help=Text::MaxHelp unit=Text::LaneInstances
                    range=limits::FIXED_COUNT step=1.0 whole=true
                    get=Signal::derive(move || ctx.rest.with(|s| s.vm.max as f64))
                    set=move |v: f64| ctx.update(|s| s.vm.max = v.round() as u32)/>
                <NumberField id="ctl-boot" key="boot" label=Text::BootLabel help=Text::BootHelp unit=Text::UnitS
                    range=limits::BOOT_S step=10.0
                    get=Signal::derive(move || ctx.rest.with(|s| s.vm.boot_s))
                    set=move |v: f64| ctx.update(|s| s.vm.boot_s = v)/>
            </details>
            <details
                data-testid="settings-ctr"
                open=opened(Section::Container)
                prop:open=is_open(Section::Container)
                on:toggle=toggled(Section::Container)
            >
                <summary>{move || ctx.t(Text::ContainerSettings)}</summary>
                <div class="control">
                    <label for="ctl-ctr">{move || ctx.t(Text::ContainerServiceLabel)}</label>
                    <select id="ctl-ctr" data-testid="ctl-ctr"
                        on:change=move |ev| {
                            if let Some(c) = ContainerService::from_code(&event_target_value(&ev)) {
                                ctx.update(|s| s.container.service = c);
                            }
                        }>
                        {ContainerService::ALL.iter().map(|&c| {
                            view! { <option value=c.code() selected=move || ctx.rest.with(|s| s.container.service == c)>{move || ctx.t(c.label())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <NumberField id="ctl-vcpu" key="vcpu" label=Text::VcpuLabel help=Text::VcpuHelp unit=Text::UnitVcpu
                    range=limits::VCPU step=0.25
                    get=Signal::derive(move || ctx.rest.with(|s| s.container.vcpu))
                    set=move |v: f64| ctx.update(|s| s.container.vcpu = v)/>
                <NumberField id="ctl-gb" key="gb" label=Text::MemGbLabel help=Text::MemGbHelp unit=Text::UnitGb
                    range=limits::MEMORY_GB step=0.5
                    get=Signal::derive(move || ctx.rest.with(|s| s.container.memory_gb))
                    set=move |v: f64| ctx.update(|s| s.container.memory_gb = v)/>
                <NumberField id="ctl-cmin" key="cmin" label=Text::MinInstancesLabel help=Text::MinInstancesHelp unit=Text::LaneInstances
                    range=limits::COUNT step=1.0 whole=true
                    get=Signal::derive(move || ctx.rest.with(|s| s.container.min_instances as f64))
                    set=move |v: f64| ctx.update(|s| s.container.min_instances = v.round() as u32)/>
                <NumberField id="ctl-cmax" key="cmax" label=Text::MaxInstancesLabel help=Text::MaxInstancesHelp unit=Text::LaneInstances
                    range=limits::FIXED_COUNT step=1.0 whole=true
                    get=Signal::derive(move || ctx.rest.with(|s| s.container.max_instances as f64))
                    set=move |v: f64| ctx.update(|s| s.container.max_instances = v.round() as u32)/>
            </details>
            <details
                data-testid="settings-faas"
                open=opened(Section::Faas)
                prop:open=is_open(Section::Faas)
                on:toggle=toggled(Section::Faas)
            >
                <summary>{move || ctx.t(Text::FaasSettings)}</summary>
                <div class="control">
                    <label for="ctl-faas">{move || ctx.t(Text::FaasServiceLabel)}</label>
                    <select id="ctl-faas" data-testid="ctl-faas" aria-describedby="ctl-faas-help"
                        on:change=move |ev| {
                            if let Some(f) = FaasService::from_code(&event_target_value(&ev)) {
                                ctx.update(|s| s.faas.service = f);
                            }
                        }>
                        <option value="lambda" selected=move || ctx.rest.with(|s| s.faas.service == FaasService::Lambda)>"AWS Lambda"</option>
                        <option value="azure" selected=move || ctx.rest.with(|s| s.faas.service == FaasService::Azure)>"Azure Functions"</option>
                    </select>
                    <small id="ctl-faas-help" class="help">{move || ctx.t(Text::FaasServiceHelp)}</small>
                </div>
                <div class="control">
                    <label for="ctl-arch">{move || ctx.t(Text::ArchLabel)}</label>
                    <select id="ctl-arch" data-testid="ctl-arch" aria-describedby="ctl-arch-help"
                        on:change=move |ev| {
                            if let Some(a) = Arch::from_code(&event_target_value(&ev)) {
                                ctx.update(|s| s.faas.arch = a);
                            }
                        }>
                        <option value="x86_64" selected=move || ctx.rest.with(|s| s.faas.arch == Arch::X86_64)>"x86_64"</option>
                        <option value="arm64" selected=move || ctx.rest.with(|s| s.faas.arch == Arch::Arm64)>"arm64"</option>
                    </select>
                    <small id="ctl-arch-help" class="help">{move || ctx.t(Text::ArchHelp)}</small>
                </div>
                <div class="control">
                    <label for="ctl-rt">{move || ctx.t(Text::RuntimeLabel)}</label>
                    <select id="ctl-rt" data-testid="ctl-rt" aria-describedby="ctl-rt-help"
                        on:change=move |ev| {
                            if let Some(r) = Runtime::from_code(&event_target_value(&ev)) {
                                ctx.update(|s| s.faas.runtime = r);
                            }
                        }>
                        {Runtime::ALL.iter().map(|&r| view! {
                            <option value=r.code() selected=move || ctx.rest.with(|s| s.faas.runtime == r)>{r.code()}</option>
                        }).collect_view()}
                    </select>
                    <small id="ctl-rt-help" class="help">{move || ctx.t(Text::RuntimeHelp)}</small>
                </div>
                {check(|s| s.faas.free_tier, |s, on| s.faas.free_tier = on, "ctl-free", Text::FreeTierLabel, Text::FreeTierHelp)}
                {check(|s| s.faas.granularity_ms == 100, |s, on| s.faas.granularity_ms = if on { 100 } else { 1 }, "ctl-gran", Text::GranularityLabel, Text::GranularityHelp)}
                {check(|s| s.faas.legacy_limits, |s, on| s.faas.legacy_limits = on, "ctl-legacy", Text::LegacyLabel, Text::LegacyHelp)}
                <NumberField id="ctl-pc" key="pc" label=Text::ProvisionedLabel help=Text::ProvisionedHelp unit=Text::LaneEnvironments
                    range=limits::COUNT step=1.0 whole=true
                    get=Signal::derive(move || ctx.rest.with(|s| s.faas.provisioned as f64))
                    set=move |v: f64| ctx.update(|s| s.faas.provisioned = v.round() as u32)/>
                <NumberField id="ctl-quota" key="quota" label=Text::QuotaLabel help=Text::QuotaHelp unit=Text::LaneEnvironments
                    range=limits::QUOTA step=100.0 whole=true
                    get=Signal::derive(move || ctx.rest.with(|s| s.faas.quota as f64))
                    set=move |v: f64| ctx.update(|s| s.faas.quota = v.round() as u32)/>
                <NumberField id="ctl-warm" label=Text::WarmLabel help=Text::WarmHelp unit=Text::UnitMin
                    range=limits::WARM_MIN step=1.0 whole=true
                    get=Signal::derive(move || ctx.rest.with(|s| s.faas.warm_min as f64))
                    set=move |v: f64| ctx.update(|s| s.faas.warm_min = v.round() as u32)/>
                <NumberField id="ctl-ping" label=Text::PingLabel help=Text::PingHelp unit=Text::UnitMin
                    range=limits::PING_MIN step=1.0 whole=true
                    get=Signal::derive(move || ctx.rest.with(|s| s.faas.ping_min as f64))
                    set=move |v: f64| ctx.update(|s| s.faas.ping_min = v.round() as u32)/>
            </details>
        </fieldset>
    }
}

/// Whether the `<details>` a toggle event came from is open now.
fn details_open(ev: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}
