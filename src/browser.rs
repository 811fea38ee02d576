//! The app's only contact with browser APIs: URL, storage, preferences and downloads.
//!
//! Every function here degrades quietly: if an API is missing or throws (storage disabled in a
//! sandboxed iframe, say), the app keeps working with defaults instead of logging errors.

use skyscale_core::scenario::{Theme, Warning, pairs};
use skyscale_core::{Lang, Scenario};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

const STORAGE_PREFIX: &str = "skyscale.";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The scenario for the page's URL, with the repairs made to it. The language comes from the
/// URL if it names one, else the remembered choice, else the browser's preference list; the
/// theme likewise from the URL or the remembered choice.
pub fn initial_scenario() -> (Scenario, Vec<Warning>) {
    let query = window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (mut scenario, warnings) = Scenario::from_query(&query);
    let given = pairs(&query);
    let has = |key: &str| given.iter().any(|(k, _)| k == key);
    if !has("lang") {
        scenario.lang = recall("lang")
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_else(browser_lang);
    }
    if !has("theme")
        && let Some(theme) = recall("theme").and_then(|code| Theme::from_code(&code))
    {
        scenario.theme = theme;
    }
    (scenario, warnings)
}

fn browser_lang() -> Lang {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return Lang::default();
    };
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .collect();
    Lang::from_preferences(list.iter().map(String::as_str))
}

/// Whether the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    dark_query().is_some_and(|q| q.matches())
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Calls `on_change(dark)` whenever the system colour scheme changes.
pub fn on_system_theme_change(on_change: impl Fn(bool) + 'static) {
    let Some(query) = dark_query() else { return };
    let watched = query.clone();
    let handler = Closure::<dyn Fn()>::new(move || on_change(watched.matches()));
    query.set_onchange(Some(handler.as_ref().unchecked_ref()));
    // The listener lives as long as the page.
    handler.forget();
}

/// Replaces the page's query string without adding a history entry.
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let current = w.location().search().unwrap_or_default();
    let wanted = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    if current == wanted {
        return;
    }
    if let Ok(history) = w.history() {
        let url = if wanted.is_empty() {
            w.location().pathname().unwrap_or_default()
        } else {
            wanted
        };
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Remembers a choice across visits (language, theme).
pub fn remember(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("{STORAGE_PREFIX}{key}"), value);
    }
}

/// A remembered choice, if any.
pub fn recall(key: &str) -> Option<String> {
    storage()?
        .get_item(&format!("{STORAGE_PREFIX}{key}"))
        .ok()
        .flatten()
}

/// Sets `<html lang>`, the theme hook `<html data-theme>` and the document title.
pub fn set_document_lang(lang: &str, theme: &str, title: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("data-theme", theme);
    }
    doc.set_title(title);
}

/// Offers `contents` as a file download named `name`. Returns whether it was started.
pub fn download(name: &str, mime: &str, contents: &str) -> bool {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let started = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    let _ = web_sys::Url::revoke_object_url(&url);
    started
}

/// Focuses the element with `id` after the next paint (once a redraw has replaced it).
pub fn focus_after_paint(id: &str) {
    let Some(w) = window() else { return };
    let id = id.to_string();
    let cb = Closure::once_into_js(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    });
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// Adds a history entry for `query` (a view change, a preset), so Back returns to it.
pub fn push_query(query: &str) {
    let Some(w) = window() else { return };
    let current = w.location().search().unwrap_or_default();
    let wanted = format!("?{query}");
    if current == wanted {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&wanted));
    }
}

/// Calls `on_pop(query)` when the user goes back or forward in history.
pub fn on_history_pop(on_pop: impl Fn(String) + 'static) {
    let Some(w) = window() else { return };
    let handler = Closure::<dyn Fn()>::new(move || {
        let query = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        on_pop(query);
    });
    w.set_onpopstate(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
}

/// The page's full address (for "share link").
pub fn current_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Copies text to the clipboard; `on_done(ok)` reports whether it worked.
pub fn copy_text(text: &str, on_done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else {
        on_done(false);
        return;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        on_done(ok);
    });
}

/// Sets a presentation flag on `<html>` (e.g. `data-size="large"`).
pub fn set_root_flag(name: &str, value: Option<&str>) {
    let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match value {
        Some(v) => root.set_attribute(name, v),
        None => root.remove_attribute(name),
    };
}
