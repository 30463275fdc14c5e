//! Files of a commit for `cse pack --at`: every file under a folder, and a file's contents
//! streamed from `git cat-file`, never held in memory whole.

use std::io::{self, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Stdio};
use std::sync::{Condvar, Mutex, MutexGuard};

use super::objects::{BatchHeader, read_batch_header};
use super::{GitError, Repo, failed, git, run, spawn, stderr_of};

/// The files of one commit, read through a few long-lived `git cat-file --batch` processes:
/// one per thread reading at once, up to `max`, each streaming one file at a time. However
/// many files a pack copies, at most `max` processes run.
pub struct Blobs<'r> {
    repo: &'r Repo,
    commit: String,
    max: usize,
    pool: Mutex<Pool>,
    freed: Condvar,
}

#[derive(Default)]
struct Pool {
    idle: Vec<CatFile>,
    /// Processes started and not yet ended, idle or streaming.
    running: usize,
}

/// One `git cat-file --batch`.
struct CatFile {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl Drop for CatFile {
    fn drop(&mut self) {
        // Its input closed, an idle process ends by itself; one cut off mid-file is killed.
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl<'r> Blobs<'r> {
    /// The files of `commit`, read by at most `max` processes at once (at least one).
    pub fn new(repo: &'r Repo, commit: &str, max: usize) -> Blobs<'r> {
        Blobs {
            repo,
            commit: commit.to_owned(),
            max: max.max(1),
            pool: Mutex::new(Pool::default()),
            freed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Pool> {
        self.pool.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The contents of `path` (relative to the folder the repository was opened from),
    /// streamed, and its size. A name `git cat-file --batch` cannot take on one line (it holds
    /// a line break, or a NUL where git would stop reading it) is read by [`Repo::open_file`]
    /// instead.
    pub fn open(&self, path: &str) -> Result<(Box<dyn Read + Send + '_>, u64), GitError> {
        if path.contains(['\n', '\r', '\0']) {
            let (reader, size) = self.repo.open_file(&self.commit, path)?;
            return Ok((Box::new(reader), size));
        }
        let mut process = self.take()?;
        let object = format!("{}:{}{path}\n", self.commit, self.repo.prefix);
        let header = (|| {
            let stdin = process.stdin.as_mut().ok_or(io::ErrorKind::BrokenPipe)?;
            stdin.write_all(object.as_bytes())?;
            stdin.flush()?;
            read_batch_header(&mut process.stdout)
        })();
        let (kind, size) = match header {
            Ok(Some(BatchHeader::Object { kind, size })) => (kind, size),
            // Nothing follows: the process is still in step.
            Ok(Some(BatchHeader::NotFound(why))) => {
                self.give_back(process);
                return Err(failed(
                    "git cat-file",
                    format!("{path}: {why} at the commit"),
                ));
            }
            Ok(Some(BatchHeader::Unexpected(line))) => {
                self.end(process);
                return Err(failed("git cat-file", format!("{path}: `{line}`")));
            }
            // No whole line: git has ended (a fatal error), so this process is done with.
            Ok(None) => {
                self.end(process);
                return Err(failed("git cat-file", format!("{path}: git ended early")));
            }
            Err(e) => {
                self.end(process);
                return Err(failed("git cat-file", e.to_string()));
            }
        };
        let mut reader = PooledBlob {
            blobs: self,
            process: Some(process),
            left: size,
        };
        if kind == "blob" {
            return Ok((Box::new(reader), size));
        }
        // A folder or a submodule: read past it, so the process can be used again.
        let _ = io::copy(&mut reader, &mut io::sink());
        Err(failed("git cat-file", format!("{path} is not a file")))
    }

    /// An idle process, a new one while fewer than `max` run, else the next one freed.
    fn take(&self) -> Result<CatFile, GitError> {
        let mut pool = self.lock();
        loop {
            if let Some(process) = pool.idle.pop() {
                return Ok(process);
            }
            if pool.running < self.max {
                pool.running += 1;
                drop(pool);
                let started = self.start();
                if started.is_err() {
                    self.lock().running -= 1;
                    self.freed.notify_one();
                }
                return started;
            }
            pool = self.freed.wait(pool).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn start(&self) -> Result<CatFile, GitError> {
        let mut child = spawn(
            git(&self.repo.dir)
                .args(["cat-file", "--batch"])
                .stdin(Stdio::piped())
                .stderr(Stdio::null()),
            "git cat-file",
        )?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed("git cat-file", "no pipes"));
        };
        Ok(CatFile {
            child,
            stdin: Some(stdin),
            stdout: BufReader::new(stdout),
        })
    }

    /// A process that has read a whole file, ready for the next.
    fn give_back(&self, process: CatFile) {
        self.lock().idle.push(process);
        self.freed.notify_one();
    }

    /// A process that cannot be used again (a file left half read, or a broken pipe).
    fn end(&self, process: CatFile) {
        drop(process);
        self.lock().running -= 1;
        self.freed.notify_one();
    }
}

/// One file streamed from a pooled process; the process goes back to the pool when the file
/// has been read to its end, and is ended otherwise.
struct PooledBlob<'b, 'r> {
    blobs: &'b Blobs<'r>,
    process: Option<CatFile>,
    /// Bytes of the file not read yet.
    left: u64,
}

impl Read for PooledBlob<'_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let Some(process) = self.process.as_mut() else {
            return Ok(0);
        };
        if self.left == 0 || buf.is_empty() {
            return Ok(0);
        }
        let want = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = process.stdout.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "git cat-file ended before the end of the file",
            ));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

impl Drop for PooledBlob<'_, '_> {
    fn drop(&mut self) {
        let Some(mut process) = self.process.take() else {
            return;
        };
        // After the contents, one line break; then the process is ready for the next name.
        let mut end = [0u8; 1];
        let whole =
            self.left == 0 && process.stdout.read_exact(&mut end).is_ok() && end[0] == b'\n';
        if whole {
            self.blobs.give_back(process);
        } else {
            self.blobs.end(process);
        }
    }
}

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
