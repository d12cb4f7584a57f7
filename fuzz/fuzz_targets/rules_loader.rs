//! Fuzz the rule-set loader: one of the rule files is replaced by the fuzzer's bytes (the
//! first byte picks which). Loading must return the rule set or errors, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use threshold_guide::engine::{self, load::{COUNTS_FILE, FILES}, Sources};

fn base() -> &'static Sources {
    static S: OnceLock<Sources> = OnceLock::new();
    S.get_or_init(engine::default_sources)
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let names: Vec<&str> = FILES.iter().copied().chain([COUNTS_FILE]).collect();
    let name = names[which as usize % names.len()];
    let mut sources = base().clone();
    sources.files.insert(name.to_string(), String::from_utf8_lossy(rest).into_owned());
    let _ = engine::load(&sources);
});
