//! Shared controls: labelled, keyboard-operable inputs bound to the scenario.
//!
//! Every control has a visible label, a help text (tooltip and `aria-describedby`), clamps what
//! it is given to the range the core accepts and says so in the current language instead of
//! passing a bad number on. The traffic controls are shared by the scaling and MSA views.

use leptos::prelude::*;
use skyscale_core::money::format_number;
use skyscale_core::scenario::{Pattern, Scenario, limits};
use skyscale_core::{Lang, Text};

use crate::ScenarioCtx;

/// The highest peak the slider reaches (the core accepts more, by URL or number field).
pub const SLIDER_MAX_RPS: f64 = 100_000.0;
const SLIDER_STEPS: f64 = 1_000.0;

/// Slider position (0–1000) for a peak in requests/s: 0 at 0, then log10 from 1 to 100,000.
pub fn peak_to_pos(rps: f64) -> f64 {
    if rps.is_nan() || rps < 1.0 {
        return 0.0;
    }
    (1.0 + rps.min(SLIDER_MAX_RPS).log10() / 5.0 * (SLIDER_STEPS - 1.0)).round()
}

/// The peak for a slider position, rounded to two significant digits so values read well.
pub fn pos_to_peak(pos: f64) -> f64 {
    if pos.is_nan() || pos < 1.0 {
        return 0.0;
    }
    let raw = 10f64.powf((pos.min(SLIDER_STEPS) - 1.0) / (SLIDER_STEPS - 1.0) * 5.0);
    let magnitude = 10f64.powf(raw.log10().floor() - 1.0).max(1.0);
    (raw / magnitude).round() * magnitude
}

fn pattern_name(p: Pattern) -> Text {
    match p {
        Pattern::Steady => Text::PatternSteady,
        Pattern::Diurnal => Text::PatternDiurnal,
        Pattern::Bursty => Text::PatternBursty,
        Pattern::Flash => Text::PatternFlash,
        Pattern::Batch => Text::PatternBatch,
        Pattern::Iot => Text::PatternIot,
        Pattern::Growth => Text::PatternGrowth,
    }
}

/// "500 requests/s" in the current language (slider value text, live readouts).
pub fn rps_text(rps: f64, lang: Lang) -> String {
    format!("{} {}", format_number(rps, 0), Text::UnitRps.get(lang))
}

