//! `cse docs`

use anyhow::Result;
use clap::Args;
use cse::documents::DocsReport;
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
    let (evidence, report) = DocsReport::read(settings, args.at.rev())?;
    let term = terminal::terminal(cli.color);
    if let (Some(commit), OutputFormat::Table) = (&evidence.commit, args.format) {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    output::emit(&render::docs::render(&report, args.format.into(), &term))?;
    output::leave_to_exit((evidence, report));
    Ok(Outcome::Clean)
}
