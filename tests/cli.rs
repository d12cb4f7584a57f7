//! The `threshold` command line, run as a partnership member would.
#![cfg(not(target_arch = "wasm32"))]
use std::process::{Command, Output};

fn threshold(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_threshold")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("threshold-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn rules_check_passes_on_the_default_and_on_the_folder() {
    for args in [&["rules", "check"][..], &["rules", "check", "rules/luton"][..]] {
        let o = threshold(args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).starts_with("ok: luton-effective-support"), "{}", stdout(&o));
    }
}

#[test]
fn rules_check_lists_every_error_with_file_and_line() {
    let dir = temp_dir("broken");
    for entry in std::fs::read_dir("rules/luton").unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    let ind = dir.join("indicators.toml");
    let text = std::fs::read_to_string(&ind).unwrap().replacen("domain = \"health\"", "domain = \"wellbeing\"", 1);
    std::fs::write(&ind, text).unwrap();
    let contacts = dir.join("contacts.toml");
    let text = std::fs::read_to_string(&contacts).unwrap().replacen("open = \"08:45\"", "open = \"8.45\"", 1);
    std::fs::write(&contacts, text).unwrap();
    let o = threshold(&["rules", "check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("indicators.toml:") && err.contains("unknown domain 'wellbeing'"), "{err}");
    assert!(err.contains("contacts.toml:") && err.contains("bad time"), "{err}");
    assert!(err.contains("problem(s)"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn rules_stats_counts_by_category_and_domain() {
    let o = threshold(&["rules", "stats"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["indicators"]["total"], 239);
    assert_eq!(v["indicators"]["by_category"]["emerging_needs"], 76);
    assert_eq!(v["indicators"]["by_category_and_domain"]["universal"]["health"], 7);
    assert!(v["pathways"].as_array().unwrap().iter().any(|p| p == "fgm"));
}

#[test]
fn rules_questions_lists_answers_and_conditions() {
    let o = threshold(&["rules", "questions"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let qs = v.as_array().unwrap();
    let age = qs.iter().find(|q| q["id"] == "child_age").unwrap();
    assert_eq!(age["kind"], "choice");
    assert_eq!(age["answers"][0]["id"], "unborn");
    let reg = qs.iter().find(|q| q["id"] == "regulated_professional").unwrap();
    assert_eq!(reg["applies_if"]["yes"], "fgm_disclosed_or_observed");
}

#[test]
fn assess_accepts_ids_and_exact_texts() {
    let o = threshold(&["assess", "tests/cases/emerging-needs-friday-evening.json"]);
    // The golden file wraps the case; write the bare case as the README shows it.
    assert_eq!(o.status.code(), Some(2), "a golden file is not a case file");
    let dir = temp_dir("assess");
    let case = dir.join("case.json");
    std::fs::write(
        &case,
        r#"{"indicators": ["  • missing IMMUNISATIONS/checks ", "en.learning.4"], "answers": {"immediate_danger": "no"}, "now": "2026-11-20T16:20:00Z"}"#,
    )
    .unwrap();
    let o = threshold(&["assess", case.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["category"]["id"], "emerging_needs");
    assert_eq!(v["contact"]["id"], "mash");
    assert_eq!(v["contact"]["mash_open"], false);
    assert_eq!(v["because"][0]["id"], "en.health.1");
    assert_eq!(v["ruleset"]["hash"].as_str().unwrap().len(), 64);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn unknown_indicator_or_answer_exits_2_with_suggestions() {
    let dir = temp_dir("unknown");
    let case = dir.join("case.json");
    std::fs::write(&case, r#"{"indicators": ["Missing imunisations/checks"], "now": "2026-11-20T16:20:00Z"}"#).unwrap();
    let o = threshold(&["assess", case.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unknown indicator 'Missing imunisations/checks'"), "{err}");
    assert!(err.contains("did you mean") && err.contains("Missing immunisations/checks"), "{err}");

    std::fs::write(&case, r#"{"answers": {"immediate_danger": "maybe"}, "now": "2026-11-20T16:20:00Z"}"#).unwrap();
    let o = threshold(&["assess", case.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("'maybe' is not an answer to question 'immediate_danger' (answers: yes, no)"), "{}", stderr(&o));

    std::fs::write(&case, r#"{"answers": {"immediate_dangr": "yes"}, "now": "2026-11-20T16:20:00Z"}"#).unwrap();
    let o = threshold(&["assess", case.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown question 'immediate_dangr'") && stderr(&o).contains("'immediate_danger'"), "{}", stderr(&o));

    std::fs::write(&case, r#"{"now": "last Tuesday"}"#).unwrap();
    let o = threshold(&["assess", case.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not an RFC 3339 time"), "{}", stderr(&o));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(threshold(&[]).status.code(), Some(2));
    assert_eq!(threshold(&["rules", "frobnicate"]).status.code(), Some(2));
    assert!(threshold(&["--help"]).status.success());
}

/// The two worked examples in the README, as the README describes them.
#[test]
fn readme_examples_say_what_the_readme_says() {
    let o = threshold(&["assess", "docs/cases/emerging-needs-friday-evening.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["category"]["id"], "emerging_needs");
    let because: Vec<&str> = v["because"].as_array().unwrap().iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(because, ["en.health.1", "en.learning.4"]);
    assert_eq!(v["actions"][0]["id"], "emerging_needs.own_service");
    assert_eq!((v["contact"]["id"].as_str(), v["contact"]["urgent"].as_bool(), v["contact"]["mash_open"].as_bool()), (Some("mash"), Some(false), Some(false)));
    assert_eq!(v["contact"]["next_open"], "Monday 23 November 2026 at 08:45");

    let o = threshold(&["assess", "docs/cases/immediate-danger-monday-bst.json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["category"]["id"], "statutory_intervention");
    let urgent: Vec<&str> = v["urgent"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(urgent[0], "immediate_danger.call_999");
    assert!(urgent.contains(&"immediate_danger.phone_mash") && urgent.contains(&"immediate_danger.follow_up_in_writing"));
    assert_eq!(v["consent"]["suggested_exceptions"][0]["text"], "If the child/young person is at immediate risk of harm");
    assert_eq!(v["contact"]["id"], "mash");

    let o = threshold(&["assess", "docs/cases/two-editions-saturday-night.json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["category"]["id"], "emerging_needs");
    assert_eq!((v["contact"]["id"].as_str(), v["contact"]["urgent"].as_bool()), (Some("mash"), Some(false)));
    assert_eq!(v["contact"]["next_open"], "Monday 23 November 2026 at 08:45");
    assert!(v["ruleset"]["superseded_by"].is_null());
    assert_eq!(v["contact"]["office_hours_given"], true);
    let o = threshold(&["assess", "docs/cases/two-editions-saturday-night.json", "--rules", "luton-2021"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["category"]["id"], "additional");
    assert_eq!(v["ruleset"]["superseded_by"]["id"], "luton");
    let why = v["contact"]["why"].as_str().unwrap();
    assert!(why.contains("no office hours") && why.contains("no out-of-hours number") && why.contains("current edition"), "{why}");
    assert_eq!(v["contact"]["office_hours_given"], false, "the outcome says it does not know the MASH's hours");
    assert!(!stdout(&o).contains("0300 300 8123"), "the 2021 edition never borrows the current edition's out-of-hours number");
}

/// `threshold rules stats | head`: when the reader goes away, the CLI stops quietly.
#[test]
fn a_closed_output_pipe_is_not_a_panic() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_threshold")).args(["rules", "questions"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take()); // the reader is gone before the CLI writes
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{err}");
    assert_eq!(o.status.code(), Some(0), "{err}");
}

#[test]
fn a_rule_set_is_named_by_folder_or_by_id_and_an_unknown_id_lists_the_ids() {
    for args in [&["rules", "check", "luton"][..], &["rules", "check", "rules/luton"][..]] {
        let o = threshold(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
    let o = threshold(&["rules", "check", "luton-1999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("luton-1999: no such rule-set folder, and no rule set of that id in rules/ (there are: luton"), "{}", stderr(&o));
}

#[test]
fn rules_compile_writes_what_the_widget_fetches_and_prints_its_sha256() {
    let dir = temp_dir("compile");
    let out = dir.join("luton.bin");
    let o = threshold(&["rules", "compile", "luton", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    let sha = threshold_guide::engine::load::sha256_hex(&bytes);
    assert_eq!(stdout(&o).trim(), sha);
    // What the widget does with it: the same rule set as the built-in one, whole.
    let fetched = threshold_guide::engine::from_compiled(&bytes, &sha).expect("decodes");
    assert_eq!(fetched.meta.hash, threshold_guide::engine::default_rules().unwrap().meta.hash);
    assert!(threshold_guide::engine::from_compiled(&bytes, &"0".repeat(64)).unwrap_err().contains("does not match"));
    // An invalid rule set is never written.
    let broken = dir.join("broken");
    std::fs::create_dir_all(&broken).unwrap();
    for entry in std::fs::read_dir("rules/luton").unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, broken.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(broken.join("contacts.toml"), "nonsense = [").unwrap();
    let bad_out = dir.join("broken.bin");
    let o = threshold(&["rules", "compile", broken.to_str().unwrap(), bad_out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("contacts.toml:1"), "{}", stderr(&o));
    assert!(!bad_out.exists());
    std::fs::remove_dir_all(&dir).ok();
}

/// README, "Saving a case": the file the widget saves (`docs/cases/saved-emerging-needs-thursday.json`,
/// written by `saved::write`; `tests/saved.rs` keeps it so) is a case file the CLI assesses,
/// with the judgement, its reason and the rule set it was saved with.
#[test]
fn assess_reads_a_case_the_widget_saved() {
    let o = threshold(&["assess", "docs/cases/saved-emerging-needs-thursday.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["category"]["id"], "emerging_needs");
    let because: Vec<&str> = v["because"].as_array().unwrap().iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(because, ["en.health.1", "en.learning.4"]);
    assert_eq!((v["contact"]["id"].as_str(), v["contact"]["mash_open"].as_bool()), (Some("mash"), Some(true)), "Thursday 10:00");

    // Saved with another edition of the rules: the same outcome, and a note on stderr.
    let dir = temp_dir("saved");
    let case = dir.join("case.json");
    let text = std::fs::read_to_string("docs/cases/saved-emerging-needs-thursday.json").unwrap();
    let hash = v["ruleset"]["hash"].as_str().unwrap();
    let at = text.find("\"hash\": \"").unwrap() + 9;
    std::fs::write(&case, format!("{}{}{}", &text[..at], "0".repeat(64), &text[at + 64..])).unwrap();
    let o = threshold(&["assess", case.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap()["category"]["id"], "emerging_needs");
    let err = stderr(&o);
    assert!(err.contains("note: saved with the rule set luton-effective-support") && err.contains(&"0".repeat(64)) && err.contains(hash), "{err}");

    // Unknown fields are still refused.
    std::fs::write(&case, text.replacen("\"judgement\"", "\"judgment\"", 1)).unwrap();
    let o = threshold(&["assess", case.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown field `judgment`"), "{}", stderr(&o));
    std::fs::remove_dir_all(dir).ok();
}

/// A copy of `rules/luton` in a fresh temp folder, to edit.
fn copy_of_luton(name: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir("rules/luton").unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    dir
}

/// Replaces the first `from` in a rule file with `to` (which must be there).
fn edit(dir: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The edition after a year's edits: an indicator reworded, one moved to another category (and
/// the hand counts with it), a category renamed (its name and its id), a contact removed, the
/// MASH's number changed, a bank holiday added.
fn edited_edition(name: &str) -> std::path::PathBuf {
    let dir = copy_of_luton(name);
    edit(&dir, "indicators.toml", "text = \"Missing immunisations/checks\"", "text = \"Missing immunisations or health checks\"");
    edit(&dir, "indicators.toml", "id = \"fh.health.1\"\ncategory = \"family_help\"", "id = \"fh.health.1\"\ncategory = \"statutory_intervention\"");
    edit(&dir, "indicator-counts.toml", "[family_help]\nhealth = 7", "[family_help]\nhealth = 6");
    edit(&dir, "indicator-counts.toml", "[statutory_intervention]\nhealth = 15", "[statutory_intervention]\nhealth = 16");
    edit(&dir, "indicator-counts.toml", "family_help = 55\nstatutory_intervention = 73", "family_help = 54\nstatutory_intervention = 74");
    edit(&dir, "ruleset.toml", "name = \"Family Help\"", "name = \"Targeted Family Help\"");
    // The category's id too, everywhere the rules name it.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let text =
            text.replace("\"family_help\"", "\"targeted_help\"").replace("[family_help]", "[targeted_help]").replace("\nfamily_help = ", "\ntargeted_help = ");
        std::fs::write(&path, text).unwrap();
    }
    edit(&dir, "contacts.toml", "[[contact]]\nid = \"yps\"\nname = \"Youth Partnership Service (YPS)\"\n", "[[retired]]\n");
    edit(&dir, "contacts.toml", "[[retired]]\nhow = \"Children in the youth justice system are known to the YPS.\"\nsource = \"Children in Specific risks and vulnerabilities > Children and Young People involved in the youth justice system and serious youth violence\"\n", "");
    edit(&dir, "pathways.toml", "contact = \"yps\"\n", "");
    edit(&dir, "contacts.toml", "phone = \"01582 547653\"", "phone = \"01582 547000\"");
    edit(&dir, "contacts.toml", "\"2027-12-27\", \"2027-12-28\",", "\"2027-12-27\", \"2027-12-28\", \"2028-01-03\",");
    let o = threshold(&["rules", "check", dir.to_str().unwrap()]);
    assert!(o.status.success(), "the edited edition must be valid: {}", stderr(&o));
    dir
}

#[test]
fn rules_diff_says_what_changed_for_people() {
    let dir = edited_edition("diff-text");
    let o = threshold(&["rules", "diff", "rules/luton", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Table columns are padded: compare with runs of spaces as one.
    let text = stdout(&o).split('\n').map(|l| l.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n");
    for want in [
        "Indicators: 239 → 239: 237 unchanged, 1 reworded, 1 moved.",
        "Contacts: 1 removed, 1 changed.",
        "Family Help → Targeted Family Help (renamed) 55 of 55 Targeted Family Help: 54; Statutory Intervention / Family Help: 1\n",
        "0.74: now “Missing immunisations or health checks” (en.health.1); was “Missing immunisations/checks”.",
        "(fh.health.1), from Family Help — Health\n",
        "Removed\n- Youth Partnership Service (YPS) (yps)\n- how: “Children in the youth justice system are known to the YPS.”\n",
        "phone: “01582 547653” → “01582 547000”",
        "2028: Monday 3 January",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn rules_diff_json_is_for_tools_and_markdown_for_a_page() {
    let dir = edited_edition("diff-json");
    let o = threshold(&["rules", "diff", "rules/luton", dir.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let reworded = &v["indicators"]["reworded"][0];
    assert_eq!((reworded["old"]["id"].as_str(), reworded["score"].as_f64()), (Some("en.health.1"), Some(0.74)));
    assert_eq!(v["indicators"]["moved"][0]["new"]["category"]["id"], "statutory_intervention");
    let fh = &v["categories"][2];
    assert_eq!(
        (fh["old"]["name"].as_str(), fh["new"]["name"].as_str(), fh["renamed"].as_bool(), fh["sure"].as_bool()),
        (Some("Family Help"), Some("Targeted Family Help"), Some(true), Some(true))
    );
    assert_eq!((fh["old"]["id"].as_str(), fh["new"]["id"].as_str(), fh["found"].as_u64()), (Some("family_help"), Some("targeted_help"), Some(55)));
    assert_eq!(v["new_categories"], serde_json::json!([]));
    assert_eq!(v["indicators"]["moved"].as_array().unwrap().len(), 1, "a renamed category's indicators have not moved");
    let yps = v["contacts"].as_array().unwrap().iter().find(|c| c["id"] == "yps").unwrap();
    assert_eq!(yps["change"], "removed");
    let mash = v["contacts"].as_array().unwrap().iter().find(|c| c["id"] == "mash").unwrap();
    assert_eq!(mash["fields"][0], serde_json::json!({ "field": "phone", "old": "01582 547653", "new": "01582 547000" }));
    assert_eq!(v["bank_holidays"]["added"], serde_json::json!(["2028-01-03"]));

    let o = threshold(&["rules", "diff", "--markdown", "rules/luton", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.starts_with("# What changed between two editions of the threshold document\n"), "{md}");
    assert!(
        md.contains("| Family Help → Targeted Family Help (renamed) | 55 of 55 | Targeted Family Help: 54; Statutory Intervention / Family Help: 1 |"),
        "{md}"
    );
    assert!(md.contains("- 0.74: now “Missing immunisations or health checks” (`en.health.1`); was “Missing immunisations/checks”."), "{md}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn rules_diff_of_an_edition_with_itself_says_so() {
    let o = threshold(&["rules", "diff", "rules/luton", "rules/luton"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("No differences"), "{}", stdout(&o));
}

#[test]
fn rules_diff_errors_name_the_path_and_keep_the_exit_codes() {
    // A path that is not a rule set: exit 1, as `rules check` does, saying which and why.
    let o = threshold(&["rules", "diff", "rules/luton-1999", "rules/luton"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "rules/luton-1999: no such folder\n");
    let o = threshold(&["rules", "diff", "rules", "rules/luton"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("rules: not a rule set (none of its files is here: ruleset.toml, indicators.toml,"), "{}", stderr(&o));
    let o = threshold(&["rules", "diff", "rules/luton", "README.md"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "README.md: not a folder (give the folder that holds ruleset.toml)\n");
    // An invalid edition: every problem, then the count, exit 1.
    let dir = copy_of_luton("diff-invalid");
    edit(&dir, "contacts.toml", "\"2027-12-28\",", "\"2027-12-28\", \"2028-13-01\",");
    let o = threshold(&["rules", "diff", "rules/luton", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("contacts.toml: bank holiday '2028-13-01' is not a date (YYYY-MM-DD)") && stderr(&o).contains("1 problem(s) in the rule set"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
    // Usage: exit 2.
    for args in [
        &["rules", "diff", "rules/luton"][..],
        &["rules", "diff", "rules/luton", "rules/luton", "--html"],
        &["rules", "diff", "a", "b", "c"],
        &["rules", "diff", "a", "b", "--json", "--markdown"],
    ] {
        let o = threshold(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("threshold rules diff OLD NEW"), "{args:?}");
    }
    std::fs::remove_dir_all(dir).ok();
}

/// README's "Comparing editions" example: every line it shows is in what `rules diff` prints
/// (runs of spaces, which pad the table, compared as one).
#[test]
fn readme_rules_diff_example_is_what_rules_diff_prints() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let (_, rest) = readme.split_once("```text rules-diff\n").expect("README's rules diff example");
    let (example, _) = rest.split_once("\n```").unwrap();
    let o = threshold(&["rules", "diff", "rules/luton-2021", "rules/luton"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let squash = |s: &str| s.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    let printed: Vec<String> = stdout(&o).lines().map(squash).collect();
    for line in example.lines().map(squash).filter(|l| !l.is_empty() && l != "…") {
        assert!(printed.contains(&line), "README shows {line:?}, which `rules diff rules/luton-2021 rules/luton` does not print:\n{}", stdout(&o));
    }
}
