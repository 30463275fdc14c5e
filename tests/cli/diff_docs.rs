//! The examples in docs/diff.md are real: the worked example, committed, with the edits the page
//! describes made in the working tree, gives exactly the output shown.

use std::path::Path;

use crate::common;

/// What the page calls `origin/main`'s short id; the real one depends on the example's files.
const SHOWN_ID: &str = "62fe58f";

fn git(dir: &Path, args: &[&str]) -> String {
    common::git_on(dir, args, "2026-11-01")
}

fn copy(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The example on `origin/main`, and the working tree of the page: 2.1.1 down to partial,
/// 4.1.1 citing a spreadsheet that does not exist, 5.2.3 assessed compliant with its evidence.
fn scenario() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = common::project_root();
    std::fs::copy(root.join("cse.toml"), dir.path().join("cse.toml")).unwrap();
    for folder in ["evidence", "documents"] {
        copy(&root.join(folder), &dir.path().join(folder));
    }
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "Evidence"]);
    git(
        dir.path(),
        &["update-ref", "refs/remotes/origin/main", "HEAD"],
    );
    edit(
        dir.path(),
        "evidence/2.1.1.md",
        "status: compliant",
        "status: partial",
    );
    edit(
        dir.path(),
        "evidence/4.1.1.md",
        "evidence:\n",
        "evidence:\n  - title: Response times\n    path: ../docs/response-times.xlsx\n",
    );
    edit(
        dir.path(),
        "evidence/5.2.3.md",
        "status: not-assessed\nowner:\nevidence: []\n",
        "status: compliant\nowner: Service Development Manager\nreviewed: 2026-11-20\n\
         evidence:\n  - title: Partnership agreements\n    path: ../documents/partnership-agreements.md\n",
    );
    dir
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

/// The block of `page` that starts with `start`, up to its closing fence.
fn block<'p>(page: &'p str, start: &str) -> &'p str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("no `{start}` in the page"));
    let rest = &page[from + start.len()..];
    &rest[..rest.find("```").unwrap()]
}

#[test]
fn the_outputs_in_docs_diff_md_are_real() {
    let page = std::fs::read_to_string(common::project_root().join("docs/diff.md")).unwrap();
    let repo = scenario();
    let table = diff(repo.path(), &[]);
    assert_eq!(
        block(&page, "```text\n$ cse diff origin/main\n"),
        table,
        "the table in docs/diff.md; the real output is:\n{table}"
    );
    // The markdown block shows parts of the comment, indented in a list, with `...` between.
    let markdown = diff(repo.path(), &["--format", "markdown"]);
    let shown = block(&page, "  ```markdown\n");
    for line in shown.lines().map(|l| l.strip_prefix("  ").unwrap_or(l)) {
        if line != "..." {
            assert!(
                markdown.lines().any(|m| m == line),
                "`{line}` is not in the real comment:\n{markdown}"
            );
        }
    }
}
