//! `cse import`: read a spreadsheet, plan the changes to the evidence, and with `--write`
//! make them.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use cse::diagnostic::{Diagnostic, Summary, excerpt};
use cse::project::Want;
use cse::render::diagnostics::summary_line;
use cse::render::sheet::plan as render_plan;
use cse::sheet::cells::{self, Sheet};
use cse::sheet::columns::{self, Columns, Field, Mapping};
use cse::sheet::plan::{self, PlanOptions};
use cse::sheet::{rows, write};

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::output;
use crate::cli::settings::Settings;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The spreadsheet: .xlsx, .xls, .ods or .csv.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Read this sheet (by default the first sheet with an element column).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// Read FIELD from the column headed HEADER, such as `--map status="Our RAG"`. Fields:
    /// element, status, owner, reviewed, narrative, evidence, unit.
    #[arg(long = "map", value_name = "FIELD=HEADER")]
    pub maps: Vec<String>,

    /// Make the planned changes (without it, only the plan is printed).
    #[arg(long)]
    pub write: bool,

    /// Replace values the evidence already has with the sheet's (conflicts).
    #[arg(long)]
    pub overwrite: bool,
}

pub fn run(cli: &Cli, settings: &Settings, args: &ImportArgs) -> Result<Outcome> {
    let maps = args
        .maps
        .iter()
        .map(|m| parse_map(m))
        .collect::<Result<Vec<_>>>()?;
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let path = cli
        .dir
        .as_ref()
        .map_or(cwd.clone(), |d| cwd.join(d))
        .join(&args.file);
    let sheets = cells::read(&path)?;
    let (sheet, mut found) = pick_sheet(&sheets, args.sheet.as_deref(), &maps)?;
    for m in &maps {
        if found.column(m.field).is_none() {
            bail!(
                "--map {}={}: sheet `{}` has no column headed so\nheaders seen (row {}): {}",
                m.field.name(),
                excerpt(&m.header),
                excerpt(&sheet.name),
                found.header_row + 1,
                listed(&columns::headers_shown(sheet, found.header_row))
            );
        }
    }
    // Rows may name any unit in cse.toml; with `--unit`, only that unit's rows are planned.
    let units = settings.units();
    let unit_names: Vec<String> = cse::project::units_of(&settings.config)
        .into_iter()
        .filter_map(|u| u.name)
        .collect();
    if unit_names.is_empty() {
        found.found.retain(|(f, _)| *f != Field::Unit);
    } else if units.len() > 1 && found.column(Field::Unit).is_none() {
        bail!(
            "this repository has {} units, and sheet `{}` has no Unit column to say which unit each row is for\n\
             hint: add a Unit column, or import one unit at a time with `--unit NAME`",
            units.len(),
            excerpt(&sheet.name)
        );
    }
    let checks = settings.read(None, Want::default())?.units;
    let read = rows::read(sheet, &found, &settings.catalogue, &unit_names);
    let tree = settings.tree()?;
    let plan = plan::plan(
        &settings.catalogue,
        &checks,
        &tree,
        &sheet.name,
        read.rows,
        read.errors,
        PlanOptions {
            overwrite: args.overwrite,
            max_file_bytes: settings.check_options().max_file_bytes,
        },
    );
    eprintln!("{}", describe(&path, sheet, &found));
    output::emit_with(|out| render_plan::write(&plan, out))?;
    if !plan.errors.is_empty() {
        if args.write {
            eprintln!("Nothing written: fix the cells above first, then import again.");
        }
        return Ok(Outcome::Findings);
    }
    if !args.write {
        if plan.writes().next().is_some() {
            eprintln!("Dry run: nothing written. Run again with --write to make these changes.");
        }
        return Ok(Outcome::Clean);
    }
    let written = write::write(&settings.root, &plan);
    let mut failed = 0;
    for w in &written {
        if let Err(why) = &w.result {
            failed += 1;
            eprintln!("error: {} not written: {why}", excerpt(&w.element.path));
        }
    }
    output::emit(&format!(
        "Wrote {} of {} planned files.\n",
        written.len() - failed,
        written.len()
    ))?;
    let after = settings.read(None, Want::default())?.units;
    let diagnostics: Vec<Diagnostic> = after
        .iter()
        .flat_map(|c| c.diagnostics.iter().cloned())
        .collect();
    let files = after.iter().map(|c| c.files_checked).sum();
    output::emit(&format!(
        "cse check: {}\n",
        summary_line(&Summary::of(&diagnostics, files))
    ))?;
    if failed > 0 {
        bail!("{failed} of the planned files could not be written");
    }
    Ok(Outcome::Clean)
}

