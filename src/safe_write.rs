//! Every file `cse` writes goes through here: the bytes go to a temporary file in the
//! target's folder, which then takes the target's place, so a reader sees the old file or the
//! new one, never half of one. A failed write leaves the target as it was and no temporary
//! file behind. Nothing that is not a regular file is ever replaced, no link out of the
//! repository is written through, and nothing this run did not create is ever removed.
//!
//! - [`write_file`]: write or replace a file (`report --out`, `history --svg`).
//! - [`write_with`]: the same, streaming: a closure fills the file (large archives).
//! - [`create_file`]: write a file only if nothing is at its path (`init`).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file was not written. The target is left as it was. The messages do not repeat the
/// target's path: the caller says which file it was writing.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Something other than a regular file is at the path: a folder, a device, a pipe.
    #[error("it is {what}, and cse only ever replaces regular files")]
    NotRegular { path: PathBuf, what: &'static str },
    /// A symbolic link that does not lead to a regular file inside the repository.
    #[error(
        "it is a symbolic link that does not lead to a regular file inside the repository, \
         and cse does not write through it"
    )]
    Link { path: PathBuf },
    /// A folder on the way leads outside the repository through a symbolic link.
    #[error(
        "the folder {} is a symbolic link out of the repository, and cse does not write through it",
        .folder.display()
    )]
    FolderOutside { path: PathBuf, folder: PathBuf },
    #[error("the folder {} does not exist", .folder.display())]
    NoFolder { path: PathBuf, folder: PathBuf },
    /// The I/O error is the message itself, not a cause, so it is not printed twice.
    #[error("{error}")]
    Io { path: PathBuf, error: io::Error },
}

/// `source` as an error about `path`, without the temporary file's name that `tempfile` adds
/// to its errors (the user never sees that name).
fn io_error(path: &Path, source: io::Error) -> WriteError {
    let text = source.to_string();
    let source = match text.find(" at path ") {
        Some(cut) => io::Error::new(source.kind(), &text[..cut]),
        None => source,
    };
    WriteError::Io {
        path: path.to_owned(),
        error: source,
    }
}

/// The folder a temporary file for `target` goes in.
fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A new temporary file beside `target`, or why there cannot be one.
fn temp_for(path: &Path, target: &Path) -> Result<tempfile::NamedTempFile, WriteError> {
    let folder = folder_of(target);
    if !folder.is_dir() {
        return Err(WriteError::NoFolder {
            path: path.to_owned(),
            folder: folder.to_owned(),
        });
    }
    temp_beside(target).map_err(|e| io_error(path, e))
}

/// What [`create_file`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    Created,
    /// Something was already at the path; it was left exactly as it was.
    Existed,
}

/// Writes `bytes` to `path`, replacing a regular file there. `repo` is the repository folder:
/// a symbolic link at `path` is followed only to a regular file inside it.
pub fn write_file(repo: &Path, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_with(repo, path, |file| file.write_all(bytes))
}

/// [`write_file`], with `fill` writing the contents into the (temporary) file.
pub fn write_with(
    repo: &Path,
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), WriteError> {
    let target = replaceable_target(repo, path)?;
    let io_error = |source| io_error(path, source);
    let mut temp = temp_for(path, &target)?;
    // A replaced file keeps its permissions.
    if let Ok(meta) = fs::metadata(&target) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io_error)?;
    }
    fill(temp.as_file_mut())
        .and_then(|()| temp.as_file_mut().flush())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(io_error)?;
    // On failure the temporary file is dropped, which removes it (it is ours: its random name
    // was created exclusively).
    temp.persist(&target).map_err(|e| io_error(e.error))?;
    Ok(())
}

/// Writes `bytes` to `path` only if nothing at all is there (not even a dangling link), creating
/// folders as needed; never replaces anything, even a file that appears while writing.
pub fn create_file(path: &Path, bytes: &[u8]) -> Result<Created, WriteError> {
    let io_error = |source| io_error(path, source);
    if fs::symlink_metadata(path).is_ok() {
        return Ok(Created::Existed);
    }
    fs::create_dir_all(folder_of(path)).map_err(io_error)?;
    let mut temp = temp_for(path, path)?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(io_error)?;
    match temp.persist_noclobber(path) {
        Ok(_) => Ok(Created::Created),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Ok(Created::Existed),
        Err(e) => Err(io_error(e.error)),
    }
}

/// Refuses, before anything is written, when one of `files` (relative to `repo`) would be
/// written through a folder that is a symbolic link out of the repository.
pub fn check_folders_inside(repo: &Path, files: &[&Path]) -> Result<(), WriteError> {
    let root = fs::canonicalize(repo).map_err(|error| WriteError::Io {
        path: repo.to_owned(),
        error,
    })?;
    for file in files {
        let mut folder = repo.to_owned();
        for part in file.parent().into_iter().flat_map(Path::components) {
            folder.push(part);
            match fs::canonicalize(&folder) {
                Ok(real) if real.starts_with(&root) => {}
                Ok(_) => {
                    return Err(WriteError::FolderOutside {
                        path: repo.join(file),
                        folder,
                    });
                }
                // Not there yet (it will be created inside), or a dangling link, which
                // creating the folder will then report.
                Err(_) => break,
            }
        }
    }
    Ok(())
}

