//! `cse plan [--for DATE]`

use anyhow::Result;
use clap::Args;
use cse::assessment::plan;
use cse::render;

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::format_args::OutputFormat;
use crate::cli::settings::Settings;
use crate::cli::{output, source, terminal, visits};

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The date of the visit to plan for; by default a year after the last recorded visit
    /// (today when none is recorded).
    #[arg(long = "for", value_name = "DATE", value_parser = super::history::parse_date)]
    pub visit: Option<jiff::civil::Date>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,

    #[command(flatten)]
    pub at: source::AtArg,
}

pub fn run(cli: &Cli, settings: &Settings, args: &PlanArgs) -> Result<Outcome> {
    let inputs = visits::load(settings, args.at.rev())?;
    let checked = &inputs.checked;
    if let (Some(commit), OutputFormat::Table) = (&checked.commit, args.format) {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    // Changes count only after a visit.
    let dates = if inputs.history.visits.is_empty() {
        Default::default()
    } else {
        visits::last_changed(settings, checked)
    };
    let visit = args
        .visit
        .unwrap_or_else(|| plan::default_date(&inputs.history, checked.project.today));
    let plan = plan::plan(
        &checked.project.catalogue,
        &inputs.history,
        &checked.units,
        &dates,
        visit,
        checked.project.config.cycle_years.value,
    );
    let term = terminal::terminal(cli.color);
    output::emit_with(|out| render::plan::write(&plan, args.format.into(), &term, out))?;
    Ok(Outcome::Clean)
}
