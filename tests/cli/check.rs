//! `cse check`: one fixture per diagnostic, asserting its code, position and the exit status.

use crate::common;

use common::{Repo, with_code};

/// The front matter of a clean, ready 1.1.1 with `replace` applied, as lines.
fn file_111(lines: &[&str], body: &str) -> String {
    format!("---\n{}\n---\n{body}", lines.join("\n"))
}

const CLEAN: [&str; 7] = [
    "element: 1.1.1",
    "status: compliant",
    "owner: Manager",
    "reviewed: 2026-06-01",
    "evidence:",
    "  - title: Proof",
    "    path: ../docs/proof.txt",
];

/// Writes `contents` as evidence/1.1.1.md in an otherwise complete repository and checks it.
fn check_111(contents: &str) -> (serde_json::Value, i32) {
    let repo = Repo::complete();
    repo.write("evidence/1.1.1.md", contents);
    repo.check_json()
}

/// Asserts exactly one diagnostic with `code`, at `line`:`column` (when given), and the exit code.
fn expect(
    json: &serde_json::Value,
    exit: i32,
    want_exit: i32,
    code: &str,
    line: Option<u64>,
    column: Option<u64>,
) {
    let found = with_code(json, code);
    assert_eq!(found.len(), 1, "expected one {code}, got: {json:#}");
    let d = found[0];
    assert_eq!(d["line"].as_u64(), line, "line of {code}: {d:#}");
    if column.is_some() {
        assert_eq!(d["column"].as_u64(), column, "column of {code}: {d:#}");
    }
    assert_eq!(exit, want_exit, "exit status for {code}: {json:#}");
}

#[test]
fn clean_repository_passes() {
    let repo = Repo::complete();
    let (json, exit) = repo.check_json();
    assert_eq!(exit, 0);
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["warnings"], 0);
    assert_eq!(json["summary"]["files"], 57);
    assert_eq!(json["version"], 1);
}

#[test]
fn e001_missing_evidence() {
    let repo = Repo::complete();
    repo.remove("evidence/2.2.2.md");
    let (json, exit) = repo.check_json();
    expect(&json, exit, 1, "E001", None, None);
    let d = with_code(&json, "E001")[0];
    assert_eq!(d["element"], "2.2.2");
    assert!(d["file"].is_null());
}

#[test]
fn e002_unknown_element() {
    let repo = Repo::complete();
    repo.write("evidence/9.9.9.md", &common::ready_file("9.9.9"));
    let (json, exit) = repo.check_json();
    expect(&json, exit, 1, "E002", None, None);
    assert_eq!(with_code(&json, "E002")[0]["file"], "evidence/9.9.9.md");
}

#[test]
fn e003_duplicate_evidence() {
    let repo = Repo::complete();
    repo.write(
        "evidence/more/1.1.1.md",
        &common::ready_file("1.1.1").replace("../docs", "../../docs"),
    );
    let (json, exit) = repo.check_json();
    expect(&json, exit, 1, "E003", None, None);
    let d = with_code(&json, "E003")[0];
    assert_eq!(d["file"], "evidence/more/1.1.1.md");
    assert!(d["message"].as_str().unwrap().contains("evidence/1.1.1.md"));
}

#[test]
fn e004_no_front_matter() {
    let (json, exit) = check_111("# Hard to reach groups\n\nNo front matter here.\n");
    expect(&json, exit, 1, "E004", Some(1), Some(1));
}

#[test]
fn e005_unclosed_front_matter() {
    let (json, exit) = check_111("---\nelement: 1.1.1\nstatus: compliant\n");
    expect(&json, exit, 1, "E005", Some(1), Some(1));
}

#[test]
fn e006_yaml_syntax() {
    let mut lines = CLEAN.to_vec();
    lines[2] = "owner: \"Manager";
    let (json, exit) = check_111(&file_111(&lines, ""));
    let d = with_code(&json, "E006");
    assert_eq!(d.len(), 1, "{json:#}");
    let line = d[0]["line"].as_u64().unwrap();
    assert!(
        (4..=9).contains(&line),
        "a line inside the front matter: {line}"
    );
    assert_eq!(exit, 1);
}

#[test]
fn e006_duplicate_keys() {
    let mut lines = CLEAN.to_vec();
    lines.insert(3, "owner: Someone else");
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 1, "E006", Some(5), Some(1));
    assert!(
        with_code(&json, "E006")[0]["message"]
            .as_str()
            .unwrap()
            .contains("duplicate key `owner`")
    );
}

