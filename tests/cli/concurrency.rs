//! The filesystem changes under `cse`'s feet, and its reader goes away: still no panic.

use crate::common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::mem_tree::MemTree;
use common::{Repo, ready_file};
use cse::catalogue::Catalogue;
use cse::checks::{self, CheckOptions, Unit};
use cse::diagnostic::{Code, Diagnostic};
use cse::tree::{FsTree, Listed, PathState, ReadError, Tree, TreeError};

/// Commands whose output may be cut short by a closed pipe. Add new commands here.
const PIPED_COMMANDS: &[&[&str]] = &[
    &["check"],
    &["check", "--format", "json"],
    &["check", "--format", "github"],
    &["check", "--format", "junit"],
    &["status"],
    &["status", "--format", "json"],
    &["priorities"],
    &["actions"],
    &["status", "--fail-under", "99"],
    &["show", "1.2.2"],
    &["report", "--out", "-"],
    &["due"],
    &["next"],
    &["docs"],
    &["man"],
    &["--help"],
];

/// A real tree that, once it has listed a folder, lets `change` rearrange the files: the
/// window between listing and reading that another program (an editor, `git checkout`)
/// may fall into.
struct ChangesAfterListing<'a> {
    inner: FsTree,
    change: &'a (dyn Fn() + Sync),
}

impl Tree for ChangesAfterListing<'_> {
    fn list(&self, dir: &str) -> Result<Vec<Listed>, TreeError> {
        let listed = self.inner.list(dir)?;
        (self.change)();
        Ok(listed)
    }
    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
        self.inner.read(path, limit)
    }
    fn probe(&self, path: &str) -> PathState {
        self.inner.probe(path)
    }
}

fn check(tree: &dyn Tree) -> Vec<Diagnostic> {
    let catalogue = Catalogue::builtin().unwrap();
    let options = CheckOptions::new(jiff::civil::date(2026, 11, 28));
    let unit = Unit {
        name: None,
        dir: "evidence".into(),
    };
    checks::check_unit(&catalogue, tree, &unit, &options)
        .expect("a changing folder is still checked")
        .diagnostics
}

#[test]
fn files_deleted_or_changed_while_checking_give_diagnostics() {
    let repo = Repo::complete();
    repo.write(
        "evidence/1.1.3.md",
        &ready_file("1.1.3").replace("../docs/proof.txt", "../docs/only-1.1.3.txt"),
    );
    repo.write("docs/only-1.1.3.txt", "proof\n");
    let root = repo.path().to_owned();
    let change = move || {
        fs::remove_file(root.join("evidence/1.1.1.md")).unwrap();
        fs::write(root.join("evidence/1.1.2.md"), "---\nelement: 1.1.2\n").unwrap();
        fs::remove_file(root.join("docs/only-1.1.3.txt")).unwrap();
    };
    let tree = ChangesAfterListing {
        inner: FsTree::new(repo.path()).unwrap(),
        change: &change,
    };
    let found: Vec<(String, Code, String)> = check(&tree)
        .into_iter()
        .map(|d| (d.file.unwrap_or_default(), d.code, d.message))
        .collect();
    assert_eq!(
        found,
        [
            (
                "evidence/1.1.1.md".to_owned(),
                Code::UnreadableFile,
                "cannot read the file: it no longer exists (was it moved or deleted while cse was running?)"
                    .to_owned()
            ),
            (
                "evidence/1.1.2.md".to_owned(),
                Code::UnclosedFrontMatter,
                "the front matter is never closed".to_owned()
            ),
            (
                "evidence/1.1.3.md".to_owned(),
                Code::PathNotFound,
                "path `../docs/only-1.1.3.txt` does not exist (looked for docs/only-1.1.3.txt)"
                    .to_owned()
            ),
        ]
    );
}

/// Lists a file it then cannot read, however it fails.
struct FailingReads(ReadError);

impl Tree for FailingReads {
    fn list(&self, _dir: &str) -> Result<Vec<Listed>, TreeError> {
        Ok(vec![Listed {
            path: "evidence/1.1.1.md".into(),
            problem: None,
        }])
    }
    fn read(&self, _path: &str, _limit: u64) -> Result<Vec<u8>, ReadError> {
        Err(match &self.0 {
            ReadError::Io(m) => ReadError::Io(m.clone()),
            ReadError::TooLarge { size, limit } => ReadError::TooLarge {
                size: *size,
                limit: *limit,
            },
        })
    }
    fn probe(&self, _path: &str) -> PathState {
        PathState::Missing
    }
}

