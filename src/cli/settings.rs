//! Settings from the command line: where to start, which config and unit, and "today". The
//! core's [`Project`] resolves the rest.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
pub use cse::project::{ConfigSource, Project as Settings, folder_in, git_root, load_catalogue};
use cse::project::{Locate, Project, Today};

use super::args::Cli;

/// The folder the command runs in: the current one, or `-C DIR`.
pub fn start_dir(cli: &Cli) -> Result<PathBuf> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    match &cli.dir {
        Some(d) => {
            let d = cwd.join(d);
            if !d.is_dir() {
                bail!("-C {}: no such folder", d.display());
            }
            Ok(d)
        }
        None => Ok(cwd),
    }
}

/// `path` as the user would write it: relative to the current folder when inside it.
/// Still a valid path for this process, which never changes folder.
pub fn shown(path: &Path) -> PathBuf {
    cse::project::relative(path, std::env::current_dir().ok().as_deref())
}

/// "Today": the date in `CSE_TODAY` (YYYY-MM-DD) when set, for reproducible output; else the
/// clock's, or with `--at` the commit's.
pub fn today() -> Result<Today> {
    let fixed = match std::env::var("CSE_TODAY") {
        Ok(v) if !v.is_empty() => Some(
            cse::dates::parse(&v).map_err(|e| anyhow::anyhow!("CSE_TODAY: {e}; {}", e.hint()))?,
        ),
        _ => None,
    };
    // The clock (and the time-zone database behind it) is read only when it is needed.
    let clock = match fixed {
        Some(day) => day,
        None => jiff::ZonedDateTime::now().date(),
    };
    Ok(Today { fixed, clock })
}

/// Resolves the repository and its settings from the command line.
pub fn resolve(cli: &Cli) -> Result<Settings> {
    let locate = Locate {
        start: start_dir(cli)?,
        config_file: cli.config_file.clone(),
        unit: cli.unit.clone(),
        shown_from: std::env::current_dir().ok(),
    };
    Ok(Project::open(&locate, today()?)?)
}
