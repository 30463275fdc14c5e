//! Writing the pack: a reproducible zip. Entries sorted by name; every timestamp the same
//! (the commit's date, or 1980-01-01); fixed permissions; no extra fields; already-compressed
//! types stored, the rest deflated. Files are streamed through SHA-256 (and, for text, the
//! privacy scan) as they are copied, so no document is ever held in memory whole.

use std::io::{self, Read, Seek, Write};
use std::path::Path;

use jiff::civil::Date;
use sha2::{Digest, Sha256};
use zip::write::{SimpleFileOptions, ZipFileBuilder};
use zip::{CompressionMethod, DateTime, PreparedZipFile, ZipArchive, ZipWriter};

use super::Plan;
use super::ahead;
use super::manifest::{self, FileRecord};
use crate::git::{Blobs, Repo};
use crate::privacy::{self, Allowed, Finding, LineScanner};
use crate::tree::FsTree;

/// Where the pack reads repository files from: the working tree, or a commit.
pub trait Source: Sync {
    /// The file at a repository-relative path, and its size.
    fn open(&self, path: &str) -> io::Result<(Box<dyn Read + '_>, u64)>;
}

/// Files of the working tree under `root`; never a file outside it, through a link or not,
/// and never a folder, pipe or device: opened as every read of the working tree is
/// ([`FsTree::open`]).
pub struct WorkingTree {
    tree: FsTree,
}

impl WorkingTree {
    pub fn new(root: &Path) -> io::Result<WorkingTree> {
        Ok(WorkingTree {
            tree: FsTree::new(root)?,
        })
    }

