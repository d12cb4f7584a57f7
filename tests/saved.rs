//! Saving a case to a file and opening it again (`src/saved.rs`, `Action::Open`): the round
//! trip, a file from another version of the rules, and bad files (malformed, cut short, too
//! big, binary, hostile), which give an error and change nothing else. The same reader runs
//! in the widget; the CLI's reader (serde_json) must read every file it accepts the same way.
#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::{answer, walk_to_check};
use std::rc::Rc;
use threshold_guide::engine::{self, CaseInput, RuleSet};
use threshold_guide::journey::{Action, Journey, Screen};
use threshold_guide::saved::{self, OpenError};

fn default_rules() -> Rc<RuleSet> {
    Rc::new(common::rules())
}

/// The README's example: an Emerging Needs case saved on the outcome page, after the judgement.
fn emerging_needs(rules: &Rc<RuleSet>) -> Journey {
    let mut j = Journey::new(rules.clone());
    walk_to_check(&mut j, &["en.health.1", "en.learning.4"], "Often arrives late and hungry; missed two health checks.");
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Outcome, "{:?}", j.errors);
    j.apply(Action::SetJudgement(Some("emerging_needs".into())));
    j.apply(Action::SetJudgementReason("Her needs can be met in school: breakfast club and the school nurse.".into()));
    j
}

/// What the user entered: the state a saved file must bring back.
fn entered(j: &Journey) -> impl PartialEq + std::fmt::Debug {
    (j.answers.clone(), j.selected.clone(), j.judgement.clone(), j.judgement_reason.clone())
}

/// Everything in the journey but its errors: what a bad file must leave as it was.
fn all_but_errors(j: &Journey) -> Journey {
    Journey { errors: vec![], ..j.clone() }
}

/// The file read by the widget, checked against the CLI's reader.
fn read_both(text: &str) -> Option<CaseInput> {
    let ours = saved::read(text);
    if let Some(case) = &ours {
        let cli: CaseInput = serde_json::from_str(text).unwrap_or_else(|e| panic!("the widget reads what the CLI refuses ({e}): {text}"));
        assert_eq!(&cli, case, "the widget and the CLI read the file differently");
    }
    ours
}

fn now() -> engine::Instant {
    common::at("2026-11-19T10:00:00Z")
}

#[test]
fn save_then_open_brings_back_every_answer() {
    let rules = default_rules();
    let mut j = emerging_needs(&rules);
    // Every kind of free text, and an answer to a question that no longer applies (kept).
    answer(&mut j, "factor_strengths", "Quotes \" and \\ backslashes, a tab\t, a NUL \0, é, 😀, \u{202e}bidi\nand a second line");
    answer(&mut j, "consent_parents", "not_sought");
    answer(&mut j, "consent_reason", "Kept although it stops applying.");
    answer(&mut j, "consent_parents", "given");
    let text = saved::write(&j, now());
    let case = read_both(&text).expect("a saved file reads");
    assert_eq!(case.now, "2026-11-19T10:00:00Z");
    let meta = &rules.meta;
    assert_eq!(case.ruleset.as_ref().map(|r| (&r.id, &r.edition, &r.hash)), Some((&meta.id, &meta.edition, &meta.hash)));

    let mut opened = Journey::new(rules.clone());
    opened.apply(Action::Open(Ok(text)));
    assert_eq!(opened.screen, Screen::Check, "{:?}", opened.errors);
    assert_eq!(entered(&opened), entered(&j));
    assert!(opened.errors.is_empty() && opened.opened.is_empty(), "nothing to say about a file from these rules: {}", opened.opened);
    // Back goes through the steps, as if they had been answered; the journey carries on.
    opened.apply(Action::Back);
    assert_eq!(opened.screen, Screen::Consent);
    opened.apply(Action::Next);
    opened.apply(Action::Next);
    assert_eq!(opened.screen, Screen::Outcome);
    opened.apply(Action::Next);
    assert_eq!(opened.screen, Screen::Summary, "the judgement and reason came back: {:?}", opened.errors);
    // The history of a saved case that went through the 999 and open-case pages.
    let mut k = Journey::new(rules.clone());
    answer(&mut k, "immediate_danger", "yes");
    answer(&mut k, "open_case", "yes");
    k.apply(Action::Open(Ok(saved::write(&k, now()))));
    use Screen::*;
    assert_eq!(k.history, [Start, Danger, DangerExit, Safety, OpenCaseExit, Child, Indicators, Risks, Checklist, Consent]);
}

