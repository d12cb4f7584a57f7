//! The editors' guide (`docs/editing-rules.md`) is followed to the letter, so it cannot go stale:
//! on a copy of the rules in a temp folder, its fenced blocks are applied in order and the
//! messages `threshold` prints must be exactly those the guide shows.
//!
//! The blocks, by their info string (after the three backticks):
//! - `sh`: commands, run from the folder above `rules/`: `cp -r FROM TO` (a folder copied) and
//!   `threshold ...` (the CLI); anything else is an error, so the guide asks nothing the test
//!   does not do. A block that runs `threshold` must be followed by an `output` block.
//! - `text output`: what the commands just run print (standard output, then errors), with the
//!   rule set's hash shown as `…` (it changes with every edit).
//! - `toml find FILE`: text that must be in FILE exactly once; the next block says what to do:
//!   `toml replace` (put this instead), `toml after` (add this after it) or `toml delete` (no
//!   text: take it out).
//! - `toml example` (or any other language with `example`): an illustration, not applied.
//!
//! After a deliberate change to the rules or the messages, `UPDATE_DOCS=1 cargo test --test
//! editing_guide` rewrites the guide's `output` blocks; read them as an editor would.
#![cfg(not(target_arch = "wasm32"))]
use std::path::{Path, PathBuf};
use std::process::Command;

const GUIDE: &str = "docs/editing-rules.md";

struct Block {
    /// Line of the opening fence (1-based), for messages.
    line: usize,
    /// Lines of the guide inside the fences (0-based, end exclusive), to rewrite outputs.
    body: std::ops::Range<usize>,
    info: Vec<String>,
    text: String,
}

fn blocks(guide: &str) -> Vec<Block> {
    let lines: Vec<&str> = guide.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some(info) = lines[i].strip_prefix("```") {
            let start = i + 1;
            let end = (start..lines.len()).find(|&j| lines[j] == "```").unwrap_or_else(|| panic!("{GUIDE}:{}: a fenced block that is not closed", i + 1));
            let text: String = lines[start..end].iter().map(|l| format!("{l}\n")).collect();
            out.push(Block { line: i + 1, body: start..end, info: info.split_whitespace().map(String::from).collect(), text });
            i = end + 1;
        } else {
            assert!(!lines[i].trim_start().starts_with("```"), "{GUIDE}:{}: an indented fence; the test reads top-level blocks only", i + 1);
            i += 1;
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let p = entry.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
}

/// The hash changes with every edit: the guide shows it as `…`.
fn without_hashes(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("hash ") {
        out.push_str(&rest[..at + 5]);
        rest = &rest[at + 5..];
        let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        if hex >= 12 {
            out.push('…');
            rest = &rest[hex..];
        }
    }
    out.push_str(rest);
    out
}

/// Runs one `sh` line in `dir`; returns what `threshold` printed (nothing for `cp`).
fn run(dir: &Path, line: usize, command: &str) -> Option<String> {
    let words: Vec<&str> = command.split_whitespace().collect();
    match words.as_slice() {
        ["cp", "-r", from, to] => {
            copy_dir(&dir.join(from), &dir.join(to));
            None
        }
        ["threshold", args @ ..] => {
            let o = Command::new(env!("CARGO_BIN_EXE_threshold")).args(args).current_dir(dir).output().unwrap();
            Some(format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr)))
        }
        _ => panic!("{GUIDE}:{line}: the test cannot follow `{command}` (only `cp -r FROM TO` and `threshold ...`)"),
    }
}

#[test]
fn the_guides_worked_example_gives_the_messages_it_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(root.join(GUIDE)).unwrap();
    let dir: PathBuf = std::env::temp_dir().join(format!("threshold-editing-guide-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    copy_dir(&root.join("rules/luton"), &dir.join("rules/luton"));

    let blocks = blocks(&guide);
    let mut found: Option<(usize, PathBuf, String)> = None;
    let mut printed: Option<(usize, String)> = None;
    let mut outputs: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut problems = Vec::new();
    let (mut edits, mut checks) = (0, 0);
    for b in &blocks {
        let info: Vec<&str> = b.info.iter().map(String::as_str).collect();
        match info.as_slice() {
            [_, "example"] => {}
            ["sh"] => {
                assert!(printed.is_none(), "{GUIDE}:{}: the commands before this block print something; show it in a `text output` block", b.line);
                let mut said = None;
                for l in b.text.lines().map(|l| l.split(" #").next().unwrap().trim()).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                    if let Some(out) = run(&dir, b.line, l) {
                        said.get_or_insert_with(String::new).push_str(&out);
                    }
                }
                printed = said.map(|s| (b.line, s));
            }
            ["text", "output"] => {
                let (_, said) = printed.take().unwrap_or_else(|| panic!("{GUIDE}:{}: an output block with no `threshold` command before it", b.line));
                let said = without_hashes(&said);
                checks += 1;
                if said != b.text {
                    problems.push(format!("{GUIDE}:{}: the guide shows\n{}but `threshold` printed\n{}", b.line, b.text, said));
                }
                outputs.push((b.body.clone(), said));
            }
            ["toml", "find", file] => {
                assert!(found.is_none(), "{GUIDE}:{}: a find block must be followed by replace, after or delete", b.line);
                let path = dir.join(file);
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{GUIDE}:{}: {file}: {e}", b.line));
                let n = text.matches(&b.text).count();
                assert_eq!(n, 1, "{GUIDE}:{}: the text to find must be in {file} exactly once (found {n} times):\n{}", b.line, b.text);
                found = Some((b.line, path, text));
            }
            ["toml", action @ ("replace" | "after" | "delete")] => {
                let (line, path, text) = found.take().unwrap_or_else(|| panic!("{GUIDE}:{}: a `{action}` block with no find block before it", b.line));
                let old = &blocks.iter().find(|x| x.line == line).unwrap().text;
                let new = match *action {
                    "replace" => b.text.clone(),
                    "after" => format!("{old}{}", b.text),
                    _ => String::new(),
                };
                std::fs::write(&path, text.replacen(old.as_str(), &new, 1)).unwrap();
                edits += 1;
            }
            _ => panic!("{GUIDE}:{}: a block the test does not know: ```{} (see tests/editing_guide.rs)", b.line, b.info.join(" ")),
        }
    }
    assert!(found.is_none(), "{GUIDE}: the last find block has no replace, after or delete");
    if let Some((line, said)) = printed {
        problems.push(format!("{GUIDE}:{line}: these commands print something the guide does not show:\n{said}"));
    }
    std::fs::remove_dir_all(&dir).ok();

    if std::env::var_os("UPDATE_DOCS").is_some() {
        let mut lines: Vec<String> = guide.lines().map(String::from).collect();
        for (range, said) in outputs.into_iter().rev() {
            lines.splice(range, said.lines().map(String::from));
        }
        std::fs::write(root.join(GUIDE), lines.join("\n") + "\n").unwrap();
        return;
    }
    assert!(edits >= 10 && checks >= 8, "the worked example should edit and check throughout ({edits} edits, {checks} checks)");
    assert!(
        problems.is_empty(),
        "{}\n\nAfter a deliberate change: UPDATE_DOCS=1 cargo test --test editing_guide, and read the guide's new messages.",
        problems.join("\n\n")
    );
}
