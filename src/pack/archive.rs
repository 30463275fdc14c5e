//! Writing the pack: a reproducible zip. Entries sorted by name; every timestamp the same
//! (the commit's date, or 1980-01-01); fixed permissions; no extra fields; already-compressed
//! types stored, the rest deflated. Files are streamed through SHA-256 (and, for text, the
//! privacy scan) as they are copied, so no document is ever held in memory whole.

use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::Plan;
use super::manifest::{self, FileRecord};
use crate::git::Repo;
use crate::privacy::{self, Allowed, Finding, LineScanner};

/// Where the pack reads repository files from: the working tree, or a commit.
pub trait Source {
    /// The file at a repository-relative path, and its size.
    fn open(&self, path: &str) -> io::Result<(Box<dyn Read + '_>, u64)>;
}

/// Files of the working tree under `root`; never a file outside it, through a link or not.
pub struct WorkingTree {
    root: PathBuf,
}

impl WorkingTree {
    pub fn new(root: &Path) -> io::Result<WorkingTree> {
        Ok(WorkingTree {
            root: root.canonicalize()?,
        })
    }

    /// Every file under the repository folder `dir`, repository-relative and sorted;
    /// hidden files and folders are skipped.
    pub fn files_under(&self, dir: &str) -> Vec<String> {
        let base = self.root.join(dir);
        let mut out: Vec<String> = walkdir::WalkDir::new(&base)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(Result::ok)
            .filter(|e| !e.file_type().is_dir())
            .filter_map(|e| {
                let rel = e.path().strip_prefix(&self.root).ok()?;
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                Some(parts.join("/"))
            })
            .collect();
        out.sort();
        out
    }
}

impl<S: Source + ?Sized> Source for &S {
    fn open(&self, path: &str) -> io::Result<(Box<dyn Read + '_>, u64)> {
        (**self).open(path)
    }
}

impl Source for WorkingTree {
    fn open(&self, path: &str) -> io::Result<(Box<dyn Read + '_>, u64)> {
        let full = self.root.join(path).canonicalize()?;
        if !full.starts_with(&self.root) {
            return Err(io::Error::other(format!(
                "{path} leads outside the repository"
            )));
        }
        // Asked before opening: opening a named pipe waits for a writer that never comes.
        if !std::fs::metadata(&full)?.is_file() {
            return Err(io::Error::other(format!("{path} is not a regular file")));
        }
        let file = File::open(&full)?;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(io::Error::other(format!("{path} is not a regular file")));
        }
        Ok((Box::new(file), meta.len()))
    }
}

/// Files of a commit, streamed from git.
pub struct CommitFiles<'a> {
    pub repo: &'a Repo,
    /// The commit id.
    pub commit: String,
}

impl Source for CommitFiles<'_> {
    fn open(&self, path: &str) -> io::Result<(Box<dyn Read + '_>, u64)> {
        let (reader, size) = self
            .repo
            .open_file(&self.commit, path)
            .map_err(io::Error::other)?;
        Ok((Box::new(reader), size))
    }
}

/// Personal data found in a copied text document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFinding {
    /// Repository-relative.
    pub path: String,
    pub finding: Finding,
}

/// What writing the pack found out.
#[derive(Debug, Clone)]
pub struct Written {
    /// Every entry but the manifests, sorted.
    pub files: Vec<FileRecord>,
    pub findings: Vec<DocumentFinding>,
}

/// The entries the pack generates (pages, the report, the manifests), rendered by the shell.
pub trait Generated {
    /// Each generated entry's name and the elements it is about.
    fn entries(&self) -> Vec<(String, Vec<String>)>;
    /// The contents of the generated entry `name`.
    fn render(&self, name: &str) -> Vec<u8>;
    /// `manifest.json` for `files`, every other entry sorted by path.
    fn manifest_json(&self, files: &[FileRecord]) -> String;
    /// `manifest.csv` for `files`.
    fn manifest_csv(&self, files: &[FileRecord]) -> String;
}

enum Content {
    /// Rendered when its turn comes, one at a time.
    Generated,
    /// Rendered ahead: it sorts after the manifests, which list its hash.
    Memory(Vec<u8>),
    /// A repository file, with the elements it is evidence for.
    Copy(String),
    Manifest,
}

