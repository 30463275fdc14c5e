//! The one pipeline every command goes through: find the repository, load its config,
//! catalogue and units ([`Project::open`]), then read the evidence of the working tree or of a
//! commit ([`Project::read`]), or of every commit in a range ([`Project::history`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::catalogue::{Catalogue, CatalogueError};
use crate::checks::{self, CheckOptions, Unit, UnitCheck};
use crate::config::{self, Config, ConfigError, Origin, Setting};
use crate::git::{Commit, GitError, LastChangedDates, Objects, Repo};
use crate::history::{Figures, Point, Range};
use crate::readiness::Rule;
use crate::rollup::{self, Rollup, UnitElements};
use crate::snapshot::{Loader, Prefetched, SnapshotError};
use crate::tree::{FsTree, TreeError};
use crate::units::SelectError;

/// Commits whose objects are fetched from git together by [`Project::history`].
const WINDOW: usize = 250;

/// Where to look for the repository, from the command line.
#[derive(Debug, Clone, Default)]
pub struct Locate {
    /// The folder to start from (the current one, or `-C DIR`).
    pub start: PathBuf,
    /// `--config FILE`, as given (relative to `start`).
    pub config_file: Option<PathBuf>,
    /// `--unit NAME`.
    pub unit: Option<String>,
    /// The folder paths are shown relative to: the current folder.
    pub shown_from: Option<PathBuf>,
}

/// Which day "today" is, for staleness and overdue actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today {
    /// Set by the user (`CSE_TODAY`): it wins everywhere.
    pub fixed: Option<Date>,
    /// The clock's date.
    pub clock: Date,
}

impl Today {
    /// The working tree is judged on `fixed` or the clock; a commit on `fixed` or its own date.
    pub fn at(self, commit: Option<&Commit>) -> Date {
        self.fixed.or(commit.map(|c| c.date)).unwrap_or(self.clock)
    }
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

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error(
        "no evidence repository found in {} or its parents (looked for cse.toml or an evidence/ folder)",
        .0.display()
    )]
    NotFound(PathBuf),
    #[error("--config {}: no such file", .0.display())]
    NoConfigFile(PathBuf),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{at}cannot read the catalogue {}", .path.display())]
    CatalogueRead {
        at: String,
        path: PathBuf,
        #[source]
        source: crate::tree::ReadError,
    },
    #[error("{at}the catalogue {} is not valid UTF-8", .path.display())]
    CatalogueNotText { at: String, path: PathBuf },
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    #[error(transparent)]
    Unit(#[from] SelectError),
    #[error("unit `{name}`: its folder `{dir}` {problem}{at}")]
    UnitFolder {
        name: String,
        dir: String,
        problem: &'static str,
        at: String,
    },
    #[error("{at}`evidence_dir = {dir:?}`: the folder {problem}")]
    EvidenceFolder {
        dir: String,
        problem: &'static str,
        /// "cse.toml:3: ", where the setting is.
        at: String,
        /// A folder of that name's parent with a close name.
        meant: Option<String>,
    },
    #[error("cannot open {}", .0.display())]
    Open(PathBuf, #[source] std::io::Error),
    #[error("cannot check the evidence folder `{dir}`")]
    Check {
        dir: String,
        #[source]
        source: TreeError,
    },
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
}

impl ProjectError {
    /// What to do about it, when there is something to say.
    pub fn hint(&self) -> Option<String> {
        let said = |s: &str| Some(s.to_owned());
        match self {
            ProjectError::NotFound(_) => {
                said("run `cse init` to create one, or `cse -C DIR` to point at one")
            }
            ProjectError::EvidenceFolder { meant, .. } => Some(match meant {
                Some(m) => format!("did you mean `evidence_dir = {m:?}`?"),
                None => "create the folder, or correct `evidence_dir` in cse.toml".to_owned(),
            }),
            ProjectError::UnitFolder { .. } => {
                said("create the folder, or correct the unit's path under `[units]` in cse.toml")
            }
            ProjectError::Unit(e) => Some(e.hint()),
            ProjectError::Git(e) | ProjectError::Snapshot(SnapshotError::Git(e)) => {
                e.hint().map(str::to_owned)
            }
            ProjectError::Check { source, .. } => source.hint.map(str::to_owned),
            ProjectError::Snapshot(SnapshotError::Tree { error, .. }) => {
                error.hint.map(str::to_owned)
            }
            _ => None,
        }
    }
}

/// The hint that goes with an error of the core, wherever it is in a chain of causes.
pub fn hint_of(error: &(dyn std::error::Error + 'static)) -> Option<String> {
    if let Some(e) = error.downcast_ref::<ProjectError>() {
        e.hint()
    } else if let Some(e) = error.downcast_ref::<GitError>() {
        e.hint().map(str::to_owned)
    } else if let Some(e) = error.downcast_ref::<SelectError>() {
        Some(e.hint())
    } else if let Some(e) = error.downcast_ref::<crate::owners::UnknownOwner>() {
        Some(e.hint())
    } else if let Some(e) = error.downcast_ref::<TreeError>() {
        e.hint.map(str::to_owned)
    } else {
        None
    }
}

/// A repository with its settings resolved: root, config, catalogue, units and today.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    /// How the config file was chosen.
    pub config_source: ConfigSource,
    pub catalogue: Catalogue,
    /// The day the working tree is judged on.
    pub today: Date,
    days: Today,
    /// The units this run works on: every unit, or the one `--unit` names.
    units: Vec<Unit>,
    /// The `--unit` name, kept to select again from a commit's config.
    unit_filter: Option<String>,
}

/// The evidence as read once, with the settings it was read with: the working tree's, or
/// with `--at`, the commit's `cse.toml` and catalogue.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub project: Project,
    pub units: Vec<UnitCheck>,
    /// The commit that was read; `None` for the working tree.
    pub commit: Option<Commit>,
}

