//! `cse actions --format json`: the versioned schema in docs/json.md.

use std::io::{self, Write};

use serde::Serialize;

use crate::views::actions::ActionPlan;

/// Bumped on any incompatible change to this document.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    today: String,
    actions: Vec<Action<'a>>,
}

#[derive(Serialize)]
struct Action<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    element: &'a str,
    action: &'a str,
    owner: Option<&'a str>,
    due: Option<String>,
    overdue: bool,
    file: &'a str,
    line: u32,
}

pub fn write(plan: &ActionPlan, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        version: SCHEMA_VERSION,
        today: plan.today.to_string(),
        actions: plan
            .rows
            .iter()
            .map(|r| Action {
                unit: r.unit.as_deref(),
                element: &r.element,
                action: &r.action,
                owner: r.owner.as_deref(),
                due: r.due.map(|d| d.to_string()),
                overdue: r.overdue,
                file: &r.file,
                line: r.line,
            })
            .collect(),
    };
    crate::render::json::write(&doc, out)
}
