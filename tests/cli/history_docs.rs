//! The examples in docs/history.md are real: the worked example committed in three steps, on
//! the days the page shows, gives exactly the output shown (commit ids aside, which depend on
//! the example's files: the page's ids stand for the real ones, in order).

use std::path::Path;

use crate::common::{self, Repo};

/// The example's evidence, then 2.1.1 rated down, then 5.2.3 assessed with its evidence.
fn three_commits() -> Repo {
    let repo = common::example();
    let commit = |day: &str, subject: &str| {
        common::git_on(repo.path(), &["add", "-A"], day);
        common::git_on(repo.path(), &["commit", "-q", "-m", subject], day);
    };
    common::git_on(repo.path(), &["init", "-q"], "2026-02-20");
    commit("2026-02-20", "The evidence of the worked example");
    repo.edit("evidence/2.1.1.md", "status: compliant", "status: partial");
    commit(
        "2026-04-02",
        "2.1.1 is partial until the new staff are trained",
    );
    repo.edit(
        "evidence/5.2.3.md",
        "status: not-assessed\nowner:\nevidence: []\n",
        "status: compliant\nowner: Service Development Manager\nreviewed: 2026-06-18\n\
         evidence:\n  - title: Partnership agreements\n    path: ../documents/partnership-agreements.md\n",
    );
    commit(
        "2026-06-18",
        "Assess 5.2.3: information sharing with partners",
    );
    repo
}

/// `out` with the real commit ids (oldest first, short or full) replaced by the page's.
fn as_shown(out: &str, real: &[String], shown: &[&str]) -> String {
    real.iter()
        .zip(shown)
        .fold(out.to_owned(), |text, (r, s)| text.replace(r.as_str(), s))
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = common::cse(dir)
        .env("COLUMNS", "80")
        .args(args)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_outputs_in_docs_history_md_are_real() {
    let page = std::fs::read_to_string(common::project_root().join("docs/history.md")).unwrap();
    let repo = three_commits();
    let ids = |format: &str| -> Vec<String> {
        common::git_on(
            repo.path(),
            &["log", "--reverse", &format!("--format={format}")],
            "2026-06-18",
        )
        .lines()
        .map(str::to_owned)
        .collect()
    };

    let table = common::doc_block(&page, "```text\n$ cse history\n");
    let shown: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("2026-"))
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    let real = as_shown(&run(repo.path(), &["history"]), &ids("%h"), &shown);
    assert_eq!(table, real, "docs/history.md; the real output is:\n{real}");

    let csv = common::doc_block(&page, "```text\n$ cse history --format csv --max 2\n");
    let shown: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    // CSV rows end in CRLF (RFC 4180); the page shows them as lines.
    let real = as_shown(
        &run(repo.path(), &["history", "--format", "csv", "--max", "2"]).replace("\r\n", "\n"),
        &ids("%H")[1..],
        &shown,
    );
    assert_eq!(csv, real, "docs/history.md; the real output is:\n{real}");
}
