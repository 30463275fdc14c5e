//! `cse status` in each output format: one unit's table, the unit × scope matrix, or a row
//! per unit.

mod by_unit;
mod csv;
mod json;
mod markdown;
mod matrix;
mod table;

pub use json::SCHEMA_VERSION;

use std::io::{self, Write};

use super::Format;
use super::text::Terminal;
use super::words;
use crate::views::status::{Layout, StatusReport};

/// Writes the status report in `format`; `term` matters only to the table.
pub fn write(
    report: &StatusReport,
    format: Format,
    term: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    match (format, report.layout()) {
        (Format::Json, _) => json::write(report, out),
        (Format::Table, Layout::Single) => table::write(report, term, out),
        (Format::Markdown, Layout::Single) => markdown::write(report, out),
        (Format::Csv, Layout::Single) => csv::write(report, out),
        (Format::Table, Layout::Matrix) => matrix::table(report, term, out),
        (Format::Markdown, Layout::Matrix) => matrix::markdown(report, out),
        (Format::Csv, Layout::Matrix) => matrix::csv(report, out),
        (Format::Table, Layout::ByUnit) => by_unit::table(report, term, out),
        (Format::Markdown, Layout::ByUnit) => by_unit::markdown(report, out),
        (Format::Csv, Layout::ByUnit) => by_unit::csv(report, out),
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
pub const INSTITUTION_RULE: &str =
    "institution: an element is ready only when it is ready in every unit";
/// How the institution's counts by status are made, for the notes under `--by unit`.
pub const INSTITUTION_COUNTS: &str = "its counts take each element's least ready status";

/// The institution's reasons are listed for this many units at most; the rest are counted.
const UNITS_WITH_REASONS: usize = 10;

/// The reasons the verdict is no, and a closing line when some were left out. An
/// institution's reasons come from its units; after [`UNITS_WITH_REASONS`] units the rest
/// are counted instead of listed.
pub fn reasons(report: &StatusReport) -> (Vec<String>, Option<String>) {
    if !report.is_institution() {
        let all = report.readiness.assessment.reasons.iter();
        return (all.map(words::reason).collect(), None);
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
        .map(words::reason)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;
    use crate::checks::{ElementState, ElementStatus, Unit, UnitCheck};
    use crate::evidence::Status;
    use crate::views::status::Grouping;

    /// `n` units, each with every element compliant except 1.1.1, not assessed.
    fn report(n: usize) -> StatusReport {
        let catalogue = Catalogue::builtin().unwrap();
        let checks: Vec<UnitCheck> = (1..=n)
            .map(|i| UnitCheck {
                unit: Unit {
                    name: Some(format!("u{i:02}")),
                    dir: format!("evidence/u{i:02}"),
                },
                files: Vec::new(),
                elements: catalogue
                    .element_ids()
                    .map(|id| ElementState {
                        id: id.to_owned(),
                        file: None,
                        status: ElementStatus::Rated(if id == "1.1.1" {
                            Status::NotAssessed
                        } else {
                            Status::Compliant
                        }),
                        errors: 0,
                        open_action: false,
                    })
                    .collect(),
                diagnostics: Vec::new(),
                files_checked: 57,
            })
            .collect();
        let rollup = crate::rollup::roll_up(&catalogue, &checks, Default::default());
        StatusReport::new("CSE".into(), None, None, Grouping::Criterion, rollup)
    }

    #[test]
    fn an_institution_lists_the_reasons_of_ten_units_and_counts_the_rest() {
        let r = report(13);
        assert_eq!(r.readiness.assessment.reasons.len(), 13);
        let (shown, more) = reasons(&r);
        assert_eq!(shown.len(), 10);
        assert_eq!(shown[0], "[u01] 1 element is not assessed: 1.1.1");
        assert_eq!(
            more.as_deref(),
            Some(
                "and 3 more units are not assessment-ready; `cse status --unit NAME` gives one unit's reasons"
            )
        );
        let ten = report(10);
        let (shown, more) = reasons(&ten);
        assert_eq!((shown.len(), more), (10, None));
        let one = report(1);
        let (shown, more) = reasons(&one);
        assert_eq!(shown, ["1 element is not assessed: 1.1.1"]);
        assert_eq!(more, None);
    }
}
