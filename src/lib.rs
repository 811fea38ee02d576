//! Skyscale's web app: holds the [`Scenario`] in signals and draws what the core computes.
//!
//! Architecture invariant: the app never computes a cost, a count or a drawing itself. It reads
//! the URL into a `Scenario`, asks `skyscale-core` for scenes, and renders them with the same SVG
//! writer the CLI uses, so the screen, the export and `skyscale render` cannot drift apart.

use leptos::prelude::*;
use skyscale_core::scenario::{Theme, Warning};
use skyscale_core::svg::Palette;
use skyscale_core::{Lang, Scenario, Text};

pub mod browser;
pub mod views;

/// Shared state, passed down as context: the scenario, how to change it, and the derived
/// palette (the theme resolved against the system preference).
#[derive(Clone, Copy)]
pub struct ScenarioCtx {
    pub get: ReadSignal<Scenario>,
    pub set: WriteSignal<Scenario>,
    pub palette: Memo<Palette>,
}

impl ScenarioCtx {
    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.get.with(|s| s.lang)
    }

    /// A text in the current language (tracked).
    pub fn t(&self, text: Text) -> &'static str {
        text.get(self.lang())
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let (initial, warnings) = browser::initial_scenario();
    let (scenario, set_scenario) = signal(initial);
    let (system_dark, set_system_dark) = signal(browser::prefers_dark());
    browser::on_system_theme_change(move |dark| set_system_dark.set(dark));
    let palette = Memo::new(move |_| match scenario.with(|s| s.theme) {
        Theme::Light => Palette::Light,
        Theme::Dark => Palette::Dark,
        Theme::System if system_dark.get() => Palette::Dark,
        Theme::System => Palette::Light,
    });
    let ctx = ScenarioCtx {
        get: scenario,
        set: set_scenario,
        palette,
    };
    provide_context(ctx);

    // Keep the URL, the document language and the remembered choices in step with the state.
    Effect::new(move |_| {
        let s = scenario.get();
        browser::replace_query(&s.to_query());
        browser::remember("lang", s.lang.code());
        browser::remember("theme", s.theme.code());
        browser::set_document_lang(s.lang.code(), s.theme.code(), Text::AppName.get(s.lang));
    });

    view! {
        <a class="skip-link" href="#main">{move || ctx.t(Text::SkipToContent)}</a>
        <Header/>
        <Notice warnings=warnings/>
        <main id="main" tabindex="-1">
            <views::stack::StackView/>
        </main>
        <footer class="site-footer">
            <p>{move || ctx.t(Text::FooterAbout)}</p>
        </footer>
    }
}

/// The app bar: name, tagline, language toggle and theme choice.
#[component]
fn Header() -> impl IntoView {
    let ctx = expect_context::<ScenarioCtx>();
    let toggle_lang = move |_| ctx.set.update(|s| s.lang = s.lang.other());
    let set_theme = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Some(theme) = Theme::from_code(&code) {
            ctx.set.update(|s| s.theme = theme);
        }
    };
    let theme_options = move || {
        let current = ctx.get.with(|s| s.theme);
        Theme::ALL
            .into_iter()
            .map(|theme| {
                let label = match theme {
                    Theme::System => Text::ThemeSystem,
                    Theme::Light => Text::ThemeLight,
                    Theme::Dark => Text::ThemeDark,
                };
                view! {
                    <option value=theme.code() selected=theme == current>{ctx.t(label)}</option>
                }
            })
            .collect_view()
    };
    view! {
        <header class="app-bar">
            <div class="brand">
                <span class="logo" aria-hidden="true"></span>
                <div>
                    <h1>{move || ctx.t(Text::AppName)}</h1>
                    <p class="tagline">{move || ctx.t(Text::AppTagline)}</p>
                </div>
            </div>
            <div class="app-controls">
                <label class="theme-select">
                    <span>{move || ctx.t(Text::ThemeLabel)}</span>
                    <select data-testid="theme" on:change=set_theme>{theme_options}</select>
                </label>
                <button
                    type="button"
                    class="lang-toggle"
                    data-testid="lang-toggle"
                    aria-label=move || ctx.t(Text::LanguageToggleLabel)
                    lang=move || ctx.lang().other().code()
                    on:click=toggle_lang
                >
                    {move || ctx.t(Text::LanguageToggle)}
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
