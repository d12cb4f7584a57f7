//! Browser tests (wasm-bindgen-test in headless Chromium) of every function of the engine's
//! JavaScript API, through the same boundary JavaScript uses (JsValue in, JsValue out, via
//! serde-wasm-bindgen): what each returns, the errors it throws (a JS `Error` with the
//! problem and the nearest valid ids), and the hostile strings of tests/hostile.json in
//! every place a case can carry text.
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
use threshold_engine_js::{RuleSet, API_VERSION};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A JS value from JSON, as a page would pass it.
fn js(v: Value) -> JsValue {
    js_sys::JSON::parse(&v.to_string()).unwrap()
}

/// What the API returned, as JSON (through JSON.stringify, as a page would see it).
fn val(v: JsValue) -> Value {
    serde_json::from_str(&js_sys::JSON::stringify(&v).unwrap().as_string().unwrap()).unwrap()
}

fn rules() -> RuleSet {
    RuleSet::load_js(JsValue::UNDEFINED).expect("the default rule set loads")
}

/// The thrown value: a JS Error; its message and its `suggestions`.
fn thrown(r: Result<impl Sized, JsValue>) -> (String, Vec<String>) {
    let e = r.err().expect("an error is thrown");
    let err: &js_sys::Error = e.dyn_ref().expect("a JavaScript Error");
    assert_eq!(String::from(err.name()), "ThresholdEngineError");
    let s = js_sys::Reflect::get(&e, &"suggestions".into()).unwrap();
    let suggestions = js_sys::Array::from(&s).iter().map(|x| x.as_string().unwrap()).collect();
    (String::from(err.message()), suggestions)
}

const NOW: &str = "2026-11-19T10:00:00Z";

fn hostile() -> Vec<String> {
    serde_json::from_str(include_str!("../../tests/hostile.json")).unwrap()
}

#[wasm_bindgen_test]
fn load_gives_the_default_rule_set_by_default_and_by_id() {
    for options in [JsValue::UNDEFINED, JsValue::NULL, js(json!({})), js(json!({ "rules": "luton" }))] {
        let info = val(RuleSet::load_js(options).unwrap().info().unwrap());
        assert_eq!(info["id"], "luton-effective-support");
    }
}

#[wasm_bindgen_test]
fn load_rejects_unknown_rule_sets_and_options_with_a_suggestion() {
    let (m, s) = thrown(RuleSet::load_js(js(json!({ "rules": "lutn" }))));
    assert_eq!(m, "unknown rule set 'lutn'; did you mean 'luton'?");
    assert_eq!(s, ["luton"]);
    let (m, s) = thrown(RuleSet::load_js(js(json!({ "rulez": "luton" }))));
    assert!(m.starts_with("unknown field 'rulez' in the load options"), "{m}");
    assert_eq!(s, ["rules"]);
    let (m, _) = thrown(RuleSet::load_js(JsValue::from_str("luton")));
    assert!(m.contains("load options must be an object"), "{m}");
    let (m, _) = thrown(RuleSet::load_js(js(json!({ "rules": 3 }))));
    assert_eq!(m, "'rules' must be a string in the load options");
}

#[wasm_bindgen_test]
fn info_names_the_rule_set_its_hash_and_the_api_version() {
    let info = val(rules().info().unwrap());
    assert_eq!(info["title"], "Effective Support for Children and Families in Luton");
    assert!(info["edition"].as_str().unwrap().contains("Working Together 2023"));
    let hash = info["hash"].as_str().unwrap();
    assert!(hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()), "{hash}");
    assert_eq!(info["api_version"], API_VERSION);
    assert!(info["superseded_by"].is_null(), "the current edition");
}

