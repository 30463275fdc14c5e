//! `cse actions` in each output format.

mod csv;
mod json;
mod markdown;
mod table;

pub use json::SCHEMA_VERSION;

use std::io::{self, Write};

use super::Format;
use super::text::{Terminal, plural};
use crate::views::actions::ActionPlan;

/// Writes the action plan in `format`; `term` matters only to the table.
pub fn write(
    plan: &ActionPlan,
    format: Format,
    term: &Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => table::write(plan, term, out),
        Format::Json => json::write(plan, out),
        Format::Markdown => markdown::write(plan, out),
        Format::Csv => csv::write(plan, out),
    }
}

/// "Action plan on 2026-11-28: 7 open actions, 2 overdue", naming the unit under `--unit`.
fn summary_line(plan: &ActionPlan) -> String {
    let overdue = plan.overdue_count();
    let whose = match &plan.unit {
        Some(unit) => format!("Action plan of unit {unit}"),
        None => "Action plan".to_owned(),
    };
    if plan.only_overdue {
        format!(
            "{whose} on {}: {} overdue",
            plan.today,
            plural(overdue, "open action")
        )
    } else {
        format!(
            "{whose} on {}: {}, {overdue} overdue",
            plan.today,
            plural(plan.rows.len(), "open action")
        )
    }
}

fn empty_message(plan: &ActionPlan) -> Option<&'static str> {
    match (plan.rows.is_empty(), plan.only_overdue) {
        (false, _) => None,
        (true, true) => Some("No open action is overdue."),
        (true, false) => Some("No open actions. Add them under `actions:` in the evidence files."),
    }
}

/// Whether to show a unit column: when the plan covers several units.
fn has_units(plan: &ActionPlan) -> bool {
    plan.several_units
}
