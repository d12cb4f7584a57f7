//! `threshold`: check, count, query and compare rule sets, and assess a case, from the command line.
//! For partnership staff editing `rules/` and for audits. Output is JSON where it is data.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use serde_json::{json, Value};
    use std::collections::BTreeMap;
    use std::path::Path;
    use threshold_guide::engine::{self, model::Kind, CaseInput, RuleSet, Sources};

    const USAGE: &str = "usage:
  threshold rules check [PATH]      validate a rule-set folder (default: the built-in Luton rules)
  threshold rules stats [PATH]      JSON: indicator counts by category and domain, pathways, questions
  threshold rules questions [PATH]  JSON: every question, its answers and when it applies
  threshold rules diff OLD NEW [--json | --markdown]
                                    what changed between two editions: categories (renamed,
                                    re-cut), indicators (added, removed, reworded with a score,
                                    moved), contacts, office hours and bank holidays, consent,
                                    pathways; text for people, JSON for tools, or a Markdown page
  threshold assess CASE.json [--rules PATH]
                                    JSON: the engine's outcome for a case
CASE.json: {\"indicators\": [id or exact text, ...], \"answers\": {\"question_id\": \"answer\"}, \"now\": \"2026-11-20T16:20:00Z\"}
exit codes: 0 ok (for diff: whether or not they differ), 1 invalid or missing rule set, 2 bad case or usage";

    /// Prints a result. When whoever reads it has gone (`threshold rules stats | head`), stop
    /// quietly with success, as command-line tools do, instead of panicking.
    fn out(text: &str) {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = writeln!(stdout, "{text}").and_then(|_| stdout.flush()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("threshold: cannot write the output: {e}");
            std::process::exit(1);
        }
    }

    fn sources(path: Option<&String>) -> Result<Sources, String> {
        match path {
            None => Ok(engine::default_sources()),
            Some(p) => engine::read_folder(Path::new(p)),
        }
    }

    /// Loads rules or prints every error; `Err(exit code)` on failure.
    fn rules(path: Option<&String>) -> Result<RuleSet, i32> {
        let src = sources(path).map_err(|e| {
            eprintln!("{e}");
            1
        })?;
        engine::load(&src).map_err(|errors| {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{} problem(s) in the rule set {}", errors.len(), src.folder);
            1
        })
    }

    fn print(v: &impl serde::Serialize) {
        out(&serde_json::to_string_pretty(v).expect("serialisable"));
    }

    fn stats(r: &RuleSet) -> Value {
        let mut by_category: BTreeMap<&str, usize> = BTreeMap::new();
        let mut by_domain: BTreeMap<&str, usize> = BTreeMap::new();
        let mut by_both: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
        for i in &r.indicators {
            *by_category.entry(&i.category).or_default() += 1;
            *by_domain.entry(&i.domain).or_default() += 1;
            *by_both.entry(&i.category).or_default().entry(&i.domain).or_default() += 1;
        }
        json!({
            "ruleset": { "id": r.meta.id, "edition": r.meta.edition, "hash": r.meta.hash },
            "indicators": { "total": r.indicators.len(), "by_category": by_category, "by_domain": by_domain, "by_category_and_domain": by_both },
            "pathways": r.pathways.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            "questions": r.questions.len(),
            "overrides": r.overrides.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
            "consent_exceptions": r.consent.exception.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            "interpretation_rules": r.interpretations.len(),
        })
    }

    fn questions(r: &RuleSet) -> Value {
        Value::Array(
            r.questions
                .iter()
                .map(|q| {
                    let answers: Value = match q.kind {
                        Kind::Text => json!("free text"),
                        _ => q.answer_options().iter().map(|c| json!({ "id": c.value, "label": c.label })).collect(),
                    };
                    json!({ "id": q.id.as_str(), "step": q.step, "question": q.question, "kind": q.kind, "answers": answers, "applies_if": q.applies_if })
                })
                .collect(),
        )
    }

    fn assess(args: &[String]) -> i32 {
        let (file, rules_path) = match args {
            [f] => (f, None),
            [f, flag, p] if flag == "--rules" => (f, Some(p)),
            _ => {
                eprintln!("{USAGE}");
                return 2;
            }
        };
        let r = match rules(rules_path) {
            Ok(r) => r,
            Err(code) => return code,
        };
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{file}: {e}");
                return 2;
            }
        };
        let input: CaseInput = match serde_json::from_str(&text) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{file}: {e}");
                return 2;
            }
        };
        match input.split().and_then(|(case, now)| r.assess(&case, now)) {
            Ok(outcome) => {
                print(&outcome);
                0
            }
            Err(e) => {
                eprintln!("{file}: {}", e.message);
                if !e.suggestions.is_empty() {
                    eprintln!("did you mean: {}", e.suggestions.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", "));
                }
                2
            }
        }
    }

    /// `rules diff OLD NEW [--json | --markdown]`: both rule sets are checked first (every
    /// problem in either is printed, exit 1), then compared.
    fn diff(args: &[String]) -> i32 {
        let mut format = None;
        let mut paths = Vec::new();
        for a in args {
            match a.as_str() {
                "--json" | "--markdown" if format.is_none() => format = Some(a.as_str()),
                flag if flag.starts_with("--") => {
                    eprintln!("{USAGE}");
                    return 2;
                }
                path => paths.push(path.to_string()),
            }
        }
        let [old, new] = paths.as_slice() else {
            eprintln!("{USAGE}");
            return 2;
        };
        let (old_rules, new_rules) = (rules(Some(old)), rules(Some(new)));
        let (Ok(o), Ok(n)) = (old_rules, new_rules) else { return 1 };
        let d = engine::diff::diff(&o, &n);
        match format {
            Some("--json") => print(&d),
            Some(_) => out(engine::diff::report::markdown(&d, old, new).trim_end()),
            None => out(engine::diff::report::text(&d, old, new).trim_end()),
        }
        0
    }

    pub fn run(args: Vec<String>) -> i32 {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        match a.as_slice() {
            ["rules", "check", rest @ ..] if rest.len() <= 1 => match rules(args.get(2)) {
                Ok(r) => {
                    out(&format!(
                        "ok: {} ({}), {} indicators, {} questions, {} pathways, hash {}",
                        r.meta.id,
                        r.meta.edition,
                        r.indicators.len(),
                        r.questions.len(),
                        r.pathways.len(),
                        r.meta.hash
                    ));
                    0
                }
                Err(code) => code,
            },
            ["rules", "stats", rest @ ..] if rest.len() <= 1 => rules(args.get(2)).map(|r| print(&stats(&r))).map_or_else(|c| c, |_| 0),
            ["rules", "questions", rest @ ..] if rest.len() <= 1 => rules(args.get(2)).map(|r| print(&questions(&r))).map_or_else(|c| c, |_| 0),
            ["rules", "diff", ..] => diff(&args[2..]),
            ["assess", ..] => assess(&args[1..]),
            ["--help" | "-h" | "help"] => {
                out(USAGE);
                0
            }
            _ => {
                eprintln!("{USAGE}");
                2
            }
        }
    }
}