impl Evidence {
    /// The figures and the verdict: the one roll-up every command reports.
    pub fn rollup(&self) -> Rollup {
        rollup::roll_up(&self.project.catalogue, &self.units, self.project.rule())
    }

    /// The repository-relative paths of the documents this evidence cites, for a `git log`
    /// pathspec: deleting one changes readiness as surely as editing the evidence. Past
    /// [`MAX_CITED_PATHSPECS`] documents, their first folders instead, which git walks much
    /// faster than many long paths.
    pub fn cited_paths(&self) -> Vec<String> {
        let mut paths = std::collections::BTreeSet::new();
        for file in self.units.iter().flat_map(|u| &u.files) {
            let Some(front) = &file.front else { continue };
            paths.extend(front.evidence.iter().filter_map(|item| {
                crate::tree::resolve(&file.path, item.path.as_ref()?.value.trim())
            }));
        }
        paths.retain(|p| !p.is_empty());
        if paths.len() > MAX_CITED_PATHSPECS {
            paths = paths
                .iter()
                .map(|p| p.split('/').next().unwrap_or(p).to_owned())
                .collect();
        }
        paths.into_iter().collect()
    }
}

/// Past this many cited documents, [`Evidence::cited_paths`] gives their first folders.
pub const MAX_CITED_PATHSPECS: usize = 256;

/// What [`Project::read`] keeps besides the figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Want {
    /// Each file's markdown body, for reports.
    pub bodies: bool,
    /// Only each file's front matter, parsed as always but checked by no rule (see
    /// [`CheckOptions::front_matter_only`]): for listings of what the files cite and who owns
    /// them. The units' diagnostics and figures are then incomplete: never roll them up.
    pub front_matter_only: bool,
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