#[wasm_bindgen_test]
fn questions_list_every_question_with_its_answers() {
    let q = val(rules().questions().unwrap());
    let q = q.as_array().unwrap();
    assert!(q.len() >= 40, "{}", q.len());
    let danger = q.iter().find(|x| x["id"] == "immediate_danger").unwrap();
    assert_eq!(danger["kind"], "yes_no");
    assert_eq!(danger["step"], "safety");
    assert_eq!(danger["answers"], json!([{ "id": "yes", "label": "Yes" }, { "id": "no", "label": "No" }]));
    let age = q.iter().find(|x| x["id"] == "child_age").unwrap();
    assert!(age["answers"].as_array().unwrap().iter().any(|a| a["id"] == "5_12"), "{age}");
    let text = q.iter().find(|x| x["kind"] == "text").unwrap();
    assert_eq!(text["answers"], json!([]));
    // Conditions come as the rule files write them.
    let carer = q.iter().find(|x| x["id"] == "safety_carer").unwrap();
    assert!(carer["applies_if"]["any"].is_array(), "{carer}");
}

#[wasm_bindgen_test]
fn indicators_carry_the_documents_words_category_domain_and_source() {
    let list = val(rules().indicators().unwrap());
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 239);
    let first = list.iter().find(|i| i["id"] == "en.health.1").unwrap();
    assert_eq!(first["text"], "Missing immunisations/checks");
    assert_eq!(first["category"], "emerging_needs");
    assert_eq!(first["domain"], "health");
    assert!(!first["domain_name"].as_str().unwrap().is_empty());
    // The full rule set: every source is there (the widget's compiled form drops them).
    assert!(list.iter().all(|i| !i["source"].as_str().unwrap().is_empty()));
}

#[wasm_bindgen_test]
fn categories_come_lowest_first_with_their_texts() {
    let list = val(rules().categories().unwrap());
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["universal", "emerging_needs", "family_help", "statutory_intervention"]);
    let top = &list[3];
    assert_eq!(top["referral"], true);
    assert_eq!(list[0]["referral"], false);
    assert!(!top["action"].as_str().unwrap().is_empty() && !top["source"].as_str().unwrap().is_empty());
}

#[wasm_bindgen_test]
fn assess_gives_the_outcome_for_ids_or_texts_at_the_instant_given() {
    let r = rules();
    // README example 1: Friday 16:20, after the MASH's Friday closing.
    let case = json!({ "indicators": ["Missing immunisations/checks", "en.learning.4"], "answers": { "immediate_danger": "no", "consent_parents": "given" } });
    let out = val(r.assess(js(case.clone()), Some(JsValue::from_str("2026-11-20T16:20:00Z"))).unwrap());
    assert_eq!(out["category"]["id"], "emerging_needs");
    assert_eq!(out["actions"][0]["id"], "emerging_needs.own_service");
    assert_eq!(out["contact"]["id"], "mash");
    assert_eq!(out["contact"]["mash_open"], false);
    assert_eq!(out["contact"]["next_open"], "Monday 23 November 2026 at 08:45");
    assert_eq!(out["consent"]["exception"], Value::Null, "a missing value is null, as in the CLI's JSON");
    // The same instant as a Date, and in the case itself.
    let date = js_sys::Date::new(&JsValue::from_str("2026-11-20T16:20:00Z"));
    assert_eq!(val(r.assess(js(case.clone()), Some(date.into())).unwrap()), out);
    let mut with_now = case.clone();
    with_now["now"] = json!("2026-11-20T16:20:00Z");
    assert_eq!(val(r.assess(js(with_now.clone()), Some(JsValue::UNDEFINED)).unwrap()), out);
    // The argument wins over the case's own `now`: Monday morning, the MASH is open.
    let monday = val(r.assess(js(with_now), Some(JsValue::from_str("2026-11-23T10:00:00Z"))).unwrap());
    assert_eq!(monday["contact"]["mash_open"], true);
    // README example 2: immediate danger, "call 999" first.
    let out = val(r.assess(js(json!({ "answers": { "immediate_danger": "yes" } })), Some(JsValue::from_str("2026-06-01T07:50:00Z"))).unwrap());
    assert_eq!(out["category"]["id"], "statutory_intervention");
    assert_eq!(out["urgent"][0]["id"], "immediate_danger.call_999");
    assert_eq!(out["contact"]["id"], "mash");
    // Without any instant, the clock: still a whole outcome.
    let out = val(r.assess(js(json!({})), Some(JsValue::UNDEFINED)).unwrap());
    assert_eq!(out["category"]["id"], "universal");
    assert!(out["contact"]["local_time"].as_str().unwrap().contains("20"));
}

