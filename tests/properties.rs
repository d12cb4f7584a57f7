//! Properties that must hold for every case, not just the golden ones.
#![cfg(not(target_arch = "wasm32"))]
mod common;
use proptest::prelude::*;
use std::sync::OnceLock;
use threshold_guide::engine::model::Kind;
use threshold_guide::engine::{Case, Instant, RuleSet};

fn rules() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(common::rules)
}

/// The fixture editions (tests/common): renamed and re-cut categories, superseded, one with
/// office hours and an out-of-hours number, one with neither.
fn editions() -> &'static [RuleSet; 2] {
    static R: OnceLock<[RuleSet; 2]> = OnceLock::new();
    R.get_or_init(|| {
        let e = common::Edition { recut: true, superseded: true, ..Default::default() };
        [common::fixture(e), common::fixture(common::Edition { without_hours: true, ..e })]
    })
}

/// Any valid answer for any question, any subset of indicators, any instant 2025–2027.
fn any_case() -> impl Strategy<Value = (Case, Instant)> {
    any_case_in(rules())
}

/// The same, in any fixture edition (by its index in `editions()`).
fn any_edition_case() -> impl Strategy<Value = (usize, Case, Instant)> {
    (0..2usize).prop_flat_map(|e| any_case_in(&editions()[e]).prop_map(move |(c, t)| (e, c, t)))
}

