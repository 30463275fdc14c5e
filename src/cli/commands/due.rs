//! `cse due`

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use cse::project::Want;
use cse::render::due::{self, DueFormat};
use cse::views::due as view;

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::settings::Settings;
use crate::cli::{output, source, terminal};

pub const LONG_ABOUT: &str = "List what falls due, grouped by owner:\n\
  - reviews: an element's evidence falls due for review `review_max_age` after its `reviewed` \
date, or after the file's last commit in git when it has no `reviewed` (the same date after \
which `cse check` warns W001);\n\
  - actions: open actions with a `due` date.\n\n\
Items due within the window (30 days from today unless --within says otherwise) are listed, \
and so is everything overdue. A review belongs to the element's `owner`; an action to its own \
`owner`, or the element's when it has none.\n\n\
`--format markdown` is an email-ready digest per owner; `--format ics` is a calendar with one \
all-day event per item, whose ids stay the same so that importing it again updates the events.";

#[derive(Debug, Args)]
pub struct DueArgs {
    /// The window from today: days (30d), weeks (6w), months (3m) or years (1y).
    #[arg(long, value_name = "SPAN", default_value = "30d", value_parser = parse_within)]
    pub within: jiff::Span,

    /// Only the items of this owner (names compared ignoring case).
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = DueFormatArg::Table)]
    pub format: DueFormatArg,

    #[command(flatten)]
    pub at: source::AtArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DueFormatArg {
    /// A table per owner, fitted to the terminal.
    Table,
    /// The versioned JSON document from docs/due.md.
    Json,
    /// An email-ready digest, a section per owner.
    Markdown,
    /// An iCalendar (RFC 5545) file: one all-day event per item.
    Ics,
}

/// `30d`, `6w`, `3m`, `1y`, or a duration such as `90 days`.
pub fn parse_within(text: &str) -> Result<jiff::Span, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(split);
    let span = match (n.parse::<i64>(), unit) {
        (Ok(n), "d") => jiff::Span::new().try_days(n).ok(),
        (Ok(n), "w") => jiff::Span::new().try_weeks(n).ok(),
        (Ok(n), "m") => jiff::Span::new().try_months(n).ok(),
        (Ok(n), "y") => jiff::Span::new().try_years(n).ok(),
        _ => cse::config::parse_age(t),
    };
    span.filter(|s| !s.is_negative())
        .ok_or_else(|| format!("`{text}` is not a window such as 30d, 6w, 3m or \"90 days\""))
}

/// Always clean: `cse check` flags stale reviews and overdue actions.
pub fn run(cli: &Cli, settings: &Settings, args: &DueArgs) -> Result<Outcome> {
    let checked = settings.read(args.at.rev(), Want::default())?;
    let today = checked.project.today;
    let Ok(until) = today.checked_add(args.within) else {
        bail!("--within {}: the window ends after year 9999", args.within);
    };
    if let Some(owner) = &args.owner {
        cse::owners::check_named(&checked.units, owner)?;
    }
    let report = view::build(&checked.units, today, until, args.owner.as_deref());
    let format = match args.format {
        DueFormatArg::Table => DueFormat::Table,
        DueFormatArg::Json => DueFormat::Json,
        DueFormatArg::Markdown => DueFormat::Markdown,
        DueFormatArg::Ics => DueFormat::Ics,
    };
    if let (Some(commit), DueFormat::Table) = (&checked.commit, format) {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    let name = checked
        .project
        .config
        .name
        .as_ref()
        .map(|n| n.value.as_str());
    let term = terminal::terminal(cli.color);
    output::emit(&due::render(&report, format, &term, name))?;
    Ok(Outcome::Clean)
}
