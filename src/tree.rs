//! Where evidence is read from. The working tree today; a git commit for `--at`.

use crate::misnamed::Misnamed;
use std::collections::HashMap;
use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};

/// Largest file `cse` reads (evidence, `cse.toml`, a catalogue). Bigger files are rejected
/// without being read.
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
    #[error("the file is {}, over the {} limit", describe_size(*size), describe_size(*limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Io(String),
}

#[derive(Debug, thiserror::Error)]
#[error("cannot read {path}: {message}")]
pub struct TreeError {
    pub path: String,
    pub message: String,
    /// What to do about it, when there is something to say.
    pub hint: Option<&'static str>,
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
    /// Files under `dir` whose names look like evidence saved under the wrong extension,
    /// such as `1.2.2.md.txt` (see [`crate::misnamed`]), sorted by path. Hidden entries are
    /// left out, as in [`Tree::list`].
    fn misnamed(&self, _dir: &str) -> Vec<Misnamed> {
        Vec::new()
    }
}

/// Resolves `target` relative to the folder of `from` (both repository-relative),
/// like a markdown link. `None` when it leaves the repository or is absolute.
pub fn resolve(from: &str, target: &str) -> Option<String> {
    if target.starts_with(['/', '\\']) || target.as_bytes().get(1) == Some(&b':') {
        return None;
    }
    // Built in one string: `out` holds the first `depth` parts of the path, joined by `/`.
    let (mut out, mut depth) = match from.rfind('/') {
        Some(i) => (from[..i].to_owned(), from.matches('/').count()),
        None => (String::new(), 0),
    };
    out.reserve(target.len() + 1);
    for part in target.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                depth = depth.checked_sub(1)?;
                out.truncate(out.rfind('/').unwrap_or(0));
            }
            p => {
                if depth > 0 {
                    out.push('/');
                }
                out.push_str(p);
                depth += 1;
            }
        }
    }
    Some(out)
}

/// Whether `name` ends in `.md`, in any case. Works on bytes: names may be in any script.
pub fn is_markdown(name: &str) -> bool {
    let name = name.as_bytes();
    name.len() > 3 && name[name.len() - 3..].eq_ignore_ascii_case(b".md")
}

/// A byte count for people: `50.0 MiB`, `1 MiB`, `512 bytes`.
pub fn describe_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    const KIB: u64 = 1024;
    if bytes >= MIB {
        if bytes.is_multiple_of(MIB) {
            format!("{} MiB", bytes / MIB)
        } else {
            format!("{:.1} MiB", bytes as f64 / MIB as f64)
        }
    } else if bytes >= KIB {
        format!("{:.1} KiB", bytes as f64 / KIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads at most `limit` bytes from `file`, whose size on disk is `size`. Refuses a file over
/// the limit without reading it; a file that grows while being read (or lies about its size,
/// as files under `/proc` do) is cut off after `limit + 1` bytes and refused too.
pub fn read_limited(file: impl Read, size: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// [`read_limited`] for an open regular file whose size was just asked of it: one `read` of
/// one byte more than that size returns exactly the size only at the end of the file, so the
/// usual second `read`, to find the end, is saved. Anything else reads on as `read_limited`.
fn read_regular(mut file: fs::File, size: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = vec![0; size as usize + 1];
    let n = loop {
        match file.read(&mut bytes) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            other => break other.map_err(|e| ReadError::Io(e.to_string()))?,
        }
    };
    bytes.truncate(n);
    if n as u64 == size {
        return Ok(bytes);
    }
    file.take(limit + 1 - n as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Reads a regular file of at most `limit` bytes. Folders, pipes and devices are refused
/// before they are opened, so a named pipe can never make `cse` wait forever.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open_regular(path)?;
    read_regular(file, size, limit)
}

/// [`read_file`], refusing a symlink at `path` itself: judged on the file opened, so a link
/// swapped in after the folder was listed is not followed either.
pub fn read_file_no_follow(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open_checked(path, false)?;
    read_regular(file, size, limit)
}

/// Opens a regular file, with its size. Folders, pipes and devices are refused before they
/// are opened.
fn open_regular(path: &Path) -> Result<(fs::File, u64), ReadError> {
    open_checked(path, true)
}

/// Opens a regular file (through a symlink only when `follow`), with its size. What it is, is
/// asked before it is opened and again of the open file, which is opened without waiting on a
/// pipe or taking a terminal, so nothing swapped in between is read.
fn open_checked(path: &Path, follow: bool) -> Result<(fs::File, u64), ReadError> {
    const SYMLINK: &str = "it is a symbolic link";
    let meta = if follow {
        fs::metadata(path)
    } else {
        fs::symlink_metadata(path)
    };
    let meta = meta.map_err(|e| ReadError::Io(describe_io(&e)))?;
    if meta.file_type().is_symlink() {
        return Err(ReadError::Io(SYMLINK.into()));
    }
    if !meta.is_file() {
        return Err(ReadError::Io(not_a_file(&meta).into()));
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let never_follow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | never_follow);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if !follow && e.raw_os_error() == Some(libc::ELOOP) {
            return ReadError::Io(SYMLINK.into());
        }
        ReadError::Io(describe_io(&e))
    })?;
    let meta = file
        .metadata()
        .map_err(|e| ReadError::Io(describe_io(&e)))?;
    if !meta.is_file() {
        return Err(ReadError::Io(not_a_file(&meta).into()));
    }
    Ok((file, meta.len()))
}

/// Why something that is not a regular file cannot be read as one.
fn not_a_file(meta: &fs::Metadata) -> &'static str {
    if meta.is_dir() {
        "it is a folder, not a file"
    } else {
        "it is not a regular file (a pipe, socket or device)"
    }
}

