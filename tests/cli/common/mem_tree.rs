//! An in-memory [`Tree`], for library-level tests that need files without a disk.

use std::collections::BTreeMap;

use cse::tree::{self, Listed, PathState, ReadError, Tree, TreeError};

/// Files by repository-relative path.
#[derive(Debug, Default, Clone)]
pub struct MemTree {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl MemTree {
    pub fn new() -> MemTree {
        MemTree::default()
    }

    pub fn with(mut self, path: &str, bytes: impl Into<Vec<u8>>) -> MemTree {
        self.files.insert(path.to_owned(), bytes.into());
        self
    }
}

impl Tree for MemTree {
    fn list(&self, dir: &str) -> Result<Vec<Listed>, TreeError> {
        let prefix = format!("{dir}/");
        Ok(self
            .files
            .keys()
            .filter_map(|p| Some((p, p.strip_prefix(&prefix)?)))
            .filter(|(_, rel)| !rel.split('/').any(|part| part.starts_with('.')))
            .filter(|(p, _)| {
                let name = p.rsplit('/').next().unwrap_or(p);
                tree::is_markdown(name) && !tree::is_readme(name)
            })
            .map(|(p, _)| Listed {
                path: p.clone(),
                problem: None,
            })
            .collect())
    }

    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
        let bytes = self
            .files
            .get(path)
            .ok_or_else(|| ReadError::Io("no such file".into()))?;
        tree::read_limited(bytes.as_slice(), bytes.len() as u64, limit)
    }

    fn probe(&self, path: &str) -> PathState {
        if self.files.contains_key(path) {
            PathState::File
        } else if self
            .files
            .keys()
            .any(|p| p.starts_with(&format!("{path}/")))
        {
            PathState::Dir
        } else {
            PathState::Missing
        }
    }
}
