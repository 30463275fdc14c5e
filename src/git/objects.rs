//! One long-lived `git cat-file --batch` process that reads objects by id.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout};
use std::sync::{Arc, Mutex};

use super::{GitError, TreeEntry, parse};

/// Trees with more entries than this get an index by name; smaller ones are scanned.
const INDEX_FROM: usize = 64;

/// A tree object's entries, with an index by name when there are many.
#[derive(Debug)]
pub struct TreeObject {
    pub entries: Vec<TreeEntry>,
    index: Option<HashMap<String, usize>>,
}

impl TreeObject {
    fn new(entries: Vec<TreeEntry>) -> TreeObject {
        let index = (entries.len() > INDEX_FROM).then(|| {
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.name.clone(), i))
                .collect()
        });
        TreeObject { entries, index }
    }

    pub fn get(&self, name: &str) -> Option<&TreeEntry> {
        match &self.index {
            Some(index) => index.get(name).map(|&i| &self.entries[i]),
            None => self.entries.iter().find(|e| e.name == name),
        }
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

/// Requests written before their answers are read. Small enough that the requests never
/// fill the pipe to git while its answers wait to be read.
const PIPELINE: usize = 256;

/// Reads git objects through one `git cat-file --batch` process. Trees are parsed once and kept.
/// Safe to share between threads; requests are served one at a time.
pub struct Objects {
    batch: Mutex<Batch>,
    trees: Mutex<HashMap<String, Arc<TreeObject>>>,
    /// Blobs fetched ahead by [`Objects::prefetch`], until [`Objects::forget`].
    blobs: Mutex<HashMap<String, Vec<u8>>>,
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
            blobs: Mutex::new(HashMap::new()),
            failure: Mutex::new(None),
        })
    }

    /// The tree object `oid`, parsed.
    pub fn tree(&self, oid: &str) -> Result<Arc<TreeObject>, GitError> {
        if let Some(t) = lock(&self.trees).get(oid) {
            return Ok(Arc::clone(t));
        }
        let (kind, data) = self.request(oid, u64::MAX)?;
        if kind != "tree" {
            return Err(self.fail(format!("{oid} is a {kind}, not a tree")));
        }
        self.keep_tree(oid, &data)
    }

    fn keep_tree(&self, oid: &str, data: &Blob) -> Result<Arc<TreeObject>, GitError> {
        let Blob::Bytes(data) = data else {
            return Err(self.fail(format!("tree {oid} is too large")));
        };
        let entries =
            parse::tree(data, oid.len() / 2).map_err(|e| self.fail(format!("tree {oid}: {e}")))?;
        let tree = Arc::new(TreeObject::new(entries));
        lock(&self.trees).insert(oid.to_owned(), Arc::clone(&tree));
        Ok(tree)
    }

    /// The blob `oid`, unless it is bigger than `limit` bytes.
    pub fn blob(&self, oid: &str, limit: u64) -> Result<Blob, GitError> {
        if let Some(bytes) = lock(&self.blobs).get(oid) {
            return Ok(if bytes.len() as u64 > limit {
                Blob::TooLarge(bytes.len() as u64)
            } else {
                Blob::Bytes(bytes.clone())
            });
        }
        let (kind, data) = self.request(oid, limit)?;
        if kind != "blob" {
            return Err(self.fail(format!("{oid} is a {kind}, not a blob")));
        }
        Ok(data)
    }

    /// Fetches many objects in a few round trips to git: trees are parsed and kept, blobs up
    /// to `blob_limit` bytes are kept until [`Objects::forget`]. Objects already at
    /// hand are skipped.
    ///
    /// Returns every id named, fetched now or before, for [`Objects::forget`].
    pub fn prefetch<'o>(
        &self,
        oids: impl IntoIterator<Item = &'o str>,
        blob_limit: u64,
    ) -> Result<Vec<&'o str>, GitError> {
        let mut named: Vec<&str> = Vec::new();
        let mut wanted: Vec<&str> = Vec::new();
        {
            let trees = lock(&self.trees);
            let blobs = lock(&self.blobs);
            let mut seen = std::collections::HashSet::new();
            for oid in oids {
                if seen.insert(oid) {
                    named.push(oid);
                    if !trees.contains_key(oid) && !blobs.contains_key(oid) {
                        wanted.push(oid);
                    }
                }
            }
        }
        for chunk in wanted.chunks(PIPELINE) {
            for (oid, (kind, data)) in chunk.iter().zip(self.request_many(chunk, blob_limit)?) {
                match (kind.as_str(), data) {
                    ("tree", data) => {
                        self.keep_tree(oid, &data)?;
                    }
                    ("blob", Blob::Bytes(bytes)) => {
                        lock(&self.blobs).insert((*oid).to_owned(), bytes);
                    }
                    _ => {}
                }
            }
        }
        Ok(named)
    }

    /// Drops the trees and blobs kept for `oids`.
    pub fn forget<'o>(&self, oids: impl IntoIterator<Item = &'o str>) {
        let mut trees = lock(&self.trees);
        let mut blobs = lock(&self.blobs);
        for oid in oids {
            trees.remove(oid);
            blobs.remove(oid);
        }
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
        let mut answers = self.request_many(&[oid], limit)?;
        answers
            .pop()
            .ok_or_else(|| self.fail("git cat-file gave no answer".into()))
    }

    /// Sends up to [`PIPELINE`] requests, then reads their answers in order.
    fn request_many(&self, oids: &[&str], limit: u64) -> Result<Vec<(String, Blob)>, GitError> {
        if let Some(message) = lock(&self.failure).clone() {
            return Err(GitError::Failed {
                command: "git cat-file --batch".into(),
                message,
            });
        }
        if let Some(bad) = oids
            .iter()
            .find(|oid| oid.is_empty() || !oid.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return Err(self.fail(format!("`{bad}` is not an object id")));
        }
        let mut batch = lock(&self.batch);
        let result = send(&mut batch, oids).and_then(|()| {
            oids.iter()
                .map(|oid| receive(&mut batch, oid, limit))
                .collect::<Result<Vec<_>, _>>()
        });
        drop(batch);
        result.map_err(|message| self.fail(message))
    }
}

