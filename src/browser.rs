//! The app's only contact with browser APIs: URL, storage, preferences and downloads.
//!
//! Every function here degrades quietly: if an API is missing or throws (storage disabled in a
//! sandboxed iframe, say), the app keeps working with defaults instead of logging errors.

use leptos::prelude::{ReadSignal, Set, signal};
use skyscale_core::patch::Edit;
use skyscale_core::scenario::{Theme, Warning, pairs};
use skyscale_core::{Lang, Scenario};
use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

const STORAGE_PREFIX: &str = "skyscale.";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The scenario for the page's URL, with the repairs made to it. The language comes from the
/// URL if it names one we speak, else (missing, or `lang=zz`) the remembered choice, else the
/// browser's preference list, and the notice then names the language used; the theme likewise
/// from the URL or the remembered choice.
pub fn initial_scenario() -> (Scenario, Vec<Warning>) {
    let query = window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (mut scenario, mut warnings) = Scenario::from_query(&query);
    if given_lang(&query).is_none() {
        scenario.lang = recall("lang")
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_else(browser_lang);
        for w in warnings.iter_mut().filter(|w| w.key == "lang") {
            w.used = scenario.lang.code().to_string();
        }
    }
    let given = pairs(&query);
    if !given.iter().any(|(k, _)| k == "theme")
        && let Some(theme) = recall("theme").and_then(|code| Theme::from_code(&code))
    {
        scenario.theme = theme;
    }
    (scenario, warnings)
}

/// The language a query names, if it names one Skyscale speaks (the last `lang` counts, as in
/// `Scenario::from_query`).
pub fn given_lang(query: &str) -> Option<Lang> {
    pairs(query)
        .into_iter()
        .rev()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::from_code(&v))
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

/// The system's dark colour scheme, for [`media_signal`].
pub const DARK_SCHEME: &str = "(prefers-color-scheme: dark)";

fn media_query(query: &str) -> Option<web_sys::MediaQueryList> {
    window()?.match_media(query).ok().flatten()
}

/// A signal that is true while the media query `query` (e.g. `(max-width: 640px)`) matches.
/// Meant for the page's lifetime: the listener is never removed. One function for every query
/// (the theme, the phone layouts), so the wasm holds its listener's code once.
pub fn media_signal(query: &str) -> ReadSignal<bool> {
    let list = media_query(query);
    let (on, set_on) = signal(list.as_ref().is_some_and(|l| l.matches()));
    if let Some(list) = list {
        let watched = list.clone();
        let handler = Closure::<dyn Fn()>::new(move || set_on.set(watched.matches()));
        list.set_onchange(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
    }
    on
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
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    match web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        Ok(blob) => download_blob(name, &blob),
        Err(_) => false,
    }
}

/// Focuses the element with `id` after the next paint (once a redraw has replaced it).
pub fn focus_after_paint(id: &str) {
    let Some(w) = window() else { return };
    let id = id.to_string();
    let cb = Closure::once_into_js(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id));
        // SVG elements have `focus()` too (HTMLOrSVGElement); the binding calls it by name.
        // Without scrolling: the node is where it was, and a scroll the click asked for (a
        // cell's details brought into sight, `reveal_after_paint`) must not be undone.
        if let Some(el) = el {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el
                .unchecked_into::<web_sys::HtmlElement>()
                .focus_with_options(&options);
        }
    });
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// Runs an action once a stream of pokes has been quiet for a while: the URL after a drag, the
/// live summary, an off-screen diagram's catch-up.
///
/// One browser timer serves a whole burst: a poke only moves the deadline, and a timer that
/// fires before it sets itself again for the rest of the wait. A slider drag therefore costs
/// no timer call (and no new JS closure) per input, where clearing and setting a timeout on
/// every poke cost three of each per input.
pub struct Debounce(Rc<Waiting>);

struct Waiting {
    wait_ms: f64,
    action: Box<dyn Fn()>,
    /// When the action is due (`Date.now()` ms), while a poke is waiting.
    due: Cell<Option<f64>>,
    /// Whether a browser timer is set.
    armed: Cell<bool>,
}

