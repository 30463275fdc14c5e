//! `cse history`: readiness at every commit that changed the evidence, a cited document, the
//! config or the catalogue.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use cse::history::Range;
use cse::render;

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::out_target::{self, Output};
use crate::cli::output;
use crate::cli::settings::Settings;
use crate::cli::terminal;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only commits made on or after this day (YYYY-MM-DD, the committer's calendar day).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<jiff::civil::Date>,

    /// Only commits made on or before this day (YYYY-MM-DD), its own commits included.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<jiff::civil::Date>,

    /// Only the N most recent of those commits.
    #[arg(long, value_name = "N")]
    pub max: Option<usize>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,

    /// Also write a line chart of readiness per criterion over time to FILE (SVG).
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// One row per commit, then a sparkline of overall readiness.
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// A versioned JSON document.
    Json,
    /// A markdown table.
    Markdown,
}

pub fn run(cli: &Cli, settings: &Settings, args: &HistoryArgs) -> Result<Outcome> {
    let range = Range {
        since: args.since,
        until: args.until,
        max: args.max,
    };
    // Checked before the history is read, so a refused path costs nothing.
    let svg = match &args.svg {
        Some(file) => Some(out_target::resolve(cli, settings, file, Output::Chart)?),
        None => None,
    };
    let points = settings.history(&range, None)?;
    let visits = crate::cli::visits::history(settings)?;
    let marks = cse::assessment::marks(&settings.catalogue, &visits, &points);
    let dates: Vec<jiff::civil::Date> = marks.iter().map(|m| m.date).collect();
    if let Some(file) = &svg {
        let title = match &settings.config.name {
            Some(name) => format!("CSE readiness over time: {}", name.value),
            None => "CSE readiness over time".to_owned(),
        };
        cse::safe_write::write_file(
            &settings.root,
            file,
            cse::report::svg::history_file(&points, &title, &dates).as_bytes(),
        )
        .with_context(|| format!("cannot write the chart to {}", file.display()))?;
    }
    output::emit_with(|out| match args.format {
        HistoryFormat::Table => {
            let term = terminal::plain();
            render::history::table(&points, &term, out)?;
            render::history::visits(&marks, false, term.width, out)
        }
        HistoryFormat::Csv => render::history::csv(&points, out),
        HistoryFormat::Json => render::history::json(&points, &marks, out),
        HistoryFormat::Markdown => {
            render::history::markdown(&points, out)?;
            render::history::visits(&marks, true, 0, out)
        }
    })?;
    Ok(Outcome::Clean)
}

/// `--since`/`--until`: a `YYYY-MM-DD` date, with the right form of a day-first one.
pub fn parse_date(value: &str) -> Result<jiff::civil::Date, String> {
    cse::dates::parse(value).map_err(|e| format!("{e}; {}", e.hint()))
}
