//! Writing a plan: each file complete or not at all, and never over an existing one.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use super::{Plan, PlannedFile};

/// What happened to one planned file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Created,
    /// Something was already at that path; it was left exactly as it was.
    Existed,
    /// The file could not be written; nothing was left at its path.
    Failed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileResult<'p> {
    pub file: &'p PlannedFile,
    pub written: Written,
}

/// Writes every file of `plan` under `root`, creating folders as needed. Goes on past a
/// failure, so the report is complete.
pub fn write<'p>(root: &Path, plan: &'p Plan) -> Vec<FileResult<'p>> {
    plan.files
        .iter()
        .map(|file| {
            let path = root.join(&file.path);
            let written = match write_new(&path, file.contents.as_bytes()) {
                Ok(true) => Written::Created,
                Ok(false) => Written::Existed,
                Err(e) => Written::Failed(e.to_string()),
            };
            FileResult { file, written }
        })
        .collect()
}

/// Writes `contents` to a temporary file in the same folder, then moves it into place only
/// if nothing is at `path`. Returns `false`, changing nothing, when something is there.
fn write_new(path: &Path, contents: &[u8]) -> io::Result<bool> {
    // Anything at all, even a dangling symlink or a folder, counts as existing.
    if fs::symlink_metadata(path).is_ok() {
        return Ok(false);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A leading dot: an interrupted run leaves no file that counts as evidence.
    let temp = dir.join(format!(".{name}.cse-init-{}.tmp", std::process::id()));
    let filled = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| {
            f.write_all(contents)?;
            f.sync_all()
        });
    if let Err(e) = filled {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    // A hard link, unlike a rename, fails when the target appeared meanwhile, so even a
    // file created by someone else during the run is never replaced. File systems
    // without hard links fall back to a rename.
    let placed = match fs::hard_link(&temp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(_) if fs::symlink_metadata(path).is_ok() => Ok(false),
        Err(_) => fs::rename(&temp, path).map(|()| true),
    };
    // After a rename the temporary name is already gone.
    let _ = fs::remove_file(&temp);
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaffold::Role;

    fn plan(files: &[(&str, &str)]) -> Plan {
        Plan {
            files: files
                .iter()
                .map(|(p, c)| PlannedFile {
                    path: (*p).into(),
                    contents: (*c).into(),
                    role: Role::Evidence,
                })
                .collect(),
            covered: Vec::new(),
        }
    }

    #[test]
    fn creates_missing_files_and_keeps_existing_ones() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("kept.md"), "mine").unwrap();
        let plan = plan(&[("kept.md", "theirs"), ("a/b/new.md", "new")]);
        let results = write(dir.path(), &plan);
        let outcome: Vec<_> = results.iter().map(|r| r.written.clone()).collect();
        assert_eq!(outcome, [Written::Existed, Written::Created]);
        assert_eq!(
            fs::read_to_string(dir.path().join("kept.md")).unwrap(),
            "mine"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("a/b/new.md")).unwrap(),
            "new"
        );
        // No temporary files are left behind.
        let leftovers: Vec<_> = walkdir::WalkDir::new(dir.path())
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("cse-init"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn a_folder_or_dangling_symlink_in_the_way_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("cse.toml")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("nowhere", dir.path().join("link.md")).unwrap();
        let plan = plan(&[("cse.toml", "x"), ("link.md", "x")]);
        let outcome: Vec<_> = write(dir.path(), &plan)
            .into_iter()
            .map(|r| r.written)
            .collect();
        assert_eq!(outcome[0], Written::Existed);
        #[cfg(unix)]
        {
            assert_eq!(outcome[1], Written::Existed);
            assert!(!dir.path().join("nowhere").exists());
        }
    }

    #[test]
    fn a_file_where_a_folder_should_be_is_a_failure_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("evidence"), "a file").unwrap();
        let plan = plan(&[("evidence/1.1.1.md", "x"), ("other.md", "y")]);
        let outcome: Vec<_> = write(dir.path(), &plan)
            .into_iter()
            .map(|r| r.written)
            .collect();
        assert!(matches!(outcome[0], Written::Failed(_)), "{outcome:?}");
        assert_eq!(outcome[1], Written::Created);
        assert_eq!(
            fs::read_to_string(dir.path().join("evidence")).unwrap(),
            "a file"
        );
    }
}
