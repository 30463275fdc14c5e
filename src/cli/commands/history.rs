//! `cse history`: readiness at every commit that changed the evidence, the config or the catalogue.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use cse::config;
use cse::git::Commit;
use cse::history::{self, Point, Range};
use cse::render;
use cse::snapshot::{Prefetched, SnapshotError};

use crate::cli::Outcome;
use crate::cli::output;
use crate::cli::settings::Settings;
use crate::cli::source::Git;
use crate::cli::terminal;

/// Commits whose objects are fetched from git together.
const WINDOW: usize = 250;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only commits made on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<jiff::civil::Date>,

    /// Only commits made on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
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

/// Readiness at each commit in `range` that changed the evidence, cse.toml or the catalogue,
/// oldest first.
pub fn points(settings: &Settings, range: &Range) -> Result<Vec<Point>> {
    let git = Git::open(settings)?;
    let paths = watched_paths(settings);
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let commits = git.repo.history(&paths)?;
    let chosen = history::select(commits, range);
    let loader = git.loader(settings);
    let dirs: Vec<String> = settings.units().into_iter().map(|u| u.dir).collect();
    let mut points = Vec::with_capacity(chosen.len());
    // A window of commits at a time: their objects are fetched together, the next window's
    // while this one is checked, then let go.
    let windows: Vec<&[Commit]> = chosen.chunks(WINDOW).collect();
    let mut fetched = match windows.first() {
        Some(first) => loader.prefetch(first, &dirs)?,
        None => Prefetched::default(),
    };
    for (i, window) in windows.iter().enumerate() {
        let (loaded, next) = std::thread::scope(|scope| {
            let next = windows
                .get(i + 1)
                .map(|w| scope.spawn(|| loader.prefetch(w, &dirs)));
            let loaded = loader.states_each(window, |commit, states| match states {
                Ok(s) => Ok(Point {
                    commit: commit.clone(),
                    figures: Ok(history::figures_of_states(&s.catalogue, &s.units)),
                }),
                // git itself failing stops the run; a commit's own bad files never do.
                Err(SnapshotError::Git(e)) => Err(e),
                Err(e) => Ok(Point {
                    commit: commit.clone(),
                    figures: Err(e.to_string()),
                }),
            });
            let next = next.map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            (loaded, next.transpose())
        });
        for point in loaded {
            points.push(point?);
        }
        let next = next?;
        loader.forget(fetched, next.as_ref());
        fetched = next.unwrap_or_default();
    }
    Ok(points)
}

pub fn run(settings: &Settings, args: &HistoryArgs) -> Result<Outcome> {
    let range = Range {
        since: args.since,
        until: args.until,
        max: args.max,
    };
    let points = points(settings, &range)?;
    if let Some(file) = &args.svg {
        let title = match &settings.config.name {
            Some(name) => format!("CSE readiness over time: {}", name.value),
            None => "CSE readiness over time".to_owned(),
        };
        cse::safe_write::write_file(
            &settings.root,
            file,
            render::chart::svg(&points, &title).as_bytes(),
        )
        .context("cannot write the chart")?;
    }
    let text = match args.format {
        HistoryFormat::Table => render::history::table(&points, terminal::table_width()),
        HistoryFormat::Csv => render::history::csv(&points),
        HistoryFormat::Json => render::history::json(&points),
        HistoryFormat::Markdown => render::history::markdown(&points),
    };
    output::emit(&text)?;
    Ok(Outcome::Clean)
}

/// What history follows: the evidence folders, `cse.toml`, and the catalogue file if it is
/// in the repository.
fn watched_paths(settings: &Settings) -> Vec<String> {
    let mut paths: Vec<String> = settings.units().into_iter().map(|u| u.dir).collect();
    paths.push(config::FILE_NAME.to_owned());
    if let Some(c) = &settings.config.catalogue
        && let Ok(rel) = c.value.strip_prefix(&settings.root)
    {
        paths.push(rel.to_string_lossy().replace('\\', "/"));
    }
    paths
}
