//! The engine crate (`engine/`, `threshold-engine`) with the default rule set this widget is
//! built with. Everything of the engine is re-exported here, so `crate::engine::…` is the
//! engine; what this file adds is where the default rule set comes from.

pub use threshold_engine::*;

/// The default rule set (Luton, current edition) as build.rs checked and compiled it: a
/// compact binary, so the browser decodes it instead of shipping a TOML parser. Native code
/// and tests only: the widget fetches its rule set as a file (`from_compiled`).
pub fn default_rules() -> Result<RuleSet, Vec<RuleError>> {
    decode(compiled_bytes()).ok_or_else(|| vec![RuleError { file: "rules.bin".into(), line: 0, message: "the compiled rule set cannot be read".into() }])
}

fn decode(bytes: &[u8]) -> Option<RuleSet> {
    let compiled: load::Compiled = compact::from_bytes(bytes)?;
    Some(load::assemble(compiled.files, compiled.hash))
}

/// A compiled rule set as the loader fetched it (`threshold-rules-<id>-<hash>.bin`): used only
/// if its SHA-256 is the one the build announced and it decodes whole, so a damaged file, one
/// from another build or a cut-off download never becomes a half-loaded rule set.
pub fn from_compiled(bytes: &[u8], sha256: &str) -> Result<RuleSet, &'static str> {
    // A mismatch is hashed once more before the file is refused: WebKit 2.50 (JSC) has been
    // seen to compute a page's first SHA-256 in wasm wrongly and every later one right (in
    // the unoptimised test build; Cargo.toml, profile webkit-test), which would turn a good
    // file away.
    if load::sha256_hex(bytes) != sha256 && load::sha256_hex(bytes) != sha256 {
        return Err("its content does not match the hash the build announced (a damaged or cut-off download, or a file from another build)");
    }
    from_checked(bytes)
}

/// A fetched rule set whose SHA-256 the browser has already compared as it downloaded
/// (Subresource Integrity, the loader's `fetch`): decoded whole, or refused.
pub fn from_checked(bytes: &[u8]) -> Result<RuleSet, &'static str> {
    decode(bytes).ok_or("it cannot be decoded (a file from an incompatible build)")
}

/// The default rule set in its compiled form (build.rs wrote it; tests mount the widget with
/// it and fuzzing starts from it; the widget itself never embeds it).
pub fn compiled_bytes() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin"))
}

/// The SHA-256 of [`compiled_bytes`], computed natively by build.rs as the loader announces
/// it: what the browser tests compare the widget's own hash with.
pub fn compiled_sha256() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/rules.sha256"))
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
