//! `cse next`

use anyhow::Result;
use clap::{Args, ValueEnum};
use cse::documents::Document;
use cse::project::{Evidence, Want};
use cse::render::next::{self, NextFormat};
use cse::views::next::{self as view, NextInput, NextQueue};

use crate::cli::Outcome;
use crate::cli::args::Cli;
use crate::cli::settings::Settings;
use crate::cli::{output, source, terminal};

pub const LONG_ABOUT: &str = "One ranked work queue: for each thing to do, what to do, why, \
the element and file, and who owns it. The queue is ordered by these rules, in turn:\n\
  1. errors that make an element not ready;\n\
  2. priority elements that are missing, not assessed or non-compliant;\n\
  3. partial elements without an open action;\n\
  4. overdue actions;\n\
  5. documents changed since the element's review (W020);\n\
  6. stale reviews;\n\
  7. the other elements that are not ready, priority elements first.\n\
Within a rule, items with the earlier due date come first (undated last), then elements in \
catalogue order.\n\n\
An element's work belongs to its `owner`; an action to its own `owner`, or the element's when \
it has none.";

#[derive(Debug, Args)]
pub struct NextArgs {
    /// Only the work of this owner (names compared ignoring case).
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,

    /// Show only the first N items (1 or more).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = NextFormatArg::Table)]
    pub format: NextFormatArg,

    #[command(flatten)]
    pub at: source::AtArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NextFormatArg {
    /// A numbered entry per item, fitted to the terminal.
    Table,
    /// The versioned JSON document from docs/due.md.
    Json,
    /// A numbered list, for an issue or an email.
    Markdown,
}

/// The ranked queue of what was read; `cse check` ends with its first item.
pub fn queue(
    checked: &Evidence,
    documents: &[Document],
    owner: Option<&str>,
    limit: Option<usize>,
) -> NextQueue {
    view::build(&NextInput {
        catalogue: &checked.project.catalogue,
        checks: &checked.units,
        documents,
        today: checked.project.today,
        owner,
        limit,
    })
}

/// Always clean: the queue is advice, not a gate.
pub fn run(cli: &Cli, settings: &Settings, args: &NextArgs) -> Result<Outcome> {
    let mut checked = settings.read(args.at.rev(), Want::default())?;
    let reviewed = source::review_documents(&mut checked)?;
    if let Some(owner) = &args.owner {
        cse::owners::check_named(&checked.units, owner)?;
    }
    let documents = reviewed.as_ref().map_or(&[][..], |r| &r.documents[..]);
    let limit = args.limit.map(|n| n as usize);
    let queue = queue(&checked, documents, args.owner.as_deref(), limit);
    let format = match args.format {
        NextFormatArg::Table => NextFormat::Table,
        NextFormatArg::Json => NextFormat::Json,
        NextFormatArg::Markdown => NextFormat::Markdown,
    };
    if let (Some(commit), NextFormat::Table) = (&checked.commit, format) {
        output::emit(&format!("{}\n\n", source::describe(commit)))?;
    }
    let term = terminal::terminal(cli.color);
    output::emit(&next::render(&queue, format, &term))?;
    if let Some(why) = reviewed.and_then(|r| r.skipped) {
        source::note_skipped(&why);
    }
    Ok(Outcome::Clean)
}
