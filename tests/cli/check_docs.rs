//! The outputs in docs/check.md that the worked example cannot give are real too: a repository
//! with three mistakes, and the first check of a fresh `cse init`.

use crate::common::{self, Repo};

/// A repository where every element is ready but for the three mistakes the page shows: a
/// status mistyped in 1.1.1, an action of 2.1.1 past its due date, and no file for 5.3.3.
fn with_mistakes() -> Repo {
    let repo = Repo::complete();
    repo.edit(
        "evidence/1.1.1.md",
        "status: compliant",
        "status: complaint",
    );
    repo.edit(
        "evidence/1.1.1.md",
        "owner: Manager",
        "owner: Customer Services Manager",
    );
    repo.edit(
        "evidence/2.1.1.md",
        "evidence:\n",
        "actions:\n  - action: Refresh the customer charter\n    due: 2026-03-31\nevidence:\n",
    );
    repo.remove("evidence/5.3.3.md");
    repo
}

#[test]
fn a_repository_with_mistakes_gets_what_the_page_shows() {
    common::assert_page_runs(
        "docs/check.md",
        "repository with mistakes gets, for instance:",
        with_mistakes().path(),
        &["check"],
        1,
    );
}

#[test]
fn the_first_check_of_a_new_repository_is_what_the_page_shows() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = common::run_80(dir.path(), &["init"]);
    assert_eq!(code, 0, "{out}{err}");
    common::assert_page_runs(
        "docs/check.md",
        "## What the first check of a new repository looks like",
        dir.path(),
        &["check"],
        0,
    );
}
