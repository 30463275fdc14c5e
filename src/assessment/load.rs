//! Reading every record in the assessments folder of the working tree.

use std::collections::HashMap;
use std::path::Path;

use super::{Assessment, History};
use crate::catalogue::Catalogue;
use crate::diagnostic::{Code, Diagnostic};
use crate::evidence::{Decoded, decode, normalize_line_endings};
use crate::tree::{self, MAX_FILE_BYTES};

/// Most records read from the folder: one a year needs a few dozen at most.
pub const MAX_RECORDS: usize = 1_000;

/// The records that could be read, and what is wrong with the others.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub history: History,
    pub diagnostics: Vec<Diagnostic>,
    /// How many record files were looked at.
    pub files: usize,
}

fn is_record(name: &str) -> bool {
    !name.starts_with('.') && (name.ends_with(".yaml") || name.ends_with(".yml"))
}

/// Why a record's name in the folder is not a regular file, if it is not one.
fn not_a_record_file(kind: std::fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        None
    } else if kind.is_symlink() {
        Some("it is a symbolic link; a record must be a file in the folder itself")
    } else if kind.is_dir() {
        Some("it is a folder, not a file")
    } else {
        Some("it is not a regular file (a pipe, socket or device)")
    }
}

/// Reads `dir` (repository-relative) under `root`: every `*.yaml` or `*.yml` regular file
/// directly in it; one named so that is not a regular file (a symlink, a folder) is reported,
/// never followed. A missing folder holds no records.
pub fn load_dir(root: &Path, dir: &str, catalogue: &Catalogue) -> std::io::Result<Loaded> {
    let folder = root.join(dir);
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::default()),
        Err(e) => return Err(e),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_record(&name) {
            names.push((name, not_a_record_file(entry.file_type()?)));
            if names.len() > MAX_RECORDS {
                return Err(std::io::Error::other(format!(
                    "the assessments folder `{dir}` holds more than {MAX_RECORDS} records"
                )));
            }
        }
    }
    names.sort();
    let mut loaded = Loaded::default();
    let mut visits: Vec<Assessment> = Vec::new();
    let mut first_of_date: HashMap<jiff::civil::Date, String> = HashMap::new();
    for (name, not_a_file) in names {
        let path = if dir == "." {
            name.clone()
        } else {
            format!("{dir}/{name}")
        };
        loaded.files += 1;
        if let Some(why) = not_a_file {
            loaded.diagnostics.push(
                Diagnostic::new(
                    Code::UnreadableFile,
                    format!("cannot read the record: {why}"),
                )
                .file(&path)
                .help("an assessment record is a small UTF-8 YAML file: put the file itself here"),
            );
            continue;
        }
        let bytes = match tree::read_file_no_follow(&folder.join(&name), MAX_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(e) => {
                loaded.diagnostics.push(
                    Diagnostic::new(Code::UnreadableFile, e.to_string())
                        .file(&path)
                        .help("an assessment record is a small UTF-8 YAML file"),
                );
                continue;
            }
        };
        let text = match decode(&path, &bytes) {
            Decoded::Text(text) => text,
            Decoded::Unreadable(d) => {
                loaded.diagnostics.push(d);
                continue;
            }
        };
        let text = normalize_line_endings(text);
        let (assessment, diags) = super::parse(&path, &text, catalogue);
        loaded.diagnostics.extend(diags);
        let Some(assessment) = assessment else {
            continue;
        };
        if let Some(first) = first_of_date.get(&assessment.date) {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("date:"))
                .map_or(1, |i| i as u32 + 1);
            loaded.diagnostics.push(
                Diagnostic::new(
                    Code::AssessmentDuplicateDate,
                    format!(
                        "a visit on {} is already recorded in `{first}`",
                        assessment.date
                    ),
                )
                .file(&path)
                .at(text.as_ref(), line, 1)
                .help("keep one record per visit: merge the two files"),
            );
            continue;
        }
        first_of_date.insert(assessment.date, path.clone());
        visits.push(assessment);
    }
    loaded.history = History::new(visits);
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_reports_duplicate_dates() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("assessments");
        std::fs::create_dir(&folder).unwrap();
        let record = |date: &str| {
            format!(
                "date: {date}\nkind: full\noutcome: certified\nratings:\n  1.1.1: {{rating: compliant}}\n"
            )
        };
        std::fs::write(folder.join("2025-03-10.yaml"), record("2025-03-10")).unwrap();
        std::fs::write(folder.join("2026-03-14.yaml"), record("2026-03-14")).unwrap();
        std::fs::write(folder.join("2026-03-14.yml"), record("2026-03-14")).unwrap();
        std::fs::write(folder.join("README.md"), "not a record").unwrap();
        // Named as records, but not files: each is reported, none is followed or read.
        std::fs::create_dir(folder.join("2027.yaml")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("2025-03-10.yaml", folder.join("2028-01-01.yaml")).unwrap();
        let loaded = load_dir(dir.path(), "assessments", &Catalogue::builtin().unwrap()).unwrap();
        let links = usize::from(cfg!(unix));
        assert_eq!(loaded.files, 4 + links);
        assert_eq!(loaded.history.visits.len(), 2);
        let unreadable: Vec<(&str, &str)> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::UnreadableFile)
            .map(|d| (d.file.as_deref().unwrap(), d.message.as_str()))
            .collect();
        let mut expected = vec![(
            "assessments/2027.yaml",
            "cannot read the record: it is a folder, not a file",
        )];
        if cfg!(unix) {
            expected.push((
                "assessments/2028-01-01.yaml",
                "cannot read the record: it is a symbolic link; a record must be a file in the folder itself",
            ));
        }
        assert_eq!(unreadable, expected);
        let loaded_diags: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.code != Code::UnreadableFile)
            .collect();
        assert_eq!(loaded_diags.len(), 1);
        let d = loaded_diags[0];
        assert_eq!(d.code, Code::AssessmentDuplicateDate);
        assert_eq!(
            (d.file.as_deref(), d.line),
            (Some("assessments/2026-03-14.yml"), Some(1))
        );
        let none = load_dir(dir.path(), "nowhere", &Catalogue::builtin().unwrap()).unwrap();
        assert_eq!(none.files, 0);
    }
}
