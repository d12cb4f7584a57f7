//! Browser tests (wasm-bindgen-test in headless Chromium): the engine runs in wasm with the
//! same results as natively; the indicator picker and the outcome view work as components;
//! widgets are independent; a panic never leaves an empty box.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use threshold_guide::engine::{self, Case, Instant};
use threshold_guide::journey::{Action, Journey, Screen};
use threshold_guide::ui::{self, AppProps};
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

fn rules() -> Rc<engine::RuleSet> {
    Rc::new(engine::default_rules().expect("valid rules"))
}

/// Mounts the widget at a given point of the journey.
async fn mount_at(el: &web_sys::Element, journey: Journey, instance: u32) -> yew::AppHandle<ui::App> {
    let rules = journey.rules.clone();
    let handle = ui::mount_with(el.clone(), AppProps { rules, instance, initial: Some(Rc::new(journey)), options: Default::default(), warnings: vec![] });
    yew::scheduler::flush().await;
    handle
}

/// The widget renders inside the host's shadow root.
fn view(el: &web_sys::Element) -> web_sys::ShadowRoot {
    el.shadow_root().expect("the widget renders in a shadow root")
}

fn text(el: &web_sys::ShadowRoot, selector: &str) -> String {
    el.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector} in {}", el.inner_html())).text_content().unwrap_or_default()
}

fn click(el: &web_sys::ShadowRoot, selector: &str) {
    let target: web_sys::HtmlElement = el.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap();
    target.click();
}

fn click_button(root: &web_sys::ShadowRoot, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: web_sys::HtmlElement = buttons.get(i).unwrap().dyn_into().unwrap();
        if b.text_content().unwrap_or_default().trim().starts_with(label) {
            b.click();
            return;
        }
    }
    panic!("no button '{label}' in {}", root.inner_html());
}