/// Pattern, peak (log slider + exact number), CPU per request, duration and memory.
#[component]
pub fn TrafficControls(
    /// Leave out CPU per request, duration and memory (a view whose numbers do not use them).
    #[prop(optional)]
    without_workload: bool,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let peak = Memo::new(move |_| ctx.get.with(|s| s.traffic.peak_rps));
    let on_slide = move |ev: leptos::ev::Event| {
        if let Ok(pos) = event_target_value(&ev).parse::<f64>() {
            ctx.update(|s| s.traffic.peak_rps = pos_to_peak(pos));
        }
    };
    let on_pattern = move |ev: leptos::ev::Event| {
        if let Some(p) = Pattern::from_code(&event_target_value(&ev)) {
            ctx.navigate(|s| s.traffic.pattern = p);
        }
    };
    // Built once: the selection follows the pattern alone (not every slider input).
    let pattern = Memo::new(move |_| ctx.rest.with(|s| s.traffic.pattern));
    let patterns = Pattern::ALL
        .iter()
        .map(|&p| {
            view! {
                <option value=p.code() selected=move || pattern.get() == p>{move || ctx.t(pattern_name(p))}</option>
            }
        })
        .collect_view();
    view! {
        <fieldset class="controls traffic-controls" data-testid="traffic-controls">
            <legend>{move || ctx.t(Text::TrafficControls)}</legend>
            <div class="control">
                <label for="ctl-pattern">{move || ctx.t(Text::PatternLabel)}</label>
                <select
                    id="ctl-pattern"
                    data-testid="pattern"
                    aria-describedby="help-pattern"
                    title=move || ctx.t(Text::PatternHelp)
                    prop:value=move || pattern.get().code()
                    on:change=on_pattern
                >
                    {patterns}
                </select>
                <small id="help-pattern" class="help">{move || ctx.t(Text::PatternHelp)}</small>
            </div>
            <div class="control control-peak">
                <label for="ctl-peak">{move || ctx.t(Text::PeakLabel)}</label>
                <div class="slider-row">
                    <input
                        id="ctl-peak"
                        type="range"
                        data-testid="peak-slider"
                        min="0"
                        max=SLIDER_STEPS
                        step="1"
                        prop:value=move || peak_to_pos(peak.get())
                        aria-valuetext=move || rps_text(peak.get(), ctx.lang())
                        aria-describedby="help-peak"
                        title=move || ctx.t(Text::PeakHelp)
                        on:input=on_slide
                    />
                    <output for="ctl-peak" class="readout" data-testid="peak-value">
                        {move || rps_text(peak.get(), ctx.lang())}
                    </output>
                </div>
                <small id="help-peak" class="help">{move || ctx.t(Text::PeakHelp)}</small>
            </div>
            <NumberField
                id="ctl-peak-exact"
                label=Text::PeakLabel
                help=Text::PeakHelp
                unit=Text::UnitRps
                range=limits::PEAK_RPS
                step=1.0
                get=Signal::from(peak)
                set=move |v: f64| ctx.update(|s| s.traffic.peak_rps = v)
                hide_label=true
            />
            {(!without_workload).then(|| view! {
            <NumberField
                id="ctl-cpu"
                label=Text::CpuLabel
                help=Text::CpuHelp
                unit=Text::UnitMs
                range=limits::CPU_MS
                step=1.0
                get=Signal::derive(move || ctx.rest.with(|s| s.workload.cpu_ms))
                set=move |v: f64| ctx.update(|s| s.workload.cpu_ms = v)
            />
            <NumberField
                id="ctl-duration"
                label=Text::DurationLabel
                help=Text::DurationHelp
                unit=Text::UnitMs
                range=limits::DURATION_MS
                step=1.0
                get=Signal::derive(move || ctx.rest.with(|s| s.workload.duration_ms))
                set=move |v: f64| ctx.update(|s| s.workload.duration_ms = v)
            />
            <NumberField
                id="ctl-memory"
                label=Text::MemoryLabel
                help=Text::MemoryHelp
                unit=Text::UnitMb
                range=limits::MEMORY_MB
                step=64.0
                get=Signal::derive(move || ctx.rest.with(|s| s.workload.memory_mb))
                set=move |v: f64| ctx.update(|s| s.workload.memory_mb = v)
            />
            })}
        </fieldset>
    }
}

/// What a typed number means: a value to use (clamped into range) and, if it had to be
/// repaired, the message to show.
pub fn check_number(
    text: &str,
    (min, max): (f64, f64),
    lang: Lang,
) -> (Option<f64>, Option<String>) {
    let out_of_range = || {
        Text::OutOfRange
            .get(lang)
            .replace("{min}", &format_number(min, 0))
            .replace("{max}", &format_number(max, 0))
    };
    match text.trim().replace(',', "").parse::<f64>() {
        Ok(v) if v.is_finite() && v >= min && v <= max => (Some(v), None),
        Ok(v) if v.is_finite() => (Some(v.clamp(min, max)), Some(out_of_range())),
        _ => (None, Some(Text::NotANumber.get(lang).to_string())),
    }
}

