//! `cse assessment [DATE|latest]`

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use cse::assessment::visit;
use cse::render;
use cse::render::Format;

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::settings::Settings;
use crate::cli::{output, source, terminal, visits};

#[derive(Debug, Args)]
pub struct AssessmentArgs {
    /// The visit to show: its date (YYYY-MM-DD), or `latest`.
    #[arg(value_name = "DATE", default_value = "latest")]
    pub visit: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = AssessmentFormat::Table)]
    pub format: AssessmentFormat,

    #[command(flatten)]
    pub at: source::AtArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AssessmentFormat {
    /// Tables and lists for the terminal.
    Table,
    /// The versioned JSON document in docs/assessments.md.
    Json,
    /// Markdown, for a report or a wiki.
    Markdown,
}

pub fn run(cli: &Cli, settings: &Settings, args: &AssessmentArgs) -> Result<Outcome> {
    let inputs = visits::load(settings, args.at.rev())?;
    let history = &inputs.history;
    let dir = &settings.config.assessments_dir.value;
    let Some(latest) = history.latest() else {
        bail!(
            "no assessment is recorded in `{dir}`\n\
             hint: after a visit, write the assessor's ratings to `{dir}/YYYY-MM-DD.yaml`; `cse init` writes an example in `{dir}/README.md`"
        );
    };
    let chosen = if args.visit == "latest" {
        latest
    } else {
        let known = || {
            history
                .visits
                .iter()
                .map(|v| v.date.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Ok(date) = args.visit.parse::<jiff::civil::Date>() else {
            bail!(
                "`{}` is not a date (YYYY-MM-DD) or `latest`\nhint: the recorded visits are on {}",
                args.visit,
                known()
            );
        };
        match history.on(date) {
            Some(v) => v,
            None => bail!(
                "no visit on {date} is recorded in `{dir}`\nhint: the recorded visits are on {}",
                known()
            ),
        }
    };
    let checked = &inputs.checked;
    let format = match args.format {
        AssessmentFormat::Table => Format::Table,
        AssessmentFormat::Json => Format::Json,
        AssessmentFormat::Markdown => Format::Markdown,
    };
    if let (Some(commit), Format::Table) = (&checked.commit, format) {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    let rollup = checked.rollup();
    let dates = visits::last_changed(settings, checked);
    let report = visit::report(
        &checked.project.catalogue,
        history,
        chosen,
        &rollup,
        &checked.units,
        &dates,
        checked.project.today,
    );
    let term = terminal::terminal(cli.color);
    output::emit_with(|out| render::assessment::write(&report, format, &term, out))?;
    Ok(Outcome::Clean)
}