fn any_case_in(r: &'static RuleSet) -> impl Strategy<Value = (Case, Instant)> {
    let n = r.indicators.len();
    let questions: Vec<(String, Vec<String>)> = r
        .questions
        .iter()
        .map(|q| {
            let values = match q.kind {
                Kind::YesNo => vec!["yes".into(), "no".into()],
                Kind::YesNoUnsure => vec!["yes".into(), "no".into(), "unsure".into()],
                Kind::Choice => q.options.iter().map(|o| o.id.clone()).collect(),
                Kind::Text => vec!["".into(), "Seen by the school nurse".into()],
            };
            (q.id.as_str().to_string(), values)
        })
        .collect();
    let answers = proptest::collection::vec(proptest::option::of(0usize..8), questions.len()).prop_map(move |picks| {
        questions.iter().zip(picks).filter_map(|((id, values), pick)| pick.map(|p| (id.clone(), values[p % values.len()].clone()))).collect()
    });
    let indicators =
        proptest::collection::btree_set(0..n, 0..12).prop_map(move |set| set.into_iter().map(|i| r.indicators[i].id.as_str().to_string()).collect::<Vec<_>>());
    (indicators, answers, 1_735_689_600i64..1_830_297_600).prop_map(|(indicators, answers, t)| (Case { indicators, answers }, Instant(t)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn adding_an_indicator_never_lowers_the_category((case, now) in any_case(), extra in 0usize..239) {
        let r = rules();
        let before = r.assess(&case, now).unwrap();
        let mut more = case.clone();
        more.indicators.push(r.indicators[extra % r.indicators.len()].id.as_str().to_string());
        let after = r.assess(&more, now).unwrap();
        prop_assert!(r.category_rank(after.category.id) >= r.category_rank(before.category.id),
            "{} -> {} after adding {}", before.category.id, after.category.id, more.indicators.last().unwrap());
    }

    #[test]
    fn immediate_danger_always_gives_999_first((mut case, now) in any_case()) {
        case.answers.insert("immediate_danger".into(), "yes".into());
        let out = rules().assess(&case, now).unwrap();
        prop_assert_eq!(out.urgent[0].contact, Some("police"));
        prop_assert!(out.urgent[0].text.contains("999"));
        prop_assert_eq!(out.category.id, "statutory_intervention");
        prop_assert!(out.warnings.iter().all(|w| !w.contains("999")));
    }

    #[test]
    fn the_outcome_never_depends_on_selection_order((case, now) in any_case(), seed in any::<u64>()) {
        let r = rules();
        let mut shuffled = case.clone();
        // A deterministic shuffle from the seed.
        let len = shuffled.indicators.len();
        for i in (1..len).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) >> 33) as usize % (i + 1);
            shuffled.indicators.swap(i, j);
        }
        shuffled.indicators.reverse();
        prop_assert_eq!(r.assess(&case, now).unwrap(), r.assess(&shuffled, now).unwrap());
    }

    #[test]
    fn answers_to_questions_that_do_not_apply_change_nothing((case, now) in any_case()) {
        let r = rules();
        let selected = r.resolve(&case).unwrap();
        let applicable = r.applicable_questions(&case, &selected);
        let mut trimmed = case.clone();
        trimmed.answers.retain(|q, _| applicable.iter().any(|&i| r.questions[i].id.as_str() == q));
        prop_assert_eq!(r.assess(&case, now).unwrap(), r.assess(&trimmed, now).unwrap());
    }

    #[test]
    fn interpretation_rules_never_change_the_category((case, now) in any_case()) {
        // The same rule set with every interpretation rule removed decides the same way:
        // interpretation only adds notes. And nothing lowers the category below any selected
        // indicator's.
        static WITHOUT: OnceLock<RuleSet> = OnceLock::new();
        let without = WITHOUT.get_or_init(|| {
            let mut r = rules().clone();
            r.interpretations.clear();
            r
        });
        let r = rules();
        let with = r.assess(&case, now).unwrap();
        let bare = without.assess(&case, now).unwrap();
        prop_assert_eq!(&with.category, &bare.category);
        prop_assert_eq!(&with.urgent, &bare.urgent);
        prop_assert_eq!(&with.actions, &bare.actions);
        let rank = r.category_rank(with.category.id).unwrap();
        let selected = r.resolve(&case).unwrap();
        prop_assert!(selected.iter().all(|&i| r.indicator_place[i].category <= rank));
        if rank > 0 { prop_assert!(!with.because.is_empty()); }
    }

    #[test]
    fn every_outcome_says_who_to_call_and_when((case, now) in any_case()) {
        let r = rules();
        let out = r.assess(&case, now).unwrap();
        prop_assert!(out.contact.id == "mash" || out.contact.id == "edt");
        prop_assert!(!out.contact.phone.is_empty());
        prop_assert_eq!(out.contact.mash_open, r.mash_open(now));
        // The EDT only out of hours and only when something is urgent.
        prop_assert_eq!(out.contact.id == "edt", !out.contact.mash_open && out.contact.urgent);
        prop_assert_eq!(out.contact.urgent, !out.urgent.is_empty());
        prop_assert_eq!(out.contact.next_open.is_some(), !out.contact.mash_open);
        let unfilled = out.urgent.iter().chain(&out.actions).any(|a| a.text.contains("{next_open}"));
        prop_assert!(!unfilled, "a placeholder was left in an action");
    }

    /// In another edition, with or without office hours, nothing panics, 999 stays first, and
    /// who to contact now is a number of the edition's own, with its words saying so where it
    /// gives no hours: never another edition's number.
    #[test]
    fn an_edition_gives_only_what_it_gives((e, case, now) in any_edition_case()) {
        let r = &editions()[e];
        let out = r.assess(&case, now).unwrap();
        prop_assert!(!out.contact.why.is_empty());
        prop_assert_eq!(Some(out.contact.phone), r.contact(out.contact.id).unwrap().phone.as_deref());
        prop_assert_eq!(out.contact.next_open.is_some(), !out.contact.mash_open);
        if r.contact("mash").unwrap().hours.is_empty() {
            prop_assert!(out.contact.mash_open && out.contact.id == "mash");
            prop_assert!(out.contact.why.starts_with("This edition gives no office hours"));
        }
        if case.answers.get("immediate_danger").map(String::as_str) == Some("yes") {
            prop_assert_eq!(out.urgent[0].contact, Some("police"));
        }
        let mut j = threshold_guide::journey::Journey::new(std::rc::Rc::new(r.clone()));
        for (q, v) in &case.answers {
            j.apply(threshold_guide::journey::Action::Answer { question: q.clone(), value: v.clone() });
        }
        for i in &case.indicators {
            j.apply(threshold_guide::journey::Action::ToggleIndicator(i.clone()));
        }
        j.apply(threshold_guide::journey::Action::SetJudgement(Some(out.category.id.to_string())));
        let texts = [
            serde_json::to_string(&out).unwrap(),
            threshold_guide::summary::as_text(&j, &out, now),
            threshold_guide::summary::sending(&j, &out, now),
            threshold_guide::summary::decision_note(&j, &out, now),
            threshold_guide::summary::consultation_summary(&j, &out),
            format!("{:?}", threshold_guide::summary::quality_check(&j, &out)),
        ];
        // The edition without an out-of-hours contact never gives the current one's.
        for t in texts.iter().filter(|_| r.contact("edt").is_none()) {
            prop_assert!(!t.contains(common::EDT_PHONE), "another edition's number in {}", t);
        }
    }

    // The contradiction properties: every line shown applies to this case at this moment.

    /// (a) MASH closed: no urgent action gives the MASH's number; MASH open: none gives the EDT's.
    #[test]
    fn urgent_actions_fit_office_hours((case, now) in any_case()) {
        let r = rules();
        let out = r.assess(&case, now).unwrap();
        let (mash, edt) = (r.contact("mash").unwrap().phone.as_deref().unwrap(), r.contact("edt").unwrap().phone.as_deref().unwrap());
        for a in &out.urgent {
            if out.contact.mash_open {
                prop_assert!(!a.text.contains(edt) && a.contact != Some("edt"), "MASH open, yet {}: {}", a.id, a.text);
            } else {
                prop_assert!(!a.text.contains(mash) && a.contact != Some("mash"), "MASH closed, yet {}: {}", a.id, a.text);
            }
        }
    }

    /// (b) An open case: no action asks for a new referral.
    #[test]
    fn an_open_case_gets_no_new_referral((mut case, now) in any_case()) {
        let r = rules();
        case.answers.insert("open_case".into(), "yes".into());
        let out = r.assess(&case, now).unwrap();
        prop_assert!(out.open_case);
        for a in out.urgent.iter().chain(&out.actions) {
            prop_assert!(!r.action(a.id).unwrap().new_referral, "{} asks for a new referral", a.id);
            let t = a.text.to_lowercase();
            for words in ["luton referral form", "make a referral", "make the referral", "refer the child to the mash"] {
                prop_assert!(!t.contains(words), "{} says {:?}: {}", a.id, words, a.text);
            }
        }
        prop_assert!(out.guidance.iter().all(|g| g.id != "after_referral"));
    }

    /// (c) A consent exception relied on or suggested: nothing tells the family first.
    #[test]
    fn no_telling_the_family_beside_an_exception((case, now) in any_case()) {
        let r = rules();
        let out = r.assess(&case, now).unwrap();
        if out.consent.exception.is_some() || !out.consent.suggested_exceptions.is_empty() {
            for a in out.urgent.iter().chain(&out.actions) {
                prop_assert!(!r.action(a.id).unwrap().tells_family, "{} tells the family", a.id);
                let t = a.text.to_lowercase();
                prop_assert!(!t.contains("talk to the family and tell them") && !t.contains("discuss the referral with the family,"), "{}: {}", a.id, a.text);
            }
            prop_assert!(out.consent.warnings.iter().all(|w| w.id != "referral_form_consent_section"));
        }
    }

    /// (d) Every attachment belongs to an action that is shown.
    #[test]
    fn every_attachment_belongs_to_a_shown_action((case, now) in any_case()) {
        let out = rules().assess(&case, now).unwrap();
        for a in &out.attach {
            prop_assert!(out.urgent.iter().chain(&out.actions).any(|x| x.attach == Some(*a)), "{a} has no action");
        }
        let taf = "Minutes of the Team Around the Family (TAF) meetings already held";
        if out.attach.contains(&taf) {
            prop_assert!(matches!(case.answers.get("previous_support").map(String::as_str), Some("single_agency_taf" | "la_taf")));
        }
    }

    /// (e) No two urgent actions ask for the same call.
    #[test]
    fn no_call_is_asked_for_twice((case, now) in any_case()) {
        let r = rules();
        let out = r.assess(&case, now).unwrap();
        let numbers: Vec<&str> = out.urgent.iter().filter_map(|a| a.contact).filter_map(|c| r.contact(c)?.phone.as_deref()).collect();
        let mut unique = numbers.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), numbers.len(), "urgent calls: {:?}", out.urgent.iter().map(|a| a.id).collect::<Vec<_>>());
    }

    /// (f) The same case at the same instant gives the same outcome wherever it is assessed:
    /// the journey (which the outcome page and the summary render) builds the same case as the
    /// case file, and assessing it again gives the same text.
    #[test]
    fn the_journey_assesses_the_case_file_exactly((case, now) in any_case()) {
        let r = std::rc::Rc::new(rules().clone());
        let mut j = threshold_guide::journey::Journey::new(r.clone());
        for i in &case.indicators {
            j.apply(threshold_guide::journey::Action::ToggleIndicator(i.clone()));
        }
        for (q, v) in &case.answers {
            j.apply(threshold_guide::journey::Action::Answer { question: q.clone(), value: v.clone() });
        }
        let mut file_case = case.clone();
        file_case.answers.retain(|_, v| !v.trim().is_empty());
        let from_file = serde_json::to_value(r.assess(&file_case, now).unwrap()).unwrap();
        let from_journey = serde_json::to_value(r.assess(&j.case(), now).unwrap()).unwrap();
        prop_assert_eq!(&from_file, &from_journey);
        prop_assert_eq!(from_file, serde_json::to_value(r.assess(&j.case(), now).unwrap()).unwrap());
    }
}

/// (f) The CLI prints exactly what the engine returns, for a few random cases (a process each).
#[test]
fn the_cli_prints_the_engines_outcome() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    // The CLI reads the TOML rule set (the widget's compiled form leaves out sources it never shows).
    let toml = threshold_guide::engine::load(&threshold_guide::engine::default_sources()).unwrap();
    let dir = std::env::temp_dir().join(format!("threshold-prop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for n in 0..12 {
        let (case, now) = any_case().new_tree(&mut runner).unwrap().current();
        let (y, mo, d) = threshold_guide::engine::clock::civil_from_days(now.0.div_euclid(86_400));
        let secs = now.0.rem_euclid(86_400);
        let stamp = format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs / 60 % 60, secs % 60);
        let file = dir.join(format!("case{n}.json"));
        std::fs::write(&file, serde_json::json!({ "indicators": case.indicators, "answers": case.answers, "now": stamp }).to_string()).unwrap();
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_threshold")).args(["assess", file.to_str().unwrap()]).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let printed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(printed, serde_json::to_value(toml.assess(&case, now).unwrap()).unwrap(), "case {n}");
    }
    std::fs::remove_dir_all(dir).ok();
}
