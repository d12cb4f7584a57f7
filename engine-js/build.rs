//! Checks and compiles the default rule set (rules/luton) for the engine's JavaScript API. Unlike
//! the widget's, the compiled form keeps every field (the `source` of each indicator, category
//! and action, the categories' `action` and `assessment`): the API returns them.

use threshold_engine::compact;
use threshold_engine::load::{check, Compiled, Sources, COUNTS_FILE, FILES};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/luton");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut sources = Sources { folder: "rules/luton".into(), ..Default::default() };
    for name in FILES.iter().chain([&COUNTS_FILE]) {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        if let Ok(text) = std::fs::read_to_string(&path) {
            sources.files.insert(name.to_string(), text);
        }
    }
    let files = match check(&sources) {
        Ok(files) => files,
        Err(errors) => {
            eprintln!("\nThe rule set in rules/luton is not valid ({} problem(s)):", errors.len());
            for e in &errors {
                eprintln!("  {e}");
            }
            std::process::exit(1);
        }
    };
    let bytes = compact::to_bytes(&Compiled { hash: sources.content_hash(), files });
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("rules-full.bin");
    std::fs::write(out, bytes).expect("write rules-full.bin");
}
