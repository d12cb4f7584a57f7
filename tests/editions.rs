//! Editions: the code knows no edition's categories, and works with whatever rule set the
//! journey is given.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// The category ids of the editions in `rules/`: none of them may be written in Rust, where
/// it would tie the engine, the journey, the summary or the widget to one edition.
const CATEGORY_IDS: [&str; 4] = ["universal", "emerging_needs", "family_help", "statutory_intervention"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A category id as a string literal, or the start of one ("universal", "universal.services").
#[test]
fn no_category_id_in_rust_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "engine/src", "engine-js/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} Rust files", files.len());
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for id in CATEGORY_IDS {
                let quoted = format!("\"{id}");
                let hit = line.match_indices(&quoted).any(|(i, _)| !line[i + quoted.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'));
                if hit {
                    found.push(format!("{}:{}: {}", file.strip_prefix(root).unwrap().display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "category ids belong in the rule files, not in Rust:\n{}", found.join("\n"));
}
