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

/// Any valid answer for any question, any subset of indicators, any instant 2025–2027.
fn any_case() -> impl Strategy<Value = (Case, Instant)> {
    let r = rules();
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
            (q.id.get_ref().clone(), values)
        })
        .collect();
    let answers = proptest::collection::vec(proptest::option::of(0usize..8), questions.len()).prop_map(move |picks| {
        questions
            .iter()
            .zip(picks)
            .filter_map(|((id, values), pick)| pick.map(|p| (id.clone(), values[p % values.len()].clone())))
            .collect()
    });
    let indicators = proptest::collection::btree_set(0..n, 0..12)
        .prop_map(move |set| set.into_iter().map(|i| rules().indicators[i].id.get_ref().clone()).collect::<Vec<_>>());
    (indicators, answers, 1_735_689_600i64..1_830_297_600).prop_map(|(indicators, answers, t)| (Case { indicators, answers }, Instant(t)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn adding_an_indicator_never_lowers_the_category((case, now) in any_case(), extra in 0usize..239) {
        let r = rules();
        let before = r.assess(&case, now).unwrap();
        let mut more = case.clone();
        more.indicators.push(r.indicators[extra % r.indicators.len()].id.get_ref().clone());
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
        trimmed.answers.retain(|q, _| applicable.iter().any(|&i| r.questions[i].id.get_ref() == q));
        prop_assert_eq!(r.assess(&case, now).unwrap(), r.assess(&trimmed, now).unwrap());
    }

    #[test]
    fn interpretation_rules_never_change_the_category((case, now) in any_case()) {
        // The category equals the maximum of indicators, pathway floors and override categories.
        let r = rules();
        let out = r.assess(&case, now).unwrap();
        let rank = r.category_rank(out.category.id).unwrap();
        let selected = r.resolve(&case).unwrap();
        let from_indicators = selected.iter().map(|&i| r.indicator_place[i].0).max().unwrap_or(0);
        let from_reasons = out.because.iter().filter_map(|b| r.category_rank(b.category)).max().unwrap_or(0);
        prop_assert!(rank >= from_indicators);
        prop_assert_eq!(rank, from_reasons.max(from_indicators));
        if rank > 0 { prop_assert!(!out.because.is_empty()); }
    }

    #[test]
    fn every_referral_level_outcome_says_who_to_call((case, now) in any_case()) {
        let out = rules().assess(&case, now).unwrap();
        prop_assert!(out.contact.id == "mash" || out.contact.id == "edt");
        prop_assert!(!out.contact.phone.is_empty());
        prop_assert_eq!(out.contact.mash_open, out.contact.id == "mash");
    }
}
