//! Skyscale's web app: holds the [`Scenario`] in signals and draws what the core computes.
//!
//! Architecture invariant: the app never computes a cost, a count or a drawing itself. It reads
//! the URL into a `Scenario`, asks `skyscale-core` for scenes, and renders them with the same SVG
//! writer the CLI uses, so the screen, the export and `skyscale render` cannot drift apart.

use leptos::prelude::*;
use skyscale_core::scenario::{Theme, View, Warning};
use skyscale_core::svg::Palette;
use skyscale_core::{Lang, Scenario, Text};

pub mod browser;
pub mod controls;
pub mod diagram;
pub mod embed;
pub mod quiz;
pub mod views;

/// A phone-narrow window: the width up to which `style/main.css` stacks the page in one
/// column and draws diagrams at no less than 640 px (scrolled sideways) unless they have a
/// layout of their own for it, as the lanes do.
pub const NARROW_SCREEN: &str = "(max-width: 640px)";

/// A window too short for the lanes' narrow rows (about 550 CSS px) above the docked slider,
/// yet wider than a phone held upright: a phone on its side (740 × 360). There the lanes are
/// two-line rows drawn at 1:1 (`Layout::Short`, 640 units), and `style/main.css` docks the
/// slider in one line, so the five rows and the slider share the screen with 11 px text.
pub const SHORT_SCREEN: &str = "(max-height: 500px) and (min-width: 641px)";

/// A window between a phone and a desktop (a tablet, a course page's 720 px frame): there the
/// scaling view is one column (`style/main.css`), about 600 to 900 px wide, where the five lanes
/// side by side (1,000 units) would draw their text at 6 to 9 CSS px. The lanes draw their short
/// rows instead, at 1:1 (11 px text) where the column has 640 px, a little smaller below.
pub const MID_SCREEN: &str = "(min-width: 641px) and (max-width: 959px)";

/// Shared state, passed down as context: the scenario, how to change it, and the derived
/// palette (the theme resolved against the system preference).
#[derive(Clone, Copy)]
pub struct ScenarioCtx {
    pub get: ReadSignal<Scenario>,
    /// The scenario with its peak traffic left out (0), a signal set only when something
    /// else changes. The other controls, their option lists and the view and theme read it:
    /// as readers of `get`, every slider input (dozens a second) woke some hundred of them to
    /// find their value unchanged.
    pub rest: ReadSignal<Scenario>,
    pub set: WriteSignal<Scenario>,
    pub palette: Memo<Palette>,
    /// The language alone, a signal of its own that is set only when the scenario's language
    /// changes. The hundred-odd text closures follow it; as a memo of the scenario it made every
    /// slider input wake each of them just to find the language unchanged.
    pub lang_signal: ReadSignal<Lang>,
    /// True between the browser's `beforeprint` and `afterprint`.
    pub printing: RwSignal<bool>,
    /// True while the window is phone-narrow ([`NARROW_SCREEN`]) and not printing: diagrams
    /// with a layout for it (the lanes) use that one.
    pub narrow: Memo<bool>,
    /// True while the window is short and wide ([`SHORT_SCREEN`]) and not embedded (a frame
    /// sized to its content must not change layout with its own height), or between a phone
    /// and a desktop in width ([`MID_SCREEN`], embedded or not); never while printing: the
    /// lanes draw their short rows.
    pub short: Memo<bool>,
    /// The scenario as the URL last wrote it: it follows `get` once the controls have been
    /// still for a moment (and at once on `navigate` or `flush`). Links that carry the whole
    /// query (the view tabs, the embed dialog) read this, so a slider drag does not serialise
    /// the query for each of them on every input.
    pub settled: RwSignal<Scenario>,
    /// Writes the URL and `settled` once the controls pause.
    url_writer: StoredValue<browser::Debounce, LocalStorage>,
    /// What the scenario's repair changed in the last `update` (a number field shows it).
    repairs: StoredValue<Vec<Warning>>,
    /// Counts the steps that replace the scenario wholesale (Back, Forward, a view or preset):
    /// a field's note about an edit belongs to the epoch it was made in.
    pub epoch: RwSignal<u32>,
}

