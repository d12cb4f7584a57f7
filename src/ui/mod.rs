//! The Yew widget: a thin layer over the engine. It finds every `[data-threshold-guide]`
//! element on the host page and mounts an independent widget into each.
//!
//! Privacy: the UI stores nothing (no cookies, no local/session storage) and sends nothing;
//! all text typed by the user is rendered through Yew text nodes, never as HTML.

mod app;
mod check;
mod contact;
mod ctx;
mod error_summary;
mod fallback;
mod govuk;
mod indicators;
mod leave;
mod outcome;
mod question;
mod saved_view;
mod screens;
mod summary_view;

pub use app::{App, AppProps};
pub use fallback::{show_emergency_fallback, EMERGENCY_HTML};

use crate::embed::{self, Options};
use crate::engine;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The CSS selector of host elements.
pub const ROOT_SELECTOR: &str = "[data-threshold-guide]";

/// The widget's stylesheet, adopted by each widget's shadow root: the host page's CSS
/// cannot reach the widget and the widget's CSS cannot reach the host page.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/threshold-guide.min.css"));

thread_local! {
    /// The rule sets the loader has handed over (`addRules`), by id, decoded once per page
    /// and shared by every widget that uses them.
    static RULES: std::cell::RefCell<Vec<(String, Rc<engine::RuleSet>)>> = const { std::cell::RefCell::new(Vec::new()) };
    static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn rules(id: &str) -> Option<Rc<engine::RuleSet>> {
    RULES.with(|r| r.borrow().iter().find(|(k, _)| k == id).map(|(_, r)| r.clone()))
}

/// Entry point (wasm start): installs the panic fallback. The loader (`threshold-guide.js`)
/// fetches each rule set a page uses while this module compiles, hands it over with
/// `addRules`, and then mounts the page's widgets with `mountElement`.
pub fn start() {
    fallback::install_panic_hook();
}

/// JavaScript (the loader): a compiled rule set it fetched, with the SHA-256 the build
/// announced for it. Checked here unless the browser has checked it as it downloaded
/// (Subresource Integrity), and decoded whole or not at all; the error says why, for the
/// page's web team.
#[wasm_bindgen(js_name = addRules)]
pub fn add_rules(id: &str, bytes: &[u8], sha256: &str, checked: bool) -> Result<(), JsValue> {
    if rules(id).is_some() {
        return Ok(());
    }
    // `checked`: the browser has compared these bytes' SHA-256 already (the fetch's integrity).
    let set = if checked { engine::from_checked(bytes) } else { engine::from_compiled(bytes, sha256) }
        .map_err(|why| JsValue::from_str(&format!("the rule set \"{id}\" cannot be used: {why}")))?;
    RULES.with(|r| r.borrow_mut().push((id.to_string(), Rc::new(set))));
    Ok(())
}

/// JavaScript (the loader): mounts a widget into one `[data-threshold-guide]` element, with
/// the options of its `data-*` attributes.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(el: web_sys::Element) {
    let pairs: Vec<(String, String)> = el
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
        .filter(|n| n.starts_with("data-"))
        .map(|n| (n.clone(), el.get_attribute(&n).unwrap_or_default()))
        .collect();
    let (options, warnings) = parse_options(&pairs);
    let id = options.rules.clone();
    if mount_with_options(el.clone(), options, warnings).is_none() {
        show_failure(el, &format!("the rule set \"{id}\" was not loaded"));
    }
}

/// JavaScript (the loader): the widget cannot run in this element (its rule set failed to
/// load, for example): the emergency numbers instead, and the reason in the console.
#[wasm_bindgen(js_name = showFailure)]
pub fn show_failure(el: web_sys::Element, reason: &str) {
    gloo::console::error!(format!("threshold-guide did not start here: {reason}"));
    let root = render_root(&el);
    root.set_inner_html(EMERGENCY_HTML);
    // The reason as text (it may quote the host's attribute), for whoever maintains the page.
    if let (Some(panel), Some(document)) = (root.first_element_child(), el.owner_document()) {
        if let Ok(p) = document.create_element("p") {
            p.set_class_name("tg-hint");
            p.set_text_content(Some(&format!("For the page's web team: the guide did not start because {reason}.")));
            panel.append_child(&p).ok();
        }
    }
    el.set_attribute("data-threshold-guide-failed", reason).ok();
}

/// The host's options from its (name, value) pairs: one copy of the parser for both ways in
/// (`data-*` attributes and `mount()`).
#[inline(never)]
fn parse_options(pairs: &[(String, String)]) -> (Options, Vec<String>) {
    embed::parse(pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())))
}

