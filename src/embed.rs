//! Embedding in a course page: `?embed=1` (no app chrome, an "open in Skyscale" link), `lock=`
//! (read-only controls; `lock=all` is a fixed figure) and `controls=` (which controls show),
//! plus the "Embed" dialog that writes the iframe snippet.
//!
//! Locks hold at two levels: the controls are disabled (so a student sees they are fixed), and
//! every change of the scenario is passed through [`Scenario::with_locks_from`] the page's
//! first scenario, so no path — a keyboard shortcut, a diagram click, Back — can move a locked
//! value; a change that would move one (Back or Forward to another scenario, a step that adds
//! a history entry) is corrected before it is drawn ([`guarded`]), and in a fixed figure
//! (`lock=all`) playback is off too. The embedded page reports its height to its parent once it
//! is laid out (see [`browser::report_height`]) and listens to no message at all: it takes no
//! commands.
//!
//! The snippet is an `<iframe>` with a height that fits the view at a course-page width, and a
//! `<script async>` for `embed.js` from the same Skyscale address, which makes the frame follow
//! its content's height. A page that strips scripts still shows the frame at that height. The
//! single-file build has no `embed.js` beside it: its snippet carries the script inline
//! (`tools/single.mjs` leaves the script's text in the page as a data block).

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use skyscale_core::msa_scene::fill;
use skyscale_core::scenario::{CONTROL_KEYS, Present, View, control_label};
use skyscale_core::{Scenario, Text};

use crate::{ScenarioCtx, browser};

thread_local! {
    /// The page's first scenario when it has locks or hidden controls (what [`guarded`] keeps).
    static BASE: RefCell<Option<Scenario>> = const { RefCell::new(None) };
}

/// `next` with every locked value put back as the page's first scenario had it (unchanged on
/// a page without locks). The app passes a scenario it is about to show through this before
/// setting it, so a locked embed never draws, even for a frame, what its locks forbid.
pub fn guarded(next: Scenario) -> Scenario {
    BASE.with_borrow(|base| match base {
        Some(base) => next.with_locks_from(base),
        None => next,
    })
}

/// The elements of the control that sets query key `key` (ids from `controls.rs` and the
/// views; `data-control~=key` lets any new control join without editing this table).
fn selectors(key: &str) -> String {
    let own: &[&str] = match key {
        // A fit preset sets the pattern, peak, CPU, duration and memory at once: it is shown
        // only when all five are, and disabled when any of them is locked.
        "pat" => &["#ctl-pattern", PRESETS],
        "peak" => &["#ctl-peak", "#ctl-peak-exact", PRESETS],
        "cpu" => &["#ctl-cpu", PRESETS],
        "dur" => &["#ctl-duration", PRESETS],
        "mem" => &["#ctl-memory", PRESETS],
        "head" => &["#ctl-headroom"],
        "vm" => &["#ctl-vm"],
        "n" => &["#ctl-fixed"],
        "tgt" => &["#ctl-target"],
        "min" => &["#ctl-min"],
        "max" => &["#ctl-max"],
        "boot" => &["#ctl-boot"],
        "ctr" => &["#ctl-ctr"],
        "vcpu" => &["#ctl-vcpu"],
        "gb" => &["#ctl-gb"],
        "cmin" => &["#ctl-cmin"],
        "cmax" => &["#ctl-cmax"],
        "warm" => &["#ctl-warm"],
        "ping" => &["#ctl-ping"],
        "faas" => &["#ctl-faas"],
        "arch" => &["#ctl-arch"],
        "rt" => &["#ctl-rt"],
        "pc" => &["#ctl-pc"],
        "quota" => &["#ctl-quota"],
        "free" => &["#ctl-free"],
        "legacy" => &["#ctl-legacy"],
        "hop" => &["#ctl-hop"],
        "krw" => &["#ctl-krw"],
        "gran" => &["#ctl-gran"],
        "cur" => &["[data-testid=currency]"],
        "t" => &["#ctl-minute", "[data-testid=play]", "[data-testid=speed]"],
        // Reset clears both, so it goes with either.
        "fail" => &["[data-testid^=fail-]", "[data-testid=msa-reset]"],
        "deploy" => &["[data-testid^=deploy-]", "[data-testid=msa-reset]"],
        "step" => &["[data-testid^=story-]", "[data-testid=see-it-scale]"],
        _ => &[],
    };
    let mut all: Vec<String> = own.iter().map(|s| s.to_string()).collect();
    all.push(format!("[data-control~=\"{key}\"]"));
    all.join(", ")
}