/// `path` relative to `base` when inside it (`.` for `base` itself); else `path` unchanged.
pub fn relative(path: &Path, base: Option<&Path>) -> PathBuf {
    match base.map(|b| path.strip_prefix(b)) {
        Some(Ok(rel)) if rel.as_os_str().is_empty() => PathBuf::from("."),
        Some(Ok(rel)) => rel.to_owned(),
        _ => path.to_owned(),
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

/// "cse.toml:3: ", naming the line a setting came from; empty for a default.
fn place(origin: &Origin) -> String {
    match origin {
        Origin::File(path, line) => format!("{}:{line}: ", path.display()),
        Origin::Default => String::new(),
    }
}

/// The catalogue named in cse.toml, or the built-in one.
pub fn load_catalogue(setting: Option<&Setting<PathBuf>>) -> Result<Catalogue, ProjectError> {
    let Some(s) = setting else {
        return Ok(Catalogue::builtin()?);
    };
    let at = place(&s.origin);
    let bytes =
        crate::tree::read_file(&s.value, crate::tree::MAX_FILE_BYTES).map_err(|source| {
            ProjectError::CatalogueRead {
                at: at.clone(),
                path: s.value.clone(),
                source,
            }
        })?;
    let text = String::from_utf8(bytes).map_err(|_| ProjectError::CatalogueNotText {
        at,
        path: s.value.clone(),
    })?;
    Ok(Catalogue::from_yaml(&text, &s.value.display().to_string())?)
}

/// The units of a config: the evidence folder as one unit when none are configured.
pub fn units_of(config: &Config) -> Vec<Unit> {
    crate::snapshot::units(config)
}

impl Project {
    /// Finds the repository and resolves its settings.
    pub fn open(locate: &Locate, days: Today) -> Result<Project, ProjectError> {
        let start = &locate.start;
        let shown = |p: &Path| relative(p, locate.shown_from.as_deref());
        let (root, config, config_source) = match &locate.config_file {
            Some(file) => {
                let file = start.join(file);
                if file.symlink_metadata().is_err() {
                    return Err(ProjectError::NoConfigFile(shown(&file)));
                }
                let config_dir = file.parent().unwrap_or(Path::new("."));
                // The repository is found as usual; only the config file is overridden.
                let root = find_root(start)
                    .map(|(root, _)| root)
                    .or_else(|| git_root(start))
                    .unwrap_or_else(|| config_dir.to_owned());
                let base = folder_in(&root, config_dir);
                let config = Config::load_in(&shown(&file), base.as_deref())?;
                (root, config, ConfigSource::Flag)
            }
            None => {
                let Some((root, config_path)) = find_root(start) else {
                    return Err(ProjectError::NotFound(start.clone()));
                };
                match &config_path {
                    Some(p) => (root, Config::load(&shown(p))?, ConfigSource::Found),
                    None => (root, Config::default(), ConfigSource::Absent),
                }
            }
        };
        let catalogue = load_catalogue(config.catalogue.as_ref())?;
        let units = crate::units::select(units_of(&config), locate.unit.as_deref())?;
        check_unit_folders(&root, &config, &units)?;
        Ok(Project {
            root,
            config,
            config_source,
            catalogue,
            today: days.at(None),
            days,
            units,
            unit_filter: locate.unit.clone(),
        })
    }

    /// The units to work on: the evidence folder as one unit when none are configured, and
    /// only the unit named by `--unit` when given.
    pub fn units(&self) -> Vec<Unit> {
        self.units.clone()
    }

    /// The assessment-ready rule of this config.
    pub fn rule(&self) -> Rule {
        self.config.rule()
    }

    pub fn tree(&self) -> Result<FsTree, ProjectError> {
        FsTree::new(&self.root).map_err(|e| ProjectError::Open(self.root.clone(), e))
    }

    pub fn check_options(&self) -> CheckOptions {
        crate::snapshot::check_options(&self.config, self.today)
    }

    /// The same project with the config and catalogue a commit had, judged on `today`;
    /// units are chosen again from that config, with the same `--unit`.
    fn at_commit(
        &self,
        config: Config,
        catalogue: Catalogue,
        today: Date,
    ) -> Result<Project, ProjectError> {
        let units = crate::units::select(units_of(&config), self.unit_filter.as_deref())?;
        Ok(Project {
            config,
            catalogue,
            units,
            today,
            ..self.clone()
        })
    }

    /// The evidence of the working tree (`at` is `None`) or of the commit `at` names (a hash,
    /// tag, branch or day), checked with the settings in force there. A file without
    /// `reviewed` is judged stale by its last commit.
    pub fn read(&self, at: Option<&str>, want: Want) -> Result<Evidence, ProjectError> {
        match at {
            None => Ok(Evidence {
                project: self.clone(),
                units: self.check_working_tree(want)?,
                commit: None,
            }),
            Some(rev) => {
                let git = Git::open(&self.root)?;
                let commit = git.repo.resolve(rev)?;
                self.read_commit(&git, commit, want)
            }
        }
    }

    /// [`Project::read`] of a commit already resolved.
    pub fn read_commit(
        &self,
        git: &Git,
        commit: Commit,
        want: Want,
    ) -> Result<Evidence, ProjectError> {
        let today = self.days.at(Some(&commit));
        let mut loader = git
            .loader(&self.root, today)?
            .with_bodies(want.bodies)
            .with_front_matter_only(want.front_matter_only);
        if !want.front_matter_only {
            let dates = LastChangedDates::new(&self.root, &commit.id, vec![".".into()]);
            loader = loader.with_last_changed(Arc::new(dates));
        }
        let snapshot = loader.load(&commit)?;
        let project = self.at_commit(
            snapshot.config,
            Arc::unwrap_or_clone(snapshot.catalogue),
            today,
        )?;
        // The commit's units, limited to `--unit` as in the working tree.
        let units = snapshot
            .units
            .into_iter()
            .filter(|u| project.units.contains(&u.unit))
            .collect();
        Ok(Evidence {
            project,
            units,
            commit: Some(commit),
        })
    }

    fn check_working_tree(&self, want: Want) -> Result<Vec<UnitCheck>, ProjectError> {
        let tree = self.tree()?;
        let mut options = self.check_options();
        options.keep_bodies = want.bodies;
        options.front_matter_only = want.front_matter_only;
        if !want.front_matter_only {
            let dirs = self.units.iter().map(|u| u.dir.clone()).collect();
            options.last_changed = Some(Arc::new(LastChangedDates::new(&self.root, "HEAD", dirs)));
        }
        checks::check_units(&self.catalogue, &tree, &self.units, &options)
            .into_iter()
            .zip(&self.units)
            .map(|(result, unit)| {
                result.map_err(|source| ProjectError::Check {
                    dir: unit.dir.clone(),
                    source,
                })
            })
            .collect()
    }

    /// Readiness at each commit in `range` that changed the evidence, cse.toml, the
    /// catalogue or a document the working tree cites, oldest first: the same roll-up as
    /// [`Evidence::rollup`], commit by commit. `working` is the working tree's evidence when
    /// the caller has read it already; otherwise its front matter is read for the citations.
    pub fn history(
        &self,
        range: &Range,
        working: Option<&Evidence>,
    ) -> Result<Vec<Point>, ProjectError> {
        let git = Git::open(&self.root)?;
        let mut paths = self.watched_paths();
        match working.filter(|w| w.commit.is_none()) {
            Some(evidence) => paths.extend(evidence.cited_paths()),
            None => {
                let want = Want {
                    front_matter_only: true,
                    ..Want::default()
                };
                paths.extend(self.read(None, want)?.cited_paths());
            }
        }
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        let commits = git.repo.history(&paths)?;
        let chosen = crate::history::select(commits, range);
        let loader = git.loader(&self.root, self.today)?;
        let dirs: Vec<String> = self.units.iter().map(|u| u.dir.clone()).collect();
        let mut points = Vec::with_capacity(chosen.len());
        // A window of commits at a time: their objects are fetched together, the next
        // window's while this one is checked, then let go.
        let windows: Vec<&[Commit]> = chosen.chunks(WINDOW).collect();
        let mut fetched = match windows.first() {
            Some(first) => loader.prefetch(first, &dirs)?,
            None => Prefetched::default(),
        };
        for (i, window) in windows.iter().enumerate() {
            let (loaded, next) = std::thread::scope(|scope| {
                let next = windows
                    .get(i + 1)
                    .map(|w| scope.spawn(|| loader.prefetch(w, &dirs)));
                let loaded = loader.states_each(window, |commit, states| {
                    let figures = match states {
                        Ok(s) => {
                            let units: Vec<UnitElements> = s
                                .units
                                .iter()
                                .filter(|u| self.selects(&u.unit))
                                .map(UnitElements::from)
                                .collect();
                            let errors = s
                                .units
                                .iter()
                                .filter(|u| self.selects(&u.unit))
                                .map(|u| u.errors)
                                .sum();
                            Ok(Figures::of(&s.catalogue, &units, errors, s.rule))
                        }
                        // git itself failing stops the run; a commit's own bad files never do.
                        Err(SnapshotError::Git(e)) => return Err(e),
                        Err(e) => Err(with_causes(&e)),
                    };
                    Ok(Point {
                        commit: commit.clone(),
                        figures,
                    })
                });
                let next = next.map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
                (loaded, next.transpose())
            });
            for point in loaded {
                points.push(point?);
            }
            let next = next?;
            loader.forget(fetched, next.as_ref());
            fetched = next.unwrap_or_default();
        }
        Ok(points)
    }

    /// Whether a commit's unit is one this run works on (every unit, or `--unit`'s).
    fn selects(&self, unit: &Unit) -> bool {
        match &self.unit_filter {
            None => true,
            Some(name) => unit.name.as_deref() == Some(name.as_str()),
        }
    }

    /// What history follows besides the citations: the evidence folders, `cse.toml`, and
    /// the catalogue file if it is in the repository.
    fn watched_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self.units.iter().map(|u| u.dir.clone()).collect();
        paths.push(config::FILE_NAME.to_owned());
        if let Some(c) = &self.config.catalogue
            && let Ok(rel) = c.value.strip_prefix(&self.root)
        {
            paths.push(rel.to_string_lossy().replace('\\', "/"));
        }
        paths
    }
}

/// An error and its causes, as one line: "cannot read x at commit y: not found".
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut line = error.to_string();
    let mut cause = error.source();
    while let Some(c) = cause {
        line.push_str(": ");
        line.push_str(&c.to_string());
        cause = c.source();
    }
    line
}

