//! Writing a plan: each file complete or not at all, and never over an existing one.

use std::path::Path;

use super::{Plan, PlannedFile};
use crate::safe_write::{self, Created, WriteError};

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
/// failed file, so the report is complete; refuses the whole plan, writing nothing, when a
/// folder on the way is a symbolic link out of `root`.
pub fn write<'p>(root: &Path, plan: &'p Plan) -> Result<Vec<FileResult<'p>>, WriteError> {
    let paths: Vec<&Path> = plan.files.iter().map(|f| Path::new(&f.path)).collect();
    safe_write::check_folders_inside(root, &paths)?;
    Ok(plan
        .files
        .iter()
        .map(|file| {
            let written =
                match safe_write::create_file(&root.join(&file.path), file.contents.as_bytes()) {
                    Ok(Created::Created) => Written::Created,
                    Ok(Created::Existed) => Written::Existed,
                    Err(e) => Written::Failed(e.to_string()),
                };
            FileResult { file, written }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaffold::Role;
    use std::fs;

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
        let results = write(dir.path(), &plan).unwrap();
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
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
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
            .unwrap()
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
            .unwrap()
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
