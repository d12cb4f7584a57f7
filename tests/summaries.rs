//! Golden summaries: for each journey in `tests/summaries/*.json`, the referral summary
//! ("Copy all" text), the decision note and the consultation summary must match the
//! reviewed `.txt` files exactly. After a deliberate change, regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test summaries` and review the diff before committing.
#![cfg(not(target_arch = "wasm32"))]
mod common;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::rc::Rc;
use threshold_guide::journey::{Action, Journey, Screen};
use threshold_guide::summary::{self, Problem};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    #[serde(default)]
    indicators: Vec<String>,
    #[serde(default)]
    answers: BTreeMap<String, String>,
    #[serde(default)]
    judgement: Option<String>,
    #[serde(default)]
    judgement_reason: String,
    now: String,
}

fn journey(rules: &Rc<threshold_guide::engine::RuleSet>, input: &Input) -> Journey {
    let mut j = Journey::new(rules.clone());
    for id in &input.indicators {
        j.apply(Action::ToggleIndicator(id.clone()));
    }
    for (q, v) in &input.answers {
        j.apply(Action::Answer { question: q.clone(), value: v.clone() });
    }
    j.apply(Action::SetJudgement(input.judgement.clone()));
    j.apply(Action::SetJudgementReason(input.judgement_reason.clone()));
    assert_eq!(j.answers.len(), input.answers.len(), "an answer in the input was rejected");
    assert_eq!(j.selected.len(), input.indicators.len(), "an indicator in the input was rejected");
    j
}

fn render(j: &Journey, now: &str) -> String {
    let now = common::at(now);
    let out = j.rules.assess(&j.case(), now).unwrap();
    let mut t = summary::as_text(j, &out, now);
    if summary::decision_note_relevant(j, &out) {
        t.push_str("\n=== decision not to refer ===\n");
        t.push_str(&summary::decision_note(j, &out, now));
    }
    t.push_str("\n=== consultation summary ===\n");
    t.push_str(&summary::consultation_summary(j, &out));
    // The rule-set version changes with every edit of the rules; the goldens pin the text.
    t.replace(&out.ruleset.hash[..12], "<version>")
}

#[test]
fn golden_summaries() {
    let rules = Rc::new(common::rules());
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/summaries");
    let mut inputs: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    inputs.sort();
    assert!(inputs.len() >= 6, "at least six golden journeys, found {}", inputs.len());
    let mut fails = Vec::new();
    for path in &inputs {
        let input: Input = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let got = render(&journey(&rules, &input), &input.now);
        let expected_path = path.with_extension("txt");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != want {
            fails.push(format!("{}: summary differs from {}\n--- got ---\n{got}", path.display(), expected_path.display()));
        }
    }
    assert!(fails.is_empty(), "{}", fails.join("\n\n"));
}

fn problems(rules: &Rc<threshold_guide::engine::RuleSet>, indicators: &[&str], answers: &[(&str, &str)]) -> Vec<Problem> {
    let input = Input {
        indicators: indicators.iter().map(|s| s.to_string()).collect(),
        answers: answers.iter().map(|(q, v)| (q.to_string(), v.to_string())).collect(),
        judgement: None,
        judgement_reason: String::new(),
        now: "2026-11-19T10:00:00Z".into(),
    };
    let j = journey(rules, &input);
    let out = j.rules.assess(&j.case(), common::at(&input.now)).unwrap();
    summary::quality_check(&j, &out)
}

fn ids(p: &[Problem]) -> Vec<&'static str> {
    p.iter().map(|x| x.id).collect()
}

/// A well-filled case: no problems at all.
const COMPLETE: [(&str, &str); 8] = [
    ("consent_parents", "given"),
    ("impact", "Tired and withdrawn in class most mornings."),
    ("factor_child_life", "She told her teacher: \"nobody makes breakfast\"."),
    ("why_now", "Second missed health check this term."),
    ("desired_outcome", "A Single Assessment."),
    ("factor_worries", "Arrives hungry; missed health checks."),
    ("factor_chronology", "yes"),
    ("immediate_danger", "no"),
];

#[test]
fn quality_check_is_quiet_when_everything_is_there() {
    let rules = Rc::new(common::rules());
    assert_eq!(ids(&problems(&rules, &["en.health.1"], &COMPLETE)), Vec::<&str>::new());
}

