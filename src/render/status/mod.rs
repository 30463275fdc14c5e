//! `cse status` in each output format: one unit's table, the unit × scope matrix, or a row
//! per unit.

mod by_unit;
mod csv;
mod json;
mod markdown;
mod matrix;
mod table;

pub use json::SCHEMA_VERSION;

use super::report::Format;
use super::text::Terminal;
use crate::views::status::{Layout, StatusReport};

/// The status report in `format`; `term` matters only to the table.
pub fn render(report: &StatusReport, format: Format, term: &Terminal) -> String {
    match (format, report.layout()) {
        (Format::Json, _) => json::render(report),
        (Format::Table, Layout::Single) => table::render(report, term),
        (Format::Markdown, Layout::Single) => markdown::render(report),
        (Format::Csv, Layout::Single) => csv::render(report),
        (Format::Table, Layout::Matrix) => matrix::table(report, term),
        (Format::Markdown, Layout::Matrix) => matrix::markdown(report),
        (Format::Csv, Layout::Matrix) => matrix::csv(report),
        (Format::Table, Layout::ByUnit) => by_unit::table(report, term),
        (Format::Markdown, Layout::ByUnit) => by_unit::markdown(report),
        (Format::Csv, Layout::ByUnit) => by_unit::csv(report),
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

/// "priority elements ready: 14/24 (58.3%)", or "ready in every unit" for an institution.
pub fn priority_line(report: &StatusReport) -> String {
    let p = &report.readiness.priorities;
    format!(
        "priority elements ready{}: {}/{} ({})",
        if report.is_institution() {
            " in every unit"
        } else {
            ""
        },
        p.ready,
        p.elements,
        super::text::percent(p.readiness)
    )
}

/// "assessment-ready", or "institution assessment-ready" when the figures are rolled up.
pub fn assessment_label(report: &StatusReport) -> &'static str {
    if report.is_institution() {
        "institution assessment-ready"
    } else {
        "assessment-ready"
    }
}

/// How an institution is rolled up, for the notes under its tables.
pub const INSTITUTION_RULE: &str = "institution: an element is ready only when it is ready in every unit; the counts take its least ready status";

/// The institution's reasons are listed for this many units at most; the rest are counted.
const UNITS_WITH_REASONS: usize = 10;

/// The reasons the verdict is no, and a closing line when some were left out. An
/// institution's reasons come from its units; after [`UNITS_WITH_REASONS`] units the rest
/// are counted instead of listed.
pub fn reasons(report: &StatusReport) -> (Vec<&str>, Option<String>) {
    if !report.is_institution() {
        let all = report.readiness.assessment.reasons.iter();
        return (all.map(String::as_str).collect(), None);
    }
    let not_ready: Vec<_> = report
        .units
        .iter()
        .filter(|u| !u.readiness.assessment.ready)
        .collect();
    let shown: usize = not_ready
        .iter()
        .take(UNITS_WITH_REASONS)
        .map(|u| u.readiness.assessment.reasons.len())
        .sum();
    let reasons = report
        .readiness
        .assessment
        .reasons
        .iter()
        .take(shown)
        .map(String::as_str)
        .collect();
    let rest = not_ready.len().saturating_sub(UNITS_WITH_REASONS);
    let more = (rest > 0).then(|| {
        format!(
            "and {rest} more {} not assessment-ready; `cse status --unit NAME` gives one unit's reasons",
            if rest == 1 { "unit is" } else { "units are" }
        )
    });
    (reasons, more)
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
