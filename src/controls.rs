//! Shared controls: labelled, keyboard-operable inputs bound to the scenario.
//!
//! Every control has a visible label, a help text (tooltip and `aria-describedby`), clamps what
//! it is given to the range the core accepts and says so in the current language instead of
//! passing a bad number on. The traffic controls are shared by the scaling and MSA views.

use leptos::prelude::*;
use skyscale_core::scenario::{Pattern, Reason, Scenario, Typed, Warning, bound_text, limits};
use skyscale_core::{Lang, Text};

use crate::{ScenarioCtx, browser};

/// The highest peak the slider reaches (the core accepts more, by URL or number field).
pub const SLIDER_MAX_RPS: f64 = 100_000.0;
/// The slider's last position. Each position is a distinct peak: 0, then every number with
/// two significant digits (1 … 9, 10, 11 … 99, 100, 110 … 990, 1,000 … 99,000) and 100,000,
/// so every arrow key and every position of a drag changes the value, and each decade above
/// 10 gets the same 90 steps (close to a log scale).
pub const SLIDER_STOPS: usize = 370;

/// The peak (requests/s) at slider position `pos` (0 ..= [`SLIDER_STOPS`]).
pub fn pos_to_peak(pos: usize) -> f64 {
    match pos {
        0..=99 => pos as f64,
        _ if pos >= SLIDER_STOPS => SLIDER_MAX_RPS,
        _ => {
            let q = pos - 100;
            let decade = 10f64.powi(q as i32 / 90 + 1);
            (10 + q % 90) as f64 * decade
        }
    }
}