#[test]
fn an_empty_journey_saves_and_opens() {
    let rules = default_rules();
    let j = Journey::starting_at(rules.clone(), Screen::Danger);
    let text = saved::write(&j, now());
    assert_eq!(read_both(&text).map(|c| (c.indicators.len(), c.answers.len(), c.judgement)), Some((0, 0, None)));
    let mut opened = Journey::new(rules);
    opened.apply(Action::Open(Ok(text)));
    assert_eq!((opened.screen, entered(&opened) == entered(&j)), (Screen::Check, true));
}

#[test]
fn the_file_name_and_time() {
    assert_eq!(saved::rfc3339(common::at("2026-06-01T07:50:09Z")), "2026-06-01T07:50:09Z");
    assert_eq!(saved::rfc3339(common::at("1969-12-31T23:59:59Z")), "1969-12-31T23:59:59Z");
    // The name is in London time: 07:50 UTC on 1 June is 08:50 BST.
    assert_eq!(saved::file_name(common::at("2026-06-01T07:50:00Z")), "threshold-case-2026-06-01-0850.json");
}

/// The README's example file, `docs/cases/saved-emerging-needs-thursday.json`, is what the
/// widget writes for `emerging_needs` (the rule set's hash aside: editing any rule file
/// changes it, and the CLI then notes the difference). `UPDATE_EXPECT=1` rewrites it.
#[test]
fn the_readme_example_is_a_saved_file() {
    let rules = default_rules();
    let written = saved::write(&emerging_needs(&rules), now());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/cases/saved-emerging-needs-thursday.json");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, &written).unwrap();
    }
    let file = std::fs::read_to_string(path).unwrap();
    let without_hash = |t: &str| t.lines().filter(|l| !l.contains("\"ruleset\"")).collect::<Vec<_>>().join("\n");
    assert_eq!(without_hash(&file), without_hash(&written), "regenerate the example from this test's journey");
    assert!(file.contains(&format!("\"ruleset\": {{ \"id\": \"{}\", \"edition\": \"{}\", \"hash\": \"", rules.meta.id, rules.meta.edition)));
}

/// Another version of the rules: `en.health.1` renamed `en.health.01`, the option
/// `own_agency` of `previous_support` renamed `own_service`, and a question of its own.
fn other_version() -> Rc<RuleSet> {
    let mut src = engine::default_sources();
    let edit = |src: &mut engine::Sources, file: &str, from: &str, to: &str| {
        let text = src.files.get_mut(file).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        *text = text.replacen(from, to, 1);
    };
    edit(&mut src, "indicators.toml", "id = \"en.health.1\"\n", "id = \"en.health.01\"\n");
    edit(&mut src, "questions.toml", "{ id = \"own_agency\",", "{ id = \"own_service\",");
    src.files
        .get_mut("questions.toml")
        .unwrap()
        .push_str("\n[[question]]\nid = \"old_question\"\nstep = \"checklist\"\nquestion = \"A question only this version asks\"\nkind = \"text\"\n");
    match engine::load(&src) {
        Ok(r) => Rc::new(r),
        Err(e) => panic!("the other version must be valid: {}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")),
    }
}

