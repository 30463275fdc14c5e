//! `cse status`

use anyhow::Result;
use cse::gates::{self, StatusGates};
use cse::readiness;
use cse::render;
use cse::render::report::Format;
use cse::views::status::{Grouping, StatusReport};

use super::check::check_all;
use super::{gating, units};
use crate::cli::Outcome;
use crate::cli::args::{Cli, StatusArgs};
use crate::cli::report_args::By;
use crate::cli::settings::Settings;
use crate::cli::{output, terminal};

pub fn run(cli: &Cli, settings: &Settings, args: &StatusArgs) -> Result<Outcome> {
    let checks = check_all(settings)?;
    let format = Format::from(args.format);
    units::require_one_for(format, &checks)?;
    let term = terminal::terminal(cli.color);
    let gates = status_gates(settings, args);

    let mut text = String::new();
    let mut verdicts = Vec::new();
    for check in &checks {
        let readiness = readiness::compute(&settings.catalogue, check);
        for v in gates::check_status(&readiness, &gates) {
            verdicts.push((check.unit.name.clone(), v));
        }
        let report = StatusReport {
            standard: settings.catalogue.name.clone(),
            organisation: settings.config.name.as_ref().map(|n| n.value.clone()),
            unit: check.unit.name.clone(),
            grouping: match args.by {
                By::Criterion => Grouping::Criterion,
                By::Subcriterion => Grouping::Subcriterion,
            },
            readiness,
        };
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&render::status::render(&report, format, &term));
    }
    output::emit(&text)?;
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
