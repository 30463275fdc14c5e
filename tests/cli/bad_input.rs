//! The bad-input corpus: whatever an evidence folder holds, `cse check` gives a diagnostic
//! (exit 1) or a clear error (exit 2), never a panic, a hang or unbounded memory.
//!
//! Each case starts from a complete, clean repository and spoils one thing, so the diagnostics
//! about that one file are exactly what the case produces.

use crate::common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use common::{Repo, ready_file};
use serde_json::Value;

/// Enough for any case on a slow, shared machine; only a hang comes near it.
const HANG: Duration = Duration::from_secs(120);

/// A complete, clean repository with `rel` written as `bytes`.
fn repo_with(rel: &str, bytes: &[u8]) -> Repo {
    let repo = Repo::complete();
    repo.write_bytes(rel, bytes);
    repo
}

/// `cse check --format json`: every diagnostic and the exit code.
fn check(repo: &Repo) -> (Vec<Value>, i32) {
    let (json, code) = repo.check_json_within(HANG);
    (json["diagnostics"].as_array().unwrap().clone(), code)
}

/// The diagnostics about `file`, after checking that nothing else was found and that the
/// exit code is 1 when there are errors, 0 when there are only warnings.
fn findings(repo: &Repo, file: &str) -> Vec<Value> {
    let (diags, code) = check(repo);
    let (about, others): (Vec<Value>, Vec<Value>) =
        diags.into_iter().partition(|d| d["file"] == file);
    assert!(others.is_empty(), "unexpected: {others:#?}");
    assert!(!about.is_empty());
    let errors = about.iter().any(|d| d["severity"] == "error");
    assert_eq!(code, i32::from(errors), "{about:#?}");
    about
}

/// The one diagnostic about `file`, which must have `code` and a message containing `text`.
fn one(repo: &Repo, file: &str, code: &str, text: &str) -> Value {
    let about = findings(repo, file);
    assert_eq!(about.len(), 1, "{about:#?}");
    let d = about.into_iter().next().unwrap();
    assert_eq!(d["code"], code, "{d:#?}");
    let message = d["message"].as_str().unwrap();
    assert!(message.contains(text), "{message:?} lacks {text:?}");
    d
}

fn assert_clean(repo: &Repo) {
    let (diags, code) = check(repo);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(code, 0);
}

fn line(d: &Value) -> u64 {
    d["line"].as_u64().unwrap()
}

const F: &str = "evidence/1.1.1.md";

/// `ready_file("1.1.1")` with `from` replaced by `to`.
fn ready_with(from: &str, to: &str) -> String {
    let text = ready_file("1.1.1");
    assert!(text.contains(from), "{from:?}");
    text.replace(from, to)
}

// --- Empty, truncated and misplaced front matter -------------------------------------------

#[test]
fn an_empty_file() {
    let d = one(&repo_with(F, b""), F, "E004", "the file is empty");
    assert_eq!(line(&d), 1);
}

#[test]
fn a_file_holding_only_dashes() {
    for text in ["---", "---\n", "---\r\n"] {
        let d = one(&repo_with(F, text.as_bytes()), F, "E005", "never closed");
        assert_eq!(line(&d), 1);
    }
}

#[test]
fn front_matter_never_closed() {
    let text = "---\nelement: 1.1.1\nstatus: compliant\n\nHow we meet it.\n";
    let d = one(&repo_with(F, text.as_bytes()), F, "E005", "never closed");
    assert!(d["help"].as_str().unwrap().contains("`---`"));
}

#[test]
fn front_matter_not_on_the_first_line() {
    let text = format!("# Notes\n\n{}", ready_file("1.1.1"));
    one(
        &repo_with(F, text.as_bytes()),
        F,
        "E004",
        "does not start on the first line",
    );
}

// --- Encodings and line endings ------------------------------------------------------------

#[test]
fn a_binary_file_named_md() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    one(&repo_with(F, png), F, "E018", "binary");
}

#[test]
fn invalid_utf8() {
    // Latin-1 `é` (one byte, 0xE9) where UTF-8 was expected, on line 4.
    let text = ready_with("owner: Manager", "owner: Caf@");
    let latin1: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'@' { 0xE9 } else { b })
        .collect();
    let d = one(&repo_with(F, &latin1), F, "E018", "not valid UTF-8");
    assert!(d["message"].as_str().unwrap().contains("line 4"), "{d}");
}

