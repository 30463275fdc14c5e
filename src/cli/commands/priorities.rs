//! `cse priorities`

use anyhow::Result;
use cse::gates::{self, Figures};
use cse::project::Want;
use cse::render;
use cse::render::Format;
use cse::views::priorities;

use super::gating;
use crate::cli::Outcome;
use crate::cli::args::{Cli, PrioritiesArgs};
use crate::cli::format_args::OutputFormat;
use crate::cli::settings::Settings;
use crate::cli::{output, source, terminal};

pub fn run(cli: &Cli, current: &Settings, args: &PrioritiesArgs) -> Result<Outcome> {
    // With `--at`, the evidence, cse.toml and catalogue are the commit's.
    let evidence = current.read(args.at.rev(), Want::default())?;
    let (settings, checks) = (&evidence.project, &evidence.units);
    if let (Some(commit), OutputFormat::Table) = (&evidence.commit, args.format) {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    let term = terminal::terminal(cli.color);
    let threshold = gating::threshold(
        args.fail_under,
        "--fail-under",
        settings.config.gate.priorities_fail_under.as_ref(),
        "priorities_fail_under",
    );

    let rollup = evidence.rollup();
    let (mut report, figures, unit) = match checks.as_slice() {
        [one] => {
            let summary = rollup.headline().priorities;
            let mut report = priorities::build(&settings.catalogue, one, summary);
            if let Some(unit) = &one.unit.name {
                report.name = format!("{} (unit {unit})", report.name);
            }
            (report, Figures::Unit, one.unit.name.clone())
        }
        _ => (
            priorities::build_rollup(&settings.catalogue, checks, &rollup),
            Figures::Institution,
            None,
        ),
    };
    let verdicts: Vec<_> = threshold
        .iter()
        .map(|t| {
            (
                unit.clone(),
                gates::check_priorities(&report.summary, t, figures),
            )
        })
        .collect();
    if args.open {
        report = report.open_only();
    }
    output::emit_with(|out| {
        render::priorities::write(&report, Format::from(args.format), &term, out)
    })?;
    Ok(gating::finish(&verdicts))
}