    /// Every file under the repository folder `dir`, repository-relative and sorted;
    /// hidden files and folders are skipped.
    pub fn files_under(&self, dir: &str) -> Vec<String> {
        let root = self.tree.root();
        let base = root.join(dir);
        let mut out: Vec<String> = walkdir::WalkDir::new(&base)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(Result::ok)
            .filter(|e| !e.file_type().is_dir())
            .filter_map(|e| {
                let rel = e.path().strip_prefix(root).ok()?;
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
        let (file, size) = self
            .tree
            .open(path)
            .map_err(|e| io::Error::other(e.to_string()))?;
        Ok((Box::new(file), size))
    }
}

/// Files of a commit, streamed from git by a few processes however many files there are: one
/// per worker and one for the writer ([`Blobs`]).
pub struct CommitFiles<'a> {
    blobs: Blobs<'a>,
}

impl<'a> CommitFiles<'a> {
    /// The files of the commit `id` in `repo`.
    pub fn new(repo: &'a Repo, id: &str) -> CommitFiles<'a> {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        CommitFiles {
            blobs: Blobs::new(repo, id, workers + 1),
        }
    }
}

impl Source for CommitFiles<'_> {
    fn open(&self, path: &str) -> io::Result<(Box<dyn Read + '_>, u64)> {
        let (reader, size) = self.blobs.open(path).map_err(io::Error::other)?;
        Ok((reader, size))
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
pub trait Generated: Sync {
    /// Each generated entry's name and the elements it is about.
    fn entries(&self) -> Vec<(String, Vec<String>)>;
    /// Writes the contents of the generated entry `name` to `out`.
    fn render(&self, name: &str, out: &mut dyn Write) -> io::Result<()>;
    /// `manifest.json` for `files`, every other entry sorted by path.
    fn manifest_json(&self, files: &[FileRecord]) -> String;
    /// `manifest.csv` for `files`.
    fn manifest_csv(&self, files: &[FileRecord]) -> String;
}

enum Content {
    /// A page or the report, rendered by a worker.
    Generated,
    /// A repository file.
    Copy(String),
    Manifest,
}

/// One entry of the zip.
struct Entry {
    name: String,
    content: Content,
    /// The elements it is about.
    elements: Vec<String>,
}

/// Most compressed bytes waiting for the writer at once.
const WAITING_BYTES: usize = 4 * 1024 * 1024;

/// Repository files handed to a worker at once: small files share one deflater, which costs
/// far more to set up than a typical evidence file does to compress.
const FILES_PER_JOB: usize = 32;

/// What a worker is given: one generated entry or manifest, or a run of repository files.
enum Job {
    One(usize),
    Files(std::ops::Range<usize>),
}

/// A job as a worker leaves it for the writer.
enum Ready {
    /// A generated entry, rendered, hashed and compressed.
    Prepared {
        file: Box<PreparedZipFile>,
        record: FileRecord,
    },
    /// Repository files, in order.
    Files(Vec<Part>),
    /// A manifest: the writer makes it, once it has every other entry's hash.
    Manifest,
}

/// Repository files as a worker leaves them.
enum Part {
    /// Files the check could read whole (at most [`crate::tree::MAX_FILE_BYTES`]), hashed and
    /// compressed into a small zip of their own, which the writer appends as it is.
    Packed {
        zip: Vec<u8>,
        records: Vec<FileRecord>,
    },
    /// A larger file (entry index): the writer streams it, through the privacy scan, so it is
    /// never held in memory whole.
    Stream(usize),
}

impl Ready {
    /// Compressed bytes held until the writer takes it.
    fn held(&self) -> usize {
        match self {
            Ready::Prepared { file, .. } => usize::try_from(file.compressed_size()).unwrap_or(0),
            Ready::Files(parts) => parts
                .iter()
                .map(|p| match p {
                    Part::Packed { zip, .. } => zip.len(),
                    Part::Stream(_) => 0,
                })
                .sum(),
            Ready::Manifest => 0,
        }
    }
}

/// Writes the pack for `plan` to `out`. The caller writes `out` to a temporary file and
/// keeps it only when this succeeds and the findings allow.
///
/// Entries are rendered, hashed and compressed on every core, ahead of the one writer, which
/// appends them in sorted order; the bytes written do not depend on which thread did what.
pub fn write<W: Write + Seek>(
    out: W,
    plan: &Plan,
    generated: &dyn Generated,
    source: &dyn Source,
    allowed: &Allowed,
) -> io::Result<Written> {
    let mut entries: Vec<Entry> = Vec::new();
    for (name, elements) in generated.entries() {
        entries.push(Entry {
            name,
            content: Content::Generated,
            elements,
        });
    }
    for c in &plan.copies {
        entries.push(Entry {
            name: c.entry.clone(),
            content: Content::Copy(c.source.clone()),
            elements: c.elements.clone(),
        });
    }
    for name in [manifest::CSV_NAME, manifest::JSON_NAME] {
        entries.push(Entry {
            name: name.into(),
            content: Content::Manifest,
            elements: Vec::new(),
        });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    entries.dedup_by(|a, b| a.name == b.name);
    let first_manifest = entries
        .iter()
        .position(|e| matches!(e.content, Content::Manifest))
        .unwrap_or(entries.len());
    // The manifests list every other entry, so what sorts after them (report.html) is
    // prepared first and held until its turn.
    let held_jobs = entries.len() - first_manifest;
    let mut jobs: Vec<Job> = (first_manifest..entries.len()).map(Job::One).collect();
    let mut i = 0;
    while i < first_manifest {
        let run = entries[i..first_manifest]
            .iter()
            .take(FILES_PER_JOB)
            .take_while(|e| matches!(e.content, Content::Copy(_)))
            .count();
        if run == 0 {
            jobs.push(Job::One(i));
            i += 1;
        } else {
            jobs.push(Job::Files(i..i + run));
            i += run;
        }
    }
    let time = zip_time(plan.commit.as_ref().map(|c| c.date));
    let prepare = |job: usize| match &jobs[job] {
        Job::One(i) => prepare(&entries[*i], time, generated),
        Job::Files(range) => pack_files(&entries, range.clone(), time, source).map(Ready::Files),
    };
    let held_bytes = |ready: &io::Result<Ready>| ready.as_ref().map_or(0, Ready::held);
    ahead::in_order(jobs.len(), WAITING_BYTES, prepare, held_bytes, |ready| {
        let next = || {
            ready
                .take()
                .unwrap_or_else(|| Err(io::Error::other("a worker thread failed")))
        };
        let mut zip = ZipWriter::new(out);
        let mut files: Vec<FileRecord> = Vec::new();
        let mut findings = Vec::new();
        let mut held = Vec::new();
        for _ in 0..held_jobs {
            if let Ready::Prepared { file, record } = next()? {
                files.push(record);
                held.push(file);
            }
        }
        for _ in held_jobs..jobs.len() {
            match next()? {
                Ready::Prepared { file, record } => {
                    zip.add_prepared_file(*file).map_err(io::Error::other)?;
                    files.push(record);
                }
                Ready::Files(parts) => {
                    for part in parts {
                        match part {
                            Part::Packed {
                                zip: small,
                                records,
                            } => {
                                let small = ZipArchive::new(io::Cursor::new(small))
                                    .map_err(io::Error::other)?;
                                zip.merge_archive(small).map_err(io::Error::other)?;
                                files.extend(records);
                            }
                            Part::Stream(i) => {
                                let (record, found) =
                                    stream(&mut zip, &entries[i], time, source, allowed)?;
                                files.push(record);
                                findings.extend(found);
                            }
                        }
                    }
                }
                Ready::Manifest => {}
            }
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut held = held.into_iter();
        for entry in &entries[first_manifest..] {
            if !matches!(entry.content, Content::Manifest) {
                if let Some(file) = held.next() {
                    zip.add_prepared_file(*file).map_err(io::Error::other)?;
                }
                continue;
            }
            let text = if entry.name == manifest::JSON_NAME {
                generated.manifest_json(&files)
            } else {
                generated.manifest_csv(&files)
            };
            let options = options(&entry.name, time, text.len() as u64);
            zip.start_file(entry.name.as_str(), options)
                .map_err(io::Error::other)?;
            zip.write_all(text.as_bytes())?;
        }
        let mut out = zip.finish().map_err(io::Error::other)?;
        out.flush()?;
        Ok(Written { files, findings })
    })
}

/// Renders a generated entry, hashes it and compresses it in memory.
fn prepare(entry: &Entry, time: DateTime, generated: &dyn Generated) -> io::Result<Ready> {
    match &entry.content {
        Content::Manifest => Ok(Ready::Manifest),
        Content::Copy(_) => Err(io::Error::other("a repository file is packed with others")),
        Content::Generated => {
            let mut out = Hashed {
                inner: ZipFileBuilder::new(&entry.name, options(&entry.name, time, 0))
                    .map_err(io::Error::other)?,
                hasher: Sha256::new(),
                bytes: 0,
            };
            generated.render(&entry.name, &mut out)?;
            let record = FileRecord {
                path: entry.name.clone(),
                sha256: hex(&out.hasher.finalize()),
                bytes: out.bytes,
                elements: entry.elements.clone(),
            };
            let file = out.inner.finish().map_err(io::Error::other)?;
            Ok(Ready::Prepared {
                file: Box::new(file),
                record,
            })
        }
    }
}

/// Hashes and compresses the repository files `entries[range]` into small zips of their own,
/// each holding at most about [`crate::tree::MAX_FILE_BYTES`] before compression; a larger
/// file is left to the writer to stream.
fn pack_files(
    entries: &[Entry],
    range: std::ops::Range<usize>,
    time: DateTime,
    source: &dyn Source,
) -> io::Result<Vec<Part>> {
    let limit = crate::tree::MAX_FILE_BYTES;
    let mut parts = Vec::new();
    let mut small: Option<SmallZip> = None;
    for i in range {
        let entry = &entries[i];
        let Content::Copy(path) = &entry.content else {
            return Err(io::Error::other(
                "only repository files are packed together",
            ));
        };
        let (reader, size) = open(source, path)?;
        if size > limit {
            SmallZip::close(&mut small, &mut parts)?;
            parts.push(Part::Stream(i));
            continue;
        }
        let batch = small.get_or_insert_with(SmallZip::new);
        batch
            .zip
            .start_file(entry.name.as_str(), options(&entry.name, time, size))
            .map_err(io::Error::other)?;
        let (record, _) = copy(reader.take(limit + 1), &mut batch.zip, entry, path, None)?;
        if record.bytes > limit {
            // It grew while being read: streamed instead, and scanned.
            batch.zip.abort_file().map_err(io::Error::other)?;
            SmallZip::close(&mut small, &mut parts)?;
            parts.push(Part::Stream(i));
            continue;
        }
        batch.bytes += record.bytes;
        batch.records.push(record);
        if batch.bytes >= limit {
            SmallZip::close(&mut small, &mut parts)?;
        }
    }
    SmallZip::close(&mut small, &mut parts)?;
    Ok(parts)
}

/// Repository files compressed into a zip in memory, for [`Part::Packed`].
struct SmallZip {
    zip: ZipWriter<io::Cursor<Vec<u8>>>,
    records: Vec<FileRecord>,
    /// Bytes before compression.
    bytes: u64,
}

impl SmallZip {
    fn new() -> SmallZip {
        SmallZip {
            zip: ZipWriter::new(io::Cursor::new(Vec::new())),
            records: Vec::new(),
            bytes: 0,
        }
    }

    /// Finishes the zip in hand, if any, as the next part.
    fn close(small: &mut Option<SmallZip>, parts: &mut Vec<Part>) -> io::Result<()> {
        if let Some(SmallZip { zip, records, .. }) = small.take() {
            let zip = zip.finish().map_err(io::Error::other)?.into_inner();
            parts.push(Part::Packed { zip, records });
        }
        Ok(())
    }
}

/// Streams the repository file of `entry` into `zip`, through SHA-256 and, when it is too
/// large for the check to have scanned it, the privacy scan.
fn stream<W: Write + Seek>(
    zip: &mut ZipWriter<W>,
    entry: &Entry,
    time: DateTime,
    source: &dyn Source,
    allowed: &Allowed,
) -> io::Result<(FileRecord, Vec<DocumentFinding>)> {
    let Content::Copy(path) = &entry.content else {
        return Err(io::Error::other("only a repository file is streamed"));
    };
    let (reader, size) = open(source, path)?;
    zip.start_file(entry.name.as_str(), options(&entry.name, time, size))
        .map_err(io::Error::other)?;
    // `cse check` scanned every evidence file (W010) and every cited text document it could
    // read (W011), and the plan refuses on those: only a document too large for the check is
    // scanned here, as it streams.
    let scan = size > crate::tree::MAX_FILE_BYTES;
    copy(reader, zip, entry, path, scan.then_some(allowed))
}

/// The repository file at `path`, with its size.
fn open<'s>(source: &'s dyn Source, path: &str) -> io::Result<(Box<dyn Read + 's>, u64)> {
    source
        .open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot read {path}: {e}")))
}

/// Streams a repository file into `sink`, through SHA-256 and, for text when `allowed` is
/// given, the privacy scan.
fn copy(
    mut reader: impl Read,
    sink: &mut impl Write,
    entry: &Entry,
    path: &str,
    allowed: Option<&Allowed>,
) -> io::Result<(FileRecord, Vec<DocumentFinding>)> {
    let mut buffer = vec![0u8; 64 * 1024];
    let mut hasher = Sha256::new();
    let mut scanner = allowed
        .filter(|_| privacy::is_text_document(path))
        .map(|allowed| LineScanner::new(allowed, 1));
    let mut bytes = 0u64;
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(io::Error::new(e.kind(), format!("cannot read {path}: {e}")));
            }
        };
        let chunk = &buffer[..n];
        hasher.update(chunk);
        if let Some(s) = scanner.as_mut() {
            s.feed(chunk);
        }
        sink.write_all(chunk)?;
        bytes += n as u64;
    }
    let findings = scanner
        .into_iter()
        .flat_map(LineScanner::finish)
        .map(|finding| DocumentFinding {
            path: path.to_owned(),
            finding,
        })
        .collect();
    let record = FileRecord {
        path: entry.name.clone(),
        sha256: hex(&hasher.finalize()),
        bytes,
        elements: entry.elements.clone(),
    };
    Ok((record, findings))
}

/// A writer that hashes and counts what passes through it.
struct Hashed<W> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> Write for Hashed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Deflate's level 2 of 9: about a tenth less CPU than the usual 6 on the benchmark pack, for a
/// zip about an eighth larger (HTML and markdown compress well at any level).
const DEFLATE_LEVEL: i64 = 2;

/// The same options for every entry but the compression, which depends on the type.
fn options(name: &str, time: DateTime, size: u64) -> SimpleFileOptions {
    let (method, level) = if is_compressed(name) {
        (CompressionMethod::Stored, None)
    } else {
        (CompressionMethod::Deflated, Some(DEFLATE_LEVEL))
    };
    SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(level)
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
