//! Resolved settings: the repository root, its config and catalogue, and "today".

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use cse::catalogue::Catalogue;
use cse::checks::{CheckOptions, Unit};
use cse::config::{self, Config};
use cse::tree::FsTree;

use super::args::Cli;

pub struct Settings {
    pub root: PathBuf,
    pub config: Config,
    pub catalogue: Catalogue,
    pub today: jiff::civil::Date,
    /// The units this run works on: every unit, or the one `--unit` names.
    units: Vec<Unit>,
}

/// The nearest ancestor of `start` holding `cse.toml` or `evidence/`. The search stops at
/// the folder holding `.git`.
pub fn find_root(start: &Path) -> Option<(PathBuf, Option<PathBuf>)> {
    for dir in start.ancestors() {
        let cfg = dir.join(config::FILE_NAME);
        if cfg.is_file() {
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
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        let start = match &cli.dir {
            Some(d) => {
                let d = cwd.join(d);
                if !d.is_dir() {
                    bail!("-C {}: no such folder", d.display());
                }
                d
            }
            None => cwd,
        };
        let Some((root, config_path)) = find_root(&start) else {
            bail!(
                "no evidence repository found in {} or its parents (looked for cse.toml or an evidence/ folder)\n\
                 hint: run `cse init` to create one, or `cse -C DIR` to point at one",
                start.display()
            );
        };
        let config = match &config_path {
            Some(p) => Config::load(p)?,
            None => Config::default(),
        };
        let catalogue = match &config.catalogue {
            None => Catalogue::builtin()?,
            Some(s) => {
                let text = std::fs::read_to_string(&s.value)
                    .with_context(|| format!("cannot read the catalogue {}", s.value.display()))?;
                Catalogue::from_yaml(&text, &s.value.display().to_string())?
            }
        };
        let units = cse::units::select(all_units(&config), cli.unit.as_deref())?;
        check_unit_folders(&root, &config, &units)?;
        Ok(Settings {
            root,
            config,
            catalogue,
            today: today()?,
            units,
        })
    }

    pub fn tree(&self) -> Result<FsTree> {
        FsTree::new(&self.root).with_context(|| format!("cannot open {}", self.root.display()))
    }

    pub fn check_options(&self) -> CheckOptions {
        let mut o = CheckOptions::new(self.today);
        o.review_max_age = self.config.review_max_age.value;
        o.ignore = self.config.ignore.value.clone();
        o
    }

    /// The units to work on: the evidence folder as one unit when none are configured, and
    /// only the unit named by `--unit` when given.
    pub fn units(&self) -> Vec<Unit> {
        self.units.clone()
    }
}

/// Every unit in the config: the evidence folder as one unnamed unit when none are configured.
fn all_units(config: &Config) -> Vec<Unit> {
    if config.units.value.is_empty() {
        vec![Unit {
            name: None,
            dir: config.evidence_dir.value.clone(),
        }]
    } else {
        config
            .units
            .value
            .iter()
            .map(|(name, dir)| Unit {
                name: Some(name.clone()),
                dir: dir.clone(),
            })
            .collect()
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