impl Debounce {
    /// A debounce that runs `action` `wait_ms` after the last poke.
    pub fn new(wait_ms: u32, action: impl Fn() + 'static) -> Debounce {
        Debounce(Rc::new(Waiting {
            wait_ms: f64::from(wait_ms),
            action: Box::new(action),
            due: Cell::new(None),
            armed: Cell::new(false),
        }))
    }

    /// (Re)starts the wait.
    pub fn poke(&self) {
        self.0.due.set(Some(js_sys::Date::now() + self.0.wait_ms));
        if !self.0.armed.get() {
            arm(&self.0, self.0.wait_ms);
        }
    }

    /// Runs the action now if a poke is waiting (and not again when the timer fires).
    pub fn flush(&self) {
        if self.0.due.take().is_some() {
            (self.0.action)();
        }
    }

    /// Drops a waiting poke: its owner is going away.
    pub fn cancel(&self) {
        self.0.due.set(None);
    }
}

fn arm(waiting: &Rc<Waiting>, after_ms: f64) {
    let Some(w) = window() else { return };
    let me = Rc::clone(waiting);
    let fire = Closure::once_into_js(move || {
        me.armed.set(false);
        let Some(due) = me.due.get() else { return };
        let left = due - js_sys::Date::now();
        if left > 0.0 {
            arm(&me, left);
        } else {
            me.due.set(None);
            (me.action)();
        }
    });
    // Whole milliseconds, rounded up so the timer never fires before the deadline.
    let ms = after_ms.ceil().clamp(0.0, f64::from(i32::MAX)) as i32;
    let set = w.set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), ms);
    waiting.armed.set(set.is_ok());
}

/// The elements of one drawing that earlier patches found, by path, with the text node that
/// holds each one's own text. A slider input edits the same thirty-odd lane elements again and
/// again; walking to each through `children().item(i)` from the root costs several calls into
/// the browser per level, while a found element costs none. Entries hold only while the
/// drawing keeps its structure: [`patch_svg`] forgets them all on any edit that adds, removes
/// or replaces elements, and the caller on a whole rewrite ([`Found::forget`]).
#[derive(Default)]
pub struct Found {
    by_path: Vec<(Vec<usize>, web_sys::Element, Option<web_sys::Node>)>,
}

impl Found {
    /// Forgets every element (the drawing was rewritten or changed shape).
    pub fn forget(&mut self) {
        self.by_path.clear();
    }

    fn index(&self, path: &[usize]) -> Option<usize> {
        self.by_path.iter().position(|(p, ..)| p == path)
    }
}

/// Redraws the `<svg>` inside `figure` in place with `edits` (see `skyscale_core::patch`).
/// Returns false when the drawing on screen does not have the shape the edits expect; the
/// caller then rewrites the whole SVG (and forgets `found`).
pub fn patch_svg(figure: &web_sys::Element, edits: &[Edit], found: &mut Found) -> bool {
    let Some(svg) = figure.first_element_child() else {
        return false;
    };
    let child = |el: &web_sys::Element, i: usize| el.children().item(u32::try_from(i).ok()?);
    let at = |path: &[usize]| path.iter().try_fold(svg.clone(), |el, &i| child(&el, i));
    // Each path is found when its edit runs (earlier edits move later indices, as the core
    // planned); a drawing that is not the one the edits expect stops here and is redrawn whole.
    for edit in edits {
        if !matches!(edit, Edit::Attrs { .. }) {
            found.forget();
        }
        match edit {
            // The writer ends an element with a newline; edits leave it out so whitespace nodes
            // never pile up between elements.
            Edit::Replace { path, markup } => {
                let Some(el) = at(path) else { return false };
                el.set_outer_html(markup.trim_end());
            }
            Edit::Remove { path, index, count } => {
                let Some(parent) = at(path) else { return false };
                for _ in 0..*count {
                    let Some(el) = child(&parent, *index) else {
                        return false;
                    };
                    // The whitespace after it goes too.
                    if let Some(next) = el.next_sibling()
                        && next.node_type() == web_sys::Node::TEXT_NODE
                    {
                        let _ = parent.remove_child(&next);
                    }
                    el.remove();
                }
            }
            Edit::Insert {
                path,
                index,
                markup,
            } => {
                let Some(parent) = at(path) else { return false };
                let _ = match child(&parent, *index) {
                    Some(before) => before.insert_adjacent_html("beforebegin", markup),
                    None => parent.insert_adjacent_html("beforeend", markup),
                };
            }
            Edit::Attrs {
                path,
                set,
                remove,
                text,
            } => {
                let k = match found.index(path) {
                    Some(k) => k,
                    None => {
                        let Some(el) = at(path) else { return false };
                        found.by_path.push((path.clone(), el, None));
                        found.by_path.len() - 1
                    }
                };
                let (_, el, text_node) = &mut found.by_path[k];
                for name in remove {
                    let _ = el.remove_attribute(name);
                }
                for (name, value) in set {
                    let _ = el.set_attribute(name, value);
                }
                if let Some(text) = text {
                    set_own_text(el, text_node, text);
                }
            }
        }
    }
    true
}