/// Writes the pack for `plan` to `out`. The caller writes `out` to a temporary file and
/// keeps it only when this succeeds and the findings allow.
pub fn write<W: Write + Seek>(
    out: W,
    plan: &Plan,
    generated: &dyn Generated,
    source: &dyn Source,
    allowed: &Allowed,
) -> io::Result<Written> {
    let mut entries: Vec<(String, Content, Vec<String>)> = Vec::new();
    for (name, elements) in generated.entries() {
        entries.push((name, Content::Generated, elements));
    }
    for c in &plan.copies {
        entries.push((
            c.entry.clone(),
            Content::Copy(c.source.clone()),
            c.elements.clone(),
        ));
    }
    entries.push((manifest::CSV_NAME.into(), Content::Manifest, Vec::new()));
    entries.push((manifest::JSON_NAME.into(), Content::Manifest, Vec::new()));
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.dedup_by(|a, b| a.0 == b.0);
    let first_manifest = entries
        .iter()
        .position(|(_, content, _)| matches!(content, Content::Manifest))
        .unwrap_or(entries.len());
    for (name, content, _) in &mut entries[first_manifest..] {
        if matches!(content, Content::Generated) {
            *content = Content::Memory(generated.render(name));
        }
    }

    // The manifests list every other entry, so what sorts after them (report.html) is
    // hashed first; pages are rendered one at a time, as they are written.
    let mut files: Vec<FileRecord> = entries
        .iter()
        .skip_while(|(_, content, _)| !matches!(content, Content::Manifest))
        .filter_map(|(name, content, elements)| match content {
            Content::Memory(bytes) => Some(record(name, bytes, elements)),
            _ => None,
        })
        .collect();
    let hashed_first: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    let time = zip_time(plan.commit.as_ref().map(|c| c.date));
    let mut zip = ZipWriter::new(out);
    let mut findings = Vec::new();
    let mut buffer = vec![0u8; 256 * 1024];
    for (name, content, elements) in &entries {
        match content {
            Content::Generated | Content::Memory(_) => {
                let rendered;
                let bytes = match content {
                    Content::Memory(bytes) => bytes.as_slice(),
                    _ => {
                        rendered = generated.render(name);
                        rendered.as_slice()
                    }
                };
                if !hashed_first.contains(name) {
                    files.push(record(name, bytes, elements));
                }
                zip.start_file(name.as_str(), options(name, time, bytes.len() as u64))
                    .map_err(io::Error::other)?;
                zip.write_all(bytes)?;
            }
            Content::Copy(path) => {
                let (mut reader, size) = source
                    .open(path)
                    .map_err(|e| io::Error::new(e.kind(), format!("cannot read {path}: {e}")))?;
                zip.start_file(name.as_str(), options(name, time, size))
                    .map_err(io::Error::other)?;
                let mut hasher = Sha256::new();
                let mut scanner =
                    privacy::is_text_document(path).then(|| LineScanner::new(allowed, 1));
                let mut bytes = 0u64;
                loop {
                    let n = match reader.read(&mut buffer) {
                        Ok(0) => break,
                        Ok(n) => n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => {
                            return Err(io::Error::new(
                                e.kind(),
                                format!("cannot read {path}: {e}"),
                            ));
                        }
                    };
                    let chunk = &buffer[..n];
                    hasher.update(chunk);
                    if let Some(s) = scanner.as_mut() {
                        s.feed(chunk);
                    }
                    zip.write_all(chunk)?;
                    bytes += n as u64;
                }
                findings.extend(
                    scanner
                        .into_iter()
                        .flat_map(LineScanner::finish)
                        .map(|finding| DocumentFinding {
                            path: path.clone(),
                            finding,
                        }),
                );
                files.push(FileRecord {
                    path: name.clone(),
                    sha256: hex(&hasher.finalize()),
                    bytes,
                    elements: elements.clone(),
                });
            }
            Content::Manifest => {
                files.sort_by(|a, b| a.path.cmp(&b.path));
                let text = if name == manifest::JSON_NAME {
                    generated.manifest_json(&files)
                } else {
                    generated.manifest_csv(&files)
                };
                zip.start_file(name.as_str(), options(name, time, text.len() as u64))
                    .map_err(io::Error::other)?;
                zip.write_all(text.as_bytes())?;
            }
        }
    }
    let mut out = zip.finish().map_err(io::Error::other)?;
    out.flush()?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Written { files, findings })
}

fn record(name: &str, bytes: &[u8], elements: &[String]) -> FileRecord {
    FileRecord {
        path: name.to_owned(),
        sha256: hex(&Sha256::digest(bytes)),
        bytes: bytes.len() as u64,
        elements: elements.to_vec(),
    }
}

/// The same options for every entry but the compression, which depends on the type.
fn options(name: &str, time: DateTime, size: u64) -> SimpleFileOptions {
    let method = if is_compressed(name) {
        CompressionMethod::Stored
    } else {
        CompressionMethod::Deflated
    };
    SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(None)
        .last_modified_time(time)
        .unix_permissions(0o644)
        .large_file(size >= u64::from(u32::MAX))
}

/// Types that are compressed already, so deflating them again wastes time for nothing.
pub fn is_compressed(name: &str) -> bool {
    const TYPES: &[&str] = &[
        "pdf", "jpg", "jpeg", "png", "gif", "webp", "docx", "xlsx", "pptx", "odt", "ods", "odp",
        "zip", "gz", "7z", "mp3", "mp4", "m4a", "mov",
    ];
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    ext.is_some_and(|e| TYPES.contains(&e.as_str()))
}

/// Midnight on the commit's date, or 1980-01-01 (the earliest a zip can say) without one.
fn zip_time(date: Option<Date>) -> DateTime {
    date.and_then(|d| {
        DateTime::from_date_and_time(
            u16::try_from(d.year()).ok()?,
            u8::try_from(d.month()).ok()?,
            u8::try_from(d.day()).ok()?,
            0,
            0,
            0,
        )
        .ok()
    })
    .unwrap_or(DateTime::DEFAULT)
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
