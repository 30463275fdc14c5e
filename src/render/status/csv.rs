//! `cse status --format csv`: a row per criterion (or sub-criterion), then the total.

use std::io::{self, Write};

use crate::readiness::{Counts, Scope};
use crate::render::csv::record;
use crate::views::status::{Grouping, StatusReport};

pub fn write(report: &StatusReport, out: &mut dyn Write) -> io::Result<()> {
    let mut header = vec!["scope", "id", "title", "elements", "ready", "readiness"];
    header.extend(Counts::NAMES);
    record(out, header)?;
    let kind = scope_kind(report.grouping);
    for scope in report.rows() {
        row(out, kind, scope)?;
    }
    row(out, "overall", &report.readiness.overall)
}

/// The `scope` column of a criterion or sub-criterion row.
pub(super) fn scope_kind(grouping: Grouping) -> &'static str {
    match grouping {
        Grouping::Criterion | Grouping::Unit => "criterion",
        Grouping::Subcriterion => "subcriterion",
    }
}

fn row(out: &mut dyn Write, kind: &str, s: &Scope) -> io::Result<()> {
    let mut fields = vec![
        kind.to_owned(),
        s.id.clone().unwrap_or_default(),
        s.title.clone().unwrap_or_default(),
        s.tally.elements.to_string(),
        s.tally.ready.to_string(),
        format!("{:.1}", s.tally.readiness),
    ];
    fields.extend(s.counts.values().iter().map(usize::to_string));
    record(out, fields)
}