impl ScenarioCtx {
    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang_signal.get()
    }

    /// A text in the current language (tracked).
    pub fn t(&self, text: Text) -> &'static str {
        text.get(self.lang())
    }

    /// Changes the scenario in place (the URL is replaced, no new history entry): for
    /// continuous controls such as sliders. The change goes through `Scenario::apply`, the
    /// same repair a link gets, so no control can hand the core a value outside its limits
    /// (or a minimum above its maximum); what the repair changed is kept for
    /// [`take_repairs`](ScenarioCtx::take_repairs).
    pub fn update(&self, f: impl FnOnce(&mut Scenario)) {
        let mut repaired = Vec::new();
        self.set.update(|s| repaired = s.apply(f));
        self.repairs.set_value(repaired);
    }

    /// Like [`update`](ScenarioCtx::update) for a discrete choice (a chart, a speed, a
    /// language): the URL is written at once, not after the slider's debounce.
    pub fn commit(&self, f: impl FnOnce(&mut Scenario)) {
        self.update(f);
        self.flush();
    }

    /// What the repair changed in the last [`update`](ScenarioCtx::update), taken once.
    pub fn take_repairs(&self) -> Vec<Warning> {
        self.repairs
            .try_update_value(std::mem::take)
            .unwrap_or_default()
    }

    /// Changes the scenario as a step the user may want to go back from (a view, a preset):
    /// adds a history entry. A change still waiting for the URL's debounce is written into
    /// the current entry first, so Back returns to it rather than to the screen before it.
    pub fn navigate(&self, f: impl FnOnce(&mut Scenario)) {
        self.flush();
        let mut next = self.get.get_untracked();
        let _ = next.apply(f);
        let next = embed::guarded(next);
        browser::push_query(&next.to_query());
        self.settled.set(next.clone());
        self.epoch.update(|e| *e += 1);
        self.set.set(next);
    }

    /// Writes the URL and `settled` now if a change is still waiting for its debounce timer
    /// (before the current URL is copied or shown, before a navigation, as the page goes).
    pub fn flush(&self) {
        self.url_writer.with_value(browser::Debounce::flush);
    }
}

/// The scenario with its peak traffic at 0 (what [`ScenarioCtx::rest`] holds).
fn without_peak(s: &Scenario) -> Scenario {
    let mut rest = s.clone();
    rest.traffic.peak_rps = 0.0;
    rest
}

