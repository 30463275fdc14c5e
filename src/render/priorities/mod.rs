//! `cse priorities` in each output format.

mod csv;
mod json;
mod markdown;
mod table;

pub use json::SCHEMA_VERSION;

use std::io::{self, Write};

use super::Format;
use super::text::{Terminal, list_upto, percent};
use crate::checks::ElementStatus;
use crate::evidence::Status;
use crate::views::priorities::{PrioritiesReport, PriorityRow};

/// Writes the priorities report in `format`; `term` matters only to the table.
pub fn write(
    report: &PrioritiesReport,
    format: Format,
    term: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => table::write(report, term, out),
        Format::Json => json::write(report, out),
        Format::Markdown => markdown::write(report, out),
        Format::Csv => csv::write(report, out),
    }
}

/// "14 of 24 elements ready (58.3%)", or "ready in all 3 units" for an institution.
fn counts_line(report: &PrioritiesReport) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{} of {} elements ready{} ({})",
        s.ready,
        s.elements,
        if report.is_institution() {
            format!(" in {}", every_unit(report.units))
        } else {
            String::new()
        },
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

/// Under the table when the rows roll up several units.
const INSTITUTION_NOTE: &str = "Status is the least ready status across the units; an element is ready only when it is ready in every unit. Open actions are counted over every unit.";

/// Names listed in a markdown cell before "and N more".
const LISTED_NAMES: usize = 12;

/// "both units" or "all 3 units".
fn every_unit(units: usize) -> String {
    if units == 2 {
        "both units".into()
    } else {
        format!("all {units} units")
    }
}

/// Where an element is not ready: "both units" or "all 3 units" when that is every unit,
/// else the names, at most `max_names` of them before "and 3 more" (none: "4 units").
fn not_ready_in(report: &PrioritiesReport, row: &PriorityRow, max_names: usize) -> String {
    let names = &row.not_ready_in;
    if names.len() == report.units && report.units > 1 {
        every_unit(report.units)
    } else if max_names == 0 && names.len() > 1 {
        format!("{} units", names.len())
    } else {
        list_upto(names, max_names)
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