/// The fit view's preset buttons.
const PRESETS: &str = "[data-testid^=preset-]";

/// Everything a student could change inside the view (for `lock=all`), but never the export
/// menu, the quiz or the "open in Skyscale" link.
const ALL_CONTROLS: &str = "main input:not(.export-more *):not(.quiz *), \
    main select:not(.export-more *), \
    main button:not(.export-more *):not(.diagram-actions > *):not(.quiz *), \
    main textarea";

/// Disables locked controls and hides those `controls=` leaves out.
fn apply(present: &Present, locked_title: &str) {
    if present.locked("all") {
        browser::disable_all(ALL_CONTROLS, locked_title);
    } else {
        for key in &present.lock {
            browser::disable_all(&selectors(key), locked_title);
        }
    }
    // A frame shows one view: the stack's link to the scaling view would turn the course
    // page's figure into another one ("Open in Skyscale" opens the app in a new tab).
    if present.embed {
        browser::hide_all("[data-testid=see-it-scale]");
    }
    if !present.controls.is_empty() {
        let hidden: Vec<String> = CONTROL_KEYS
            .iter()
            .filter(|k| **k != "all" && !present.shows(k))
            .map(|k| selectors(k))
            .collect();
        browser::hide_all(&hidden.join(", "));
    }
}

/// Starts embed mode for the page's first scenario `base`: the lock guard, the disabled and
/// hidden controls, and the height reports. Does nothing for a normal page.
pub fn setup(ctx: ScenarioCtx, base: Scenario) {
    let present = base.present.clone();
    if !present.embed && present.lock.is_empty() && present.controls.is_empty() {
        return;
    }
    browser::set_root_flag("data-embed", present.embed.then_some("1"));
    BASE.set(Some(base.clone()));
    // Whatever path a change took, a locked value goes back (the controls' own changes are
    // already kept from it by their disabled inputs; this catches the rest).
    Effect::new(move |_| {
        let s = ctx.get.get();
        let fixed = guarded(s.clone());
        if fixed != s {
            ctx.set.set(fixed);
        }
    });
    // Controls are drawn after the scenario changes (a view's own effects may add some), so
    // apply the locks once the page has painted.
    Effect::new(move |_| {
        ctx.get.track();
        let present = present.clone();
        let title = ctx.t(Text::Locked);
        browser::after_paint(move || apply(&present, title));
    });
    if base.present.embed {
        browser::report_height();
    }
}

/// The small bar an embedded view shows instead of the app's header: "Open in Skyscale".
#[component]
pub fn EmbedBar() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let href = move || format!("?{}", ctx.settled.with(Scenario::app_query));
    // What is fixed, said in words (the locked controls' tooltip reaches only a mouse).
    let locked = ctx.get.with_untracked(|s| {
        if s.present.locked("all") {
            Some(Text::LockedAllNote)
        } else {
            (!s.present.lock.is_empty()).then_some(Text::LockedSomeNote)
        }
    });
    view! {
        <div class="embed-bar" data-testid="embed-bar">
            {locked.map(|t| view! {
                <span class="embed-locked" data-testid="embed-locked">{move || ctx.t(t)}</span>
            })}
            <a
                href=href
                target="_blank"
                rel="noopener"
                data-testid="open-in-skyscale"
                aria-label=move || ctx.t(Text::OpenInSkyscaleLabel)
            >
                <span class="embed-logo" aria-hidden="true"></span>
                {move || ctx.t(Text::OpenInSkyscale)}
                <span aria-hidden="true">" ↗"</span>
            </a>
        </div>
    }
}

fn view_name(view: View) -> Text {
    match view {
        View::Stack => Text::ViewStack,
        View::Scaling => Text::ViewScaling,
        View::Msa => Text::ViewMsa,
        View::Fit => Text::ViewFit,
    }
}

/// The frame's heights until the dialog has measured the embedded page (and where it cannot,
/// from a file), px, as `[column 960 px wide, column 720 px wide, phone 360 px wide]`: the
/// view's content with the default settings and every control, in the longer of the two
/// languages, through [`fit_height`] (measured at stop 27 in frames 960 and 720 px wide,
/// English the longer: stack 1,886 and 1,777, scaling 4,538 and 4,460, MSA 4,941 and 5,239,
/// fit 2,534 and 2,563 px; below 1,200 px the scaling, MSA and fit views are one column; and
/// on 2026-12-05 at 360 px: stack 2,197, scaling 6,051, MSA 6,694, fit 3,554 px), so a course
/// page that strips the script still shows the view whole (`embed.js` then follows the real
/// height).
fn fallback_heights(view: View) -> [u32; 3] {
    match view {
        View::Stack => [1940, 1830, 2250],
        View::Scaling => [4620, 4540, 6150],
        View::Msa => [5020, 5330, 6790],
        View::Fit => [2590, 2620, 3620],
    }
}

