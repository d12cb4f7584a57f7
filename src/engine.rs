//! The engine crate (`engine/`, `threshold-engine`) with the default rule set this widget is
//! built with. Everything of the engine is re-exported here, so `crate::engine::…` is the
//! engine; what this file adds is where the default rule set comes from.

pub use threshold_engine::*;

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
