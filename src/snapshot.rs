//! The evidence repository as it was at a commit: its `cse.toml`, its catalogue and the
//! check results of every unit, read from git objects without touching the working tree.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use jiff::civil::Date;

use crate::catalogue::{Catalogue, CatalogueError};
use crate::checks::{self, CheckOptions, FileCache, LastChanged, Unit, UnitCheck, UnitStates};
use crate::config::{self, Config, ConfigError};
use crate::git::{Commit, EntryKind, GitError, GitTree, Objects, TreeEntry};
use crate::tree::{self, Listed, PathState, ReadError, Tree, TreeError};

/// The text of `cse.toml` and of the catalogue file, when there are such files.
type SettingsText = (Option<String>, Option<String>);

/// Fewer commits than this per thread are not worth a thread.
const MIN_COMMITS_PER_THREAD: usize = 32;

/// Largest `cse.toml` or catalogue read from a commit.
const MAX_SETTINGS_BYTES: u64 = 4 * 1024 * 1024;

/// Everything `cse` knows about the evidence at one commit.
#[derive(Debug)]
pub struct Snapshot {
    pub config: Config,
    /// Shared with other snapshots made with the same catalogue.
    pub catalogue: Arc<Catalogue>,
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
    #[error("cannot read {path} at commit {commit}")]
    Read {
        commit: String,
        path: String,
        #[source]
        source: ReadError,
    },
    #[error("cannot read {path} at commit {commit}: it is not UTF-8 text")]
    NotText { commit: String, path: String },
    #[error("cannot read {path} at commit {commit}: the catalogue named in cse.toml is not there")]
    NoCatalogue { commit: String, path: String },
    /// A catalogue outside the repository, read from disk (it is not in git).
    #[error("cannot read {path} at commit {commit}")]
    OutsideCatalogue {
        commit: String,
        path: String,
        #[source]
        source: std::io::Error,
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
    o.privacy = crate::privacy::Allowed::new(
        &config.privacy_allow_domains.value,
        &config.privacy_allow_phones.value,
    );
    o.withhold = config.pack_withhold.value.clone();
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
    builtin: Arc<Catalogue>,
    today: Date,
    last_changed: Option<Arc<dyn LastChanged>>,
    /// Keep each file's markdown body (for reports).
    keep_bodies: bool,
    /// See [`CheckOptions::front_matter_only`].
    front_matter_only: bool,
    configs: Mutex<HashMap<String, Config>>,
    catalogues: Mutex<HashMap<String, Arc<Catalogue>>>,
    /// One file cache per distinct (config, catalogue) text.
    caches: Mutex<HashMap<SettingsText, Arc<FileCache>>>,
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
            builtin: Arc::new(builtin),
            today,
            last_changed: None,
            keep_bodies: false,
            front_matter_only: false,
            configs: Mutex::default(),
            catalogues: Mutex::default(),
            caches: Mutex::default(),
        }
    }

    /// Last-change dates for the staleness check (see [`CheckOptions::last_changed`]).
    pub fn with_last_changed(mut self, dates: Arc<dyn LastChanged>) -> Self {
        self.last_changed = Some(dates);
        self
    }

    /// Keep each file's markdown body, for reports.
    pub fn with_bodies(mut self, keep: bool) -> Self {
        self.keep_bodies = keep;
        self
    }

    /// Parse front matter only and run no rule (see [`CheckOptions::front_matter_only`]).
    pub fn with_front_matter_only(mut self, only: bool) -> Self {
        self.front_matter_only = only;
        self
    }

    /// Fetches in a few round trips to git what loading `commits` will read: their trees
    /// down to the folders `dirs` (relative to the evidence repository), `cse.toml`, and the
    /// markdown files in those folders. Only saves time: anything not fetched ahead is read
    /// when needed. Pass what it returns to [`Loader::forget`] once they are loaded. Safe to
    /// run while other commits load.
    pub fn prefetch(&self, commits: &[Commit], dirs: &[String]) -> Result<Prefetched, GitError> {
        let objects = self.objects;
        let named = Mutex::new(HashSet::new());
        let fetch = |oids: &[String], blob_limit| -> Result<(), GitError> {
            let got = objects.prefetch(oids.iter().map(String::as_str), blob_limit)?;
            lock(&named).extend(got.into_iter().map(str::to_owned));
            Ok(())
        };
        let mut roots: Vec<String> = unique(commits.iter().map(|c| c.tree.clone()));
        fetch(&roots, 0)?;
        for part in self.prefix.split('/').filter(|p| !p.is_empty()) {
            roots = children(objects, &roots, |e| {
                e.kind == EntryKind::Tree && e.name == part
            })?;
            fetch(&roots, 0)?;
        }
        let mut blobs = children(objects, &roots, |e| {
            e.kind == EntryKind::Blob && e.name == config::FILE_NAME
        })?;
        for dir in dirs {
            let mut level = roots.clone();
            for part in dir.split('/').filter(|p| !p.is_empty() && *p != ".") {
                level = children(objects, &level, |e| {
                    e.kind == EntryKind::Tree && e.name == part
                })?;
                fetch(&level, 0)?;
            }
            // Then every folder below, one level at a time, as the listing walks them.
            while !level.is_empty() {
                blobs.extend(children(objects, &level, |e| {
                    e.kind == EntryKind::Blob
                        && !e.name.starts_with('.')
                        && tree::is_markdown(&e.name)
                        && !tree::is_readme(&e.name)
                })?);
                level = children(objects, &level, |e| {
                    e.kind == EntryKind::Tree && !e.name.starts_with('.')
                })?;
                fetch(&level, 0)?;
            }
        }
        fetch(&unique(blobs), tree::MAX_FILE_BYTES)?;
        Ok(Prefetched(
            named.into_inner().unwrap_or_else(|e| e.into_inner()),
        ))
    }

    /// `f` applied to the element states of each commit, in order: what history needs.
    /// Each thread takes a run of consecutive commits, which mostly share their files, so
    /// a changed file is rarely checked by two threads.
    pub fn states_each<R: Send>(
        &self,
        commits: &[Commit],
        f: impl Fn(&Commit, Result<States, SnapshotError>) -> R + Sync,
    ) -> Vec<R> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(commits.len() / MIN_COMMITS_PER_THREAD)
            .max(1);
        let run =
            |chunk: &[Commit]| -> Vec<R> { chunk.iter().map(|c| f(c, self.states(c))).collect() };
        if threads == 1 {
            return run(commits);
        }
        let chunks: Vec<&[Commit]> = commits.chunks(commits.len().div_ceil(threads)).collect();
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .iter()
                .map(|chunk| scope.spawn(|| run(chunk)))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    }

    /// Frees what [`Loader::prefetch`] fetched for commits now loaded, except what `keep`
    /// (fetched for the commits to come) needs too.
    pub fn forget(&self, done: Prefetched, keep: Option<&Prefetched>) {
        self.objects.forget(
            done.0
                .iter()
                .filter(|oid| !keep.is_some_and(|k| k.0.contains(*oid)))
                .map(String::as_str),
        );
    }

    /// The evidence as it was at `commit`. A commit without the evidence folder counts every
    /// element as missing; files that cannot be parsed count as invalid, as in the working tree.
    pub fn load(&self, commit: &Commit) -> Result<Snapshot, SnapshotError> {
        let at = self.settings_at(commit)?;
        let mut units = Vec::new();
        for unit in self::units(&at.config) {
            let result = if at.tree.probe(&unit.dir) == PathState::Missing {
                checks::check_unit(&at.catalogue, &EmptyFolder, &unit, &at.options)
            } else {
                checks::check_unit_cached(
                    &at.catalogue,
                    &at.tree,
                    &unit,
                    &at.options,
                    Some(&at.cache),
                )
            };
            units.push(result.map_err(|error| SnapshotError::Tree {
                commit: commit.short.clone(),
                error,
            })?);
        }
        // A failing git process would otherwise pass for unreadable files.
        self.objects.health()?;
        Ok(Snapshot {
            config: at.config,
            catalogue: at.catalogue,
            units,
        })
    }

    /// The element states of every unit at `commit`: [`Loader::load`] without the files
    /// and diagnostics, and much cheaper for a long run of commits.
    pub fn states(&self, commit: &Commit) -> Result<States, SnapshotError> {
        let at = self.settings_at(commit)?;
        let mut units = Vec::new();
        for unit in self::units(&at.config) {
            let tree: &dyn Tree = if at.tree.probe(&unit.dir) == PathState::Missing {
                &EmptyFolder
            } else {
                &at.tree
            };
            let states = checks::unit_states(&at.catalogue, tree, &unit, &at.options, &at.cache)
                .map_err(|error| SnapshotError::Tree {
                    commit: commit.short.clone(),
                    error,
                })?;
            units.push(states);
        }
        self.objects.health()?;
        Ok(States {
            rule: at.config.rule(),
            catalogue: at.catalogue,
            units,
        })
    }

    /// The tree, config, catalogue and check options in force at `commit`.
    fn settings_at(&self, commit: &Commit) -> Result<AtCommit<'a>, SnapshotError> {
        let tree = GitTree::new(self.objects, &commit.tree, &self.prefix)?;
        let short = commit.short.clone();
        let read = |path: &str| -> Result<Option<String>, SnapshotError> {
            if tree.probe(path) != PathState::File {
                return Ok(None);
            }
            let bytes =
                tree.read(path, MAX_SETTINGS_BYTES)
                    .map_err(|source| SnapshotError::Read {
                        commit: short.clone(),
                        path: path.to_owned(),
                        source,
                    })?;
            String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| SnapshotError::NotText {
                    commit: short.clone(),
                    path: path.to_owned(),
                })
        };

        let config_text = read(config::FILE_NAME)?;
        // Bound first: a guard in the `match` would live into its arms.
        let known = config_text
            .as_ref()
            .and_then(|text| lock(&self.configs).get(text).cloned());
        let config = match (&config_text, known) {
            (None, _) => Config::default(),
            (Some(_), Some(c)) => c,
            (Some(text), None) => {
                let c =
                    Config::parse(text, &self.root.join(config::FILE_NAME)).map_err(|error| {
                        SnapshotError::Config {
                            commit: short.clone(),
                            error,
                        }
                    })?;
                lock(&self.configs).insert(text.clone(), c.clone());
                c
            }
        };

        let (catalogue, catalogue_text) = match &config.catalogue {
            None => (Arc::clone(&self.builtin), None),
            Some(setting) => {
                let (text, label) = match setting.value.strip_prefix(&self.root) {
                    Ok(rel) => {
                        let rel = rel.to_string_lossy().replace('\\', "/");
                        let text = read(&rel)?.ok_or_else(|| SnapshotError::NoCatalogue {
                            commit: short.clone(),
                            path: rel.clone(),
                        })?;
                        (text, rel)
                    }
                    // A catalogue outside the repository is not in git: use today's copy.
                    Err(_) => {
                        let text = std::fs::read_to_string(&setting.value).map_err(|source| {
                            SnapshotError::OutsideCatalogue {
                                commit: short.clone(),
                                path: setting.value.display().to_string(),
                                source,
                            }
                        })?;
                        (text, setting.value.display().to_string())
                    }
                };
                let known = lock(&self.catalogues).get(&text).cloned();
                let catalogue = match known {
                    Some(c) => c,
                    None => {
                        let c = Catalogue::from_yaml(&text, &label).map_err(|error| {
                            SnapshotError::Catalogue {
                                commit: short.clone(),
                                error,
                            }
                        })?;
                        let c = Arc::new(c);
                        lock(&self.catalogues).insert(text.clone(), Arc::clone(&c));
                        c
                    }
                };
                (catalogue, Some(text))
            }
        };

        let mut options = check_options(&config, self.today);
        options.last_changed = self.last_changed.clone();
        options.keep_bodies = self.keep_bodies;
        options.front_matter_only = self.front_matter_only;
        let cache = Arc::clone(
            lock(&self.caches)
                .entry((config_text, catalogue_text))
                .or_default(),
        );
        Ok(AtCommit {
            tree,
            config,
            catalogue,
            options,
            cache,
        })
    }
}

