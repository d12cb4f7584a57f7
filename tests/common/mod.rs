//! Shared helpers for the native test suites.
#![allow(dead_code)]

use threshold_guide::engine::{self, Instant, RuleSet};

pub fn rules() -> RuleSet {
    match engine::default_rules() {
        Ok(r) => r,
        Err(errors) => panic!("default rules invalid:\n{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")),
    }
}

pub fn at(s: &str) -> Instant {
    Instant::parse_rfc3339(s).unwrap_or_else(|| panic!("bad instant {s}"))
}

/// The source document, read from `../shared/seeds` beside the repository.
pub fn source_document() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/001_0fd64d88ff99d303.txt");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("the source document must be beside the repo at {path}: {e}"))
}

/// How quotes are compared with the extracted document: markup and bullets dropped,
/// white space collapsed (the extraction breaks lines mid-sentence).
pub fn flatten(s: &str) -> String {
    s.replace("**", "")
        .replace("<u>", "")
        .replace("</u>", "")
        .split(|c: char| c.is_whitespace() || c == '•' || c == '·')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Another seed beside the repository, by file name.
pub fn seed(name: &str) -> String {
    let path = format!("{}/../shared/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every rule set in `rules/` (a folder with a `ruleset.toml`), by folder name, the default
/// (`luton`) first: the suites that check rule sets run for each of them.
pub fn rule_set_dirs() -> Vec<(String, std::path::PathBuf)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut dirs: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("ruleset.toml").is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), p))
        .collect();
    dirs.sort_by_key(|(name, _)| (name != "luton", name.clone()));
    assert!(dirs.first().is_some_and(|(n, _)| n == "luton"), "rules/luton, the default rule set, is missing");
    dirs
}