/// Each named unit's folder must exist: a typo in cse.toml would otherwise report 57 missing files.
fn check_unit_folders(root: &Path, config: &Config, units: &[Unit]) -> Result<(), ProjectError> {
    if let (Origin::File(path, line), [unit]) = (&config.evidence_dir.origin, units)
        && unit.name.is_none()
    {
        let folder = root.join(&unit.dir);
        if !folder.is_dir() {
            return Err(ProjectError::EvidenceFolder {
                dir: config.evidence_dir.value.clone(),
                problem: if folder.exists() {
                    "is not a folder"
                } else {
                    "does not exist"
                },
                at: format!("{}:{line}: ", path.display()),
                meant: close_folder(&folder).map(|close| {
                    let value = config.evidence_dir.value.trim_end_matches('/');
                    match value.rsplit_once('/') {
                        Some((parent, _)) => format!("{parent}/{close}"),
                        None => close,
                    }
                }),
            });
        }
    }
    for unit in units {
        let Some(name) = &unit.name else { continue };
        let folder = root.join(&unit.dir);
        if !folder.is_dir() {
            let problem = if folder.exists() {
                "is not a folder"
            } else {
                "does not exist"
            };
            let at = match &config.units.origin {
                Origin::File(path, line) => format!(" ({}:{line})", path.display()),
                Origin::Default => String::new(),
            };
            return Err(ProjectError::UnitFolder {
                name: name.clone(),
                dir: unit.dir.clone(),
                problem,
                at,
            });
        }
    }
    Ok(())
}

