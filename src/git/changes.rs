//! The last commit that changed each of many files: one `git log` walk for all of them.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use jiff::civil::Date;

use super::{GitError, failed, git, log_failed, spawn};

/// The last commit that changed a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The day it was committed, on the committer's own clock.
    pub date: Date,
    /// The hash, abbreviated by git.
    pub commit: String,
}

/// With more paths than this, the walk reads every commit's file names and picks out the
/// ones asked for, rather than passing a very long argument list to git.
const MAX_PATHSPECS: usize = 1000;

/// Marks the start of a commit in the walk's output, so it cannot be taken for a file name.
const MARK: u8 = 0x01;

/// For each of `paths` (files or folders, relative to `dir`) that a commit reachable from
/// HEAD changed: that commit's date and hash. A folder's last change is the newest change to
/// any file under it. With `since`, the walk stops at that day: paths last changed before it
/// are left out.
///
/// One `git log` and no other process (this runs on every `cse check`), read as it runs and
/// stopped once every path has been seen. `Err(Shallow)` when the walk reaches the cut-off
/// commit of a shallow clone, where git would date every file to that commit.
pub fn last_changes(
    dir: &Path,
    paths: &[String],
    since: Option<Date>,
) -> Result<HashMap<String, Change>, GitError> {
    let mut found = HashMap::new();
    if paths.is_empty() {
        return Ok(found);
    }
    let mut cmd = git(dir);
    cmd.args([
        "log",
        "-z",
        "--name-only",
        "--no-renames",
        "--relative",
        // Decorations without any ref names: only git's own `grafted` mark is left.
        "--decorate-refs-exclude=*",
        "--format=%x01%h%x00%cI%x00%d",
    ]);
    if let Some(since) = since {
        cmd.arg(format!("--since={since}T00:00:00"));
    }
    cmd.args(["HEAD", "--"]);
    if paths.len() <= MAX_PATHSPECS {
        cmd.args(paths);
    }
    let wanted: HashMap<&str, ()> = paths.iter().map(|p| (p.as_str(), ())).collect();
    let mut child = spawn(&mut cmd, "git log")?;
    let Some(stdout) = child.stdout.take() else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(failed("git log", "its output could not be read"));
    };
    let mut reader = BufReader::new(stdout);
    let mut current: Option<Change> = None;
    let mut token = Vec::new();
    let mut expect_date = false;
    let mut expect_decoration = false;
    let mut hash = String::new();
    loop {
        token.clear();
        match reader.read_until(0, &mut token) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        if token.last() == Some(&0) {
            token.pop();
        }
        let field = token.strip_prefix(b"\n").unwrap_or(&token);
        if expect_date {
            expect_date = false;
            let text = String::from_utf8_lossy(field);
            let date = text
                .get(..10)
                .and_then(|d| d.parse().ok())
                .ok_or_else(|| failed("git log", format!("`{text}` is not a commit date")))?;
            current = Some(Change {
                date,
                commit: std::mem::take(&mut hash),
            });
            expect_decoration = true;
            continue;
        }
        if expect_decoration {
            expect_decoration = false;
            if String::from_utf8_lossy(field).contains("grafted") {
                let _ = child.kill();
                let _ = child.wait();
                return Err(GitError::Shallow);
            }
            continue;
        }
        if let Some(h) = field.strip_prefix(&[MARK]) {
            hash = String::from_utf8_lossy(h).into_owned();
            expect_date = true;
            continue;
        }
        let (Some(change), Ok(name)) = (&current, std::str::from_utf8(field)) else {
            continue;
        };
        for path in name_and_folders(name) {
            if wanted.contains_key(path) && !found.contains_key(path) {
                found.insert(path.to_owned(), change.clone());
            }
        }
        if found.len() == wanted.len() {
            break;
        }
    }
    drop(reader);
    let stopped_early = found.len() == wanted.len();
    if stopped_early {
        let _ = child.kill();
    }
    let status = child.wait();
    if !stopped_early && !status.is_ok_and(|s| s.success()) {
        let mut message = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut message);
        }
        if message.contains("not a git repository") {
            return Err(GitError::NotARepository(dir.to_owned()));
        }
        return Err(log_failed(message.trim().to_owned()));
    }
    Ok(found)
}

/// `a/b/c.md`, then the folders holding it: `a/b`, `a`.
fn name_and_folders(name: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(name), |n| n.rfind('/').map(|i| &n[..i]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn folders_of_a_name() {
        let all: Vec<&str> = super::name_and_folders("a/b/c.md").collect();
        assert_eq!(all, ["a/b/c.md", "a/b", "a"]);
    }
}
