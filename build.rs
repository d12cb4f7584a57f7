//! Validates the default rule set before anything is compiled: a broken rule file fails
//! the build with file, line and problem, so no build ever ships a half-valid rule set.

use threshold_engine::compact;
use threshold_engine::load::{check, Compiled, Sources, COUNTS_FILE, FILES};

fn main() {
    let dir = std::path::Path::new("rules/luton");
    println!("cargo:rerun-if-changed=rules/luton");
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
            for e in &errors {
                println!("cargo:warning={e}");
            }
            eprintln!("\nThe rule set in rules/luton is not valid ({} problem(s)):", errors.len());
            for e in &errors {
                eprintln!("  {e}");
            }
            std::process::exit(1);
        }
    };
    // Compile the checked rule set for the browser: no TOML parser at run time.
    let compiled = Compiled { hash: sources.content_hash(), files: files.for_browser() };
    let bytes = compact::to_bytes(&compiled);
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("rules.bin");
    std::fs::write(&out, bytes).expect("write rules.bin");

    // The widget's stylesheet goes into the wasm; comments and layout are for people.
    let css_path = "static/threshold-guide.css";
    println!("cargo:rerun-if-changed={css_path}");
    let css = std::fs::read_to_string(css_path).expect("read static/threshold-guide.css");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("threshold-guide.min.css");
    std::fs::write(out, minify_css(&css)).expect("write threshold-guide.min.css");
}

/// The stylesheet without comments and layout, by a maintained minifier (build time only, so
/// its size costs the widget nothing). A sheet it cannot read fails the build.
fn minify_css(css: &str) -> String {
    match minifier::css::minify(css) {
        Ok(min) => min.to_string(),
        Err(e) => {
            eprintln!("static/threshold-guide.css cannot be minified: {e}");
            std::process::exit(1);
        }
    }
}
