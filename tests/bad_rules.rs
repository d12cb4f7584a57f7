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
    rejects(broken("indicators.toml", "id = \"en.health.1\"", "id = \"en.health.1"), "indicators.toml", Some(line), "invalid basic string");
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
    let line = line_of("questions.toml", "id = \"immediate_danger\"");
    rejects(
        broken("questions.toml", "id = \"immediate_danger\"", "id = \"immediate_dangerous\""),
        "questions.toml",
        Some(line),
        "the code relies on question 'immediate_danger' (the journey's 999 page and the engine's 999-first check), which is not defined; did you rename it to 'immediate_dangerous'?",
    );
}

/// Every id in the contract (src/engine/contract.rs), renamed in its file, fails the load at
/// the line of the renamed id, naming what relies on it: nothing empties a summary silently.
#[test]
fn every_id_the_code_relies_on_is_checked() {
    use threshold_guide::engine::contract;
    let files = load::check(&engine::default_sources()).unwrap();
    let edition = contract::EDITION_MESSAGES.iter().filter(|(n, _)| n.holds(&files.ruleset, &files.contacts)).map(|(_, m)| m);
    let cases = contract::QUESTIONS
        .iter()
        .map(|q| ("questions.toml", "question", q.id))
        .chain(contract::CONTACTS.iter().filter(|c| c.required).map(|c| ("contacts.toml", "contact", c.id)))
        .chain(contract::OVERRIDES.iter().filter(|c| c.required).map(|c| ("safety.toml", "override", c.id)))
        .chain(contract::PATHWAYS.iter().filter(|c| c.required).map(|c| ("pathways.toml", "pathway", c.id)))
        .chain(contract::DOMAINS.iter().filter(|c| c.required).map(|c| ("ruleset.toml", "domain", c.id)))
        .chain(contract::MESSAGES.iter().chain(edition).map(|c| ("guidance.toml", "message", c.id)));
    let mut n = 0;
    for (file, what, id) in cases {
        let needle = format!("id = \"{id}\"\n");
        let line = line_of(file, &needle);
        let sources = broken(file, &needle, &format!("id = \"{id}s\"\n"));
        rejects(sources, file, Some(line), &format!("the code relies on {what} '{id}'"));
        rejects(broken(file, &needle, &format!("id = \"{id}s\"\n")), file, Some(line), &format!("did you rename it to '{id}s'?"));
        n += 1;
    }
    assert!(n >= 40, "the contract lists {n} ids");
}

/// What an edition may lack: an optional entry of the contract (the out-of-hours contact,
/// the neglect pathway and domain), office hours and bank holidays.
#[test]
fn optional_entries_may_be_absent() {
    use threshold_guide::engine::contract;
    let optional: Vec<&str> = contract::CONTACTS.iter().chain(contract::PATHWAYS).chain(contract::DOMAINS).filter(|c| !c.required).map(|c| c.id).collect();
    assert_eq!(optional, ["edt", "neglect", "educational_neglect"]);
    let mut s = engine::default_sources();
    let c = s.files.get_mut("contacts.toml").unwrap();
    let at = c.find("\n[bank_holidays]").unwrap();
    c.truncate(at);
    let without_list = s.clone();
    let c = s.files.get_mut("contacts.toml").unwrap();
    *c = c.replace("closed_on_bank_holidays = true\n", "");
    assert!(load(&s).is_ok(), "{:?}", load(&s).err());
    // A contact closed on bank holidays needs the list.
    rejects(without_list, "contacts.toml", None, "closed_on_bank_holidays, but there is no [bank_holidays] list");
}