/// Sets an SVG element's own text, keeping a `<title>` child (the writer puts it first);
/// `node` remembers the text node that holds it.
///
/// The text node itself gets the new value: the browser then re-shapes that text in place,
/// where `textContent` would replace the node and rebuild its layout object (a slider input
/// changes some forty lane texts, and this is most of what they cost).
fn set_own_text(el: &web_sys::Element, node: &mut Option<web_sys::Node>, text: &str) {
    if let Some(n) = node {
        n.set_node_value(Some(text));
        return;
    }
    match el.last_child() {
        Some(last) if last.node_type() == web_sys::Node::TEXT_NODE => {
            last.set_node_value(Some(text));
            *node = Some(last);
        }
        _ if el.first_element_child().is_none() => el.set_text_content(Some(text)),
        _ => {
            let _ = el.append_with_str_1(text);
        }
    }
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

/// Calls `on_hide()` when the page goes away (reload, close, another address): the last
/// moment to write what is still waiting to be written.
pub fn on_page_hide(on_hide: impl Fn() + 'static) {
    let Some(w) = window() else { return };
    let handler = Closure::<dyn Fn()>::new(on_hide);
    let _ = w.add_event_listener_with_callback("pagehide", handler.as_ref().unchecked_ref());
    handler.forget();
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

// ---- Export, embed and classroom (issue 5) ----------------------------------------------------

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Offers a `Blob` as a file download named `name`. Returns whether it was started.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> bool {
    let Some(doc) = document() else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
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

/// Draws SVG text into a canvas at `scale` × its `width`×`height` and offers the PNG as a
/// download: the SVG goes into an `<img>` through a `blob:` URL (the CSP allows `img-src
/// blob:`), then `canvas.toBlob`. `on_done(ok)` reports the outcome.
pub fn download_png(
    name: &str,
    svg: &str,
    (width, height): (f64, f64),
    scale: f64,
    on_done: impl FnOnce(bool) + 'static,
) {
    use std::cell::RefCell;
    use std::rc::Rc;
    type Once = Option<Box<dyn FnOnce(bool)>>;
    let done: Rc<RefCell<Once>> = Rc::new(RefCell::new(Some(Box::new(on_done))));
    let finish = {
        let done = done.clone();
        move |ok: bool| {
            if let Some(f) = done.borrow_mut().take() {
                f(ok);
            }
        }
    };
    let Some(doc) = document() else {
        return finish(false);
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Some(url) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .ok()
        .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok())
    else {
        return finish(false);
    };
    let Some(img) = doc
        .create_element("img")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlImageElement>().ok())
    else {
        return finish(false);
    };
    let (w, h) = (
        (width * scale).ceil().max(1.0) as u32,
        (height * scale).ceil().max(1.0) as u32,
    );
    let name = name.to_string();
    let loaded = img.clone();
    let url_done = url.clone();
    let fail = finish.clone();
    let on_load = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url_done);
        let canvas = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else {
            return finish(false);
        };
        canvas.set_width(w);
        canvas.set_height(h);
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(ctx) = ctx else { return finish(false) };
        if ctx
            .draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w as f64, h as f64)
            .is_err()
        {
            return finish(false);
        }
        let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            finish(blob.is_some_and(|b| download_blob(&name, &b)));
        });
        // A failed call never runs the callback; the status line then stays as it was.
        let _ = canvas.to_blob(on_blob.unchecked_ref());
    });
    let on_error = Closure::once_into_js(move || fail(false));
    img.set_onload(Some(on_load.unchecked_ref()));
    img.set_onerror(Some(on_error.unchecked_ref()));
    img.set_src(&url);
}

