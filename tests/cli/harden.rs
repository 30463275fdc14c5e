//! Hardening II (issue 12): hostile repositories neither hang `cse`, nor blow up its memory,
//! nor make it clobber files, nor pass for proof. One test (or a few) per finding.

use crate::common;

use std::fs;
use std::time::Duration;

use common::{Repo, ready_file, with_code};
use serde_json::Value;

/// Far more than any case needs on a slow, shared machine; only a hang comes near it.
const HANG: Duration = Duration::from_secs(120);

const F: &str = "evidence/1.1.1.md";

/// `cse check --format json` with a hang guard: the document and the exit code.
fn check(repo: &Repo) -> (Value, i32) {
    let out = repo
        .cse()
        .args(["check", "--format", "json"])
        .timeout(HANG)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (json, out.status.code().unwrap_or(-1))
}

/// The diagnostics about `file`.
fn about<'a>(json: &'a Value, file: &str) -> Vec<&'a Value> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == file)
        .collect()
}

/// A complete repository whose 1.1.1 has `from` replaced by `to`.
fn repo_with_111(from: &str, to: &str) -> Repo {
    let repo = Repo::complete();
    let text = ready_file("1.1.1");
    assert!(text.contains(from), "{from:?}");
    repo.write(F, &text.replace(from, to));
    repo
}

// --- 1. `ignore` patterns match in linear time ------------------------------------------------

#[test]
fn a_backtracking_ignore_pattern_finishes_and_matches_correctly() {
    let repo = Repo::complete();
    repo.write(
        "cse.toml",
        "ignore = [\"*a*a*a*a*a*a*a*a*a*a*a*a*b.md\", \"**/**/**/**/**/**/**/**/**/**/**/**/z.md\"]\n",
    );
    let a60 = "a".repeat(60);
    // Not matched (no `b`): still checked, so unknown.
    repo.write(&format!("evidence/{a60}.md"), "x");
    // Matched: ignored.
    repo.write(&format!("evidence/{a60}b.md"), "x");
    let deep = format!("evidence/{}", "d/".repeat(40));
    repo.write(&format!("{deep}z.md"), "x");
    repo.write(&format!("{deep}y.md"), "x");
    let (json, code) = check(&repo);
    assert_eq!(code, 1);
    let files: Vec<&str> = with_code(&json, "E002")
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [format!("evidence/{a60}.md"), format!("{deep}y.md")],
        "{json:#}"
    );
}

#[test]
fn ignore_patterns_take_classes_and_alternatives_and_refuse_broken_ones() {
    let repo = Repo::complete();
    repo.write("evidence/notes.draft.md", "x");
    repo.write("evidence/notes.old.md", "x");
    repo.write("evidence/x1.md", "x");
    repo.write(
        "cse.toml",
        "ignore = [\"*.{draft,old}.md\", \"x[0-9].md\"]\n",
    );
    let (json, code) = check(&repo);
    assert_eq!(
        (json["diagnostics"].as_array().unwrap().len(), code),
        (0, 0),
        "{json:#}"
    );
    repo.write("cse.toml", "ignore = [\"x[0-9.md\"]\n");
    let out = repo.cse().arg("check").timeout(HANG).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cse.toml:1"), "{stderr}");
    assert!(
        stderr.contains("ignore pattern `x[0-9.md` is not a glob"),
        "{stderr}"
    );
}

// --- 2. The link check is linear; at most 100 diagnostics per file ----------------------------

#[test]
fn nested_images_are_checked_in_linear_time_and_capped() {
    let repo = Repo::complete();
    let n = 170_000;
    let body = format!("{}x{}", "![".repeat(n), "](y)".repeat(n));
    let text = ready_file("1.1.1").replace("How we meet", &format!("{body}\nHow we meet"));
    repo.write(F, &text);
    let (json, code) = check(&repo);
    assert_eq!(code, 1);
    let diags = about(&json, F);
    assert_eq!(diags.len(), 101, "{:#?}", &diags[..3]);
    assert!(diags[..100].iter().all(|d| d["code"] == "E016"));
    let note = diags[100];
    assert_eq!(note["code"], "E019");
    assert_eq!(note["severity"], "error");
    let message = note["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("and {} more findings in this file", n - 100)),
        "{message}"
    );
    // Every format shows the note.
    let human = repo.cse().arg("check").timeout(HANG).output().unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(human.contains("error[E019]"), "{human}");
    assert!(human.contains(&format!("and {} more findings", n - 100)));
    let github = repo
        .cse()
        .args(["check", "--format", "github"])
        .timeout(HANG)
        .output()
        .unwrap();
    let github = String::from_utf8_lossy(&github.stdout);
    assert!(github.contains("E019"), "{github}");
}

