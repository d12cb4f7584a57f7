//! Pages generated from the rule sets stay current: `docs/changes-2021-to-current.md` is exactly
//! what `threshold rules diff rules/luton-2021 rules/luton --markdown` prints. After a deliberate
//! change to either rule set (or to the comparison), `UPDATE_DOCS=1 cargo test --test docs`
//! rewrites it; read the diff as a trainer would before committing.
// Native only; the browser-test build of this file is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;
    use std::process::Command;

    const OLD: &str = "rules/luton-2021";
    const NEW: &str = "rules/luton";
    const PAGE: &str = "docs/changes-2021-to-current.md";

    /// Where two texts first differ, with a line of context: a page is too long to print whole.
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

    fn changes_page_is_current() -> Result<(), libtest_mimic::Failed> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let o = Command::new(env!("CARGO_BIN_EXE_threshold")).args(["rules", "diff", OLD, NEW, "--markdown"]).current_dir(root).output()?;
        if !o.status.success() {
            return Err(format!("threshold rules diff {OLD} {NEW} --markdown failed:\n{}", String::from_utf8_lossy(&o.stderr)).into());
        }
        let want = String::from_utf8(o.stdout)?;
        let path = root.join(PAGE);
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &want)?;
            return Ok(());
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        if have == want {
            Ok(())
        } else {
            Err(format!(
                "{PAGE} is not what the rule sets give now; run `UPDATE_DOCS=1 cargo test --test docs` and read the diff.\n{}",
                first_difference(&have, &want)
            )
            .into())
        }
    }

    pub fn main() {
        let args = libtest_mimic::Arguments::from_args();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut trial = libtest_mimic::Trial::test("changes_2021_to_current_is_current", changes_page_is_current);
        // Until the 2021 edition is in the repository there is nothing to compare: say so.
        if !root.join(OLD).is_dir() {
            eprintln!("skipped: {OLD} does not exist, so {PAGE} cannot be generated or checked");
            trial = trial.with_ignored_flag(true);
        }
        libtest_mimic::run(&args, vec![trial]).exit();
    }
}
