//! The examples in the README and the reference pages in `docs/` are real: every
//! ```` ```console ```` block runs its `$ cse ...` lines (with `trycmd`) against the built binary,
//! in the project root, so on the worked example, on 28 November 2026, and must print what the
//! page shows. `...` on a line of its own stands for any lines, `[..]` for any text in a line,
//! and a `? 1` line after the command for its exit code. Blocks that need another repository
//! are marked ```` ```text ```` and are not run. `TRYCMD=overwrite` rewrites the blocks from the
//! real output, to be reviewed in `git diff`.

use crate::common;

/// The pages whose console blocks run on the worked example. (docs/assessments.md has its own
/// test: its examples run on a repository with two recorded visits.)
const PAGES: &[&str] = &[
    "README.md",
    "docs/actions.md",
    "docs/check.md",
    "docs/completions.md",
    "docs/config.md",
    "docs/gates.md",
    "docs/priorities.md",
    "docs/schema.md",
    "docs/show.md",
    "docs/status.md",
];

#[test]
fn console_examples_show_real_output() {
    let root = common::project_root();
    let cases = trycmd::TestCases::new();
    cases
        .register_bin("cse", std::path::Path::new(env!("CARGO_BIN_EXE_cse")))
        .env("CSE_TODAY", "2026-11-28")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80");
    for page in PAGES {
        let text = std::fs::read_to_string(root.join(page)).unwrap();
        assert!(
            text.contains("```console\n$ cse "),
            "{page} is listed here but has no console example"
        );
        cases.case(root.join(page));
    }
    cases.run();
}
