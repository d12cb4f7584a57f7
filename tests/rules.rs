//! The rule sets: every folder in `rules/` valid, complete against its hand count, and
//! faithful to its own document word for word where it quotes it; then what is particular to
//! the default (rules/luton) and to the 2021 edition (rules/luton-2021).
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

// ===== Every rule set in rules/ =====
// Each check below runs for every folder under `rules/` (common::rule_set_dirs): valid, as
// many indicators as its hand count, and every quote, definition and indicator verbatim in
// that rule set's own `source_file`.

/// Each rule set loads, names a seed that exists, and says which edition it is.
#[test]
fn every_rule_set_is_valid() {
    let dirs = rule_set_dirs();
    assert!(dirs.len() >= 2, "expected the current edition and at least one other: {dirs:?}");
    for (name, dir) in &dirs {
        let r = load_rule_set(dir);
        assert_eq!(r.meta.hash.len(), 64, "{name}");
        assert!(!r.meta.edition.trim().is_empty(), "{name}: no edition");
        assert!(!seed(&r.meta.source_file).is_empty(), "{name}: empty source file");
    }
}

/// The hand count in `indicator-counts.toml`, read here on its own (not through the engine's
/// check), against the indicators per category and domain, per category and in all.
#[test]
fn every_rule_set_matches_its_hand_count() {
    for (name, dir) in rule_set_dirs() {
        let r = load_rule_set(&dir);
        let path = dir.join("indicator-counts.toml");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: every rule set has a hand count: {}: {e}", path.display()));
        let mut hand: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut section = String::new();
        for line in text.lines().map(|l| l.split('#').next().unwrap().trim()).filter(|l| !l.is_empty()) {
            if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = s.to_string();
            } else {
                let (key, n) = line.split_once('=').unwrap_or_else(|| panic!("{name}: bad line in the hand count: {line}"));
                hand.insert((section.clone(), key.trim().to_string()), n.trim().parse().unwrap_or_else(|_| panic!("{name}: not a number: {line}")));
            }
        }
        let mut have: BTreeMap<(String, String), usize> = BTreeMap::new();
        for i in &r.indicators {
            *have.entry((i.category.clone(), i.domain.clone())).or_default() += 1;
            *have.entry(("totals".into(), i.category.clone())).or_default() += 1;
        }
        have.insert(("totals".into(), "all".into()), r.indicators.len());
        let by_domain =
            |m: &BTreeMap<(String, String), usize>| m.iter().filter(|((s, _), _)| s != "totals").map(|(k, &v)| (k.clone(), v)).collect::<BTreeMap<_, _>>();
        assert_eq!(by_domain(&have), by_domain(&hand), "{name}: indicators per category and domain against the hand count");
        for (key, n) in hand.iter().filter(|((s, _), _)| s == "totals") {
            assert_eq!(have.get(key), Some(n), "{name}: total {key:?}");
        }
        assert!(hand.contains_key(&("totals".to_string(), "all".to_string())), "{name}: the hand count gives the total of all indicators");
        for c in &r.categories {
            assert!(hand.contains_key(&("totals".to_string(), c.id.as_str().to_string())), "{name}: the hand count gives the total for {}", c.id.as_str());
        }
    }
}

#[test]
fn every_rule_sets_indicators_are_verbatim_from_its_document() {
    for (name, dir) in rule_set_dirs() {
        let r = load_rule_set(&dir);
        let doc = flatten(&document(&r.meta.source_file));
        let missing: Vec<String> = r.indicators.iter().filter(|i| !doc.contains(&flatten(&i.text))).map(|i| format!("{}: {}", i.id.as_str(), i.text)).collect();
        assert!(missing.is_empty(), "{name}: not found verbatim in {}:\n{}", r.meta.source_file, missing.join("\n"));
    }
}

