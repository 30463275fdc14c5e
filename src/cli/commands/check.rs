//! `cse check`

use anyhow::{Context, Result};
use cse::checks::{self, UnitCheck};
use cse::diagnostic::{Diagnostic, Summary};
use cse::render::diagnostics::{Github, Human, Json, Junit, Render};

use crate::cli::Outcome;
use crate::cli::args::{CheckArgs, CheckFormat, Cli};
use crate::cli::output;
use crate::cli::settings::Settings;

/// Checks every unit. Shared by the commands that need check results.
pub fn check_all(settings: &Settings) -> Result<Vec<UnitCheck>> {
    let tree = settings.tree()?;
    let options = settings.check_options();
    let units = settings.units();
    checks::check_units(&settings.catalogue, &tree, &units, &options)
        .into_iter()
        .zip(&units)
        .map(|(result, unit)| {
            result.with_context(|| format!("cannot check the evidence folder `{}`", unit.dir))
        })
        .collect()
}

pub fn run(cli: &Cli, settings: &Settings, args: &CheckArgs) -> Result<Outcome> {
    let results = check_all(settings)?;
    let diagnostics: Vec<Diagnostic> = results
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect();
    let files = results.iter().map(|r| r.files_checked).sum();
    let summary = Summary::of(&diagnostics, files);
    let renderer: Box<dyn Render> = match args.format {
        CheckFormat::Human => Box::new(Human {
            color: output::use_color(cli.color),
        }),
        CheckFormat::Json => Box::new(Json),
        CheckFormat::Github => Box::new(Github),
        CheckFormat::Junit => Box::new(Junit),
    };
    output::emit(&renderer.render(&diagnostics, &summary))?;
    let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    Ok(if failed {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