#[test]
fn a_file_from_another_version_keeps_what_applies_and_lists_exactly_what_does_not() {
    let (ours, theirs) = (default_rules(), other_version());
    assert_ne!(ours.meta.hash, theirs.meta.hash);
    // Saved with the other version.
    let mut j = emerging_needs(&theirs);
    assert!(!j.selected.contains("en.health.1"), "that id is not in the other version");
    j.apply(Action::ToggleIndicator("en.health.01".into()));
    answer(&mut j, "previous_support", "own_service");
    answer(&mut j, "old_question", "Words written for a question this version does not ask.\n## not a heading");
    let text = saved::write(&j, now());

    let mut opened = Journey::new(ours.clone());
    opened.apply(Action::Open(Ok(text.clone())));
    assert_eq!(opened.screen, Screen::Check);
    let (restored, left) = saved::restore(&ours, read_both(&text).unwrap()).unwrap();
    assert_eq!(entered(&restored), entered(&opened));
    assert_eq!(
        left.left_out,
        [
            ("Indicator".to_string(), "en.health.01".to_string()),
            ("Question old_question".to_string(), "Words written for a question this version does not ask.\n## not a heading".to_string()),
            ("What support has already been tried with this child and family?".to_string(), "own_service".to_string()),
        ]
    );
    assert_eq!(left.other_rules.as_deref(), Some(format!("{}, {}, version {}", theirs.meta.id, theirs.meta.edition, &theirs.meta.hash[..12]).as_str()));
    // Everything else came back.
    assert_eq!(opened.selected.iter().collect::<Vec<_>>(), ["en.learning.4"]);
    for (q, v) in &j.answers {
        if !matches!(q.as_str(), "previous_support" | "old_question") {
            assert_eq!(opened.answer(q), Some(v.as_str()), "{q}");
        }
    }
    assert_eq!((opened.judgement.as_deref(), opened.judgement_reason.as_str()), (j.judgement.as_deref(), j.judgement_reason.as_str()));
    // What Check your answers says: the other rules, then one line each, the file's words on
    // one line (so they never become a heading or a list of their own).
    let lines: Vec<&str> = opened.opened.lines().collect();
    assert!(lines[0].starts_with("This case was saved with a different version of the rules (luton-effective-support"), "{lines:?}");
    assert!(lines[0].contains(&theirs.meta.hash[..12]));
    assert_eq!(
        lines[2..],
        [
            "- Indicator: en.health.01",
            "- Question old_question: Words written for a question this version does not ask. ## not a heading",
            "- What support has already been tried with this child and family?: own_service",
        ]
    );

    // And the other way: a file from these rules opened with the other version.
    let mut k = emerging_needs(&ours);
    answer(&mut k, "previous_support", "own_agency");
    let mut there = Journey::new(theirs.clone());
    there.apply(Action::Open(Ok(saved::write(&k, now()))));
    let (_, left) = saved::restore(&theirs, saved::read(&saved::write(&k, now())).unwrap()).unwrap();
    assert_eq!(
        left.left_out,
        [
            ("Indicator".to_string(), "en.health.1".to_string()),
            ("What support has already been tried with this child and family?".to_string(), "own_agency".to_string()),
        ]
    );
    assert!(there.selected.contains("en.learning.4") && there.answer("previous_support").is_none());
}

#[test]
fn a_judgement_that_is_not_a_level_and_a_file_without_a_rule_set() {
    let rules = default_rules();
    let text = r#"{"now": "2026-11-19T10:00:00Z", "answers": {"child_age": "5_12"}, "judgement": "very_high", "judgement_reason": null, "ruleset": null}"#;
    let (j, left) = saved::restore(&rules, read_both(text).unwrap()).unwrap();
    assert_eq!(left.left_out, [("Your professional judgement".to_string(), "very_high".to_string())]);
    assert_eq!(left.other_rules, None, "no rule set named: nothing to compare");
    assert_eq!((j.judgement.as_deref(), j.answer("child_age")), (None, Some("5_12")));
    // A case file written for the CLI opens too (indicators by id; a text is not an id).
    let cli = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/cases/emerging-needs-friday-evening.json")).unwrap();
    let (j, left) = saved::restore(&rules, read_both(&cli).unwrap()).unwrap();
    assert_eq!(j.selected.iter().collect::<Vec<_>>(), ["en.learning.4"]);
    assert_eq!(left.left_out, [("Indicator".to_string(), "Missing immunisations/checks".to_string())]);
}