#[test]
fn utf16_with_a_byte_order_mark() {
    let text = ready_file("1.1.1");
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    one(&repo_with(F, &le), F, "E018", "UTF-16");
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    one(&repo_with(F, &be), F, "E018", "UTF-16");
}

#[test]
fn a_utf8_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", ready_file("1.1.1"));
    assert_clean(&repo_with(F, text.as_bytes()));
}

#[test]
fn crlf_line_endings() {
    let text = ready_file("1.1.1").replace('\n', "\r\n");
    assert_clean(&repo_with(F, text.as_bytes()));
    // Positions are still right.
    let bad = text.replace("status: compliant", "status: complaint");
    let d = one(&repo_with(F, bad.as_bytes()), F, "E008", "`complaint`");
    assert_eq!((line(&d), d["column"].as_u64().unwrap()), (3, 9));
}

#[test]
fn mixed_line_endings() {
    // LF, CRLF and a lone CR (old Mac) in one file.
    let text = "---\r\nelement: 1.1.1\rstatus: compliant\nowner: Manager\r\nreviewed: 2026-06-01\r\
                evidence:\n  - title: Proof\r\n    path: ../docs/proof.txt\n---\r\nBody\rMore\n";
    assert_clean(&repo_with(F, text.as_bytes()));
    // A lone CR counts as a line break, as in editors, so positions match what people see.
    let bad = text.replace("status: compliant", "status: complaint");
    let d = one(&repo_with(F, bad.as_bytes()), F, "E008", "`complaint`");
    assert_eq!(line(&d), 3);
}

#[test]
fn unicode_line_and_paragraph_separators() {
    // Found by the property test: a line holding only U+2028 made the terminal output panic.
    for sep in ["\u{2028}", "\u{2029}", "\u{85}", "\u{a0}"] {
        let text = format!("---\n{sep}\n\n---\n");
        let repo = repo_with(F, text.as_bytes());
        // Unicode white space only: an empty front matter, reported on its first line.
        let d = one(&repo, F, "E017", "missing required field `element`");
        assert_eq!(line(&d), 2);
        let out = repo.cse().arg("check").timeout(HANG).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("error[E017]"));
    }
}

// --- YAML ----------------------------------------------------------------------------------

#[test]
fn tabs_in_the_yaml() {
    let text = ready_with("  - title: Proof", "\t- title: Proof");
    let d = one(
        &repo_with(F, text.as_bytes()),
        F,
        "E006",
        "a tab where YAML needs spaces",
    );
    // At the tab itself.
    assert_eq!((line(&d), d["column"].as_u64().unwrap()), (7, 1));
    assert!(d["help"].as_str().unwrap().contains("indent with spaces"));
}

#[test]
fn duplicate_keys_are_errors() {
    let text = ready_with("owner: Manager\n", "owner: Manager\nstatus: partial\n");
    let d = one(
        &repo_with(F, text.as_bytes()),
        F,
        "E006",
        "duplicate key `status`",
    );
    assert_eq!(line(&d), 5);
    // Inside a list item too.
    let text = ready_with(
        "    path: ../docs/proof.txt\n",
        "    path: ../docs/proof.txt\n    path: ../docs/other.txt\n",
    );
    let d = one(
        &repo_with(F, text.as_bytes()),
        F,
        "E006",
        "duplicate key `path`",
    );
    assert_eq!(line(&d), 9);
}