#[test]
fn e007_unknown_field_with_suggestion() {
    let mut lines = CLEAN.to_vec();
    lines[2] = "ownr: Manager";
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 1, "E007", Some(4), Some(1));
    assert_eq!(with_code(&json, "E007")[0]["help"], "did you mean `owner`?");
}

#[test]
fn e008_invalid_status_with_suggestion() {
    let mut lines = CLEAN.to_vec();
    lines[1] = "status: complaint";
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 1, "E008", Some(3), Some(9));
    assert_eq!(
        with_code(&json, "E008")[0]["help"],
        "did you mean `compliant`?"
    );
}

#[test]
fn e009_element_mismatch() {
    let mut lines = CLEAN.to_vec();
    lines[0] = "element: 1.1.2";
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 1, "E009", Some(2), Some(10));
}

#[test]
fn e010_impossible_date() {
    let mut lines = CLEAN.to_vec();
    lines[3] = "reviewed: 2026-02-30";
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 1, "E010", Some(5), Some(11));
}

#[test]
fn w012_evidence_item_with_a_title_only_is_a_warning() {
    let mut lines = CLEAN.to_vec();
    lines.truncate(6);
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 0, "W012", Some(7), Some(12));
    assert!(with_code(&json, "E011").is_empty(), "{json:#}");
}

#[test]
fn e011_evidence_item_with_both_path_and_url() {
    let mut lines = CLEAN.to_vec();
    lines.push("    url: https://example.org/");
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 1, "E011", Some(8), Some(11));
}

#[test]
fn e012_path_not_found() {
    let mut lines = CLEAN.to_vec();
    lines[6] = "    path: ../docs/nowhere.pdf";
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 1, "E012", Some(8), Some(11));
}

#[test]
fn e013_path_outside_repository() {
    for path in ["../../outside.txt", "/etc/passwd"] {
        let mut lines = CLEAN.to_vec();
        let line = format!("    path: {path}");
        lines[6] = &line;
        let (json, exit) = check_111(&file_111(&lines, ""));
        expect(&json, exit, 1, "E013", Some(8), Some(11));
        assert!(
            with_code(&json, "E013")[0]["message"]
                .as_str()
                .unwrap()
                .contains("outside the repository")
        );
    }
}

#[test]
fn e014_url_not_web() {
    let mut lines = CLEAN.to_vec();
    lines[6] = "    url: ftp://example.org/report.pdf";
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 1, "E014", Some(8), Some(10));
}

#[test]
fn e015_rated_without_evidence() {
    let lines = [
        "element: 1.1.1",
        "status: compliance-plus",
        "owner: Manager",
        "reviewed: 2026-06-01",
    ];
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 1, "E015", Some(3), Some(9));
}

#[test]
fn e016_broken_link_in_body() {
    let body = "We publish results.\n\nSee [the survey](../docs/survey.pdf) and [proof](../docs/proof.txt).\n";
    let (json, exit) = check_111(&file_111(&CLEAN, body));
    expect(&json, exit, 1, "E016", Some(12), Some(5));
}

#[test]
fn e017_wrong_type_and_missing_field() {
    let mut lines = CLEAN.to_vec();
    lines[1] = "status: [compliant]";
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 1, "E017", Some(3), None);

    let (json, exit) = check_111(&file_111(&["element: 1.1.1", "owner: Manager"], ""));
    expect(&json, exit, 1, "E017", Some(3), None);
    assert!(
        with_code(&json, "E017")[0]["message"]
            .as_str()
            .unwrap()
            .contains("status")
    );
}

#[test]
fn e018_unreadable_file() {
    let repo = Repo::complete();
    repo.write_bytes("evidence/1.1.1.md", b"\x00\x01binary\xff");
    let (json, exit) = repo.check_json();
    expect(&json, exit, 1, "E018", None, None);
}

#[test]
fn w001_stale_review() {
    let mut lines = CLEAN.to_vec();
    lines[3] = "reviewed: 2025-11-01";
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 0, "W001", Some(5), Some(11));
    assert_eq!(with_code(&json, "W001")[0]["severity"], "warning");
}

#[test]
fn w002_missing_review() {
    let mut lines = CLEAN.to_vec();
    lines.remove(3);
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 0, "W002", Some(3), Some(9));
}

#[test]
fn w003_overdue_action() {
    let mut lines = CLEAN.to_vec();
    lines.extend([
        "actions:",
        "  - action: Publish results",
        "    due: 2026-10-01",
        "  - action: Done already",
        "    due: 2026-01-01",
        "    done: true",
    ]);
    let (json, exit) = check_111(&file_111(&lines, ""));
    expect(&json, exit, 0, "W003", Some(11), Some(10));
}