/// Opens `file` in a journey under way; it must give `error`'s message and change nothing else.
fn refused(file: Result<String, OpenError>, error: OpenError) {
    let rules = default_rules();
    let mut j = emerging_needs(&rules);
    j.apply(Action::Change(Screen::Child)); // mid-journey, returning to Check
    let before = all_but_errors(&j);
    j.apply(Action::Open(file.clone()));
    assert_eq!(all_but_errors(&j), before, "the journey changed for {file:?}");
    assert_eq!(j.errors.len(), 1);
    assert_eq!(j.errors[0].question, saved::FIELD);
    assert_eq!(j.errors[0].message, rules.message(error.message_id(), &[]));
    assert!(!j.errors[0].message.is_empty());
}

#[test]
fn a_file_over_1_mb_or_not_a_case_is_refused_and_nothing_changes() {
    refused(Err(OpenError::TooBig), OpenError::TooBig);
    refused(Err(OpenError::NotCase), OpenError::NotCase);
    assert_eq!(saved::MAX_BYTES, 1 << 20);
    assert_eq!(default_rules().message("open_too_big", &[]), "The selected file must be smaller than 1 MB");
}

#[test]
fn malformed_files_are_refused_and_nothing_changes() {
    let good = r#"{"now": "2026-11-19T10:00:00Z", "indicators": ["en.health.1"], "answers": {"child_age": "5_12"}}"#;
    assert!(read_both(good).is_some());
    for bad in [
        "",
        " ",
        "null",
        "[]",
        "\"a string\"",
        "42",
        "{}",                                                      // no `now`
        r#"{"indicators": ["en.health.1"]}"#,                      // no `now`
        r#"{"now": 20261119}"#,                                    // not a string
        r#"{"now": "x", "indicators": "en.health.1"}"#,            // not a list
        r#"{"now": "x", "indicators": [1]}"#,                      // not a string
        r#"{"now": "x", "indicators": null}"#,                     // only the optional fields may be null
        r#"{"now": "x", "answers": {"child_age": 5}}"#,            // not a string
        r#"{"now": "x", "answers": {"a": {"b": "c"}}}"#,           // nested
        r#"{"now": "x", "answers": ["child_age", "5_12"]}"#,       // not an object
        r#"{"now": "x", "judgement": true}"#,                      // not a string
        r#"{"now": "x", "colour": "red"}"#,                        // unknown field
        r#"{"now": "x", "now": "y"}"#,                             // twice
        r#"{"now": "x", "ruleset": {"id": "a", "edition": "b"}}"#, // no hash
        r#"{"now": "x", "ruleset": {"id": "a", "edition": "b", "hash": "c", "x": "d"}}"#,
        r#"{"now": "x", "ruleset": {"id": "a", "id": "a", "edition": "b", "hash": "c"}}"#,
        r#"{"now": "x",}"#,   // trailing comma
        r#"{"now": "x"} {}"#, // two values
        r#"{"now": "x"} x"#,
        r#"{"now" "x"}"#,
        r#"{now: "x"}"#,
        "{'now': 'x'}",
        "{\"now\": \"a\u{1}b\"}", // a raw control character
        r#"{"now": "\x41"}"#,     // not a JSON escape
        r#"{"now": "\u00G1"}"#,
        r#"{"now": "\u+041"}"#,
        r#"{"now": "\ud800"}"#, // a lone half of a surrogate pair
        r#"{"now": "\ud800\u0041"}"#,
        r#"{"now": "\udc00"}"#,
        r#"{"now": "\"#,
        "\u{feff}{\"now\": \"x\"}", // a byte-order mark
        "<html><body>not a case</body></html>",
        "now,indicators\n2026-11-19,en.health.1\n",
    ] {
        assert_eq!(read_both(bad), None, "read {bad:?}");
        assert!(serde_json::from_str::<CaseInput>(bad).is_err(), "the CLI reads {bad:?}");
        refused(Ok(bad.to_string()), OpenError::NotCase);
    }
    // Escapes the CLI reads are read the same.
    let escapes = r#"{"now": "\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\u0000"}"#;
    assert_eq!(read_both(escapes).unwrap().now, "\"\\/\u{8}\u{c}\n\r\té😀\0");
}

