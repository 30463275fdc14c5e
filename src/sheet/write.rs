//! `cse import --write`: each planned file written whole through a temporary file in its
//! folder, so a reader sees the old file or the new one, never half of one.

use std::path::Path;

use super::plan::{ElementPlan, Plan};

/// What happened to one planned file.
#[derive(Debug)]
pub struct Written<'p> {
    pub element: &'p ElementPlan,
    pub result: Result<(), String>,
}

/// Writes every file the plan changes or creates under `root`. A file that changed since
/// the plan was made, is not a regular file, or lies through a link outside `root` is left alone.
pub fn write<'p>(root: &Path, plan: &'p Plan) -> Vec<Written<'p>> {
    plan.writes()
        .map(|element| Written {
            element,
            result: write_one(root, element),
        })
        .collect()
}

fn write_one(root: &Path, element: &ElementPlan) -> Result<(), String> {
    let Some(text) = &element.new_text else {
        return Ok(());
    };
    let root = root
        .canonicalize()
        .map_err(|e| format!("cannot read the repository folder: {e}"))?;
    let target = root.join(&element.path);
    let dir = target.parent().unwrap_or(&root);
    let name = target.file_name().ok_or("the path names no file")?;
    let dir = dir
        .canonicalize()
        .map_err(|e| format!("cannot open the folder {}: {e}", dir.display()))?;
    if !dir.starts_with(&root) {
        return Err("its folder leads outside the repository".into());
    }
    let target = dir.join(name);
    let existing = std::fs::symlink_metadata(&target);
    match (&element.old_text, &existing) {
        (None, Ok(_)) => return Err("the file was created since the plan was made".into()),
        (Some(_), Err(e)) => return Err(format!("cannot read the file: {e}")),
        (Some(_), Ok(m)) if !m.file_type().is_file() => {
            return Err("it is not a regular file".into());
        }
        (Some(old), Ok(_)) => {
            let now = std::fs::read(&target).map_err(|e| format!("cannot read the file: {e}"))?;
            if now != old.as_bytes() {
                return Err(
                    "the file changed since the plan was made; run the import again".into(),
                );
            }
        }
        (None, Err(_)) => {}
    }
    if element.old_text.is_some() {
        crate::safe_write::write_file(&root, &target, text.as_bytes()).map_err(|e| e.to_string())
    } else {
        match crate::safe_write::create_file(&target, text.as_bytes()) {
            Ok(crate::safe_write::Created::Created) => Ok(()),
            Ok(crate::safe_write::Created::Existed) => {
                Err("the file was created since the plan was made".into())
            }
            Err(e) => Err(e.to_string()),
        }
    }
}
