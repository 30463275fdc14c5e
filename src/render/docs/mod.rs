//! `cse docs` in each output format.

mod csv;
mod json;
mod markdown;
mod table;

pub use json::SCHEMA_VERSION;

use super::Format;
use super::text::{Terminal, plural};
use crate::documents::{Citation, DocsReport, Document};

/// The documents report in `format`; `term` matters only to the table.
pub fn render(report: &DocsReport, format: Format, term: &Terminal) -> String {
    match format {
        Format::Table => table::render(report, term),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report),
        Format::Csv => csv::render(report),
    }
}

/// "8 documents cited, 1 missing; 2 changed since an element's review".
fn summary_line(report: &DocsReport) -> String {
    let missing = report.documents.iter().filter(|d| !d.exists).count();
    let mut line = format!("{} cited", plural(report.documents.len(), "document"));
    if missing > 0 {
        line.push_str(&format!(", {missing} missing"));
    }
    line.push_str(&format!(
        "; {} changed since an element's review",
        report.changed_count()
    ));
    if let (Some(dir), None) = (&report.dir, &report.at) {
        line.push_str(&format!(
            "; {} under {dir}/ cited by no element",
            plural(report.uncited.len(), "file")
        ));
    }
    line
}

/// Lines under the documents: why dates are missing, or how to list uncited documents.
fn notes(report: &DocsReport) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(why) = &report.no_history {
        notes.push(format!("Last changes are unknown: {}.", why.reason()));
    }
    if report.dir.is_some() && report.at.is_some() {
        notes.push("Documents that no element cites are listed for the working tree only.".into());
    } else if report.dir.is_none() {
        notes.push(
            "Set `dir` under `[documents]` in cse.toml to list the documents no element cites."
                .into(),
        );
    }
    notes
}

/// "4.3.1", or "central 4.3.1" when the repository has units.
fn citation_label(c: &Citation) -> String {
    match &c.unit {
        Some(unit) => format!("{unit} {}", c.element),
        None => c.element.to_string(),
    }
}

fn cited_by(d: &Document) -> String {
    d.citations
        .iter()
        .map(citation_label)
        .collect::<Vec<_>>()
        .join(", ")
}

/// "4.3.1 (reviewed 2026-03-14)", for each element reviewed before the last change.
fn changed_since_review(d: &Document) -> String {
    d.changed_since_review()
        .map(|c| match &c.reviewed {
            Some(r) => format!("{} (reviewed {})", citation_label(c), r.value),
            None => citation_label(c),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn last_change(d: &Document) -> String {
    match &d.last_changed {
        Some(c) => format!("{} {}", c.date, c.commit),
        None => "unknown".into(),
    }
}