/// A labelled number input with a unit, a help text and range checking.
#[component]
pub fn NumberField(
    /// The input's id (also the key of its help and error texts).
    id: &'static str,
    /// The visible label.
    label: Text,
    /// One sentence of explanation (tooltip and description).
    help: Text,
    /// The unit shown after the field.
    unit: Text,
    /// The accepted `(min, max)`.
    range: (f64, f64),
    /// Step of the arrow keys.
    step: f64,
    /// The current value.
    get: Signal<f64>,
    /// Stores a new (valid, clamped) value. A `Callback` rather than a generic closure keeps
    /// one copy of this component in the wasm instead of one per field.
    #[prop(into)]
    set: Callback<f64>,
    /// Hide the label visually (kept for screen readers) when a slider beside it shows it.
    #[prop(optional)]
    hide_label: bool,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    // `get` usually reads one field of the whole scenario, so it re-runs on every change of
    // any control; the memo keeps the field (and its formatting) from being redone then.
    let value = Memo::new(move |_| get.get());
    let (error, set_error) = signal(None::<String>);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let on_change = move |ev: leptos::ev::Event| {
        let (value, message) = check_number(&event_target_value(&ev), range, ctx.lang());
        if let Some(v) = value {
            set.run(v);
        }
        set_error.set(message);
    };
    let described = format!("{help_id} {error_id}");
    // Arrow keys step the value, as on a native number field.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let delta = match ev.key().as_str() {
            "ArrowUp" => step,
            "ArrowDown" => -step,
            _ => return,
        };
        ev.prevent_default();
        set.run((get.get_untracked() + delta).clamp(range.0, range.1));
        set_error.set(None);
    };
    view! {
        <div class="control" class:invalid=move || error.with(Option::is_some)>
            <label for=id class:visually-hidden=hide_label>{move || ctx.t(label)}</label>
            <div class="number-row">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    data-testid=id
                    prop:value=move || format_plain(value.get())
                    aria-describedby=described
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    title=move || ctx.t(help)
                    on:change=on_change
                    on:keydown=on_key
                />
                <span class="unit">{move || ctx.t(unit)}</span>
            </div>
            <small id=help_id class="help" class:visually-hidden=hide_label>{move || ctx.t(help)}</small>
            <small id=error_id class="error" role="alert">{move || error.get()}</small>
        </div>
    }
}

/// A number as a form field shows it: no grouping, at most 3 decimals.
fn format_plain(v: f64) -> String {
    let v = (v * 1000.0).round() / 1000.0;
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Exposed for views that need the scenario's pattern label.
pub fn pattern_label(s: &Scenario) -> Text {
    pattern_name(s.traffic.pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_slider_round_trips_and_spans_zero_to_the_max() {
        assert_eq!(pos_to_peak(0.0), 0.0);
        assert_eq!(pos_to_peak(1.0), 1.0);
        assert_eq!(pos_to_peak(SLIDER_STEPS), SLIDER_MAX_RPS);
        assert_eq!(peak_to_pos(0.0), 0.0);
        assert_eq!(peak_to_pos(f64::NAN), 0.0);
        for rps in [1.0, 5.0, 50.0, 500.0, 5_000.0, 100_000.0] {
            assert!(
                (pos_to_peak(peak_to_pos(rps)) - rps).abs() / rps < 0.05,
                "{rps}"
            );
        }
        let mut last = 0.0;
        for pos in 0..=1000 {
            let v = pos_to_peak(pos as f64);
            assert!(v >= last);
            last = v;
        }
    }

    #[test]
    fn typed_numbers_are_clamped_with_a_message() {
        assert_eq!(
            check_number("250", (1.0, 900.0), Lang::En),
            (Some(250.0), None)
        );
        let (v, msg) = check_number("-5", (1.0, 900.0), Lang::Ko);
        assert_eq!(v, Some(1.0));
        assert!(msg.unwrap().contains("900"));
        assert_eq!(check_number("NaN", (1.0, 9.0), Lang::En).0, None);
        assert_eq!(check_number("1e999", (1.0, 9.0), Lang::En).0, None);
        assert_eq!(
            check_number("1,000", (1.0, 9000.0), Lang::En).0,
            Some(1000.0)
        );
    }
}
