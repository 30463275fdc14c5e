//! `cse plan --format json`: the versioned document in docs/assessments.md.

use std::io::{self, Write};

use serde_json::json;

use crate::assessment::plan::Plan;

pub const SCHEMA_VERSION: u32 = 1;

pub fn write(plan: &Plan, out: &mut dyn Write) -> io::Result<()> {
    let doc = json!({
        "version": SCHEMA_VERSION,
        "visit": plan.visit.to_string(),
        "last_visit": plan.last_visit.map(|d| d.to_string()),
        "cycle_years": plan.years,
        "elements": plan.items.iter().map(|item| json!({
            "id": item.id,
            "reasons": item.reasons.iter().map(|r| json!({
                "rule": r.rule(),
                "text": super::describe(r),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    crate::render::json::write(&doc, out)
}