/// Whether the page runs inside a frame (another page embeds it).
pub fn in_frame() -> bool {
    window()
        .and_then(|w| {
            w.parent()
                .ok()
                .flatten()
                .map(|p| !js_sys::Object::is(&w, &p))
        })
        .unwrap_or(false)
}

/// Tells the embedding page the document's height once it is laid out and whenever it
/// changes: `postMessage({type: "skyscale:resize", height}, "*")`. The first report comes from
/// the `ResizeObserver`'s first observation (after the first layout); a height of 0 (nothing
/// laid out yet) is never sent. When the frame's viewport changes size the height is sent
/// again even if it did not change, so a sizing script that started listening late gets it by
/// nudging the frame. The message carries only a number, so any origin may read it. Skyscale
/// registers no `message` listener: it accepts no commands.
pub fn report_height() {
    let Some(w) = window() else { return };
    let Some(parent) = w.parent().ok().flatten() else {
        return;
    };
    if js_sys::Object::is(&w, &parent) {
        return;
    }
    let Some(body) = document().and_then(|d| d.body()) else {
        return;
    };
    let last = Rc::new(Cell::new(0.0f64));
    let post = Rc::new(move |again: bool| {
        let Some(root) = document().and_then(|d| d.document_element()) else {
            return;
        };
        let height = root.get_bounding_client_rect().height().ceil();
        if height.is_nan() || height <= 0.0 || (height == last.get() && !again) {
            return;
        }
        last.set(height);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"skyscale:resize".into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
        let _ = parent.post_message(&msg, "*");
    });
    let on_size = post.clone();
    let observed = Closure::<dyn Fn()>::new(move || on_size(false));
    if let Ok(observer) = web_sys::ResizeObserver::new(observed.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    observed.forget();
    let resized = Closure::<dyn Fn()>::new(move || post(true));
    let _ = w.add_event_listener_with_callback("resize", resized.as_ref().unchecked_ref());
    resized.forget();
}

/// The text of the element with `id` (a data block the build left in the page), if any.
pub fn text_of(id: &str) -> Option<String> {
    document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.text_content())
        .filter(|t| !t.trim().is_empty())
}

/// Calls `on_change(true/false)` as `el` comes within `margin_px` of the viewport or leaves it.
/// The observer lives as long as the returned handle (dropping it disconnects).
pub fn watch_visibility(
    el: &web_sys::Element,
    margin_px: u32,
    on_change: impl Fn(bool) + 'static,
) -> Option<VisibilityWatch> {
    let handler = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last entry is the newest state of the one element watched.
        if let Some(entry) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            on_change(entry.is_intersecting());
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(&format!("{margin_px}px"));
    let observer =
        web_sys::IntersectionObserver::new_with_options(handler.as_ref().unchecked_ref(), &init)
            .ok()?;
    observer.observe(el);
    Some(VisibilityWatch {
        observer,
        _handler: handler,
    })
}

/// A running [`watch_visibility`].
pub struct VisibilityWatch {
    observer: web_sys::IntersectionObserver,
    _handler: Closure<dyn Fn(js_sys::Array)>,
}

impl Drop for VisibilityWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Whether the page has an element matching `selector`.
pub fn exists(selector: &str) -> bool {
    document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .is_some()
}

