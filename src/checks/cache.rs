//! Remembering per-file check results by content, so a walk through history re-checks only
//! the files that changed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::diagnostic::Diagnostic;
use crate::evidence::EvidenceFile;
use crate::tree::{Listed, PathState, ReadError, Tree, TreeError};

/// Per-file results keyed by content id ([`Tree::content_id`]) and path.
///
/// A file's result also depends on the paths it links to, so each entry remembers what
/// every probe answered, and is reused only when the tree in hand answers the same.
/// One cache must only be used with one catalogue and one set of [`super::CheckOptions`];
/// it is not used when the options carry last-change dates, which are looked up only when a
/// file needs them.
#[derive(Debug, Default)]
pub struct FileCache {
    /// By content id, then one entry per path holding that content.
    entries: Mutex<HashMap<String, Vec<Arc<Entry>>>>,
}

/// One file's result, shared by every commit that holds the same file.
pub(super) type Shared = Arc<(EvidenceFile, Vec<Diagnostic>)>;

#[derive(Debug)]
struct Entry {
    result: Shared,
    probes: Vec<(String, PathState)>,
}

impl FileCache {
    pub fn new() -> FileCache {
        FileCache::default()
    }

    /// How many file results are remembered.
    pub fn len(&self) -> usize {
        self.lock().values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Vec<Arc<Entry>>>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The remembered result for the file at `path`, if the same content was checked before
    /// against the same linked paths.
    pub(super) fn get(&self, tree: &dyn Tree, path: &str) -> Option<Shared> {
        let id = tree.content_id(path)?;
        // The lock is held for the look-up only: other threads share the cache.
        let entry = Arc::clone(
            self.lock()
                .get(&id)?
                .iter()
                .find(|e| e.result.0.path == path)?,
        );
        let same = entry
            .probes
            .iter()
            .all(|(p, state)| tree.probe(p) == *state);
        same.then(|| Arc::clone(&entry.result))
    }

    /// The result of `check` for the file at `path`, remembered for next time.
    pub(super) fn check(
        &self,
        tree: &dyn Tree,
        path: &str,
        check: impl FnOnce(&dyn Tree) -> (EvidenceFile, Vec<Diagnostic>),
    ) -> Shared {
        let Some(id) = tree.content_id(path) else {
            return Arc::new(check(tree));
        };
        let recording = Recording {
            inner: tree,
            probes: Mutex::new(Vec::new()),
        };
        let result = Arc::new(check(&recording));
        let probes = recording
            .probes
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        let entry = Arc::new(Entry {
            result: Arc::clone(&result),
            probes,
        });
        let mut entries = self.lock();
        let same_id = entries.entry(id).or_default();
        match same_id.iter_mut().find(|e| e.result.0.path == path) {
            Some(old) => *old = entry,
            None => same_id.push(entry),
        }
        result
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::catalogue::Catalogue;
    use crate::checks::{CheckOptions, Unit, check_unit, unit_states};

    /// Files in memory; a file's content is its content id.
    struct Memory(BTreeMap<String, String>);

    impl Tree for Memory {
        fn list(&self, dir: &str) -> Result<Vec<Listed>, TreeError> {
            Ok(self
                .0
                .keys()
                .filter(|p| p.starts_with(&format!("{dir}/")) && p.ends_with(".md"))
                .map(|p| Listed {
                    path: p.clone(),
                    problem: None,
                })
                .collect())
        }
        fn read(&self, path: &str, _limit: u64) -> Result<Vec<u8>, ReadError> {
            self.0
                .get(path)
                .map(|t| t.as_bytes().to_vec())
                .ok_or_else(|| ReadError::Io("missing".into()))
        }
        fn probe(&self, path: &str) -> PathState {
            if self.0.contains_key(path) {
                PathState::File
            } else if self.0.keys().any(|p| p.starts_with(&format!("{path}/"))) {
                PathState::Dir
            } else {
                PathState::Missing
            }
        }
        fn content_id(&self, path: &str) -> Option<String> {
            self.0.get(path).cloned()
        }
    }

    fn file(id: &str, status: &str) -> String {
        format!(
            "---\nelement: {id}\nstatus: {status}\nreviewed: 2026-06-01\nevidence:\n  - title: Proof\n    path: ../docs/proof.txt\n---\nSee [the proof](../docs/proof.txt).\n"
        )
    }

    fn tree(files: &[(&str, String)]) -> Memory {
        Memory(
            files
                .iter()
                .map(|(p, t)| ((*p).to_owned(), t.clone()))
                .collect(),
        )
    }

    #[test]
    fn states_from_the_cache_match_a_fresh_check() {
        let catalogue = Catalogue::builtin().unwrap();
        let options = CheckOptions::new("2026-11-28".parse().unwrap());
        let unit = Unit {
            name: None,
            dir: "evidence".into(),
        };
        let cache = FileCache::new();
        let base = vec![
            ("docs/proof.txt", "proof".to_owned()),
            ("evidence/1.1.1.md", file("1.1.1", "compliant")),
            ("evidence/1.1.2.md", file("1.1.2", "partial")),
            ("evidence/a/1.1.3.md", file("1.1.3", "compliant")),
            ("evidence/b/1.1.3.md", file("1.1.3", "compliant")),
            ("evidence/1.1.9.md", file("1.1.9", "compliant")),
            ("evidence/2.1.1.md", "---\nstatus: [oops\n---\n".to_owned()),
        ];
        // The same files, then the linked document gone, then 1.1.2 upgraded.
        let mut without_docs = base.clone();
        without_docs.remove(0);
        let mut upgraded = base.clone();
        upgraded[2].1 = file("1.1.2", "compliant");
        for files in [&base, &without_docs, &base, &upgraded] {
            let t = tree(files);
            let fresh = check_unit(&catalogue, &t, &unit, &options).unwrap();
            let cached = unit_states(&catalogue, &t, &unit, &options, &cache).unwrap();
            assert_eq!(cached.elements, fresh.elements);
            assert_eq!(
                cached.errors,
                fresh.diagnostics.iter().filter(|d| d.is_error()).count()
            );
            assert_eq!(cached.files_checked, fresh.files_checked);
        }
        // One entry per (path, content): the six files, and 1.1.2 upgraded.
        assert_eq!(cache.len(), 7);
        let gone = unit_states(&catalogue, &tree(&without_docs), &unit, &options, &cache).unwrap();
        assert!(gone.elements.iter().all(|e| !e.is_ready()));
    }
}