#[wasm_bindgen_test]
fn assess_errors_say_what_was_wrong_and_the_nearest_valid_id() {
    let r = rules();
    let now = || JsValue::from_str(NOW);
    let (m, s) = thrown(r.assess(js(json!({ "indicators": ["en.helth.1"] })), Some(now())));
    assert!(m.starts_with("unknown indicator 'en.helth.1'; did you mean 'en.health.1'"), "{m}");
    assert_eq!(s[0], "en.health.1");
    let (m, s) = thrown(r.assess(js(json!({ "indicators": ["Missing immunisation/checks"] })), Some(now())));
    assert!(m.contains("unknown indicator"), "{m}");
    assert_eq!(s[0], "Missing immunisations/checks", "nearest by text");
    let (m, s) = thrown(r.assess(js(json!({ "answers": { "imediate_danger": "no" } })), Some(now())));
    assert!(m.starts_with("unknown question 'imediate_danger'"), "{m}");
    assert_eq!(s[0], "immediate_danger");
    let (m, s) = thrown(r.assess(js(json!({ "answers": { "immediate_danger": "yess" } })), Some(now())));
    assert!(m.starts_with("'yess' is not an answer to question 'immediate_danger' (answers: yes, no)"), "{m}");
    assert_eq!(s[0], "yes");
    // Malformed cases: each names the field and what it must be.
    for (case, want) in [
        (JsValue::from_str("en.health.1"), "the case must be an object with the fields indicators, answers, now, judgement, judgement_reason, ruleset"),
        (js(json!(["en.health.1"])), "the case must be an object with the fields indicators, answers, now, judgement, judgement_reason, ruleset"),
        (JsValue::NULL, "the case must be an object with the fields indicators, answers, now, judgement, judgement_reason, ruleset"),
        (
            js(json!({ "indicator": [] })),
            "unknown field 'indicator' in the case (fields: indicators, answers, now, judgement, judgement_reason, ruleset); did you mean 'indicators'?",
        ),
        (js(json!({ "indicators": "en.health.1" })), "'indicators' must be an array of strings in the case"),
        (js(json!({ "indicators": ["en.health.1", 7] })), "indicators[1] must be a string in the case"),
        (js(json!({ "answers": ["yes"] })), "'answers' must be an object of question id → answer in the case"),
        (js(json!({ "answers": { "immediate_danger": true } })), "the answer to 'immediate_danger' must be a string in the case"),
        (js(json!({ "now": 5 })), "'now' must be a string in the case"),
        (js(json!({ "ruleset": "luton" })), "'ruleset' must be an object with the strings id, edition and hash in the case"),
        (js(json!({ "ruleset": { "id": "luton" } })), "'ruleset' must be an object with the strings id, edition and hash in the case"),
    ] {
        assert_eq!(thrown(r.assess(case, Some(now()))).0, want);
    }
    let (m, _) = thrown(r.assess(js(json!({})), Some(JsValue::from_str("tomorrow"))));
    assert_eq!(m, "now is not an RFC 3339 time: 'tomorrow' (example: 2026-11-20T16:20:00Z)");
    let (m, _) = thrown(r.assess(js(json!({ "now": "20/11/2026" })), Some(JsValue::UNDEFINED)));
    assert!(m.starts_with("the case's 'now' is not an RFC 3339 time"), "{m}");
    let (m, _) = thrown(r.assess(js(json!({})), Some(JsValue::from_f64(1.0))));
    assert_eq!(m, "now must be an RFC 3339 string or a Date");
    let (m, _) = thrown(r.assess(js(json!({})), Some(js_sys::Date::new(&JsValue::from_str("not a date")).into())));
    assert_eq!(m, "now is an invalid Date");
}

