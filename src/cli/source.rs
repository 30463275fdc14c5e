//! `--at REV`, shared by every command that reads the evidence.

use clap::Args;
use cse::diagnostic::Code;
use cse::documents::{self, NoHistory};
use cse::git::Commit;
use cse::project::Evidence;

/// `--at REV`: flatten this into the arguments of any command that reads the evidence.
#[derive(Debug, Clone, Default, Args)]
pub struct AtArg {
    /// Read the evidence as it was at a commit, tag or branch, or on a day (YYYY-MM-DD: the
    /// last commit made on or before that day, so its own commits count), from git, without touching the working tree. Overdue
    /// actions and stale reviews are judged on the commit's date (CSE_TODAY still wins).
    #[arg(long, value_name = "REV")]
    pub at: Option<String>,
}

impl AtArg {
    pub fn rev(&self) -> Option<&str> {
        self.at.as_deref()
    }
}

/// "Evidence at commit 1a2b3c4 (2026-01-05): Add 1.2.2", for a line above the output.
pub fn describe(commit: &Commit) -> String {
    format!(
        "Evidence at commit {} ({}): {}",
        commit.short,
        commit.date,
        cse::render::escape::terminal(&commit.subject)
    )
}

/// W020 over the evidence read, with the project's setting; see [`documents::review`]. `None`
/// for evidence read at a commit: documents are compared in the working tree only, since
/// their history is today's.
pub fn review_documents(evidence: &mut Evidence) -> anyhow::Result<Option<documents::Reviewed>> {
    if evidence.commit.is_some() {
        return Ok(None);
    }
    let project = &evidence.project;
    let tree = project.tree()?;
    let enabled = project.config.changed_since_review.value;
    Ok(Some(documents::review(
        &mut evidence.units,
        &tree,
        &project.root,
        enabled,
    )))
}

/// The one note, on standard error, when changed-since-review could not be checked.
pub fn note_skipped(why: &NoHistory) {
    eprintln!(
        "note: changed-since-review ({}) was not checked: {}",
        Code::ChangedSinceReview.id(),
        why.reason()
    );
}
