//! No lost data: every command except `cse init` leaves the repository exactly as it was.
//!
//! Each read-only command runs on a copy of the shipped example (or, until the example is in
//! the tree, a complete fixture repository) and on a messy one, and the whole tree is compared
//! before and after: every path, its type, permissions, size, modification time, contents and
//! symlink target. A command added later is one more line in [`READ_ONLY_COMMANDS`].

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use common::{Repo, ready_file};

/// Every command that must not write. Add new commands here, one line each.
const READ_ONLY_COMMANDS: &[&[&str]] = &[
    &["check"],
    &["check", "--format", "json"],
    &["check", "--format", "github"],
    &["check", "--format", "junit"],
    &["check", "--deny-warnings"],
    &["status"],
    &["status", "--format", "json"],
    &["status", "--format", "markdown"],
    &["status", "--format", "csv"],
    &["status", "--by", "subcriterion"],
    &["status", "--fail-under", "90", "--require-assessment-ready"],
    &["priorities"],
    &["priorities", "--open", "--format", "json"],
    &["show", "1.2.2"],
    &["show", "4.3.2"],
    &["actions"],
    &["actions", "--overdue", "--format", "csv"],
    &["report", "--out", "-"],
    &["report", "--format", "markdown", "--out", "-"],
    &["history"],
    &["history", "--format", "json"],
    &["diff", "HEAD"],
    &["status", "--at", "HEAD"],
    &["config"],
    &["schema"],
    &["man"],
    &["completions", "bash"],
    &["--help"],
    &["check", "--help"],
];

/// One line per entry under `root`: what it is and a hash of what it holds.
fn snapshot(root: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let meta = entry.path().symlink_metadata().unwrap();
        let mtime = meta.modified().ok();
        let what = if meta.is_symlink() {
            format!(
                "symlink -> {}",
                fs::read_link(entry.path()).unwrap().display()
            )
        } else if meta.is_dir() {
            format!("dir {:?} {mtime:?}", meta.permissions())
        } else if meta.is_file() {
            let mut hasher = DefaultHasher::new();
            // Unreadable files (when not root) still count by their metadata.
            fs::read(entry.path()).ok().hash(&mut hasher);
            format!(
                "file {:?} {} bytes {mtime:?} content {:016x}",
                meta.permissions(),
                meta.len(),
                hasher.finish()
            )
        } else {
            format!("other {:?}", meta.file_type())
        };
        out.insert(rel, what);
    }
    out
}

/// A hash of the whole snapshot, for the failure message.
fn digest(snapshot: &BTreeMap<String, String>) -> u64 {
    let mut hasher = DefaultHasher::new();
    snapshot.hash(&mut hasher);
    hasher.finish()
}

/// A repository with something wrong of every kind: errors, warnings, odd files.
fn messy() -> Repo {
    let repo = Repo::complete();
    repo.write("evidence/1.1.1.md", "");
    repo.write(
        "evidence/1.1.2.md",
        "---\nelement: 1.1.2\nstatus: complaint\n---\n",
    );
    repo.write(
        "evidence/1.1.3.md",
        &ready_file("1.1.3").replace("reviewed: 2026-06-01", "reviewed: 2020-01-01"),
    );
    repo.write("evidence/notes.md", "# Notes\n");
    repo.write_bytes("evidence/1.2.1.md", b"\xff\xfe\0b\0i\0n\0");
    repo.write("evidence/README.md", "About this folder\n");
    repo.write(".git/HEAD", "ref: refs/heads/main\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("missing.md", repo.path().join("evidence/1.2.2.md")).ok();
    repo
}

fn assert_read_only(repo: &Repo, label: &str) {
    for args in READ_ONLY_COMMANDS {
        let before = snapshot(repo.path());
        let out = repo.cse().args(*args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{args:?}: {stderr}"
        );
        let after = snapshot(repo.path());
        assert_eq!(
            digest(&before),
            digest(&after),
            "`cse {}` changed the {label} repository:\n{}",
            args.join(" "),
            diff(&before, &after)
        );
    }
}

fn diff(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for (path, was) in before {
        match after.get(path) {
            None => out.push_str(&format!("  removed {path}\n")),
            Some(now) if now != was => out.push_str(&format!("  changed {path}: {was} -> {now}\n")),
            Some(_) => {}
        }
    }
    for path in after.keys().filter(|p| !before.contains_key(*p)) {
        out.push_str(&format!("  added {path}\n"));
    }
    out
}

#[test]
fn read_only_commands_leave_the_example_untouched() {
    assert_read_only(&common::example(), "example");
}

#[test]
fn read_only_commands_leave_a_messy_repository_untouched() {
    assert_read_only(&messy(), "messy");
}

#[test]
fn the_snapshot_sees_every_kind_of_change() {
    // The comparison itself must be able to fail.
    let repo = Repo::complete();
    let before = snapshot(repo.path());
    repo.write(
        "evidence/1.1.1.md",
        &ready_file("1.1.1").replace("Manager", "Managr"),
    );
    assert_ne!(digest(&before), digest(&snapshot(repo.path())), "contents");
    let before = snapshot(repo.path());
    repo.write("evidence/new.md", "");
    assert_ne!(
        digest(&before),
        digest(&snapshot(repo.path())),
        "a new file"
    );
    let before = snapshot(repo.path());
    let path = repo.path().join("docs/proof.txt");
    let same = fs::read(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&path, same).unwrap();
    assert_ne!(
        digest(&before),
        digest(&snapshot(repo.path())),
        "rewritten with the same contents"
    );
}