#[test]
fn w004_not_assessed() {
    let (json, exit) = check_111(&file_111(
        &["element: 1.1.1", "status: not-assessed", "owner: \"\""],
        "",
    ));
    expect(&json, exit, 0, "W004", Some(3), Some(9));
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let repo = Repo::complete();
    repo.write(
        "evidence/1.1.1.md",
        &file_111(&["element: 1.1.1", "status: not-assessed"], ""),
    );
    repo.cse().arg("check").assert().code(0);
    repo.cse()
        .args(["check", "--deny-warnings"])
        .assert()
        .code(1);
}

#[test]
fn runs_from_a_subfolder_and_with_dash_c() {
    let repo = Repo::complete();
    common::cse(&repo.path().join("evidence"))
        .arg("check")
        .assert()
        .code(0);
    let outside = tempfile::tempdir().unwrap();
    common::cse(outside.path())
        .arg("-C")
        .arg(repo.path())
        .arg("check")
        .assert()
        .code(0);
}

#[test]
fn no_repository_is_exit_2() {
    let empty = tempfile::tempdir().unwrap();
    let out = common::cse(empty.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no evidence repository found"), "{stderr}");
}

#[test]
fn bad_usage_is_exit_2() {
    let repo = Repo::complete();
    repo.cse()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    repo.cse()
        .args(["check", "--no-such-flag"])
        .assert()
        .code(2);
}

/// A repository with one broken file per kind of problem, for the output snapshots.
fn broken_repo() -> Repo {
    let repo = Repo::complete();
    repo.remove("evidence/5.3.3.md");
    repo.write(
        "evidence/1.1.1.md",
        &file_111(
            &["element: 1.1.1", "status: complaint", "ownr: Manager"],
            "",
        ),
    );
    repo.write(
        "evidence/1.1.2.md",
        "---\nelement: 1.1.2\nstatus: compliant\nreviewed: 2026-02-30\nevidence:\n  - title: Report\n    path: ../docs/report.pdf\n  - title: \"Web page, with 100% of it\"\n    url: javascript:alert(1)\n---\nSee [the plan](plan.md).\n",
    );
    repo.write(
        "evidence/2.1.1.md",
        "---\nelement: 2.1.1\nstatus: partial\nowner: Head of Libraries\nreviewed: 2025-01-10\nactions:\n  - action: Refresh the customer charter\n    due: 2026-03-31\n---\n",
    );
    repo.write("evidence/notes.md", "Meeting notes\n");
    repo
}

#[test]
fn human_output_snapshot() {
    let repo = broken_repo();
    let out = repo.cse().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn json_output_snapshot() {
    let repo = broken_repo();
    let (json, exit) = repo.check_json();
    assert_eq!(exit, 1);
    insta::assert_json_snapshot!(json);
}

#[test]
fn github_output_snapshot() {
    let repo = broken_repo();
    let out = repo
        .cse()
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn junit_output_snapshot() {
    let repo = broken_repo();
    let out = repo
        .cse()
        .args(["check", "--format", "junit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn no_ansi_codes_when_piped() {
    let repo = broken_repo();
    let out = repo
        .cse()
        .env_remove("NO_COLOR")
        .arg("check")
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b), "ANSI escape in piped output");
    let out = repo
        .cse()
        .env_remove("NO_COLOR")
        .args(["--color", "always", "check"])
        .output()
        .unwrap();
    assert!(out.stdout.contains(&0x1b), "--color always colours");
}

#[test]
fn docs_document_every_code() {
    let page = std::fs::read_to_string(common::project_root().join("docs/check.md")).unwrap();
    for code in cse::diagnostic::Code::ALL {
        let row = format!("| `{}` | `{}` |", code.id(), code.name());
        assert!(
            page.contains(&row),
            "docs/check.md lacks a row for {}",
            code.id()
        );
    }
}

#[test]
fn shipped_example_passes() {
    let out = common::cse(&common::project_root())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{json:#}");
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["files"], 57);
}

#[test]
fn a_review_dated_after_today_is_a_warning_on_its_line() {
    let repo = common::Repo::complete();
    repo.write(
        "evidence/1.1.1.md",
        &common::ready_file("1.1.1").replace("reviewed: 2026-06-01", "reviewed: 2062-06-01"),
    );
    let (json, code) = repo.check_json();
    assert_eq!(code, 0, "a warning: {json}");
    let w040 = common::with_code(&json, "W040");
    assert_eq!(w040.len(), 1, "{json}");
    assert_eq!(w040[0]["file"], "evidence/1.1.1.md");
    assert_eq!(w040[0]["line"], 5);
}