const STOPPED: &str = "git cat-file stopped unexpectedly";

/// What `git cat-file --batch` answers to one name, before the contents.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum BatchHeader {
    /// `<id> <type> <size>`: `size` bytes of contents and a line break follow.
    Object { kind: String, size: u64 },
    /// `<name> missing` or `<name> ambiguous` (the last word): nothing follows.
    NotFound(String),
    /// Anything else, whole.
    Unexpected(String),
}

/// Reads one answer's header line; `None` when git ended before a whole line (a fatal error).
pub(super) fn read_batch_header(out: &mut impl BufRead) -> std::io::Result<Option<BatchHeader>> {
    let mut line = Vec::new();
    out.read_until(b'\n', &mut line)?;
    if line.pop() != Some(b'\n') {
        return Ok(None);
    }
    let line = String::from_utf8_lossy(&line);
    // From the right: a name may hold spaces; an id, a type and a size do not.
    let mut fields = line.rsplitn(3, ' ');
    let (last, kind, id) = (
        fields.next().unwrap_or_default(),
        fields.next(),
        fields.next(),
    );
    Ok(Some(match (id, kind, last.parse::<u64>()) {
        (Some(_), Some(kind), Ok(size)) => BatchHeader::Object {
            kind: kind.to_owned(),
            size,
        },
        _ if kind.is_some() && matches!(last, "missing" | "ambiguous") => {
            BatchHeader::NotFound(last.to_owned())
        }
        _ => BatchHeader::Unexpected(line.into_owned()),
    }))
}

fn send(batch: &mut Batch, oids: &[&str]) -> Result<(), String> {
    let stdin = batch.stdin.as_mut().ok_or_else(|| STOPPED.to_owned())?;
    let mut lines = String::with_capacity(oids.len() * 65);
    for oid in oids {
        lines.push_str(oid);
        lines.push('\n');
    }
    stdin
        .write_all(lines.as_bytes())
        .and_then(|()| stdin.flush())
        .map_err(|e| format!("{STOPPED}: {e}"))
}

fn receive(batch: &mut Batch, oid: &str, limit: u64) -> Result<(String, Blob), String> {
    let stopped = STOPPED.to_owned();
    let header = read_batch_header(&mut batch.stdout)
        .map_err(|e| format!("{stopped}: {e}"))?
        .ok_or_else(|| stopped.clone())?;
    let (kind, size) = match header {
        BatchHeader::Object { kind, size } => (kind, size),
        BatchHeader::NotFound(why) if why == "missing" => {
            return Err(format!("object {oid} is missing from the repository"));
        }
        BatchHeader::NotFound(why) => return Err(format!("object {oid} is {why}")),
        BatchHeader::Unexpected(header) => {
            return Err(format!("unexpected answer `{header}` for object {oid}"));
        }
    };
    // Trees are always read whole; the limit is for blobs.
    let data = if kind != "tree" && size > limit {
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
    Ok((kind, data))
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

#[cfg(test)]
mod batch_header_tests {
    use super::{BatchHeader, read_batch_header};

    fn read(text: &str) -> Option<BatchHeader> {
        read_batch_header(&mut text.as_bytes()).unwrap()
    }

    #[test]
    fn headers_are_read_from_the_right() {
        assert_eq!(
            read("0123abcd blob 12\nrest"),
            Some(BatchHeader::Object {
                kind: "blob".into(),
                size: 12
            })
        );
        // A name with spaces, even one ending in a number, is not an object.
        assert_eq!(
            read("HEAD:docs/a b 12 missing\n"),
            Some(BatchHeader::NotFound("missing".into()))
        );
        assert_eq!(
            read("HEAD:x ambiguous\n"),
            Some(BatchHeader::NotFound("ambiguous".into()))
        );
        assert_eq!(
            read("fatal\n"),
            Some(BatchHeader::Unexpected("fatal".into()))
        );
        // No whole line: git ended.
        assert_eq!(read(""), None);
        assert_eq!(read("0123abcd blob 1"), None);
    }
}
