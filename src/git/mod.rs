//! Everything `cse` asks of git, through the `git` binary.
//!
//! A run starts a bounded number of processes, never one per file or per commit:
//! one `git rev-parse` to open the repository, one `git log` per revision or history
//! asked for, and one long-lived `git cat-file --batch` that serves every tree and blob
//! ([`Objects`]). The interface speaks in commits, trees and blobs, so another git
//! implementation (gix) could stand behind it.

mod blobs;
mod changes;
mod objects;
mod parse;
mod stream;
mod tree;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use jiff::civil::Date;

pub use blobs::{BlobReader, Blobs};
pub use changes::{Change, all_last_changes, last_changes};
pub use objects::{Blob, Objects, TreeObject};
pub use tree::GitTree;

use stream::FieldStream;

/// A commit, as `cse` needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The full hash.
    pub id: String,
    /// The hash abbreviated by git so that it is unique in this repository.
    pub short: String,
    /// The root tree.
    pub tree: String,
    /// When it was committed.
    pub time: jiff::Timestamp,
    /// The day it was committed, on the committer's own clock.
    pub date: Date,
    /// The first line of the message.
    pub subject: String,
}

/// What a tree entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Tree,
    Blob,
    Symlink,
    /// A gitlink: a commit of another repository.
    Submodule,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeEntry {
    pub name: String,
    pub kind: EntryKind,
    pub oid: String,
}

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error(
        "git is not installed (or not on PATH); this command reads the evidence's history from git"
    )]
    NotInstalled,
    #[error("{} is not inside a git repository; this command reads the evidence's history from git", .0.display())]
    NotARepository(PathBuf),
    #[error(
        "this repository is a shallow clone, so its history is incomplete; `cse` will not compute readiness from part of it"
    )]
    Shallow,
    #[error("unknown revision `{rev}`: {message}")]
    UnknownRevision { rev: String, message: String },
    #[error("no commit on the current branch was made on or before {0}")]
    NoCommitBefore(Date),
    #[error("the repository has no commits yet")]
    NoCommits,
    #[error("`{command}` failed: {message}")]
    Failed { command: String, message: String },
}

impl GitError {
    /// What to do about it, when there is something to say.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            GitError::NotInstalled => Some(
                "install git, or use the commands that read the working tree only, such as `cse check`",
            ),
            GitError::Shallow => Some(
                "fetch the whole history with `git fetch --unshallow`\n\
                 hint: in GitHub Actions, give actions/checkout `fetch-depth: 0`:\n\
                 \x20     - uses: actions/checkout@v5\n\
                 \x20       with:\n\
                 \x20         fetch-depth: 0",
            ),
            GitError::NoCommits => Some("commit the evidence, then try again"),
            _ => None,
        }
    }
}

/// A git repository, opened from the folder `cse` runs in (which may be a subfolder of it).
#[derive(Debug, Clone)]
pub struct Repo {
    dir: PathBuf,
    /// `dir` relative to the top of the repository: `""` or `"sub/dir/"`.
    prefix: String,
    shallow: bool,
}

impl Repo {
    /// Opens the repository holding `dir`. One `git rev-parse`.
    pub fn open(dir: &Path) -> Result<Repo, GitError> {
        let out = run(
            git(dir).args(["rev-parse", "--is-shallow-repository", "--show-prefix"]),
            "git rev-parse",
        )?;
        if !out.status.success() {
            let message = stderr_of(&out);
            if message.contains("not a git repository") {
                return Err(GitError::NotARepository(dir.to_owned()));
            }
            return Err(failed("git rev-parse", message));
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut lines = stdout.lines();
        let shallow = match lines.next() {
            Some("true") => true,
            Some("false") => false,
            other => {
                return Err(failed(
                    "git rev-parse",
                    format!("unexpected output {other:?}; is git older than 2.15?"),
                ));
            }
        };
        Ok(Repo {
            dir: dir.to_owned(),
            prefix: lines.next().unwrap_or("").to_owned(),
            shallow,
        })
    }

    /// The folder the repository was opened from, relative to its top: `""` or `"sub/dir/"`.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn is_shallow(&self) -> bool {
        self.shallow
    }

    /// `Err(Shallow)` in a shallow clone, where history and old commits may be missing.
    pub fn require_full_history(&self) -> Result<(), GitError> {
        if self.shallow {
            Err(GitError::Shallow)
        } else {
            Ok(())
        }
    }

