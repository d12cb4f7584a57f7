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
  threshold rules check [RULES]     validate a rule set (default: the built-in Luton rules)
  threshold rules stats [RULES]     JSON: indicator counts by category and domain, pathways, questions
  threshold rules questions [RULES] JSON: every question, its answers and when it applies
  threshold rules compile RULES OUT.bin
                                    check a rule set and write it compiled, as the widget fetches it
  threshold rules diff OLD NEW [--json | --markdown]
                                    what changed between two editions: categories (renamed,
                                    re-cut), indicators (added, removed, reworded with a score,
                                    moved), contacts, office hours and bank holidays, consent,
                                    pathways; text for people, JSON for tools, or a Markdown page
  threshold assess CASE.json [--rules RULES]
                                    JSON: the engine's outcome for a case
RULES: a rule-set folder (rules/luton-2021) or the id of one in rules/ (luton, luton-2021)
CASE.json: {\"indicators\": [id or exact text, ...], \"answers\": {\"question_id\": \"answer\"}, \"now\": \"2026-11-20T16:20:00Z\"}
           a case saved by the widget also has \"judgement\", \"judgement_reason\" and \"ruleset\"
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
            Some(p) => engine::read_folder(&folder(p)?),
        }
    }

    /// A rule set named by its folder, or by its id: the folder of that name in `rules/` (of
    /// the working directory, else of this checkout).
    fn folder(p: &str) -> Result<std::path::PathBuf, String> {
        let path = Path::new(p);
        let is_id = !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if path.is_dir() || !is_id {
            return Ok(path.to_path_buf());
        }
        let here = Path::new("rules").join(p);
        let built_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules").join(p);
        match [here, built_in].into_iter().find(|d| d.is_dir()) {
            Some(d) => Ok(d),
            None => {
                let known = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"))
                    .map(|d| {
                        let mut ids: Vec<String> = d
                            .filter_map(|e| e.ok())
                            .filter(|e| e.path().join("ruleset.toml").is_file())
                            .map(|e| e.file_name().to_string_lossy().into_owned())
                            .collect();
                        ids.sort();
                        ids.join(", ")
                    })
                    .unwrap_or_default();
                Err(format!("{p}: no such rule-set folder, and no rule set of that id in rules/ (there are: {known})"))
            }
        }
    }

    /// `rules compile`: the checked rule set in the compact form the widget fetches.
    fn compile(path: &String, out_file: &str) -> i32 {
        let src = match sources(Some(path)) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                return 1;
            }
        };
        match engine::compile(&src, true) {
            Ok(bytes) => match std::fs::write(out_file, &bytes) {
                Ok(()) => {
                    out(&engine::load::sha256_hex(&bytes));
                    0
                }
                Err(e) => {
                    eprintln!("{out_file}: {e}");
                    2
                }
            },
            Err(errors) => {
                for e in &errors {
                    eprintln!("{e}");
                }
                eprintln!("{} problem(s) in the rule set {}", errors.len(), src.folder);
                1
            }
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
        // A case the widget saved names the rule set it was answered against; a different one
        // is worth saying, though ids that still exist mean the same.
        if let Some(saved) = input.ruleset.as_ref().filter(|s| s.id != r.meta.id || s.hash != r.meta.hash) {
            eprintln!(
                "{file}: note: saved with the rule set {} ({}, hash {}); assessed with {} ({}, hash {})",
                saved.id, saved.edition, saved.hash, r.meta.id, r.meta.edition, r.meta.hash
            );
        }
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
            ["rules", "compile", _, out_file] => compile(&args[2], out_file),
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