/// The file to write in place of `path`: itself, or, for a symbolic link, the regular file
/// inside `repo` it leads to. Refuses anything else that is already there.
fn replaceable_target(repo: &Path, path: &Path) -> Result<PathBuf, WriteError> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_owned()),
        Err(error) => {
            return Err(WriteError::Io {
                path: path.to_owned(),
                error,
            });
        }
    };
    let file_type = meta.file_type();
    if file_type.is_file() {
        return Ok(path.to_owned());
    }
    if file_type.is_dir() {
        return Err(WriteError::NotRegular {
            path: path.to_owned(),
            what: "a folder",
        });
    }
    if !file_type.is_symlink() {
        return Err(WriteError::NotRegular {
            path: path.to_owned(),
            what: "a device, pipe or socket",
        });
    }
    let link = || WriteError::Link {
        path: path.to_owned(),
    };
    let real = fs::canonicalize(path).map_err(|_| link())?;
    let root = fs::canonicalize(repo).map_err(|_| link())?;
    let is_file = fs::metadata(&real).is_ok_and(|m| m.is_file());
    if is_file && real.starts_with(&root) {
        Ok(real)
    } else {
        Err(link())
    }
}

/// A new, empty temporary file in `target`'s folder (so the final rename stays on one file
/// system), named with a leading dot so an interrupted run leaves nothing that looks like
/// evidence. Created with the usual permissions (0666 less the umask), not 0600.
fn temp_beside(target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = folder_of(target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_and_replaces_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_file(dir.path(), &path, b"one").unwrap();
        write_file(dir.path(), &path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(names(dir.path()), ["report.html"]);
    }

    #[test]
    fn a_missing_folder_is_named_and_temporary_names_are_never_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/chart.svg");
        let err = write_file(dir.path(), &path, b"x").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "the folder {} does not exist",
                dir.path().join("no/such").display()
            )
        );
        let plain = io_error(&path, io::Error::other("disk full at path \"/x/.a.b.tmp\""));
        assert_eq!(plain.to_string(), "disk full");
    }

    #[test]
    fn a_write_failing_half_way_leaves_the_target_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        fs::write(&path, "old").unwrap();
        let err = write_with(dir.path(), &path, |file| {
            file.write_all(b"half of the new")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["report.html"]);
    }

    #[test]
    fn never_replaces_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("folder");
        fs::create_dir(&folder).unwrap();
        let err = write_file(dir.path(), &folder, b"x").unwrap_err();
        assert!(matches!(
            err,
            WriteError::NotRegular {
                what: "a folder",
                ..
            }
        ));
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = write_file(dir.path(), &fifo, b"x").unwrap_err();
            assert!(matches!(err, WriteError::NotRegular { .. }), "{err}");
            assert!(!fs::metadata(&fifo).unwrap().is_file());
        }
    }

    #[cfg(unix)]
    #[test]
    fn follows_a_link_only_to_a_regular_file_inside_the_repository() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        let repo = tempfile::tempdir().unwrap();
        fs::write(repo.path().join("real.html"), "old").unwrap();
        fs::write(outside.path().join("theirs"), "theirs").unwrap();
        symlink("real.html", repo.path().join("in.html")).unwrap();
        symlink(outside.path().join("theirs"), repo.path().join("out.html")).unwrap();
        symlink("nowhere", repo.path().join("dangling.html")).unwrap();
        write_file(repo.path(), &repo.path().join("in.html"), b"new").unwrap();
        assert_eq!(fs::read(repo.path().join("real.html")).unwrap(), b"new");
        assert!(
            fs::symlink_metadata(repo.path().join("in.html"))
                .unwrap()
                .is_symlink()
        );
        for name in ["out.html", "dangling.html"] {
            let err = write_file(repo.path(), &repo.path().join(name), b"x").unwrap_err();
            assert!(matches!(err, WriteError::Link { .. }), "{err}");
            assert!(
                fs::symlink_metadata(repo.path().join(name))
                    .unwrap()
                    .is_symlink()
            );
        }
        assert_eq!(fs::read(outside.path().join("theirs")).unwrap(), b"theirs");
        assert!(!repo.path().join("nowhere").exists());
    }

    #[test]
    fn create_file_never_replaces_and_leaves_other_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/1.1.1.md");
        assert_eq!(create_file(&path, b"new").unwrap(), Created::Created);
        assert_eq!(create_file(&path, b"other").unwrap(), Created::Existed);
        assert_eq!(fs::read(&path).unwrap(), b"new");
        // A file named like an old-style temporary file is someone else's: kept.
        let theirs = dir.path().join("a/b/.1.1.2.md.cse-init-1.tmp");
        fs::write(&theirs, "theirs").unwrap();
        create_file(&dir.path().join("a/b/1.1.2.md"), b"x").unwrap();
        assert_eq!(fs::read(&theirs).unwrap(), b"theirs");
        assert_eq!(names(&dir.path().join("a/b")).len(), 3);
    }

    #[cfg(unix)]
    #[test]
    fn refuses_folders_that_lead_out_of_the_repository() {
        let outside = tempfile::tempdir().unwrap();
        let repo = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), repo.path().join("evidence")).unwrap();
        fs::create_dir(repo.path().join("docs")).unwrap();
        let ok = [Path::new("docs/a.md"), Path::new("new/deeper/b.md")];
        check_folders_inside(repo.path(), &ok).unwrap();
        let err = check_folders_inside(repo.path(), &[Path::new("evidence/1.1.1.md")]).unwrap_err();
        assert!(matches!(err, WriteError::FolderOutside { .. }), "{err}");
    }
}
