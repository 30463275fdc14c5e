//! Files of a commit for `cse pack --at`: every file under a folder, and a file's contents
//! streamed from `git cat-file`, never held in memory whole.

use std::io::{self, Read};
use std::process::{Child, ChildStdout, Stdio};

use super::{GitError, Repo, failed, git, run, spawn, stderr_of};

/// A blob's contents as `git cat-file` writes them; the process is reaped when dropped.
pub struct BlobReader {
    child: Child,
    stdout: ChildStdout,
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.stdout.read(buf)
    }
}

impl Drop for BlobReader {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Repo {
    /// Every file under `dir` (relative to the folder the repository was opened from) at
    /// `commit`, relative to that folder and sorted. One `git ls-tree`.
    pub fn files_under(&self, commit: &str, dir: &str) -> Result<Vec<String>, GitError> {
        let out = run(
            git(&self.dir)
                .args([
                    "ls-tree",
                    "-r",
                    "-z",
                    "--name-only",
                    "--full-name",
                    commit,
                    "--",
                ])
                .arg(format!("{}{dir}", self.prefix)),
            "git ls-tree",
        )?;
        if !out.status.success() {
            return Err(failed("git ls-tree", stderr_of(&out)));
        }
        let mut files: Vec<String> = out
            .stdout
            .split(|b| *b == 0)
            .filter(|name| !name.is_empty())
            .filter_map(|name| {
                let name = String::from_utf8_lossy(name);
                name.strip_prefix(&self.prefix).map(str::to_owned)
            })
            .filter(|name| !name.split('/').any(|part| part.starts_with('.')))
            .collect();
        files.sort();
        Ok(files)
    }

    /// The contents of `path` (relative to the folder the repository was opened from) at
    /// `commit`, streamed, and its size. Two `git cat-file`.
    pub fn open_file(&self, commit: &str, path: &str) -> Result<(BlobReader, u64), GitError> {
        let object = format!("{commit}:{}{path}", self.prefix);
        let out = run(
            git(&self.dir).args(["cat-file", "-s", &object]),
            "git cat-file",
        )?;
        if !out.status.success() {
            return Err(failed("git cat-file", stderr_of(&out)));
        }
        let size = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .map_err(|_| failed("git cat-file", "no size"))?;
        let mut child = spawn(
            git(&self.dir)
                .args(["cat-file", "blob", &object])
                .stderr(Stdio::null()),
            "git cat-file",
        )?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| failed("git cat-file", "no output"))?;
        Ok((BlobReader { child, stdout }, size))
    }
}
