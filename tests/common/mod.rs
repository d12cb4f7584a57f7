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
