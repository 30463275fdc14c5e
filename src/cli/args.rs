//! Raw command-line flags, exactly as clap parses them. `settings` resolves them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use super::format_args::{ActionsArgs, PrioritiesArgs, ShowArgs, StatusArgs};

/// The heading of the options every command takes, shown after the command's own.
pub const GLOBAL: &str = "Global options";

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
    #[arg(short = 'C', value_name = "DIR", global = true, help_heading = GLOBAL)]
    pub dir: Option<PathBuf>,

    /// Use this config file instead of looking for cse.toml. Paths in it are relative to it.
    #[arg(long = "config", value_name = "FILE", global = true, help_heading = GLOBAL)]
    pub config_file: Option<PathBuf>,

    /// Limit the command to one unit from `[units]` in cse.toml.
    #[arg(long, value_name = "NAME", global = true, help_heading = GLOBAL)]
    pub unit: Option<String>,

    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, help_heading = GLOBAL)]
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

    /// Readiness per criterion, priority readiness and the assessment-ready verdict.
    #[command(
        after_help = "Examples:\n  cse status\n  cse status --by subcriterion --format markdown\n  cse status --fail-under 80 --require-assessment-ready\n  cse status --by unit --fail-under-unit 60"
    )]
    Status(StatusArgs),

    /// The cohort priority elements, each with its status, owner and open actions.
    #[command(
        after_help = "Examples:\n  cse priorities\n  cse priorities --open\n  cse priorities --fail-under 50 --format json"
    )]
    Priorities(PrioritiesArgs),

    /// One element: its text, its place in the standard, its evidence and diagnostics.
    #[command(after_help = "Examples:\n  cse show 1.2.2\n  cse show 4.3.2")]
    Show(ShowArgs),

    /// The action plan: every open action, by due date.
    #[command(after_help = "Examples:\n  cse actions\n  cse actions --overdue --format csv")]
    Actions(ActionsArgs),

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

    /// Create an evidence repository: a file per element, cse.toml, a pre-commit hook and CI.
    #[command(
        long_about = "Create an evidence repository in DIR (by default the current folder): \
evidence/<element>.md for every element of the catalogue, evidence/README.md, cse.toml, \
.pre-commit-config.yaml and .github/workflows/cse.yml, then `git init` when DIR is not in a \
git repository yet.\n\nIt never changes a file that is already there: such files are listed \
and left alone, so running it again is safe.",
        after_help = "Examples:\n  cse init\n  cse init library-evidence\n  cse init --catalogue criteria/our-standard.yaml"
    )]
    Init(InitArgs),

    /// Print the settings in force and where each came from.
    #[command(after_help = "Examples:\n  cse config\n  cse --config ci/strict.toml config")]
    Config,

    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  cse completions bash > ~/.local/share/bash-completion/completions/cse\n  cse completions zsh > ~/.zfunc/_cse\n  cse completions fish > ~/.config/fish/completions/cse.fish\n  cse completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),

    /// Print the manual page (roff), or write a page per command into a folder.
    #[command(
        after_help = "Examples:\n  cse man > cse.1 && man ./cse.1\n  cse man --out man/ && man man/cse-check.1"
    )]
    Man(ManArgs),

    /// Print a JSON Schema of the evidence front matter, an assessment record or a pack's manifest.
    #[command(
        after_help = "Examples:\n  cse schema > evidence.schema.json\n  cse schema --assessment > assessment.schema.json\n  cse schema --manifest > manifest.schema.json"
    )]
    Schema(SchemaArgs),

    /// Readiness at every commit that changed the evidence, a cited document, cse.toml or the catalogue.
    #[command(
        after_help = "Examples:\n  cse history\n  cse history --since 2026-01-01 --format csv\n  cse history --max 20 --svg readiness.svg"
    )]
    History(super::commands::history::HistoryArgs),

    /// Compare readiness between two commits, or a commit and the working tree.
    #[command(
        after_help = "Examples:\n  cse diff origin/main\n  cse diff origin/main --format markdown > comment.md\n  cse diff v1.0 v2.0\n  cse diff origin/main --no-regress   # CI gate: exit 1 if readiness went down"
    )]
    Diff(super::commands::diff::DiffArgs),

    /// The documents the evidence cites: who cites each, its last change in git, and the
    /// elements reviewed before that change.
    #[command(
        long_about = super::commands::docs::LONG_ABOUT,
        after_help = "Examples:\n  cse docs\n  cse docs --format csv > documents.csv"
    )]
    Docs(super::commands::docs::DocsArgs),

    /// Reviews and actions falling due, or overdue, grouped by owner.
    #[command(
        long_about = super::commands::due::LONG_ABOUT,
        after_help = "Examples:\n  cse due\n  cse due --within 60d --owner \"Branch Manager\"\n  cse due --format ics > cse-due.ics\n  cse due --format markdown > digest.md"
    )]
    Due(super::commands::due::DueArgs),

    /// One ranked work queue: what to do next, why, where, and who owns it.
    #[command(
        long_about = super::commands::next::LONG_ABOUT,
        after_help = "Examples:\n  cse next\n  cse next --owner \"Branch Manager\" --limit 5\n  cse next --format markdown"
    )]
    Next(super::commands::next::NextArgs),
    /// The assessor's ratings at a visit beside your self-assessment: counts, Compliance Plus,
    /// partials, changes since the visit before and where you and the assessor differ.
    #[command(
        long_about = "Show one visit recorded in `assessments/YYYY-MM-DD.yaml` (the folder is \
`[assessments] dir` in cse.toml): the assessor's ratings per criterion, the Compliance Plus \
elements, the partials with their due dates (overdue ones flagged), Compliance Plus gained, \
retained and lost and partials closed and new since the visit before, and every element whose \
self-assessed status today (or at `--at REV`) differs from the assessor's latest rating, saying \
when its evidence changed after that rating (from git).",
        after_help = "Examples:\n  cse assessment\n  cse assessment 2026-03-14 --format markdown\n  cse assessment --format json\n  cse assessment --at v1.0"
    )]
    Assessment(super::commands::assessment::AssessmentArgs),

    /// What the next visit must cover, with a reason for each element.
    #[command(
        long_about = "List the elements the next assessment visit must cover, each with its reasons: \
rated partial or non-compliant at the last visit; evidence (or a document it cites) changed since \
the last visit, from git; not rated at any visit in the last `[cycle] years` (3 by default): the \
longest unrated first, a yearly share of the standard; rated Compliance Plus and not reviewed since.\n\nThe rotation over `[cycle] years` \
is cse's configurable convention for covering the whole standard over a certification cycle, not \
a published rule of the Customer Service Excellence standard.",
        after_help = "Examples:\n  cse plan\n  cse plan --for 2027-03-01\n  cse plan --format csv > next-visit.csv"
    )]
    Plan(super::commands::plan::PlanArgs),

    /// The evidence matrix as an Excel workbook (.xlsx) or a CSV file.
    #[command(
        after_help = "Examples:\n  cse export --out matrix.xlsx\n  cse export --out matrix.csv\n  cse export --out matrix-v1.xlsx --at v1.0"
    )]
    Export(super::commands::export::ExportArgs),

    /// Read a spreadsheet (.xlsx, .xls, .ods, .csv) and plan, or with --write make, the changes.
    #[command(
        long_about = "Read statuses, owners, review dates, evidence titles and narratives from a \
spreadsheet (.xlsx, .xls, .ods or .csv) and plan the changes to the evidence files: create, \
update (old -> new), unchanged or conflict, one line per element. Nothing is written without \
--write. Values a file already has are never replaced without --overwrite.",
        after_help = "Examples:\n  cse import matrix.xlsx\n  cse import matrix.xlsx --write\n  cse import tracker.ods --sheet \"2026\" --map status=\"Our RAG\"\n  cse import matrix.csv --write --overwrite\n\nExit codes: 0 the plan is clean, 1 some cells could not be read, 2 the file or its columns cannot be read."
    )]
    Import(super::commands::import::ImportArgs),

    /// Write the evidence pack an assessor receives: one zip with a page per element, the
    /// evidence, every cited document, the report and a manifest of SHA-256 hashes.
    #[command(
        long_about = "Write the evidence pack an assessor receives: one reproducible zip with index.html, a page per element, the evidence files, a copy of every local document they cite, report.html, and manifest.json and manifest.csv listing every file with its SHA-256.\n\nItems marked `internal: true` and files matching `[pack] withhold` in cse.toml are listed as withheld and not copied. The pack is not written when a cited document is missing or outside the repository, or when the privacy check finds personal data (unless --allow-personal-data).",
        after_help = "Examples:\n  cse pack --out evidence-pack.zip\n  cse pack --verify evidence-pack.zip"
    )]
    Pack(super::commands::pack::PackArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write cse.1 and a cse-COMMAND.1 page for every command into DIR (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of an assessment record (assessments/YYYY-MM-DD.yaml) instead.
    #[arg(long, conflicts_with = "manifest")]
    pub assessment: bool,

    /// The schema of manifest.json in a pack written by `cse pack` instead.
    #[arg(long)]
    pub manifest: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the repository in; created if missing.
    #[arg(value_name = "DIR", default_value = ".")]
    pub target: PathBuf,

    /// Scaffold from this catalogue instead of the built-in one (also written to cse.toml).
    #[arg(long, value_name = "FILE")]
    pub catalogue: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Exit 1 on warnings as well as errors.
    #[arg(long)]
    pub deny_warnings: bool,

    /// Print errors only (the summary still counts warnings).
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print every warning in full, instead of folding repeats of one code after 5.
    #[arg(short, long)]
    pub verbose: bool,

    #[command(flatten)]
    pub at: super::source::AtArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Snippets pointing at the line, then a summary.
    Human,
    /// The versioned JSON schema in docs/json.md.
    Json,
    /// GitHub Actions annotations.
    Github,
    /// A JUnit XML test report (GitLab and others).
    Junit,
    /// A SARIF 2.1.0 log, for GitHub code scanning.
    Sarif,
    /// A GitLab Code Quality report, for merge requests.
    Gitlab,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Where to write the report; `-` for standard output. Never inside the evidence folder.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,

    #[command(flatten)]
    pub at: super::source::AtArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page.
    Html,
    /// Markdown tables, for a wiki or READINESS.md.
    Markdown,
}
