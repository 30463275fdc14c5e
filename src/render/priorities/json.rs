//! `cse priorities --format json`: the versioned schema in docs/json.md.

use std::io::{self, Write};

use serde::Serialize;

use crate::views::priorities::PrioritiesReport;

/// Bumped on any incompatible change to this document.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    name: &'a str,
    elements: Vec<Element<'a>>,
}

#[derive(Serialize)]
struct Element<'a> {
    id: &'a str,
    text: &'a str,
    criterion: &'a str,
    /// A status word, or `missing` / `invalid`.
    status: &'static str,
    ready: bool,
    owner: Option<&'a str>,
    /// `YYYY-MM-DD`
    reviewed: Option<String>,
    tier: Option<&'static str>,
    open_actions: usize,
    /// With several units: the units where the element is not ready yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    units_not_ready: Option<&'a [String]>,
}

pub fn write(report: &PrioritiesReport, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        version: SCHEMA_VERSION,
        name: &report.name,
        elements: report
            .rows
            .iter()
            .map(|r| Element {
                id: &r.id,
                text: &r.text,
                criterion: &r.criterion,
                status: r.status.as_str(),
                ready: r.ready,
                owner: r.owner.as_deref(),
                reviewed: r.reviewed.map(|d| d.to_string()),
                tier: r.tier.map(|t| t.as_str()),
                open_actions: r.open_actions,
                units_not_ready: report.is_institution().then_some(r.not_ready_in.as_slice()),
            })
            .collect(),
    };
    crate::render::json::write(&doc, out)
}
