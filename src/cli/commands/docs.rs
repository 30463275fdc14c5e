//! `cse docs`

use anyhow::Result;
use clap::Args;
use cse::documents::DocsReport;
use cse::project::{Git, Want};
use cse::render;

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::format_args::OutputFormat;
use crate::cli::settings::Settings;
use crate::cli::{output, source, terminal};

pub const LONG_ABOUT: &str = "List every document the evidence cites with `path:`: the elements \
that cite it, its last change in git (date and commit) and whether it exists. Each citing element \
whose `reviewed` date is before that change is listed as changed since review (`cse check` warns \
about it as W020).\n\nWith `[documents] dir = \"docs\"` in cse.toml, the files under that folder \
that no element cites are listed too.\n\nThe dates come from one `git log` walk over the history; \
without git, or in a shallow clone, they are unknown and a note says why.";

#[derive(Debug, Args)]
pub struct DocsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,

    #[command(flatten)]
    pub at: source::AtArg,
}

/// Always clean: changed documents are for `cse check` (W020) to flag, not a gate.
pub fn run(cli: &Cli, settings: &Settings, args: &DocsArgs) -> Result<Outcome> {
    let evidence = settings.read(args.at.rev(), Want::default())?;
    let project = &evidence.project;
    let dir = project
        .config
        .documents_dir
        .as_ref()
        .map(|d| d.value.as_str());
    let report = match &evidence.commit {
        None => DocsReport::build(&evidence.units, &project.tree()?, &project.root, None, dir),
        Some(commit) => {
            // Whether each document exists is asked of the commit's own tree.
            let git = Git::open(&project.root)?;
            let tree = git.tree_at(commit)?;
            let at = Some(commit.id.as_str());
            DocsReport::build(&evidence.units, &tree, &project.root, at, dir)
        }
    };
    let term = terminal::terminal(cli.color);
    if let (Some(commit), OutputFormat::Table) = (&evidence.commit, args.format) {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    output::emit(&render::docs::render(&report, args.format.into(), &term))?;
    Ok(Outcome::Clean)
}
