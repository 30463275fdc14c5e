//! Remembering per-file check results by content, so a walk through history re-checks only
//! the files that changed.

use std::collections::HashMap;
use std::sync::Mutex;

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::evidence::EvidenceFile;
use crate::tree::{Listed, PathState, ReadError, Tree, TreeError};

/// Per-file results keyed by path and content id ([`Tree::content_id`]).
///
/// A file's result also depends on the paths it links to, so each entry remembers what
/// every probe answered, and is reused only when the tree in hand answers the same.
/// One cache must only be used with one catalogue and one set of [`super::CheckOptions`].
#[derive(Debug, Default)]
pub struct FileCache {
    entries: Mutex<HashMap<(String, String), Entry>>,
}

#[derive(Debug, Clone)]
struct Entry {
    file: EvidenceFile,
    diagnostics: Vec<Diagnostic>,
    probes: Vec<(String, PathState)>,
    last_changed: Option<Date>,
}

impl FileCache {
    pub fn new() -> FileCache {
        FileCache::default()
    }

    /// How many file results are remembered.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, String), Entry>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The result of `check` for the file at `path`, reused when the same content was
    /// checked before against the same linked paths.
    pub(super) fn check(
        &self,
        tree: &dyn Tree,
        path: &str,
        last_changed: Option<Date>,
        check: impl FnOnce(&dyn Tree) -> (EvidenceFile, Vec<Diagnostic>),
    ) -> (EvidenceFile, Vec<Diagnostic>) {
        let Some(id) = tree.content_id(path) else {
            return check(tree);
        };
        let key = (path.to_owned(), id);
        let hit = self.lock().get(&key).cloned();
        if let Some(entry) = hit
            && entry.last_changed == last_changed
            && entry
                .probes
                .iter()
                .all(|(p, state)| tree.probe(p) == *state)
        {
            return (entry.file, entry.diagnostics);
        }
        let recording = Recording {
            inner: tree,
            probes: Mutex::new(Vec::new()),
        };
        let (file, diagnostics) = check(&recording);
        let probes = recording
            .probes
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        self.lock().insert(
            key,
            Entry {
                file: file.clone(),
                diagnostics: diagnostics.clone(),
                probes,
                last_changed,
            },
        );
        (file, diagnostics)
    }
}

/// A tree that remembers what it was asked to probe.
struct Recording<'a> {
    inner: &'a dyn Tree,
    probes: Mutex<Vec<(String, PathState)>>,
}

impl Tree for Recording<'_> {
    fn list(&self, dir: &str) -> Result<Vec<Listed>, TreeError> {
        self.inner.list(dir)
    }

    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
        self.inner.read(path, limit)
    }

    fn probe(&self, path: &str) -> PathState {
        let state = self.inner.probe(path);
        self.probes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_owned(), state));
        state
    }

    fn content_id(&self, path: &str) -> Option<String> {
        self.inner.content_id(path)
    }
}
