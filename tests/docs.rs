//! Pages generated from the rule sets stay current: `docs/changes-2021-to-current.md` is exactly
//! what `threshold rules diff rules/luton-2021 rules/luton --markdown` prints. After a deliberate
//! change to either rule set (or to the comparison), `UPDATE_DOCS=1 cargo test --test docs`
//! rewrites it; read the diff as a trainer would before committing.
#![cfg(not(target_arch = "wasm32"))]
use std::path::Path;
use std::process::Command;

const OLD: &str = "rules/luton-2021";
const NEW: &str = "rules/luton";
const PAGE: &str = "docs/changes-2021-to-current.md";

/// Where two texts first differ, with the line from each: a page is too long to print whole.
fn first_difference(have: &str, want: &str) -> String {
    let (h, w): (Vec<&str>, Vec<&str>) = (have.lines().collect(), want.lines().collect());
    let at = h.iter().zip(&w).position(|(a, b)| a != b).unwrap_or(h.len().min(w.len()));
    format!(
        "first difference at line {}:\n  in {PAGE}: {:?}\n  generated:  {:?}\n({} lines in the page, {} generated)",
        at + 1,
        h.get(at).copied().unwrap_or("(end of file)"),
        w.get(at).copied().unwrap_or("(end of output)"),
        h.len(),
        w.len()
    )
}

#[test]
fn changes_2021_to_current_is_what_rules_diff_makes_now() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = Command::new(env!("CARGO_BIN_EXE_threshold")).args(["rules", "diff", OLD, NEW, "--markdown"]).current_dir(root).output().unwrap();
    assert!(o.status.success(), "threshold rules diff {OLD} {NEW} --markdown failed:\n{}", String::from_utf8_lossy(&o.stderr));
    let want = String::from_utf8(o.stdout).unwrap();
    let path = root.join(PAGE);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{PAGE} is not what the rule sets give now; run `UPDATE_DOCS=1 cargo test --test docs` and read the diff.\n{}",
        first_difference(&have, &want)
    );
}