/// Every element matching `selector`.
fn select_all(selector: &str) -> Vec<web_sys::Element> {
    let Some(list) = document().and_then(|d| d.query_selector_all(selector).ok()) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Disables (with a tooltip) every element matching `selector`.
pub fn disable_all(selector: &str, title: &str) {
    for el in select_all(selector) {
        let _ = el.set_attribute("disabled", "");
        let _ = el.set_attribute("aria-disabled", "true");
        let _ = el.set_attribute("title", title);
    }
}

/// Hides every element matching `selector` (or, where it is inside one, its `.control`, else
/// the `<label>` around it), and any `<label for>` naming it, so no label is left without its
/// control; a bar of controls (`.playback`) with none left goes too.
pub fn hide_all(selector: &str) {
    for el in select_all(selector) {
        let target = el
            .closest(".control")
            .ok()
            .flatten()
            .or_else(|| el.closest("label").ok().flatten())
            .unwrap_or_else(|| el.clone());
        let _ = target.set_attribute("hidden", "");
        let id = el.id();
        if !id.is_empty() {
            for label in select_all(&format!("label[for=\"{id}\"]")) {
                let _ = label.set_attribute("hidden", "");
            }
        }
    }
    for bar in select_all(".playback") {
        let shown = select_all(".playback button, .playback input, .playback select")
            .into_iter()
            .any(|c| bar.contains(Some(&c)) && c.closest("[hidden]").ok().flatten().is_none());
        if !shown {
            let _ = bar.set_attribute("hidden", "");
        }
    }
    // A group of controls whose every control is hidden goes too.
    for set in select_all("fieldset.controls") {
        let shown = set
            .query_selector(".control:not([hidden])")
            .ok()
            .flatten()
            .is_some();
        if !shown {
            let _ = set.set_attribute("hidden", "");
        }
    }
    // The fit view's presets with every button hidden go too (their headings would head empty
    // lists), and the workload's fields, then all the page leaves to set, open.
    for presets in select_all(".fit-presets") {
        let shown = presets
            .query_selector("button.preset:not([hidden])")
            .ok()
            .flatten()
            .is_some();
        if !shown {
            let _ = presets.set_attribute("hidden", "");
            for adjust in select_all("details.fit-adjust") {
                if adjust
                    .query_selector(".control:not([hidden])")
                    .ok()
                    .flatten()
                    .is_some()
                {
                    let _ = adjust.set_attribute("open", "");
                }
            }
        }
    }
}

/// After the next paint, scrolls the page so the element with `id` starts near the top of the
/// screen if its start is not on screen (a phone, where a tapped cell's details or a preset's
/// verdict render below the fold). Nothing moves when the start can already be seen.
pub fn reveal_after_paint(id: &str) {
    let id = id.to_string();
    after_paint(move || {
        let (Some(w), Some(el)) = (window(), document().and_then(|d| d.get_element_by_id(&id)))
        else {
            return;
        };
        let top = el.get_bounding_client_rect().top();
        let height = w
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        // A start in the last 120 px shows a heading and nothing of what it heads.
        if top < 0.0 || top > height - 120.0 {
            w.scroll_by_with_x_and_y(0.0, top - 16.0);
        }
    });
}

/// After the next paint, scrolls the figures inside the element with `data-testid=id` back to
/// their left edge: a chart switched on a phone opens at its start (title, axis), not at the
/// sideways scroll the previous chart was left at.
pub fn figures_to_start_after_paint(id: &str) {
    let selector = format!("[data-testid={id}] figure");
    after_paint(move || {
        let Some(found) = document().and_then(|d| d.query_selector_all(&selector).ok()) else {
            return;
        };
        for i in 0..found.length() {
            if let Some(el) = found
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                el.set_scroll_left(0);
            }
        }
    });
}

/// After the next two frames, scrolls the figure that holds the element `id` sideways so the
/// element is in the middle of the figure's box, if it is not already wholly in sight there (a
/// phone's figure is wider than its box and scrolls). The change that asked for it usually
/// redraws the diagram too, and on a busy machine that redraw can come after those frames: so
/// the request also waits for the diagram's redraw (`reveal_pending_in`, called by
/// `diagram::Diagram` once it has patched), and is dropped after `REVEAL_FOR_MS` so an old
/// request never moves a figure the reader has since scrolled.
pub fn reveal_in_figure_after_paint(id: &str) {
    PENDING_REVEAL.with(|p| {
        p.replace(Some((id.to_string(), js_sys::Date::now() + REVEAL_FOR_MS)));
    });
    let id = id.to_string();
    after_paint(move || {
        after_paint(move || {
            reveal_in_figure(&id);
        });
    });
}

/// How long a figure reveal waits for its diagram's redraw.
const REVEAL_FOR_MS: f64 = 2000.0;

thread_local! {
    /// The element a figure reveal is waiting to show, and until when it waits.
    static PENDING_REVEAL: std::cell::RefCell<Option<(String, f64)>> =
        const { std::cell::RefCell::new(None) };
}