/// A folder beside `missing` whose name is close to its name: `evidence` for `evidnce`.
fn close_folder(missing: &Path) -> Option<String> {
    let name = missing.file_name()?.to_str()?;
    let parent = missing.parent()?;
    let folders: Vec<String> = std::fs::read_dir(parent)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect();
    crate::suggest::closest(name, folders.iter().map(String::as_str)).map(str::to_owned)
}

/// The repository's git history, for the commands that read it.
pub struct Git {
    pub repo: Repo,
    objects: Objects,
}

impl Git {
    /// Opens the repository around `root`. A shallow clone is refused: its history is partial.
    pub fn open(root: &Path) -> Result<Git, GitError> {
        let repo = Repo::open(root)?;
        repo.require_full_history()?;
        let objects = repo.objects()?;
        Ok(Git { repo, objects })
    }

    /// The tree of `commit`, seen from the evidence repository's folder.
    pub fn tree_at(&self, commit: &Commit) -> Result<crate::git::GitTree<'_>, GitError> {
        crate::git::GitTree::new(&self.objects, &commit.tree, self.repo.prefix())
    }

    /// A loader of snapshots that shares this repository's object reader and caches.
    pub fn loader(&self, root: &Path, today: Date) -> Result<Loader<'_>, CatalogueError> {
        Ok(Loader::new(
            &self.objects,
            self.repo.prefix(),
            root,
            Catalogue::builtin()?,
            today,
        ))
    }
}
