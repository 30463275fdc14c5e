//! `cse status --format csv`: a row per criterion (or sub-criterion), then the total.

use crate::readiness::{Counts, Scope};
use crate::render::csv::record;
use crate::views::status::{Grouping, StatusReport};

pub fn render(report: &StatusReport) -> String {
    let mut header = vec!["scope", "id", "title", "elements", "ready", "readiness"];
    header.extend(Counts::NAMES);
    let mut out = record(header);
    let kind = scope_kind(report.grouping);
    for scope in report.rows() {
        out.push_str(&row(kind, scope));
    }
    out.push_str(&row("overall", &report.readiness.overall));
    out
}

/// The `scope` column of a criterion or sub-criterion row.
pub(super) fn scope_kind(grouping: Grouping) -> &'static str {
    match grouping {
        Grouping::Criterion | Grouping::Unit => "criterion",
        Grouping::Subcriterion => "subcriterion",
    }
}

fn row(kind: &str, s: &Scope) -> String {
    let mut fields = vec![
        kind.to_owned(),
        s.id.clone().unwrap_or_default(),
        s.title.clone().unwrap_or_default(),
        s.tally.elements.to_string(),
        s.tally.ready.to_string(),
        format!("{:.1}", s.tally.readiness),
    ];
    fields.extend(s.counts.values().iter().map(usize::to_string));
    record(fields)
}
