//! Helpers shared by the integration tests: run the real binary on fixture repositories.
#![allow(dead_code)]

pub mod mem_tree;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The fixed "today" every test runs with, so staleness and overdue actions are reproducible.
pub const TODAY: &str = "2026-11-28";

/// The `cse` binary, run in `dir`, with a fixed date and no colour.
pub fn cse(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("cse").expect("the cse binary is built");
    cmd.current_dir(dir)
        .env("CSE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "100");
    cmd
}

/// `git` in `dir`, isolated from the machine's configuration, committing on `day`.
pub fn git_on(dir: &Path, args: &[&str], day: &str) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", format!("{day}T12:00:00Z"))
        .env("GIT_COMMITTER_DATE", format!("{day}T12:00:00Z"))
        .args(["-c", "user.name=Keeper", "-c", "user.email=k@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The project root (where Cargo.toml and the shipped example live).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Front matter for a clean, ready file for `id`, with one evidence item pointing at `docs/proof.txt`.
pub fn ready_file(id: &str) -> String {
    format!(
        "---\nelement: {id}\nstatus: compliant\nowner: Manager\nreviewed: 2026-06-01\nevidence:\n  - title: Proof\n    path: ../docs/proof.txt\n---\nHow we meet {id}.\n"
    )
}

/// A temporary repository with every element of the built-in catalogue ready, plus `docs/proof.txt`.
pub struct Repo {
    pub dir: tempfile::TempDir,
}

impl Repo {
    /// A repository whose 57 evidence files are all compliant and clean.
    pub fn complete() -> Repo {
        let repo = Repo::empty();
        let catalogue = cse::catalogue::Catalogue::builtin().unwrap();
        for e in catalogue.elements() {
            repo.write(
                &format!("evidence/{}.md", e.element.id),
                &ready_file(&e.element.id),
            );
        }
        repo
    }

    /// A repository with an empty `evidence/` folder and `docs/proof.txt`.
    pub fn empty() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("evidence")).unwrap();
        let repo = Repo { dir };
        repo.write("docs/proof.txt", "proof\n");
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `contents` to `rel`, creating folders.
    pub fn write(&self, rel: &str, contents: &str) {
        self.write_bytes(rel, contents.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, contents: &[u8]) {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    /// Replaces the first `from` in the file at `rel` with `to`; `from` must be there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} has no `{from}`");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.dir.path().join(rel)).unwrap();
    }

    pub fn cse(&self) -> Command {
        cse(self.path())
    }

    /// Runs `cse check --format json` and returns the parsed document and exit code.
    pub fn check_json(&self) -> (serde_json::Value, i32) {
        let out = self
            .cse()
            .args(["check", "--format", "json"])
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        let json = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
        (json, code)
    }

    /// `cse check --format json` stopped after `timeout` (a hang guard): the parsed document
    /// and the exit code, after checking that nothing panicked.
    pub fn check_json_within(&self, timeout: std::time::Duration) -> (serde_json::Value, i32) {
        let out = self
            .cse()
            .args(["check", "--format", "json"])
            .timeout(timeout)
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
}

/// The diagnostics in a `check --format json` document with the given code.
pub fn with_code<'a>(json: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

pub fn copy_tree(from: &Path, to: &Path) {
    if from.is_file() {
        std::fs::copy(from, to).unwrap();
        return;
    }
    for entry in walkdir::WalkDir::new(from).follow_links(false) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        let kind = entry.file_type();
        if kind.is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else if kind.is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(std::fs::read_link(entry.path()).unwrap(), &target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the shipped example (`evidence/`, `documents/`, `assessments/`, `cse.toml`) when the project has one;
/// a complete fixture repository otherwise.
pub fn example() -> Repo {
    let root = project_root();
    if !root.join("evidence").is_dir() {
        return Repo::complete();
    }
    let repo = Repo::empty();
    std::fs::remove_dir_all(repo.path().join("evidence")).unwrap();
    std::fs::remove_dir_all(repo.path().join("docs")).unwrap();
    for part in [
        "evidence",
        "documents",
        "assessments",
        "criteria",
        "cse.toml",
    ] {
        let from = root.join(part);
        if from.exists() {
            copy_tree(&from, &repo.path().join(part));
        }
    }
    repo
}

/// The body of the block that `start` opens in a docs page, up to its closing fence.
pub fn doc_block<'p>(page: &'p str, start: &str) -> &'p str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("no `{start}` in the page"));
    let rest = &page[from + start.len()..];
    &rest[..rest.find("```").unwrap()]
}

/// A page of the docs, by its path from the project root (`README.md`, `docs/check.md`).
pub fn page(rel: &str) -> String {
    std::fs::read_to_string(project_root().join(rel)).unwrap()
}

/// `cse ARGS` in `dir` as the docs' examples run it, in 80 columns: its exit code, and what it
/// printed on stdout and stderr.
pub fn run_80(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = cse(dir).env("COLUMNS", "80").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Whether `actual` is the output that a docs block `shown` shows, where a line `...` in the
/// block stands for any number of lines (as in the pages' trycmd examples).
pub fn shows(shown: &str, actual: &str) -> bool {
    let shown: Vec<&str> = shown.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    let parts: Vec<&[&str]> = shown.split(|line| *line == "...").collect();
    let (first, rest) = parts.split_first().unwrap();
    let Some((last, middle)) = rest.split_last() else {
        return actual.as_slice() == *first;
    };
    if !actual.starts_with(first) {
        return false;
    }
    let mut at = first.len();
    for part in middle.iter().filter(|p| !p.is_empty()) {
        match actual[at..].windows(part.len()).position(|w| w == *part) {
            Some(i) => at += i + part.len(),
            None => return false,
        }
    }
    actual.len() >= at + last.len() && actual.ends_with(last)
}

/// The body of the first fenced block after `marker` in `text` (the fence's own line left out).
pub fn block_after<'a>(text: &'a str, marker: &str) -> &'a str {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("no `{marker}` in the page"));
    let open = start + text[start..].find("```").unwrap();
    let body = open + text[open..].find('\n').unwrap() + 1;
    let end = body + text[body..].find("```").unwrap();
    &text[body..end]
}

/// Asserts that the first block after `marker` in `page` is `$ COMMAND` and then what `actual`
/// shows (see [`shows`]).
pub fn assert_block_shows(page: &str, marker: &str, command: &str, actual: &str) {
    let text = self::page(page);
    let block = block_after(&text, marker);
    let shown = block
        .strip_prefix(&format!("$ {command}\n"))
        .unwrap_or_else(|| panic!("{page}: the block after `{marker}` is not `$ {command}`"));
    assert!(
        shows(shown, actual),
        "{page} shows\n{shown}\nbut `{command}` prints\n{actual}"
    );
}

/// Runs `cse ARGS` in `dir` (see [`run_80`]), expects exit code `code`, and asserts that the
/// first block after `marker` in `page` is that command and what it printed.
pub fn assert_page_runs(page: &str, marker: &str, dir: &Path, args: &[&str], code: i32) {
    let (real, out, err) = run_80(dir, args);
    assert_eq!(real, code, "cse {args:?}: {out}{err}");
    assert_block_shows(page, marker, &format!("cse {}", args.join(" ")), &out);
}