#[test]
fn ten_thousand_levels_of_nesting() {
    let deep =
        |open: &str, close: &str| format!("{}1{}", open.repeat(10_000), close.repeat(10_000));
    // Where a list is expected, the depth limit stops it.
    let text = ready_with(
        "evidence:\n  - title: Proof\n    path: ../docs/proof.txt",
        "",
    )
    .replace(
        "reviewed: 2026-06-01\n",
        &format!("reviewed: 2026-06-01\nevidence: {}\n", deep("[", "]")),
    );
    let d = one(
        &repo_with(F, text.as_bytes()),
        F,
        "E006",
        "nests deeper than 32 levels",
    );
    assert_eq!(line(&d), 6);
    // Where text is expected, the type is wrong before the depth matters.
    let text = ready_with("owner: Manager", &format!("owner: {}", deep("{a: ", "}")));
    let d = one(
        &repo_with(F, text.as_bytes()),
        F,
        "E017",
        "`owner` should be a single value",
    );
    assert_eq!(line(&d), 4);
    // Block nesting, two bytes a level.
    let text = format!("---\n{}x\n---\n", "- ".repeat(10_000));
    one(
        &repo_with(F, text.as_bytes()),
        F,
        "E017",
        "`name: value` lines",
    );
}

#[test]
fn a_billion_laughs_alias_bomb() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, name) in "bcdefghi".chars().enumerate() {
        let prev = (b'a' + i as u8) as char;
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    // As the classic bomb stands, before the real fields.
    let text = format!("---\n{bomb}element: 1.1.1\nstatus: partial\n---\n");
    let d = one(
        &repo_with(F, text.as_bytes()),
        F,
        "E007",
        "unknown field `a`",
    );
    assert_eq!(line(&d), 2);
    // Hidden in a field that takes a list: the alias limit stops it.
    let mut text = String::from(
        "---\nelement: 1.1.1\nstatus: partial\nreviewed: 2026-06-01\nactions:\n  - &a {action: lol}\n",
    );
    text.push_str(&"  - *a\n".repeat(1000));
    text.push_str("---\n");
    let d = one(&repo_with(F, text.as_bytes()), F, "E006", "safety limit");
    assert!(d["message"].as_str().unwrap().contains("aliases"), "{d}");
}

#[test]
fn a_second_yaml_document_in_the_front_matter() {
    let text = ready_with("owner: Manager\n", "owner: Manager\n--- !tag\n");
    one(
        &repo_with(F, text.as_bytes()),
        F,
        "E006",
        "second YAML document",
    );
}

// --- Size ----------------------------------------------------------------------------------

#[test]
fn a_50_mb_file_is_refused_without_being_read() {
    let repo = Repo::complete();
    let file = fs::OpenOptions::new()
        .write(true)
        .open(repo.path().join(F))
        .unwrap();
    // Sparse: 50 MiB on paper, almost nothing on disk. The read limit is tested in `tree`.
    file.set_len(50 * 1024 * 1024).unwrap();
    drop(file);
    let d = one(&repo, F, "E018", "the file is 50 MiB, over the 1 MiB limit");
    assert!(d["help"].as_str().unwrap().contains("link large documents"));
}

#[test]
fn a_10000_line_front_matter_is_accepted() {
    let mut text =
        String::from("---\nelement: 1.1.1\nstatus: compliant\nreviewed: 2026-06-01\nevidence:\n");
    for i in 0..4998 {
        text.push_str(&format!(
            "  - title: Page {i}\n    url: https://example.org/{i}\n"
        ));
    }
    text.push_str("---\nBody\n");
    assert!(text.lines().count() > 10_000);
    assert_clean(&repo_with(F, text.as_bytes()));
}

#[test]
fn a_very_long_line() {
    // Long text where text is allowed is fine.
    let text = ready_with("owner: Manager", &format!("owner: {}", "x".repeat(900_000)));
    assert_clean(&repo_with(F, text.as_bytes()));
    // A long wrong value is quoted briefly, in JSON and on the terminal.
    let text = ready_with(
        "status: compliant",
        &format!("status: {}", "y".repeat(500_000)),
    );
    let repo = repo_with(F, text.as_bytes());
    let d = one(&repo, F, "E008", "is not a status");
    assert!(d["message"].as_str().unwrap().len() < 200, "{d}");
    let out = repo.cse().arg("check").timeout(HANG).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.len() < 2_000, "{}", out.stdout.len());
}

// --- Values of the wrong kind --------------------------------------------------------------

#[test]
fn status_written_as_a_list() {
    let text = ready_with("status: compliant", "status: [compliant]");
    let d = one(
        &repo_with(F, text.as_bytes()),
        F,
        "E017",
        "`status` should be a single value",
    );
    assert_eq!((line(&d), d["column"].as_u64().unwrap()), (3, 9));
}