/// A rule set read from its folder and checked, or a panic listing every problem.
pub fn load_rule_set(dir: &std::path::Path) -> RuleSet {
    let sources = engine::read_folder(dir).unwrap_or_else(|e| panic!("{e}"));
    engine::load(&sources)
        .unwrap_or_else(|errors| panic!("{} invalid:\n{}", dir.display(), errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")))
}

/// The golden cases of a rule set: `tests/cases` for the default (`luton`),
/// `tests/cases-<folder>` for every other.
pub fn cases_dir(rule_set: &str) -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    if rule_set == "luton" {
        root.join("cases")
    } else {
        root.join(format!("cases-{rule_set}"))
    }
}

/// A seed as quotes are compared with it: a word hyphenated across a line break ("non-",
/// then "attendance" on a later line) is rejoined ("non-attendance"); nothing else changes.
pub fn document(name: &str) -> String {
    let text = seed(name);
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('-') {
        let (before, after) = rest.split_at(i + 1);
        out.push_str(before);
        let gap = after.len() - after.trim_start_matches([' ', '\t', '\r', '\n']).len();
        let broken = after[..gap].contains('\n')
            && before[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            && after[gap..].chars().next().is_some_and(char::is_alphanumeric);
        rest = if broken { &after[gap..] } else { after };
    }
    out.push_str(rest);
    out
}

/// A fixture edition made from a copy of `rules/luton`, so the code is tested against an
/// edition it was not written for (as `rules/luton-2021` is): what it lacks or changes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Edition {
    /// No office hours, no bank holidays and no out-of-hours contact (`edt`), as in the 2021
    /// edition; and so no `mash_open` conditions and no action that phones the EDT.
    pub without_hours: bool,
    /// Three categories, renamed and re-cut: Base (Universal and Emerging Needs), Intensive,
    /// Specialist.
    pub recut: bool,
    /// `superseded_by` names the current edition.
    pub superseded: bool,
}

/// The fixture's `mash_open` message without office hours: who to contact at any time.
pub const NO_HOURS: &str =
    "This edition gives no office hours for the MASH and no out-of-hours number: for whom to phone out of hours, use the current edition, Effective Support for Children and Families in Luton.";

/// The fixture's `sending_now` without office hours.
pub const NOT_URGENT: &str = "This is not urgent: send it through the MASH web form. This edition gives no office hours for the MASH.";

/// The Emergency Duty Team's number in the current edition: an edition without an EDT must
/// never show it.
pub const EDT_PHONE: &str = "0300 300 8123";

/// The text of a rule file in blocks: each `[` or `[[` header starts one (the text before
/// the first is a block too).
fn blocks(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for line in text.lines() {
        if line.starts_with('[') {
            out.push(String::new());
        }
        let last = out.last_mut().unwrap();
        last.push_str(line);
        last.push('\n');
    }
    out
}

/// Writes the fixture edition into a new folder under the system's temporary folder and
/// returns the folder; `rules/luton` is left as it is.
pub fn fixture_dir(e: Edition) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let luton = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/luton");
    let dir = std::env::temp_dir().join(format!("threshold-edition-{}-{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
    std::fs::create_dir_all(&dir).unwrap();
    let without_edt = e.without_hours;
    let mut files: std::collections::BTreeMap<String, String> =
        engine::load::FILES.iter().map(|name| (name.to_string(), std::fs::read_to_string(luton.join(name)).unwrap())).collect();

    // Actions that phone the EDT, or that are for when the MASH is closed, go; and what they
    // covered stays uncovered.
    let mut removed: Vec<String> = Vec::new();
    for text in files.values_mut() {
        let kept: Vec<String> = blocks(text)
            .into_iter()
            .filter(|b| {
                let action = b.starts_with("[[category.next]]") || b.starts_with("[[pathway.action]]") || b.starts_with("[[override.action]]");
                let goes = action && (without_edt && b.contains("contact = \"edt\"") || e.without_hours && b.contains("mash_open = false"));
                if goes {
                    let id = b.lines().find_map(|l| l.strip_prefix("id = \"")).unwrap();
                    removed.push(id.trim_end_matches('"').to_string());
                }
                !goes
            })
            .collect();
        *text = kept.concat();
    }
    for text in files.values_mut() {
        for id in &removed {
            *text = text.replace(&format!("\"{id}\", "), "").replace(&format!(", \"{id}\""), "").replace(&format!("[\"{id}\"]"), "[]");
        }
        if without_edt {
            *text = text.replace(EDT_PHONE, "(no number in this edition)");
        }
        if e.without_hours {
            *text = text.replace("when = { mash_open = true }\n", "").replace(", { mash_open = true }", "").replace("{ mash_open = true }, ", "");
        }
    }
    if without_edt {
        let c = files.get_mut("contacts.toml").unwrap();
        let at = c.find("[[contact]]\nid = \"edt\"").unwrap();
        let end = at + c[at + 1..].find("[[contact]]").unwrap() + 1;
        c.replace_range(at..end, "");
        let q = files.get_mut("questions.toml").unwrap();
        *q = q.replace("  { id = \"edt\", label = \"Yes, to the Emergency Duty Team\" },\n", "").replace("\"mash\", \"edt\", ", "\"mash\", ");
    }
    if e.without_hours {
        let c = files.get_mut("contacts.toml").unwrap();
        let at = c.find("hours = [").unwrap();
        let end = at + c[at..].find("]\n").unwrap() + 2;
        c.replace_range(at..end, "");
        *c = c.replace("closed_on_bank_holidays = true\n", "");
        let at = c.find("[bank_holidays]").unwrap();
        c.truncate(at);
    }
    if e.recut {
        let r = files.get_mut("ruleset.toml").unwrap();
        let kept: Vec<String> = {
            let mut dropping = false;
            blocks(r)
                .into_iter()
                .filter(|b| {
                    if b.starts_with("[[category]]") {
                        dropping = b.contains("id = \"emerging_needs\"");
                    } else if !b.starts_with("[[category.next]]") {
                        dropping = false;
                    }
                    !dropping
                })
                .collect()
        };
        *r = kept.concat();
        *r = r
            .replace("name = \"Universal\"", "name = \"Base\"")
            .replace("Universal: what is going well", "Base: what is going well")
            .replace("name = \"Family Help\"", "name = \"Intensive\"")
            .replace("name = \"Statutory Intervention / Family Help\"", "name = \"Specialist\"");
        for text in files.values_mut() {
            *text = text
                .replace("\"universal\"", "\"base\"")
                .replace("\"emerging_needs\"", "\"base\"")
                .replace("\"family_help\"", "\"intensive\"")
                .replace("\"statutory_intervention\"", "\"specialist\"");
        }
    } else {
        files.insert("indicator-counts.toml".into(), std::fs::read_to_string(luton.join("indicator-counts.toml")).unwrap());
    }
    if e.superseded {
        let r = files.get_mut("ruleset.toml").unwrap();
        *r = r.replacen("title = \"Effective Support for Children and Families in Luton\"", "title = \"Effective Support in Luton (fixture)\"", 1).replacen(
            "\nedition = \"",
            "\nsuperseded_by = { id = \"luton\", title = \"Effective Support for Children and Families in Luton\" }\nedition = \"Fixture edition; was ",
            1,
        );
    }
    let g = files.get_mut("guidance.toml").unwrap();
    if e.without_hours {
        *g = g.replace("text = \"This is not urgent: send it through the MASH web form.\"", &format!("text = \"{NOT_URGENT}\""));
        *g = g.replace("text = \"The MASH is open now ({time}).\"", &format!("text = \"{NO_HOURS}\""));
    }
    g.push_str(
        "\n[[message]]\nid = \"superseded\"\ntext = \"This edition is for reference and training. Use the current edition, Effective Support for Children and Families in Luton, for decisions.\"\n",
    );
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

/// The fixture edition, loaded and checked as any rule set is (every problem listed).
pub fn fixture(e: Edition) -> RuleSet {
    let dir = fixture_dir(e);
    let sources = engine::read_folder(&dir).unwrap();
    let r = engine::load(&sources)
        .unwrap_or_else(|errors| panic!("fixture {e:?} invalid:\n{}", errors.iter().map(|x| x.to_string()).collect::<Vec<_>>().join("\n")));
    std::fs::remove_dir_all(&dir).ok();
    r
}

/// Answers a question in a journey.
pub fn answer(j: &mut threshold_guide::journey::Journey, q: &str, v: &str) {
    j.apply(threshold_guide::journey::Action::Answer { question: q.into(), value: v.into() });
}

/// Walks a journey from Start to Check your answers: no immediate danger, no significant harm,
/// not an open case, 5 to 12 years old, these indicators, these worries, consent given.
pub fn walk_to_check(j: &mut threshold_guide::journey::Journey, indicators: &[&str], worries: &str) {
    use threshold_guide::journey::{Action, Screen};
    j.apply(Action::Next);
    answer(j, "immediate_danger", "no");
    j.apply(Action::Next);
    answer(j, "significant_harm", "no");
    answer(j, "open_case", "no");
    j.apply(Action::Next);
    answer(j, "child_age", "5_12");
    j.apply(Action::Next);
    for id in indicators {
        j.apply(Action::ToggleIndicator((*id).into()));
    }
    j.apply(Action::Next);
    j.apply(Action::Next); // risks: optional
    answer(j, "factor_worries", worries);
    j.apply(Action::Next);
    answer(j, "consent_parents", "given");
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Check, "errors: {:?}", j.errors);
}
