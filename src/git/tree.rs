//! [`GitTree`]: the files of a commit, read from git objects, never from the working tree.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use super::{Blob, EntryKind, GitError, Objects, TreeObject};
use crate::misnamed::Misnamed;
use crate::tree::{self, Listed, PathState, ReadError, Tree, TreeError};

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Symlinks followed while resolving one path before it counts as a loop (as in Linux).
const MAX_SYMLINK_HOPS: usize = 40;
/// Longest symlink target read.
const MAX_SYMLINK_BYTES: u64 = 4096;

/// A folder of a commit, seen through the [`Tree`] trait, with the same rules as the
/// working tree: hidden entries and `README.md` files are skipped, `.md` is matched in any
/// case, and symlinks are followed only while they stay inside the folder.
pub struct GitTree<'a> {
    objects: &'a Objects,
    /// The tree of the repository root; `None` when the folder does not exist at that commit.
    root: Option<Arc<TreeObject>>,
    /// Answers to [`Tree::probe`]: many files link to the same few documents.
    probes: Mutex<HashMap<String, PathState>>,
    /// The last folder a plain path went through, and its tree: files of one folder come in turn.
    last_folder: Mutex<Option<(String, Arc<TreeObject>)>>,
}

/// Where a path leads.
enum Found {
    Dir(Arc<TreeObject>),
    File(String),
    /// A symlink left unfollowed (the blob holds its target).
    Symlink,
    Submodule,
    Missing,
    Outside,
    Loop,
    NotADir,
}

