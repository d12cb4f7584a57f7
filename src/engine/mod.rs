//! The threshold engine: plain Rust, no DOM, no I/O. Compiled natively (tests, CLI) and
//! to WebAssembly (the widget). Nothing here knows about the browser.

pub mod assess;
pub mod clock;
pub mod compact;
pub mod contract;
pub mod load;
pub mod model;
pub mod sorted;

pub use assess::{Case, CaseError, CaseInput, Outcome};
pub use clock::Instant;
pub use load::{load, RuleError, RuleSet, Sources};

/// The default rule set (Luton, current edition) as build.rs checked and compiled it: a
/// compact binary, so the browser decodes it instead of shipping a TOML parser.
pub fn default_rules() -> Result<RuleSet, Vec<RuleError>> {
    let compiled: load::Compiled = compact::from_bytes(compiled_bytes())
        .ok_or_else(|| vec![RuleError { file: "rules.bin".into(), line: 0, message: "the compiled rule set cannot be read".into() }])?;
    Ok(load::assemble(compiled.files, compiled.hash))
}

/// The default rule set in its compiled form (build.rs wrote it; fuzzing starts from it).
pub fn compiled_bytes() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin"))
}

/// The TOML sources of the default rule set, for checking them with file and line numbers
/// (CLI, tests). Not in the browser build.
#[cfg(not(target_arch = "wasm32"))]
pub fn default_sources() -> Sources {
    macro_rules! file {
        ($name:literal) => {
            ($name.to_string(), include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/luton/", $name)).to_string())
        };
    }
    Sources {
        folder: "rules/luton".into(),
        files: [
            file!("ruleset.toml"),
            file!("indicators.toml"),
            file!("questions.toml"),
            file!("pathways.toml"),
            file!("safety.toml"),
            file!("consent.toml"),
            file!("contacts.toml"),
            file!("interpretation.toml"),
            file!("guidance.toml"),
            file!("indicator-counts.toml"),
        ]
        .into_iter()
        .collect(),
    }
}


/// Reads a rule-set folder from disk (CLI and tests only).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_folder(path: &std::path::Path) -> Result<Sources, String> {
    let mut files = std::collections::BTreeMap::new();
    for name in load::FILES.iter().chain([&load::COUNTS_FILE]) {
        match std::fs::read_to_string(path.join(name)) {
            Ok(text) => {
                files.insert(name.to_string(), text);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", path.join(name).display())),
        }
    }
    if !path.is_dir() {
        return Err(format!("{}: not a folder", path.display()));
    }
    Ok(Sources { folder: path.display().to_string(), files })
}