#[wasm_bindgen_test]
fn summary_gives_the_sections_the_quality_check_and_the_records() {
    let r = rules();
    let case = json!({
        "indicators": ["fh.educational_neglect.1"],
        "answers": { "immediate_danger": "no", "significant_harm": "no", "open_case": "no", "risk_attendance": "yes",
                     "consent_parents": "given", "factor_worries": "He has missed 20 days since September." },
        "judgement": "family_help", "judgement_reason": "Attendance is falling and the family wants help."
    });
    let s = val(r.summary(js(case.clone()), Some(JsValue::from_str(NOW))).unwrap());
    assert_eq!(s["purpose"], "referral");
    let ids: Vec<&str> = s["sections"].as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"worries") && ids.contains(&"level"), "{ids:?}");
    let text = s["text"].as_str().unwrap();
    assert!(text.starts_with("REFERRAL TO THE LUTON MULTI-AGENCY SAFEGUARDING HUB (MASH)\n"), "{text}");
    assert!(text.contains("He has missed 20 days since September."));
    assert!(text.contains("Attendance is falling and the family wants help."));
    assert_eq!(s["have_ready"].as_array().unwrap().len(), 6);
    assert_eq!(s["decision_note"], Value::Null);
    let checks: Vec<&str> = s["quality_check"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert!(!checks.contains(&"judgement_missing"), "{checks:?}");
    // Without the professional's judgement the quality check asks for it, on the outcome step.
    let mut no_judgement = case.clone();
    no_judgement.as_object_mut().unwrap().remove("judgement");
    let s = val(r.summary(js(no_judgement), Some(JsValue::from_str(NOW))).unwrap());
    let missing = s["quality_check"].as_array().unwrap().iter().find(|p| p["id"] == "judgement_missing").expect("judgement_missing");
    assert_eq!(missing["step"], "outcome");
    // A judgement below a referral level: the record of a decision not to refer.
    let mut below = case.clone();
    below["judgement"] = json!("emerging_needs");
    let s = val(r.summary(js(below), Some(JsValue::from_str(NOW))).unwrap());
    assert_eq!(s["purpose"], "not_referring");
    assert!(s["decision_note"].as_str().unwrap().starts_with("DECISION NOT TO REFER TO THE MASH"));
    // An open case: information for the allocated worker.
    let mut open = case.clone();
    open["answers"]["open_case"] = json!("yes");
    assert_eq!(val(r.summary(js(open), Some(JsValue::from_str(NOW))).unwrap())["purpose"], "open_case");
}

#[wasm_bindgen_test]
fn summary_errors_match_assess_and_check_the_judgement() {
    let r = rules();
    let now = || JsValue::from_str(NOW);
    let (m, s) = thrown(r.summary(js(json!({ "judgement": "family-help" })), Some(now())));
    assert_eq!(m, "unknown judgement 'family-help': give a category id; did you mean 'universal', 'emerging_needs', 'family_help', 'statutory_intervention'?");
    assert_eq!(s.len(), 4);
    let (m, _) = thrown(r.summary(js(json!({ "indicators": ["nope"] })), Some(now())));
    assert!(m.starts_with("unknown indicator 'nope'"), "{m}");
    let (m, s) = thrown(r.summary(js(json!({ "judgment": "family_help" })), Some(now())));
    assert!(m.starts_with("unknown field 'judgment' in the case"), "{m}");
    assert_eq!(s, ["judgement"]);
    let (m, _) = thrown(r.summary(js(json!({ "judgement_reason": ["x"] })), Some(now())));
    assert_eq!(m, "'judgement_reason' must be a string in the case");
}

