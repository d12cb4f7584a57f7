//! Checks and compiles the default rule set (rules/luton) for the engine's JavaScript API. Unlike
//! the widget's, the compiled form keeps every field (the `source` of each indicator, category
//! and action, the categories' `action` and `assessment`): the API returns them.

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/luton");
    let bytes = threshold_engine::compile_for_build(&dir, "rules/luton", false);
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("rules-full.bin");
    std::fs::write(out, bytes).expect("write rules-full.bin");
}
