//! The outputs in docs/git.md are real: `cse check --at` on a history of the worked example,
//! and the warning for a file whose last commit stands in for its `reviewed` date. (The
//! page's shallow-clone message is checked in `git::a_shallow_clone_stops_with_the_fetch_depth_advice`.)

use std::path::Path;

use crate::common::{self, Repo};

/// What the page calls the tagged commit's short id; the real one depends on the example's files.
const SHOWN_ID: &str = "86623e0";

/// Copies the evidence files of `criteria` (such as `["3", "4"]`) from `from` into `repo`.
fn evidence_of(repo: &Repo, from: &Path, criteria: &[&str]) {
    for entry in std::fs::read_dir(from.join("evidence")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if criteria.iter().any(|c| name.starts_with(&format!("{c}."))) {
            std::fs::copy(
                from.join("evidence").join(&name),
                repo.path().join("evidence").join(&name),
            )
            .unwrap();
        }
    }
}

/// The worked example's history: criterion 1 first (the rest as `cse init` wrote them), then
/// criterion 2, tagged `assessment-2026`, then the rest of the example.
fn tagged_history() -> Repo {
    let fresh = tempfile::tempdir().unwrap();
    let (code, out, err) = common::run_80(fresh.path(), &["init"]);
    assert_eq!(code, 0, "{out}{err}");
    let example = common::project_root();
    let repo = common::example();
    let commit = |day: &str, subject: &str| {
        common::git_on(repo.path(), &["add", "-A"], day);
        common::git_on(repo.path(), &["commit", "-q", "-m", subject], day);
    };
    common::git_on(repo.path(), &["init", "-q"], "2026-02-20");
    evidence_of(&repo, fresh.path(), &["2", "3", "4", "5"]);
    commit("2026-02-20", "Customer insight: the first criterion");
    evidence_of(&repo, &example, &["2"]);
    commit(
        "2026-04-02",
        "Culture: training records and the customer charter",
    );
    common::git_on(repo.path(), &["tag", "assessment-2026"], "2026-04-02");
    evidence_of(&repo, &example, &["3", "4", "5"]);
    commit("2026-11-20", "The other three criteria");
    repo
}

#[test]
fn check_at_a_tag_shows_what_the_page_shows() {
    let repo = tagged_history();
    let (code, out, err) = common::run_80(repo.path(), &["check", "--at", "assessment-2026"]);
    assert_eq!(code, 0, "{out}{err}");
    let id = common::git_on(
        repo.path(),
        &["rev-parse", "--short", "assessment-2026"],
        "2026-11-28",
    );
    common::assert_block_shows(
        "docs/git.md",
        "```text\n$ cse check --at assessment-2026\n",
        "cse check --at assessment-2026",
        &out.replace(&id, SHOWN_ID),
    );
}

#[test]
fn a_commit_date_standing_in_for_reviewed_is_what_the_page_shows() {
    let repo = Repo::complete();
    repo.edit("evidence/1.1.1.md", "reviewed: 2026-06-01\n", "");
    common::git_on(repo.path(), &["init", "-q"], "2025-09-01");
    common::git_on(repo.path(), &["add", "-A"], "2025-09-01");
    common::git_on(
        repo.path(),
        &["commit", "-q", "-m", "Evidence"],
        "2025-09-01",
    );
    common::assert_page_runs(
        "docs/git.md",
        "The warning says which date it used:",
        repo.path(),
        &["check"],
        0,
    );
}