#[test]
fn a_tree_whose_reads_fail_gives_diagnostics() {
    for error in [
        ReadError::Io("input/output error".into()),
        ReadError::TooLarge {
            size: u64::MAX,
            limit: 1,
        },
    ] {
        let diags = check(&FailingReads(error));
        let about: Vec<&Diagnostic> = diags.iter().filter(|d| d.file.is_some()).collect();
        assert_eq!(about.len(), 1, "{about:#?}");
        assert_eq!(about[0].code, Code::UnreadableFile);
        assert_eq!(about[0].element.as_deref(), Some("1.1.1"));
        // The element has a file, just not a usable one: it is not also "missing".
        assert!(
            !diags
                .iter()
                .any(|d| d.code == Code::MissingEvidence && d.element.as_deref() == Some("1.1.1"))
        );
    }
}

#[test]
fn a_listing_that_names_vanished_files_is_fine_in_memory_too() {
    // Listed by one tree, read from another that no longer has it.
    struct Stale(MemTree);
    impl Tree for Stale {
        fn list(&self, dir: &str) -> Result<Vec<Listed>, TreeError> {
            MemTree::new()
                .with("evidence/1.1.1.md", ready_file("1.1.1"))
                .list(dir)
        }
        fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
            self.0.read(path, limit)
        }
        fn probe(&self, path: &str) -> PathState {
            self.0.probe(path)
        }
    }
    let diags = check(&Stale(MemTree::new()));
    assert!(
        diags
            .iter()
            .any(|d| d.code == Code::UnreadableFile
                && d.file.as_deref() == Some("evidence/1.1.1.md"))
    );
}

/// A repository whose `cse check` output is far bigger than a pipe's buffer (64 KiB), so a
/// reader that goes away is noticed whatever the timing.
fn noisy_repo() -> Repo {
    let repo = Repo::complete();
    for i in 0..300 {
        repo.write(&format!("evidence/stray-{i:03}.md"), "");
    }
    for e in Catalogue::builtin().unwrap().elements() {
        let id = &e.element.id;
        repo.write(
            &format!("evidence/{id}.md"),
            &ready_file(id)
                .replace("status: compliant", "status: complaint")
                .replace("reviewed: 2026-06-01", "reviewed: 2026-02-30")
                .replace("path: ../docs/proof.txt", "path: ../docs/missing.txt"),
        );
    }
    repo
}

#[test]
fn a_reader_that_goes_away_ends_cse_quietly() {
    let repo = noisy_repo();
    for args in PIPED_COMMANDS {
        // The reader reads one line, then closes the pipe, as `head -1` does.
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("cse"))
            .args(*args)
            .current_dir(repo.path())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{args:?}");
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let (code, full_stderr) = read_to_the_end(&repo, args);
        assert_eq!(stderr, full_stderr, "cse {}", args.join(" "));
        assert_eq!(out.status.code(), Some(code), "cse {}", args.join(" "));
    }
}

/// The exit code and stderr of `cse ARGS` when all of its output is read: a closed pipe
/// must not change either (a gate still fails, a check with errors still exits 1).
fn read_to_the_end(repo: &Repo, args: &[&str]) -> (i32, String) {
    let out = Command::new(assert_cmd::cargo::cargo_bin("cse"))
        .args(args)
        .current_dir(repo.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn cse_check_piped_into_head_exits_quietly() {
    let repo = noisy_repo();
    let cse = assert_cmd::cargo::cargo_bin("cse");
    for args in PIPED_COMMANDS {
        let script = format!(
            "'{}' {} | head -1 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
            cse.display(),
            args.join(" ")
        );
        let out = Command::new("bash")
            .arg("-c")
            .arg(script)
            .current_dir(repo.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let (code, full_stderr) = read_to_the_end(&repo, args);
        assert_eq!(stderr, full_stderr, "cse {}", args.join(" "));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("{code}\n"),
            "cse {}",
            args.join(" ")
        );
    }
}
