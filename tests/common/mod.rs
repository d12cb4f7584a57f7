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