/// Mounts one widget into `host`'s shadow root (its fallback content stays in the light DOM,
/// hidden while the widget runs).
pub fn mount_with_options(host: web_sys::Element, options: Options, warnings: Vec<String>) -> Option<yew::AppHandle<App>> {
    let rules = rules(&options.rules)?;
    for w in &warnings {
        gloo::console::warn!(format!("threshold-guide: {w}"));
    }
    let instance = NEXT.with(|n| n.replace(n.get() + 1));
    let props = AppProps { rules, instance, initial: None, options: Rc::new(options), warnings };
    Some(mount_with(host, props))
}

/// Mounts a widget with default options.
pub fn mount(el: web_sys::Element, rules: Rc<engine::RuleSet>) -> yew::AppHandle<App> {
    let instance = NEXT.with(|n| n.replace(n.get() + 1));
    mount_with(el, AppProps { rules, instance, initial: None, options: Rc::new(Options::default()), warnings: vec![] })
}

/// The element the app renders into: a div in an open shadow root with the widget's
/// stylesheet adopted. If the host cannot have a shadow root, the host itself.
fn render_root(host: &web_sys::Element) -> web_sys::Element {
    let shadow = host.shadow_root().or_else(|| host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok());
    let Some(shadow) = shadow else {
        gloo::console::warn!("threshold-guide: this element cannot hold a shadow root; the host page's styles may affect the guide");
        return host.clone();
    };
    if let Ok(sheet) = web_sys::CssStyleSheet::new() {
        sheet.replace_sync(CSS).ok();
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    shadow.set_inner_html("");
    let document = host.owner_document().expect("document");
    let root = document.create_element("div").expect("div");
    root.set_class_name("tg-root");
    shadow.append_child(&root).ok();
    root
}

/// Mounts a widget with explicit props (embedding options, tests).
pub fn mount_with(host: web_sys::Element, props: AppProps) -> yew::AppHandle<App> {
    host.set_attribute("data-threshold-guide-mounted", "").ok();
    let root = render_root(&host);
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}

/// What JavaScript gets back from `mount`: call `destroy()` to remove the widget.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<yew::AppHandle<App>>,
    host: web_sys::Element,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget and forgets every answer; the host element's own content shows again.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        if let Some(shadow) = self.host.shadow_root() {
            shadow.set_inner_html("<slot></slot>");
        }
        self.host.remove_attribute("data-threshold-guide-mounted").ok();
    }
}

/// JavaScript API: `mount(element, {audience, rules, start, contactLine, quickExit, exitUrl})`.
/// Unknown or malformed options are reported (in the widget and the console) and defaults used.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: web_sys::Element, options: JsValue) -> Result<WidgetHandle, JsValue> {
    let mut warnings = Vec::new();
    let pairs: Vec<(String, String)> = if options.is_undefined() || options.is_null() {
        vec![]
    } else {
        match js_sys::Object::try_from(&options) {
            Some(obj) => js_sys::Object::entries(obj)
                .iter()
                .filter_map(|e| {
                    let e: js_sys::Array = e.unchecked_into();
                    let key = e.get(0).as_string()?;
                    let value = e.get(1);
                    match value.as_string().or_else(|| value.as_bool().map(|b| b.to_string())) {
                        Some(v) => Some((key, v)),
                        None => {
                            warnings.push(format!("option \"{key}\" must be a string or true/false; ignored"));
                            None
                        }
                    }
                })
                .collect(),
            None => {
                warnings.push("options must be an object; using the defaults".into());
                vec![]
            }
        }
    };
    let (options, more) = parse_options(&pairs);
    warnings.extend(more);
    let id = options.rules.clone();
    let app = mount_with_options(element.clone(), options, warnings)
        .ok_or_else(|| JsValue::from_str(&format!("threshold-guide: the rule set \"{id}\" was not loaded")))?;
    Ok(WidgetHandle { app: Some(app), host: element })
}

/// For the benchmark: assesses a case with every indicator selected and every question
/// answered, `runs` times, and returns the median time of one assessment in milliseconds.
/// Only in the benchmark's own build (`--features bench`): the widget people download
/// does not carry it.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = benchmarkAssess)]
pub fn benchmark_assess(runs: u32) -> f64 {
    let Some(rules) = RULES.with(|r| r.borrow().first().map(|(_, r)| r.clone())) else { return f64::NAN };
    let case = rules.case_with_everything();
    let perf = web_sys::window().and_then(|w| w.performance());
    let now = || perf.as_ref().map(|p| p.now()).unwrap_or_default();
    let at = engine::Instant(1_795_000_000);
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = now();
            let out = rules.assess(&case, at);
            let spent = now() - t;
            std::hint::black_box(out.is_ok());
            spent
        })
        .collect();
    engine::sorted::sort_small_by(&mut times, |a, b| a < b);
    times[times.len() / 2]
}
