//! `cse pack --verify`: every file of a pack against the SHA-256 its manifest records.

use std::collections::BTreeMap;
use std::io::{self, Read, Seek};

use sha2::{Digest, Sha256};
use zip::ZipArchive;

use super::archive::hex;
use super::manifest::{self, FileRecord, ReadBack};

/// Largest manifest.json read back; a real one for 100 units is a few megabytes.
const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

/// How a file differs from the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Difference {
    /// In the zip and the manifest, with other contents.
    Altered,
    /// In the manifest, not in the zip.
    Missing,
    /// In the zip, not in the manifest.
    Extra,
}

impl Difference {
    pub fn as_str(self) -> &'static str {
        match self {
            Difference::Altered => "altered",
            Difference::Missing => "missing",
            Difference::Extra => "extra",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Files the manifest lists.
    pub listed: usize,
    /// Each file that differs, by path.
    pub differences: Vec<(String, Difference)>,
}

/// Why a file cannot be verified at all.
#[derive(Debug, thiserror::Error)]
pub enum NotAPack {
    #[error("it is not a zip file ({0})")]
    NotZip(String),
    #[error("it has no manifest.json, so it is not a pack made by cse pack")]
    NoManifest,
    #[error("its manifest.json cannot be read: {0}")]
    BadManifest(String),
    #[error("cannot read it: {0}")]
    Io(#[from] io::Error),
}

/// Checks every entry of the zip in `file` against its manifest; `manifest.csv` must be what
/// `csv` writes for the manifest's files.
pub fn verify<R: Read + Seek>(
    file: R,
    csv: impl Fn(&[FileRecord]) -> String,
) -> Result<Verification, NotAPack> {
    let mut zip = ZipArchive::new(file).map_err(|e| NotAPack::NotZip(e.to_string()))?;
    let manifest: ReadBack = {
        let entry = zip
            .by_name(manifest::JSON_NAME)
            .map_err(|_| NotAPack::NoManifest)?;
        let mut text = String::new();
        entry
            .take(MAX_MANIFEST_BYTES)
            .read_to_string(&mut text)
            .map_err(|e| NotAPack::BadManifest(e.to_string()))?;
        serde_json::from_str(&text).map_err(|e| NotAPack::BadManifest(e.to_string()))?
    };
    if manifest.version != manifest::VERSION {
        return Err(NotAPack::BadManifest(format!(
            "version {} is not one this cse reads ({})",
            manifest.version,
            manifest::VERSION
        )));
    }
    let listed: BTreeMap<&str, &FileRecord> = manifest
        .files
        .iter()
        .map(|f| (f.path.as_str(), f))
        .collect();
    let mut differences = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut buffer = vec![0u8; 256 * 1024];
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| NotAPack::NotZip(e.to_string()))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if name == manifest::JSON_NAME {
            continue;
        }
        if name == manifest::CSV_NAME {
            let mut text = String::new();
            let same = entry
                .by_ref()
                .take(MAX_MANIFEST_BYTES)
                .read_to_string(&mut text)
                .is_ok()
                && text == csv(&manifest.files);
            if !same {
                differences.push((name, Difference::Altered));
            }
            continue;
        }
        let Some(record) = listed.get(name.as_str()) else {
            differences.push((name, Difference::Extra));
            continue;
        };
        seen.insert(name.clone());
        let mut hasher = Sha256::new();
        let mut bytes = 0u64;
        let intact = loop {
            match entry.read(&mut buffer) {
                Ok(0) => break true,
                Ok(n) => {
                    hasher.update(&buffer[..n]);
                    bytes += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                // A damaged entry (bad CRC, broken deflate stream) is altered.
                Err(_) => break false,
            }
        };
        if !intact || bytes != record.bytes || hex(&hasher.finalize()) != record.sha256 {
            differences.push((name, Difference::Altered));
        }
    }
    for path in listed.keys() {
        if !seen.contains(*path) {
            differences.push(((*path).to_owned(), Difference::Missing));
        }
    }
    differences.sort();
    Ok(Verification {
        listed: manifest.files.len(),
        differences,
    })
}