    /// A commit named by a hash, tag, branch or other revision; failing that, by a date
    /// (`YYYY-MM-DD`): the last commit on the current branch made on or before that day.
    pub fn resolve(&self, rev: &str) -> Result<Commit, GitError> {
        match self.commit(rev) {
            Err(GitError::UnknownRevision { .. }) if is_date(rev) => {
                let date = crate::dates::parse(rev).map_err(|e| GitError::UnknownRevision {
                    rev: rev.to_owned(),
                    message: format!("it is not a real date; {}", e.hint()),
                })?;
                self.last_commit_on_or_before(date)
            }
            Err(GitError::UnknownRevision { .. })
                if let Err(crate::dates::DateError {
                    meant: Some(date), ..
                }) = crate::dates::parse(rev) =>
            {
                Err(GitError::UnknownRevision {
                    rev: rev.to_owned(),
                    message: format!(
                        "it is neither a commit nor a date in YYYY-MM-DD form; \
                         dates are written YYYY-MM-DD: {date}"
                    ),
                })
            }
            other => other,
        }
    }

    /// Whether the current branch has a commit (a new repository has none). One `git rev-parse`.
    fn has_commits(&self) -> bool {
        run(
            git(&self.dir).args(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]),
            "git rev-parse",
        )
        .is_ok_and(|out| out.status.success())
    }

    /// The commit a revision names. One `git log`.
    pub fn commit(&self, rev: &str) -> Result<Commit, GitError> {
        let out = run(
            git(&self.dir)
                .args(["log", "-1", "--no-walk", "-z", parse::COMMIT_FORMAT])
                .args(["--end-of-options", rev, "--"]),
            "git log",
        )?;
        if !out.status.success() {
            let message = stderr_of(&out);
            if message.contains("bad revision")
                || message.contains("unknown revision")
                || message.contains("bad object")
                || message.contains("ambiguous argument")
            {
                if !is_date(rev) && !self.has_commits() {
                    return Err(GitError::NoCommits);
                }
                return Err(GitError::UnknownRevision {
                    rev: rev.to_owned(),
                    message,
                });
            }
            return Err(failed("git log", message));
        }
        let commits = parse::commits(&out.stdout).map_err(|e| failed("git log", e))?;
        commits
            .into_iter()
            .next()
            .ok_or_else(|| GitError::UnknownRevision {
                rev: rev.to_owned(),
                message: "it names no commit".into(),
            })
    }

    /// The newest commit on the current branch's first-parent line made on or before `date`
    /// (its committer's calendar day), so `--at 2026-03-01` includes the commits of 1 March.
    /// One `git log`, stopped as soon as the commit is found.
    pub fn last_commit_on_or_before(&self, date: Date) -> Result<Commit, GitError> {
        let mut cmd = git(&self.dir);
        cmd.args(FIRST_PARENT_LOG);
        let mut stream = FieldStream::start(&mut cmd, "git log")?;
        let mut fields: Vec<Vec<u8>> = Vec::with_capacity(5);
        let mut field = Vec::new();
        while stream.next_into(&mut field) {
            fields.push(field.clone());
            if fields.len() == 5 {
                let refs: Vec<&[u8]> = fields.iter().map(Vec::as_slice).collect();
                let commit = match parse::commit(&refs) {
                    Ok(commit) => commit,
                    Err(e) => {
                        stream.stop();
                        return Err(failed("git log", e));
                    }
                };
                fields.clear();
                if commit.date <= date {
                    stream.stop();
                    return Ok(commit);
                }
            }
        }
        stream.finish().map_err(log_failed)?;
        Err(GitError::NoCommitBefore(date))
    }

    /// Commits on the current branch's first-parent line that changed any of `paths`
    /// (relative to the folder the repository was opened from), newest first. One `git log`.
    pub fn history(&self, paths: &[&str]) -> Result<Vec<Commit>, GitError> {
        let out = run(git(&self.dir).args(FIRST_PARENT_LOG).args(paths), "git log")?;
        if !out.status.success() {
            return Err(log_failed(stderr_of(&out)));
        }
        parse::commits(&out.stdout).map_err(|e| failed("git log", e))
    }

    /// For every file under `paths` that `rev` (or its ancestors) changed: the date of the
    /// newest commit that changed it. Paths are relative to the folder the repository was
    /// opened from. One `git log`.
    pub fn last_changed(
        &self,
        rev: &str,
        paths: &[&str],
    ) -> Result<HashMap<String, Date>, GitError> {
        let out = run(
            git(&self.dir)
                .args([
                    "log",
                    "-z",
                    "--raw",
                    "--no-renames",
                    "--no-abbrev",
                    "--relative",
                ])
                .args(["--format=%cI", "--end-of-options", rev, "--"])
                .args(paths),
            "git log",
        )?;
        if !out.status.success() {
            return Err(failed("git log", stderr_of(&out)));
        }
        let mut dates = HashMap::new();
        for (path, date) in parse::last_changed(&out.stdout).map_err(|e| failed("git log", e))? {
            // Newest first: the first date seen for a path is its last change.
            dates.entry(path).or_insert(date);
        }
        Ok(dates)
    }

    /// Starts the `git cat-file --batch` process that reads trees and blobs.
    pub fn objects(&self) -> Result<Objects, GitError> {
        let mut cmd = git(&self.dir);
        cmd.args(["cat-file", "--batch"]).stdin(Stdio::piped());
        let child = spawn(&mut cmd, "git cat-file")?;
        Objects::start(child)
    }
}

