//! The default rule set: valid, complete against the hand count, and faithful to the
//! document word for word where it quotes it.
#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use std::collections::BTreeMap;

#[test]
fn default_rule_set_is_valid() {
    let r = rules();
    assert_eq!(r.meta.source_file, "001_0fd64d88ff99d303.txt");
    assert_eq!(r.meta.hash.len(), 64);
}

#[test]
fn four_categories_in_order() {
    let r = rules();
    let ids: Vec<&str> = r.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["universal", "emerging_needs", "family_help", "statutory_intervention"]);
    let names: Vec<&str> = r.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Universal", "Emerging Needs", "Family Help", "Statutory Intervention / Family Help"]);
}

/// The counts per category and domain, counted by hand from the document. A dropped or
/// duplicated indicator changes one of these numbers.
#[test]
fn indicator_counts_match_the_hand_count() {
    let r = rules();
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for i in &r.indicators {
        *counts.entry((i.category.as_str(), i.domain.as_str())).or_default() += 1;
    }
    let per_category = |c: &str| counts.iter().filter(|((cat, _), _)| *cat == c).map(|(_, n)| n).sum::<usize>();
    assert_eq!(per_category("universal"), 35);
    assert_eq!(per_category("emerging_needs"), 76);
    assert_eq!(per_category("family_help"), 55);
    assert_eq!(per_category("statutory_intervention"), 73);
    assert_eq!(r.indicators.len(), 239);
    // A few domains by hand, from the document's bullets.
    assert_eq!(counts[&("universal", "health")], 7);
    assert_eq!(counts[&("emerging_needs", "health")], 11);
    assert_eq!(counts[&("statutory_intervention", "other")], 7);
    assert_eq!(counts[&("statutory_intervention", "basic_care_safety")], 12);
    assert_eq!(counts[&("statutory_intervention", "definition")], 8);
    assert_eq!(counts[&("family_help", "definition")], 5);
    assert_eq!(counts[&("family_help", "educational_neglect")], 6);
}

#[test]
fn indicator_texts_are_verbatim_from_the_document() {
    let doc = flatten(&source_document());
    let r = rules();
    let missing: Vec<String> = r.indicators.iter().filter(|i| !doc.contains(&flatten(&i.text))).map(|i| format!("{}: {}", i.id.as_str(), i.text)).collect();
    assert!(missing.is_empty(), "not found verbatim in the document:\n{}", missing.join("\n"));
}

#[test]
fn quotes_and_definitions_are_verbatim_from_the_document() {
    let doc = flatten(&source_document());
    let r = rules();
    let mut quotes: Vec<(String, &str)> = Vec::new();
    for c in &r.categories {
        // Definitions were flattened into one table cell; each listed line is verbatim.
        for line in c.definition.lines().chain([c.action.as_str()]).chain(c.assessment.as_deref()) {
            quotes.push((format!("category {}", c.id.as_str()), line));
        }
        for a in &c.next {
            quotes.extend(a.quote.as_deref().map(|q| (format!("action {}", a.id.as_str()), q)));
        }
    }
    for p in &r.pathways {
        quotes.push((format!("pathway {}", p.id.as_str()), &p.quote));
        for a in &p.action {
            quotes.extend(a.quote.as_deref().map(|q| (format!("action {}", a.id.as_str()), q)));
        }
    }
    for o in &r.overrides {
        quotes.push((format!("override {}", o.id.as_str()), &o.quote));
        for a in &o.action {
            quotes.extend(a.quote.as_deref().map(|q| (format!("action {}", a.id.as_str()), q)));
        }
    }
    for e in &r.consent.exception {
        quotes.push((format!("exception {}", e.id.as_str()), &e.text));
    }
    for c in &r.consent.rule {
        quotes.push((format!("consent rule {}", c.id.as_str()), &c.quote));
    }
    for q in &r.questions {
        quotes.extend(q.quote.as_deref().map(|x| (format!("question {}", q.id.as_str()), x)));
    }
    let mut missing: Vec<String> = quotes.iter().filter(|(_, q)| !doc.contains(&flatten(q))).map(|(who, q)| format!("{who}: {q}")).collect();
    // Guidance points: from the rule set's document, or from the seed their `source_file` names.
    for g in &r.guidance {
        let other = g.source_file.as_deref().map(|f| flatten(&common::seed(f)));
        for p in &g.points {
            if !other.as_ref().unwrap_or(&doc).contains(&flatten(p)) {
                missing.push(format!("guidance {}: {p}", g.id.as_str()));
            }
        }
    }
    assert!(missing.is_empty(), "quotes not found verbatim in the document:\n{}", missing.join("\n"));
    assert!(r.guidance.len() >= 8 && r.guidance.iter().map(|g| g.points.len()).sum::<usize>() >= 40);
}

