//! Fuzz the widget's reader of saved cases (`saved::read`, then `Action::Open`): any bytes as
//! the chosen file, decoded as `File.text()` decodes them. Reading must refuse or accept
//! without panicking; what it accepts, serde_json (the CLI's reader) must read to the same
//! case; opening it must land on Check your answers or change nothing but the error; and a
//! case opened, saved again and reopened must come back the same.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;
use threshold_guide::engine::{self, CaseInput, Instant, RuleSet};
use threshold_guide::journey::{Action, Journey, Screen};
use threshold_guide::saved;

thread_local! {
    static RULES: Rc<RuleSet> = Rc::new(engine::default_rules().expect("valid rules"));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let case = saved::read(&text);
    if let Some(case) = &case {
        let cli: CaseInput = serde_json::from_str(&text).expect("the CLI reads what the widget reads");
        assert_eq!(&cli, case, "the widget and the CLI read it differently");
    }
    let rules = RULES.with(Rc::clone);
    let mut j = Journey::new(rules.clone());
    j.apply(Action::Answer { question: "immediate_danger".into(), value: "no".into() });
    let before = j.clone();
    j.apply(Action::Open(Ok(text)));
    if j.screen == Screen::Check {
        assert!(case.is_some() && j.errors.is_empty());
        let again = saved::write(&j, Instant(1_795_000_000));
        let mut k = Journey::new(rules);
        k.apply(Action::Open(Ok(again)));
        assert_eq!(
            (&k.answers, &k.selected, &k.judgement, &k.judgement_reason, k.screen),
            (&j.answers, &j.selected, &j.judgement, &j.judgement_reason, Screen::Check),
            "saved and opened again, the case changed"
        );
    } else {
        assert_eq!(j.errors.len(), 1);
        j.errors.clear();
        assert!(j == before, "a file that did not open changed the journey");
    }
});
