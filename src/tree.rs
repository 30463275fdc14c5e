//! Where evidence is read from. The working tree today; a git commit for `--at`.

use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

/// Largest evidence file `cse` reads. Bigger files are rejected without being read.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// What a repository-relative path leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathState {
    File,
    Dir,
    Missing,
    /// It leads outside the repository (through `..`, an absolute path or a symlink).
    Outside,
}

/// A candidate evidence file found by [`Tree::list`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Repository-relative path with `/` separators.
    pub path: String,
    /// Why the file cannot be read, when that is known from listing alone.
    pub problem: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the file is {size} bytes, over the {limit}-byte limit for evidence files")]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Io(String),
}

#[derive(Debug, thiserror::Error)]
#[error("cannot read {path}: {message}")]
pub struct TreeError {
    pub path: String,
    pub message: String,
}

/// A read-only view of a repository's files.
pub trait Tree: Sync {
    /// Markdown files under `dir` (repository-relative), recursively, sorted by path.
    /// `README.md` files and hidden entries are left out.
    fn list(&self, dir: &str) -> Result<Vec<Listed>, TreeError>;
    /// Reads a file listed by [`Tree::list`], refusing files over `limit` bytes.
    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError>;
    /// What a normalised repository-relative path leads to. Never opens the file.
    fn probe(&self, path: &str) -> PathState;
    /// An id that changes whenever the bytes of the regular file at `path` change (a git
    /// blob id), if the tree knows one without reading the file. It lets a caller reuse
    /// what it learned from the same file before (see [`crate::checks::FileCache`]).
    fn content_id(&self, _path: &str) -> Option<String> {
        None
    }
}

/// Resolves `target` relative to the folder of `from` (both repository-relative),
/// like a markdown link. `None` when it leaves the repository or is absolute.
pub fn resolve(from: &str, target: &str) -> Option<String> {
    let target = target.replace('\\', "/");
    if target.starts_with('/') || target.as_bytes().get(1) == Some(&b':') {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

pub fn is_markdown(name: &str) -> bool {
    name.len() > 3 && name[name.len() - 3..].eq_ignore_ascii_case(".md")
}

pub fn is_readme(name: &str) -> bool {
    name.eq_ignore_ascii_case("readme.md")
}

/// The working tree on disk.
pub struct FsTree {
    root: PathBuf,
}

impl FsTree {
    /// `root` is the repository root; it is canonicalised so symlinks can be judged.
    pub fn new(root: &Path) -> io::Result<FsTree> {
        Ok(FsTree {
            root: fs::canonicalize(root)?,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn relative(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    fn inside(&self, path: &Path) -> Result<PathBuf, String> {
        match fs::canonicalize(path) {
            Ok(c) if c.starts_with(&self.root) => Ok(c),
            Ok(_) => Err("it is a symlink that leads outside the repository".into()),
            Err(e) if e.raw_os_error() == Some(40) => Err("it is a symlink loop".into()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err("it is a dangling symlink".into()),
            Err(e) => Err(e.to_string()),
        }
    }
}

impl Tree for FsTree {
    fn list(&self, dir: &str) -> Result<Vec<Listed>, TreeError> {
        let base = self.root.join(dir);
        match fs::metadata(&base) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(TreeError {
                    path: dir.into(),
                    message: "not a folder".into(),
                });
            }
            Err(e) => {
                return Err(TreeError {
                    path: dir.into(),
                    message: e.to_string(),
                });
            }
        }
        let mut out = Vec::new();
        let walker = walkdir::WalkDir::new(&base)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map(|p| self.relative(p))
                        .unwrap_or_else(|| dir.to_owned());
                    let message = e
                        .io_error()
                        .map_or_else(|| e.to_string(), |io| io.to_string());
                    out.push(Listed {
                        path,
                        problem: Some(message),
                    });
                    continue;
                }
            };
            let name = entry.file_name().to_string_lossy();
            if !is_markdown(&name) || is_readme(&name) {
                continue;
            }
            let path = self.relative(entry.path());
            let ft = entry.file_type();
            let problem = if ft.is_dir() {
                Some("it is a folder, not a file".to_owned())
            } else if ft.is_symlink() {
                match self.inside(entry.path()) {
                    Ok(target) if target.is_dir() => Some("it is a symlink to a folder".to_owned()),
                    Ok(_) => None,
                    Err(message) => Some(message),
                }
            } else {
                None
            };
            out.push(Listed { path, problem });
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
        let io = |e: io::Error| ReadError::Io(e.to_string());
        let full = self.root.join(path);
        let file = fs::File::open(&full).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        if size > limit {
            return Err(ReadError::TooLarge { size, limit });
        }
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge {
                size: bytes.len() as u64,
                limit,
            });
        }
        Ok(bytes)
    }

    fn probe(&self, path: &str) -> PathState {
        let full = self.root.join(path);
        match fs::symlink_metadata(&full) {
            Err(_) => {
                // A missing path may still pass through a symlinked folder that leaves the repository.
                match full.parent().map(fs::canonicalize) {
                    Some(Ok(parent)) if !parent.starts_with(&self.root) => PathState::Outside,
                    _ => PathState::Missing,
                }
            }
            Ok(_) => match fs::canonicalize(&full) {
                Ok(c) if !c.starts_with(&self.root) => PathState::Outside,
                Ok(c) if c.is_dir() => PathState::Dir,
                Ok(_) => PathState::File,
                Err(_) => PathState::Missing,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_is_like_a_markdown_link() {
        assert_eq!(
            resolve("evidence/1.1.1.md", "../docs/a.pdf").as_deref(),
            Some("docs/a.pdf")
        );
        assert_eq!(
            resolve("evidence/1.1.1.md", "./b.md").as_deref(),
            Some("evidence/b.md")
        );
        assert_eq!(
            resolve("evidence/x/1.1.1.md", "..\\a.md").as_deref(),
            Some("evidence/a.md")
        );
        assert_eq!(resolve("evidence/1.1.1.md", "../../etc/passwd"), None);
        assert_eq!(resolve("evidence/1.1.1.md", "/etc/passwd"), None);
        assert_eq!(resolve("evidence/1.1.1.md", "C:/Windows"), None);
    }

    #[test]
    fn markdown_names() {
        assert!(is_markdown("1.1.1.md") && is_markdown("1.1.1.MD"));
        assert!(!is_markdown(".md") && !is_markdown("a.mdx"));
        assert!(is_readme("README.md") && is_readme("Readme.MD"));
    }
}
