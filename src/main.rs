//! The widget's entry point (built by Trunk for the browser).

// Talc instead of the default dlmalloc: a few KB smaller in the download and faster for
// the many small allocations of a Yew page.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    threshold_guide::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("threshold-guide is a browser widget: build it with `scripts/run.sh`.");
    eprintln!("For the rules command line, use: cargo run -q --bin threshold -- --help");
    std::process::exit(2);
}
