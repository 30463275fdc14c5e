//! Where check results come from: the working tree, or a commit read from git (`--at REV`).

use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use cse::catalogue::Catalogue;
use cse::checks::{self, UnitCheck};
use cse::diagnostic::Code;
use cse::documents::{self, Document};
use cse::git::{Commit, GitError, LastChangedDates, Objects, Repo};
use cse::snapshot::Loader;

use super::settings::Settings;

/// `--at REV`: flatten this into the arguments of any command that reads the evidence.
#[derive(Debug, Clone, Default, Args)]
pub struct AtArg {
    /// Read the evidence as it was at a commit, tag or branch, or on a day (YYYY-MM-DD: the
    /// last commit before that day), from git, without touching the working tree.
    #[arg(long, value_name = "REV")]
    pub at: Option<String>,
}

/// Check results of every unit, with the settings they were made with.
pub struct Checked {
    /// The settings in force: today's, or, with `--at`, the commit's `cse.toml` and catalogue.
    pub settings: Settings,
    pub units: Vec<UnitCheck>,
    /// The commit that was read; `None` for the working tree.
    pub commit: Option<Commit>,
}

/// Check results from the working tree (`at` is `None`) or from the commit `at` names.
pub fn unit_checks(settings: &Settings, at: Option<&str>) -> Result<Checked> {
    match at {
        None => Ok(Checked {
            settings: settings.clone(),
            units: working_tree(settings, true)?,
            commit: None,
        }),
        Some(rev) => {
            let git = Git::open(settings)?;
            let commit = git.resolve(rev)?;
            let dates = LastChangedDates::new(&settings.root, &commit.id, vec![".".into()]);
            let loader = git.loader(settings).with_last_changed(Arc::new(dates));
            let snapshot = loader.load(&commit)?;
            Ok(Checked {
                settings: settings
                    .with_snapshot(snapshot.config, Arc::unwrap_or_clone(snapshot.catalogue))?,
                units: snapshot.units,
                commit: Some(commit),
            })
        }
    }
}

/// Checks every unit of the working tree. With `git_dates`, a file without `reviewed` is
/// judged stale by its last commit (git is asked only if such a file exists, and is optional).
pub fn working_tree(settings: &Settings, git_dates: bool) -> Result<Vec<UnitCheck>> {
    let tree = settings.tree()?;
    let mut options = settings.check_options();
    let units = settings.units();
    if git_dates {
        let dirs = units.iter().map(|u| u.dir.clone()).collect();
        options.last_changed = Some(Arc::new(LastChangedDates::new(
            &settings.root,
            "HEAD",
            dirs,
        )));
    }
    checks::check_units(&settings.catalogue, &tree, &units, &options)
        .into_iter()
        .zip(&units)
        .map(|(result, unit)| {
            result.with_context(|| format!("cannot check the evidence folder `{}`", unit.dir))
        })
        .collect()
}

/// Documents cited by reviewed elements, with their last change when git knows it.
pub struct ReviewedDocuments {
    pub documents: Vec<Document>,
    /// Why changed-since-review was not checked, for a note under the results.
    pub note: Option<String>,
}

/// W020: adds a warning to `units` for each element reviewed before a document it cites last
/// changed in git. One `git log` walk, and only when a reviewed element cites a document;
/// off with `[checks] changed_since_review = false`. Without git, or in a shallow clone,
/// nothing is added and the note says why.
pub fn review_documents(settings: &Settings, units: &mut [UnitCheck]) -> Result<ReviewedDocuments> {
    let mut reviewed = ReviewedDocuments {
        documents: Vec::new(),
        note: None,
    };
    if !settings.config.changed_since_review.value {
        return Ok(reviewed);
    }
    let tree = settings.tree()?;
    let mut cited = documents::cited(units, &tree);
    cited.retain(|d| d.exists && d.citations.iter().any(|c| c.reviewed.is_some()));
    // Commits before the oldest review cannot have changed a document since a review.
    let since = documents::oldest_review(&cited);
    match documents::attach_history(&mut cited, &settings.root, since) {
        Ok(()) => documents::add_to_checks(units, documents::review_warnings(&cited, &tree)),
        Err(why) => {
            reviewed.note = Some(format!(
                "changed-since-review ({}) was not checked: {}",
                Code::ChangedSinceReview.id(),
                why.reason()
            ));
        }
    }
    reviewed.documents = cited;
    Ok(reviewed)
}

/// The repository's git history, for the commands that read it.
pub struct Git {
    pub repo: Repo,
    objects: Objects,
}

impl Git {
    /// Opens the repository around the evidence. A shallow clone is refused: its history is partial.
    pub fn open(settings: &Settings) -> Result<Git> {
        let repo = Repo::open(&settings.root)?;
        repo.require_full_history()?;
        let objects = repo.objects()?;
        Ok(Git { repo, objects })
    }

    pub fn resolve(&self, rev: &str) -> Result<Commit, GitError> {
        self.repo.resolve(rev)
    }

    /// A loader of snapshots that shares this repository's object reader and caches.
    pub fn loader(&self, settings: &Settings) -> Loader<'_> {
        // The built-in catalogue is part of the binary, so it cannot fail to load.
        let builtin = Catalogue::builtin().unwrap_or_else(|_| settings.catalogue.clone());
        Loader::new(
            &self.objects,
            self.repo.prefix(),
            &settings.root,
            builtin,
            settings.today,
        )
    }
}

/// "Evidence at commit 1a2b3c4 (2026-01-05): Add 1.2.2", for a line above the output.
pub fn describe(commit: &Commit) -> String {
    format!(
        "Evidence at commit {} ({}): {}",
        commit.short, commit.date, commit.subject
    )
}