/// The objects [`Loader::prefetch`] fetched or found at hand.
#[derive(Debug, Default)]
pub struct Prefetched(HashSet<String>);

/// What is in force at one commit.
struct AtCommit<'a> {
    tree: GitTree<'a>,
    config: Config,
    catalogue: Arc<Catalogue>,
    options: CheckOptions,
    cache: Arc<FileCache>,
}

/// The element states of every unit at one commit (see [`Loader::states`]).
#[derive(Debug)]
pub struct States {
    pub catalogue: Arc<Catalogue>,
    /// The assessment-ready rule of the commit's config.
    pub rule: crate::readiness::Rule,
    pub units: Vec<UnitStates>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `items` without repeats, in first-seen order.
fn unique(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|i| seen.insert(i.clone()))
        .collect()
}

/// The ids of the entries of the trees `parents` that `keep` selects, without repeats.
fn children(
    objects: &Objects,
    parents: &[String],
    keep: impl Fn(&TreeEntry) -> bool,
) -> Result<Vec<String>, GitError> {
    let trees = parents
        .iter()
        .map(|p| objects.tree(p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for t in &trees {
        for e in t.entries.iter().filter(|e| keep(e)) {
            // Copied only the first time: most entries repeat from commit to commit.
            if seen.insert(e.oid.as_str()) {
                out.push(e.oid.clone());
            }
        }
    }
    Ok(out)
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
