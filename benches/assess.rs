//! Benchmark (not a test): how long the engine takes to assess a case with every indicator
//! selected and every risk answered "yes". Target: ≤ 50 µs native (median).
//! Run: `cargo bench --bench assess`.
use std::time::Instant as Clock;
use threshold_guide::engine::{self, Instant};

fn main() {
    let t0 = Clock::now();
    let rules = engine::default_rules().expect("valid rules");
    let load = t0.elapsed();

    let case = rules.case_with_everything();
    let now = Instant::parse_rfc3339("2026-11-19T10:00:00Z").unwrap();
    let out = rules.assess(&case, now).unwrap();
    assert_eq!(out.category.id, "statutory_intervention");

    let mut samples = Vec::with_capacity(2000);
    for _ in 0..2000 {
        let t = Clock::now();
        std::hint::black_box(rules.assess(std::hint::black_box(&case), now).unwrap());
        samples.push(t.elapsed().as_secs_f64() * 1e6);
    }
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = samples[samples.len() / 2];
    let p95 = samples[samples.len() * 95 / 100];
    println!("rule set load (parse + validate): {:.2} ms", load.as_secs_f64() * 1e3);
    println!(
        "assess, {} indicators + {} answers: median {median:.1} µs, p95 {p95:.1} µs over {} runs (target ≤ 50 µs median)",
        case.indicators.len(),
        case.answers.len(),
        samples.len()
    );
}
