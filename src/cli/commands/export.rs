//! `cse export`: the evidence matrix as an .xlsx workbook or a .csv file.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use cse::project::Want;
use cse::render::sheet;
use cse::sheet::matrix;
use cse::views::status::{Grouping, StatusReport};

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::out_target::{self, Output};
use crate::cli::settings::Settings;
use crate::cli::source;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file to write: .xlsx for a workbook (Elements, Actions, Summary), .csv for the
    /// Elements sheet. Never inside the evidence folder.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    #[command(flatten)]
    pub at: source::AtArg,
}

pub fn run(cli: &Cli, current: &Settings, args: &ExportArgs) -> Result<Outcome> {
    let extension = args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let xlsx = match extension.as_deref() {
        Some("xlsx") => true,
        Some("csv") => false,
        _ => bail!(
            "--out {}: give a file ending in .xlsx (a workbook) or .csv",
            args.out.display()
        ),
    };
    let target = out_target::resolve(cli, current, &args.out, Output::Export)?;
    let evidence = current.read(args.at.rev(), Want::default())?;
    out_target::refuse_cited(current, &target, &evidence.units, Output::Export)?;
    let (settings, checks) = (&evidence.project, &evidence.units);
    let matrix = matrix::build(&settings.catalogue, checks);
    let bytes = if xlsx {
        let summary = StatusReport::new(
            settings.catalogue.name.clone(),
            settings.config.name.as_ref().map(|n| n.value.clone()),
            match checks.as_slice() {
                [only] => only.unit.name.clone(),
                _ => None,
            },
            Grouping::Criterion,
            evidence.rollup(),
        );
        sheet::xlsx::render(&matrix, &summary).context("cannot make the workbook")?
    } else {
        // A byte-order mark: without it Excel on Windows reads the file as Windows-1252, and
        // "£" shows as "Â£". `cse import` reads it back either way.
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        sheet::csv::write(&matrix, &mut bytes)?;
        bytes
    };
    cse::safe_write::write_file(&settings.root, &target, &bytes)
        .with_context(|| format!("cannot write {}", target.display()))?;
    if let Some(commit) = &evidence.commit {
        eprintln!("{}", source::describe(commit));
    }
    eprintln!(
        "Wrote {} ({} rows)",
        target.display(),
        matrix.elements.len()
    );
    Ok(Outcome::Clean)
}
