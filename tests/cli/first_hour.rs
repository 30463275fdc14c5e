//! The first hour (issue 13): a fresh repository's first check fits one screen, misnamed
//! files are found, and `check` speaks SARIF and GitLab Code Quality.

use crate::common::{Repo, cse, with_code};
use crate::git::GitRepo;

/// `cse check` on a fresh `cse init` repository, with extra arguments.
fn first_check(args: &[&str]) -> (String, i32) {
    let dir = tempfile::tempdir().unwrap();
    let init = cse(dir.path()).arg("init").output().unwrap();
    assert!(init.status.success(), "{init:?}");
    let out = cse(dir.path()).arg("check").args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn a_fresh_repository_first_check_fits_one_screen_and_says_what_to_do() {
    let (out, code) = first_check(&[]);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() <= 40, "{} lines:\n{out}", lines.len());
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{out}");
    // Five warnings shown, the other 52 folded into a count and their ids.
    assert_eq!(out.matches("warning[W004]").count(), 5, "{out}");
    assert!(out.contains("… and 52 more W004 not-assessed"), "{out}");
    assert!(out.contains("5.3.3"), "the folded ids are listed:\n{out}");
    // The summary still counts all of them, and the last words say what to do first.
    assert!(out.contains("0 errors, 57 warnings in 57 files"), "{out}");
    let tail = lines[lines.len() - 4..].join("\n");
    assert!(tail.starts_with("What to do first"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn verbose_shows_every_warning_and_quiet_only_errors() {
    let (verbose, _) = first_check(&["--verbose"]);
    assert_eq!(verbose.matches("warning[W004]").count(), 57);
    assert_eq!(verbose.matches("= help:").count(), 57);
    let (quiet, code) = first_check(&["-q"]);
    assert_eq!(code, 0);
    assert_eq!(quiet, "0 errors, 57 warnings in 57 files\n");
}

#[test]
fn errors_come_before_warnings_and_are_never_folded() {
    let repo = Repo::empty();
    let catalogue = cse::catalogue::Catalogue::builtin().unwrap();
    for e in catalogue.elements() {
        let id = &e.element.id;
        // 1.x elements have a bad status (errors), the rest are not assessed (warnings).
        let status = if id.starts_with("1.") {
            "Complient"
        } else {
            "not-assessed"
        };
        repo.write(
            &format!("evidence/{id}.md"),
            &format!("---\nelement: {id}\nstatus: {status}\n---\n"),
        );
    }
    let out = repo.cse().arg("check").output().unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let first_warning = out.find("warning[").unwrap();
    let last_error = out.rfind("error[").unwrap();
    assert!(last_error < first_warning, "{out}");
    assert_eq!(out.matches("error[E008]").count(), 11, "{out}");
    assert!(out.contains("What to do first"), "{out}");
    assert!(out.contains("Fix the errors in the evidence file"), "{out}");
    let quiet = repo.cse().args(["check", "--quiet"]).output().unwrap();
    let quiet = String::from_utf8(quiet.stdout).unwrap();
    assert!(!quiet.contains("warning["), "{quiet}");
    assert_eq!(quiet.matches("error[E008]").count(), 11);
    assert!(
        quiet.ends_with("11 errors, 46 warnings in 57 files\n"),
        "{quiet}"
    );
}

#[test]
fn misnamed_evidence_files_are_found_with_a_rename_hint() {
    let repo = Repo::complete();
    for (id, name) in [
        ("1.2.2", "1.2.2.md.txt"),
        ("1.2.3", "1.2.3.markdown"),
        ("1.3.1", "1.3.1.txt"),
        ("2.1.1", "2.1.1.docx"),
    ] {
        repo.remove(&format!("evidence/{id}.md"));
        repo.write(&format!("evidence/{name}"), "---\nelement: x\n---\n");
    }
    let (json, code) = repo.check_json();
    assert_eq!(code, 1);
    assert!(with_code(&json, "E001").is_empty(), "{json:#}");
    let found = with_code(&json, "E040");
    assert_eq!(found.len(), 4, "{json:#}");
    assert_eq!(found[0]["file"], "evidence/1.2.2.md.txt");
    assert_eq!(found[0]["element"], "1.2.2");
    assert_eq!(
        found[0]["help"],
        "rename it to `evidence/1.2.2.md`: cse reads only files ending in `.md`"
    );
    let docx = found.iter().find(|d| d["element"] == "2.1.1").unwrap();
    assert!(
        docx["help"]
            .as_str()
            .unwrap()
            .starts_with("evidence files are markdown: copy its text into `evidence/2.1.1.md`"),
        "{docx:#}"
    );
    // A misnamed file for an element that has its `.md` is left alone (notes, exports).
    repo.write("evidence/1.1.1.txt", "notes");
    let (json, _) = repo.check_json();
    assert_eq!(with_code(&json, "E040").len(), 4);
}

#[test]
fn misnamed_evidence_files_are_found_at_a_commit_too() {
    let g = GitRepo::new();
    let catalogue = cse::catalogue::Catalogue::builtin().unwrap();
    for e in catalogue.elements() {
        let id = &e.element.id;
        g.write(&format!("evidence/{id}.md"), &crate::common::ready_file(id));
    }
    std::fs::remove_file(g.path().join("evidence/4.1.1.md")).unwrap();
    g.write("evidence/4.1.1.md.txt", "text");
    g.commit("2026-03-01", "notepad");
    let out = g
        .cse()
        .args(["check", "--at", "HEAD", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = with_code(&json, "E040");
    assert_eq!(found.len(), 1, "{json:#}");
    assert_eq!(found[0]["file"], "evidence/4.1.1.md.txt");
}

/// The example repository's check in `format`.
fn example_check(format: &str) -> serde_json::Value {
    let out = cse(&crate::common::project_root())
        .args(["check", "--format", format])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A repository with an error and warnings of several kinds, for the CI formats.
fn mixed_repo() -> Repo {
    let repo = Repo::complete();
    repo.remove("evidence/1.1.1.md");
    repo.write(
        "evidence/1.1.2.md",
        "---\nelement: 1.1.2\nstatus: partial\nreviewed: 2020-01-01\n---\n",
    );
    repo.write("evidence/9.9.9.md", "---\nelement: 9.9.9\n---\n");
    repo
}

fn run_json(repo: &Repo, format: &str) -> serde_json::Value {
    let out = repo
        .cse()
        .args(["check", "--format", format])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/sarif-2.1.0-rtm.5.json")).unwrap();
    // rtm.5's `language` pattern has a stray `]` that strict regex engines refuse (the
    // OASIS release fixed it): use the fixed pattern, and check everything else as is.
    let text = serde_json::to_string(&schema).unwrap().replace(
        r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
        r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#,
    );
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let repo = mixed_repo();
    let sarif = run_json(&repo, "sarif");
    for log in [sarif.clone(), example_check("sarif")] {
        if let Err(e) = validator.validate(&log) {
            panic!("not valid SARIF 2.1.0: {e}\n{log:#}");
        }
    }
    // The schema's own check can fail: a result without a message is refused.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!validator.is_valid(&broken));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let json = repo.check_json().0;
    assert_eq!(results.len(), json["diagnostics"].as_array().unwrap().len());
    let missing = results.iter().find(|r| r["ruleId"] == "E001").unwrap();
    assert_eq!(missing["level"], "error");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for r in results {
        let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
    }
}

#[test]
fn gitlab_output_has_stable_unique_fingerprints() {
    let repo = mixed_repo();
    let first = run_json(&repo, "gitlab");
    let second = run_json(&repo, "gitlab");
    assert_eq!(first, second);
    let issues = first.as_array().unwrap();
    let json = repo.check_json().0;
    assert_eq!(issues.len(), json["diagnostics"].as_array().unwrap().len());
    let mut prints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    prints.sort_unstable();
    prints.dedup();
    assert_eq!(prints.len(), issues.len(), "fingerprints are unique");
    for i in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[key].is_string(), "{key} in {i:#}");
        }
        assert!(i["location"]["path"].is_string(), "{i:#}");
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(["major", "minor"].contains(&i["severity"].as_str().unwrap()));
    }
    // A finding keeps its fingerprint when a line is added above it.
    let stale = |v: &serde_json::Value| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|i| i["check_name"] == "W001")
            .map(|i| i["fingerprint"].clone())
    };
    repo.write(
        "evidence/1.1.2.md",
        "---\nelement: 1.1.2\nowner: Ann\nstatus: partial\nreviewed: 2020-01-01\n---\n",
    );
    let moved = run_json(&repo, "gitlab");
    assert!(stale(&first).is_some());
    assert_eq!(stale(&first), stale(&moved));
    let _ = example_check("gitlab");
}
