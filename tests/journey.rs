//! The journey's reducer: every Action, and Back/Change never lose an answer.
#![cfg(not(target_arch = "wasm32"))]
mod common;
use std::rc::Rc;
use threshold_guide::journey::{Action, Journey, Purpose, Screen};

fn journey() -> Journey {
    Journey::new(Rc::new(common::rules()))
}

use common::answer;

/// Walks from Start to the Check screen with a simple Emerging Needs case.
fn walk_to_check(j: &mut Journey) {
    common::walk_to_check(j, &["en.health.1"], "Often hungry at school.");
}

#[test]
fn a_whole_journey_reaches_the_outcome() {
    let mut j = journey();
    assert_eq!(j.screen, Screen::Start);
    walk_to_check(&mut j);
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Outcome);
    assert_eq!(j.screen.step_number(), 10);
    j.apply(Action::SetJudgement(Some("family_help".into())));
    j.apply(Action::SetJudgementReason("Needs in health and learning that our support has not met.".into()));
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Summary);
    assert_eq!(j.screen.step_number(), 11);
    j.apply(Action::Back);
    assert_eq!(j.screen, Screen::Outcome);
}

#[test]
fn required_answers_block_continue_with_errors() {
    let mut j = journey();
    j.apply(Action::Next);
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Danger);
    assert_eq!(j.errors.len(), 1);
    assert_eq!(j.errors[0].question, "immediate_danger");
    assert_eq!(j.errors[0].message, "Select yes if the child is in immediate danger now");
    answer(&mut j, "immediate_danger", "no");
    assert!(j.errors.is_empty(), "answering clears that error");
}

#[test]
fn immediate_danger_shows_the_999_page_then_continues() {
    let mut j = journey();
    j.apply(Action::Next);
    answer(&mut j, "immediate_danger", "yes");
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::DangerExit);
    assert_eq!(j.screen.step_number(), 2);
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Safety, "the user may continue to draft the referral");
}

#[test]
fn open_case_routes_to_the_allocated_worker_with_the_option_to_continue() {
    let mut j = journey();
    j.apply(Action::Next);
    answer(&mut j, "immediate_danger", "no");
    j.apply(Action::Next);
    answer(&mut j, "significant_harm", "no");
    answer(&mut j, "open_case", "yes");
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::OpenCaseExit);
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Child);
}

#[test]
fn back_keeps_every_answer() {
    let mut j = journey();
    walk_to_check(&mut j);
    let answers = j.answers.clone();
    let selected = j.selected.clone();
    for _ in 0..20 {
        j.apply(Action::Back);
    }
    assert_eq!(j.screen, Screen::Start);
    assert_eq!(j.answers, answers);
    assert_eq!(j.selected, selected);
}

#[test]
fn change_returns_to_check_and_keeps_answers() {
    let mut j = journey();
    walk_to_check(&mut j);
    j.apply(Action::Change(Screen::Child));
    assert_eq!(j.screen, Screen::Child);
    assert!(j.returning_to_check);
    answer(&mut j, "child_age", "13_15");
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Check);
    assert_eq!(j.answer("child_age"), Some("13_15"));
    assert_eq!(j.answer("factor_worries"), Some("Often hungry at school."));
    // Back from Check after a Change goes to the changed screen.
    j.apply(Action::Back);
    assert_eq!(j.screen, Screen::Child);
}

#[test]
fn change_to_immediate_danger_yes_still_shows_the_999_page() {
    let mut j = journey();
    walk_to_check(&mut j);
    j.apply(Action::Change(Screen::Danger));
    answer(&mut j, "immediate_danger", "yes");
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::DangerExit);
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Check);
}

#[test]
fn a_question_that_stops_applying_keeps_its_answer() {
    let mut j = journey();
    answer(&mut j, "consent_parents", "not_sought");
    answer(&mut j, "consent_reason", "Forced marriage suspected.");
    answer(&mut j, "consent_parents", "given");
    assert!(!j.questions_on(Screen::Consent).iter().any(|&i| j.rules.questions[i].id.as_str() == "consent_reason"));
    answer(&mut j, "consent_parents", "not_sought");
    assert_eq!(j.answer("consent_reason"), Some("Forced marriage suspected."));
}