#[test]
fn each_quality_rule_fires_on_its_own_gap() {
    let rules = Rc::new(common::rules());
    let without = |q: &str| COMPLETE.iter().copied().filter(|(k, _)| *k != q).collect::<Vec<_>>();
    for (dropped, expect, screen) in [
        ("consent_parents", "consent_missing", Screen::Consent),
        ("impact", "impact_missing", Screen::Checklist),
        ("factor_child_life", "voice_missing", Screen::Checklist),
        ("why_now", "why_now_missing", Screen::Checklist),
        ("desired_outcome", "outcome_missing", Screen::Checklist),
        ("factor_worries", "worries_missing", Screen::Checklist),
    ] {
        let p = problems(&rules, &["en.health.1"], &without(dropped));
        assert_eq!(ids(&p), [expect], "dropping {dropped}");
        assert_eq!(p[0].screen, screen);
    }
    // Worries are only required when indicators were selected.
    assert!(!ids(&problems(&rules, &[], &without("factor_worries"))).contains(&"worries_missing"));
}

#[test]
fn consent_not_sought_needs_a_reason() {
    let rules = Rc::new(common::rules());
    let mut a: Vec<(&str, &str)> = COMPLETE.iter().copied().filter(|(k, _)| *k != "consent_parents").collect();
    a.push(("consent_parents", "not_sought"));
    a.push(("consent_exception", "fii"));
    assert_eq!(ids(&problems(&rules, &["en.health.1"], &a)), ["consent_reason_missing"]);
    a.push(("consent_reason", "Suspected FII: telling the parents could increase the risk."));
    assert!(problems(&rules, &["en.health.1"], &a).is_empty());
}

#[test]
fn refused_consent_at_family_help_without_an_exception_is_flagged() {
    let rules = Rc::new(common::rules());
    let mut a: Vec<(&str, &str)> = COMPLETE.iter().copied().filter(|(k, _)| *k != "consent_parents").collect();
    a.push(("consent_parents", "refused"));
    assert_eq!(ids(&problems(&rules, &["fh.learning.1"], &a)), ["refused_without_exception"]);
    assert!(problems(&rules, &["en.health.1"], &a).is_empty(), "quiet at Emerging Needs");
    a.push(("risk_forced_marriage", "yes"));
    assert!(!ids(&problems(&rules, &["fh.learning.1"], &a)).contains(&"refused_without_exception"), "quiet when an exception applies");
}

#[test]
fn opinion_words_are_flagged_and_whole_words_only() {
    let rules = Rc::new(common::rules());
    let mut a: Vec<(&str, &str)> = COMPLETE.iter().copied().filter(|(k, _)| *k != "impact").collect();
    a.push(("impact", "She seems tired and I think she is probably not eating."));
    let p = problems(&rules, &["en.health.1"], &a);
    assert_eq!(ids(&p), ["opinion_words"]);
    assert!(p[0].text.contains("\"i think\", \"seems\", \"probably\""), "{}", p[0].text);
    a.pop();
    a.push(("impact", "Her seamstress mother works nights; maybelline was mentioned."));
    assert!(problems(&rules, &["en.health.1"], &a).is_empty(), "no false match inside words");
}

#[test]
fn neglect_without_chronology_or_gcp2_is_flagged() {
    let rules = Rc::new(common::rules());
    let mut a: Vec<(&str, &str)> = COMPLETE.iter().copied().filter(|(k, _)| *k != "factor_chronology").collect();
    assert_eq!(ids(&problems(&rules, &["si.basic_care_safety.7"], &a)), ["neglect_without_chronology"], "an indicator naming neglect");
    a.push(("risk_neglect", "yes"));
    a.push(("factor_gcp2", "yes"));
    assert!(problems(&rules, &["en.health.1"], &a).is_empty(), "a GCP2 answers it");
}

#[test]
fn the_consultation_summary_never_contains_free_text() {
    let rules = Rc::new(common::rules());
    let input = Input {
        indicators: vec!["en.health.1".into()],
        answers: [("factor_worries", "Jane Smith, 12 High Street"), ("why_now", "Jane told me"), ("child_age", "5_12")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        judgement: None,
        judgement_reason: String::new(),
        now: "2026-11-19T10:00:00Z".into(),
    };
    let j = journey(&rules, &input);
    let out = j.rules.assess(&j.case(), common::at(&input.now)).unwrap();
    let t = summary::consultation_summary(&j, &out);
    assert!(!t.contains("Jane") && !t.contains("High Street"), "{t}");
    assert!(t.contains("aged 5 to 12 years"), "{t}");
}
