//! The evidence matrix as a workbook or CSV, and the import plan as text.

pub mod csv;
pub mod plan;
pub mod xlsx;

use crate::sheet::matrix::ElementRow;

/// The Elements sheet's columns: header, width in characters, and whether texts wrap.
pub(crate) const ELEMENT_COLUMNS: [(&str, f64, bool); 13] = [
    ("Element", 10.0, false),
    ("Criterion", 22.0, true),
    ("Sub-criterion", 26.0, true),
    ("Text", 60.0, true),
    ("Priority", 9.0, false),
    ("Status", 16.0, false),
    ("Ready", 8.0, false),
    ("Owner", 24.0, true),
    ("Reviewed", 12.0, false),
    ("Evidence", 48.0, true),
    ("Open actions", 9.0, false),
    ("Next due", 12.0, false),
    ("Errors", 8.0, false),
];

/// "yes" or "no".
pub(crate) fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// The Elements sheet's text cells of a row, in [`ELEMENT_COLUMNS`] order; dates and
/// numbers as text. The workbook writes dates and numbers as typed cells instead.
pub(crate) fn element_texts(row: &ElementRow) -> [String; 13] {
    [
        row.element.clone(),
        row.criterion.clone(),
        row.subcriterion.clone(),
        row.text.clone(),
        yes_no(row.priority).to_owned(),
        row.status.as_str().to_owned(),
        yes_no(row.ready).to_owned(),
        row.owner.clone().unwrap_or_default(),
        row.reviewed.map(|d| d.to_string()).unwrap_or_default(),
        row.evidence.join("\n"),
        row.open_actions.to_string(),
        row.next_due.map(|d| d.to_string()).unwrap_or_default(),
        row.errors.to_string(),
    ]
}
