//! Resolved settings: the repository root, its config and catalogue, and "today".

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use cse::catalogue::Catalogue;
use cse::checks::{CheckOptions, Unit};
use cse::config::{self, Config, Setting};
use cse::tree::FsTree;

use super::args::Cli;

#[derive(Clone)]
pub struct Settings {
    pub root: PathBuf,
    pub config: Config,
    /// How the config file was chosen.
    pub config_source: ConfigSource,
    pub catalogue: Catalogue,
    pub today: jiff::civil::Date,
    /// The units this run works on: every unit, or the one `--unit` names.
    units: Vec<Unit>,
    /// The `--unit` name, kept to select again from a commit's config.
    unit_filter: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigSource {
    /// `--config FILE`.
    Flag,
    /// `cse.toml` found at the repository root.
    Found,
    /// No config file: every setting is at its default.
    Absent,
}

/// The nearest ancestor of `start` holding `cse.toml` or `evidence/`. The search stops at
/// the folder holding `.git`.
pub fn find_root(start: &Path) -> Option<(PathBuf, Option<PathBuf>)> {
    for dir in start.ancestors() {
        let cfg = dir.join(config::FILE_NAME);
        // Anything by that name, even a folder, a pipe or a dangling link, is the config:
        // loading it then fails plainly instead of the settings silently falling away.
        if cfg.symlink_metadata().is_ok() {
            return Some((dir.to_owned(), Some(cfg)));
        }
        if dir.join("evidence").is_dir() {
            return Some((dir.to_owned(), None));
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

/// The nearest folder, from `start` upwards, holding `.git`.
pub fn git_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_owned)
}

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
    match std::env::current_dir() {
        Ok(cwd) => match path.strip_prefix(&cwd) {
            Ok(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
            Ok(rel) => rel.to_owned(),
            Err(_) => path.to_owned(),
        },
        Err(_) => path.to_owned(),
    }
}

/// The repository-relative folder of `dir`, or `None` when it is outside `root`.
pub fn folder_in(root: &Path, dir: &Path) -> Option<String> {
    let root = std::fs::canonicalize(root).ok()?;
    let dir = std::fs::canonicalize(dir).ok()?;
    let rel = dir.strip_prefix(&root).ok()?;
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// The catalogue named in cse.toml, or the built-in one.
pub fn load_catalogue(setting: Option<&Setting<PathBuf>>) -> Result<Catalogue> {
    let Some(s) = setting else {
        return Ok(Catalogue::builtin()?);
    };
    // Point at the line of cse.toml that names the catalogue.
    let at = match &s.origin {
        config::Origin::File(path, line) => format!("{}:{line}: ", path.display()),
        config::Origin::Default => String::new(),
    };
    let bytes = cse::tree::read_file(&s.value, cse::tree::MAX_FILE_BYTES)
        .map_err(|e| anyhow::anyhow!("{at}cannot read the catalogue {}: {e}", s.value.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!("{at}the catalogue {} is not valid UTF-8", s.value.display())
    })?;
    Ok(Catalogue::from_yaml(&text, &s.value.display().to_string())?)
}

/// "Today", or the date in `CSE_TODAY` (YYYY-MM-DD) for reproducible output.
pub fn today() -> Result<jiff::civil::Date> {
    match std::env::var("CSE_TODAY") {
        Ok(v) if !v.is_empty() => v
            .parse()
            .with_context(|| format!("CSE_TODAY={v:?} is not a date in YYYY-MM-DD form")),
        _ => Ok(jiff::ZonedDateTime::now().date()),
    }
}

impl Settings {
    pub fn resolve(cli: &Cli) -> Result<Settings> {
        let start = start_dir(cli)?;
        let (root, config, config_source) = match &cli.config_file {
            Some(file) => {
                let file = start.join(file);
                if file.symlink_metadata().is_err() {
                    bail!("--config {}: no such file", shown(&file).display());
                }
                let config_dir = file.parent().unwrap_or(Path::new("."));
                // The repository is found as usual; only the config file is overridden.
                let root = find_root(&start)
                    .map(|(root, _)| root)
                    .or_else(|| git_root(&start))
                    .unwrap_or_else(|| config_dir.to_owned());
                let base = folder_in(&root, config_dir);
                let config = Config::load_in(&shown(&file), base.as_deref())?;
                (root, config, ConfigSource::Flag)
            }
            None => {
                let Some((root, config_path)) = find_root(&start) else {
                    bail!(
                        "no evidence repository found in {} or its parents (looked for cse.toml or an evidence/ folder)\n\
                         hint: run `cse init` to create one, or `cse -C DIR` to point at one",
                        start.display()
                    );
                };
                match &config_path {
                    Some(p) => (root, Config::load(&shown(p))?, ConfigSource::Found),
                    None => (root, Config::default(), ConfigSource::Absent),
                }
            }
        };
        let catalogue = load_catalogue(config.catalogue.as_ref())?;
        let units = cse::units::select(cse::snapshot::units(&config), cli.unit.as_deref())?;
        check_unit_folders(&root, &config, &units)?;
        Ok(Settings {
            root,
            config,
            config_source,
            catalogue,
            today: today()?,
            units,
            unit_filter: cli.unit.clone(),
        })
    }

    /// The same run, with the config and catalogue a commit had (`--at`); units are chosen
    /// again from that config, with the same `--unit`.
    pub fn with_snapshot(&self, config: Config, catalogue: Catalogue) -> Result<Settings> {
        let units = cse::units::select(cse::snapshot::units(&config), self.unit_filter.as_deref())?;
        Ok(Settings {
            config,
            catalogue,
            units,
            ..self.clone()
        })
    }

    pub fn tree(&self) -> Result<FsTree> {
        FsTree::new(&self.root).with_context(|| format!("cannot open {}", self.root.display()))
    }

    pub fn check_options(&self) -> CheckOptions {
        cse::snapshot::check_options(&self.config, self.today)
    }

    /// The units to work on: the evidence folder as one unit when none are configured, and
    /// only the unit named by `--unit` when given.
    pub fn units(&self) -> Vec<Unit> {
        self.units.clone()
    }
}

/// Each named unit's folder must exist: a typo in cse.toml would otherwise report 57 missing files.
fn check_unit_folders(root: &Path, config: &Config, units: &[Unit]) -> Result<()> {
    for unit in units {
        let Some(name) = &unit.name else { continue };
        let folder = root.join(&unit.dir);
        if !folder.is_dir() {
            let problem = if folder.exists() {
                "is not a folder"
            } else {
                "does not exist"
            };
            let place = match &config.units.origin {
                config::Origin::File(path, line) => format!(" ({}:{line})", path.display()),
                config::Origin::Default => String::new(),
            };
            bail!(
                "unit `{name}`: its folder `{}` {problem}{place}\n\
                 hint: create the folder, or correct the unit's path under `[units]` in cse.toml",
                unit.dir
            );
        }
    }
    Ok(())
}