#[test]
fn a_file_cut_short_anywhere_is_refused() {
    let rules = default_rules();
    let text = saved::write(&emerging_needs(&rules), now());
    let end = text.trim_end().len();
    for (cut, _) in text.char_indices().filter(|&(i, _)| i < end) {
        assert_eq!(saved::read(&text[..cut]), None, "cut at {cut}: {:?}", &text[..cut]);
        refused(Ok(text[..cut].to_string()), OpenError::NotCase);
    }
    assert!(saved::read(&text[..end]).is_some());
}

#[test]
fn binary_files_are_refused() {
    // What `File.text()` gives for a binary file: its bytes as UTF-8, bad sequences replaced.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let zip = b"PK\x03\x04\x14\0\0\0\x08\0{\"now\": \"x\"}";
    let mut noise = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((x >> 16) as u8);
    }
    for bytes in [&png[..], &zip[..], &noise, &[0xff, 0xfe, b'{', 0, b'}', 0], &[0u8; 64]] {
        let text = String::from_utf8_lossy(bytes).into_owned();
        assert_eq!(read_both(&text), None);
        refused(Ok(text), OpenError::NotCase);
    }
}

#[test]
fn hostile_strings_stay_text_wherever_they_are_in_the_file() {
    let rules = default_rules();
    let corpus: Vec<String> = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile.json")).unwrap()).unwrap();
    for s in &corpus {
        // As a free-text answer: saved and opened exactly.
        let mut j = emerging_needs(&rules);
        answer(&mut j, "factor_strengths", s);
        j.apply(Action::SetJudgementReason(s.clone()));
        let text = saved::write(&j, now());
        let mut opened = Journey::new(rules.clone());
        opened.apply(Action::Open(Ok(text)));
        assert_eq!(entered(&opened), entered(&j), "{s:?}");

        // As every id in the file: nothing of it is taken, and it is listed on one line each.
        let v = serde_json::Value::String(s.clone());
        let mut answers = serde_json::Map::new();
        answers.insert(s.clone(), v.clone());
        answers.insert("factor_worries".into(), v.clone());
        let file = serde_json::json!({
            "now": v, "indicators": [v], "answers": answers,
            "judgement": v, "ruleset": { "id": v, "edition": v, "hash": v },
        })
        .to_string();
        let case = read_both(&file).unwrap_or_else(|| panic!("{s:?}"));
        let (k, left) = saved::restore(&rules, case).unwrap();
        assert_eq!(k.answer("factor_worries"), Some(s.as_str()));
        let known_question = rules.question(s).is_some();
        assert_eq!(left.left_out.len(), 3 - usize::from(known_question), "{s:?}: {:?}", left.left_out);
        for line in k.opened.lines().skip(2) {
            assert!(line.starts_with("- "), "{s:?}: a line of its own: {line:?}");
        }
        // As the whole file: an error.
        assert_eq!(read_both(s), None);
        refused(Ok(s.clone()), OpenError::NotCase);
    }
}

#[test]
fn a_file_with_more_than_100_things_these_rules_lack_is_not_a_case() {
    let rules = default_rules();
    let ids = |n: usize| (0..n).map(|i| format!("\"x.{i}\"")).collect::<Vec<_>>().join(", ");
    let file = |n| format!("{{\"now\": \"2026-11-19T10:00:00Z\", \"indicators\": [{}]}}", ids(n));
    let mut j = Journey::new(rules.clone());
    j.apply(Action::Open(Ok(file(100))));
    assert_eq!(j.screen, Screen::Check);
    refused(Ok(file(101)), OpenError::NotCase);
}