#[test]
fn element_naming_a_sub_criterion() {
    let text = ready_with("element: 1.1.1", "element: 1.2");
    let d = one(
        &repo_with(F, text.as_bytes()),
        F,
        "E009",
        "is a sub-criterion, not an element",
    );
    let help = d["help"].as_str().unwrap();
    assert!(
        help.contains("element: 1.1.1") && !help.contains("rename"),
        "{help}"
    );
}

#[test]
fn element_with_four_parts() {
    let text = ready_with("element: 1.1.1", "element: 1.2.2.9");
    let d = one(
        &repo_with(F, text.as_bytes()),
        F,
        "E009",
        "`element: 1.2.2.9` is not an element",
    );
    assert!(!d["help"].as_str().unwrap().contains("rename"));
}

#[test]
fn numbers_where_text_is_expected_are_accepted() {
    // Decided: accepted as text (see the README's evidence format).
    let text = ready_with("owner: Manager", "owner: 42").replace("title: Proof", "title: 2026");
    assert_clean(&repo_with(F, text.as_bytes()));
}

#[test]
fn yaml_1_1_booleans_are_accepted() {
    // Decided: `yes`/`no`/`on`/`off` are booleans (see the README). A done action is never
    // overdue; an open one past its date is.
    let with_done = |word: &str| {
        ready_with(
            "---\nHow we meet",
            &format!(
                "actions:\n  - action: Survey\n    due: 2020-01-01\n    done: {word}\n---\nHow we meet"
            ),
        )
    };
    for word in ["yes", "Yes", "on", "true"] {
        assert_clean(&repo_with(F, with_done(word).as_bytes()));
    }
    for word in ["no", "off", "false"] {
        one(
            &repo_with(F, with_done(word).as_bytes()),
            F,
            "W003",
            "was due on 2020-01-01",
        );
    }
    let d = one(
        &repo_with(F, with_done("maybe").as_bytes()),
        F,
        "E017",
        "`done` should be true or false",
    );
    assert_eq!(line(&d), 12);
}

#[test]
fn dates_as_strings_and_as_yaml_timestamps() {
    for reviewed in [
        "2026-06-01",
        "\"2026-06-01\"",
        "'2026-06-01'",
        "2026-06-01T10:00:00Z",
        "2026-06-01 10:00:00 +01:00",
        "\"2026-06-01T10:00:00.5Z\"",
    ] {
        let text = ready_with("reviewed: 2026-06-01", &format!("reviewed: {reviewed}"));
        assert_clean(&repo_with(F, text.as_bytes()));
    }
    for reviewed in [
        "2026-02-30",
        "01/06/2026",
        "2026-6-1",
        "2026-06-01T25:00:00Z",
        "tomorrow",
    ] {
        let text = ready_with("reviewed: 2026-06-01", &format!("reviewed: {reviewed}"));
        let d = one(
            &repo_with(F, text.as_bytes()),
            F,
            "E010",
            "is not a real date",
        );
        assert_eq!(line(&d), 5, "{reviewed}");
    }
}

// --- Paths and URLs ------------------------------------------------------------------------

#[test]
fn paths_outside_the_repository() {
    for path in [
        "/etc/passwd",
        "../../../../etc/passwd",
        "C:\\Windows\\win.ini",
        "..\\..\\..\\x",
    ] {
        let text = ready_with("path: ../docs/proof.txt", &format!("path: {path}"));
        let d = one(
            &repo_with(F, text.as_bytes()),
            F,
            "E013",
            "leads outside the repository",
        );
        assert_eq!(line(&d), 8, "{path}");
    }
}