/// The widths of the frames the dialog measures the embedded page in, CSS px: a course column
/// 960 px wide and one 720 px wide, the widths the snippet's `width="100%"` frame takes there
/// (measured 16 px narrower, the figures came out shorter and the frame cut the view's end).
const WIDE_FRAME: u32 = 960;
const NARROW_FRAME: u32 = 720;
/// A phone held upright: a course page on a phone gives the frame the screen's width.
const PHONE_FRAME: u32 = 360;

/// The frame height for content `h` px tall: a little room for fonts that wrap otherwise on
/// the course page's machine (1% and 30 px: a line or two, not a screen of blank), in whole
/// tens.
fn fit_height(h: u32) -> u32 {
    (h + h / 100 + 30).div_ceil(10) * 10
}

/// `embed.js` beside the page at `page` (`https://host/path/` or `…/index.html`).
fn script_src(page: &str) -> String {
    let dir = page.rfind('/').map_or(page, |i| &page[..=i]);
    format!("{dir}embed.js")
}

/// Escapes text for an HTML attribute value in the snippet.
fn attr(s: &str) -> String {
    skyscale_core::svg::esc(s)
}

/// A comma list typed by a person, kept to known control names.
fn keys(text: &str) -> Vec<String> {
    let given = words(text);
    CONTROL_KEYS
        .iter()
        .filter(|k| **k != "all" && given.iter().any(|g| g == *k))
        .map(|k| k.to_string())
        .collect()
}

