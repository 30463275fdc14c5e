//! `--at REV`, shared by every command that reads the evidence.

use clap::Args;
use cse::git::Commit;

/// `--at REV`: flatten this into the arguments of any command that reads the evidence.
#[derive(Debug, Clone, Default, Args)]
pub struct AtArg {
    /// Read the evidence as it was at a commit, tag or branch, or on a day (YYYY-MM-DD: the
    /// last commit before that day), from git, without touching the working tree. Overdue
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
