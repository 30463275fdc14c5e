//! The evidence repository as it was at a commit: its `cse.toml`, its catalogue and the
//! check results of every unit, read from git objects without touching the working tree.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::catalogue::{Catalogue, CatalogueError};
use crate::checks::{self, CheckOptions, FileCache, LastChanged, Unit, UnitCheck};
use crate::config::{self, Config, ConfigError};
use crate::git::{Commit, GitError, GitTree, Objects};
use crate::tree::{Listed, PathState, ReadError, Tree, TreeError};

/// Largest `cse.toml` or catalogue read from a commit.
const MAX_SETTINGS_BYTES: u64 = 4 * 1024 * 1024;

/// Everything `cse` knows about the evidence at one commit.
#[derive(Debug)]
pub struct Snapshot {
    pub config: Config,
    pub catalogue: Catalogue,
    pub units: Vec<UnitCheck>,
}

#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error(transparent)]
    Git(#[from] GitError),
    #[error("{config} at commit {commit}: {error}", config = config::FILE_NAME)]
    Config { commit: String, error: ConfigError },
    #[error("the catalogue at commit {commit}: {error}")]
    Catalogue {
        commit: String,
        error: CatalogueError,
    },
    #[error("cannot read {path} at commit {commit}: {message}")]
    Read {
        commit: String,
        path: String,
        message: String,
    },
    #[error("cannot check the evidence folder `{}` at commit {commit}: {}", .error.path, .error.message)]
    Tree { commit: String, error: TreeError },
}

/// The units to check: the evidence folder as one unit when none are configured.
pub fn units(config: &Config) -> Vec<Unit> {
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

/// Check options from a config.
pub fn check_options(config: &Config, today: Date) -> CheckOptions {
    let mut o = CheckOptions::new(today);
    o.review_max_age = config.review_max_age.value;
    o.ignore = config.ignore.value.clone();
    o
}

/// Loads snapshots of one repository, commit after commit. Unchanged files, configs and
/// catalogues are parsed once, so walking a long history stays fast.
pub struct Loader<'a> {
    objects: &'a Objects,
    /// The evidence repository's folder inside the git repository: `""` or `"sub/dir/"`.
    prefix: String,
    /// The evidence repository on disk; `cse.toml` and catalogue paths are anchored there.
    root: PathBuf,
    builtin: Catalogue,
    today: Date,
    last_changed: Option<Arc<dyn LastChanged>>,
    configs: HashMap<String, Config>,
    catalogues: HashMap<String, Catalogue>,
    /// One file cache per distinct (config, catalogue) text.
    caches: HashMap<(Option<String>, Option<String>), FileCache>,
}

impl<'a> Loader<'a> {
    pub fn new(
        objects: &'a Objects,
        prefix: &str,
        root: &Path,
        builtin: Catalogue,
        today: Date,
    ) -> Loader<'a> {
        Loader {
            objects,
            prefix: prefix.to_owned(),
            root: root.to_owned(),
            builtin,
            today,
            last_changed: None,
            configs: HashMap::new(),
            catalogues: HashMap::new(),
            caches: HashMap::new(),
        }
    }

    /// Last-change dates for the staleness check (see [`CheckOptions::last_changed`]).
    pub fn with_last_changed(mut self, dates: Arc<dyn LastChanged>) -> Self {
        self.last_changed = Some(dates);
        self
    }

    /// The evidence as it was at `commit`. A commit without the evidence folder counts every
    /// element as missing; files that cannot be parsed count as invalid, as in the working tree.
    pub fn load(&mut self, commit: &Commit) -> Result<Snapshot, SnapshotError> {
        let tree = GitTree::new(self.objects, &commit.tree, &self.prefix)?;
        let short = commit.short.clone();
        let read = |path: &str| -> Result<Option<String>, SnapshotError> {
            if tree.probe(path) != PathState::File {
                return Ok(None);
            }
            let bytes = tree.read(path, MAX_SETTINGS_BYTES).map_err(|e| {
                let message = match e {
                    ReadError::TooLarge { .. } | ReadError::Io(_) => e.to_string(),
                };
                SnapshotError::Read {
                    commit: short.clone(),
                    path: path.to_owned(),
                    message,
                }
            })?;
            String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| SnapshotError::Read {
                    commit: short.clone(),
                    path: path.to_owned(),
                    message: "it is not UTF-8 text".into(),
                })
        };

        let config_text = read(config::FILE_NAME)?;
        let config = match &config_text {
            None => Config::default(),
            Some(text) => match self.configs.get(text) {
                Some(c) => c.clone(),
                None => {
                    let c = Config::parse(text, &self.root.join(config::FILE_NAME)).map_err(
                        |error| SnapshotError::Config {
                            commit: short.clone(),
                            error,
                        },
                    )?;
                    self.configs.insert(text.clone(), c.clone());
                    c
                }
            },
        };

        let (catalogue, catalogue_text) = match &config.catalogue {
            None => (self.builtin.clone(), None),
            Some(setting) => {
                let (text, label) = match setting.value.strip_prefix(&self.root) {
                    Ok(rel) => {
                        let rel = rel.to_string_lossy().replace('\\', "/");
                        let text = read(&rel)?.ok_or_else(|| SnapshotError::Read {
                            commit: short.clone(),
                            path: rel.clone(),
                            message: "the catalogue named in cse.toml is not there".into(),
                        })?;
                        (text, rel)
                    }
                    // A catalogue outside the repository is not in git: use today's copy.
                    Err(_) => {
                        let text = std::fs::read_to_string(&setting.value).map_err(|e| {
                            SnapshotError::Read {
                                commit: short.clone(),
                                path: setting.value.display().to_string(),
                                message: e.to_string(),
                            }
                        })?;
                        (text, setting.value.display().to_string())
                    }
                };
                let catalogue = match self.catalogues.get(&text) {
                    Some(c) => c.clone(),
                    None => {
                        let c = Catalogue::from_yaml(&text, &label).map_err(|error| {
                            SnapshotError::Catalogue {
                                commit: short.clone(),
                                error,
                            }
                        })?;
                        self.catalogues.insert(text.clone(), c.clone());
                        c
                    }
                };
                (catalogue, Some(text))
            }
        };

        let mut options = check_options(&config, self.today);
        options.last_changed = self.last_changed.clone();
        let cache = self
            .caches
            .entry((config_text, catalogue_text))
            .or_default();
        let mut checked = Vec::new();
        for unit in units(&config) {
            let result = if tree.probe(&unit.dir) == PathState::Missing {
                checks::check_unit(&catalogue, &EmptyFolder, &unit, &options)
            } else {
                checks::check_unit_cached(&catalogue, &tree, &unit, &options, Some(cache))
            };
            let check = result.map_err(|error| SnapshotError::Tree {
                commit: short.clone(),
                error,
            })?;
            checked.push(check);
        }
        // A failing git process would otherwise pass for unreadable files.
        self.objects.health()?;
        Ok(Snapshot {
            config,
            catalogue,
            units: checked,
        })
    }
}

/// An evidence folder with nothing in it, for commits that predate the folder.
struct EmptyFolder;

impl Tree for EmptyFolder {
    fn list(&self, _dir: &str) -> Result<Vec<Listed>, TreeError> {
        Ok(Vec::new())
    }

    fn read(&self, _path: &str, _limit: u64) -> Result<Vec<u8>, ReadError> {
        Err(ReadError::Io("no such file".into()))
    }

    fn probe(&self, _path: &str) -> PathState {
        PathState::Missing
    }
}
