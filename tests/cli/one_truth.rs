//! Regression tests for issue 11's findings: one verdict whatever the command, the report's
//! staleness from git, and `--at` on every command that reads the evidence.

use crate::common::{Repo, ready_file};
use crate::git::GitRepo;

/// Every element compliant, but 1.1.1 cites a document that does not exist and 2.1.1 has an
/// impossible review date: both are errors, so the evidence is not assessment-ready.
#[test]
fn errors_block_assessment_ready_everywhere() {
    let repo = Repo::complete();
    repo.write(
        "evidence/1.1.1.md",
        &ready_file("1.1.1").replace("../docs/proof.txt", "../docs/missing.pdf"),
    );
    repo.write(
        "evidence/2.1.1.md",
        &ready_file("2.1.1").replace("reviewed: 2026-06-01", "reviewed: 2026-31-01"),
    );
    let out = repo
        .cse()
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["assessment_ready"], false);
    assert_eq!(
        doc["assessment_reasons"],
        serde_json::json!(["2 elements have errors: 1.1.1, 2.1.1 (run cse check)"])
    );

    let gate = repo
        .cse()
        .args(["status", "--require-assessment-ready"])
        .output()
        .unwrap();
    assert_eq!(gate.status.code(), Some(1));
    let table = String::from_utf8_lossy(&gate.stdout);
    assert!(table.contains("assessment-ready: no"), "{table}");

    let html = repo.cse().args(["report", "--out", "-"]).output().unwrap();
    let html = String::from_utf8_lossy(&html.stdout);
    assert!(html.contains("Not yet ready for assessment"), "{html}");
    assert!(
        html.contains("2 elements have errors: 1.1.1, 2.1.1"),
        "{html}"
    );
}

/// A file without `reviewed` whose last commit is old is stale for `check` and the report alike.
#[test]
fn the_report_judges_staleness_from_git_as_check_does() {
    let g = GitRepo::new();
    let unreviewed = ready_file("1.1.1").replace("reviewed: 2026-06-01\n", "");
    g.write("evidence/1.1.1.md", &unreviewed);
    g.commit("2025-01-10", "Old evidence");
    let check = g
        .cse()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let check: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let stale = crate::common::with_code(&check, "W001").len();
    assert_eq!(stale, 1, "{check}");
    let report = g
        .cse()
        .args(["report", "--format", "markdown", "--out", "-"])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&report.stdout);
    assert!(
        report.contains("| Reviews out of date | 1 |"),
        "the report must count the stale review check finds:\n{report}"
    );
}

/// A partial element with an action due at the end of June, as it stood at the assessment
/// in March, then made compliant in the autumn.
fn assessed_in_march() -> GitRepo {
    let g = GitRepo::new();
    let partial = ready_file("1.1.1").replace("status: compliant", "status: partial");
    let partial = partial.replacen(
        "evidence:",
        "actions:\n  - action: Publish the survey results\n    due: 2026-06-30\nevidence:",
        1,
    );
    g.write("evidence/1.1.1.md", &partial);
    g.commit("2026-03-14", "Evidence for the assessment");
    g.git(&["tag", "assessment-2026"]);
    g.write("evidence/1.1.1.md", &ready_file("1.1.1"));
    g.commit("2026-10-01", "1.1.1 is compliant now");
    g
}

fn run(g: &GitRepo, args: &[&str]) -> (i32, String) {
    // No CSE_TODAY: with --at, "today" is the commit's date.
    let out = g.cse().env_remove("CSE_TODAY").args(args).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "cse {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn every_reading_command_takes_at() {
    let g = assessed_in_march();
    let at = ["--at", "assessment-2026"];

    let (_, actions) = run(&g, &[&["actions", "--format", "json"][..], &at].concat());
    let actions: serde_json::Value = serde_json::from_str(&actions).unwrap();
    assert_eq!(
        actions["today"], "2026-03-14",
        "judged on the commit's date"
    );
    assert_eq!(actions["actions"][0]["due"], "2026-06-30");
    assert_eq!(actions["actions"][0]["overdue"], false);

    let (_, show) = run(&g, &[&["show", "1.1.1"][..], &at].concat());
    assert!(show.starts_with("Evidence at commit "), "{show}");
    assert!(show.contains("Partial"), "{show}");

    let (_, report) = run(
        &g,
        &[&["report", "--format", "markdown", "--out", "-"][..], &at].concat(),
    );
    let short = g.git(&["rev-parse", "--short", "assessment-2026"]);
    assert!(
        report.contains(&format!("from commit `{short}`")),
        "{report}"
    );
    assert!(report.contains("built on 14 March 2026"), "{report}");
    assert!(
        report.contains("| Open actions | 1 | 0 overdue"),
        "{report}"
    );

    let (_, check) = run(&g, &[&["check", "--format", "json"][..], &at].concat());
    let check: serde_json::Value = serde_json::from_str(&check).unwrap();
    assert!(
        crate::common::with_code(&check, "W003").is_empty(),
        "{check}"
    );

    // Read today, the same action would be long done: the file no longer has it.
    let (_, now) = run(&g, &["actions", "--format", "json"]);
    let now: serde_json::Value = serde_json::from_str(&now).unwrap();
    assert_eq!(now["actions"].as_array().unwrap().len(), 0);
}

/// An explicit CSE_TODAY still wins over the commit's date.
#[test]
fn cse_today_beats_the_commit_date() {
    let g = assessed_in_march();
    let out = g
        .cse()
        .args(["actions", "--format", "json", "--at", "assessment-2026"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["today"], crate::common::TODAY);
    assert_eq!(doc["actions"][0]["overdue"], true);
}
