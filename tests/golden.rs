//! Golden cases as data: `tests/cases/*.json` = input → expected category, actions,
//! pathways, consent and contact, for the default rule set (rules/luton); every other rule
//! set in `rules/` has its own, `tests/cases-<folder>/*.json`, run against that rule set
//! (rules/luton-2021: tests/cases-luton-2021). Each expectation was worked out from the
//! rule set's document, not copied from the engine's output. Every field of `expect` is optional; lists named
//! `*_include`/`*_exclude` are partial, the others exact.
// The golden cases are native tests; the browser-test build of this file is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use crate::common;
    use serde::Deserialize;
    use std::collections::BTreeSet;
    use threshold_guide::engine::{CaseInput, Outcome};

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Golden {
        description: String,
        case: CaseInput,
        expect: Expect,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields, default)]
    struct Expect {
        category: Option<String>,
        contact: Option<String>,
        urgent_first: Option<String>,
        actions_include: Vec<String>,
        actions_exclude: Vec<String>,
        /// Action ids that must appear in this relative order.
        actions_order: Vec<String>,
        pathways: Option<BTreeSet<String>>,
        because_include: Vec<String>,
        consent_suggested: Option<BTreeSet<String>>,
        consent_exception: Option<Option<String>>,
        consent_warnings: Option<BTreeSet<String>>,
        child_consent_required: Option<bool>,
        parents_consent_required: Option<bool>,
        interpretation_include: Vec<String>,
        interpretation_exclude: Vec<String>,
        data_warnings: Option<usize>,
        /// When the MASH next opens (None: open now).
        next_open: Option<Option<String>>,
        contact_urgent: Option<bool>,
        open_case: Option<bool>,
        guidance_include: Vec<String>,
        guidance_exclude: Vec<String>,
        /// The attachments, exactly.
        attach: Option<Vec<String>>,
        /// Words no urgent action may contain (e.g. the MASH's number while it is closed).
        urgent_text_exclude: Vec<String>,
        /// Words no action at all may contain (e.g. "referral form" for an open case).
        text_exclude: Vec<String>,
        /// Words some action must contain (e.g. when the MASH opens again, resolved).
        text_include: Vec<String>,
        /// Words the outcome's "who to contact now" line must contain (e.g. that the edition
        /// gives no out-of-hours number).
        why_include: Vec<String>,
    }

    /// Partial expectations: every `include` is there, no `exclude` is.
    fn include_exclude(fails: &mut Vec<String>, what: &str, have: &[&str], include: &[String], exclude: &[String]) {
        for x in include.iter().filter(|x| !have.contains(&x.as_str())) {
            fails.push(format!("{what} lacks {x} (have {have:?})"));
        }
        for x in exclude.iter().filter(|x| have.contains(&x.as_str())) {
            fails.push(format!("unexpected {what} {x}"));
        }
    }

    fn check(name: &str, g: &Golden, out: &Outcome) -> Vec<String> {
        let mut fails = Vec::new();
        fn expect_eq(fails: &mut Vec<String>, what: &str, got: String, want: String) {
            if got != want {
                fails.push(format!("{what}: got {got}, want {want}"));
            }
        }
        let e = &g.expect;
        if let Some(c) = &e.category {
            expect_eq(&mut fails, "category", out.category.id.to_string(), c.clone());
        }
        if let Some(c) = &e.contact {
            expect_eq(&mut fails, "contact", out.contact.id.to_string(), c.clone());
        }
        if let Some(a) = &e.urgent_first {
            expect_eq(&mut fails, "urgent[0]", format!("{:?}", out.urgent.first().map(|x| &x.id)), format!("{:?}", Some(a)));
        }
        let actions: Vec<&str> = out.urgent.iter().chain(&out.actions).map(|a| a.id).collect();
        include_exclude(&mut fails, "action", &actions, &e.actions_include, &e.actions_exclude);
        let positions: Vec<Option<usize>> = e.actions_order.iter().map(|a| actions.iter().position(|x| x == a)).collect();
        if positions.iter().any(Option::is_none) || positions.windows(2).any(|w| w[0] > w[1]) {
            fails.push(format!("actions not in order {:?} (have {actions:?})", e.actions_order));
        }
        if let Some(p) = &e.pathways {
            let got: BTreeSet<String> = out.pathways.iter().map(|p| p.id.to_string()).collect();
            expect_eq(&mut fails, "pathways", format!("{got:?}"), format!("{p:?}"));
        }
        let because: Vec<&str> = out.because.iter().map(|b| b.id).collect();
        for b in &e.because_include {
            if !because.contains(&b.as_str()) {
                fails.push(format!("because lacks {b} (have {because:?})"));
            }
        }
        if let Some(s) = &e.consent_suggested {
            let got: BTreeSet<String> = out.consent.suggested_exceptions.iter().map(|x| x.id.to_string()).collect();
            expect_eq(&mut fails, "consent.suggested_exceptions", format!("{got:?}"), format!("{s:?}"));
        }
        if let Some(x) = &e.consent_exception {
            expect_eq(&mut fails, "consent.exception", format!("{:?}", out.consent.exception.as_ref().map(|x| &x.id)), format!("{:?}", x.as_ref()));
        }
        if let Some(w) = &e.consent_warnings {
            let got: BTreeSet<String> = out.consent.warnings.iter().map(|x| x.id.to_string()).collect();
            expect_eq(&mut fails, "consent.warnings", format!("{got:?}"), format!("{w:?}"));
        }
        if let Some(b) = e.child_consent_required {
            expect_eq(&mut fails, "consent.child_required", out.consent.child_required.to_string(), b.to_string());
        }
        if let Some(b) = e.parents_consent_required {
            expect_eq(&mut fails, "consent.parents_required", out.consent.parents_required.to_string(), b.to_string());
        }
        let notes: Vec<&str> = out.interpretation.iter().map(|n| n.id).collect();
        include_exclude(&mut fails, "interpretation", &notes, &e.interpretation_include, &e.interpretation_exclude);
        if let Some(n) = &e.next_open {
            expect_eq(&mut fails, "contact.next_open", format!("{:?}", out.contact.next_open), format!("{n:?}"));
        }
        if let Some(b) = e.contact_urgent {
            expect_eq(&mut fails, "contact.urgent", out.contact.urgent.to_string(), b.to_string());
        }
        if let Some(b) = e.open_case {
            expect_eq(&mut fails, "open_case", out.open_case.to_string(), b.to_string());
        }
        let guidance: Vec<&str> = out.guidance.iter().map(|g| g.id).collect();
        include_exclude(&mut fails, "guidance", &guidance, &e.guidance_include, &e.guidance_exclude);
        if let Some(a) = &e.attach {
            expect_eq(&mut fails, "attach", format!("{:?}", out.attach), format!("{a:?}"));
        }
        for w in &e.urgent_text_exclude {
            for a in out.urgent.iter().filter(|a| a.text.to_lowercase().contains(&w.to_lowercase())) {
                fails.push(format!("urgent action {} says {w:?}: {}", a.id, a.text));
            }
        }
        for w in &e.text_exclude {
            for a in out.urgent.iter().chain(&out.actions).filter(|a| a.text.to_lowercase().contains(&w.to_lowercase())) {
                fails.push(format!("action {} says {w:?}: {}", a.id, a.text));
            }
        }
        for w in &e.text_include {
            if !out.urgent.iter().chain(&out.actions).any(|a| a.text.contains(w.as_str())) {
                fails.push(format!("no action says {w:?}"));
            }
        }
        for w in e.why_include.iter().filter(|w| !out.contact.why.to_lowercase().contains(&w.to_lowercase())) {
            fails.push(format!("contact.why lacks {w:?}: {}", out.contact.why));
        }
        if let Some(n) = e.data_warnings {
            expect_eq(&mut fails, "warnings", out.warnings.len().to_string(), n.to_string());
        }
        fails.into_iter().map(|f| format!("{name} ({}): {f}", g.description)).collect()
    }

    /// Each golden case is its own test, named after its file (and, for a rule set other than
    /// the default, its folder: `luton-2021/out-of-hours`), so a failure names its case
    /// (`cargo test --test golden -- saturday` runs the ones whose name matches).
    pub fn main() {
        let args = libtest_mimic::Arguments::from_args();
        let mut trials: Vec<libtest_mimic::Trial> = Vec::new();
        for (set, dir) in common::rule_set_dirs() {
            // The default rule set as the widget has it (compiled by build.rs); others from TOML.
            let rules = std::sync::Arc::new(if set == "luton" { common::rules() } else { common::load_rule_set(&dir) });
            let cases = common::cases_dir(&set);
            let mut paths: Vec<_> = std::fs::read_dir(&cases)
                .unwrap_or_else(|e| panic!("{set}: every rule set has golden cases in {}: {e}", cases.display()))
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            paths.sort();
            let count = paths.len();
            for path in paths {
                let stem = path.file_stem().unwrap().to_string_lossy().to_string();
                let name = if set == "luton" { stem } else { format!("{set}/{stem}") };
                let rules = rules.clone();
                trials.push(libtest_mimic::Trial::test(name.clone(), move || {
                    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
                    let g: Golden = serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
                    let (case, now) = g.case.clone().split().map_err(|e| format!("{name}: {}", e.message))?;
                    let out = rules.assess(&case, now).map_err(|e| format!("{name}: {}", e.message))?;
                    let fails = check(&name, &g, &out);
                    if fails.is_empty() {
                        Ok(())
                    } else {
                        Err(fails.join("\n").into())
                    }
                }));
            }
            // The default rule set has the most; every other edition at least ten.
            let least = if set == "luton" { 80 } else { 10 };
            trials.push(libtest_mimic::Trial::test(format!("there_are_enough_golden_cases/{set}"), move || {
                if count >= least {
                    Ok(())
                } else {
                    Err(format!("{set}: expected at least {least} golden cases, found {count}").into())
                }
            }));
        }
        libtest_mimic::run(&args, trials).exit();
    }
}
