//! `cse actions`

use anyhow::Result;
use cse::project::Want;
use cse::render;
use cse::views::actions;

use crate::cli::Outcome;
use crate::cli::args::{ActionsArgs, Cli};
use crate::cli::format_args::OutputFormat;
use crate::cli::settings::Settings;
use crate::cli::{output, source, terminal};

/// Always clean: overdue actions are for `cse check` (W003) to flag, not a gate.
pub fn run(cli: &Cli, settings: &Settings, args: &ActionsArgs) -> Result<Outcome> {
    let evidence = settings.read(args.at.rev(), Want::default())?;
    let mut plan = actions::build(&evidence.units, evidence.project.today);
    if args.overdue {
        plan = plan.overdue_only();
    }
    let term = terminal::terminal(cli.color);
    if let (Some(commit), OutputFormat::Table) = (&evidence.commit, args.format) {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    output::emit_with(|out| render::actions::write(&plan, args.format.into(), &term, out))?;
    Ok(Outcome::Clean)
}