/// Called by a diagram after it has redrawn into `figure`: runs the pending figure reveal
/// (after the patch is painted) if its element is in this figure, once.
pub fn reveal_pending_in(figure: &web_sys::Element) {
    let id = PENDING_REVEAL.with(|p| {
        let mut p = p.borrow_mut();
        match p.as_ref() {
            Some((_, until)) if *until < js_sys::Date::now() => {
                *p = None;
                None
            }
            Some((id, _))
                if document()
                    .and_then(|d| d.get_element_by_id(id))
                    .is_some_and(|el| figure.contains(Some(&el))) =>
            {
                p.take().map(|(id, _)| id)
            }
            _ => None,
        }
    });
    if let Some(id) = id {
        after_paint(move || {
            reveal_in_figure(&id);
        });
    }
}

/// Scrolls the figure that holds `id` so that element is in the middle of its box, if it is
/// not wholly in sight; returns the figure's scroll position after (none without the element).
fn reveal_in_figure(id: &str) -> Option<i32> {
    let (el, fig) = figure_of(id)?;
    let (r, b) = (
        el.get_bounding_client_rect(),
        fig.get_bounding_client_rect(),
    );
    if r.left() >= b.left() - 0.5 && r.right() <= b.right() + 0.5 {
        return Some(fig.scroll_left());
    }
    let left = f64::from(fig.scroll_left()) + (r.left() - b.left()) - (b.width() - r.width()) / 2.0;
    fig.set_scroll_left(left.max(0.0).round() as i32);
    Some(fig.scroll_left())
}

/// The element `id` and the diagram figure that holds it.
fn figure_of(id: &str) -> Option<(web_sys::Element, web_sys::Element)> {
    let el = document().and_then(|d| d.get_element_by_id(id))?;
    let fig = el.closest(".diagram").ok().flatten()?;
    Some((el, fig))
}

/// When the peak slider is docked at the window's foot (`position: fixed`, see
/// `style/main.css`) and the lanes are not all in sight between the window's top and the dock,
/// scrolls the page so the lanes start near the top of the window. Nothing moves when they
/// all show.
pub fn reveal_docked_lanes() {
    let (Some(w), Some(d)) = (window(), document()) else {
        return;
    };
    let dock = d.query_selector(".control-peak").ok().flatten();
    let docked = dock
        .as_ref()
        .and_then(|c| w.get_computed_style(c).ok().flatten())
        .and_then(|st| st.get_property_value("position").ok())
        .is_some_and(|p| p == "fixed");
    let lanes = d
        .query_selector("[data-testid=lanes-diagram]")
        .ok()
        .flatten();
    let (true, Some(dock), Some(lanes)) = (docked, dock, lanes) else {
        return;
    };
    // Every lane in sight between the window's top and the dock, not only some of them: a
    // link that lands with the lanes half under the dock (the stack's "see it scale") would
    // hide the highlighted lane's rows for the whole drag.
    let r = lanes.get_bounding_client_rect();
    let dock_top = dock.get_bounding_client_rect().top();
    if r.top() < 0.0 || r.bottom() > dock_top {
        w.scroll_by_with_x_and_y(0.0, r.top() - 8.0);
    }
}

/// Runs `f` after the next paint (once the DOM of a render exists).
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let cb = Closure::once_into_js(f);
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// Opens the `<dialog>` with `id` as a modal (focus stays inside, Escape closes it).
pub fn show_modal(id: &str) {
    if let Some(d) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok())
    {
        let _ = d.show_modal();
    }
}

/// Closes the `<dialog>` with `id`.
pub fn close_dialog(id: &str) {
    if let Some(d) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok())
    {
        d.close();
    }
}

/// The page's address without its query (`https://host/path/`), for embed snippets.
pub fn page_base() -> String {
    window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Keeps Tab and Shift+Tab inside the element with `id` (a modal dialog): from its last
/// focusable element Tab wraps to the first, and back.
pub fn keep_tab_inside(id: &str, ev: &web_sys::KeyboardEvent) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(doc) = document() else { return };
    let Some(list) = doc.get_element_by_id(id).and_then(|d| {
        d.query_selector_all(
            "a[href], button:not([disabled]), input:not([disabled]):not([type=radio]), \
             input[type=radio]:checked, textarea, select",
        )
        .ok()
    }) else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.offset_width() > 0 || e.offset_height() > 0)
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = doc.active_element();
    let at = |e: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| js_sys::Object::is(a, e));
    let wrap_to = if ev.shift_key() {
        at(first).then_some(last)
    } else {
        at(last).then_some(first)
    };
    if let Some(target) = wrap_to {
        ev.prevent_default();
        let _ = target.focus();
    }
}