/// The names typed in `text`, in lower case (`PEAK` is `peak`), without the separators.
fn words(text: &str) -> Vec<String> {
    text.split([',', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The names typed in `text` that are not among `here` (this page's names; `all` too where
/// `all` is one, the lock field), in lower case: the snippet leaves them out, and the dialog
/// says so.
fn unknown(text: &str, here: &[&str], all: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words(text) {
        let known = here.contains(&word.as_str()) || (all && word == "all");
        if !known && !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

/// The control keys this page has a control for (the dialog's list of names): a control
/// [`selectors`] finds, or a click on the stack's cells and headers.
fn keys_on_page(view: View) -> Vec<&'static str> {
    CONTROL_KEYS
        .iter()
        .copied()
        .filter(|&k| k != "all" && !control_label(k).is_empty())
        .filter(|&k| {
            matches!((view, k), (View::Stack, "cell" | "col")) || browser::exists(&selectors(k))
        })
        .collect()
}

const DIALOG_ID: &str = "embed-dialog";

/// The header's "Embed" button and its dialog: the iframe snippet for the current scenario and
/// the chosen options, a copy button, and a plain link.
#[component]
pub fn EmbedButton() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let fixed = RwSignal::new(false);
    let lock_some = RwSignal::new(String::new());
    let shown = RwSignal::new(String::new());
    let quiz = RwSignal::new(false);
    let (copied, set_copied) = signal(None::<bool>);
    let here = RwSignal::new(Vec::<&'static str>::new());
    // What each name of this page is called on screen (plain markup: the dialog is modal, so
    // the language cannot change while it is open).
    let names = move || {
        let lang = ctx.lang();
        here.with(|keys| {
            keys.iter()
                .map(|k| {
                    let label = control_label(k)
                        .iter()
                        .map(|t| t.get(lang))
                        .collect::<Vec<_>>()
                        .join(" · ");
                    format!(
                        "<li data-key=\"{k}\"><code>{k}</code> {}</li>",
                        attr(&label)
                    )
                })
                .collect::<String>()
        })
    };

    // The dialog's links follow the settled scenario (what the URL says), not every input.
    let embedded = move || {
        let mut s = ctx.settled.get();
        s.present = Present {
            embed: true,
            // `all` typed among the names (as the URL's `lock=all`) fixes the figure too.
            lock: if fixed.get() || lock_some.with(|t| words(t).iter().any(|w| w == "all")) {
                vec!["all".into()]
            } else {
                keys(&lock_some.get())
            },
            controls: keys(&shown.get()),
            quiz: quiz.get(),
        };
        s
    };
    // The one-file build carries embed.js as a data block (tools/single.mjs); it has no file
    // beside it for a snippet to load, so its snippet holds the script inline.
    let inline_script = StoredValue::new(browser::text_of("skyscale-embed-js"));
    let single = inline_script.with_value(Option::is_some);
    let from_file = browser::page_base().starts_with("file:");
    // The frame's address, and the heights the page there was measured at (see `measure`).
    let src = Memo::new(move |_| format!("{}?{}", browser::page_base(), embedded().to_query()));
    let is_open = RwSignal::new(false);
    let wide = RwSignal::new(None::<(String, u32)>);
    let narrow = RwSignal::new(None::<(String, u32)>);
    let phone = RwSignal::new(None::<(String, u32)>);
    let measured = move |m: RwSignal<Option<(String, u32)>>| {
        m.with(|m| {
            m.as_ref()
                .filter(|(at, _)| src.with(|s| s == at))
                .map(|(_, h)| *h)
        })
    };
    let running = StoredValue::new_local(Vec::<Rc<dyn Fn()>>::new());
    let stop_measuring = move || running.update_value(|r| r.drain(..).for_each(|stop| stop()));
    // The snippet's heights come from the embedded page itself, laid out in frames as wide as
    // the course columns the table below assumes: the chosen controls, locks, language and
    // values all change how tall it is (`controls=peak` alone leaves out half the scaling
    // view). Until the measurement is in, and where it cannot be made, the table holds.
    let measure = move || {
        stop_measuring();
        if !is_open.get_untracked() || from_file {
            return;
        }
        let at = src.get_untracked();
        let mut stops = Vec::new();
        for (width, into) in [
            (WIDE_FRAME, wide),
            (NARROW_FRAME, narrow),
            (PHONE_FRAME, phone),
        ] {
            let at2 = at.clone();
            stops.push(browser::measure_page(&at, width, move |h| {
                if let Some(h) = h {
                    into.set(Some((at2.clone(), fit_height(h))));
                }
            }));
        }
        running.set_value(stops);
    };
    let later = StoredValue::new_local(browser::Debounce::new(400, measure));
    Effect::new(move |_| {
        src.track();
        if is_open.get() {
            later.with_value(browser::Debounce::poke);
        }
    });
    on_cleanup(stop_measuring);
    let height = move |view: View| measured(wide).unwrap_or_else(|| fallback_heights(view)[0]);
    let narrow_height =
        move |view: View| measured(narrow).unwrap_or_else(|| fallback_heights(view)[1]);
    let phone_height =
        move |view: View| measured(phone).unwrap_or_else(|| fallback_heights(view)[2]);
    let snippet = move || {
        let s = embedded();
        let base = browser::page_base();
        let src = src.get();
        let title = format!(
            "{}: {}",
            Text::AppName.get(s.lang),
            view_name(s.view).get(s.lang)
        );
        let frame = format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" \
             style=\"border:0;width:100%;max-width:100%\" loading=\"lazy\" \
             allow=\"clipboard-write\"{}></iframe>",
            attr(&src),
            attr(&title),
            height(s.view),
            if single { " data-skyscale" } else { "" }
        );
        inline_script.with_value(|code| match code {
            Some(code) => format!("{frame}\n<script>\n{}</script>", code.trim_start()),
            None => format!(
                "{frame}\n<script src=\"{}\" async></script>",
                attr(&script_src(&base))
            ),
        })
    };
    let note = move || {
        let view = ctx.settled.with(|s| s.view);
        let (height, narrow, phone) = (height(view), narrow_height(view), phone_height(view));
        let text = if single {
            Text::EmbedResizeNoteSingle
        } else {
            Text::EmbedResizeNote
        };
        fill(
            ctx.t(text),
            &[
                ("h", height.to_string()),
                ("narrow", narrow.to_string()),
                ("phone", phone.to_string()),
            ],
        )
    };
    let plain = move || {
        format!(
            "{}?{}",
            browser::page_base(),
            ctx.settled.with(Scenario::app_query)
        )
    };
    // A typed name the page has no control for would vanish from the snippet without a word.
    let left_out = move |field: RwSignal<String>, id: &'static str| {
        let lock = id == "embed-lock-unknown";
        let names = field.with(|t| here.with(|h| unknown(t, h, lock)));
        // A fixed figure ignores the typed lock names, so they are not worth a warning there.
        let ignored = lock && fixed.get();
        (!names.is_empty() && !ignored).then(|| {
            let text = fill(ctx.t(Text::EmbedUnknown), &[("names", names.join(", "))]);
            view! { <p class="help warn" role="status" data-testid=id>{text}</p> }
        })
    };
    let open = move |_| {
        ctx.flush();
        here.set(keys_on_page(ctx.get.with_untracked(|s| s.view)));
        set_copied.set(None);
        is_open.set(true);
        browser::show_modal(DIALOG_ID);
    };
    let copy = move |_| {
        browser::copy_text(&snippet(), move |ok| set_copied.set(Some(ok)));
    };
    view! {
        <button
            type="button"
            class="ctl"
            data-testid="embed-open"
            title=move || ctx.t(Text::EmbedOpenLabel)
            on:click=open
        >
            {move || ctx.t(Text::EmbedOpen)}
        </button>
        <dialog
            id=DIALOG_ID
            class="embed-dialog"
            data-testid="embed-dialog"
            aria-labelledby="embed-dialog-title"
            on:keydown=move |ev| browser::keep_tab_inside(DIALOG_ID, &ev)
            on:close=move |_| {
                is_open.set(false);
                stop_measuring();
            }
        >
            <h2 id="embed-dialog-title">{move || ctx.t(Text::EmbedTitle)}</h2>
            <fieldset class="embed-mode">
                <legend>{move || ctx.t(Text::EmbedMode)}</legend>
                <label class="check">
                    <input type="radio" name="embed-mode" data-testid="embed-live"
                        prop:checked=move || !fixed.get() on:change=move |_| fixed.set(false)/>
                    <span>{move || ctx.t(Text::EmbedLive)}</span>
                </label>
                <label class="check">
                    <input type="radio" name="embed-mode" data-testid="embed-fixed"
                        prop:checked=move || fixed.get() on:change=move |_| fixed.set(true)/>
                    <span>{move || ctx.t(Text::EmbedLockAll)}</span>
                </label>
            </fieldset>
            <label class="field" hidden=move || fixed.get()>
                <span>{move || ctx.t(Text::EmbedLockSome)}</span>
                <input type="text" data-testid="embed-lock" autocomplete="off"
                    prop:value=move || lock_some.get()
                    on:input=move |ev| lock_some.set(event_target_value(&ev))/>
            </label>
            {move || left_out(lock_some, "embed-lock-unknown")}
            <label class="field">
                <span>{move || ctx.t(Text::EmbedControls)}</span>
                <input type="text" data-testid="embed-controls" autocomplete="off"
                    prop:value=move || shown.get()
                    on:input=move |ev| shown.set(event_target_value(&ev))/>
            </label>
            {move || left_out(shown, "embed-controls-unknown")}
            <details class="embed-keys" data-testid="embed-keys">
                <summary>{move || format!("{} ({})", ctx.t(Text::EmbedKeys), here.with(Vec::len))}</summary>
                <ul inner_html=names></ul>
            </details>
            <label class="check">
                <input type="checkbox" data-testid="embed-quiz"
                    prop:checked=move || quiz.get() on:change=move |ev| quiz.set(event_target_checked(&ev))/>
                <span>{move || ctx.t(Text::EmbedQuiz)}</span>
            </label>
            <label class="field">
                <span>{move || ctx.t(Text::EmbedSnippet)}</span>
                <textarea readonly rows="5" data-testid="embed-snippet" prop:value=snippet
                    data-measured=move || (measured(wide).is_some() && measured(narrow).is_some() && measured(phone).is_some()).then_some("1")></textarea>
            </label>
            <div class="dialog-actions">
                <button type="button" class="btn" data-testid="embed-copy" on:click=copy>
                    {move || ctx.t(Text::Copy)}
                </button>
                <span class="status" role="status" data-testid="embed-copy-status">
                    {move || copied.get().map(|ok| ctx.t(if ok { Text::Copied } else { Text::CopyFailed }))}
                </span>
            </div>
            <p class="field">
                <span>{move || ctx.t(Text::EmbedPlainLink)}": "</span>
                <a href=plain data-testid="embed-plain-link">{plain}</a>
            </p>
            <p class="help" data-testid="embed-resize-note">{note}</p>
            {from_file.then(|| view! {
                <p class="help warn" data-testid="embed-from-file">{move || ctx.t(Text::EmbedFromFile)}</p>
            })}
            <button type="button" class="ctl" data-testid="embed-close"
                on:click=move |_| browser::close_dialog(DIALOG_ID)>
                {move || ctx.t(Text::Close)}
            </button>
        </dialog>
    }
}
