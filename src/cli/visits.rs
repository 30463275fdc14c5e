//! What `cse assessment`, `cse plan` and the open-partials gate read: the assessor's
//! records from the working tree, the evidence (or `--at REV`'s), and when files last
//! changed in git.

use std::collections::HashMap;

use anyhow::{Context, Result};
use cse::assessment::{self, History};
use cse::git::Repo;
use jiff::civil::Date;

use super::settings::Settings;
use cse::project::{Evidence, Want};

/// The assessor's records in the working tree; a note on stderr when some cannot be used.
pub fn history(settings: &Settings) -> Result<History> {
    let dir = &settings.config.assessments_dir.value;
    let loaded = assessment::load_dir(&settings.root, dir, &settings.catalogue)
        .with_context(|| format!("cannot read the assessments folder `{dir}`"))?;
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        eprintln!(
            "warning: {errors} problem{} in the assessment records in `{dir}`, whose ratings are left out; `cse check` shows where",
            if errors == 1 { "" } else { "s" }
        );
    }
    Ok(loaded.history)
}

/// The evidence (the working tree, or the commit `at` names) and the history.
pub struct Inputs {
    pub checked: Evidence,
    pub history: History,
}

pub fn load(settings: &Settings, at: Option<&str>) -> Result<Inputs> {
    Ok(Inputs {
        checked: settings.read(at, Want::default())?,
        history: history(settings)?,
    })
}

/// When each file last changed in a commit up to `checked`'s (or `HEAD`), by
/// repository-relative path. Without git history every date is unknown, said on stderr.
pub fn last_changed(settings: &Settings, checked: &Evidence) -> HashMap<String, Date> {
    let rev = checked.commit.as_ref().map_or("HEAD", |c| c.id.as_str());
    let dates = Repo::open(&settings.root).and_then(|repo| {
        repo.require_full_history()?;
        repo.last_changed(rev, &["."])
    });
    match dates {
        Ok(dates) => dates,
        Err(e) => {
            let first = e.to_string();
            let first = first.lines().next().unwrap_or_default();
            eprintln!(
                "warning: changes since each visit are unknown: {first}\n\
                 hint: commit the evidence to git so that `cse` can tell what changed after a visit"
            );
            HashMap::new()
        }
    }
}
