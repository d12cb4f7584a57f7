//! A broken rule file is rejected with the file, the line and what is wrong.
#![cfg(not(target_arch = "wasm32"))]
use threshold_guide::engine::{self, load, Sources};

/// The default sources with one file edited: `from` replaced (once) by `to`.
fn broken(file: &str, from: &str, to: &str) -> Sources {
    let mut s = engine::default_sources();
    let text = s.files.get_mut(file).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    *text = text.replacen(from, to, 1);
    s
}

/// The line (1-based) of the first occurrence of `needle` in `file` of the default sources.
fn line_of(file: &str, needle: &str) -> usize {
    let s = engine::default_sources();
    let text = &s.files[file];
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

/// Asserts that loading fails and one error names this file and line and contains `what`.
fn rejects(sources: Sources, file: &str, line: Option<usize>, what: &str) {
    let errors = load(&sources).expect_err("a broken rule set must not load");
    let path = format!("rules/luton/{file}");
    let hit = errors.iter().any(|e| e.file == path && line.is_none_or(|l| e.line == l) && e.message.contains(what));
    assert!(hit, "expected {path}:{line:?} '{what}', got:\n{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
}

#[test]
fn duplicate_indicator_id() {
    let line = line_of("indicators.toml", "id = \"u.health.2\"");
    rejects(broken("indicators.toml", "id = \"u.health.2\"", "id = \"u.health.1\""), "indicators.toml", Some(line), "duplicate indicator id 'u.health.1'");
}

#[test]
fn unknown_category() {
    let line = line_of("indicators.toml", "id = \"u.health.1\"");
    rejects(broken("indicators.toml", "category = \"universal\"", "category = \"universel\""), "indicators.toml", Some(line), "unknown category 'universel'");
}

#[test]
fn unknown_domain() {
    let line = line_of("indicators.toml", "id = \"u.health.1\"");
    rejects(broken("indicators.toml", "domain = \"health\"", "domain = \"healht\""), "indicators.toml", Some(line), "unknown domain 'healht'");
}

#[test]
fn empty_text() {
    let s = engine::default_sources();
    let text = &s.files["indicators.toml"];
    let start = text.find("text = \"").unwrap();
    let end = start + text[start + 8..].find('"').unwrap() + 9;
    let original = text[start..end].to_string();
    rejects(broken("indicators.toml", &original, "text = \"\""), "indicators.toml", None, "'text' is empty");
}

#[test]
fn dangling_reference_in_a_pathway() {
    let s = engine::default_sources();
    let text = &s.files["pathways.toml"];
    let from = "{ yes = \"risk_fgm\" }";
    assert!(text.contains(from));
    rejects(broken("pathways.toml", from, "{ yes = \"risk_fgmm\" }"), "pathways.toml", None, "refers to unknown question 'risk_fgmm'");
}

#[test]
fn unknown_indicator_reference() {
    rejects(broken("pathways.toml", "\"si.definition.fgm\"", "\"si.definition.fgmx\""), "pathways.toml", None, "unknown indicator 'si.definition.fgmx'");
}

#[test]
fn bad_office_hours() {
    let line = line_of("contacts.toml", "id = \"mash\"");
    rejects(broken("contacts.toml", "close = \"17:15\"", "close = \"17:75\""), "contacts.toml", Some(line), "bad time");
    rejects(broken("contacts.toml", "close = \"17:15\"", "close = \"08:00\""), "contacts.toml", Some(line), "not later");
}

#[test]
fn bad_bank_holiday() {
    rejects(broken("contacts.toml", "\"2026-12-25\"", "\"2026-13-25\""), "contacts.toml", None, "not a date");
}

#[test]
fn question_referring_to_a_later_question() {
    // Move a reference to a question defined after the one that uses it.
    let s = engine::default_sources();
    let text = &s.files["questions.toml"];
    let first = text.find("[[question]]").unwrap();
    let id_line = text[first..].find("\n").unwrap() + first;
    let edited = format!("{}\napplies_if = {{ yes = \"risk_fgm\" }}{}", &text[..id_line], &text[id_line..]);
    let mut s2 = engine::default_sources();
    s2.files.insert("questions.toml".into(), edited);
    rejects(s2, "questions.toml", None, "refers to question 'risk_fgm', which comes later");
}

#[test]
fn toml_syntax_error_names_the_line() {
    let line = line_of("indicators.toml", "id = \"en.health.1\"");
    rejects(broken("indicators.toml", "id = \"en.health.1\"", "id = \"en.health.1"), "indicators.toml", Some(line), "");
}

#[test]
fn misspelt_key_is_rejected() {
    let line = line_of("indicators.toml", "source = ");
    rejects(broken("indicators.toml", "source = ", "sorce = "), "indicators.toml", Some(line), "unknown field `sorce`");
}

#[test]
fn hand_count_catches_a_dropped_indicator() {
    // Drop the first indicator entirely.
    let s = engine::default_sources();
    let text = &s.files["indicators.toml"];
    let a = text.find("[[indicator]]").unwrap();
    let b = a + 13 + text[a + 13..].find("[[indicator]]").unwrap();
    let mut s2 = engine::default_sources();
    s2.files.insert("indicators.toml".into(), format!("{}{}", &text[..a], &text[b..]));
    rejects(s2, "indicator-counts.toml", None, "universal / health: hand count is 7 but indicators.toml has 6");
}

#[test]
fn missing_core_question() {
    rejects(broken("questions.toml", "id = \"immediate_danger\"", "id = \"immediate_dangerous\""), "questions.toml", None, "the engine needs question 'immediate_danger'");
}

#[test]
fn every_error_is_reported_at_once() {
    let mut s = broken("indicators.toml", "category = \"universal\"", "category = \"nope\"");
    let c = s.files.get_mut("contacts.toml").unwrap();
    *c = c.replacen("close = \"17:15\"", "close = \"99:99\"", 1);
    let errors = load(&s).unwrap_err();
    assert!(errors.iter().any(|e| e.file.ends_with("indicators.toml")));
    assert!(errors.iter().any(|e| e.file.ends_with("contacts.toml")));
}
