//! Loading a rule set: its files ([`Sources`]), checking them ([`crate::check`]) and building
//! the look-up tables ([`RuleSet`]). A rule set with any error is never returned (no
//! half-valid rule set).

use crate::compact::{compact_struct, Compact, Reader, Writer};
use crate::model::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;

pub use crate::check::check;
pub use crate::ruleset::{Index, Meta, Place, RuleSet};

/// The files of a rule set, in the order they are hashed and loaded.
pub const FILES: [&str; 9] = [
    "ruleset.toml",
    "indicators.toml",
    "questions.toml",
    "pathways.toml",
    "safety.toml",
    "consent.toml",
    "contacts.toml",
    "interpretation.toml",
    "guidance.toml",
];
/// Optional: hand counts that the indicators must match.
pub const COUNTS_FILE: &str = "indicator-counts.toml";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

/// The text of each file, keyed by file name, plus the folder they came from (for messages).
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub folder: String,
    pub files: BTreeMap<String, String>,
}

impl Sources {
    pub(crate) fn path(&self, name: &str) -> String {
        if self.folder.is_empty() {
            name.to_string()
        } else {
            format!("{}/{}", self.folder.trim_end_matches('/'), name)
        }
    }

    /// SHA-256 over every file name and text in `FILES` order: the id of this exact rules build.
    pub fn content_hash(&self) -> String {
        let mut h = Sha256::new();
        for name in FILES {
            h.update(name.as_bytes());
            h.update([0]);
            h.update(self.files.get(name).map(String::as_bytes).unwrap_or_default());
            h.update([0]);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The parsed files of a rule set. build.rs compiles a checked `Files` into a compact binary
/// (with its content hash) that the browser decodes instead of parsing TOML.
#[derive(Debug, Clone)]
pub struct Files {
    pub ruleset: RulesetFile,
    pub indicators: IndicatorsFile,
    pub questions: QuestionsFile,
    pub pathways: PathwaysFile,
    pub safety: SafetyFile,
    pub consent: ConsentFile,
    pub contacts: ContactsFile,
    pub interpretation: InterpretationFile,
    pub guidance: GuidanceFile,
}

impl Files {
    /// The rule set as the browser needs it: the fields the widget never shows are left out
    /// of the compiled form, so every visit downloads less. Left out: the `source` of
    /// categories, indicators, pathways, overrides, actions and contacts, and the categories'
    /// `action` and `assessment` (the CLI and the checks read the TOML, which has them all). Questions and
    /// guidance keep their sources: the widget shows them beside the document's words.
    pub fn for_browser(mut self) -> Files {
        fn actions(list: &mut [Action]) {
            for a in list {
                a.source = None;
            }
        }
        for c in &mut self.ruleset.category {
            c.source.clear();
            c.action.clear();
            c.assessment = None;
            actions(&mut c.next);
        }
        for i in &mut self.indicators.indicator {
            i.source.clear();
        }
        for p in &mut self.pathways.pathway {
            p.source.clear();
            actions(&mut p.action);
        }
        for o in &mut self.safety.overrides {
            o.source.clear();
            actions(&mut o.action);
        }
        for c in &mut self.contacts.contact {
            c.source.clear();
        }
        self
    }
}

/// A checked rule set in its compiled form.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub hash: String,
    pub files: Files,
}

compact_struct! {
    Files { ruleset, indicators, questions, pathways, safety, consent, contacts, interpretation, guidance }
    Compiled { hash, files }
}

/// Loads and validates a rule set. Returns every problem found, or the rule set.
pub fn load(sources: &Sources) -> Result<RuleSet, Vec<RuleError>> {
    check(sources).map(|files| assemble(files, sources.content_hash()))
}

/// The `{name}` placeholders in a message.
pub fn placeholders(text: &str) -> Vec<&str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
}

/// Builds the look-up tables of a rule set that has already been checked.
pub fn assemble(files: Files, hash: String) -> RuleSet {
    RuleSet::from_files(files, hash)
}