/// Dates of the last commit that changed each file, fetched from git the first time one is
/// asked for. Any failure (no git, not a repository, a shallow clone, no commits yet) leaves
/// every date unknown: the dates only refine a warning.
#[derive(Debug)]
pub struct LastChangedDates {
    dir: PathBuf,
    rev: String,
    paths: Vec<String>,
    dates: OnceLock<HashMap<String, Date>>,
}

impl LastChangedDates {
    /// Dates as of `rev` for files under `paths`, relative to `dir`.
    pub fn new(dir: &Path, rev: &str, paths: Vec<String>) -> LastChangedDates {
        LastChangedDates {
            dir: dir.to_owned(),
            rev: rev.to_owned(),
            paths,
            dates: OnceLock::new(),
        }
    }
}

impl crate::checks::LastChanged for LastChangedDates {
    fn last_changed(&self, path: &str) -> Option<Date> {
        self.dates
            .get_or_init(|| {
                let paths: Vec<&str> = self.paths.iter().map(String::as_str).collect();
                Repo::open(&self.dir)
                    .ok()
                    .filter(|r| !r.is_shallow())
                    .and_then(|r| r.last_changed(&self.rev, &paths).ok())
                    .unwrap_or_default()
            })
            .get(path)
            .copied()
    }
}

fn is_date(rev: &str) -> bool {
    let b = rev.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// `git init` in `dir`: the one command of this module that writes, used by `cse init`.
pub fn init(dir: &Path) -> Result<(), GitError> {
    let mut cmd = Command::new("git");
    cmd.arg("init")
        .arg("--quiet")
        .arg(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out = run(&mut cmd, "git init")?;
    if out.status.success() {
        Ok(())
    } else {
        Err(failed(
            "git init",
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        ))
    }
}

/// `git log` of the current branch's first-parent line, in the format `parse` reads;
/// pathspecs follow.
const FIRST_PARENT_LOG: [&str; 6] = [
    "log",
    "--first-parent",
    "-z",
    parse::COMMIT_FORMAT,
    "HEAD",
    "--",
];

/// `git` run in `dir`, reading only: no optional locks, no prompts, pathspecs taken literally.
fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(dir)
        .args(["--no-optional-locks", "-c", "log.showSignature=false"])
        .env("GIT_LITERAL_PATHSPECS", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_PAGER")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn spawn(cmd: &mut Command, name: &str) -> Result<std::process::Child, GitError> {
    cmd.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => GitError::NotInstalled,
        _ => failed(name, e.to_string()),
    })
}

fn run(cmd: &mut Command, name: &str) -> Result<std::process::Output, GitError> {
    spawn(cmd, name)?
        .wait_with_output()
        .map_err(|e| failed(name, e.to_string()))
}

/// A failed `git log HEAD`: on a branch with no commits yet, say so plainly.
fn log_failed(message: String) -> GitError {
    if message.contains("bad revision 'HEAD'")
        || message.contains("does not have any commits yet")
        || message.contains("ambiguous argument 'HEAD'")
    {
        GitError::NoCommits
    } else {
        failed("git log", message)
    }
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).trim().to_owned()
}

fn failed(command: &str, message: impl Into<String>) -> GitError {
    GitError::Failed {
        command: command.to_owned(),
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_look_like_dates() {
        assert!(super::is_date("2026-01-01"));
        assert!(!super::is_date("v2026-01-01"));
        assert!(!super::is_date("main"));
        assert!(!super::is_date("2026-1-01"));
    }

    /// The shallow-clone hint shows the same `actions/checkout` the workflow of `cse init` uses.
    #[test]
    fn shallow_hint_names_the_checkout_the_workflow_uses() {
        let workflow = crate::scaffold::templates::github_workflow();
        let uses = workflow
            .lines()
            .map(str::trim)
            .find(|line| line.starts_with("- uses: actions/checkout@"))
            .expect("the workflow checks out the repository");
        let hint = super::GitError::Shallow.hint().unwrap();
        assert!(hint.contains(uses), "{hint}\nshould show `{uses}`");
    }
}