#[test]
fn consent_not_sought_requires_exception_and_reason() {
    let mut j = journey();
    walk_to_check(&mut j);
    j.apply(Action::Change(Screen::Consent));
    answer(&mut j, "consent_parents", "not_sought");
    j.apply(Action::Next);
    let missing: Vec<&str> = j.errors.iter().map(|e| e.question.as_str()).collect();
    assert_eq!(missing, ["consent_exception", "consent_reason"]);
    assert_eq!(j.screen, Screen::Consent);
}

#[test]
fn invalid_answers_and_unknown_indicators_are_ignored() {
    let mut j = journey();
    answer(&mut j, "immediate_danger", "maybe");
    answer(&mut j, "no_such_question", "yes");
    answer(&mut j, "child_age", "99");
    assert!(j.answers.is_empty());
    j.apply(Action::ToggleIndicator("not.an.indicator".into()));
    assert!(j.selected.is_empty());
    j.apply(Action::OpenDomain("nowhere".into()));
    assert_eq!(j.domain, "health");
    j.apply(Action::SetJudgement(Some("level_5".into())));
    assert_eq!(j.judgement, None);
}

#[test]
fn toggle_search_domain_judgement_and_restart() {
    let mut j = journey();
    j.apply(Action::ToggleIndicator("en.health.1".into()));
    j.apply(Action::ToggleIndicator("en.health.2".into()));
    j.apply(Action::ToggleIndicator("en.health.1".into()));
    assert_eq!(j.selected.iter().cloned().collect::<Vec<_>>(), ["en.health.2"]);
    assert_eq!(j.selected_in_domain("health"), 1);

    j.apply(Action::Search("IMMUNISATIONS missing".into()));
    let hits: Vec<&str> = j.search_results().iter().map(|&i| j.rules.indicators[i].id.as_str()).collect();
    assert!(hits.contains(&"en.health.1"), "{hits:?}");
    j.apply(Action::Search("   ".into()));
    assert!(j.search_results().is_empty());
    j.apply(Action::Search("a".into()));
    assert!(j.search_results().is_empty(), "one letter does not search");
    // Words are matched at their start: "he" finds "health" but not every "the".
    j.apply(Action::Search("He".into()));
    let hits = j.search_results();
    assert!(!hits.is_empty());
    for &i in &hits {
        let text = j.rules.indicators[i].text.to_ascii_lowercase();
        assert!(text.starts_with("he") || text.contains(" he") || text.contains("-he") || text.contains("(he") || text.contains("/he"), "{text}");
    }
    let with_the = j.rules.indicators.iter().filter(|x| x.text.to_ascii_lowercase().contains("the")).count();
    assert!(hits.len() < with_the, "{} results for 'he'; {with_the} texts contain 'the'", hits.len());

    j.apply(Action::OpenDomain("learning".into()));
    assert_eq!(j.domain, "learning");
    j.apply(Action::SetJudgement(Some("family_help".into())));
    j.apply(Action::SetJudgementReason("Known to us for two years.".into()));
    assert_eq!(j.judgement.as_deref(), Some("family_help"));
    assert!(j.has_answers());

    j.apply(Action::Restart);
    assert_eq!(j, Journey::new(j.rules.clone()));
    assert!(!j.has_answers());
}

/// The professional's judgement is never answered for them: Continue on the outcome asks for
/// it, and for a reason when it differs from the suggestion (here Emerging Needs).
#[test]
fn the_judgement_is_a_required_choice_with_no_default() {
    let mut j = journey();
    walk_to_check(&mut j);
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Outcome);
    assert_eq!(j.judgement, None, "nothing chosen for them");
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Outcome);
    let errors: Vec<(&str, &str)> = j.errors.iter().map(|e| (e.question.as_str(), e.message.as_str())).collect();
    assert_eq!(errors, [("judgement", "Select your professional judgement of the level of need")]);

    j.apply(Action::SetJudgement(Some("statutory_intervention".into())));
    assert!(j.errors.is_empty(), "choosing clears the error");
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Outcome, "a judgement that differs needs a reason");
    assert_eq!(j.errors[0].question, "judgement-reason");
    assert_eq!(j.errors[0].message, "Enter the reason for your judgement");
    j.apply(Action::SetJudgementReason("   ".into()));
    assert!(j.errors.is_empty(), "typing clears the error");
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Outcome, "white space is not a reason");

    // Agreeing with the suggestion needs no reason.
    j.apply(Action::SetJudgement(Some("emerging_needs".into())));
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Summary, "errors: {:?}", j.errors);
}

