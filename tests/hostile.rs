//! Hostile text (tests/hostile.json, 100+ strings: markup, attribute breaking, control
//! characters, bidi overrides, emoji and combining marks, very long text) in every
//! free-text answer: the summary and records carry it exactly, nothing is truncated, and
//! nothing panics. (That the UI renders it as text is checked in tests/e2e/hostile.mjs.)
#![cfg(not(target_arch = "wasm32"))]
mod common;
use std::rc::Rc;
use threshold_guide::engine::model::Kind;
use threshold_guide::journey::{Action, Journey};
use threshold_guide::summary;

fn corpus() -> Vec<String> {
    serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile.json")).unwrap()).unwrap()
}

#[test]
fn the_corpus_has_at_least_100_strings() {
    assert!(corpus().len() >= 100);
}

#[test]
fn every_text_answer_reaches_the_summary_exactly() {
    let rules = Rc::new(common::rules());
    let text_questions: Vec<String> = rules.questions.iter().filter(|q| q.kind == Kind::Text).map(|q| q.id.as_str().to_string()).collect();
    assert!(text_questions.len() >= 15, "{text_questions:?}");
    let now = common::at("2026-11-19T10:00:00Z");
    for s in corpus() {
        let mut j = Journey::new(rules.clone());
        // Make every text question apply.
        for (q, v) in [("immediate_danger", "yes"), ("risk_neglect", "yes"), ("consent_parents", "not_sought"), ("consent_exception", "immediate_risk")] {
            j.apply(Action::Answer { question: q.into(), value: v.into() });
        }
        for q in &text_questions {
            j.apply(Action::Answer { question: q.clone(), value: s.clone() });
            assert_eq!(j.answer(q), Some(s.as_str()), "stored exactly");
        }
        j.apply(Action::SetJudgement(Some("family_help".into())));
        j.apply(Action::SetJudgementReason(s.clone()));
        let out = rules.assess(&j.case(), now).expect("hostile text never makes a case invalid");
        let text = summary::as_text(&j, &out, now);
        if !s.trim().is_empty() {
            // Each of the free-text sections that quotes the practitioner carries the text whole.
            let count = text.matches(s.trim()).count();
            assert!(count >= 8, "{:?} appears {count} times", s.chars().take(40).collect::<String>());
        }
        // Records: the decision note keeps the reason; the consultation summary never quotes free text.
        let note = summary::decision_note(&j, &out, now);
        assert!(s.trim().is_empty() || note.contains(s.trim()));
        let consult = summary::consultation_summary(&j, &out);
        assert!(s.trim().chars().count() < 12 || !consult.contains(s.trim()), "free text leaked into the consultation summary");
        let _ = summary::quality_check(&j, &out);
    }
}