/// An I/O error in plain words; the system's own text for the rarer ones.
fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied: you may not read it".into(),
        _ => e.to_string(),
    }
}

/// A file name that is not valid UTF-8, with each invalid byte written as `\xNN`.
fn escape_name(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

pub fn is_readme(name: &str) -> bool {
    name.eq_ignore_ascii_case("readme.md")
}

/// The working tree on disk.
pub struct FsTree {
    root: PathBuf,
    /// Folders already looked at by [`Tree::probe`]. Thousands of evidence paths and links
    /// point into a few folders: reading each folder once replaces a system call per path
    /// component per probe.
    folders: RwLock<HashMap<PathBuf, Arc<Folder>>>,
    /// The real path of each listed file whose name is not valid UTF-8, by the escaped
    /// repository-relative path [`Tree::list`] gave for it, so it is reopened as it is.
    escaped: RwLock<HashMap<String, PathBuf>>,
    /// Folders held open (see [`Folder::Inside`]), counted against [`max_open_folders`].
    #[cfg(unix)]
    open_folders: std::sync::atomic::AtomicUsize,
}

/// Most folders a tree holds open at once: a quarter of the files this process may have open
/// (1,024 on most Linux systems, 256 on macOS), and never more than 256.
#[cfg(unix)]
fn max_open_folders() -> usize {
    static MAX: OnceLock<usize> = OnceLock::new();
    *MAX.get_or_init(|| {
        let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile).current;
        limit.map_or(256, |n| usize::try_from(n / 4).unwrap_or(256).min(256))
    })
}

/// A folder as [`Tree::probe`] remembers it.
#[derive(Debug)]
enum Folder {
    /// Inside the repository: its real path, and the kind of each entry, read when first
    /// probed.
    Inside {
        real: PathBuf,
        entries: OnceLock<HashMap<OsString, Entry>>,
        /// The folder held open, so its files are opened by name (`openat`) instead of by a
        /// full path the system walks again each time; `None` once [`max_open_folders`] are.
        #[cfg(unix)]
        handle: OnceLock<Option<rustix::fd::OwnedFd>>,
    },
    /// Reached through a symlink that leaves the repository.
    Outside,
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    File,
    Dir,
    /// Followed when probed.
    Symlink,
}

