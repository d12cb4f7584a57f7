//! The Yew widget: a thin layer over the engine. It finds every `[data-threshold-guide]`
//! element on the host page and mounts an independent widget into each.
//!
//! Privacy: the UI stores nothing (no cookies, no local/session storage) and sends nothing;
//! all text typed by the user is rendered through Yew text nodes, never as HTML.

mod app;
mod check;
mod contact;
mod error_summary;
mod fallback;
mod indicators;
mod outcome;
mod question;
mod screens;
mod summary_view;

pub use app::{App, AppProps};
pub use fallback::{show_emergency_fallback, EMERGENCY_HTML};

use crate::engine;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The CSS selector of host elements.
pub const ROOT_SELECTOR: &str = "[data-threshold-guide]";

/// Entry point: installs the panic fallback, loads the rules, mounts every widget.
pub fn start() {
    fallback::install_panic_hook();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(roots) = document.query_selector_all(ROOT_SELECTOR) else { return };
    let rules = match engine::default_rules() {
        Ok(r) => Rc::new(r),
        Err(errors) => {
            // Cannot happen for a build (build.rs validated the same files), but never leave an empty box.
            gloo::console::error!(format!("threshold-guide: the rule set is invalid: {}", errors[0]));
            show_emergency_fallback("The guide could not load its rules.");
            return;
        }
    };
    for i in 0..roots.length() {
        if let Some(el) = roots.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            mount(el, rules.clone());
        }
    }
}

/// Mounts one widget into `el`, replacing its fallback content.
pub fn mount(el: web_sys::Element, rules: Rc<engine::RuleSet>) -> yew::AppHandle<App> {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let instance = NEXT.with(|n| n.replace(n.get() + 1));
    el.set_attribute("data-threshold-guide-mounted", "").ok();
    yew::Renderer::<App>::with_root_and_props(el, AppProps { rules, instance, initial: None }).render()
}

/// Mounts a widget that starts from a given journey (embedding options, tests).
pub fn mount_with(el: web_sys::Element, props: AppProps) -> yew::AppHandle<App> {
    el.set_attribute("data-threshold-guide-mounted", "").ok();
    yew::Renderer::<App>::with_root_and_props(el, props).render()
}
