//! Fuzz the CLI's case input: any bytes as CASE.json. Parsing and assessing must return an
//! outcome or an error naming the problem, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use threshold_guide::engine::{self, CaseInput, RuleSet};

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| engine::default_rules().expect("valid rules"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(input) = serde_json::from_str::<CaseInput>(text) else { return };
    if let Ok((case, now)) = input.split() {
        if let Ok(out) = rules().assess(&case, now) {
            let _ = serde_json::to_string(&out).expect("an outcome always serialises");
        }
    }
});
