//! The last commit that changed each of many files: one `git log` walk for all of them.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use jiff::civil::Date;

use super::stream::FieldStream;
use super::{GitError, failed, git, log_failed};

/// The last commit that changed a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The day it was committed, on the committer's own clock.
    pub date: Date,
    /// The hash, abbreviated by git.
    pub commit: String,
}

/// With more top folders than this, the walk reads every commit's file names.
const MAX_PATHSPECS: usize = 64;

/// Marks the start of a commit in the walk's output, so it cannot be taken for a file name.
const MARK: u8 = 0x01;

/// For each of `paths` (files or folders, relative to `dir`) that a commit reachable from
/// `rev` changed: that commit's date and hash. A folder's last change is the newest change to
/// any file under it. The walk never stops at a date, since commit dates are not in order
/// along a history (a wrong clock, an imported history).
///
/// One `git log` and no other process (this runs on every `cse check`), read as it runs and
/// stopped once every path has been seen. `Err(Shallow)` when the walk reaches the cut-off
/// commit of a shallow clone, where git would date every file to that commit.
pub fn last_changes(
    dir: &Path,
    rev: &str,
    paths: &[String],
) -> Result<HashMap<String, Change>, GitError> {
    if paths.is_empty() {
        return Ok(HashMap::new());
    }
    let tops = top_folders(paths);
    let pathspecs = if tops.len() <= MAX_PATHSPECS {
        tops
    } else {
        Vec::new()
    };
    let wanted: HashSet<&str> = paths.iter().map(String::as_str).collect();
    walk(dir, rev, &pathspecs, Some(&wanted))
}

/// [`last_changes`] of every path the history of `rev` holds: each file any commit changed,
/// and each folder holding one. For when the paths are not known yet (`cse docs` walks the
/// history while it reads the evidence); the walk reads the whole history.
pub fn all_last_changes(dir: &Path, rev: &str) -> Result<HashMap<String, Change>, GitError> {
    walk(dir, rev, &[], None)
}

/// One `git log` over the history of `rev` (limited to `pathspecs` when there are any),
/// recording the paths of `wanted` (every path when `None`).
fn walk(
    dir: &Path,
    rev: &str,
    pathspecs: &[&str],
    wanted: Option<&HashSet<&str>>,
) -> Result<HashMap<String, Change>, GitError> {
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
    cmd.args(["--end-of-options", rev, "--"]);
    cmd.args(pathspecs);
    let mut stream = FieldStream::start(&mut cmd, "git log")?;
    match read_changes(&mut stream, wanted) {
        Ok(found) if wanted.is_some_and(|w| found.len() == w.len()) => {
            stream.stop();
            Ok(found)
        }
        Ok(found) => match stream.finish() {
            Ok(()) => Ok(found),
            Err(message) if message.contains("not a git repository") => {
                Err(GitError::NotARepository(dir.to_owned()))
            }
            Err(message) => Err(log_failed(message)),
        },
        Err(e) => {
            stream.stop();
            Err(e)
        }
    }
}

/// The walk's output, until every wanted path has been seen or the output ends.
fn read_changes(
    stream: &mut FieldStream,
    wanted: Option<&HashSet<&str>>,
) -> Result<HashMap<String, Change>, GitError> {
    let mut found = HashMap::new();
    let mut current: Option<Change> = None;
    let mut token = Vec::new();
    let mut expect_date = false;
    let mut expect_decoration = false;
    let mut hash = String::new();
    while wanted.is_none_or(|w| found.len() < w.len()) && stream.next_into(&mut token) {
        let field = token.as_slice();
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
        } else if expect_decoration {
            expect_decoration = false;
            if String::from_utf8_lossy(field).contains("grafted") {
                return Err(GitError::Shallow);
            }
        } else if let Some(h) = field.strip_prefix(&[MARK]) {
            hash = String::from_utf8_lossy(h).into_owned();
            expect_date = true;
        } else if let (Some(change), Ok(name)) = (&current, std::str::from_utf8(field)) {
            for path in name_and_folders(name) {
                if wanted.is_none_or(|w| w.contains(path)) && !found.contains_key(path) {
                    found.insert(path.to_owned(), change.clone());
                }
            }
        }
    }
    Ok(found)
}

/// The first component of each path (`docs` for `docs/a/b.md`), once each: git matches a
/// few short pathspecs much faster than hundreds of long ones, and the names it lists under
/// them are picked out here.
fn top_folders(paths: &[String]) -> Vec<&str> {
    let mut tops: Vec<&str> = paths
        .iter()
        .map(|p| p.split('/').next().unwrap_or(p))
        .collect();
    tops.sort_unstable();
    tops.dedup();
    tops
}

/// `a/b/c.md`, then the folders holding it: `a/b`, `a`.
fn name_and_folders(name: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(name), |n| n.rfind('/').map(|i| &n[..i]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn pathspecs_are_the_top_folders() {
        let paths = ["docs/a.md", "docs/x/b.md", "README.md"].map(String::from);
        assert_eq!(super::top_folders(&paths), ["README.md", "docs"]);
    }

    #[test]
    fn folders_of_a_name() {
        let all: Vec<&str> = super::name_and_folders("a/b/c.md").collect();
        assert_eq!(all, ["a/b/c.md", "a/b", "a"]);
    }
}