impl FsTree {
    /// `root` is the repository root; it is canonicalised so symlinks can be judged.
    pub fn new(root: &Path) -> io::Result<FsTree> {
        Ok(FsTree {
            root: fs::canonicalize(root)?,
            folders: RwLock::new(HashMap::new()),
            escaped: RwLock::new(HashMap::new()),
            #[cfg(unix)]
            open_folders: std::sync::atomic::AtomicUsize::new(0),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn folder(&self, path: &Path) -> Arc<Folder> {
        let known = self.folders.read().ok().and_then(|f| f.get(path).cloned());
        if let Some(folder) = known {
            return folder;
        }
        let folder = Arc::new(self.find_folder(path));
        if let Ok(mut f) = self.folders.write() {
            f.insert(path.to_owned(), Arc::clone(&folder));
        }
        folder
    }

    /// Where the folder `path` really is. A plain folder inside one already found is its
    /// real path and its own name, asked with one `lstat`; anything else (a symlink, the
    /// root's surroundings) is resolved whole.
    fn find_folder(&self, path: &Path) -> Folder {
        let inside = |real: PathBuf| Folder::Inside {
            real,
            entries: OnceLock::new(),
            #[cfg(unix)]
            handle: OnceLock::new(),
        };
        if path == self.root {
            return inside(self.root.clone());
        }
        if let (Some(parent), Some(Component::Normal(name))) =
            (path.parent(), path.components().next_back())
            && parent.starts_with(&self.root)
            && let Folder::Inside { real, .. } = &*self.folder(parent)
        {
            let real = real.join(name);
            match fs::symlink_metadata(&real) {
                Ok(m) if m.is_dir() => return inside(real),
                Ok(m) if m.file_type().is_symlink() => {}
                _ => return Folder::Missing,
            }
        }
        match fs::canonicalize(path) {
            Ok(c) if !c.starts_with(&self.root) => Folder::Outside,
            Ok(c) if c.is_dir() => inside(c),
            _ => Folder::Missing,
        }
    }

    /// What `full` leads to, asking the file system directly.
    fn probe_path(&self, full: &Path) -> PathState {
        match fs::symlink_metadata(full) {
            Err(_) => PathState::Missing,
            Ok(m) if m.file_type().is_symlink() => match fs::canonicalize(full) {
                Ok(c) if !c.starts_with(&self.root) => PathState::Outside,
                Ok(c) if c.is_dir() => PathState::Dir,
                Ok(_) => PathState::File,
                Err(_) => PathState::Missing,
            },
            Ok(m) if m.is_dir() => PathState::Dir,
            Ok(_) => PathState::File,
        }
    }

    /// `path` relative to the root, with `/` separators. Names that are not valid UTF-8 are
    /// written with escapes (`caf\xe9`), and remembered so [`Tree::read`] finds the file.
    fn relative(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        // Most names: already UTF-8, `/`-separated, with nothing to drop.
        #[cfg(unix)]
        if let Some(plain) = rel.to_str()
            && !plain.is_empty()
            && plain
                .split('/')
                .all(|part| !matches!(part, "" | "." | ".."))
        {
            return plain.to_owned();
        }
        let mut lossless = true;
        let shown = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(match s.to_str() {
                    Some(s) => s.to_owned(),
                    None => {
                        lossless = false;
                        escape_name(s)
                    }
                }),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/");
        if !lossless && let Ok(mut escaped) = self.escaped.write() {
            escaped.insert(shown.clone(), path.to_owned());
        }
        shown
    }

    /// Opens the regular file at the repository-relative `path` for reading, with its size:
    /// never through a symlink that leaves the repository, and never a folder, pipe or device.
    pub fn open(&self, path: &str) -> Result<(fs::File, u64), ReadError> {
        let real = self.escaped.read().ok().and_then(|e| e.get(path).cloned());
        if real.is_none()
            && let Some(opened) = self.open_plain(path)
        {
            return Ok(opened);
        }
        // Judged again at read time: a symlink may have changed since the listing.
        let full = match fs::canonicalize(real.unwrap_or_else(|| self.root.join(path))) {
            Ok(full) if full.starts_with(&self.root) => full,
            Ok(_) => {
                return Err(ReadError::Io(
                    "it is a symlink that leads outside the repository".into(),
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(ReadError::Io(
                    "it no longer exists (was it moved or deleted while cse was running?)".into(),
                ));
            }
            Err(e) => return Err(ReadError::Io(describe_io(&e))),
        };
        open_regular(&full)
    }

    /// Opens a regular file, not a symlink, of a folder already known to be inside the
    /// repository, without resolving every component of its path again. `None` when that
    /// cannot settle it (a symlink, a missing file, anything but a regular file): the caller
    /// then resolves the whole path, and words what is wrong.
    #[cfg(unix)]
    fn open_plain(&self, path: &str) -> Option<(fs::File, u64)> {
        use rustix::fs::{Mode, OFlags};
        let full = self.root.join(path);
        let (parent, name) = (full.parent()?, full.file_name()?);
        let Folder::Inside { real, handle, .. } = &*self.folder(parent) else {
            return None;
        };
        // Never through a symlink, never waiting on a named pipe, never taking a terminal.
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY;
        let opened = match handle.get_or_init(|| self.open_folder(real)) {
            Some(folder) => {
                rustix::fs::openat(folder, name, flags | OFlags::CLOEXEC, Mode::empty())
            }
            None => rustix::fs::open(real.join(name), flags | OFlags::CLOEXEC, Mode::empty()),
        };
        let opened = fs::File::from(opened.ok()?);
        let meta = opened.metadata().ok().filter(fs::Metadata::is_file)?;
        Some((opened, meta.len()))
    }

    /// Opens the folder at its real path to open files in, unless [`max_open_folders`] are.
    #[cfg(unix)]
    fn open_folder(&self, real: &Path) -> Option<rustix::fd::OwnedFd> {
        use rustix::fs::{Mode, OFlags};
        use std::sync::atomic::Ordering;
        if self.open_folders.fetch_add(1, Ordering::Relaxed) >= max_open_folders() {
            return None;
        }
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        rustix::fs::open(real, flags, Mode::empty()).ok()
    }

    #[cfg(not(unix))]
    fn open_plain(&self, _path: &str) -> Option<(fs::File, u64)> {
        None
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
                    hint: None,
                });
            }
            Err(e) => {
                return Err(TreeError {
                    path: dir.into(),
                    message: e.to_string(),
                    hint: None,
                });
            }
        }
        let mut out = Vec::new();
        let walker = walkdir::WalkDir::new(&base)
            .follow_links(false)
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
                    let message = match e.io_error() {
                        Some(io) if io.kind() == io::ErrorKind::PermissionDenied => {
                            "it is a folder you may not open (permission denied)".to_owned()
                        }
                        Some(io) => io.to_string(),
                        None => e.to_string(),
                    };
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
                    Ok(target) if !target.is_file() => {
                        Some("it is a symlink to something that is not a regular file".to_owned())
                    }
                    Ok(_) => None,
                    Err(message) => Some(message),
                }
            } else if !ft.is_file() {
                Some("it is not a regular file (a pipe, socket or device)".to_owned())
            } else {
                None
            };
            out.push(Listed { path, problem });
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn misnamed(&self, dir: &str) -> Vec<Misnamed> {
        let mut out: Vec<Misnamed> = walkdir::WalkDir::new(self.root.join(dir))
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(Result::ok)
            .filter(|e| !e.file_type().is_dir())
            .filter_map(|e| Misnamed::of_path(&self.relative(e.path())))
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
        let (file, size) = self.open(path)?;
        read_regular(file, size, limit)
    }