#[test]
fn many_warnings_in_one_file_are_capped_with_a_warning_note() {
    let mut actions = String::from("actions:\n");
    for i in 0..150 {
        actions.push_str(&format!("  - action: Task {i}\n    due: 2020-01-01\n"));
    }
    let repo = repo_with_111("evidence:\n", &format!("{actions}evidence:\n"));
    let (json, code) = check(&repo);
    assert_eq!(code, 0, "{json:#}");
    let diags = about(&json, F);
    assert_eq!(diags.len(), 101);
    assert_eq!(diags[100]["code"], "E019");
    assert_eq!(diags[100]["severity"], "warning");
    assert!(
        diags[100]["message"]
            .as_str()
            .unwrap()
            .starts_with("and 50 more")
    );
}

// --- 12. An empty path, a folder or the file itself is no proof; no control characters in URLs

#[test]
fn a_path_that_is_not_a_document_is_an_error() {
    for (path, message) in [
        ("\"\"", "path is empty"),
        ("\".\"", "path `.` is a folder, not a document"),
        ("../", "path `../` is a folder, not a document"),
        ("../docs", "path `../docs` is a folder, not a document"),
        (
            "1.1.1.md",
            "path `1.1.1.md` is this evidence file itself, not a document",
        ),
        (
            "./1.1.1.md",
            "path `./1.1.1.md` is this evidence file itself, not a document",
        ),
    ] {
        let repo = repo_with_111("path: ../docs/proof.txt", &format!("path: {path}"));
        let (json, code) = check(&repo);
        let diags = about(&json, F);
        assert_eq!(code, 1, "{path}: {json:#}");
        assert_eq!(diags.len(), 1, "{path}: {diags:#?}");
        assert_eq!(diags[0]["code"], "E020", "{path}");
        assert_eq!(diags[0]["message"], message, "{path}");
        // Not ready: the element does not count.
        let status = repo
            .cse()
            .args(["status", "--format", "json"])
            .timeout(HANG)
            .output()
            .unwrap();
        let status: Value = serde_json::from_slice(&status.stdout).unwrap();
        assert!(
            status.to_string().contains("\"ready\":56"),
            "{path}: {status}"
        );
    }
}

#[test]
fn urls_with_control_characters_are_errors() {
    for url in [
        "\"https://example.org/a\\nb\"",
        "\"https://example.org/\\e[2J\"",
    ] {
        let repo = repo_with_111("path: ../docs/proof.txt", &format!("url: {url}"));
        let (json, code) = check(&repo);
        let diags = about(&json, F);
        assert_eq!(code, 1, "{url}: {json:#}");
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert_eq!(diags[0]["code"], "E014");
        let message = diags[0]["message"].as_str().unwrap();
        assert!(message.contains("holds a control character"), "{message}");
        assert!(
            !message.contains('\u{1b}') && !message.contains('\n'),
            "{message}"
        );
    }
}

// --- 13. A cse.toml that is not a regular file is an error, not "no config" -------------------

#[cfg(unix)]
#[test]
fn a_config_that_is_not_a_regular_file_is_an_error() {
    use std::os::unix::fs::symlink;
    let make: [(&str, fn(&std::path::Path)); 4] = [
        ("folder", |p| fs::create_dir(p).unwrap()),
        ("fifo", |p| {
            let ok = std::process::Command::new("mkfifo")
                .arg(p)
                .status()
                .unwrap();
            assert!(ok.success());
        }),
        ("zero", |p| symlink("/dev/zero", p).unwrap()),
        ("dangling", |p| symlink("nowhere.toml", p).unwrap()),
    ];
    for (what, make) in make {
        let repo = Repo::complete();
        make(&repo.path().join("cse.toml"));
        for args in [&["check"][..], &["status"], &["init", "."]] {
            let out = repo.cse().args(args).timeout(HANG).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{what} {args:?}: {stderr}");
            assert!(stderr.contains("cse.toml"), "{what}: {stderr}");
            assert!(
                stderr.contains("cannot read the config file"),
                "{what}: {stderr}"
            );
        }
    }
}