#[cfg(unix)]
#[test]
fn paths_through_symlinks_that_leave_the_repository_are_never_opened() {
    use std::os::unix::fs::symlink;
    // Outside the repository: named pipes. Opening one to read blocks until someone writes,
    // so if cse opened either, this test would hang instead of passing.
    let outside = tempfile::tempdir().unwrap();
    for name in ["secret.txt", "secret.md"] {
        let status = std::process::Command::new("mkfifo")
            .arg(outside.path().join(name))
            .status()
            .unwrap();
        assert!(status.success());
    }
    let repo = Repo::complete();
    symlink(outside.path(), repo.path().join("docs/out")).unwrap();
    let text = ready_with("path: ../docs/proof.txt", "path: ../docs/out/secret.txt").replace(
        "How we meet",
        "See [the secret](../docs/out/secret.md). How we meet",
    );
    repo.write(F, &text);
    repo.remove("evidence/1.1.2.md");
    symlink(
        outside.path().join("secret.md"),
        repo.path().join("evidence/1.1.2.md"),
    )
    .unwrap();

    let (diags, code) = check(&repo);
    assert_eq!(code, 1);
    let summary: Vec<(&str, &str, &str)> = diags
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                F,
                "E013",
                "path `../docs/out/secret.txt` leads outside the repository"
            ),
            (
                F,
                "E013",
                "link `../docs/out/secret.md` leads outside the repository"
            ),
            (
                "evidence/1.1.2.md",
                "E018",
                "cannot read the file: it is a symlink that leads outside the repository"
            ),
        ]
    );
}

#[test]
fn urls_that_are_not_web_addresses() {
    for url in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "http://",
        "https:///path",
        "example.org",
    ] {
        let text = ready_with("path: ../docs/proof.txt", &format!("url: {url}"));
        let d = one(
            &repo_with(F, text.as_bytes()),
            F,
            "E014",
            "is not an http or https address",
        );
        assert_eq!(line(&d), 8, "{url}");
    }
}

// --- What the folder holds -----------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_symlink_loop_inside_the_evidence_folder() {
    use std::os::unix::fs::symlink;
    let repo = Repo::complete();
    let evidence = repo.path().join("evidence");
    fs::remove_file(evidence.join("1.1.1.md")).unwrap();
    symlink("1.1.2x.md", evidence.join("1.1.1.md")).unwrap();
    symlink("1.1.1.md", evidence.join("1.1.2x.md")).unwrap();
    // A folder that contains itself.
    fs::create_dir(evidence.join("loop")).unwrap();
    symlink("..", evidence.join("loop/again")).unwrap();
    symlink("../loop", evidence.join("loop/self.md")).unwrap();
    let (diags, code) = check(&repo);
    assert_eq!(code, 1);
    let loops: Vec<&str> = diags
        .iter()
        .filter(|d| d["code"] == "E018")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        loops,
        [
            "evidence/1.1.1.md",
            "evidence/1.1.2x.md",
            "evidence/loop/self.md"
        ]
    );
    let messages: Vec<&str> = diags
        .iter()
        .filter(|d| d["code"] == "E018")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(messages[0].contains("symlink loop"), "{messages:?}");
    assert!(messages[2].contains("symlink to a folder"), "{messages:?}");
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink() {
    let repo = Repo::complete();
    repo.remove(F);
    std::os::unix::fs::symlink("gone.md", repo.path().join(F)).unwrap();
    let d = one(&repo, F, "E018", "dangling symlink");
    assert_eq!(d["element"], "1.1.1");
}

#[test]
fn a_folder_named_like_an_evidence_file() {
    let repo = Repo::complete();
    repo.remove(F);
    fs::create_dir(repo.path().join(F)).unwrap();
    // Its contents are still looked at, as any subfolder's.
    repo.write("evidence/1.1.1.md/notes.txt", "not evidence\n");
    one(&repo, F, "E018", "it is a folder, not a file");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_named_like_an_evidence_file() {
    let repo = Repo::complete();
    repo.remove(F);
    let status = std::process::Command::new("mkfifo")
        .arg(repo.path().join(F))
        .status()
        .unwrap();
    assert!(status.success());
    one(&repo, F, "E018", "not a regular file");
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let repo = Repo::complete();
    let path = repo.path().join(F);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        // Root (or a process with CAP_DAC_OVERRIDE) reads it anyway: nothing to test.
        eprintln!("skipped: this test runs with permission to read any file (as root?)");
        return;
    }
    let d = one(&repo, F, "E018", "permission denied: you may not read it");
    assert_eq!(d["element"], "1.1.1");
    // A folder that may not be opened.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let private = repo.path().join("evidence/private");
    fs::create_dir(&private).unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o000)).unwrap();
    one(
        &repo,
        "evidence/private",
        "E018",
        "a folder you may not open",
    );
}

