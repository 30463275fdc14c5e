//! Flags of the commands that read evidence and print it in a chosen format: `status`,
//! `priorities`, `show` and `actions`.

use clap::{Args, ValueEnum};
use cse::render::Format;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A table fitted to the terminal.
    Table,
    /// A versioned JSON document (docs/json.md; docs/due.md for `docs`, docs/assessments.md for `plan`).
    Json,
    /// Markdown, for a report or a pull-request comment.
    Markdown,
    /// CSV with a header row, for a spreadsheet.
    Csv,
}

impl From<OutputFormat> for Format {
    fn from(f: OutputFormat) -> Format {
        match f {
            OutputFormat::Table => Format::Table,
            OutputFormat::Json => Format::Json,
            OutputFormat::Markdown => Format::Markdown,
            OutputFormat::Csv => Format::Csv,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// A row per criterion (5).
    Criterion,
    /// A row per sub-criterion (15).
    #[value(alias = "sub-criterion")]
    Subcriterion,
    /// A row per unit, then the institution (with `[units]` in cse.toml).
    Unit,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Rows per criterion, per sub-criterion, or per unit. With several units, criteria and
    /// sub-criteria get a column per unit and one for the institution.
    #[arg(long, value_enum, default_value_t = By::Criterion)]
    pub by: By,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,

    /// Exit 1 when overall readiness is below PCT (0 to 100); with several units, the
    /// institution's. Overrides `gate.fail_under`.
    #[arg(long, value_name = "PCT", value_parser = parse_percent)]
    pub fail_under: Option<f64>,

    /// Exit 1 when any criterion's readiness is below PCT. Overrides `gate.fail_under_criterion`.
    #[arg(long, value_name = "PCT", value_parser = parse_percent)]
    pub fail_under_criterion: Option<f64>,

    /// Exit 1 when any unit's overall readiness is below PCT, naming each such unit.
    /// Overrides `gate.fail_under_unit`.
    #[arg(long, value_name = "PCT", value_parser = parse_percent)]
    pub fail_under_unit: Option<f64>,

    /// Exit 1 unless the evidence is assessment-ready (see docs/readiness.md for the definition).
    #[arg(long)]
    pub require_assessment_ready: bool,

    /// Exit 1 while a partial from the latest recorded assessment is past its due date and
    /// the element is still not ready (see docs/assessments.md).
    #[arg(long)]
    pub require_no_open_partials: bool,

    #[command(flatten)]
    pub at: super::source::AtArg,
}

#[derive(Debug, Args)]
pub struct PrioritiesArgs {
    /// Show only the priority elements that are not ready yet.
    #[arg(long)]
    pub open: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,

    /// Exit 1 when priority readiness is below PCT (0 to 100); with several units, the
    /// institution's. Overrides `gate.priorities_fail_under`.
    #[arg(long, value_name = "PCT", value_parser = parse_percent)]
    pub fail_under: Option<f64>,

    #[command(flatten)]
    pub at: super::source::AtArg,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The element id, such as 1.2.2.
    #[arg(value_name = "ELEMENT")]
    pub element: String,

    #[command(flatten)]
    pub at: super::source::AtArg,
}

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// Show only actions past their due date.
    #[arg(long)]
    pub overdue: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,

    #[command(flatten)]
    pub at: super::source::AtArg,
}

/// A percentage from 0 to 100; a trailing `%` is allowed.
pub fn parse_percent(text: &str) -> Result<f64, String> {
    cse::config::parse_percent(text)
        .ok_or_else(|| format!("`{text}` is not a percentage from 0 to 100"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        assert_eq!(parse_percent("50"), Ok(50.0));
        assert_eq!(parse_percent("50.5%"), Ok(50.5));
        assert_eq!(parse_percent("0"), Ok(0.0));
        assert_eq!(parse_percent("100"), Ok(100.0));
        for bad in ["", "-1", "100.1", "NaN", "inf", "half", "1e3"] {
            assert!(parse_percent(bad).is_err(), "{bad}");
        }
    }
}
