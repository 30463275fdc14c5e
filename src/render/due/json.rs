//! `cse due --format json`: version 1, documented in docs/due.md.

use serde::Serialize;

use crate::views::due::DueReport;

/// Bumped on any incompatible change to this document.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    today: String,
    until: String,
    owners: Vec<Owner<'a>>,
}

#[derive(Serialize)]
struct Owner<'a> {
    owner: Option<&'a str>,
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    kind: &'static str,
    unit: Option<&'a str>,
    element: &'a str,
    what: &'a str,
    owner: Option<&'a str>,
    due: String,
    overdue: bool,
    file: &'a str,
    line: u32,
}

pub fn render(report: &DueReport) -> String {
    crate::render::to_string_with(|out| {
        crate::render::json::write(
            &Doc {
                version: SCHEMA_VERSION,
                today: report.today.to_string(),
                until: report.until.to_string(),
                owners: report
                    .groups
                    .iter()
                    .map(|g| Owner {
                        owner: g.owner.as_deref(),
                        items: g
                            .items
                            .iter()
                            .map(|i| Item {
                                kind: i.kind.as_str(),
                                unit: i.unit.as_deref(),
                                element: &i.element,
                                what: &i.what,
                                owner: i.owner.as_deref(),
                                due: i.due.to_string(),
                                overdue: i.overdue,
                                file: &i.file,
                                line: i.line,
                            })
                            .collect(),
                    })
                    .collect(),
            },
            out,
        )
    })
}