/// Every consent rule is shown in at least one golden case: the file holds no dead data.
#[test]
fn every_consent_rule_is_shown_in_a_golden_case() {
    let r = rules();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut shown = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        let input: threshold_guide::engine::CaseInput = serde_json::from_value(v["case"].clone()).unwrap();
        let (case, now) = input.split().unwrap();
        // Counted only where the golden case itself pins the consent guidance.
        if v["expect"]["consent_warnings"].is_array() {
            shown.extend(r.assess(&case, now).unwrap().consent.warnings.iter().map(|w| w.id.to_string()));
        }
    }
    let unseen: Vec<&str> = r.consent.rule.iter().map(|x| x.id.as_str()).filter(|id| !shown.contains(*id)).collect();
    assert!(unseen.is_empty(), "consent rules no golden case shows: {unseen:?}");
}

#[test]
fn contacts_carry_the_documents_numbers() {
    let r = rules();
    assert_eq!(r.contact("mash").unwrap().phone.as_deref(), Some("01582 547653"));
    assert_eq!(r.contact("edt").unwrap().phone.as_deref(), Some("0300 300 8123"));
    assert_eq!(r.contact("police").unwrap().phone.as_deref(), Some("999"));
    let doc = source_document();
    for n in ["01582 547653", "0300 300 8123", "999", "childrenmissing@luton.gov.uk", "AttendanceSupport.Team@Luton.gov.uk"] {
        assert!(doc.contains(n), "{n} not in the document");
    }
}

#[test]
fn every_specific_risk_has_a_pathway() {
    let r = rules();
    let ids: Vec<&str> = r.pathways.iter().map(|p| p.id.as_str()).collect();
    for want in [
        "fgm",
        "forced_marriage",
        "radicalisation",
        "exploitation",
        "private_fostering",
        "missing",
        "cme",
        "young_carer",
        "send",
        "youth_justice",
        "exclusion",
        "attendance",
        "neglect",
    ] {
        assert!(ids.contains(&want), "no pathway '{want}' (have {ids:?})");
    }
}

#[test]
fn the_five_consent_exceptions_are_all_there() {
    let r = rules();
    let ids: Vec<&str> = r.consent.exception.iter().map(|e| e.id.as_str()).collect();
    // The document's five, in its order, then the two it states elsewhere ("These include…").
    assert_eq!(ids, ["forced_marriage_or_removal", "fgm_hba_faith", "sexual_abuse_disclosure", "fii", "immediate_risk", "significant_risk", "lawful_basis"]);
}

/// The browser decodes the rule set build.rs compiled; it must be the TOML rule set exactly.
#[test]
fn the_compiled_rule_set_is_the_toml_rule_set() {
    let compiled = rules();
    // The browser's form leaves out the fields the widget never shows (Files::for_browser).
    let sources = threshold_guide::engine::default_sources();
    let files = threshold_guide::engine::load::check(&sources).expect("valid").for_browser();
    let toml = threshold_guide::engine::load::assemble(files, sources.content_hash());
    assert_eq!(compiled.meta.hash, toml.meta.hash);
    let ids = |r: &threshold_guide::engine::RuleSet| {
        (
            r.indicators.iter().map(|i| (i.id.as_str().to_string(), i.text.clone(), i.category.clone(), i.domain.clone())).collect::<Vec<_>>(),
            r.questions.iter().map(|q| (q.id.as_str().to_string(), q.question.clone(), format!("{:?}", q.applies_if))).collect::<Vec<_>>(),
            r.pathways.iter().map(|p| (p.id.as_str().to_string(), format!("{:?}", p.when), p.action.len())).collect::<Vec<_>>(),
            r.indicator_place.clone(),
        )
    };
    assert_eq!(ids(&compiled), ids(&toml));
    // And they decide every golden case the same way (the golden suite runs on the compiled one).
    let case = threshold_guide::engine::Case { indicators: vec!["fh.learning.1".into()], answers: [("risk_fgm".to_string(), "yes".to_string())].into() };
    let now = at("2026-11-20T16:20:00Z");
    assert_eq!(compiled.assess(&case, now).unwrap(), toml.assess(&case, now).unwrap());
    let everything = toml.case_with_everything();
    assert_eq!(compiled.assess(&everything, now).unwrap(), toml.assess(&everything, now).unwrap());
}

/// One predicate says which categories are referral levels (a referral to the MASH is the
/// route): Family Help and Statutory Intervention, not Universal or Emerging Needs. The
/// journey's decision-not-to-refer page, the summary's consent check and the rule set agree.
#[test]
fn referral_levels_are_family_help_and_above() {
    let r = rules();
    let levels: Vec<&str> = (0..r.categories.len()).filter(|&i| r.is_referral_level(i)).map(|i| r.categories[i].id.as_str()).collect();
    assert_eq!(levels, ["family_help", "statutory_intervention"]);
    assert!(!r.is_referral_level(99));
}
