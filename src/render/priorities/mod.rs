//! `cse priorities` in each output format.

mod csv;
mod json;
mod markdown;
mod table;

pub use json::SCHEMA_VERSION;

use super::report::Format;
use super::text::{Terminal, percent};
use crate::checks::ElementStatus;
use crate::evidence::Status;
use crate::views::priorities::PrioritiesReport;

/// The priorities report in `format`; `term` matters only to the table.
pub fn render(report: &PrioritiesReport, format: Format, term: &Terminal) -> String {
    match format {
        Format::Table => table::render(report, term),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report),
        Format::Csv => csv::render(report),
    }
}

/// "14 of 24 elements ready (58.3%)"
fn counts_line(report: &PrioritiesReport) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{} of {} elements ready ({})",
        s.ready,
        s.elements,
        percent(s.readiness)
    );
    if report.only_open {
        line.push_str("; showing the ones not ready");
    }
    line
}

/// "Chelmsford cohort priorities: 14 of 24 elements ready (58.3%)"
fn summary_line(report: &PrioritiesReport) -> String {
    format!("{}: {}", report.name, counts_line(report))
}

/// What to say instead of an empty table, if the table would be empty.
fn empty_message(report: &PrioritiesReport) -> Option<String> {
    if !report.rows.is_empty() {
        None
    } else if report.summary.elements == 0 {
        Some("The catalogue has no priority list.".into())
    } else {
        Some(format!(
            "All {} priority elements are ready.",
            report.summary.elements
        ))
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Whether a status is good, on the way, or a problem.
fn status_tone(status: ElementStatus) -> super::text::Tone {
    use super::text::Tone;
    match status {
        ElementStatus::Rated(Status::Compliant | Status::CompliancePlus) => Tone::Good,
        ElementStatus::Rated(Status::Partial) => Tone::Warning,
        _ => Tone::Bad,
    }
}
