//! `cse status --format json`: the versioned schema in the README.

use serde::Serialize;

use crate::readiness::{PriorityScope, Scope};
use crate::views::status::{Grouping, StatusReport};

/// Bumped on any incompatible change to this document.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    overall: &'a Scope,
    criteria: &'a [Scope],
    #[serde(skip_serializing_if = "Option::is_none")]
    subcriteria: Option<&'a [Scope]>,
    priorities: &'a PriorityScope,
    assessment_ready: bool,
    /// Why the verdict is no; empty when it is yes.
    assessment_reasons: &'a [String],
    /// Elements with a file that count as not ready because `cse check` finds errors in it.
    not_ready_because_of_errors: usize,
}

pub fn render(report: &StatusReport) -> String {
    let r = &report.readiness;
    super::super::report::json(&Document {
        version: SCHEMA_VERSION,
        overall: &r.overall,
        criteria: &r.criteria,
        subcriteria: (report.grouping == Grouping::Subcriterion).then_some(&r.subcriteria[..]),
        priorities: &r.priorities,
        assessment_ready: r.assessment.ready,
        assessment_reasons: &r.assessment.reasons,
        not_ready_because_of_errors: r.not_ready_by_errors,
    })
}
