//! The examples in docs/diff.md are real: the worked example, committed, with the edits the page
//! describes made in the working tree, gives exactly the output shown.

use std::path::Path;

use crate::common::{self, Repo};

/// What the page calls `origin/main`'s short id; the real one depends on the example's files.
const SHOWN_ID: &str = "62fe58f";

fn git(dir: &Path, args: &[&str]) -> String {
    common::git_on(dir, args, "2026-11-01")
}

/// The example on `origin/main`, and the working tree of the page: 2.1.1 down to partial,
/// 4.1.1 citing a spreadsheet that does not exist, 5.2.3 assessed compliant with its evidence.
fn scenario() -> Repo {
    let repo = common::example();
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "Evidence"]);
    git(dir, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    repo.edit("evidence/2.1.1.md", "status: compliant", "status: partial");
    repo.edit(
        "evidence/4.1.1.md",
        "evidence:\n",
        "evidence:\n  - title: Response times\n    path: ../docs/response-times.xlsx\n",
    );
    repo.edit(
        "evidence/5.2.3.md",
        "status: not-assessed\nowner:\nevidence: []\n",
        "status: compliant\nowner: Service Development Manager\nreviewed: 2026-11-20\n\
         evidence:\n  - title: Partnership agreements\n    path: ../documents/partnership-agreements.md\n",
    );
    repo
}

fn diff(dir: &Path, extra: &[&str]) -> String {
    let out = common::cse(dir)
        .env("COLUMNS", "80")
        .args(["diff", "origin/main"])
        .args(extra)
        .output()
        .unwrap();
    let id = git(dir, &["rev-parse", "--short", "origin/main"]);
    String::from_utf8_lossy(&out.stdout).replace(&id, SHOWN_ID)
}

#[test]
fn the_outputs_in_docs_diff_md_are_real() {
    let page = std::fs::read_to_string(common::project_root().join("docs/diff.md")).unwrap();
    let repo = scenario();
    let table = diff(repo.path(), &[]);
    assert_eq!(
        common::doc_block(&page, "```text\n$ cse diff origin/main\n"),
        table,
        "the table in docs/diff.md; the real output is:\n{table}"
    );
    // The markdown block shows parts of the comment, indented in a list, with `...` between.
    let markdown = diff(repo.path(), &["--format", "markdown"]);
    let shown = common::doc_block(&page, "  ```markdown\n");
    for line in shown.lines().map(|l| l.strip_prefix("  ").unwrap_or(l)) {
        if line != "..." {
            assert!(
                markdown.lines().any(|m| m == line),
                "`{line}` is not in the real comment:\n{markdown}"
            );
        }
    }
}
