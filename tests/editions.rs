//! Editions: the code knows no edition's categories, and works with whatever rule set the
//! journey is given.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// The current edition's category ids; the test adds every other rule set's in `rules/`. None
/// of them may be written in Rust, where it would tie the engine, the journey, the summary or
/// the widget to one edition.
const CATEGORY_IDS: [&str; 4] = ["universal", "emerging_needs", "family_help", "statutory_intervention"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A category id as a string literal, or the start of one ("universal", "universal.services").
#[test]
fn no_category_id_in_rust_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "engine/src", "engine-js/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} Rust files", files.len());
    let mut ids: Vec<String> = CATEGORY_IDS.iter().map(|s| s.to_string()).collect();
    for (_, dir) in rule_set_dirs() {
        ids.extend(load_rule_set(&dir).categories.iter().map(|c| c.id.as_str().to_string()));
    }
    ids.sort();
    ids.dedup();
    assert!(ids.len() >= 7, "{ids:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // A module's unit tests (`#[cfg(test)]`, at the end of the file) may name the current
        // edition's categories: they test against it, and never run in the product.
        let product = text.split("\n#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in product.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for id in &ids {
                let quoted = format!("\"{id}");
                let hit = line.match_indices(&quoted).any(|(i, _)| !line[i + quoted.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'));
                if hit {
                    found.push(format!("{}:{}: {}", file.strip_prefix(root).unwrap().display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "category ids belong in the rule files, not in Rust:\n{}", found.join("\n"));
}

mod common;
use common::*;

#[test]
fn every_fixture_edition_loads() {
    for without_hours in [false, true] {
        for recut in [false, true] {
            for superseded in [false, true] {
                fixture(Edition { without_hours, recut, superseded });
            }
        }
    }
}

use std::rc::Rc;
use threshold_guide::engine::{Case, RuleSet};
use threshold_guide::journey::{Action, Journey, Purpose, Screen};
use threshold_guide::summary;

/// Monday 10:00 (MASH open), Monday 22:00 and Saturday noon (closed), in November (GMT).
const INSTANTS: [&str; 3] = ["2026-11-23T10:00:00Z", "2026-11-23T22:00:00Z", "2026-11-21T12:00:00Z"];

fn case(answers: &[(&str, &str)], indicators: &[&str]) -> Case {
    Case { indicators: indicators.iter().map(|s| s.to_string()).collect(), answers: answers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect() }
}

fn danger() -> Case {
    case(&[("immediate_danger", "yes")], &[])
}

fn not_urgent() -> Case {
    case(&[("immediate_danger", "no"), ("significant_harm", "no"), ("open_case", "no")], &["en.health.1"])
}

/// A journey at the summary page with these answers, and the professional's judgement.
fn at_summary(r: &RuleSet, c: &Case, judgement: &str) -> Journey {
    let mut j = Journey::new(Rc::new(r.clone()));
    for (q, v) in &c.answers {
        j.apply(Action::Answer { question: q.clone(), value: v.clone() });
    }
    for i in &c.indicators {
        j.apply(Action::ToggleIndicator(i.clone()));
    }
    j.apply(Action::SetJudgement(Some(judgement.into())));
    j.apply(Action::SetJudgementReason("Reason.".into()));
    j.screen = Screen::Summary;
    j
}

/// No office hours (and so no out-of-hours number): who to contact now is the edition's own
/// MASH number, with the rule set's words saying the edition gives no hours and naming the
/// current edition; so is what the summary says about sending it. Never another edition's
/// number; 999 stays first in immediate danger.
#[test]
fn an_edition_without_office_hours_says_so() {
    let r = fixture(Edition { without_hours: true, superseded: true, ..Edition::default() });
    assert!(r.contact("edt").is_none() && r.contact("mash").unwrap().hours.is_empty());
    let says = NO_HOURS;
    for now in INSTANTS.map(at) {
        assert!(r.mash_open(now), "nothing says it is closed");
        assert_eq!(r.next_open(now), None);
        for (c, urgent) in [(danger(), true), (not_urgent(), false)] {
            let out = r.assess(&c, now).unwrap();
            assert_eq!(out.contact.urgent, urgent);
            assert_eq!((out.contact.id, out.contact.phone), ("mash", "01582 547653"), "the edition's own number");
            assert_eq!(out.contact.why, says);
            if urgent {
                assert_eq!(out.urgent[0].contact, Some("police"), "999 first");
            }
            let j = at_summary(&r, &c, r.categories.last().unwrap().id.as_str());
            assert_eq!(j.purpose(), Purpose::Referral);
            let sending = summary::sending(&j, &out, now);
            assert_eq!(sending, if urgent { format!("Phone first: {}, {}. {says}", out.contact.name, out.contact.phone) } else { NOT_URGENT.to_string() });
            let json = serde_json::to_string(&out).unwrap();
            assert!(!json.contains(EDT_PHONE), "another edition's number in {json}");
            assert!(out.warnings.iter().all(|w| !w.contains("bank holiday")), "{:?}", out.warnings);
        }
    }
}

/// An edition with office hours needs its out-of-hours contact: outside the hours, who to
/// phone for something urgent has no other honest answer.
#[test]
fn office_hours_need_an_out_of_hours_contact() {
    let mut s = threshold_guide::engine::default_sources();
    let c = s.files.get_mut("contacts.toml").unwrap();
    *c = c.replace("id = \"edt\"", "id = \"duty_team\"");
    let errors = threshold_guide::engine::load(&s).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|x| x.message.contains("relies on contact 'edt'") && x.message.contains("an edition with office hours needs its out-of-hours contact")),
        "{errors:?}"
    );
}

/// What an edition's situation asks of its messages: a superseded edition says so
/// (`superseded`); without office hours, `mash_open` is who to contact at any time and names
/// the current edition; the messages for when the MASH is closed only where it has hours.
#[test]
fn the_messages_follow_what_an_edition_gives() {
    let sources = |e: Edition| {
        let dir = fixture_dir(e);
        let s = threshold_guide::engine::read_folder(&dir).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        s
    };
    let mut s = sources(Edition { superseded: true, ..Edition::default() });
    let g = s.files.get_mut("guidance.toml").unwrap();
    *g = g.replace("id = \"superseded\"", "id = \"unused\"");
    let errors = threshold_guide::engine::load(&s).unwrap_err();
    assert!(errors.iter().any(|x| x.message.contains("relies on message 'superseded'")), "{errors:?}");

    let mut s = sources(Edition { without_hours: true, superseded: true, ..Edition::default() });
    let g = s.files.get_mut("guidance.toml").unwrap();
    *g = g.replace(
        "no out-of-hours number: for whom to phone out of hours, use the current edition, Effective Support for Children and Families in Luton.",
        "no out-of-hours number.",
    );
    let errors = threshold_guide::engine::load(&s).unwrap_err();
    assert!(errors.iter().any(|x| x.message.contains("message 'mash_open': the MASH has no office hours")), "{errors:?}");
    let mut s = sources(Edition { superseded: true, ..Edition::default() });
    let g = s.files.get_mut("guidance.toml").unwrap();
    *g = g.replace("Use the current edition, Effective Support for Children and Families in Luton, for decisions.", "Use the current edition for decisions.");
    let errors = threshold_guide::engine::load(&s).unwrap_err();
    assert!(errors.iter().any(|x| x.message.contains("message 'superseded': it says this edition is superseded: name the current edition as superseded_by does, 'Effective Support for Children and Families in Luton'")), "{errors:?}");
    // Without hours, the messages for a closed MASH are not needed.
    let mut s = sources(Edition { without_hours: true, ..Edition::default() });
    let g = s.files.get_mut("guidance.toml").unwrap();
    for id in ["mash_closed", "mash_closed_urgent", "sending_when_open", "bank_holidays_run_out"] {
        *g = g.replace(&format!("id = \"{id}\""), &format!("id = \"unused_{id}\""));
    }
    threshold_guide::engine::load(&s).unwrap();
    // The current edition is not superseded: it needs no `superseded` message.
    let files = threshold_guide::engine::load::check(&threshold_guide::engine::default_sources()).unwrap();
    assert!(files.guidance.message.iter().all(|m| m.id.as_str() != "superseded"));
}

/// `mash_open` means nothing without office hours: the check refuses it.
#[test]
fn mash_open_needs_office_hours() {
    let dir = fixture_dir(Edition { without_hours: true, ..Edition::default() });
    let mut s = threshold_guide::engine::read_folder(&dir).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let p = s.files.get_mut("pathways.toml").unwrap();
    *p = p.replacen(
        "when = { all = [ { yes = \"young_carer_immediate\" } ] }",
        "when = { all = [ { yes = \"young_carer_immediate\" }, { mash_open = true } ] }",
        1,
    );
    let errors = threshold_guide::engine::load(&s).unwrap_err();
    assert!(errors.iter().any(|x| x.message.contains("uses mash_open, but the MASH has no office hours")), "{errors:?}");
}

/// A superseded edition says so: every outcome carries what supersedes it, and the copied
/// summary and the decision record name the edition and say it is not the current one.
#[test]
fn a_superseded_edition_is_named_in_the_outcome_and_the_copied_text() {
    let r = fixture(Edition { without_hours: true, recut: true, superseded: true });
    let now = at(INSTANTS[0]);
    let out = r.assess(&not_urgent(), now).unwrap();
    let s = out.ruleset.superseded_by.expect("superseded_by in the outcome");
    assert_eq!((s.id.as_str(), s.title.as_str()), ("luton", "Effective Support for Children and Families in Luton"));
    assert_eq!(out.ruleset.title, "Effective Support in Luton (fixture)");
    let json = serde_json::to_value(&out).unwrap();
    assert_eq!(json["ruleset"]["superseded_by"]["id"], "luton");
    let note = r.superseded_note();
    assert_eq!(
        note,
        "This edition is for reference and training. Use the current edition, Effective Support for Children and Families in Luton, for decisions."
    );

    let j = at_summary(&r, &not_urgent(), "specialist");
    let copied = summary::as_text(&j, &out, now);
    let head: Vec<&str> = copied.lines().take(4).collect();
    assert_eq!(head[2], format!("Threshold document: Effective Support in Luton (fixture), {}", r.meta.edition));
    assert_eq!(head[3], note, "the MASH reads that the edition is superseded");
    let j = at_summary(&r, &not_urgent(), "base");
    assert_eq!(j.purpose(), Purpose::NotReferring);
    let record = summary::decision_note(&j, &out, now);
    assert!(record.contains(&format!("Considered: {}, {}, version {}\n", r.meta.title, r.meta.edition, &r.meta.hash[..12])), "{record}");

    // The current edition: no note, no superseded_by.
    let current = rules();
    let out = current.assess(&not_urgent(), now).unwrap();
    assert!(out.ruleset.superseded_by.is_none() && current.superseded_note().is_empty());
    assert!(!serde_json::to_string(&out).unwrap().contains("superseded_by"));
}

/// A whole journey in an edition with other categories: three, renamed and re-cut. The
/// suggestion, the judgement, what the summary page is for, the summary's words and its
/// checks all follow the rule set.
#[test]
fn the_journey_and_the_summary_follow_the_editions_categories() {
    let r = fixture(Edition { recut: true, without_hours: true, superseded: true });
    let names: Vec<&str> = r.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Base", "Intensive", "Specialist"]);
    let referral: Vec<bool> = (0..3).map(|i| r.is_referral_level(i)).collect();
    assert_eq!(referral, [false, true, true]);
    assert_eq!(r.categories[0].indicators_heading.as_deref(), Some("Base: what is going well"));

    let now = at(INSTANTS[1]);
    let mut j = Journey::new(Rc::new(r.clone()));
    // Emerging Needs in the current edition; Base in this one.
    walk_to_check(&mut j, &["en.health.1"], "Often hungry at school.");
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Outcome);
    let out = r.assess(&j.case(), now).unwrap();
    assert_eq!((out.category.id, out.category.name), ("base", "Base"));
    assert!(out.contact.why.starts_with("This edition gives no office hours"));
    assert_eq!(out.contact.phone, "01582 547653");

    // Judged at the lowest level: a decision not to refer.
    j.apply(Action::SetJudgement(Some("base".into())));
    j.apply(Action::SetJudgementReason("Our support is enough for now.".into()));
    assert_eq!(j.purpose(), Purpose::NotReferring);
    assert_eq!(summary::sending(&j, &out, now), "");
    assert!(summary::decision_note(&j, &out, now).contains("Suggested by the Luton threshold guide: Base"));
    // At Intensive, a referral level in this edition: a referral.
    j.apply(Action::SetJudgement(Some("intensive".into())));
    j.apply(Action::Next);
    assert_eq!(j.screen, Screen::Summary);
    assert_eq!(j.purpose(), Purpose::Referral);
    let sections = summary::referral_summary(&j, &out, now);
    let level = &sections.iter().find(|s| s.id == "level").unwrap().text;
    assert!(level.contains("My judgement of the level of need: Intensive"), "{level}");
    let indicators = &sections.iter().find(|s| s.id == "indicators").unwrap().text;
    assert!(indicators.contains("(Base)"), "{indicators}");
    assert_eq!(summary::sending(&j, &out, now), NOT_URGENT, "no office hours: said plainly");
    assert!(summary::consultation_summary(&j, &out).contains("Indicators I have seen: 1 at Base."));
    assert!(summary::as_text(&j, &out, now).contains("for reference and training"));
    // The top level judged without harm: the check names it.
    j.apply(Action::SetJudgement(Some("specialist".into())));
    let checks = summary::quality_check(&j, &out);
    let above = checks.iter().find(|p| p.id == "judgement_above_answers").expect("the check for a judgement above the answers");
    assert!(above.text.contains("Specialist"), "{}", above.text);
    // A category of another edition is not a judgement here.
    j.apply(Action::SetJudgement(Some("family_help".into())));
    assert_eq!(j.judgement, None);
}

/// Every rule set in `rules/` (the current edition and the 2021 one): a journey to the
/// summary at every hour of a week, judged at each of its categories. The suggestion, the
/// purpose, the copied text's edition line, a superseded edition's note, who to phone and
/// the checks all come from that rule set, and nothing panics.
#[test]
fn every_rule_set_runs_the_journey_and_states_its_edition() {
    for (name, dir) in rule_set_dirs() {
        let r = load_rule_set(&dir);
        let rules = Rc::new(r.clone());
        // One indicator of each category, the highest first.
        let picks: Vec<String> =
            r.categories.iter().rev().filter_map(|c| r.indicators.iter().find(|i| i.category == c.id.as_str())).map(|i| i.id.as_str().to_string()).collect();
        assert_eq!(picks.len(), r.categories.len(), "{name}: an indicator for every category");
        for hour in (0..7 * 24).step_by(5) {
            let now = threshold_guide::engine::Instant(at("2026-11-16T00:00:00Z").0 + hour * 3600);
            for pick in &picks {
                let mut j = Journey::new(rules.clone());
                for (q, v) in [("immediate_danger", "no"), ("significant_harm", "unsure"), ("open_case", "no"), ("consent_parents", "given")] {
                    j.apply(Action::Answer { question: q.into(), value: v.into() });
                }
                j.apply(Action::ToggleIndicator(pick.clone()));
                let out = r.assess(&j.case(), now).unwrap();
                assert_eq!(out.category.id, r.indicators[r.indicator_index.get(pick).copied().unwrap()].category, "{name}: {pick}");
                assert_eq!((out.ruleset.title, out.ruleset.edition), (r.meta.title.as_str(), r.meta.edition.as_str()));
                assert_eq!(out.ruleset.superseded_by.is_some(), name != "luton", "{name}: only the current edition is not superseded");
                assert!(!out.contact.phone.is_empty() && !out.contact.why.is_empty(), "{name}: who to phone");
                for (rank, c) in r.categories.iter().enumerate() {
                    j.apply(Action::SetJudgement(Some(c.id.as_str().to_string())));
                    assert_eq!(j.purpose() == Purpose::NotReferring, !r.is_referral_level(rank), "{name}: {}", c.id.as_str());
                    let text = summary::as_text(&j, &out, now);
                    assert!(text.contains(&format!("\nThreshold document: {}, {}\n", r.meta.title, r.meta.edition)), "{name}: {text}");
                    let note = r.superseded_note();
                    assert_eq!(text.contains(note) && !note.is_empty(), name != "luton", "{name}: the superseded note in the copied text");
                    if let Some(s) = &r.meta.superseded_by {
                        assert!(note.contains(&s.title), "{name}: the note names the current edition");
                    }
                    let sending = summary::sending(&j, &out, now);
                    assert_eq!(sending.is_empty(), j.purpose() == Purpose::NotReferring, "{name}");
                    summary::quality_check(&j, &out);
                    summary::decision_note(&j, &out, now);
                    summary::consultation_summary(&j, &out);
                }
            }
        }
    }
}