/// "Save your answers to a file" writes the CLI's case format, so a partner's page can hand a
/// file the widget saved (README Example 4) to `assess` and `summary` just as it was read.
#[wasm_bindgen_test]
fn a_case_the_widget_saved_goes_to_assess_and_summary_as_it_is() {
    let r = rules();
    let saved: Value = serde_json::from_str(include_str!("../../docs/cases/saved-emerging-needs-thursday.json")).unwrap();
    assert!(saved["ruleset"]["hash"].is_string() && saved["judgement"].is_string(), "the file is a saved case: {saved}");
    let bare = json!({ "indicators": saved["indicators"], "answers": saved["answers"], "now": saved["now"] });
    assert_eq!(val(r.assess(js(saved.clone()), None).unwrap()), val(r.assess(js(bare), None).unwrap()), "assess reads only the case");
    let s = val(r.summary(js(saved.clone()), None).unwrap());
    assert_eq!(s["purpose"], "not_referring", "the saved judgement (emerging needs) is read");
    assert!(s["decision_note"].as_str().unwrap().contains(saved["judgement_reason"].as_str().unwrap()), "{s}");
}

#[wasm_bindgen_test]
fn hostile_strings_are_data_everywhere_a_case_carries_text() {
    let r = rules();
    let now = || JsValue::from_str(NOW);
    let corpus = hostile();
    assert!(corpus.len() >= 100);
    for s in &corpus {
        let short: String = s.chars().take(40).collect();
        // Free text: accepted, and carried into the summary exactly.
        let case = json!({
            "answers": { "immediate_danger": "yes", "factor_worries": s, "why_now": s, "safety_where": s },
            "judgement": "statutory_intervention", "judgement_reason": s
        });
        let out = val(r.assess(js(json!({ "answers": case["answers"] })), Some(now())).unwrap_or_else(|e| panic!("{short:?}: {e:?}")));
        assert_eq!(out["category"]["id"], "statutory_intervention");
        let summary = val(r.summary(js(case), Some(now())).unwrap());
        if !s.trim().is_empty() {
            assert!(summary["text"].as_str().unwrap().matches(s.trim()).count() >= 3, "{short:?} not carried whole");
        }
        // As an indicator, a question, a yes/no answer, a field or an instant: an error that
        // quotes it, never a panic.
        let (m, _) = thrown(r.assess(js(json!({ "indicators": [s] })), Some(now())));
        assert!(m.contains("unknown indicator") || m.contains("appears more than once"), "{short:?}: {m}");
        if s.chars().count() > 1000 {
            assert!(m.contains("longer than any indicator") && m.contains(&short), "{short:?}: {m:.200}");
        } else if !s.trim().is_empty() {
            assert!(m.contains(s.trim()), "{short:?}: the message quotes what was given");
        }
        let (m, _) = thrown(r.assess(js(json!({ "answers": { s.as_str(): "yes" } })), Some(now())));
        assert!(m.starts_with("unknown question"), "{short:?}: {m}");
        let (m, _) = thrown(r.assess(js(json!({ "answers": { "immediate_danger": s } })), Some(now())));
        assert!(m.contains("is not an answer to question 'immediate_danger'"), "{short:?}: {m}");
        let mut field = serde_json::Map::new();
        field.insert(s.clone(), json!(1));
        let (m, _) = thrown(r.assess(js(Value::Object(field)), Some(now())));
        assert!(m.starts_with("unknown field") || m.starts_with("'") || m.contains("must be"), "{short:?}: {m}");
        let (m, _) = thrown(r.assess(js(json!({})), Some(JsValue::from_str(s))));
        assert!(m.starts_with("now is not an RFC 3339 time"), "{short:?}: {m}");
        let (m, _) = thrown(RuleSet::load_js(js(json!({ "rules": s }))));
        assert!(m.starts_with("unknown rule set"), "{short:?}: {m}");
    }
}