impl<'a> GitTree<'a> {
    /// The folder `prefix` (`""` or `"sub/dir/"`) of the commit whose root tree is `tree`.
    pub fn new(objects: &'a Objects, tree: &str, prefix: &str) -> Result<GitTree<'a>, GitError> {
        let mut oid = tree.to_owned();
        for part in prefix.split('/').filter(|p| !p.is_empty()) {
            let t = objects.tree(&oid)?;
            match t.get(part) {
                Some(e) if e.kind == EntryKind::Tree => oid = e.oid.clone(),
                _ => {
                    return Ok(GitTree {
                        objects,
                        root: None,
                        probes: Mutex::default(),
                        last_folder: Mutex::default(),
                    });
                }
            }
        }
        Ok(GitTree {
            objects,
            root: Some(objects.tree(&oid)?),
            probes: Mutex::default(),
            last_folder: Mutex::default(),
        })
    }

    /// The blob id of a regular file at `path`, without following symlinks.
    pub fn blob_id(&self, path: &str) -> Option<String> {
        match self.find(path, false) {
            Ok(Found::File(oid)) => Some(oid),
            _ => None,
        }
    }

    /// Walks `path` from the root, following symlinks on the way (and at the end when
    /// `follow_last`). Targets are resolved like the operating system would, but never
    /// leave the root.
    fn find(&self, path: &str, follow_last: bool) -> Result<Found, GitError> {
        let Some(root) = &self.root else {
            return Ok(Found::Missing);
        };
        let root = Arc::clone(root);
        if let Some(found) = self.find_plain(&root, path)? {
            return Ok(found);
        }
        let mut pending: VecDeque<String> = path.split('/').map(str::to_owned).collect();
        // The folders walked into, from the root down.
        let mut stack: Vec<Arc<TreeObject>> = Vec::new();
        let mut hops = 0;
        while let Some(part) = pending.pop_front() {
            match part.as_str() {
                "" | "." => {
                    if pending.is_empty() && stack.is_empty() {
                        return Ok(Found::Dir(root));
                    }
                    continue;
                }
                ".." => {
                    if stack.pop().is_none() {
                        return Ok(Found::Outside);
                    }
                    continue;
                }
                _ => {}
            }
            let here = stack.last().unwrap_or(&root);
            let Some(entry) = here.get(&part).cloned() else {
                return Ok(Found::Missing);
            };
            let last = pending.iter().all(|p| p.is_empty() || p == ".");
            match entry.kind {
                EntryKind::Tree => {
                    let t = self.objects.tree(&entry.oid)?;
                    if last {
                        return Ok(Found::Dir(t));
                    }
                    stack.push(t);
                }
                EntryKind::Blob if last => return Ok(Found::File(entry.oid)),
                EntryKind::Blob => return Ok(Found::NotADir),
                EntryKind::Submodule if last => return Ok(Found::Submodule),
                EntryKind::Submodule => return Ok(Found::Missing),
                EntryKind::Symlink if last && !follow_last => {
                    return Ok(Found::Symlink);
                }
                EntryKind::Symlink => {
                    hops += 1;
                    if hops > MAX_SYMLINK_HOPS {
                        return Ok(Found::Loop);
                    }
                    let target = match self.objects.blob(&entry.oid, MAX_SYMLINK_BYTES)? {
                        Blob::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
                        Blob::TooLarge(_) => return Ok(Found::Missing),
                    };
                    if target.starts_with('/') || target.is_empty() {
                        return Ok(Found::Outside);
                    }
                    for part in target.split('/').rev() {
                        pending.push_front(part.to_owned());
                    }
                }
            }
        }
        Ok(Found::Dir(stack.pop().unwrap_or(root)))
    }

    /// The common case without allocating: a plain path with no symlink, `.` or `..` on the
    /// way. `None` when the path needs the full walk of [`GitTree::find`].
    fn find_plain(&self, root: &Arc<TreeObject>, path: &str) -> Result<Option<Found>, GitError> {
        let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
        let known = match &*lock(&self.last_folder) {
            Some((f, tree)) if f == folder => Some(Arc::clone(tree)),
            _ => None,
        };
        if let Some(tree) = known {
            return self.find_in(&tree, name);
        }
        let found = self.find_from(root, path)?;
        if let Some(Found::Dir(tree)) = self.find_from(root, folder).ok().flatten()
            && !folder.is_empty()
        {
            *lock(&self.last_folder) = Some((folder.to_owned(), tree));
        }
        Ok(found)
    }

    /// `name` in the folder `tree`, when it is plain.
    fn find_in(&self, tree: &Arc<TreeObject>, name: &str) -> Result<Option<Found>, GitError> {
        if matches!(name, "" | "." | "..") {
            return Ok(None);
        }
        let Some(entry) = tree.get(name) else {
            return Ok(Some(Found::Missing));
        };
        Ok(Some(match entry.kind {
            EntryKind::Tree => Found::Dir(self.objects.tree(&entry.oid)?),
            EntryKind::Blob => Found::File(entry.oid.clone()),
            EntryKind::Submodule => Found::Submodule,
            EntryKind::Symlink => return Ok(None),
        }))
    }

    /// [`GitTree::find_plain`] from the root, folder by folder.
    fn find_from(&self, root: &Arc<TreeObject>, path: &str) -> Result<Option<Found>, GitError> {
        let mut here = Arc::clone(root);
        let mut parts = path.split('/').peekable();
        while let Some(part) = parts.next() {
            if matches!(part, "" | "." | "..") {
                return Ok(None);
            }
            let last = parts.peek().is_none();
            let Some(entry) = here.get(part) else {
                return Ok(Some(Found::Missing));
            };
            match (entry.kind, last) {
                (EntryKind::Tree, true) => {
                    return Ok(Some(Found::Dir(self.objects.tree(&entry.oid)?)));
                }
                (EntryKind::Tree, false) => {
                    let next = self.objects.tree(&entry.oid)?;
                    here = next;
                }
                (EntryKind::Blob, true) => return Ok(Some(Found::File(entry.oid.clone()))),
                (EntryKind::Blob, false) => return Ok(Some(Found::NotADir)),
                (EntryKind::Submodule, true) => return Ok(Some(Found::Submodule)),
                (EntryKind::Submodule, false) => return Ok(Some(Found::Missing)),
                (EntryKind::Symlink, _) => return Ok(None),
            }
        }
        Ok(None)
    }

    fn walk(&self, dir: &str, tree: &TreeObject, out: &mut Vec<Listed>) -> Result<(), GitError> {
        for entry in &tree.entries {
            if entry.name.starts_with('.') {
                continue;
            }
            let path = if dir.is_empty() {
                entry.name.clone()
            } else {
                format!("{dir}/{}", entry.name)
            };
            let evidence = tree::is_markdown(&entry.name) && !tree::is_readme(&entry.name);
            match entry.kind {
                EntryKind::Tree => {
                    if evidence {
                        out.push(problem(&path, "it is a folder, not a file"));
                    }
                    let sub = self.objects.tree(&entry.oid)?;
                    self.walk(&path, &sub, out)?;
                }
                _ if !evidence => {}
                EntryKind::Blob => out.push(Listed {
                    path,
                    problem: None,
                }),
                EntryKind::Submodule => out.push(problem(&path, "it is a folder, not a file")),
                EntryKind::Symlink => {
                    let why = match self.find(&path, true)? {
                        Found::File(_) => None,
                        Found::Dir(_) | Found::Submodule => Some("it is a symlink to a folder"),
                        Found::Outside => Some("it is a symlink that leads outside the repository"),
                        Found::Loop => Some("it is a symlink loop"),
                        Found::Missing | Found::NotADir | Found::Symlink => {
                            Some("it is a dangling symlink")
                        }
                    };
                    out.push(Listed {
                        path,
                        problem: why.map(str::to_owned),
                    });
                }
            }
        }
        Ok(())
    }
}

fn problem(path: &str, why: &str) -> Listed {
    Listed {
        path: path.to_owned(),
        problem: Some(why.to_owned()),
    }
}

impl Tree for GitTree<'_> {
    fn list(&self, dir: &str) -> Result<Vec<Listed>, TreeError> {
        let error = |message: String| TreeError {
            path: dir.to_owned(),
            message,
            hint: None,
        };
        let base = dir.trim_matches('/');
        let tree = match self.find(base, true).map_err(|e| error(e.to_string()))? {
            Found::Dir(t) => t,
            Found::Missing => return Err(error("no such folder at this commit".into())),
            Found::Outside => return Err(error("it leads outside the repository".into())),
            _ => return Err(error("not a folder".into())),
        };
        let mut out = Vec::new();
        let base = if base == "." { "" } else { base };
        self.walk(base, &tree, &mut out)
            .map_err(|e| error(e.to_string()))?;
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn misnamed(&self, dir: &str) -> Vec<Misnamed> {
        let base = dir.trim_matches('/');
        let Ok(Found::Dir(tree)) = self.find(base, true) else {
            return Vec::new();
        };
        let base = if base == "." { "" } else { base };
        let mut out = Vec::new();
        let mut folders = vec![(base.to_owned(), tree)];
        while let Some((dir, tree)) = folders.pop() {
            for entry in tree.entries.iter().filter(|e| !e.name.starts_with('.')) {
                let path = if dir.is_empty() {
                    entry.name.clone()
                } else {
                    format!("{dir}/{}", entry.name)
                };
                match entry.kind {
                    EntryKind::Tree => {
                        if let Ok(sub) = self.objects.tree(&entry.oid) {
                            folders.push((path, sub));
                        }
                    }
                    _ => out.extend(Misnamed::of_path(&path)),
                }
            }
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
        let io = |m: &str| ReadError::Io(m.to_owned());
        match self
            .find(path, true)
            .map_err(|e| ReadError::Io(e.to_string()))?
        {
            Found::File(oid) => match self.objects.blob(&oid, limit) {
                Ok(Blob::Bytes(b)) => Ok(b),
                Ok(Blob::TooLarge(size)) => Err(ReadError::TooLarge { size, limit }),
                Err(e) => Err(ReadError::Io(e.to_string())),
            },
            Found::Dir(_) | Found::Submodule => Err(io("it is a folder, not a file")),
            Found::Outside => Err(io("it leads outside the repository")),
            Found::Loop => Err(io("it is a symlink loop")),
            Found::Missing | Found::NotADir | Found::Symlink => {
                Err(io("no such file at this commit"))
            }
        }
    }

    fn probe(&self, path: &str) -> PathState {
        let mut probes = self.probes.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(state) = probes.get(path) {
            return *state;
        }
        let state = match self.find(path, true) {
            Ok(Found::File(_)) => PathState::File,
            Ok(Found::Dir(_) | Found::Submodule) => PathState::Dir,
            Ok(Found::Outside) => PathState::Outside,
            _ => PathState::Missing,
        };
        probes.insert(path.to_owned(), state);
        state
    }

    fn content_id(&self, path: &str) -> Option<String> {
        self.blob_id(path)
    }
}
