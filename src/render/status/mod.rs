//! `cse status` in each output format.

mod csv;
mod json;
mod markdown;
mod table;

pub use json::SCHEMA_VERSION;

use super::report::Format;
use super::text::Terminal;
use crate::views::status::StatusReport;

/// The status report in `format`; `term` matters only to the table.
pub fn render(report: &StatusReport, format: Format, term: &Terminal) -> String {
    match format {
        Format::Table => table::render(report, term),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report),
        Format::Csv => csv::render(report),
    }
}

/// "2 elements count as not ready because of errors; run `cse check` to see them."
pub fn errors_note(not_ready_by_errors: usize) -> Option<String> {
    (not_ready_by_errors > 0).then(|| {
        let (noun, verb) = if not_ready_by_errors == 1 {
            ("element", "counts")
        } else {
            ("elements", "count")
        };
        format!(
            "{not_ready_by_errors} {noun} {verb} as not ready because of errors; run `cse check` to see them."
        )
    })
}

/// "priority elements ready: 14/24 (58.3%)"
pub fn priority_line(report: &StatusReport) -> String {
    let p = &report.readiness.priorities;
    format!(
        "priority elements ready: {}/{} ({})",
        p.ready,
        p.elements,
        super::text::percent(p.readiness)
    )
}

/// What the count names that are not status words mean, in
/// [`crate::readiness::Counts::NAMES`] order.
pub const COUNT_MEANINGS: [Option<&str>; 7] = [
    None,
    None,
    None,
    None,
    None,
    Some("no evidence file"),
    Some("front matter cannot be read"),
];
