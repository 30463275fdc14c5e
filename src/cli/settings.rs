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
                let bytes = cse::tree::read_file(&s.value, cse::tree::MAX_FILE_BYTES)
                    .with_context(|| format!("cannot read the catalogue {}", s.value.display()))?;
                let text = String::from_utf8(bytes).with_context(|| {
                    format!("the catalogue {} is not valid UTF-8", s.value.display())
                })?;
                Catalogue::from_yaml(&text, &s.value.display().to_string())?
            }
        };
        Ok(Settings {
            root,
            config,
            catalogue,
            today: today()?,
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

    /// The units to check: the evidence folder as one unit when none are configured.
    pub fn units(&self) -> Vec<Unit> {
        if self.config.units.value.is_empty() {
            vec![Unit {
                name: None,
                dir: self.config.evidence_dir.value.clone(),
            }]
        } else {
            self.config
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
}