/// The slider position nearest to a peak (the lower one on a tie; NaN and below 0 at 0,
/// beyond 100,000 at the end).
pub fn peak_to_pos(rps: f64) -> usize {
    if rps.is_nan() || rps <= 0.0 {
        return 0;
    }
    // The first position at or above the peak, then whichever neighbour is nearer.
    let (mut lo, mut hi) = (0, SLIDER_STOPS);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if pos_to_peak(mid) < rps {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo > 0 && rps - pos_to_peak(lo - 1) <= pos_to_peak(lo) - rps {
        lo - 1
    } else {
        lo
    }
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

/// "500 requests/s" in the current language (slider value text, live readouts); small rates
/// per minute or per hour ("3.6 requests/h"), never "0 requests/s" for a rate above zero.
pub fn rps_text(rps: f64, lang: Lang) -> String {
    skyscale_core::money::format_rps(rps, lang)
}

/// Pattern, peak (slider + exact number), CPU per request, duration and memory.
#[component]
pub fn TrafficControls(
    /// Leave out CPU per request, duration and memory (a view whose numbers do not use them).
    #[prop(optional)]
    without_workload: bool,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let peak = Memo::new(move |_| ctx.get.with(|s| s.traffic.peak_rps));
    let on_slide = move |ev: leptos::ev::Event| {
        if let Ok(pos) = event_target_value(&ev).parse::<usize>() {
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
            // The value sits on the label's line and the slider has a row of its own, so a
            // wider number ("100,000 requests/s") never takes width from the slider: the track
            // stays put under the pointer while it drags.
            <div class="control control-peak">
                <div class="slider-head">
                    <label for="ctl-peak">{move || ctx.t(Text::PeakLabel)}</label>
                    <output for="ctl-peak" class="readout" data-testid="peak-value">
                        {move || rps_text(peak.get(), ctx.lang())}
                    </output>
                </div>
                <input
                    id="ctl-peak"
                    type="range"
                    data-testid="peak-slider"
                    min="0"
                    max=SLIDER_STOPS
                    step="1"
                    prop:value=move || peak_to_pos(peak.get())
                    aria-valuetext=move || rps_text(peak.get(), ctx.lang())
                    aria-describedby="help-peak"
                    title=move || ctx.t(Text::PeakHelp)
                    on:input=on_slide
                    // Docked at the window's foot (a phone, a tablet), the slider is in reach
                    // from anywhere on the page: a drag begun where the lanes are out of sight
                    // brings them into it first, so the drag is watched, not blind.
                    on:pointerdown=move |_| browser::reveal_docked_lanes()
                    // A drag or a key press is over: into the URL now (a held key or a drag
                    // writes it once, at the end, not on each of its inputs).
                    on:pointerup=move |_| ctx.flush()
                    on:keyup=move |_| ctx.flush()
                />
                <small id="help-peak" class="help">{move || ctx.t(Text::PeakHelp)}</small>
            </div>
            <NumberField
                id="ctl-peak-exact"
                key="peak"
                label=Text::PeakExactLabel
                help=Text::PeakExactHelp
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
                key="cpu"
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
                key="dur"
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
                key="mem"
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

/// What a field says about the value it was given, kept as data and put into words in the
/// current language each time it is shown (so a language toggle translates it too).
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// The text was no number; nothing changed.
    NotANumber,
    /// The number was outside `(min, max)`; the nearer bound is used.
    OutOfRange(f64, f64),
    /// A count takes whole numbers: the typed fraction was rounded to this.
    Rounded(f64),
    /// The scenario's repair changed a value after the edit (see `Scenario::repair`).
    Repaired(Warning),
}

/// The field label of a query key, for repairs that involve another field.
fn key_label(key: &str) -> Option<Text> {
    Some(match key {
        "min" => Text::MinLabel,
        "max" => Text::MaxLabel,
        "cmin" => Text::MinInstancesLabel,
        "cmax" => Text::MaxInstancesLabel,
        "quota" => Text::QuotaLabel,
        _ => return None,
    })
}

/// A repaired value as the fields show numbers: grouped, with every digit it has.
fn used_text(used: &str) -> String {
    used.parse::<f64>()
        .map_or_else(|_| used.to_string(), bound_text)
}

impl Note {
    /// The note for the field whose query key is `own`, in `lang`.
    pub fn text(&self, own: &str, lang: Lang) -> String {
        match self {
            Note::NotANumber => Text::NotANumber.get(lang).to_string(),
            Note::OutOfRange(min, max) => Text::OutOfRange
                .get(lang)
                .replace("{min}", &bound_text(*min))
                .replace("{max}", &bound_text(*max)),
            Note::Rounded(used) => Text::RoundedToWhole
                .get(lang)
                .replace("{value}", &bound_text(*used)),
            Note::Repaired(w) => {
                let label =
                    |key: &str| key_label(key).map_or(key.to_string(), |t| t.get(lang).to_string());
                match &w.reason {
                    Reason::AboveMaximum { of } if w.key == own => Text::FieldCapped
                        .get(lang)
                        .replace("{other}", &label(of))
                        .replace("{max}", &used_text(&w.used)),
                    Reason::AboveMaximum { .. } => Text::FieldLowered
                        .get(lang)
                        .replace("{other}", &label(&w.key))
                        .replace("{value}", &used_text(&w.used)),
                    _ => w.message(lang),
                }
            }
        }
    }
}

/// What a typed number means: the value to use (clamped into range), if any, and the notes to
/// show before the scenario's own repair adds any.
pub fn check_number(text: &str, range: (f64, f64)) -> (Option<f64>, Vec<Note>) {
    match skyscale_core::scenario::check_typed(text, range) {
        Typed::Valid(v) => (Some(v), Vec::new()),
        Typed::Clamped(v) => (Some(v), vec![Note::OutOfRange(range.0, range.1)]),
        Typed::NotANumber => (None, vec![Note::NotANumber]),
    }
}

/// A labelled number input with a unit, a help text and range checking.
#[component]
pub fn NumberField(
    /// The input's id (also the key of its help and error texts).
    id: &'static str,
    /// The query key the field sets (`min`, `cmax`, …): a repair of this key is said as this
    /// field's own ("can't be more than …"), one of another key as a consequence.
    #[prop(optional)]
    key: &'static str,
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
    /// Stores a new (valid, clamped) value through `ScenarioCtx::update`, whose repair the
    /// field then reports. A `Callback` rather than a generic closure keeps one copy of this
    /// component in the wasm instead of one per field.
    #[prop(into)]
    set: Callback<f64>,
    /// Hide the label visually (kept for screen readers) when a slider beside it shows it.
    #[prop(optional)]
    hide_label: bool,
    /// A count (VMs, environments, minutes): a typed fraction is rounded, and the field says so.
    #[prop(optional)]
    whole: bool,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    // `get` usually reads one field of the whole scenario, so it re-runs on every change of
    // any control; the memo keeps the field (and its formatting) from being redone then.
    let value = Memo::new(move |_| get.get());
    // The notes of the last edit, with the page's edit epoch they belong to (a history step
    // or a preset starts a new one, and the notes of an older scenario are not shown) and the
    // value the field was left at.
    //
    // Each note is shown while what it says holds, whatever else is edited: the field's own
    // ("not a number", "set to the largest allowed", "rounded") while the field keeps the
    // value it was left at; a repair ("can't be more than Maximum VMs (1)", "the minimum was
    // lowered to 10") while `Warning::still_holds` for the scenario (Maximum VMs raised, the
    // note goes). Only a field showing a repair follows the scenario, so a drag re-runs none
    // of the others.
    let (notes, set_notes) = signal((Vec::<Note>::new(), 0u32, f64::NAN));
    let shown = move || {
        let epoch = ctx.epoch.get();
        notes.with(|(n, at, left)| {
            if *at != epoch || n.is_empty() {
                return Vec::new();
            }
            let kept = value.get() == *left;
            n.iter()
                .filter(|note| match note {
                    Note::Repaired(w) => ctx.get.with(|s| w.still_holds(s)),
                    _ => kept,
                })
                .cloned()
                .collect()
        })
    };
    let has_notes = move || !shown().is_empty();
    // Bumped after each edit, so the field shows the value used even when it did not change
    // (-1 typed into a field at 0 is clamped to 0; the text must say 0, not -1).
    let (shows_used, show_used) = signal(0u32);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let store = move |v: f64, mut found: Vec<Note>| {
        set.run(v);
        found.extend(ctx.take_repairs().into_iter().map(Note::Repaired));
        // The value the field is left at is `v` (already clamped and rounded): `get` follows
        // the scenario's rest, which catches up in an effect after this handler.
        set_notes.set((found, ctx.epoch.get_untracked(), v));
        show_used.update(|n| *n += 1);
    };
    let on_change = move |ev: leptos::ev::Event| {
        let (value, mut found) = check_number(&event_target_value(&ev), range);
        match value {
            Some(v) => {
                let v = if whole && v.fract() != 0.0 {
                    found.push(Note::Rounded(v.round()));
                    v.round()
                } else {
                    v
                };
                store(v, found);
                // A typed value is one decision: into the URL now, not after the debounce.
                ctx.flush();
            }
            None => set_notes.set((found, ctx.epoch.get_untracked(), get.get_untracked())),
        }
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
        store(
            (get.get_untracked() + delta).clamp(range.0, range.1),
            Vec::new(),
        );
    };
    view! {
        <div class="control" class:invalid=has_notes>
            <label for=id class:visually-hidden=hide_label>{move || ctx.t(label)}</label>
            <div class="number-row">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    data-testid=id
                    data-control=(!key.is_empty()).then_some(key)
                    prop:value=move || {
                        shows_used.track();
                        format_plain(value.get())
                    }
                    aria-describedby=described
                    aria-invalid=move || has_notes().then_some("true")
                    title=move || ctx.t(help)
                    on:change=on_change
                    on:keydown=on_key
                />
                <span class="unit">{move || ctx.t(unit)}</span>
            </div>
            <small id=help_id class="help" class:visually-hidden=hide_label>{move || ctx.t(help)}</small>
            <small id=error_id class="error" role="alert" data-testid=format!("{id}-error")>
                {move || {
                    let lang = ctx.lang();
                    let text: Vec<String> = shown().iter().map(|n| n.text(key, lang)).collect();
                    text.join(" ")
                }}
            </small>
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
    fn every_slider_position_is_its_own_peak_from_zero_to_the_max() {
        assert_eq!(pos_to_peak(0), 0.0);
        assert_eq!(pos_to_peak(1), 1.0);
        assert_eq!(pos_to_peak(99), 99.0);
        assert_eq!(pos_to_peak(100), 100.0);
        assert_eq!(pos_to_peak(101), 110.0);
        assert_eq!(pos_to_peak(190), 1_000.0);
        assert_eq!(pos_to_peak(SLIDER_STOPS), SLIDER_MAX_RPS);
        assert_eq!(pos_to_peak(SLIDER_STOPS + 5), SLIDER_MAX_RPS);
        // Strictly increasing: each step (an arrow key, a drag position) changes the value,
        // and each value has two significant digits at most.
        for pos in 1..=SLIDER_STOPS {
            let (a, b) = (pos_to_peak(pos - 1), pos_to_peak(pos));
            assert!(b > a, "{pos}: {a} -> {b}");
            let digits = format!("{b}").trim_end_matches('0').len();
            assert!(digits <= 2, "{b}");
            assert_eq!(peak_to_pos(b), pos, "{b}");
        }
        // Above 10 each decade has the same number of steps.
        assert_eq!(peak_to_pos(1_000.0) - peak_to_pos(100.0), 90);
        assert_eq!(peak_to_pos(100_000.0) - peak_to_pos(10_000.0), 90);
        // Any other peak (a link, the number field) sits at its nearest position.
        assert_eq!(peak_to_pos(f64::NAN), 0);
        assert_eq!(peak_to_pos(-3.0), 0);
        assert_eq!(peak_to_pos(0.4), 0);
        assert_eq!(peak_to_pos(0.6), 1);
        assert_eq!(pos_to_peak(peak_to_pos(2_549.0)), 2_500.0);
        assert_eq!(pos_to_peak(peak_to_pos(2_551.0)), 2_600.0);
        assert_eq!(peak_to_pos(1e6), SLIDER_STOPS);
    }

    #[test]
    fn typed_numbers_are_clamped_with_a_note_that_keeps_its_digits() {
        assert_eq!(check_number("250", (1.0, 900.0)), (Some(250.0), vec![]));
        let (v, notes) = check_number("-5", (1.0, 900.0));
        assert_eq!(v, Some(1.0));
        assert!(notes[0].text("dur", Lang::Ko).contains("900"));
        let (v, notes) = check_number("0", limits::CPU_MS);
        assert_eq!(v, Some(0.01));
        assert_eq!(
            notes[0].text("cpu", Lang::En),
            "Enter a number from 0.01 to 600,000."
        );
        assert_eq!(check_number("NaN", (1.0, 9.0)).0, None);
        // A pasted 10,000-digit number is a number too large, not "not a number".
        let (v, notes) = check_number(&"9".repeat(10_000), (1.0, 9.0));
        assert_eq!((v, &notes[0]), (Some(9.0), &Note::OutOfRange(1.0, 9.0)));
        assert_eq!(check_number("1,000", (1.0, 9000.0)).0, Some(1000.0));
    }

    #[test]
    fn a_repair_is_said_as_the_fields_own_or_as_a_consequence() {
        let mut s = Scenario::default();
        let w = s.apply(|s| s.vm.min = 101).remove(0);
        let note = Note::Repaired(w);
        assert_eq!(
            note.text("min", Lang::En),
            "Can't be more than Maximum VMs (100), so 100 is used."
        );
        assert_eq!(
            note.text("min", Lang::Ko),
            "최대 VM(100)보다 클 수 없어 그 값으로 맞췄습니다."
        );
        let (mut s, _) = Scenario::from_query("min=50");
        let w = s.apply(|s| s.vm.max = 10).remove(0);
        let note = Note::Repaired(w);
        assert_eq!(
            note.text("max", Lang::En),
            "Minimum VMs was lowered to 10 to match."
        );
        assert_eq!(
            note.text("max", Lang::Ko),
            "최소 VM도 같은 값(10)으로 낮췄습니다."
        );
    }
}
