//! `cse actions`

use anyhow::Result;
use cse::render;
use cse::views::actions;

use super::check::check_all;
use crate::cli::Outcome;
use crate::cli::args::{ActionsArgs, Cli};
use crate::cli::settings::Settings;
use crate::cli::{output, terminal};

/// Always clean: overdue actions are for `cse check` (W003) to flag, not a gate.
pub fn run(cli: &Cli, settings: &Settings, args: &ActionsArgs) -> Result<Outcome> {
    let checks = check_all(settings)?;
    let mut plan = actions::build(&checks, settings.today);
    if args.overdue {
        plan = plan.overdue_only();
    }
    let term = terminal::terminal(cli.color);
    output::emit_with(|out| render::actions::write(&plan, args.format.into(), &term, out))?;
    Ok(Outcome::Clean)
}
