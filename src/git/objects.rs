//! One long-lived `git cat-file --batch` process that reads objects by id.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout};
use std::sync::{Arc, Mutex};

use super::{GitError, TreeEntry, parse};

/// A tree object's entries, with an index by name.
#[derive(Debug)]
pub struct TreeObject {
    pub entries: Vec<TreeEntry>,
    index: HashMap<String, usize>,
}

impl TreeObject {
    pub fn get(&self, name: &str) -> Option<&TreeEntry> {
        self.index.get(name).map(|&i| &self.entries[i])
    }
}

/// An object's bytes, or its size when that is over the limit asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blob {
    Bytes(Vec<u8>),
    TooLarge(u64),
}

struct Batch {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

/// Reads git objects through one `git cat-file --batch` process. Trees are parsed once and kept.
/// Safe to share between threads; requests are served one at a time.
pub struct Objects {
    batch: Mutex<Batch>,
    trees: Mutex<HashMap<String, Arc<TreeObject>>>,
    /// The first failure of the process. Later requests fail the same way.
    failure: Mutex<Option<String>>,
}

impl Objects {
    pub(super) fn start(mut child: Child) -> Result<Objects, GitError> {
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(GitError::Failed {
                command: "git cat-file --batch".into(),
                message: "its input and output could not be opened".into(),
            });
        };
        Ok(Objects {
            batch: Mutex::new(Batch {
                child,
                stdin: Some(stdin),
                stdout: BufReader::with_capacity(64 * 1024, stdout),
            }),
            trees: Mutex::new(HashMap::new()),
            failure: Mutex::new(None),
        })
    }

    /// The tree object `oid`, parsed.
    pub fn tree(&self, oid: &str) -> Result<Arc<TreeObject>, GitError> {
        if let Some(t) = lock(&self.trees).get(oid) {
            return Ok(Arc::clone(t));
        }
        let (kind, data) = self.request(oid, u64::MAX)?;
        let Blob::Bytes(data) = data else {
            return Err(self.fail(format!("tree {oid} is too large")));
        };
        if kind != "tree" {
            return Err(self.fail(format!("{oid} is a {kind}, not a tree")));
        }
        let entries =
            parse::tree(&data, oid.len() / 2).map_err(|e| self.fail(format!("tree {oid}: {e}")))?;
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.clone(), i))
            .collect();
        let tree = Arc::new(TreeObject { entries, index });
        lock(&self.trees).insert(oid.to_owned(), Arc::clone(&tree));
        Ok(tree)
    }

    /// The blob `oid`, unless it is bigger than `limit` bytes.
    pub fn blob(&self, oid: &str, limit: u64) -> Result<Blob, GitError> {
        let (kind, data) = self.request(oid, limit)?;
        if kind != "blob" {
            return Err(self.fail(format!("{oid} is a {kind}, not a blob")));
        }
        Ok(data)
    }

    /// `Err` with the process's first failure, if it ever failed. Call after a run of reads
    /// so that a broken `git` process is reported rather than taken for unreadable files.
    pub fn health(&self) -> Result<(), GitError> {
        match lock(&self.failure).as_ref() {
            None => Ok(()),
            Some(message) => Err(GitError::Failed {
                command: "git cat-file --batch".into(),
                message: message.clone(),
            }),
        }
    }

    fn fail(&self, message: String) -> GitError {
        let mut failure = lock(&self.failure);
        if failure.is_none() {
            *failure = Some(message.clone());
        }
        GitError::Failed {
            command: "git cat-file --batch".into(),
            message,
        }
    }

    /// Sends one request; returns the object type and its content.
    fn request(&self, oid: &str, limit: u64) -> Result<(String, Blob), GitError> {
        if let Some(message) = lock(&self.failure).clone() {
            return Err(GitError::Failed {
                command: "git cat-file --batch".into(),
                message,
            });
        }
        if oid.is_empty() || !oid.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.fail(format!("`{oid}` is not an object id")));
        }
        let mut batch = lock(&self.batch);
        let result = exchange(&mut batch, oid, limit);
        drop(batch);
        result.map_err(|message| self.fail(message))
    }
}

fn exchange(batch: &mut Batch, oid: &str, limit: u64) -> Result<(String, Blob), String> {
    let stopped = "git cat-file stopped unexpectedly".to_owned();
    let stdin = batch.stdin.as_mut().ok_or_else(|| stopped.clone())?;
    stdin
        .write_all(format!("{oid}\n").as_bytes())
        .and_then(|()| stdin.flush())
        .map_err(|e| format!("{stopped}: {e}"))?;
    let mut header = Vec::new();
    batch
        .stdout
        .read_until(b'\n', &mut header)
        .map_err(|e| format!("{stopped}: {e}"))?;
    if header.pop() != Some(b'\n') {
        return Err(stopped);
    }
    let header = String::from_utf8_lossy(&header).into_owned();
    let mut parts = header.split(' ');
    let (Some(_), Some(kind), Some(size), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(if header.ends_with(" missing") {
            format!("object {oid} is missing from the repository")
        } else {
            format!("unexpected answer `{header}` for object {oid}")
        });
    };
    let size: u64 = size
        .parse()
        .map_err(|_| format!("unexpected answer `{header}` for object {oid}"))?;
    let data = if size > limit {
        // Read past the content without keeping it.
        let copied = std::io::copy(&mut (&mut batch.stdout).take(size), &mut std::io::sink())
            .map_err(|e| format!("{stopped}: {e}"))?;
        if copied != size {
            return Err(stopped);
        }
        Blob::TooLarge(size)
    } else {
        let mut data = vec![0; size as usize];
        batch
            .stdout
            .read_exact(&mut data)
            .map_err(|e| format!("{stopped}: {e}"))?;
        Blob::Bytes(data)
    };
    let mut newline = [0u8; 1];
    batch
        .stdout
        .read_exact(&mut newline)
        .map_err(|e| format!("{stopped}: {e}"))?;
    Ok((kind.to_owned(), data))
}

impl Drop for Objects {
    fn drop(&mut self) {
        let batch = self.batch.get_mut().unwrap_or_else(|e| e.into_inner());
        // Closing its input ends the process.
        batch.stdin.take();
        let _ = batch.child.wait();
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