fn count(el: &web_sys::ShadowRoot, selector: &str) -> u32 {
    el.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
fn embedded_rules_load_and_assess_in_the_browser() {
    let rules = rules();
    assert_eq!(rules.indicators.len(), 239);
    let case = Case { answers: [("immediate_danger".to_string(), "yes".to_string())].into(), ..Default::default() };
    let out = rules.assess(&case, Instant::parse_rfc3339("2026-11-19T10:00:00Z").unwrap()).unwrap();
    assert_eq!(out.category.id, "statutory_intervention");
    assert_eq!(out.urgent[0].contact, Some("police"));
    assert!(out.contact.mash_open, "Thursday 10:00 GMT is within MASH hours");
}

#[wasm_bindgen_test]
async fn start_page_replaces_the_fallback_and_continue_moves_on() {
    let el = host();
    let handle = ui::mount(el.clone(), rules());
    yew::scheduler::flush().await;
    let v = view(&el);
    assert!(v.query_selector(".fallback").unwrap().is_none(), "the fallback is not shown while the widget runs");
    assert_eq!(text(&v, "h1"), "Decide what help a child needs");
    click(&v, "[data-action=continue]");
    yew::scheduler::flush().await;
    assert_eq!(text(&v, "h1"), "Is the child in immediate danger?");
    assert_eq!(v.active_element().unwrap().tag_name(), "H1", "focus moves to the new step's h1");
    handle.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn indicator_picker_selects_counts_searches_and_switches_domain() {
    let el = host();
    let rules = rules();
    let mut journey = Journey::new(rules.clone());
    journey.screen = Screen::Indicators;
    let handle = mount_at(&el, journey, 101).await;
    let v = view(&el);

    let health = rules.indicators.iter().filter(|i| i.domain == "health").count() as u32;
    assert_eq!(count(&v, ".tg-domain-panel input[type=checkbox]"), health, "one checkbox per Health indicator");
    assert_eq!(count(&v, "input[type=checkbox]:checked"), 0, "nothing pre-selected");
    assert!(text(&v, "[role=status]").starts_with("0 indicators selected"));

    click(&v, "#tg101-ind-en-health-1");
    yew::scheduler::flush().await;
    assert!(text(&v, "[role=status]").contains("1 indicator selected. Suggested so far: Emerging Needs."), "{}", text(&v, "[role=status]"));
    assert!(text(&v, ".tg-domain-nav__item[aria-current=\"true\"]").contains("(1 selected)"));

    let search: web_sys::HtmlInputElement = v.query_selector("input[type=search]").unwrap().unwrap().dyn_into().unwrap();
    search.set_value("domestic abuse");
    search.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    let matches = rules.indicators.iter().filter(|i| i.text.to_lowercase().contains("domestic abuse")).count() as u32;
    assert!(matches >= 2);
    assert_eq!(count(&v, "[data-search-results] input[type=checkbox]"), matches, "search filters across every domain");
    // The domain's own list stays in the page, hidden, so clearing the search does not rebuild it.
    assert_eq!(count(&v, "[hidden] .tg-domain-panel input[type=checkbox]"), health);
    assert_eq!(count(&v, "[data-search-results] input[id^=\"tg101-found-\"]"), matches, "a box found has its own id, not its domain box's");

    search.set_value("");
    search.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    click_button(&v, "Learning");
    yew::scheduler::flush().await;
    assert_eq!(text(&v, ".tg-domain-panel legend"), "Learning");
    assert!(v.query_selector("#tg101-ind-en-learning-4").unwrap().is_some());
    handle.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn outcome_view_puts_999_first_and_keeps_the_professionals_judgement_beside_it() {
    let el = host();
    let mut journey = Journey::new(rules());
    journey.apply(Action::Answer { question: "immediate_danger".into(), value: "yes".into() });
    journey.apply(Action::ToggleIndicator("en.health.1".into()));
    journey.screen = Screen::Outcome;
    let handle = mount_at(&el, journey, 102).await;
    let v = view(&el);

    let category = v.query_selector("[data-category]").unwrap().unwrap();
    assert_eq!(category.get_attribute("data-category").as_deref(), Some("statutory_intervention"));
    let first = v.query_selector("[data-list=urgent] > li").unwrap().unwrap();
    assert_eq!(first.get_attribute("data-action-id").as_deref(), Some("immediate_danger.call_999"));
    assert!(first.text_content().unwrap().contains("999"));
    let contact = v.query_selector("[data-contact]").unwrap().unwrap().get_attribute("data-contact").unwrap();
    assert!(contact == "mash" || contact == "edt");

    // Nothing is chosen for the professional: Continue asks for their judgement.
    assert!(v.query_selector("input[name=tg102-judgement]:checked").unwrap().is_none(), "no judgement chosen by default");
    assert!(v.query_selector("#tg102-judgement-reason").unwrap().is_none(), "no reason box before a choice");
    click(&v, "[data-action=continue]");
    yew::scheduler::flush().await;
    assert!(text(&v, ".tg-error-summary").contains("Select your professional judgement of the level of need"));
    // Recording a different judgement asks for a reason and keeps the suggestion shown.
    click(&v, "#tg102-judgement-family_help");
    yew::scheduler::flush().await;
    assert!(v.query_selector("#tg102-judgement-reason").unwrap().is_some(), "reason box appears");
    click(&v, "[data-action=continue]");
    yew::scheduler::flush().await;
    assert!(text(&v, "#tg102-q-judgement-reason").contains("Enter the reason for your judgement"));
    assert_eq!(text(&v, ".tg-panel__title"), "Statutory Intervention / Family Help", "the suggestion is still shown");
    handle.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_do_not_share_state() {
    let (a, b) = (host(), host());
    let rules = rules();
    let ha = ui::mount(a.clone(), rules.clone());
    let hb = ui::mount(b.clone(), rules);
    yew::scheduler::flush().await;
    click(&view(&a), "[data-action=continue]");
    yew::scheduler::flush().await;
    assert_eq!(text(&view(&a), "h1"), "Is the child in immediate danger?");
    assert_eq!(text(&view(&b), "h1"), "Decide what help a child needs", "second widget changed too");
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
    let mut journey = Journey::new(rules());
    journey.screen = Screen::Indicators;
    let handle = mount_at(&el, journey, 103).await;
    let v = view(&el);
    click(&v, "#tg103-ind-en-health-1");
    click(&v, "[data-action=continue]");
    yew::scheduler::flush().await;
    let w = web_sys::window().unwrap();
    assert_eq!(w.local_storage().unwrap().unwrap().length().unwrap(), 0);
    assert_eq!(w.session_storage().unwrap().unwrap().length().unwrap(), 0);
    assert_eq!(document().dyn_into::<web_sys::HtmlDocument>().unwrap().cookie().unwrap_or_default(), "");
    handle.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn emergency_fallback_reaches_a_mounted_widget_in_its_shadow_root() {
    let el = host();
    let handle = ui::mount(el.clone(), rules());
    yew::scheduler::flush().await;
    ui::show_emergency_fallback("test");
    let shown = view(&el).text_content().unwrap_or_default();
    for number in ["999", "01582 547653", "0300 300 8123"] {
        assert!(shown.contains(number), "{number} missing: {shown}");
    }
    drop(handle);
    el.remove();
}

/// The loader's way in: a rule set is used only whole and with the hash the build announced;
/// a widget whose rule set did not arrive shows the emergency numbers and says why.
#[wasm_bindgen_test]
async fn a_fetched_rule_set_is_used_only_whole_and_with_its_hash() {
    let bytes = engine::compiled_bytes();
    // The hash as the build announces it, computed natively (not by the code under test).
    let sha = engine::compiled_sha256();
    let wrong = ui::add_rules("test-wrong-hash", bytes, &"0".repeat(64), false).unwrap_err().as_string().unwrap();
    assert!(wrong.contains("does not match the hash"), "{wrong}");
    let cut = &bytes[..bytes.len() / 2];
    // A cut-off download against the whole file's hash; and one whose hash the loader has
    // compared already (Subresource Integrity) but which still does not decode whole.
    let cut_error = ui::add_rules("test-cut", cut, sha, false).unwrap_err().as_string().unwrap();
    assert!(cut_error.contains("does not match the hash"), "{cut_error}");
    let undecodable = ui::add_rules("test-undecodable", cut, sha, true).unwrap_err().as_string().unwrap();
    assert!(undecodable.contains("cannot be decoded"), "{undecodable}");
    ui::add_rules("test-good", bytes, sha, false).expect("the real rule set with its hash");

    let good = host();
    good.set_attribute("data-rules", "test-good").unwrap();
    ui::mount_element(good.clone());
    yew::scheduler::flush().await;
    assert!(good.has_attribute("data-threshold-guide-mounted"));
    assert!(view(&good).query_selector("h1, h2").unwrap().is_some(), "the start page is drawn");

    for id in ["test-wrong-hash", "test-cut", "test-undecodable"] {
        let el = host();
        el.set_attribute("data-rules", id).unwrap();
        ui::mount_element(el.clone());
        yew::scheduler::flush().await;
        let shown = view(&el).text_content().unwrap_or_default();
        for number in ["999", "01582 547653", "0300 300 8123"] {
            assert!(shown.contains(number), "{id}: {number} missing: {shown}");
        }
        assert!(shown.contains(&format!("the rule set \"{id}\" was not loaded")), "{id}: the reason is shown: {shown}");
        assert!(el.get_attribute("data-threshold-guide-failed").unwrap().contains(id));
        el.remove();
    }
    good.remove();
}

/// A superseded edition without office hours (the current rule set edited so): the start,
/// outcome and summary pages warn that it is for reference and training and name the current
/// edition; who to contact now gives the edition's own MASH number with its words saying it
/// gives no hours, and the summary's phone-first line carries them.
#[wasm_bindgen_test]
async fn a_superseded_edition_without_office_hours_says_so_on_every_page_that_matters() {
    use threshold_guide::engine::model::{Id, Message, Superseded};
    let mut r = engine::default_rules().unwrap();
    r.meta.superseded_by = Some(Superseded { id: "luton".into(), title: "The current edition".into() });
    r.contacts.contact.retain(|c| c.id.as_str() != "edt");
    r.contacts.contact.iter_mut().filter(|c| c.id.as_str() == "mash").for_each(|c| c.hours.clear());
    r.messages.push(Message {
        id: Id::new("superseded"),
        text: "This edition is for reference and training: use The current edition for decisions.".into(),
        basis: None,
    });
    r.messages.iter_mut().filter(|m| m.id.as_str() == "mash_open").for_each(|m| m.text = "No office hours in this edition: see The current edition.".into());
    let rules = Rc::new(r);
    let warning = "This edition is for reference and training: use The current edition for decisions.";

    let el = host();
    let handle = ui::mount(el.clone(), rules.clone());
    yew::scheduler::flush().await;
    assert!(text(&view(&el), ".tg-warning-text").contains(warning), "first on the page, a warning");
    handle.destroy();

    let mut journey = Journey::new(rules.clone());
    journey.apply(Action::Answer { question: "immediate_danger".into(), value: "yes".into() });
    journey.screen = Screen::Outcome;
    let handle = mount_at(&el, journey.clone(), 104).await;
    let v = view(&el);
    assert!(text(&v, ".tg-warning-text").contains(warning), "first on the page, a warning");
    let now = text(&v, ".tg-contact-now");
    assert!(now.starts_with("Who to phone now: Luton Multi-Agency Safeguarding Hub (MASH), 01582 547653"), "{now}");
    assert!(now.contains("No office hours in this edition: see The current edition. If a child is in immediate danger, call 999."), "{now}");
    handle.destroy();

    journey.apply(Action::SetJudgement(Some(rules.categories.last().unwrap().id.as_str().to_string())));
    journey.screen = Screen::Summary;
    let handle = mount_at(&el, journey.clone(), 105).await;
    let v = view(&el);
    assert!(text(&v, ".tg-warning-text").contains(warning), "first on the page, a warning");
    assert!(text(&v, "[data-sending]").ends_with("No office hours in this edition: see The current edition."));
    handle.destroy();

    journey.screen = Screen::Check;
    let handle = mount_at(&el, journey, 106).await;
    assert!(!view(&el).text_content().unwrap_or_default().contains(warning), "only where a decision might be taken");
    handle.destroy();
    el.remove();
}
