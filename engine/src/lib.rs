//! The threshold engine: a rule set and the decision, in plain Rust. No DOM, no I/O and no
//! browser crates (this crate's dependencies are serde, toml and sha2 only, so the compiler,
//! not a comment, keeps the browser out). The widget, the CLI and the widget's build script
//! use it; it compiles natively and to WebAssembly.
//!
//! - [`load`]: parse and check a rule set's TOML files (every problem as `file:line: problem`),
//!   and the [`contract`] of ids the code relies on;
//! - [`compact`]: the compiled binary form the browser decodes instead of TOML;
//! - [`assess`]: a case and an instant → an [`Outcome`];
//! - [`clock`]: RFC 3339 and London time;
//! - `diff` (native only): what changed between two editions of a rule set.

pub mod assess;
pub mod case;
pub mod check;
pub mod clock;
pub mod compact;
pub mod consent;
pub mod contract;
/// Comparing two editions (the CLI's `rules diff`); native only, so the widget never carries it.
#[cfg(not(target_arch = "wasm32"))]
pub mod diff;
pub mod load;
pub mod model;
pub mod office_hours;
pub mod outcome;
pub mod ruleset;
pub mod sorted;

pub use assess::{Case, CaseError, CaseInput, Outcome, RuleSetRef};
pub use clock::Instant;
pub use load::{load, RuleError, RuleSet, Sources};

/// Reads a rule-set folder from disk (CLI, tests and build scripts; not in the browser).
/// A path that is not a rule-set folder is one clear error: no such folder, not a folder, or a
/// folder without any of the rule files (the folder above a rule set, say); a folder with some
/// of them is a rule set with files missing, which the check lists.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_folder(path: &std::path::Path) -> Result<Sources, String> {
    if !path.exists() {
        return Err(format!("{}: no such folder", path.display()));
    }
    if !path.is_dir() {
        return Err(format!("{}: not a folder (give the folder that holds ruleset.toml)", path.display()));
    }
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
    if files.is_empty() {
        return Err(format!("{}: not a rule set (none of its files is here: {})", path.display(), load::FILES.join(", ")));
    }
    Ok(Sources { folder: path.display().to_string(), files })
}

/// For build scripts: reads the rule-set folder `dir` (named `label` in messages), tells Cargo
/// to rebuild when any of its files changes, checks it and returns it compiled, for the browser
/// (`Files::for_browser`) or whole. An invalid rule set stops the build with every problem as
/// `file:line: problem`: no build ever ships a half-valid rule set.
#[cfg(not(target_arch = "wasm32"))]
pub fn compile_for_build(dir: &std::path::Path, label: &str, for_browser: bool) -> Vec<u8> {
    println!("cargo:rerun-if-changed={}", dir.display());
    for name in load::FILES.iter().chain([&load::COUNTS_FILE]) {
        println!("cargo:rerun-if-changed={}", dir.join(name).display());
    }
    let mut sources = read_folder(dir).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    sources.folder = label.into();
    compile(&sources, for_browser).unwrap_or_else(|errors| {
        for e in &errors {
            println!("cargo:warning={e}");
        }
        eprintln!("\nThe rule set in {label} is not valid ({} problem(s)):", errors.len());
        for e in &errors {
            eprintln!("  {e}");
        }
        std::process::exit(1)
    })
}

/// Checks a rule set and compiles it: the compact binary the browser decodes (for the browser,
/// `Files::for_browser`, or whole), or every problem. Build scripts and `threshold rules
/// compile` share it, so a compiled rule set is always a checked one.
#[cfg(not(target_arch = "wasm32"))]
pub fn compile(sources: &Sources, for_browser: bool) -> Result<Vec<u8>, Vec<RuleError>> {
    let files = load::check(sources)?;
    let files = if for_browser { files.for_browser() } else { files };
    Ok(compact::to_bytes(&load::Compiled { hash: sources.content_hash(), files }))
}