/// Writes `now`'s query into the URL and makes it the settled scenario.
fn settle(now: ReadSignal<Scenario>, settled: RwSignal<Scenario>) {
    let now = now.get_untracked();
    browser::replace_query(&now.to_query());
    if settled.with_untracked(|s| *s != now) {
        settled.set(now);
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

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let (initial, warnings) = browser::initial_scenario();
    let embedded = initial.present.embed;
    let base = initial.clone();
    let (scenario, set_scenario) = signal(initial);
    // The language and everything but the peak, as signals set only when they change (see
    // `ScenarioCtx::rest`).
    let (lang, set_lang) = signal(scenario.with_untracked(|s| s.lang));
    let (rest, set_rest) = signal(scenario.with_untracked(without_peak));
    Effect::new(move |_| {
        let now = scenario.with(without_peak);
        if lang.get_untracked() != now.lang {
            set_lang.set(now.lang);
        }
        if rest.with_untracked(|r| *r != now) {
            set_rest.set(now);
        }
    });
    let system_dark = browser::media_signal(browser::DARK_SCHEME);
    // Printing always uses the light palette (a handout on white paper), whatever the theme.
    let printing = RwSignal::new(false);
    browser::on_print(move |on| printing.set(on));
    let palette = Memo::new(move |_| match rest.with(|s| s.theme) {
        _ if printing.get() => Palette::Light,
        Theme::Light => Palette::Light,
        Theme::Dark => Palette::Dark,
        Theme::System if system_dark.get() => Palette::Dark,
        Theme::System => Palette::Light,
    });
    let narrow_window = browser::media_signal(NARROW_SCREEN);
    let narrow = Memo::new(move |_| narrow_window.get() && !printing.get());
    let short_window = browser::media_signal(SHORT_SCREEN);
    let mid_window = browser::media_signal(MID_SCREEN);
    let short = Memo::new(move |_| {
        ((short_window.get() && !embedded) || mid_window.get()) && !printing.get()
    });
    let settled = RwSignal::new(scenario.get_untracked());
    let ctx = ScenarioCtx {
        get: scenario,
        rest,
        set: set_scenario,
        palette,
        lang_signal: lang,
        printing,
        narrow,
        short,
        settled,
        url_writer: StoredValue::new_local(browser::Debounce::new(150, move || {
            settle(scenario, settled)
        })),
        repairs: StoredValue::new(Vec::new()),
        epoch: RwSignal::new(0),
    };
    provide_context(ctx);
    quiz::provide();
    // Embed mode, locks and hidden controls (nothing for a normal page).
    embed::setup(ctx, base);
    // Back and forward restore the scenario their URL describes (repaired as any link is; a
    // missing or unknown language keeps the one on screen). The entry being left already
    // holds its last change: `navigate` wrote it before adding the next entry, a typed value
    // or a choice is written at once, and a slider's pending write cannot go to the entry
    // left any more (the browser has moved on), so it is dropped rather than written into
    // the entry arrived at.
    browser::on_history_pop(move |query| {
        ctx.url_writer.with_value(browser::Debounce::cancel);
        let (mut next, _) = Scenario::from_query(&query);
        if browser::given_lang(&query).is_none() {
            next.lang = scenario.get_untracked().lang;
        }
        // In a locked embed, an entry of another scenario is never drawn, not even for a frame.
        let next = embed::guarded(next);
        settled.set(next.clone());
        if scenario.with_untracked(|s| *s == next) {
            browser::replace_query(&next.to_query());
        } else {
            ctx.epoch.update(|e| *e += 1);
            set_scenario.set(next);
        }
    });
    // A change still waiting for the URL's debounce is written before the page goes (a
    // reload right after a drag keeps it).
    browser::on_page_hide(move || ctx.flush());
    let large = RwSignal::new(browser::recall("size").as_deref() == Some("large"));
    Effect::new(move |_| {
        let on = large.get();
        browser::set_root_flag("data-size", on.then_some("large"));
        browser::remember("size", if on { "large" } else { "normal" });
    });

    // Keep the URL in step with the state. Writing it is debounced: a slider sends dozens of
    // changes a second, and browsers throttle (and warn about) rapid history updates.
    // The query itself is only written out when the timer fires, not on every input.
    Effect::new(move |_| {
        scenario.track();
        ctx.url_writer.with_value(browser::Debounce::poke);
    });
    // The document language and the remembered choices follow only what they depend on.
    let lang_theme = Memo::new(move |_| rest.with(|s| (s.lang, s.theme)));
    Effect::new(move |_| {
        let (lang, theme) = lang_theme.get();
        browser::remember("lang", lang.code());
        browser::remember("theme", theme.code());
        browser::set_document_lang(lang.code(), theme.code(), Text::AppName.get(lang));
    });

    // Only a change of view rebuilds the page body; other changes flow through fine-grained
    // signals inside the view.
    let current_view = Memo::new(move |_| rest.with(|s| s.view));
    view! {
        <a class="skip-link" href="#main">{move || ctx.t(Text::SkipToContent)}</a>
        {if embedded {
            view! { <embed::EmbedBar/> }.into_any()
        } else {
            view! { <Header large=large/> }.into_any()
        }}
        <Notice warnings=warnings/>
        <main id="main" tabindex="-1">
            <quiz::Quiz/>
            {move || match current_view.get() {
                View::Stack => view! { <views::stack::StackView/> }.into_any(),
                View::Scaling => view! { <views::scaling::ScalingView/> }.into_any(),
                View::Msa => view! { <views::msa::MsaView/> }.into_any(),
                View::Fit => view! { <views::fit::FitView/> }.into_any(),
            }}
            <quiz::Handout/>
        </main>
        {(!embedded).then(|| view! {
            <footer class="site-footer">
                <p>{move || ctx.t(Text::FooterAbout)}</p>
            </footer>
        })}
    }
}

/// The app bar: name, view tabs, language toggle, theme, type size and share link.
#[component]
fn Header(
    /// Whether large type (for projectors) is on.
    large: RwSignal<bool>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let (share_status, set_share_status) = signal(None::<Result<(), String>>);
    // Said when the header's Export finds no diagram to export on this screen.
    let (export_status, set_export_status) = signal(None::<Text>);
    let export = move |_| {
        let found = browser::click_first("main .diagram-actions > button[data-testid^='export-']");
        set_export_status.set((!found).then(|| {
            if quiz::answers_hidden() {
                Text::QuizExportHidden
            } else {
                Text::HeaderExportNone
            }
        }));
    };
    let share = move |_| {
        ctx.flush();
        let url = browser::current_url();
        let shown = url.clone();
        browser::copy_text(&url, move |ok| {
            set_share_status.set(Some(if ok { Ok(()) } else { Err(shown) }));
        });
    };
    // The tabs are built once; a slider input changes none of them (their links follow the
    // settled scenario, the current tab only the view).
    let current = Memo::new(move |_| ctx.rest.with(|s| s.view));
    let tabs = View::ALL
        .into_iter()
        .map(|v| {
            let href = move || {
                ctx.settled.with(|s| {
                    let mut next = s.clone();
                    next.view = v;
                    format!("?{}", next.to_query())
                })
            };
            let go = move |ev: leptos::ev::MouseEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                    return; // let the browser open a new tab or window
                }
                ev.prevent_default();
                ctx.navigate(|s| s.view = v);
            };
            view! {
                <a
                    href=href
                    class="tab"
                    data-testid=format!("tab-{}", v.code())
                    aria-current=move || (v == current.get()).then_some("page")
                    on:click=go
                >
                    {move || ctx.t(view_name(v))}
                </a>
            }
        })
        .collect_view();
    let toggle_lang = move |_| ctx.commit(|s| s.lang = s.lang.other());
    let set_theme = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Some(theme) = Theme::from_code(&code) {
            ctx.commit(|s| s.theme = theme);
        }
    };
    let theme = Memo::new(move |_| ctx.rest.with(|s| s.theme));
    let theme_options = Theme::ALL
            .into_iter()
            .map(|t| {
                let label = match t {
                    Theme::System => Text::ThemeSystem,
                    Theme::Light => Text::ThemeLight,
                    Theme::Dark => Text::ThemeDark,
                };
                view! {
                    <option value=t.code() selected=move || theme.get() == t>{move || ctx.t(label)}</option>
                }
            })
            .collect_view();
    view! {
        <header class="app-bar">
            <div class="brand">
                <span class="logo" aria-hidden="true"></span>
                <div>
                    <h1>{move || ctx.t(Text::AppName)}</h1>
                    <p class="tagline">{move || ctx.t(Text::AppTagline)}</p>
                </div>
            </div>
            <nav class="tabs" aria-label=move || ctx.t(Text::ViewsNav)>{tabs}</nav>
            <div class="app-controls">
                <button
                    type="button"
                    class="ctl"
                    data-testid="share-link"
                    title=move || ctx.t(Text::ShareLinkLabel)
                    on:click=share
                >
                    {move || ctx.t(Text::ShareLink)}
                </button>
                <embed::EmbedButton/>
                <button
                    type="button"
                    class="ctl"
                    data-testid="header-export"
                    title=move || ctx.t(Text::HeaderExportLabel)
                    on:click=export
                >
                    {move || ctx.t(Text::HeaderExport)}
                </button>
                <span class="status" role="status" data-testid="header-export-status">
                    {move || export_status.get().map(|t| ctx.t(t))}
                </span>
                <span class="status share-status" role="status" data-testid="share-status">
                    {move || match share_status.get() {
                        None => ().into_any(),
                        Some(Ok(())) => ctx.t(Text::LinkCopied).into_any(),
                        Some(Err(url)) => view! {
                            {ctx.t(Text::LinkCopyFailed)}" "
                            <input class="share-url" readonly value=url aria-label=ctx.t(Text::ShareLink)/>
                        }.into_any(),
                    }}
                </span>
                <button
                    type="button"
                    class="ctl"
                    data-testid="large-type"
                    aria-pressed=move || if large.get() { "true" } else { "false" }
                    title=move || ctx.t(Text::LargeTypeLabel)
                    on:click=move |_| large.update(|l| *l = !*l)
                >
                    <span aria-hidden="true">"A+ "</span>{move || ctx.t(Text::LargeType)}
                </button>
                <label class="theme-select">
                    <span>{move || ctx.t(Text::ThemeLabel)}</span>
                    <select data-testid="theme" prop:value=move || theme.get().code() on:change=set_theme>{theme_options}</select>
                </label>
                // Named by what it shows (WCAG 2.5.3, label in name): a voice-control user says
                // "한국어" or "English"; the longer "switch language to …" is its description.
                <button
                    type="button"
                    class="lang-toggle"
                    data-testid="lang-toggle"
                    title=move || ctx.t(Text::LanguageToggleLabel)
                    on:click=toggle_lang
                >
                    <span lang=move || ctx.lang().other().code()>{move || ctx.t(Text::LanguageToggle)}</span>
                </button>
            </div>
        </header>
    }
}

/// Tells the user which URL values were repaired (in the current language).
#[component]
fn Notice(
    /// The repairs `Scenario::from_query` reported for the page's URL.
    warnings: Vec<Warning>,
) -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    if warnings.is_empty() {
        return ().into_any();
    }
    let items = move || {
        let lang = ctx.lang();
        warnings
            .iter()
            .map(|w| view! { <li>{w.message(lang)}</li> })
            .collect_view()
    };
    view! {
        <div class="notice" role="status" data-testid="url-notice">
            <p>{move || ctx.t(Text::NoticeFixedUrl)}</p>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}
