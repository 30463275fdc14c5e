//! `cse docs --format json`: version 1, documented in docs/due.md.

use serde::Serialize;

use crate::documents::{Citation, DocsReport};

/// Bumped on any incompatible change to this document.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    documents: Vec<Document<'a>>,
    uncited: &'a [String],
    /// Why last changes are unknown; absent when they are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    history_unavailable: Option<String>,
}

#[derive(Serialize)]
struct Document<'a> {
    path: &'a str,
    exists: bool,
    last_changed: Option<Change<'a>>,
    elements: Vec<Element<'a>>,
    changed_since_review: Vec<Element<'a>>,
}

#[derive(Serialize)]
struct Change<'a> {
    date: String,
    commit: &'a str,
}

#[derive(Serialize)]
struct Element<'a> {
    element: &'a str,
    unit: Option<&'a str>,
    file: &'a str,
    owner: Option<&'a str>,
    reviewed: Option<String>,
}

fn element(c: &Citation) -> Element<'_> {
    Element {
        element: &c.element,
        unit: c.unit.as_deref(),
        file: &c.file,
        owner: c.owner.as_deref(),
        reviewed: c.reviewed.as_ref().map(|r| r.value.to_string()),
    }
}

pub fn render(report: &DocsReport) -> String {
    crate::render::to_string_with(|out| {
        crate::render::json::write(
            &Doc {
                version: SCHEMA_VERSION,
                documents: report
                    .documents
                    .iter()
                    .map(|d| Document {
                        path: &d.path,
                        exists: d.exists,
                        last_changed: d.last_changed.as_ref().map(|c| Change {
                            date: c.date.to_string(),
                            commit: &c.commit,
                        }),
                        elements: d.citations.iter().map(element).collect(),
                        changed_since_review: d.changed_since_review().map(element).collect(),
                    })
                    .collect(),
                uncited: &report.uncited,
                history_unavailable: report.no_history.as_ref().map(|n| n.reason()),
            },
            out,
        )
    })
}
