//! `cse report`

use anyhow::{Context, Result};
use cse::history::{Day, Point, Range};
use cse::project::{Evidence, Want};
use cse::report::{self, Findings, HistoryPoint, Inputs, Meta, Report};

use crate::cli::Outcome;
use crate::cli::args::{Cli, ReportArgs, ReportFormat};
use crate::cli::out_target::{self, Output};
use crate::cli::output;
use crate::cli::settings::Settings;

pub fn run(cli: &Cli, settings: &Settings, args: &ReportArgs) -> Result<Outcome> {
    // Decide where the report goes before any work, so a bad --out fails fast.
    let target = if args.out.as_os_str() == "-" {
        None
    } else {
        Some(out_target::resolve(
            cli,
            settings,
            &args.out,
            Output::Report,
        )?)
    };
    let (evidence, report) = read(settings, args.at.rev())?;
    if let Some(path) = &target {
        out_target::refuse_cited(settings, path, &evidence.units, Output::Report)?;
    }
    let emit = |out: &mut dyn std::io::Write| match args.format {
        ReportFormat::Html => report::html::write(&report, out),
        ReportFormat::Markdown => report::markdown::write(&report, out),
    };
    match target {
        None => output::emit_with(emit)?,
        Some(path) => {
            cse::safe_write::write_with(&settings.root, &path, |file| {
                let mut out = std::io::BufWriter::new(file);
                emit(&mut out)?;
                std::io::Write::flush(&mut out)
            })
            .with_context(|| format!("cannot write the report to {}", path.display()))?;
            eprintln!("Wrote {}", path.display());
        }
    }
    Ok(Outcome::Clean)
}

/// The evidence at `rev` (the working tree when `None`), with bodies, and its report.
pub(super) fn read(settings: &Settings, rev: Option<&str>) -> Result<(Evidence, Report)> {
    let evidence = settings.read(
        rev,
        Want {
            bodies: true,
            ..Want::default()
        },
    )?;
    let project = &evidence.project;
    let commit = match &evidence.commit {
        Some(c) => Some(c.clone()),
        None => cse::git::Repo::open(&settings.root)
            .and_then(|repo| repo.resolve("HEAD"))
            .ok(),
    };
    // Where git history is there (not a shallow clone), readiness over time up to the
    // commit read.
    let points: Vec<Point> = settings
        .history(&Range::default(), Some(&evidence))
        .map(|points| {
            points
                .into_iter()
                .filter(|p| {
                    evidence
                        .commit
                        .as_ref()
                        .is_none_or(|c| p.commit.time <= c.time)
                })
                .collect()
        })
        .unwrap_or_default();
    // One point per day, the figures after its last commit; a day without figures is left out.
    let history = cse::history::days(&points)
        .iter()
        .filter_map(history_point)
        .collect();
    let findings = findings(settings, &evidence, &points)?;
    let report = Report::build(Inputs {
        catalogue: &project.catalogue,
        meta: Meta {
            organisation: project.config.name.as_ref().map(|n| n.value.clone()),
            standard: project.catalogue.name.clone(),
            date: project.today,
            commit: commit.map(|c| c.short),
        },
        checks: &evidence.units,
        rule: project.rule(),
        history,
        findings,
    });
    Ok((evidence, report))
}

/// The latest recorded visit beside the evidence read, and each visit's Compliance Plus.
fn findings(
    settings: &Settings,
    evidence: &Evidence,
    points: &[Point],
) -> Result<Option<Findings>> {
    let visits = crate::cli::visits::history(settings)?;
    let Some(latest) = visits.latest() else {
        return Ok(None);
    };
    let project = &evidence.project;
    let dates = crate::cli::visits::last_changed(settings, evidence);
    Ok(Some(Findings {
        latest: cse::assessment::visit::report(
            &project.catalogue,
            &visits,
            latest,
            &evidence.rollup(),
            &evidence.units,
            &dates,
            project.today,
        ),
        visits: cse::assessment::marks(&project.catalogue, &visits, points),
    }))
}

/// A day of `cse history` as the report charts it.
fn history_point(day: &Day) -> Option<HistoryPoint> {
    let p = day.point;
    let f = p.figures.as_ref().ok()?;
    Some(HistoryPoint {
        date: day.date,
        commit: p.commit.short.clone(),
        commits: day.commits,
        overall: f.overall.readiness,
        criteria: f
            .criteria
            .iter()
            .map(|c| (c.id.clone(), c.fraction.readiness))
            .collect(),
    })
}