/// `FIELD=HEADER`.
fn parse_map(text: &str) -> Result<Mapping> {
    let names = Field::ALL.map(Field::name).join(", ");
    let Some((field, header)) = text.split_once('=') else {
        bail!(
            "--map {}: write FIELD=HEADER, such as status=\"Our RAG\"",
            excerpt(text)
        );
    };
    let Some(field) = Field::parse(field) else {
        bail!(
            "--map {}: `{}` is not a field; the fields are {names}",
            excerpt(text),
            excerpt(field)
        );
    };
    if columns::normalise(header).is_empty() {
        bail!("--map {}: give the header after `=`", excerpt(text));
    }
    Ok(Mapping {
        field,
        header: header.to_owned(),
    })
}

/// The sheet `--sheet` names, or the first with an element column, and its columns.
fn pick_sheet<'s>(
    sheets: &'s [Sheet],
    name: Option<&str>,
    maps: &[Mapping],
) -> Result<(&'s Sheet, Columns)> {
    let candidates: Vec<&Sheet> = match name {
        Some(n) => {
            let Some(s) = sheets.iter().find(|s| s.name == n).or_else(|| {
                sheets
                    .iter()
                    .find(|s| s.name.eq_ignore_ascii_case(n.trim()))
            }) else {
                bail!(
                    "--sheet {}: there is no such sheet; the sheets are {}",
                    excerpt(n),
                    listed(&sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>())
                );
            };
            vec![s]
        }
        None => sheets.iter().collect(),
    };
    for s in &candidates {
        if let Some(found) = columns::find(s, maps) {
            return Ok((s, found));
        }
    }
    let mut message = String::from("no element column found: cse looks for a header such as ");
    message.push_str(&listed(
        &Field::Element
            .headers()
            .iter()
            .map(|h| (*h).to_owned())
            .collect::<Vec<_>>(),
    ));
    message.push_str(&format!(
        " in the first {} rows\n",
        columns::HEADER_SEARCH_ROWS
    ));
    for s in &candidates {
        let seen = columns::first_row_shown(s);
        message.push_str(&format!(
            "headers seen in sheet `{}`: {}\n",
            excerpt(&s.name),
            if seen.is_empty() {
                "none (the sheet is empty)".to_owned()
            } else {
                listed(&seen)
            }
        ));
    }
    message.push_str("hint: name the column with `--map element=HEADER`");
    bail!(message)
}

/// "Element", "Status": each value quoted and cleaned for the terminal.
fn listed(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{}\"", excerpt(v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Reading matrix.xlsx, sheet Elements, headers on row 1: element from A "Element", ..."
fn describe(path: &std::path::Path, sheet: &Sheet, found: &Columns) -> String {
    let columns: Vec<String> = found
        .found
        .iter()
        .map(|(field, c)| {
            format!(
                "{} from {} \"{}\"",
                field.name(),
                cse::sheet::column_letters(*c),
                excerpt(sheet.cell(found.header_row, *c).shown().trim())
            )
        })
        .collect();
    format!(
        "Reading {}, sheet `{}`, headers on row {}: {}",
        excerpt(&path.file_name().unwrap_or_default().to_string_lossy()),
        excerpt(&sheet.name),
        found.header_row + 1,
        columns.join(", ")
    )
}
