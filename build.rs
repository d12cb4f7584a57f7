//! Validates the default rule set before anything is compiled: a broken rule file fails
//! the build with file, line and problem, so no build ever ships a half-valid rule set.

fn main() {
    // The checked rule set, compiled for the browser (no TOML parser at run time).
    let bytes = threshold_engine::compile_for_build(std::path::Path::new("rules/luton"), "rules/luton", true);
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("rules.bin");
    std::fs::write(&out, &bytes).expect("write rules.bin");
    // Its SHA-256 computed here, natively, as the loader announces it (tests compare with it).
    std::fs::write(out.with_extension("sha256"), threshold_engine::load::sha256_hex(&bytes)).expect("write rules.sha256");

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
