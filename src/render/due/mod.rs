//! `cse due` in each output format.

mod ics;
mod json;
mod markdown;
mod table;

pub use json::SCHEMA_VERSION;

use super::text::{Terminal, plural};
use crate::views::due::{DueItem, DueKind, DueReport};

/// How `cse due` is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueFormat {
    Table,
    Json,
    /// An email-ready digest per owner.
    Markdown,
    /// An RFC 5545 calendar: one all-day event per item.
    Ics,
}

/// The report in `format`. `term` matters only to the table; `name` (the organisation's)
/// names the calendar and keeps its event ids apart from another repository's.
pub fn render(
    report: &DueReport,
    format: DueFormat,
    term: &Terminal,
    name: Option<&str>,
) -> String {
    match format {
        DueFormat::Table => table::render(report, term),
        DueFormat::Json => json::render(report),
        DueFormat::Markdown => markdown::render(report),
        DueFormat::Ics => ics::render(report, name),
    }
}

/// "Due by 2026-12-31 (today is 2026-12-01): 5 items, 2 overdue".
fn summary_line(report: &DueReport) -> String {
    let total = report.items().count();
    let overdue = report.items().filter(|i| i.overdue).count();
    format!(
        "Due by {} (today is {}): {}, {overdue} overdue",
        report.until,
        report.today,
        plural(total, "item")
    )
}

fn owner_name(owner: Option<&str>) -> &str {
    owner.unwrap_or("No owner")
}

/// "Review the evidence (…)" or "Action: …".
fn what(item: &DueItem) -> String {
    match item.kind {
        DueKind::Review => item.what.clone(),
        DueKind::Action => format!("Action: {}", item.what),
    }
}

/// "4.3.1", or "central 4.3.1" in a repository with units.
fn element_label(item: &DueItem) -> String {
    match &item.unit {
        Some(unit) => format!("{unit} {}", item.element),
        None => item.element.clone(),
    }
}

/// What an empty report means: with `--owner`, only for that owner.
fn empty(report: &DueReport) -> String {
    match &report.owner {
        Some(owner) => format!(
            "Nothing of {owner}'s falls due in this window, and nothing of theirs is overdue."
        ),
        None => "Nothing falls due in this window, and nothing is overdue.".into(),
    }
}