/// Categories are the rule set's: at least two, the referral levels at the top.
#[test]
fn categories_are_checked_generically() {
    let r = engine::default_sources();
    // Renamed: any ids will do (the indicators and rules that name them follow).
    let mut s = r.clone();
    for f in s.files.values_mut() {
        *f = f.replace("\"universal", "\"level_one").replace("\"emerging_needs", "\"level_two");
    }
    let counts = s.files.get_mut("indicator-counts.toml").unwrap();
    *counts = counts
        .replace("[universal", "[level_one")
        .replace("[emerging_needs", "[level_two")
        .replace("universal =", "level_one =")
        .replace("emerging_needs =", "level_two =");
    assert!(load(&s).is_ok(), "{:?}", load(&s).err());
    // The lowest is never a referral level.
    let s = broken("ruleset.toml", "id = \"universal\"\n", "id = \"universal\"\nreferral = true\n");
    rejects(s, "ruleset.toml", None, "never the lowest");
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

/// The malformed-rule-file corpus: each edit of the real rule set must give a clear error
/// naming the file (and the line where there is one), and never a panic.
#[test]
fn malformed_rule_file_corpus() {
    // (file, text to replace, replacement, expected words in the message)
    let corpus: &[(&str, &str, &str, &str)] = &[
        ("ruleset.toml", "id = \"universal\"", "id = \"universal\"\nid = \"again\"", "duplicate key"),
        ("ruleset.toml", "id = \"emerging_needs\"", "id = \"family_help\"", "duplicate category id 'family_help'"),
        ("ruleset.toml", "id = \"health\"", "id = \"Health!\"", "may only use a-z"),
        ("ruleset.toml", "name = \"Universal\"", "name = \"\"", "'name' is empty"),
        ("ruleset.toml", "title = \"Effective", "title = 42 #", "invalid type"),
        ("ruleset.toml", "[[category]]\nid = \"universal\"", "[[category]]\nid = \"universal\"\nlevel = 1", "unknown field `level`"),
        ("indicators.toml", "id = \"u.health.1\"", "id = \"u.health.1\"\nid2 = 3", "unknown field `id2`"),
        ("indicators.toml", "text = \"Physically well\"", "text = \"• Physically well\"", "starts with a bullet"),
        ("indicators.toml", "text = \"Physically well\"", "text = \" Physically well\"", "leading or trailing spaces"),
        ("indicators.toml", "text = \"Physically well\"", "text = [\"Physically well\"]", "invalid type"),
        ("indicators.toml", "[[indicator]]", "[indicator]", "duplicate key"),
        ("indicators.toml", "id = \"u.health.1\"", "id = \"\"", "empty id"),
        ("questions.toml", "kind = \"yes_no\"", "kind = \"yes-no\"", "unknown variant `yes-no`"),
        ("questions.toml", "step = \"safety\"", "step = \"triage\"", "unknown variant `triage`"),
        (
            "questions.toml",
            "{ id = \"unborn\", label = \"Unborn\" },",
            "{ id = \"unborn\", label = \"Unborn\" },\n  { id = \"unborn\", label = \"Again\" },",
            "duplicate option 'unborn'",
        ),
        ("questions.toml", "{ id = \"unborn\", label = \"Unborn\" },", "", "needs the option 'unborn'"),
        ("questions.toml", "id = \"child_age\"", "id = \"child_age\"\napplies_if = { sometimes = \"x\" }", "unknown variant `sometimes`"),
        ("questions.toml", "kind = \"text\"", "kind = \"text\"\noptions = [ { id = \"a\", label = \"A\" } ]", "only choice questions have options"),
        ("pathways.toml", "category_floor = \"statutory_intervention\"", "category_floor = \"level_4\"", "unknown category_floor 'level_4'"),
        ("pathways.toml", "consent_exception = \"fgm_hba_faith\"", "consent_exception = \"fgm\"", "unknown consent_exception 'fgm'"),
        ("pathways.toml", "contact = \"police_101\"", "contact = \"police_102\"", "unknown contact 'police_102'"),
        ("pathways.toml", "{ yes = \"risk_fgm\" }", "{ yes = \"child_age\" }", "is a choice question"),
        (
            "pathways.toml",
            "{ yes = \"risk_fgm\" }",
            "{ answer = { question = \"risk_fgm\", in = [\"maybe\"] } }",
            "'maybe' is not an answer of question 'risk_fgm'",
        ),
        ("pathways.toml", "{ yes = \"risk_fgm\" }", "{ any = [] }", "lists no conditions"),
        ("pathways.toml", "{ yes = \"risk_fgm\" }", "{ yes = \"factor_worries\" }", "free-text question"),
        ("safety.toml", "category = \"statutory_intervention\"", "category = \"urgent\"", "unknown category 'urgent'"),
        ("safety.toml", "id = \"immediate_danger\"\n", "id = \"danger_now\"\n", "relies on override 'immediate_danger'"),
        ("safety.toml", "when = { yes = \"immediate_danger\" }", "when = { mash_open = true }", "uses a fact the engine works out"),
        ("pathways.toml", "{ yes = \"risk_fgm\" }", "{ outcome_at_least = \"family_help\" }", "uses a fact the engine works out"),
        ("questions.toml", "applies_if = { yes = \"risk_fgm\" }", "applies_if = { urgent_concern = true }", "uses a fact the engine works out"),
        ("ruleset.toml", "when = { consent_exception = true }", "when = { outcome_at_least = \"level_3\" }", "unknown category 'level_3'"),
        ("guidance.toml", "text = \"The MASH is open now ({time}).\"", "text = \"The MASH is open now ({when}).\"", "unknown placeholder '{when}'"),
        ("guidance.toml", "title = \"What happens after you refer\"", "title = \"\"", "'title' is empty"),
        ("guidance.toml", "\non_summary = true", "\non_summary = \"yes\"", "invalid type"),
        ("safety.toml", "covers = [", "covers = [\"no.such.action\", ", "covers unknown action 'no.such.action'"),
        ("consent.toml", "when = { answer = { question = \"consent_parents\", in = [\"not_sought\"] } }\nadvice = \"Make", "advice = \"Make", "give `when`"),
        ("consent.toml", "id = \"fii\"", "id = \"immediate_risk\"", "duplicate exception id 'immediate_risk'"),
        ("contacts.toml", "open = \"08:45\"", "open = \"8:45\"", "bad time"),
        ("contacts.toml", "open = \"08:45\"", "open = \"24:00\"", "bad time"),
        ("contacts.toml", "days = [\"fri\"]", "days = [\"friday\"]", "unknown day 'friday'"),
        ("contacts.toml", "valid_until = \"2027-12-31\"", "valid_until = \"2027-02-30\"", "is not a date"),
        ("contacts.toml", "\"2026-04-03\", \"2026-04-06\"", "\"2026-04-06\", \"2026-04-03\"", "in date order"),
        ("contacts.toml", "timezone = \"Europe/London\"", "timezone = \"UTC\"", "not supported"),
        ("questions.toml", "{ id = \"edt\", label", "{ id = \"edtt\", label", "option 'edtt' is not a contact id"),
        ("ruleset.toml", "referral = true\nname = \"Statutory", "name = \"Statutory", "category 'statutory_intervention' is above a referral level"),
        ("contacts.toml", "phone = \"0300 300 8123\"\nout_of_hours_for = \"mash\"", "out_of_hours_for = \"mashh\"", "unknown contact 'mashh'"),
        ("interpretation.toml", "at_least = 3", "at_least = 0", "at_least of 1 or more"),
        ("interpretation.toml", "category = \"emerging_needs\", at_least = 3", "category = \"emerging\", at_least = 3", "unknown category 'emerging'"),
        ("indicator-counts.toml", "health = 7", "health = 8", "hand count is 8"),
    ];
    assert!(corpus.len() >= 30);
    for (file, from, to, expect) in corpus {
        let sources = broken(file, from, to);
        let result = std::panic::catch_unwind(|| load(&sources));
        let errors = match result {
            Err(_) => panic!("{file}: {from:?} -> {to:?} panicked"),
            Ok(Ok(_)) => panic!("{file}: {from:?} -> {to:?} was accepted"),
            Ok(Err(e)) => e,
        };
        let path = format!("rules/luton/{file}");
        assert!(
            errors.iter().any(|e| e.file == path && e.message.contains(expect)),
            "{file}: {from:?} -> {to:?}: expected '{expect}', got:\n{}",
            errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn empty_missing_and_huge_files_are_errors_not_panics() {
    let mut s = engine::default_sources();
    s.files.remove("pathways.toml");
    let errors = load(&s).unwrap_err();
    assert!(errors.iter().any(|e| e.file == "rules/luton/pathways.toml" && e.message == "file is missing"));

    let mut s = engine::default_sources();
    s.files.insert("questions.toml".into(), String::new());
    assert!(load(&s).unwrap_err().iter().any(|e| e.file.ends_with("questions.toml") && e.message.contains("missing field")));

    let mut s = engine::default_sources();
    s.files.insert("safety.toml".into(), "\u{0}\u{1}binary\u{ff}".into());
    assert!(load(&s).unwrap_err().iter().any(|e| e.file.ends_with("safety.toml")));

    // A 6 MB indicators file (the real one 90 times over): duplicate ids, reported, no panic.
    let mut s = engine::default_sources();
    let big = s.files["indicators.toml"].repeat(90);
    assert!(big.len() > 5_000_000);
    s.files.insert("indicators.toml".into(), big);
    let t = std::time::Instant::now();
    let errors = load(&s).unwrap_err();
    assert!(errors.iter().any(|e| e.message.contains("duplicate indicator id")));
    assert!(errors.iter().all(|e| e.line > 0 || e.file.ends_with("indicator-counts.toml")));
    println!("6 MB file checked in {:?} with {} errors", t.elapsed(), errors.len());
}

/// An action's text may name when the MASH opens next, `{next_open}`, and nothing else; and
/// only an action shown while the MASH is closed, when the engine knows that time.
#[test]
fn an_action_placeholder_is_next_open_and_only_while_the_mash_is_closed() {
    let line = line_of("safety.toml", "id = \"open_case_unsure.ask_when_open\"");
    rejects(
        broken("safety.toml", "When the MASH opens again, on {next_open}, first", "When the MASH opens again, on {next_opne}, first"),
        "safety.toml",
        Some(line),
        "action 'open_case_unsure.ask_when_open': unknown placeholder '{next_opne}' in text (an action can use: next_open)",
    );
    let line = line_of("safety.toml", "id = \"open_case_unsure.ask_mash\"");
    rejects(
        broken(
            "safety.toml",
            "First find out whether the child has an allocated social worker",
            "First, by {next_open}, find out whether the child has an allocated social worker",
        ),
        "safety.toml",
        Some(line),
        "action 'open_case_unsure.ask_mash': text uses {next_open}, so its `when` must include mash_open = false",
    );
}