#[test]
fn names_with_spaces_non_ascii_letters_and_upper_case_md() {
    let repo = Repo::complete();
    // Upper-case extension, a folder with spaces and accents.
    repo.remove(F);
    repo.write("evidence/1.1.1.MD", &ready_file("1.1.1"));
    repo.remove("evidence/1.1.2.md");
    repo.write(
        "evidence/Customer insight – café/1.1.2.md",
        &ready_file("1.1.2").replace("../docs/proof.txt", "../../docs/Rapport d’été 2026.txt"),
    );
    repo.write("docs/Rapport d’été 2026.txt", "proof\n");
    // Names in other scripts that are not markdown are not evidence; they must not trip
    // anything up (a Greek or Cyrillic name once made the `.md` test panic).
    for name in ["αβγ", "отчёт", "ééé", "日本語.pdf", "Ünïcödé.MD.txt"] {
        repo.write(&format!("evidence/{name}"), "x");
    }
    assert_clean(&repo);

    // A stray markdown file with such a name is reported with its name intact.
    repo.write("evidence/Notes – réunion.md", "notes\n");
    let about = findings(&repo, "evidence/Notes – réunion.md");
    let codes: Vec<&str> = about.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["E002", "E004"]);
    assert!(
        about[0]["message"]
            .as_str()
            .unwrap()
            .contains("`Notes – réunion` is not an element")
    );
}

#[test]
fn a_copy_of_an_evidence_file_points_at_the_original() {
    let repo = Repo::complete();
    repo.write("evidence/1.1.1 copy.md", &ready_file("1.1.1"));
    let d = one(
        &repo,
        "evidence/1.1.1 copy.md",
        "E002",
        "`1.1.1 copy` is not an element",
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .contains("already has evidence in evidence/1.1.1.md"),
        "{d}"
    );
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let text = ready_with(
        "title: Proof\n    path: ../docs/proof.txt",
        "title: \"\\e[2J\\e[31mgotcha\"",
    );
    let repo = repo_with(F, text.as_bytes());
    let d = one(&repo, F, "W012", "has neither `path` nor `url`");
    assert!(d["message"].as_str().unwrap().contains("\\u{1b}[2J"), "{d}");
    let out = repo.cse().arg("check").timeout(HANG).output().unwrap();
    assert!(
        !out.stdout.contains(&0x1b),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

// --- Many files ----------------------------------------------------------------------------

fn empty_files(dir: &Path, count: usize) {
    for i in 0..count {
        fs::File::create(dir.join(format!("note-{i:06}.md"))).unwrap();
    }
}

#[test]
fn an_evidence_folder_of_one_file_too_many() {
    let repo = Repo::empty();
    empty_files(&repo.path().join("evidence"), 10_001);
    let out = repo.cse().arg("check").timeout(HANG).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot read evidence: it holds 10001 markdown files, more than the 10000"),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn many_stray_files_are_summarised_on_the_terminal() {
    let repo = Repo::complete();
    empty_files(&repo.path().join("evidence"), 250);
    let out = repo.cse().arg("check").timeout(HANG).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("error[E002]").count(), 100);
    assert!(
        stdout.contains("note: 150 more E002 unknown-element not shown"),
        "{stdout}"
    );
    assert!(
        stdout.contains("note: 150 more E004 no-front-matter not shown"),
        "{stdout}"
    );
    assert!(
        stdout.contains("500 errors, 0 warnings in 307 files\n"),
        "{stdout}"
    );
    // JSON keeps every one.
    let (diags, _) = check(&repo);
    assert_eq!(diags.len(), 500);
}

/// The folder of 10,000 empty notes in docs/limits.md: as many markdown files as `cse` reads.
#[test]
fn ten_thousand_stray_files_are_summarised_as_docs_limits_md_shows() {
    let repo = Repo::empty();
    empty_files(&repo.path().join("evidence"), 10_000);
    common::assert_page_runs(
        "docs/limits.md",
        "10,000 empty notes",
        repo.path(),
        &["check"],
        1,
    );
}
