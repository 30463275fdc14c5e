//! `cse diff BASE [HEAD]`: what a change does to readiness, and the no-regression gate.

use anyhow::Result;
use clap::{Args, ValueEnum};
use cse::delta::{self, Side};
use cse::git::Commit;
use cse::render::delta::{self as render, Revision, Sides};

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::output;
use crate::cli::settings::Settings;
use crate::cli::terminal;
use cse::project::{Evidence, Git, Want};

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// What to compare from: a commit, tag, branch (such as origin/main) or day (YYYY-MM-DD).
    #[arg(value_name = "BASE")]
    pub base: String,

    /// What to compare to, likewise; the working tree when left out.
    #[arg(value_name = "HEAD")]
    pub head: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,

    /// Exit 1 when any criterion's readiness went down, or an element that was ready no longer
    /// is. `no_regress = true` under `[gate]` in cse.toml does the same.
    #[arg(long)]
    pub no_regress: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// A summary for the terminal.
    Table,
    /// A comment for a pull request.
    Markdown,
    /// A versioned JSON document.
    Json,
}

fn revision(rev: &str, commit: &Commit) -> Revision {
    Revision {
        rev: Some(rev.to_owned()),
        commit: Some(commit.id.clone()),
        short: Some(commit.short.clone()),
    }
}

pub fn run(cli: &Cli, settings: &Settings, args: &DiffArgs) -> Result<Outcome> {
    let git = Git::open(&settings.root)?;
    let base_commit = git.repo.resolve(&args.base)?;
    let head_commit = args
        .head
        .as_deref()
        .map(|h| git.repo.resolve(h))
        .transpose()?;
    let before = settings.read_commit(&git, base_commit.clone(), Want::default())?;
    let after = match &head_commit {
        Some(c) => settings.read_commit(&git, c.clone(), Want::default())?,
        None => settings.read(None, Want::default())?,
    };
    fn side(e: &Evidence) -> Side<'_> {
        Side {
            catalogue: &e.project.catalogue,
            units: &e.units,
            rule: e.project.rule(),
        }
    }
    let delta = delta::compare(side(&before), side(&after));
    let sides = Sides {
        before: revision(&args.base, &base_commit),
        after: match (&args.head, &head_commit) {
            (Some(rev), Some(c)) => revision(rev, c),
            _ => Revision {
                rev: None,
                commit: None,
                short: None,
            },
        },
    };
    let gate = args.no_regress
        || settings
            .config
            .gate
            .no_regress
            .as_ref()
            .is_some_and(|s| s.value);
    let term = terminal::terminal(cli.color);
    output::emit_with(|out| match args.format {
        DiffFormat::Table => render::table(&delta, &sides, gate, &term, out),
        DiffFormat::Markdown => render::markdown(&delta, &sides, gate, out),
        DiffFormat::Json => render::json(&delta, &sides, out),
    })?;
    Ok(if gate && delta.is_regression() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
