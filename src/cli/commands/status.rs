//! `cse status`

use anyhow::Result;
use cse::gates::{self, Figures, StatusGates};
use cse::project::Want;
use cse::render;
use cse::render::Format;
use cse::views::status::{Grouping, StatusReport};

use super::gating;
use crate::cli::Outcome;
use crate::cli::args::{Cli, StatusArgs};
use crate::cli::format_args::{By, OutputFormat};
use crate::cli::settings::Settings;
use crate::cli::{output, source, terminal, visits};

pub fn run(cli: &Cli, current: &Settings, args: &StatusArgs) -> Result<Outcome> {
    // With `--at`, the evidence, cse.toml and catalogue are the commit's.
    let evidence = current.read(args.at.rev(), Want::default())?;
    let (settings, checks) = (&evidence.project, &evidence.units);
    if let (Some(commit), OutputFormat::Table) = (&evidence.commit, args.format) {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    let rollup = evidence.rollup();
    let gates = status_gates(settings, args);

    // The gates judge the headline figures: the institution's when there are several units.
    let (figures, unit) = if rollup.is_institution() {
        (Figures::Institution, None)
    } else {
        (
            Figures::Unit,
            checks.first().and_then(|c| c.unit.name.clone()),
        )
    };
    let mut verdicts: Vec<_> = gates::check_status(rollup.headline(), &gates, figures)
        .into_iter()
        .map(|v| (unit.clone(), v))
        .collect();
    if let Some(t) = &gates.fail_under_unit {
        // With several units each line names its unit.
        verdicts.push((unit.clone(), gates::check_units(&rollup.units, t)));
    }

    if args.require_no_open_partials {
        let history = visits::history(current)?;
        let report = history.latest().map(|latest| {
            cse::assessment::visit::report(
                &settings.catalogue,
                &history,
                latest,
                &rollup,
                checks,
                &std::collections::HashMap::new(),
                settings.today,
            )
        });
        verdicts.push((
            unit.clone(),
            cse::assessment::visit::open_partials_gate(
                report.as_ref(),
                "--require-no-open-partials",
                figures,
            ),
        ));
    }

    let report = StatusReport::new(
        settings.catalogue.name.clone(),
        settings.config.name.as_ref().map(|n| n.value.clone()),
        unit,
        match args.by {
            By::Criterion => Grouping::Criterion,
            By::Subcriterion => Grouping::Subcriterion,
            By::Unit => Grouping::Unit,
        },
        rollup,
    );
    let term = terminal::terminal(cli.color);
    output::emit_with(|out| render::status::write(&report, Format::from(args.format), &term, out))?;
    Ok(gating::finish(&verdicts))
}

fn status_gates(settings: &Settings, args: &StatusArgs) -> StatusGates {
    let config = &settings.config.gate;
    StatusGates {
        fail_under: gating::threshold(
            args.fail_under,
            "--fail-under",
            config.fail_under.as_ref(),
            "fail_under",
        ),
        fail_under_criterion: gating::threshold(
            args.fail_under_criterion,
            "--fail-under-criterion",
            config.fail_under_criterion.as_ref(),
            "fail_under_criterion",
        ),
        fail_under_unit: gating::threshold(
            args.fail_under_unit,
            "--fail-under-unit",
            config.fail_under_unit.as_ref(),
            "fail_under_unit",
        ),
        require_assessment_ready: if args.require_assessment_ready {
            Some("--require-assessment-ready".into())
        } else {
            config
                .require_assessment_ready
                .as_ref()
                .filter(|s| s.value)
                .map(|s| gating::config_source("require_assessment_ready", &s.origin))
        },
    }
}
