//! Browser tests (wasm-bindgen-test in headless Chromium): the engine runs in wasm with
//! the same results as natively, and the widget mounts, responds and never leaves an
//! empty box.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use threshold_guide::engine::{self, Case, Instant};
use threshold_guide::ui;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh host element, as a partner page would have.
fn host() -> web_sys::Element {
    let el = document().create_element("div").unwrap();
    el.set_attribute("data-threshold-guide", "").unwrap();
    el.set_inner_html("<p class=\"fallback\">Call 999</p>");
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn click_button(root: &web_sys::Element, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: web_sys::HtmlElement = buttons.get(i).unwrap().dyn_into().unwrap();
        if b.text_content().unwrap_or_default().trim() == label {
            b.click();
            return;
        }
    }
    panic!("no button '{label}' in {}", root.inner_html());
}

#[wasm_bindgen_test]
fn embedded_rules_load_in_the_browser() {
    let rules = engine::default_rules().expect("valid");
    assert_eq!(rules.indicators.len(), 239);
    let case = Case { answers: [("immediate_danger".to_string(), "yes".to_string())].into(), ..Default::default() };
    let out = rules.assess(&case, Instant::parse_rfc3339("2026-11-19T10:00:00Z").unwrap()).unwrap();
    assert_eq!(out.category.id, "statutory_intervention");
    assert_eq!(out.urgent[0].contact.as_deref(), Some("police"));
    assert!(out.contact.mash_open, "Thursday 10:00 GMT is within MASH hours");
}

#[wasm_bindgen_test]
async fn widget_mounts_and_answers_immediate_danger() {
    let el = host();
    let rules = Rc::new(engine::default_rules().unwrap());
    let handle = ui::mount(el.clone(), rules);
    yew::scheduler::flush().await;
    assert!(el.query_selector(".fallback").unwrap().is_none(), "fallback not replaced");
    let h1 = el.query_selector("h1").unwrap().expect("heading rendered");
    assert_eq!(h1.text_content().unwrap(), "Luton threshold guide");

    click_button(&el, "Yes");
    yew::scheduler::flush().await;
    let alert = el.query_selector("[role=alert]").unwrap().expect("danger alert shown");
    let text = alert.text_content().unwrap();
    assert!(text.contains("999"), "{text}");
    assert!(text.contains("01582 547653") || text.contains("0300 300 8123"), "{text}");

    click_button(&el, "Start again");
    yew::scheduler::flush().await;
    assert!(el.query_selector("[role=alert]").unwrap().is_none());
    handle.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_do_not_share_state() {
    let (a, b) = (host(), host());
    let rules = Rc::new(engine::default_rules().unwrap());
    let ha = ui::mount(a.clone(), rules.clone());
    let hb = ui::mount(b.clone(), rules);
    yew::scheduler::flush().await;
    click_button(&a, "Yes");
    yew::scheduler::flush().await;
    assert!(a.query_selector("[role=alert]").unwrap().is_some());
    assert!(b.query_selector("[role=alert]").unwrap().is_none(), "second widget changed too");
    ha.destroy();
    hb.destroy();
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
fn emergency_fallback_replaces_every_widget_with_the_numbers() {
    let (a, b) = (host(), host());
    a.set_inner_html("");
    ui::show_emergency_fallback("test");
    for el in [&a, &b] {
        let text = el.text_content().unwrap();
        for number in ["999", "01582 547653", "0300 300 8123"] {
            assert!(text.contains(number), "{number} missing from fallback: {text}");
        }
        assert_eq!(el.get_attribute("data-threshold-guide-failed").as_deref(), Some("test"));
    }
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
async fn nothing_is_written_to_browser_storage() {
    let el = host();
    let handle = ui::mount(el.clone(), Rc::new(engine::default_rules().unwrap()));
    yew::scheduler::flush().await;
    click_button(&el, "No");
    yew::scheduler::flush().await;
    let w = web_sys::window().unwrap();
    assert_eq!(w.local_storage().unwrap().unwrap().length().unwrap(), 0);
    assert_eq!(w.session_storage().unwrap().unwrap().length().unwrap(), 0);
    handle.destroy();
    el.remove();
}