    fn probe(&self, path: &str) -> PathState {
        if path.is_empty() {
            return PathState::Dir;
        }
        let full = self.root.join(path);
        let (Some(parent), Some(name)) = (full.parent(), full.file_name()) else {
            return self.probe_path(&full);
        };
        // The folder may be reached through a symlink that leaves the repository, even when
        // the file itself is missing.
        match &*self.folder(parent) {
            Folder::Outside => PathState::Outside,
            Folder::Missing => PathState::Missing,
            Folder::Inside { real, entries, .. } => {
                match entries.get_or_init(|| self::entries(real)).get(name) {
                    Some(Entry::File) => PathState::File,
                    Some(Entry::Dir) => PathState::Dir,
                    // A name not listed may still exist on a case-insensitive file system.
                    Some(Entry::Symlink) | None => self.probe_path(&full),
                }
            }
        }
    }
}

/// The entries of a folder, by kind, without following symlinks. Empty if it cannot be read.
fn entries(folder: &Path) -> HashMap<OsString, Entry> {
    let Ok(read) = fs::read_dir(folder) else {
        return HashMap::new();
    };
    read.filter_map(Result::ok)
        .filter_map(|e| {
            let kind = match e.file_type().ok()? {
                t if t.is_symlink() => Entry::Symlink,
                t if t.is_dir() => Entry::Dir,
                _ => Entry::File,
            };
            Some((e.file_name(), kind))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path as [`resolve`] once built it, from a list of parts.
    fn resolve_by_parts(from: &str, target: &str) -> Option<String> {
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

    proptest::proptest! {
        #[test]
        fn resolve_agrees_with_a_list_of_parts(
            from in proptest::collection::vec(
                proptest::sample::select(vec!["a", "b.md", "", ".", ".."]), 0..6),
            target in proptest::collection::vec(
                proptest::sample::select(vec!["c", "d.pdf", "", ".", "..", "e:"]), 0..6),
            backslash in proptest::collection::vec(proptest::bool::ANY, 6),
        ) {
            let from = from.join("/");
            let mut joined = String::new();
            for (i, part) in target.iter().enumerate() {
                if i > 0 {
                    joined.push(if backslash[i] { '\\' } else { '/' });
                }
                joined.push_str(part);
            }
            proptest::prop_assert_eq!(resolve(&from, &joined), resolve_by_parts(&from, &joined));
        }
    }

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

    #[cfg(unix)]
    #[test]
    fn probe_follows_symlinks_and_remembers_folders() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "x").unwrap();
        let repo = tempfile::tempdir().unwrap();
        let r = repo.path();
        fs::create_dir_all(r.join("docs/sub")).unwrap();
        fs::write(r.join("docs/a.txt"), "a").unwrap();
        symlink(outside.path(), r.join("docs/away")).unwrap();
        symlink(outside.path().join("secret.txt"), r.join("docs/secret.txt")).unwrap();
        symlink(r.join("docs/a.txt"), r.join("docs/alias.txt")).unwrap();
        symlink(r.join("docs/sub"), r.join("docs/sublink")).unwrap();
        symlink(r.join("nowhere"), r.join("docs/dangling")).unwrap();
        let tree = FsTree::new(r).unwrap();
        // Twice, so the second answer comes from the remembered folders.
        for _ in 0..2 {
            assert_eq!(tree.probe(""), PathState::Dir);
            assert_eq!(tree.probe("docs"), PathState::Dir);
            assert_eq!(tree.probe("docs/a.txt"), PathState::File);
            assert_eq!(tree.probe("docs/sub"), PathState::Dir);
            assert_eq!(tree.probe("docs/missing.txt"), PathState::Missing);
            assert_eq!(tree.probe("nofolder/a.txt"), PathState::Missing);
            assert_eq!(tree.probe("docs/a.txt/x"), PathState::Missing);
            assert_eq!(tree.probe("docs/alias.txt"), PathState::File);
            assert_eq!(tree.probe("docs/sublink"), PathState::Dir);
            assert_eq!(tree.probe("docs/sublink/a.txt"), PathState::Missing);
            assert_eq!(tree.probe("docs/dangling"), PathState::Missing);
            assert_eq!(tree.probe("docs/secret.txt"), PathState::Outside);
            assert_eq!(tree.probe("docs/away"), PathState::Outside);
            assert_eq!(tree.probe("docs/away/secret.txt"), PathState::Outside);
            assert_eq!(tree.probe("docs/away/missing.txt"), PathState::Outside);
        }
    }

    #[test]
    fn markdown_names() {
        assert!(is_markdown("1.1.1.md") && is_markdown("1.1.1.MD"));
        assert!(!is_markdown(".md") && !is_markdown("a.mdx"));
        assert!(is_readme("README.md") && is_readme("Readme.MD"));
        // The last three bytes fall inside a character: no panic, just "not markdown".
        for name in ["αβγ", "отчёт", "ééé", "日本語"] {
            assert!(!is_markdown(name), "{name}");
        }
        assert!(is_markdown("отчёт.md"));
    }

    #[test]
    fn reads_stop_at_the_limit_whatever_the_size_says() {
        // An endless file that claims to be empty, as files under /proc do.
        let endless = io::repeat(b'x');
        match read_limited(endless, 0, 1024) {
            Err(ReadError::TooLarge { size, limit }) => assert_eq!((size, limit), (1025, 1024)),
            other => panic!("{other:?}"),
        }
        // A file whose size is over the limit is not read at all.
        struct Unreadable;
        impl Read for Unreadable {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                panic!("read a file that is over the limit");
            }
        }
        let e = read_limited(Unreadable, 50 * 1024 * 1024, MAX_FILE_BYTES).unwrap_err();
        assert_eq!(e.to_string(), "the file is 50 MiB, over the 1 MiB limit");
        assert_eq!(read_limited(&b"abc"[..], 3, 3).unwrap(), b"abc");
    }

    #[test]
    fn regular_files_read_whole_whatever_their_size_said() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "abcdef").unwrap();
        let open = || fs::File::open(&path).unwrap();
        // The size it said, less than it holds (it grew), more (it shrank), and over the limit.
        for said in [6, 0, 3, 8] {
            assert_eq!(read_regular(open(), said, 10).unwrap(), b"abcdef", "{said}");
        }
        // Cut off one byte past the limit, as `read_limited` does.
        assert!(matches!(
            read_regular(open(), 2, 4),
            Err(ReadError::TooLarge { size: 5, limit: 4 })
        ));
        assert!(matches!(
            read_regular(open(), 11, 10),
            Err(ReadError::TooLarge {
                size: 11,
                limit: 10
            })
        ));
    }

    #[test]
    fn folders_are_found_through_their_parents_and_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("evidence/unit/deep")).unwrap();
        fs::write(dir.path().join("evidence/file.md"), "x").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("unit", dir.path().join("evidence/alias")).unwrap();
            std::os::unix::fs::symlink(outside.path(), dir.path().join("evidence/away")).unwrap();
        }
        let tree = FsTree::new(dir.path()).unwrap();
        let root = tree.root().to_owned();
        let real = |rel: &str| match &*tree.folder(&root.join(rel)) {
            Folder::Inside { real, .. } => Some(real.clone()),
            Folder::Outside => Some(PathBuf::from("outside")),
            Folder::Missing => None,
        };
        assert_eq!(
            real("evidence/unit/deep"),
            Some(root.join("evidence/unit/deep"))
        );
        assert_eq!(real("evidence/file.md"), None);
        assert_eq!(real("evidence/nothing"), None);
        #[cfg(unix)]
        {
            assert_eq!(
                real("evidence/alias/deep"),
                Some(root.join("evidence/unit/deep"))
            );
            assert_eq!(real("evidence/away"), Some(PathBuf::from("outside")));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_read_through_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("real.yaml"), "date: 2026-03-14\n").unwrap();
        std::os::unix::fs::symlink("real.yaml", dir.path().join("link.yaml")).unwrap();
        let link = dir.path().join("link.yaml");
        assert_eq!(read_file(&link, 100).unwrap(), b"date: 2026-03-14\n");
        let refused = read_file_no_follow(&link, 100).unwrap_err().to_string();
        assert!(refused.contains("symbolic link"), "{refused}");
        let real = read_file_no_follow(&dir.path().join("real.yaml"), 100).unwrap();
        assert_eq!(real, b"date: 2026-03-14\n");
        let folder = read_file_no_follow(dir.path(), 100)
            .unwrap_err()
            .to_string();
        assert!(folder.contains("folder"), "{folder}");
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(describe_size(512), "512 bytes");
        assert_eq!(describe_size(1536), "1.5 KiB");
        assert_eq!(describe_size(1024 * 1024), "1 MiB");
        assert_eq!(describe_size(52_500_000), "50.1 MiB");
    }
}
