//! `cse priorities`

use anyhow::Result;
use cse::gates;
use cse::readiness;
use cse::render;
use cse::render::report::Format;
use cse::views::priorities;

use super::check::check_all;
use super::{gating, units};
use crate::cli::Outcome;
use crate::cli::args::{Cli, PrioritiesArgs};
use crate::cli::settings::Settings;
use crate::cli::{output, terminal};

pub fn run(cli: &Cli, settings: &Settings, args: &PrioritiesArgs) -> Result<Outcome> {
    let checks = check_all(settings)?;
    let format = Format::from(args.format);
    units::require_one_for(format, &checks)?;
    let term = terminal::terminal(cli.color);
    let threshold = gating::threshold(
        args.fail_under,
        "--fail-under",
        settings.config.gate.priorities_fail_under.as_ref(),
        "priorities_fail_under",
    );

    let mut text = String::new();
    let mut verdicts = Vec::new();
    for check in &checks {
        let summary = readiness::compute(&settings.catalogue, check).priorities;
        if let Some(t) = &threshold {
            verdicts.push((
                check.unit.name.clone(),
                gates::check_priorities(&summary, t),
            ));
        }
        let mut report = priorities::build(&settings.catalogue, check, summary);
        if let Some(unit) = &check.unit.name {
            report.name = format!("{} (unit {unit})", report.name);
        }
        if args.open {
            report = report.open_only();
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&render::priorities::render(&report, format, &term));
    }
    output::emit(&text)?;
    Ok(gating::finish(&verdicts))
}
