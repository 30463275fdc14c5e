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
        after_help = "Examples:\n  cse check\n  cse check --format github\n  cse check --deny-warnings\n  cse check --at v1.0"
    )]
    Check(CheckArgs),

    /// Readiness at every commit that changed the evidence, cse.toml or the catalogue.
    #[command(
        after_help = "Examples:\n  cse history\n  cse history --since 2026-01-01 --format csv\n  cse history --max 20 --svg readiness.svg"
    )]
    History(super::commands::history::HistoryArgs),

    /// Compare readiness between two commits, or a commit and the working tree.
    #[command(
        after_help = "Examples:\n  cse diff origin/main\n  cse diff origin/main --format markdown > comment.md\n  cse diff v1.0 v2.0\n  cse diff origin/main --no-regress   # CI gate: exit 1 if readiness went down"
    )]
    Diff(super::commands::diff::DiffArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Exit 1 on warnings as well as errors.
    #[arg(long)]
    pub deny_warnings: bool,

    #[command(flatten)]
    pub at: super::source::AtArg,
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