/// Clicks the first element matching `selector` (the header's "Export" uses the view's first
/// diagram export, so it always exports what the view shows first).
/// Whether there was one to click.
pub fn click_first(selector: &str) -> bool {
    let el = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = &el {
        el.click();
    }
    el.is_some()
}

/// Calls `on_print(true)` before the page is printed and `on_print(false)` after. Before
/// printing it also opens every `details.print-open` (e.g. "show the math"), so the handout
/// carries what they hold.
pub fn on_print(on_print: impl Fn(bool) + 'static) {
    let Some(w) = window() else { return };
    let on_print = std::rc::Rc::new(on_print);
    let before = {
        let on_print = on_print.clone();
        Closure::<dyn Fn()>::new(move || {
            if let Some(doc) = web_sys::window().and_then(|w| w.document())
                && let Ok(list) = doc.query_selector_all("details.print-open")
            {
                for i in 0..list.length() {
                    if let Some(el) = list
                        .item(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        let _ = el.set_attribute("open", "");
                    }
                }
            }
            on_print(true);
        })
    };
    let after = Closure::<dyn Fn()>::new(move || on_print(false));
    w.set_onbeforeprint(Some(before.as_ref().unchecked_ref()));
    w.set_onafterprint(Some(after.as_ref().unchecked_ref()));
    before.forget();
    after.forget();
}

/// Measures how tall the page at `src` (this app, same origin) lays out `width` CSS px wide: a
/// frame no one sees (transparent, inert, behind everything) loads it, and `done` gets the
/// content's height once a view has drawn and the height has held for a second. `done` gets
/// `None` after 20 s, or where the frame cannot be read (a page opened from a file has an
/// opaque origin). The returned function stops a measurement that is no longer wanted.
pub fn measure_page(src: &str, width: u32, done: impl Fn(Option<u32>) + 'static) -> Rc<dyn Fn()> {
    use leptos::prelude::set_interval_with_handle;
    let frame = document()
        .and_then(|d| d.create_element("iframe").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok());
    let Some((frame, body)) = frame.zip(document().and_then(|d| d.body())) else {
        done(None);
        return Rc::new(|| ()) as Rc<dyn Fn()>;
    };
    frame.set_src(src);
    frame.set_title("");
    let _ = frame.set_attribute("width", &width.to_string());
    // As tall as a laptop screen: the page lays out differently in a short window (a phone on
    // its side docks the slider).
    let _ = frame.set_attribute("height", "900");
    let _ = frame.set_attribute("class", "measure-frame");
    let _ = frame.set_attribute("aria-hidden", "true");
    let _ = frame.set_attribute("tabindex", "-1");
    let _ = frame.set_attribute("inert", "");
    let _ = body.append_child(&frame);
    let handle = Rc::new(Cell::new(None::<leptos::prelude::IntervalHandle>));
    let end = {
        let (frame, handle) = (frame.clone(), handle.clone());
        Rc::new(move || {
            if let Some(h) = handle.take() {
                h.clear();
            }
            frame.remove();
        }) as Rc<dyn Fn()>
    };
    let (polls, last, same) = (Cell::new(0u32), Cell::new(0.0f64), Cell::new(0u32));
    let stop = end.clone();
    let tick = move || {
        polls.set(polls.get() + 1);
        let height = frame
            .content_document()
            .filter(|d| d.query_selector("main svg").ok().flatten().is_some())
            .and_then(|d| d.document_element())
            .map_or(0.0, |root| root.get_bounding_client_rect().height().ceil());
        if height > 0.0 && height == last.get() {
            same.set(same.get() + 1);
        } else {
            same.set(0);
        }
        last.set(height);
        if same.get() >= 4 {
            stop();
            done(Some(height as u32));
        } else if polls.get() > 80 {
            stop();
            done(None);
        }
    };
    if let Ok(h) = set_interval_with_handle(tick, std::time::Duration::from_millis(250)) {
        handle.set(Some(h));
    }
    end
}
