//! Raw command-line flags, exactly as clap parses them. `settings` resolves them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "cse",
    version,
    about = "Check Customer Service Excellence evidence and measure readiness",
    long_about = "Check Customer Service Excellence (CSE) evidence kept as markdown files in git, \
and measure readiness for assessment.\n\nThe repository root is the nearest folder, from the \
current one upwards, that holds `cse.toml` or an `evidence/` folder.",
    after_help = "Exit codes: 0 clean, 1 findings or a failed gate, 2 usage, config, catalogue or I/O error."
)]
pub struct Cli {
    /// Run as if started in DIR, like `git -C`.
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub dir: Option<PathBuf>,

    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set (CLICOLOR_FORCE forces it).
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every evidence file: coverage, front matter, paths, links, dates.
    #[command(
        after_help = "Examples:\n  cse check\n  cse check --format github\n  cse check --deny-warnings"
    )]
    Check(CheckArgs),
    /// Write a readiness report: one self-contained HTML page, or markdown tables.
    #[command(
        long_about = "Write a readiness report for managers, boards and assessors: the organisation's \
name, readiness by criterion as a chart, the assessment verdict and its reasons, the cohort priority \
elements, every element with its owner and review date, the action plan and each element's narrative.\n\n\
HTML is one self-contained file (inline CSS and SVG, no scripts, nothing fetched) that opens from \
disk and prints cleanly. Markdown suits a wiki or a READINESS.md.",
        after_help = "Examples:\n  cse report --out readiness.html\n  cse report --format markdown --out READINESS.md\n  cse report --out - > report.html"
    )]
    Report(ReportArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Exit 1 on warnings as well as errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Snippets pointing at the line, then a summary.
    Human,
    /// The versioned JSON schema from the README.
    Json,
    /// GitHub Actions annotations.
    Github,
    /// A JUnit XML test report (GitLab and others).
    Junit,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Where to write the report; `-` for standard output. Never inside the evidence folder.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page.
    Html,
    /// Markdown tables, for a wiki or READINESS.md.
    Markdown,
}