#[test]
fn every_rule_sets_quotes_and_definitions_are_verbatim_from_its_document() {
    for (name, dir) in rule_set_dirs() {
        let r = load_rule_set(&dir);
        let doc = flatten(&document(&r.meta.source_file));
        let mut quotes: Vec<(String, &str)> = Vec::new();
        for c in &r.categories {
            // The table's cells are flattened in the extraction; each listed line is verbatim.
            for line in c.definition.lines().chain(c.action.lines()).chain(c.assessment.iter().flat_map(|a| a.lines())) {
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
            let other = g.source_file.as_deref().map(|f| flatten(&document(f)));
            for p in &g.points {
                if !other.as_ref().unwrap_or(&doc).contains(&flatten(p)) {
                    missing.push(format!("guidance {}: {p}", g.id.as_str()));
                }
            }
        }
        assert!(missing.is_empty(), "{name}: quotes not found verbatim in {}:\n{}", r.meta.source_file, missing.join("\n"));
    }
}

/// Every consent rule is shown in at least one golden case of its own rule set (tests/cases
/// for rules/luton, tests/cases-<folder> for the others): the file holds no dead data.
#[test]
fn every_consent_rule_is_shown_in_a_golden_case() {
    for (name, dir) in rule_set_dirs() {
        let r = load_rule_set(&dir);
        let cases = cases_dir(&name);
        let mut shown = std::collections::BTreeSet::new();
        let entries = std::fs::read_dir(&cases).unwrap_or_else(|e| panic!("{name}: every rule set has golden cases in {}: {e}", cases.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let input: threshold_guide::engine::CaseInput = serde_json::from_value(v["case"].clone()).unwrap();
            let (case, now) = input.split().unwrap();
            // Counted only where the golden case itself pins the consent guidance.
            if v["expect"]["consent_warnings"].is_array() {
                shown.extend(r.assess(&case, now).unwrap().consent.warnings.iter().map(|w| w.id.to_string()));
            }
        }
        let unseen: Vec<&str> = r.consent.rule.iter().map(|x| x.id.as_str()).filter(|id| !shown.contains(*id)).collect();
        assert!(unseen.is_empty(), "{name}: consent rules no golden case shows: {unseen:?}");
    }
}

/// A superseded edition names a current one that exists in rules/ and is not itself superseded.
#[test]
fn superseded_editions_point_to_a_current_one() {
    let files = |dir: &std::path::Path| {
        let sources = threshold_guide::engine::read_folder(dir).unwrap();
        threshold_guide::engine::load::check(&sources).unwrap_or_else(|e| panic!("{}: {e:?}", dir.display())).ruleset
    };
    let dirs = rule_set_dirs();
    let mut superseded = 0;
    for (name, dir) in &dirs {
        let r = files(dir);
        let Some(s) = &r.superseded_by else { continue };
        superseded += 1;
        let (_, current) = dirs.iter().find(|(n, _)| *n == s.id).unwrap_or_else(|| panic!("{name}: superseded by '{}', which is not a folder in rules/", s.id));
        let current = files(current);
        assert!(current.superseded_by.is_none(), "{name}: superseded by '{}', which is itself superseded", s.id);
        assert_eq!(s.title, current.title, "{name}: superseded_by.title is not the current edition's title");
    }
    assert_eq!(superseded, dirs.len() - 1, "every edition but the default is superseded by it");
}

#[test]
fn the_default_rule_set_says_enough_around_a_referral() {
    let r = rules();
    assert!(r.guidance.len() >= 8 && r.guidance.iter().map(|g| g.points.len()).sum::<usize>() >= 40);
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

// ===== The 2021 edition (rules/luton-2021) =====

fn edition_2021() -> threshold_guide::engine::RuleSet {
    load_rule_set(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/luton-2021"))
}

#[test]
fn the_2021_edition_has_its_own_four_categories() {
    let r = edition_2021();
    assert_eq!(r.meta.source_file, "000_f8f2979e09ac62a5.txt");
    let ids: Vec<&str> = r.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["universal", "additional", "intensive", "specialist"]);
    let names: Vec<&str> = r.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Universal", "Additional", "Intensive", "Specialist"]);
    let levels: Vec<&str> = (0..r.categories.len()).filter(|&i| r.is_referral_level(i)).map(|i| r.categories[i].id.as_str()).collect();
    assert_eq!(levels, ["intensive", "specialist"], "\"Access requires a referral form\" at Intensive and Specialist");
}

/// Counted by hand from 000_f8f2979e09ac62a5.txt, "Indicators of possible need", and the
/// criteria in the Needs column of "Categories of need and help".
#[test]
fn the_2021_indicators_match_the_hand_count() {
    let r = edition_2021();
    let count = |cat: &str, of_possible_need: bool| r.indicators.iter().filter(|i| i.category == cat && (i.domain != "definition") == of_possible_need).count();
    let possible_need: Vec<usize> = ["universal", "additional", "intensive", "specialist"].iter().map(|c| count(c, true)).collect();
    assert_eq!(possible_need, [35, 81, 47, 64]);
    let needs_cell: Vec<usize> = ["universal", "additional", "intensive", "specialist"].iter().map(|c| count(c, false)).collect();
    assert_eq!(needs_cell, [0, 0, 5, 8]);
    assert_eq!(r.indicators.len(), 240);
    let domain = |cat: &str, d: &str| r.indicators.iter().filter(|i| i.category == cat && i.domain == d).count();
    assert_eq!(domain("additional", "identity_self_esteem"), 8);
    assert_eq!(domain("additional", "housing_work_income"), 10);
    assert_eq!(domain("intensive", "behavioural_development"), 8);
    assert_eq!(domain("specialist", "health"), 15);
    assert_eq!(domain("specialist", "other"), 6);
    assert_eq!(domain("specialist", "basic_care_safety"), 12);
}

/// The 2021 edition gives the MASH's number and no office hours, no out-of-hours service and
/// no bank holidays: none is borrowed from the current edition.
#[test]
fn the_2021_edition_borrows_no_contact_from_the_current_one() {
    let r = edition_2021();
    let mash = r.contact("mash").unwrap();
    assert_eq!(mash.phone.as_deref(), Some("01582 547653"));
    assert!(mash.hours.is_empty() && !mash.closed_on_bank_holidays, "the 2021 edition states no office hours");
    assert!(r.contact("edt").is_none(), "the 2021 edition has no Emergency Duty Team");
    assert!(r.contacts.bank_holidays.dates.is_empty() && r.contacts.bank_holidays.valid_until.is_empty(), "no bank-holiday list");
    assert!(seed("000_f8f2979e09ac62a5.txt").contains("01582 547653"));
    assert!(!seed("000_f8f2979e09ac62a5.txt").contains("0300 300 8123"));
}

/// Nothing the 2021 rule set shows names the current edition's categories, services, hours or
/// out-of-hours number (comments may, to say what is left out).
#[test]
fn the_2021_edition_says_nothing_of_the_current_one() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/luton-2021");
    let doc = seed("000_f8f2979e09ac62a5.txt");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim_start().starts_with('#')) {
            for word in [
                "Family Help",
                "Emerging Needs",
                "Statutory Intervention",
                "Emergency Duty",
                "EDT",
                "0300 300 8123",
                "08:45",
                "17:15",
                "bank holiday",
                "Family Hub",
                "Team Around the Family",
                "Youth Partnership Service",
            ] {
                if line.contains(word) && !doc.contains(word) {
                    found.push(format!("{}:{}: {word}: {}", path.file_name().unwrap().to_string_lossy(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "the 2021 rule set names the current edition:\n{}", found.join("\n"));
}

#[test]
fn the_2021_edition_has_its_own_specific_risks_and_consent_situations() {
    let r = edition_2021();
    let ids: Vec<&str> = r.pathways.iter().map(|p| p.id.as_str()).collect();
    for want in ["fgm", "forced_marriage", "radicalisation", "exploitation", "private_fostering", "missing", "young_carer", "send", "youth_justice"] {
        assert!(ids.contains(&want), "no pathway '{want}' (have {ids:?})");
    }
    // Sections the 2021 edition does not have.
    for absent in ["neglect", "cme", "attendance", "exclusion", "hba_faith", "fii", "sexual_abuse_disclosure"] {
        assert!(!ids.contains(&absent), "pathway '{absent}' is not in the 2021 edition");
    }
    let exceptions: Vec<&str> = r.consent.exception.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(exceptions, ["immediate_risk", "risk_would_increase", "lawful_basis"]);
}

/// Every rule set, at any hour of the week: immediate danger puts 999 first with no rule-set
/// warning, and the case with every indicator and answer is assessed. In the 2021 edition no
/// action, at any hour, names an out-of-hours number it does not have.
#[test]
fn every_rule_set_puts_999_first_at_any_hour() {
    for (name, dir) in rule_set_dirs() {
        let r = load_rule_set(&dir);
        let everything = r.case_with_everything();
        let danger = threshold_guide::engine::Case { indicators: vec![], answers: [("immediate_danger".to_string(), "yes".to_string())].into() };
        // Thursday 19 November 2026 from 00:00 GMT, every three hours for a week.
        for step in 0..56 {
            let now = threshold_guide::engine::Instant(1_795_046_400 + step * 3 * 3600);
            for case in [&everything, &danger] {
                let out = r.assess(case, now).unwrap_or_else(|e| panic!("{name}: {}", e.message));
                if case.answers.get("immediate_danger").map(String::as_str) == Some("yes") {
                    assert_eq!(out.urgent[0].contact, Some("police"), "{name}: 999 first");
                    assert!(out.warnings.is_empty(), "{name}: {:?}", out.warnings);
                }
                if name == "luton-2021" {
                    for a in out.urgent.iter().chain(&out.actions) {
                        assert!(!a.text.contains("Emergency Duty") && !a.text.contains("0300 300 8123"), "{name}: {}: {}", a.id, a.text);
                    }
                    assert!(!out.contact.why.contains("Emergency Duty"), "{name}: {}", out.contact.why);
                }
            }
        }
    }
}
