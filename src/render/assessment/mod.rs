//! `cse assessment` in each output format.

mod json;
mod markdown;
mod table;

pub use json::SCHEMA_VERSION;

use std::io::{self, Write};

use super::Format;
use super::text::Terminal;
use crate::assessment::visit::{Difference, VisitReport};
use crate::assessment::{Assessment, Word};
use crate::evidence::Status;

/// The visit report in `format` (table, JSON or markdown; CSV is not offered).
pub fn write(
    report: &VisitReport,
    format: Format,
    term: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table | Format::Csv => table::write(report, term, out),
        Format::Json => json::write(report, out),
        Format::Markdown => markdown::write(report, out),
    }
}

/// "Assessment on 2026-03-14: full, certified"
pub(crate) fn title(visit: &Assessment) -> String {
    format!(
        "Assessment on {}: {}, {}",
        visit.date,
        visit.kind.as_str(),
        visit.outcome.as_str()
    )
}

/// "Example Certification Ltd, A. Assessor" (not yet cleaned or escaped).
pub(crate) fn by(visit: &Assessment) -> Option<String> {
    let names: Vec<&str> = [visit.body.as_deref(), visit.assessor.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// "you say compliance-plus, the assessor said compliant on 2026-03-14; the evidence
/// changed on 2026-05-02, after the visit"
pub(crate) fn describe(d: &Difference) -> String {
    let mut s = format!(
        "you say {}, the assessor said {} on {}",
        d.own.as_str(),
        d.assessor,
        d.rated_on
    );
    if let Some(on) = d.changed_on {
        s.push_str(&format!("; the evidence changed on {on}, after the visit"));
    }
    s
}

/// The count columns: each rating's label, then "Not rated".
pub(crate) fn count_headers() -> Vec<&'static str> {
    crate::assessment::ratings()
        .map(Status::label)
        .chain(["Not rated"])
        .collect()
}

pub(crate) fn count_cells(counts: &crate::assessment::visit::Counts) -> Vec<String> {
    counts
        .rated
        .iter()
        .map(|(_, n)| n.to_string())
        .chain([counts.not_rated.to_string()])
        .collect()
}

/// The "since the visit before" lines: (heading, ids).
fn change_lines(c: &crate::assessment::visit::Changes) -> [(&'static str, &[String]); 5] {
    [
        ("Compliance Plus gained", &c.gained),
        ("Compliance Plus retained", &c.retained),
        ("Compliance Plus lost", &c.lost),
        ("Partials closed", &c.closed),
        ("New partials", &c.new_partials),
    ]
}

/// "due 2026-06-14, overdue" and the like, for a partial.
fn partial_state(p: &crate::assessment::visit::Partial) -> String {
    let due = match p.due {
        Some(d) => format!("due {d}"),
        None => "no due date".to_owned(),
    };
    if p.overdue {
        format!("{due}, overdue")
    } else if p.ready_now {
        format!("{due}, ready now")
    } else {
        due
    }
}