/// What the summary page is for, and its heading.
#[test]
fn the_summary_is_a_referral_a_decision_not_to_refer_or_information_for_the_allocated_worker() {
    let mut j = journey();
    j.screen = Screen::Summary;
    assert_eq!((j.purpose(), j.heading()), (Purpose::Referral, "Your referral summary"), "no judgement yet");
    for (judgement, purpose) in [
        ("universal", Purpose::NotReferring),
        ("emerging_needs", Purpose::NotReferring),
        ("family_help", Purpose::Referral),
        ("statutory_intervention", Purpose::Referral),
    ] {
        j.apply(Action::SetJudgement(Some(judgement.into())));
        assert_eq!(j.purpose(), purpose, "{judgement}");
    }
    j.apply(Action::SetJudgement(Some("universal".into())));
    assert_eq!(j.heading(), "Your decision not to refer");
    answer(&mut j, "open_case", "yes");
    assert_eq!((j.purpose(), j.heading()), (Purpose::OpenCase, "Information for the allocated social worker"), "an open case is never a referral");
    answer(&mut j, "open_case", "unsure");
    assert_eq!(j.purpose(), Purpose::NotReferring);
    j.screen = Screen::Outcome;
    assert_eq!(j.heading(), "What to do now", "other screens keep their titles");
}

#[test]
fn each_screen_asks_only_its_own_questions() {
    let j = journey();
    let ids = |s| j.questions_on(s).iter().map(|&i| j.rules.questions[i].id.as_str().to_string()).collect::<Vec<_>>();
    assert_eq!(ids(Screen::Danger), ["immediate_danger"]);
    assert_eq!(ids(Screen::Safety), ["significant_harm", "open_case"]);
    assert!(ids(Screen::Risks).contains(&"risk_fgm".to_string()));
    assert!(!ids(Screen::Risks).contains(&"fgm_disclosed_or_observed".to_string()), "follow-up only when relevant");
    assert_eq!(ids(Screen::Consent), ["consent_parents", "info_sharing_decision"]);
    assert!(ids(Screen::Indicators).is_empty());
}

/// The questions added for the summary appear only where they apply.
#[test]
fn safety_now_phone_call_travel_and_a_young_childs_voice_are_asked_where_they_apply() {
    let mut j = journey();
    let ids = |j: &Journey, s| j.questions_on(s).iter().map(|&i| j.rules.questions[i].id.as_str().to_string()).collect::<Vec<_>>();
    answer(&mut j, "significant_harm", "unsure");
    assert_eq!(
        ids(&j, Screen::Safety),
        ["significant_harm", "open_case", "safety_where", "safety_carer", "safety_tonight", "safety_police_ref", "phoned"],
        "safety now, when harm is possible"
    );
    answer(&mut j, "phoned", "edt");
    assert!(ids(&j, Screen::Safety).ends_with(&["phoned".to_string(), "phoned_at".to_string()]));
    answer(&mut j, "child_age", "0_4");
    assert!(ids(&j, Screen::Checklist).contains(&"child_observed".to_string()), "what was seen of a young child");
    answer(&mut j, "child_age", "5_12");
    assert!(!ids(&j, Screen::Checklist).contains(&"child_observed".to_string()));
    assert!(!ids(&j, Screen::Risks).contains(&"risk_travel_date".to_string()));
    answer(&mut j, "risk_forced_marriage", "unsure");
    assert!(ids(&j, Screen::Risks).contains(&"risk_travel_date".to_string()), "a travel date when forced marriage or FGM is a worry");
}

#[test]
fn the_case_drops_empty_text_answers() {
    let mut j = journey();
    answer(&mut j, "factor_worries", "   ");
    answer(&mut j, "immediate_danger", "no");
    let case = j.case();
    assert!(!case.answers.contains_key("factor_worries"));
    assert_eq!(case.answers["immediate_danger"], "no");
}

#[test]
fn each_screen_is_named_as_its_variant() {
    for s in Screen::ALL {
        assert_eq!(s.name(), format!("{s:?}"));
    }
}
