//! `cse status --format json`: the versioned schema in docs/json.md.

use std::io::{self, Write};

use serde::Serialize;

use crate::readiness::{Readiness, Scope, Tally};
use crate::render::words;
use crate::views::status::{Grouping, StatusReport};

/// Bumped on any incompatible change to this document.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    #[serde(flatten)]
    figures: Figures<'a>,
    /// Each unit's own figures, when there are several; the figures above are then the
    /// institution's.
    #[serde(skip_serializing_if = "Option::is_none")]
    units: Option<Vec<Unit<'a>>>,
}

#[derive(Serialize)]
struct Unit<'a> {
    name: &'a str,
    #[serde(flatten)]
    figures: Figures<'a>,
}

/// The figures of one unit, or of the institution.
#[derive(Serialize)]
struct Figures<'a> {
    overall: &'a Scope,
    criteria: &'a [Scope],
    #[serde(skip_serializing_if = "Option::is_none")]
    subcriteria: Option<&'a [Scope]>,
    #[serde(serialize_with = "Tally::serialize_elements_first")]
    priorities: &'a Tally,
    assessment_ready: bool,
    /// Why the verdict is no; empty when it is yes.
    assessment_reasons: Vec<String>,
    /// Elements with a file that count as not ready because `cse check` finds errors in it.
    not_ready_because_of_errors: usize,
}

fn figures<'a>(report: &StatusReport, r: &'a Readiness) -> Figures<'a> {
    Figures {
        overall: &r.overall,
        criteria: &r.criteria,
        subcriteria: (report.grouping == Grouping::Subcriterion).then_some(&r.subcriteria[..]),
        priorities: &r.priorities,
        assessment_ready: r.assessment.ready,
        assessment_reasons: r.assessment.reasons.iter().map(words::reason).collect(),
        not_ready_because_of_errors: r.not_ready_by_errors,
    }
}

pub fn write(report: &StatusReport, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        version: SCHEMA_VERSION,
        figures: figures(report, &report.readiness),
        units: report.is_institution().then(|| {
            report
                .units
                .iter()
                .map(|u| Unit {
                    name: &u.name,
                    figures: figures(report, &u.readiness),
                })
                .collect()
        }),
    };
    crate::render::json::write(&doc, out)
}
